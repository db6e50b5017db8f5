//! encrypt, decrypt, re-encrypt, inspect and generate-data-key through the binary: round trips
//! at the chunk boundaries, tampering, truncation and extension, encryption contexts, key
//! versions and states, output naming, terminals, the audit trail and the config file.
//!
//! The byte layout these tests rely on (docs/DESIGN.md, "The ciphertext format"): a header of
//! `header_size` bytes (as `inspect --json` reports it) whose first 33 bytes are magic (4),
//! format version (1), header length (4), body and wrapping algorithm ids (1 + 1), key id (16),
//! key version (4), context pair count (2); then a C2SP chunked-encryption body: 24-byte salt,
//! 32-byte commitment, 16 KiB chunks each followed by a 16-byte tag, and a final shorter chunk.

use std::path::Path;
use std::process::{Command, Stdio};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::util::*;

const SPECS: [&str; 2] = ["aes-256-gcm", "chacha20-poly1305"];
const CHUNK: usize = 16 * 1024;
const TAG: usize = 16;
/// Salt and key commitment before the first chunk.
const PREFIX: usize = 24 + 32;

/// The body length for `n` bytes of plaintext: every chunk has a tag, and there is always a
/// final chunk shorter than 16 KiB (possibly empty).
fn body_len(n: usize) -> usize {
    PREFIX + n + (n / CHUNK + 1) * TAG
}

/// A seeded generator (SplitMix64), so that every failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut v = Vec::with_capacity(n + 8);
        while v.len() < n {
            v.extend_from_slice(&self.next().to_le_bytes());
        }
        v.truncate(n);
        v
    }
}

fn inspect(env: &Env, file: &str) -> serde_json::Value {
    env.run(&["inspect", "--json", file]).ok().json()
}

fn header_size(env: &Env, file: &str) -> usize {
    inspect(env, file)["header_size"].as_u64().unwrap() as usize
}

/// Temporary files lkms left in the directory (its outputs are written to `.lkms-*.tmp`).
fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".lkms-") || n.ends_with(".tmp"))
        .collect()
}

/// After a failure: neither the output file nor a temporary file is there.
#[track_caller]
fn assert_no_output(env: &Env, output: &str) {
    assert!(
        !env.path(output).exists(),
        "{output} was written by a failed command"
    );
    let temps = temp_files(env.dir.path());
    assert!(temps.is_empty(), "temporary files left behind: {temps:?}");
}

/// Runs a shell line with a terminal as lkms's standard output (through `script`); `$LKMS`
/// is the binary.
fn on_terminal(env: &Env, line: &str) -> Run {
    assert!(
        have("script"),
        "this test needs `script` (Debian package bsdutils) to give lkms a terminal"
    );
    let c = env.cmd();
    let mut s = Command::new("script");
    s.args(["-qec", line, "/dev/null"]);
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => s.env(k, v),
            None => s.env_remove(k),
        };
    }
    s.env("LKMS", c.get_program());
    env.run_cmd(s.current_dir(env.dir.path()).stdin(Stdio::null()))
}

#[test]
fn round_trips_at_chunk_boundaries_through_files_and_pipes() {
    let env = Env::new();
    let mut rng = Rng(1);
    let sizes = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, (5 << 20) + 3];
    for spec in SPECS {
        let id = env.create(&["--alias", spec, "--spec", spec]);
        for n in sizes {
            let plain = rng.bytes(n);
            let name = format!("{spec}-{n}");
            let ct = format!("{name}.lkms");
            env.write(&name, &plain);

            // Files in, files out.
            env.run(&["encrypt", "--key", spec, &name]).ok();
            let from_file = read(&env.path(&ct));
            let info = inspect(&env, &ct);
            let header = info["header_size"].as_u64().unwrap() as usize;
            assert_eq!(from_file.len(), header + body_len(n), "{name}");
            assert_eq!(info["plaintext_size"], n, "{name}");
            assert_eq!(info["ciphertext_size"], from_file.len(), "{name}");
            assert_eq!(info["algorithm"], spec, "{name}");
            assert_eq!(info["key_id"], id.as_str(), "{name}");
            let out = format!("{name}.out");
            env.run(&["decrypt", "-o", &out, &ct]).ok();
            assert!(read(&env.path(&out)) == plain, "{name}: file round trip");

            // Standard input to standard output, both ways.
            let piped = env
                .run_with_input(&["encrypt", "--key", spec], &plain)
                .ok()
                .stdout;
            assert_eq!(piped.len(), from_file.len(), "{name}");
            assert!(piped != from_file, "{name}: two encryptions must differ");
            let back = env.run_with_input(&["decrypt"], &piped).ok().stdout;
            assert!(back == plain, "{name}: pipe round trip");

            // And across: what a pipe made, a file decrypts, and the other way round.
            env.write(&format!("{name}.piped"), &piped);
            let back = env
                .run(&["decrypt", "-o", "-", &format!("{name}.piped")])
                .ok()
                .stdout;
            assert!(back == plain, "{name}: piped ciphertext from a file");
            let back = env
                .run_with_input(&["decrypt", "-"], &from_file)
                .ok()
                .stdout;
            assert!(back == plain, "{name}: file ciphertext through a pipe");
            for f in [name.clone(), ct, out, format!("{name}.piped")] {
                std::fs::remove_file(env.path(&f)).unwrap();
            }
        }
    }
    assert!(temp_files(env.dir.path()).is_empty());
}

#[test]
fn random_sizes_contents_and_contexts_round_trip() {
    const SEED: u64 = 0x6c6b_6d73;
    let env = Env::new();
    for spec in SPECS {
        env.create(&["--alias", spec, "--spec", spec]);
    }
    let mut rng = Rng(SEED);
    for case in 0..8 {
        // Half the sizes near a chunk boundary, where off-by-one errors live.
        let n = if rng.below(2) == 0 {
            (rng.below(5) * CHUNK + rng.below(5)).saturating_sub(2)
        } else {
            rng.below(5 * CHUNK)
        };
        let spec = SPECS[rng.below(2)];
        let plain = rng.bytes(n);
        let pairs: Vec<String> = (0..rng.below(4))
            .map(|i| format!("k{i}-{}=v{}", rng.below(100), rng.below(1000)))
            .collect();
        let mut args = vec!["encrypt", "--key", spec];
        for p in &pairs {
            args.extend(["--context", p]);
        }
        let mut dec = vec!["decrypt"];
        for p in pairs.iter().rev() {
            dec.extend(["--context", p]);
        }
        let what = format!("seed {SEED:#x} case {case}: {n} bytes, {spec}, context {pairs:?}");
        let ct = if rng.below(2) == 0 {
            env.run_with_input(&args, &plain).ok().stdout
        } else {
            env.write("in", &plain);
            args.extend(["-o", "in.lkms", "--force", "in"]);
            env.run(&args).ok();
            read(&env.path("in.lkms"))
        };
        env.write("case.lkms", &ct);
        let info = inspect(&env, "case.lkms");
        assert_eq!(info["plaintext_size"], n, "{what}");
        assert_eq!(info["context"].as_object().unwrap().len(), pairs.len());
        let back = env.run_with_input(&dec, &ct).ok().stdout;
        assert!(back == plain, "{what}: round trip");
    }
}

