//! The errors a user must act on, each with the exit code DESIGN.md assigns.
//!
//! Plumbing failures travel as `anyhow::Error`; anything that decides an exit code other than 1
//! is an [`Error`] somewhere in the chain, and [`exit_code`] finds it.

use std::fmt;

/// Exit codes, as documented in the README and DESIGN.md.
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

/// The exit code for an error chain: the first typed [`Error`] in it decides, else 1.
pub fn exit_code(err: &anyhow::Error) -> ExitCode {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<Error>() {
            return e.exit_code();
        }
        if let Some(e) = cause.downcast_ref::<crate::crypto::CryptoError>() {
            return e.exit_code();
        }
        if let Some(e) = cause.downcast_ref::<crate::roots::RootError>() {
            return e.exit_code();
        }
    }
    ExitCode::Failure
}

/// True when the error is a closed pipe on output: `lkms ... | head` is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// An I/O error in words, without the Rust `Debug` detail some crates attach (tempfile adds
/// `at path "..."` naming its temporary file): the OS's message alone.
pub fn plain_io(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code)
            .to_string()
            .split(" (os error")
            .next()
            .unwrap_or_default()
            .to_string(),
        None => e.kind().to_string(),
    }
}
