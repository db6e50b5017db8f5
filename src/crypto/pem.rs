//! Public keys as SubjectPublicKeyInfo (RFC 5280) in PEM (RFC 7468), for OpenSSL and others.
//!
//! ring exports only the raw public key, and for the two curves lkms supports the DER around
//! that key is a fixed prefix: the algorithm identifier and the BIT STRING header never change.
//! So there is no ASN.1 encoder here, only those prefixes, checked against OpenSSL in tests.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::CryptoError;
use super::material::KeySpec;

/// SEQUENCE { SEQUENCE { OID 1.3.101.112 (Ed25519) }, BIT STRING (33 bytes: 0 unused bits, key) }.
const ED25519_SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];
const ED25519_PUBLIC_KEY_LEN: usize = 32;

/// SEQUENCE { SEQUENCE { OID id-ecPublicKey, OID prime256v1 }, BIT STRING (66 bytes: 0 unused
/// bits, uncompressed point) }.
const P256_SPKI_PREFIX: [u8; 26] = [
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a,
    0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
];
/// 0x04 followed by the 32-byte x and y coordinates, as ring's `public_key()` returns it.
const P256_PUBLIC_KEY_LEN: usize = 65;

/// The label OpenSSL and RFC 7468 use for a SubjectPublicKeyInfo.
pub const PUBLIC_KEY_LABEL: &str = "PUBLIC KEY";

/// The DER SubjectPublicKeyInfo for a raw public key as [`super::signing::public_key`] returns
/// it. A key of the wrong length or a non-signing spec is a programming error in the caller and
/// is refused rather than encoded into something no tool can read.
pub fn spki_der(spec: KeySpec, raw_public_key: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let (prefix, len): (&[u8], usize) = match spec {
        KeySpec::Ed25519 => (&ED25519_SPKI_PREFIX, ED25519_PUBLIC_KEY_LEN),
        KeySpec::EcdsaP256 => (&P256_SPKI_PREFIX, P256_PUBLIC_KEY_LEN),
        KeySpec::Aes256Gcm | KeySpec::ChaCha20Poly1305 | KeySpec::HmacSha256 => {
            return Err(CryptoError::Unsupported(format!(
                "{spec} keys are symmetric and have no public key; \
                 only ed25519 and ecdsa-p256 keys do"
            )));
        }
        KeySpec::X25519 => {
            return Err(CryptoError::Unsupported(
                "x25519 keys have an age recipient (age1...), not a SubjectPublicKeyInfo".into(),
            ));
        }
    };
    if raw_public_key.len() != len {
        return Err(CryptoError::Unsupported(format!(
            "a {spec} public key is {len} bytes, not {}",
            raw_public_key.len()
        )));
    }
    // Compressed or hybrid points would need another encoding; ring never produces them.
    if spec == KeySpec::EcdsaP256 && raw_public_key[0] != 0x04 {
        return Err(CryptoError::Unsupported(
            "an ecdsa-p256 public key must be an uncompressed point (leading byte 0x04)".into(),
        ));
    }
    let mut der = Vec::with_capacity(prefix.len() + len);
    der.extend_from_slice(prefix);
    der.extend_from_slice(raw_public_key);
    Ok(der)
}

