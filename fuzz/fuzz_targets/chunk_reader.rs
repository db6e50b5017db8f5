//! The chunk reader: bytes -> `Chunked::decrypt` with a fixed key and context, for both
//! algorithms and one and two threads; and the same bytes as plaintext, round-tripped.
//!
//! Oracles: no panic; heap use bounded by the pipeline's batch buffers whatever the input
//! claims; on success, the input has exactly the length of a ciphertext of the plaintext
//! returned; on failure, only whole authenticated chunks were written; the thread count
//! changes nothing; the round trip gives the input back, and the ciphertext cut short or
//! extended by a byte, or read with the other algorithm, is refused.
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use libfuzzer_sys::fuzz_target;
use lkms::crypto::aead::Algorithm;
use lkms::crypto::chunked::{CHUNK_LEN, Chunked, Suite, TAG_LEN, ciphertext_len};
use lkms_fuzz::{CHUNK_CONTEXT, Counting, chunk_key};

/// Counts live heap bytes and their peak, so a call's allocations can be bounded.
struct Metered;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Metered {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            grew(l.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(l) };
        if !p.is_null() {
            grew(l.size());
        }
        p
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            grew(new);
            LIVE.fetch_sub(l.size(), Relaxed);
        }
        q
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Metered = Metered;

/// One worker's batch buffer: 64 encrypted chunks (see src/crypto/pipeline.rs).
const BATCH: usize = 64 * (CHUNK_LEN + TAG_LEN);
/// Room for thread stacks' bookkeeping, error messages and the like.
const SLACK: usize = 64 << 10;

fn decrypt(alg: Algorithm, threads: usize, input: &[u8]) -> (Result<u64, String>, Vec<u8>) {
    let mut out = Vec::with_capacity(input.len());
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let r = Chunked::new(Suite::lkms(alg)).threads(threads).decrypt(
        &chunk_key(),
        CHUNK_CONTEXT,
        input,
        &mut out,
        &mut |_| {},
    );
    let peak = PEAK.load(Relaxed) - before;
    assert!(
        peak <= threads * BATCH + SLACK,
        "decrypting {} bytes took {peak} bytes of heap",
        input.len()
    );
    assert!(out.len() <= input.len());
    (r.map_err(|e| e.to_string()), out)
}

fuzz_target!(|data: &[u8]| {
    for alg in Algorithm::ALL {
        let (result, out) = decrypt(alg, 1, data);
        match &result {
            Ok(n) => {
                assert_eq!(*n as usize, out.len());
                assert_eq!(ciphertext_len(*n), data.len() as u64);
            }
            Err(_) => assert_eq!(out.len() % CHUNK_LEN, 0, "a partial chunk was released"),
        }
        assert_eq!(
            decrypt(alg, 2, data),
            (result, out),
            "threads changed the outcome"
        );

        // The input as plaintext.
        let mut ct = Vec::new();
        let n = Chunked::new(Suite::lkms(alg))
            .threads(1)
            .encrypt(
                &chunk_key(),
                CHUNK_CONTEXT,
                &Counting::from(0x70),
                data,
                &mut ct,
                &mut |_| {},
            )
            .expect("encrypt to memory");
        assert_eq!(n as usize, data.len());
        assert_eq!(ct.len() as u64, ciphertext_len(n));
        let (back, plain) = decrypt(alg, 2, &ct);
        assert_eq!(back, Ok(n));
        assert!(plain == data, "the round trip changed the data");
        let other = Algorithm::ALL.into_iter().find(|a| *a != alg).unwrap();
        assert!(
            decrypt(other, 1, &ct).0.is_err(),
            "read with the other algorithm"
        );
        assert!(
            decrypt(alg, 1, &ct[..ct.len() - 1]).0.is_err(),
            "truncated by a byte"
        );
        ct.push(0);
        assert!(decrypt(alg, 1, &ct).0.is_err(), "extended by a byte");
    }
});
