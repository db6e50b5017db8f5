//! Throughput of the chunk layer, one thread against two, in memory and from a file.
//!
//! `cargo bench --bench chunked`. The in-memory runs read from a slice and write to
//! `io::sink()`, so they measure the AEAD and the pipeline alone; the file runs read a 64 MiB
//! file from the page cache and write to /dev/null, as `lkms encrypt -o /dev/null` would, once
//! as a stream (`read`, under the read lock) and once at offsets (`pread`, each worker its own
//! batch, as lkms reads a named file). The `small` runs time what decides the thread count for
//! small inputs: starting and joining a thread, and one thread against two at 1 to 8 MiB.
//!
//! The `floor` runs take the pipeline apart, on one file in the page cache (64 MiB, or
//! `LKMS_BENCH_FLOOR_MIB`): reading it as `cat` does (one thread, 128 KiB reads, into an
//! aligned buffer and into one 16 bytes off), the positional reads of two workers alone,
//! AES-256-GCM alone on a batch that stays in cache, and both together with no ordering and
//! no output. Sealing in place (ring's only API) needs the copy out of the page cache, so the
//! last is the fastest `lkms encrypt` can be with this design, and its ratio to the first is
//! the best ratio to `cat` that bench/compare.sh can show.

use std::fs::File;
use std::hint::black_box;
use std::io::{self, Write};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lkms::crypto::CryptoError;
use lkms::crypto::aead::Algorithm;
use lkms::crypto::chunked::{Chunked, Source, Suite, ciphertext_len};
use lkms::crypto::random::Rng;
use lkms::crypto::secret::SecretBytes;

const LEN: usize = 64 * 1024 * 1024;

struct Zeros;
impl Rng for Zeros {
    fn fill(&self, dest: &mut [u8]) -> Result<(), CryptoError> {
        dest.fill(0);
        Ok(())
    }
}

fn plaintext() -> Vec<u8> {
    (0..LEN).map(|i| (i * 31 + i / 4099) as u8).collect()
}

fn encrypted(alg: Algorithm, key: &SecretBytes, plain: &[u8]) -> Vec<u8> {
    let mut ct = Vec::with_capacity(ciphertext_len(plain.len() as u64) as usize);
    Chunked::new(Suite::lkms(alg))
        .encrypt(key, b"bench", &Zeros, plain, &mut ct, &mut |_| {})
        .unwrap();
    ct
}

fn in_memory(c: &mut Criterion) {
    let key = SecretBytes::new(vec![7; 32]);
    let plain = plaintext();
    for alg in Algorithm::ALL {
        let ct = encrypted(alg, &key, &plain);
        let mut group = c.benchmark_group(format!("memory/{alg}/64MiB"));
        group.throughput(Throughput::Bytes(LEN as u64));
        group.sample_size(10);
        for threads in [1, 2] {
            let chunked = Chunked::new(Suite::lkms(alg)).threads(threads);
            group.bench_with_input(BenchmarkId::new("encrypt", threads), &plain, |b, plain| {
                b.iter(|| {
                    chunked
                        .encrypt(&key, b"bench", &Zeros, &plain[..], io::sink(), &mut |_| {})
                        .unwrap()
                })
            });
            group.bench_with_input(BenchmarkId::new("decrypt", threads), &ct, |b, ct| {
                b.iter(|| {
                    chunked
                        .decrypt(&key, b"bench", &ct[..], io::sink(), &mut |_| {})
                        .unwrap()
                })
            });
        }
        group.finish();
    }
}

fn from_file(c: &mut Criterion) {
    let key = SecretBytes::new(vec![7; 32]);
    let alg = Algorithm::Aes256Gcm;
    let dir = tempfile::tempdir().unwrap();
    let plain_path = dir.path().join("plain");
    let ct_path = dir.path().join("ct");
    let plain = plaintext();
    File::create(&plain_path)
        .unwrap()
        .write_all(&plain)
        .unwrap();
    File::create(&ct_path)
        .unwrap()
        .write_all(&encrypted(alg, &key, &plain))
        .unwrap();
    drop(plain);
    let null = || File::create("/dev/null").unwrap();
    let mut group = c.benchmark_group("file-to-devnull/aes-256-gcm/64MiB");
    group.throughput(Throughput::Bytes(LEN as u64));
    group.sample_size(10);
    for threads in [1, 2] {
        let chunked = Chunked::new(Suite::lkms(alg)).threads(threads);
        for positional in [false, true] {
            let how = if positional { "pread" } else { "read" };
            group.bench_function(BenchmarkId::new(format!("encrypt-{how}"), threads), |b| {
                b.iter(|| {
                    let input = File::open(&plain_path).unwrap();
                    let source = if positional {
                        Source::At(&input, 0)
                    } else {
                        Source::from(&input)
                    };
                    black_box(
                        chunked
                            .encrypt(&key, b"bench", &Zeros, source, null(), &mut |_| {})
                            .unwrap(),
                    )
                })
            });
            group.bench_function(BenchmarkId::new(format!("decrypt-{how}"), threads), |b| {
                b.iter(|| {
                    let input = File::open(&ct_path).unwrap();
                    let source = if positional {
                        Source::At(&input, 0)
                    } else {
                        Source::from(&input)
                    };
                    black_box(
                        chunked
                            .decrypt(&key, b"bench", source, null(), &mut |_| {})
                            .unwrap(),
                    )
                })
            });
        }
    }
    group.finish();
}