/// What decrypting a ciphertext with one bit flipped at `pos` of the header must give: the
/// exit code and, where the cause is specific, words of the message. Everything not listed
/// is authenticated (by the key wrap, the context check, the commitment or a chunk tag) and
/// fails as an integrity error.
fn flipped_outcome(pos: usize, bit: u8) -> (i32, &'static str) {
    match pos {
        0..=3 => (5, "not an lkms ciphertext"),
        // Version 0 does not exist (damage); a higher one is a future format this lkms says it
        // cannot read (Unsupported, exit 1).
        4 if bit == 0 => (5, "format version 0"),
        4 => (1, "format version"),
        // Within format version 1 the algorithm ids are fixed: another is damage (ids 1 and 2
        // are taken; a single flip of 1 never gives 2).
        9 | 10 => (5, "which this lkms does not know"),
        // Another key id: the ciphertext names a key this keyring does not have.
        11..=26 => (6, "not in this keyring"),
        // Version 1 becomes version 0 (malformed) or a version the key does not have.
        30 if bit == 0 => (5, "key version 0"),
        27..=30 => (5, "never had"),
        _ => (5, ""),
    }
}

#[test]
fn a_flipped_bit_is_refused_with_the_right_code_and_writes_nothing() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", &Rng(7).bytes(100));
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "a=1",
        "--context",
        "b=2",
        "msg",
    ])
    .ok();
    let ct = read(&env.path("msg.lkms"));
    let header = header_size(&env, "msg.lkms");
    assert_eq!(ct.len(), header + body_len(100));
    // Every bit of the header fields that are parsed (magic to context, before the 60-byte
    // wrap nonce and wrapped key); one bit of every other byte, the bit turning with the
    // offset: wrapped key, salt, commitment and chunks are authenticated or hashed whole, so
    // which of their bits changes does not matter. About 600 runs, four at a time: much of a
    // run is waiting for its audit line to reach the disk.
    let parsed = header - 60;
    let flips: Vec<(usize, u8)> = (0..ct.len())
        .flat_map(|pos| {
            let bits: Vec<u8> = if pos < parsed {
                (0..8).collect()
            } else {
                vec![(pos % 8) as u8]
            };
            bits.into_iter().map(move |b| (pos, b))
        })
        .collect();
    const WORKERS: usize = 4;
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|w| {
                let (env, ct, flips) = (&env, &ct, &flips);
                s.spawn(move || {
                    let (bad, out) = (format!("bad-{w}.lkms"), format!("out-{w}"));
                    let mut failures = Vec::new();
                    for &(pos, bit) in flips.iter().skip(w).step_by(WORKERS) {
                        let mut c = ct.clone();
                        c[pos] ^= 1 << bit;
                        env.write(&bad, &c);
                        let r = env.run(&[
                            "decrypt",
                            "--context",
                            "a=1",
                            "--context",
                            "b=2",
                            "-o",
                            &out,
                            &bad,
                        ]);
                        let (code, words) = if pos < header {
                            flipped_outcome(pos, bit)
                        } else {
                            (5, "")
                        };
                        if r.code != code || !r.stderr.contains(words) {
                            failures.push(format!(
                                "byte {pos} bit {bit}: exit {} (want {code}, {words:?}): {}",
                                r.code,
                                r.stderr.trim()
                            ));
                        }
                        if env.path(&out).exists() {
                            failures.push(format!("byte {pos} bit {bit}: wrote {out}"));
                            std::fs::remove_file(env.path(&out)).unwrap();
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} flips:\n{}",
        failures.len(),
        flips.len(),
        failures.join("\n")
    );
    assert!(temp_files(env.dir.path()).is_empty());
    // The unmodified ciphertext still decrypts: the failures above are the flips'.
    env.run(&[
        "decrypt",
        "--context",
        "b=2",
        "--context",
        "a=1",
        "-o",
        "out",
        "msg.lkms",
    ])
    .ok();
    assert_eq!(read(&env.path("out")), read(&env.path("msg")));
}

#[test]
fn truncation_and_extension_are_detected_and_write_nothing() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let n = 3 * CHUNK + 100;
    let plain = Rng(3).bytes(n);
    env.write("msg", &plain);
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    let ct = read(&env.path("msg.lkms"));
    let h = header_size(&env, "msg.lkms");
    let chunk = |i: usize| h + PREFIX + i * (CHUNK + TAG);
    assert_eq!(ct.len(), chunk(3) + 100 + TAG);

    let mut cuts = vec![
        (0, "truncated"),
        (4, "truncated"),
        (h - 1, "truncated"),
        (h, "truncated"),
        (h + 30, "truncated"),
    ];
    for i in 0..=3 {
        // On a chunk boundary: the short final chunk is missing.
        cuts.push((chunk(i), "truncated"));
    }
    for i in 0..3 {
        cuts.push((chunk(i) + CHUNK / 2, ""));
        cuts.push((chunk(i) + CHUNK + TAG - 1, ""));
    }
    cuts.extend([(chunk(3) + 10, "truncated"), (chunk(3) + 50, "")]);
    cuts.push((ct.len() - 1, ""));
    let final_chunk = ct[chunk(3)..].to_vec();
    let extensions: Vec<Vec<u8>> = vec![
        vec![0],
        vec![0; TAG],
        vec![0; CHUNK + TAG - final_chunk.len()],
        vec![0; CHUNK + TAG],
        final_chunk.clone(),
        ct.clone(),
    ];
    let mut cases: Vec<(String, Vec<u8>, &str)> = cuts
        .into_iter()
        .map(|(len, words)| (format!("cut to {len} bytes"), ct[..len].to_vec(), words))
        .collect();
    for ext in extensions {
        let mut c = ct.clone();
        c.extend_from_slice(&ext);
        cases.push((format!("{} bytes appended", ext.len()), c, ""));
    }
    for (what, bad, words) in cases {
        env.write("bad.lkms", &bad);
        let r = env.run(&["decrypt", "-o", "out", "bad.lkms"]);
        assert_eq!(r.code, 5, "{what}: {}", r.stderr);
        assert!(r.stderr.contains(words), "{what}: {}", r.stderr);
        assert_no_output(&env, "out");
        // Through a pipe, standard output gets at most the authenticated chunks before the
        // damage: whole chunks of the plaintext, never the part of a chunk.
        let r = env.run_with_input(&["decrypt"], &bad).code(5);
        assert_eq!(r.stdout.len() % CHUNK, 0, "{what}");
        assert!(r.stdout.len() < n && plain.starts_with(&r.stdout), "{what}");
    }
}

#[test]
fn the_context_is_a_map_that_must_match_exactly() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"payroll");
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "app=web",
        "--context",
        "env=prod",
        "msg",
    ])
    .ok();
    let cases: [(&[&str], &[&str]); 4] = [
        (&[], &["give --context for: app, env"]),
        (
            &["--context", "app=web", "--context", "env=dev"],
            &["give --context for: env"],
        ),
        (&["--context", "app=web"], &["give --context for: env"]),
        (
            &[
                "--context",
                "app=web",
                "--context",
                "env=prod",
                "--context",
                "x=1",
            ],
            &["not part of it: x"],
        ),
    ];
    for (context, words) in cases {
        let mut args = vec!["decrypt", "-o", "out"];
        args.extend_from_slice(context);
        args.push("msg.lkms");
        let r = env.run(&args).code(5);
        assert!(r.stderr.contains("encryption context"), "{}", r.stderr);
        for w in words {
            assert!(r.stderr.contains(w), "{context:?}: {}", r.stderr);
        }
        assert_no_output(&env, "out");
    }
    // The same pairs in another order are the same context.
    let r = env.run(&[
        "decrypt",
        "--context",
        "env=prod",
        "--context",
        "app=web",
        "-o",
        "-",
        "msg.lkms",
    ]);
    assert_eq!(r.ok().stdout, b"payroll");
    assert_eq!(
        inspect(&env, "msg.lkms")["context"],
        serde_json::json!({"app": "web", "env": "prod"})
    );
    // A key given twice is a usage error, whether the values agree or not; so is a pair
    // without `=`.
    for args in [
        &[
            "encrypt",
            "--key",
            "k",
            "--context",
            "a=1",
            "--context",
            "a=2",
            "msg",
        ][..],
        &[
            "encrypt",
            "--key",
            "k",
            "--context",
            "a=1",
            "--context",
            "a=1",
            "msg",
        ],
        &[
            "decrypt",
            "--context",
            "app=web",
            "--context",
            "app=web",
            "--context",
            "env=prod",
            "-o",
            "out",
            "msg.lkms",
        ],
        &[
            "generate-data-key",
            "k",
            "--context",
            "a=1",
            "--context",
            "a=2",
        ],
    ] {
        let r = env.run(args).code(2);
        assert!(r.stderr.contains("given twice"), "{args:?}: {}", r.stderr);
    }
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "novalue",
        "-o",
        "x",
        "msg",
    ])
    .code(2);
    // The format's bounds are checked before anything is written.
    let long = format!("big={}", "v".repeat(4097));
    let r = env
        .run(&[
            "encrypt",
            "--key",
            "k",
            "--context",
            &long,
            "-o",
            "x",
            "msg",
        ])
        .code(2);
    assert!(r.stderr.contains("at most 4096"), "{}", r.stderr);
    // A value may hold `=`: the pair splits at the first one.
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "q=a=b",
        "-o",
        "eq.lkms",
        "msg",
    ])
    .ok();
    assert_eq!(
        inspect(&env, "eq.lkms")["context"],
        serde_json::json!({"q": "a=b"})
    );
    env.run(&["decrypt", "--context", "q=a=b", "-o", "-", "eq.lkms"])
        .ok();
    // re-encrypt checks the context too, and leaves the file as it was when it does not match.
    let before = read(&env.path("msg.lkms"));
    let r = env
        .run(&["re-encrypt", "--context", "app=web", "msg.lkms"])
        .code(5);
    assert!(r.stderr.contains("give --context for: env"), "{}", r.stderr);
    assert_eq!(read(&env.path("msg.lkms")), before);
    assert_no_output(&env, "out");
    assert!(!env.path("x").exists());
}

