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

use super::model::{FORMAT_VERSION, Keyring};
use crate::error::{auth, failure, integrity, not_found};

/// scrypt's log2 cost: the range `init` accepts, and the cap applied when reading, so a
/// crafted keyring cannot make lkms allocate gigabytes.
pub const MIN_WORK_FACTOR: u8 = 10;
pub const MAX_WORK_FACTOR: u8 = 22;
pub const DEFAULT_WORK_FACTOR: u8 = 18;

/// Prefix of the temporary files a write creates beside the keyring; any left by a crash are
/// removed by the next writer (which holds the lock, so none can be in use).
const TEMP_PREFIX: &str = ".lkms-keyring-";

pub struct Store {
    path: PathBuf,
}

/// Held while a writer reads, changes and writes the keyring; released on drop.
pub struct WriteLock {
    _file: File,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Store { path: path.into() }
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
        not_found(format!(
            "no keyring at {}; run `lkms init` to create one, or point --keyring / LKMS_KEYRING at yours",
            self.path.display()
        ))
    }

    /// Creates the keyring's directory (0700) when it does not exist yet.
    pub fn ensure_dir(&self) -> anyhow::Result<()> {
        let dir = self.dir();
        if !dir.exists() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&dir)
                .with_context(|| format!("cannot create the directory {}", dir.display()))?;
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
            .open(&path)
            .with_context(|| format!("cannot open the lock file {}", path.display()))?;
        file.lock()
            .with_context(|| format!("cannot lock {}", path.display()))?;
        Ok(WriteLock { _file: file })
    }

    /// Reads and decrypts the keyring. Changes nothing on disk, whatever goes wrong.
    pub fn read(&self, passphrase: &SecretString) -> anyhow::Result<Keyring> {
        let encrypted = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(self.missing()),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read {}", self.path.display()));
            }
        };
        let plaintext = self.decrypt(&encrypted, passphrase)?;
        parse(&plaintext).map_err(|e| e.context(format!("keyring {}", self.path.display())))
    }

    fn damaged(&self, detail: impl std::fmt::Display) -> anyhow::Error {
        integrity(format!(
            "the keyring {} is damaged or is not an lkms keyring ({detail}); restore it from a backup",
            self.path.display()
        ))
    }

    fn decrypt(
        &self,
        encrypted: &[u8],
        passphrase: &SecretString,
    ) -> anyhow::Result<Zeroizing<Vec<u8>>> {
        let decryptor = age::Decryptor::new_buffered(encrypted).map_err(|e| self.age_error(e))?;
        if !decryptor.is_scrypt() {
            return Err(self.damaged("it is not encrypted to a passphrase"));
        }
        let mut identity = age::scrypt::Identity::new(passphrase.clone());
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        let mut reader = decryptor
            .decrypt(iter::once(&identity as &dyn age::Identity))
            .map_err(|e| self.age_error(e))?;
        let mut plaintext = Zeroizing::new(Vec::new());
        reader
            .read_to_end(&mut plaintext)
            .map_err(|e| self.damaged(e))?;
        Ok(plaintext)
    }

    fn age_error(&self, e: DecryptError) -> anyhow::Error {
        match e {
            DecryptError::DecryptionFailed | DecryptError::KeyDecryptionFailed => auth(format!(
                "wrong passphrase for the keyring {}; check LKMS_PASSPHRASE, --passphrase-file or what you typed",
                self.path.display()
            )),
            DecryptError::ExcessiveWork { required, .. } => failure(format!(
                "the keyring {} asks for scrypt work factor {required}, above the limit of \
                 {MAX_WORK_FACTOR}: it was not written by lkms, or it is damaged; restore it from a backup",
                self.path.display()
            )),
            other => self.damaged(other),
        }
    }

    /// Creates a new keyring; refuses if one exists. Takes the lock itself.
    pub fn create(&self, keyring: &Keyring, passphrase: &SecretString) -> anyhow::Result<()> {
        self.ensure_dir()?;
        let lock = self.lock()?;
        if self.exists() {
            return Err(failure(format!(
                "a keyring already exists at {}; nothing was changed (use `lkms passwd` to change its passphrase)",
                self.path.display()
            )));
        }
        self.write(&lock, keyring, passphrase)
    }

    /// Replaces the keyring atomically. The caller holds the lock and read the keyring under it.
    pub fn write(
        &self,
        _lock: &WriteLock,
        keyring: &Keyring,
        passphrase: &SecretString,
    ) -> anyhow::Result<()> {
        let dir = self.dir();
        self.remove_stale_temp_files(&dir);
        let text =
            Zeroizing::new(toml::to_string(keyring).context("cannot serialize the keyring")?);
        let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
        recipient.set_work_factor(keyring.work_factor);
        let encryptor =
            age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
                .context("cannot set up the keyring encryption")?;

        // NamedTempFile creates the file with mode 0600 and removes it if we fail before persist.
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(&dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        let write = || -> std::io::Result<()> {
            let mut out = encryptor.wrap_output(tmp.as_file())?;
            out.write_all(text.as_bytes())?;
            out.finish()?;
            tmp.as_file().sync_all()
        };
        write().with_context(|| format!("cannot write the keyring in {}", dir.display()))?;
        tmp.persist(&self.path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot replace {}", self.path.display()))?;
        // Flush the directory so the rename itself survives a crash.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
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

/// Parses the TOML document, refusing a newer format version with its own message.
pub fn parse(plaintext: &[u8]) -> anyhow::Result<Keyring> {
    #[derive(serde::Deserialize)]
    struct Probe {
        format_version: Option<u32>,
    }
    let text = std::str::from_utf8(plaintext)
        .map_err(|_| integrity("the keyring content is not UTF-8 text: it is damaged"))?;
    let probe: Probe = toml::from_str(text).map_err(|e| {
        integrity(format!(
            "the keyring content is not valid TOML: {}",
            e.message()
        ))
    })?;
    match probe.format_version {
        None => {
            return Err(integrity(
                "the keyring content has no format_version: it is damaged",
            ));
        }
        Some(v) if v > FORMAT_VERSION => {
            return Err(failure(format!(
                "this keyring has format version {v}, but this lkms reads up to version \
                 {FORMAT_VERSION}; upgrade lkms to open it (nothing was changed)"
            )));
        }
        Some(_) => {}
    }
    let keyring: Keyring = toml::from_str(text)
        .map_err(|e| integrity(format!("the keyring content is invalid: {}", e.message())))?;
    Ok(keyring)
}
