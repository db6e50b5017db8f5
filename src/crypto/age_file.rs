//! Standard age files (age-encryption.org/v1): encrypted to X25519 recipients, opened with the
//! identities of a keyring's `x25519` key versions, and described without any key.
//!
//! All of the format is the age crate's; this file only adds what lkms needs around it: which
//! of several identities opened a file (so the audit line can name the key version), and the
//! stanza types of a header (for `inspect`), both learnt through age's own `Identity` trait.

use std::cell::{Cell, RefCell};
use std::io::{Read, Write};

use age::armor::{ArmoredWriter, Format};
use age_core::format::{FileKey, Stanza};

use super::CryptoError;

/// The first line of every binary age file.
pub const MAGIC: &[u8] = b"age-encryption.org/";

/// The first line of age's ASCII armor.
pub const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// The stanza type of age's passphrase recipient.
const SCRYPT_TAG: &str = "scrypt";

/// Encrypts `input` to `recipients` as an age file written to `output` (armored when `armor`).
/// Returns the plaintext length.
pub fn encrypt<R: Read, W: Write>(
    recipients: &[age::x25519::Recipient],
    mut input: R,
    output: W,
    armor: bool,
) -> Result<u64, CryptoError> {
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|e| {
                CryptoError::Unsupported(format!("cannot encrypt to these recipients: {e}"))
            })?;
    let format = if armor {
        Format::AsciiArmor
    } else {
        Format::Binary
    };
    let armored = ArmoredWriter::wrap_output(output, format)?;
    let mut writer = encryptor.wrap_output(armored)?;
    let n = std::io::copy(&mut input, &mut writer)?;
    writer.finish()?.finish()?;
    Ok(n)
}

/// How opening an age file ended before any plaintext.
pub enum Opened<R: Read> {
    /// The identity at this index opened it; the reader yields authenticated plaintext, and
    /// fails (kind `InvalidData`) at a damaged or truncated chunk.
    Plaintext(usize, age::stream::StreamReader<Head<R>>),
    /// The file is encrypted to a passphrase, not to recipients.
    Passphrase,
    /// None of the identities is a recipient of the file.
    NoRecipient,
}

/// An identity that notes whether it unwrapped the file key, so that among several the one
/// that opened the file is known.
struct Noting<'a> {
    inner: &'a age::x25519::Identity,
    opened: Cell<bool>,
}

impl age::Identity for Noting<'_> {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, age::DecryptError>> {
        let r = age::Identity::unwrap_stanza(self.inner, stanza);
        if matches!(r, Some(Ok(_))) {
            self.opened.set(true);
        }
        r
    }
}

/// Reads an age file's header from `input` and opens it with the first of `identities` that
/// is a recipient. A damaged header is an integrity error.
pub fn open<R: Read>(
    input: R,
    identities: &[age::x25519::Identity],
) -> Result<Opened<R>, CryptoError> {
    let (input, head) = Head::new(input);
    let header_error = |e| header_error(e, &head);
    let decryptor = age::Decryptor::new(input).map_err(header_error)?;
    if decryptor.is_scrypt() {
        return Ok(Opened::Passphrase);
    }
    let noting: Vec<Noting> = identities
        .iter()
        .map(|inner| Noting {
            inner,
            opened: Cell::new(false),
        })
        .collect();
    match decryptor.decrypt(noting.iter().map(|n| n as &dyn age::Identity)) {
        Ok(reader) => {
            let index = noting.iter().position(|n| n.opened.get()).unwrap_or(0);
            Ok(Opened::Plaintext(index, reader))
        }
        Err(age::DecryptError::NoMatchingKeys) => Ok(Opened::NoRecipient),
        Err(e) => Err(header_error(e)),
    }
}

/// A reader that keeps the first bytes read through it: the version line of an age file, for
/// telling a damaged header from a newer format.
pub struct Head<R> {
    inner: R,
    seen: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
}

impl<R> Head<R> {
    const KEEP: usize = 64;

    fn new(inner: R) -> (Head<R>, std::sync::Arc<std::sync::Mutex<Vec<u8>>>) {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        (
            Head {
                inner,
                seen: seen.clone(),
            },
            seen,
        )
    }
}

impl<R: Read> Read for Head<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Ok(mut seen) = self.seen.lock()
            && seen.len() < Self::KEEP
        {
            let take = n.min(Self::KEEP - seen.len());
            seen.extend_from_slice(&buf[..take]);
        }
        Ok(n)
    }
}

/// age reads a header whose v1 form does not parse as a version it does not know: a file
/// that says it is `age-encryption.org/v1` and still fails so is damaged, not newer.
fn header_error(e: age::DecryptError, head: &std::sync::Mutex<Vec<u8>>) -> CryptoError {
    let says_v1 = || {
        head.lock()
            .is_ok_and(|h| h.starts_with(b"age-encryption.org/v1\n"))
    };
    match e {
        // The input ended inside a header that said it was one: cut short, not unreadable.
        age::DecryptError::Io(io)
            if io.kind() == std::io::ErrorKind::UnexpectedEof && says_v1() =>
        {
            CryptoError::Integrity("the age file is truncated: it ends inside its header".into())
        }
        age::DecryptError::Io(io) => CryptoError::Io(io),
        age::DecryptError::UnknownFormat
            if head
                .lock()
                .is_ok_and(|h| h.starts_with(b"age-encryption.org/v1\n")) =>
        {
            CryptoError::Integrity(
                "the age file's header is damaged or tampered with (it says \
                 age-encryption.org/v1, and does not parse as one)"
                    .into(),
            )
        }
        age::DecryptError::UnknownFormat => CryptoError::Unsupported(
            "the age file has a format version this lkms cannot read".into(),
        ),
        other => CryptoError::Integrity(format!(
            "the age file is damaged or tampered with ({other})"
        )),
    }
}

