//! Envelope encryption: an lkms ciphertext is a [`Header`] and a chunked-encryption body.
//!
//! Each ciphertext gets a fresh random 32-byte data key. The body is C2SP chunked encryption
//! ([`super::chunked`]) under that data key, with the header's body context (format version,
//! body algorithm, encryption context). The data key is wrapped, with the AEAD of the key's
//! spec and a random nonce, by one version of a managed key; the associated data is every other
//! header byte. See docs/FORMAT.md for the byte layout.
//!
//! The flows, which the command layer drives (it also checks key state and compares a user's
//! `--context` with [`Header::context`]; this module only does the cryptography):
//!
//! - encrypt: [`encrypt`] with the key's current version.
//! - decrypt: [`Header::read_from`], look up the key version it names,
//!   [`Header::unwrap_data_key`], then [`decrypt_body`] on the rest of the input.
//! - re-encrypt: [`Header::read_from`], [`Header::unwrap_data_key`], [`rewrap`] to the target
//!   key version, write the new header, then copy the body byte for byte: it is never decrypted.
//! - inspect: [`Header::read_from`] alone; it needs no key.

use std::io::Write;

use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey};
use uuid::Uuid;
use zeroize::Zeroizing;

use super::CryptoError;
use super::aead::Algorithm;
use super::chunked::{Chunked, Suite};
pub use super::chunked::{ReadAt, Source};
pub use super::header::{
    Context, FORMAT_VERSION, Header, MAGIC, MAX_CONTEXT_KEY_LEN, MAX_CONTEXT_LEN,
    MAX_CONTEXT_PAIRS, MAX_CONTEXT_VALUE_LEN, MAX_HEADER_LEN, MIN_HEADER_LEN, check_context,
};
use super::header::{WRAP_NONCE_LEN, WRAPPED_KEY_LEN};
use super::material::KeySpec;
use super::random::Rng;
use super::secret::SecretBytes;

/// One version of a managed encrypt key, as the keyring hands it to the crypto layer.
pub struct WrappingKey<'a> {
    pub key_id: Uuid,
    /// 1, 2, ...
    pub version: u32,
    /// `aes-256-gcm` or `chacha20-poly1305`; other specs cannot wrap.
    pub spec: KeySpec,
    /// The version's 32 bytes of key material.
    pub material: &'a SecretBytes,
}

impl std::fmt::Debug for WrappingKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WrappingKey")
            .field("key_id", &self.key_id)
            .field("version", &self.version)
            .field("spec", &self.spec)
            .field("material", self.material)
            .finish()
    }
}

impl WrappingKey<'_> {
    fn algorithm(&self) -> Result<Algorithm, CryptoError> {
        Algorithm::from_spec(self.spec).ok_or_else(|| {
            CryptoError::Unsupported(format!(
                "a {} key cannot encrypt; use an aes-256-gcm or chacha20-poly1305 key",
                self.spec
            ))
        })
    }
}

/// Encrypts `input` to `output` as an lkms ciphertext under `key`, with `context` bound to it.
///
/// Takes from `rng`, in this order: the 32-byte data key, the 12-byte wrap nonce, the 24-byte
/// chunked-encryption salt (fixing the order is what lets test vectors fix the output). The
/// body uses the AEAD of `key.spec`. `progress` gets the cumulative plaintext bytes consumed.
/// Returns the plaintext length.
pub fn encrypt<'a, W: Write + Send>(
    key: &WrappingKey<'_>,
    context: &Context,
    input: impl Into<Source<'a>>,
    mut output: W,
    rng: &dyn Rng,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<u64, CryptoError> {
    let algorithm = key.algorithm()?;
    check_context(context).map_err(CryptoError::Unsupported)?;
    let mut data_key = Zeroizing::new(vec![0u8; Algorithm::KEY_LEN]);
    rng.fill(&mut data_key)?;
    let data_key = SecretBytes::new(std::mem::take(&mut *data_key));
    let header = wrap(algorithm, context.clone(), &data_key, key, rng)?;
    header.write_to(&mut output)?;
    Chunked::new(Suite::lkms(algorithm)).encrypt(
        &data_key,
        &header.body_context(),
        rng,
        input,
        output,
        progress,
    )
}

/// Decrypts the body that follows `header` in `input` (the reader is where
/// [`Header::read_from`] left it) with the data key from [`Header::unwrap_data_key`].
///
/// Only authenticated chunks are written; on error, chunks before the damage may already have
/// been written (see [`Chunked::decrypt`]). `progress` gets the cumulative body bytes consumed.
/// Returns the plaintext length.
pub fn decrypt_body<'a, W: Write + Send>(
    header: &Header,
    data_key: &SecretBytes,
    input: impl Into<Source<'a>>,
    output: W,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<u64, CryptoError> {
    Chunked::new(Suite::lkms(header.algorithm)).decrypt(
        data_key,
        &header.body_context(),
        input,
        output,
        progress,
    )
}

/// The header of the same ciphertext with its data key wrapped by `to` instead (another key,
/// or another version of the same key, of either encrypt spec). Body algorithm and context are
/// unchanged, so the body stays valid and is copied as is. `data_key` comes from
/// [`Header::unwrap_data_key`] on `header`. Takes a fresh 12-byte wrap nonce from `rng`.
pub fn rewrap(
    header: &Header,
    data_key: &SecretBytes,
    to: &WrappingKey<'_>,
    rng: &dyn Rng,
) -> Result<Header, CryptoError> {
    wrap(header.algorithm, header.context.clone(), data_key, to, rng)
}

