//! What every command shares: settings, the clock, the unlocked keyring identity (unlocked
//! once), the audit log, and the two ways to open the keyring (to read, or to change under the
//! writers' lock).
//!
//! Both ways carry out what time has made due (deletions, scheduled rotations) and log it.

use jiff::Timestamp;
use secrecy::SecretString;

use super::unlocking::{UnlockInfo, Unlocker};
use crate::audit::anchor::{self, Anchor};
use crate::audit::checkpoint::Checkpoint;
use crate::audit::note::Signer;
use crate::audit::{AuditLog, Event, Field, Outcome, Record};
use crate::config::Settings;
use crate::crypto::material::KeySpec;
use crate::crypto::secret::SecretBytes;
use crate::error::{ExitCode, exit_code};
use crate::keyring::identity::KeyringIdentity;
use crate::keyring::lifecycle::DueEvent;
use crate::keyring::migrate::{self, DEFAULT_ROOT};
use crate::keyring::model::{AuditAnchor, new_audit_key};
use crate::keyring::roots::passphrase::KIND as PASSPHRASE;
use crate::keyring::store::{PreparedWrite, Store, WriteLock};
use crate::keyring::{Clock, Keyring};

pub struct Session {
    pub settings: Settings,
    pub clock: Box<dyn Clock>,
    pub unlocker: Unlocker,
    audit: Option<AuditLog>,
    /// The audit key and keyring id, once a keyring was opened: the command's checkpoint is
    /// signed with it at the end ([`Session::seal`]).
    seal: Option<(SecretBytes, uuid::Uuid)>,
    /// The keyring's anchor was checked against the log (once a command).
    anchored: bool,
    defer_anchor: bool,
    anchor_problem: Option<anyhow::Error>,
    /// The grant id, once a grant keyring was read: every audit line then carries it.
    grant: Option<uuid::Uuid>,
}

/// A keyring change written beside the keyring, still under the writers' lock, waiting for its
/// audit line. Only [`super::attempt::Attempt::finish`] commits it.
pub(crate) struct Staged {
    lock: WriteLock,
    prepared: PreparedWrite,
    /// The keyring as the change left it, for a second change in the same attempt.
    pub(crate) keyring: Keyring,
}

impl Staged {
    /// The generation the keyring will have once this change is committed.
    pub(crate) fn generation(&self) -> u64 {
        self.prepared.generation()
    }

    pub(super) fn commit(self) -> anyhow::Result<()> {
        let committed = self.prepared.commit();
        drop(self.lock);
        committed
    }
}

