//! The two AEADs that encrypt keys use, with the one-byte ids the ciphertext format stores.

use std::fmt;

use ring::aead;

use super::material::KeySpec;

/// An AEAD usable for the ciphertext body and for wrapping data keys.
///
/// Both take a 32-byte key and a 12-byte nonce and produce a 16-byte tag, which is what lets
/// the envelope format keep fixed-size fields and lets `re-encrypt` move a data key between
/// keys of either spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Algorithm {
    Aes256Gcm,
    ChaCha20Poly1305,
}

impl Algorithm {
    pub const ALL: [Algorithm; 2] = [Algorithm::Aes256Gcm, Algorithm::ChaCha20Poly1305];

    /// Key length in bytes (both algorithms: 32).
    pub const KEY_LEN: usize = 32;
    /// Nonce length in bytes (both algorithms: 12).
    pub const NONCE_LEN: usize = 12;
    /// Tag length in bytes (both algorithms: 16).
    pub const TAG_LEN: usize = 16;

    /// The byte that names this algorithm in a ciphertext header. Never reuse a retired value.
    pub const fn wire_id(self) -> u8 {
        match self {
            Algorithm::Aes256Gcm => 1,
            Algorithm::ChaCha20Poly1305 => 2,
        }
    }

    /// The algorithm a header byte names, if any.
    pub const fn from_wire_id(id: u8) -> Option<Algorithm> {
        match id {
            1 => Some(Algorithm::Aes256Gcm),
            2 => Some(Algorithm::ChaCha20Poly1305),
            _ => None,
        }
    }

    /// The docs/DESIGN.md spec name (`aes-256-gcm`, `chacha20-poly1305`), as `inspect` shows it.
    pub const fn name(self) -> &'static str {
        match self {
            Algorithm::Aes256Gcm => "aes-256-gcm",
            Algorithm::ChaCha20Poly1305 => "chacha20-poly1305",
        }
    }

    /// The name in the IANA "AEAD Algorithms" registry, which C2SP chunked encryption puts
    /// into its key derivation.
    pub const fn iana_name(self) -> &'static str {
        match self {
            Algorithm::Aes256Gcm => "AEAD_AES_256_GCM",
            Algorithm::ChaCha20Poly1305 => "AEAD_CHACHA20_POLY1305",
        }
    }

    /// The AEAD of an encrypt key spec; `None` for MAC and signing specs.
    pub const fn from_spec(spec: KeySpec) -> Option<Algorithm> {
        match spec {
            KeySpec::Aes256Gcm => Some(Algorithm::Aes256Gcm),
            KeySpec::ChaCha20Poly1305 => Some(Algorithm::ChaCha20Poly1305),
            KeySpec::HmacSha256 | KeySpec::Ed25519 | KeySpec::EcdsaP256 | KeySpec::X25519 => None,
        }
    }

    /// The key spec whose keys use this AEAD.
    pub const fn spec(self) -> KeySpec {
        match self {
            Algorithm::Aes256Gcm => KeySpec::Aes256Gcm,
            Algorithm::ChaCha20Poly1305 => KeySpec::ChaCha20Poly1305,
        }
    }

    /// ring's implementation.
    pub fn ring(self) -> &'static aead::Algorithm {
        match self {
            Algorithm::Aes256Gcm => &aead::AES_256_GCM,
            Algorithm::ChaCha20Poly1305 => &aead::CHACHA20_POLY1305,
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_ids_round_trip_and_are_distinct() {
        for alg in Algorithm::ALL {
            assert_eq!(Algorithm::from_wire_id(alg.wire_id()), Some(alg));
            assert_eq!(Algorithm::from_spec(alg.spec()), Some(alg));
            assert_eq!(alg.name(), alg.spec().name());
        }
        assert_eq!(Algorithm::from_wire_id(0), None);
        assert_eq!(Algorithm::from_wire_id(3), None);
        assert_eq!(Algorithm::from_spec(KeySpec::HmacSha256), None);
        assert_eq!(Algorithm::from_spec(KeySpec::Ed25519), None);
    }

    #[test]
    fn sizes_match_ring() {
        for alg in Algorithm::ALL {
            assert_eq!(alg.ring().key_len(), Algorithm::KEY_LEN);
            assert_eq!(alg.ring().nonce_len(), Algorithm::NONCE_LEN);
            assert_eq!(alg.ring().tag_len(), Algorithm::TAG_LEN);
        }
    }
}
