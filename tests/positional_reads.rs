//! The chunk pipeline reading a regular file at offsets (`Source::At`), against the stream
//! path it replaces for files: the same bytes out, the same errors in the same order, and a
//! well-formed result when the file changes while it is being read.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use lkms::crypto::CryptoError;
use lkms::crypto::aead::Algorithm;
use lkms::crypto::chunked::{
    BATCH_CHUNKS, CHUNK_LEN, Chunked, Source, Suite, TAG_LEN, ciphertext_len,
};
use lkms::crypto::random::Rng;
use lkms::crypto::secret::SecretBytes;

/// One batch of the pipeline, as plaintext and as ciphertext.
const BATCH: usize = BATCH_CHUNKS * CHUNK_LEN;
const ENCRYPTED_BATCH: usize = BATCH_CHUNKS * (CHUNK_LEN + TAG_LEN);

struct Zeros;
impl Rng for Zeros {
    fn fill(&self, dest: &mut [u8]) -> Result<(), CryptoError> {
        dest.fill(0);
        Ok(())
    }
}

fn key() -> SecretBytes {
    SecretBytes::new(vec![7; 32])
}

fn chunked(threads: usize) -> Chunked {
    Chunked::new(Suite::lkms(Algorithm::Aes256Gcm)).threads(threads)
}

fn pattern(len: usize) -> Vec<u8> {
    (0..len)
        .map(|i| (i % 251) as u8 ^ (i >> 14) as u8)
        .collect()
}

fn encrypt_stream(plain: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    chunked(1)
        .encrypt(&key(), b"ctx", &Zeros, plain, &mut out, &mut |_| {})
        .unwrap();
    out
}

/// A file holding `skip` bytes of something else, then `data`.
fn file_at(dir: &Path, name: &str, skip: usize, data: &[u8]) -> File {
    let path = dir.join(name);
    let mut f = File::create(&path).unwrap();
    f.write_all(&vec![0xAA; skip]).unwrap();
    f.write_all(data).unwrap();
    File::open(&path).unwrap()
}

#[test]
fn a_file_read_at_offsets_gives_the_bytes_a_stream_gives() {
    let dir = tempfile::tempdir().unwrap();
    let sizes = [
        0,
        1,
        BATCH - 1,
        BATCH,
        BATCH + 1,
        2 * BATCH,
        3 * BATCH + CHUNK_LEN,
        5 * BATCH + 7,
        // Past the 2 MiB after which the other workers start.
        (2 << 20) + 9 * BATCH + 11,
    ];
    for n in sizes {
        let plain = pattern(n);
        let want = encrypt_stream(&plain);
        assert_eq!(want.len() as u64, ciphertext_len(n as u64));
        for threads in [1, 2, 4] {
            // Reading starts at the offset given, not at the file's start.
            let f = file_at(dir.path(), "plain", 5, &plain);
            let mut got = Vec::new();
            let mut seen = 0;
            let len = chunked(threads)
                .encrypt(
                    &key(),
                    b"ctx",
                    &Zeros,
                    Source::At(&f, 5),
                    &mut got,
                    &mut |c| seen = c,
                )
                .unwrap();
            assert_eq!(len, n as u64, "{n} bytes, {threads} threads");
            assert_eq!(seen, n as u64, "progress, {n} bytes, {threads} threads");
            assert!(got == want, "ciphertext of {n} bytes, {threads} threads");

            let f = file_at(dir.path(), "ct", 3, &want);
            let mut back = Vec::new();
            let len = chunked(threads)
                .decrypt(&key(), b"ctx", Source::At(&f, 3), &mut back, &mut |_| {})
                .unwrap();
            assert_eq!(len, n as u64);
            assert!(back == plain, "plaintext of {n} bytes, {threads} threads");
        }
    }
}

/// Decrypts `ct` both ways; returns (stream result, file result) with what each wrote.
type Outcome = (Result<u64, String>, Vec<u8>);
fn decrypt_both(dir: &Path, ct: &[u8], threads: usize) -> (Outcome, Outcome) {
    let mut a = Vec::new();
    let ra = chunked(threads).decrypt(&key(), b"ctx", ct, &mut a, &mut |_| {});
    let f = file_at(dir, "damaged", 0, ct);
    let mut b = Vec::new();
    let rb = chunked(threads).decrypt(&key(), b"ctx", Source::At(&f, 0), &mut b, &mut |_| {});
    (
        (ra.map_err(|e| e.to_string()), a),
        (rb.map_err(|e| e.to_string()), b),
    )
}

