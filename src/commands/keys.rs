//! create, list, describe, alias add/remove: the keys and their names.

use super::attempt::Attempt;
use super::session::Session;
use super::view::{KeyView, key_table};
use crate::audit::{Event, Field, Record};
use crate::cli::{AliasCommand, CreateArgs, ListArgs};
use crate::error::usage;
use crate::keyring::lifecycle::check_rotation_period;
use crate::keyring::lookup::validate_alias;
use crate::keyring::{Key, KeyState};
use crate::output::{Report, json_of};

pub fn create(s: &mut Session, args: &CreateArgs) -> anyhow::Result<Report> {
    let spec = args.spec;
    let mut rec = Record::new(Event::CreateKey);
    rec.set(Field::Spec(spec.name()));
    rec.set(Field::Aliases(args.aliases.clone()));
    let key = Attempt::run(s, rec, |a| {
        let aliases = validated_aliases(&args.aliases)?;
        for tag in &args.tags {
            if tag.0.len() > 128 || tag.1.len() > 256 {
                return Err(usage(
                    "a tag key is at most 128 characters and a value at most 256",
                ));
            }
        }
        if let Some(days) = args.rotation_period {
            check_rotation_period(days)?;
            if !spec.rotates() {
                return Err(crate::error::unusable(format!(
                    "{spec} keys are signing keys and do not rotate; leave out --rotation-period"
                )));
            }
        }
        let material = spec.generate()?;
        let key = a.write_keyring(|kr, now| {
            for a in &aliases {
                kr.check_alias_free(a)?;
            }
            let mut key = Key::new(spec, material, now);
            key.aliases = aliases;
            key.description = args.description.clone();
            key.tags = args.tags.iter().cloned().collect();
            if let Some(days) = args.rotation_period {
                key.enable_rotation(days, now)?;
            }
            let metadata = key.metadata();
            kr.keys.push(key);
            Ok(metadata)
        })?;
        a.record.key_id = Some(key.id.to_string());
        a.record.key_version = Some(1);
        Ok(key)
    })?;
    Ok(Report::new(
        format!("{}\n", key.id),
        KeyView::of(&key).json(),
    ))
}

/// The `--alias` values of a command that makes a key, validated, each given once.
pub(super) fn validated_aliases(given: &[String]) -> anyhow::Result<Vec<String>> {
    let aliases = given
        .iter()
        .map(|a| validate_alias(a))
        .collect::<anyhow::Result<Vec<_>>>()?;
    for (i, a) in aliases.iter().enumerate() {
        if aliases[..i].contains(a) {
            return Err(usage(format!(
                "alias `{a}` is given twice; give each alias once"
            )));
        }
    }
    Ok(aliases)
}

pub fn list(s: &mut Session, args: &ListArgs) -> anyhow::Result<Report> {
    let keyring = Attempt::run(s, Record::new(Event::ListKeys), |a| a.read_keyring())?;
    let keys: Vec<&Key> = keyring
        .keys
        .iter()
        .filter(|k| args.all || k.state != KeyState::Destroyed)
        .collect();
    let views: Vec<KeyView> = keys.iter().map(|k| KeyView::of(k)).collect();
    let json = json_of(&views);
    let text = if keys.is_empty() {
        "no keys yet; create one with `lkms create`\n".to_string()
    } else {
        key_table(&keys)
    };
    Ok(Report::new(text, json))
}

pub fn describe(s: &mut Session, reference: &str) -> anyhow::Result<Report> {
    let key = Attempt::run(s, Record::new(Event::DescribeKey), |a| {
        let keyring = a.read_keyring()?;
        let key = keyring.find(reference)?.metadata();
        a.record.key_id = Some(key.id.to_string());
        Ok(key)
    })?;
    let view = KeyView::of(&key);
    Ok(Report::new(view.text(), view.json()))
}

/// What `alias add` and `alias remove` report: the alias (without its `alias/` prefix) and
/// the key it named.
#[derive(serde::Serialize)]
struct AliasReport<'a> {
    alias: &'a str,
    key_id: String,
}

impl<'a> AliasReport<'a> {
    fn new(name: &'a str, id: uuid::Uuid) -> AliasReport<'a> {
        AliasReport {
            alias: name.trim_start_matches("alias/"),
            key_id: id.to_string(),
        }
    }
}

pub fn alias(s: &mut Session, cmd: &AliasCommand) -> anyhow::Result<Report> {
    match cmd {
        AliasCommand::Add { name, key } => {
            let mut rec = Record::new(Event::CreateAlias);
            rec.set(Field::Alias(name.clone()));
            let id = Attempt::run(s, rec, |a| {
                let alias = validate_alias(name)?;
                let id = a.write_keyring(|kr, _| {
                    if let Err(taken) = kr.check_alias_free(&alias) {
                        // `alias add app/config cfg2`: the arguments swapped, most likely, and
                        // removing the alias in use would be the wrong advice.
                        if kr.find(key).is_err() && validate_alias(key).is_ok() {
                            return Err(usage(format!(
                                "alias `{alias}` is taken and no key is named `{key}`: the order is NAME KEY, \
                                 the new alias first (`lkms alias add {key} {name}`?)"
                            )));
                        }
                        return Err(taken);
                    }
                    let key = kr.find_mut(key)?;
                    key.aliases.push(alias.clone());
                    Ok(key.id)
                })?;
                a.record.key_id = Some(id.to_string());
                Ok(id)
            })?;
            let r = AliasReport::new(name, id);
            Ok(Report::message(
                format!("alias/{} now names key {}\n", r.alias, r.key_id),
                json_of(&r),
            ))
        }
        AliasCommand::Remove { name } => {
            let mut rec = Record::new(Event::DeleteAlias);
            rec.set(Field::Alias(name.clone()));
            let id = Attempt::run(s, rec, |a| {
                let id = a.write_keyring(|kr, _| kr.remove_alias(name))?;
                a.record.key_id = Some(id.to_string());
                Ok(id)
            })?;
            let r = AliasReport::new(name, id);
            Ok(Report::message(
                format!("removed alias/{} from key {}\n", r.alias, r.key_id),
                json_of(&r),
            ))
        }
    }
}
