//! The lkms ciphertext format, pinned: fixed key material and fixed randomness must give exactly
//! the bytes committed under tests/vectors/, and every kind of damage must give its own error.
//!
//! A deliberate format change regenerates the files with `LKMS_UPDATE_VECTORS=1 cargo test
//! --test format_vectors` (then docs/FORMAT.md's worked example must be updated with them);
//! without that variable a changed byte fails the test.

use std::io::Read;

use lkms::crypto::CryptoError;
use lkms::crypto::aead::Algorithm;
use lkms::crypto::chunked;
use lkms::crypto::envelope::{self, Context, Header, WrappingKey};
use lkms::crypto::material::KeySpec;
use lkms::crypto::random::Rng;
use lkms::crypto::secret::SecretBytes;
use proptest::prelude::*;
use uuid::Uuid;

/// Hands out the bytes it was built with, in order, as the randomness of one operation.
struct Sequence(std::sync::Mutex<Vec<u8>>);
impl Sequence {
    fn new(bytes: Vec<u8>) -> Self {
        Sequence(std::sync::Mutex::new(bytes))
    }
}
impl Rng for Sequence {
    fn fill(&self, dest: &mut [u8]) -> Result<(), CryptoError> {
        let mut left = self.0.lock().unwrap();
        assert!(left.len() >= dest.len(), "test randomness exhausted");
        dest.copy_from_slice(&left[..dest.len()]);
        left.drain(..dest.len());
        Ok(())
    }
}

fn counting(from: u8, len: usize) -> Vec<u8> {
    (0..len).map(|i| from.wrapping_add(i as u8)).collect()
}

/// The randomness of every vector: data key 40..5f, wrap nonce 60..6b, salt 70..87 (hex).
fn fixed_rng() -> Sequence {
    let mut bytes = counting(0x40, 32);
    bytes.extend(counting(0x60, 12));
    bytes.extend(counting(0x70, 24));
    Sequence::new(bytes)
}

const KEY_ID: &str = "0f1e2d3c-4b5a-4c78-8796-a5b4c3d2e1f0";
const KEY_VERSION: u32 = 3;
const SHORT: &[u8] = b"lkms test vector: hello, envelope!\n";

fn material() -> SecretBytes {
    SecretBytes::new(counting(0x00, 32))
}

fn wrapping_key(spec: KeySpec, material: &SecretBytes) -> WrappingKey<'_> {
    WrappingKey {
        key_id: Uuid::parse_str(KEY_ID).unwrap(),
        version: KEY_VERSION,
        spec,
        material,
    }
}

