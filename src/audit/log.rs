//! Appending to the log: under an exclusive lock, one `write` per line, flushed to disk.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use jiff::Timestamp;

use super::MAX_LINE;
use super::chain::{GENESIS_HASH, line_hash};
use super::error::Error;
use super::record::{Outcome, Record};
use crate::error::{failure, integrity};

pub struct AuditLog {
    path: PathBuf,
    file: File,
}

impl AuditLog {
    /// Opens (creating, 0600) the log for appending. Commands open it before they act, so a log
    /// that cannot be written stops them before anything happens (fail closed).
    pub fn open(path: &Path) -> anyhow::Result<AuditLog> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .with_context(|| format!("cannot create the directory {}", dir.display()))?;
        }
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .mode(0o600)
            // Never through a symlink: one planted at the log's name would have lkms append
            // to (and, repairing a torn line, truncate) a file of the planter's choosing.
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
            .map_err(|e| {
                let why = if e.raw_os_error() == Some(libc::ELOOP) {
                    "it is a symbolic link; name the log itself".to_string()
                } else {
                    crate::error::plain_io(&e)
                };
                failure(format!(
                    "cannot open the audit log {} for writing ({why}); lkms refuses to act \
                     without its audit trail",
                    path.display()
                ))
            })?;
        Ok(AuditLog {
            path: path.to_path_buf(),
            file,
        })
    }

    /// Completes the record (seq, time, prev_hash, hash) and appends it.
    pub fn append(&mut self, mut record: Record, now: Timestamp) -> anyhow::Result<Record> {
        let path = self.path.clone();
        let refused = |e: anyhow::Error| {
            e.context(format!(
                "cannot write to the audit log {}; the operation was refused",
                path.display()
            ))
        };
        let fail = |e: std::io::Error| refused(anyhow::Error::new(e));
        self.file.lock().map_err(fail)?;
        let result = self.append_locked(&mut record, now);
        let _ = self.file.unlock();
        result.map_err(|e| {
            if e.get_ref().is_some_and(|inner| inner.is::<NotAnAuditLog>()) {
                // The file holds something lkms did not write: nothing was changed in it.
                integrity(format!(
                    "this is not an lkms audit log: {} {e}; nothing was written to it and the \
                     operation was refused (name the right file with --audit-log)",
                    path.display()
                ))
            } else if e.get_ref().is_some_and(|inner| inner.is::<Error>()) {
                let inner = e.into_inner().expect("checked above");
                let tail = *inner.downcast::<Error>().expect("checked above");
                refused(anyhow::Error::new(tail))
            } else {
                fail(e)
            }
        })?;
        Ok(record)
    }

    fn append_locked(&mut self, record: &mut Record, now: Timestamp) -> std::io::Result<()> {
        let (last, torn) = self.last_line()?;
        if torn > 0 {
            self.check_torn_tail(torn)?;
            // A crash cut the last line short. That line was never complete, so its command
            // never reported success: drop the fragment rather than glue a record onto it, and
            // say so in the chain.
            let len = self.file.metadata()?.len();
            self.file.set_len(len - torn)?;
            let mut note = Record::new(super::Event::AuditLogRecovered);
            note.outcome = Outcome::Success;
            note.set(super::Field::DroppedBytes(torn));
            let (seq, prev) = next_link(last.as_ref());
            let note = self.write_record(note, seq, prev, now)?;
            return self
                .write_record(record.clone(), note.seq + 1, note.hash, now)
                .map(|r| *record = r);
        }
        let (seq, prev) = next_link(last.as_ref());
        *record = self.write_record(record.clone(), seq, prev, now)?;
        Ok(())
    }

    /// A torn tail is dropped only if it is the start of a record as lkms writes it (the
    /// first field is always `seq`): any other content means the file is not an lkms log, and
    /// truncating it would destroy someone's data.
    fn check_torn_tail(&mut self, torn: u64) -> std::io::Result<()> {
        let len = self.file.metadata()?.len();
        // At most MAX_LINE bytes (checked by `last_line`).
        let mut tail = Vec::with_capacity(usize::try_from(torn).unwrap_or(usize::MAX));
        self.file.seek(SeekFrom::Start(len - torn))?;
        (&self.file).take(torn).read_to_end(&mut tail)?;
        if is_record_start(&tail) {
            Ok(())
        } else {
            Err(std::io::Error::other(NotAnAuditLog))
        }
    }

    fn write_record(
        &mut self,
        mut record: Record,
        seq: u64,
        prev_hash: String,
        now: Timestamp,
    ) -> std::io::Result<Record> {
        record.seq = seq;
        record.time = now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        record.prev_hash = prev_hash;
        record.hash = line_hash(&record);
        let mut line = serde_json::to_vec(&record).map_err(std::io::Error::other)?;
        if line.len() > MAX_LINE {
            // The readers refuse such a line; writing it would break the log for good.
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("the audit record would be longer than {MAX_LINE} bytes"),
            ));
        }
        line.push(b'\n');
        let len = self.file.metadata()?.len();
        if let Err(e) = self
            .file
            .write_all(&line)
            .and_then(|()| self.file.sync_data())
        {
            // A full disk can take part of the line: take it back, so the log ends on a whole
            // line and the next append does not have to recover from a torn one.
            let _ = self.file.set_len(len);
            return Err(e);
        }
        Ok(record)
    }

    /// The last complete record, and the length of a torn tail after it (0 if none).
    ///
    /// Reads backwards from the end in growing chunks, never more than two lines' worth
    /// ([`MAX_LINE`] each): a log whose tail is not a record and a torn fragment of at most
    /// one line is refused rather than read whole.
    fn last_line(&mut self) -> std::io::Result<(Option<Record>, u64)> {
        let len = self.file.metadata()?.len();
        if len == 0 {
            return Ok((None, 0));
        }
        // Carried inside the io::Error to `append`, which takes it out again: the tail's
        // problem keeps its type, and its remedy is added in `crate::error`.
        let invalid = |e: Error| std::io::Error::new(std::io::ErrorKind::InvalidData, e);
        let too_long = || invalid(Error::LongLastLine { limit: MAX_LINE });
        let limit = 2 * (MAX_LINE as u64 + 1);
        let mut size = len.min(8192);
        loop {
            let start = len - size;
            // size is at most `limit`, a few MiB.
            let mut tail = Vec::with_capacity(usize::try_from(size).unwrap_or(usize::MAX));
            self.file.seek(SeekFrom::Start(start))?;
            (&self.file).take(size).read_to_end(&mut tail)?;
            let at_start = start == 0;
            let grow = size < limit.min(len);
            let end = tail.iter().rposition(|&b| b == b'\n');
            let torn = match end {
                Some(i) => (tail.len() - i - 1) as u64,
                None => tail.len() as u64,
            };
            if torn > MAX_LINE as u64 {
                return Err(invalid(Error::LongTornTail { limit: MAX_LINE }));
            }
            let Some(end) = end else {
                if at_start {
                    return Ok((None, torn));
                }
                size = (size * 4).min(limit).min(len);
                continue;
            };
            let line = match tail[..end].iter().rposition(|&b| b == b'\n') {
                Some(i) => &tail[i + 1..end],
                None if at_start => &tail[..end],
                None if grow => {
                    size = (size * 4).min(limit).min(len);
                    continue;
                }
                None => return Err(too_long()),
            };
            if line.len() > MAX_LINE {
                return Err(too_long());
            }
            let record = serde_json::from_slice::<Record>(line)
                .map_err(|e| invalid(Error::LastLineNotARecord { why: e.to_string() }))?;
            return Ok((Some(record), torn));
        }
    }
}

