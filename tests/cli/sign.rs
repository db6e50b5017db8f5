//! sign, verify, public-key, mac and verify-mac through the binary, with the real `openssl` on
//! the other side: its users verify lkms signatures with it, so the tests do too.

use std::path::Path;
use std::process::{Command, Output};

use crate::util::*;

const SIGNING: [&str; 2] = ["ed25519", "ecdsa-p256"];

fn openssl(dir: &Path, args: &[&str]) -> Output {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("could not run `openssl`: install it (Debian package openssl) to run these tests")
}

#[track_caller]
fn assert_ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed ({}):\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The openssl command that verifies SIG over MSG with pub.pem, as the README documents it.
fn openssl_verify(dir: &Path, spec: &str, msg: &str, sig: &str) -> Output {
    match spec {
        "ed25519" => openssl(
            dir,
            &[
                "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", msg,
                "-sigfile", sig,
            ],
        ),
        _ => openssl(
            dir,
            &[
                "dgst",
                "-sha256",
                "-verify",
                "pub.pem",
                "-signature",
                sig,
                msg,
            ],
        ),
    }
}

/// Runs lkms with a terminal as its standard output (through `script`), as a user at a shell.
fn on_terminal(env: &Env, args: &[&str]) -> Run {
    assert!(
        have("script"),
        "this test needs `script` (Debian package bsdutils) to give lkms a terminal"
    );
    let c = env.cmd();
    let line: Vec<String> = std::iter::once(c.get_program().to_string_lossy().into_owned())
        .chain(args.iter().map(|a| a.to_string()))
        .map(|a| format!("'{a}'"))
        .collect();
    let mut s = Command::new("script");
    s.args(["-qec", &line.join(" "), "/dev/null"]);
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => s.env(k, v),
            None => s.env_remove(k),
        };
    }
    env.run_cmd(
        s.current_dir(env.dir.path())
            .stdin(std::process::Stdio::null()),
    )
}

#[test]
fn openssl_verifies_ed25519_and_p256_signatures_with_the_exported_key() {
    let env = Env::new();
    env.write("msg", b"release v1.2.3\n");
    for spec in SIGNING {
        env.create(&["--alias", spec, "--spec", spec]);
        env.run(&["sign", "--key", spec, "-o", "sig", "msg"]).ok();
        let pem = env.run(&["public-key", spec]).ok().stdout;
        assert!(pem.starts_with(b"-----BEGIN PUBLIC KEY-----\n"));
        env.write("pub.pem", &pem);
        assert_ok(&openssl_verify(env.dir.path(), spec, "msg", "sig"), spec);

        // The DER form is the same SubjectPublicKeyInfo, and openssl reads it as such.
        let der = env
            .run(&["public-key", spec, "--format", "der"])
            .ok()
            .stdout;
        env.write("pub.der", &der);
        let from_der = openssl(
            env.dir.path(),
            &["pkey", "-pubin", "-inform", "DER", "-in", "pub.der"],
        );
        assert_ok(&from_der, "openssl pkey -inform DER");
        assert_eq!(from_der.stdout, pem, "{spec}: DER and PEM differ");
        let json = env.run(&["public-key", spec, "--json"]).ok().json();
        assert_eq!(json["public_key"].as_str().unwrap().as_bytes(), &pem[..]);
        assert_eq!(json["spec"], spec);

        // And openssl refuses the signature over another message: the check above means
        // something.
        env.write("other", b"release v1.2.4\n");
        let out = openssl_verify(env.dir.path(), spec, "other", "sig");
        assert!(!out.status.success(), "{spec}: openssl accepted a forgery");
    }
    // Ed25519 signatures are the raw 64 bytes; P-256 ones DER, as openssl writes them.
    env.run(&["sign", "--key", "ed25519", "-o", "ed.sig", "msg"])
        .ok();
    assert_eq!(read(&env.path("ed.sig")).len(), 64);
    env.run(&["sign", "--key", "ecdsa-p256", "-o", "ec.sig", "msg"])
        .ok();
    assert_eq!(read(&env.path("ec.sig"))[0], 0x30);
}

