//! What a restore changes, and the one change it always makes: a key destroyed since the
//! backup was taken is destroyed again in the restored keyring, so a backup never brings
//! erased material back.

use std::collections::HashSet;

use serde::Serialize;
use uuid::Uuid;

use super::model::{KeyState, Keyring};

/// A version the current keyring has and the backup does not.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LostVersion {
    pub key_id: String,
    pub version: u32,
}

/// A key whose state the restore changes.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StateChange {
    pub key_id: String,
    pub from: String,
    pub to: String,
}

/// What replacing `current` with the backup's keyring does, as the report and the audit line
/// say it.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Changes {
    /// Keys destroyed since the backup (by the current keyring or the audit log): their
    /// material is erased from the restored keyring too.
    pub destroyed_again: Vec<String>,
    /// Keys the backup holds that the current keyring does not.
    pub reappearing: Vec<String>,
    /// Keys created since the backup: gone after the restore.
    pub lost_keys: Vec<String>,
    /// Versions made since the backup (rotations): gone after the restore.
    pub lost_versions: Vec<LostVersion>,
    pub state_changes: Vec<StateChange>,
}

/// Destroys again, in `restored`, every key that `current` holds as Destroyed or that
/// `destroyed` (the keys the audit log records as destroyed) names, and returns what the
/// restore changes against `current`.
pub fn reconcile(current: &Keyring, restored: &mut Keyring, destroyed: &HashSet<Uuid>) -> Changes {
    let mut changes = Changes::default();
    for key in &mut restored.keys {
        let now_destroyed = destroyed.contains(&key.id)
            || current
                .keys
                .iter()
                .any(|k| k.id == key.id && k.state == KeyState::Destroyed);
        if now_destroyed && key.state != KeyState::Destroyed {
            key.destroy();
            changes.destroyed_again.push(key.id.to_string());
        }
    }
    for key in &restored.keys {
        match current.keys.iter().find(|k| k.id == key.id) {
            None => changes.reappearing.push(key.id.to_string()),
            Some(now) => {
                if now.state != key.state {
                    changes.state_changes.push(StateChange {
                        key_id: key.id.to_string(),
                        from: now.state.to_string(),
                        to: key.state.to_string(),
                    });
                }
                // A key destroyed on both sides holds no material: no version is lost.
                let erased = now.state == KeyState::Destroyed && key.state == KeyState::Destroyed;
                for v in now.versions.iter().filter(|_| !erased) {
                    if key.version(v.version).is_none() {
                        changes.lost_versions.push(LostVersion {
                            key_id: key.id.to_string(),
                            version: v.version,
                        });
                    }
                }
            }
        }
    }
    for key in &current.keys {
        if !restored.keys.iter().any(|k| k.id == key.id) {
            changes.lost_keys.push(key.id.to_string());
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::material::KeySpec;
    use crate::crypto::secret::SecretBytes;
    use crate::keyring::model::Key;

    fn key() -> Key {
        Key::new(
            KeySpec::Aes256Gcm,
            SecretBytes::new(vec![1; 32]),
            "2026-01-01T00:00:00Z".parse().unwrap(),
        )
    }

    fn copy(kr: &Keyring) -> Keyring {
        crate::keyring::store::parse(toml::to_string(kr).unwrap().as_bytes()).unwrap()
    }

    #[test]
    fn keys_destroyed_since_the_backup_are_destroyed_again() {
        let mut backup = Keyring::new(10);
        backup.keys.push(key());
        backup.keys.push(key());
        let (a, b) = (backup.keys[0].id, backup.keys[1].id);
        let mut current = copy(&backup);
        current.keys[0].destroy();
        let mut restored = copy(&backup);
        // b is named by the audit log only (its keyring may have been replaced meanwhile).
        let changes = reconcile(&current, &mut restored, &HashSet::from([b]));
        assert_eq!(changes.destroyed_again, vec![a.to_string(), b.to_string()]);
        for k in &restored.keys {
            assert_eq!(k.state, KeyState::Destroyed);
            assert!(k.versions.iter().all(|v| v.material.is_none()));
        }
    }

    #[test]
    fn versions_and_keys_made_since_are_reported_lost() {
        let mut backup = Keyring::new(10);
        backup.keys.push(key());
        let mut current = copy(&backup);
        let now = "2026-02-01T00:00:00Z".parse().unwrap();
        current.keys[0]
            .rotate(SecretBytes::new(vec![2; 32]), now)
            .unwrap();
        current.keys.push(key());
        current.keys[0].disable().unwrap();
        let mut restored = copy(&backup);
        let c = reconcile(&current, &mut restored, &HashSet::new());
        assert_eq!(
            c.lost_versions,
            vec![LostVersion {
                key_id: backup.keys[0].id.to_string(),
                version: 2
            }]
        );
        assert_eq!(c.lost_keys, vec![current.keys[1].id.to_string()]);
        assert_eq!(c.state_changes[0].from, "Disabled");
        assert!(c.destroyed_again.is_empty() && c.reappearing.is_empty());
    }
}
