//! Key specs and the generation of fresh key material for each.

use std::fmt;
use std::str::FromStr;

use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, Ed25519KeyPair};

use super::CryptoError;
use super::random::{Rng, SystemRng};
use super::secret::SecretBytes;

/// The algorithms a key can have, with their docs/DESIGN.md names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum KeySpec {
    #[serde(rename = "aes-256-gcm")]
    Aes256Gcm,
    #[serde(rename = "chacha20-poly1305")]
    ChaCha20Poly1305,
    #[serde(rename = "hmac-sha256")]
    HmacSha256,
    #[serde(rename = "ed25519")]
    Ed25519,
    #[serde(rename = "ecdsa-p256")]
    EcdsaP256,
    /// An age X25519 identity per version: files are encrypted to its public recipient with no
    /// secret at all, and opened with the keyring.
    #[serde(rename = "x25519")]
    X25519,
}

/// What a key may be used for, as AWS KMS's KeyUsage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyUsage {
    Encrypt,
    Mac,
    Sign,
}

impl fmt::Display for KeyUsage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyUsage::Encrypt => "encrypt/decrypt",
            KeyUsage::Mac => "generate/verify MAC",
            KeyUsage::Sign => "sign/verify",
        })
    }
}

impl KeySpec {
    pub const ALL: [KeySpec; 6] = [
        KeySpec::Aes256Gcm,
        KeySpec::ChaCha20Poly1305,
        KeySpec::HmacSha256,
        KeySpec::Ed25519,
        KeySpec::EcdsaP256,
        KeySpec::X25519,
    ];

    pub fn name(self) -> &'static str {
        match self {
            KeySpec::Aes256Gcm => "aes-256-gcm",
            KeySpec::ChaCha20Poly1305 => "chacha20-poly1305",
            KeySpec::HmacSha256 => "hmac-sha256",
            KeySpec::Ed25519 => "ed25519",
            KeySpec::EcdsaP256 => "ecdsa-p256",
            KeySpec::X25519 => "x25519",
        }
    }

    pub fn usage(self) -> KeyUsage {
        match self {
            KeySpec::Aes256Gcm | KeySpec::ChaCha20Poly1305 | KeySpec::X25519 => KeyUsage::Encrypt,
            KeySpec::HmacSha256 => KeyUsage::Mac,
            KeySpec::Ed25519 | KeySpec::EcdsaP256 => KeyUsage::Sign,
        }
    }

    /// Signing keys do not rotate: their public keys have been handed out (as in AWS KMS).
    /// x25519 keys do: encryptors fetch the new recipient, and old versions still decrypt.
    pub fn rotates(self) -> bool {
        self.usage() != KeyUsage::Sign
    }

    /// True for specs whose versions have a public half (`lkms public-key`).
    pub fn has_public_key(self) -> bool {
        self.usage() == KeyUsage::Sign || self == KeySpec::X25519
    }

    /// Fresh material from the system CSPRNG.
    pub fn generate(self) -> Result<SecretBytes, CryptoError> {
        self.generate_with(&SystemRng::new())
    }

    /// Fresh material: 32 random bytes for symmetric specs, PKCS#8 v2 for Ed25519, PKCS#8
    /// for ECDSA P-256, and an age identity's text (`AGE-SECRET-KEY-1...`) for X25519. Signing keys always come from ring's own SystemRandom, which is the
    /// only generator ring accepts for them.
    pub fn generate_with(self, rng: &dyn Rng) -> Result<SecretBytes, CryptoError> {
        let sys = ring::rand::SystemRandom::new();
        let failed = |_| CryptoError::Io(std::io::Error::other("key generation failed"));
        match self {
            KeySpec::Aes256Gcm | KeySpec::ChaCha20Poly1305 | KeySpec::HmacSha256 => {
                let mut bytes = vec![0u8; 32];
                rng.fill(&mut bytes)?;
                Ok(SecretBytes::new(bytes))
            }
            KeySpec::Ed25519 => {
                let doc = Ed25519KeyPair::generate_pkcs8(&sys).map_err(failed)?;
                Ok(take_document(doc))
            }
            KeySpec::EcdsaP256 => {
                let doc = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &sys)
                    .map_err(failed)?;
                Ok(take_document(doc))
            }
            KeySpec::X25519 => Ok(super::x25519::generate()),
        }
    }
}

/// The private key in ring's PKCS#8 document, which is plain bytes that ring never clears:
/// copied into [`SecretBytes`], then the document is overwritten where it lies, so no copy of
/// the new key stays behind in freed stack or heap memory.
fn take_document(doc: ring::pkcs8::Document) -> SecretBytes {
    use zeroize::Zeroize;
    let bytes = SecretBytes::new(doc.as_ref().to_vec());
    let mut doc = std::mem::ManuallyDrop::new(doc);
    // SAFETY: `doc` is owned here, has no destructor (ManuallyDrop) and is never read again;
    // its bytes are only overwritten, in place, within its own size.
    unsafe {
        let raw = std::slice::from_raw_parts_mut(
            (&mut *doc as *mut ring::pkcs8::Document).cast::<u8>(),
            std::mem::size_of::<ring::pkcs8::Document>(),
        );
        raw.zeroize();
    }
    bytes
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for KeySpec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KeySpec::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<_> = KeySpec::ALL.iter().map(|k| k.name()).collect();
                format!(
                    "unknown key spec `{s}`; expected one of: {}",
                    names.join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for spec in KeySpec::ALL {
            assert_eq!(spec.name().parse::<KeySpec>().unwrap(), spec);
        }
        assert!("rsa-2048".parse::<KeySpec>().is_err());
    }

    #[test]
    fn generates_material_of_the_right_shape() {
        for spec in KeySpec::ALL {
            let m = spec.generate().unwrap();
            match spec.usage() {
                KeyUsage::Sign => assert!(m.len() > 32),
                _ if spec == KeySpec::X25519 => {
                    assert!(m.expose().starts_with(b"AGE-SECRET-KEY-1"))
                }
                _ => assert_eq!(m.len(), 32),
            }
        }
        let (a, b) = (
            KeySpec::Aes256Gcm.generate().unwrap(),
            KeySpec::Aes256Gcm.generate().unwrap(),
        );
        assert!(!a.ct_eq(b.expose()), "two generated keys are equal");
    }
}