#[test]
fn verify_says_valid_and_refuses_changed_messages_and_other_keys() {
    let env = Env::new();
    env.write("msg", b"pay 10 to alice");
    env.write("changed", b"pay 99 to alice");
    for spec in SIGNING {
        let id = env.create(&["--alias", spec, "--spec", spec]);
        env.create(&["--alias", &format!("{spec}-other"), "--spec", spec]);
        env.run(&["sign", "--key", spec, "-o", "sig", "msg"]).ok();

        let r = env.run(&["verify", "--key", spec, "--signature", "sig", "msg"]);
        assert!(r.ok().stderr.contains("signature is valid"));
        let j = env
            .run(&[
                "verify",
                "--key",
                spec,
                "--signature",
                "sig",
                "msg",
                "--json",
            ])
            .ok()
            .json();
        assert_eq!(j["valid"], true);
        assert_eq!(j["key_id"], id.as_str());

        let r = env
            .run(&["verify", "--key", spec, "--signature", "sig", "changed"])
            .code(5);
        assert!(r.stderr.contains("not valid"), "{}", r.stderr);
        assert!(r.stdout.is_empty(), "no verdict on stdout when invalid");
        let other = format!("{spec}-other");
        env.run(&["verify", "--key", &other, "--signature", "sig", "msg"])
            .code(5);

        // A flipped, truncated or empty signature, and a file far too large to be one.
        let sig = read(&env.path("sig"));
        let mut flipped = sig.clone();
        flipped[sig.len() / 2] ^= 1;
        let big = vec![0u8; 4096];
        for bad in [&flipped[..], &sig[..sig.len() - 1], &[][..], &big[..]] {
            env.write("bad.sig", bad);
            env.run(&["verify", "--key", spec, "--signature", "bad.sig", "msg"])
                .code(5);
        }
    }
}

#[test]
fn operations_that_do_not_fit_the_key_exit_4_naming_its_usage() {
    let env = Env::new();
    env.create(&["--alias", "aes"]);
    env.create(&["--alias", "ed", "--spec", "ed25519"]);
    env.create(&["--alias", "ec", "--spec", "ecdsa-p256"]);
    env.create(&["--alias", "hmac", "--spec", "hmac-sha256"]);
    env.write("msg", b"m");
    env.write("sig", &[0u8; 64]);
    env.write("tag", &[0u8; 32]);
    let cases: [(&[&str], &str); 7] = [
        (
            &["sign", "--key", "aes", "-o", "s", "msg"],
            "encrypt/decrypt",
        ),
        (&["sign", "--key", "hmac", "-o", "s", "msg"], "MAC"),
        (
            &["verify", "--key", "aes", "--signature", "sig", "msg"],
            "encrypt/decrypt",
        ),
        (&["mac", "--key", "ed", "-o", "t", "msg"], "sign/verify"),
        (
            &["verify-mac", "--key", "ec", "--mac", "tag", "msg"],
            "sign/verify",
        ),
        (&["public-key", "aes"], "encrypt/decrypt"),
        (&["public-key", "hmac"], "MAC"),
    ];
    for (args, usage) in cases {
        let r = env.run(args).code(4);
        assert!(r.stderr.contains(usage), "{args:?}: {}", r.stderr);
        assert!(!env.path("s").exists() && !env.path("t").exists());
    }
    // Signing keys do not rotate: their public keys are handed out.
    for key in ["ed", "ec"] {
        let r = env.run(&["rotate", key]).code(4);
        assert!(r.stderr.contains("do not rotate"), "{}", r.stderr);
    }
}

