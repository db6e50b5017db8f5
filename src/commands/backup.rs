//! backup and restore: a snapshot of the keyring as it is on disk, and its return, which never
//! brings a destroyed key back.

use std::collections::HashSet;
use std::io::{Read, Seek, SeekFrom, Write};

use anyhow::Context as _;
use serde_json::json;
use uuid::Uuid;

use super::attempt::Attempt;
use super::session::Session;
use super::view::time;
use crate::audit::{Event, Field, Record, for_each_record};
use crate::cli::{BackupArgs, RestoreArgs};
use crate::error::{failure, integrity, usage};
use crate::io::input::read_small;
use crate::io::naming::shown;
use crate::io::output::PendingFile;
use crate::keyring::Keyring;
use crate::keyring::backup::{AuditPosition, Backup, Blob, MAX_BACKUP_BYTES};
use crate::keyring::identity::KeyringIdentity;
use crate::keyring::restore::{Changes, reconcile};
use crate::keyring::root::RootsFile;
use crate::keyring::root::{RootPaths, create_new, read_root_file};
use crate::keyring::store::{Opener, Store};
use crate::output::{Report, clean};
use crate::passphrase::{confirm, interactive};

pub fn backup(s: &mut Session, args: &BackupArgs) -> anyhow::Result<Report> {
    let mut rec = Record::new(Event::BackupKeyring);
    rec.set(Field::Output(shown(&args.output)));
    let backup = Attempt::run(s, rec, |a| {
        // Format 1 keyrings are converted first: a backup holds the keyring and its roots.
        a.session().ensure_v2()?;
        // Unlocked, and what time has made due carried out, before the snapshot.
        a.read_keyring()?;
        let mut pending = PendingFile::create_binary(&args.output, args.force)?;
        let identity = identity(a.session())?;
        let store = a.session().store();
        let audit = audit_position(a.session())?;
        // Checked before it is written: the keyring in it opens with the identity.
        let (backup, keyring) = snapshot(&store, &identity, audit, a.session().now())?;
        let bytes = backup.encode()?;
        let name = shown(&args.output);
        let write = |f: &mut std::fs::File| -> std::io::Result<Vec<u8>> {
            f.write_all(&bytes)?;
            f.sync_all()?;
            f.seek(SeekFrom::Start(0))?;
            let mut back = Vec::with_capacity(bytes.len());
            f.read_to_end(&mut back)?;
            Ok(back)
        };
        let back = write(pending.file_mut()).with_context(|| format!("cannot write {name}"))?;
        if pending.writes_through() {
            return Err(failure(format!(
                "{name} is not a regular file; a backup must be written to a file, so it can be \
                 read back and checked"
            )));
        }
        // Read back what reached the disk, and open it as `restore` will.
        let again = Backup::decode(&back, &name)
            .context("the backup just written does not read back; nothing was kept")?;
        store
            .open_bytes(&again.keyring.content, Opener::Identity(&identity))
            .context("the backup just written does not open; nothing was kept")?;
        a.record.set(Field::BackupGeneration(backup.generation));
        a.record.set(Field::BackupAuditSeq(backup.audit.seq));
        a.release_file(pending);
        Ok((backup, keyring.keys.len()))
    })?;
    let (backup, keys) = backup;
    Ok(Report::message(
        format!(
            "wrote a backup of the keyring {} to {} (generation {}, {keys} keys, {} root files); \
             keep it away from this machine\n",
            backup.keyring_id,
            args.output.display(),
            backup.generation,
            backup.root_files.len(),
        ),
        json!({
            "backup": args.output.display().to_string(),
            "keyring_id": backup.keyring_id.to_string(),
            "generation": backup.generation,
            "keys": keys,
            "created": time(backup.created),
            "audit_seq": backup.audit.seq,
        }),
    ))
}

