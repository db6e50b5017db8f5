//! The ciphertext header: bytes -> `lkms::crypto::envelope::Header::read_from`.
//!
//! Whatever parses must be canonical: encoding the parsed header gives back exactly the bytes
//! the parser consumed (so what `inspect` shows is what the key wrap authenticates), the
//! context is within the bounds that encrypt enforces, and unwrapping the data key is an
//! answer, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkms::crypto::envelope::{Header, MAX_HEADER_LEN, MIN_HEADER_LEN, check_context};

fuzz_target!(|data: &[u8]| {
    let mut rest = data;
    let Ok(header) = Header::read_from(&mut rest) else {
        return;
    };
    let consumed = &data[..data.len() - rest.len()];
    assert_eq!(header.to_bytes(), consumed, "the encoding is not canonical");
    assert_eq!(header.encoded_len(), consumed.len());
    assert!((MIN_HEADER_LEN..=MAX_HEADER_LEN).contains(&consumed.len()));
    check_context(header.context()).expect("a parsed context is one encrypt would accept");
    assert_eq!(Header::read_from(consumed).expect("reads back"), header);
    let _ = format!("{header:?}");
    let _ = (
        header.algorithm().name(),
        header.wrapping_algorithm().name(),
    );
    let _ = header.unwrap_data_key(&lkms_fuzz::wrapping_material());
});