#[test]
fn rotation_keeps_old_ciphertexts_and_re_encrypt_rewraps_only_the_header() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    let plain = Rng(5).bytes(2 * CHUNK + 5);
    env.write("msg", &plain);
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "t=1",
        "-o",
        "v1.lkms",
        "msg",
    ])
    .ok();
    env.run(&["rotate", "k"]).ok();
    env.run(&[
        "encrypt",
        "--key",
        "k",
        "--context",
        "t=1",
        "-o",
        "v2.lkms",
        "msg",
    ])
    .ok();
    assert_eq!(inspect(&env, "v1.lkms")["key_version"], 1);
    assert_eq!(inspect(&env, "v2.lkms")["key_version"], 2);
    for f in ["v1.lkms", "v2.lkms"] {
        let r = env.run(&["decrypt", "--context", "t=1", "-o", "-", f]).ok();
        assert!(r.stdout == plain, "{f}");
    }
    env.run(&["rotate", "k"]).ok();

    // Rewrapped in place to the current version (3); the body is the same bytes.
    let before = read(&env.path("v1.lkms"));
    let h1 = header_size(&env, "v1.lkms");
    env.run(&["re-encrypt", "--context", "t=1", "v1.lkms"]).ok();
    let after = read(&env.path("v1.lkms"));
    let info = inspect(&env, "v1.lkms");
    assert_eq!(info["key_version"], 3);
    assert_eq!(info["key_id"], id.as_str());
    let h2 = info["header_size"].as_u64().unwrap() as usize;
    assert_eq!(h1, h2);
    assert!(after[h2..] == before[h1..], "re-encrypt changed the body");
    assert!(
        after[..h2] != before[..h1],
        "re-encrypt left the header as it was"
    );
    let r = env
        .run(&["decrypt", "--context", "t=1", "-o", "-", "v1.lkms"])
        .ok();
    assert!(r.stdout == plain);
    assert!(temp_files(env.dir.path()).is_empty());
}

