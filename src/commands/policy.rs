//! policy set, get, remove: a key's guard rails, kept with the key in the keyring.

use std::path::Path;

use serde_json::json;

use super::attempt::Attempt;
use super::session::Session;
use crate::audit::{Event, Field, Record};
use crate::cli::PolicyCommand;
use crate::error::usage;
use crate::io::input::read_small;
use crate::keyring::policy::Policy;
use crate::output::{Report, clean};

/// Far more than any policy needs; a larger file is not a policy.
const MAX_POLICY_LEN: u64 = 64 * 1024;

pub fn run(s: &mut Session, command: &PolicyCommand) -> anyhow::Result<Report> {
    match command {
        PolicyCommand::Set { key, file } => set(s, key, file),
        PolicyCommand::Get { key } => get(s, key),
        PolicyCommand::Remove { key } => remove(s, key),
    }
}

/// Reads and parses a policy file, returning it with its text; errors name the file, and the
/// line and field at fault.
fn read_policy(file: &Path) -> anyhow::Result<(Policy, String)> {
    let bytes = read_small(file, "policy file", MAX_POLICY_LEN)?;
    let shown = clean(&file.to_string_lossy());
    let text = String::from_utf8(bytes)
        .map_err(|_| usage(format!("the policy file {shown} is not UTF-8 text")))?;
    let policy = Policy::parse(&text).map_err(|e| {
        usage(format!(
            "the policy file {shown} is not a valid policy: {}",
            clean(&e)
        ))
    })?;
    Ok((policy, text))
}

fn policy_json(policy: Option<&Policy>) -> serde_json::Value {
    policy.map_or(serde_json::Value::Null, |p| {
        serde_json::to_value(p).expect("a policy always serializes")
    })
}

fn set(s: &mut Session, reference: &str, file: &Path) -> anyhow::Result<Report> {
    let mut rec = Record::new(Event::PutKeyPolicy);
    rec.set(Field::Input(clean(&file.to_string_lossy())));
    let (name, id, policy) = Attempt::run(s, rec, |a| {
        let (policy, text) = read_policy(file)?;
        a.record.set(Field::PolicySha256(policy.sha256()));
        let mut id = None;
        let result = a.write_keyring(|kr, _| {
            let key = kr.find_mut(reference)?;
            id = Some(key.id);
            let name = key.display_name();
            policy
                .validate_for(key.spec, key.current_version, &name)
                .map_err(|e| {
                    let at = e
                        .line_in(&text)
                        .map(|line| format!("line {line}, "))
                        .unwrap_or_default();
                    usage(format!(
                        "the policy file {} does not fit key {name}: {at}{}",
                        clean(&file.to_string_lossy()),
                        clean(&e.to_string())
                    ))
                })?;
            key.policy = Some(policy.clone());
            Ok((key.display_name(), key.id))
        });
        a.record.key_id = id.map(|i| i.to_string());
        let (name, id) = result?;
        Ok((name, id, policy))
    })?;
    Ok(Report::message(
        format!(
            "set the policy of key {name} (sha256 {})\n",
            policy.sha256()
        ),
        json!({
            "key_id": id.to_string(),
            "policy": policy_json(Some(&policy)),
            "policy_sha256": policy.sha256(),
        }),
    ))
}

fn get(s: &mut Session, reference: &str) -> anyhow::Result<Report> {
    let rec = Record::new(Event::GetKeyPolicy);
    let (name, id, policy) = Attempt::run(s, rec, |a| {
        let keyring = a.read_keyring()?;
        let key = keyring.find(reference)?;
        a.record.key_id = Some(key.id.to_string());
        Ok((key.display_name(), key.id, key.policy.clone()))
    })?;
    let text = match &policy {
        Some(p) => p.to_toml(),
        None => format!("# key {name} has no policy: it allows what its usage and state allow\n"),
    };
    Ok(Report::new(
        text,
        json!({
            "key_id": id.to_string(),
            "policy": policy_json(policy.as_ref()),
            "policy_sha256": policy.as_ref().map(Policy::sha256),
        }),
    ))
}

fn remove(s: &mut Session, reference: &str) -> anyhow::Result<Report> {
    let rec = Record::new(Event::DeleteKeyPolicy);
    let (name, id, removed) = Attempt::run(s, rec, |a| {
        let mut id = None;
        let result = a.write_keyring(|kr, _| {
            let key = kr.find_mut(reference)?;
            id = Some(key.id);
            Ok((key.display_name(), key.id, key.policy.take()))
        });
        a.record.key_id = id.map(|i| i.to_string());
        let (name, id, removed) = result?;
        match &removed {
            Some(p) => a.record.set(Field::PolicySha256(p.sha256())),
            None => a.record.set(Field::Changed(false)),
        }
        Ok((name, id, removed))
    })?;
    let text = match removed {
        Some(_) => format!("removed the policy of key {name}\n"),
        None => format!("key {name} has no policy; nothing changed\n"),
    };
    Ok(Report::message(
        text,
        json!({"key_id": id.to_string(), "changed": removed.is_some()}),
    ))
}

/// `grant revoke --min-decryption-version`: sets `min_decryption_version` of key `key_id` to
/// its current version, audited as `PutKeyPolicy`. Refused (exit 4) while the current version
/// is one the grant's holder has (made before the grant), which would cut off nothing it holds
/// but everything before it. Returns the version set.
pub(super) fn cut_off_for_grant(
    s: &mut Session,
    key_id: &str,
    grant: &crate::keyring::grant::IssuedGrant,
) -> anyhow::Result<u32> {
    let mut rec = Record::new(Event::PutKeyPolicy);
    rec.key_id = Some(key_id.to_string());
    rec.set(Field::GrantId(grant.id.to_string()));
    Attempt::run(s, rec, |a| {
        let result = a.write_keyring(|kr, _| {
            let key = kr.find_mut(key_id)?;
            let current = key.current_version;
            // The newest version the holder has: recorded with the grant, or, for a grant
            // recorded before that, any version made by the time it was issued.
            let held = match grant.current_versions.get(&key.id) {
                Some(&v) => current <= v,
                None => key
                    .version(current)
                    .is_some_and(|v| v.created <= grant.issued),
            };
            if held {
                return Err(crate::error::unusable(format!(
                    "the holder of the grant {} has version {current} of key {}, its current \
                     one: rotate it first (grant revoke --rotate), then cut off the older \
                     versions",
                    grant.id,
                    key.display_name()
                )));
            }
            let mut policy = key.policy.clone().unwrap_or(Policy {
                allow: None,
                export: true,
                context: Default::default(),
                versions: Default::default(),
            });
            policy.versions.min_decryption_version = std::num::NonZeroU32::new(current);
            policy
                .validate_for(key.spec, current, &key.display_name())
                .map_err(|e| anyhow::anyhow!("cannot set min_decryption_version: {e}"))?;
            let sha = policy.sha256();
            key.policy = Some(policy);
            Ok((current, sha))
        });
        let (current, sha) = result?;
        a.record.key_version = Some(current);
        a.record.set(Field::PolicySha256(sha));
        Ok(current)
    })
}
