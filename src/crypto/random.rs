//! Randomness, injectable so that test vectors can fix it.

use ring::rand::{SecureRandom, SystemRandom};

/// A source of random bytes. Production code uses [`SystemRng`]; tests may supply fixed bytes.
pub trait Rng {
    fn fill(&self, dest: &mut [u8]) -> Result<(), super::CryptoError>;
}

/// The operating system's CSPRNG through ring.
pub struct SystemRng(SystemRandom);

impl SystemRng {
    pub fn new() -> Self {
        SystemRng(SystemRandom::new())
    }
}

impl Default for SystemRng {
    fn default() -> Self {
        SystemRng::new()
    }
}

impl Rng for SystemRng {
    fn fill(&self, dest: &mut [u8]) -> Result<(), super::CryptoError> {
        self.0.fill(dest).map_err(|_| {
            super::CryptoError::Io(std::io::Error::other(
                "the system random number generator failed",
            ))
        })
    }
}
