//! What the envelope fuzz targets and their seed generator share: the fixed key, context and
//! randomness under which the seeds were made, so that mutations of a seed reach past the key
//! commitment into the chunks.

use lkms::crypto::CryptoError;
use lkms::crypto::random::Rng;
use lkms::crypto::secret::SecretBytes;

/// The input key of every `chunk_reader` seed (and of its round trip): the bytes 0x00..0x1f.
pub fn chunk_key() -> SecretBytes {
    SecretBytes::new((0..32).collect())
}

/// The chunked-encryption context of every `chunk_reader` seed: the body context lkms would
/// use for `{"app": "fuzz"}` under AES-256-GCM (the target uses it with both algorithms).
pub const CHUNK_CONTEXT: &[u8] = b"LKMS\x01\x01\x00\x01\x00\x03app\x00\x04fuzz";

/// The key material the seed headers are wrapped with: the bytes 0x20..0x3f.
pub fn wrapping_material() -> SecretBytes {
    SecretBytes::new((0x20..0x40).collect())
}

/// Randomness that counts up from a start byte: fixed, so seeds are reproducible.
pub struct Counting(pub std::cell::Cell<u8>);

impl Counting {
    pub fn from(start: u8) -> Counting {
        Counting(std::cell::Cell::new(start))
    }
}

impl Rng for Counting {
    fn fill(&self, dest: &mut [u8]) -> Result<(), CryptoError> {
        for b in dest {
            *b = self.0.get();
            self.0.set(self.0.get().wrapping_add(1));
        }
        Ok(())
    }
}
