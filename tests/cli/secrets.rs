//! Secrets hygiene: after a run of commands, no file lkms wrote and nothing it printed holds the
//! passphrase or any key material, in any common encoding.
//!
//! The material is recovered independently of lkms, by decrypting the keyring with the age
//! crate; the data keys of ciphertexts, by unwrapping them with ring as docs/FORMAT.md says.
//! Plaintext carries a marker that must appear only where it is plaintext by design.

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

/// A recognisable plaintext: it must never appear in the audit log, the keyring, an error or
/// a ciphertext.
const MARKER: &str = "MARKER-plaintext-Qz7-must-never-leak";

/// 40 KB of plaintext (three chunks), the marker in every line.
fn plaintext_with_marker() -> Vec<u8> {
    (0..1000)
        .flat_map(|i| format!("{i:04} {MARKER}\n").into_bytes())
        .collect()
}

/// How an output is labelled: the command's arguments, then ` stdout` or ` stderr`.
fn label(args: &[&str]) -> String {
    args.join(" ")
}

/// The data key of an lkms ciphertext, unwrapped with ring from the header layout of
/// docs/FORMAT.md (not with lkms) by the key version's material from the decrypted keyring.
fn unwrap_data_key(ct: &[u8], doc: &toml::Table) -> Vec<u8> {
    use ring::aead::{AES_256_GCM, Aad, CHACHA20_POLY1305, LessSafeKey, Nonce, UnboundKey};
    let h = u32::from_be_bytes(ct[5..9].try_into().unwrap()) as usize;
    let alg = match ct[10] {
        1 => &AES_256_GCM,
        2 => &CHACHA20_POLY1305,
        other => panic!("wrapping algorithm {other}"),
    };
    let id = uuid::Uuid::from_slice(&ct[11..27]).unwrap().to_string();
    let version = u32::from_be_bytes(ct[27..31].try_into().unwrap()) as i64;
    let key = doc["key"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"].as_str() == Some(id.as_str()))
        .expect("the key the header names");
    let material = key["version"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["version"].as_integer() == Some(version))
        .and_then(|v| v["material"].as_str())
        .expect("the version the header names");
    let material = STANDARD.decode(material).unwrap();
    let aead = LessSafeKey::new(UnboundKey::new(alg, &material).unwrap());
    let nonce = Nonce::try_assume_unique_for_key(&ct[h - 60..h - 48]).unwrap();
    let mut sealed = ct[h - 48..h].to_vec();
    let key = aead
        .open_in_place(nonce, Aad::from(&ct[..h - 60]), &mut sealed)
        .expect("the data key unwraps as FORMAT.md says");
    assert_eq!(key.len(), 32);
    key.to_vec()
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
fn no_file_or_output_of_lkms_holds_the_passphrase_key_material_data_keys_or_plaintext() {
    let env = Env::empty();
    let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
    let mut run = |env: &Env, c: &mut std::process::Command| {
        let args: Vec<String> = c
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let label = label(&args);
        let r = env.run_cmd(c);
        outputs.push((format!("{label} stdout"), r.stdout.clone()));
        outputs.push((format!("{label} stderr"), r.stderr.clone().into_bytes()));
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
    run(&env, &mut cmd(&["disable", "--yes", "chacha20-poly1305"])).ok();
    run(&env, &mut cmd(&["rotate", "chacha20-poly1305"])).code(4);
    run(&env, &mut cmd(&["alias", "add", "extra", "ed25519"])).ok();

    // Envelope encryption. The plaintext carries a marker that may appear only in the files
    // and outputs that are plaintext by design; each ciphertext's data key, unwrapped here
    // through the FORMAT.md layout, may appear nowhere.
    let marker = plaintext_with_marker();
    env.write("plain.txt", &marker);
    let ctx = ["--context", "app=secrets"];
    run(
        &env,
        &mut cmd(&[
            &["encrypt", "--key", "aes-256-gcm"][..],
            &ctx,
            &["plain.txt"],
        ]
        .concat()),
    )
    .ok();
    let mut from_stdin = cmd(&[&["encrypt", "--key", "aes-256-gcm"][..], &ctx].concat());
    from_stdin.stdin(std::fs::File::open(env.path("plain.txt")).unwrap());
    let piped = run(&env, &mut from_stdin).ok().stdout;
    env.write("piped.lkms", &piped);
    run(
        &env,
        &mut cmd(&[
            &["decrypt", "-o", "plain.out"][..],
            &ctx,
            &["plain.txt.lkms"],
        ]
        .concat()),
    )
    .ok();
    let to_stdout = run(
        &env,
        &mut cmd(&[&["decrypt", "-o", "-"][..], &ctx, &["piped.lkms"]].concat()),
    )
    .ok();
    assert!(to_stdout.stdout == marker);
    let doc = decrypt_keyring(&env.keyring(), PASS);
    let mut data_keys = vec![
        (
            "data key of plain.txt.lkms",
            unwrap_data_key(&read(&env.path("plain.txt.lkms")), &doc),
        ),
        ("data key of piped.lkms", unwrap_data_key(&piped, &doc)),
    ];
    // Rewrapped under another key: the same data key, a new header.
    run(
        &env,
        &mut cmd(&[
            &["re-encrypt", "--key", "doomed"][..],
            &ctx,
            &["plain.txt.lkms"],
        ]
        .concat()),
    )
    .ok();
    assert_eq!(
        unwrap_data_key(&read(&env.path("plain.txt.lkms")), &doc),
        data_keys[0].1
    );
    run(
        &env,
        &mut cmd(&["decrypt", "--context", "app=wrong", "-o", "x", "piped.lkms"]),
    )
    .code(5);
    run(
        &env,
        &mut cmd(&[
            "encrypt",
            "--key",
            "hmac-sha256",
            "-o",
            "mac.lkms",
            "plain.txt",
        ]),
    )
    .code(4);
    let generated = run(
        &env,
        &mut cmd(&[
            "generate-data-key",
            "aes-256-gcm",
            "--json",
            "--context",
            "use=gdk",
        ]),
    )
    .ok()
    .json();
    let generated_key = STANDARD
        .decode(generated["plaintext"].as_str().unwrap())
        .unwrap();
    let generated_ct = STANDARD
        .decode(generated["ciphertext"].as_str().unwrap())
        .unwrap();
    data_keys.push((
        "data key wrapping the generated key",
        unwrap_data_key(&generated_ct, &doc),
    ));
    env.write("gdk.lkms", &generated_ct);
    let opened = run(
        &env,
        &mut cmd(&["decrypt", "--context", "use=gdk", "-o", "-", "gdk.lkms"]),
    )
    .ok();
    assert_eq!(opened.stdout, generated_key);
    run(&env, &mut cmd(&["generate-data-key", "aes-256-gcm"])).ok();
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
        &mut cmd(&["schedule-delete", "--yes", "doomed", "--days", "7"]),
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

    // Secrets that belong in some outputs by design: the plaintext in the input, the
    // decrypted file and decrypt's standard output; a generated data key in the output of the
    // command that generated it and of the decrypt that opened its ciphertext.
    let gdk_label = label(&[
        "generate-data-key",
        "aes-256-gcm",
        "--json",
        "--context",
        "use=gdk",
    ]);
    let open_label = label(&["decrypt", "--context", "use=gdk", "-o", "-", "gdk.lkms"]);
    let mut placed: Vec<(String, Vec<u8>, Vec<String>)> = vec![
        (
            "the marked plaintext".into(),
            MARKER.as_bytes().to_vec(),
            vec![
                "plain.txt".into(),
                "plain.out".into(),
                label(&[
                    "decrypt",
                    "-o",
                    "-",
                    "--context",
                    "app=secrets",
                    "piped.lkms",
                ]),
            ],
        ),
        (
            "the generated data key".into(),
            generated_key.clone(),
            vec![gdk_label, open_label],
        ),
    ];
    for (what, key) in data_keys {
        placed.push((what.into(), key, vec![]));
    }
    // The search finds the marker where it is.
    assert!(find(&read(&env.path("plain.out")), MARKER.as_bytes()).is_some());
    assert!(
        outputs
            .iter()
            .any(|(l, b)| l.starts_with(&placed[1].2[0]) && find(b, &generated_key).is_some())
    );
    let allowed = |at: &str, whitelist: &[String]| {
        whitelist
            .iter()
            .any(|w| at == w || at.starts_with(&format!("{w} ")))
    };
    for file in &files_under(env.dir.path()) {
        let bytes = read(file);
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for (what, secret, whitelist) in &placed {
            if allowed(&name, whitelist) {
                continue;
            }
            if let Some(at) = find(&bytes, secret) {
                panic!("{what} found in {}: {at}", file.display());
            }
        }
    }
    for (l, bytes) in &outputs {
        for (what, secret, whitelist) in &placed {
            if allowed(l, whitelist) {
                continue;
            }
            if let Some(at) = find(bytes, secret) {
                panic!("{what} printed by {l}: {at}");
            }
        }
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
