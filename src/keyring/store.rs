//! The keyring file: an age file encrypted to a passphrase, holding the TOML document.
//!
//! Writes are atomic (temporary file in the same directory, flushed, renamed over the old
//! file, directory flushed) and serialized by an advisory lock on `<keyring>.lock`. Readers
//! take no lock: a rename is atomic, so they see the old file or the new one, never a mix.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::iter;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use age::DecryptError;
use anyhow::Context as _;
use secrecy::SecretString;
use zeroize::Zeroizing;

use super::Error;
use super::identity::KeyringIdentity;
use super::model::{FORMAT_VERSION, Keyring};
use super::root::RootPaths;
use crate::error::failure;

/// scrypt's log2 cost: the range `init` accepts, and the cap applied when reading, so a
/// crafted keyring cannot make lkms allocate gigabytes.
pub const MIN_WORK_FACTOR: u8 = 10;
pub const MAX_WORK_FACTOR: u8 = 22;
pub const DEFAULT_WORK_FACTOR: u8 = 18;
/// The highest work factor a keyring is opened at unless the user raises the cap on purpose
/// (`--max-work-factor`): 2^20 costs 1 GiB and about 4 s an attempt; 2^22 would let a crafted
/// keyring make every command spend 4 GiB and most of a minute before the passphrase is even
/// checked. The stanza names the factor in clear, so it is refused before anything is derived.
pub const DEFAULT_MAX_WORK_FACTOR: u8 = 20;

/// The largest keyring file lkms reads (its plaintext is no larger). Thousands of keys take a
/// few megabytes; anything above this is not a keyring lkms wrote.
pub const MAX_KEYRING_BYTES: u64 = 64 << 20;

/// Prefix of the temporary files a write creates beside the keyring; any left by a crash are
/// removed by the next writer (which holds the lock, so none can be in use).
const TEMP_PREFIX: &str = ".lkms-keyring-";

/// The message when a command that read a format 1 keyring finds it converted under the lock.
pub const CONVERTED_MEANWHILE: &str =
    "the keyring was converted to format 2 by another command meanwhile; run the command again";

/// What opens the keyring file.
#[derive(Clone, Copy)]
pub enum Opener<'a> {
    /// Format 1: the file is encrypted to the passphrase.
    Passphrase(&'a SecretString),
    /// Format 2: the file is encrypted to the keyring identity.
    Identity(&'a KeyringIdentity),
}

/// How the keyring file on disk is sealed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sealing {
    Passphrase,
    Identity,
}

pub struct Store {
    path: PathBuf,
    max_work_factor: u8,
}

