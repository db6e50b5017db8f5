//! What can go wrong in the keyring layer, as facts with their data. The exit code and the
//! next step a user should take are decided in `crate::error`, not here: this layer names no
//! command-line flags.

use std::path::PathBuf;

use jiff::Timestamp;
use uuid::Uuid;

use super::KeyState;
use crate::crypto::material::{KeySpec, KeyUsage};

use crate::text::clean;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no keyring at {}", .0.display())]
    NoKeyring(PathBuf),
    #[error("a keyring already exists at {}; nothing was changed", .0.display())]
    AlreadyExists(PathBuf),
    #[error("wrong passphrase for the keyring {}", .0.display())]
    WrongPassphrase(PathBuf),
    /// A passphrase root that the passphrase given does not open (the root, as its kind names
    /// it). The command line adds where passphrases come from; the audit log keeps only this.
    #[error("wrong passphrase for {0}")]
    WrongRootPassphrase(String),
    #[error("the keyring {} is damaged or is not an lkms keyring ({detail})", .path.display())]
    Damaged { path: PathBuf, detail: String },
    /// The keyring decrypted, but what it holds is not a keyring lkms would write: `detail`
    /// completes "the keyring content ...".
    #[error("the keyring content {detail}")]
    DamagedContent { detail: String },
    /// Written by a newer lkms: refused rather than misread.
    #[error(
        "this keyring has format version {found}, but this lkms reads up to version {supported}"
    )]
    NewerFormat { found: u32, supported: u32 },
    /// A change would leave a keyring the next read refuses, locking the user out of every key.
    #[error("refusing to save a keyring that would not open again ({why}); nothing was changed")]
    WouldNotOpen { why: String },
    /// The new keyring could not be written beside the old one, which is untouched.
    #[error("cannot write the keyring in {}: {detail}", .dir.display())]
    CannotWrite { dir: PathBuf, detail: String },
    /// The writers' lock file could not be opened.
    #[error("cannot open the lock file {}: {why}", .path.display())]
    CannotLock { path: PathBuf, why: String },
    /// The file asks for more scrypt work than the cap allows; refused before anything is
    /// derived. Above the highest factor lkms writes, it is not ours, or damaged.
    #[error(
        "the keyring {} asks for scrypt work factor {required}, above the limit of {limit}; \
         nothing was derived",
        .path.display()
    )]
    ExcessiveWork {
        path: PathBuf,
        required: u8,
        limit: u8,
    },
    /// A work factor asked for (init, passwd) above the cap: the keyring would not open again.
    #[error(
        "work factor {requested} is above the limit of {limit} that lkms opens keyrings at, so \
         the keyring could not be opened again; nothing was written"
    )]
    WorkFactorAboveCap { requested: u8, limit: u8 },
    #[error("no key `{}` in the keyring", clean(.0))]
    UnknownKey(String),
    #[error("no alias `{}` in the keyring", clean(.0))]
    UnknownAlias(String),
    #[error("alias `{alias}` already names key {owner}")]
    AliasTaken { alias: String, owner: Uuid },
    #[error("invalid alias `{}`: use 1 to 256 characters of A-Z a-z 0-9 / _ -", clean(.0))]
    InvalidAlias(String),
    #[error("an alias cannot look like a key id")]
    AliasLooksLikeId,
    /// The key's state does not allow `operation` ("rotate", "sign with", ...).
    #[error("cannot {operation} key {key}: it is {state}")]
    WrongState {
        operation: String,
        key: String,
        state: KeyState,
        deletion_date: Option<Timestamp>,
    },
    #[error(
        "cannot cancel deletion of key {key}: it is {state}, not PendingDeletion, so there is \
         nothing to cancel"
    )]
    NothingToCancel { key: String, state: KeyState },
    #[error("key {0} has reached the last version number and cannot rotate again")]
    LastVersion(String),
    #[error(
        "key {key} is an {spec} signing key, and signing keys do not rotate (their public keys \
         have been handed out)"
    )]
    SigningKeyRotation { key: String, spec: KeySpec },
    #[error("cannot {operation} key {key}: it is an {spec} key for {}, not for {usage}", .spec.usage())]
    WrongUsage {
        operation: String,
        key: String,
        spec: KeySpec,
        usage: KeyUsage,
    },
    /// A key policy refused the operation; `rule` says which rule, in words.
    #[error("policy of {key}: {rule}")]
    PolicyRefused { key: String, rule: String },
    #[error("version {version} of key {key} is disabled")]
    VersionDisabled { key: String, version: u32 },
    #[error(
        "cannot disable version {version} of key {key}: it is the current version, which new \
         data is encrypted under"
    )]
    DisableCurrentVersion { key: String, version: u32 },
    #[error("key {key} has no version {version} (its versions are 1 to {last})")]
    UnknownVersion {
        key: String,
        version: u32,
        last: u32,
    },
    /// The identity its roots gave back is not a recipient of the keyring file.
    #[error(
        "the keyring {} does not open with the identity its roots hold: the roots file {} \
         belongs to another keyring, or the keyring was replaced",
        .keyring.display(),
        .roots_file.display()
    )]
    ForeignIdentity {
        keyring: PathBuf,
        roots_file: PathBuf,
    },
    /// A grant made for an age recipient, and an identity file of another recipient.
    #[error(
        "the identity file {} (recipient {recipient}) does not open the grant {}: the grant was \
         made for another recipient",
        .file.display(),
        .grant.display()
    )]
    NotTheGrantee {
        file: PathBuf,
        recipient: String,
        grant: PathBuf,
    },
    #[error("this is a grant: lifecycle changes happen in the keyring that issued it")]
    IsAGrant,
    #[error("cannot grant: {0}")]
    GrantRefused(String),
    #[error("the grant {id} fails its signature: {why}")]
    GrantSignature { id: Uuid, why: String },
    #[error("the grant {id} expired on {expires}")]
    GrantExpired { id: Uuid, expires: Timestamp },
    #[error("no grant {0} was issued by this keyring")]
    UnknownGrant(String),
    #[error("the deletion waiting period must be {min} to {max} days, not {days}")]
    DeletionWindow { days: u32, min: u32, max: u32 },
    #[error("the rotation period must be {min} to {max} days, not {days}")]
    RotationPeriod { days: u32, min: u32, max: u32 },
}
