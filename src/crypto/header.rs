//! The ciphertext header: its fields, its canonical encoding, and a bounded parser.
//!
//! docs/FORMAT.md is the normative description; this file implements it. Every length read from
//! a ciphertext is checked against the bounds below before anything is allocated, and the
//! encoding is canonical (context pairs sorted, no duplicates), so that the bytes the wrapping
//! AEAD and the body commitment authenticate are a function of the fields alone.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};

use uuid::Uuid;

use super::CryptoError;
use super::aead::Algorithm;

/// An encryption context, as AWS KMS's: non-secret key-value pairs bound to the ciphertext.
/// A `BTreeMap` iterates in byte order of the keys, which is the canonical order.
pub type Context = BTreeMap<String, String>;

/// The four bytes every lkms ciphertext starts with.
pub const MAGIC: [u8; 4] = *b"LKMS";
/// The only format version this code reads and writes.
pub const FORMAT_VERSION: u8 = 1;
/// Context pairs in one ciphertext, at most.
pub const MAX_CONTEXT_PAIRS: usize = 64;
/// Bytes (UTF-8) in one context key, at most; keys are never empty.
pub const MAX_CONTEXT_KEY_LEN: usize = 256;
/// Bytes (UTF-8) in one context value, at most; values may be empty.
pub const MAX_CONTEXT_VALUE_LEN: usize = 4096;
/// Bytes of all encoded pairs together (each: 2 + key + 2 + value), at most.
pub const MAX_CONTEXT_LEN: usize = 8192;

/// Magic, version, header length, two algorithm ids, key id, key version, pair count.
const FIXED_LEN: usize = 4 + 1 + 4 + 1 + 1 + 16 + 4 + 2;
/// The wrapped data key: nonce, then the 32-byte key sealed with its 16-byte tag.
pub(crate) const WRAP_NONCE_LEN: usize = Algorithm::NONCE_LEN;
pub(crate) const WRAPPED_KEY_LEN: usize = Algorithm::KEY_LEN + Algorithm::TAG_LEN;
const TRAILER_LEN: usize = WRAP_NONCE_LEN + WRAPPED_KEY_LEN;
/// The shortest header: no context pairs.
pub const MIN_HEADER_LEN: usize = FIXED_LEN + TRAILER_LEN;
/// The longest header: a context of `MAX_CONTEXT_LEN` bytes.
pub const MAX_HEADER_LEN: usize = MIN_HEADER_LEN + MAX_CONTEXT_LEN;

/// The header of an lkms ciphertext. It names the key version that wraps the data key and the
/// algorithm and context of the body; it holds no secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub(crate) algorithm: Algorithm,
    pub(crate) wrapping: Algorithm,
    pub(crate) key_id: Uuid,
    pub(crate) key_version: u32,
    pub(crate) context: Context,
    pub(crate) wrap_nonce: [u8; WRAP_NONCE_LEN],
    pub(crate) wrapped_key: [u8; WRAPPED_KEY_LEN],
}

