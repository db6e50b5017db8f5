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
