//! `restore --force` of another keyring's backup: the keyring at this path becomes the
//! backup's (its id, audit key and roots), and the audit log of the keyring it replaces is
//! archived beside itself, sealed, while a fresh log starts for the restored keyring.
//!
//! Several files change (the keyring, its roots file and root files, the audit log) and no
//! rename moves them together. So everything new is first written complete: the backup's
//! roots and the restored keyring into a staging folder beside the keyring, the fresh log
//! beside the log. A journal (`ready`) is written last, then the renames follow. Every lkms
//! command first finishes a switch whose journal is written ([`finish_pending`]), so a crash
//! at any point leaves the old keyring (no journal yet: the staging folder is ignored and
//! removed by the next forced restore) or the new one (the journal rolls it forward), never
//! neither; the old log is hard-linked to its archive name before its name is given to the
//! fresh log, so it is never lost.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::attempt::Attempt;
use super::backup::{
    ask, check_restore_anchor, copy, identity, log_facts, read_backup, record_changes,
    restored_report,
};
use super::session::Session;
use super::unlocking::{UnlockInfo, Unlocker};
use crate::audit::checkpoint::Checkpoint;
use crate::audit::note::Signer;
use crate::audit::{AuditLog, Event, Field, Record};
use crate::cli::RestoreArgs;
use crate::error::{failure, integrity};
use crate::io::naming::shown;
use crate::keyring::Keyring;
use crate::keyring::backup::Backup;
use crate::keyring::identity::KeyringIdentity;
use crate::keyring::model::{AuditAnchor, new_audit_key};
use crate::keyring::restore::{Changes, reconcile};
use crate::keyring::root::{RootPaths, RootsFile, create_new};
use crate::keyring::store::{Opener, Store, WriteLock};
use crate::output::Report;

/// The journal's name in the staging folder: written last, once everything new is complete.
const READY: &str = "ready";

/// The staging folder beside the keyring: `.NAME.replacing`.
fn staging_dir(keyring: &Path) -> PathBuf {
    let name = keyring.file_name().unwrap_or_default().to_string_lossy();
    keyring.with_file_name(format!(".{name}.replacing"))
}

/// The fresh log, written beside the log it replaces: `NAME.replacing`.
fn staged_log(log: &Path) -> PathBuf {
    let name = log.file_name().unwrap_or_default().to_string_lossy();
    log.with_file_name(format!("{name}.replacing"))
}

/// The archive the replaced keyring's log moves to: `NAME.replaced-ID`, or with `.2`, `.3`...
/// after it when that name is taken (an archive is never written over).
fn archive_name(log: &Path, id: Uuid) -> PathBuf {
    let name = log.file_name().unwrap_or_default().to_string_lossy();
    let base = format!("{name}.replaced-{id}");
    let mut path = log.with_file_name(&base);
    let mut n = 2;
    while path.symlink_metadata().is_ok() {
        path = log.with_file_name(format!("{base}.{n}"));
        n += 1;
    }
    path
}

/// What the renames do, written before the first of them.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Journal {
    /// The keyring file being replaced (checked against the keyring the command names).
    keyring: PathBuf,
    /// The audit log, and where it is archived before the fresh log takes its name.
    log: PathBuf,
    archive: PathBuf,
    /// Plain names in the staging folder, moved beside the keyring in this order: the roots
    /// file, the root files, the keyring last.
    files: Vec<String>,
}