#[test]
fn only_enabled_keys_sign_verify_mac_or_give_their_public_key() {
    let env = Env::new();
    env.create(&["--alias", "ed", "--spec", "ed25519"]);
    env.create(&["--alias", "hmac", "--spec", "hmac-sha256"]);
    env.write("msg", b"m");
    env.run(&["sign", "--key", "ed", "-o", "sig", "msg"]).ok();
    env.run(&["mac", "--key", "hmac", "-o", "tag", "msg"]).ok();
    env.run(&["disable", "--yes", "ed"]).ok();
    env.run(&["disable", "--yes", "hmac"]).ok();
    for args in [
        &["sign", "--key", "ed", "-o", "sig2", "msg"][..],
        &["verify", "--key", "ed", "--signature", "sig", "msg"],
        &["public-key", "ed"],
        &["mac", "--key", "hmac", "-o", "tag2", "msg"],
        &["verify-mac", "--key", "hmac", "--mac", "tag", "msg"],
    ] {
        let r = env.run(args).code(4);
        assert!(r.stderr.contains("Disabled"), "{args:?}: {}", r.stderr);
    }
    assert!(!env.path("sig2").exists() && !env.path("tag2").exists());
    env.run(&["enable", "ed"]).ok();
    env.run(&["enable", "hmac"]).ok();
    env.run(&["verify", "--key", "ed", "--signature", "sig", "msg"])
        .ok();
    env.run(&["verify-mac", "--key", "hmac", "--mac", "tag", "msg"])
        .ok();
}

#[test]
fn mac_round_trip_and_tampering() {
    let env = Env::new();
    env.create(&["--alias", "h", "--spec", "hmac-sha256"]);
    env.create(&["--alias", "h2", "--spec", "hmac-sha256"]);
    env.write("msg", b"artifact bytes");
    env.run(&["mac", "--key", "h", "-o", "tag", "msg"]).ok();
    let tag = read(&env.path("tag"));
    assert_eq!(tag.len(), 32);
    let r = env
        .run(&["verify-mac", "--key", "h", "--mac", "tag", "msg"])
        .ok();
    assert!(r.stderr.contains("MAC is valid"), "{}", r.stderr);

    env.write("changed", b"artifact bytez");
    let r = env
        .run(&["verify-mac", "--key", "h", "--mac", "tag", "changed"])
        .code(5);
    assert!(r.stderr.contains("not valid"), "{}", r.stderr);
    env.run(&["verify-mac", "--key", "h2", "--mac", "tag", "msg"])
        .code(5);
    let mut flipped = tag.clone();
    flipped[31] ^= 0x80;
    env.write("bad", &flipped);
    env.run(&["verify-mac", "--key", "h", "--mac", "bad", "msg"])
        .code(5);
    let mut longer = tag.clone();
    longer.push(0);
    for wrong_length in [&tag[..31], &longer[..], &[][..]] {
        env.write("bad", wrong_length);
        let r = env
            .run(&["verify-mac", "--key", "h", "--mac", "bad", "msg"])
            .code(5);
        assert!(r.stderr.contains("32 bytes"), "{}", r.stderr);
    }
    // Deterministic: the same key version and message give the same tag.
    env.run(&["mac", "--key", "h", "-o", "tag-again", "msg"])
        .ok();
    assert_eq!(read(&env.path("tag-again")), tag);
}

#[test]
fn a_mac_made_before_rotate_still_verifies_after() {
    let env = Env::new();
    env.create(&["--alias", "h", "--spec", "hmac-sha256"]);
    env.write("msg", b"nightly build 42");
    env.run(&["mac", "--key", "h", "-o", "v1.tag", "msg"]).ok();
    env.run(&["rotate", "h"]).ok();
    env.run(&["mac", "--key", "h", "-o", "v2.tag", "msg"]).ok();
    env.run(&["rotate", "h"]).ok();
    assert_ne!(read(&env.path("v1.tag")), read(&env.path("v2.tag")));
    for (tag, version) in [("v1.tag", 1), ("v2.tag", 2)] {
        let j = env
            .run(&["verify-mac", "--key", "h", "--mac", tag, "msg", "--json"])
            .ok()
            .json();
        assert_eq!(j["valid"], true);
        assert_eq!(j["key_version"], version, "{tag}");
        assert_eq!(env.last_audit()["key_version"], version);
    }
    // New tags use the current version.
    env.run(&["mac", "--key", "h", "-o", "v3.tag", "msg", "--json"])
        .ok();
    assert_eq!(env.last_audit()["key_version"], 3);
    env.write("changed", b"nightly build 43");
    env.run(&["verify-mac", "--key", "h", "--mac", "v1.tag", "changed"])
        .code(5);
}