fn small(c: &mut Criterion) {
    let mut group = c.benchmark_group("small");
    group.bench_function("thread-spawn-and-join", |b| {
        b.iter(|| std::thread::scope(|s| black_box(s.spawn(|| black_box(1)).join().unwrap())))
    });
    let key = SecretBytes::new(vec![7; 32]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain");
    let plain = plaintext();
    for mib in [1usize, 2, 3, 4, 8] {
        File::create(&path)
            .unwrap()
            .write_all(&plain[..mib << 20])
            .unwrap();
        let input = File::open(&path).unwrap();
        group.throughput(Throughput::Bytes((mib << 20) as u64));
        for threads in [1, 2] {
            let chunked = Chunked::new(Suite::lkms(Algorithm::Aes256Gcm)).threads(threads);
            group.bench_function(
                BenchmarkId::new(format!("encrypt-{mib}MiB"), threads),
                |b| {
                    b.iter(|| {
                        black_box(
                            chunked
                                .encrypt(
                                    &key,
                                    b"bench",
                                    &Zeros,
                                    Source::At(&input, 0),
                                    io::sink(),
                                    &mut |_| {},
                                )
                                .unwrap(),
                        )
                    })
                },
            );
        }
    }
    group.finish();
}

/// A batch-sized buffer starting on a page: the kernel's copy into a buffer that is not 64-byte
/// aligned runs several times slower on some x86 cores (see `pipeline::BatchBuffer`).
fn aligned(storage: &mut Vec<u8>, len: usize) -> &mut [u8] {
    storage.resize(len + 4096, 0);
    let start = storage.as_ptr().align_offset(4096);
    &mut storage[start..start + len]
}

fn floor(c: &mut Criterion) {
    use lkms::crypto::chunked::{BATCH_CHUNKS, CHUNK_LEN};
    use ring::aead::{AES_256_GCM, Aad, LessSafeKey, Nonce, UnboundKey};
    use std::os::unix::fs::FileExt;
    use std::sync::atomic::{AtomicU64, Ordering};

    let mib: usize = std::env::var("LKMS_BENCH_FLOOR_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let len = mib << 20;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain");
    {
        let mut file = File::create(&path).unwrap();
        let block = plaintext();
        let mut left = len;
        while left > 0 {
            let n = left.min(block.len());
            file.write_all(&block[..n]).unwrap();
            left -= n;
        }
    }
    let file = File::open(&path).unwrap();
    let key = LessSafeKey::new(UnboundKey::new(&AES_256_GCM, &[7; 32]).unwrap());
    let batch = BATCH_CHUNKS * CHUNK_LEN;
    let batches = len.div_ceil(batch) as u64;
    // `read` and `seal` switch the two halves of a worker's step on and off.
    let two_workers = |read: bool, seal: bool| {
        let next = AtomicU64::new(0);
        std::thread::scope(|s| {
            for _ in 0..2 {
                s.spawn(|| {
                    let mut storage = Vec::new();
                    let buf = aligned(&mut storage, batch);
                    loop {
                        let b = next.fetch_add(1, Ordering::Relaxed);
                        if b >= batches {
                            break;
                        }
                        let offset = b * batch as u64;
                        let n = batch.min(len - offset as usize);
                        if read {
                            file.read_exact_at(&mut buf[..n], offset).unwrap();
                        }
                        if seal {
                            for chunk in buf[..n].chunks_mut(CHUNK_LEN) {
                                let nonce = Nonce::assume_unique_for_key([0; 12]);
                                let tag = key
                                    .seal_in_place_separate_tag(nonce, Aad::empty(), chunk)
                                    .unwrap();
                                let _ = black_box(tag);
                            }
                        }
                    }
                });
            }
        })
    };
    let mut group = c.benchmark_group(format!("floor/aes-256-gcm/{mib}MiB"));
    group.throughput(Throughput::Bytes(len as u64));
    group.sample_size(10);
    // The whole file read front to back into `buf`, as `cat` reads it.
    let cat_read = |buf: &mut [u8]| {
        let mut offset = 0;
        while offset < len {
            let n = buf.len().min(len - offset);
            file.read_exact_at(&mut buf[..n], offset as u64).unwrap();
            offset += n;
        }
    };
    group.bench_function("cat-read-128KiB-1-thread", |b| {
        let mut storage = Vec::new();
        let buf = aligned(&mut storage, 128 << 10);
        b.iter(|| cat_read(buf))
    });
    // The same reads into a buffer 16 bytes into a page, where a large Vec from malloc starts:
    // why the pipeline aligns its buffers.
    group.bench_function("cat-read-128KiB-1-thread-misaligned-by-16", |b| {
        let mut storage = Vec::new();
        let buf = &mut aligned(&mut storage, (128 << 10) + 16)[16..];
        b.iter(|| cat_read(buf))
    });
    group.bench_function("pread-2-workers", |b| b.iter(|| two_workers(true, false)));
    group.bench_function("seal-in-cache-2-workers", |b| {
        b.iter(|| two_workers(false, true))
    });
    group.bench_function("pread-and-seal-2-workers", |b| {
        b.iter(|| two_workers(true, true))
    });
    let chunked = Chunked::new(Suite::lkms(Algorithm::Aes256Gcm)).threads(2);
    let data_key = SecretBytes::new(vec![7; 32]);
    let null = File::create("/dev/null").unwrap();
    group.bench_function("lkms-encrypt-2-workers", |b| {
        b.iter(|| {
            black_box(
                chunked
                    .encrypt(
                        &data_key,
                        b"bench",
                        &Zeros,
                        Source::At(&file, 0),
                        &null,
                        &mut |_| {},
                    )
                    .unwrap(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, in_memory, from_file, small, floor);
criterion_main!(benches);
