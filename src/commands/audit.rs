//! audit show and audit verify.

use serde_json::Value;

use super::session::Session;
use crate::audit::{Outcome, read_records, verify_file};
use crate::cli::{AuditCommand, AuditShowArgs};
use crate::output::{Report, clean};

pub fn run(s: &mut Session, cmd: &AuditCommand) -> anyhow::Result<Report> {
    match cmd {
        AuditCommand::Show(args) => show(s, args),
        AuditCommand::Verify => verify(s),
    }
}

fn verify(s: &mut Session) -> anyhow::Result<Report> {
    let report = verify_file(&s.settings.audit_log)?;
    Ok(Report::message(
        format!(
            "the audit log {} is intact: {} lines, last hash {}\n",
            s.settings.audit_log.display(),
            report.lines,
            report.last_hash
        ),
        serde_json::json!({"ok": true, "lines": report.lines, "last_hash": report.last_hash}),
    ))
}

fn show(s: &mut Session, args: &AuditShowArgs) -> anyhow::Result<Report> {
    // An alias needs the keyring to become an id; an id does not.
    let key_id = match &args.key {
        None => None,
        Some(k) => match uuid::Uuid::parse_str(k) {
            Ok(id) => Some(id.to_string()),
            Err(_) => Some(s.read_keyring()?.find(k)?.id.to_string()),
        },
    };
    let records: Vec<_> = read_records(&s.settings.audit_log)?
        .into_iter()
        .filter(|r| key_id.is_none() || r.key_id == key_id)
        .filter(|r| {
            args.event
                .as_ref()
                .is_none_or(|e| r.event.eq_ignore_ascii_case(e))
        })
        .filter(|r| {
            args.since
                .is_none_or(|since| r.time.parse::<jiff::Timestamp>().is_ok_and(|t| t >= since))
        })
        .collect();
    // Every field below comes from the log file, which anyone who can write it can fill with
    // escape sequences: clean each before it reaches a terminal.
    let mut text = String::new();
    for r in &records {
        let outcome = match r.outcome {
            Outcome::Success => "ok".to_string(),
            Outcome::Failure => format!("FAILED: {}", clean(r.error.as_deref().unwrap_or(""))),
        };
        let key = match (&r.key_id, r.key_version) {
            (Some(id), Some(v)) => format!(" {} v{v}", clean(id)),
            (Some(id), None) => format!(" {}", clean(id)),
            _ => String::new(),
        };
        text.push_str(&format!(
            "{:>6}  {}  {:<20}{key}  {} ({}@{})\n",
            r.seq,
            clean(&r.time),
            clean(&r.event),
            outcome,
            clean(&r.actor.user),
            clean(&r.actor.host)
        ));
    }
    let json = Value::Array(
        records
            .iter()
            .map(|r| serde_json::to_value(r).unwrap_or(Value::Null))
            .collect(),
    );
    Ok(Report::new(text, json))
}