#[test]
fn re_encrypt_to_another_key_including_another_spec() {
    let env = Env::new();
    let aes = env.create(&["--alias", "aes"]);
    let chacha = env.create(&["--alias", "chacha", "--spec", "chacha20-poly1305"]);
    let plain = Rng(9).bytes(CHUNK + 9);
    env.write("msg", &plain);
    env.run(&["encrypt", "--key", "aes", "--context", "x=y", "msg"])
        .ok();
    let before = read(&env.path("msg.lkms"));
    let h = header_size(&env, "msg.lkms");

    // To a separate file first: the input stays as it was.
    env.run(&[
        "re-encrypt",
        "--key",
        "chacha",
        "--context",
        "x=y",
        "-o",
        "moved.lkms",
        "msg.lkms",
    ])
    .ok();
    assert_eq!(read(&env.path("msg.lkms")), before);
    let info = inspect(&env, "moved.lkms");
    assert_eq!(info["key_id"], chacha.as_str());
    assert_eq!(info["key_version"], 1);
    assert_eq!(info["wrapping_algorithm"], "chacha20-poly1305");
    // The body keeps the algorithm it was encrypted with: it is never decrypted.
    assert_eq!(info["algorithm"], "aes-256-gcm");
    assert_eq!(info["context"], serde_json::json!({"x": "y"}));
    let moved = read(&env.path("moved.lkms"));
    assert!(moved[h..] == before[h..], "the body changed");
    let r = env
        .run(&["decrypt", "--context", "x=y", "-o", "-", "moved.lkms"])
        .ok();
    assert!(r.stdout == plain);
    // An existing -o target is refused, as for encrypt.
    let r = env
        .run(&[
            "re-encrypt",
            "--key",
            "chacha",
            "--context",
            "x=y",
            "-o",
            "moved.lkms",
            "msg.lkms",
        ])
        .code(1);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);

    // Once the old key is disabled, the moved copy still decrypts; the original does not.
    env.run(&["disable", "--yes", "aes"]).ok();
    env.run(&["decrypt", "--context", "x=y", "-o", "-", "moved.lkms"])
        .ok();
    env.run(&["decrypt", "--context", "x=y", "-o", "-", "msg.lkms"])
        .code(4);
    // And back, through a pipe, to the aes key.
    env.run(&["enable", "aes"]).ok();
    let back = env
        .run_with_input(
            &["re-encrypt", "--key", aes.as_str(), "--context", "x=y"],
            &moved,
        )
        .ok()
        .stdout;
    env.write("back.lkms", &back);
    let info = inspect(&env, "back.lkms");
    assert_eq!(info["key_id"], aes.as_str());
    assert_eq!(info["wrapping_algorithm"], "aes-256-gcm");
    let r = env
        .run(&["decrypt", "--context", "x=y", "-o", "-", "back.lkms"])
        .ok();
    assert!(r.stdout == plain);
}

#[test]
fn only_enabled_keys_encrypt_or_decrypt() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"secret");
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    let refused = |state: &str, detail: &str| {
        for args in [
            &["encrypt", "--key", "k", "-o", "out", "msg"][..],
            &["decrypt", "-o", "out", "msg.lkms"],
            &["re-encrypt", "-o", "out", "msg.lkms"],
            &["generate-data-key", "k"],
        ] {
            let r = env.run(args).code(4);
            assert!(
                r.stderr.contains(state) && r.stderr.contains(detail),
                "{args:?}: {}",
                r.stderr
            );
            assert_no_output(&env, "out");
        }
    };
    env.run(&["disable", "--yes", "k"]).ok();
    refused("Disabled", "lkms enable");
    env.run(&["enable", "k"]).ok();
    env.run(&["decrypt", "-o", "-", "msg.lkms"]).ok();

    env.run(&["schedule-delete", "--yes", "k", "--days", "7"])
        .ok();
    refused("PendingDeletion", "deletion on");
    // Nor is a key that is not Enabled a target for re-encrypt.
    env.create(&["--alias", "fresh"]);
    env.run(&["encrypt", "--key", "fresh", "-o", "fresh.lkms", "msg"])
        .ok();
    let r = env
        .run(&["re-encrypt", "--key", "k", "-o", "out", "fresh.lkms"])
        .code(4);
    assert!(r.stderr.contains("cannot re-encrypt under"), "{}", r.stderr);
    assert!(r.stderr.contains("PendingDeletion"), "{}", r.stderr);
    assert_no_output(&env, "out");
    // cancel-delete leaves it Disabled (as AWS KMS); only enable makes it usable again.
    env.run(&["cancel-delete", "k"]).ok();
    refused("Disabled", "");
    env.run(&["enable", "k"]).ok();
    let r = env.run(&["decrypt", "-o", "-", "msg.lkms"]).ok();
    assert_eq!(r.stdout, b"secret");
}

#[test]
fn destroyed_keys_never_decrypt_again() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"gone for good");
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    env.run(&["schedule-delete", "--yes", "k", "--days", "7"])
        .ok();
    // Still pending six days on.
    let r = env
        .later("+6d", &["decrypt", "-o", "out", "msg.lkms"])
        .code(4);
    assert!(r.stderr.contains("PendingDeletion"), "{}", r.stderr);
    let r = env
        .later("+8d", &["decrypt", "-o", "out", "msg.lkms"])
        .code(4);
    assert!(r.stderr.contains("Destroyed"), "{}", r.stderr);
    let r = env
        .later("+8d", &["encrypt", "--key", "k", "-o", "out", "msg"])
        .code(4);
    assert!(r.stderr.contains("Destroyed"), "{}", r.stderr);
    assert_no_output(&env, "out");
    // The keyring recorded it: without faketime too, and enable cannot bring it back.
    assert_eq!(env.describe("k")["state"], "Destroyed");
    env.run(&["enable", "k"]).code(4);
    let r = env.run(&["decrypt", "-o", "out", "msg.lkms"]).code(4);
    assert!(r.stderr.contains("Destroyed"), "{}", r.stderr);
    assert_no_output(&env, "out");
}

