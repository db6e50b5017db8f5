//! audit show, verify, public-key and checkpoint.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use serde_json::json;

use super::attempt::Attempt;
use super::session::Session;
use crate::audit::checkpoint::Checkpoint;
use crate::audit::note::Signer;
use crate::audit::note::Verifier;
use crate::audit::{Event, Field, Record, for_each_record};
use crate::audit::{Options, Outcome, Problem, check_reader};
use crate::cli::{
    AuditCheckpointArgs, AuditCommand, AuditKeyFormat, AuditPruneArgs, AuditPublicKeyArgs,
    AuditShowArgs, AuditVerifyArgs,
};
use crate::crypto::material::KeySpec;
use crate::crypto::pem::{PUBLIC_KEY_LABEL, pem_encode, spki_der};
use crate::output::{Report, clean, json_text};

pub fn run(s: &mut Session, cmd: &AuditCommand) -> anyhow::Result<Report> {
    match cmd {
        AuditCommand::Show(args) => show(s, args),
        AuditCommand::Verify(args) => verify(s, args),
        AuditCommand::PublicKey(args) => public_key(s, args),
        AuditCommand::Checkpoint(args) => checkpoint(s, args),
        AuditCommand::Report(args) => super::report::report(s, args),
        AuditCommand::Prune(args) => prune(s, args),
    }
}

/// The longest verifier key or checkpoint file read: a few hundred bytes in practice.
const MAX_SMALL_FILE: u64 = 64 * 1024;

fn read_small(path: &Path, what: &str) -> anyhow::Result<String> {
    use std::io::Read;
    let f = std::fs::File::open(path)
        .with_context(|| format!("cannot read the {what} {}", path.display()))?;
    let mut text = String::new();
    f.take(MAX_SMALL_FILE + 1)
        .read_to_string(&mut text)
        .with_context(|| format!("cannot read the {what} {} as text", path.display()))?;
    anyhow::ensure!(
        text.len() as u64 <= MAX_SMALL_FILE,
        "the {what} {} is larger than {MAX_SMALL_FILE} bytes; it is not one lkms wrote",
        path.display()
    );
    Ok(text)
}

/// The audit key's verifier: from `--public-key`, else from the keyring (unlocking it); with
/// neither, none, and only the chain is checked.
fn verifier(s: &mut Session, args: &AuditVerifyArgs) -> anyhow::Result<Option<Verifier>> {
    if let Some(path) = &args.public_key {
        let text = read_small(path, "verifier key")?;
        return Verifier::parse(text.trim()).map(Some).map_err(|e| {
            crate::error::usage(format!(
                "{} is not a verifier key ({e}); make one with `lkms audit public-key`",
                path.display()
            ))
        });
    }
    if !s.store().exists() {
        return Ok(None);
    }
    s.defer_anchor_check();
    s.read_keyring()?;
    Ok(s.signer().map(|signer| signer.verifier()))
}

