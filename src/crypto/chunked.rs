//! C2SP chunked encryption v1 (<https://c2sp.org/chunked-encryption>), streaming.
//!
//! lkms instantiates it with HKDF-SHA-256 and the key spec's AEAD ([`Suite::lkms`]). The
//! construction, exactly as the specification gives it:
//!
//! ```text
//! key || base nonce || commitment = HKDF-Expand(prk = input key,
//!     info = "c2sp.org/chunked-encryption@v1+" || aead || 0x00 || salt || context)
//! ciphertext = salt (24) || commitment (32) || AEAD(key, base nonce XOR i, aad = "", chunk i)...
//! ```
//!
//! The message is cut into 16 KiB chunks and a final chunk that is always shorter (possibly
//! empty), so a ciphertext that ends on a chunk boundary is truncated and one with anything
//! after its short chunk fails authentication. The commitment is checked before any chunk is
//! opened, so a wrong key or context is reported as such and never as a chunk failure.
//!
//! Other instantiations (another HKDF hash, AES-128-GCM) are reachable through [`Suite::new`]
//! so that the implementation can be checked against published test vectors, which use them.

use std::fmt;
use std::io::{self, Write};

use ring::aead::{LessSafeKey, Nonce, UnboundKey};
use ring::hkdf;
use zeroize::Zeroizing;

use super::CryptoError;
use super::aead::Algorithm;
use super::chunk_stages::{Open, Seal};
use super::pipeline;
pub use super::pipeline::{BATCH_CHUNKS, ReadAt, Source};
use super::random::Rng;
use super::secret::SecretBytes;

/// Plaintext bytes in every chunk but the last.
pub const CHUNK_LEN: usize = 16 * 1024;
/// Length of the random salt that starts a ciphertext.
pub const SALT_LEN: usize = 24;
/// Length of the key commitment that follows the salt.
pub const COMMITMENT_LEN: usize = 32;
/// Salt and commitment: the fixed overhead before the first chunk.
pub const PREFIX_LEN: usize = SALT_LEN + COMMITMENT_LEN;
/// Every AEAD usable here has a 16-byte tag (ring's only tag size).
pub const TAG_LEN: usize = 16;
/// The chunk-count limit: the specification requires aborting at 2^38 (4 PiB).
pub const MAX_CHUNKS: u64 = 1 << 38;

const INFO_PREFIX: &[u8] = b"c2sp.org/chunked-encryption@v1+";
const NONCE_LEN: usize = 12;
const MAX_KEY_LEN: usize = 32;

/// The hash behind HKDF-Expand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hash {
    Sha256,
    Sha512,
}

/// An instantiation of the scheme: HKDF hash and AEAD.
#[derive(Clone, Copy)]
pub struct Suite {
    hash: Hash,
    aead: &'static ring::aead::Algorithm,
    aead_name: &'static str,
}

impl Suite {
    /// The lkms instantiation: HKDF-SHA-256 and `alg`.
    pub fn lkms(alg: Algorithm) -> Suite {
        Suite {
            hash: Hash::Sha256,
            aead: alg.ring(),
            aead_name: alg.iana_name(),
        }
    }

    /// Any instantiation ring can provide, by IANA AEAD name (`AEAD_AES_128_GCM`,
    /// `AEAD_AES_256_GCM`, `AEAD_CHACHA20_POLY1305`). lkms itself only uses [`Suite::lkms`].
    pub fn new(hash: Hash, iana_aead_name: &str) -> Option<Suite> {
        let (aead, aead_name) = match iana_aead_name {
            "AEAD_AES_128_GCM" => (&ring::aead::AES_128_GCM, "AEAD_AES_128_GCM"),
            "AEAD_AES_256_GCM" => (&ring::aead::AES_256_GCM, "AEAD_AES_256_GCM"),
            "AEAD_CHACHA20_POLY1305" => (&ring::aead::CHACHA20_POLY1305, "AEAD_CHACHA20_POLY1305"),
            _ => return None,
        };
        Some(Suite {
            hash,
            aead,
            aead_name,
        })
    }

    /// The input key length this suite needs: the AEAD's key length.
    pub fn key_len(&self) -> usize {
        self.aead.key_len()
    }

