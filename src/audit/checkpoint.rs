//! The body of a C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint), for the audit log:
//!
//! ```text
//! ORIGIN\n          the log's name: lkms.audit/KEYRING-ID
//! SIZE\n            decimal, no leading zero: the seq of the last line covered
//! BASE64(HASH)\n    standard base64 of the 32-byte hash of that line (the chain's head)
//! EXTENSION\n ...   optional, non-empty lines; lkms writes none and keeps what it reads
//! ```
//!
//! The log is a hash chain, not a Merkle tree, so the "root hash" is the head of the chain:
//! that one hash commits to every line before it. The text is signed as a signed note
//! ([`super::note`]) by the keyring's audit key, whose name is the origin.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// The prefix of every lkms audit log's origin; the keyring id follows it.
pub const ORIGIN_PREFIX: &str = "lkms.audit/";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub hash: [u8; 32],
    pub extensions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed checkpoint: {0}")]
pub struct CheckpointError(pub &'static str);

impl Checkpoint {
    /// The origin of the audit log of the keyring `keyring_id`.
    pub fn origin_for(keyring_id: &uuid::Uuid) -> String {
        format!("{ORIGIN_PREFIX}{keyring_id}")
    }

    /// The note text: the lines above, each ending in a newline.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            STANDARD.encode(self.hash)
        );
        for e in &self.extensions {
            s.push_str(e);
            s.push('\n');
        }
        s
    }

    /// Parses a note text (as [`super::note::Verifier::open`] returns it).
    pub fn parse(text: &str) -> Result<Checkpoint, CheckpointError> {
        let body = text
            .strip_suffix('\n')
            .ok_or(CheckpointError("the text must end in a newline"))?;
        let mut lines = body.split('\n');
        let origin = lines.next().unwrap_or_default();
        if origin.is_empty() || origin.chars().any(|c| c.is_whitespace() || c == '+') {
            return Err(CheckpointError(
                "the origin line is empty or holds a space or +",
            ));
        }
        let size = lines.next().ok_or(CheckpointError("no size line"))?;
        if size.is_empty()
            || !size.bytes().all(|b| b.is_ascii_digit())
            || (size.len() > 1 && size.starts_with('0'))
        {
            return Err(CheckpointError(
                "the size is not a decimal number without leading zeros",
            ));
        }
        let size = size
            .parse()
            .map_err(|_| CheckpointError("the size is too large"))?;
        let hash = lines.next().ok_or(CheckpointError("no hash line"))?;
        let hash: [u8; 32] = STANDARD
            .decode(hash)
            .ok()
            .and_then(|h| h.try_into().ok())
            .ok_or(CheckpointError(
                "the hash is not 32 bytes in standard base64",
            ))?;
        let extensions: Vec<String> = lines.map(str::to_string).collect();
        if extensions.iter().any(String::is_empty) {
            return Err(CheckpointError("an extension line is empty"));
        }
        Ok(Checkpoint {
            origin: origin.to_string(),
            size,
            hash,
            extensions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::note::{Signer, Verifier};

    /// The checkpoint vector in docs/AUDIT.md: the audit key from the seed 32 bytes of 0x2a,
    /// for keyring 00000000-0000-4000-8000-000000000001, covering 7 lines whose last hash is
    /// SHA-256("lkms").
    fn vector() -> (Signer, Checkpoint) {
        let origin = "lkms.audit/00000000-0000-4000-8000-000000000001".to_string();
        let signer = Signer::from_seed(&origin, &[0x2a; 32]).unwrap();
        let hash: [u8; 32] = ring::digest::digest(&ring::digest::SHA256, b"lkms")
            .as_ref()
            .try_into()
            .unwrap();
        let cp = Checkpoint {
            origin,
            size: 7,
            hash,
            extensions: vec![],
        };
        (signer, cp)
    }

    const VECTOR_TEXT: &str = "lkms.audit/00000000-0000-4000-8000-000000000001\n7\n\
                               z4eBj/nyoA+mh/XfK1Zl85eXp0FoNkXyY3PU3ryFkTo=\n";

    #[test]
    fn the_fixed_key_vector_is_byte_for_byte() {
        let (signer, cp) = vector();
        assert_eq!(cp.to_text(), VECTOR_TEXT);
        let note = signer.sign(&cp.to_text()).unwrap();
        assert_eq!(note, format!("{VECTOR_TEXT}\n{}", VECTOR_SIG_LINE));
        assert_eq!(signer.verifier().to_text(), VECTOR_VKEY);
        let v = Verifier::parse(VECTOR_VKEY).unwrap();
        assert_eq!(Checkpoint::parse(v.open(&note).unwrap()).unwrap(), cp);
    }

    // Computed apart from lkms, with Python's `cryptography` (OpenSSL's Ed25519) and hashlib.
    const VECTOR_VKEY: &str = "lkms.audit/00000000-0000-4000-8000-000000000001+9821f3fc+\
                               ARl/ayPhbIUyxqvIOPrNXqeJvgx2spIDNAOb+os9No1h";
    const VECTOR_SIG_LINE: &str = "— lkms.audit/00000000-0000-4000-8000-000000000001 \
        mCHz/JC+IbZ4Lmfbog/C0aJDas6rhOoMgKoMY3+agpCjGlKZJR7nevkOBbQ/8puA2Sj7Yx+VAgbnVGO2moVXsEbS+gU=\n";

    #[test]
    fn extensions_round_trip_and_bad_bodies_are_refused() {
        let (_, mut cp) = vector();
        cp.extensions = vec!["time 2026-01-01T00:00:00Z".into()];
        assert_eq!(Checkpoint::parse(&cp.to_text()).unwrap(), cp);
        let good = VECTOR_TEXT;
        let bad = [
            good.trim_end_matches('\n').to_string(),
            good.replacen("\n7\n", "\n07\n", 1),
            good.replacen("\n7\n", "\n-7\n", 1),
            good.replacen("\n7\n", "\n\n", 1),
            good.replacen("\n7\n", "\n99999999999999999999999\n", 1),
            good.replacen("=\n", "\n", 1),
            good.replacen("z4eB", "z4e", 1),
            good.replacen("lkms.audit", "lkms audit", 1),
            format!("{good}\n"),
            "\n7\nz4eBj/nyoA+mh/XfK1Zl85eXp0FoNkXyY3PU3ryFkTo=\n".to_string(),
            "lkms.audit/x\n7\n".to_string(),
        ];
        for text in &bad {
            assert!(Checkpoint::parse(text).is_err(), "accepted {text:?}");
        }
    }
}
