//! The C2SP chunked-encryption implementation against Wycheproof's test vectors.
//!
//! The vectors (tests/vectors/wycheproof/, see the README there for their origin) instantiate
//! the scheme with HKDF-SHA-512 and AES-128-GCM or AES-256-GCM; lkms's own instantiation is
//! HKDF-SHA-256, for which no public vectors exist. The same code runs both: only the hash
//! handed to HKDF-Expand and the AEAD name differ, and those are parameters of [`Suite`].

use std::collections::BTreeSet;

use lkms::crypto::CryptoError;
use lkms::crypto::chunked::{Chunked, Hash, Suite};
use lkms::crypto::random::Rng;
use lkms::crypto::secret::SecretBytes;
use serde_json::Value;

fn hex(s: &str) -> Vec<u8> {
    assert!(s.len().is_multiple_of(2), "odd hex length");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn hex_string(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Hands out the bytes it was given: here, the salt of the vector being re-encrypted.
struct Fixed(Vec<u8>);
impl Rng for Fixed {
    fn fill(&self, dest: &mut [u8]) -> Result<(), CryptoError> {
        dest.copy_from_slice(&self.0[..dest.len()]);
        Ok(())
    }
}

fn run_file(name: &str) -> usize {
    let path = format!(
        "{}/tests/vectors/wycheproof/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let set: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let mut ran = 0;
    for group in set["testGroups"].as_array().unwrap() {
        let hash = match group["sha"].as_str().unwrap() {
            "SHA-256" => Hash::Sha256,
            "SHA-512" => Hash::Sha512,
            other => panic!("{name}: unexpected hash {other}"),
        };
        let suite = Suite::new(hash, group["aead"].as_str().unwrap()).unwrap();
        for t in group["tests"].as_array().unwrap() {
            check(name, suite, t);
            ran += 1;
        }
    }
    assert_eq!(ran as u64, set["numberOfTests"].as_u64().unwrap());
    ran
}

fn check(file: &str, suite: Suite, t: &Value) {
    let id = format!(
        "{file} tcId {}: {}",
        t["tcId"],
        t["comment"].as_str().unwrap()
    );
    let key = SecretBytes::new(hex(t["key"].as_str().unwrap()));
    let ctx = hex(t["ctx"].as_str().unwrap());
    // Upstream stores `ct` zlib-compressed, then hex-encoded, to keep multi-MiB vectors small.
    let ct = miniz_oxide::inflate::decompress_to_vec_zlib(&hex(t["ct"].as_str().unwrap()))
        .unwrap_or_else(|e| panic!("{id}: bad zlib: {e:?}"));
    let flags: BTreeSet<&str> = t["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();

    for threads in [1, 2] {
        let chunked = Chunked::new(suite).threads(threads);
        let mut out = Vec::new();
        let result = chunked.decrypt(&key, &ctx, &ct[..], &mut out, &mut |_| {});
        match t["result"].as_str().unwrap() {
            "valid" => {
                let len = result.unwrap_or_else(|e| panic!("{id}: {e}"));
                assert_eq!(len, t["msgLength"].as_u64().unwrap(), "{id}");
                assert_eq!(out.len() as u64, len, "{id}");
                let digest = ring::digest::digest(&ring::digest::SHA512, &out);
                assert_eq!(
                    hex_string(digest.as_ref()),
                    t["msgSha512"].as_str().unwrap(),
                    "{id}"
                );
                // Encrypting the plaintext again with the vector's salt gives its bytes back:
                // this checks the encryption side, derivation and chunking included.
                let mut again = Vec::new();
                chunked
                    .encrypt(
                        &key,
                        &ctx,
                        &Fixed(ct[..24].to_vec()),
                        &out[..],
                        &mut again,
                        &mut |_| {},
                    )
                    .unwrap();
                assert!(again == ct, "{id}: re-encryption differs");
            }
            "invalid" => {
                let err = match result {
                    Err(e) => e,
                    Ok(_) => panic!("{id}: accepted an invalid ciphertext"),
                };
                assert!(matches!(err, CryptoError::Integrity(_)), "{id}: {err:?}");
                let msg = err.to_string();
                if flags.contains("HeaderFailure") {
                    // Rejected before any chunk was opened: nothing may have been written.
                    assert!(out.is_empty(), "{id}");
                    let expected = if flags.contains("InvalidKeySize") {
                        "the data key has"
                    } else if flags.contains("Truncation") {
                        "ciphertext truncated: it ends inside the 56-byte salt and commitment"
                    } else {
                        "key commitment mismatch"
                    };
                    assert!(msg.starts_with(expected), "{id}: {msg}");
                } else {
                    // A streaming decryptor may have released authenticated chunks, but never
                    // more than the longest valid prefix.
                    let limit = t["msgLength"].as_u64().unwrap_or(0);
                    assert!(out.len() as u64 <= limit, "{id}: wrote {} bytes", out.len());
                    assert!(
                        msg.contains("truncated") || msg.contains("failed authentication"),
                        "{id}: {msg}"
                    );
                }
            }
            other => panic!("{id}: unexpected result {other}"),
        }
    }
}

#[test]
fn wycheproof_cobblestone_aes_256_gcm() {
    assert_eq!(
        run_file("c2sp_chunked_encryption_aes_256_gcm_test.json"),
        35
    );
}

#[test]
fn wycheproof_cobblestone_aes_128_gcm() {
    assert_eq!(
        run_file("c2sp_chunked_encryption_aes_128_gcm_test.json"),
        35
    );
}
