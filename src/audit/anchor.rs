//! The keyring's anchor in the log: checked every time a keyring is opened.
//!
//! At every write the keyring records the log's head (seq, hash and where the line starts).
//! On open, that line must still be there with that hash (else the log was cut below it or
//! replaced), and no line after it may record a keyring generation newer than the keyring's
//! own (else the keyring is an older copy: a restored backup brings destroyed keys back).
//!
//! Both checks read only from the anchor on: one seek, then the lines written since the
//! keyring's last write. Rolling back both files together to an older consistent pair is not
//! visible here; only a checkpoint kept outside the machine finds it.

use std::io::{Seek, SeekFrom};
use std::path::Path;

use super::Error;
use super::event::Event;
use super::note::Verifier;
use super::pruned::Header;
use super::record::{Outcome, Record};
use super::verify::{Line, next_line, open};

/// The anchor as the keyring holds it.
pub struct Anchor<'a> {
    pub seq: u64,
    pub hash: &'a str,
    pub offset: u64,
}

/// Checks that the log still holds `anchor`'s line (None: a keyring written before anchors,
/// read from the first line), and returns the newest keyring generation the log proves was
/// saved after it, for the caller to compare with the keyring's own.
///
/// A line's `keyring_generation` counts only once a checkpoint by the same process follows it:
/// a command logs its change before it renames the keyring into place and checkpoints after,
/// so a change still being saved by another process, or one cut short by a crash, is not
/// mistaken for a rollback.
///
/// A pruned log starts with a header ([`super::pruned`]): an anchor to a line the prune moved
/// out is accepted if the header is signed by the audit key (`verifier`), and one written
/// before the prune (a crash between the log's rename and the keyring's) is found again
/// where the prune moved its line.
pub fn check(
    path: &Path,
    anchor: Option<Anchor<'_>>,
    verifier: Option<&Verifier>,
) -> anyhow::Result<u64> {
    let mut reader = match open(path) {
        Ok(r) => r,
        Err(e) if matches!(e.downcast_ref::<Error>(), Some(Error::NoLog(_))) => {
            return match anchor {
                Some(a) => Err(Error::LogCut {
                    path: path.to_path_buf(),
                    seq: a.seq,
                }
                .into()),
                None => Ok(0),
            };
        }
        Err(e) => return Err(e),
    };
    let mut line = Vec::new();
    // The header of a pruned log and its length in bytes.
    let header = match next_line(&mut reader, &mut line)? {
        Some(Line::Complete) => serde_json::from_slice::<Record>(&line)
            .ok()
            .filter(|r| r.event == Event::AuditPruned.name())
            .map(|r| (r, line.len() as u64 + 1)),
        _ => None,
    };
    reader.seek(SeekFrom::Start(0))?;
    if let Some(a) = &anchor {
        let cut = || -> anyhow::Error {
            Error::LogCut {
                path: path.to_path_buf(),
                seq: a.seq,
            }
            .into()
        };
        let here = |reader: &mut std::io::BufReader<std::fs::File>,
                    line: &mut Vec<u8>,
                    offset: u64|
         -> anyhow::Result<bool> {
            reader.seek(SeekFrom::Start(offset))?;
            if !matches!(next_line(reader, line)?, Some(Line::Complete)) {
                return Ok(false);
            }
            Ok(serde_json::from_slice::<Record>(line)
                .is_ok_and(|r| r.seq == a.seq && r.hash == a.hash))
        };
        match &header {
            Some((h, len)) if a.seq <= h.seq => {
                // The anchored line was moved to an archive: only a prune signed by the audit
                // key may have moved it, and one that names the anchored line as its head must
                // name its hash.
                let signed = verifier.and_then(|v| Header::check(h, v).ok());
                match signed {
                    Some(hd) if a.seq < hd.last_seq || a.hash == hd.head => {}
                    _ => return Err(cut()),
                }
                reader.seek(SeekFrom::Start(*len))?;
            }
            _ => {
                let moved = header.as_ref().and_then(|(h, len)| {
                    let pruned = Header::read(h).ok()?.pruned_bytes;
                    a.offset.checked_sub(pruned).map(|o| o + len)
                });
                if !here(&mut reader, &mut line, a.offset)?
                    && !match moved {
                        Some(o) => here(&mut reader, &mut line, o)?,
                        None => false,
                    }
                {
                    return Err(cut());
                }
            }
        }
    }
    let mut saved = 0u64;
    // Claims not yet followed by their process's checkpoint: (host, pid, generation).
    let mut pending: Vec<(String, u32, u64)> = Vec::new();
    while let Some(kind) = next_line(&mut reader, &mut line)? {
        if !matches!(kind, Line::Complete) {
            continue;
        }
        let claim = contains(&line, b"\"keyring_generation\"");
        let checkpoint = contains(&line, b"\"AuditCheckpoint\"");
        if !claim && !checkpoint {
            continue;
        }
        let Ok(r) = serde_json::from_slice::<Record>(&line) else {
            continue;
        };
        let who = |p: &(String, u32, u64)| p.0 == r.actor.host && p.1 == r.actor.pid;
        if r.event == Event::AuditCheckpoint.name() {
            for p in pending.iter().filter(|p| who(p)) {
                saved = saved.max(p.2);
            }
            pending.retain(|p| !who(p));
            continue;
        }
        match (r.keyring_generation, r.outcome) {
            (Some(g), Outcome::Success) => {
                // Bounded: a process has at most a few claims open; many processes' claims
                // that never got a checkpoint (crashes) are dropped oldest first.
                if pending.len() >= 64 {
                    pending.remove(0);
                }
                pending.push((r.actor.host.clone(), r.actor.pid, g));
            }
            // The change was logged but not saved (the line says so): it does not count.
            (Some(g), Outcome::Failure) => pending.retain(|p| !(who(p) && p.2 == g)),
            _ => {}
        }
    }
    Ok(saved)
}

/// Every line after the anchor is searched twice, and a keyring that is not saved for a while
/// has a long tail: memchr's vectorised search, not a window-by-window comparison, which took
/// about 40% of a short command's time with a 400 KB tail (8.9 ms against 5.4 ms).
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}
