//! Several processes at once: no change is lost, no audit line is torn or interleaved, and the
//! chain verifies afterwards.
//!
//! Nothing here depends on timing: whatever order the processes run in, the totals are fixed.

use std::collections::BTreeMap;

use crate::util::*;

const WORKERS: usize = 4;
const OWN_KEYS: usize = 2;
const SHARED_ROTATIONS: usize = 3;

/// Runs `args` and insists it succeeded: under contention a command waits for the lock, it
/// never fails for it.
fn must(env: &Env, args: &[&str]) {
    let r = env.run(args);
    assert_eq!(r.code, 0, "{args:?} failed under contention: {}", r.stderr);
}

#[test]
fn concurrent_writers_and_readers_lose_no_change() {
    let env = Env::new();
    env.create(&["--alias", "shared"]);
    env.create(&["--alias", "toggle"]);
    let mut commands = 3; // init and the creates above
    std::thread::scope(|s| {
        let env = &env;
        let workers: Vec<_> = (0..WORKERS)
            .map(|w| {
                s.spawn(move || {
                    let mut n = 0;
                    let mut run = |args: &[&str]| {
                        must(env, args);
                        n += 1;
                    };
                    for k in 0..OWN_KEYS {
                        let alias = format!("w{w}/k{k}");
                        run(&["create", "--alias", &alias]);
                        run(&["rotate", &alias]);
                        run(&["disable", "--yes", &alias]);
                        run(&["describe", "shared"]);
                        run(&["rotate", "shared"]);
                        run(&["enable", &alias]);
                        run(&["rotate", &alias]);
                        run(&["rotation", "enable", &alias, "--period", "90"]);
                    }
                    for _ in 0..SHARED_ROTATIONS {
                        run(&["rotate", "shared"]);
                        run(&["list"]);
                    }
                    // Each worker's last word on this key is enable, so it ends Enabled
                    // whatever the interleaving.
                    run(&["disable", "--yes", "toggle"]);
                    run(&["describe", "toggle"]);
                    run(&["enable", "toggle"]);
                    n
                })
            })
            .collect();
        for w in workers {
            commands += w.join().expect("a worker failed");
        }
    });

    // Every key and every version is there.
    let keys = env.run(&["list", "--json"]).ok().json();
    commands += 1;
    assert_eq!(keys.as_array().unwrap().len(), 2 + WORKERS * OWN_KEYS);
    let shared = env.describe("shared");
    commands += 1;
    let rotations = WORKERS * (OWN_KEYS + SHARED_ROTATIONS);
    assert_eq!(shared["current_version"], 1 + rotations as u64);
    assert_eq!(shared["versions"].as_array().unwrap().len(), 1 + rotations);
    assert_eq!(shared["state"], "Enabled");
    assert_eq!(env.describe("toggle")["state"], "Enabled");
    commands += 1;
    for w in 0..WORKERS {
        for k in 0..OWN_KEYS {
            let key = env.describe(&format!("w{w}/k{k}"));
            commands += 1;
            assert_eq!(key["current_version"], 3, "{key}");
            assert_eq!(key["state"], "Enabled", "{key}");
            assert_eq!(key["rotation_period_days"], 90, "{key}");
        }
    }

    // One whole, parsable line per command, in one unbroken chain.
    let text = std::fs::read_to_string(env.audit_log()).unwrap();
    let all: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("torn line ({e}): {l}")))
        .collect();
    for (i, l) in all.iter().enumerate() {
        assert_eq!(l["seq"], i as u64 + 1);
    }
    // Each command's line, and at least one checkpoint after each: a command that opened the
    // keyring seals the log as it ends.
    let lines: Vec<&serde_json::Value> = all
        .iter()
        .filter(|l| l["event"] != "AuditCheckpoint")
        .collect();
    assert_eq!(lines.len(), commands);
    assert!(all.len() >= 2 * commands, "{} lines", all.len());
    assert_eq!(all.last().unwrap()["event"], "AuditCheckpoint");
    let mut events: BTreeMap<String, usize> = BTreeMap::new();
    for l in &lines {
        assert_eq!(l["outcome"], "success", "{l}");
        *events
            .entry(l["event"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    assert_eq!(events["CreateKey"], 2 + WORKERS * OWN_KEYS);
    assert_eq!(events["RotateKey"], rotations + WORKERS * OWN_KEYS * 2);
    assert_eq!(events["DisableKey"], WORKERS * (OWN_KEYS + 1));
    assert_eq!(events["EnableKey"], WORKERS * (OWN_KEYS + 1));
    let r = env.run(&["audit", "verify", "--json"]).ok().json();
    assert_eq!(r["intact"], true, "{r}");
    assert_eq!(r["lines"], all.len() as u64);
    assert_eq!(r["sealed_through"], all.len() as u64 - 1, "{r}");
    assert!(temp_files(env.dir.path()).is_empty());
}

#[test]
fn concurrent_creates_with_one_alias_make_exactly_one_key() {
    let env = Env::new();
    let codes: Vec<i32> = std::thread::scope(|s| {
        let env = &env;
        let runs: Vec<_> = (0..WORKERS)
            .map(|_| s.spawn(move || env.run(&["create", "--alias", "contested"]).code))
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    // The alias check runs under the lock, on the keyring read under it.
    assert_eq!(codes.iter().filter(|&&c| c == 0).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|&c| c == 0 || c == 1), "{codes:?}");
    assert_eq!(
        env.run(&["list", "--json"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let lines = env.audit_lines();
    let creates: Vec<_> = lines.iter().filter(|l| l["event"] == "CreateKey").collect();
    assert_eq!(creates.len(), WORKERS);
    assert_eq!(
        creates.iter().filter(|l| l["outcome"] == "success").count(),
        1
    );
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn concurrent_inits_make_one_keyring() {
    let env = Env::empty();
    let codes: Vec<i32> = std::thread::scope(|s| {
        let env = &env;
        let runs: Vec<_> = (0..WORKERS)
            .map(|_| s.spawn(move || env.run(&["init", "--work-factor", "10"]).code))
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    assert_eq!(codes.iter().filter(|&&c| c == 0).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|&c| c == 0 || c == 1), "{codes:?}");
    env.create(&["--alias", "k"]);
    env.run(&["audit", "verify"]).ok();
}

/// Encrypt and decrypt in several processes while others rotate the key: every ciphertext
/// names the version that was current when it was made and decrypts afterwards, every
/// rotation counts, and the log holds one line per command in one unbroken chain.
#[test]
fn encrypt_and_decrypt_alongside_rotate_lose_nothing() {
    const ENCRYPTORS: usize = 2;
    const ENCRYPTS: usize = 4;
    const ROTATORS: usize = 2;
    const ROTATIONS: usize = 3;
    const DECRYPTS: usize = 4;
    let env = Env::new();
    env.create(&["--alias", "k"]);
    // Ciphertexts made before, under version 1, decrypted while the key rotates.
    for d in 0..DECRYPTS {
        env.write(&format!("old{d}"), format!("old data {d}").as_bytes());
        must(&env, &["encrypt", "--key", "k", &format!("old{d}")]);
    }
    let made: Vec<(String, u64)> = std::thread::scope(|s| {
        let env = &env;
        let encryptors: Vec<_> = (0..ENCRYPTORS)
            .map(|w| {
                s.spawn(move || {
                    (0..ENCRYPTS)
                        .map(|i| {
                            let name = format!("new{w}-{i}");
                            env.write(&name, name.as_bytes());
                            let r = env
                                .run(&[
                                    "encrypt",
                                    "--json",
                                    "--key",
                                    "k",
                                    "--context",
                                    "w=x",
                                    &name,
                                ])
                                .ok();
                            (
                                name,
                                r.json()["results"][0]["key_version"].as_u64().unwrap(),
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let rotators: Vec<_> = (0..ROTATORS)
            .map(|_| s.spawn(move || (0..ROTATIONS).for_each(|_| must(env, &["rotate", "k"]))))
            .collect();
        let decryptor = s.spawn(move || {
            for d in 0..DECRYPTS {
                let r = env
                    .run(&["decrypt", "-o", "-", &format!("old{d}.lkms")])
                    .ok();
                assert_eq!(r.stdout, format!("old data {d}").as_bytes());
            }
        });
        decryptor.join().expect("the decryptor failed");
        rotators
            .into_iter()
            .for_each(|r| r.join().expect("a rotator failed"));
        encryptors
            .into_iter()
            .flat_map(|e| e.join().expect("an encryptor failed"))
            .collect()
    });

    let versions = 1 + (ROTATORS * ROTATIONS) as u64;
    assert_eq!(env.describe("k")["current_version"], versions);
    for (name, version) in &made {
        assert!(
            (1..=versions).contains(version),
            "{name}: version {version}"
        );
        let sealed = format!("{name}.lkms");
        let inspected = env.run(&["inspect", "--json", &sealed]).ok().json();
        assert_eq!(inspected["key_version"], *version, "{name}");
        let r = env
            .run(&["decrypt", "--context", "w=x", "-o", "-", &sealed])
            .ok();
        assert_eq!(r.stdout, name.as_bytes());
    }

    let lines = env.audit_lines();
    // Output streamed to standard output has a line when it starts and one when it ends;
    // count the attempts by their last line.
    let count = |event: &str| {
        lines
            .iter()
            .filter(|l| l["event"] == event && l["request"]["stream"] != "started")
            .count()
    };
    assert!(lines.iter().all(|l| l["outcome"] == "success"));
    assert_eq!(count("RotateKey"), ROTATORS * ROTATIONS);
    assert_eq!(count("Encrypt"), DECRYPTS + ENCRYPTORS * ENCRYPTS);
    assert_eq!(count("Decrypt"), DECRYPTS + ENCRYPTORS * ENCRYPTS);
    // Each Encrypt line names the version its ciphertext carries.
    for (name, version) in &made {
        let line = lines
            .iter()
            .find(|l| l["event"] == "Encrypt" && l["request"]["input"] == name.as_str())
            .unwrap_or_else(|| panic!("no Encrypt line for {name}"));
        assert_eq!(line["key_version"], *version, "{line}");
    }
    env.run(&["audit", "verify"]).ok();
}
