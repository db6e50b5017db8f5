//! Keys moving between keyrings: the export document (what `lkms export` seals in an age file)
//! and how `lkms import` merges it, keeping ids, refusing other material under a known id and
//! never bringing a destroyed key back.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::model::{FORMAT_VERSION, Key, KeyState, Keyring};
use crate::error::{failure, integrity, unusable};

/// The version this build writes and the highest it reads.
pub const EXPORT_VERSION: u32 = 1;

/// The TOML inside an export file (docs/BACKUP.md). Keys are the keyring's own `[[key]]`
/// tables, material included.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub export_version: u32,
    pub source_keyring_id: Uuid,
    pub created: Timestamp,
    #[serde(default, rename = "key")]
    pub keys: Vec<Key>,
}

impl Export {
    /// Parses and checks an export's TOML: a newer version is exit 1, anything lkms would not
    /// hold in a keyring exit 5.
    pub fn parse(text: &str, name: &str) -> anyhow::Result<Export> {
        #[derive(Deserialize)]
        struct Probe {
            export_version: Option<u32>,
        }
        let bad = |why: String| integrity(format!("{name} is not a valid lkms export ({why})"));
        let probe: Probe = toml::from_str(text).map_err(|e| bad(e.message().to_string()))?;
        match probe.export_version {
            None => return Err(bad("it has no export_version".into())),
            Some(v) if v > EXPORT_VERSION => {
                return Err(failure(format!(
                    "{name} is an export of version {v}, but this lkms reads up to version \
                     {EXPORT_VERSION}; import it with a newer lkms (nothing was changed)"
                )));
            }
            Some(_) => {}
        }
        let export: Export = toml::from_str(text).map_err(|e| bad(e.message().to_string()))?;
        // The keys must be what a keyring may hold (versions, material lengths, aliases).
        let as_keyring = Keyring {
            format_version: FORMAT_VERSION,
            keyring_id: Some(export.source_keyring_id),
            generation: 0,
            work_factor: super::store::MIN_WORK_FACTOR,
            audit_key: None,
            audit_anchor: None,
            grant: None,
            legacy_grant_signing_key: None,
            issued_grants: Vec::new(),
            keys: export.keys,
        };
        super::store::validate(&as_keyring).map_err(bad)?;
        Ok(Export {
            keys: as_keyring.keys,
            ..export
        })
    }
}

/// A version an import added to a key this keyring already had.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MergedVersion {
    pub key_id: String,
    pub version: u32,
}

/// What an import did, key by key.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Imported {
    /// Keys new to this keyring, added with their ids.
    pub added: Vec<String>,
    /// Versions added to keys this keyring had with the same material history.
    pub merged_versions: Vec<MergedVersion>,
    /// Keys this keyring already held exactly so.
    pub unchanged: Vec<String>,
    /// Keys destroyed here (never brought back) or at the source (nothing to import).
    pub skipped_destroyed: Vec<String>,
}

impl Imported {
    pub fn changed(&self) -> bool {
        !self.added.is_empty() || !self.merged_versions.is_empty()
    }
}

/// Merges `incoming` into `kr`. A key with an id `kr` does not know is added as it is; one it
/// knows must have the same spec and the same material in every version both hold (else exit
/// 4, nothing merged), and gains the versions it lacks. A key destroyed on either side is
/// left as this keyring has it.
pub fn merge(kr: &mut Keyring, incoming: Vec<Key>) -> anyhow::Result<Imported> {
    let mut out = Imported::default();
    // Checked for every key first, so a conflict anywhere merges nothing.
    for key in &incoming {
        if let Some(ours) = kr.find_by_id(key.id) {
            check_same_history(ours, key)?;
        }
    }
    for key in incoming {
        let id = key.id.to_string();
        if key.state == KeyState::Destroyed {
            out.skipped_destroyed.push(id);
            continue;
        }
        let Some(index) = kr.keys.iter().position(|k| k.id == key.id) else {
            for alias in &key.aliases {
                kr.check_alias_free(alias)?;
            }
            kr.keys.push(key);
            out.added.push(id);
            continue;
        };
        let ours = &mut kr.keys[index];
        if ours.state == KeyState::Destroyed {
            out.skipped_destroyed.push(id);
            continue;
        }
        let before = out.merged_versions.len();
        let incoming_current = key.current_version;
        for v in key.versions {
            if ours.version(v.version).is_none() {
                out.merged_versions.push(MergedVersion {
                    key_id: id.clone(),
                    version: v.version,
                });
                ours.versions.push(v);
            }
        }
        if out.merged_versions.len() == before {
            out.unchanged.push(id);
            continue;
        }
        ours.versions.sort_by_key(|v| v.version);
        ours.current_version = ours.current_version.max(incoming_current);
    }
    Ok(out)
}