fn verify(s: &mut Session, args: &AuditVerifyArgs) -> anyhow::Result<Report> {
    let path = args
        .archive
        .clone()
        .unwrap_or_else(|| s.settings.audit_log.clone());
    // Without --public-key the keyring is opened, which checks its anchor: a rolled-back
    // keyring or a cut log stops here with its own message.
    let verifier = verifier(s, args)?;
    let outside = match (&args.checkpoint, &verifier) {
        (None, _) => None,
        (Some(_), None) => {
            return Err(crate::error::usage(
                "--checkpoint needs the audit key: pass --public-key FILE, or run where the \
                 keyring is",
            ));
        }
        (Some(file), Some(verifier)) => {
            let note = read_small(file, "checkpoint")?;
            let text = verifier.open(&note).map_err(|e| {
                crate::error::integrity(format!(
                    "the checkpoint {} does not verify with the audit key: {e}",
                    file.display()
                ))
            })?;
            let cp = Checkpoint::parse(text).map_err(crate::error::integrity)?;
            if cp.origin != verifier.name() {
                return Err(crate::error::integrity(format!(
                    "the checkpoint {} is for another log ({})",
                    file.display(),
                    cp.origin
                )));
            }
            Some(cp)
        }
    };
    let reader = crate::audit::open_log(&path)?;
    let opts = Options {
        verifier: verifier.as_ref(),
        outside: outside.as_ref(),
    };
    let mut audit = check_reader(reader, &opts)
        .with_context(|| format!("cannot read the audit log {}", path.display()))?;
    if let Some(e) = s.take_anchor_problem() {
        if args.archive.is_some() {
            // The anchor is the log's: a problem with it is not the archive's.
            eprintln!(
                "lkms: warning: the keyring's anchor does not hold in the audit log {}: {}",
                s.settings.audit_log.display(),
                crate::error::render(&e)
            );
        } else {
            audit.problems.push(Problem {
                line: 0,
                kind: "anchor",
                message: crate::error::render(&e),
                fatal: true,
            });
        }
    }
    let intact = audit.intact();
    let json = serde_json::to_value(VerifyJson {
        intact,
        lines: audit.lines,
        sealed_through: audit.sealed_through,
        checkpoints: audit.checkpoints,
        last_hash: &audit.last_hash,
        problems: &audit.problems,
        pruned_through: audit.pruned.as_ref().map(|h| h.last_seq),
        archive: audit.pruned.as_ref().map(|h| h.archive.as_str()),
    })?;
    let mut text = String::new();
    if let Some(h) = &audit.pruned {
        text.push_str(&format!(
            "lines {} to {} were pruned to {} (the log starts with their signed AuditPruned \
             line)\n",
            h.first_seq,
            h.last_seq,
            clean(&h.archive)
        ));
    }
    for p in &audit.problems {
        text.push_str(&format!(
            "line {}: {}{}\n",
            p.line,
            if p.fatal { "" } else { "note: " },
            p.message
        ));
    }
    if !intact {
        // The report goes out first (for --json, the whole of it), then the exit code says 5.
        let first = audit.problems.into_iter().find(|p| p.fatal);
        let line = first.as_ref().map(|p| p.line).filter(|l| *l > 0);
        let error = match first {
            Some(p) if p.kind == "chain" => crate::audit::Error::Broken {
                path,
                line: p.line,
                why: p.message,
            },
            p => crate::audit::Error::NotIntact {
                path,
                problem: p
                    .map(|p| format!("line {}: {}", p.line, p.message))
                    .unwrap_or_default(),
            },
        };
        // Under --json the report and the error are one object on standard output.
        let error = anyhow::Error::from(error);
        return Err(crate::error::BatchFailed {
            report: Report::new(text, json),
            messages: Vec::new(),
            summary: crate::error::render(&error),
            code: crate::error::exit_code(&error),
            line,
            // A log that does not verify is not signed over.
            log_damaged: crate::error::log_found_damaged(&error),
        }
        .into());
    }
    match &verifier {
        Some(v) => text.push_str(&format!(
            "the audit log {} is intact: {} lines, sealed through line {} by {} checkpoints \
             signed by {}, last hash {}\n",
            path.display(),
            audit.lines,
            audit.sealed_through,
            audit.checkpoints,
            v.to_text(),
            audit.last_hash
        )),
        None => text.push_str(&format!(
            "the audit log {} is intact: {} lines, last hash {} (chain only: with no keyring \
             here, checkpoints were not checked; pass --public-key FILE)\n",
            path.display(),
            audit.lines,
            audit.last_hash
        )),
    }
    Ok(Report::message(text, json))
}

/// `audit verify --json`. The names are part of the interface (scripts and SIEMs read them);
/// tests/cli/sealed.rs pins them.
#[derive(serde::Serialize)]
struct VerifyJson<'a> {
    intact: bool,
    lines: u64,
    sealed_through: u64,
    checkpoints: u64,
    last_hash: &'a str,
    problems: &'a [Problem],
    /// On a pruned log: the last seq moved out, and the archive it went to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pruned_through: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive: Option<&'a str>,
}

