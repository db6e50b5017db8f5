//! docs/DESIGN.md promises that `public-key` prints PEM that OpenSSL accepts and that signatures
//! are raw bytes `openssl` verifies. These tests hold the library to that against the real
//! `openssl` binary (CI installs it), in both directions.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use lkms::crypto::material::KeySpec;
use lkms::crypto::pem;
use lkms::crypto::secret::SecretBytes;
use lkms::crypto::signing;
use lkms::io::message_source;

const SIGNING: [KeySpec; 2] = [KeySpec::Ed25519, KeySpec::EcdsaP256];

fn openssl(dir: &Path, args: &[&str]) -> Output {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("could not run `openssl`: install it (Debian package openssl) to run these tests")
}

fn assert_ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed ({}):\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The openssl command that verifies `sig` over `msg` with `pub.pem`, as docs/DESIGN.md documents it.
fn verify_args<'a>(spec: KeySpec, msg: &'a str, sig: &'a str) -> Vec<&'a str> {
    match spec {
        KeySpec::Ed25519 => vec![
            "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", msg, "-sigfile",
            sig,
        ],
        KeySpec::EcdsaP256 => vec![
            "dgst",
            "-sha256",
            "-verify",
            "pub.pem",
            "-signature",
            sig,
            msg,
        ],
        other => panic!("{other} does not sign"),
    }
}

/// Write the key's public PEM to `dir/pub.pem` and return the raw public key.
fn write_public_pem(dir: &Path, spec: KeySpec, key: &SecretBytes) -> Vec<u8> {
    let raw = signing::public_key(spec, key).unwrap();
    fs::write(dir.join("pub.pem"), pem::spki_pem(spec, &raw).unwrap()).unwrap();
    raw
}

/// The key pair as PKCS#8 that OpenSSL 3.0 reads. ring writes Ed25519 keys as PKCS#8 v2
/// (RFC 5958 OneAsymmetricKey with the public key attached), which OpenSSL 3.0 refuses
/// ("unsupported"); the v1 form, the same seed without the public key, it reads. P-256 PKCS#8
/// from ring is v1 already.
fn openssl_readable_pkcs8(spec: KeySpec, key: &SecretBytes) -> Vec<u8> {
    let doc = key.expose();
    match spec {
        KeySpec::Ed25519 => {
            // ring's fixed v2 layout: 16 header bytes, the 32-byte seed, then [1] public key.
            const V2_HEADER: &str = "3051020101300506032b657004220420";
            const V1_HEADER: &str = "302e020100300506032b657004220420";
            assert_eq!(
                hex(&doc[..16]),
                V2_HEADER,
                "ring changed its Ed25519 PKCS#8 layout"
            );
            assert_eq!(doc.len(), 83);
            let mut v1 = unhex(V1_HEADER);
            v1.extend_from_slice(&doc[16..48]);
            v1
        }
        _ => doc.to_vec(),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn openssl_accepts_the_public_key_pem_and_reads_the_same_key() {
    for spec in SIGNING {
        let dir = tempfile::tempdir().unwrap();
        let key = spec.generate().unwrap();
        let raw = write_public_pem(dir.path(), spec, &key);

        let out = openssl(dir.path(), &["pkey", "-pubin", "-in", "pub.pem", "-noout"]);
        assert_ok(&out, &format!("openssl pkey on the {spec} PEM"));

        // OpenSSL re-encodes the key it parsed: the DER must be byte for byte ours, so the
        // fixed prefixes are exactly what OpenSSL itself would write.
        let out = openssl(
            dir.path(),
            &["pkey", "-pubin", "-in", "pub.pem", "-outform", "DER"],
        );
        assert_ok(
            &out,
            &format!("openssl pkey -outform DER on the {spec} PEM"),
        );
        assert_eq!(out.stdout, pem::spki_der(spec, &raw).unwrap(), "{spec}");
    }
}

#[test]
fn openssl_verifies_lkms_signatures_and_refuses_a_changed_message() {
    for spec in SIGNING {
        // Empty, small, and larger than a page so the mapped path and read-ahead are exercised.
        // OpenSSL 3.0's one-shot Ed25519 (`pkeyutl -rawin`, `dgst`) cannot read an empty input
        // ("Could not allocate 0 bytes"), so the empty Ed25519 case is pinned by RFC 8032's
        // empty-message vector in the unit tests instead.
        let lens: &[usize] = match spec {
            KeySpec::Ed25519 => &[13, 1 << 20],
            _ => &[0, 13, 1 << 20],
        };
        for &len in lens {
            let dir = tempfile::tempdir().unwrap();
            let key = spec.generate().unwrap();
            write_public_pem(dir.path(), spec, &key);

            let msg_path = dir.path().join("msg");
            let data: Vec<u8> = (0..len).map(|i| (i * 31 % 256) as u8).collect();
            fs::write(&msg_path, &data).unwrap();
            let message = message_source::load(Some(&msg_path)).unwrap();
            let sig = signing::sign(spec, &key, &message).unwrap();
            drop(message);
            fs::write(dir.path().join("sig"), &sig).unwrap();

            let out = openssl(dir.path(), &verify_args(spec, "msg", "sig"));
            assert_ok(
                &out,
                &format!("openssl verify of a {spec} signature, {len} bytes"),
            );

            let mut changed = data.clone();
            match changed.first_mut() {
                Some(b) => *b ^= 0x01,
                None => changed.push(0),
            }
            fs::write(dir.path().join("changed"), &changed).unwrap();
            let out = openssl(dir.path(), &verify_args(spec, "changed", "sig"));
            assert!(
                !out.status.success(),
                "openssl accepted a {spec} signature over a changed message ({len} bytes)"
            );
        }
    }
}

#[test]
fn lkms_verifies_signatures_openssl_makes_with_the_same_key() {
    for spec in SIGNING {
        let dir = tempfile::tempdir().unwrap();
        let key = spec.generate().unwrap();
        fs::write(
            dir.path().join("key.pem"),
            pem::pem_encode("PRIVATE KEY", &openssl_readable_pkcs8(spec, &key)),
        )
        .unwrap();
        fs::write(
            dir.path().join("msg"),
            b"signed by openssl, checked by lkms",
        )
        .unwrap();
        let args: Vec<&str> = match spec {
            KeySpec::Ed25519 => vec![
                "pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-in", "msg", "-out", "sig",
            ],
            _ => vec!["dgst", "-sha256", "-sign", "key.pem", "-out", "sig", "msg"],
        };
        assert_ok(
            &openssl(dir.path(), &args),
            &format!("openssl signing with a {spec} key from lkms"),
        );
        let sig = fs::read(dir.path().join("sig")).unwrap();
        signing::verify(spec, &key, b"signed by openssl, checked by lkms", &sig).unwrap();
        assert!(signing::verify(spec, &key, b"something else", &sig).is_err());
    }
}