#[test]
fn wrong_keys_missing_inputs_and_a_missing_keyring() {
    let env = Env::new();
    env.create(&["--alias", "ed", "--spec", "ed25519"]);
    env.create(&["--alias", "hmac", "--spec", "hmac-sha256"]);
    env.create(&["--alias", "k"]);
    env.write("msg", b"m");
    env.run(&["encrypt", "--key", "k", "-o", "msg.lkms", "msg"])
        .ok();
    let before = read(&env.path("msg.lkms"));
    let cases: [(&[&str], i32, &str); 8] = [
        (
            &["encrypt", "--key", "ed", "-o", "out", "msg"],
            4,
            "sign/verify",
        ),
        (&["encrypt", "--key", "hmac", "-o", "out", "msg"], 4, "MAC"),
        (&["generate-data-key", "ed"], 4, "sign/verify"),
        (&["re-encrypt", "--key", "hmac", "msg.lkms"], 4, "MAC"),
        (
            &["encrypt", "--key", "no-such-key", "-o", "out", "msg"],
            6,
            "no-such-key",
        ),
        (&["generate-data-key", "no-such-key"], 6, "no-such-key"),
        (
            &["encrypt", "--key", "k", "-o", "out", "no-such-file"],
            6,
            "no-such-file",
        ),
        (
            &["decrypt", "-o", "out", "no-such-file.lkms"],
            6,
            "no-such-file",
        ),
    ];
    for (args, code, words) in cases {
        let r = env.run(args).code(code);
        assert!(r.stderr.contains(words), "{args:?}: {}", r.stderr);
        assert_no_output(&env, "out");
    }
    assert_eq!(read(&env.path("msg.lkms")), before);

    // A ciphertext made under another keyring's key.
    let other = Env::new();
    other.create(&["--alias", "k"]);
    let foreign = other
        .run_with_input(&["encrypt", "--key", "k"], b"elsewhere")
        .ok()
        .stdout;
    let r = env.run_with_input(&["decrypt"], &foreign).code(6);
    assert!(r.stderr.contains("not in this keyring"), "{}", r.stderr);
    // Not a ciphertext at all.
    let r = env.run(&["decrypt", "msg"]).code(2);
    assert!(r.stderr.contains("name its output with -o"), "{}", r.stderr);
    let r = env.run(&["decrypt", "-o", "out", "msg"]).code(5);
    assert!(r.stderr.contains("truncated"), "{}", r.stderr);
    let r = env.run_with_input(&["decrypt"], b"plain text").code(5);
    assert!(r.stderr.contains("not an lkms ciphertext"), "{}", r.stderr);

    // No keyring: not found, with the hint to create one.
    for args in [
        &["encrypt", "--key", "k", "-o", "out", "msg"][..],
        &["decrypt", "-o", "out", "msg.lkms"],
        &["re-encrypt", "msg.lkms"],
        &["generate-data-key", "k"],
    ] {
        let r = env
            .run_cmd(
                env.cmd()
                    .env("LKMS_KEYRING", env.path("missing.age"))
                    .args(args),
            )
            .code(6);
        assert!(r.stderr.contains("lkms init"), "{args:?}: {}", r.stderr);
        assert_no_output(&env, "out");
    }
    assert_eq!(read(&env.path("msg.lkms")), before);
}

#[test]
fn output_names_batches_and_overwrites() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    for name in ["a", "b", "c"] {
        env.write(name, format!("contents of {name}").as_bytes());
    }
    let lines_before = env.audit_lines().len();
    let r = env
        .run(&["encrypt", "--key", "k", "a", "b", "c", "--json"])
        .ok();
    let summary = r.json();
    assert_eq!(summary.as_array().unwrap().len(), 3, "{summary}");
    let lines = env.audit_lines();
    let new: Vec<_> = lines[lines_before..].iter().collect();
    assert_eq!(new.len(), 3, "one audit line per file: {new:?}");
    for (line, name) in new.iter().zip(["a", "b", "c"]) {
        assert_eq!(line["event"], "Encrypt");
        assert_eq!(line["outcome"], "success");
        assert_eq!(line["key_id"], id.as_str());
        assert_eq!(line["request"]["input"], name);
        assert_eq!(line["request"]["output"], format!("{name}.lkms"));
        assert_eq!(line["request"]["bytes"], 13);
    }
    // decrypt takes the suffix off, again for several files in one call.
    for name in ["a", "b", "c"] {
        std::fs::remove_file(env.path(name)).unwrap();
    }
    env.run(&["decrypt", "a.lkms", "b.lkms", "c.lkms"]).ok();
    for name in ["a", "b", "c"] {
        assert_eq!(
            read(&env.path(name)),
            format!("contents of {name}").as_bytes()
        );
    }

    // Usage errors: no suffix to take off, -o with several INPUTs, `-` mixed with files.
    let r = env.run(&["decrypt", "a"]).code(2);
    assert!(r.stderr.contains("does not end in .lkms"), "{}", r.stderr);
    for args in [
        &["encrypt", "--key", "k", "-o", "x", "a", "b"][..],
        &["decrypt", "-o", "x", "a.lkms", "b.lkms"],
        &["re-encrypt", "-o", "x", "a.lkms", "b.lkms"],
    ] {
        let r = env.run(args).code(2);
        assert!(r.stderr.contains("single INPUT"), "{args:?}: {}", r.stderr);
    }
    env.run(&["encrypt", "--key", "k", "a", "-"]).code(2);
    assert!(!env.path("x").exists());
    // A missing INPUT stops the batch before any output is written.
    for name in ["a", "b", "c"] {
        std::fs::remove_file(env.path(&format!("{name}.lkms"))).unwrap();
    }
    let r = env
        .run(&["encrypt", "--key", "k", "a", "missing", "c"])
        .code(6);
    assert!(r.stderr.contains("missing"), "{}", r.stderr);
    assert_no_output(&env, "a.lkms");
    assert_no_output(&env, "c.lkms");
    env.run(&["encrypt", "--key", "k", "a", "b", "c"]).ok();

    // An existing output is refused (and left alone) without --force, for every file of a
    // batch before any is written.
    std::fs::remove_file(env.path("a.lkms")).unwrap();
    let b_before = read(&env.path("b.lkms"));
    let r = env.run(&["encrypt", "--key", "k", "a", "b"]).code(1);
    assert!(r.stderr.contains("b.lkms already exists"), "{}", r.stderr);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert!(
        !env.path("a.lkms").exists(),
        "a.lkms written despite the refusal"
    );
    assert_eq!(read(&env.path("b.lkms")), b_before);
    env.run(&["encrypt", "--key", "k", "--force", "a", "b"])
        .ok();
    assert!(read(&env.path("b.lkms")) != b_before);
    env.write("a", b"local edits");
    let r = env.run(&["decrypt", "a.lkms"]).code(1);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert_eq!(read(&env.path("a")), b"local edits");
    env.run(&["decrypt", "--force", "a.lkms"]).ok();
    assert_eq!(read(&env.path("a")), b"contents of a");

    // -o - sends it to standard output.
    let ct = env
        .run(&["encrypt", "--key", "k", "-o", "-", "a"])
        .ok()
        .stdout;
    assert!(ct.starts_with(b"LKMS"));
    let r = env.run_with_input(&["decrypt", "-o", "-"], &ct).ok();
    assert_eq!(r.stdout, b"contents of a");
    let r = env.run(&["decrypt", "-o", "-", "b.lkms"]).ok();
    assert_eq!(r.stdout, b"contents of b");

    // re-encrypt replaces each INPUT in place, without --force.
    env.run(&["rotate", "k"]).ok();
    env.run(&["re-encrypt", "b.lkms", "c.lkms"]).ok();
    for f in ["b.lkms", "c.lkms"] {
        assert_eq!(inspect(&env, f)["key_version"], 2, "{f}");
    }
    assert!(temp_files(env.dir.path()).is_empty());
}