/// Held while a writer reads, changes and writes the keyring; released on drop.
pub struct WriteLock {
    _file: File,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Store {
            path: path.into(),
            max_work_factor: DEFAULT_MAX_WORK_FACTOR,
        }
    }

    /// The highest scrypt work factor this store opens (and so writes) a keyring at.
    pub fn with_max_work_factor(mut self, cap: u8) -> Self {
        self.max_work_factor = cap.clamp(MIN_WORK_FACTOR, MAX_WORK_FACTOR);
        self
    }

    /// Refuses a work factor above the cap: a keyring written at it would not open again.
    pub fn check_work_factor(&self, work_factor: u8) -> anyhow::Result<()> {
        if work_factor <= self.max_work_factor {
            return Ok(());
        }
        Err(Error::WorkFactorAboveCap {
            requested: work_factor,
            limit: self.max_work_factor,
        }
        .into())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    fn dir(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    fn lock_path(&self) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        self.path.with_file_name(name)
    }

    fn missing(&self) -> anyhow::Error {
        Error::NoKeyring(self.path.clone()).into()
    }

    /// Creates the keyring's directory (0700) when it does not exist yet.
    pub fn ensure_dir(&self) -> anyhow::Result<()> {
        let dir = self.dir();
        if !dir.exists() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&dir)
                .map_err(|e| {
                    crate::error::io_error(
                        crate::error::IoAction::CreateDir,
                        crate::error::Role::Keyring,
                        &dir,
                        &e,
                    )
                })?;
        }
        Ok(())
    }

    /// Takes the writers' lock, waiting for any other writer to finish.
    pub fn lock(&self) -> anyhow::Result<WriteLock> {
        let path = self.lock_path();
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            // Never through a symlink: one planted at the lock's name would make lkms create
            // or lock a file of the planter's choosing.
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .map_err(|e| {
                let why = if e.raw_os_error() == Some(libc::ELOOP) {
                    "it is a symbolic link; remove it".to_string()
                } else {
                    crate::error::plain_io(&e)
                };
                Error::CannotLock {
                    path: path.clone(),
                    why,
                }
            })?;
        file.lock()
            .with_context(|| format!("cannot lock {}", path.display()))?;
        Ok(WriteLock { _file: file })
    }

    /// Reads the keyring file, bounded before anything is allocated.
    fn read_encrypted(&self) -> anyhow::Result<Vec<u8>> {
        let file = match File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(self.missing()),
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot read the keyring {}", self.path.display()));
            }
        };
        // A keyring is a few kilobytes a key.
        let mut encrypted = Vec::new();
        file.take(MAX_KEYRING_BYTES + 1)
            .read_to_end(&mut encrypted)
            .with_context(|| format!("cannot read the keyring {}", self.path.display()))?;
        if encrypted.len() as u64 > MAX_KEYRING_BYTES {
            return Err(self.damaged(format!("it is larger than {} MiB", MAX_KEYRING_BYTES >> 20)));
        }
        Ok(encrypted)
    }

    /// How the file on disk is sealed: format 1 (a passphrase) or format 2 (the identity).
    /// Reads only the age header; needs no secret.
    pub fn sealing(&self) -> anyhow::Result<Sealing> {
        let encrypted = self.read_encrypted()?;
        let decryptor =
            age::Decryptor::new_buffered(&encrypted[..]).map_err(|e| self.damaged(e))?;
        Ok(if decryptor.is_scrypt() {
            Sealing::Passphrase
        } else {
            Sealing::Identity
        })
    }

    /// Reads and decrypts the keyring. Changes nothing on disk, whatever goes wrong.
    pub fn read(&self, opener: Opener<'_>) -> anyhow::Result<Keyring> {
        let encrypted = self.read_encrypted()?;
        let plaintext = self.decrypt(&encrypted, opener)?;
        parse(&plaintext).map_err(|e| e.context(format!("keyring {}", self.path.display())))
    }

    /// The keyring file's bytes as they are on disk (for a backup), bounded as a read is.
    pub fn read_raw(&self) -> anyhow::Result<Vec<u8>> {
        self.read_encrypted()
    }

    /// Decrypts and parses keyring bytes that are not (yet) at this store's path: a backup's
    /// copy. Errors name this store's path, since that is the keyring they are checked for.
    pub fn open_bytes(&self, encrypted: &[u8], opener: Opener<'_>) -> anyhow::Result<Keyring> {
        let plaintext = self.decrypt(encrypted, opener)?;
        parse(&plaintext)
    }

    fn damaged(&self, detail: impl std::fmt::Display) -> anyhow::Error {
        Error::Damaged {
            path: self.path.clone(),
            detail: detail.to_string(),
        }
        .into()
    }

    fn decrypt(&self, encrypted: &[u8], opener: Opener<'_>) -> anyhow::Result<Zeroizing<Vec<u8>>> {
        let decryptor = age::Decryptor::new_buffered(encrypted).map_err(|e| self.age_error(e))?;
        let scrypt;
        let identity: &dyn age::Identity = match (opener, decryptor.is_scrypt()) {
            (Opener::Passphrase(p), true) => {
                let mut id = age::scrypt::Identity::new(p.clone());
                id.set_max_work_factor(self.max_work_factor);
                scrypt = id;
                &scrypt
            }
            (Opener::Identity(id), false) => id.age(),
            (Opener::Passphrase(_), false) => return Err(failure(CONVERTED_MEANWHILE)),
            (Opener::Identity(_), true) => {
                return Err(self.damaged("it is a format 1 keyring where format 2 was expected"));
            }
        };
        let mut reader =
            decryptor
                .decrypt(iter::once(identity))
                .map_err(|e| match (e, opener) {
                    (DecryptError::NoMatchingKeys, Opener::Identity(_)) => self.foreign_roots(),
                    (e, _) => self.age_error(e),
                })?;
        // The plaintext is shorter than the age file: reserving that much up front means the
        // buffer never grows, so no copy of the keyring is left behind in freed memory.
        let mut plaintext = Zeroizing::new(Vec::with_capacity(encrypted.len()));
        reader
            .read_to_end(&mut plaintext)
            .map_err(|e| self.damaged(e))?;
        crate::hardening::lock_in_memory(&plaintext);
        Ok(plaintext)
    }

    /// The identity a root gave back (or an identity file) does not open the keyring.
    fn foreign_roots(&self) -> anyhow::Error {
        Error::ForeignIdentity {
            keyring: self.path.clone(),
            roots_file: RootPaths::of(&self.path).roots_file(),
        }
        .into()
    }

    fn age_error(&self, e: DecryptError) -> anyhow::Error {
        match e {
            DecryptError::DecryptionFailed | DecryptError::KeyDecryptionFailed => {
                Error::WrongPassphrase(self.path.clone()).into()
            }
            // The stanza names its factor in clear, and age checks it against the cap before
            // deriving anything: refused here, a crafted keyring has cost nothing.
            DecryptError::ExcessiveWork { required, .. } => Error::ExcessiveWork {
                path: self.path.clone(),
                required,
                limit: if required > MAX_WORK_FACTOR {
                    MAX_WORK_FACTOR
                } else {
                    self.max_work_factor
                },
            }
            .into(),
            other => self.damaged(other),
        }
    }

    /// Creates a new keyring; refuses if one exists. The caller holds the lock (and has
    /// written the roots beside it). `init` goes through [`Store::prepare`] itself, to log
    /// before the keyring takes its name; tests set up keyrings with this.
    #[cfg(test)]
    pub fn create(
        &self,
        lock: &WriteLock,
        keyring: &mut Keyring,
        identity: &KeyringIdentity,
    ) -> anyhow::Result<()> {
        if self.exists() {
            return Err(self.exists_error());
        }
        self.prepare(lock, keyring, identity)?.commit()
    }

    pub fn exists_error(&self) -> anyhow::Error {
        Error::AlreadyExists(self.path.clone()).into()
    }

    /// Writes the new keyring (format 2, encrypted to `identity`, its generation incremented)
    /// to a temporary file beside the old one, flushed and read back, without replacing it
    /// yet: the caller first writes the change's audit line, then commits, so a change whose
    /// audit line cannot be written never takes effect. Dropping the result removes the
    /// temporary file.
    pub fn prepare(
        &self,
        _lock: &WriteLock,
        keyring: &mut Keyring,
        identity: &KeyringIdentity,
    ) -> anyhow::Result<PreparedWrite> {
        keyring.format_version = FORMAT_VERSION;
        if keyring.keyring_id.is_none() {
            return Err(failure(
                "refusing to save a keyring without an id; nothing was changed",
            ));
        }
        keyring.generation += 1;
        // Never save what the next read would refuse: a keyring that does not open again would
        // lock the user out of every key.
        validate(keyring).map_err(|why| Error::WouldNotOpen { why })?;
        self.check_work_factor(keyring.work_factor)?;
        let dir = self.dir();
        self.remove_stale_temp_files(&dir);
        let text =
            Zeroizing::new(toml::to_string(keyring).context("cannot serialize the keyring")?);
        let recipient = identity.recipient();
        let encryptor =
            age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
                .context("cannot set up the keyring encryption")?;

        // NamedTempFile creates the file with mode 0600 and removes it if we fail before persist.
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(&dir)
            .map_err(|e| {
                // tempfile's error names its temporary file; the keyring's folder says enough.
                Error::CannotWrite {
                    dir: dir.clone(),
                    detail: crate::error::plain_io(&e),
                }
            })?;
        crate::interrupt::remove_on_interrupt(tmp.path());
        // Encrypt in memory, then write the file ourselves: age reports a failed write of its
        // header as Rust debug output (`IoError(Os { code: 28, .. })`), which must not reach
        // the user. The ciphertext holds no secret in clear, and a keyring is small.
        let mut encrypted = Vec::with_capacity(text.len() + 512);
        let encrypt = || -> std::io::Result<()> {
            let mut out = encryptor.wrap_output(&mut encrypted)?;
            out.write_all(text.as_bytes())?;
            out.finish()?;
            Ok(())
        };
        encrypt().context("cannot encrypt the keyring")?;
        let write = || -> std::io::Result<()> {
            tmp.as_file().write_all(&encrypted)?;
            tmp.as_file().sync_all()
        };
        write().map_err(|e| Error::CannotWrite {
            dir: dir.clone(),
            detail: e.to_string(),
        })?;
        // Read back what reached the disk before it may replace anything: an X25519 decrypt
        // costs microseconds, and a keyring that does not open again loses every key.
        let back = fs::read(tmp.path())
            .with_context(|| format!("cannot read back the keyring in {}", dir.display()))?;
        let plain = self
            .decrypt(&back, Opener::Identity(identity))
            .context("the keyring just written does not open again; nothing was changed")?;
        if plain.as_slice() != text.as_bytes() {
            return Err(failure(
                "the keyring just written reads back differently; nothing was changed",
            ));
        }
        Ok(PreparedWrite {
            tmp,
            path: self.path.clone(),
            dir,
            generation: keyring.generation,
        })
    }

    fn remove_stale_temp_files(&self, dir: &Path) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// A new keyring written beside the old one, waiting to replace it (see [`Store::prepare`]).
