//! Audit log content: bytes -> the chain check (`lkms::audit::verify_bytes`), and, where the
//! bytes are one record, what lkms does with a record.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkms::audit::{GENESIS_HASH, Record, line_hash, verify_bytes};

fuzz_target!(|data: &[u8]| {
    // As a whole log: an answer, never a panic or an unbounded allocation.
    let _ = verify_bytes(data);

    // As one line (without its newline).
    let line = data.strip_suffix(b"\n").unwrap_or(data);
    let Ok(record) = serde_json::from_slice::<Record>(line) else {
        return;
    };
    let _ = line_hash(&record);
    let bytes = serde_json::to_vec(&record).expect("a record serializes");
    let back: Record = serde_json::from_slice(&bytes).expect("what lkms writes, it reads");
    assert_eq!(back, record, "a record changed in a round trip");

    // Chained as the first line of a log, exactly as lkms writes it, it verifies.
    let mut first = record;
    first.seq = 1;
    first.prev_hash = GENESIS_HASH.to_string();
    first.hash = line_hash(&first);
    let mut log = serde_json::to_vec(&first).unwrap();
    if log.len() <= lkms::audit::MAX_LINE {
        log.push(b'\n');
        let report = verify_bytes(&log).expect("a freshly chained record verifies");
        assert_eq!(report.lines, 1);
    }
});