/// Finishes a forced restore cut short after its journal was written, before anything else
/// reads the keyring. Nothing to do (one stat) when no journal is there.
pub fn finish_pending(keyring: &Path) -> anyhow::Result<()> {
    let dir = staging_dir(keyring);
    let ready = dir.join(READY);
    if ready.symlink_metadata().is_err() {
        return Ok(());
    }
    let store = Store::new(keyring);
    let _lock = store.lock()?;
    if ready.symlink_metadata().is_err() {
        return Ok(()); // another process finished it meanwhile
    }
    let damaged = |why: String| {
        integrity(format!(
            "{} holds an unfinished restore whose journal is damaged ({why}); move the folder \
             away and restore the backup again",
            dir.display()
        ))
    };
    let text = fs::read_to_string(&ready).map_err(|e| damaged(e.to_string()))?;
    let journal: Journal = toml::from_str(&text).map_err(|e| damaged(e.message().into()))?;
    let plain = |n: &str| !n.is_empty() && !n.contains('/') && n != "." && n != "..";
    let log_name = journal
        .log
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let archive_ok = journal.archive.parent() == journal.log.parent()
        && journal.archive.file_name().is_some_and(|a| {
            a.to_string_lossy()
                .starts_with(&format!("{log_name}.replaced-"))
        });
    let here = std::path::absolute(keyring).unwrap_or_else(|_| keyring.to_path_buf());
    if journal.keyring != here || !archive_ok || !journal.files.iter().all(|f| plain(f)) {
        return Err(damaged("it names files it may not move".into()));
    }
    replay(&dir, &journal)
}

/// The renames, each done at most once however often a crash interrupts them.
fn replay(dir: &Path, journal: &Journal) -> anyhow::Result<()> {
    let staged = staged_log(&journal.log);
    if staged.symlink_metadata().is_ok() {
        if journal.archive.symlink_metadata().is_err() {
            fs::hard_link(&journal.log, &journal.archive).with_context(|| {
                format!(
                    "cannot archive the audit log {} as {}",
                    journal.log.display(),
                    journal.archive.display()
                )
            })?;
        }
        fs::rename(&staged, &journal.log)
            .with_context(|| format!("cannot replace {}", journal.log.display()))?;
        sync_dir(journal.log.parent());
    }
    let target = journal.keyring.parent();
    for name in &journal.files {
        let from = dir.join(name);
        if from.symlink_metadata().is_ok() {
            let to = match target {
                Some(t) if !t.as_os_str().is_empty() => t.join(name),
                _ => PathBuf::from(name),
            };
            fs::rename(&from, &to).with_context(|| format!("cannot replace {}", to.display()))?;
        }
    }
    sync_dir(target);
    fs::remove_file(dir.join(READY))
        .with_context(|| format!("cannot finish the restore in {}", dir.display()))?;
    let _ = fs::remove_dir_all(dir);
    Ok(())
}