    pub fn hash(&self) -> Hash {
        self.hash
    }

    pub fn aead_name(&self) -> &'static str {
        self.aead_name
    }

    fn hkdf(&self) -> hkdf::Algorithm {
        match self.hash {
            Hash::Sha256 => hkdf::HKDF_SHA256,
            Hash::Sha512 => hkdf::HKDF_SHA512,
        }
    }
}

impl fmt::Debug for Suite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Suite(HKDF-{:?}, {})", self.hash, self.aead_name)
    }
}

/// Chunked encryption with a chosen suite and thread count.
#[derive(Clone, Debug)]
pub struct Chunked {
    suite: Suite,
    threads: usize,
}

impl Chunked {
    /// Uses up to two threads where the machine has them (see [`Chunked::threads`]).
    pub fn new(suite: Suite) -> Chunked {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Chunked {
            suite,
            threads: cores.min(2),
        }
    }

    /// Sets the number of worker threads (1 to 4; the calling thread is one of them). The
    /// output is the same whatever the count.
    pub fn threads(mut self, threads: usize) -> Chunked {
        self.threads = threads.clamp(1, pipeline::MAX_THREADS);
        self
    }

    /// Encrypts all of `input` to `output` under `key` (an input key of [`Suite::key_len`]
    /// bytes) and `context`, taking the 24-byte salt from `rng`. Memory use is bounded (about
    /// 1 MiB a thread) whatever the input size. `progress` gets the cumulative number of
    /// plaintext bytes consumed. Returns the plaintext length.
    ///
    /// `input` is any reader, or [`Source::At`] for a regular file, which the workers read
    /// at offsets in parallel (the output is the same).
    pub fn encrypt<'a, W: Write + Send>(
        &self,
        key: &SecretBytes,
        context: &[u8],
        rng: &dyn Rng,
        input: impl Into<Source<'a>>,
        mut output: W,
        progress: &mut (dyn FnMut(u64) + Send),
    ) -> Result<u64, CryptoError> {
        let mut salt = [0u8; SALT_LEN];
        rng.fill(&mut salt)?;
        let derived = derive(&self.suite, key, &salt, context)?;
        output.write_all(&salt)?;
        output.write_all(&derived.commitment)?;
        let stage = Seal(derived);
        pipeline::run(&stage, self.threads, input.into(), output, progress)
    }

    /// Decrypts a ciphertext from `input` to `output`. The commitment is checked first, so a
    /// wrong key or context fails before any chunk is opened; after that only authenticated
    /// chunks are written. When the ciphertext turns out truncated, modified or extended, the
    /// error comes after the chunks before the damage were written: callers that must not
    /// release a partial plaintext write to a temporary file and discard it on error.
    /// `progress` gets the cumulative number of ciphertext bytes consumed (after the 56-byte
    /// prefix). Returns the plaintext length.
    pub fn decrypt<'a, W: Write + Send>(
        &self,
        key: &SecretBytes,
        context: &[u8],
        input: impl Into<Source<'a>>,
        output: W,
        progress: &mut (dyn FnMut(u64) + Send),
    ) -> Result<u64, CryptoError> {
        let mut input = input.into();
        let mut prefix = [0u8; PREFIX_LEN];
        read_prefix(&mut input, &mut prefix)?;
        let (salt, commitment) = prefix.split_at(SALT_LEN);
        let salt: &[u8; SALT_LEN] = salt.try_into().expect("split at SALT_LEN");
        let derived = derive(&self.suite, key, salt, context)?;
        if !equal(&derived.commitment, commitment) {
            return Err(CryptoError::Integrity(
                "key commitment mismatch: the data key or the encryption context is wrong, \
                 or the ciphertext's salt or commitment was modified"
                    .into(),
            ));
        }
        let stage = Open(derived);
        pipeline::run(&stage, self.threads, input, output, progress)
    }
}

/// Encrypts with the lkms instantiation for `alg` (see [`Chunked::encrypt`]).
pub fn encrypt<'a, W: Write + Send>(
    alg: Algorithm,
    key: &SecretBytes,
    context: &[u8],
    rng: &dyn Rng,
    input: impl Into<Source<'a>>,
    output: W,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<u64, CryptoError> {
    Chunked::new(Suite::lkms(alg)).encrypt(key, context, rng, input, output, progress)
}

