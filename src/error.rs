//! The errors a user must act on, each with the exit code docs/DESIGN.md assigns.
//!
//! Plumbing failures travel as `anyhow::Error`; anything that decides an exit code other than 1
//! is an [`Error`] somewhere in the chain, and [`exit_code`] finds it.

use std::fmt;

use crate::audit;
use crate::crypto::CryptoError;
use crate::keyring::store::MAX_WORK_FACTOR;
use crate::keyring::{self, KeyState};
use crate::roots::RootError;

/// Exit codes, as documented in the README and docs/DESIGN.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    Success = 0,
    Failure = 1,
    Usage = 2,
    Auth = 3,
    KeyUnusable = 4,
    Integrity = 5,
    NotFound = 6,
}

impl ExitCode {
    /// Every code, in order, for the help text and the man pages.
    pub const ALL: [ExitCode; 7] = [
        ExitCode::Success,
        ExitCode::Failure,
        ExitCode::Usage,
        ExitCode::Auth,
        ExitCode::KeyUnusable,
        ExitCode::Integrity,
        ExitCode::NotFound,
    ];

    /// The code's name in the `--json` error object (`{"error": {"code", "kind", "message"}}`),
    /// as docs/DESIGN.md lists them.
    pub fn kind(self) -> &'static str {
        match self {
            ExitCode::Success => "success",
            ExitCode::Failure => "failure",
            ExitCode::Usage => "usage",
            ExitCode::Auth => "auth",
            ExitCode::KeyUnusable => "key_unusable",
            ExitCode::Integrity => "integrity",
            ExitCode::NotFound => "not_found",
        }
    }

    /// What the code means, as the help text and the man pages say it.
    pub fn meaning(self) -> &'static str {
        match self {
            ExitCode::Success => "success",
            ExitCode::Failure => "any other failure (I/O, a bug)",
            ExitCode::Usage => "usage: bad arguments",
            ExitCode::Auth => {
                "authentication: wrong passphrase or identity file, or none available \
                 without a terminal; an unlock agent not running or not answering"
            }
            ExitCode::KeyUnusable => {
                "key not usable: wrong state, wrong usage for the operation, refused by policy"
            }
            ExitCode::Integrity => {
                "integrity: ciphertext, signature or MAC invalid; wrong encryption context; \
                 audit log broken, cut or replaced, or older than the keyring"
            }
            ExitCode::NotFound => "not found: unknown key or alias, no keyring, missing input",
        }
    }
}

/// A failure with a documented exit code. The message says what happened and what to do next.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad arguments detected after parsing (cross-flag checks, values clap cannot check).
    #[error("{0}")]
    Usage(String),
    /// Wrong passphrase, or none available.
    #[error("{0}")]
    Auth(String),
    /// The key exists but may not be used for this: wrong state, wrong usage, refused.
    #[error("{0}")]
    KeyUnusable(String),
    /// Ciphertext, signature, MAC or audit chain failed verification.
    #[error("{0}")]
    Integrity(String),
    /// Unknown key or alias, no keyring, missing input.
    #[error("{0}")]
    NotFound(String),
    /// Anything else the user must act on (existing file, refused overwrite, I/O with a hint).
    #[error("{0}")]
    Failure(String),
}

impl Error {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_) => ExitCode::Usage,
            Error::Auth(_) => ExitCode::Auth,
            Error::KeyUnusable(_) => ExitCode::KeyUnusable,
            Error::Integrity(_) => ExitCode::Integrity,
            Error::NotFound(_) => ExitCode::NotFound,
            Error::Failure(_) => ExitCode::Failure,
        }
    }
}

/// Some of many inputs failed. The report (files written, the `--json` results object) is
/// printed all the same, then each failure's message, then the summary; the exit code is the
/// worst of the failures'.
#[derive(thiserror::Error)]
#[error("{summary}")]
pub struct BatchFailed {
    pub report: crate::output::Report,
    pub messages: Vec<String>,
    pub summary: String,
    pub code: ExitCode,
    /// The line of a file the failure is about (`audit verify`'s first bad line), for `--json`.
    pub line: Option<u64>,
    /// Some failure found the audit log itself damaged (see [`log_found_damaged`]).
    pub log_damaged: bool,
}

impl fmt::Debug for BatchFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BatchFailed")
            .field("summary", &self.summary)
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

