//! lkms: a key management service in one command.
//!
//! Layers, with dependencies pointing one way: `commands` use `keyring`, `crypto` and `audit`;
//! `crypto` knows nothing of files, the command line or the keyring.

pub mod crypto;
pub mod error;
pub mod message_source;