/// Decrypts with the lkms instantiation for `alg` (see [`Chunked::decrypt`]).
pub fn decrypt<'a, W: Write + Send>(
    alg: Algorithm,
    key: &SecretBytes,
    context: &[u8],
    input: impl Into<Source<'a>>,
    output: W,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<u64, CryptoError> {
    Chunked::new(Suite::lkms(alg)).decrypt(key, context, input, output, progress)
}

/// The ciphertext length for a plaintext of `len` bytes.
pub fn ciphertext_len(len: u64) -> u64 {
    PREFIX_LEN as u64 + len + (len / CHUNK_LEN as u64 + 1) * TAG_LEN as u64
}

/// The plaintext bytes in the first `sealed` bytes of the chunks (the ciphertext after its
/// prefix): each started chunk carries one tag. For a whole ciphertext it is the inverse of
/// [`ciphertext_len`]; for the part consumed so far it lets decryption show its progress in
/// the plaintext bytes a user knows the file by.
pub fn plaintext_len(sealed: u64) -> u64 {
    let chunk = (CHUNK_LEN + TAG_LEN) as u64;
    sealed.saturating_sub(sealed.div_ceil(chunk) * TAG_LEN as u64)
}

/// The per-message values derived from the input key.
pub(crate) struct Derived {
    pub(crate) key: LessSafeKey,
    base_nonce: [u8; NONCE_LEN],
    commitment: [u8; COMMITMENT_LEN],
}

/// How many bytes to ask HKDF-Expand for, in ring's terms.
struct Len(usize);
impl hkdf::KeyType for Len {
    fn len(&self) -> usize {
        self.0
    }
}

fn derive(
    suite: &Suite,
    input_key: &SecretBytes,
    salt: &[u8; SALT_LEN],
    context: &[u8],
) -> Result<Derived, CryptoError> {
    let key_len = suite.key_len();
    if input_key.len() != key_len {
        return Err(CryptoError::Integrity(format!(
            "the data key has {} bytes; {} needs {key_len}",
            input_key.len(),
            suite.aead_name
        )));
    }
    let out_len = key_len + NONCE_LEN + COMMITMENT_LEN;
    let mut okm = Zeroizing::new([0u8; MAX_KEY_LEN + NONCE_LEN + COMMITMENT_LEN]);
    let prk = hkdf::Prk::new_less_safe(suite.hkdf(), input_key.expose());
    let info = [
        INFO_PREFIX,
        suite.aead_name.as_bytes(),
        &[0u8],
        &salt[..],
        context,
    ];
    prk.expand(&info, Len(out_len))
        .and_then(|okm_ref| okm_ref.fill(&mut okm[..out_len]))
        .map_err(|_| CryptoError::Io(io::Error::other("HKDF-Expand failed")))?;
    let (key, rest) = okm[..out_len].split_at(key_len);
    let (nonce, commitment) = rest.split_at(NONCE_LEN);
    let key = UnboundKey::new(suite.aead, key)
        .map_err(|_| CryptoError::Io(io::Error::other("AEAD key setup failed")))?;
    Ok(Derived {
        key: LessSafeKey::new(key),
        base_nonce: nonce.try_into().expect("NONCE_LEN bytes"),
        commitment: commitment.try_into().expect("COMMITMENT_LEN bytes"),
    })
}

impl Derived {
    /// The nonce of chunk `index`: the base nonce XOR the index as a big-endian integer as wide
    /// as the nonce. Indexes stay below 2^38, so only the last 5 bytes can change.
    pub(crate) fn nonce(&self, index: u64) -> Nonce {
        let mut n = self.base_nonce;
        for (b, c) in n[NONCE_LEN - 8..].iter_mut().zip(index.to_be_bytes()) {
            *b ^= c;
        }
        Nonce::assume_unique_for_key(n)
    }
}

/// Compares without an early exit, so timing does not tell how much of a forged commitment
/// matched.
fn equal(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.ct_eq(b).into()
}