/// The audit key's signer, making the key first for a keyring made before audit keys.
fn signer(s: &mut Session) -> anyhow::Result<Signer> {
    s.read_keyring()?;
    if let Some(signer) = s.signer() {
        return Ok(signer);
    }
    Attempt::run(s, Record::new(Event::CreateAuditKey), |a| {
        a.write_keyring(|_, _| Ok(()))
    })?;
    s.reread_keyring()?;
    s.signer()
        .ok_or_else(|| anyhow::anyhow!("internal error: the keyring has no audit key"))
}

fn public_key(s: &mut Session, args: &AuditPublicKeyArgs) -> anyhow::Result<Report> {
    let signer = signer(s)?;
    let verifier = signer.verifier();
    let text = match args.format {
        AuditKeyFormat::Note => format!("{}\n", verifier.to_text()),
        AuditKeyFormat::Pem => pem_encode(
            PUBLIC_KEY_LABEL,
            &spki_der(KeySpec::Ed25519, &signer.public_key())?,
        ),
    };
    let json = json!({
        "verifier_key": verifier.to_text(),
        "origin": verifier.name(),
        "public_key_pem": pem_encode(
            PUBLIC_KEY_LABEL,
            &spki_der(KeySpec::Ed25519, &signer.public_key())?,
        ),
    });
    Ok(Report::new(text, json))
}

fn checkpoint(s: &mut Session, args: &AuditCheckpointArgs) -> anyhow::Result<Report> {
    signer(s)?;
    let record = match s.seal()? {
        Some(r) => r,
        None => s
            .last_record()?
            .filter(|r| r.checkpoint.is_some())
            .ok_or_else(|| anyhow::anyhow!("the audit log is empty: there is nothing to sign"))?,
    };
    let note = record.checkpoint.unwrap_or_default();
    let json = json!({"seq": record.seq, "checkpoint": note});
    match &args.output {
        Some(path) => {
            crate::io::output::write_atomic(path, note.as_bytes(), false)?;
            Ok(Report::message(
                format!(
                    "wrote the checkpoint of line {} to {}\n",
                    record.seq - 1,
                    path.display()
                ),
                json,
            ))
        }
        None => Ok(Report::new(note, json)),
    }
}

/// Stops the process at the moment `LKMS_FAULT` names, as a crash would (no clean-up): the
/// crash tests' way to land between two steps of a prune.
fn fault(at: &str) {
    if std::env::var_os("LKMS_FAULT").is_some_and(|v| v == at) {
        std::process::abort();
    }
}

fn prune(s: &mut Session, args: &AuditPruneArgs) -> anyhow::Result<Report> {
    let before = args.before.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    // Destructive (lines leave the log): asked on a terminal, and --yes off one, before
    // anything is unlocked.
    let destructive = crate::confirm::Destructive::check(
        "audit prune",
        &format!(
            "moves lines out of the audit log (lines older than {before} go to {})",
            args.archive.display()
        ),
        s.settings.yes,
    )?;
    let question = format!(
        "Move the sealed audit lines older than {before} to {}?",
        args.archive.display()
    );
    if !destructive.ask(&question)? {
        return Err(crate::error::failure(
            "not pruned: you declined (pass --yes to skip the question)",
        ));
    }
    let signer = signer(s)?;
    let mut rec = Record::new(Event::PruneAuditLog);
    rec.set(Field::Before(before.clone()));
    rec.set(Field::Archive(args.archive.display().to_string()));
    let log_path = s.settings.audit_log.clone();
    let archive = args.archive.clone();
    let pruned = Attempt::run(s, rec, |a| {
        // Under the writers' lock, and in the keyring write that anchors the pruned log.
        let header = a.write_keyring(|_, now| {
            let mut log = crate::audit::AuditLog::open(&log_path)?;
            log.prune(&signer, args.before, &archive, now, fault)
        })?;
        match &header {
            Some(h) => {
                a.record.set(Field::FirstSeq(h.first_seq));
                a.record.set(Field::LastSeq(h.last_seq));
            }
            None => a.record.set(Field::Changed(false)),
        }
        Ok(header)
    })?;
    let Some(h) = pruned else {
        let text = format!(
            "nothing to prune: no checkpoint in {} is older than {before}; the log was left as \
             it was and no archive was written\n",
            log_path.display()
        );
        return Ok(Report::message(text, json!({"pruned": false})));
    };
    let text = format!(
        "moved lines {} to {} to {}; the audit log {} now starts with an AuditPruned line and \
         continues from line {}. Check the archive on its own: lkms audit verify --archive {}\n",
        h.first_seq,
        h.last_seq,
        args.archive.display(),
        log_path.display(),
        h.last_seq + 1,
        args.archive.display(),
    );
    let json = json!({
        "pruned": true,
        "archive": args.archive.display().to_string(),
        "first_seq": h.first_seq,
        "last_seq": h.last_seq,
        "head": h.head,
    });
    Ok(Report::message(text, json))
}

