//! Reading the log back and checking its chain.
//!
//! Lines are read with a bound ([`MAX_LINE`]): a log is input like any other, and a crafted
//! multi-gigabyte line must not make lkms allocate gigabytes before it can say the log is bad.

#[cfg(test)]
use std::fmt;
use std::io::{BufRead, Read};
use std::path::Path;

use anyhow::Context as _;

use super::Error;
use super::MAX_LINE;
use super::chain::{GENESIS_HASH, line_hash};
use super::checkpoint::Checkpoint;
use super::event::Event;
use super::log::unhex;
use super::note::Verifier;
use super::pruned::Header;
use super::record::Record;

#[cfg(test)]
#[derive(Debug)]
pub struct VerifyReport {
    pub lines: u64,
}

/// Why a log failed verification.
#[cfg(test)]
#[derive(Debug)]
pub enum VerifyError {
    /// The log could not be read.
    Io(std::io::Error),
    /// Line `line` (1-based) breaks the chain, for the reason given.
    Broken { line: u64, why: String },
}

#[cfg(test)]
impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::Io(e) => write!(f, "{e}"),
            VerifyError::Broken { line, why } => write!(f, "line {line}: {why}"),
        }
    }
}

#[cfg(test)]
impl std::error::Error for VerifyError {}

/// One line read with a bound.
pub(super) enum Line {
    /// A line that ended with a newline (the newline removed).
    Complete,
    /// The last bytes of the input, with no newline after them: a crash cut the line short.
    Torn,
    /// More than [`MAX_LINE`] bytes without a newline; `buf` holds only the first ones.
    TooLong,
}

/// Reads the next line into `buf`, never more than [`MAX_LINE`] + 1 bytes. `None` at the end.
pub(super) fn next_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<Line>> {
    buf.clear();
    let n = reader
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        return Ok(Some(Line::Complete));
    }
    if buf.len() > MAX_LINE {
        return Ok(Some(Line::TooLong));
    }
    Ok(Some(Line::Torn))
}

fn too_long() -> String {
    format!("it is longer than {MAX_LINE} bytes, which lkms never writes")
}

/// What to check beyond the chain.
#[derive(Default)]
pub struct Options<'a> {
    /// The audit key: every checkpoint's signature is checked, and coverage.
    pub verifier: Option<&'a Verifier>,
    /// A checkpoint saved elsewhere: the log must still hold its line with its hash.
    pub outside: Option<&'a Checkpoint>,
}

/// One thing found wrong (or worth saying) about the log.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Problem {
    pub line: u64,
    pub kind: &'static str,
    pub message: String,
    /// Whether it makes the log not intact. Lines not yet sealed are reported, not fatal.
    #[serde(skip)]
    pub fatal: bool,
}

/// What [`check_reader`] found.
#[derive(Debug)]
pub struct Audit {
    pub lines: u64,
    pub last_hash: String,
    /// The size of the last valid checkpoint: lines 1 to this are sealed.
    pub sealed_through: u64,
    pub checkpoints: u64,
    pub problems: Vec<Problem>,
    /// A pruned log's header: lines up to its `last_seq` are in an archive.
    pub pruned: Option<Header>,
}

impl Audit {
    pub fn intact(&self) -> bool {
        !self.problems.iter().any(|p| p.fatal)
    }
}

