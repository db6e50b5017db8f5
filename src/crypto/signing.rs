//! Signatures with ring: Ed25519 (RFC 8032, raw 64-byte signatures) and ECDSA P-256 with
//! SHA-256 (ASN.1 DER signatures), the two forms `openssl` verifies over the raw message.
//!
//! Key material is the PKCS#8 document that [`KeySpec::generate`] made. Both algorithms need
//! the whole message as one slice (Ed25519 hashes it twice; ring has no pre-hashed ECDSA), so
//! callers with large files map them (see `crate::io::message_source`) rather than read them.

use ring::rand::SystemRandom;
use ring::signature::{
    self, ECDSA_P256_SHA256_ASN1, ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, Ed25519KeyPair,
    KeyPair as _, UnparsedPublicKey,
};

use super::CryptoError;
use super::material::KeySpec;
use super::secret::SecretBytes;

/// A parsed signing key pair. Kept private so that parsed keys never outlive one operation
/// (ring keeps the private scalar inside; the PKCS#8 bytes stay in their `SecretBytes`).
enum Pair {
    Ed25519(Ed25519KeyPair),
    EcdsaP256(EcdsaKeyPair),
}

/// Parse `pkcs8` as a key pair of `spec`. A non-signing spec is a caller's mistake (commands
/// check the key's usage first and refuse with exit code 4), so it is an error, not a panic.
fn pair(spec: KeySpec, pkcs8: &SecretBytes) -> Result<Pair, CryptoError> {
    // ring's KeyRejected names the problem ("InvalidEncoding", "WrongAlgorithm", ...) without
    // echoing any key bytes, so it is safe to show.
    let damaged = |e: ring::error::KeyRejected| {
        CryptoError::Unsupported(format!(
            "the {spec} key material is not a valid PKCS#8 key pair ({e}); \
             the keyring may be damaged"
        ))
    };
    match spec {
        // from_pkcs8 (not the _maybe_unchecked variant) also checks that the public key stored
        // in the v2 document matches the private key, so a corrupted half is caught here.
        KeySpec::Ed25519 => Ed25519KeyPair::from_pkcs8(pkcs8.expose())
            .map(Pair::Ed25519)
            .map_err(damaged),
        KeySpec::EcdsaP256 => EcdsaKeyPair::from_pkcs8(
            &ECDSA_P256_SHA256_ASN1_SIGNING,
            pkcs8.expose(),
            &SystemRandom::new(),
        )
        .map(Pair::EcdsaP256)
        .map_err(damaged),
        KeySpec::Aes256Gcm | KeySpec::ChaCha20Poly1305 | KeySpec::HmacSha256 | KeySpec::X25519 => {
            Err(not_a_signing_key(spec))
        }
    }
}

fn not_a_signing_key(spec: KeySpec) -> CryptoError {
    CryptoError::Unsupported(format!(
        "a {spec} key cannot sign or verify; use an ed25519 or ecdsa-p256 key"
    ))
}

/// Sign `message`: Ed25519 gives the raw 64-byte signature, ECDSA P-256 a DER-encoded
/// `ECDSA-Sig-Value` over SHA-256 of the message (at most 72 bytes).
pub fn sign(spec: KeySpec, pkcs8: &SecretBytes, message: &[u8]) -> Result<Vec<u8>, CryptoError> {
    match pair(spec, pkcs8)? {
        Pair::Ed25519(kp) => Ok(kp.sign(message).as_ref().to_vec()),
        Pair::EcdsaP256(kp) => {
            // ring mixes fresh randomness into the nonce as well as the key and message, so a
            // failing RNG is the only way this can fail.
            let sig = kp.sign(&SystemRandom::new(), message).map_err(|_| {
                CryptoError::Io(std::io::Error::other(
                    "ECDSA signing failed: the system random number generator failed",
                ))
            })?;
            Ok(sig.as_ref().to_vec())
        }
    }
}

/// Check `signature` over `message` with the public half of the key pair in `pkcs8`.
/// Any mismatch (other message, other key, truncated or altered signature) is
/// [`CryptoError::Integrity`]; ring does not say which, and neither can we.
pub fn verify(
    spec: KeySpec,
    pkcs8: &SecretBytes,
    message: &[u8],
    signature: &[u8],
) -> Result<(), CryptoError> {
    let public = public_key(spec, pkcs8)?;
    let algorithm: &dyn signature::VerificationAlgorithm = match spec {
        KeySpec::Ed25519 => &signature::ED25519,
        KeySpec::EcdsaP256 => &ECDSA_P256_SHA256_ASN1,
        // public_key has already refused these.
        KeySpec::Aes256Gcm | KeySpec::ChaCha20Poly1305 | KeySpec::HmacSha256 | KeySpec::X25519 => {
            return Err(not_a_signing_key(spec));
        }
    };
    UnparsedPublicKey::new(algorithm, &public)
        .verify(message, signature)
        .map_err(|_| {
            CryptoError::Integrity(format!(
                "the {spec} signature is not valid for this message and key: \
                 the message or signature was changed, or it was signed with another key"
            ))
        })
}

