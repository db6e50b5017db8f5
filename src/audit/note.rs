//! C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys, as Go's
//! golang.org/x/mod/sumdb/note writes and reads them.
//!
//! A note is UTF-8 text ending in a newline, a blank line, then one line per signature:
//! `— NAME BASE64(KEYHASH || SIG)\n` (an em dash, U+2014, and a space). KEYHASH is the first four
//! bytes of SHA-256(NAME || "\n" || 0x01 || PUBKEY), 0x01 naming Ed25519; SIG is Ed25519 over the
//! text alone. A verifier key is written `NAME+HEX(KEYHASH)+BASE64(0x01 || PUBKEY)`.
//!
//! Only Ed25519 keys are made or accepted. Signatures by other keys are passed over, as the
//! spec asks, so a note that also carries a witness's cosignature still opens.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ring::digest::{SHA256, digest};
use ring::signature::{ED25519, Ed25519KeyPair, KeyPair as _, UnparsedPublicKey};

/// The signature type byte for Ed25519 (signed-note's table of algorithms).
const ALG_ED25519: u8 = 0x01;
/// The spec caps a note at 100 signatures; more is malformed.
const MAX_SIGNATURES: usize = 100;
/// What starts a signature line.
const SIG_PREFIX: &str = "\u{2014} ";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("malformed note: {0}")]
    Malformed(&'static str),
    #[error("malformed verifier key: {0}")]
    BadKey(&'static str),
    #[error("the note carries no signature by {0}")]
    NotSigned(String),
    #[error("the signature by {0} does not verify: the note was altered or forged")]
    BadSignature(String),
}

/// A key name: non-empty, no Unicode white space, no `+`.
fn valid_name(name: &str) -> bool {
    !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c == '+')
}

/// The key hash: the first four bytes of SHA-256(name || "\n" || 0x01 || public key).
fn key_hash(name: &str, public: &[u8]) -> u32 {
    let mut input = Vec::with_capacity(name.len() + 2 + public.len());
    input.extend_from_slice(name.as_bytes());
    input.push(b'\n');
    input.push(ALG_ED25519);
    input.extend_from_slice(public);
    let d = digest(&SHA256, &input);
    u32::from_be_bytes(d.as_ref()[..4].try_into().expect("SHA-256 is 32 bytes"))
}

/// Text a note may hold: UTF-8 (the type guarantees it), non-empty, ending in a newline, and
/// no control character but the newline.
fn valid_text(text: &str) -> bool {
    text.ends_with('\n') && !text.chars().any(|c| c.is_control() && c != '\n')
}

/// An Ed25519 signing key under a name. Not Debug: it holds the private key.
pub struct Signer {
    name: String,
    hash: u32,
    key: Ed25519KeyPair,
}