#[test]
fn standard_input_and_output() {
    let env = Env::new();
    env.create(&["--alias", "ed", "--spec", "ed25519"]);
    env.create(&["--alias", "h", "--spec", "hmac-sha256"]);
    let msg = b"from a pipe".to_vec();
    env.write("msg", &msg);
    env.run(&["sign", "--key", "ed", "-o", "file.sig", "msg"])
        .ok();
    // Ed25519 is deterministic: the same signature, however the message and signature travel.
    let from_stdin = env.run_with_input(&["sign", "--key", "ed"], &msg).ok();
    assert_eq!(from_stdin.stdout, read(&env.path("file.sig")));
    let dash = env
        .run_with_input(&["sign", "--key", "ed", "-o", "-", "-"], &msg)
        .ok();
    assert_eq!(dash.stdout, from_stdin.stdout);
    env.run_with_input(&["verify", "--key", "ed", "--signature", "file.sig"], &msg)
        .ok();
    env.run_with_input(
        &["verify", "--key", "ed", "--signature", "file.sig", "-"],
        b"from a pipe!",
    )
    .code(5);

    env.run(&["mac", "--key", "h", "-o", "file.tag", "msg"])
        .ok();
    let tag = env.run_with_input(&["mac", "--key", "h"], &msg).ok();
    assert_eq!(tag.stdout, read(&env.path("file.tag")));
    env.run_with_input(
        &["verify-mac", "--key", "h", "--mac", "file.tag", "-"],
        &msg,
    )
    .ok();
    assert_eq!(env.last_audit()["request"]["input"], "-");
    assert_eq!(env.last_audit()["request"]["bytes"], msg.len());
}

#[test]
fn standard_input_from_a_file_or_a_pipe_signs_the_same_bytes() {
    use std::io::{Seek, SeekFrom};
    let env = Env::new();
    env.create(&["--alias", "ed", "--spec", "ed25519"]);
    env.create(&["--alias", "p", "--spec", "ecdsa-p256"]);
    env.write("pub.pem", &env.run(&["public-key", "p"]).ok().stdout);
    // Larger than the first buffer a pipe is read into, and off a page boundary.
    let msg: Vec<u8> = (0..(9 << 20) + 77)
        .map(|i| (i % 251) as u8 ^ (i >> 12) as u8)
        .collect();
    env.write("msg", &msg);
    let from_file = env.run(&["sign", "--key", "ed", "msg"]).ok().stdout;
    let from_pipe = env
        .run_with_input(&["sign", "--key", "ed"], &msg)
        .ok()
        .stdout;
    let redirected = env
        .run_cmd(
            env.cmd()
                .args(["sign", "--key", "ed"])
                .stdin(std::fs::File::open(env.path("msg")).unwrap()),
        )
        .ok()
        .stdout;
    // Ed25519 is deterministic: one signature, however the message arrives.
    assert_eq!(from_file.len(), 64);
    assert_eq!(from_pipe, from_file, "pipe");
    assert_eq!(
        redirected, from_file,
        "standard input redirected from the file"
    );
    assert_eq!(env.last_audit()["request"]["bytes"], msg.len());

    // Standard input already read into (as after `head -c 1000`): what is left is signed, and
    // the offset is left at the end, as reading would leave it.
    let mut shared = std::fs::File::open(env.path("msg")).unwrap();
    shared.seek(SeekFrom::Start(1000)).unwrap();
    let rest = env
        .run_cmd(
            env.cmd()
                .args(["sign", "--key", "ed"])
                .stdin(shared.try_clone().unwrap()),
        )
        .ok()
        .stdout;
    let want = env
        .run_with_input(&["sign", "--key", "ed"], &msg[1000..])
        .ok()
        .stdout;
    assert_eq!(rest, want, "the rest of a partly read standard input");
    assert_eq!(shared.stream_position().unwrap(), msg.len() as u64);

    // ECDSA signatures differ each time: each must verify over the message.
    for (name, sig) in [
        (
            "pipe",
            env.run_with_input(&["sign", "--key", "p"], &msg)
                .ok()
                .stdout,
        ),
        (
            "redirected",
            env.run_cmd(
                env.cmd()
                    .args(["sign", "--key", "p"])
                    .stdin(std::fs::File::open(env.path("msg")).unwrap()),
            )
            .ok()
            .stdout,
        ),
    ] {
        env.write("p.sig", &sig);
        env.run(&["verify", "--key", "p", "--signature", "p.sig", "msg"])
            .ok();
        assert_ok(
            &openssl_verify(env.dir.path(), "ecdsa-p256", "msg", "p.sig"),
            name,
        );
    }
}