pub(super) fn identity(s: &Session) -> anyhow::Result<KeyringIdentity> {
    let (identity, _) = s
        .unlocker
        .v2()
        .ok_or_else(|| anyhow::anyhow!("internal error: not unlocked with a keyring identity"))?;
    Ok(identity.clone())
}

/// The keyring, the roots file and every root file, byte for byte, read under the writers'
/// lock so no write lands between them, with the keyring they hold opened.
fn snapshot(
    store: &Store,
    identity: &KeyringIdentity,
    audit: AuditPosition,
    now: jiff::Timestamp,
) -> anyhow::Result<(Backup, Keyring)> {
    let paths = RootPaths::of(store.path());
    let name = |p: &std::path::Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let lock = store.lock()?;
    let keyring = store.read_raw()?;
    let roots_path = paths.roots_file();
    let roots_bytes = read_root_file(&roots_path, false)?;
    let roots = RootsFile::load(&paths)?;
    let mut root_files = Vec::new();
    for entry in &roots.roots {
        if let Some(file) = &entry.file {
            let path = paths.resolve(file);
            root_files.push(Blob {
                name: file.clone(),
                content: read_root_file(&path, true)?.to_vec(),
            });
        }
    }
    drop(lock);
    let opened = store.open_bytes(&keyring, Opener::Identity(identity))?;
    let backup = Backup {
        created: now,
        keyring_id: roots.keyring_id,
        generation: opened.generation,
        audit,
        keyring: Blob {
            name: name(store.path()),
            content: keyring,
        },
        roots: Blob {
            name: name(&roots_path),
            content: roots_bytes.to_vec(),
        },
        root_files,
    };
    Ok((backup, opened))
}

/// The audit log's last line, where the backup stands in it (read one line at a time).
fn audit_position(s: &Session) -> anyhow::Result<AuditPosition> {
    let mut position = AuditPosition {
        seq: 0,
        hash: String::new(),
        checkpoint: None,
    };
    for_each_record(&s.settings.audit_log, |r| {
        position.seq = r.seq;
        position.hash.clone_from(&r.hash);
        if r.event == Event::AuditCheckpoint.name() && r.checkpoint.is_some() {
            position.checkpoint.clone_from(&r.checkpoint);
        }
        Ok(())
    })?;
    Ok(position)
}

pub fn restore(s: &mut Session, args: &RestoreArgs) -> anyhow::Result<Report> {
    let name = shown(&args.backup);
    let mut rec = Record::new(Event::RestoreKeyring);
    rec.set(Field::Input(name.clone()));
    let yes = s.settings.yes;
    if !s.store().exists() {
        return restore_into_empty(s, args, rec);
    }
    // Another keyring's backup, on purpose: the keyring at this path becomes the backup's.
    if args.force && of_another_keyring(s, &args.backup) {
        return super::replace::restore_other(s, args, rec);
    }
    let (backup, changes, generation) = Attempt::run(s, rec, |a| {
        let backup = read_backup(a, &args.backup)?;
        a.session().ensure_v2()?;
        // A keyring rolled back behind its log is what a restore repairs: that finding does
        // not stop it (the restored keyring's generation goes above the log's). A cut or
        // replaced log does: the log is what says which keys were destroyed.
        a.session().defer_anchor_check();
        let current = a.read_keyring()?;
        check_restore_anchor(a.session())?;
        let current_id = current
            .keyring_id
            .ok_or_else(|| anyhow::anyhow!("internal error: a format 2 keyring without an id"))?;
        if backup.keyring_id != current_id {
            let what = format!(
                "{name} is a backup of the keyring {}, but this keyring is {current_id}",
                backup.keyring_id
            );
            return Err(if args.force {
                failure(format!(
                    "{what}: another restore changed the keyring meanwhile; run the restore \
                     again (nothing was changed)"
                ))
            } else {
                failure(format!(
                    "{what}; nothing was changed. Pass --force to replace this keyring with it"
                ))
            });
        }
        let identity = identity(a.session())?;
        let store = a.session().store();
        let mut restored = store
            .open_bytes(&backup.keyring.content, Opener::Identity(&identity))
            .map_err(|e| {
                integrity(format!(
                    "the keyring inside {name} does not open with this keyring's identity \
                     ({e:#}); nothing was changed"
                ))
            })?;
        if restored.keyring_id != Some(current_id) {
            return Err(integrity(format!(
                "the keyring inside {name} has another id than its backup says; nothing was \
                 changed"
            )));
        }
        a.record.set(Field::BackupGeneration(restored.generation));
        let (destroyed, seen) = log_facts(a.session())?;
        let preview = reconcile(&current, &mut copy(&restored)?, &destroyed);
        ask(&name, &preview, yes)?;
        let (changes, generation) = a.write_keyring(|kr, _| {
            // Read again under the lock: the report is what this write does.
            let changes = reconcile(kr, &mut restored, &destroyed);
            restored.generation = kr.generation.max(restored.generation).max(seen);
            // The audit key signs this log's checkpoints: the current one stays.
            if kr.audit_key.is_some() {
                restored.audit_key = kr.audit_key.take();
            }
            let generation = restored.generation + 1;
            *kr = restored;
            Ok((changes, generation))
        })?;
        record_changes(a, &changes);
        Ok((backup, changes, generation))
    })?;
    restored_report(args, &backup, &changes, generation)
}