/// The file ends with a line that is neither whole nor the start of a record.
#[derive(Debug)]
struct NotAnAuditLog;

impl std::fmt::Display for NotAnAuditLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ends with text that is not the start of an audit record")
    }
}

impl std::error::Error for NotAnAuditLog {}

/// True when `bytes` is the beginning of a line lkms writes: `{"seq":` then digits, or a
/// prefix of that.
fn is_record_start(bytes: &[u8]) -> bool {
    const START: &[u8] = b"{\"seq\":";
    if bytes.len() <= START.len() {
        return START.starts_with(bytes);
    }
    bytes.starts_with(START) && bytes[START.len()].is_ascii_digit()
}

fn next_link(last: Option<&Record>) -> (u64, String) {
    match last {
        Some(r) => (r.seq + 1, r.hash.clone()),
        None => (1, GENESIS_HASH.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::verify_file;

    fn now() -> Timestamp {
        "2026-01-01T00:00:00Z".parse().unwrap()
    }

    fn append(path: &Path, record: Record) -> anyhow::Result<Record> {
        AuditLog::open(path)?.append(record, now())
    }

    fn with_padding(event: &str, bytes: usize) -> Record {
        let mut r = Record::named(event);
        r.request
            .insert("pad".into(), serde_json::Value::from("x".repeat(bytes)));
        r
    }

    #[test]
    fn a_last_line_longer_than_the_first_read_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        append(&path, Record::named("A")).unwrap();
        // Longer than the first 8 KiB read from the end, so the reader must look further back.
        append(&path, with_padding("B", 100_000)).unwrap();
        let c = append(&path, Record::named("C")).unwrap();
        assert_eq!(c.seq, 3);
        assert_eq!(verify_file(&path).unwrap().lines, 3);
        // A torn fragment after a long line is dropped, and the chain goes on from the long line.
        append(&path, with_padding("D", 200_000)).unwrap();
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"seq\":5,\"ti").unwrap();
        let e = append(&path, Record::named("E")).unwrap();
        assert_eq!(e.seq, 6);
        assert_eq!(verify_file(&path).unwrap().lines, 6);
    }

    #[test]
    fn a_record_longer_than_a_line_may_be_is_refused_and_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        append(&path, Record::named("A")).unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = append(&path, with_padding("B", MAX_LINE)).unwrap_err();
        assert!(format!("{err:#}").contains("longer than"), "{err:#}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_tail_that_is_no_line_is_refused_not_truncated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        append(&path, Record::named("A")).unwrap();
        // More than a line's worth of bytes with no newline: not a crash-torn line.
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&vec![b'x'; MAX_LINE + 1]).unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        let err = append(&path, Record::named("B")).unwrap_err();
        assert!(format!("{err:#}").contains("not a line"), "{err:#}");
        assert_eq!(std::fs::metadata(&path).unwrap().len(), len);
    }

    #[test]
    fn an_over_long_or_empty_last_line_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        append(&path, Record::named("A")).unwrap();
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&vec![b' '; MAX_LINE + 5]).unwrap();
        f.write_all(b"\n").unwrap();
        let err = append(&path, Record::named("B")).unwrap_err();
        assert!(format!("{err:#}").contains("longer than"), "{err:#}");

        let path = dir.path().join("empty-line.jsonl");
        append(&path, Record::named("A")).unwrap();
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"\n").unwrap();
        // Restarting the chain at seq 1 here would hide everything before; refuse instead.
        let err = append(&path, Record::named("B")).unwrap_err();
        assert!(
            format!("{err:#}").contains("not an audit record"),
            "{err:#}"
        );
    }
}
