//! Converting a format 1 keyring (an age scrypt file) to format 2 (encrypted to a keyring
//! identity held by a passphrase root), on the first write.
//!
//! The root file and the roots file are written first; the format 1 keyring stays in place and
//! keeps opening with its passphrase until the new keyring, read back and checked, is renamed
//! over it. A crash before that rename leaves the old keyring working (the next conversion
//! replaces the stray roots); after it, the new one. No copy of the old file is kept: it would
//! bring back keys destroyed since.

use jiff::Timestamp;
use secrecy::SecretString;
use uuid::Uuid;

use super::identity::KeyringIdentity;
use super::model::Keyring;
use super::root::{RootPaths, RootsFile};
use super::roots::{self, PassphraseRoot};
use super::store::{PreparedWrite, Store, WriteLock};

/// The name of the root that `init` makes and a conversion gives the old passphrase.
pub const DEFAULT_ROOT: &str = "default";

pub struct Converted {
    pub identity: KeyringIdentity,
    pub roots: RootsFile,
    /// The new keyring, written and verified, not yet renamed over the old one.
    pub prepared: PreparedWrite,
    pub root_file: std::path::PathBuf,
}

/// Prepares the conversion of `keyring` (read under `lock` with `passphrase`).
pub fn convert(
    store: &Store,
    lock: &WriteLock,
    keyring: &mut Keyring,
    passphrase: &SecretString,
    now: Timestamp,
) -> anyhow::Result<Converted> {
    let identity = KeyringIdentity::generate();
    let id = Uuid::new_v4();
    keyring.keyring_id = Some(id);
    let paths = RootPaths::of(store.path());
    paths.check_not_shared(store.path())?;
    let mut roots_file = RootsFile::new(id, identity.recipient().to_string());
    let (entry, root_file) = write_default_root(
        &paths,
        &mut roots_file,
        &identity,
        passphrase,
        keyring.work_factor,
        now,
    )?;
    // Verified before anything replaces the old keyring: the root file opens with the
    // passphrase and gives back this identity.
    let root = PassphraseRoot::new(
        &entry,
        &root_file.display().to_string(),
        passphrase.clone(),
        keyring.work_factor,
    );
    let entry = roots_file.find(&entry).expect("just added").clone();
    roots::unlock_with(&paths, &roots_file, &entry, &root)?;
    let prepared = store.prepare(lock, keyring, &identity)?;
    Ok(Converted {
        identity,
        roots: roots_file,
        prepared,
        root_file,
    })
}

/// Writes the passphrase root `default` (replacing a stray one a crash left) and the roots
/// file naming it. Returns the root's name and file.
pub fn write_default_root(
    paths: &RootPaths,
    roots_file: &mut RootsFile,
    identity: &KeyringIdentity,
    passphrase: &SecretString,
    work_factor: u8,
    now: Timestamp,
) -> anyhow::Result<(String, std::path::PathBuf)> {
    let file = paths.resolve(&paths.root_file_name(DEFAULT_ROOT));
    let root = PassphraseRoot::new(
        DEFAULT_ROOT,
        &file.display().to_string(),
        passphrase.clone(),
        work_factor,
    );
    let entry = roots::store_new(paths, roots_file, &root, identity, now, true)?;
    roots_file.roots.push(entry);
    roots_file.save(paths)?;
    Ok((DEFAULT_ROOT.to_string(), file))
}
