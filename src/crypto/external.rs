//! Key material made elsewhere (an HSM ceremony, another KMS), checked against the spec it is
//! imported for and put into the form the rest of lkms keeps: 32 raw bytes for the symmetric
//! specs, a PKCS#8 document ring accepts for the signing specs, an age identity for x25519.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, Ed25519KeyPair, KeyPair};
use zeroize::Zeroizing;

use super::CryptoError;
use super::material::{KeySpec, KeyUsage};
use super::secret::SecretBytes;

/// The bytes before the seed in an Ed25519 PKCS#8 v1 document (RFC 8410), as OpenSSL writes
/// it: SEQUENCE, version 0, AlgorithmIdentifier id-Ed25519, OCTET STRING (OCTET STRING seed).
const ED25519_V1_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];
/// The same for a v2 document (version 1, with the public key after the seed), as ring
/// expects it.
const ED25519_V2_PREFIX: [u8; 16] = [
    0x30, 0x53, 0x02, 0x01, 0x01, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];
/// Between the seed and the public key in a v2 document: [1] IMPLICIT BIT STRING, 33 bytes.
const ED25519_V2_MIDDLE: [u8; 5] = [0xa1, 0x23, 0x03, 0x21, 0x00];

/// The material in `bytes` (raw for symmetric specs; PKCS#8 DER or PEM for signing specs),
/// checked for `spec`. Nothing of the material appears in an error.
pub fn material_for(spec: KeySpec, bytes: &[u8]) -> Result<SecretBytes, CryptoError> {
    if spec == KeySpec::X25519 {
        // An x25519 version is kept as an age identity's text, so what is imported is an
        // identity file as age-keygen writes it, never 32 raw bytes the keyring would refuse.
        return super::x25519::identity_from_file(bytes);
    }
    match spec.usage() {
        KeyUsage::Encrypt | KeyUsage::Mac => {
            if bytes.len() != 32 {
                return Err(CryptoError::WrongMaterial(format!(
                    "{spec} material is exactly 32 raw bytes; the file holds {} bytes{}",
                    bytes.len(),
                    if bytes.starts_with(b"-----BEGIN") {
                        " of PEM text"
                    } else {
                        ""
                    }
                )));
            }
            Ok(SecretBytes::new(bytes.to_vec()))
        }
        KeyUsage::Sign => {
            let der = pem_or_der(bytes)?;
            signing_pkcs8(spec, &der)
        }
    }
}

/// A `PRIVATE KEY` PEM block decoded, or the bytes as they are (DER).
fn pem_or_der(bytes: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    const BEGIN: &str = "-----BEGIN PRIVATE KEY-----";
    const END: &str = "-----END PRIVATE KEY-----";
    if !bytes.starts_with(b"-----BEGIN") {
        return Ok(Zeroizing::new(bytes.to_vec()));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| CryptoError::WrongMaterial("the PEM file is not text".into()))?;
    let body = text
        .trim()
        .strip_prefix(BEGIN)
        .and_then(|t| t.strip_suffix(END))
        .ok_or_else(|| {
            let label = text.lines().next().unwrap_or_default().to_string();
            CryptoError::WrongMaterial(format!(
                "the PEM file starts with `{label}`; lkms imports an unencrypted PKCS#8 \
                 `PRIVATE KEY` (openssl pkcs8 -topk8 -nocrypt converts one)"
            ))
        })?;
    let b64: Zeroizing<String> = Zeroizing::new(body.split_whitespace().collect());
    STANDARD
        .decode(b64.as_bytes())
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Integrity("the PEM private key is not valid base64".into()))
}

fn signing_pkcs8(spec: KeySpec, der: &[u8]) -> Result<SecretBytes, CryptoError> {
    // ring names what it rejected ("WrongAlgorithm", "InvalidEncoding") without key bytes.
    let rejected = |e: ring::error::KeyRejected| {
        let text = e.to_string();
        if text.contains("WrongAlgorithm") {
            CryptoError::WrongMaterial(format!(
                "the file holds a PKCS#8 private key of another algorithm, not {spec}; give \
                 the --spec it was made for"
            ))
        } else {
            CryptoError::Integrity(format!(
                "the file ({} bytes) is not a valid PKCS#8 {spec} private key ({text}); \
                 `openssl pkcs8 -topk8 -nocrypt` converts other forms",
                der.len()
            ))
        }
    };
    match spec {
        KeySpec::Ed25519 => {
            if der.len() == 48 && der.starts_with(&ED25519_V1_PREFIX) {
                // v1 (OpenSSL's form) has no public key; ring signs only from v2, so the v2
                // document is made from the seed and the public key ring derives from it.
                let seed = &der[16..];
                let pair = Ed25519KeyPair::from_seed_unchecked(seed).map_err(rejected)?;
                let mut v2 = Vec::with_capacity(85);
                v2.extend_from_slice(&ED25519_V2_PREFIX);
                v2.extend_from_slice(seed);
                v2.extend_from_slice(&ED25519_V2_MIDDLE);
                v2.extend_from_slice(pair.public_key().as_ref());
                let v2 = SecretBytes::new(v2);
                Ed25519KeyPair::from_pkcs8(v2.expose()).map_err(rejected)?;
                return Ok(v2);
            }
            Ed25519KeyPair::from_pkcs8(der).map_err(rejected)?;
            Ok(SecretBytes::new(der.to_vec()))
        }
        KeySpec::EcdsaP256 => {
            EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, der, &SystemRandom::new())
                .map_err(rejected)?;
            Ok(SecretBytes::new(der.to_vec()))
        }
        _ => unreachable!("only signing specs reach here"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_material_must_be_32_bytes() {
        assert_eq!(
            material_for(KeySpec::Aes256Gcm, &[7; 32]).unwrap().expose(),
            &[7; 32]
        );
        let e = material_for(KeySpec::HmacSha256, &[7; 31]).unwrap_err();
        assert!(matches!(e, CryptoError::WrongMaterial(_)));
        assert!(e.to_string().contains("31 bytes"), "{e}");
    }

    #[test]
    fn ed25519_v1_becomes_a_v2_document_with_the_same_key() {
        // RFC 8410 section 10.3's example private key (v1).
        let v1 = STANDARD
            .decode("MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC")
            .unwrap();
        let v2 = material_for(KeySpec::Ed25519, &v1).unwrap();
        let pair = Ed25519KeyPair::from_pkcs8(v2.expose()).unwrap();
        // RFC 8410's public key for it: 19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1
        assert_eq!(
            pair.public_key().as_ref()[..4],
            [0x19, 0xbf, 0x44, 0x09],
            "the public key RFC 8410 gives"
        );
    }

    #[test]
    fn a_signing_key_of_another_algorithm_is_named() {
        let p256 = KeySpec::EcdsaP256.generate().unwrap();
        let e = material_for(KeySpec::Ed25519, p256.expose()).unwrap_err();
        assert!(
            matches!(e, CryptoError::WrongMaterial(_) | CryptoError::Integrity(_)),
            "{e}"
        );
        let e = material_for(KeySpec::EcdsaP256, &[1; 40]).unwrap_err();
        assert!(matches!(
            material_for(KeySpec::X25519, &[7; 32]).unwrap_err(),
            CryptoError::WrongMaterial(_)
        ));
        let made = super::super::x25519::generate();
        let file = format!(
            "# created: now\n{}\n",
            std::str::from_utf8(made.expose()).unwrap()
        );
        assert_eq!(
            material_for(KeySpec::X25519, file.as_bytes())
                .unwrap()
                .expose(),
            made.expose()
        );
        assert!(e.to_string().contains("40 bytes"), "{e}");
    }
}
