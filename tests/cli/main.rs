//! Integration tests: the real binary on temporary directories, one test binary with a small
//! harness (`util`) and one module per area.

mod util;

#[path = "../support/servers.rs"]
mod servers;

mod age_interop;
mod agent;
mod audit;
mod backup;
mod concurrency;
mod config;
mod crash;
mod data;
mod demo;
mod destructive;
mod docs;
mod external_roots;
mod faults;
mod generated;
mod grant;
mod grant_roots;
mod help_examples;
mod help_examples_run;
mod import_material;
mod keys;
mod lifecycle;
mod messages;
mod passphrase;
mod pinned;
mod policy;
mod prune;
mod readme;
mod readme_ci;
mod report;
mod review;
mod roots;
mod sealed;
mod sealed_attacks;
mod secrets;
mod sign;
mod terminal;
mod transfer;
