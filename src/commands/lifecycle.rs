//! rotate, rotation enable/disable, enable, disable, schedule-delete, cancel-delete, maintain.

use serde_json::json;

use super::attempt::Attempt;
use super::session::Session;
use super::view::{ChangedKey, KeyView, time};
use crate::audit::{Event, Field, Record};
use crate::cli::{RotationCommand, ScheduleDeleteArgs};
use crate::confirm::Destructive;
use crate::error::failure;
use crate::keyring::Key;
use crate::keyring::KeyState;
use crate::keyring::lifecycle::{Change, DEFAULT_DELETION_DAYS, DueEvent, check_deletion_window};
use crate::output::{Report, json_of};

/// Runs one change on one key under the lock, logged as `event`.
fn change_key(
    s: &mut Session,
    event: Event,
    reference: &str,
    mut rec_fill: impl FnMut(&mut Record),
    change: impl FnOnce(&mut Key, jiff::Timestamp) -> anyhow::Result<Change>,
) -> anyhow::Result<(Key, Change)> {
    change_key_confirmed(s, event, reference, None, &mut rec_fill, change)
}

/// A question for the person at the terminal before a destructive change, asked only where
/// the change would happen (`applies`), and declined with `declined`.
struct Question<'a> {
    /// The command and what it does, for the refusal off a terminal without --yes.
    command: &'a str,
    effect: &'a str,
    ask: &'a dyn Fn(&Key) -> String,
    applies: fn(&Key) -> bool,
    declined: &'a str,
}

/// Like [`change_key`], asking `question` first on a terminal (unless --yes). The question is
/// part of the attempt: a declined change, or one refused before it is asked, is logged.
fn change_key_confirmed(
    s: &mut Session,
    event: Event,
    reference: &str,
    question: Option<Question>,
    rec_fill: &mut dyn FnMut(&mut Record),
    change: impl FnOnce(&mut Key, jiff::Timestamp) -> anyhow::Result<Change>,
) -> anyhow::Result<(Key, Change)> {
    let mut rec = Record::new(event);
    rec_fill(&mut rec);
    Attempt::run(s, rec, |a| {
        if let Some(q) = question {
            // First, before the keyring is unlocked: off a terminal, --yes or nothing.
            let destructive = Destructive::check(q.command, q.effect, a.session().settings.yes)?;
            if destructive.asks() {
                // Find the key first, so an unknown key is refused before anyone is asked.
                let keyring = a.read_keyring()?;
                let key = keyring.find(reference)?;
                a.record.key_id = Some(key.id.to_string());
                if (q.applies)(key) && !destructive.ask(&(q.ask)(key))? {
                    return Err(failure(q.declined));
                }
            }
        }
        let mut id = None;
        let result = a.write_keyring(|kr, now| {
            let key = kr.find_mut(reference)?;
            id = Some(key.id);
            let change = change(key, now)?;
            Ok((key.metadata(), change))
        });
        if let Some(id) = id {
            a.record.key_id = Some(id.to_string());
        }
        let (key, change) = result?;
        a.record.key_version = Some(key.current_version);
        if change == Change::Unchanged {
            a.record.set(Field::Changed(false));
        }
        Ok((key, change))
    })
}

fn changed_json(key: &Key, change: Change) -> serde_json::Value {
    json_of(&ChangedKey {
        key: KeyView::of(key),
        changed: change == Change::Changed,
    })
}

fn report(key: &Key, change: Change, did: &str, already: &str) -> Report {
    let text = match change {
        Change::Changed => format!("{did} key {}\n", key.display_name()),
        Change::Unchanged => format!("key {} {already}; nothing changed\n", key.display_name()),
    };
    Report::message(text, changed_json(key, change))
}

pub fn enable(s: &mut Session, reference: &str) -> anyhow::Result<Report> {
    let (key, change) = change_key(s, Event::EnableKey, reference, |_| {}, |k, _| k.enable())?;
    Ok(report(&key, change, "enabled", "is already Enabled"))
}

pub fn disable(s: &mut Session, reference: &str) -> anyhow::Result<Report> {
    let question = Question {
        command: "disable",
        effect: "makes the key refuse every operation until it is enabled",
        ask: &|k: &Key| {
            format!(
                "Disable key {}? It will refuse every operation until enabled",
                k.display_name()
            )
        },
        applies: |k| k.state == KeyState::Enabled,
        declined: "not disabled: you declined (pass --yes to skip the question)",
    };
    let (key, change) = change_key_confirmed(
        s,
        Event::DisableKey,
        reference,
        Some(question),
        &mut |_| {},
        |k, _| k.disable(),
    )?;
    Ok(report(&key, change, "disabled", "is already Disabled"))
}