impl Signer {
    /// The signer for a 32-byte Ed25519 seed (RFC 8032's private key).
    pub fn from_seed(name: &str, seed: &[u8]) -> Result<Signer, NoteError> {
        if !valid_name(name) {
            return Err(NoteError::BadKey(
                "a key name must be non-empty, with no space or +",
            ));
        }
        let key = Ed25519KeyPair::from_seed_unchecked(seed)
            .map_err(|_| NoteError::BadKey("an Ed25519 seed is 32 bytes"))?;
        let hash = key_hash(name, key.public_key().as_ref());
        Ok(Signer {
            name: name.to_string(),
            hash,
            key,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn public_key(&self) -> [u8; 32] {
        self.key
            .public_key()
            .as_ref()
            .try_into()
            .expect("an Ed25519 public key is 32 bytes")
    }

    pub fn verifier(&self) -> Verifier {
        Verifier {
            name: self.name.clone(),
            hash: self.hash,
            public: self.public_key(),
        }
    }

    /// The signed note for `text`: the text, a blank line, and this key's signature line.
    pub fn sign(&self, text: &str) -> Result<String, NoteError> {
        if !valid_text(text) {
            return Err(NoteError::Malformed(
                "the text must end in a newline and hold no control character",
            ));
        }
        let sig = self.key.sign(text.as_bytes());
        let mut blob = Vec::with_capacity(4 + 64);
        blob.extend_from_slice(&self.hash.to_be_bytes());
        blob.extend_from_slice(sig.as_ref());
        Ok(format!(
            "{text}\n{SIG_PREFIX}{} {}\n",
            self.name,
            STANDARD.encode(blob)
        ))
    }
}

/// An Ed25519 verifier key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verifier {
    name: String,
    hash: u32,
    public: [u8; 32],
}

impl Verifier {
    /// Parses `NAME+HASH+BASE64(0x01 || PUBKEY)`, checking the hash against the key.
    pub fn parse(vkey: &str) -> Result<Verifier, NoteError> {
        let vkey = vkey.trim_end_matches('\n');
        let mut parts = vkey.splitn(3, '+');
        let (Some(name), Some(hash), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(NoteError::BadKey("expected NAME+HASH+KEY"));
        };
        if !valid_name(name) {
            return Err(NoteError::BadKey("the name is empty or holds a space or +"));
        }
        if hash.len() != 8 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(NoteError::BadKey("the key hash is not 8 hex digits"));
        }
        let hash = u32::from_str_radix(hash, 16).map_err(|_| NoteError::BadKey("bad key hash"))?;
        let key = STANDARD
            .decode(key)
            .map_err(|_| NoteError::BadKey("the key is not base64"))?;
        let Some((&ALG_ED25519, public)) = key.split_first() else {
            return Err(NoteError::BadKey(
                "the key is not an Ed25519 key (type 0x01)",
            ));
        };
        let public: [u8; 32] = public
            .try_into()
            .map_err(|_| NoteError::BadKey("an Ed25519 public key is 32 bytes"))?;
        if key_hash(name, &public) != hash {
            return Err(NoteError::BadKey("the key hash does not match the key"));
        }
        Ok(Verifier {
            name: name.to_string(),
            hash,
            public,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The verifier key text, `NAME+HASH+KEY`.
    pub fn to_text(&self) -> String {
        let mut key = Vec::with_capacity(33);
        key.push(ALG_ED25519);
        key.extend_from_slice(&self.public);
        format!("{}+{:08x}+{}", self.name, self.hash, STANDARD.encode(key))
    }

    /// Opens a signed note: checks its form and that it carries a valid signature by this key,
    /// and returns its text. A signature line by another key is passed over; one by this key's
    /// name and hash that does not verify is an error, never skipped.
    pub fn open<'n>(&self, note: &'n str) -> Result<&'n str, NoteError> {
        let malformed = NoteError::Malformed;
        if note.chars().any(|c| c.is_control() && c != '\n') {
            return Err(malformed("a control character"));
        }
        let split = note
            .rfind("\n\n")
            .ok_or(malformed("no blank line before the signatures"))?;
        let (text, sigs) = (&note[..split + 1], &note[split + 2..]);
        if !sigs.ends_with('\n') {
            return Err(malformed("the last signature line has no newline"));
        }
        let mut verified = false;
        let mut count = 0;
        for line in sigs[..sigs.len() - 1].split('\n') {
            count += 1;
            if count > MAX_SIGNATURES {
                return Err(malformed("more than 100 signatures"));
            }
            let rest = line.strip_prefix(SIG_PREFIX).ok_or(malformed(
                "a signature line must start with an em dash and a space",
            ))?;
            let (name, b64) = rest
                .split_once(' ')
                .ok_or(malformed("a signature line is `— NAME SIGNATURE`"))?;
            if !valid_name(name) || b64.contains(' ') {
                return Err(malformed("a signature's key name is not valid"));
            }
            let blob = STANDARD
                .decode(b64)
                .map_err(|_| malformed("a signature is not base64"))?;
            if blob.len() < 5 {
                return Err(malformed("a signature is shorter than its key hash"));
            }
            let hash = u32::from_be_bytes(blob[..4].try_into().expect("4 bytes"));
            if name != self.name || hash != self.hash {
                continue;
            }
            let key = UnparsedPublicKey::new(&ED25519, &self.public);
            if key.verify(text.as_bytes(), &blob[4..]).is_err() {
                return Err(NoteError::BadSignature(self.to_text()));
            }
            verified = true;
        }
        if !verified {
            return Err(NoteError::NotSigned(self.to_text()));
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Published vectors from golang.org/x/mod/sumdb/note (note_test.go): a signer key
    // `PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz` (type
    // byte 0x01, then the 32-byte seed), its verifier key, and its signature over TEXT.
    const PETER_SEED_B64: &str = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    const PETER_VKEY: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    const ENOCH_VKEY: &str = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    const TEXT: &str = "If you think cryptography is the answer to your problem,\n\
                        then you don't know what your problem is.\n";
    const PETER_SIG: &str = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    const ENOCH_SIG: &str = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    fn peter() -> Signer {
        let raw = STANDARD.decode(PETER_SEED_B64).unwrap();
        assert_eq!(raw[0], ALG_ED25519);
        Signer::from_seed("PeterNeumann", &raw[1..]).unwrap()
    }

    #[test]
    fn go_vectors_key_hash_verifier_key_and_signature() {
        let signer = peter();
        assert_eq!(signer.verifier().to_text(), PETER_VKEY);
        assert_eq!(Verifier::parse(PETER_VKEY).unwrap(), signer.verifier());
        // Ed25519 is deterministic, so the note is byte for byte the published one.
        assert_eq!(signer.sign(TEXT).unwrap(), format!("{TEXT}\n{PETER_SIG}"));
    }

    #[test]
    fn go_vectors_open_with_one_of_two_keys() {
        let peter = Verifier::parse(PETER_VKEY).unwrap();
        let enoch = Verifier::parse(ENOCH_VKEY).unwrap();
        let note = format!("{TEXT}\n{PETER_SIG}{ENOCH_SIG}");
        assert_eq!(peter.open(&note).unwrap(), TEXT);
        assert_eq!(enoch.open(&note).unwrap(), TEXT);
        // Only Enoch's signature: Peter finds none of his.
        let only_enoch = format!("{TEXT}\n{ENOCH_SIG}");
        assert!(matches!(
            peter.open(&only_enoch),
            Err(NoteError::NotSigned(_))
        ));
    }

    #[test]
    fn a_damaged_signature_or_text_is_refused() {
        let peter = Verifier::parse(PETER_VKEY).unwrap();
        // Go's own case: "ABCD" inserted into the signature.
        let bad = format!("{TEXT}\n{}ABCD{}", &PETER_SIG[..60], &PETER_SIG[60..]);
        assert!(matches!(peter.open(&bad), Err(NoteError::BadSignature(_))));
        let edited = format!("{}\n{PETER_SIG}", TEXT.replace("then", "than"));
        assert!(matches!(
            peter.open(&edited),
            Err(NoteError::BadSignature(_))
        ));
    }

    #[test]
    fn go_malformed_notes_are_refused() {
        let peter = Verifier::parse(PETER_VKEY).unwrap();
        let bad = [
            TEXT.to_string(),
            format!("{TEXT}\n"),
            format!("{TEXT}\n{}", &PETER_SIG[..PETER_SIG.len() - 1]),
            format!("\x01{TEXT}\n{PETER_SIG}"),
            format!(
                "{TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
            ),
            format!("{TEXT}\n{PETER_SIG}Unexpected line.\n"),
            format!("{TEXT}\n{}", PETER_SIG.repeat(101)),
        ];
        for note in &bad {
            assert!(
                matches!(peter.open(note), Err(NoteError::Malformed(_))),
                "accepted {note:?}"
            );
        }
    }

    #[test]
    fn mangled_verifier_keys_are_refused() {
        assert!(Verifier::parse(PETER_VKEY).is_ok());
        let b = PETER_VKEY.as_bytes();
        for i in 0..b.len() {
            for j in i + 1..=b.len() {
                if (i, j) != (0, b.len()) {
                    let s = std::str::from_utf8(&b[i..j]).unwrap();
                    assert!(Verifier::parse(s).is_err(), "accepted {s:?}");
                }
            }
        }
        for i in 0..b.len() {
            let mut m = b.to_vec();
            m[i] = m[i].wrapping_add(1);
            if let Ok(s) = std::str::from_utf8(&m) {
                assert!(Verifier::parse(s).is_err(), "accepted {s:?}");
            }
        }
        // Go's: a wrong-length key and an unknown algorithm, each with an adjusted key hash.
        for k in [
            "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
            "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        ] {
            assert!(Verifier::parse(k).is_err(), "accepted {k}");
        }
    }

    #[test]
    fn a_note_by_another_key_under_the_same_name_is_not_signed_by_this_one() {
        let mine = Signer::from_seed("lkms", &[1u8; 32]).unwrap();
        let other = Signer::from_seed("lkms", &[2u8; 32]).unwrap();
        let note = other.sign("hello\n").unwrap();
        assert!(matches!(
            mine.verifier().open(&note),
            Err(NoteError::NotSigned(_))
        ));
        assert_eq!(other.verifier().open(&note).unwrap(), "hello\n");
        assert!(mine.sign("no newline").is_err());
        assert!(Signer::from_seed("a b", &[1u8; 32]).is_err());
    }
}
