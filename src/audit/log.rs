//! Appending to the log: under an exclusive lock, one `write` per line, flushed to disk.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use jiff::Timestamp;

use super::chain::{GENESIS_HASH, line_hash};
use super::record::{Outcome, Record};

/// The most a single line may take; a tail longer than this without a newline is not a line.
const MAX_LINE: u64 = 1 << 20;

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
            .open(path)
            .with_context(|| {
                format!(
                    "cannot open the audit log {} for writing; lkms refuses to act without its audit trail",
                    path.display()
                )
            })?;
        Ok(AuditLog {
            path: path.to_path_buf(),
            file,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Completes the record (seq, time, prev_hash, hash) and appends it.
    pub fn append(&mut self, mut record: Record, now: Timestamp) -> anyhow::Result<Record> {
        let path = self.path.clone();
        let fail = |e: std::io::Error| {
            anyhow::Error::new(e).context(format!(
                "cannot write to the audit log {}; the operation was refused",
                path.display()
            ))
        };
        self.file.lock().map_err(fail)?;
        let result = self.append_locked(&mut record, now);
        let _ = self.file.unlock();
        result.map_err(fail)?;
        Ok(record)
    }

    fn append_locked(&mut self, record: &mut Record, now: Timestamp) -> std::io::Result<()> {
        let (last, torn) = self.last_line()?;
        if torn > 0 {
            // A crash cut the last line short. That line was never complete, so its command
            // never reported success: drop the fragment rather than glue a record onto it, and
            // say so in the chain.
            let len = self.file.metadata()?.len();
            self.file.set_len(len - torn)?;
            let mut note = Record::new("AuditLogRecovered");
            note.outcome = Outcome::Success;
            note.request
                .insert("dropped_bytes".into(), serde_json::Value::from(torn));
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
        line.push(b'\n');
        self.file.write_all(&line)?;
        self.file.sync_data()?;
        Ok(record)
    }

    /// The last complete record, and the length of a torn tail after it (0 if none).
    fn last_line(&mut self) -> std::io::Result<(Option<Record>, u64)> {
        let len = self.file.metadata()?.len();
        if len == 0 {
            return Ok((None, 0));
        }
        let start = len.saturating_sub(MAX_LINE);
        let mut tail = Vec::with_capacity((len - start) as usize);
        self.file.seek(SeekFrom::Start(start))?;
        (&self.file).take(len - start).read_to_end(&mut tail)?;
        let torn = match tail.iter().rposition(|&b| b == b'\n') {
            Some(i) => (tail.len() - i - 1) as u64,
            None => tail.len() as u64,
        };
        let complete = &tail[..tail.len() - torn as usize];
        let last = complete
            .strip_suffix(b"\n")
            .map(|c| match c.iter().rposition(|&b| b == b'\n') {
                Some(i) => &c[i + 1..],
                None => c,
            })
            .filter(|l| !l.is_empty());
        let record = match last {
            Some(line) => Some(serde_json::from_slice::<Record>(line).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("its last line is not an audit record ({e}); run `lkms audit verify`"),
                )
            })?),
            None => None,
        };
        Ok((record, torn))
    }
}

fn next_link(last: Option<&Record>) -> (u64, String) {
    match last {
        Some(r) => (r.seq + 1, r.hash.clone()),
        None => (1, GENESIS_HASH.to_string()),
    }
}
