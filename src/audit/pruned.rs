//! The first line of a pruned log (`audit prune`): an `AuditPruned` record standing for the
//! lines moved to an archive, so the lines kept verify without them.
//!
//! The kept lines are left as they were (seq and chain), so the header is outside the chain:
//! its `seq` is the last seq moved and its `prev_hash` the hash of that line, which the first
//! kept line names as its own `prev_hash`. What makes it trustworthy is its `checkpoint`: a
//! signed note by the audit key of exactly that size and hash, with one extension line that
//! no ordinary checkpoint has (so an `AuditCheckpoint` taken from the log cannot be replayed
//! as a header to cut the log):
//!
//! ```text
//! lkms-pruned FIRST PRUNED_BYTES BASE64(ARCHIVE)
//! ```
//!
//! FIRST is the first seq moved, PRUNED_BYTES how many bytes the moved lines took at the start
//! of the log (the anchor of a keyring written before the prune is found again with it), and
//! ARCHIVE the archive's file name, in standard base64.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::chain::line_hash;
use super::checkpoint::Checkpoint;
use super::event::Event;
use super::field::Field;
use super::log::unhex;
use super::note::{Signer, Verifier};
use super::record::{Outcome, Record};

/// What a header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The first and last seq moved to the archive.
    pub first_seq: u64,
    pub last_seq: u64,
    /// The hash of line `last_seq` (hex): the head the log continues from.
    pub head: String,
    /// How many bytes lines `first_seq` to `last_seq` (and any header before them) took.
    pub pruned_bytes: u64,
    /// The archive's file name.
    pub archive: String,
    /// The checkpoint of the last line moved (the `AuditCheckpoint` line `last_seq` carries).
    pub continues_from: String,
}

const EXTENSION: &str = "lkms-pruned";

impl Header {
    fn extension(&self) -> String {
        format!(
            "{EXTENSION} {} {} {}",
            self.first_seq,
            self.pruned_bytes,
            STANDARD.encode(self.archive.as_bytes())
        )
    }

    /// The header line's record, signed by `signer`, completed (hash included).
    pub fn record(&self, signer: &Signer, time: String) -> Result<Record, String> {
        let hash = unhex(&self.head).ok_or("the head is not a hash")?;
        let cp = Checkpoint {
            origin: signer.name().to_string(),
            size: self.last_seq,
            hash,
            extensions: vec![self.extension()],
        };
        let note = signer.sign(&cp.to_text()).map_err(|e| e.to_string())?;
        let mut r = Record::new(Event::AuditPruned);
        r.outcome = Outcome::Success;
        r.seq = self.last_seq;
        r.time = time;
        r.set(Field::Archive(self.archive.clone()));
        r.set(Field::FirstSeq(self.first_seq));
        r.set(Field::LastSeq(self.last_seq));
        r.set(Field::PrunedBytes(self.pruned_bytes));
        r.set(Field::ContinuesFrom(self.continues_from.clone()));
        r.checkpoint = Some(note);
        r.prev_hash = self.head.clone();
        r.hash = line_hash(&r);
        Ok(r)
    }

    /// What an `AuditPruned` record says, its signature not checked (see [`Header::check`]).
    pub fn read(r: &Record) -> Result<Header, String> {
        let num = |name: &str| {
            r.request
                .get(name)
                .and_then(serde_json::Value::as_u64)
                .ok_or(format!("the AuditPruned line has no number `{name}`"))
        };
        let text = |name: &str| {
            r.request
                .get(name)
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
                .ok_or(format!("the AuditPruned line has no text `{name}`"))
        };
        let h = Header {
            first_seq: num("first_seq")?,
            last_seq: num("last_seq")?,
            head: r.prev_hash.clone(),
            pruned_bytes: num("pruned_bytes")?,
            archive: text("archive")?,
            continues_from: text("continues_from")?,
        };
        if h.last_seq != r.seq || h.first_seq == 0 || h.first_seq > h.last_seq {
            return Err("the AuditPruned line's seqs do not agree".into());
        }
        if unhex(&h.head).is_none() {
            return Err("the AuditPruned line's prev_hash is not a hash".into());
        }
        Ok(h)
    }

    /// Reads the header and checks it is signed by `v` for exactly what it says: the head it
    /// continues from, the seqs and bytes moved, the archive's name.
    pub fn check(r: &Record, v: &Verifier) -> Result<Header, String> {
        let h = Header::read(r)?;
        let note = r
            .checkpoint
            .as_deref()
            .ok_or("the AuditPruned line has no signed checkpoint")?;
        let text = v
            .open(note)
            .map_err(|e| format!("{e} (forged, or signed by another keyring's audit key)"))?;
        let cp = Checkpoint::parse(text).map_err(|e| e.to_string())?;
        if cp.origin != v.name() {
            return Err(format!("it is signed for another log ({})", cp.origin));
        }
        if cp.size != h.last_seq
            || unhex(&h.head) != Some(cp.hash)
            || cp.extensions != [h.extension()]
        {
            return Err(
                "what it says (the head the log continues from, the lines moved or the \
                 archive) is not what its signature signs: it was edited"
                    .into(),
            );
        }
        Ok(h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            first_seq: 1,
            last_seq: 9,
            head: "ab".repeat(32),
            pruned_bytes: 4096,
            archive: "audit-2026.jsonl".into(),
            continues_from: "note".into(),
        }
    }

    #[test]
    fn a_header_checks_and_any_edit_to_what_it_says_is_caught() {
        let origin = Checkpoint::origin_for(&uuid::Uuid::from_u128(1));
        let signer = Signer::from_seed(&origin, &[7; 32]).unwrap();
        let v = signer.verifier();
        let r = header()
            .record(&signer, "2026-01-01T00:00:00Z".into())
            .unwrap();
        assert_eq!(Header::check(&r, &v).unwrap(), header());
        let mut edited = r.clone();
        edited.prev_hash = "cd".repeat(32);
        assert!(Header::check(&edited, &v).is_err());
        let mut edited = r.clone();
        edited.set(Field::PrunedBytes(1));
        assert!(Header::check(&edited, &v).is_err());
        let mut edited = r.clone();
        edited.set(Field::Archive("other".into()));
        assert!(Header::check(&edited, &v).is_err());
        // Another keyring's key.
        let other = Signer::from_seed(&origin, &[8; 32]).unwrap().verifier();
        assert!(Header::check(&r, &other).is_err());
        // An ordinary checkpoint of the same head is not a header.
        let cp = Checkpoint {
            origin: origin.clone(),
            size: 9,
            hash: unhex(&"ab".repeat(32)).unwrap(),
            extensions: vec![],
        };
        let mut replayed = r;
        replayed.checkpoint = Some(signer.sign(&cp.to_text()).unwrap());
        assert!(Header::check(&replayed, &v).is_err());
    }
}
