//! What every command shares: settings, the clock, the passphrase (asked once), the audit log,
//! and the two ways to open the keyring (to read, or to change under the writers' lock).
//!
//! Both ways carry out what time has made due (deletions, scheduled rotations) and log it.

use std::cell::OnceCell;

use jiff::Timestamp;
use secrecy::SecretString;

use crate::audit::{AuditLog, Event, Outcome, Record};
use crate::config::Settings;
use crate::crypto::material::KeySpec;
use crate::keyring::lifecycle::DueEvent;
use crate::keyring::store::{PreparedWrite, Store, WriteLock};
use crate::keyring::{Clock, Keyring};
use crate::passphrase;

pub struct Session {
    pub settings: Settings,
    pub clock: Box<dyn Clock>,
    passphrase: OnceCell<SecretString>,
    audit: Option<AuditLog>,
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
    pub(super) fn commit(self) -> anyhow::Result<()> {
        let committed = self.prepared.commit();
        drop(self.lock);
        committed
    }
}

impl Session {
    pub fn new(settings: Settings, clock: Box<dyn Clock>) -> Session {
        Session {
            settings,
            clock,
            passphrase: OnceCell::new(),
            audit: None,
        }
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    pub fn store(&self) -> Store {
        Store::new(&self.settings.keyring).with_max_work_factor(self.settings.max_work_factor)
    }

    pub fn passphrase(&self) -> anyhow::Result<&SecretString> {
        if let Some(p) = self.passphrase.get() {
            return Ok(p);
        }
        let p = passphrase::obtain(self.settings.passphrase_file.as_deref())?;
        Ok(self.passphrase.get_or_init(|| p))
    }

    /// Sets the passphrase (after `init` or `passwd` chose one).
    pub fn set_passphrase(&mut self, p: SecretString) {
        self.passphrase = OnceCell::from(p);
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
            record.error = Some(crate::error::render(e));
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
        let passphrase = self.passphrase()?.clone();
        let keyring = store.read(&passphrase)?;
        let now = self.now();
        if !keyring.keys.iter().any(|k| k.is_due(now)) {
            return Ok(keyring);
        }
        let unsaved = match self.carry_out_due()? {
            Ok((saved, _)) => return Ok(saved),
            Err(e) => e,
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
    /// then saved, whatever the command that opened the keyring goes on to do. The outer error
    /// is one that must stop the command (the audit log, a wrong passphrase); the inner one
    /// says the keyring could not be written. Returns the keyring and what was carried out.
    pub fn carry_out_due(&mut self) -> anyhow::Result<anyhow::Result<(Keyring, Vec<Due>)>> {
        let store = self.store();
        let passphrase = self.passphrase()?.clone();
        let lock = match store.lock() {
            Ok(lock) => lock,
            Err(e) => return Ok(Err(e)),
        };
        let mut keyring = store.read(&passphrase)?;
        let saved = self.save_due(&store, &lock, &mut keyring, &passphrase)?;
        Ok(saved.map(|events| (keyring, events)))
    }

    /// Applies what is due to `keyring` (read under `lock`), logs each event and then saves
    /// the keyring, so no event is logged that did not happen and none happens unlogged.
    fn save_due(
        &mut self,
        store: &Store,
        lock: &WriteLock,
        keyring: &mut Keyring,
        passphrase: &SecretString,
    ) -> anyhow::Result<anyhow::Result<Vec<Due>>> {
        let events = apply_due(keyring, self.now(), true)?;
        if events.is_empty() {
            return Ok(Ok(events));
        }
        let prepared = match store.prepare(lock, keyring, passphrase) {
            Ok(p) => p,
            Err(e) => return Ok(Err(e)),
        };
        for (id, event) in &events {
            self.log(due_record(*id, event), &Ok::<(), anyhow::Error>(()))?;
        }
        Ok(prepared.commit().map(|()| events))
    }

    /// Stages a change: takes the writers' lock, reads the keyring again, carries out what is
    /// due (saved on its own), applies `change`, and writes the result beside the keyring
    /// (under `new` passphrase, if given), to be committed after the change's audit line.
    pub(super) fn stage<T>(
        &mut self,
        new: Option<&SecretString>,
        change: impl FnOnce(&mut Keyring, Timestamp) -> anyhow::Result<T>,
    ) -> anyhow::Result<(Staged, T)> {
        self.require_keyring()?;
        let store = self.store();
        let passphrase = self.passphrase()?.clone();
        let lock = store.lock()?;
        let mut keyring = store.read(&passphrase)?;
        self.save_due(&store, &lock, &mut keyring, &passphrase)??;
        let value = change(&mut keyring, self.now())?;
        let prepared = store.prepare(&lock, &keyring, new.unwrap_or(&passphrase))?;
        Ok((
            Staged {
                lock,
                prepared,
                keyring,
            },
            value,
        ))
    }

    /// Writes `staged`'s keyring again after a further change to it, replacing the first write.
    pub(super) fn restage(
        &mut self,
        staged: &mut Staged,
        new: Option<&SecretString>,
    ) -> anyhow::Result<()> {
        let passphrase = self.passphrase()?.clone();
        staged.prepared =
            self.store()
                .prepare(&staged.lock, &staged.keyring, new.unwrap_or(&passphrase))?;
        Ok(())
    }
}

/// A key and what time did to it.
pub type Due = (uuid::Uuid, DueEvent);

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