/// The anchor check as a restore runs it: a keyring rolled back behind its log is what a
/// restore repairs and does not stop it; a cut or replaced log does, since the log is what
/// says which keys were destroyed.
pub(super) fn check_restore_anchor(s: &mut Session) -> anyhow::Result<()> {
    match s.take_anchor_problem() {
        Some(problem)
            if !matches!(
                problem.downcast_ref::<crate::audit::Error>(),
                Some(crate::audit::Error::KeyringRolledBack { .. })
            ) =>
        {
            Err(problem)
        }
        _ => Ok(()),
    }
}

/// Whether FILE reads as a backup of another keyring than the roots file beside the keyring
/// names. Anything unclear (an unreadable or damaged file) is left to the ordinary restore,
/// which reports it.
fn of_another_keyring(s: &Session, path: &std::path::Path) -> bool {
    let Ok(bytes) = read_small(path, "backup", MAX_BACKUP_BYTES) else {
        return false;
    };
    let Ok(backup) = Backup::decode(&bytes, &shown(path)) else {
        return false;
    };
    let paths = RootPaths::of(s.store().path());
    RootsFile::load(&paths).is_ok_and(|r| r.keyring_id != backup.keyring_id)
}

/// Reads and checks the backup file, and records what it is on the attempt's line.
pub(super) fn read_backup(a: &mut Attempt<'_>, path: &std::path::Path) -> anyhow::Result<Backup> {
    let bytes = read_small(path, "backup", MAX_BACKUP_BYTES)?;
    let backup = Backup::decode(&bytes, &shown(path))?;
    a.record.set(Field::BackupCreated(time(backup.created)));
    a.record.set(Field::BackupAuditSeq(backup.audit.seq));
    if let Some(cp) = &backup.audit.checkpoint {
        a.record.set(Field::BackupCheckpoint(cp.clone()));
    }
    Ok(backup)
}

pub(super) fn record_changes(a: &mut Attempt<'_>, changes: &Changes) {
    a.record
        .set(Field::DestroyedAgain(changes.destroyed_again.clone()));
    a.record.set(Field::LostKeys(changes.lost_keys.clone()));
    a.record.set(Field::LostVersions(
        changes
            .lost_versions
            .iter()
            .map(|v| format!("{}:{}", v.key_id, v.version))
            .collect(),
    ));
}

