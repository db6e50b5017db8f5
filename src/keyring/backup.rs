//! The backup file: the keyring, its roots and the audit position, as they are on disk, in one
//! file whose first line names its version and a SHA-256 of the rest (docs/BACKUP.md).
//!
//! Nothing is decrypted or re-wrapped to make a backup: the keyring stays encrypted to the
//! keyring identity and each root file stays as its root wrapped it, so a backup is no weaker
//! than the keyring it copies. The checksum catches damage and truncation before anything is
//! read; it is not a signature (the keyring inside is what the identity authenticates).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{failure, integrity};

/// The version this build writes and the highest it reads.
pub const BACKUP_VERSION: u32 = 1;
/// The first line starts with this, then the version, a space and the hex checksum.
const MAGIC: &str = "lkms-backup/";
/// The largest backup read: a keyring is at most 64 MiB, its roots a few kilobytes.
pub const MAX_BACKUP_BYTES: u64 = 96 << 20;

/// One file of the keyring's folder, byte for byte.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blob {
    /// Its name in the keyring's folder when the backup was taken.
    pub name: String,
    #[serde(with = "b64")]
    pub content: Vec<u8>,
}

/// Where the audit log stood when the backup was taken.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditPosition {
    /// The last line's `seq` (0: an empty log).
    pub seq: u64,
    /// The last line's `hash` (empty for an empty log).
    pub hash: String,
    /// The latest signed checkpoint then (the `checkpoint` note of the last `AuditCheckpoint`
    /// line), when the log had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<String>,
}

/// The document after the first line.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub created: Timestamp,
    pub keyring_id: Uuid,
    /// The keyring's `generation` in the copy.
    pub generation: u64,
    pub audit: AuditPosition,
    pub keyring: Blob,
    pub roots: Blob,
    #[serde(default, rename = "root_file")]
    pub root_files: Vec<Blob>,
}

impl Backup {
    /// The file's bytes: the first line, then the TOML document it checks.
    pub fn encode(&self) -> anyhow::Result<Vec<u8>> {
        let body = toml::to_string(self)?;
        let digest = ring::digest::digest(&ring::digest::SHA256, body.as_bytes());
        let mut out = format!("{MAGIC}{BACKUP_VERSION} {}\n", hex(digest.as_ref())).into_bytes();
        out.extend_from_slice(body.as_bytes());
        Ok(out)
    }

    /// Reads a backup file's bytes. Damage or truncation anywhere is exit 5; a version newer
    /// than this lkms reads is exit 1, checked before the checksum (a newer version may check
    /// differently).
    pub fn decode(bytes: &[u8], name: &str) -> anyhow::Result<Backup> {
        let damaged = |why: &str| {
            integrity(format!(
                "{name} is not an intact lkms backup ({why}); nothing was changed: use another \
                 copy of the backup"
            ))
        };
        let newline = bytes
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| damaged("it has no header line"))?;
        let header = std::str::from_utf8(&bytes[..newline])
            .map_err(|_| damaged("its header line is not text"))?;
        let rest = header
            .strip_prefix(MAGIC)
            .ok_or_else(|| damaged("it does not start with `lkms-backup/`"))?;
        let (version, sum) = rest
            .split_once(' ')
            .ok_or_else(|| damaged("its header line is cut short"))?;
        let version: u32 = version
            .parse()
            .map_err(|_| damaged("its version is not a number"))?;
        if version > BACKUP_VERSION {
            return Err(failure(format!(
                "{name} is a backup of version {version}, but this lkms reads up to version \
                 {BACKUP_VERSION}; restore it with a newer lkms (nothing was changed)"
            )));
        }
        let body = &bytes[newline + 1..];
        let digest = ring::digest::digest(&ring::digest::SHA256, body);
        if sum != hex(digest.as_ref()) {
            return Err(damaged(
                "its checksum does not match: it is damaged or truncated",
            ));
        }
        let text = std::str::from_utf8(body).map_err(|_| damaged("it is not text"))?;
        toml::from_str(text).map_err(|e| damaged(e.message()))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

mod b64 {
    use super::*;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(v))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD
            .decode(text.as_bytes())
            .map_err(|_| serde::de::Error::custom("a file's content is not valid base64"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ExitCode, exit_code};

    fn sample() -> Backup {
        Backup {
            created: "2026-12-01T00:00:00Z".parse().unwrap(),
            keyring_id: Uuid::nil(),
            generation: 3,
            audit: AuditPosition {
                seq: 9,
                hash: "ab".into(),
                checkpoint: Some(
                    "lkms.audit/x\n9\nq83vEjsJQnvzLb1OmtJ0uK2BDiCvaBvt42qnEsUrEjI=\n".into(),
                ),
            },
            keyring: Blob {
                name: "keyring.age".into(),
                content: vec![1, 2, 3],
            },
            roots: Blob {
                name: "keyring.roots.toml".into(),
                content: b"format_version = 1\n".to_vec(),
            },
            root_files: vec![Blob {
                name: "keyring.root.default.age".into(),
                content: vec![4; 40],
            }],
        }
    }

    #[test]
    fn a_backup_round_trips_and_every_cut_or_flip_is_integrity() {
        let bytes = sample().encode().unwrap();
        let back = Backup::decode(&bytes, "b").unwrap();
        assert_eq!(back.generation, 3);
        assert_eq!(back.root_files[0].content, vec![4; 40]);
        for cut in [0, 1, 20, bytes.len() / 2, bytes.len() - 1] {
            let e = Backup::decode(&bytes[..cut], "b").unwrap_err();
            assert_eq!(exit_code(&e), ExitCode::Integrity, "cut at {cut}: {e:#}");
        }
        let mut flipped = bytes.clone();
        let last = flipped.len() - 5;
        flipped[last] ^= 1;
        let e = Backup::decode(&flipped, "b").unwrap_err();
        assert_eq!(exit_code(&e), ExitCode::Integrity, "{e:#}");
    }

    #[test]
    fn a_newer_version_is_exit_1_naming_it() {
        let bytes = sample().encode().unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let newer = text.replacen("lkms-backup/1 ", "lkms-backup/7 ", 1);
        let e = Backup::decode(newer.as_bytes(), "b").unwrap_err();
        assert_eq!(exit_code(&e), ExitCode::Failure, "{e:#}");
        assert!(format!("{e:#}").contains("version 7"), "{e:#}");
    }
}