/// Checks a whole log read from `reader`: every line ends with a newline, parses, is in the
/// exact form lkms writes, its seq follows the previous one, its prev_hash is the previous
/// line's hash, and its hash is right. Stops at the first broken line.
///
/// With a verifier, every `AuditCheckpoint` line must carry a checkpoint signed by it, for
/// this log's origin, covering exactly the line before it; and the lines after the last
/// checkpoint may be lines of commands that never unlocked, or of one command that unlocked
/// (a crash before its checkpoint), but not of several: a log whose checkpoints were taken
/// out and whose chain was recomputed fails there.
pub fn check_reader(mut reader: impl BufRead, opts: &Options<'_>) -> std::io::Result<Audit> {
    let mut chain = Chain::new();
    let mut line = Vec::new();
    let mut audit = Audit {
        lines: 0,
        last_hash: String::new(),
        sealed_through: 0,
        checkpoints: 0,
        problems: Vec::new(),
        pruned: None,
    };
    // Lines after the last checkpoint written by commands that had unlocked: the first such
    // line and the commands (host, pid) that wrote them, at most two kept.
    let mut unsealed: Option<u64> = None;
    let mut writers: Vec<(String, u32)> = Vec::new();
    let fatal = |line: u64, kind: &'static str, message: String| Problem {
        line,
        kind,
        message,
        fatal: true,
    };
    let mut first = true;
    while let Some(kind) = next_line(&mut reader, &mut line)? {
        let at = chain.next();
        let parsed = line_kind(kind).and_then(|()| {
            serde_json::from_slice::<Record>(&line)
                .map_err(|e| format!("not an audit record ({e})"))
        });
        if std::mem::take(&mut first)
            && let Ok(record) = &parsed
            && record.event == Event::AuditPruned.name()
        {
            match chain.start(&line, record) {
                Ok(Some(header)) => {
                    if let Some(v) = opts.verifier
                        && let Err(why) = Header::check(record, v)
                    {
                        audit.problems.push(fatal(
                            header.last_seq,
                            "pruned",
                            format!("the AuditPruned line does not verify: {why}"),
                        ));
                        break;
                    }
                    audit.sealed_through = header.last_seq;
                    if let Some(cp) = opts.outside {
                        check_outside_pruned(cp, &header, &mut audit.problems);
                    }
                    audit.pruned = Some(header);
                    continue;
                }
                Ok(None) => {}
                Err(why) => {
                    audit.problems.push(fatal(record.seq, "pruned", why));
                    break;
                }
            }
        }
        let checked = parsed.and_then(|record| {
            let prev = chain.prev.clone();
            chain.check(&line, &record)?;
            Ok((record, prev))
        });
        let (record, prev) = match checked {
            Ok(r) => r,
            Err(why) => {
                audit.problems.push(fatal(at, "chain", why));
                break;
            }
        };
        let n = record.seq;
        if record.event == Event::AuditCheckpoint.name() {
            audit.checkpoints += 1;
            if let Some(v) = opts.verifier {
                match check_checkpoint(v, &record, n, &prev) {
                    Ok(()) => {
                        audit.sealed_through = n - 1;
                        unsealed = None;
                        writers.clear();
                    }
                    Err((kind, why)) => audit.problems.push(fatal(n, kind, why)),
                }
            }
        } else {
            unsealed.get_or_insert(n);
            if record.unlock.is_some() && !failed_unlock(&record) {
                let w = (record.actor.host.clone(), record.actor.pid);
                if writers.len() < 2 && !writers.contains(&w) {
                    writers.push(w);
                }
            }
        }
        if let Some(cp) = opts.outside
            && cp.size == n
            && unhex(&record.hash) != Some(cp.hash)
        {
            audit.problems.push(fatal(
                n,
                "outside-checkpoint",
                "this line's hash is not the one the checkpoint saved elsewhere signs: the log \
                 was replaced or rewritten from here"
                    .into(),
            ));
        }
    }
    let n = chain.seq;
    audit.lines = n;
    audit.last_hash = chain.prev;
    if let Some(cp) = opts.outside
        && cp.size > n
    {
        audit.problems.push(fatal(
            n,
            "outside-checkpoint",
            format!(
                "the log has {n} lines but the checkpoint saved elsewhere covers {}: it was cut \
                 or replaced by an older copy",
                cp.size
            ),
        ));
    }
    if opts.verifier.is_some()
        && audit.intact()
        && let Some(first) = unsealed
    {
        let several = writers.len() > 1;
        audit.problems.push(Problem {
            line: first,
            kind: "unsealed",
            message: if several {
                format!(
                    "lines {first} to {n} were written by more than one command that unlocked \
                     the keyring, and no checkpoint covers them: checkpoints were removed"
                )
            } else if writers.is_empty() {
                format!(
                    "lines {first} to {n} have no checkpoint yet: their commands never unlocked \
                     the keyring; the next command that unlocks seals them"
                )
            } else {
                format!(
                    "lines {first} to {n} have no checkpoint yet (the command that wrote them \
                     stopped before its checkpoint); the next command that unlocks seals them"
                )
            },
            fatal: several,
        });
    }
    Ok(audit)
}

