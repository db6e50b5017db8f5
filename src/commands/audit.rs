//! audit show and audit verify.

use std::io::Write;

use super::attempt::Attempt;
use super::session::Session;
use crate::audit::{Event, Field, Outcome, Record, for_each_record, verify_file};
use crate::cli::{AuditCommand, AuditShowArgs};
use crate::output::{Report, clean, json_of, json_text};

pub fn run(s: &mut Session, cmd: &AuditCommand) -> anyhow::Result<Report> {
    match cmd {
        AuditCommand::Show(args) => show(s, args),
        AuditCommand::Verify => verify(s),
    }
}

fn verify(s: &mut Session) -> anyhow::Result<Report> {
    let report = verify_file(&s.settings.audit_log)?;
    let r = Intact {
        ok: true,
        lines: report.lines,
        last_hash: report.last_hash,
    };
    Ok(Report::message(
        format!(
            "the audit log {} is intact: {} lines, last hash {}\n",
            s.settings.audit_log.display(),
            r.lines,
            r.last_hash
        ),
        json_of(&r),
    ))
}

/// What `audit verify` reports of an intact log (a broken one is an error).
#[derive(serde::Serialize)]
struct Intact {
    ok: bool,
    lines: u64,
    last_hash: String,
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
    let key = match (&r.key_id, r.key_version) {
        (Some(id), Some(v)) => format!(" {} v{v}", clean(id)),
        (Some(id), None) => format!(" {}", clean(id)),
        _ => String::new(),
    };
    format!(
        "{:>6}  {}  {:<20}{key}  {} ({}@{})\n",
        r.seq,
        clean(&r.time),
        clean(&r.event),
        outcome,
        clean(&r.actor.user),
        clean(&r.actor.host)
    )
}