/// Shorthands so call sites read as sentences: `Err(not_found(format!(...)))`.
pub fn usage(msg: impl fmt::Display) -> anyhow::Error {
    Error::Usage(msg.to_string()).into()
}
pub fn auth(msg: impl fmt::Display) -> anyhow::Error {
    Error::Auth(msg.to_string()).into()
}
pub fn unusable(msg: impl fmt::Display) -> anyhow::Error {
    Error::KeyUnusable(msg.to_string()).into()
}
pub fn integrity(msg: impl fmt::Display) -> anyhow::Error {
    Error::Integrity(msg.to_string()).into()
}
pub fn not_found(msg: impl fmt::Display) -> anyhow::Error {
    Error::NotFound(msg.to_string()).into()
}
pub fn failure(msg: impl fmt::Display) -> anyhow::Error {
    Error::Failure(msg.to_string()).into()
}

/// An error with `msg` that exits with `code` (the inverse of [`Error::exit_code`]), for a
/// message kept as text whose code must survive: success and 1 both give a failure.
pub fn with_code(code: ExitCode, msg: impl fmt::Display) -> anyhow::Error {
    let msg = msg.to_string();
    match code {
        ExitCode::Usage => Error::Usage(msg),
        ExitCode::Auth => Error::Auth(msg),
        ExitCode::KeyUnusable => Error::KeyUnusable(msg),
        ExitCode::Integrity => Error::Integrity(msg),
        ExitCode::NotFound => Error::NotFound(msg),
        ExitCode::Success | ExitCode::Failure => Error::Failure(msg),
    }
    .into()
}

/// The exit code for an error chain: the first typed error in it decides, else 1. The layers'
/// errors get their codes here, in one place.
pub fn exit_code(err: &anyhow::Error) -> ExitCode {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<Error>() {
            return e.exit_code();
        }
        if let Some(b) = cause.downcast_ref::<BatchFailed>() {
            return b.code;
        }
        if let Some(e) = cause.downcast_ref::<CryptoError>() {
            return match e {
                CryptoError::Integrity(_) | CryptoError::NotCiphertext => ExitCode::Integrity,
                CryptoError::WrongMaterial(_) => ExitCode::Usage,
                CryptoError::Unsupported(_) | CryptoError::Io(_) => ExitCode::Failure,
            };
        }
        if let Some(e) = cause.downcast_ref::<keyring::Error>() {
            return keyring_exit_code(e);
        }
        if let Some(e) = cause.downcast_ref::<RootError>() {
            return root_exit_code(e);
        }
        if let Some(e) = cause.downcast_ref::<audit::Error>() {
            return match e {
                audit::Error::NoLog(_) => ExitCode::NotFound,
                audit::Error::Broken { .. }
                | audit::Error::NotARecord { .. }
                | audit::Error::LogCut { .. }
                | audit::Error::KeyringRolledBack { .. }
                | audit::Error::NotIntact { .. } => ExitCode::Integrity,
                // Appending refused to chain to a tail it cannot read; nothing was verified.
                audit::Error::LongLastLine { .. }
                | audit::Error::LongTornTail { .. }
                | audit::Error::LastLineNotARecord { .. } => ExitCode::Failure,
            };
        }
    }
    ExitCode::Failure
}

/// Whether the error says the audit log itself cannot be trusted (broken, cut, replaced, or
/// older than the keyring): a checkpoint must not sign over such a log.
pub fn log_found_damaged(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        if let Some(b) = cause.downcast_ref::<BatchFailed>() {
            return b.log_damaged;
        }
        matches!(
            cause.downcast_ref::<audit::Error>(),
            Some(
                audit::Error::Broken { .. }
                    | audit::Error::NotARecord { .. }
                    | audit::Error::LogCut { .. }
                    | audit::Error::KeyringRolledBack { .. }
                    | audit::Error::NotIntact { .. }
            )
        )
    })
}

/// The exit code of an external root's error class (the messages carry their next steps).
pub fn root_exit_code(e: &RootError) -> ExitCode {
    match e {
        RootError::Unreachable { .. } | RootError::Failure(_) => ExitCode::Failure,
        RootError::Denied(_) => ExitCode::Auth,
        RootError::KeyUnavailable(_) => ExitCode::KeyUnusable,
        RootError::Mismatch(_) => ExitCode::Integrity,
    }
}

