//! Roots: what holds the keyring identity, and the public file that lists them.
//!
//! A root wraps the identity's text and unwraps it again; the passphrase root is the first
//! kind (see [`super::roots`]), and external kinds (a cloud KMS, Vault Transit, an HSM) plug in
//! through the same [`Root`] trait. The roots file beside the keyring says which roots exist,
//! their parameters and, for kinds that keep no file of their own, the wrapped identity: it
//! holds no secret in clear, so lkms reads it before anything is unlocked.

use crate::error::{IoAction, Role};
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::error::{failure, integrity, usage};

/// Why a root could not wrap or unwrap the identity; each variant decides an exit code.
#[derive(Debug, thiserror::Error)]
pub enum RootError {
    /// A wrong passphrase or PIN, missing or refused credentials, access denied (exit 3).
    #[error("{0}")]
    Denied(String),
    /// The passphrase given does not open this root: what it is, e.g. "the passphrase root
    /// `default` (keyring.root.default.age)" (exit 3).
    #[error("wrong passphrase for {0}")]
    WrongPassphrase(String),
    /// The external key exists but may not be used: disabled, pending deletion (exit 4).
    #[allow(dead_code, reason = "constructed by the external root kinds")]
    #[error("{0}")]
    KeyUnusable(String),
    /// The wrapped identity is damaged, not recognised, or bound to another keyring (exit 5).
    #[error("{0}")]
    Damaged(String),
    /// The external system did not answer in time (exit 1).
    #[allow(dead_code, reason = "constructed by the external root kinds")]
    #[error("{0}")]
    Unreachable(String),
    /// Anything else (exit 1).
    #[error("{0}")]
    Other(String),
}

impl From<RootError> for crate::error::Error {
    fn from(e: RootError) -> Self {
        use crate::error::Error;
        match e {
            RootError::Denied(m) => Error::Auth(m),
            e @ RootError::WrongPassphrase(_) => Error::Auth(e.to_string()),
            RootError::KeyUnusable(m) => Error::KeyUnusable(m),
            RootError::Damaged(m) => Error::Integrity(m),
            RootError::Unreachable(m) | RootError::Other(m) => Error::Failure(m),
        }
    }
}

/// One way to hold the keyring identity.
///
/// `identity` is the identity file's text (`AGE-SECRET-KEY-1...` and a newline); `keyring_id`
/// is the keyring's id, which a root binds to what it wraps (as associated data or encryption
/// context) so that a root of one keyring cannot be passed off as another's.
pub trait Root {
    /// The kind as the roots file names it: `passphrase`, `aws-kms`, `transit`, `pkcs11`, ...
    fn kind(&self) -> &'static str;
    /// The root's name, unique in the keyring.
    fn name(&self) -> &str;
    /// Whether unlocking needs something a person gives (a passphrase, a PIN). Roots that need
    /// none are tried first, in the order the roots file lists them.
    fn needs_person(&self) -> bool;
    /// Wraps the identity; the bytes are stored in the root's own file or in the roots file.
    fn wrap(&self, identity: &[u8], keyring_id: &str) -> Result<Vec<u8>, RootError>;
    /// Unwraps what [`Root::wrap`] returned.
    fn unwrap(&self, wrapped: &[u8], keyring_id: &str) -> Result<Zeroizing<Vec<u8>>, RootError>;
    /// The kind's parameters, kept in the roots file and shown by `root list`: never secrets.
    fn describe(&self) -> toml::Table;
    /// True when the wrapped identity lives in a file of its own beside the keyring (so other
    /// tools can use it, as the age CLI uses a passphrase root), false when it is stored
    /// base64 in the roots file.
    fn own_file(&self) -> bool {
        false
    }
}

/// The roots file's format version.
pub const ROOTS_FORMAT_VERSION: u32 = 1;

/// The largest root or roots file lkms reads.
const MAX_ROOT_FILE_BYTES: u64 = 1 << 20;

