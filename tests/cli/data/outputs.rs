//! Output naming, batches, overwrites, directories as input, --json, the default key.

use super::*;

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
    // One results object for the batch (docs/DESIGN.md, "Many inputs and directory trees").
    assert_eq!(summary["results"].as_array().unwrap().len(), 3, "{summary}");
    assert_eq!(summary["succeeded"], 3, "{summary}");
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
    // Standard output holds the error object alone, no ciphertext.
    assert_eq!(r.json()["error"]["code"], 2, "{}", r.out());
    assert!(r.stderr.contains("-o FILE"), "{}", r.stderr);
    env.run_with_input(&["decrypt", "--json"], b"x").code(2);
    let plain = env.write("p", b"data");
    let r = env
        .run(&["encrypt", "--key", "k", "--json", plain.to_str().unwrap()])
        .ok();
    assert_eq!(
        r.json()["results"][0]["output"],
        format!("{}.lkms", plain.display())
    );
}