pub(super) fn restored_report(
    args: &RestoreArgs,
    backup: &Backup,
    changes: &Changes,
    generation: u64,
) -> anyhow::Result<Report> {
    let mut text = format!(
        "restored the keyring from {} (taken {}); it is now at generation {generation}\n",
        args.backup.display(),
        time(backup.created)
    );
    text.push_str(&describe(changes));
    let mut value = serde_json::to_value(changes)?;
    value["backup"] = json!(args.backup.display().to_string());
    value["backup_created"] = json!(time(backup.created));
    value["generation"] = json!(generation);
    Ok(Report::message(text, value))
}

/// A restore where the keyring is gone (a lost disk, a new machine): the backup's roots are
/// laid out first (the roots file and root files, each created new; ones already there for
/// the same keyring are kept), the keyring identity is unlocked through them, and the
/// backup's keyring, with every key the audit log records as destroyed destroyed again and a
/// generation above any the log has seen, is written last, after its audit line.
fn restore_into_empty(s: &mut Session, args: &RestoreArgs, rec: Record) -> anyhow::Result<Report> {
    let mut attempt = Attempt::before_keyring(s, rec)?;
    let laid_out = (|| {
        let a = &mut attempt;
        let backup = read_backup(a, &args.backup)?;
        let store = a.session().store();
        store.ensure_dir()?;
        let lock = store.lock()?;
        if store.exists() {
            return Err(failure(format!(
                "a keyring appeared at {} meanwhile; run the restore again",
                store.path().display()
            )));
        }
        lay_out_roots(&store, &backup)?;
        a.session().unlocker.unlock_roots()?;
        let identity = identity(a.session())?;
        let mut restored = store
            .open_bytes(&backup.keyring.content, Opener::Identity(&identity))
            .map_err(|e| {
                integrity(format!(
                    "the keyring inside {} does not open with its own roots ({e:#}); nothing                      was changed",
                    shown(&args.backup)
                ))
            })?;
        if restored.keyring_id != Some(backup.keyring_id) {
            return Err(integrity(format!(
                "the keyring inside {} has another id than its backup says; nothing was changed",
                shown(&args.backup)
            )));
        }
        a.record.set(Field::BackupGeneration(restored.generation));
        let (destroyed, seen) = log_facts(a.session())?;
        let mut none = Keyring::new(restored.work_factor);
        none.keyring_id = restored.keyring_id;
        let changes = reconcile(&none, &mut restored, &destroyed);
        restored.generation = restored.generation.max(seen);
        if restored.audit_key.is_none() {
            restored.audit_key = Some(crate::keyring::model::new_audit_key());
        }
        a.session().anchor(&mut restored)?;
        let prepared = store.prepare(&lock, &mut restored, &identity)?;
        a.session().remember_seal(&restored);
        record_changes(a, &changes);
        Ok((backup, changes, lock, prepared))
    })();
    let (backup, changes, lock, prepared) = match laid_out {
        Ok(v) => v,
        Err(e) => return attempt.finish(Err(e)),
    };
    let generation = prepared.generation();
    attempt.record.keyring_generation = Some(generation);
    attempt.finish(Ok(()))?;
    prepared.commit()?;
    drop(lock);
    restored_report(args, &backup, &changes, generation)
}

