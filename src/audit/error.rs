//! What can go wrong reading the audit log, as facts with their data. The exit code and the
//! next step are decided in `crate::error`.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no audit log at {}", .0.display())]
    NoLog(PathBuf),
    /// `audit verify` found line `line` (1-based) breaking the chain.
    #[error("the audit log {} is broken at line {line}: {why}", .path.display())]
    Broken {
        path: PathBuf,
        line: u64,
        why: String,
    },
    /// A line that does not parse as a record, for readers other than `verify`.
    #[error("line {line} of the audit log {} {why}", .path.display())]
    NotARecord {
        path: PathBuf,
        line: u64,
        why: String,
    },
    /// The log's last line is longer than any record lkms writes.
    #[error("its last line is longer than {limit} bytes, which lkms never writes")]
    LongLastLine { limit: usize },
    /// The log ends with more bytes than a torn record could hold.
    #[error("it ends with more than {limit} bytes that are not a line")]
    LongTornTail { limit: usize },
    /// The log's last line does not parse as a record, so the next one cannot be chained to it.
    #[error("its last line is not an audit record ({why})")]
    LastLineNotARecord { why: String },
}