fn keyring_exit_code(e: &keyring::Error) -> ExitCode {
    use keyring::Error as K;
    match e {
        K::NoKeyring(_) | K::UnknownKey(_) | K::UnknownAlias(_) => ExitCode::NotFound,
        K::WrongPassphrase(_) | K::WrongRootPassphrase(_) | K::NotTheGrantee { .. } => {
            ExitCode::Auth
        }
        K::ForeignIdentity { .. } => ExitCode::Integrity,
        K::Damaged { .. } | K::DamagedContent { .. } => ExitCode::Integrity,
        K::NewerFormat { .. }
        | K::WouldNotOpen { .. }
        | K::CannotWrite { .. }
        | K::CannotLock { .. } => ExitCode::Failure,
        K::InvalidAlias(_) | K::AliasLooksLikeId => ExitCode::Usage,
        K::ExcessiveWork { .. } => ExitCode::Integrity,
        K::WorkFactorAboveCap { .. } => ExitCode::Usage,
        K::AlreadyExists(_) | K::AliasTaken { .. } => ExitCode::Failure,
        K::WrongState { .. }
        | K::NothingToCancel { .. }
        | K::LastVersion(_)
        | K::SigningKeyRotation { .. }
        | K::WrongUsage { .. }
        | K::PolicyRefused { .. }
        | K::VersionDisabled { .. }
        | K::DisableCurrentVersion { .. } => ExitCode::KeyUnusable,
        K::UnknownVersion { .. } | K::UnknownGrant(_) => ExitCode::NotFound,
        K::IsAGrant | K::GrantRefused(_) | K::GrantExpired { .. } => ExitCode::KeyUnusable,
        K::GrantSignature { .. } => ExitCode::Integrity,
        K::DeletionWindow { .. } | K::RotationPeriod { .. } => ExitCode::Usage,
    }
}

/// The next step for a keyring error, as the command line words it (with its separator).
fn keyring_remedy(e: &keyring::Error) -> Option<String> {
    use keyring::Error as K;
    Some(match e {
        K::NoKeyring(_) => format!(
            "; run `lkms init` to create one, or point --keyring / {} at yours",
            crate::env::KEYRING
        ),
        K::AlreadyExists(_) => " (use `lkms passwd` to change its passphrase)".into(),
        K::WrongPassphrase(_) | K::WrongRootPassphrase(_) => format!(
            "; check {}, --passphrase-file or what you typed",
            crate::env::PASSPHRASE
        ),
        K::Damaged { .. } => "; restore it from a backup".into(),
        K::NewerFormat { .. } => "; upgrade lkms to open it (nothing was changed)".into(),
        K::ExcessiveWork { required, .. } if *required > MAX_WORK_FACTOR => {
            format!(
                ": lkms never writes more than {MAX_WORK_FACTOR}, so it was not written by lkms, or it is damaged; restore it from a backup"
            )
        }
        K::ExcessiveWork { required, .. } => format!(
            ". If you made it with that factor on purpose, allow it with --max-work-factor \
             {required} (or {}={required}, or max_work_factor in the config file); otherwise \
             it is not yours: restore it from a backup",
            crate::env::MAX_WORK_FACTOR
        ),
        K::WorkFactorAboveCap { requested, .. } => format!(
            "; to use it, raise the limit for every command with --max-work-factor \
             {requested}, {}={requested} or max_work_factor = {requested} in the config file",
            crate::env::MAX_WORK_FACTOR
        ),
        K::UnknownKey(_) => "; `lkms list` shows the keys and their aliases".into(),
        K::AliasTaken { alias, .. } => {
            format!("; remove it first with `lkms alias remove {alias}`")
        }
        K::WrongState {
            state,
            deletion_date,
            ..
        } => match (state, deletion_date) {
            (KeyState::PendingDeletion, Some(d)) => format!(
                " (deletion on {}; `lkms cancel-delete` keeps it)",
                d.strftime("%Y-%m-%dT%H:%M:%SZ")
            ),
            (KeyState::Disabled, _) => " (run `lkms enable` to use it again)".into(),
            (KeyState::Destroyed, _) => " (its material is erased for good)".into(),
            _ => return None,
        },
        K::NothingToCancel { .. } => " (`lkms describe` shows its state)".into(),
        K::LastVersion(_) => "; create a new key".into(),
        K::SigningKeyRotation { .. } => "; create a new key instead".into(),
        K::PolicyRefused { key, .. } => format!(" (`lkms policy get {key}` shows the policy)"),
        K::VersionDisabled { key, version } => {
            format!(" (`lkms version enable {key} {version}` brings it back)")
        }
        K::DisableCurrentVersion { key, .. } => {
            format!("; rotate first (`lkms rotate {key}`), then disable the old version")
        }
        K::UnknownVersion { key, .. } => format!("; `lkms describe {key}` lists its versions"),
        K::ForeignIdentity { .. } => "; restore the matching pair from a backup".into(),
        K::NotTheGrantee { .. } => format!(
            "; pass the identity file of the grant's recipient with --identity or {} (the \
             issuing keyring's `lkms grant list` names it as the grantee)",
            crate::env::IDENTITY_FILE
        ),
        K::IsAGrant => " (run the command against the issuing keyring)".into(),
        K::GrantExpired { .. } => "; ask the keyring's owner for a new grant".into(),
        K::GrantSignature { .. } => "; ask the keyring's owner for the grant file again".into(),
        K::UnknownGrant(_) => "; `lkms grant list` shows them".into(),
        K::GrantRefused(_) => return None,
        K::UnknownAlias(_)
        | K::DamagedContent { .. }
        | K::WouldNotOpen { .. }
        | K::CannotWrite { .. }
        | K::CannotLock { .. }
        | K::InvalidAlias(_)
        | K::AliasLooksLikeId
        | K::WrongUsage { .. }
        | K::DeletionWindow { .. }
        | K::RotationPeriod { .. } => return None,
    })
}

