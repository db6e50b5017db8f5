//! The hash chain: each line's hash is SHA-256 over its canonical form, which includes the
//! previous line's hash.

use ring::digest::{SHA256, digest};

use super::record::Record;

/// The `prev_hash` of the first line.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// SHA-256 (hex) over the record's canonical form: every field but `hash` (so `prev_hash` is
/// covered), as compact JSON with object keys sorted. serde_json's map is ordered by key,
/// which makes going through `Value` canonical.
pub fn line_hash(record: &Record) -> String {
    let mut value = serde_json::to_value(record).expect("an audit record always serializes");
    if let Some(map) = value.as_object_mut() {
        map.remove("hash");
    }
    let canonical = serde_json::to_vec(&value).expect("a JSON value always serializes");
    hex(digest(&SHA256, &canonical).as_ref())
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
