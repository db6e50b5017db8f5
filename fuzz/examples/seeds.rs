//! Writes the seeds of the envelope fuzz targets: real ciphertexts made by the library with
//! fixed randomness. Run from `fuzz/`: `cargo run --example seeds` (it overwrites the files
//! named `seed-*` in `corpus/ciphertext_header` and `corpus/chunk_reader`).

use std::path::Path;

use lkms::crypto::aead::Algorithm;
use lkms::crypto::chunked::{Chunked, Suite};
use lkms::crypto::envelope::{self, Context, WrappingKey};
use lkms::crypto::material::KeySpec;
use lkms_fuzz::{CHUNK_CONTEXT, Counting, chunk_key, wrapping_material};

fn context(pairs: &[(&str, &str)]) -> Context {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(format!("seed-{name}")), bytes).unwrap();
}

fn main() {
    let headers = Path::new("corpus/ciphertext_header");
    let material = wrapping_material();
    let contexts = [
        ("none", context(&[])),
        ("one", context(&[("app", "fuzz")])),
        (
            "three",
            context(&[("a", ""), ("env", "prod"), ("tenant", "42")]),
        ),
        ("utf8", context(&[("é", "ü"), ("κλειδί", "τιμή")])),
        (
            "long",
            context(&[("k", &"v".repeat(300)), ("z", &"w".repeat(100))]),
        ),
    ];
    for (spec, wrap) in [
        (KeySpec::Aes256Gcm, "aes"),
        (KeySpec::ChaCha20Poly1305, "chacha"),
    ] {
        let key = WrappingKey {
            key_id: uuid_of(spec),
            version: 3,
            spec,
            material: &material,
        };
        for (name, ctx) in &contexts {
            let mut ct = Vec::new();
            envelope::encrypt(
                &key,
                ctx,
                &b"seed"[..],
                &mut ct,
                &Counting::from(0x40),
                &mut |_| {},
            )
            .unwrap();
            // The whole ciphertext: the header parser must stop at the header's end.
            write(headers, &format!("{wrap}-{name}"), &ct);
        }
    }

    let chunks = Path::new("corpus/chunk_reader");
    for alg in Algorithm::ALL {
        for len in [0usize, 1, 35, 1000, 16383, 16384, 16385] {
            let plain: Vec<u8> = (0..len).map(|i| (7 * i + i / 251) as u8).collect();
            let mut ct = Vec::new();
            Chunked::new(Suite::lkms(alg))
                .encrypt(
                    &chunk_key(),
                    CHUNK_CONTEXT,
                    &Counting::from(0x70),
                    &plain[..],
                    &mut ct,
                    &mut |_| {},
                )
                .unwrap();
            write(chunks, &format!("{}-{len}", alg.name()), &ct);
        }
    }
}

fn uuid_of(spec: KeySpec) -> uuid::Uuid {
    let b = if spec == KeySpec::Aes256Gcm {
        0x11
    } else {
        0x22
    };
    uuid::Uuid::from_bytes([b; 16])
}