#[test]
fn damage_is_reported_the_same_and_after_the_same_output() {
    let dir = tempfile::tempdir().unwrap();
    // A few batches, and past the 2 MiB after which the other workers start.
    for plain_len in [4 * BATCH + 100, (2 << 20) + 6 * BATCH + 100] {
        let plain = pattern(plain_len);
        let ct = encrypt_stream(&plain);
        let body = 56;
        // The second to last full batch: every batch before it is out, then the error.
        let k = plain_len / BATCH - 2;
        for threads in [1, 2, 4] {
            let mut flipped = ct.clone();
            flipped[body + k * ENCRYPTED_BATCH + 10] ^= 1;
            // Cut on a chunk boundary, inside a batch, and inside the salt.
            let cuts = [
                body + (k + 1) * ENCRYPTED_BATCH,
                body + (k - 1) * ENCRYPTED_BATCH + 5,
                ct.len() - 1,
                20,
            ];
            let mut cases = vec![flipped];
            cases.extend(cuts.iter().map(|&c| ct[..c].to_vec()));
            let mut extended = ct.clone();
            extended.push(0);
            cases.push(extended);
            for damaged in cases {
                let (stream, file) = decrypt_both(dir.path(), &damaged, threads);
                assert!(stream.0.is_err(), "{} bytes: {:?}", damaged.len(), stream.0);
                assert_eq!(
                    stream.0,
                    file.0,
                    "{} bytes, {threads} threads",
                    damaged.len()
                );
                assert!(stream.1 == file.1, "output before the error differs");
                assert!(
                    plain.starts_with(&file.1),
                    "only authenticated plaintext is out"
                );
            }
        }
    }
}

/// A writer that runs `change` once, when `after` bytes have been written: by then the
/// pipeline has read the batches before them, and (with more workers) maybe a few more.
struct ChangeWhileWriting<F: FnMut()> {
    out: Vec<u8>,
    after: usize,
    change: Option<F>,
}
impl<F: FnMut()> Write for ChangeWhileWriting<F> {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        if self.out.len() >= self.after
            && let Some(mut change) = self.change.take()
        {
            change();
        }
        self.out.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Encrypts the file at `path`, with `change` altering it once two batches are written (while
/// the other workers read the next ones); returns the ciphertext.
fn encrypt_changing(path: &Path, threads: usize, change: impl FnMut() + Send) -> Vec<u8> {
    let f = File::open(path).unwrap();
    let mut out = ChangeWhileWriting {
        out: Vec::new(),
        after: 2 * BATCH + 56,
        change: Some(change),
    };
    chunked(threads)
        .encrypt(
            &key(),
            b"ctx",
            &Zeros,
            Source::At(&f, 0),
            &mut out,
            &mut |_| {},
        )
        .unwrap();
    out.out
}

fn decrypt(ct: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    chunked(1)
        .decrypt(&key(), b"ctx", ct, &mut out, &mut |_| {})
        .expect("a well-formed ciphertext");
    out
}

#[test]
fn a_file_truncated_while_it_is_read_gives_a_whole_ciphertext_of_a_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shrinking");
    let plain = pattern(6 * BATCH + 123);
    for threads in [1, 2, 4] {
        for cut in [0, BATCH / 2, 2 * BATCH, 3 * BATCH + 1] {
            std::fs::write(&path, &plain).unwrap();
            let p = path.clone();
            let ct = encrypt_changing(&path, threads, move || {
                OpenOptions::new()
                    .write(true)
                    .open(&p)
                    .unwrap()
                    .set_len(cut as u64)
                    .unwrap();
            });
            // The reads made before the cut saw the old content, those after it the new end:
            // the output is the encryption of one prefix, ended where a read came up short.
            let back = decrypt(&ct);
            assert!(plain.starts_with(&back), "{threads} threads, cut at {cut}");
            assert!(
                back.len() >= 2 * BATCH,
                "batches 0 and 1 were read before the cut"
            );
            assert_eq!(ct.len() as u64, ciphertext_len(back.len() as u64));
        }
    }
}

#[test]
fn a_file_that_grows_while_it_is_read_gives_a_whole_ciphertext_of_a_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("growing");
    let plain = pattern(3 * BATCH + 99);
    let more = pattern(4 * BATCH);
    for threads in [1, 2] {
        std::fs::write(&path, &plain).unwrap();
        let p = path.clone();
        let extra = more.clone();
        let ct = encrypt_changing(&path, threads, move || {
            OpenOptions::new()
                .append(true)
                .open(&p)
                .unwrap()
                .write_all(&extra)
                .unwrap();
        });
        let mut whole = plain.clone();
        whole.extend_from_slice(&more);
        let back = decrypt(&ct);
        assert!(whole.starts_with(&back), "{threads} threads");
        assert!(back.len() >= plain.len(), "nothing that was there is lost");
    }
}

#[test]
fn a_ciphertext_truncated_while_it_is_decrypted_is_an_error_after_whole_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ct");
    let plain = pattern(5 * BATCH + 1000);
    let ct = encrypt_stream(&plain);
    for threads in [1, 2] {
        for cut in [56 + 2 * ENCRYPTED_BATCH, 56 + 3 * ENCRYPTED_BATCH + 17] {
            std::fs::write(&path, &ct).unwrap();
            let f = File::open(&path).unwrap();
            let p = path.clone();
            let mut out = ChangeWhileWriting {
                out: Vec::new(),
                after: 1,
                change: Some(move || {
                    OpenOptions::new()
                        .write(true)
                        .open(&p)
                        .unwrap()
                        .set_len(cut as u64)
                        .unwrap();
                }),
            };
            let r =
                chunked(threads).decrypt(&key(), b"ctx", Source::At(&f, 0), &mut out, &mut |_| {});
            assert!(
                matches!(r, Err(CryptoError::Integrity(_))),
                "{threads} threads, cut at {cut}: {r:?}"
            );
            assert!(
                plain.starts_with(&out.out),
                "only authenticated plaintext is out"
            );
        }
    }
}
