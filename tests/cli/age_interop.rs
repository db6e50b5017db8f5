//! x25519 keys and age files through the binary, with the real `age` CLI both ways; ASCII
//! armor; directory trees; many inputs with partial failure.

use std::process::Command;

use crate::util::{Env, have, read, secret_key_line};

fn age_cli() {
    assert!(
        have("age"),
        "this test needs the age CLI (apt-get install age)"
    );
}

/// A keyring with an x25519 key `art`; returns its recipient.
fn x25519_env() -> (Env, String) {
    let env = Env::new();
    env.create(&["--spec", "x25519", "--alias", "art"]);
    let r = env
        .run(&["public-key", "art"])
        .ok()
        .out()
        .trim()
        .to_string();
    assert!(r.starts_with("age1"), "{r}");
    (env, r)
}

/// lkms with no keyring, passphrase or audit log at all.
fn bare(env: &Env, args: &[&str]) -> crate::util::Run {
    let mut c = env.cmd();
    c.env_remove("LKMS_PASSPHRASE")
        .env("LKMS_KEYRING", env.path("absent/keyring.age"));
    env.run_cmd(c.args(args))
}

fn age_decrypt(identity: &std::path::Path, file: &std::path::Path) -> Vec<u8> {
    let o = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(identity)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "age -d: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

#[test]
fn age_opens_what_lkms_encrypts_to_a_recipient_and_lkms_opens_age_files_after_a_rotation() {
    age_cli();
    let (env, r1) = x25519_env();
    let plain = env.write("a.txt", b"artifact one\n");
    // No keyring, no passphrase, no audit line.
    let lines = env.audit_lines().len();
    bare(
        &env,
        &["encrypt", "--recipient", &r1, plain.to_str().unwrap()],
    )
    .ok();
    assert!(!env.path("absent").exists());
    assert_eq!(env.audit_lines().len(), lines);
    let enc = env.path("a.txt.age");
    assert!(read(&enc).starts_with(b"age-encryption.org/v1\n"));
    env.run(&["identity", "export", "art", "--yes", "-o", "id1.txt"])
        .ok();
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(env.path("id1.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(env.last_audit()["event"], "ExportKey");
    // Never over an existing file.
    env.run(&["identity", "export", "art", "--yes", "-o", "id1.txt"])
        .code(1);
    // Nor through a planted link: its target stays as it was.
    env.write("victim", b"keep");
    std::os::unix::fs::symlink(env.path("victim"), env.path("link")).unwrap();
    env.run(&["identity", "export", "art", "--yes", "-o", "link"])
        .code(1);
    assert_eq!(read(&env.path("victim")), b"keep");
    assert_eq!(age_decrypt(&env.path("id1.txt"), &enc), b"artifact one\n");

    // After a rotation: a new recipient; files to the old one still open.
    env.run(&["rotate", "art"]).ok();
    let j = env.run(&["public-key", "art", "--json"]).ok().json();
    let r2 = j["recipient"].as_str().unwrap().to_string();
    assert_ne!(r1, r2);
    assert_eq!(j["key_version"], 2);
    assert_eq!(j["recipients"][0]["recipient"], r1.as_str());
    assert_eq!(j["recipients"][1]["recipient"], r2.as_str());
    let o = Command::new("age")
        .args(["-r", &r2, "-o"])
        .arg(env.path("b.txt.age"))
        .arg(&plain)
        .output()
        .unwrap();
    assert!(o.status.success());
    std::fs::remove_file(&plain).unwrap();
    env.run(&["decrypt", "a.txt.age"]).ok();
    assert_eq!(read(&plain), b"artifact one\n");
    let line = env.last_audit();
    assert_eq!(line["event"], "Decrypt");
    assert_eq!(line["request"]["format"], "age");
    assert_eq!(line["key_version"], 1);
    env.run(&["decrypt", "b.txt.age"]).ok();
    assert_eq!(read(&env.path("b.txt")), b"artifact one\n");
    assert_eq!(env.last_audit()["key_version"], 2);
    // The new version's identity opens the new file with age.
    env.run(&["identity", "export", "art", "--yes", "-o", "id2.txt"])
        .ok();
    assert_eq!(
        age_decrypt(&env.path("id2.txt"), &env.path("b.txt.age")),
        b"artifact one\n"
    );
    // inspect needs no key and names the stanza type.
    let i = bare(&env, &["inspect", "b.txt.age", "--json"]).ok().json();
    assert_eq!(i["format"], "age");
    assert_eq!(i["recipients"][0]["type"], "X25519");
}

#[test]
fn age_files_no_key_opens_exit_5_and_passphrase_files_exit_1() {
    age_cli();
    let (env, _) = x25519_env();
    let stranger = "age1w3tyke4gev25vaxxsvcgqu4484rf6ejpmavs57p6yz6lhy2sfs5swrvwyn";
    env.write("p", b"x");
    bare(&env, &["encrypt", "--recipient", stranger, "p"]).ok();
    let r = env.run(&["decrypt", "p.age", "-o", "out"]).code(5);
    assert!(
        r.stderr.contains("no key in this keyring is a recipient"),
        "{}",
        r.stderr
    );
    assert!(!env.path("out").exists());
    // An age file encrypted to a passphrase (as `age -p` makes), made with the age crate.
    let mut recipient = age::scrypt::Recipient::new("pw".to_string().into());
    recipient.set_work_factor(10);
    let enc = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .unwrap();
    let mut file = Vec::new();
    let mut w = enc.wrap_output(&mut file).unwrap();
    std::io::Write::write_all(&mut w, b"secret").unwrap();
    w.finish().unwrap();
    env.write("pass.age", &file);
    let r = env.run(&["decrypt", "pass.age", "-o", "out"]).code(1);
    assert!(r.stderr.contains("passphrase"), "{}", r.stderr);
    assert!(r.stderr.contains("pass.age"), "{}", r.stderr);
    assert!(!env.path("out").exists());
}

#[test]
fn armor_round_trips_for_both_formats_and_age_reads_lkms_age_armor() {
    age_cli();
    let (env, r) = x25519_env();
    env.create(&["--alias", "sym"]);
    let data: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
    env.write("d.bin", &data);
    bare(&env, &["encrypt", "-a", "--recipient", &r, "d.bin"]).ok();
    let text = String::from_utf8(read(&env.path("d.bin.age"))).unwrap();
    assert!(
        text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----\n"),
        "{text}"
    );
    env.run(&["identity", "export", "art", "--yes", "-o", "id"])
        .ok();
    assert_eq!(age_decrypt(&env.path("id"), &env.path("d.bin.age")), data);
    let out = env.run(&["decrypt", "d.bin.age", "-o", "-"]).ok().stdout;
    assert_eq!(out, data);

    env.run(&[
        "encrypt", "--key", "sym", "--armor", "d.bin", "-o", "d.lkms",
    ])
    .ok();
    let text = String::from_utf8(read(&env.path("d.lkms"))).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "-----BEGIN LKMS ENCRYPTED FILE-----");
    assert_eq!(*lines.last().unwrap(), "-----END LKMS ENCRYPTED FILE-----");
    assert!(lines[1..lines.len() - 2].iter().all(|l| l.len() == 64));
    let i = env.run(&["inspect", "d.lkms", "--json"]).ok().json();
    assert_eq!(i["armored"], true);
    assert_eq!(env.run(&["decrypt", "d.lkms", "-o", "-"]).ok().stdout, data);
    // re-encrypt keeps the armor and the data.
    env.run(&["rotate", "sym"]).ok();
    env.run(&["re-encrypt", "d.lkms"]).ok();
    assert!(read(&env.path("d.lkms")).starts_with(b"-----BEGIN LKMS ENCRYPTED FILE-----\n"));
    assert_eq!(
        env.run(&["inspect", "d.lkms", "--json"]).ok().json()["key_version"],
        2
    );
    assert_eq!(env.run(&["decrypt", "d.lkms", "-o", "-"]).ok().stdout, data);
}

#[test]
fn tampered_armor_exits_5() {
    let env = Env::new();
    env.create(&["--alias", "sym"]);
    env.write("d", &[9u8; 300]);
    env.run(&["encrypt", "--key", "sym", "-a", "d"]).ok();
    let good = String::from_utf8(read(&env.path("d.lkms"))).unwrap();
    let second = good.lines().nth(1).unwrap().to_string();
    let bad = [
        ("bad base64", good.replacen(&second[..4], "!@#$", 1)),
        ("extra line", format!("{good}trailing\n")),
        ("garbage before", format!("junk\n{good}")),
        (
            "short middle line",
            good.replacen(&second, &second[..40], 1),
        ),
    ];
    for (what, text) in bad {
        env.write("t.lkms", text.as_bytes());
        let r = env.run(&["decrypt", "t.lkms", "-o", "t.out", "--force"]);
        assert_eq!(r.code, 5, "{what}: {}", r.stderr);
        assert!(!env.path("t.out").exists(), "{what}");
    }
}

#[test]
fn a_tree_of_200_files_with_a_link_and_an_encrypted_file() {
    let (env, r) = x25519_env();
    env.create(&["--alias", "sym"]);
    let root = env.path("dist");
    let mut names = Vec::new();
    for i in 0..200 {
        let rel = format!("d{}/e{}/f{i:03}.txt", i % 4, i % 7);
        let p = root.join(&rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, format!("file {i}")).unwrap();
        names.push(rel);
    }
    std::os::unix::fs::symlink("/etc", root.join("d0/link")).unwrap();
    // An already-encrypted file: skipped by encrypt.
    env.write("x", b"old");
    env.run(&["encrypt", "--key", "sym", "x", "-o", "dist/old.lkms"])
        .ok();

    // To a recipient, under -o DIR mirroring the tree, with no keyring.
    let j = bare(
        &env,
        &[
            "encrypt",
            "--recipient",
            &r,
            "-r",
            "dist",
            "-o",
            "out",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(j["succeeded"], 200, "{j}");
    assert_eq!(j["failed"], 0);
    let results = j["results"].as_array().unwrap();
    let skipped: Vec<_> = results
        .iter()
        .filter(|e| e["outcome"] == "skipped")
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    // A stable order: sorted by path within each directory, depth first.
    let inputs: Vec<&str> = results
        .iter()
        .map(|e| e["input"].as_str().unwrap())
        .collect();
    let mut sorted = inputs.clone();
    sorted.sort();
    assert_eq!(inputs, sorted);
    for rel in &names {
        assert!(env.path(&format!("out/{rel}.age")).exists(), "{rel}");
    }

    // Beside each file, under a key, in one unlock; then decrypt the tree back elsewhere.
    let j = env
        .run(&["encrypt", "--key", "sym", "-r", "dist", "--json"])
        .ok()
        .json();
    assert_eq!(j["succeeded"], 200);
    for rel in &names {
        std::fs::remove_file(root.join(rel)).unwrap();
    }
    let j = env.run(&["decrypt", "-r", "dist", "--json"]).ok().json();
    assert_eq!(j["succeeded"], 201, "{j}");
    for (i, rel) in names.iter().enumerate() {
        assert_eq!(read(&root.join(rel)), format!("file {i}").as_bytes());
    }
    // re-encrypt -r rewraps every lkms ciphertext in place under the new version.
    env.run(&["rotate", "sym"]).ok();
    let j = env.run(&["re-encrypt", "-r", "dist", "--json"]).ok().json();
    assert_eq!(j["succeeded"], 201, "{j}");
    let v = env
        .run(&["inspect", &format!("dist/{}.lkms", names[0]), "--json"])
        .ok()
        .json();
    assert_eq!(v["key_version"], 2);
    // The link's target was never touched.
    assert!(!std::path::Path::new("/etc/passwd.lkms").exists());
}

#[test]
fn partial_failure_reports_every_input_and_the_worst_code() {
    let env = Env::new();
    env.create(&["--alias", "sym"]);
    for n in ["a", "b", "c"] {
        env.write(n, n.as_bytes());
    }
    env.run(&["encrypt", "--key", "sym", "a", "b", "c"]).ok();
    // b is tampered with, a is fine, "missing" is not there.
    let mut b = read(&env.path("b.lkms"));
    let last = b.len() - 1;
    b[last] ^= 1;
    std::fs::write(env.path("b.lkms"), b).unwrap();
    for n in ["a", "b", "c"] {
        std::fs::remove_file(env.path(n)).unwrap();
    }
    // Without --keep-going a missing input refuses the batch before anything is written.
    let r = env.run(&[
        "decrypt",
        "--json",
        "a.lkms",
        "missing.lkms",
        "b.lkms",
        "c.lkms",
    ]);
    assert_eq!(r.code, 6, "{}", r.stderr);
    assert!(!env.path("a").exists());
    // A failure found only on the way (the tampered b) stops there: a stays, c is named.
    let r = env.run(&["decrypt", "--json", "a.lkms", "b.lkms", "c.lkms"]);
    assert_eq!(r.code, 5, "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["succeeded"], 1);
    assert_eq!(j["failed"], 1);
    assert_eq!(j["results"][1]["outcome"], "failed");
    assert_eq!(j["results"][1]["exit_code"], 5);
    assert_eq!(j["results"][2]["outcome"], "not_attempted");
    assert!(r.stderr.contains("not attempted: c.lkms"), "{}", r.stderr);
    assert!(env.path("a").exists());
    assert!(!env.path("c").exists());

    std::fs::remove_file(env.path("a")).unwrap();
    let r = env.run(&[
        "decrypt",
        "--json",
        "--keep-going",
        "a.lkms",
        "missing.lkms",
        "b.lkms",
        "c.lkms",
    ]);
    // The worst: the tampered file's integrity failure.
    assert_eq!(r.code, 5, "{}", r.stderr);
    let j = r.json();
    assert_eq!(j["succeeded"], 2);
    assert_eq!(j["failed"], 2);
    assert_eq!(j["results"][2]["exit_code"], 5);
    assert_eq!(j["results"][3]["outcome"], "succeeded");
    assert!(!env.path("b").exists(), "no plaintext of the tampered file");
    assert_eq!(read(&env.path("c")), b"c");
}

#[test]
fn a_refused_batch_still_prints_its_results_under_json() {
    let (env, r) = x25519_env();
    env.create(&["--alias", "sym"]);
    for n in ["a", "b"] {
        env.write(n, n.as_bytes());
    }
    // A missing input refuses the run before anything is written; the results say which.
    let check = |r: crate::util::Run, ext: &str| {
        let j = r.code(6).json();
        assert_eq!(j["error"]["code"], 6, "{j}");
        assert_eq!(j["succeeded"], 0, "{j}");
        assert_eq!(j["failed"], 1, "{j}");
        let results = j["results"].as_array().unwrap();
        assert_eq!(results.len(), 3, "{j}");
        assert_eq!(results[0]["input"], "a");
        assert_eq!(results[0]["outcome"], "not_attempted");
        assert_eq!(results[1]["input"], "missing");
        assert_eq!(results[1]["outcome"], "failed");
        assert_eq!(results[1]["exit_code"], 6);
        assert!(
            results[1]["error"].as_str().unwrap().contains("missing"),
            "{j}"
        );
        assert_eq!(results[2]["outcome"], "not_attempted");
        assert!(!env.path(&format!("a.{ext}")).exists());
        assert!(!env.path(&format!("b.{ext}")).exists());
    };
    check(
        env.run(&["encrypt", "--key", "sym", "--json", "a", "missing", "b"]),
        "lkms",
    );
    // The refusal is logged as an attempt at the input it is about.
    let line = env.last_audit();
    assert_eq!(line["outcome"], "failure");
    assert_eq!(line["request"]["input"], "missing");
    check(
        bare(
            &env,
            &["encrypt", "--recipient", &r, "--json", "a", "missing", "b"],
        ),
        "age",
    );

    // An existing output, without --force: the same, naming that input.
    env.write("b.lkms", b"keep");
    let r = env
        .run(&["encrypt", "--key", "sym", "--json", "a", "b"])
        .code(1);
    let j = r.json();
    assert_eq!(j["results"][0]["outcome"], "not_attempted", "{j}");
    assert_eq!(j["results"][1]["outcome"], "failed");
    assert!(r.stderr.contains("--keep-going"), "{}", r.stderr);
    assert_eq!(read(&env.path("b.lkms")), b"keep");
    std::fs::remove_file(env.path("b.lkms")).unwrap();

    // A keyring that does not unlock refuses the whole tree; the first input carries the error.
    std::fs::create_dir(env.path("t")).unwrap();
    env.write("t/x", b"x");
    env.write("t/y", b"y");
    let mut c = env.cmd();
    c.env("LKMS_PASSPHRASE", "not the passphrase")
        .args(["encrypt", "--key", "sym", "-r", "t", "--json"]);
    let r = env.run_cmd(&mut c).code(3);
    let j = r.json();
    assert_eq!(j["error"]["kind"], "auth", "{j}");
    assert_eq!(j["results"][0]["input"], "t/x");
    assert_eq!(j["results"][0]["exit_code"], 3);
    assert_eq!(j["results"][1]["outcome"], "not_attempted");
    assert!(!r.stderr.contains("--keep-going"), "{}", r.stderr);
    assert!(!env.path("t/x.lkms").exists());
}

/// The names in `dir`, sorted, to show that a refused command left nothing behind.
fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_recipients_file_names_several_recipients_and_a_bad_line_writes_nothing() {
    let (env, r1) = x25519_env();
    env.create(&["--spec", "x25519", "--alias", "second"]);
    let r2 = env
        .run(&["public-key", "second"])
        .ok()
        .out()
        .trim()
        .to_string();
    env.write("p", b"to both\n");
    env.write(
        "team.txt",
        format!("# release team\n\n{r1}\n   \n  {r2}  \n# end\n").as_bytes(),
    );
    bare(&env, &["encrypt", "-R", "team.txt", "p"]).ok();
    let i = bare(&env, &["inspect", "p.age", "--json"]).ok().json();
    assert_eq!(i["recipients"].as_array().unwrap().len(), 2, "{i}");
    // Each key alone opens it: both are recipients.
    for key in ["art", "second"] {
        let out = env
            .run(&["decrypt", "--key", key, "p.age", "-o", "-"])
            .ok()
            .stdout;
        assert_eq!(out, b"to both\n", "{key}");
    }

    // A line that is not a recipient: exit 2, naming the file and the line; nothing written.
    env.write(
        "bad.txt",
        format!("# team\n{r1}\nage1notarecipient\n").as_bytes(),
    );
    let before_bad = listing(env.dir.path());
    let r = bare(&env, &["encrypt", "-R", "bad.txt", "p", "-o", "q.age"]).code(2);
    assert!(
        r.stderr.contains("the recipients file bad.txt, line 3"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("not an age X25519 recipient"),
        "{}",
        r.stderr
    );
    assert_eq!(listing(env.dir.path()), before_bad);
    // Under --json, the error object, with the same code.
    let j = bare(
        &env,
        &["encrypt", "-R", "bad.txt", "p", "--json", "--force"],
    )
    .code(2)
    .json();
    assert_eq!(j["error"]["kind"], "usage", "{j}");
    assert_eq!(listing(env.dir.path()), before_bad);

    // An identity file given by mistake: refused, and its secret key never repeated.
    env.run(&["identity", "export", "art", "--yes", "-o", "id.txt"])
        .ok();
    let secret = secret_key_line(&env.path("id.txt"));
    let secret = secret.as_str();
    for args in [
        vec!["encrypt", "-R", "id.txt", "p", "-o", "q.age"],
        vec!["encrypt", "--recipient", secret, "p", "-o", "q.age"],
    ] {
        let r = bare(&env, &args).code(2);
        assert!(r.stderr.contains("secret key"), "{}", r.stderr);
        assert!(!r.stderr.contains(&secret[16..]), "{}", r.stderr);
        assert!(!env.path("q.age").exists());
    }

    // A file with no recipient at all, and a missing one (exit 6), are named as recipients files.
    env.write("empty.txt", b"# nobody yet\n\n");
    let r = bare(&env, &["encrypt", "-R", "empty.txt", "p", "-o", "q.age"]).code(2);
    assert!(
        r.stderr
            .contains("the recipients file empty.txt holds no recipient"),
        "{}",
        r.stderr
    );
    let r = bare(&env, &["encrypt", "-R", "absent.txt", "p", "-o", "q.age"]).code(6);
    assert!(
        r.stderr
            .contains("cannot read the recipients file absent.txt"),
        "{}",
        r.stderr
    );
    assert!(!env.path("q.age").exists());
}

#[test]
fn decrypt_key_pins_an_age_file_to_one_x25519_key() {
    let (env, r) = x25519_env();
    let other = env.create(&["--spec", "x25519", "--alias", "other"]);
    let sym = env.create(&["--alias", "sym"]);
    env.write("p", b"pinned\n");
    for armor in [false, true] {
        let mut args = vec!["encrypt", "--recipient", &r, "p", "-o", "p.age", "--force"];
        if armor {
            args.push("--armor");
        }
        bare(&env, &args).ok();
        // Another x25519 key: it is not a recipient (exit 5), and the message says so.
        let out = env.run(&["decrypt", "--key", "other", "p.age", "-o", "out"]);
        let out = out.code(5);
        assert!(
            out.stderr
                .contains("key alias/other (given with --key) is not a recipient of this file"),
            "{}",
            out.stderr
        );
        assert!(!env.path("out").exists());
        let line = env.last_audit();
        assert_eq!(line["event"], "Decrypt");
        assert_eq!(line["outcome"], "failure");
        assert_eq!(line["key_id"], other.as_str());
        assert_eq!(line["request"]["format"], "age");
        // A key of another spec cannot open an age file at all (exit 4).
        let out = env
            .run(&["decrypt", "--key", "sym", "p.age", "-o", "out", "--json"])
            .code(4);
        assert!(
            out.stderr.contains("only x25519 keys open")
                && out
                    .stderr
                    .contains("key alias/sym (given with --key) is an aes-256-gcm key"),
            "{}",
            out.stderr
        );
        assert_eq!(out.json()["error"]["kind"], "key_unusable");
        assert!(!env.path("out").exists());
        assert_eq!(env.last_audit()["key_id"], sym.as_str());
        // The key that is a recipient opens it.
        env.run(&["decrypt", "--key", "art", "p.age", "-o", "out"])
            .ok();
        assert_eq!(read(&env.path("out")), b"pinned\n");
        std::fs::remove_file(env.path("out")).unwrap();
    }
}

#[test]
fn a_tampered_armored_age_file_is_refused_and_leaves_nothing_behind() {
    let (env, r) = x25519_env();
    // Over 64 KiB, so the age body has several chunks and damage near the end comes after
    // chunks that authenticate.
    let data: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 253) as u8).collect();
    env.write("d.bin", &data);
    bare(
        &env,
        &["encrypt", "-a", "--recipient", &r, "d.bin", "-o", "d.age"],
    )
    .ok();
    let good = String::from_utf8(read(&env.path("d.age"))).unwrap();

    // inspect reads the armor: no key needed.
    let i = bare(&env, &["inspect", "d.age", "--json"]).ok().json();
    assert_eq!(i["format"], "age");
    assert_eq!(i["armored"], true);
    assert_eq!(i["recipients"][0]["type"], "X25519");
    let text = bare(&env, &["inspect", "d.age"]).ok().out();
    assert!(
        text.contains("age (age-encryption.org/v1), armored"),
        "{text}"
    );

    let lines: Vec<&str> = good.lines().collect();
    let n = lines.len();
    let flip = |line: usize| {
        let mut l: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        let c = if l[line].as_bytes()[10] == b'A' {
            "B"
        } else {
            "A"
        };
        l[line].replace_range(10..11, c);
        l.join("\n") + "\n"
    };
    let cases = [
        ("a flipped character in the last chunk", flip(n - 3)),
        ("a flipped character in the header", flip(2)),
        ("bad base64", good.replacen(&lines[5][..4], "!@#$", 1)),
        ("a line after the end", format!("{good}trailing\n")),
        ("garbage before the armor", format!("junk\n{good}")),
        (
            "a short line in the middle",
            good.replacen(lines[4], &lines[4][..20], 1),
        ),
        (
            "lines cut out",
            lines[..12]
                .iter()
                .chain(&lines[n - 2..])
                .map(|l| format!("{l}\n"))
                .collect(),
        ),
    ];
    for (what, text) in cases {
        env.write("t.age", text.as_bytes());
        let before = listing(env.dir.path());
        let r = env.run(&["decrypt", "t.age", "-o", "t.out"]);
        assert_eq!(r.code, 5, "{what}: {}", r.stderr);
        assert!(!env.path("t.out").exists(), "{what}");
        assert_eq!(
            listing(env.dir.path()),
            before,
            "{what}: something was left behind"
        );
        let line = env.last_audit();
        assert_eq!(line["event"], "Decrypt", "{what}");
        assert_eq!(line["outcome"], "failure", "{what}");
        // Beside the file, as decrypt names outputs: nothing either.
        let r = env.run(&["decrypt", "t.age"]);
        assert_eq!(r.code, 5, "{what}: {}", r.stderr);
        assert!(!env.path("t").exists(), "{what}");
        assert_eq!(
            listing(env.dir.path()),
            before,
            "{what}: something was left behind"
        );
    }
    // Damage after the first chunks, to standard output: what went out is said to be
    // incomplete.
    env.write("t.age", flip(n - 3).as_bytes());
    let r = env.run(&["decrypt", "t.age", "-o", "-"]).code(5);
    assert!(r.stdout.len() < data.len());
    assert!(
        r.stderr
            .contains("standard output received the chunks before the damage"),
        "{}",
        r.stderr
    );
}

/// The results of a `-r` run, by input: (outcome, error or skip reason).
fn by_input(j: &serde_json::Value) -> std::collections::BTreeMap<String, (String, String)> {
    j["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["input"].as_str().unwrap().to_string(),
                (
                    e["outcome"].as_str().unwrap().to_string(),
                    e["error"].as_str().unwrap_or_default().to_string(),
                ),
            )
        })
        .collect()
}

#[test]
fn a_tree_reports_every_skip_reason_and_is_unlocked_once() {
    let (env, r) = x25519_env();
    env.create(&["--alias", "sym"]);
    std::fs::create_dir_all(env.path("dist/sub")).unwrap();
    env.write("dist/plain.txt", b"one");
    env.write("dist/sub/plain2.txt", b"two");
    std::os::unix::fs::symlink("plain.txt", env.path("dist/link")).unwrap();
    let st = Command::new("mkfifo")
        .arg(env.path("dist/fifo"))
        .status()
        .unwrap();
    assert!(st.success());
    // Already encrypted, in each of the four forms.
    env.write("src", b"src");
    env.run(&["encrypt", "--key", "sym", "src", "-o", "dist/e1.lkms"])
        .ok();
    env.run(&["encrypt", "--key", "sym", "-a", "src", "-o", "dist/e2.lkms"])
        .ok();
    bare(
        &env,
        &["encrypt", "--recipient", &r, "src", "-o", "dist/a1.age"],
    )
    .ok();
    bare(
        &env,
        &[
            "encrypt",
            "--recipient",
            &r,
            "-a",
            "src",
            "-o",
            "dist/a2.age",
        ],
    )
    .ok();
    let link = (
        "skipped".to_string(),
        "a symbolic link, not followed".to_string(),
    );
    let fifo = ("skipped".to_string(), "not a regular file".to_string());
    let done = ("succeeded".to_string(), String::new());

    let lines = env.audit_lines().len();
    let run = env
        .run(&["encrypt", "--key", "sym", "-r", "dist", "--json"])
        .ok();
    let j = by_input(&run.json());
    assert_eq!(j["dist/plain.txt"], done);
    assert_eq!(j["dist/sub/plain2.txt"], done);
    assert_eq!(j["dist/link"], link);
    assert_eq!(j["dist/fifo"], fifo);
    for f in ["e1.lkms", "e2.lkms", "a1.age", "a2.age"] {
        let already = (
            "skipped".to_string(),
            "already encrypted (`lkms re-encrypt` rewraps it)".to_string(),
        );
        assert_eq!(j[&format!("dist/{f}")], already, "{f}");
    }
    assert_eq!(j.len(), 8);
    // One unlock for the tree: no Unlock record, and each file's line says how the keyring
    // was unlocked, the same for all.
    let new: Vec<_> = env.audit_lines().split_off(lines);
    assert_eq!(new.len(), 2, "{new:?}");
    assert!(new.iter().all(|l| l["event"] == "Encrypt"), "{new:?}");
    assert_eq!(new[0]["unlock"]["via"], "root");
    assert_eq!(new[0]["unlock"], new[1]["unlock"]);

    // decrypt -r takes the six ciphertexts, under -o DIR, and leaves the rest.
    let text = env.run(&["decrypt", "-r", "dist", "-o", "back"]).ok();
    assert!(
        text.stderr
            .contains("skipped dist/link: a symbolic link, not followed"),
        "{}",
        text.stderr
    );
    let j = by_input(
        &env.run(&["decrypt", "-r", "dist", "-o", "back2", "--json"])
            .ok()
            .json(),
    );
    let plain = ("skipped".to_string(), "not encrypted".to_string());
    assert_eq!(j["dist/plain.txt"], plain);
    assert_eq!(j["dist/sub/plain2.txt"], plain);
    assert_eq!(j["dist/link"], link);
    assert_eq!(j["dist/fifo"], fifo);
    for f in ["e1.lkms", "e2.lkms", "a1.age", "a2.age", "plain.txt.lkms"] {
        assert_eq!(j[&format!("dist/{f}")], done, "{f}");
    }
    assert_eq!(read(&env.path("back2/sub/plain2.txt")), b"two");
    assert_eq!(read(&env.path("back2/a2")), b"src");

    // re-encrypt -r rewraps the four lkms ciphertexts and skips the age files.
    let j = by_input(&env.run(&["re-encrypt", "-r", "dist", "--json"]).ok().json());
    let not_lkms = ("skipped".to_string(), "not an lkms ciphertext".to_string());
    for f in ["plain.txt", "sub/plain2.txt", "a1.age", "a2.age"] {
        assert_eq!(j[&format!("dist/{f}")], not_lkms, "{f}");
    }
    for f in [
        "e1.lkms",
        "e2.lkms",
        "plain.txt.lkms",
        "sub/plain2.txt.lkms",
    ] {
        assert_eq!(j[&format!("dist/{f}")], done, "{f}");
    }
    assert_eq!(j["dist/link"], link);
    assert_eq!(j["dist/fifo"], fifo);

    // A keyring that does not unlock is tried once for the whole tree, even with
    // --keep-going: one Unlock failure, one refused attempt, the rest not attempted.
    let lines = env.audit_lines().len();
    let mut c = env.cmd();
    c.env("LKMS_PASSPHRASE", "not the passphrase").args([
        "decrypt",
        "-r",
        "dist",
        "-o",
        "back3",
        "--keep-going",
        "--json",
    ]);
    let j = env.run_cmd(&mut c).code(3).json();
    assert_eq!(j["failed"], 1, "{j}");
    let new: Vec<_> = env.audit_lines().split_off(lines);
    let unlocks = new.iter().filter(|l| l["event"] == "Unlock").count();
    assert_eq!(unlocks, 1, "{new:?}");
    assert_eq!(new.len(), 2, "{new:?}");
    assert!(!env.path("back3").exists());
}

#[test]
fn re_encrypt_points_age_files_to_decrypt_and_encrypt_again() {
    let (env, r1) = x25519_env();
    env.create(&["--alias", "sym"]);
    env.write("p", b"artifact\n");
    bare(&env, &["encrypt", "--recipient", &r1, "p", "-o", "p.age"]).ok();
    bare(
        &env,
        &["encrypt", "--recipient", &r1, "-a", "p", "-o", "pa.age"],
    )
    .ok();
    for f in ["p.age", "pa.age"] {
        let before = read(&env.path(f));
        let r = env.run(&["re-encrypt", f]).code(2);
        assert!(
            r.stderr
                .contains("this is an age file, and re-encrypt rewraps lkms envelopes only"),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(&format!(
                "lkms decrypt {f} -o - | lkms encrypt --recipient age1... -o {f}.new"
            )),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("not an lkms ciphertext"), "{}", r.stderr);
        assert_eq!(read(&env.path(f)), before, "{f} was changed");
        assert!(!env.path(&format!("{f}.new")).exists());
    }
    // From standard input too.
    let r = env.run_with_input(&["re-encrypt", "-o", "out.age"], &read(&env.path("pa.age")));
    let r = r.code(2);
    assert!(
        r.stderr.contains("lkms decrypt FILE.age -o -"),
        "{}",
        r.stderr
    );
    assert!(!env.path("out.age").exists());
    // Standard input that is an armored lkms ciphertext is rewrapped, keeping its armor.
    env.run(&["encrypt", "--key", "sym", "-a", "p", "-o", "p.lkms"])
        .ok();
    env.run(&["rotate", "sym"]).ok();
    env.run_with_input(&["re-encrypt", "-o", "q.lkms"], &read(&env.path("p.lkms")))
        .ok();
    assert!(read(&env.path("q.lkms")).starts_with(b"-----BEGIN LKMS ENCRYPTED FILE-----\n"));
    assert_eq!(
        env.run(&["inspect", "q.lkms", "--json"]).ok().json()["key_version"],
        2
    );

    // The pipeline the message (and the help) gives, after a rotation: the file ends up
    // encrypted to the new version's recipient.
    env.run(&["rotate", "art"]).ok();
    let mut sh = Command::new("bash");
    let c = env.cmd();
    for (k, v) in c.get_envs() {
        if let Some(v) = v {
            sh.env(k, v);
        }
    }
    let path = format!(
        "{}:{}",
        crate::util::bin().parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = sh
        .env("PATH", path)
        .current_dir(env.dir.path())
        .arg("-c")
        .arg(
            "set -o pipefail; lkms decrypt p.age -o - | lkms encrypt --recipient \
             \"$(lkms public-key art)\" -o p.age.new && mv p.age.new p.age",
        )
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    env.run(&["decrypt", "p.age", "-o", "back"]).ok();
    assert_eq!(read(&env.path("back")), b"artifact\n");
    assert_eq!(env.last_audit()["key_version"], 2);
}

/// An age file carries no encryption context: a script that checks one with `--context` must
/// not get the plaintext of a file anyone could have written to the public recipient.
#[test]
fn a_context_asked_of_an_age_file_does_not_match() {
    let (env, recipient) = x25519_env();
    env.write("b", b"build output");
    bare(
        &env,
        &["encrypt", "--recipient", &recipient, "-o", "b.age", "b"],
    )
    .ok();
    let r = env
        .run(&["decrypt", "--context", "env=prod", "-o", "out", "b.age"])
        .code(5);
    assert!(
        r.stderr.contains("encryption context does not match") && r.stderr.contains("age file"),
        "{}",
        r.stderr
    );
    assert!(!env.path("out").exists());
    let r = env
        .run(&["decrypt", "--context", "env=prod", "-o", "-", "b.age"])
        .code(5);
    assert!(r.stdout.is_empty());
    let line = env.last_audit();
    assert_eq!(line["event"], "Decrypt", "{line}");
    assert_eq!(line["outcome"], "failure", "{line}");
    // Without --context, it opens.
    env.run(&["decrypt", "-o", "out", "b.age"]).ok();
    assert_eq!(read(&env.path("out")), b"build output");
}

/// An input whose output cannot be named keeps its exit code (2) in the results, and after a
/// refused input it is not attempted, like every other input.
#[test]
fn an_unnameable_input_keeps_its_code_and_waits_behind_a_refused_one() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.write("a", b"a");
    env.run(&["encrypt", "--key", "k", "a"]).ok();
    env.write("weird", b"w");
    let r = env
        .run(&["decrypt", "--json", "missing.lkms", "weird", "a.lkms"])
        .code(6)
        .json();
    let outcomes: Vec<(&str, &str)> = r["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["input"].as_str().unwrap(), e["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("missing.lkms", "failed"),
            ("weird", "not_attempted"),
            ("a.lkms", "not_attempted")
        ],
        "{r}"
    );
    let r = env
        .run(&["decrypt", "--json", "--force", "weird", "a.lkms"])
        .code(2)
        .json();
    assert_eq!(r["results"][0]["exit_code"], 2, "{r}");
    assert_eq!(r["results"][1]["outcome"], "not_attempted", "{r}");
}
