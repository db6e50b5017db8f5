//! The encryption context: a map that must match exactly.

use super::*;

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
            &["the value given does not match for: env"],
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
        // A key that was given is not asked for again, and the stored value is not revealed.
        if context.len() == 4 {
            assert!(!r.stderr.contains("give --context"), "{}", r.stderr);
        }
        assert!(!r.stderr.contains("prod"), "{}", r.stderr);
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

/// The exit code `lkms --help` documents for a wrong encryption context.
fn documented_context_exit(env: &Env) -> i32 {
    let help = env.run(&["--help"]).ok().out();
    let line = help
        .lines()
        .find(|l| l.contains("wrong encryption context"))
        .expect("lkms --help names the exit code of a wrong encryption context");
    line.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn the_context_round_trips_byte_exact_and_any_other_bytes_fail() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let code = documented_context_exit(&env);
    assert_eq!(code, 5, "the exit code docs/FORMAT.md and the help give");
    env.write("msg", b"payroll");
    // Unicode (composed and decomposed accents), spaces inside and at the ends, `,` in
    // keys and values, `=` in values (a pair splits at its first `=`), an empty value.
    let pairs: [(&str, &str); 8] = [
        ("caf\u{e9}", "cr\u{e8}me br\u{fb}l\u{e9}e"),
        ("e\u{301}t\u{e9}", "NFD then NFC"),
        (" team lead ", "  Ana  Lu\u{ed}sa "),
        ("a,b", "1,2,3"),
        ("query", "x=1&y==2="),
        (
            "\u{1f511}",
            "\u{65e5}\u{672c}\u{8a9e}=\u{d55c}\u{ad6d}\u{c5b4}, \u{1f510}",
        ),
        ("empty", ""),
        ("tab\tkey", "line\u{2028}sep"),
    ];
    let args: Vec<String> = pairs
        .iter()
        .flat_map(|(k, v)| ["--context".to_string(), format!("{k}={v}")])
        .collect();
    let with = |base: &[&str], extra: &[String]| -> Vec<String> {
        let mut all: Vec<String> = base.iter().map(|s| s.to_string()).collect();
        all.extend_from_slice(extra);
        all
    };
    let run = |args: &[String]| {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        env.run(&refs)
    };
    let mut encrypt = with(&["encrypt", "--key", "k", "-o", "msg.lkms"], &args);
    encrypt.push("msg".into());
    run(&encrypt).ok();
    let expected: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    assert_eq!(
        inspect(&env, "msg.lkms")["context"],
        serde_json::Value::Object(expected.clone())
    );
    // In the header, byte for byte: the pairs sorted by their keys' bytes, each length-prefixed.
    let bytes = read(&env.path("msg.lkms"));
    let mut sorted = pairs.to_vec();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut encoded = (sorted.len() as u16).to_be_bytes().to_vec();
    for (k, v) in &sorted {
        encoded.extend_from_slice(&(k.len() as u16).to_be_bytes());
        encoded.extend_from_slice(k.as_bytes());
        encoded.extend_from_slice(&(v.len() as u16).to_be_bytes());
        encoded.extend_from_slice(v.as_bytes());
    }
    let header = inspect(&env, "msg.lkms")["header_size"].as_u64().unwrap() as usize;
    assert_eq!(
        &bytes[31..header - 60],
        &encoded[..],
        "the context in the header"
    );

    // Exactly these bytes open it (in any order of the flags), and re-encrypt keeps them.
    let mut reversed = args.chunks(2).rev().flatten().cloned().collect::<Vec<_>>();
    let r = run(&with(&["decrypt", "-o", "-", "msg.lkms"], &reversed)).ok();
    assert_eq!(r.stdout, b"payroll");
    run(&with(&["re-encrypt", "msg.lkms"], &args)).ok();
    assert_eq!(
        inspect(&env, "msg.lkms")["context"],
        serde_json::Value::Object(expected.clone())
    );
    reversed.extend(["-o".to_string(), "-".to_string(), "msg.lkms".to_string()]);
    let r = run(&with(&["decrypt"], &reversed)).ok();
    assert_eq!(r.stdout, b"payroll");
    // A data key made under the context opens with it.
    let dk = run(&with(&["generate-data-key", "--key", "k", "--json"], &args))
        .ok()
        .json();
    env.write(
        "dk.lkms",
        &STANDARD.decode(dk["ciphertext"].as_str().unwrap()).unwrap(),
    );
    let r = run(&with(&["decrypt", "-o", "-", "dk.lkms"], &args)).ok();
    assert_eq!(
        STANDARD.encode(&r.stdout),
        dk["plaintext"].as_str().unwrap()
    );

    // Any other bytes fail with the documented code, and nothing is written: one pair changed
    // at a time, to a string that looks the same or nearly so.
    let changes: [(usize, &str, &str); 9] = [
        (0, "cafe\u{301}", "cr\u{e8}me br\u{fb}l\u{e9}e"), // the key in NFD
        (0, "caf\u{e9}", "cre\u{300}me br\u{fb}l\u{e9}e"), // the value in NFD
        (1, "\u{e9}t\u{e9}", "NFD then NFC"),              // the key all NFC
        (2, "team lead", "  Ana  Lu\u{ed}sa "),            // the key trimmed
        (2, " team lead ", "Ana Lu\u{ed}sa"),              // the value trimmed
        (3, "a,b", "1,2,3 "),
        (4, "query", "x=1&y==2"),
        (4, "Query", "x=1&y==2="),
        (6, "empty", " "),
    ];
    for (i, k, v) in changes {
        let mut changed = pairs.to_vec();
        changed[i] = (k, v);
        let given: Vec<String> = changed
            .iter()
            .flat_map(|(k, v)| ["--context".to_string(), format!("{k}={v}")])
            .collect();
        for file in ["msg.lkms", "dk.lkms"] {
            let mut all = with(&["decrypt", "-o", "out"], &given);
            all.push(file.into());
            let r = run(&all).code(code);
            assert!(
                r.stderr.contains("encryption context"),
                "{k:?}={v:?}: {}",
                r.stderr
            );
            assert_no_output(&env, "out");
        }
    }
    // Two pairs given as one (`,` does not separate pairs) and one split in two both fail.
    let mut joined: Vec<String> = args[..6].to_vec();
    joined.push("--context".into());
    joined.push("a,b=1,2,3,query=x=1&y==2=".into());
    joined.extend_from_slice(&args[10..]);
    let mut all = with(&["decrypt", "-o", "out"], &joined);
    all.push("msg.lkms".into());
    run(&all).code(code);
    assert_no_output(&env, "out");
    let mut split: Vec<String> = args[..6].to_vec();
    split.extend(["--context".into(), "a=b=1,2,3".into()]);
    split.extend_from_slice(&args[8..]);
    let mut all = with(&["decrypt", "-o", "out"], &split);
    all.push("msg.lkms".into());
    run(&all).code(code);
    assert_no_output(&env, "out");
}
