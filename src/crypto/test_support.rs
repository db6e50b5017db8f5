//! Fixtures shared by the crypto unit tests.

use super::CryptoError;
use super::random::Rng;

/// Randomness that is all zeros, so outputs are fixed.
pub struct Zeros;

impl Rng for Zeros {
    fn fill(&self, dest: &mut [u8]) -> Result<(), CryptoError> {
        dest.fill(0);
        Ok(())
    }
}

/// Bytes from hex, for known-answer vectors written as in their RFCs.
pub fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}