/// Runs `line` on a terminal and checks that lkms refused it (exit 1, naming the terminal)
/// without writing ciphertext there.
fn refused_on_terminal(env: &Env, line: &str) -> Run {
    let r = on_terminal(env, line);
    assert_eq!(r.code, 1, "{line}: {}", r.out());
    assert!(r.out().contains("terminal"), "{line}: {}", r.out());
    assert!(
        !r.out().contains("LKMS\u{1}"),
        "{line}: ciphertext on the terminal"
    );
    r
}

#[test]
fn ciphertext_is_never_written_to_a_terminal() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"hello, terminal\n");
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    for line in [
        r#""$LKMS" encrypt --key k < msg"#,
        r#""$LKMS" encrypt --key k -o - msg"#,
        r#""$LKMS" re-encrypt < msg.lkms"#,
        r#""$LKMS" re-encrypt -o - msg.lkms"#,
    ] {
        let r = refused_on_terminal(&env, line);
        assert!(r.out().contains("-o FILE"), "{line}: {}", r.out());
    }
    // Plaintext is the user's business: decrypting to the terminal works.
    let r = on_terminal(&env, r#""$LKMS" decrypt -o - msg.lkms"#).ok();
    assert!(r.out().contains("hello, terminal"), "{}", r.out());
}

#[test]
fn a_damaged_last_chunk_releases_only_whole_authenticated_chunks_to_stdout() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    // More chunks than lkms authenticates in one go, so some are released before the damage
    // is found.
    let n = (2 << 20) + 100;
    let plain = Rng(11).bytes(n);
    env.write("msg", &plain);
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    let mut ct = read(&env.path("msg.lkms"));
    let last = ct.len() - 1;
    ct[last] ^= 0x40;
    env.write("bad.lkms", &ct);
    for r in [
        env.run_with_input(&["decrypt"], &ct),
        env.run(&["decrypt", "-o", "-", "bad.lkms"]),
    ] {
        let r = r.code(5);
        assert!(r.stderr.contains("incomplete"), "{}", r.stderr);
        assert!(r.stderr.contains("final chunk"), "{}", r.stderr);
        assert!(!r.stdout.is_empty() && r.stdout.len() < n);
        assert_eq!(r.stdout.len() % CHUNK, 0, "a partial chunk was released");
        assert!(
            plain.starts_with(&r.stdout),
            "released bytes are not the plaintext"
        );
    }
    // To a file: nothing at all.
    env.run(&["decrypt", "-o", "out", "bad.lkms"]).code(5);
    assert_no_output(&env, "out");
    // Damage in the first chunk: nothing precedes it, nothing is released.
    let mut ct = read(&env.path("msg.lkms"));
    let first = header_size(&env, "msg.lkms") + PREFIX + 1;
    ct[first] ^= 1;
    let r = env.run_with_input(&["decrypt"], &ct).code(5);
    assert!(r.stdout.is_empty(), "{} bytes released", r.stdout.len());
}

#[test]
fn generate_data_key_gives_a_key_and_its_ciphertext() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    let j = env
        .run(&[
            "generate-data-key",
            "k",
            "--context",
            "use=backup",
            "--json",
        ])
        .ok()
        .json();
    assert_eq!(j["key_id"], id.as_str());
    assert_eq!(j["key_version"], 1);
    let plain = STANDARD.decode(j["plaintext"].as_str().unwrap()).unwrap();
    assert_eq!(plain.len(), 32);
    let ct = STANDARD.decode(j["ciphertext"].as_str().unwrap()).unwrap();
    env.write("dk.lkms", &ct);
    let info = inspect(&env, "dk.lkms");
    assert_eq!(info["plaintext_size"], 32);
    assert_eq!(info["context"], serde_json::json!({"use": "backup"}));
    let r = env
        .run(&["decrypt", "--context", "use=backup", "-o", "-", "dk.lkms"])
        .ok();
    assert_eq!(r.stdout, plain);
    for wrong in [&["--context", "use=other"][..], &[]] {
        let mut args = vec!["decrypt", "-o", "out"];
        args.extend_from_slice(wrong);
        args.push("dk.lkms");
        let r = env.run(&args).code(5);
        assert!(r.stderr.contains("encryption context"), "{}", r.stderr);
        assert_no_output(&env, "out");
    }
    // A fresh key each time.
    let again = env.run(&["generate-data-key", "k", "--json"]).ok().json();
    assert_ne!(again["plaintext"], j["plaintext"]);
    let text = env.run(&["generate-data-key", "k"]).ok().out();
    assert!(
        text.contains("plaintext: ") && text.contains("ciphertext: "),
        "{text}"
    );
}