#[test]
fn output_files_are_replaced_whole_and_inputs_must_exist() {
    let env = Env::new();
    env.create(&["--alias", "ed", "--spec", "ed25519"]);
    env.create(&["--alias", "h", "--spec", "hmac-sha256"]);
    env.write("msg", b"v1");
    env.write("sig", b"an older signature");
    // Signatures are not secret and re-signing a changed file is routine: -o replaces.
    env.run(&["sign", "--key", "ed", "-o", "sig", "msg"]).ok();
    assert_eq!(read(&env.path("sig")).len(), 64);
    env.run(&["mac", "--key", "h", "-o", "sig", "msg"]).ok();
    assert_eq!(read(&env.path("sig")).len(), 32);
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A device is written into, never replaced by a file.
    env.run(&["sign", "--key", "ed", "-o", "/dev/null", "msg"])
        .ok();

    for args in [
        &["sign", "--key", "ed", "-o", "x", "no-such-file"][..],
        &[
            "verify",
            "--key",
            "ed",
            "--signature",
            "sig",
            "no-such-file",
        ],
        &["verify", "--key", "ed", "--signature", "no-such-sig", "msg"],
        &["mac", "--key", "h", "-o", "x", "no-such-file"],
        &["verify-mac", "--key", "h", "--mac", "no-such-tag", "msg"],
        &["sign", "--key", "no-such-key", "-o", "x", "msg"],
    ] {
        let r = env.run(args).code(6);
        assert!(r.stderr.contains("no-such"), "{args:?}: {}", r.stderr);
    }
    assert!(!env.path("x").exists());
    // A failed sign leaves the existing output as it was.
    let before = read(&env.path("sig"));
    env.run(&["sign", "--key", "h", "-o", "sig", "msg"]).code(4);
    assert_eq!(read(&env.path("sig")), before);
}

#[test]
fn binary_is_never_written_to_a_terminal() {
    let env = Env::new();
    env.create(&["--alias", "ed", "--spec", "ed25519"]);
    env.create(&["--alias", "h", "--spec", "hmac-sha256"]);
    env.write("msg", b"m");
    for args in [
        &["sign", "--key", "ed", "msg"][..],
        &["mac", "--key", "h", "msg"],
        &["public-key", "ed", "--format", "der"],
    ] {
        let r = on_terminal(&env, args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.out());
        assert!(r.out().contains("-o FILE"), "{args:?}: {}", r.out());
    }
    // PEM is text: fine on a terminal.
    let r = on_terminal(&env, &["public-key", "ed"]).ok();
    assert!(r.out().contains("BEGIN PUBLIC KEY"), "{}", r.out());
}

