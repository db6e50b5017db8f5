//! The tamper-evident audit log: one JSON object a line, each line's `hash` covering the line
//! before it, so an edited, removed or reordered line breaks the chain.
//!
//! Never in the log: passphrases, key material, data keys, plaintext. The encryption context
//! is logged in clear, as CloudTrail does.

mod chain;
mod log;
mod record;
mod verify;

pub use chain::{GENESIS_HASH, line_hash};
pub use log::AuditLog;
pub use record::{Actor, Outcome, Record};
pub use verify::{VerifyReport, read_records, verify_file};
