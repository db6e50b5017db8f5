//! Whole outputs, pinned byte for byte in `tests/cli/expected/`: the audit log a fixed sequence
//! of commands writes, and the error messages users see. A change to either shows up as a diff
//! of the expected file (`LKMS_REGENERATE=1 cargo test --test cli pinned` rewrites them).

use std::collections::BTreeMap;

use crate::util::*;

/// Replaces what differs from run to run (times, the actor, key ids, hashes) by stable names,
/// leaving every other byte of `text` as it was. Key ids become `KEY1`, `KEY2`... in order of
/// first appearance, hashes `HASH1`... likewise, so that the chain's links stay visible.
fn normalise(text: &str, dir: &std::path::Path) -> String {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut out = String::new();
    for line in text.lines() {
        let mut line = line.replace(&*dir.to_string_lossy(), "DIR");
        for (field, kind) in [
            ("\"time\":\"", "TIME"),
            ("\"key_id\":\"", "KEY"),
            ("\"prev_hash\":\"", "HASH"),
            ("\"hash\":\"", "HASH"),
            ("\"user\":\"", "USER"),
            ("\"host\":\"", "HOST"),
            // Signed by a key made at init: checked by `audit verify` at the end instead.
            ("\"checkpoint\":\"", "CHECKPOINT"),
        ] {
            let mut from = 0;
            while let Some(at) = line[from..].find(field) {
                let start = from + at + field.len();
                let end = start + line[start..].find('"').unwrap();
                let value = line[start..end].to_string();
                let name = if ["TIME", "USER", "HOST", "CHECKPOINT"].contains(&kind) {
                    kind.to_string()
                } else {
                    names
                        .entry(value.clone())
                        .or_insert_with(|| {
                            let n = counts.entry(kind).or_default();
                            *n += 1;
                            format!("{kind}{n}")
                        })
                        .clone()
                };
                line.replace_range(start..end, &name);
                from = start + name.len();
            }
        }
        for field in ["\"uid\":", "\"pid\":"] {
            if let Some(at) = line.find(field) {
                let start = at + field.len();
                let end = start + line[start..].find(|c: char| !c.is_ascii_digit()).unwrap();
                line.replace_range(start..end, "0");
            }
        }
        // Key ids also appear inside error messages and request fields.
        for (value, name) in &names {
            line = line.replace(value.as_str(), name);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `text` with every key id (a UUID) replaced by `KEY`.
fn without_uuids(text: &str) -> String {
    let shape = |w: &str| {
        w.len() == 36
            && w.char_indices().all(|(i, c)| {
                if [8, 13, 18, 23].contains(&i) {
                    c == '-'
                } else {
                    c.is_ascii_hexdigit()
                }
            })
    };
    let mut out = text.to_string();
    let mut i = 0;
    while i + 36 <= out.len() {
        if out.is_char_boundary(i) && out.is_char_boundary(i + 36) && shape(&out[i..i + 36]) {
            out.replace_range(i..i + 36, "KEY");
        }
        i += 1;
    }
    out
}

#[test]
fn the_audit_log_of_a_fixed_sequence_is_pinned() {
    let env = Env::new();
    let run = |args: &[&str], code: i32| {
        env.run(args).code(code);
    };
    run(&["create", "--alias", "data", "--description", "d"], 0);
    run(
        &["create", "--alias", "chacha", "--spec", "chacha20-poly1305"],
        0,
    );
    run(&["create", "--alias", "signer", "--spec", "ed25519"], 0);
    run(&["create", "--alias", "tagger", "--spec", "hmac-sha256"], 0);
    run(&["alias", "add", "data2", "data"], 0);
    run(&["rotate", "data"], 0);
    run(&["rotation", "enable", "data", "--period", "90"], 0);
    env.write("plain.txt", b"some plaintext\n");
    run(
        &[
            "encrypt",
            "--key",
            "data",
            "--context",
            "app=web",
            "plain.txt",
        ],
        0,
    );
    run(&["encrypt", "--key", "data", "plain.txt"], 1);
    run(
        &[
            "decrypt",
            "--context",
            "app=web",
            "-o",
            "out.txt",
            "plain.txt.lkms",
        ],
        0,
    );
    run(
        &[
            "decrypt",
            "--context",
            "app=other",
            "-o",
            "bad.txt",
            "plain.txt.lkms",
        ],
        5,
    );
    run(
        &[
            "decrypt",
            "--context",
            "app=web",
            "-o",
            "-",
            "plain.txt.lkms",
        ],
        0,
    );
    run(
        &[
            "re-encrypt",
            "--key",
            "chacha",
            "--context",
            "app=web",
            "-o",
            "re.lkms",
            "plain.txt.lkms",
        ],
        0,
    );
    run(&["decrypt", "missing.lkms"], 6);
    run(&["generate-data-key", "data", "--context", "app=web"], 0);
    run(
        &["sign", "--key", "signer", "-o", "plain.sig", "plain.txt"],
        0,
    );
    run(
        &[
            "verify",
            "--key",
            "signer",
            "--signature",
            "plain.sig",
            "plain.txt",
        ],
        0,
    );
    run(
        &[
            "verify",
            "--key",
            "signer",
            "--signature",
            "plain.txt",
            "plain.txt",
        ],
        5,
    );
    run(
        &["mac", "--key", "tagger", "-o", "plain.mac", "plain.txt"],
        0,
    );
    run(
        &[
            "verify-mac",
            "--key",
            "tagger",
            "--mac",
            "plain.mac",
            "plain.txt",
        ],
        0,
    );
    run(&["public-key", "signer"], 0);
    run(&["disable", "--yes", "chacha"], 0);
    run(
        &["encrypt", "--key", "chacha", "-o", "x.lkms", "plain.txt"],
        4,
    );
    run(&["enable", "chacha"], 0);
    run(&["schedule-delete", "--yes", "chacha", "--days", "7"], 0);
    run(&["cancel-delete", "chacha"], 0);
    run(&["alias", "remove", "data2"], 0);
    run(&["describe", "nothere"], 6);
    run(&["maintain"], 0);
    run(&["audit", "verify"], 0);
    let text = std::fs::read_to_string(env.audit_log()).unwrap();
    expect_file("audit-sequence.jsonl", &normalise(&text, env.dir.path()));
}

/// What a user sees when a command fails: the exit code and the whole of standard error, for
/// one case of each kind of refusal.
#[test]
fn error_messages_are_pinned_whole() {
    let none = Env::empty();
    let env = Env::new();
    env.run(&["create", "--alias", "data"]).ok();
    env.run(&["create", "--alias", "signer", "--spec", "ed25519"])
        .ok();
    env.run(&["create", "--alias", "off"]).ok();
    env.run(&["disable", "--yes", "off"]).ok();
    env.write("plain.txt", b"some plaintext\n");
    env.write("junk.lkms", b"not a ciphertext at all");
    env.run(&[
        "encrypt",
        "--key",
        "data",
        "--context",
        "app=web",
        "plain.txt",
    ])
    .ok();
    // A log whose second line is not a record.
    let broken = Env::new();
    let mut log = std::fs::read(broken.audit_log()).unwrap();
    log.extend_from_slice(b"not a record\n");
    std::fs::write(broken.audit_log(), log).unwrap();
    let cases: &[(&Env, &[&str])] = &[
        (&none, &["list"]),
        (&none, &["encrypt", "--key", "data", "plain.txt"]),
        (&env, &["describe", "nothere"]),
        (&env, &["create", "--alias", "data"]),
        (&env, &["create", "--spec", "rsa"]),
        (&env, &["rotate", "off"]),
        (&env, &["rotate", "signer"]),
        (
            &env,
            &["encrypt", "--key", "off", "-o", "x.lkms", "plain.txt"],
        ),
        (
            &env,
            &["encrypt", "--key", "signer", "-o", "x.lkms", "plain.txt"],
        ),
        (&env, &["encrypt", "--key", "data", "plain.txt"]),
        (&env, &["encrypt", "--key", "data", "missing.txt"]),
        (
            &env,
            &[
                "encrypt",
                "--key",
                "data",
                "--context",
                "a=1",
                "--context",
                "a=2",
                "plain.txt",
            ],
        ),
        (&env, &["decrypt", "plain.txt.lkms"]),
        (
            &env,
            &["decrypt", "--context", "app=other", "plain.txt.lkms"],
        ),
        (&env, &["decrypt", "plain.txt"]),
        (&env, &["decrypt", "-o", "x", "junk.lkms"]),
        (&env, &["inspect", "junk.lkms"]),
        (&env, &["sign", "--key", "data", "plain.txt"]),
        (
            &env,
            &[
                "verify",
                "--key",
                "signer",
                "--signature",
                "plain.txt",
                "plain.txt",
            ],
        ),
        (&env, &["schedule-delete", "--yes", "data", "--days", "3"]),
        (&env, &["rotation", "enable", "data", "--period", "0"]),
        (&env, &["init", "--work-factor", "10"]),
        (&none, &["audit", "verify"]),
        (&broken, &["audit", "verify"]),
        (&broken, &["audit", "show"]),
    ];
    let mut out = String::new();
    for (e, args) in cases {
        let r = e.run(args);
        let stderr = r.stderr.replace(&*e.dir.path().to_string_lossy(), "DIR");
        let stderr = without_uuids(&normalise(&stderr, e.dir.path()));
        out.push_str(&format!(
            "$ lkms {}\nexit {}\n{stderr}\n",
            args.join(" "),
            r.code
        ));
    }
    expect_file("errors.txt", &out);
}