#[test]
fn every_attempt_is_in_the_audit_log() {
    let env = Env::new();
    let ed = env.create(&["--alias", "ed", "--spec", "ed25519"]);
    let h = env.create(&["--alias", "h", "--spec", "hmac-sha256"]);
    env.write("msg", b"12345");
    env.write("changed", b"12346");

    let expect = |event: &str, key: &str, outcome: &str| {
        let line = env.last_audit();
        assert_eq!(line["event"], event, "{line}");
        assert_eq!(line["outcome"], outcome, "{line}");
        assert_eq!(line["key_id"], key, "{line}");
        assert_eq!(line["key_version"], 1, "{line}");
        line
    };
    env.run(&["sign", "--key", "ed", "-o", "sig", "msg"]).ok();
    let l = expect("Sign", &ed, "success");
    assert_eq!(l["request"]["input"], "msg");
    assert_eq!(l["request"]["output"], "sig");
    assert_eq!(l["request"]["bytes"], 5);
    env.run(&["verify", "--key", "ed", "--signature", "sig", "msg"])
        .ok();
    expect("Verify", &ed, "success");
    env.run(&["verify", "--key", "ed", "--signature", "sig", "changed"])
        .code(5);
    let l = expect("Verify", &ed, "failure");
    assert!(l["error"].as_str().unwrap().contains("not valid"), "{l}");
    env.run(&["public-key", "ed"]).ok();
    expect("GetPublicKey", &ed, "success");

    env.run(&["mac", "--key", "h", "-o", "tag", "msg"]).ok();
    let l = expect("GenerateMac", &h, "success");
    assert_eq!(l["request"]["bytes"], 5);
    env.run(&["verify-mac", "--key", "h", "--mac", "tag", "msg"])
        .ok();
    expect("VerifyMac", &h, "success");
    env.run(&["verify-mac", "--key", "h", "--mac", "tag", "changed"])
        .code(5);
    let l = env.last_audit();
    assert_eq!(l["event"], "VerifyMac");
    assert_eq!(l["outcome"], "failure");
    assert_eq!(l["key_id"], h.as_str());

    // A refusal is logged too, and nothing secret ever is.
    env.run(&["mac", "--key", "ed", "-o", "t2", "msg"]).code(4);
    let l = env.last_audit();
    assert_eq!(
        (&l["event"], &l["outcome"], &l["key_id"]),
        (
            &"GenerateMac".into(),
            &"failure".into(),
            &ed.as_str().into()
        ),
        "{l}"
    );
    assert!(l["error"].as_str().unwrap().contains("sign/verify"), "{l}");
    let log = std::fs::read_to_string(env.audit_log()).unwrap();
    assert!(!log.contains(PASS));
    assert!(
        !log.contains("12345"),
        "message content leaked into the log"
    );
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn a_large_file_signs_and_verifies() {
    const SIZE: u64 = 64 << 20;
    let env = Env::new();
    // Mostly a hole, with data at both ends: whatever the middle holds, every byte counts.
    let path = env.path("big");
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::File::create(&path).unwrap();
        f.write_all(b"head").unwrap();
        f.seek(SeekFrom::Start(SIZE - 4)).unwrap();
        f.write_all(b"tail").unwrap();
    }
    assert_eq!(std::fs::metadata(&path).unwrap().len(), SIZE);
    for spec in SIGNING {
        env.create(&["--alias", spec, "--spec", spec]);
        env.run(&["sign", "--key", spec, "-o", "big.sig", "big"])
            .ok();
        assert_eq!(env.last_audit()["request"]["bytes"], SIZE);
        env.run(&["verify", "--key", spec, "--signature", "big.sig", "big"])
            .ok();
        env.write("pub.pem", &env.run(&["public-key", spec]).ok().stdout);
        assert_ok(
            &openssl_verify(env.dir.path(), spec, "big", "big.sig"),
            spec,
        );
    }
    env.create(&["--alias", "h", "--spec", "hmac-sha256"]);
    env.run(&["mac", "--key", "h", "-o", "big.tag", "big"]).ok();
    env.run(&["verify-mac", "--key", "h", "--mac", "big.tag", "big"])
        .ok();
    // One byte changed in the middle of the hole is found.
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        f.seek(SeekFrom::Start(SIZE / 2)).unwrap();
        f.write_all(b"!").unwrap();
    }
    env.run(&[
        "verify",
        "--key",
        "ed25519",
        "--signature",
        "big.sig",
        "big",
    ])
    .code(5);
    env.run(&["verify-mac", "--key", "h", "--mac", "big.tag", "big"])
        .code(5);
}

