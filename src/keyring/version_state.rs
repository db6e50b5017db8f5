//! Disabling and enabling one version of a key, as Google Cloud KMS does: the answer to one
//! leaked or suspect version when the key's other versions must go on working.

use super::Error;
use super::lifecycle::Change;
use super::model::{Key, KeyState, VersionState};

impl Key {
    /// Sets version `n`'s state. The current version is never disabled (new data is encrypted
    /// under it: rotate first), and a destroyed key's versions have nothing left to change.
    pub fn set_version_state(&mut self, n: u32, state: VersionState) -> anyhow::Result<Change> {
        if self.state == KeyState::Destroyed {
            return Err(Error::WrongState {
                operation: format!("change version {n} of"),
                key: self.display_name(),
                state: self.state,
                deletion_date: self.deletion_date,
            }
            .into());
        }
        let current = self.current_version;
        let name = self.display_name();
        let last = self.versions.iter().map(|v| v.version).max().unwrap_or(0);
        let version =
            self.versions
                .iter_mut()
                .find(|v| v.version == n)
                .ok_or(Error::UnknownVersion {
                    key: name.clone(),
                    version: n,
                    last,
                })?;
        if version.state == state {
            return Ok(Change::Unchanged);
        }
        if state == VersionState::Disabled && n == current {
            return Err(Error::DisableCurrentVersion {
                key: name,
                version: n,
            }
            .into());
        }
        version.state = state;
        Ok(Change::Changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::material::KeySpec;
    use crate::crypto::secret::SecretBytes;

    #[test]
    fn the_current_version_stays_enabled_and_others_toggle() {
        let now = jiff::Timestamp::UNIX_EPOCH;
        let mut key = Key::new(KeySpec::Aes256Gcm, SecretBytes::new(vec![1; 32]), now);
        let e = key
            .set_version_state(1, VersionState::Disabled)
            .unwrap_err();
        assert!(e.to_string().contains("current version"), "{e}");
        key.rotate(SecretBytes::new(vec![2; 32]), now).unwrap();
        let disable = |k: &mut Key| k.set_version_state(1, VersionState::Disabled).unwrap();
        assert_eq!(disable(&mut key), Change::Changed);
        assert_eq!(disable(&mut key), Change::Unchanged);
        assert_eq!(key.versions[0].state, VersionState::Disabled);
        let e = key.set_version_state(9, VersionState::Enabled).unwrap_err();
        assert!(e.to_string().contains("no version 9"), "{e}");
        assert_eq!(
            key.set_version_state(1, VersionState::Enabled).unwrap(),
            Change::Changed
        );
    }
}