/// An error as the user reads it and the audit log records it: the chain of causes, then the
/// next step, when the error that decided it has one.
pub fn render(err: &anyhow::Error) -> String {
    let mut text = format!("{err:#}");
    let remedy = err.chain().find_map(|c| {
        if let Some(e) = c.downcast_ref::<keyring::Error>() {
            return keyring_remedy(e);
        }
        if let Some(CryptoError::NotCiphertext) = c.downcast_ref::<CryptoError>() {
            return Some(" (check that this is the file `lkms encrypt` wrote)".into());
        }
        match c.downcast_ref::<audit::Error>()? {
            audit::Error::NoLog(_) => {
                Some("; it is created by the first command that uses the keyring".into())
            }
            audit::Error::NotARecord { .. }
            | audit::Error::LongLastLine { .. }
            | audit::Error::LongTornTail { .. }
            | audit::Error::LastLineNotARecord { .. } => Some("; run `lkms audit verify`".into()),
            audit::Error::Broken { .. } | audit::Error::NotIntact { .. } => None,
            audit::Error::LogCut { .. } | audit::Error::KeyringRolledBack { .. } => Some(
                "; every command refuses until this is resolved. Run `lkms audit verify` for \
                 detail and compare the log with a checkpoint kept elsewhere (`lkms audit \
                 checkpoint`); if an older copy was put back, put the newer file back, or \
                 restore the newest backup with `lkms restore FILE`"
                    .into(),
            ),
        }
    });
    if let Some(remedy) = remedy {
        text.push_str(&remedy);
    }
    text
}

/// The object a failure prints on standard output under `--json`, beside the message on
/// standard error: `{"error": {"code": N, "kind": "...", "message": "..."}}`, with `line` when
/// the failure is about one line of a file (the audit log's).
pub fn json_error(code: ExitCode, message: &str, line: Option<u64>) -> serde_json::Value {
    let mut error = serde_json::json!({
        "code": code as i32,
        "kind": code.kind(),
        "message": message,
    });
    if let Some(line) = line {
        error["line"] = line.into();
    }
    serde_json::json!({ "error": error })
}

/// The line of a file an error chain is about, if one is named.
pub fn error_line(err: &anyhow::Error) -> Option<u64> {
    err.chain()
        .find_map(|c| match c.downcast_ref::<audit::Error>()? {
            audit::Error::Broken { line, .. } | audit::Error::NotARecord { line, .. } => {
                Some(*line)
            }
            _ => None,
        })
}

/// True when the error is a closed pipe on output: `lkms ... | head` is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// What a file is to lkms, named in every I/O error about it: "cannot write the output x"
/// tells which of the many paths a command touches is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Output,
    Input,
    AuditLog,
    Keyring,
    RootFile,
    RecipientsFile,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Output => "output",
            Role::Input => "input",
            Role::AuditLog => "audit log",
            Role::Keyring => "keyring",
            Role::RootFile => "root file",
            Role::RecipientsFile => "recipients file",
        }
    }
}

/// What was being done to the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    Read,
    Write,
    /// Creating the directory the file goes in.
    CreateDir,
}

