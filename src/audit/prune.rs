//! `audit prune`: the sealed lines older than a time moved to an archive file, the log
//! rewritten to start with a signed header ([`super::pruned`]) followed by the kept lines,
//! unchanged.
//!
//! The order makes a crash at any moment lose nothing: the archive is written in full and
//! flushed (file and directory) before the log is touched; the new log is written beside the
//! old one, flushed, and renamed over it, so the log's name holds the old log or the whole new
//! one. All of it under the log's lock (no line is appended to the old log once it has been
//! copied) and, by the caller, the writers' lock.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use anyhow::Context as _;
use jiff::Timestamp;

use super::event::Event;
use super::log::AuditLog;
use super::note::Signer;
use super::pruned::Header;
use super::record::Record;
use super::verify::{Line, Options, check_reader, next_line};
use crate::error::failure;

/// Where a prune cuts the log: after an `AuditCheckpoint` line, so the archive ends sealed.
struct Cut {
    first_seq: u64,
    /// The checkpoint line: its seq, its hash, its note; and the offset just after it.
    seq: u64,
    hash: String,
    note: String,
    end: u64,
}

/// A moment at which the prune stops on purpose, for the crash tests (`LKMS_FAULT`).
pub const FAULT_AFTER_ARCHIVE: &str = "prune-after-archive";
pub const FAULT_AFTER_RENAME: &str = "prune-after-rename";

impl AuditLog {
    /// Moves the lines before the last checkpoint older than `before` (that checkpoint
    /// included) to a new file at `archive`, and starts the log with a header signed by
    /// `signer`. `None`: no checkpoint is older than `before`, nothing was written.
    /// `fault` is called at the named moments (a test stops the process there).
    pub fn prune(
        &mut self,
        signer: &Signer,
        before: Timestamp,
        archive: &Path,
        now: Timestamp,
        fault: impl Fn(&str),
    ) -> anyhow::Result<Option<Header>> {
        self.lock()
            .with_context(|| format!("cannot lock the audit log {}", self.path.display()))?;
        let result = self.prune_locked(signer, before, archive, now, fault);
        let _ = self.file.unlock();
        result
    }

    fn prune_locked(
        &mut self,
        signer: &Signer,
        before: Timestamp,
        archive: &Path,
        now: Timestamp,
        fault: impl Fn(&str),
    ) -> anyhow::Result<Option<Header>> {
        let path = self.path.clone();
        let read_err = || format!("cannot read the audit log {}", path.display());
        // Only a log that verifies is pruned: moving damage into an archive would hide it.
        let verifier = signer.verifier();
        let opts = Options {
            verifier: Some(&verifier),
            outside: None,
        };
        self.file.seek(SeekFrom::Start(0)).with_context(read_err)?;
        let audit = check_reader(BufReader::new(&self.file), &opts).with_context(read_err)?;
        if let Some(p) = audit.problems.iter().find(|p| p.fatal) {
            // Typed as the log's own damage, so that no checkpoint is signed over it.
            return Err(super::Error::NotIntact {
                path,
                problem: format!(
                    "line {}: {}; nothing was pruned: run `lkms audit verify` for detail",
                    p.line, p.message
                ),
            }
            .into());
        }
        let Some(cut) = self.find_cut(before).with_context(read_err)? else {
            return Ok(None);
        };
        let name = archive
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| archive.display().to_string());
        let header = Header {
            first_seq: cut.first_seq,
            last_seq: cut.seq,
            head: cut.hash.clone(),
            pruned_bytes: cut.end,
            archive: name,
            continues_from: cut.note.clone(),
        };
        let time = now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
        let record = header.record(signer, time).map_err(anyhow::Error::msg)?;
        let mut line = serde_json::to_vec(&record)?;
        line.push(b'\n');

