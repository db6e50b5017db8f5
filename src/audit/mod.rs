//! The tamper-evident audit log: one JSON object a line, each line's `hash` covering the line
//! before it, so an edited, removed or reordered line breaks the chain.
//!
//! Never in the log: passphrases, key material, data keys, plaintext. The encryption context
//! is logged in clear, as CloudTrail does.

pub mod anchor;
mod chain;
pub mod checkpoint;
mod error;
mod event;
mod field;
mod log;
pub mod note;
mod prune;
pub mod pruned;
mod record;
mod verify;

#[cfg(test)]
pub use chain::line_hash;
pub use error::Error;
pub use event::Event;
pub use field::{Field, Stream};
pub use log::AuditLog;
pub use record::{Outcome, Record, UnlockInfo};
#[cfg(test)]
pub use verify::verify_file;
pub use verify::{Options, Problem, check_reader, for_each_record, open as open_log};

/// The longest line the log may hold, newline excluded. lkms refuses to write a longer one, the
/// readers refuse to read one, and the appender looks no further back than this for the last
/// line, so no amount of hostile log content makes lkms allocate more than this per line.
pub const MAX_LINE: usize = 1 << 20;