/// The one way an I/O error on a named file becomes a message: the action, the file's role
/// and its path, then the cause in words. A missing directory is named as such (the OS says
/// only "no such file"). Reading a file that does not exist exits 6; the rest exit 1.
pub fn io_error(
    action: IoAction,
    role: Role,
    path: &std::path::Path,
    e: &std::io::Error,
) -> anyhow::Error {
    let shown = path.display();
    let role = role.name();
    let missing = e.kind() == std::io::ErrorKind::NotFound;
    match action {
        IoAction::Read if missing => {
            not_found(format!("cannot read the {role} {shown}: no such file"))
        }
        IoAction::Read => failure(format!("cannot read the {role} {shown}: {}", plain_io(e))),
        IoAction::Write => {
            let parent = path.parent().filter(|d| !d.as_os_str().is_empty());
            let why = match parent {
                Some(dir) if missing && !dir.is_dir() => {
                    format!("the directory {} does not exist", dir.display())
                }
                _ => plain_io(e),
            };
            failure(format!("cannot write the {role} {shown}: {why}"))
        }
        IoAction::CreateDir => failure(format!(
            "cannot create the directory {shown} for the {role}: {}",
            plain_io(e)
        )),
    }
}

/// An I/O error in words, without the Rust `Debug` detail some crates attach (tempfile adds
/// `at path "..."` naming its temporary file): the OS's message alone.
pub fn plain_io(e: &std::io::Error) -> String {
    // tempfile's errors keep only the kind of the OS error: give the common ones the OS's
    // words rather than Rust's ("entity not found").
    let code = e.raw_os_error().or(match e.kind() {
        std::io::ErrorKind::NotFound => Some(libc::ENOENT),
        std::io::ErrorKind::PermissionDenied => Some(libc::EACCES),
        std::io::ErrorKind::NotADirectory => Some(libc::ENOTDIR),
        std::io::ErrorKind::ReadOnlyFilesystem => Some(libc::EROFS),
        std::io::ErrorKind::StorageFull => Some(libc::ENOSPC),
        _ => None,
    });
    match code {
        Some(code) => std::io::Error::from_raw_os_error(code)
            .to_string()
            .split(" (os error")
            .next()
            .unwrap_or_default()
            .to_string(),
        None => e.kind().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_code_gives_back_the_code_it_was_given() {
        for code in ExitCode::ALL {
            let want = if code == ExitCode::Success {
                ExitCode::Failure
            } else {
                code
            };
            assert_eq!(exit_code(&with_code(code, "x")), want);
        }
    }

    #[test]
    fn each_layer_error_has_its_exit_code() {
        let code = |e: anyhow::Error| exit_code(&e);
        assert_eq!(
            code(CryptoError::Integrity("x".into()).into()),
            ExitCode::Integrity
        );
        assert_eq!(
            code(CryptoError::Unsupported("x".into()).into()),
            ExitCode::Failure
        );
        let io = std::io::Error::other("x");
        assert_eq!(code(CryptoError::Io(io).into()), ExitCode::Failure);
        let path = std::path::PathBuf::from("k");
        assert_eq!(
            code(keyring::Error::NoKeyring(path.clone()).into()),
            ExitCode::NotFound
        );
        assert_eq!(
            code(keyring::Error::WrongPassphrase(path).into()),
            ExitCode::Auth
        );
        assert_eq!(
            code(keyring::Error::AliasLooksLikeId.into()),
            ExitCode::Usage
        );
        let wrapped = anyhow::Error::from(keyring::Error::UnknownKey("k".into())).context("f");
        assert_eq!(code(wrapped), ExitCode::NotFound);
    }

    #[test]
    fn library_errors_get_their_remedies_here() {
        let newer = anyhow::Error::from(keyring::Error::NewerFormat {
            found: 7,
            supported: 1,
        })
        .context("keyring k");
        assert_eq!(
            render(&newer),
            "keyring k: this keyring has format version 7, but this lkms reads up to version 1; \
             upgrade lkms to open it (nothing was changed)"
        );
        assert_eq!(exit_code(&newer), ExitCode::Failure);
        let tail = anyhow::Error::from(audit::Error::LongTornTail { limit: 9 }).context("log");
        assert_eq!(
            render(&tail),
            "log: it ends with more than 9 bytes that are not a line; run `lkms audit verify`"
        );
        assert_eq!(exit_code(&tail), ExitCode::Failure);
        let junk = anyhow::Error::from(CryptoError::NotCiphertext).context("junk.lkms");
        assert_eq!(
            render(&junk),
            "junk.lkms: not an lkms ciphertext: it does not start with \"LKMS\" (check that \
             this is the file `lkms encrypt` wrote)"
        );
        assert_eq!(exit_code(&junk), ExitCode::Integrity);
    }

    #[test]
    fn the_remedy_follows_the_whole_chain() {
        let e = anyhow::Error::from(keyring::Error::UnknownKey("k".into())).context("f.txt");
        assert_eq!(
            render(&e),
            "f.txt: no key `k` in the keyring; `lkms list` shows the keys and their aliases"
        );
    }
}
