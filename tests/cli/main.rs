//! Integration tests: the real binary on temporary directories, one test binary with a small
//! harness (`util`) and one module per area.

mod util;

mod audit;
mod concurrency;
mod crash;
mod faults;
mod keys;
mod lifecycle;
mod passphrase;
mod secrets;