impl Header {
    /// The id of the key whose version wraps the data key.
    pub fn key_id(&self) -> Uuid {
        self.key_id
    }
    /// The key version (1, 2, ...) that wraps the data key.
    pub fn key_version(&self) -> u32 {
        self.key_version
    }
    /// The AEAD of the body (the spec of the key that first encrypted it; `re-encrypt` keeps it).
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }
    /// The AEAD that wraps the data key: the spec of the key named by `key_id`.
    pub fn wrapping_algorithm(&self) -> Algorithm {
        self.wrapping
    }
    /// The encryption context, authenticated by both the key wrap and the body.
    pub fn context(&self) -> &Context {
        &self.context
    }
    /// The header's length in bytes: the body starts at this offset.
    pub fn encoded_len(&self) -> usize {
        FIXED_LEN + context_len(&self.context) + TRAILER_LEN
    }

    /// The encoded header.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.wrap_aad();
        out.extend_from_slice(&self.wrap_nonce);
        out.extend_from_slice(&self.wrapped_key);
        out
    }

    /// Writes the encoded header.
    pub fn write_to<W: Write>(&self, mut w: W) -> io::Result<()> {
        w.write_all(&self.to_bytes())
    }

    /// The header bytes before the wrapped key: the associated data of the key wrap, which so
    /// binds every other header field.
    pub(crate) fn wrap_aad(&self) -> Vec<u8> {
        let len = self.encoded_len();
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(&MAGIC);
        out.push(FORMAT_VERSION);
        // At most MAX_HEADER_LEN, far below u32::MAX.
        let len = u32::try_from(len).expect("header length is bounded");
        out.extend_from_slice(&len.to_be_bytes());
        out.push(self.algorithm.wire_id());
        out.push(self.wrapping.wire_id());
        out.extend_from_slice(self.key_id.as_bytes());
        out.extend_from_slice(&self.key_version.to_be_bytes());
        encode_context(&self.context, &mut out);
        out
    }

    /// The chunked-encryption context of the body: the fields `re-encrypt` leaves alone (magic,
    /// format version, body algorithm, encryption context), so rewrapping never touches it.
    pub(crate) fn body_context(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + 1 + 1 + 2 + context_len(&self.context));
        out.extend_from_slice(&MAGIC);
        out.push(FORMAT_VERSION);
        out.push(self.algorithm.wire_id());
        encode_context(&self.context, &mut out);
        out
    }

    /// Reads and checks a header, consuming exactly its bytes so that `r` is left at the body.
    /// At most [`MAX_HEADER_LEN`] bytes are allocated, and only after the length is checked.
    pub fn read_from<R: Read>(mut r: R) -> Result<Header, CryptoError> {
        let mut start = [0u8; 9];
        read_exact(&mut r, &mut start[..5])?;
        if start[..4] != MAGIC {
            return Err(CryptoError::NotCiphertext);
        }
        if start[4] == 0 {
            return Err(malformed(
                "malformed header: format version 0 does not exist",
            ));
        }
        if start[4] != FORMAT_VERSION {
            return Err(CryptoError::Unsupported(format!(
                "this ciphertext is in lkms format version {}, but this lkms reads only version \
                 {FORMAT_VERSION}: use an lkms that reads version {}",
                start[4], start[4]
            )));
        }
        read_exact(&mut r, &mut start[5..])?;
        let len = u32::from_be_bytes(start[5..9].try_into().expect("4 bytes")) as usize;
        if !(MIN_HEADER_LEN..=MAX_HEADER_LEN).contains(&len) {
            return Err(malformed(format!(
                "malformed header: its length {len} is outside {MIN_HEADER_LEN}..={MAX_HEADER_LEN}"
            )));
        }
        let mut rest = vec![0u8; len - start.len()];
        read_exact(&mut r, &mut rest)?;
        parse(&rest)
    }
}

/// Checks a context against the format's bounds, with a message fit for the user.
pub fn check_context(context: &Context) -> Result<(), String> {
    if context.len() > MAX_CONTEXT_PAIRS {
        return Err(format!(
            "the encryption context has {} pairs; at most {MAX_CONTEXT_PAIRS} are allowed",
            context.len()
        ));
    }
    for (k, v) in context {
        if k.is_empty() || k.len() > MAX_CONTEXT_KEY_LEN {
            return Err(format!(
                "encryption context key `{k}` has {} bytes; keys have 1 to {MAX_CONTEXT_KEY_LEN}",
                k.len()
            ));
        }
        if v.len() > MAX_CONTEXT_VALUE_LEN {
            return Err(format!(
                "the encryption context value of `{k}` has {} bytes; at most \
                 {MAX_CONTEXT_VALUE_LEN} are allowed",
                v.len()
            ));
        }
    }
    let total = context_len(context);
    if total > MAX_CONTEXT_LEN {
        return Err(format!(
            "the encryption context takes {total} bytes encoded; at most {MAX_CONTEXT_LEN} are allowed"
        ));
    }
    Ok(())
}

fn context_len(context: &Context) -> usize {
    context.iter().map(|(k, v)| 4 + k.len() + v.len()).sum()
}

/// Pair count (u16), then each pair in byte order of keys: key length (u16), key, value length
/// (u16), value. Callers have checked the bounds, which keep every length within u16.
fn encode_context(context: &Context, out: &mut Vec<u8>) {
    let len16 = |n: usize| u16::try_from(n).expect("context bounds were checked");
    out.extend_from_slice(&len16(context.len()).to_be_bytes());
    for (k, v) in context {
        out.extend_from_slice(&len16(k.len()).to_be_bytes());
        out.extend_from_slice(k.as_bytes());
        out.extend_from_slice(&len16(v.len()).to_be_bytes());
        out.extend_from_slice(v.as_bytes());
    }
}

fn malformed(msg: impl Into<String>) -> CryptoError {
    CryptoError::Integrity(msg.into())
}

fn read_exact<R: Read>(r: &mut R, buf: &mut [u8]) -> Result<(), CryptoError> {
    r.read_exact(buf).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => {
            malformed("ciphertext truncated: it ends inside the header")
        }
        _ => CryptoError::Io(e),
    })
}

