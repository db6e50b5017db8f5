//! Errors from the crypto layer, each mapped to an exit code of docs/DESIGN.md.

use crate::error::ExitCode;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// Ciphertext, signature or MAC failed verification: tampered, truncated, extended, or made
    /// under another key or context. The message names the cause.
    #[error("{0}")]
    Integrity(String),
    /// The input is not something this version of lkms can read (unknown format version).
    #[error("{0}")]
    Unsupported(String),
    /// Reading or writing the stream failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl CryptoError {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CryptoError::Integrity(_) => ExitCode::Integrity,
            CryptoError::Unsupported(_) | CryptoError::Io(_) => ExitCode::Failure,
        }
    }
}
