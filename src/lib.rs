//! lkms: a key management service in one command.
//!
//! Layers, with dependencies pointing one way: `commands` use `keyring`, `crypto`, `audit` and
//! `io`; `crypto` knows nothing of files, the command line or the keyring. `roots` (the external
//! systems that can hold a keyring identity: AWS KMS, Vault/OpenBao Transit, PKCS#11 tokens)
//! knows nothing of them either; it wraps and unwraps bytes bound to a keyring id, and is
//! public so that its integration tests call it against real servers.

pub(crate) mod agent;
pub(crate) mod audit;
pub mod cli;
pub(crate) mod commands;
pub(crate) mod config;
pub(crate) mod confirm;
pub mod crypto;
pub(crate) mod env;
pub(crate) mod error;
pub mod generate;
pub(crate) mod hardening;
pub(crate) mod heap;
pub(crate) mod interrupt;
pub mod io;
pub(crate) mod keyring;
pub(crate) mod output;
pub(crate) mod passphrase;
pub mod roots;
pub mod run;
pub(crate) mod text;