pub fn rotate(s: &mut Session, reference: &str) -> anyhow::Result<Report> {
    let mut rec = Record::new(Event::RotateKey);
    rec.reason = Some("on-demand".into());
    let key = Attempt::run(s, rec, |a| {
        let mut id = None;
        let result = a.write_keyring(|kr, now| {
            let key = kr.find_mut(reference)?;
            id = Some(key.id);
            let material = key.spec.generate()?;
            key.rotate(material, now)?;
            Ok(key.metadata())
        });
        a.record.key_id = id.map(|i| i.to_string());
        let key = result?;
        a.record.key_version = Some(key.current_version);
        Ok(key)
    })?;
    Ok(Report::message(
        format!(
            "rotated key {}: version {} is now current\n",
            key.display_name(),
            key.current_version
        ),
        KeyView::of(&key).json(),
    ))
}

pub fn rotation(s: &mut Session, cmd: &RotationCommand) -> anyhow::Result<Report> {
    match cmd {
        RotationCommand::Enable { key, period } => {
            let (k, change) = change_key(
                s,
                Event::EnableKeyRotation,
                key,
                |r| {
                    r.set(Field::PeriodDays(*period));
                },
                |k, now| k.enable_rotation(*period, now),
            )?;
            let next = k.next_rotation.map(time).unwrap_or_default();
            Ok(report(
                &k,
                change,
                &format!("rotation every {period} days (next {next}) for"),
                &format!("already rotates every {period} days"),
            ))
        }
        RotationCommand::Disable { key } => {
            let (k, change) = change_key(
                s,
                Event::DisableKeyRotation,
                key,
                |_| {},
                |k, _| k.disable_rotation(),
            )?;
            Ok(report(
                &k,
                change,
                "automatic rotation off for",
                "does not rotate automatically",
            ))
        }
    }
}

pub fn schedule_delete(s: &mut Session, args: &ScheduleDeleteArgs) -> anyhow::Result<Report> {
    let days = args
        .days
        .or(s.settings.config.deletion_window_days)
        .unwrap_or(DEFAULT_DELETION_DAYS);
    let ask = |k: &Key| {
        format!(
            "Data encrypted under key {} can NEVER be decrypted again once it is destroyed in \
             {days} days. Schedule deletion?",
            k.display_name()
        )
    };
    let question = check_deletion_window(days).is_ok().then_some(Question {
        command: "schedule-delete",
        effect: "destroys the key at the end of the window, and data under it with it",
        ask: &ask,
        applies: |k| matches!(k.state, KeyState::Enabled | KeyState::Disabled),
        declined: "deletion not scheduled: you declined (pass --yes to skip the question)",
    });
    let (key, change) = change_key_confirmed(
        s,
        Event::ScheduleKeyDeletion,
        &args.key,
        question,
        &mut |r| {
            r.set(Field::PendingWindowDays(days));
        },
        |k, now| k.schedule_deletion(days, now),
    )?;
    let date = key.deletion_date.map(time).unwrap_or_default();
    if change == Change::Changed {
        eprintln!(
            "lkms: WARNING: key {} will be destroyed on {date}. After that, data encrypted under it \
             can never be decrypted again. Run `lkms cancel-delete {}` before then to keep it.",
            key.display_name(),
            key.display_name()
        );
    }
    let text = match change {
        Change::Changed => format!("key {} is pending deletion on {date}\n", key.display_name()),
        Change::Unchanged => format!(
            "key {} is already pending deletion on {date}; nothing changed\n",
            key.display_name()
        ),
    };
    Ok(Report::message(text, changed_json(&key, change)))
}

pub fn cancel_delete(s: &mut Session, reference: &str) -> anyhow::Result<Report> {
    let (key, _) = change_key(
        s,
        Event::CancelKeyDeletion,
        reference,
        |_| {},
        |k, _| k.cancel_deletion(),
    )?;
    Ok(Report::message(
        format!(
            "deletion of key {} cancelled; it is Disabled: run `lkms enable {}` to use it again\n",
            key.display_name(),
            key.display_name()
        ),
        KeyView::of(&key).json(),
    ))
}

/// One thing `maintain` carried out, as its report lists it.
#[derive(serde::Serialize)]
struct Applied {
    event: Event,
    key_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    key_version: Option<u32>,
}

/// Carries out due rotations and deletions now; the session logs each one.
pub fn maintain(s: &mut Session) -> anyhow::Result<Report> {
    let (_, events) = Attempt::run(s, Record::new(Event::Maintain), |a| {
        a.session().carry_out_due()?.written()
    })?;
    let done: Vec<Applied> = events
        .iter()
        .map(|(id, event)| match event {
            DueEvent::Destroyed => Applied {
                event: Event::DeleteKeyMaterial,
                key_id: id.to_string(),
                key_version: None,
            },
            DueEvent::Rotated(v) => Applied {
                event: Event::RotateKey,
                key_id: id.to_string(),
                key_version: Some(*v),
            },
        })
        .collect();
    let text = if done.is_empty() {
        "nothing was due\n".to_string()
    } else {
        done.iter()
            .map(|d| format!("{} {}\n", d.event.name(), d.key_id))
            .collect()
    };
    Ok(Report::message(text, json!({"applied": done})))
}