/// A checkpoint saved elsewhere, on a pruned log: one of the head the log continues from is
/// checked against the header; an older one covers lines now in the archive, which is where
/// it can be checked.
fn check_outside_pruned(cp: &Checkpoint, header: &Header, problems: &mut Vec<Problem>) {
    if cp.size > header.last_seq {
        return;
    }
    if cp.size == header.last_seq {
        if unhex(&header.head) != Some(cp.hash) {
            problems.push(Problem {
                line: cp.size,
                kind: "outside-checkpoint",
                message: "the head this pruned log continues from is not the one the checkpoint \
                          saved elsewhere signs: the log was replaced or rewritten"
                    .into(),
                fatal: true,
            });
        }
        return;
    }
    problems.push(Problem {
        line: cp.size,
        kind: "outside-checkpoint",
        message: format!(
            "the checkpoint saved elsewhere covers line {}, which was pruned to {}: verify that \
             archive with it (--audit-log ARCHIVE)",
            cp.size,
            crate::output::clean(&header.archive)
        ),
        fatal: false,
    });
}

/// A failed `Unlock` line names the root that was tried, but its command never unlocked: like
/// every line of such a command it waits for the next checkpoint, whichever command writes it.
fn failed_unlock(record: &Record) -> bool {
    record.event == Event::Unlock.name() && record.outcome == super::record::Outcome::Failure
}

/// A line cut short or too long breaks the chain before it is parsed.
fn line_kind(kind: Line) -> Result<(), String> {
    match kind {
        Line::Complete => Ok(()),
        Line::TooLong => Err(too_long()),
        Line::Torn => Err(
            "it is incomplete (no newline at the end: a crash cut it short); the next command \
             that logs drops it and records AuditLogRecovered"
                .into(),
        ),
    }
}

/// A checkpoint line: signed by `v`, for `v`'s log, covering line `n - 1` whose hash is `prev`.
fn check_checkpoint(
    v: &Verifier,
    record: &Record,
    n: u64,
    prev: &str,
) -> Result<(), (&'static str, String)> {
    let note = record.checkpoint.as_deref().ok_or((
        "checkpoint",
        "an AuditCheckpoint line without a checkpoint".to_string(),
    ))?;
    let text = v.open(note).map_err(|e| {
        (
            "checkpoint",
            format!("{e} (forged, or signed by another keyring's audit key)"),
        )
    })?;
    let cp = Checkpoint::parse(text).map_err(|e| ("checkpoint", e.to_string()))?;
    if cp.origin != v.name() {
        return Err((
            "checkpoint",
            format!("the checkpoint is for another log ({})", cp.origin),
        ));
    }
    if cp.size != n - 1 || unhex(prev) != Some(cp.hash) {
        return Err((
            "checkpoint-mismatch",
            format!(
                "the checkpoint signs {} lines ending in another hash than the {} lines before \
                 it: lines were removed, added or edited and the chain recomputed",
                cp.size,
                n - 1
            ),
        ));
    }
    Ok(())
}

/// Checks a whole log read from `reader`: every line ends with a newline, parses, is in the
/// exact form lkms writes, its seq follows the previous one, its prev_hash is the previous
/// line's hash, and its hash is right. Stops at the first bad line.
#[cfg(test)]
pub fn verify_reader(mut reader: impl BufRead) -> Result<VerifyReport, VerifyError> {
    let mut chain = Chain::new();
    let mut n = 0u64;
    let mut line = Vec::new();
    let broken = |line: u64, why: String| VerifyError::Broken { line, why };
    while let Some(kind) = next_line(&mut reader, &mut line).map_err(VerifyError::Io)? {
        n += 1;
        match kind {
            Line::Complete => {}
            Line::TooLong => return Err(broken(n, too_long())),
            Line::Torn => {
                return Err(broken(
                    n,
                    "it is incomplete (no newline at the end: a crash cut it short); the next \
                     command that logs drops it and records AuditLogRecovered"
                        .into(),
                ));
            }
        }
        let record: Record = serde_json::from_slice(&line)
            .map_err(|e| broken(n, format!("not an audit record ({e})")))?;
        chain.check(&line, &record).map_err(|why| broken(n, why))?;
    }
    Ok(VerifyReport { lines: n })
}

/// The chain as far as it has been checked: the seq and hash of the last line, which the next
/// line must follow.
struct Chain {
    seq: u64,
    prev: String,
}

