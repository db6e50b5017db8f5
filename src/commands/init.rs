//! init and passwd: creating the keyring and changing a passphrase root's passphrase.

use super::attempt::Attempt;
use super::roots::ExternalPlan;
use super::session::Session;
use super::unlocking::UnlockInfo;
use crate::audit::checkpoint::Checkpoint;
use crate::audit::{Event, Field, Record, for_each_record};
use crate::cli::{InitArgs, InitRoot, PasswdArgs};
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
    refuse_a_live_keyrings_log(s)?;
    let work_factor = args
        .work_factor
        .or(s.settings.config.work_factor)
        .unwrap_or(DEFAULT_WORK_FACTOR);
    refuse_other_kinds_flags(args)?;
    let plan = match args.root {
        InitRoot::Passphrase => None,
        InitRoot::AwsKms => Some(ExternalPlan::aws_kms(&args.kms)?),
        InitRoot::Transit => Some(ExternalPlan::transit(&args.transit)?),
        InitRoot::Pkcs11 => Some(ExternalPlan::pkcs11(&args.pkcs11)?),
        InitRoot::AgeIdentity => {
            use crate::keyring::roots::age_identity::{AgeIdentityRoot, KIND};
            let recipient = super::roots::age_identity_recipient(&args.age)?;
            let name = args.name.clone().unwrap_or_else(|| KIND.to_string());
            crate::keyring::root::validate_name(&name)?;
            let key = recipient.to_string();
            let root = AgeIdentityRoot::new(&name, recipient);
            return init_with_root(s, name, KIND, key, &root, work_factor);
        }
    };
    if let Some(plan) = plan {
        return init_external(s, args, plan, work_factor);
    }
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
        // A log left by an earlier keyring at this path is not this one's history: the
        // anchor starts the new keyring's part of it.
        attempt.session().anchor(&mut keyring)?;
        let prepared = store.prepare(&lock, &mut keyring, &identity)?;
        Ok((lock, prepared, identity, roots_file, root_file, keyring))
    })();
    let (lock, prepared, identity, roots_file, root_file, keyring) = match prepared {
        Ok(p) => p,
        Err(e) => return attempt.finish(Err(e)),
    };
    attempt.record.keyring_generation = Some(prepared.generation());
    attempt.record.set(Field::Root(DEFAULT_ROOT.into()));
    attempt.finish(Ok(()))?;
    prepared.commit()?;
    drop(lock);
    // Saved: this command's checkpoint is signed with the new keyring's audit key.
    s.remember_seal(&keyring);
    drop(keyring);
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

/// A flag of another root kind than `--root` names is a mistake (a typo in the kind, or a
/// flag that would silently do nothing): refused before anything is asked or written.
fn refuse_other_kinds_flags(args: &InitArgs) -> anyhow::Result<()> {
    let chosen = match args.root {
        InitRoot::Passphrase => None,
        InitRoot::AwsKms => Some("aws-kms"),
        InitRoot::Transit => Some("transit"),
        InitRoot::Pkcs11 => Some("pkcs11"),
        InitRoot::AgeIdentity => Some("age-identity"),
    };
    let mut given = super::roots::external_kinds_given(&args.kms, &args.transit, &args.pkcs11);
    if args.age.recipient.is_some() {
        given.push("age-identity");
    }
    super::roots::refuse_flags_of_other_kinds(&given, chosen, "passphrase (the default)")
}

/// `init --root KIND`: a keyring whose only root is external (no passphrase anywhere), for CI
/// runners whose identity is their cloud role, a Vault token or an HSM.
fn init_external(
    s: &mut Session,
    args: &InitArgs,
    plan: ExternalPlan,
    work_factor: u8,
) -> anyhow::Result<Report> {
    let kind = plan.root.kind();
    let key = plan.root.key_ref();
    let name = args.name.clone().unwrap_or_else(|| kind.to_string());
    crate::keyring::root::validate_name(&name)?;
    // The token's key first, when asked: nothing is written if that fails.
    plan.prepare()?;
    let root = plan.keyring_root(&name);
    init_with_root(s, name, kind, key, &root, work_factor)
}