fn context() -> Context {
    [("app", "billing"), ("env", "prod")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// 40,000 bytes: two full chunks and a short final one of 7,232.
fn long_plaintext() -> Vec<u8> {
    (0..40_000u32).map(|i| (i * 7 + i / 251) as u8).collect()
}

fn encrypt(spec: KeySpec, context: &Context, plaintext: &[u8]) -> Vec<u8> {
    let material = material();
    let mut out = Vec::new();
    let n = envelope::encrypt(
        &wrapping_key(spec, &material),
        context,
        plaintext,
        &mut out,
        &fixed_rng(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(n, plaintext.len() as u64);
    out
}

fn decrypt_with(ciphertext: &[u8], material: &SecretBytes) -> Result<Vec<u8>, CryptoError> {
    let mut input = ciphertext;
    let header = Header::read_from(&mut input)?;
    let data_key = header.unwrap_data_key(material)?;
    let mut out = Vec::new();
    envelope::decrypt_body(&header, &data_key, input, &mut out, &mut |_| {})?;
    Ok(out)
}

fn decrypt(ciphertext: &[u8]) -> Result<Vec<u8>, CryptoError> {
    decrypt_with(ciphertext, &material())
}

fn err(result: Result<Vec<u8>, CryptoError>) -> String {
    match result {
        Ok(_) => panic!("damaged ciphertext accepted"),
        Err(CryptoError::Integrity(m)) => m,
        Err(e) => panic!("expected an integrity error, got {e:?}"),
    }
}

fn vector_path(name: &str) -> String {
    format!("{}/tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn to_hex(bytes: &[u8]) -> String {
    let mut s: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    s.push('\n');
    s
}

fn from_hex(s: &str) -> Vec<u8> {
    let s = s.trim();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// Compares with the committed file (hex for `.hex`, raw otherwise), or rewrites it on request.
fn pinned(name: &str, bytes: &[u8]) {
    let path = vector_path(name);
    let hex = name.ends_with(".hex");
    if std::env::var_os("LKMS_UPDATE_VECTORS").is_some() {
        let data = if hex {
            to_hex(bytes).into_bytes()
        } else {
            bytes.to_vec()
        };
        std::fs::write(&path, data).unwrap();
    }
    let committed = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let committed = if hex {
        from_hex(std::str::from_utf8(&committed).unwrap())
    } else {
        committed
    };
    assert!(
        committed == bytes,
        "{name}: the format changed (see this file's header)"
    );
}

fn short_aes() -> Vec<u8> {
    encrypt(KeySpec::Aes256Gcm, &context(), SHORT)
}

fn long_aes() -> Vec<u8> {
    encrypt(KeySpec::Aes256Gcm, &context(), &long_plaintext())
}

#[test]
fn fixed_inputs_give_the_committed_bytes() {
    let short = short_aes();
    pinned("lkms_v1_aes256gcm_short.hex", &short);
    assert_eq!(decrypt(&short).unwrap(), SHORT);

    let chacha = encrypt(KeySpec::ChaCha20Poly1305, &context(), SHORT);
    pinned("lkms_v1_chacha20poly1305_short.hex", &chacha);
    assert_eq!(decrypt(&chacha).unwrap(), SHORT);

    let empty = encrypt(KeySpec::Aes256Gcm, &Context::new(), b"");
    pinned("lkms_v1_aes256gcm_empty_no_context.hex", &empty);
    assert_eq!(decrypt(&empty).unwrap(), b"");

    let long = long_aes();
    pinned("lkms_v1_aes256gcm_40000.bin", &long);
    assert_eq!(decrypt(&long).unwrap(), long_plaintext());
}

#[test]
fn header_fields_read_back() {
    let ct = short_aes();
    let header = Header::read_from(&ct[..]).unwrap();
    assert_eq!(header.key_id(), Uuid::parse_str(KEY_ID).unwrap());
    assert_eq!(header.key_version(), KEY_VERSION);
    assert_eq!(header.algorithm(), Algorithm::Aes256Gcm);
    assert_eq!(header.wrapping_algorithm(), Algorithm::Aes256Gcm);
    assert_eq!(header.context(), &context());
    // Header, then salt and commitment, then one chunk with its tag.
    assert_eq!(header.encoded_len(), 93 + 4 + 3 + 7 + 4 + 3 + 4);
    assert_eq!(
        ct.len() as u64,
        header.encoded_len() as u64 + chunked::ciphertext_len(SHORT.len() as u64)
    );
    assert_eq!(header.to_bytes(), ct[..header.encoded_len()]);
}

#[test]
fn rewrap_changes_only_the_header() {
    let ct = short_aes();
    let header = Header::read_from(&ct[..]).unwrap();
    let data_key = header.unwrap_data_key(&material()).unwrap();
    let other_material = SecretBytes::new(counting(0x20, 32));
    let to = WrappingKey {
        key_id: Uuid::parse_str("7c9e6679-7425-40de-944b-e07fc1f90ae7").unwrap(),
        version: 4,
        spec: KeySpec::ChaCha20Poly1305,
        material: &other_material,
    };
    let new =
        envelope::rewrap(&header, &data_key, &to, &Sequence::new(counting(0x90, 12))).unwrap();
    let mut rewrapped = new.to_bytes();
    pinned("lkms_v1_aes256gcm_short_rewrapped_header.hex", &rewrapped);
    assert_eq!(
        new.algorithm(),
        Algorithm::Aes256Gcm,
        "the body keeps its algorithm"
    );
    assert_eq!(new.wrapping_algorithm(), Algorithm::ChaCha20Poly1305);
    assert_eq!((new.key_id(), new.key_version()), (to.key_id, 4));
    assert_eq!(new.context(), header.context());
    rewrapped.extend_from_slice(&ct[header.encoded_len()..]);
    assert_eq!(decrypt_with(&rewrapped, &other_material).unwrap(), SHORT);
    assert!(
        decrypt(&rewrapped).is_err(),
        "the old key no longer opens it"
    );
}

const HEADER_LEN: usize = 118;

#[test]
fn flipped_bits_in_the_header_give_their_errors() {
    let ct = short_aes();
    assert_eq!(
        Header::read_from(&ct[..]).unwrap().encoded_len(),
        HEADER_LEN
    );
    let flip = |offset: usize| {
        let mut c = ct.clone();
        c[offset] ^= 0x01;
        decrypt(&c)
    };
    // The library names the fact; the command line adds which file to check
    // (tests/cli/expected/errors.txt pins the whole message).
    match flip(0) {
        Err(e @ CryptoError::NotCiphertext) => assert_eq!(
            e.to_string(),
            "not an lkms ciphertext: it does not start with \"LKMS\""
        ),
        other => panic!("{other:?}"),
    }
    // Version 1 -> 0, which does not exist: damage, not a newer format.
    assert_eq!(
        err(flip(4)),
        "malformed header: format version 0 does not exist"
    );
    let mut newer = ct.clone();
    newer[4] = 2;
    match decrypt(&newer) {
        Err(CryptoError::Unsupported(m)) => assert_eq!(
            m,
            "this ciphertext is in lkms format version 2, but this lkms reads only version 1: \
             use an lkms that reads version 2"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        err(flip(8)),
        "malformed header: its length field does not match its contents"
    );
    let unwrap_failed = "the data key does not authenticate under key \
                         0f1e2d3c-4b5a-4c78-8796-a5b4c3d2e1f0 version 3: the key material is not \
                         that version's, or the header (its encryption context included) was \
                         modified";
    // Body algorithm 1 -> 3 is unknown; wrapping 1 -> 0 too: within version 1, damage.
    assert!(matches!(flip(9), Err(CryptoError::Integrity(_))));
    assert!(matches!(flip(10), Err(CryptoError::Integrity(_))));
    // A context value, the wrap nonce, the wrapped key: the key wrap fails.
    for offset in [45, HEADER_LEN - 60, HEADER_LEN - 1] {
        assert_eq!(err(flip(offset)), unwrap_failed, "offset {offset}");
    }
    // The key version (3 -> 2) or key id changes: the message names what the header now claims.
    assert_eq!(
        err(flip(30)),
        unwrap_failed.replace("version 3", "version 2")
    );
    // The key id changes, and the message names the key the header now claims.
    assert!(err(flip(11)).starts_with("the data key does not authenticate under key 0e1e2d3c-"));
}

#[test]
fn flipped_bits_in_the_body_give_their_errors() {
    let ct = long_aes();
    let body = HEADER_LEN;
    let flip = |offset: usize| {
        let mut c = ct.clone();
        c[offset] ^= 0x80;
        decrypt(&c)
    };
    let commitment = "key commitment mismatch: the data key or the encryption context is wrong, \
                      or the ciphertext's salt or commitment was modified";
    assert_eq!(err(flip(body)), commitment, "salt");
    assert_eq!(err(flip(body + 30)), commitment, "commitment");
    let chunk = |i: usize| {
        format!(
            "chunk {i} failed authentication: the ciphertext was modified, truncated or extended"
        )
    };
    assert_eq!(err(flip(body + 56)), chunk(0));
    assert_eq!(err(flip(body + 56 + 16400 + 16399)), chunk(1), "a tag");
    assert_eq!(
        err(flip(ct.len() - 1)),
        "chunk 2 (the final chunk) failed authentication: the ciphertext was modified, \
         truncated or extended"
    );
}

#[test]
fn truncation_and_extension_are_detected() {
    let ct = long_aes();
    let body = HEADER_LEN + 56;
    let at = |len: usize| decrypt(&ct[..len]);
    assert_eq!(
        err(at(body + 2 * 16400)),
        "ciphertext truncated: it ends on a chunk boundary after chunk 1, without the short \
         final chunk"
    );
    assert_eq!(
        err(at(body)),
        "ciphertext truncated: no chunk follows the salt and commitment"
    );
    assert_eq!(
        err(at(body + 16400 + 100)),
        "chunk 1 (the final chunk) failed authentication: the ciphertext was modified, \
         truncated or extended"
    );
    assert_eq!(
        err(at(body + 16400 + 15)),
        "ciphertext truncated or extended: its final chunk has 15 bytes, fewer than the 16-byte \
         authentication tag"
    );
    assert_eq!(
        err(at(body - 1)),
        "ciphertext truncated: it ends inside the 56-byte salt and commitment"
    );
    assert_eq!(
        err(at(50)),
        "ciphertext truncated: it ends inside the header"
    );
    assert_eq!(
        err(at(0)),
        "ciphertext truncated: it ends inside the header"
    );

    let mut extended = ct.clone();
    extended.push(0);
    assert_eq!(
        err(decrypt(&extended)),
        "chunk 2 (the final chunk) failed authentication: the ciphertext was modified, \
         truncated or extended"
    );
    // A whole valid ciphertext appended: the short chunk is no longer last.
    let mut doubled = ct.clone();
    doubled.extend_from_slice(&ct[body..]);
    assert_eq!(
        err(decrypt(&doubled)),
        "chunk 2 failed authentication: the ciphertext was modified, truncated or extended"
    );
}

#[test]
fn wrong_context_and_wrong_material_are_refused() {
    let ct = short_aes();
    // The context in the header edited in place ("prod" -> "prof"): the key wrap refuses it.
    let mut edited = ct.clone();
    let at = ct.windows(4).position(|w| w == b"prod").unwrap();
    edited[at + 3] = b'f';
    assert!(err(decrypt(&edited)).starts_with("the data key does not authenticate under key"));

    // A header whose wrap is valid for the same data key but another context, in front of
    // this body: the key unwraps, and the body's commitment refuses the context.
    let mut other = context();
    other.insert("env".into(), "test".into());
    let foreign = encrypt(KeySpec::Aes256Gcm, &other, SHORT);
    let foreign_header = Header::read_from(&foreign[..]).unwrap();
    let mut spliced = foreign_header.to_bytes();
    spliced.extend_from_slice(&ct[HEADER_LEN..]);
    assert_eq!(
        err(decrypt(&spliced)),
        "key commitment mismatch: the data key or the encryption context is wrong, or the \
         ciphertext's salt or commitment was modified"
    );

    // Material of another version of the key.
    let wrong = SecretBytes::new(counting(0x01, 32));
    assert_eq!(
        err(decrypt_with(&ct, &wrong)),
        "the data key does not authenticate under key 0f1e2d3c-4b5a-4c78-8796-a5b4c3d2e1f0 \
         version 3: the key material is not that version's, or the header (its encryption \
         context included) was modified"
    );
}

#[test]
fn every_flipped_bit_fails() {
    let ct = short_aes();
    for i in 0..ct.len() * 8 {
        let mut c = ct.clone();
        c[i / 8] ^= 1 << (i % 8);
        assert!(decrypt(&c).is_err(), "bit {i} flipped was accepted");
    }
}

fn round_trip(spec: KeySpec, len: usize, threads_equal: bool) {
    let plaintext: Vec<u8> = (0..len)
        .map(|i| (i % 251) as u8 ^ (i >> 12) as u8)
        .collect();
    let ct = encrypt(spec, &context(), &plaintext);
    let header_len = Header::read_from(&ct[..]).unwrap().encoded_len() as u64;
    assert_eq!(
        ct.len() as u64,
        header_len + chunked::ciphertext_len(len as u64),
        "{len}"
    );
    assert!(decrypt(&ct).unwrap() == plaintext, "{spec} {len}");
    if threads_equal {
        // The output must not depend on the thread count.
        let mut input = &ct[header_len as usize..];
        let header = Header::read_from(&ct[..]).unwrap();
        let data_key = header.unwrap_data_key(&material()).unwrap();
        let body_context_free = {
            let mut body = Vec::new();
            input.read_to_end(&mut body).unwrap();
            body
        };
        for threads in [1, 2, 3] {
            let mut out = Vec::new();
            let mut progress = 0;
            chunked::Chunked::new(chunked::Suite::lkms(header.algorithm()))
                .threads(threads)
                .encrypt(
                    &data_key,
                    &body_context(&header),
                    &Sequence::new(counting(0x70, 24)),
                    &plaintext[..],
                    &mut out,
                    &mut |n| progress = n,
                )
                .unwrap();
            assert!(out == body_context_free, "threads {threads}, {len} bytes");
            assert_eq!(progress, len as u64);
        }
    }
}

/// The body context as FORMAT.md defines it, rebuilt here independently of the library.
fn body_context(header: &Header) -> Vec<u8> {
    let mut c = b"LKMS\x01".to_vec();
    c.push(header.algorithm().wire_id());
    c.extend_from_slice(&(header.context().len() as u16).to_be_bytes());
    for (k, v) in header.context() {
        c.extend_from_slice(&(k.len() as u16).to_be_bytes());
        c.extend_from_slice(k.as_bytes());
        c.extend_from_slice(&(v.len() as u16).to_be_bytes());
        c.extend_from_slice(v.as_bytes());
    }
    c
}

#[test]
fn round_trips_at_chunk_edges() {
    for spec in [KeySpec::Aes256Gcm, KeySpec::ChaCha20Poly1305] {
        for len in [0, 1, 16383, 16384, 16385, 32768] {
            round_trip(spec, len, true);
        }
    }
}

#[test]
fn round_trips_several_mib() {
    // Crosses batch boundaries (64 chunks) and the byte boundary of the chunk counter (256).
    round_trip(KeySpec::Aes256Gcm, 5 * 1024 * 1024 + 3, true);
    round_trip(KeySpec::ChaCha20Poly1305, 64 * 16384, true);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn round_trips_random_inputs(
        data in proptest::collection::vec(any::<u8>(), 0..80_000),
        chacha in any::<bool>(),
        k in "[a-z]{1,8}",
        v in "[ -~]{0,16}",
    ) {
        let spec = if chacha { KeySpec::ChaCha20Poly1305 } else { KeySpec::Aes256Gcm };
        let context: Context = [(k, v)].into_iter().collect();
        let ct = encrypt(spec, &context, &data);
        let header = Header::read_from(&ct[..]).unwrap();
        prop_assert_eq!(header.context(), &context);
        prop_assert_eq!(decrypt(&ct).unwrap(), data);
    }
}