fn show(s: &mut Session, args: &AuditShowArgs) -> anyhow::Result<Report> {
    // An alias needs the keyring to become an id; an id does not. Unlocking the keyring is an
    // attempt on it like any other, so it is logged, a wrong passphrase included.
    let key_id = match &args.key {
        None => None,
        Some(k) => match uuid::Uuid::parse_str(k) {
            Ok(id) => Some(id.to_string()),
            Err(_) => {
                let mut rec = Record::new(Event::ShowAuditLog);
                rec.set(Field::Key(k.clone()));
                // Not marked with the key's id: the line is about reading the log, and a
                // filter by key shows what was done with the key.
                let id = Attempt::run(s, rec, |a| Ok(a.read_keyring()?.find(k)?.id.to_string()))?;
                Some(id)
            }
        },
    };
    let wanted = |r: &Record| {
        (key_id.is_none() || r.key_id == key_id)
            && args
                .event
                .as_ref()
                .is_none_or(|e| r.event.eq_ignore_ascii_case(e))
            && args
                .since
                .is_none_or(|since| r.time.parse::<jiff::Timestamp>().is_ok_and(|t| t >= since))
    };
    // Streamed: one record in memory at a time, whatever the size of the log.
    let json = s.settings.json;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut first = true;
    if json {
        out.write_all(b"[")?;
    }
    let broken = for_each_record(&s.settings.audit_log, |r| {
        if !wanted(r) {
            return Ok(());
        }
        if json {
            let value = serde_json::to_value(r)?;
            if !first {
                out.write_all(b",")?;
            }
            out.write_all(json_text(&value).as_bytes())?;
        } else {
            out.write_all(text_line(r).as_bytes())?;
        }
        first = false;
        Ok(())
    })?;
    if json {
        out.write_all(b"]\n")?;
    }
    out.flush()?;
    if let Some((line, why)) = broken {
        eprintln!(
            "lkms: warning: the audit log {} does not verify from line {line} on ({}): the \
             lines shown may be forged; run `lkms audit verify`",
            s.settings.audit_log.display(),
            clean(&why)
        );
    }
    Ok(Report::none())
}

/// One record for people. Every field comes from the log file, which anyone who can write it
/// can fill with escape sequences: each is cleaned before it reaches a terminal.
fn text_line(r: &Record) -> String {
    let outcome = match r.outcome {
        Outcome::Success => "ok".to_string(),
        Outcome::Failure => format!("FAILED: {}", clean(r.error.as_deref().unwrap_or(""))),
    };
    // A fixed-width key column, `-` for events about no key, so outcomes line up.
    let key = match (&r.key_id, r.key_version) {
        (Some(id), Some(v)) => format!("{} v{v}", clean(id)),
        (Some(id), None) => clean(id),
        _ => "-".to_string(),
    };
    format!(
        "{:>6}  {}  {:<20} {key:<41}  {} ({}@{})\n",
        r.seq,
        clean(&r.time),
        clean(&r.event),
        outcome,
        clean(&r.actor.user),
        clean(&r.actor.host)
    )
}