pub struct PreparedWrite {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
    dir: PathBuf,
    generation: u64,
}

impl PreparedWrite {
    /// The generation the keyring will have once this write is committed.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Renames the new keyring over the old one and flushes the directory, so the rename
    /// itself survives a crash.
    pub fn commit(self) -> anyhow::Result<()> {
        self.tmp
            .persist(&self.path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot replace {}", self.path.display()))?;
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Parses the TOML document, refusing a newer format version with its own message.
pub fn parse(plaintext: &[u8]) -> anyhow::Result<Keyring> {
    #[derive(serde::Deserialize)]
    struct Probe {
        format_version: Option<u32>,
    }
    let damaged = |detail: String| Error::DamagedContent { detail };
    let text = std::str::from_utf8(plaintext)
        .map_err(|_| damaged("is not UTF-8 text: it is damaged".into()))?;
    let probe: Probe =
        toml::from_str(text).map_err(|e| damaged(format!("is not valid TOML: {}", e.message())))?;
    match probe.format_version {
        None => return Err(damaged("has no format_version: it is damaged".into()).into()),
        Some(found) if found > FORMAT_VERSION => {
            return Err(Error::NewerFormat {
                found,
                supported: FORMAT_VERSION,
            }
            .into());
        }
        Some(_) => {}
    }
    let keyring: Keyring =
        toml::from_str(text).map_err(|e| damaged(format!("is invalid: {}", e.message())))?;
    validate(&keyring).map_err(|why| damaged(format!("is invalid: {why}")))?;
    Ok(keyring)
}

/// The invariants lkms keeps and the rest of the code relies on. A keyring is authenticated by
/// its passphrase, but anyone with the passphrase can edit it by hand (`age -d`, edit, `age -p`):
/// refuse what lkms would never write instead of misbehaving on it later (a work factor that
/// makes scrypt allocate gigabytes, a rotation period that overflows the calendar, a current
/// version that does not exist, two keys behind one alias).
pub(crate) fn validate(keyring: &Keyring) -> Result<(), String> {
    use std::collections::HashSet;

    use super::lifecycle::{MAX_ROTATION_DAYS, MIN_ROTATION_DAYS};
    use super::lookup::validate_alias;
    use super::model::{KeyState, VersionState};
    use crate::crypto::material::{KeySpec, KeyUsage};

    if keyring.format_version >= 2 && keyring.keyring_id.is_none() {
        return Err("format 2 keyring without a keyring_id".into());
    }
    if !(MIN_WORK_FACTOR..=MAX_WORK_FACTOR).contains(&keyring.work_factor) {
        return Err(format!(
            "work_factor {} is outside {MIN_WORK_FACTOR} to {MAX_WORK_FACTOR}",
            keyring.work_factor
        ));
    }
    let mut ids = HashSet::new();
    let mut aliases = HashSet::new();
    for key in &keyring.keys {
        let id = key.id;
        if !ids.insert(id) {
            return Err(format!("key {id} appears twice"));
        }
        for alias in &key.aliases {
            if validate_alias(alias).ok().as_deref() != Some(alias.as_str()) {
                return Err(format!("key {id} has an invalid alias"));
            }
            if !aliases.insert(alias.as_str()) {
                return Err(format!("alias `{alias}` names two keys"));
            }
        }
        if let Some(days) = key.rotation_period_days {
            if !(MIN_ROTATION_DAYS..=MAX_ROTATION_DAYS).contains(&days) {
                return Err(format!(
                    "key {id} has a rotation period of {days} days, outside \
                     {MIN_ROTATION_DAYS} to {MAX_ROTATION_DAYS}"
                ));
            }
            if !key.spec.rotates() {
                return Err(format!("key {id} is a signing key with automatic rotation"));
            }
        }
        let mut numbers = HashSet::new();
        for v in &key.versions {
            if v.version == 0 || !numbers.insert(v.version) {
                return Err(format!(
                    "key {id} has a version numbered {} twice or zero",
                    v.version
                ));
            }
            if let Some(r) = &v.recipient {
                // Only a grant holds a recipient in place of an x25519 identity.
                if keyring.grant.is_none()
                    || key.spec != KeySpec::X25519
                    || v.material.is_some()
                    || crate::crypto::x25519::parse_recipient(r).is_err()
                {
                    return Err(format!(
                        "key {id} version {} holds a recipient lkms would not write there",
                        v.version
                    ));
                }
                continue;
            }
            match (&v.material, key.state) {
                (Some(_), KeyState::Destroyed) => {
                    return Err(format!("key {id} is Destroyed but still holds material"));
                }
                (None, KeyState::Destroyed) => {}
                (None, _) => {
                    return Err(format!("key {id} version {} has no material", v.version));
                }
                (Some(m), _)
                    if key.spec == KeySpec::X25519
                        && crate::crypto::x25519::identity(m).is_err() =>
                {
                    return Err(format!(
                        "key {id} version {} does not hold an age X25519 identity",
                        v.version
                    ));
                }
                (Some(m), _)
                    if key.spec.usage() != KeyUsage::Sign
                        && key.spec != KeySpec::X25519
                        && m.len() != 32 =>
                {
                    return Err(format!(
                        "key {id} version {} has {} bytes of material, not 32",
                        v.version,
                        m.len()
                    ));
                }
                (Some(m), _) if m.is_empty() => {
                    return Err(format!("key {id} version {} has empty material", v.version));
                }
                (Some(_), _) => {}
            }
        }
        if !numbers.contains(&key.current_version) {
            return Err(format!(
                "key {id} has current version {}, which it does not hold",
                key.current_version
            ));
        }
        if key
            .versions
            .iter()
            .any(|v| v.version == key.current_version && v.state == VersionState::Disabled)
        {
            return Err(format!("key {id} has a disabled current version"));
        }
        if let Some(policy) = &key.policy {
            policy
                .validate(key.spec)
                .map_err(|e| format!("key {id} has a policy lkms would not set: {e}"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;
    use proptest::prelude::*;
    use uuid::Uuid;

    use super::*;
    use crate::crypto::material::KeySpec;
    use crate::crypto::secret::SecretBytes;
    use crate::error::{ExitCode, exit_code};
    use crate::keyring::model::{Key, KeyState, KeyVersion, Origin};

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn sample() -> Keyring {
        let mut kr = Keyring::new(10);
        let mut k = Key::new(
            KeySpec::Aes256Gcm,
            SecretBytes::new(vec![7; 32]),
            t("2026-01-01T00:00:00Z"),
        );
        k.aliases = vec!["app/one".into()];
        k.rotation_period_days = Some(30);
        k.next_rotation = Some(t("2026-01-31T00:00:00Z"));
        kr.keys.push(k);
        kr.keys.push(Key::new(
            KeySpec::Ed25519,
            KeySpec::Ed25519.generate().unwrap(),
            t("2026-01-01T00:00:00Z"),
        ));
        kr
    }

    /// The sample as a TOML table, edited by `f`, then parsed.
    fn parse_edited(f: impl FnOnce(&mut toml::Table)) -> anyhow::Result<Keyring> {
        let mut doc: toml::Table = toml::from_str(&toml::to_string(&sample()).unwrap()).unwrap();
        f(&mut doc);
        parse(toml::to_string(&doc).unwrap().as_bytes())
    }

    fn key0(doc: &mut toml::Table) -> &mut toml::Table {
        doc["key"].as_array_mut().unwrap()[0]
            .as_table_mut()
            .unwrap()
    }

    #[track_caller]
    fn refused(r: anyhow::Result<Keyring>, says: &str) {
        let e = r.expect_err("the keyring should be refused");
        assert_eq!(exit_code(&e), ExitCode::Integrity, "{e:#}");
        assert!(format!("{e:#}").contains(says), "{e:#}");
    }

    #[test]
    fn the_sample_parses() {
        parse_edited(|_| {}).unwrap();
    }

    #[test]
    fn a_hand_edited_work_factor_above_the_cap_is_refused() {
        // Written back, scrypt at 2^40 would abort the process trying to allocate memory.
        refused(
            parse_edited(|d| {
                d.insert("work_factor".into(), 40.into());
            }),
            "work_factor 40",
        );
        refused(
            parse_edited(|d| {
                d.insert("work_factor".into(), 9.into());
            }),
            "work_factor 9",
        );
    }

    #[test]
    fn a_rotation_period_that_overflows_the_calendar_is_refused() {
        // Adding 4e9 days to a timestamp panics; the next due rotation would have crashed.
        refused(
            parse_edited(|d| {
                key0(d).insert("rotation_period_days".into(), 4_000_000_000i64.into());
            }),
            "rotation period",
        );
    }

    #[test]
    fn structural_damage_is_refused() {
        refused(
            parse_edited(|d| {
                key0(d).insert("current_version".into(), 9.into());
            }),
            "current version 9",
        );
        refused(
            parse_edited(|d| {
                let v = key0(d)["version"].as_array_mut().unwrap()[0]
                    .as_table_mut()
                    .unwrap();
                v.insert("state".into(), "Disabled".into());
            }),
            "disabled current version",
        );
        refused(
            parse_edited(|d| {
                let mut policy = toml::Table::new();
                policy.insert("allow".into(), vec!["sign"].into());
                key0(d).insert("policy".into(), policy.into());
            }),
            "policy lkms would not set",
        );
        refused(
            parse_edited(|d| {
                let v = key0(d)["version"].as_array_mut().unwrap()[0]
                    .as_table_mut()
                    .unwrap();
                v.remove("material");
                let r = age::x25519::Identity::generate().to_public().to_string();
                v.insert("recipient".into(), r.into());
            }),
            "holds a recipient lkms would not write there",
        );
        refused(
            parse_edited(|d| {
                let k = key0(d).clone();
                d["key"].as_array_mut().unwrap().push(k.into());
            }),
            "appears twice",
        );
        refused(
            parse_edited(|d| {
                let aliases = toml::Value::Array(vec!["app/one".into()]);
                d["key"].as_array_mut().unwrap()[1]
                    .as_table_mut()
                    .unwrap()
                    .insert("aliases".into(), aliases);
            }),
            "names two keys",
        );
        refused(
            parse_edited(|d| {
                key0(d).insert("aliases".into(), vec!["bad alias!"].into());
            }),
            "invalid alias",
        );
        refused(
            parse_edited(|d| {
                let v = key0(d)["version"].as_array_mut().unwrap()[0]
                    .as_table_mut()
                    .unwrap();
                v.insert("material".into(), "AAAA".into());
            }),
            "not 32",
        );
        refused(
            parse_edited(|d| {
                let v = key0(d)["version"].as_array_mut().unwrap()[0]
                    .as_table_mut()
                    .unwrap();
                v.remove("material");
            }),
            "no material",
        );
        refused(
            parse_edited(|d| {
                key0(d).insert("state".into(), "Destroyed".into());
            }),
            "still holds material",
        );
        refused(
            parse_edited(|d| {
                let k = d["key"].as_array_mut().unwrap()[1].as_table_mut().unwrap();
                k.insert("rotation_period_days".into(), 30.into());
            }),
            "signing key with automatic rotation",
        );
    }

    #[test]
    fn the_last_version_number_refuses_to_rotate_instead_of_overflowing() {
        let mut kr = parse_edited(|d| {
            let k = key0(d);
            k.insert("current_version".into(), i64::from(u32::MAX).into());
            let v = k["version"].as_array_mut().unwrap()[0]
                .as_table_mut()
                .unwrap();
            v.insert("version".into(), i64::from(u32::MAX).into());
        })
        .unwrap();
        let now = t("2026-06-01T00:00:00Z");
        let e = kr.keys[0]
            .rotate(SecretBytes::new(vec![1; 32]), now)
            .unwrap_err();
        assert_eq!(exit_code(&e), ExitCode::KeyUnusable, "{e:#}");
        // A due scheduled rotation fails the same way, without a panic.
        let mut fresh = |_| Ok(SecretBytes::new(vec![1; 32]));
        assert!(kr.keys[0].apply_due(now, &mut fresh).is_err());
    }

    #[test]
    fn an_oversized_keyring_file_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyring.age");
        let f = File::create(&path).unwrap();
        f.set_len(MAX_KEYRING_BYTES + 1).unwrap(); // sparse: costs no disk
        let p = SecretString::from("p".to_string());
        let e = Store::new(&path).read(Opener::Passphrase(&p)).unwrap_err();
        assert_eq!(exit_code(&e), ExitCode::Integrity, "{e:#}");
        assert!(format!("{e:#}").contains("larger than"), "{e:#}");
    }

    fn timestamp() -> impl Strategy<Value = Timestamp> {
        // From 1970 to 9000, with nanoseconds: the whole range jiff writes and reads back.
        (0i64..221_845_392_000, 0i32..1_000_000_000)
            .prop_map(|(s, ns)| Timestamp::new(s, ns).unwrap())
    }

    fn spec() -> impl Strategy<Value = KeySpec> {
        proptest::sample::select(KeySpec::ALL.to_vec())
    }

    fn state() -> impl Strategy<Value = KeyState> {
        proptest::sample::select(vec![
            KeyState::Enabled,
            KeyState::Disabled,
            KeyState::PendingDeletion,
            KeyState::Destroyed,
        ])
    }

    prop_compose! {
        fn key(index: usize)(
            id in any::<u128>(),
            spec in spec(),
            state in state(),
            aliases in proptest::collection::btree_set("[A-Za-z0-9/_-]{1,20}", 0..3),
            description in ".{0,40}",
            tags in proptest::collection::btree_map(".{0,10}", ".{0,10}", 0..3),
            created in timestamp(),
            deletion_date in proptest::option::of(timestamp()),
            rotation in proptest::option::of((1u32..=2560, timestamp())),
            numbers in proptest::collection::btree_set(1u32..=u32::MAX, 1..4),
            current in any::<proptest::sample::Index>(),
            material in proptest::collection::vec(any::<u8>(), 32..96),
        ) -> Key {
            let numbers: Vec<u32> = numbers.into_iter().collect();
            let (rotation_period_days, next_rotation) = match rotation {
                Some((days, next)) if spec.rotates() => (Some(days), Some(next)),
                _ => (None, None),
            };
            let len = if spec.rotates() { 32 } else { material.len() };
            Key {
                // The index keeps ids and aliases unique across the keyring.
                id: Uuid::from_u128((id << 8) | index as u128),
                aliases: aliases.into_iter().map(|a| format!("{index}/{a}")).collect(),
                spec,
                origin: if index.is_multiple_of(2) { Origin::Lkms } else { Origin::External },
                description,
                tags,
                state,
                created,
                deletion_date,
                rotation_period_days,
                next_rotation,
                current_version: numbers[current.index(numbers.len())],
                policy: None,
                versions: numbers
                    .iter()
                    .map(|&version| KeyVersion {
                        version,
                        created,
                        state: Default::default(),
                        // x25519 material must be an identity: a fresh one, not random bytes.
                        material: (state != KeyState::Destroyed).then(|| {
                            if spec == KeySpec::X25519 {
                                crate::crypto::x25519::generate()
                            } else {
                                SecretBytes::new(material[..len].to_vec())
                            }
                        }),
                        recipient: None,
                    })
                    .collect(),
            }
        }
    }

    fn keyring() -> impl Strategy<Value = Keyring> {
        (MIN_WORK_FACTOR..=MAX_WORK_FACTOR, 0usize..5).prop_flat_map(|(wf, n)| {
            (0..n)
                .map(key)
                .collect::<Vec<_>>()
                .prop_map(move |keys| Keyring {
                    format_version: FORMAT_VERSION,
                    keyring_id: Some(Uuid::from_u128(wf as u128)),
                    generation: n as u64,
                    work_factor: wf,
                    audit_key: None,
                    audit_anchor: (n % 2 == 1).then(|| crate::keyring::model::AuditAnchor {
                        seq: n as u64,
                        hash: "ab".repeat(32),
                        offset: 7 * n as u64,
                    }),
                    keys,
                    legacy_grant_signing_key: None,
                    issued_grants: Vec::new(),
                    grant: None,
                })
        })
    }

    proptest! {
        /// Whatever lkms can hold, it reads back exactly as it wrote it.
        #[test]
        fn any_keyring_survives_a_toml_round_trip(kr in keyring()) {
            let text = toml::to_string(&kr).unwrap();
            let back = parse(text.as_bytes()).unwrap();
            prop_assert_eq!(toml::to_string(&back).unwrap(), text);
            prop_assert_eq!(back.keys.len(), kr.keys.len());
            for (a, b) in kr.keys.iter().zip(&back.keys) {
                prop_assert_eq!(a.id, b.id);
                prop_assert_eq!(&a.aliases, &b.aliases);
                prop_assert_eq!(&a.description, &b.description);
                prop_assert_eq!(&a.tags, &b.tags);
                prop_assert_eq!(a.state, b.state);
                prop_assert_eq!(a.origin, b.origin);
                prop_assert_eq!(a.created, b.created);
                prop_assert_eq!(a.deletion_date, b.deletion_date);
                prop_assert_eq!(a.next_rotation, b.next_rotation);
                prop_assert_eq!(a.current_version, b.current_version);
                for (va, vb) in a.versions.iter().zip(&b.versions) {
                    prop_assert_eq!(va.version, vb.version);
                    prop_assert_eq!(va.material.is_some(), vb.material.is_some());
                    if let (Some(ma), Some(mb)) = (&va.material, &vb.material) {
                        prop_assert!(ma.ct_eq(mb.expose()));
                    }
                }
            }
        }

        /// Damaged content is an error, never a panic.
        #[test]
        fn parse_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse(&bytes);
        }
    }
}