fn check_same_history(ours: &Key, theirs: &Key) -> anyhow::Result<()> {
    let conflict = |why: String| {
        unusable(format!(
            "key {} exists in this keyring with other material ({why}); it was made apart from \
             the exported one, so nothing was imported. Import into another keyring, or \
             re-encrypt the data under a new key",
            ours.id
        ))
    };
    if ours.spec != theirs.spec {
        return Err(conflict(format!(
            "here {}, in the export {}",
            ours.spec, theirs.spec
        )));
    }
    for v in &theirs.versions {
        let (Some(mine), Some(m)) = (
            ours.version(v.version).and_then(|o| o.material.as_ref()),
            v.material.as_ref(),
        ) else {
            continue;
        };
        if !mine.ct_eq(m.expose()) {
            return Err(conflict(format!("version {} differs", v.version)));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::material::KeySpec;
    use crate::crypto::secret::SecretBytes;
    use crate::error::{ExitCode, exit_code};

    fn now() -> Timestamp {
        "2026-01-01T00:00:00Z".parse().unwrap()
    }

    fn copy(k: &Key) -> Key {
        let mut kr = Keyring::new(10);
        let text = toml::to_string(&KeyOnly { key: vec![k] }).unwrap();
        let back: KeyBack = toml::from_str(&text).unwrap();
        kr.keys = back.key;
        kr.keys.pop().unwrap()
    }

    #[derive(Serialize)]
    struct KeyOnly<'a> {
        key: Vec<&'a Key>,
    }
    #[derive(Deserialize)]
    struct KeyBack {
        key: Vec<Key>,
    }

    #[test]
    fn a_new_key_is_added_and_a_second_import_changes_nothing() {
        let key = Key::new(KeySpec::Aes256Gcm, SecretBytes::new(vec![1; 32]), now());
        let mut kr = Keyring::new(10);
        let first = merge(&mut kr, vec![copy(&key)]).unwrap();
        assert_eq!(first.added, vec![key.id.to_string()]);
        let second = merge(&mut kr, vec![copy(&key)]).unwrap();
        assert!(!second.changed());
        assert_eq!(second.unchanged, vec![key.id.to_string()]);
    }

    #[test]
    fn new_versions_merge_and_other_material_is_refused() {
        let mut source = Key::new(KeySpec::Aes256Gcm, SecretBytes::new(vec![1; 32]), now());
        let mut kr = Keyring::new(10);
        merge(&mut kr, vec![copy(&source)]).unwrap();
        source.rotate(SecretBytes::new(vec![2; 32]), now()).unwrap();
        let m = merge(&mut kr, vec![copy(&source)]).unwrap();
        assert_eq!(m.merged_versions[0].version, 2);
        assert_eq!(kr.keys[0].current_version, 2);

        let mut other = copy(&source);
        other.versions[0].material = Some(SecretBytes::new(vec![9; 32]));
        let e = merge(&mut kr, vec![other]).unwrap_err();
        assert_eq!(exit_code(&e), ExitCode::KeyUnusable, "{e:#}");
        assert!(format!("{e:#}").contains("version 1 differs"), "{e:#}");
    }

    #[test]
    fn a_key_destroyed_here_is_not_brought_back() {
        let key = Key::new(KeySpec::Aes256Gcm, SecretBytes::new(vec![1; 32]), now());
        let mut kr = Keyring::new(10);
        merge(&mut kr, vec![copy(&key)]).unwrap();
        kr.keys[0].destroy();
        let m = merge(&mut kr, vec![copy(&key)]).unwrap();
        assert_eq!(m.skipped_destroyed, vec![key.id.to_string()]);
        assert_eq!(kr.keys[0].state, KeyState::Destroyed);
        assert!(kr.keys[0].versions.iter().all(|v| v.material.is_none()));
    }
}
