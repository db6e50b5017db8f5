//! The two directions of the chunk layer as pipeline stages: a batch of chunks sealed or
//! opened in place, and written out with one vectored write.

use std::io::{self, IoSlice, Write};

use ring::aead::{Aad, Tag};

use super::CryptoError;
use super::chunked::{CHUNK_LEN, Derived, MAX_CHUNKS, TAG_LEN};
use super::pipeline::{BATCH_CHUNKS, Stage, Tags, write_all_vectored};

const ENCRYPTED_CHUNK_LEN: usize = CHUNK_LEN + TAG_LEN;

fn chunk_index(batch: u64, j: usize) -> Result<u64, CryptoError> {
    let index = batch * BATCH_CHUNKS as u64 + j as u64;
    if index >= MAX_CHUNKS {
        return Err(CryptoError::Unsupported(
            "the message exceeds 2^38 chunks (4 PiB), the chunked-encryption limit".into(),
        ));
    }
    Ok(index)
}

/// Encryption: a batch is up to 64 plaintext chunks, contiguous; tags are kept aside and
/// interleaved by the vectored write, so no plaintext byte is ever moved.
pub(crate) struct Seal(pub(crate) Derived);

impl Stage for Seal {
    fn batch_len(&self) -> usize {
        BATCH_CHUNKS * CHUNK_LEN
    }

    fn process(
        &self,
        batch: u64,
        buf: &mut [u8],
        last: bool,
        tags: &mut Tags,
    ) -> Result<(), CryptoError> {
        // A short batch ends with the final chunk: the remainder, possibly empty.
        let chunks = if last {
            buf.len() / CHUNK_LEN + 1
        } else {
            BATCH_CHUNKS
        };
        for j in 0..chunks {
            let index = chunk_index(batch, j)?;
            let end = ((j + 1) * CHUNK_LEN).min(buf.len());
            let tag = self
                .0
                .key
                .seal_in_place_separate_tag(
                    self.0.nonce(index),
                    Aad::empty(),
                    &mut buf[j * CHUNK_LEN..end],
                )
                .map_err(|_| CryptoError::Io(io::Error::other("AEAD seal failed")))?;
            tags[j].copy_from_slice(tag.as_ref());
        }
        Ok(())
    }

    fn write<W: Write>(&self, out: &mut W, buf: &[u8], tags: &Tags) -> io::Result<u64> {
        let chunks = if buf.len() < self.batch_len() {
            buf.len() / CHUNK_LEN + 1
        } else {
            BATCH_CHUNKS
        };
        let mut slices = [IoSlice::new(&[]); 2 * BATCH_CHUNKS];
        for j in 0..chunks {
            let end = ((j + 1) * CHUNK_LEN).min(buf.len());
            slices[2 * j] = IoSlice::new(&buf[j * CHUNK_LEN..end]);
            slices[2 * j + 1] = IoSlice::new(&tags[j]);
        }
        write_all_vectored(out, &mut slices[..2 * chunks])?;
        Ok(buf.len() as u64)
    }
}

/// Decryption: a batch is up to 64 encrypted chunks as they arrive; each is opened in place
/// and the vectored write skips the tags.
pub(crate) struct Open(pub(crate) Derived);

impl Open {
    fn open(&self, index: u64, chunk: &mut [u8], last: bool) -> Result<(), CryptoError> {
        let (data, tag) = chunk.split_at_mut(chunk.len() - TAG_LEN);
        let tag = Tag::try_from(&*tag).expect("TAG_LEN bytes");
        self.0
            .key
            .open_in_place_separate_tag(self.0.nonce(index), Aad::empty(), tag, data, 0..)
            .map(|_| ())
            .map_err(|_| {
                CryptoError::Integrity(if last {
                    format!(
                        "chunk {index} (the final chunk) failed authentication: the ciphertext \
                         was modified, truncated or extended"
                    )
                } else {
                    format!(
                        "chunk {index} failed authentication: the ciphertext was modified, \
                         truncated or extended"
                    )
                })
            })
    }
}

impl Stage for Open {
    fn batch_len(&self) -> usize {
        BATCH_CHUNKS * ENCRYPTED_CHUNK_LEN
    }

    fn process(
        &self,
        batch: u64,
        buf: &mut [u8],
        last: bool,
        _tags: &mut Tags,
    ) -> Result<(), CryptoError> {
        let full = buf.len() / ENCRYPTED_CHUNK_LEN;
        for (j, chunk) in buf.chunks_exact_mut(ENCRYPTED_CHUNK_LEN).enumerate() {
            self.open(chunk_index(batch, j)?, chunk, false)?;
        }
        if !last {
            return Ok(());
        }
        let rest = buf.len() % ENCRYPTED_CHUNK_LEN;
        if rest == 0 {
            let chunks = batch * BATCH_CHUNKS as u64 + full as u64;
            return Err(CryptoError::Integrity(if chunks == 0 {
                "ciphertext truncated: no chunk follows the salt and commitment".into()
            } else {
                format!(
                    "ciphertext truncated: it ends on a chunk boundary after chunk {}, without \
                     the short final chunk",
                    chunks - 1
                )
            }));
        }
        if rest < TAG_LEN {
            return Err(CryptoError::Integrity(format!(
                "ciphertext truncated or extended: its final chunk has {rest} bytes, fewer than \
                 the {TAG_LEN}-byte authentication tag"
            )));
        }
        let index = chunk_index(batch, full)?;
        self.open(index, &mut buf[full * ENCRYPTED_CHUNK_LEN..], true)
    }

    fn write<W: Write>(&self, out: &mut W, buf: &[u8], _tags: &Tags) -> io::Result<u64> {
        let mut slices = [IoSlice::new(&[]); BATCH_CHUNKS + 1];
        let mut n = 0;
        let mut plain = 0u64;
        for chunk in buf.chunks(ENCRYPTED_CHUNK_LEN) {
            let data = &chunk[..chunk.len() - TAG_LEN];
            slices[n] = IoSlice::new(data);
            plain += data.len() as u64;
            n += 1;
        }
        write_all_vectored(out, &mut slices[..n])?;
        Ok(plain)
    }
}
