//! Flipped bits, truncation and extension: refused with the right code, nothing released.

use super::*;

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
