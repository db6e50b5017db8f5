//! Cryptography: key material, the envelope and chunked formats, signing, MACs and PEM.
//!
//! This module knows nothing of files, the command line or the keyring: it works on byte
//! slices, readers and writers, and takes its randomness from a [`random::Rng`] so that test
//! vectors can fix it. All primitives come from ring, and age's from the age crate.

pub mod aead;
pub mod age_file;
mod batch_buffer;
mod chunk_stages;
pub mod chunked;
pub mod envelope;
pub mod external;
mod header;
pub mod mac;
pub mod material;
pub mod pem;
mod pipeline;
pub mod random;
pub mod secret;
pub mod signing;
pub mod x25519;

mod error;
#[cfg(test)]
mod test_support;
pub use error::CryptoError;