#[test]
fn inspect_needs_no_passphrase_and_no_keyring() {
    let env = Env::new();
    let id = env.create(&["--alias", "k", "--spec", "chacha20-poly1305"]);
    env.write("msg", &[7; 40_000]);
    env.run(&["encrypt", "--key", "k", "--context", "team=ops", "msg"])
        .ok();
    let bare = Env::empty();
    std::fs::copy(env.path("msg.lkms"), bare.path("msg.lkms")).unwrap();
    let mut c = bare.cmd();
    c.env_remove("LKMS_PASSPHRASE");
    let r = bare.run_cmd(c.args(["inspect", "--json", "msg.lkms"])).ok();
    let j = r.json();
    assert_eq!(j["key_id"], id.as_str());
    assert_eq!(j["key_version"], 1);
    assert_eq!(j["algorithm"], "chacha20-poly1305");
    assert_eq!(j["context"], serde_json::json!({"team": "ops"}));
    assert_eq!(j["plaintext_size"], 40_000);
    let size = std::fs::metadata(bare.path("msg.lkms")).unwrap().len();
    assert_eq!(j["ciphertext_size"], size);
    assert_eq!(
        j["header_size"].as_u64().unwrap() as usize + body_len(40_000),
        size as usize
    );
    assert!(!bare.keyring().exists() && !bare.audit_log().exists());

    let mut c = bare.cmd();
    c.env_remove("LKMS_PASSPHRASE");
    let text = bare.run_cmd(c.args(["inspect", "msg.lkms"])).ok().out();
    for words in [
        id.as_str(),
        "chacha20-poly1305",
        "team=ops",
        "40000 bytes of plaintext",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    // From standard input too (the sizes are then unknown).
    let mut c = bare.cmd();
    c.env_remove("LKMS_PASSPHRASE")
        .args(["inspect", "--json"])
        .stdin(Stdio::piped());
    let j = run_with_stdin(&mut c, &read(&bare.path("msg.lkms")))
        .ok()
        .json();
    assert_eq!(j["key_id"], id.as_str());
    let mut c = bare.cmd();
    c.env_remove("LKMS_PASSPHRASE")
        .arg("inspect")
        .stdin(Stdio::piped());
    let r = run_with_stdin(&mut c, b"not a ciphertext").code(5);
    assert!(r.stderr.contains("not an lkms ciphertext"), "{}", r.stderr);
}

#[test]
fn every_attempt_is_audited_with_key_version_context_and_bytes() {
    let env = Env::new();
    let id = env.create(&["--alias", "k"]);
    let other = env.create(&["--alias", "other"]);
    let plain = b"do not log me: 8c1f0e";
    env.write("msg", plain);
    let context = serde_json::json!({"app": "web"});
    let check = |event: &str, key: &str, version: u32, input: &str, bytes: Option<usize>| {
        let l = env.last_audit();
        assert_eq!(l["event"], event, "{l}");
        assert_eq!(l["outcome"], "success", "{l}");
        assert_eq!(l["key_id"], key, "{l}");
        assert_eq!(l["key_version"], version, "{l}");
        assert_eq!(l["context"], context, "{l}");
        assert_eq!(l["request"]["input"], input, "{l}");
        if let Some(b) = bytes {
            assert_eq!(l["request"]["bytes"], b, "{l}");
        }
        l
    };
    env.run(&["encrypt", "--key", "k", "--context", "app=web", "msg"])
        .ok();
    check("Encrypt", &id, 1, "msg", Some(plain.len()));
    env.run(&["decrypt", "--context", "app=web", "-o", "out", "msg.lkms"])
        .ok();
    check("Decrypt", &id, 1, "msg.lkms", Some(plain.len()));
    env.run_with_input(
        &["decrypt", "--context", "app=web"],
        &read(&env.path("msg.lkms")),
    )
    .ok();
    check("Decrypt", &id, 1, "-", Some(plain.len()));
    env.run(&["rotate", "k"]).ok();
    env.run(&["re-encrypt", "--context", "app=web", "msg.lkms"])
        .ok();
    let l = check("ReEncrypt", &id, 2, "msg.lkms", None);
    assert_eq!(l["request"]["source_key_id"], id.as_str(), "{l}");
    assert_eq!(l["request"]["source_key_version"], 1, "{l}");
    assert!(l["request"]["bytes"].as_u64().unwrap() > 0, "{l}");
    env.run(&[
        "re-encrypt",
        "--key",
        "other",
        "--context",
        "app=web",
        "msg.lkms",
    ])
    .ok();
    let l = env.last_audit();
    assert_eq!(
        (&l["key_id"], &l["key_version"]),
        (&other.as_str().into(), &1.into())
    );
    assert_eq!(l["request"]["source_key_version"], 2, "{l}");
    env.run(&["generate-data-key", "k", "--context", "app=web"])
        .ok();
    let l = env.last_audit();
    assert_eq!(l["event"], "GenerateDataKey", "{l}");
    assert_eq!(
        (&l["key_id"], &l["key_version"]),
        (&id.as_str().into(), &2.into())
    );
    assert_eq!(l["context"], context, "{l}");

    // Failures are logged, naming the key and the cause.
    env.run(&["decrypt", "--context", "app=api", "-o", "out2", "msg.lkms"])
        .code(5);
    let l = env.last_audit();
    assert_eq!(l["event"], "Decrypt", "{l}");
    assert_eq!(l["outcome"], "failure", "{l}");
    assert_eq!(l["key_id"], other.as_str(), "{l}");
    assert!(
        l["error"].as_str().unwrap().contains("encryption context"),
        "{l}"
    );
    env.run(&["disable", "--yes", "k"]).ok();
    env.run(&["encrypt", "--key", "k", "-o", "out3", "msg"])
        .code(4);
    let l = env.last_audit();
    assert_eq!(
        (&l["event"], &l["outcome"]),
        (&"Encrypt".into(), &"failure".into())
    );
    assert!(l["error"].as_str().unwrap().contains("Disabled"), "{l}");

    let log = std::fs::read_to_string(env.audit_log()).unwrap();
    assert!(!log.contains("8c1f0e"), "plaintext in the audit log");
    assert!(!log.contains(PASS));
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn an_unwritable_audit_log_refuses_and_writes_nothing() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"m");
    env.run(&["encrypt", "--key", "k", "-o", "ok.lkms", "msg"])
        .ok();
    std::fs::create_dir(env.path("logdir")).unwrap();
    for args in [
        &["encrypt", "--key", "k", "msg"][..],
        &["decrypt", "-o", "out", "ok.lkms"],
        &["generate-data-key", "k"],
    ] {
        let r = env
            .run_cmd(
                env.cmd()
                    .env("LKMS_AUDIT_LOG", env.path("logdir"))
                    .args(args),
            )
            .code(1);
        assert!(r.stderr.contains("audit log"), "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}: released output");
        assert_no_output(&env, "msg.lkms");
        assert_no_output(&env, "out");
    }
}

