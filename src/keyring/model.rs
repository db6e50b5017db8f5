//! The keyring document: what the TOML inside the age file holds.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::grant::{Grant, IssuedGrant};
use super::policy::Policy;
use crate::crypto::material::KeySpec;
use crate::crypto::secret::SecretBytes;

/// The format version this build writes. A keyring with a higher one was written by a newer
/// lkms and is refused rather than misread. Version 1 (an age scrypt file, no id) is still
/// read, and converted to version 2 by the first write.
pub const FORMAT_VERSION: u32 = 2;

/// The whole keyring. Serialized as TOML; `Debug` is derived only on types whose secrets are
/// wrapped in [`SecretBytes`], whose Debug is redacted.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keyring {
    pub format_version: u32,
    /// The keyring's id (format 2): roots bind the identity to it and the agent keys
    /// identities by it. The roots file beside the keyring repeats it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyring_id: Option<Uuid>,
    /// Incremented by every write, so a keyring replaced by an older copy can be told apart.
    #[serde(default)]
    pub generation: u64,
    /// scrypt's log2 cost: in format 1, the keyring's own; in format 2, the default for new
    /// passphrase roots.
    pub work_factor: u8,
    #[serde(default, rename = "key")]
    pub keys: Vec<Key>,
    /// The Ed25519 key (PKCS#8) that signs the grants this keyring issues; made by the first
    /// `grant create`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "material_b64"
    )]
    pub grant_signing_key: Option<SecretBytes>,
    /// The grants this keyring issued (`grant list`, `grant revoke`).
    #[serde(
        default,
        rename = "issued_grant",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub issued_grants: Vec<IssuedGrant>,
    /// Present in a grant keyring only: what it allows and who signed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grant: Option<Grant>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyState {
    Enabled,
    Disabled,
    PendingDeletion,
    Destroyed,
}

impl std::fmt::Display for KeyState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            KeyState::Enabled => "Enabled",
            KeyState::Disabled => "Disabled",
            KeyState::PendingDeletion => "PendingDeletion",
            KeyState::Destroyed => "Destroyed",
        })
    }
}

/// Not `Clone`: a copy would copy every version's material. [`Key::metadata`] copies the rest.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    pub id: Uuid,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub spec: KeySpec,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    pub state: KeyState,
    pub created: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation_period_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_rotation: Option<Timestamp>,
    pub current_version: u32,
    /// What the key allows (`lkms policy set`); none: everything its usage and state allow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
    #[serde(rename = "version")]
    pub versions: Vec<KeyVersion>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyVersion {
    pub version: u32,
    pub created: Timestamp,
    /// Whether the version may be used (`lkms version disable|enable`); written only when
    /// disabled, so keyrings without disabled versions read as before.
    #[serde(default, skip_serializing_if = "VersionState::is_enabled")]
    pub state: VersionState,
    /// The key material, base64 in the file; absent once the key is destroyed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "material_b64"
    )]
    pub material: Option<SecretBytes>,
}

/// A version's own state, apart from the key's: a disabled version neither decrypts nor is
/// current, as Google Cloud KMS disables one key version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VersionState {
    #[default]
    Enabled,
    Disabled,
}

impl VersionState {
    fn is_enabled(&self) -> bool {
        *self == VersionState::Enabled
    }
}

impl std::fmt::Display for VersionState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            VersionState::Enabled => "Enabled",
            VersionState::Disabled => "Disabled",
        })
    }
}

impl Keyring {
    pub fn new(work_factor: u8) -> Self {
        Keyring {
            format_version: FORMAT_VERSION,
            keyring_id: Some(Uuid::new_v4()),
            generation: 0,
            work_factor,
            keys: Vec::new(),
            grant_signing_key: None,
            issued_grants: Vec::new(),
            grant: None,
        }
    }
}

impl Key {
    /// Everything about the key but its material: what commands that print or inspect a key
    /// keep once the keyring is closed.
    pub fn metadata(&self) -> Key {
        Key {
            id: self.id,
            aliases: self.aliases.clone(),
            spec: self.spec,
            description: self.description.clone(),
            tags: self.tags.clone(),
            state: self.state,
            created: self.created,
            deletion_date: self.deletion_date,
            rotation_period_days: self.rotation_period_days,
            next_rotation: self.next_rotation,
            current_version: self.current_version,
            policy: self.policy.clone(),
            versions: self
                .versions
                .iter()
                .map(|v| KeyVersion {
                    version: v.version,
                    created: v.created,
                    state: v.state,
                    material: None,
                })
                .collect(),
        }
    }

    pub fn version(&self, n: u32) -> Option<&KeyVersion> {
        self.versions.iter().find(|v| v.version == n)
    }

    /// The name people know the key by: its first alias, else its id.
    pub fn display_name(&self) -> String {
        match self.aliases.first() {
            Some(a) => format!("alias/{a}"),
            None => self.id.to_string(),
        }
    }
}

/// Key material as base64 in TOML, decoded straight into zeroizing memory.
mod material_b64 {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};
    use zeroize::Zeroizing;

    use crate::crypto::secret::SecretBytes;

    pub fn serialize<S: Serializer>(m: &Option<SecretBytes>, s: S) -> Result<S::Ok, S::Error> {
        match m {
            Some(bytes) => {
                let text = Zeroizing::new(STANDARD.encode(bytes.expose()));
                s.serialize_some(text.as_str())
            }
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<SecretBytes>, D::Error> {
        let text: Option<Zeroizing<String>> = Option::deserialize(d)?;
        match text {
            None => Ok(None),
            Some(t) => STANDARD
                .decode(t.as_bytes())
                .map(|b| Some(SecretBytes::new(b)))
                .map_err(|_| serde::de::Error::custom("key material is not valid base64")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::secret::redaction::{assert_redacted, leak, material};

    /// A keyring holding the distinctive material in every place material can be.
    fn keyring() -> Keyring {
        let now: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        let mut key = Key::new(KeySpec::Aes256Gcm, SecretBytes::new(material()), now);
        key.rotate(SecretBytes::new(material()), now).unwrap();
        let mut kr = Keyring::new(10);
        kr.keys.push(key);
        kr
    }

    #[test]
    fn debug_of_every_secret_holding_type_is_redacted() {
        let kr = keyring();
        let key = &kr.keys[0];
        let version = &key.versions[0];
        let shown = [
            format!("{version:?}"),
            format!("{version:#?}"),
            format!("{key:?}"),
            format!("{key:#?}"),
            format!("{kr:?}"),
            format!("{kr:#?}"),
        ];
        for s in &shown {
            assert_redacted(s, &material());
            assert!(s.contains("REDACTED"), "{s}");
        }
        // The check is not vacuous: the serialized keyring does hold the material.
        let text = toml::to_string(&kr).unwrap();
        assert_eq!(leak(&text, &material()), Some("base64"));
    }
}