fn read_prefix(input: &mut Source<'_>, prefix: &mut [u8; PREFIX_LEN]) -> Result<(), CryptoError> {
    input.read_exact(prefix).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => CryptoError::Integrity(
            "ciphertext truncated: it ends inside the 56-byte salt and commitment".into(),
        ),
        _ => CryptoError::Io(e),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn plaintext_len_inverts_ciphertext_len() {
        let c = CHUNK_LEN as u64;
        for len in [0, 1, c - 1, c, c + 1, 3 * c, 300 << 20, (300 << 20) + 7] {
            assert_eq!(
                plaintext_len(ciphertext_len(len) - PREFIX_LEN as u64),
                len,
                "{len}"
            );
        }
        // Part way through: a whole chunk and half of the next, tags left out.
        assert_eq!(
            plaintext_len(c + TAG_LEN as u64 + 100),
            c + 100 - TAG_LEN as u64
        );
    }

    use super::*;
    use crate::crypto::test_support::Zeros;
    use ring::aead::Aad;

    fn derived() -> Derived {
        let key = SecretBytes::new(vec![1; 32]);
        derive(
            &Suite::lkms(Algorithm::Aes256Gcm),
            &key,
            &[2; SALT_LEN],
            b"ctx",
        )
        .unwrap()
    }

    #[test]
    fn nonce_is_the_base_xor_the_big_endian_index() {
        let d = derived();
        let base = d.base_nonce;
        let seal = |index: u64| {
            let mut block = [0u8; 16];
            let tag = d
                .key
                .seal_in_place_separate_tag(d.nonce(index), Aad::empty(), &mut block)
                .unwrap();
            (block, tag.as_ref().to_vec())
        };
        // Chunk 0x0102030405 under the derived nonce equals a seal under the expected nonce.
        let mut expected = base;
        for (b, x) in expected[7..].iter_mut().zip([1u8, 2, 3, 4, 5]) {
            *b ^= x;
        }
        let mut block = [0u8; 16];
        let tag = d
            .key
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(expected),
                Aad::empty(),
                &mut block,
            )
            .unwrap();
        assert_eq!(seal(0x01_0203_0405), (block, tag.as_ref().to_vec()));
        assert_ne!(seal(0), seal(1));
    }

    #[test]
    fn lengths_follow_the_short_final_chunk_rule() {
        assert_eq!(ciphertext_len(0), 56 + 16);
        assert_eq!(ciphertext_len(16383), 56 + 16383 + 16);
        assert_eq!(ciphertext_len(16384), 56 + 16384 + 32);
        assert_eq!(ciphertext_len(16385), 56 + 16385 + 32);
        for len in [0usize, 1, 16383, 16384, 16385, 64 * 16384] {
            let key = SecretBytes::new(vec![3; 32]);
            let mut out = Vec::new();
            let n = encrypt(
                Algorithm::ChaCha20Poly1305,
                &key,
                b"",
                &Zeros,
                &vec![0u8; len][..],
                &mut out,
                &mut |_| {},
            )
            .unwrap();
            assert_eq!(n, len as u64);
            assert_eq!(out.len() as u64, ciphertext_len(len as u64));
        }
    }

    #[test]
    fn suites_by_iana_name() {
        assert_eq!(
            Suite::new(Hash::Sha256, "AEAD_AES_256_GCM")
                .unwrap()
                .key_len(),
            32
        );
        assert_eq!(
            Suite::new(Hash::Sha512, "AEAD_AES_128_GCM")
                .unwrap()
                .key_len(),
            16
        );
        assert!(Suite::new(Hash::Sha256, "AEAD_AES_256_GCM_SIV").is_none());
        let lkms = Suite::lkms(Algorithm::ChaCha20Poly1305);
        assert_eq!(
            (lkms.hash(), lkms.aead_name()),
            (Hash::Sha256, "AEAD_CHACHA20_POLY1305")
        );
    }

    #[test]
    fn commitment_comparison() {
        assert!(equal(b"abc", b"abc"));
        assert!(!equal(b"abc", b"abd"));
        assert!(!equal(b"abc", b"ab"));
    }
}