impl Chain {
    fn new() -> Chain {
        Chain {
            seq: 0,
            prev: GENESIS_HASH.to_string(),
        }
    }

    /// The seq the next line must have (also the line number problems are reported at).
    fn next(&self) -> u64 {
        self.seq + 1
    }

    /// Checks a log's first line, `record` (whose bytes are `line`): if it is a pruned log's
    /// header, the chain goes on from the head it names, and that header is returned (its
    /// signature is for the caller to check); any other line is left for [`Chain::check`].
    fn start(&mut self, line: &[u8], record: &Record) -> Result<Option<Header>, String> {
        if record.event != Event::AuditPruned.name() {
            return Ok(None);
        }
        if line_hash(record) != record.hash
            || serde_json::to_vec(record).ok().as_deref() != Some(line)
        {
            return Err("the AuditPruned line was edited (its hash or form is not right)".into());
        }
        let header = Header::read(record)?;
        self.seq = header.last_seq;
        self.prev = header.head.clone();
        Ok(Some(header))
    }

    /// Checks the next line, whose bytes are `line` and which parsed as `record`: its seq
    /// follows the previous one, its prev_hash is the previous line's hash, its hash is right,
    /// and it is in the exact form lkms writes.
    fn check(&mut self, line: &[u8], record: &Record) -> Result<(), String> {
        let n = self.next();
        if record.event == Event::AuditPruned.name() {
            return Err("an AuditPruned line can only be the first line of a log".into());
        }
        if record.seq != n {
            return Err(format!(
                "seq is {}, expected {n} (a line was removed, added or moved)",
                record.seq
            ));
        }
        if record.prev_hash != self.prev {
            return Err(
                "prev_hash does not match the line before (a line was removed or moved)".into(),
            );
        }
        if line_hash(record) != record.hash {
            return Err("its hash does not match its content (it was edited)".into());
        }
        // The hash covers the parsed record, so also demand the exact bytes lkms writes: an
        // edit that keeps the meaning for lkms (spacing, escapes, a duplicated map key) could
        // still mean something else to another reader of the log.
        if serde_json::to_vec(record).ok().as_deref() != Some(line) {
            return Err("it is not in the exact form lkms writes (it was edited)".into());
        }
        self.seq = n;
        self.prev = record.hash.clone();
        Ok(())
    }
}

/// Checks a log held in memory; see [`verify_reader`].
#[cfg(test)]
pub fn verify_bytes(log: &[u8]) -> Result<VerifyReport, VerifyError> {
    verify_reader(log)
}

pub fn open(path: &Path) -> anyhow::Result<std::io::BufReader<std::fs::File>> {
    use std::os::unix::fs::OpenOptionsExt;
    // As the appender does: the log itself, never a file a symlink at its name points to.
    let opened = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path);
    match opened {
        Ok(f) => Ok(std::io::BufReader::new(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(Error::NoLog(path.to_path_buf()).into())
        }
        Err(e) => Err(e).with_context(|| format!("cannot read the audit log {}", path.display())),
    }
}

/// Checks the log at `path` (see [`verify_reader`]). Fails (exit 5) naming the first bad line.
#[cfg(test)]
pub fn verify_file(path: &Path) -> anyhow::Result<VerifyReport> {
    let reader = open(path)?;
    verify_reader(reader).map_err(|e| match e {
        VerifyError::Io(e) => {
            anyhow::Error::new(e).context(format!("cannot read the audit log {}", path.display()))
        }
        VerifyError::Broken { line, why } => Error::Broken {
            path: path.to_path_buf(),
            line,
            why,
        }
        .into(),
    })
}

