//! init and passwd: creating the keyring and changing its passphrase.

use serde_json::json;

use super::attempt::Attempt;
use super::session::Session;
use crate::audit::{Event, Field, Record};
use crate::cli::{InitArgs, PasswdArgs};
use crate::error::failure;
use crate::keyring::Keyring;
use crate::keyring::store::DEFAULT_WORK_FACTOR;
use crate::output::Report;
use crate::passphrase::{ENV_NEW_PASSPHRASE, ENV_PASSPHRASE, obtain_new};

pub fn init(s: &mut Session, args: &InitArgs) -> anyhow::Result<Report> {
    let store = s.store();
    // Refuse before asking for a passphrase; `create` checks again under the lock.
    if store.exists() {
        return Err(failure(format!(
            "a keyring already exists at {}; nothing was changed (use --keyring PATH for \
             another one, or `lkms passwd` to change this one's passphrase)",
            store.path().display()
        )));
    }
    let work_factor = args
        .work_factor
        .or(s.settings.config.work_factor)
        .unwrap_or(DEFAULT_WORK_FACTOR);
    // Before the passphrase is asked for: a keyring above the cap would not open again.
    store.check_work_factor(work_factor)?;
    let passphrase = obtain_new(
        s.settings.passphrase_file.as_deref(),
        ENV_PASSPHRASE,
        "New keyring passphrase",
    )?;
    store.ensure_dir()?;
    let mut rec = Record::new(Event::CreateKeyring);
    rec.set(Field::WorkFactor(work_factor));
    let attempt = Attempt::before_keyring(s, rec)?;
    // The keyring is written beside its name, its line logged, and only then renamed into
    // place: no keyring exists whose creation is not in the log (fail closed).
    let prepared = store.prepare_create(&Keyring::new(work_factor), &passphrase);
    let (lock, prepared) = match prepared {
        Ok(p) => p,
        Err(e) => return attempt.finish(Err(e)),
    };
    attempt.finish(Ok(()))?;
    prepared.commit()?;
    drop(lock);
    s.set_passphrase(passphrase);
    Ok(Report::message(
        format!(
            "created the keyring {} (scrypt work factor {work_factor})\naudit log: {}\n",
            store.path().display(),
            s.settings.audit_log.display()
        ),
        json!({
            "keyring": store.path().display().to_string(),
            "audit_log": s.settings.audit_log.display().to_string(),
            "work_factor": work_factor,
        }),
    ))
}

pub fn passwd(s: &mut Session, args: &PasswdArgs) -> anyhow::Result<Report> {
    let mut rec = Record::new(Event::ChangePassphrase);
    if let Some(wf) = args.work_factor {
        rec.set(Field::WorkFactor(wf));
    }
    let work_factor = Attempt::run(s, rec, |a| {
        // Unlock with the old passphrase first (carrying out anything due), so a mistake is
        // caught before a new passphrase is asked for.
        a.read_keyring()?;
        if let Some(wf) = args.work_factor {
            // Never write a keyring that the next command would refuse to open.
            a.session().store().check_work_factor(wf)?;
        }
        let new = obtain_new(
            args.new_passphrase_file.as_deref(),
            ENV_NEW_PASSPHRASE,
            "New keyring passphrase",
        )?;
        let work_factor = a.write_keyring_as(Some(&new), |keyring, _| {
            if let Some(wf) = args.work_factor {
                keyring.work_factor = wf;
            }
            Ok(keyring.work_factor)
        })?;
        a.session().set_passphrase(new);
        Ok(work_factor)
    })?;
    Ok(Report::message(
        format!("changed the keyring's passphrase (scrypt work factor {work_factor})\n"),
        json!({"work_factor": work_factor}),
    ))
}