/// docs/RECOVERY.md's commands, verbatim: the test checks the document still holds each one.
const RECOVERY_DECRYPT: &str = "age -d -i keyring.root.default.age -o keyring.toml keyring.age";
const RECOVERY_AWK: &str = r#"awk -v id="$KEY_ID" '/^\[\[key\]\]/ { k = 0 } $1 == "id" && $3 == "\"" id "\"" { k = 1 } k && $1 == "material" { gsub(/"/, "", $3); print $3 }' keyring.toml"#;
const RECOVERY_SYMMETRIC: &str = r#"printf '%s' "$MATERIAL" | base64 -d > key.bin"#;
const RECOVERY_HMAC: &str = r#"openssl dgst -sha256 -mac HMAC -macopt hexkey:"$(od -An -v -tx1 key.bin | tr -d ' \n')" -binary -out tag.bin MESSAGE"#;
const RECOVERY_P256: &str =
    r#"printf '%s' "$MATERIAL" | base64 -d | openssl pkey -inform DER -out key.pem"#;
const RECOVERY_ED25519: &str = r#"printf '%s' "$MATERIAL" | base64 -d > key-v2.der
{ printf '\060\056\002\001\000\060\005\006\003\053\145\160\004\042\004\040'; tail -c +17 key-v2.der | head -c 32; } > key.der
openssl pkey -inform DER -in key.der -out key.pem"#;
const RECOVERY_PUBLIC: &str = "openssl pkey -in key.pem -pubout";
const RECOVERY_SIGN_ED25519: &str =
    "openssl pkeyutl -sign -inkey key.pem -rawin -in MESSAGE -out sig.bin";
const RECOVERY_SIGN_P256: &str = "openssl dgst -sha256 -sign key.pem -out sig.bin MESSAGE";

/// Runs `script` with sh in `dir`, with these variables; returns standard output.
#[track_caller]
fn sh(dir: &Path, script: &str, vars: &[(&str, &str)]) -> Vec<u8> {
    let mut c = Command::new("sh");
    c.args(["-ec", script]).current_dir(dir);
    for (k, v) in vars {
        c.env(k, v);
    }
    let out = c.output().expect("run sh");
    assert_ok(&out, script);
    out.stdout
}