/// An identity that opens nothing and notes the type of every stanza it is shown.
struct Probe {
    tags: RefCell<Vec<String>>,
}

impl age::Identity for Probe {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, age::DecryptError>> {
        // age adds random "grease" stanzas (tags ending in `-grease`) to keep parsers
        // tolerant of unknown types; they are no one's recipient.
        if !stanza.tag.ends_with("-grease") {
            self.tags.borrow_mut().push(stanza.tag.clone());
        }
        None
    }
}

/// The stanza types of an age file's recipients (`X25519`, `scrypt`, a plugin's), in header
/// order. X25519 stanzas do not name their recipient: telling which key is one needs the key.
pub fn stanza_types<R: Read>(input: R) -> Result<Vec<String>, CryptoError> {
    let (input, head) = Head::new(input);
    let header_error = |e| header_error(e, &head);
    let decryptor = age::Decryptor::new(input).map_err(header_error)?;
    if decryptor.is_scrypt() {
        return Ok(vec![SCRYPT_TAG.to_string()]);
    }
    let probe = Probe {
        tags: RefCell::new(Vec::new()),
    };
    match decryptor.decrypt(std::iter::once(&probe as &dyn age::Identity)) {
        Ok(_) | Err(age::DecryptError::NoMatchingKeys) => Ok(probe.tags.into_inner()),
        Err(e) => Err(header_error(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<age::x25519::Identity> {
        (0..n).map(|_| age::x25519::Identity::generate()).collect()
    }

    #[test]
    fn the_identity_that_opened_the_file_is_named() {
        let keys = ids(3);
        for armor in [false, true] {
            let mut file = Vec::new();
            encrypt(&[keys[1].to_public()], &b"hello"[..], &mut file, armor).unwrap();
            assert_eq!(file.starts_with(ARMOR_BEGIN), armor);
            let input = age::armor::ArmoredReader::new(&file[..]);
            let Opened::Plaintext(i, mut r) = open(input, &keys).unwrap() else {
                panic!("not opened")
            };
            assert_eq!(i, 1);
            let mut plain = Vec::new();
            r.read_to_end(&mut plain).unwrap();
            assert_eq!(plain, b"hello");
        }
    }

    #[test]
    fn strangers_and_passphrases_are_told_apart() {
        let keys = ids(2);
        let mut file = Vec::new();
        encrypt(&[keys[0].to_public()], &b"x"[..], &mut file, false).unwrap();
        assert!(matches!(
            open(&file[..], &keys[1..]),
            Ok(Opened::NoRecipient)
        ));
        assert_eq!(stanza_types(&file[..]).unwrap(), ["X25519"]);
        let pass = age::Encryptor::with_user_passphrase("p".to_string().into());
        let mut file = Vec::new();
        let mut w = pass.wrap_output(&mut file).unwrap();
        w.write_all(b"x").unwrap();
        w.finish().unwrap();
        assert!(matches!(
            open(&file[..], &keys).unwrap(),
            Opened::Passphrase
        ));
        assert_eq!(stanza_types(&file[..]).unwrap(), ["scrypt"]);
    }

    #[test]
    fn a_damaged_v1_header_is_damage_and_another_version_is_unsupported() {
        let keys = ids(1);
        let mut file = Vec::new();
        encrypt(&[keys[0].to_public()], &b"x"[..], &mut file, false).unwrap();
        // The stanza line's type, mangled: age no longer parses a v1 header.
        let at = file.windows(3).position(|w| w == b"-> ").unwrap() + 3;
        let mut damaged = file.clone();
        damaged[at] = b' ';
        assert!(matches!(
            open(&damaged[..], &keys),
            Err(CryptoError::Integrity(_))
        ));
        assert!(matches!(
            stanza_types(&damaged[..]),
            Err(CryptoError::Integrity(_))
        ));
        // Cut short anywhere inside the header: truncated, not unreadable.
        let header_end = file.windows(4).position(|w| w == b"\n---").unwrap() + 4;
        for cut in [22, 40, header_end / 2, header_end, header_end + 10] {
            assert!(
                matches!(open(&file[..cut], &keys), Err(CryptoError::Integrity(_))),
                "cut at {cut} of a header ending at {header_end}"
            );
            assert!(matches!(
                stanza_types(&file[..cut]),
                Err(CryptoError::Integrity(_))
            ));
        }
        let newer = b"age-encryption.org/v2\nsomething new\n";
        assert!(matches!(
            open(&newer[..], &keys),
            Err(CryptoError::Unsupported(_))
        ));
    }

    #[test]
    fn a_damaged_body_fails_as_invalid_data() {
        let keys = ids(1);
        let mut file = Vec::new();
        encrypt(&[keys[0].to_public()], &[7u8; 1000][..], &mut file, false).unwrap();
        let last = file.len() - 20;
        file[last] ^= 1;
        let Opened::Plaintext(_, mut r) = open(&file[..], &keys).unwrap() else {
            panic!("not opened")
        };
        let err = r.read_to_end(&mut Vec::new()).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    }
}
