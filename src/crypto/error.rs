//! Errors from the crypto layer. Their exit codes (docs/DESIGN.md) are decided in
//! `crate::error`: this layer knows nothing of the command line.

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// Ciphertext, signature or MAC failed verification: tampered, truncated, extended, or made
    /// under another key or context. The message names the cause.
    #[error("{0}")]
    Integrity(String),
    /// The input does not start with the format's magic: not an lkms ciphertext at all (the
    /// wrong file, rather than a damaged one).
    #[error("not an lkms ciphertext: it does not start with \"LKMS\"")]
    NotCiphertext,
    /// The input is not something this version of lkms can read (unknown format version).
    #[error("{0}")]
    Unsupported(String),
    /// Reading or writing the stream failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}
