//! Appending to the log: under an exclusive lock, one `write` per line, flushed to disk
//! (all but checkpoints: see `append_checkpoint`).

use anyhow::Context as _;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::MAX_LINE;
use super::chain::{GENESIS_HASH, line_hash};
use super::checkpoint::Checkpoint;
use super::error::Error;
use super::note::Signer;
use super::record::{Outcome, Record};
use crate::error::{failure, integrity};

pub struct AuditLog {
    pub(super) path: PathBuf,
    pub(super) file: File,
    /// This process appended a line: its checkpoint must follow (see `append_checkpoint`).
    wrote: bool,
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
                .map_err(|e| {
                    crate::error::io_error(
                        crate::error::IoAction::CreateDir,
                        crate::error::Role::AuditLog,
                        dir,
                        &e,
                    )
                })?;
        }
        let file = open_file(path)?;
        Ok(AuditLog {
            path: path.to_path_buf(),
            file,
            wrote: false,
        })
    }

    /// Takes the log's lock, on the file now at the log's name: `audit prune` renames a new
    /// log into place, and a process that opened the old one (and waited for its lock) must
    /// not append to a file no longer anyone's log.
    pub(super) fn lock(&mut self) -> std::io::Result<()> {
        use std::os::unix::fs::MetadataExt;
        for _ in 0..16 {
            self.file.lock()?;
            let mine = self.file.metadata()?;
            if let Ok(named) = std::fs::symlink_metadata(&self.path)
                && (named.dev(), named.ino()) == (mine.dev(), mine.ino())
            {
                return Ok(());
            }
            let _ = self.file.unlock();
            self.file = open_file(&self.path).map_err(std::io::Error::other)?;
        }
        Err(std::io::Error::other(
            "the audit log keeps being replaced while lkms tries to append to it",
        ))
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
        self.lock().map_err(fail)?;
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
        self.wrote = true;
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
            let note = self.write_record(note, seq, prev, now, Sync::Data)?;
            return self
                .write_record(record.clone(), note.seq + 1, note.hash, now, Sync::Data)
                .map(|r| *record = r);
        }
        let (seq, prev) = next_link(last.as_ref());
        *record = self.write_record(record.clone(), seq, prev, now, Sync::Data)?;
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
        sync: Sync,
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
        if let Err(e) = self.file.write_all(&line).and_then(|()| match sync {
            Sync::Data => self.file.sync_data(),
            Sync::Later => Ok(()),
        }) {
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
        self.last_line_at()
            .map(|(last, torn)| (last.map(|(r, _)| r), torn))
    }

    /// [`AuditLog::last_line`], with the byte offset where that line starts.
    fn last_line_at(&mut self) -> std::io::Result<(Option<(Record, u64)>, u64)> {
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
            let (line, at) = match tail[..end].iter().rposition(|&b| b == b'\n') {
                Some(i) => (&tail[i + 1..end], start + i as u64 + 1),
                None if at_start => (&tail[..end], 0),
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
            return Ok((Some((record, at)), torn));
        }
    }
}

impl AuditLog {
    /// The last complete line: its seq, hash and starting offset, for the keyring's anchor.
    /// It may be a checkpoint not yet on disk (see `append_checkpoint`): a caller anchors it
    /// only in a keyring it renames into place after appending (and flushing) a line of its own.
    pub fn head(&mut self) -> anyhow::Result<Option<(u64, String, u64)>> {
        self.lock()?;
        let last = self.last_line_at();
        let _ = self.file.unlock();
        Ok(last?.0.map(|(r, at)| (r.seq, r.hash, at)))
    }

    /// Flushes what was appended to disk: for a caller that anchors a checkpoint it appended
    /// (which is not flushed by itself, see `append_checkpoint`) before appending anything else.
    pub fn flush(&mut self) -> anyhow::Result<()> {
        self.file
            .sync_data()
            .with_context(|| format!("cannot flush the audit log {}", self.path.display()))
    }

    /// The last complete record.
    pub fn last_record(&mut self) -> anyhow::Result<Option<Record>> {
        self.lock()?;
        let last = self.last_line();
        let _ = self.file.unlock();
        Ok(last?.0)
    }

    /// Appends an `AuditCheckpoint` line signing the log's head: origin, size (the last seq)
    /// and the last line's hash, as a signed note. Under the same lock as the head is read,
    /// so the checkpoint always covers the line just before it. Nothing is written if the log
    /// is empty or already ends with a checkpoint.
    /// `tag` adds the command's standing fields to the checkpoint line (a grant's id).
    pub fn append_checkpoint(
        &mut self,
        signer: &Signer,
        now: Timestamp,
        tag: impl FnOnce(&mut Record),
    ) -> anyhow::Result<Option<Record>> {
        let path = self.path.clone();
        let fail = |e: std::io::Error| {
            anyhow::Error::new(e).context(format!(
                "cannot write a checkpoint to the audit log {}",
                path.display()
            ))
        };
        self.lock().map_err(fail)?;
        let result = self.append_checkpoint_locked(signer, now, tag);
        let _ = self.file.unlock();
        result.map_err(fail)
    }

