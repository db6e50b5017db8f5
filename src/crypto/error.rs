//! Errors from the crypto layer. Their exit codes (docs/DESIGN.md) are decided in
//! `crate::error`: this layer knows nothing of the command line.

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