/// A cursor over the header bytes after the length field; every take is bounds-checked.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], CryptoError> {
        if self.0.len() < n {
            return Err(malformed(format!(
                "malformed header: it ends inside the {what}"
            )));
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }
    fn u8(&mut self, what: &str) -> Result<u8, CryptoError> {
        Ok(self.take(1, what)?[0])
    }
    fn u16(&mut self, what: &str) -> Result<usize, CryptoError> {
        Ok(u16::from_be_bytes(self.take(2, what)?.try_into().expect("2 bytes")) as usize)
    }
    fn string(&mut self, max: usize, what: &str) -> Result<String, CryptoError> {
        let len = self.u16(what)?;
        if len > max {
            return Err(malformed(format!(
                "malformed header: a {what} of {len} bytes exceeds the limit of {max}"
            )));
        }
        let bytes = self.take(len, what)?;
        String::from_utf8(bytes.to_vec())
            .map_err(|_| malformed(format!("malformed header: a {what} is not UTF-8")))
    }
}

fn algorithm_id(id: u8, what: &str) -> Result<Algorithm, CryptoError> {
    Algorithm::from_wire_id(id).ok_or_else(|| {
        // Within format version 1 the ids are fixed: another id is damage, not a newer lkms.
        malformed(format!(
            "malformed header: it names {what} algorithm {id}, which this lkms does not know"
        ))
    })
}

