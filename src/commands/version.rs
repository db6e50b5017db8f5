//! version disable, version enable: one version of a key out of use, or back.

use super::attempt::Attempt;
use super::session::Session;
use super::view::{ChangedKey, KeyView};
use crate::audit::{Event, Field, Record};
use crate::cli::VersionCommand;
use crate::confirm::Destructive;
use crate::error::failure;
use crate::keyring::VersionState;
use crate::keyring::lifecycle::Change;
use crate::output::Report;

pub fn run(s: &mut Session, command: &VersionCommand) -> anyhow::Result<Report> {
    match *command {
        VersionCommand::Disable { ref key, number } => set(s, key, number, VersionState::Disabled),
        VersionCommand::Enable { ref key, number } => set(s, key, number, VersionState::Enabled),
    }
}

fn set(s: &mut Session, reference: &str, n: u32, state: VersionState) -> anyhow::Result<Report> {
    let event = match state {
        VersionState::Disabled => Event::DisableKeyVersion,
        VersionState::Enabled => Event::EnableKeyVersion,
    };
    let mut rec = Record::new(event);
    rec.set(Field::Version(n));
    let (key, change) = Attempt::run(s, rec, |a| {
        let yes = a.session().settings.yes;
        // Data under the version stops decrypting: a script must say it means it.
        let destructive = (state == VersionState::Disabled)
            .then(|| {
                Destructive::check(
                    "version disable",
                    "makes data under that version undecryptable until it is enabled again",
                    yes,
                )
            })
            .transpose()?;
        if let Some(destructive) = destructive.filter(Destructive::asks) {
            let keyring = a.read_keyring()?;
            let key = keyring.find(reference)?;
            a.record.key_id = Some(key.id.to_string());
            let question = format!(
                "Disable version {n} of key {}? Data encrypted under it will not decrypt",
                key.display_name()
            );
            if !destructive.ask(&question)? {
                return Err(failure(
                    "not disabled: you declined (pass --yes to skip the question)",
                ));
            }
        }
        let mut id = None;
        let result = a.write_keyring(|kr, _| {
            let key = kr.find_mut(reference)?;
            id = Some(key.id);
            let change = key.set_version_state(n, state)?;
            Ok((key.metadata(), change))
        });
        a.record.key_id = id.map(|i| i.to_string());
        let (key, change) = result?;
        a.record.key_version = Some(n);
        if change == Change::Unchanged {
            a.record.set(Field::Changed(false));
        }
        Ok((key, change))
    })?;
    let did = match state {
        VersionState::Disabled => "disabled",
        VersionState::Enabled => "enabled",
    };
    let text = match change {
        Change::Changed => format!("{did} version {n} of key {}\n", key.display_name()),
        Change::Unchanged => format!(
            "version {n} of key {} is already {state}; nothing changed\n",
            key.display_name()
        ),
    };
    let json = crate::output::json_of(&ChangedKey {
        key: KeyView::of(&key),
        changed: change == Change::Changed,
    });
    Ok(Report::message(text, json))
}
