//! import-material through the binary: raw symmetric material and keys OpenSSL made, and the
//! material it refuses, naming what it got.

use std::path::Path;
use std::process::Command;

use crate::util::*;

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("could not run `openssl`: install it (Debian package openssl) to run these tests");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn imported_symmetric_material_encrypts_and_says_external() {
    let env = Env::new();
    env.write("key.bin", &[0x42; 32]);
    let r = env
        .run(&[
            "import-material",
            "--spec",
            "aes-256-gcm",
            "--material",
            "key.bin",
            "--alias",
            "byok",
            "--json",
        ])
        .ok();
    let id = r.json()["key_id"].as_str().unwrap().to_string();
    let d = env.describe("byok");
    assert_eq!(d["key_id"], id.as_str());
    assert_eq!(d["origin"], "external");
    assert_eq!(d["state"], "Enabled");
    let made = env.create(&[]);
    assert_eq!(env.describe(&made)["origin"], "lkms");

    env.write("plain", b"bring your own key");
    env.run(&["encrypt", "--key", "byok", "plain"]).ok();
    env.run(&["decrypt", "-o", "back", "plain.lkms"]).ok();
    assert_eq!(read(&env.path("back")), b"bring your own key");
    let line = env
        .audit_lines()
        .into_iter()
        .find(|l| l["event"] == "ImportKeyMaterial")
        .expect("an ImportKeyMaterial line");
    assert_eq!(line["outcome"], "success");
    assert_eq!(line["key_id"], id.as_str());
    assert_eq!(line["request"]["origin"], "external");
    // The material is in the keyring, and nowhere in the log.
    let log = std::fs::read_to_string(env.audit_log()).unwrap();
    assert!(!log.contains("QkJC"), "material in the log");
    env.run(&["audit", "verify"]).ok();
}

#[test]
fn keys_openssl_made_sign_and_openssl_verifies_with_its_own_public_key() {
    let env = Env::new();
    let dir = env.dir.path();
    openssl(dir, &["genpkey", "-algorithm", "ed25519", "-out", "ed.pem"]);
    openssl(
        dir,
        &[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            "p.pem",
        ],
    );
    openssl(dir, &["pkey", "-in", "ed.pem", "-pubout", "-out", "ed.pub"]);
    openssl(dir, &["pkey", "-in", "p.pem", "-pubout", "-out", "p.pub"]);
    // DER as well as PEM.
    openssl(
        dir,
        &[
            "pkcs8", "-topk8", "-nocrypt", "-in", "p.pem", "-outform", "DER", "-out", "p.der",
        ],
    );
    env.write("msg", b"release 1.0");
    for (spec, file, public) in [
        ("ed25519", "ed.pem", "ed.pub"),
        ("ecdsa-p256", "p.pem", "p.pub"),
        ("ecdsa-p256", "p.der", "p.pub"),
    ] {
        let key = env
            .run(&[
                "import-material",
                "--spec",
                spec,
                "--material",
                file,
                "--json",
            ])
            .ok()
            .json()["key_id"]
            .as_str()
            .unwrap()
            .to_string();
        let _ = std::fs::remove_file(env.path("sig"));
        env.run(&["sign", "--key", &key, "-o", "sig", "msg"]).ok();
        let verify: Vec<&str> = if spec == "ed25519" {
            vec![
                "pkeyutl", "-verify", "-pubin", "-inkey", public, "-rawin", "-in", "msg",
                "-sigfile", "sig",
            ]
        } else {
            vec![
                "dgst",
                "-sha256",
                "-verify",
                public,
                "-signature",
                "sig",
                "msg",
            ]
        };
        openssl(dir, &verify);
        env.run(&["verify", "--key", &key, "--signature", "sig", "msg"])
            .ok();
    }
}

#[test]
fn material_of_the_wrong_length_or_spec_is_refused_naming_what_it_got() {
    let env = Env::new();
    env.write("short.bin", &[1; 31]);
    let r = env
        .run(&[
            "import-material",
            "--spec",
            "hmac-sha256",
            "--material",
            "short.bin",
        ])
        .code(2);
    assert!(r.stderr.contains("31 bytes"), "{}", r.stderr);
    assert!(r.stderr.contains("short.bin"), "{}", r.stderr);

    openssl(
        env.dir.path(),
        &[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-out",
            "p.pem",
        ],
    );
    let r = env
        .run(&[
            "import-material",
            "--spec",
            "ed25519",
            "--material",
            "p.pem",
        ])
        .code(2);
    assert!(r.stderr.contains("another algorithm"), "{}", r.stderr);
    let r = env
        .run(&[
            "import-material",
            "--spec",
            "aes-256-gcm",
            "--material",
            "p.pem",
        ])
        .code(2);
    assert!(r.stderr.contains("PEM"), "{}", r.stderr);

    env.write("junk.der", &[0x30; 50]);
    let r = env
        .run(&[
            "import-material",
            "--spec",
            "ecdsa-p256",
            "--material",
            "junk.der",
        ])
        .code(5);
    assert!(r.stderr.contains("50 bytes"), "{}", r.stderr);
    // Nothing was added, and every refusal is logged.
    assert_eq!(
        env.run(&["list", "--json"]).ok().json(),
        serde_json::json!([])
    );
    let failures = env
        .audit_lines()
        .into_iter()
        .filter(|l| l["event"] == "ImportKeyMaterial" && l["outcome"] == "failure")
        .count();
    assert_eq!(failures, 4);
}

#[test]
fn an_age_keygen_identity_imports_as_an_x25519_key_and_raw_bytes_do_not() {
    let env = Env::new();
    let out = Command::new("age-keygen")
        .arg("-o")
        .arg(env.path("id.txt"))
        .output()
        .expect("could not run `age-keygen`: install it (Debian package age) to run these tests");
    assert!(out.status.success());
    let text = std::fs::read_to_string(env.path("id.txt")).unwrap();
    let recipient = text
        .lines()
        .find_map(|l| l.strip_prefix("# public key: "))
        .expect("a public key line")
        .to_string();
    let args = |file: &'static str| {
        [
            "import-material",
            "--spec",
            "x25519",
            "--material",
            file,
            "--alias",
            "mine",
        ]
    };
    env.write("raw.bin", &[7; 32]);
    let r = env.run(&args("raw.bin")).code(2);
    assert!(r.stderr.contains("AGE-SECRET-KEY-1"), "{}", r.stderr);
    env.run(&args("id.txt")).ok();
    assert_eq!(env.describe("mine")["origin"], "external");
    assert_eq!(
        env.run(&["public-key", "mine"]).ok().out().trim(),
        recipient
    );
    // A file encrypted to the imported identity's recipient opens with the keyring.
    env.write("m", b"to my own identity");
    env.run(&["encrypt", "--recipient", &recipient, "m"]).ok();
    env.run(&["decrypt", "-o", "back", "m.age"]).ok();
    assert_eq!(read(&env.path("back")), b"to my own identity");
}