/// PEM text: `-----BEGIN {label}-----`, the base64 of `der` in lines of 64 characters (RFC 7468
/// strict form, which OpenSSL also writes), `-----END {label}-----`, each line ending in `\n`.
pub fn pem_encode(label: &str, der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let mut out = String::with_capacity(body.len() + body.len() / 64 + 2 * label.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\n");
    // base64 output is ASCII, so splitting the bytes never splits a character.
    for line in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
        out.push('\n');
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----\n");
    out
}

/// `spki_der` then `pem_encode` with the `PUBLIC KEY` label: what `lkms public-key` prints.
pub fn spki_pem(spec: KeySpec, raw_public_key: &[u8]) -> Result<String, CryptoError> {
    Ok(pem_encode(
        PUBLIC_KEY_LABEL,
        &spki_der(spec, raw_public_key)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::test_support::hex;

    #[test]
    fn prefixes_match_the_documented_der() {
        assert_eq!(
            ED25519_SPKI_PREFIX.to_vec(),
            hex("302a300506032b6570032100")
        );
        assert_eq!(
            P256_SPKI_PREFIX.to_vec(),
            hex("3059301306072a8648ce3d020106082a8648ce3d030107034200")
        );
        // The outer SEQUENCE length covers everything after its two header bytes.
        assert_eq!(
            usize::from(ED25519_SPKI_PREFIX[1]),
            ED25519_SPKI_PREFIX.len() - 2 + ED25519_PUBLIC_KEY_LEN
        );
        assert_eq!(
            usize::from(P256_SPKI_PREFIX[1]),
            P256_SPKI_PREFIX.len() - 2 + P256_PUBLIC_KEY_LEN
        );
    }

    #[test]
    fn ed25519_spki_is_prefix_and_key() {
        // RFC 8410 section 10.1 gives this public key and its SPKI PEM.
        let raw = hex("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1");
        let der = spki_der(KeySpec::Ed25519, &raw).unwrap();
        assert_eq!(der.len(), 44);
        assert_eq!(&der[..12], &ED25519_SPKI_PREFIX);
        assert_eq!(&der[12..], &raw[..]);
        assert_eq!(
            spki_pem(KeySpec::Ed25519, &raw).unwrap(),
            "-----BEGIN PUBLIC KEY-----\n\
             MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n\
             -----END PUBLIC KEY-----\n"
        );
    }

    #[test]
    fn p256_spki_is_prefix_and_point() {
        let mut raw = vec![0x04];
        raw.extend((1..=64).map(|i| i as u8));
        let der = spki_der(KeySpec::EcdsaP256, &raw).unwrap();
        assert_eq!(der.len(), 91);
        assert_eq!(&der[..26], &P256_SPKI_PREFIX);
        assert_eq!(&der[26..], &raw[..]);
    }

    #[test]
    fn wrong_lengths_points_and_specs_are_refused() {
        assert!(spki_der(KeySpec::Ed25519, &[0u8; 31]).is_err());
        assert!(spki_der(KeySpec::Ed25519, &[0u8; 33]).is_err());
        assert!(spki_der(KeySpec::EcdsaP256, &[0x04; 64]).is_err());
        // A compressed point (0x02/0x03) has the wrong length anyway; a 65-byte one with a
        // wrong tag must still be refused.
        let mut not_uncompressed = vec![0x02];
        not_uncompressed.extend([7u8; 64]);
        assert!(spki_der(KeySpec::EcdsaP256, &not_uncompressed).is_err());
        for spec in [
            KeySpec::Aes256Gcm,
            KeySpec::ChaCha20Poly1305,
            KeySpec::HmacSha256,
        ] {
            let err = spki_der(spec, &[0u8; 32]).unwrap_err();
            assert!(err.to_string().contains("no public key"), "{err}");
        }
    }

    #[test]
    fn pem_lines_are_64_characters_and_round_trip() {
        for len in [0usize, 1, 47, 48, 49, 91, 200] {
            let der: Vec<u8> = (0..len).map(|i| (i * 7) as u8).collect();
            let pem = pem_encode("PUBLIC KEY", &der);
            assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----\n"), "{pem}");
            assert!(pem.ends_with("\n-----END PUBLIC KEY-----\n"), "{pem}");
            let lines: Vec<&str> = pem.lines().collect();
            let body = &lines[1..lines.len() - 1];
            for (i, line) in body.iter().enumerate() {
                if i + 1 < body.len() {
                    assert_eq!(line.len(), 64, "{pem}");
                } else {
                    assert!(!line.is_empty() && line.len() <= 64, "{pem}");
                }
            }
            assert_eq!(STANDARD.decode(body.concat()).unwrap(), der);
        }
    }

    #[test]
    fn pem_uses_the_given_label() {
        let pem = pem_encode("PRIVATE KEY", &[1, 2, 3]);
        assert_eq!(
            pem,
            "-----BEGIN PRIVATE KEY-----\nAQID\n-----END PRIVATE KEY-----\n"
        );
    }
}
