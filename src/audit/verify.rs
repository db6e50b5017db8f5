//! Reading the log back and checking its chain.

use std::io::BufRead;
use std::path::Path;

use anyhow::Context as _;

use super::chain::{GENESIS_HASH, line_hash};
use super::record::Record;
use crate::error::{integrity, not_found};

#[derive(Debug)]
pub struct VerifyReport {
    pub lines: u64,
    pub last_hash: String,
}

fn open(path: &Path) -> anyhow::Result<std::io::BufReader<std::fs::File>> {
    match std::fs::File::open(path) {
        Ok(f) => Ok(std::io::BufReader::new(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(not_found(format!(
            "no audit log at {}; it is created by the first command that uses the keyring",
            path.display()
        ))),
        Err(e) => Err(e).with_context(|| format!("cannot read the audit log {}", path.display())),
    }
}

/// Checks every line: it parses, its seq follows the previous one, its prev_hash is the
/// previous line's hash, and its hash is right. Fails (exit 5) naming the first bad line.
pub fn verify_file(path: &Path) -> anyhow::Result<VerifyReport> {
    let reader = open(path)?;
    let mut prev = GENESIS_HASH.to_string();
    let mut n = 0u64;
    let broken = |line: u64, why: String| {
        integrity(format!(
            "the audit log {} is broken at line {line}: {why}",
            path.display()
        ))
    };
    for line in reader.split(b'\n') {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        n += 1;
        let expected_seq = n;
        let record: Record = serde_json::from_slice(&line)
            .map_err(|e| broken(n, format!("not an audit record ({e})")))?;
        if record.seq != expected_seq {
            return Err(broken(
                n,
                format!(
                    "seq is {}, expected {expected_seq} (a line was removed, added or moved)",
                    record.seq
                ),
            ));
        }
        if record.prev_hash != prev {
            return Err(broken(
                n,
                "prev_hash does not match the line before (a line was removed or moved)".into(),
            ));
        }
        if line_hash(&record) != record.hash {
            return Err(broken(
                n,
                "its hash does not match its content (it was edited)".into(),
            ));
        }
        prev = record.hash;
    }
    Ok(VerifyReport {
        lines: n,
        last_hash: prev,
    })
}

/// Every record, for `audit show`. Lines that do not parse are an integrity error.
pub fn read_records(path: &Path) -> anyhow::Result<Vec<Record>> {
    let reader = open(path)?;
    let mut out = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        let record = serde_json::from_slice(&line).map_err(|e| {
            integrity(format!(
                "line {} of the audit log {} is not an audit record ({e}); run `lkms audit verify`",
                i + 1,
                path.display()
            ))
        })?;
        out.push(record);
    }
    Ok(out)
}