/// Hands every record of the log to `each`, one at a time, for `audit show`: memory stays
/// bounded by one line ([`MAX_LINE`]) whatever the log's size. Lines that do not parse are an
/// integrity error. The chain is checked on the way: returns the first line that breaks it
/// (its number and why), for the caller to warn that what it showed does not verify.
pub fn for_each_record(
    path: &Path,
    mut each: impl FnMut(&Record) -> anyhow::Result<()>,
) -> anyhow::Result<Option<(u64, String)>> {
    let mut reader = open(path)?;
    let mut line = Vec::new();
    let mut chain = Chain::new();
    let mut first_break = None;
    let mut n = 0u64;
    while let Some(kind) = next_line(&mut reader, &mut line)
        .with_context(|| format!("cannot read the audit log {}", path.display()))?
    {
        n += 1;
        let at = chain.next();
        let bad = |why: String| -> anyhow::Error {
            Error::NotARecord {
                path: path.to_path_buf(),
                line: at,
                why,
            }
            .into()
        };
        match kind {
            Line::TooLong => {
                return Err(bad(format!("is not an audit record: {}", too_long())));
            }
            Line::Torn if first_break.is_none() => {
                first_break = Some((at, "it is incomplete (a crash cut it short)".to_string()));
            }
            _ => {}
        }
        let record: Record = serde_json::from_slice(&line)
            .map_err(|e| bad(format!("is not an audit record ({e})")))?;
        if first_break.is_none() {
            // A pruned log's header starts the chain at the head it names.
            let header = if n == 1 {
                chain.start(&line, &record)
            } else {
                Ok(None)
            };
            let checked = match header {
                Ok(Some(_)) => Ok(()),
                Ok(None) => chain.check(&line, &record),
                Err(why) => Err(why),
            };
            if let Err(why) = checked {
                first_break = Some((at, why));
            }
        }
        each(&record)?;
    }
    Ok(first_break)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::record::Actor;
    use crate::audit::{Outcome, line_hash};

    /// A log of chained records, one per event, as lkms writes it.
    fn log_of(events: &[&str]) -> Vec<u8> {
        let records: Vec<Record> = events.iter().map(|e| record(e)).collect();
        chain(records)
    }

    /// Chains `records` (setting seq and hashes) and writes them as lkms does.
    fn chain(records: Vec<Record>) -> Vec<u8> {
        let mut prev = GENESIS_HASH.to_string();
        let mut out = Vec::new();
        for (i, mut r) in records.into_iter().enumerate() {
            r.seq = i as u64 + 1;
            r.prev_hash = prev;
            r.hash = line_hash(&r);
            prev = r.hash.clone();
            out.extend(serde_json::to_vec(&r).unwrap());
            out.push(b'\n');
        }
        out
    }

    fn record(event: &str) -> Record {
        Record {
            time: "2026-01-01T00:00:00Z".into(),
            actor: Actor {
                user: "u".into(),
                uid: 1,
                host: "h".into(),
                pid: 2,
            },
            ..Record::named(event)
        }
    }

    fn broken_line(log: &[u8]) -> u64 {
        match verify_bytes(log) {
            Err(VerifyError::Broken { line, .. }) => line,
            other => panic!("expected a broken chain, got {other:?}"),
        }
    }

    #[test]
    fn an_intact_log_verifies() {
        let log = log_of(&["CreateKeyring", "CreateKey", "RotateKey"]);
        let report = verify_bytes(&log).unwrap();
        assert_eq!(report.lines, 3);
        assert_eq!(verify_bytes(b"").unwrap().lines, 0);
    }

    #[test]
    fn a_torn_last_line_is_reported_even_if_it_parses() {
        let mut log = log_of(&["CreateKeyring", "CreateKey"]);
        log.pop(); // the record is whole; only its newline is missing
        assert_eq!(broken_line(&log), 2);
    }

    #[test]
    fn a_line_over_the_limit_is_refused_without_reading_it_whole() {
        let mut log = log_of(&["CreateKeyring"]);
        log.extend(std::iter::repeat_n(b' ', MAX_LINE + 10));
        log.push(b'\n');
        assert_eq!(broken_line(&log), 2);
        // An endless line is refused after a bounded read.
        let endless = std::io::BufReader::new(std::io::repeat(b'{'));
        match verify_reader(endless) {
            Err(VerifyError::Broken { line: 1, why }) => assert!(why.contains("longer")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_meaning_preserving_edit_is_still_caught() {
        let log = log_of(&["CreateKeyring", "CreateKey"]);
        let text = String::from_utf8(log).unwrap();
        // Same JSON value, different bytes: a space after the first colon.
        let edited = text.replacen("\"seq\":1", "\"seq\": 1", 1);
        assert_eq!(broken_line(edited.as_bytes()), 1);
        // An escaped letter decodes to the same string.
        let edited = text.replacen(
            "\"event\":\"CreateKey\"",
            "\"event\":\"Create\\u004bey\"",
            1,
        );
        assert_eq!(broken_line(edited.as_bytes()), 2);
    }

    mod chain_properties {
        use proptest::prelude::*;
        use serde_json::Value;

        use super::*;

        fn value() -> impl Strategy<Value = Value> {
            prop_oneof![
                any::<i64>().prop_map(Value::from),
                any::<u64>().prop_map(Value::from),
                any::<f64>()
                    .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
                    .prop_map(Value::from),
                any::<bool>().prop_map(Value::from),
                ".{0,20}".prop_map(Value::from),
            ]
        }

        prop_compose! {
            fn any_record()(
                event in "[A-Za-z]{1,24}",
                failed in any::<bool>(),
                error in proptest::option::of(".{0,40}"),
                key_version in proptest::option::of(any::<u32>()),
                context in proptest::option::of(
                    proptest::collection::btree_map(".{0,8}", ".{0,8}", 0..3)),
                request in proptest::collection::btree_map("[a-z_]{1,10}", value(), 0..4),
                user in ".{0,12}",
            ) -> Record {
                let mut r = record(&event);
                if failed {
                    r.outcome = Outcome::Failure;
                    r.error = error;
                }
                r.key_version = key_version;
                r.context = context;
                r.request = request;
                r.actor.user = user;
                r
            }
        }

        #[derive(Debug, Clone)]
        enum Tamper {
            /// Replace byte `at` (of the line, newline included) with `with`.
            Byte {
                at: prop::sample::Index,
                with: u8,
            },
            Remove,
            SwapWithLater {
                other: prop::sample::Index,
            },
            DuplicateAt {
                at: prop::sample::Index,
            },
        }

        fn tamper() -> impl Strategy<Value = Tamper> {
            prop_oneof![
                (any::<prop::sample::Index>(), any::<u8>())
                    .prop_map(|(at, with)| Tamper::Byte { at, with }),
                Just(Tamper::Remove),
                any::<prop::sample::Index>().prop_map(|other| Tamper::SwapWithLater { other }),
                any::<prop::sample::Index>().prop_map(|at| Tamper::DuplicateAt { at }),
            ]
        }

        proptest! {
            /// Any log lkms writes verifies, whatever the records hold.
            #[test]
            fn any_chained_log_verifies(records in proptest::collection::vec(any_record(), 0..8)) {
                let n = records.len() as u64;
                let log = chain(records);
                prop_assert_eq!(verify_bytes(&log).unwrap().lines, n);
            }

            /// Any single edit, removal (but of the last line), swap or duplication of a line
            /// is caught, at the first line it changed.
            #[test]
            fn any_single_line_tampering_is_caught(
                records in proptest::collection::vec(any_record(), 2..8),
                which in any::<prop::sample::Index>(),
                how in tamper(),
            ) {
                let log = chain(records);
                let mut lines: Vec<Vec<u8>> = log
                    .split_inclusive(|&b| b == b'\n')
                    .map(<[u8]>::to_vec)
                    .collect();
                let n = lines.len();
                let i = which.index(n);
                let first_changed = match how {
                    Tamper::Byte { at, with } => {
                        let at = at.index(lines[i].len());
                        prop_assume!(lines[i][at] != with);
                        lines[i][at] = with;
                        i
                    }
                    Tamper::Remove => {
                        // The chain cannot tell a removed last line from one never written.
                        let i = which.index(n - 1);
                        lines.remove(i);
                        i
                    }
                    Tamper::SwapWithLater { other } => {
                        let i = which.index(n - 1);
                        let j = i + 1 + other.index(n - i - 1);
                        lines.swap(i, j);
                        i
                    }
                    Tamper::DuplicateAt { at } => {
                        let j = at.index(n + 1);
                        let copy = lines[i].clone();
                        lines.insert(j, copy);
                        // Just before its original, the copy is in its right place; the
                        // original after it is the first line out of place.
                        if j == i { j + 1 } else { j }
                    }
                };
                let tampered: Vec<u8> = lines.concat();
                match verify_bytes(&tampered) {
                    Err(VerifyError::Broken { line, .. }) => {
                        prop_assert_eq!(line, first_changed as u64 + 1)
                    }
                    other => prop_assert!(false, "not caught: {:?}", other),
                }
            }
        }
    }
}