/// Writes the backup's roots file and root files beside the keyring, each created new. Root
/// file names come from the backup, so each must be one the roots file names and a plain
/// name in the keyring's folder: a crafted backup cannot write elsewhere.
pub(super) fn lay_out_roots(store: &Store, backup: &Backup) -> anyhow::Result<()> {
    let paths = RootPaths::of(store.path());
    // Every name is checked against the backup's own roots file before anything is written.
    let listed: RootsFile = std::str::from_utf8(&backup.roots.content)
        .ok()
        .and_then(|t| toml::from_str(t).ok())
        .ok_or_else(|| integrity("the backup's roots file does not parse; nothing was changed"))?;
    for blob in &backup.root_files {
        let named = listed
            .roots
            .iter()
            .any(|r| r.file.as_deref() == Some(blob.name.as_str()));
        let plain = !blob.name.contains('/') && !blob.name.starts_with('.');
        if !named || !plain {
            return Err(integrity(format!(
                "the backup holds a root file named `{}` that its roots file does not name; \
                 nothing was changed",
                clean(&blob.name)
            )));
        }
    }
    let roots_path = paths.roots_file();
    if roots_path.symlink_metadata().is_err() {
        create_new(paths.dir(), &roots_path, &backup.roots.content)?;
    }
    let roots = RootsFile::load(&paths)?;
    if roots.keyring_id != backup.keyring_id {
        return Err(failure(format!(
            "{} belongs to the keyring {}, but the backup is of the keyring {}; move it away to \
             restore this backup here (nothing was changed)",
            roots_path.display(),
            roots.keyring_id,
            backup.keyring_id
        )));
    }
    for blob in &backup.root_files {
        let path = paths.resolve(&blob.name);
        if path.symlink_metadata().is_err() {
            create_new(paths.dir(), &path, &blob.content)?;
        }
    }
    Ok(())
}

/// The keys the audit log records as destroyed (a `DeleteKeyMaterial` line, whatever its
/// outcome: a failed one means the keyring could not be written, not that the key lives), and
/// the highest keyring generation it has seen (0 for an empty log).
pub(super) fn log_facts(s: &Session) -> anyhow::Result<(HashSet<Uuid>, u64)> {
    let mut destroyed = HashSet::new();
    let mut seen = 0;
    for_each_record(&s.settings.audit_log, |r| {
        if r.event == Event::DeleteKeyMaterial.name()
            && let Some(id) = r.key_id.as_deref().and_then(|k| k.parse().ok())
        {
            destroyed.insert(id);
        }
        seen = seen.max(r.keyring_generation.unwrap_or(0));
        Ok(())
    })?;
    Ok((destroyed, seen))
}

/// An independent copy of a keyring, for the preview (keys are not `Clone`: they hold material).
pub(super) fn copy(kr: &Keyring) -> anyhow::Result<Keyring> {
    let text = zeroize::Zeroizing::new(toml::to_string(kr)?);
    crate::keyring::store::parse(text.as_bytes())
}

/// The changes in words, one line each.
fn describe(c: &Changes) -> String {
    let mut out = String::new();
    for k in &c.destroyed_again {
        out.push_str(&format!(
            "  key {k}: destroyed again (it was destroyed after the backup was taken; its \
             material stays erased)\n"
        ));
    }
    for k in &c.reappearing {
        out.push_str(&format!(
            "  key {k}: reappears (not in the current keyring)\n"
        ));
    }
    for k in &c.lost_keys {
        out.push_str(&format!(
            "  key {k}: lost (created after the backup; data under it will not decrypt)\n"
        ));
    }
    for v in &c.lost_versions {
        out.push_str(&format!(
            "  key {} version {}: lost (made after the backup; data under it will not decrypt)\n",
            v.key_id, v.version
        ));
    }
    for sc in &c.state_changes {
        out.push_str(&format!("  key {}: {} -> {}\n", sc.key_id, sc.from, sc.to));
    }
    if out.is_empty() {
        out.push_str("  no key changes\n");
    }
    out
}

/// Shows what the restore changes and asks on a terminal; off a terminal, --yes is required,
/// since a restore can lose keys and versions made since the backup.
pub(super) fn ask(name: &str, preview: &Changes, yes: bool) -> anyhow::Result<()> {
    if yes {
        return Ok(());
    }
    if !interactive() {
        return Err(usage(format!(
            "restoring {name} replaces the keyring; run it on a terminal to see what changes \
             and confirm, or pass --yes"
        )));
    }
    eprint!(
        "restoring {name} replaces the keyring:\n{}",
        describe(preview)
    );
    if confirm("Replace the keyring with the backup's?", false)? {
        Ok(())
    } else {
        Err(failure("not restored: nothing was changed"))
    }
}