/// `init --root KIND` once the root is made: the keyring with `root` as its only root. `key`
/// says what holds the identity (the external key, or the age recipient).
fn init_with_root(
    s: &mut Session,
    name: String,
    kind: &str,
    key: String,
    root: &dyn crate::keyring::root::Root,
    work_factor: u8,
) -> anyhow::Result<Report> {
    let store = s.store();
    store.ensure_dir()?;
    let mut rec = Record::new(Event::CreateKeyring);
    rec.set(Field::RootKind(kind.into()));
    rec.request
        .insert("external_key".into(), serde_json::Value::from(key.clone()));
    let now = s.now();
    let paths = RootPaths::of(store.path());
    let mut attempt = Attempt::before_keyring(s, rec)?;
    // As for a passphrase root: the root and the roots file first, then the keyring written
    // beside its name, its line logged, and only then renamed into place (fail closed).
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
        let entry = roots::store_new(&paths, &roots_file, root, &identity, now, true)?;
        roots_file.roots.push(entry);
        roots_file.save(&paths)?;
        let prepared = store.prepare(&lock, &mut keyring, &identity)?;
        Ok((lock, prepared, identity, roots_file))
    })();
    let (lock, prepared, identity, roots_file) = match prepared {
        Ok(p) => p,
        Err(e) => return attempt.finish(Err(e)),
    };
    attempt.record.keyring_generation = Some(prepared.generation());
    attempt.record.set(Field::Root(name.clone()));
    attempt.finish(Ok(()))?;
    prepared.commit()?;
    drop(lock);
    let keyring_id = roots_file.keyring_id.to_string();
    s.unlocker.set_v2(
        identity,
        roots_file,
        UnlockInfo::root(&name, kind).with_external_key(Some(key.clone())),
    );
    let r = CreatedWithExternalRoot {
        keyring: store.path().display().to_string(),
        keyring_id,
        root: name,
        root_kind: kind.to_string(),
        external_key: key,
        audit_log: s.settings.audit_log.display().to_string(),
    };
    Ok(Report::message(
        format!(
            "created the keyring {} with the {} root `{}` ({}) as its only root: no \
             passphrase unlocks it; add one with `lkms root add passphrase` and keep it offline \
             for recovery\naudit log: {}\n",
            r.keyring, r.root_kind, r.root, r.external_key, r.audit_log
        ),
        json_of(&r),
    ))
}

/// What `init --root KIND` reports: the keyring, its id, its one root and that root's key.
#[derive(serde::Serialize)]
struct CreatedWithExternalRoot {
    keyring: String,
    keyring_id: String,
    root: String,
    root_kind: String,
    external_key: String,
    audit_log: String,
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
        if a.read_keyring()?.grant.is_some() {
            return Err(crate::keyring::Error::IsAGrant.into());
        }
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

/// Refuses to start a keyring in the log of another keyring that is still beside it. Two
/// keyrings writing one log break both: each checkpoint is signed with its own keyring's audit
/// key, and each keyring's anchor and generation checks would read the other's lines (the
/// default log, `audit.jsonl` beside the keyring, is the same file for two keyrings in one
/// folder). A log left by a keyring that is gone is taken over, as before.
fn refuse_a_live_keyrings_log(s: &Session) -> anyhow::Result<()> {
    let log = s.settings.audit_log.as_path();
    if !log.exists() {
        return Ok(());
    }
    let mut origin = None;
    // A log that cannot be read through is left to the checks of the commands that follow.
    let _ = for_each_record(log, |r| {
        if let Some(note) = &r.checkpoint {
            origin = note.lines().next().map(String::from);
        }
        Ok(())
    });
    let Some(origin) = origin else {
        return Ok(());
    };
    let dir = match log.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let ours = s.store().path().to_path_buf();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(base) = name.to_str().and_then(|n| n.strip_suffix(".roots.toml")) else {
            continue;
        };
        for keyring in [dir.join(base), dir.join(format!("{base}.age"))] {
            if keyring == ours || !keyring.is_file() {
                continue;
            }
            let Ok(roots) = RootsFile::load(&RootPaths::of(&keyring)) else {
                continue;
            };
            if Checkpoint::origin_for(&roots.keyring_id) == origin {
                return Err(failure(format!(
                    "the audit log {} is the log of the keyring {} (id {}), which is still \
                     there; two keyrings cannot share one log, since each signs its own \
                     checkpoints. Nothing was created: give this keyring its own log with \
                     --audit-log PATH (or LKMS_AUDIT_LOG=PATH, on every command), or put it in \
                     another folder",
                    log.display(),
                    keyring.display(),
                    roots.keyring_id
                )));
            }
        }
    }
    Ok(())
}