        self.write_archive(archive, cut.end)?;
        fault(FAULT_AFTER_ARCHIVE);
        self.replace_log(&line, cut.end)?;
        fault(FAULT_AFTER_RENAME);
        Ok(Some(header))
    }

    /// The last `AuditCheckpoint` line such that it and every line before it are older than
    /// `before`.
    fn find_cut(&mut self, before: Timestamp) -> std::io::Result<Option<Cut>> {
        self.file.seek(SeekFrom::Start(0))?;
        let mut reader = BufReader::new(&self.file);
        let mut line = Vec::new();
        let mut end = 0u64;
        let mut first_seq = 1;
        let mut cut = None;
        let mut first = true;
        while let Some(kind) = next_line(&mut reader, &mut line)? {
            if !matches!(kind, Line::Complete) {
                break;
            }
            end += line.len() as u64 + 1;
            let Ok(r) = serde_json::from_slice::<Record>(&line) else {
                break;
            };
            if std::mem::take(&mut first) && r.event == Event::AuditPruned.name() {
                // Pruned before: this prune's archive starts with that header.
                first_seq = r.seq + 1;
                continue;
            }
            if r.time.parse::<Timestamp>().is_ok_and(|t| t < before) {
                if r.event == Event::AuditCheckpoint.name() {
                    cut = Some(Cut {
                        first_seq,
                        seq: r.seq,
                        hash: r.hash,
                        note: r.checkpoint.unwrap_or_default(),
                        end,
                    });
                }
            } else {
                break;
            }
        }
        Ok(cut)
    }

    /// Copies the log's first `len` bytes to a new file at `archive` (0600, never over an
    /// existing file or through a symlink) and flushes it and its directory.
    fn write_archive(&mut self, archive: &Path, len: u64) -> anyhow::Result<()> {
        let mut out = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(archive)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    failure(format!(
                        "{} already exists (or is a symbolic link); the archive must be a new \
                         file: name another; nothing was pruned",
                        archive.display()
                    ))
                } else {
                    failure(format!(
                        "cannot create the archive {} ({}); nothing was pruned",
                        archive.display(),
                        crate::error::plain_io(&e)
                    ))
                }
            })?;
        let written = (|| {
            self.file.seek(SeekFrom::Start(0))?;
            let copied = std::io::copy(&mut (&self.file).take(len), &mut out)?;
            if copied != len {
                return Err(std::io::Error::other("the log shrank while it was copied"));
            }
            out.sync_all()?;
            sync_dir(archive)
        })();
        if let Err(e) = written {
            drop(out);
            let _ = std::fs::remove_file(archive);
            return Err(anyhow::Error::new(e).context(format!(
                "cannot write the archive {}; it was removed and nothing was pruned",
                archive.display()
            )));
        }
        Ok(())
    }

    /// Writes `header` then the log from `from` on beside the log, flushes it, and renames it
    /// over the log; this handle then appends to the new log.
    fn replace_log(&mut self, header: &[u8], from: u64) -> anyhow::Result<()> {
        let path = self.path.clone();
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let fail = |e: std::io::Error| {
            anyhow::Error::new(e).context(format!(
                "cannot write the pruned audit log beside {}; the log was left as it was (the \
                 archive was written and may be removed)",
                path.display()
            ))
        };
        // tempfile creates it 0600, with O_EXCL.
        let mut tmp = tempfile::Builder::new()
            .prefix(".lkms-prune-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(fail)?;
        (|| {
            tmp.write_all(header)?;
            self.file.seek(SeekFrom::Start(from))?;
            std::io::copy(&mut &self.file, tmp.as_file_mut())?;
            tmp.as_file().sync_all()
        })()
        .map_err(fail)?;
        tmp.persist(&path).map_err(|e| fail(e.error))?;
        sync_dir(&path).map_err(fail)?;
        // The old file's lock goes with it; waiting appenders find the new log (`lock`).
        let new = File::options()
            .read(true)
            .append(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .map_err(fail)?;
        new.lock().map_err(fail)?;
        let old = std::mem::replace(&mut self.file, new);
        drop(old);
        Ok(())
    }
}

/// Flushes the directory holding `path`, so a file created or renamed there survives a crash.
fn sync_dir(path: &Path) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    File::open(dir)?.sync_all()
}