fn wrap(
    algorithm: Algorithm,
    context: Context,
    data_key: &SecretBytes,
    key: &WrappingKey<'_>,
    rng: &dyn Rng,
) -> Result<Header, CryptoError> {
    let wrapping = key.algorithm()?;
    if key.version == 0 {
        return Err(CryptoError::Unsupported(
            "key version 0 does not exist; versions start at 1".into(),
        ));
    }
    if data_key.len() != Algorithm::KEY_LEN {
        return Err(CryptoError::Integrity(format!(
            "the data key has {} bytes instead of {}",
            data_key.len(),
            Algorithm::KEY_LEN
        )));
    }
    let mut header = Header {
        algorithm,
        wrapping,
        key_id: key.key_id,
        key_version: key.version,
        context,
        wrap_nonce: [0; WRAP_NONCE_LEN],
        wrapped_key: [0; WRAPPED_KEY_LEN],
    };
    rng.fill(&mut header.wrap_nonce)?;
    let aead = aead_key(wrapping, key.material, &header)?;
    // Holds the data key in clear until sealed: cleared on drop, whether the seal works or not.
    let mut sealed = Zeroizing::new([0u8; WRAPPED_KEY_LEN]);
    sealed[..Algorithm::KEY_LEN].copy_from_slice(data_key.expose());
    let tag = aead
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(header.wrap_nonce),
            Aad::from(header.wrap_aad()),
            &mut sealed[..Algorithm::KEY_LEN],
        )
        .map_err(|_| CryptoError::Io(std::io::Error::other("AEAD seal failed")))?;
    sealed[Algorithm::KEY_LEN..].copy_from_slice(tag.as_ref());
    header.wrapped_key = *sealed;
    Ok(header)
}

fn aead_key(
    alg: Algorithm,
    material: &SecretBytes,
    header: &Header,
) -> Result<LessSafeKey, CryptoError> {
    UnboundKey::new(alg.ring(), material.expose())
        .map(LessSafeKey::new)
        .map_err(|_| {
            CryptoError::Integrity(format!(
                "the material of key {} version {} has {} bytes; {} needs {}",
                header.key_id,
                header.key_version,
                material.len(),
                alg,
                Algorithm::KEY_LEN
            ))
        })
}

impl Header {
    /// Unwraps the data key with the material of the key version the header names. Fails with
    /// an integrity error when the material is not that version's, or when any header field
    /// (context included) was changed since the key was wrapped.
    pub fn unwrap_data_key(&self, material: &SecretBytes) -> Result<SecretBytes, CryptoError> {
        let aead = aead_key(self.wrapping, material, self)?;
        let mut buf = Zeroizing::new(self.wrapped_key.to_vec());
        let plain = aead
            .open_in_place(
                Nonce::assume_unique_for_key(self.wrap_nonce),
                Aad::from(self.wrap_aad()),
                &mut buf,
            )
            .map_err(|_| {
                CryptoError::Integrity(format!(
                    "the data key does not authenticate under key {} version {}: the key \
                     material is not that version's, or the header (its encryption context \
                     included) was modified",
                    self.key_id, self.key_version
                ))
            })?;
        Ok(SecretBytes::new(plain.to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::test_support::Zeros;

    fn key(spec: KeySpec, material: &SecretBytes) -> WrappingKey<'_> {
        WrappingKey {
            key_id: Uuid::from_bytes([9; 16]),
            version: 1,
            spec,
            material,
        }
    }

    #[test]
    fn debug_never_shows_material() {
        let material = SecretBytes::new(vec![0x41; 32]);
        let shown = format!("{:?}", key(KeySpec::Aes256Gcm, &material));
        assert!(
            shown.contains("REDACTED") && !shown.contains("65"),
            "{shown}"
        );
    }

    #[test]
    fn only_encrypt_specs_wrap() {
        let material = SecretBytes::new(vec![1; 32]);
        for spec in [KeySpec::HmacSha256, KeySpec::Ed25519, KeySpec::EcdsaP256] {
            let r = encrypt(
                &key(spec, &material),
                &Context::new(),
                &b""[..],
                Vec::new(),
                &Zeros,
                &mut |_| {},
            );
            assert!(matches!(r, Err(CryptoError::Unsupported(_))), "{spec}");
        }
    }

    #[test]
    fn contexts_beyond_the_bounds_are_refused_on_encrypt() {
        let material = SecretBytes::new(vec![1; 32]);
        let context: Context = [(String::new(), "v".to_string())].into_iter().collect();
        let r = encrypt(
            &key(KeySpec::Aes256Gcm, &material),
            &context,
            &b""[..],
            Vec::new(),
            &Zeros,
            &mut |_| {},
        );
        assert!(matches!(r, Err(CryptoError::Unsupported(_))));
    }

    #[test]
    fn material_of_the_wrong_length_is_an_error_not_a_panic() {
        let material = SecretBytes::new(vec![1; 32]);
        let mut out = Vec::new();
        encrypt(
            &key(KeySpec::Aes256Gcm, &material),
            &Context::new(),
            &b"x"[..],
            &mut out,
            &Zeros,
            &mut |_| {},
        )
        .unwrap();
        let header = Header::read_from(&out[..]).unwrap();
        let short = SecretBytes::new(vec![1; 16]);
        assert!(matches!(
            header.unwrap_data_key(&short),
            Err(CryptoError::Integrity(_))
        ));
    }
}
