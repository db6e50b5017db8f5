//! audit report: what the log says about each key, and what needs a person's attention.
//!
//! Streamed: the log is read one record at a time and only per-key counters are kept (events,
//! failures, last use, at most [`MAX_ACTORS`] actors, one count per day of decrypts, the last
//! four failure times), so memory grows with keys and days, not lines.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use super::session::Session;
use crate::audit::{Outcome, Record, for_each_record};
use crate::cli::AuditReportArgs;
use crate::keyring::KeyState;
use crate::output::{Report, clean};

/// Distinct actors named per key; the uses by any further ones are counted, not named (naming
/// them all would let memory grow with the log).
const MAX_ACTORS: usize = 32;
/// Failed attempts within [`BURST_WINDOW`] that make a burst.
const BURST: usize = 5;
const BURST_WINDOW: SignedDuration = SignedDuration::from_secs(60);
/// A key pending deletion used this recently is worth a second look (AWS's advice).
const RECENT_USE_DAYS: i64 = 30;
/// A day with more decrypts than this many times the key's median day is unusual.
const SPIKE_FACTOR: u64 = 10;
/// The age of a current version past which a key without automatic rotation is reported: a
/// year, as AWS KMS's own rotation default and its security checks advise.
const ROTATE_AFTER_DAYS: i64 = 365;

#[derive(Default, Serialize)]
struct KeyUse {
    uses: BTreeMap<String, u64>,
    failures: u64,
    last_use: Option<String>,
    actors: BTreeSet<String>,
    uses_by_other_actors: u64,
    #[serde(skip)]
    last_use_at: Option<Timestamp>,
    #[serde(skip)]
    decrypts_per_day: BTreeMap<String, u64>,
    #[serde(skip)]
    recent_failures: VecDeque<Timestamp>,
    #[serde(skip)]
    bursts: Vec<String>,
}

impl KeyUse {
    fn add(&mut self, r: &Record, at: Option<Timestamp>) {
        // A stream to standard output logs a "started" line before the first byte and a
        // "finished" one after the last: one attempt, counted once (its "started" line), with
        // the "finished" line still counting as a failure if the stream failed.
        let finishes_a_stream =
            r.request.get("stream").and_then(|v| v.as_str()) == Some("finished");
        if !finishes_a_stream {
            *self.uses.entry(r.event.clone()).or_default() += 1;
        }
        let actor = format!("{}@{}", r.actor.user, r.actor.host);
        if !self.actors.contains(&actor) {
            if self.actors.len() < MAX_ACTORS {
                self.actors.insert(actor);
            } else {
                self.uses_by_other_actors += 1;
            }
        }
        if let Some(t) = at
            && self.last_use_at.is_none_or(|l| t >= l)
        {
            self.last_use_at = Some(t);
            self.last_use = Some(r.time.clone());
        }
        if r.event == "Decrypt" && r.outcome == Outcome::Success && !finishes_a_stream {
            let day = r.time.get(..10).unwrap_or_default().to_string();
            *self.decrypts_per_day.entry(day).or_default() += 1;
        }
        if r.outcome == Outcome::Failure {
            self.failures += 1;
            if let Some(t) = at {
                self.recent_failures.push_back(t);
                if self.recent_failures.len() > BURST {
                    self.recent_failures.pop_front();
                }
                if self.recent_failures.len() == BURST
                    && self.recent_failures[0] + BURST_WINDOW >= t
                {
                    self.bursts.push(r.time.clone());
                    self.recent_failures.clear();
                }
            }
        }
    }

    /// Days whose decrypt count is over [`SPIKE_FACTOR`] times the median of the key's days
    /// with decrypts.
    fn spikes(&self) -> Vec<(String, u64, u64)> {
        let mut counts: Vec<u64> = self.decrypts_per_day.values().copied().collect();
        if counts.len() < 3 {
            return Vec::new();
        }
        counts.sort_unstable();
        let median = counts[counts.len() / 2];
        self.decrypts_per_day
            .iter()
            .filter(|(_, c)| **c > SPIKE_FACTOR * median)
            .map(|(d, c)| (d.clone(), *c, median))
            .collect()
    }
}

#[derive(Serialize)]
struct Finding {
    kind: &'static str,
    key_id: String,
    message: String,
}