fn parse(bytes: &[u8]) -> Result<Header, CryptoError> {
    let mut c = Cursor(bytes);
    let algorithm = algorithm_id(c.u8("body algorithm")?, "body")?;
    let wrapping = algorithm_id(c.u8("wrapping algorithm")?, "wrapping")?;
    let key_id = Uuid::from_bytes(c.take(16, "key id")?.try_into().expect("16 bytes"));
    let key_version = u32::from_be_bytes(c.take(4, "key version")?.try_into().expect("4 bytes"));
    if key_version == 0 {
        return Err(malformed("malformed header: key version 0 does not exist"));
    }
    let pairs = c.u16("context pair count")?;
    if pairs > MAX_CONTEXT_PAIRS {
        return Err(malformed(format!(
            "malformed header: {pairs} context pairs exceed the limit of {MAX_CONTEXT_PAIRS}"
        )));
    }
    let mut context = Context::new();
    for _ in 0..pairs {
        let k = c.string(MAX_CONTEXT_KEY_LEN, "context key")?;
        let v = c.string(MAX_CONTEXT_VALUE_LEN, "context value")?;
        if k.is_empty() {
            return Err(malformed("malformed header: an empty context key"));
        }
        // Canonical order (strictly ascending keys) makes the encoding unique, so the
        // authenticated bytes and the context a reader shows cannot disagree.
        if context.last_key_value().is_some_and(|(last, _)| *last >= k) {
            return Err(malformed(
                "malformed header: context keys are not in strictly ascending order",
            ));
        }
        context.insert(k, v);
    }
    let wrap_nonce = c
        .take(WRAP_NONCE_LEN, "wrapped data key")?
        .try_into()
        .expect("12");
    let wrapped_key = c
        .take(WRAPPED_KEY_LEN, "wrapped data key")?
        .try_into()
        .expect("48");
    if !c.0.is_empty() {
        return Err(malformed(
            "malformed header: its length field does not match its contents",
        ));
    }
    let header = Header {
        algorithm,
        wrapping,
        key_id,
        key_version,
        context,
        wrap_nonce,
        wrapped_key,
    };
    debug_assert_eq!(header.encoded_len(), bytes.len() + 9);
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(context: Context) -> Header {
        Header {
            algorithm: Algorithm::Aes256Gcm,
            wrapping: Algorithm::ChaCha20Poly1305,
            key_id: Uuid::from_bytes([7; 16]),
            key_version: 2,
            context,
            wrap_nonce: [1; WRAP_NONCE_LEN],
            wrapped_key: [2; WRAPPED_KEY_LEN],
        }
    }

    fn ctx(pairs: &[(&str, &str)]) -> Context {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn integrity(r: Result<Header, CryptoError>) -> String {
        match r {
            Err(CryptoError::Integrity(m)) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn encodes_and_parses_back() {
        for c in [Context::new(), ctx(&[("a", ""), ("b", "x"), ("é", "ü")])] {
            let h = header(c);
            let bytes = h.to_bytes();
            assert_eq!(bytes.len(), h.encoded_len());
            assert_eq!(Header::read_from(&bytes[..]).unwrap(), h);
        }
    }

    #[test]
    fn reads_exactly_the_header() {
        let h = header(ctx(&[("k", "v")]));
        let mut bytes = h.to_bytes();
        bytes.extend_from_slice(b"BODY");
        let mut r = &bytes[..];
        Header::read_from(&mut r).unwrap();
        assert_eq!(r, b"BODY");
    }

    #[test]
    fn length_is_bounded_before_allocating() {
        let mut bytes = header(Context::new()).to_bytes();
        bytes[5..9].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(
            integrity(Header::read_from(&bytes[..])),
            format!(
                "malformed header: its length 4294967295 is outside {MIN_HEADER_LEN}..={MAX_HEADER_LEN}"
            )
        );
    }

    /// Re-encodes a header with a context written by hand, length field fixed up.
    fn with_raw_context(pairs: u16, raw: &[u8]) -> Vec<u8> {
        let h = header(Context::new());
        let mut bytes = h.wrap_aad();
        bytes.truncate(FIXED_LEN - 2);
        bytes.extend_from_slice(&pairs.to_be_bytes());
        bytes.extend_from_slice(raw);
        bytes.extend_from_slice(&h.wrap_nonce);
        bytes.extend_from_slice(&h.wrapped_key);
        let len = bytes.len() as u32;
        bytes[5..9].copy_from_slice(&len.to_be_bytes());
        bytes
    }

    #[test]
    fn rejects_non_canonical_or_oversized_contexts() {
        let pair = |k: &[u8], v: &[u8]| {
            let mut p = (k.len() as u16).to_be_bytes().to_vec();
            p.extend_from_slice(k);
            p.extend_from_slice(&(v.len() as u16).to_be_bytes());
            p.extend_from_slice(v);
            p
        };
        let unsorted = [pair(b"b", b""), pair(b"a", b"")].concat();
        assert_eq!(
            integrity(Header::read_from(&with_raw_context(2, &unsorted)[..])),
            "malformed header: context keys are not in strictly ascending order"
        );
        let duplicate = [pair(b"a", b"1"), pair(b"a", b"2")].concat();
        assert!(Header::read_from(&with_raw_context(2, &duplicate)[..]).is_err());
        assert_eq!(
            integrity(Header::read_from(
                &with_raw_context(1, &pair(b"", b"v"))[..]
            )),
            "malformed header: an empty context key"
        );
        assert_eq!(
            integrity(Header::read_from(
                &with_raw_context(1, &pair(b"\xff", b""))[..]
            )),
            "malformed header: a context key is not UTF-8"
        );
        let long_key = vec![b'k'; MAX_CONTEXT_KEY_LEN + 1];
        assert_eq!(
            integrity(Header::read_from(
                &with_raw_context(1, &pair(&long_key, b""))[..]
            )),
            "malformed header: a context key of 257 bytes exceeds the limit of 256"
        );
        assert_eq!(
            integrity(Header::read_from(&with_raw_context(65, &[])[..])),
            "malformed header: 65 context pairs exceed the limit of 64"
        );
        // A pair count that promises more pairs than the bytes hold: the wrap nonce (01 01 ..)
        // is read as the next key length, and the bound catches it.
        assert_eq!(
            integrity(Header::read_from(
                &with_raw_context(3, &pair(b"a", b""))[..]
            )),
            "malformed header: a context key of 257 bytes exceeds the limit of 256"
        );
    }

    #[test]
    fn check_context_enforces_the_bounds() {
        assert!(check_context(&ctx(&[("a", "b")])).is_ok());
        assert!(check_context(&ctx(&[("", "b")])).is_err());
        let many: Context = (0..65)
            .map(|i| (format!("k{i:02}"), String::new()))
            .collect();
        assert!(check_context(&many).is_err());
        let big: Context = (0..3)
            .map(|i| (format!("k{i}"), "v".repeat(MAX_CONTEXT_VALUE_LEN)))
            .collect();
        assert!(check_context(&big).unwrap_err().contains("at most 8192"));
        // The largest context allowed still makes a header within MAX_HEADER_LEN.
        let max: Context = [
            ("a".to_string(), "v".repeat(MAX_CONTEXT_VALUE_LEN)),
            (
                "b".to_string(),
                "v".repeat(MAX_CONTEXT_LEN - 2 * 4 - 2 - MAX_CONTEXT_VALUE_LEN),
            ),
        ]
        .into_iter()
        .collect();
        check_context(&max).unwrap();
        let h = header(max);
        assert_eq!(h.encoded_len(), MAX_HEADER_LEN);
        assert_eq!(Header::read_from(&h.to_bytes()[..]).unwrap(), h);
    }

    #[test]
    fn unknown_algorithm_ids_are_damage() {
        let mut bytes = header(Context::new()).to_bytes();
        bytes[9] = 9;
        match Header::read_from(&bytes[..]) {
            Err(CryptoError::Integrity(m)) => assert_eq!(
                m,
                "malformed header: it names body algorithm 9, which this lkms does not know"
            ),
            other => panic!("{other:?}"),
        }
        let mut bytes = header(Context::new()).to_bytes();
        bytes[4] = 0;
        assert!(matches!(
            Header::read_from(&bytes[..]),
            Err(CryptoError::Integrity(_))
        ));
    }
}