/// The roots file: public, beside the keyring.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootsFile {
    pub format_version: u32,
    /// The keyring's id, also inside the keyring: the agent keys identities by it, and roots
    /// bind what they wrap to it.
    pub keyring_id: Uuid,
    /// The keyring identity's public half (`age1...`): an unwrapped identity must match it.
    pub recipient: String,
    #[serde(default, rename = "root")]
    pub roots: Vec<RootEntry>,
}

/// One root as the roots file records it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RootEntry {
    pub name: String,
    pub kind: String,
    pub created: Timestamp,
    /// The root's own file, relative to the keyring's folder (passphrase roots).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Or the wrapped identity itself, base64 (kinds with no file of their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wrapped: Option<String>,
    /// What [`Root::describe`] returned.
    #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
    pub params: toml::Table,
}

/// Where a keyring's roots live: derived from the keyring's own path, so they are found
/// without opening it. For `DIR/keyring.age`: `DIR/keyring.roots.toml` and, for a passphrase
/// root named `NAME`, `DIR/keyring.root.NAME.age`.
#[derive(Debug, Clone)]
pub struct RootPaths {
    dir: PathBuf,
    base: String,
}

impl RootPaths {
    pub fn of(keyring: &Path) -> RootPaths {
        let dir = match keyring.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = keyring
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "keyring".into());
        let base = name.strip_suffix(".age").unwrap_or(&name).to_string();
        RootPaths { dir, base }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn roots_file(&self) -> PathBuf {
        self.dir.join(format!("{}.roots.toml", self.base))
    }

    /// The file name (relative to the folder) of a root's own file.
    pub fn root_file_name(&self, root: &str) -> String {
        format!("{}.root.{root}.age", self.base)
    }

    /// Whether any root file of this keyring (`BASE.root.NAME.age`) is in its folder: then
    /// it is a keyring whose roots file is missing, not a grant, which has none.
    pub fn has_root_files(&self) -> bool {
        let prefix = format!("{}.root.", self.base);
        std::fs::read_dir(&self.dir).is_ok_and(|entries| {
            entries.flatten().any(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".age"))
            })
        })
    }

    pub fn resolve(&self, file: &str) -> PathBuf {
        self.dir.join(file)
    }

    /// Refuses to make roots for `keyring` when another keyring in the folder shares them
    /// (`keyring` and `keyring.age` map to the same names): writing them would lock that
    /// keyring out.
    pub fn check_not_shared(&self, keyring: &Path) -> anyhow::Result<()> {
        let name = keyring
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for other in [self.base.clone(), format!("{}.age", self.base)] {
            if other != name && self.dir.join(&other).exists() {
                return Err(failure(format!(
                    "the keyring {} would share its roots ({}) with the keyring {} in the same \
                     folder; name this keyring differently or put it in another folder",
                    keyring.display(),
                    self.roots_file().display(),
                    self.dir.join(&other).display()
                )));
            }
        }
        Ok(())
    }
}

/// Root names: short, and safe inside a file name.
pub fn validate_name(name: &str) -> anyhow::Result<()> {
    let ok = (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(usage(format!(
            "`{name}` is not a valid root name: use 1 to 64 characters of A-Z a-z 0-9 _ -"
        )))
    }
}

impl RootsFile {
    pub fn new(keyring_id: Uuid, recipient: String) -> RootsFile {
        RootsFile {
            format_version: ROOTS_FORMAT_VERSION,
            keyring_id,
            recipient,
            roots: Vec::new(),
        }
    }