impl Session {
    pub fn new(settings: Settings, clock: Box<dyn Clock>) -> Session {
        let mut unlocker = Unlocker::new(&settings.keyring, settings.passphrase_file.as_deref());
        unlocker.max_work_factor = settings.max_work_factor;
        unlocker.identity_file = settings.identity_file.clone();
        Session {
            settings,
            clock,
            unlocker,
            audit: None,
            seal: None,
            anchored: false,
            defer_anchor: false,
            anchor_problem: None,
            grant: None,
        }
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    pub fn store(&self) -> Store {
        Store::new(&self.settings.keyring).with_max_work_factor(self.settings.max_work_factor)
    }

    pub fn passphrase(&self) -> anyhow::Result<&SecretString> {
        self.unlocker.passphrase()
    }

    /// Unlocks the keyring once (the agent, a root, or a format 1 passphrase) and logs a
    /// failed attempt as `Unlock` with the root it tried.
    pub fn unlock(&mut self) -> anyhow::Result<()> {
        if self.unlocker.is_unlocked() {
            return Ok(());
        }
        let store = self.store();
        let result = self.unlocker.unlock(&store);
        self.log_unlock_failure(&result)?;
        result
    }

    fn log_unlock_failure<T>(&mut self, result: &anyhow::Result<T>) -> anyhow::Result<()> {
        if let Err(e) = result
            && exit_code(e) != ExitCode::NotFound
        {
            let mut rec = Record::new(Event::Unlock);
            rec.unlock = self.unlocker.info.clone();
            self.unlocker.info = None;
            self.log(rec, result)?;
        }
        Ok(())
    }

    /// Reads the keyring through the unlocked identity, unlocking first, and checks its anchor
    /// in the audit log: a keyring rolled back, or a log cut or replaced, stops every command.
    /// A grant keyring is checked (signature, expiry) on every read, and refused for a change
    /// (`change`).
    fn read_store(&mut self, store: &Store, change: bool) -> anyhow::Result<Keyring> {
        self.unlock()?;
        let result = self.unlocker.read(store);
        self.log_unlock_failure(&result)?;
        let mut keyring = result?;
        if let Some(grant) = &keyring.grant {
            self.grant = Some(grant.id);
            let checked = crate::keyring::grant::check(&mut keyring, self.now());
            // A grant whose signature holds was made by its issuer, audit key included: its
            // refusals (expired, or a change) come after the unlock and are sealed as every
            // such refusal is. One that fails its signature seals nothing with its key.
            let signed = !matches!(
                checked.as_ref().err().and_then(|e| e.downcast_ref()),
                Some(crate::keyring::Error::GrantSignature { .. })
            );
            if signed {
                // Its log is checked first: no refusal is sealed over a log cut or replaced.
                self.anchor_once(store, &mut keyring)?;
                self.remember_seal(&keyring);
            }
            checked?;
            if change {
                return Err(crate::keyring::Error::IsAGrant.into());
            }
        }
        self.anchor_once(store, &mut keyring)?;
        self.remember_seal(&keyring);
        Ok(keyring)
    }

    /// The anchor check, once a command (`audit verify` keeps its failure for its report).
    fn anchor_once(&mut self, store: &Store, keyring: &mut Keyring) -> anyhow::Result<()> {
        if !self.anchored {
            self.anchored = true;
            match self.check_anchor(store, keyring) {
                Ok(()) => {}
                Err(e) if self.defer_anchor => self.anchor_problem = Some(e),
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The anchor check (see [`anchor`]). A keyring behind the log is read once more before
    /// it is called rolled back: another process may have saved a change since it was read.
    fn check_anchor(&mut self, store: &Store, keyring: &mut Keyring) -> anyhow::Result<()> {
        let anchor = keyring.audit_anchor.as_ref().map(|a| Anchor {
            seq: a.seq,
            hash: &a.hash,
            offset: a.offset,
        });
        // The audit key checks a pruned log's header, if the anchored line was moved out.
        let verifier = match (&keyring.audit_key, keyring.keyring_id) {
            (Some(key), Some(id)) => Signer::from_seed(&Checkpoint::origin_for(&id), key.expose())
                .ok()
                .map(|s| s.verifier()),
            _ => None,
        };
        let saved = anchor::check(&self.settings.audit_log, anchor, verifier.as_ref())?;
        if saved <= keyring.generation {
            return Ok(());
        }
        let again = self.unlocker.read(store)?;
        if saved <= again.generation {
            *keyring = again;
            return Ok(());
        }
        Err(crate::audit::Error::KeyringRolledBack {
            keyring: again.generation,
            log: saved,
        }
        .into())
    }

    /// Reads the keyring again (after a change this command made), remembering its audit key.
    pub(crate) fn reread_keyring(&mut self) -> anyhow::Result<()> {
        let store = self.store();
        let keyring = self.read_store(&store, false)?;
        self.remember_seal(&keyring);
        Ok(())
    }

    /// For `audit verify`: a failed anchor check is kept for its report instead of stopping it.
    pub(crate) fn defer_anchor_check(&mut self) {
        self.defer_anchor = true;
    }

    /// The anchor check's failure, if it was deferred.
    pub(crate) fn take_anchor_problem(&mut self) -> Option<anyhow::Error> {
        self.anchor_problem.take()
    }

    /// Keeps the keyring's audit key for the checkpoint at the end of the command.
    pub(crate) fn remember_seal(&mut self, keyring: &Keyring) {
        if let (Some(key), Some(id)) = (&keyring.audit_key, keyring.keyring_id) {
            self.seal = Some((SecretBytes::new(key.expose().to_vec()), id));
        }
    }

    /// After a forced restore replaced the keyring and its log: the rest of the command works
    /// on the restored keyring, its identity and its (fresh) log.
    pub(crate) fn switched_to(
        &mut self,
        keyring: &Keyring,
        identity: crate::keyring::identity::KeyringIdentity,
        roots: crate::keyring::root::RootsFile,
        info: Option<crate::audit::UnlockInfo>,
    ) {
        self.audit = None;
        self.remember_seal(keyring);
        self.unlocker.forget();
        if let Some(info) = info {
            self.unlocker.set_v2(identity, roots, info);
        }
    }

    /// The audit log's signer, if a keyring was opened.
    pub(crate) fn signer(&self) -> Option<Signer> {
        let (seed, id) = self.seal.as_ref()?;
        Signer::from_seed(&Checkpoint::origin_for(id), seed.expose()).ok()
    }

    /// Ends the command: appends a signed checkpoint of the log if the command opened the
    /// keyring (lines of commands that never did are covered by the next one). Returns the
    /// checkpoint line written, if any.
    pub fn seal(&mut self) -> anyhow::Result<Option<Record>> {
        let Some(signer) = self.signer() else {
            return Ok(None);
        };
        self.open_audit()?;
        let now = self.now();
        let log = self.audit.as_mut().expect("opened above");
        let grant = self.grant;
        log.append_checkpoint(&signer, now, |record| {
            if let Some(id) = grant {
                record.set(Field::GrantId(id.to_string()));
            }
        })
    }

    /// The log's last record.
    pub(crate) fn last_record(&mut self) -> anyhow::Result<Option<Record>> {
        self.open_audit()?;
        self.audit.as_mut().expect("opened above").last_record()
    }

    /// Records the log's head in the keyring about to be written (see [`anchor`]).
    pub(crate) fn anchor(&mut self, keyring: &mut Keyring) -> anyhow::Result<()> {
        self.open_audit()?;
        let log = self.audit.as_mut().expect("opened above");
        keyring.audit_anchor =
            log.head()?
                .map(|(seq, hash, offset)| AuditAnchor { seq, hash, offset });
        Ok(())
    }

    /// The identity a write encrypts to. A format 1 keyring is converted first, on its own:
    /// the converted keyring is verified, logged as `MigrateKeyring` and renamed into place
    /// before the change that caused the write is applied.
    fn write_identity(
        &mut self,
        store: &Store,
        lock: &WriteLock,
        keyring: &mut Keyring,
    ) -> anyhow::Result<KeyringIdentity> {
        if let Some((identity, _)) = self.unlocker.v2() {
            return Ok(identity.clone());
        }
        let passphrase = self.passphrase()?.clone();
        let converted = migrate::convert(store, lock, keyring, &passphrase, self.now())?;
        let mut rec = Record::new(Event::MigrateKeyring);
        rec.keyring_generation = Some(converted.prepared.generation());
        rec.set(Field::FromFormat(1));
        rec.set(Field::ToFormat(2));
        rec.set(Field::Root(DEFAULT_ROOT.into()));
        rec.set(Field::RootFile(converted.root_file.display().to_string()));
        let retry = rec.clone();
        self.log(rec, &Ok::<(), anyhow::Error>(()))?;
        if let Err(e) = converted.prepared.commit() {
            let failed = Err::<(), _>(e.context("the keyring was not converted"));
            self.log(retry, &failed)?;
            failed?;
        }
        eprintln!(
            "lkms: converted the keyring {} to format 2: it is now encrypted to a keyring \
             identity, held by the passphrase root `{DEFAULT_ROOT}` ({}), same passphrase. \
             To recover it with age alone: age -d -i {} {}",
            store.path().display(),
            converted.root_file.display(),
            converted.root_file.display(),
            store.path().display()
        );
        let identity = converted.identity.clone();
        self.unlocker.set_v2(
            converted.identity,
            converted.roots,
            UnlockInfo::root(DEFAULT_ROOT, PASSPHRASE),
        );
        Ok(identity)
    }

    /// Converts a format 1 keyring now (root commands and `passwd` work on format 2 roots).
    pub fn ensure_v2(&mut self) -> anyhow::Result<()> {
        self.require_keyring()?;
        self.unlock()?;
        if self.unlocker.v2().is_some() {
            return Ok(());
        }
        let store = self.store();
        let lock = store.lock()?;
        let mut keyring = self.read_store(&store, true)?;
        self.write_identity(&store, &lock, &mut keyring)?;
        Ok(())
    }

    /// Opens the audit log now: a command that cannot log refuses before it acts.
    pub fn open_audit(&mut self) -> anyhow::Result<()> {
        if self.audit.is_none() {
            self.audit = Some(AuditLog::open(&self.settings.audit_log)?);
        }
        Ok(())
    }

    /// Appends a record, marked with the result's outcome. If the line cannot be written, the
    /// command fails (fail closed).
    pub(crate) fn log<T>(
        &mut self,
        mut record: Record,
        result: &anyhow::Result<T>,
    ) -> anyhow::Result<()> {
        if let Err(e) = result {
            record.outcome = Outcome::Failure;
            // What went wrong, without the next step the user is told (`check
            // LKMS_PASSPHRASE...`): the log keeps facts.
            record.error = Some(format!("{e:#}"));
            // A policy's refusal names its rule on its own, so the log can be searched for it.
            if let Some(rule) = e.chain().find_map(|c| match c.downcast_ref() {
                Some(crate::keyring::Error::PolicyRefused { rule, .. }) => Some(rule.clone()),
                _ => None,
            }) {
                record.set(Field::PolicyRule(rule));
            }
        }
        if let Some(id) = self.grant {
            record.set(Field::GrantId(id.to_string()));
        }
        if record.unlock.is_none() && self.unlocker.is_unlocked() {
            record.unlock = self.unlocker.info.clone();
        }
        self.open_audit()?;
        let now = self.now();
        let log = self.audit.as_mut().expect("opened above");
        log.append(record, now)?;
        Ok(())
    }

    pub fn require_keyring(&self) -> anyhow::Result<()> {
        let store = self.store();
        if store.exists() {
            Ok(())
        } else {
            Err(crate::keyring::Error::NoKeyring(store.path().to_path_buf()).into())
        }
    }

    /// Reads the keyring for a command that does not change it. Due deletions and rotations are
    /// carried out (under the lock); if the keyring cannot be written, due deletions still take
    /// effect in memory, with a warning, and rotations wait.
    pub fn read_keyring(&mut self) -> anyhow::Result<Keyring> {
        self.require_keyring()?;
        let store = self.store();
        let keyring = self.read_store(&store, false)?;
        let now = self.now();
        if !keyring.keys.iter().any(|k| k.is_due(now)) {
            return Ok(keyring);
        }
        let unsaved = match self.carry_out_due()? {
            DueSave::Saved((saved, _)) => return Ok(saved),
            DueSave::Unwritten(e) => e,
        };
        let mut keyring = keyring;
        let events = apply_due(&mut keyring, now, false)?;
        if events.is_empty() {
            eprintln!(
                "lkms: warning: cannot save to {} ({unsaved:#}); scheduled rotations wait until \
                 it can be written",
                store.path().display()
            );
        } else {
            eprintln!(
                "lkms: warning: cannot save to {} ({unsaved:#}); keys past their deletion date \
                 are treated as destroyed all the same, and erased at the next write",
                store.path().display()
            );
        }
        for (id, event) in events {
            let mut rec = due_record(id, &event);
            rec.outcome = Outcome::Failure;
            rec.error = Some("the keyring could not be written; material not yet erased".into());
            self.log(rec, &Ok::<(), anyhow::Error>(()))?;
        }
        Ok(keyring)
    }

    /// Carries out what time has made due (deletions, scheduled rotations), on its own: logged,
    /// then saved, whatever the command that opened the keyring goes on to do. An error is one
    /// that must stop the command (the audit log, a wrong passphrase); a keyring that could not
    /// be written is [`DueSave::Unwritten`], which a reading command survives.
    pub fn carry_out_due(&mut self) -> anyhow::Result<DueSave<(Keyring, Vec<Due>)>> {
        let store = self.store();
        self.unlock()?;
        let lock = match store.lock() {
            Ok(lock) => lock,
            Err(e) => return Ok(DueSave::Unwritten(e)),
        };
        let mut keyring = self.read_store(&store, false)?;
        Ok(match self.save_due(&store, &lock, &mut keyring)? {
            DueSave::Saved(events) => DueSave::Saved((keyring, events)),
            DueSave::Unwritten(e) => DueSave::Unwritten(e),
        })
    }

    /// Applies what is due to `keyring` (read under `lock`), logs each event and then saves
    /// the keyring, so no event is logged that did not happen and none happens unlogged.
    fn save_due(
        &mut self,
        store: &Store,
        lock: &WriteLock,
        keyring: &mut Keyring,
    ) -> anyhow::Result<DueSave<Vec<Due>>> {
        let events = apply_due(keyring, self.now(), true)?;
        if events.is_empty() {
            return Ok(DueSave::Saved(events));
        }
        let identity = match self.write_identity(store, lock, keyring) {
            Ok(i) => i,
            Err(e) => return Ok(DueSave::Unwritten(e)),
        };
        if let Err(e) = self.anchor(keyring) {
            return Ok(DueSave::Unwritten(e));
        }
        let prepared = match store.prepare(lock, keyring, &identity) {
            Ok(p) => p,
            Err(e) => return Ok(DueSave::Unwritten(e)),
        };
        for (id, event) in &events {
            let mut rec = due_record(*id, event);
            rec.keyring_generation = Some(prepared.generation());
            self.log(rec, &Ok::<(), anyhow::Error>(()))?;
        }
        Ok(match prepared.commit() {
            Ok(()) => DueSave::Saved(events),
            Err(e) => DueSave::Unwritten(e),
        })
    }

    /// Stages a change: takes the writers' lock, reads the keyring again, carries out what is
    /// due (saved on its own), applies `change`, and writes the result beside the keyring
    /// (encrypted to the keyring identity: no KDF), to be committed after the change's audit
    /// line. A format 1 keyring is converted first.
    pub(super) fn stage<T>(
        &mut self,
        change: impl FnOnce(&mut Keyring, Timestamp) -> anyhow::Result<T>,
    ) -> anyhow::Result<(Staged, T)> {
        self.require_keyring()?;
        let store = self.store();
        // Unlocked before the lock is taken: a passphrase prompt must not hold other writers.
        self.unlock()?;
        let lock = store.lock()?;
        let mut keyring = self.read_store(&store, true)?;
        let identity = self.write_identity(&store, &lock, &mut keyring)?;
        self.save_due(&store, &lock, &mut keyring)?.written()?;
        let value = change(&mut keyring, self.now())?;
        // A keyring made before audit keys gets one with its first change; its checkpoints
        // start with the next command, once the key is saved.
        if keyring.audit_key.is_none() {
            keyring.audit_key = Some(new_audit_key());
        }
        self.anchor(&mut keyring)?;
        let prepared = store.prepare(&lock, &mut keyring, &identity)?;
        Ok((
            Staged {
                lock,
                prepared,
                keyring,
            },
            value,
        ))
    }

    /// Writes `staged`'s keyring again after a further change to it, replacing the first write
    /// (which counted a generation the new write counts again).
    pub(super) fn restage(&mut self, staged: &mut Staged) -> anyhow::Result<()> {
        let (identity, _) = self
            .unlocker
            .v2()
            .ok_or_else(|| anyhow::anyhow!("internal error: restaged before unlocking"))?;
        let identity = identity.clone();
        staged.keyring.generation -= 1;
        staged.prepared = self
            .store()
            .prepare(&staged.lock, &mut staged.keyring, &identity)?;
        Ok(())
    }
}

/// A key and what time did to it.
pub type Due = (uuid::Uuid, DueEvent);

/// How saving what time made due ended, when nothing stopped the command: saved (with what was
/// carried out), or not written, which a command that only reads survives and one that changes
/// the keyring does not (see [`DueSave::written`]).
pub enum DueSave<T> {
    Saved(T),
    Unwritten(anyhow::Error),
}

impl<T> DueSave<T> {
    /// What was saved, or the reason the keyring could not be written, as the error.
    pub fn written(self) -> anyhow::Result<T> {
        match self {
            DueSave::Saved(t) => Ok(t),
            DueSave::Unwritten(e) => Err(e),
        }
    }
}

fn apply_due(keyring: &mut Keyring, now: Timestamp, rotations: bool) -> anyhow::Result<Vec<Due>> {
    let mut events = Vec::new();
    let mut fresh = |spec: KeySpec| Ok(spec.generate()?);
    for key in &mut keyring.keys {
        if !rotations && key.state == crate::keyring::KeyState::Enabled {
            continue;
        }
        if let Some(e) = key.apply_due(now, &mut fresh)? {
            events.push((key.id, e));
        }
    }
    Ok(events)
}

fn due_record(id: uuid::Uuid, event: &DueEvent) -> Record {
    let mut rec = match event {
        DueEvent::Destroyed => Record::new(Event::DeleteKeyMaterial),
        DueEvent::Rotated(v) => {
            let mut r = Record::new(Event::RotateKey);
            r.key_version = Some(*v);
            r.reason = Some("scheduled".into());
            r
        }
    };
    rec.key_id = Some(id.to_string());
    rec
}
