//! The key state machine, as AWS KMS runs it, with time passed in explicitly.
//!
//! Every transition returns whether it changed anything: asking for the state a key is already
//! in succeeds and changes nothing. Refusals are `KeyUnusable` errors (exit code 4) that name
//! the current state.

use jiff::{SignedDuration, Timestamp};

use super::Error;
use super::model::{Key, KeyState, KeyVersion};
use crate::crypto::material::{KeySpec, KeyUsage};
use crate::crypto::secret::SecretBytes;

pub const MIN_DELETION_DAYS: u32 = 7;
pub const MAX_DELETION_DAYS: u32 = 30;
pub const DEFAULT_DELETION_DAYS: u32 = 30;
pub const MIN_ROTATION_DAYS: u32 = 1;
pub const MAX_ROTATION_DAYS: u32 = 2560;

/// Whether a transition changed the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Changed,
    Unchanged,
}

/// What the passage of time did to a key (applied by [`Key::apply_due`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueEvent {
    /// The deletion date passed: the material is erased.
    Destroyed,
    /// A scheduled rotation fell due; the new version is given.
    Rotated(u32),
}

fn days(n: u32) -> SignedDuration {
    SignedDuration::from_hours(24 * i64::from(n))
}

impl Key {
    /// A fresh Enabled key with version 1.
    pub fn new(spec: KeySpec, material: SecretBytes, now: Timestamp) -> Key {
        Key {
            id: uuid::Uuid::new_v4(),
            aliases: Vec::new(),
            spec,
            origin: super::model::Origin::Lkms,
            description: String::new(),
            tags: Default::default(),
            state: KeyState::Enabled,
            created: now,
            deletion_date: None,
            rotation_period_days: None,
            next_rotation: None,
            current_version: 1,
            policy: None,
            versions: vec![KeyVersion {
                version: 1,
                created: now,
                state: Default::default(),
                material: Some(material),
                recipient: None,
            }],
        }
    }

    fn refuse(&self, what: &str) -> anyhow::Error {
        Error::WrongState {
            operation: what.to_string(),
            key: self.display_name(),
            state: self.state,
            deletion_date: self.deletion_date,
        }
        .into()
    }

    pub fn enable(&mut self) -> anyhow::Result<Change> {
        match self.state {
            KeyState::Enabled => Ok(Change::Unchanged),
            KeyState::Disabled => {
                self.state = KeyState::Enabled;
                Ok(Change::Changed)
            }
            _ => Err(self.refuse("enable")),
        }
    }

    pub fn disable(&mut self) -> anyhow::Result<Change> {
        match self.state {
            KeyState::Disabled => Ok(Change::Unchanged),
            KeyState::Enabled => {
                self.state = KeyState::Disabled;
                Ok(Change::Changed)
            }
            _ => Err(self.refuse("disable")),
        }
    }

    /// Schedules destruction `window_days` from `now`. A key already pending deletion keeps
    /// its date (asking again changes nothing).
    pub fn schedule_deletion(
        &mut self,
        window_days: u32,
        now: Timestamp,
    ) -> anyhow::Result<Change> {
        check_deletion_window(window_days)?;
        match self.state {
            KeyState::PendingDeletion => Ok(Change::Unchanged),
            KeyState::Enabled | KeyState::Disabled => {
                self.state = KeyState::PendingDeletion;
                self.deletion_date = Some(now + days(window_days));
                Ok(Change::Changed)
            }
            KeyState::Destroyed => Err(self.refuse("schedule deletion of")),
        }
    }

    /// Cancels a scheduled deletion; the key becomes Disabled, as in AWS KMS.
    pub fn cancel_deletion(&mut self) -> anyhow::Result<Change> {
        match self.state {
            KeyState::PendingDeletion => {
                self.state = KeyState::Disabled;
                self.deletion_date = None;
                Ok(Change::Changed)
            }
            _ => Err(Error::NothingToCancel {
                key: self.display_name(),
                state: self.state,
            }
            .into()),
        }
    }

    /// Adds a version with fresh material and makes it current.
    pub fn rotate(&mut self, material: SecretBytes, now: Timestamp) -> anyhow::Result<u32> {
        self.require_rotatable()?;
        if self.state != KeyState::Enabled {
            return Err(self.refuse("rotate"));
        }
        self.add_version(material, now)
    }

