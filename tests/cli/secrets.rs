//! Secrets hygiene: after a run of commands, no file lkms wrote and nothing it printed holds the
//! passphrase or any key material, in any common encoding.
//!
//! The material is recovered independently of lkms, by decrypting the keyring with the age
//! crate.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};

use crate::util::*;

const NEW_PASS: &str = "a different passphrase, 2nd edition";
const WRONG_PASS: &str = "wrong-guess-4711";

/// The forms a secret could leak in: raw, hex (both cases) and base64 (all alphabets).
fn forms(secret: &[u8]) -> Vec<Vec<u8>> {
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    let mut out = vec![
        secret.to_vec(),
        hex.clone().into_bytes(),
        hex.to_uppercase().into_bytes(),
    ];
    for engine in [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD] {
        out.push(engine.encode(secret).into_bytes());
    }
    out
}

/// Where in `haystack` any 16-unit piece of any form of `secret` appears, if it does.
fn find(haystack: &[u8], secret: &[u8]) -> Option<String> {
    for form in forms(secret) {
        let piece = 16.min(form.len());
        for w in form.windows(piece).step_by(4) {
            if let Some(at) = haystack.windows(w.len()).position(|h| h == w) {
                return Some(format!("{:?} at byte {at}", String::from_utf8_lossy(w)));
            }
        }
    }
    None
}

/// The secret part of key material: all of a symmetric key; the private key inside a signing
/// key's PKCS#8 document (the 32 bytes after the first OCTET STRING header `04 20`), since the
/// rest of that document (algorithm identifiers, the public key) is public by design.
fn private_part(material: &[u8]) -> Vec<u8> {
    if material.len() == 32 {
        return material.to_vec();
    }
    let at = material
        .windows(2)
        .position(|w| w == [0x04, 0x20])
        .expect("a PKCS#8 private key");
    material[at + 2..at + 34].to_vec()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn no_file_or_output_of_lkms_holds_the_passphrase_or_key_material() {
    let env = Env::empty();
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    let mut run = |env: &Env, c: &mut std::process::Command| {
        let label = format!("{:?}", c.get_args().collect::<Vec<_>>());
        let r = env.run_cmd(c);
        outputs.push((label.clone(), r.stdout.clone()));
        outputs.push((label, r.stderr.clone().into_bytes()));
        r
    };
    let cmd = |args: &[&str]| {
        let mut c = env.cmd();
        c.args(args);
        c
    };
    run(&env, &mut cmd(&["init", "--work-factor", "10"])).ok();
    for spec in [
        "aes-256-gcm",
        "chacha20-poly1305",
        "hmac-sha256",
        "ed25519",
        "ecdsa-p256",
    ] {
        run(&env, &mut cmd(&["create", "--spec", spec, "--alias", spec])).ok();
    }
    run(
        &env,
        &mut cmd(&["create", "--alias", "doomed", "--tag", "t=v"]),
    )
    .ok();
    run(&env, &mut cmd(&["rotate", "aes-256-gcm"])).ok();
    run(
        &env,
        &mut cmd(&["rotation", "enable", "hmac-sha256", "--period", "1"]),
    )
    .ok();
    run(&env, &mut cmd(&["disable", "chacha20-poly1305"])).ok();
    run(&env, &mut cmd(&["rotate", "chacha20-poly1305"])).code(4);
    run(&env, &mut cmd(&["alias", "add", "extra", "ed25519"])).ok();
    run(&env, &mut cmd(&["describe", "ecdsa-p256", "--json"])).ok();
    run(&env, &mut cmd(&["list", "--json"])).ok();
    // The material of the key about to be destroyed, read before it is erased.
    let doomed_id = {
        let r = run(&env, &mut cmd(&["describe", "doomed", "--json"])).ok();
        r.json()["key_id"].as_str().unwrap().to_string()
    };
    let doc = decrypt_keyring(&env.keyring(), PASS);
    let doomed: Vec<Vec<u8>> = {
        let mut one = doc.clone();
        let keys = one["key"].as_array_mut().unwrap();
        keys.retain(|k| k["id"].as_str() == Some(doomed_id.as_str()));
        materials(&one)
    };
    assert_eq!(doomed.len(), 1);
    run(
        &env,
        &mut cmd(&["schedule-delete", "doomed", "--days", "7"]),
    )
    .ok();
    run(
        &env,
        env.cmd()
            .env("LKMS_PASSPHRASE", WRONG_PASS)
            .args(["describe", "doomed"]),
    )
    .code(3);
    run(
        &env,
        env.cmd()
            .env("LKMS_NEW_PASSPHRASE", NEW_PASS)
            .args(["passwd"]),
    )
    .ok();
    // Eight days on, maintain erases the doomed key's material (and rotates the hmac key).
    assert!(have("faketime"), "this test needs faketime");
    let mut later = std::process::Command::new("faketime");
    let c = env.cmd();
    later
        .arg("-f")
        .arg("+8d")
        .arg(c.get_program())
        .arg("maintain");
    for (k, v) in c.get_envs() {
        if let Some(v) = v {
            later.env(k, v);
        }
    }
    later
        .env("LKMS_PASSPHRASE", NEW_PASS)
        .current_dir(env.dir.path())
        .stdin(std::process::Stdio::null());
    run(&env, &mut later).ok();
    run(
        &env,
        env.cmd()
            .env("LKMS_PASSPHRASE", NEW_PASS)
            .args(["audit", "show", "--json"]),
    )
    .ok();

    // Every material lkms still holds, and the erased one.
    let doc = decrypt_keyring(&env.keyring(), NEW_PASS);
    let mut secrets: Vec<(String, Vec<u8>)> = materials(&doc)
        .into_iter()
        .enumerate()
        .map(|(i, m)| (format!("material #{i}"), private_part(&m)))
        .collect();
    assert!(secrets.len() >= 7, "{}", secrets.len());
    for m in &doomed {
        let m = private_part(m);
        assert!(
            !secrets.iter().any(|(_, s)| *s == m),
            "the destroyed key's material is still in the keyring"
        );
        secrets.push(("destroyed material".into(), m));
    }
    // The search is not vacuous: it finds the material in the decrypted keyring.
    let plain = toml::to_string(&doc).unwrap();
    assert!(find(plain.as_bytes(), &secrets[0].1).is_some());
    for p in [PASS, NEW_PASS, WRONG_PASS] {
        secrets.push((format!("passphrase {p:?}"), p.as_bytes().to_vec()));
    }

    // Every file lkms wrote: keyring, audit log, lock file, and anything else in the directory.
    let files = files_under(env.dir.path());
    let names: Vec<_> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_owned())
        .collect();
    for expected in ["keyring.age", "keyring.age.lock", "audit.jsonl"] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} not found in {names:?}"
        );
    }
    for file in &files {
        let bytes = read(file);
        for (what, secret) in &secrets {
            if let Some(at) = find(&bytes, secret) {
                panic!("{what} found in {}: {at}", file.display());
            }
        }
    }
    for (label, bytes) in &outputs {
        for (what, secret) in &secrets {
            if let Some(at) = find(bytes, secret) {
                panic!("{what} printed by {label}: {at}");
            }
        }
    }
}