    /// Reads the roots file. A missing or damaged one is an integrity error naming it: the
    /// keyring cannot be unlocked by lkms without it (the age CLI still opens it with a
    /// passphrase root file).
    pub fn load(paths: &RootPaths) -> anyhow::Result<RootsFile> {
        let path = paths.roots_file();
        let bytes = read_root_file(&path, false)?;
        let damaged = |why: String| {
            integrity(format!(
                "the roots file {} is damaged ({why}); restore it from a backup, or recover \
                 the keys with `age -d -i {} KEYRING` (see docs/RECOVERY.md)",
                path.display(),
                paths.resolve(&paths.root_file_name("default")).display()
            ))
        };
        let text = String::from_utf8(bytes.to_vec()).map_err(|_| damaged("not UTF-8".into()))?;
        let file: RootsFile = toml::from_str(&text).map_err(|e| damaged(e.message().into()))?;
        if file.format_version > ROOTS_FORMAT_VERSION {
            return Err(failure(format!(
                "the roots file {} has format version {}, newer than this lkms reads; upgrade lkms",
                path.display(),
                file.format_version
            )));
        }
        if file.recipient.parse::<age::x25519::Recipient>().is_err() {
            return Err(damaged(
                "its recipient is not an age X25519 recipient".into(),
            ));
        }
        for (i, r) in file.roots.iter().enumerate() {
            if validate_name(&r.name).is_err() || file.roots[..i].iter().any(|o| o.name == r.name) {
                return Err(damaged(format!(
                    "root name `{}` is invalid or twice",
                    r.name
                )));
            }
            if r.file.is_some() == r.wrapped.is_some() {
                return Err(damaged(format!(
                    "root `{}` needs exactly one of file and wrapped",
                    r.name
                )));
            }
            if let Some(f) = &r.file
                && (f.contains('/') || f.starts_with('.'))
            {
                return Err(damaged(format!(
                    "root `{}` names a file outside its folder",
                    r.name
                )));
            }
        }
        Ok(file)
    }

    /// Writes the roots file atomically (temporary file, flush, rename, flush the folder). The
    /// caller holds the keyring's writers' lock.
    pub fn save(&self, paths: &RootPaths) -> anyhow::Result<()> {
        write_atomic(paths.dir(), &paths.roots_file(), self.to_text()?.as_bytes())
    }

    /// The roots file's text, as [`RootsFile::save`] writes it.
    pub fn to_text(&self) -> anyhow::Result<String> {
        let text = toml::to_string(self).context("cannot serialize the roots file")?;
        Ok(format!(
            "# The roots of the lkms keyring beside this file: what holds its identity.\n\
             # Public: no secret is in clear here. See docs/KEYRING.md.\n{text}"
        ))
    }

    pub fn find(&self, name: &str) -> Option<&RootEntry> {
        self.roots.iter().find(|r| r.name == name)
    }
}