    fn add_version(&mut self, material: SecretBytes, now: Timestamp) -> anyhow::Result<u32> {
        let last = self.versions.iter().map(|v| v.version).max().unwrap_or(0);
        let Some(next) = last.checked_add(1) else {
            return Err(Error::LastVersion(self.display_name()).into());
        };
        self.versions.push(KeyVersion {
            version: next,
            created: now,
            state: Default::default(),
            material: Some(material),
            recipient: None,
        });
        self.current_version = next;
        if let Some(period) = self.rotation_period_days {
            self.next_rotation = Some(now + days(period));
        }
        Ok(next)
    }

    fn require_rotatable(&self) -> anyhow::Result<()> {
        if self.spec.rotates() {
            Ok(())
        } else {
            Err(Error::SigningKeyRotation {
                key: self.display_name(),
                spec: self.spec,
            }
            .into())
        }
    }

    pub fn enable_rotation(&mut self, period_days: u32, now: Timestamp) -> anyhow::Result<Change> {
        check_rotation_period(period_days)?;
        self.require_rotatable()?;
        if matches!(self.state, KeyState::PendingDeletion | KeyState::Destroyed) {
            return Err(self.refuse("enable rotation of"));
        }
        if self.rotation_period_days == Some(period_days) {
            return Ok(Change::Unchanged);
        }
        self.rotation_period_days = Some(period_days);
        self.next_rotation = Some(now + days(period_days));
        Ok(Change::Changed)
    }

    pub fn disable_rotation(&mut self) -> anyhow::Result<Change> {
        self.require_rotatable()?;
        if self.state == KeyState::Destroyed {
            return Err(self.refuse("disable rotation of"));
        }
        if self.rotation_period_days.is_none() {
            return Ok(Change::Unchanged);
        }
        self.rotation_period_days = None;
        self.next_rotation = None;
        Ok(Change::Changed)
    }

    /// Carries out what time has made due: destruction after the deletion date, and a
    /// scheduled rotation of an Enabled key. `fresh` supplies material for a rotation.
    pub fn apply_due(
        &mut self,
        now: Timestamp,
        fresh: &mut dyn FnMut(KeySpec) -> anyhow::Result<SecretBytes>,
    ) -> anyhow::Result<Option<DueEvent>> {
        if self.state == KeyState::PendingDeletion && self.deletion_date.is_some_and(|d| now >= d) {
            self.destroy();
            return Ok(Some(DueEvent::Destroyed));
        }
        if self.state == KeyState::Enabled && self.next_rotation.is_some_and(|t| now >= t) {
            let material = fresh(self.spec)?;
            return Ok(Some(DueEvent::Rotated(self.add_version(material, now)?)));
        }
        Ok(None)
    }

    /// Whether [`Key::apply_due`] would change anything at `now`.
    pub fn is_due(&self, now: Timestamp) -> bool {
        (self.state == KeyState::PendingDeletion && self.deletion_date.is_some_and(|d| now >= d))
            || (self.state == KeyState::Enabled && self.next_rotation.is_some_and(|t| now >= t))
    }

    /// Erases every version's material; the metadata stays so the key can still be named.
    /// Besides the deletion date passing, a restore destroys again a key that was destroyed
    /// after its backup was taken.
    pub fn destroy(&mut self) {
        self.state = KeyState::Destroyed;
        self.rotation_period_days = None;
        self.next_rotation = None;
        for v in &mut self.versions {
            v.material = None; // SecretBytes zeroizes on drop
        }
    }

    /// Refuses a key whose usage or state does not allow `operation`, which names the operation
    /// with its preposition: "sign with", "re-encrypt under".
    pub(super) fn check_usable(&self, usage: KeyUsage, operation: &str) -> anyhow::Result<()> {
        if self.spec.usage() != usage {
            return Err(Error::WrongUsage {
                operation: operation.to_string(),
                key: self.display_name(),
                spec: self.spec,
                usage,
            }
            .into());
        }
        if self.state != KeyState::Enabled {
            // `operation` carries its preposition ("sign with", "re-encrypt under").
            return Err(self.refuse(operation));
        }
        Ok(())
    }
}

pub fn check_deletion_window(days: u32) -> anyhow::Result<()> {
    if (MIN_DELETION_DAYS..=MAX_DELETION_DAYS).contains(&days) {
        Ok(())
    } else {
        Err(Error::DeletionWindow {
            days,
            min: MIN_DELETION_DAYS,
            max: MAX_DELETION_DAYS,
        }
        .into())
    }
}

pub fn check_rotation_period(days: u32) -> anyhow::Result<()> {
    if (MIN_ROTATION_DAYS..=MAX_ROTATION_DAYS).contains(&days) {
        Ok(())
    } else {
        Err(Error::RotationPeriod {
            days,
            min: MIN_ROTATION_DAYS,
            max: MAX_ROTATION_DAYS,
        }
        .into())
    }
}
