//! Round trips at the chunk boundaries and at random sizes, through files and pipes.

use super::*;

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
