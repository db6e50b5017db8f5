//! The root kinds this build knows, and what is done with roots: build one from its entry in
//! the roots file, unlock the identity through it, add one, rewrap one.
//!
//! A kind this build does not know (written by a newer lkms) is listed but skipped when
//! unlocking.

pub mod age_identity;
mod bound;
pub mod external;
pub mod passphrase;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::Timestamp;
use secrecy::SecretString;
use zeroize::Zeroizing;

pub use passphrase::PassphraseRoot;

use super::identity::KeyringIdentity;
use super::root::{
    Root, RootEntry, RootError, RootPaths, RootsFile, create_new, read_root_file, write_atomic,
};
use super::store::{DEFAULT_WORK_FACTOR, MAX_WORK_FACTOR, MIN_WORK_FACTOR};
use crate::error::{Error, failure, integrity};

/// The work factor a passphrase root's entry records.
pub fn work_factor(entry: &RootEntry) -> u8 {
    entry
        .params
        .get("work_factor")
        .and_then(|v| v.as_integer())
        .and_then(|v| u8::try_from(v).ok())
        .filter(|v| (MIN_WORK_FACTOR..=MAX_WORK_FACTOR).contains(v))
        .unwrap_or(DEFAULT_WORK_FACTOR)
}

/// Builds the root an entry describes. `passphrase` serves passphrase roots, opened up to
/// `max_work_factor`. `None` for a
/// kind this build does not know.
pub fn build(
    paths: &RootPaths,
    entry: &RootEntry,
    passphrase: Option<&SecretString>,
    max_work_factor: u8,
) -> Option<Box<dyn Root>> {
    match entry.kind.as_str() {
        passphrase::KIND => {
            let p = passphrase?;
            let origin = entry
                .file
                .as_deref()
                .map(|f| paths.resolve(f).display().to_string())
                .unwrap_or_default();
            Some(Box::new(
                PassphraseRoot::new(&entry.name, &origin, p.clone(), work_factor(entry))
                    .with_max_work_factor(max_work_factor),
            ))
        }
        kind if external::is_external(kind) => {
            external::ExternalKeyringRoot::from_entry(entry, None).map(|r| Box::new(r) as _)
        }
        _ => None,
    }
}

/// The wrapped identity an entry points at: its own file, or the base64 in the roots file.
fn wrapped_bytes(paths: &RootPaths, entry: &RootEntry) -> anyhow::Result<Zeroizing<Vec<u8>>> {
    match (&entry.file, &entry.wrapped) {
        (Some(f), _) => read_root_file(&paths.resolve(f), true),
        (None, Some(b64)) => STANDARD.decode(b64).map(Zeroizing::new).map_err(|_| {
            integrity(format!(
                "the root `{}` in {} is damaged (its wrapped identity is not base64)",
                entry.name,
                paths.roots_file().display()
            ))
        }),
        (None, None) => Err(integrity(format!(
            "the root `{}` in {} holds no wrapped identity",
            entry.name,
            paths.roots_file().display()
        ))),
    }
}

/// Unlocks the keyring identity through `root`, and checks it is this keyring's.
pub fn unlock_with(
    paths: &RootPaths,
    roots: &RootsFile,
    entry: &RootEntry,
    root: &dyn Root,
) -> anyhow::Result<KeyringIdentity> {
    let wrapped = wrapped_bytes(paths, entry)?;
    let id = roots.keyring_id.to_string();
    let plain = root.unwrap(&wrapped, &id).map_err(|e| match e {
        // Kept typed, so that the command line can say where passphrases come from without
        // that advice reaching the audit log.
        RootError::WrongPassphrase(what) => {
            anyhow::Error::new(crate::keyring::Error::WrongRootPassphrase(what))
        }
        e => Error::from(e).into(),
    })?;
    let origin = match &entry.file {
        Some(f) => format!("the root file {}", paths.resolve(f).display()),
        None => format!("the root `{}`", entry.name),
    };
    let identity = KeyringIdentity::parse(&plain, &origin)?;
    if identity.recipient().to_string() != roots.recipient {
        return Err(integrity(format!(
            "{origin} holds the identity of another keyring, not of the one {} names; use \
             this keyring's own root file",
            paths.roots_file().display()
        )));
    }
    Ok(identity)
}

/// Wraps `identity` with `root` and stores it: in the root's own file (created new; `replace`
/// allows replacing a file a crashed conversion or init left) or inline. Returns the entry;
/// the caller adds it to the roots file and saves that.
pub fn store_new(
    paths: &RootPaths,
    roots: &RootsFile,
    root: &dyn Root,
    identity: &KeyringIdentity,
    now: Timestamp,
    replace: bool,
) -> anyhow::Result<RootEntry> {
    if roots.find(root.name()).is_some() {
        return Err(failure(format!(
            "the keyring already has a root named `{}`; choose another --name (see `lkms root list`)",
            root.name()
        )));
    }
    let wrapped = root
        .wrap(&identity.to_file_text(), &roots.keyring_id.to_string())
        .map_err(Error::from)?;
    let mut entry = RootEntry {
        name: root.name().to_string(),
        kind: root.kind().to_string(),
        created: now,
        file: None,
        wrapped: None,
        params: root.describe(),
    };
    if root.own_file() {
        let name = paths.root_file_name(root.name());
        let path = paths.resolve(&name);
        if replace {
            write_atomic(paths.dir(), &path, &wrapped)?;
        } else {
            create_new(paths.dir(), &path, &wrapped)?;
        }
        entry.file = Some(name);
    } else {
        entry.wrapped = Some(STANDARD.encode(&wrapped));
    }
    Ok(entry)
}

/// Wraps `identity` again with `root` (a new passphrase) in place of the entry's old blob,
/// atomically. Returns the entry with its new parameters.
pub fn rewrap(
    paths: &RootPaths,
    roots: &RootsFile,
    entry: &RootEntry,
    root: &dyn Root,
    identity: &KeyringIdentity,
) -> anyhow::Result<RootEntry> {
    let wrapped = root
        .wrap(&identity.to_file_text(), &roots.keyring_id.to_string())
        .map_err(Error::from)?;
    let mut new = entry.clone();
    new.params = root.describe();
    match &entry.file {
        Some(f) => write_atomic(paths.dir(), &paths.resolve(f), &wrapped)?,
        None => new.wrapped = Some(STANDARD.encode(&wrapped)),
    }
    Ok(new)
}
