//! init and passwd: creating the keyring and changing a passphrase root's passphrase.

use super::attempt::Attempt;
use super::session::Session;
use super::unlocking::UnlockInfo;
use crate::audit::{Event, Field, Record};
use crate::cli::{InitArgs, PasswdArgs};
use crate::error::{failure, not_found, unusable};
use crate::keyring::Keyring;
use crate::keyring::identity::KeyringIdentity;
use crate::keyring::migrate::{DEFAULT_ROOT, write_default_root};
use crate::keyring::root::{RootPaths, RootsFile};
use crate::keyring::roots::{self, PassphraseRoot, passphrase::KIND as PASSPHRASE};
use crate::keyring::store::DEFAULT_WORK_FACTOR;
use crate::output::{Report, json_of};
use crate::passphrase::{ENV_NEW_PASSPHRASE, ENV_PASSPHRASE, obtain_new};

pub fn init(s: &mut Session, args: &InitArgs) -> anyhow::Result<Report> {
    let store = s.store();
    // Refuse before asking for a passphrase; checked again under the lock.
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
    let now = s.now();
    let paths = RootPaths::of(store.path());
    let mut attempt = Attempt::before_keyring(s, rec)?;
    // The root and the roots file first, then the keyring written beside its name, its line
    // logged, and only then renamed into place: no keyring exists whose creation is not in the
    // log (fail closed), and a crash before the rename leaves no keyring (the next init
    // replaces the strays).
    let prepared = (|| {
        let lock = store.lock()?;
        if store.exists() {
            return Err(store.exists_error());
        }
        paths.check_not_shared(store.path())?;
        let identity = KeyringIdentity::generate();
        let mut keyring = Keyring::new(work_factor);
        let id = keyring.keyring_id.expect("a new keyring has an id");
        let mut roots_file = RootsFile::new(id, identity.recipient().to_string());
        let (_, root_file) = write_default_root(
            &paths,
            &mut roots_file,
            &identity,
            &passphrase,
            work_factor,
            now,
        )?;
        let prepared = store.prepare(&lock, &mut keyring, &identity)?;
        Ok((lock, prepared, identity, roots_file, root_file))
    })();
    let (lock, prepared, identity, roots_file, root_file) = match prepared {
        Ok(p) => p,
        Err(e) => return attempt.finish(Err(e)),
    };
    attempt.record.keyring_generation = Some(prepared.generation());
    attempt.record.set(Field::Root(DEFAULT_ROOT.into()));
    attempt.finish(Ok(()))?;
    prepared.commit()?;
    drop(lock);
    let r = Created {
        keyring: store.path().display().to_string(),
        keyring_id: roots_file.keyring_id.to_string(),
        root_file: root_file.display().to_string(),
        audit_log: s.settings.audit_log.display().to_string(),
        work_factor,
    };
    s.unlocker.set_v2(
        identity,
        roots_file,
        UnlockInfo::root(DEFAULT_ROOT, PASSPHRASE),
    );
    Ok(Report::message(
        format!(
            "created the keyring {} (passphrase root `{DEFAULT_ROOT}`: {}, scrypt work factor \
             {})\naudit log: {}\n",
            r.keyring, r.root_file, r.work_factor, r.audit_log
        ),
        json_of(&r),
    ))
}

/// What `init` reports: the keyring, its id and first root's file, the audit log, and the
/// work factor.
#[derive(serde::Serialize)]
struct Created {
    keyring: String,
    keyring_id: String,
    root_file: String,
    audit_log: String,
    work_factor: u8,
}

/// What `passwd` reports: the root whose passphrase changed, and its work factor now.
#[derive(serde::Serialize)]
struct Rewritten {
    root: String,
    work_factor: u8,
}

pub fn passwd(s: &mut Session, args: &PasswdArgs) -> anyhow::Result<Report> {
    let mut rec = Record::new(Event::ChangePassphrase);
    if let Some(wf) = args.work_factor {
        rec.set(Field::WorkFactor(wf));
    }
    if let Some(root) = &args.root {
        rec.set(Field::Root(root.clone()));
    }
    let (name, work_factor) = Attempt::run(s, rec, |a| {
        // Unlock first (carrying out anything due, converting a format 1 keyring), so a
        // mistake is caught before a new passphrase is asked for.
        a.read_keyring()?;
        a.session().ensure_v2()?;
        let unlocked_by = a
            .session()
            .unlocker
            .info
            .as_ref()
            .filter(|i| i.kind.as_deref() == Some(PASSPHRASE))
            .and_then(|i| i.root.clone());
        let name = args
            .root
            .clone()
            .or(unlocked_by)
            .unwrap_or_else(|| DEFAULT_ROOT.to_string());
        a.record.set(Field::Root(name.clone()));
        if let Some(wf) = args.work_factor {
            // Never write a root that the next command would refuse to open.
            a.session().store().check_work_factor(wf)?;
        }
        let s = a.session();
        let new = obtain_new(
            args.new_passphrase_file.as_deref(),
            ENV_NEW_PASSPHRASE,
            &format!("New passphrase for the root `{name}`"),
        )?;
        let store = s.store();
        let paths = RootPaths::of(store.path());
        let _lock = store.lock()?;
        let mut roots_file = RootsFile::load(&paths)?;
        let entry = roots_file.find(&name).cloned().ok_or_else(|| {
            not_found(format!(
                "the keyring has no root named `{name}`; see `lkms root list`"
            ))
        })?;
        if entry.kind != PASSPHRASE {
            return Err(unusable(format!(
                "the root `{name}` is a {} root, which has no passphrase; name a passphrase \
                 root with --root",
                entry.kind
            )));
        }
        let work_factor = args
            .work_factor
            .unwrap_or_else(|| roots::work_factor(&entry));
        let origin = entry
            .file
            .as_deref()
            .map(|f| paths.resolve(f).display().to_string())
            .unwrap_or_default();
        let root = PassphraseRoot::new(&name, &origin, new, work_factor);
        let (identity, _) = s.unlocker.v2().expect("converted above");
        let updated = roots::rewrap(&paths, &roots_file, &entry, &root, identity)?;
        for r in &mut roots_file.roots {
            if r.name == name {
                *r = updated.clone();
            }
        }
        roots_file.save(&paths)?;
        Ok((name, work_factor))
    })?;
    let r = Rewritten {
        root: name,
        work_factor,
    };
    Ok(Report::message(
        format!(
            "changed the passphrase of the root `{}` (scrypt work factor {})\n",
            r.root, r.work_factor
        ),
        json_of(&r),
    ))
}