fn sync_dir(dir: Option<&Path>) {
    let dir = match dir {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Everything the switch needs, checked and staged, before the old log records it.
struct Prepared {
    backup: Backup,
    _lock: WriteLock,
    staging: PathBuf,
    staging_store: Store,
    identity: KeyringIdentity,
    roots: RootsFile,
    unlock: Option<UnlockInfo>,
    restored: Keyring,
    changes: Changes,
    generation: u64,
    archive: PathBuf,
    replaced: Uuid,
}

/// `restore --force FILE` where FILE is another keyring's backup.
pub(super) fn restore_other(
    s: &mut Session,
    args: &RestoreArgs,
    rec: Record,
) -> anyhow::Result<Report> {
    let staging = staging_dir(s.store().path());
    let mut attempt = Attempt::open(s, rec)?;
    let prepared = prepare(&mut attempt, args, &staging);
    let mut p = match prepared {
        Ok(p) => p,
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            return attempt.finish(Err(e));
        }
    };
    let retry = attempt.record.clone();
    // The old log records the replacement first, and is sealed by the old keyring's key.
    attempt.finish(Ok(()))?;
    if let Err(e) = switch(s, args, &mut p) {
        let e = e.context("the keyring was not replaced (the line before this one recorded it)");
        let failed = Err::<(), _>(e);
        if p.staging.join(READY).symlink_metadata().is_err() {
            let _ = fs::remove_dir_all(&p.staging);
            let _ = fs::remove_file(staged_log(&s.settings.audit_log));
            s.log(retry, &failed)?;
        }
        failed?;
    }
    let mut report = restored_report(args, &p.backup, &p.changes, p.generation)?;
    let text = format!(
        "replaced the keyring {} with the keyring {} of the backup; its audit log is archived as \
         {}\n{}",
        p.replaced,
        p.backup.keyring_id,
        shown(&p.archive),
        report.text.as_str()
    );
    report.text = text.into();
    report.json["replaced_keyring_id"] = json!(p.replaced.to_string());
    report.json["keyring_id"] = json!(p.backup.keyring_id.to_string());
    report.json["archived_log"] = json!(p.archive.display().to_string());
    Ok(report)
}

fn prepare(a: &mut Attempt<'_>, args: &RestoreArgs, staging: &Path) -> anyhow::Result<Prepared> {
    let name = shown(&args.backup);
    let yes = a.session().settings.yes;
    let backup = read_backup(a, &args.backup)?;
    a.session().ensure_v2()?;
    a.session().defer_anchor_check();
    let current = a.read_keyring()?;
    check_restore_anchor(a.session())?;
    let replaced = current
        .keyring_id
        .ok_or_else(|| anyhow::anyhow!("internal error: a format 2 keyring without an id"))?;
    if replaced == backup.keyring_id {
        return Err(failure(
            "the backup is of this keyring now (another restore ran meanwhile); run the restore \
             again",
        ));
    }
    a.record.set(Field::Forced(true));
    a.record
        .set(Field::BackupKeyringId(backup.keyring_id.to_string()));
    a.record.set(Field::ReplacedKeyringId(replaced.to_string()));

    // The backup's roots, laid out in a fresh staging folder and unlocked there: its keyring
    // opens only with its own identity.
    if staging.symlink_metadata().is_ok() {
        fs::remove_dir_all(staging)
            .with_context(|| format!("cannot remove {}", staging.display()))?;
    }
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .mode(0o700)
            .create(staging)
            .with_context(|| format!("cannot create {}", staging.display()))?;
    }
    let store = a.session().store();
    let file_name = store.path().file_name().unwrap_or_default().to_owned();
    let staging_store = Store::new(staging.join(&file_name))
        .with_max_work_factor(a.session().settings.max_work_factor);
    super::backup::lay_out_roots(&staging_store, &backup)?;
    let mut unlocker = Unlocker::new(
        staging_store.path(),
        a.session().settings.passphrase_file.as_deref(),
    );
    unlocker.max_work_factor = a.session().settings.max_work_factor;
    unlocker
        .unlock_roots()
        .context("the backup's keyring opens only through its own roots")?;
    let (identity_b, roots_b) = unlocker
        .v2()
        .map(|(i, r)| (i.clone(), r.clone()))
        .ok_or_else(|| anyhow::anyhow!("internal error: the backup's roots did not unlock"))?;
    let mut restored = staging_store
        .open_bytes(&backup.keyring.content, Opener::Identity(&identity_b))
        .map_err(|e| {
            integrity(format!(
                "the keyring inside {name} does not open with its own roots ({e:#}); nothing \
                 was changed"
            ))
        })?;
    if restored.keyring_id != Some(backup.keyring_id) {
        return Err(integrity(format!(
            "the keyring inside {name} has another id than its backup says; nothing was changed"
        )));
    }
    a.record.set(Field::BackupGeneration(restored.generation));
    let (destroyed, _) = log_facts(a.session())?;
    let preview = reconcile(&current, &mut copy(&restored)?, &destroyed);
    ask(
        &format!(
            "{name} (the keyring {}, replacing this keyring {replaced})",
            backup.keyring_id
        ),
        &preview,
        yes,
    )?;

    // Read again under the writers' lock, held until the switch is done: what is destroyed
    // and the generations seen are what they are when the keyring is replaced.
    let lock = store.lock()?;
    let identity_a = identity(a.session())?;
    let current = store.open_bytes(&store.read_raw()?, Opener::Identity(&identity_a))?;
    let (destroyed, seen) = log_facts(a.session())?;
    let changes = reconcile(&current, &mut restored, &destroyed);
    let generation = current.generation.max(restored.generation).max(seen) + 1;
    let archive = archive_name(&a.session().settings.audit_log, replaced);
    a.record.set(Field::ArchivedLog(shown(&archive)));
    record_changes(a, &changes);
    Ok(Prepared {
        backup,
        _lock: lock,
        staging: staging.to_path_buf(),
        staging_store,
        identity: identity_b,
        roots: roots_b,
        unlock: unlocker.info.clone(),
        restored,
        changes,
        generation,
        archive,
        replaced,
    })
}