/// Writes `bytes` to `path` through a new 0600 temporary file in `dir`, renamed over `path`.
pub fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = tempfile::Builder::new()
        .prefix(".lkms-root-")
        .tempfile_in(dir)
        .map_err(|e| crate::error::io_error(IoAction::Write, Role::RootFile, path, &e))?;
    let write = || -> std::io::Result<()> {
        tmp.as_file().write_all(bytes)?;
        tmp.as_file().sync_all()
    };
    write().with_context(|| format!("cannot write the root file {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .map_err(|e| crate::error::io_error(IoAction::Write, Role::RootFile, path, &e))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Creates `path` with `bytes`, refusing if it exists: written to a temporary file first and
/// linked into place without replacing anything, so a concurrent writer of the same name
/// loses cleanly and no half-written root file is ever seen.
pub fn create_new(dir: &Path, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = tempfile::Builder::new()
        .prefix(".lkms-root-")
        .tempfile_in(dir)
        .map_err(|e| crate::error::io_error(IoAction::Write, Role::RootFile, path, &e))?;
    let write = || -> std::io::Result<()> {
        tmp.as_file().write_all(bytes)?;
        tmp.as_file().sync_all()
    };
    write().with_context(|| format!("cannot write the root file {}", path.display()))?;
    tmp.persist_noclobber(path)
        .map_err(|e| crate::error::io_error(IoAction::Write, Role::RootFile, path, &e.error))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Reads a root file or the roots file, refusing a symlink (a swapped file could hand lkms
/// another identity), anything but a regular file, and, when `secret`, a file other users
/// may read or write (as ssh refuses an unprotected private key).
pub fn read_root_file(path: &Path, secret: bool) -> anyhow::Result<Zeroizing<Vec<u8>>> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path);
    let file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(integrity(format!(
                "the root file {} is missing; restore it from a backup or unlock with another \
                 root (`lkms root list`)",
                path.display()
            )));
        }
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(integrity(format!(
                "the root file {} is a symbolic link, which lkms refuses; put the file itself there",
                path.display()
            )));
        }
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read the root file {}", path.display()));
        }
    };
    let meta = file
        .metadata()
        .with_context(|| format!("cannot read the root file {}", path.display()))?;
    if !meta.is_file() {
        return Err(integrity(format!(
            "the root file {} is not a regular file",
            path.display()
        )));
    }
    if secret && meta.permissions().mode() & 0o077 != 0 {
        return Err(integrity(format!(
            "the root file {} may be read or written by other users (mode {:o}), which lkms \
             refuses; run `chmod 600 {}` if you trust its content, or restore it",
            path.display(),
            meta.permissions().mode() & 0o777,
            path.display()
        )));
    }
    // SAFETY: geteuid has no preconditions.
    let me = unsafe { libc::geteuid() };
    if secret && meta.uid() != me && me != 0 {
        return Err(integrity(format!(
            "the root file {} belongs to another user (uid {}), which lkms refuses",
            path.display(),
            meta.uid()
        )));
    }
    let mut bytes = Zeroizing::new(Vec::new());
    file.take(MAX_ROOT_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read the root file {}", path.display()))?;
    if bytes.len() as u64 > MAX_ROOT_FILE_BYTES {
        return Err(integrity(format!(
            "the root file {} is too large to be a root",
            path.display()
        )));
    }
    Ok(bytes)
}

/// Removes a root's own file, if it has one. A file already gone is not an error.
pub fn remove_file(paths: &RootPaths, entry: &RootEntry) -> anyhow::Result<()> {
    if let Some(f) = &entry.file {
        let path = paths.resolve(f);
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e).with_context(|| format!("cannot remove {}", path.display()));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_paths_derive_from_the_keyring_name() {
        let p = RootPaths::of(Path::new("/x/keyring.age"));
        assert_eq!(p.roots_file(), Path::new("/x/keyring.roots.toml"));
        assert_eq!(p.root_file_name("default"), "keyring.root.default.age");
        let p = RootPaths::of(Path::new("ring"));
        assert_eq!(p.roots_file(), Path::new("./ring.roots.toml"));
    }

    #[test]
    fn two_keyrings_that_would_share_roots_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("ring.age");
        let b = dir.path().join("ring");
        RootPaths::of(&a).check_not_shared(&a).unwrap();
        fs::write(&b, b"x").unwrap();
        let e = RootPaths::of(&a).check_not_shared(&a).unwrap_err();
        assert!(format!("{e}").contains("share its roots"), "{e}");
        RootPaths::of(&b).check_not_shared(&b).unwrap();
    }

    #[test]
    fn names_are_checked() {
        for good in ["default", "break-glass", "ci_1"] {
            validate_name(good).unwrap();
        }
        for bad in ["", "a.b", "../x", "a b", &"x".repeat(65)] {
            assert!(validate_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_symlinked_or_shared_root_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::write(&real, b"x").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
        read_root_file(&real, true).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let e = read_root_file(&link, true).unwrap_err();
        assert!(format!("{e}").contains("symbolic link"), "{e}");
        fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).unwrap();
        let e = read_root_file(&real, true).unwrap_err();
        assert!(format!("{e}").contains("other users"), "{e}");
        // The public roots file may be readable by others.
        read_root_file(&real, false).unwrap();
    }
}