#[test]
fn the_config_default_key_is_used_unless_key_is_given() {
    let env = Env::new();
    let k = env.create(&["--alias", "k"]);
    let other = env.create(&["--alias", "other"]);
    let cfg = env.write("config.toml", b"default_key = \"k\"\n");
    env.write("msg", b"m");
    let with_config = |args: &[&str]| env.run_cmd(env.cmd().arg("--config").arg(&cfg).args(args));
    with_config(&["encrypt", "msg"]).ok();
    assert_eq!(inspect(&env, "msg.lkms")["key_id"], k.as_str());
    with_config(&["encrypt", "--key", "other", "-o", "o.lkms", "msg"]).ok();
    assert_eq!(inspect(&env, "o.lkms")["key_id"], other.as_str());
    // Neither: the user is told how to name one.
    let r = env.run(&["encrypt", "-o", "x.lkms", "msg"]).code(2);
    assert!(
        r.stderr.contains("--key") && r.stderr.contains("default_key"),
        "{}",
        r.stderr
    );
    assert!(!env.path("x.lkms").exists());
}

/// Bug: naming an existing device or pipe as the output (`-o /dev/stdout`, `-o >(cmd)`), which
/// lkms writes into rather than replaces, released the chunks before the damage without the
/// warning `-o -` gives: the reader was not told its plaintext was incomplete.
#[test]
fn partial_plaintext_written_to_a_device_was_not_reported_incomplete() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let plain = Rng(13).bytes((2 << 20) + 1);
    env.write("msg", &plain);
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    let mut ct = read(&env.path("msg.lkms"));
    let last = ct.len() - 1;
    ct[last] ^= 1;
    env.write("bad.lkms", &ct);
    // Standard output is a pipe here: /dev/stdout opens that pipe.
    let r = env
        .run(&["decrypt", "-o", "/dev/stdout", "bad.lkms"])
        .code(5);
    assert!(!r.stdout.is_empty() && plain.starts_with(&r.stdout));
    assert!(r.stderr.contains("incomplete"), "{}", r.stderr);
    assert!(r.stderr.contains("/dev/stdout"), "{}", r.stderr);
}

/// Bug: `-o /dev/tty`, or `-o /dev/stdout` on a terminal, wrote ciphertext to the terminal;
/// only `-o -` and no `-o` were checked.
#[test]
fn ciphertext_went_to_a_terminal_named_as_the_output_file() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("msg", b"m");
    env.run(&["encrypt", "--key", "k", "msg"]).ok();
    for line in [
        r#""$LKMS" encrypt --key k -o /dev/stdout msg"#,
        r#""$LKMS" encrypt --key k -o /dev/tty msg"#,
        r#""$LKMS" re-encrypt -o /dev/tty msg.lkms"#,
    ] {
        refused_on_terminal(&env, line);
    }
    // Plaintext to a terminal named that way is still the user's business.
    let r = on_terminal(&env, r#""$LKMS" decrypt -o /dev/tty msg.lkms"#).ok();
    assert!(r.out().contains('m'), "{}", r.out());
}

#[test]
fn refused_attempts_before_the_unlock_are_audited_too() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let missing = env.path("missing.bin");
    env.run(&["encrypt", "--key", "k", missing.to_str().unwrap()])
        .code(6);
    let last = env.last_audit();
    assert_eq!(last["event"], "Encrypt");
    assert_eq!(last["outcome"], "failure");
    assert!(
        last["error"].as_str().unwrap().contains("missing.bin"),
        "{last}"
    );
    let plain = env.write("exists.bin", b"data");
    env.write("exists.bin.lkms", b"old");
    env.run(&["encrypt", "--key", "k", plain.to_str().unwrap()])
        .code(1);
    let last = env.last_audit();
    assert_eq!(last["outcome"], "failure");
    assert!(
        last["error"].as_str().unwrap().contains("--force"),
        "{last}"
    );
    let r = env.run(&["generate-data-key", "k", "--json"]).ok();
    assert!(r.json()["plaintext"].is_string());
    assert_eq!(env.last_audit()["request"]["number_of_bytes"], 32);
}

/// Regression: output streamed to standard output went out before the audit line, so a log
/// that could not be appended to still let the plaintext through.
#[test]
fn streamed_output_waits_for_its_audit_line() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let secret = b"secret plaintext marker".repeat(100);
    let ct = env
        .run_with_input(&["encrypt", "--key", "k"], &secret)
        .ok()
        .stdout;
    let r = env.run_with_input(&["decrypt"], &ct).ok();
    assert_eq!(r.stdout, secret);
    let last = env.last_audit();
    assert_eq!(last["event"], "Decrypt");
    assert_eq!(last["outcome"], "success");
    // The log opens, but lkms refuses to append after a line that is not a record.
    let mut log = read(&env.audit_log());
    log.extend_from_slice(b"not a record\n");
    std::fs::write(env.audit_log(), &log).unwrap();
    let r = env.run_with_input(&["decrypt"], &ct);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "plaintext released without an audit line"
    );
    let r = env.run_with_input(&["decrypt", "-o", "/dev/stdout"], &ct);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "plaintext released through a device without an audit line"
    );
    let r = env.run_with_input(&["encrypt", "--key", "k"], &secret);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn a_directory_as_input_is_named_in_the_error() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    std::fs::create_dir(env.path("dir.lkms")).unwrap();
    for args in [
        &["encrypt", "--key", "k", "-o", "x", "dir.lkms"][..],
        &["decrypt", "-o", "x", "dir.lkms"],
        &["inspect", "dir.lkms"],
    ] {
        let r = env.run(args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("dir.lkms is a directory"), "{}", r.stderr);
        assert!(!r.stderr.contains("os error"), "{}", r.stderr);
    }
}

#[test]
fn json_cannot_share_standard_output_with_the_data() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let r = env
        .run_with_input(&["encrypt", "--key", "k", "--json"], b"data")
        .code(2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("-o FILE"), "{}", r.stderr);
    env.run_with_input(&["decrypt", "--json"], b"x").code(2);
    let plain = env.write("p", b"data");
    let r = env
        .run(&["encrypt", "--key", "k", "--json", plain.to_str().unwrap()])
        .ok();
    assert_eq!(r.json()[0]["output"], format!("{}.lkms", plain.display()));
}