    fn append_checkpoint_locked(
        &mut self,
        signer: &Signer,
        now: Timestamp,
        tag: impl FnOnce(&mut Record),
    ) -> std::io::Result<Option<Record>> {
        let (last, torn) = self.last_line()?;
        let Some(last) = last.filter(|_| torn == 0) else {
            // Empty, or torn: the next ordinary append repairs it and the next seal covers it.
            return Ok(None);
        };
        // Already sealed: by this process, or by another when this one logged nothing. A
        // process that logged lines follows them with its own checkpoint even if another
        // sealed them, so its changes are confirmed by it (see `anchor`).
        let me = super::record::Actor::current();
        // A pruned log's header is itself a signed checkpoint of the head it names.
        if last.event == super::Event::AuditPruned.name() {
            return Ok(None);
        }
        if last.event == super::Event::AuditCheckpoint.name()
            && (!self.wrote || (last.actor.pid == me.pid && last.actor.host == me.host))
        {
            return Ok(None);
        }
        let invalid = |why: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, why);
        let hash = unhex(&last.hash).ok_or_else(|| invalid("its last hash is not hex"))?;
        let checkpoint = Checkpoint {
            origin: signer.name().to_string(),
            size: last.seq,
            hash,
            extensions: Vec::new(),
        };
        let note = signer
            .sign(&checkpoint.to_text())
            .map_err(|e| invalid(&e.to_string()))?;
        let mut record = Record::new(super::Event::AuditCheckpoint);
        record.checkpoint = Some(note);
        tag(&mut record);
        let (seq, prev) = next_link(Some(&last));
        // Written, not flushed: an fdatasync here would cost more than the rest of the
        // checkpoint together (about 5 ms on ext4 against well under 1 ms). It is safe because
        //  - the command's own lines were flushed before it acted (audit first), so a crash
        //    that loses this line loses no record of an act, only the seal over them: the log
        //    then ends in one command's unsealed run, which `audit verify` reports and does not
        //    fail, and which the next command that unlocks seals;
        //  - the next line any command appends is flushed before that command acts, and
        //    fdatasync flushes the whole file, this line included;
        //  - no keyring write can anchor this line before it is on disk: every path that
        //    records an anchor (`Session::anchor`: a change, what time made due, `init`,
        //    `restore`, `audit prune`) reads the head, then appends and flushes its own line,
        //    and only then renames the keyring into place, so the anchored line is flushed
        //    first; `restore --force`, which anchors the checkpoint of a new log with no line
        //    after it, calls `flush` before it reads the head.
        self.write_record(record, seq, prev, now, Sync::Later)
            .map(Some)
    }
}

/// The log at `path`, opened (created, 0600) for reading and appending.
fn open_file(path: &Path) -> anyhow::Result<File> {
    OpenOptions::new()
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
        })
}

/// Whether a line is flushed to disk before the append returns.
#[derive(Clone, Copy)]
enum Sync {
    /// `fdatasync`: the record of an act, on disk before the act (audit first).
    Data,
    /// Left to the next flushed line or the kernel: a checkpoint (see `append_checkpoint`).
    Later,
}

/// Hex (as the chain writes hashes) to 32 bytes.
pub(crate) fn unhex(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
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
        // A pruned log's header stands outside the chain: the next line follows the head it
        // names (its seq and prev_hash), as the first kept line did.
        Some(r) if r.event == super::Event::AuditPruned.name() => (r.seq + 1, r.prev_hash.clone()),
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

#[cfg(test)]
mod checkpoint_tests {
    use super::*;
    use crate::audit::checkpoint::Checkpoint;
    use crate::audit::note::Signer;
    use crate::audit::{Options, check_reader};

    fn now() -> Timestamp {
        "2026-01-01T00:00:00Z".parse().unwrap()
    }

    /// Each command line followed by its checkpoint: the log verifies with the key, every
    /// checkpoint covering the line before it. Prints what one checkpoint costs (sign, format,
    /// write, under the lock), median and 90th percentile, against an ordinary (flushed) line,
    /// in a log on the file system of the temporary directory. The figure in docs/AUDIT.md
    /// comes from `cargo test --release --lib checkpoint_tests -- --nocapture`. It asserts
    /// nothing about time.
    #[test]
    fn a_checkpoint_after_every_line_verifies_and_says_what_it_costs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.jsonl");
        let id = uuid::Uuid::from_u128(1);
        let signer = Signer::from_seed(&Checkpoint::origin_for(&id), &[7u8; 32]).unwrap();
        let mut log = AuditLog::open(&path).unwrap();
        let rounds = 400u32;
        let mut seals = Vec::new();
        let mut lines = Vec::new();
        for _ in 0..rounds {
            let t = std::time::Instant::now();
            log.append(Record::named("Decrypt"), now()).unwrap();
            lines.push(t.elapsed());
            let t = std::time::Instant::now();
            let cp = log.append_checkpoint(&signer, now(), |_| {}).unwrap();
            seals.push(t.elapsed());
            assert!(cp.is_some());
            // Nothing new since: a second seal writes nothing.
            assert!(
                log.append_checkpoint(&signer, now(), |_| {})
                    .unwrap()
                    .is_none()
            );
        }
        let ms = |all: &mut Vec<std::time::Duration>, q: usize| {
            all.sort();
            all[all.len() * q / 100].as_secs_f64() * 1000.0
        };
        eprintln!(
            "checkpoint append: median {:.3} ms, p90 {:.3} ms; an ordinary line: median {:.3} \
             ms, p90 {:.3} ms ({rounds} rounds, log in {})",
            ms(&mut seals, 50),
            ms(&mut seals, 90),
            ms(&mut lines, 50),
            ms(&mut lines, 90),
            dir.path().display()
        );
        let v = signer.verifier();
        let opts = Options {
            verifier: Some(&v),
            outside: None,
        };
        let audit =
            check_reader(std::io::BufReader::new(File::open(&path).unwrap()), &opts).unwrap();
        assert!(audit.intact(), "{:?}", audit.problems);
        assert_eq!(audit.lines, 2 * u64::from(rounds));
        assert_eq!(audit.checkpoints, u64::from(rounds));
        assert_eq!(audit.sealed_through, audit.lines - 1);
    }
}