/// The raw public key: 32 bytes for Ed25519, the 65-byte uncompressed point (0x04 || x || y)
/// for P-256. [`super::pem::spki_der`] wraps it for other tools.
pub fn public_key(spec: KeySpec, pkcs8: &SecretBytes) -> Result<Vec<u8>, CryptoError> {
    Ok(match pair(spec, pkcs8)? {
        Pair::Ed25519(kp) => kp.public_key().as_ref().to_vec(),
        Pair::EcdsaP256(kp) => kp.public_key().as_ref().to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::test_support::hex;

    const SIGNING: [KeySpec; 2] = [KeySpec::Ed25519, KeySpec::EcdsaP256];
    const NOT_SIGNING: [KeySpec; 4] = [
        KeySpec::X25519,
        KeySpec::Aes256Gcm,
        KeySpec::ChaCha20Poly1305,
        KeySpec::HmacSha256,
    ];

    fn assert_integrity(r: Result<(), CryptoError>) {
        match r {
            // An integrity error, which exits 5 (crate::error::tests pins the mapping).
            Err(e @ CryptoError::Integrity(_)) => {
                assert!(e.to_string().contains("not valid"), "{e}");
            }
            other => panic!("expected an integrity error, got {other:?}"),
        }
    }

    #[test]
    fn sign_then_verify_round_trips() {
        for spec in SIGNING {
            let key = spec.generate().unwrap();
            for message in [&b""[..], b"a", b"hello, world", &[0u8; 100_000]] {
                let sig = sign(spec, &key, message).unwrap();
                verify(spec, &key, message, &sig).unwrap();
            }
        }
    }

    #[test]
    fn signature_shapes() {
        let ed = KeySpec::Ed25519.generate().unwrap();
        assert_eq!(sign(KeySpec::Ed25519, &ed, b"m").unwrap().len(), 64);
        // Ed25519 is deterministic: the same key and message give the same signature.
        assert_eq!(
            sign(KeySpec::Ed25519, &ed, b"m").unwrap(),
            sign(KeySpec::Ed25519, &ed, b"m").unwrap()
        );

        let ec = KeySpec::EcdsaP256.generate().unwrap();
        let sig = sign(KeySpec::EcdsaP256, &ec, b"m").unwrap();
        // DER SEQUENCE of two INTEGERs of at most 33 bytes each.
        assert_eq!(sig[0], 0x30);
        assert_eq!(usize::from(sig[1]), sig.len() - 2);
        assert!((8..=72).contains(&sig.len()), "{}", sig.len());
    }

    #[test]
    fn public_key_shapes() {
        let ed = KeySpec::Ed25519.generate().unwrap();
        assert_eq!(public_key(KeySpec::Ed25519, &ed).unwrap().len(), 32);
        let ec = KeySpec::EcdsaP256.generate().unwrap();
        let pk = public_key(KeySpec::EcdsaP256, &ec).unwrap();
        assert_eq!(pk.len(), 65);
        assert_eq!(pk[0], 0x04);
        // Stable for a key: it is what users pin.
        assert_eq!(public_key(KeySpec::EcdsaP256, &ec).unwrap(), pk);
    }

    /// An RFC 8032 key wrapped as the PKCS#8 v2 document ring produces (RFC 5958
    /// OneAsymmetricKey with the public key attached as `[1]`).
    fn ed25519_pkcs8_v2(seed: &str, public: &str) -> SecretBytes {
        let mut doc = hex("3051020101300506032b657004220420");
        doc.extend(hex(seed));
        doc.extend(hex("812100"));
        doc.extend(hex(public));
        SecretBytes::new(doc)
    }

    #[test]
    fn ed25519_known_answers() {
        // RFC 8032 section 7.1, TEST 1 (the empty message) and TEST 2 (one byte).
        let cases = [
            (
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                &b""[..],
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155\
                 5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            ),
            (
                "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                &[0x72][..],
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da\
                 085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            ),
        ];
        for (seed, public, message, signature) in cases {
            let key = ed25519_pkcs8_v2(seed, public);
            assert_eq!(public_key(KeySpec::Ed25519, &key).unwrap(), hex(public));
            assert_eq!(
                sign(KeySpec::Ed25519, &key, message).unwrap(),
                hex(signature)
            );
            verify(KeySpec::Ed25519, &key, message, &hex(signature)).unwrap();
        }
    }

    #[test]
    fn a_changed_message_is_refused() {
        for spec in SIGNING {
            let key = spec.generate().unwrap();
            let sig = sign(spec, &key, b"pay 10 to alice").unwrap();
            assert_integrity(verify(spec, &key, b"pay 99 to alice", &sig));
            assert_integrity(verify(spec, &key, b"pay 10 to alice ", &sig));
            assert_integrity(verify(spec, &key, b"", &sig));
        }
    }

    #[test]
    fn another_key_is_refused() {
        for spec in SIGNING {
            let key = spec.generate().unwrap();
            let other = spec.generate().unwrap();
            let sig = sign(spec, &key, b"message").unwrap();
            assert_integrity(verify(spec, &other, b"message", &sig));
        }
    }

    #[test]
    fn truncated_extended_and_flipped_signatures_are_refused() {
        for spec in SIGNING {
            let key = spec.generate().unwrap();
            let sig = sign(spec, &key, b"message").unwrap();
            assert_integrity(verify(spec, &key, b"message", &sig[..sig.len() - 1]));
            assert_integrity(verify(spec, &key, b"message", &sig[..sig.len() / 2]));
            assert_integrity(verify(spec, &key, b"message", &[]));
            let mut longer = sig.clone();
            longer.push(0);
            assert_integrity(verify(spec, &key, b"message", &longer));
            for i in [0, sig.len() / 2, sig.len() - 1] {
                let mut flipped = sig.clone();
                flipped[i] ^= 0x01;
                assert_integrity(verify(spec, &key, b"message", &flipped));
            }
        }
    }

    #[test]
    fn a_signature_of_one_algorithm_is_not_valid_for_the_other() {
        let ed = KeySpec::Ed25519.generate().unwrap();
        let ec = KeySpec::EcdsaP256.generate().unwrap();
        let ed_sig = sign(KeySpec::Ed25519, &ed, b"m").unwrap();
        let ec_sig = sign(KeySpec::EcdsaP256, &ec, b"m").unwrap();
        assert_integrity(verify(KeySpec::EcdsaP256, &ec, b"m", &ed_sig));
        assert_integrity(verify(KeySpec::Ed25519, &ed, b"m", &ec_sig));
    }

    #[test]
    fn non_signing_specs_are_errors_not_panics() {
        let key = KeySpec::HmacSha256.generate().unwrap();
        for spec in NOT_SIGNING {
            for err in [
                sign(spec, &key, b"m").unwrap_err(),
                verify(spec, &key, b"m", &[0u8; 64]).unwrap_err(),
                public_key(spec, &key).unwrap_err(),
            ] {
                assert!(matches!(err, CryptoError::Unsupported(_)), "{err:?}");
                assert!(err.to_string().contains("cannot sign"), "{err}");
            }
        }
    }

    #[test]
    fn material_of_the_wrong_spec_or_damaged_is_refused_without_showing_it() {
        let ed = KeySpec::Ed25519.generate().unwrap();
        let ec = KeySpec::EcdsaP256.generate().unwrap();
        let sym = KeySpec::HmacSha256.generate().unwrap();
        let mut damaged = ed.expose().to_vec();
        let last = damaged.len() - 1;
        damaged[last] ^= 0xff; // the stored public key no longer matches the seed
        let damaged = SecretBytes::new(damaged);
        for (spec, key) in [
            (KeySpec::Ed25519, &ec),
            (KeySpec::Ed25519, &sym),
            (KeySpec::Ed25519, &damaged),
            (KeySpec::EcdsaP256, &ed),
            (KeySpec::EcdsaP256, &sym),
        ] {
            let err = sign(spec, key, b"m").unwrap_err();
            let shown = format!("{err} {err:?}");
            assert!(shown.contains("not a valid PKCS#8"), "{shown}");
            // Not an integrity error: it exits 1 (crate::error::tests pins the mapping).
            assert!(!matches!(err, CryptoError::Integrity(_)), "{err:?}");
            // No byte of the material, in any common rendering, appears in the message.
            let b64 = {
                use base64::Engine as _;
                base64::engine::general_purpose::STANDARD.encode(key.expose())
            };
            let hex: String = key.expose().iter().map(|b| format!("{b:02x}")).collect();
            assert!(!shown.contains(&b64[..16]) && !shown.contains(&hex[..16]));
        }
    }
}