/// Seals the old log, writes the fresh log and the restored keyring, the journal, then the
/// renames.
fn switch(s: &mut Session, args: &RestoreArgs, p: &mut Prepared) -> anyhow::Result<()> {
    s.seal()?;
    let (old_seq, old_hash) = s
        .last_record()?
        .map(|r| (r.seq, r.hash))
        .ok_or_else(|| anyhow::anyhow!("internal error: the audit log is empty after a line"))?;
    let log = s.settings.audit_log.clone();
    let staged = staged_log(&log);
    if staged.symlink_metadata().is_ok() {
        // Left by a restore cut short before its journal: never used.
        fs::remove_file(&staged).with_context(|| format!("cannot remove {}", staged.display()))?;
    }
    let now = s.now();
    if p.restored.audit_key.is_none() {
        p.restored.audit_key = Some(new_audit_key());
    }
    let mut first = Record::new(Event::RestoreKeyring);
    first.set(Field::Input(shown(&args.backup)));
    first.set(Field::BackupCreated(super::view::time(p.backup.created)));
    first.set(Field::BackupGeneration(p.backup.generation));
    first.set(Field::BackupAuditSeq(p.backup.audit.seq));
    if let Some(cp) = &p.backup.audit.checkpoint {
        first.set(Field::BackupCheckpoint(cp.clone()));
    }
    first.set(Field::Forced(true));
    first.set(Field::BackupKeyringId(p.backup.keyring_id.to_string()));
    first.set(Field::ReplacedKeyringId(p.replaced.to_string()));
    first.set(Field::PreviousLog(shown(&p.archive)));
    first.set(Field::PreviousLogSeq(old_seq));
    first.set(Field::PreviousLogHash(old_hash));
    first.set(Field::DestroyedAgain(p.changes.destroyed_again.clone()));
    first.set(Field::LostKeys(p.changes.lost_keys.clone()));
    first.set(Field::LostVersions(
        p.changes
            .lost_versions
            .iter()
            .map(|v| format!("{}:{}", v.key_id, v.version))
            .collect(),
    ));
    first.keyring_generation = Some(p.generation);
    first.unlock = p.unlock.clone();
    let mut fresh = AuditLog::open(&staged)?;
    fresh.append(first, now)?;
    let key = p.restored.audit_key.as_ref().expect("set above");
    let signer = Signer::from_seed(&Checkpoint::origin_for(&p.backup.keyring_id), key.expose())
        .map_err(|e| anyhow::anyhow!("cannot sign the new audit log: {e}"))?;
    fresh.append_checkpoint(&signer, now, |_| {})?;
    // The keyring below anchors that checkpoint, which is not flushed by itself and has no
    // line after it yet: flushed here, or a crash could leave a keyring anchoring a line the
    // log never got.
    fresh.flush()?;
    let (seq, hash, offset) = fresh
        .head()?
        .ok_or_else(|| anyhow::anyhow!("internal error: the new audit log is empty"))?;
    drop(fresh);
    p.restored.audit_anchor = Some(AuditAnchor { seq, hash, offset });
    p.restored.generation = p.generation - 1;
    let staging_lock = p.staging_store.lock()?;
    let written = p
        .staging_store
        .prepare(&staging_lock, &mut p.restored, &p.identity)?;
    anyhow::ensure!(
        written.generation() == p.generation,
        "internal error: the restored keyring's generation moved"
    );
    written.commit()?;
    drop(staging_lock);

    let paths = RootPaths::of(p.staging_store.path());
    let plain = |path: &Path| {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut files = vec![plain(&paths.roots_file())];
    files.extend(p.backup.root_files.iter().map(|b| b.name.clone()));
    files.push(plain(p.staging_store.path()));
    // Absolute, so a later command naming the same files another way finishes it too.
    let absolute = |path: &Path| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let journal = Journal {
        keyring: absolute(s.store().path()),
        log: absolute(&log),
        archive: absolute(&p.archive),
        files,
    };
    let text = toml::to_string(&journal).context("cannot write the restore's journal")?;
    create_new(&p.staging, &p.staging.join(READY), text.as_bytes())?;
    sync_dir(Some(&p.staging));
    replay(&p.staging, &journal)?;
    // This process goes on with the restored keyring and its log: the command's own
    // checkpoint (at its end) is the restored keyring's, on the fresh log.
    s.switched_to(
        &p.restored,
        p.identity.clone(),
        p.roots.clone(),
        p.unlock.clone(),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(path: &Path, text: &str) {
        fs::write(path, text).unwrap();
    }

    fn get(path: &Path) -> String {
        fs::read_to_string(path).unwrap()
    }

    /// A switch staged in `dir` (old files in place, new ones staged), journal included when
    /// `ready`.
    fn staged(dir: &Path, ready: bool) -> (PathBuf, Journal) {
        let keyring = dir.join("keyring.age");
        let log = dir.join("audit.jsonl");
        for (name, text) in [
            ("keyring.age", "old keyring"),
            ("keyring.roots.toml", "old roots"),
            ("audit.jsonl", "old log"),
            ("audit.jsonl.replacing", "new log"),
        ] {
            put(&dir.join(name), text);
        }
        let staging = staging_dir(&keyring);
        fs::create_dir(&staging).unwrap();
        put(&staging.join("keyring.age"), "new keyring");
        put(&staging.join("keyring.roots.toml"), "new roots");
        let journal = Journal {
            keyring: keyring.clone(),
            log: log.clone(),
            archive: dir.join("audit.jsonl.replaced-x"),
            files: vec!["keyring.roots.toml".into(), "keyring.age".into()],
        };
        if ready {
            put(&staging.join(READY), &toml::to_string(&journal).unwrap());
        }
        (keyring, journal)
    }

    #[test]
    fn a_switch_cut_short_after_its_journal_is_finished_by_the_next_command() {
        let dir = tempfile::tempdir().unwrap();
        let (keyring, journal) = staged(dir.path(), true);
        // Cut short after the log was archived and replaced, before the roots and keyring.
        fs::hard_link(&journal.log, &journal.archive).unwrap();
        fs::rename(staged_log(&journal.log), &journal.log).unwrap();
        finish_pending(&keyring).unwrap();
        assert_eq!(get(&keyring), "new keyring");
        assert_eq!(get(&dir.path().join("keyring.roots.toml")), "new roots");
        assert_eq!(get(&journal.log), "new log");
        assert_eq!(get(&journal.archive), "old log");
        assert!(!staging_dir(&keyring).exists());
        // Nothing left to do: a second call changes nothing.
        finish_pending(&keyring).unwrap();
        assert_eq!(get(&journal.archive), "old log");
    }

    #[test]
    fn a_switch_without_its_journal_is_never_started_and_a_foreign_journal_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let (keyring, mut journal) = staged(dir.path(), false);
        finish_pending(&keyring).unwrap();
        assert_eq!(get(&keyring), "old keyring");
        assert_eq!(get(&journal.log), "old log");
        // A journal naming a file outside the folder is not followed.
        journal.files.push("../elsewhere".into());
        let ready = staging_dir(&keyring).join(READY);
        put(&ready, &toml::to_string(&journal).unwrap());
        let e = finish_pending(&keyring).unwrap_err();
        assert_eq!(
            crate::error::exit_code(&e),
            crate::error::ExitCode::Integrity,
            "{e:#}"
        );
        assert_eq!(get(&keyring), "old keyring");
    }
}