#[test]
fn recovered_keys_work_in_openssl_as_recovery_md_says() {
    let doc = include_str!("../../docs/RECOVERY.md");
    for command in [
        RECOVERY_DECRYPT,
        RECOVERY_AWK,
        RECOVERY_SYMMETRIC,
        RECOVERY_HMAC,
        RECOVERY_P256,
        RECOVERY_ED25519,
        RECOVERY_PUBLIC,
        RECOVERY_SIGN_ED25519,
        RECOVERY_SIGN_P256,
    ] {
        assert!(
            doc.contains(command),
            "docs/RECOVERY.md no longer says:\n{command}"
        );
    }
    assert!(
        have("age") && have("script"),
        "this test needs age (Debian package age) and script (bsdutils)"
    );

    let env = Env::new();
    let ed = env.create(&["--alias", "ed", "--spec", "ed25519"]);
    let ec = env.create(&["--alias", "ec", "--spec", "ecdsa-p256"]);
    let hmac = env.create(&["--alias", "h", "--spec", "hmac-sha256"]);
    env.run(&["rotate", "h"]).ok();
    let message = b"signed by openssl with a recovered key\n";
    // age reads the passphrase only from a terminal: give it one.
    sh(
        env.dir.path(),
        &format!(r#"printf '%s\n' "$P" | script -qec "{RECOVERY_DECRYPT}" /dev/null >/dev/null"#),
        &[("P", PASS)],
    );

    for (name, id) in [("ed", &ed), ("ec", &ec), ("h", &hmac)] {
        let dir = env.path(name);
        std::fs::create_dir(&dir).unwrap();
        std::fs::copy(env.path("keyring.toml"), dir.join("keyring.toml")).unwrap();
        std::fs::write(dir.join("MESSAGE"), message).unwrap();
        let materials = String::from_utf8(sh(&dir, RECOVERY_AWK, &[("KEY_ID", id)])).unwrap();
        // Oldest first: the last line is the current version.
        let material = materials.lines().last().expect("the key's material");
        let vars = [("MATERIAL", material)];
        if name == "h" {
            assert_eq!(
                materials.lines().count(),
                2,
                "both versions of the HMAC key"
            );
            sh(&dir, RECOVERY_SYMMETRIC, &vars);
            sh(&dir, RECOVERY_HMAC, &vars);
            let tag = env.run_with_input(&["mac", "--key", "h"], message).ok();
            assert_eq!(
                tag.stdout,
                read(&dir.join("tag.bin")),
                "openssl's HMAC differs"
            );
            continue;
        }
        let (recover, sign) = match name {
            "ed" => (RECOVERY_ED25519, RECOVERY_SIGN_ED25519),
            _ => (RECOVERY_P256, RECOVERY_SIGN_P256),
        };
        sh(&dir, recover, &vars);
        let public = sh(&dir, RECOVERY_PUBLIC, &[]);
        assert_eq!(public, env.run(&["public-key", name]).ok().stdout);
        sh(&dir, sign, &[]);
        let sig = dir.join("sig.bin");
        env.run(&[
            "verify",
            "--key",
            name,
            "--signature",
            sig.to_str().unwrap(),
            dir.join("MESSAGE").to_str().unwrap(),
        ])
        .ok();
    }
}

/// `--json` is one JSON value: without -o the signature or tag goes into it, in base64.
#[test]
fn json_without_output_carries_the_signature_and_tag_in_base64() {
    use base64::Engine as _;
    let env = Env::new();
    env.create(&["--alias", "s", "--spec", "ed25519"]);
    env.create(&["--alias", "m", "--spec", "hmac-sha256"]);
    let msg = env.write("m.txt", b"release 1.0");
    let r = env
        .run(&["sign", "--key", "s", "--json", msg.to_str().unwrap()])
        .ok();
    let sig = base64::engine::general_purpose::STANDARD
        .decode(r.json()["signature"].as_str().unwrap())
        .unwrap();
    assert_eq!(sig.len(), 64);
    let sig_file = env.write("m.sig", &sig);
    env.run(&[
        "verify",
        "--key",
        "s",
        "--signature",
        sig_file.to_str().unwrap(),
        msg.to_str().unwrap(),
    ])
    .ok();
    let r = env
        .run(&["mac", "--key", "m", "--json", msg.to_str().unwrap()])
        .ok();
    let tag = base64::engine::general_purpose::STANDARD
        .decode(r.json()["mac"].as_str().unwrap())
        .unwrap();
    let tag_file = env.write("m.tag", &tag);
    env.run(&[
        "verify-mac",
        "--key",
        "m",
        "--mac",
        tag_file.to_str().unwrap(),
        msg.to_str().unwrap(),
    ])
    .ok();
}