pub fn report(s: &mut Session, args: &AuditReportArgs) -> anyhow::Result<Report> {
    let now = s.now();
    // The keyring, when there is one, names the keys and their states; an auditor with only
    // the log gets the findings the log alone supports.
    let keys = if s.store().exists() {
        Some(s.read_keyring()?)
    } else {
        None
    };
    let only = match (&args.key, &keys) {
        (None, _) => None,
        (Some(k), _) if uuid::Uuid::parse_str(k).is_ok() => Some(k.to_lowercase()),
        (Some(k), Some(kr)) => Some(kr.find(k)?.id.to_string()),
        (Some(k), None) => {
            return Err(crate::error::usage(format!(
                "--key {k}: an alias needs the keyring; give the key's id"
            )));
        }
    };
    let mut per_key: BTreeMap<String, KeyUse> = BTreeMap::new();
    let broken = for_each_record(&s.settings.audit_log, |r| {
        let Some(id) = &r.key_id else { return Ok(()) };
        if only.as_ref().is_some_and(|o| o != id) {
            return Ok(());
        }
        let at = r.time.parse::<Timestamp>().ok();
        if let Some(since) = args.since
            && at.is_none_or(|t| t < since)
        {
            return Ok(());
        }
        per_key.entry(id.clone()).or_default().add(r, at);
        Ok(())
    })?;

    let mut findings = Vec::new();
    for (id, u) in &per_key {
        for burst in &u.bursts {
            findings.push(Finding {
                kind: "failure-burst",
                key_id: id.clone(),
                message: format!("{BURST} or more failed attempts within a minute, ending {burst}"),
            });
        }
        for (day, count, median) in u.spikes() {
            findings.push(Finding {
                kind: "decrypt-spike",
                key_id: id.clone(),
                message: format!(
                    "{count} decrypts on {day}, over {SPIKE_FACTOR} times the median day ({median})"
                ),
            });
        }
    }
    if let Some(kr) = &keys {
        for key in &kr.keys {
            let id = key.id.to_string();
            if only.as_ref().is_some_and(|o| *o != id) || key.state == KeyState::Destroyed {
                continue;
            }
            let last = per_key.get(&id).and_then(|u| u.last_use_at);
            let unused_since = now - SignedDuration::from_hours(24 * i64::from(args.unused_days));
            if last.is_none_or(|t| t < unused_since) && key.created < unused_since {
                findings.push(Finding {
                    kind: "unused",
                    key_id: id.clone(),
                    message: format!(
                        "{} has not been used for {} days (last use: {})",
                        key.display_name(),
                        args.unused_days,
                        per_key
                            .get(&id)
                            .and_then(|u| u.last_use.clone())
                            .unwrap_or_else(|| "never".into())
                    ),
                });
            }
            if let Some(message) = rotation_overdue(key, now) {
                findings.push(Finding {
                    kind: "rotation-overdue",
                    key_id: id.clone(),
                    message,
                });
            }
            let recent = now - SignedDuration::from_hours(24 * RECENT_USE_DAYS);
            if key.state == KeyState::PendingDeletion && last.is_some_and(|t| t >= recent) {
                findings.push(Finding {
                    kind: "pending-deletion-in-use",
                    key_id: id.clone(),
                    message: format!(
                        "{} is scheduled for deletion but was used in the last {RECENT_USE_DAYS} \
                         days (last use: {}): cancel the deletion if something still needs it",
                        key.display_name(),
                        per_key[&id].last_use.clone().unwrap_or_default()
                    ),
                });
            }
        }
    }

    let mut text = String::new();
    for (id, u) in &per_key {
        let uses: Vec<String> = u
            .uses
            .iter()
            .map(|(e, n)| format!("{} {n}", clean(e)))
            .collect();
        let more = if u.uses_by_other_actors > 0 { "+" } else { "" };
        text.push_str(&format!(
            "{}  {}; {} failed; last use {}; {}{more} actors\n",
            clean(id),
            uses.join(", "),
            u.failures,
            clean(u.last_use.as_deref().unwrap_or("-")),
            u.actors.len(),
        ));
    }
    for f in &findings {
        text.push_str(&format!(
            "{}: {}: {}\n",
            f.kind,
            clean(&f.key_id),
            clean(&f.message)
        ));
    }
    if let Some((line, why)) = &broken {
        eprintln!(
            "lkms: warning: the audit log does not verify from line {line} ({}); run `lkms audit \
             verify`",
            clean(why)
        );
    }
    let out = ReportJson {
        keys: per_key
            .iter()
            .map(|(id, usage)| KeyJson { key_id: id, usage })
            .collect(),
        findings: &findings,
    };
    Ok(Report::new(text, serde_json::to_value(&out)?))
}

/// `audit report --json`: `{"keys": [{"key_id", "uses", "failures", "last_use", "actors",
/// "uses_by_other_actors"}], "findings": [{"kind", "key_id", "message"}]}`. The names are part
/// of the interface (a SIEM reads them); tests/cli/report.rs pins them.
#[derive(Serialize)]
struct ReportJson<'a> {
    keys: Vec<KeyJson<'a>>,
    findings: &'a [Finding],
}

#[derive(Serialize)]
struct KeyJson<'a> {
    key_id: &'a str,
    #[serde(flatten)]
    usage: &'a KeyUse,
}

/// Why an Enabled key that can rotate is overdue, if it is: its scheduled rotation is past and
/// was not carried out yet, or it has no automatic rotation and its current version is more
/// than a year old (opening the keyring carries out due rotations, so this is the usual case).
fn rotation_overdue(key: &crate::keyring::Key, now: Timestamp) -> Option<String> {
    if key.state != KeyState::Enabled || !key.spec.rotates() {
        return None;
    }
    if let Some(next) = key.next_rotation {
        return (next < now).then(|| format!("{} was due to rotate on {next}", key.display_name()));
    }
    let current = key
        .versions
        .iter()
        .find(|v| v.version == key.current_version)?;
    let days = now.duration_since(current.created).as_secs() / 86_400;
    (days > ROTATE_AFTER_DAYS).then(|| {
        format!(
            "{}'s current version is {days} days old and the key has no automatic rotation: \
             run `lkms rotate {}`, or `lkms rotation enable {}`",
            key.display_name(),
            key.display_name(),
            key.display_name()
        )
    })
}
