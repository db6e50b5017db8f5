//! The external roots against real servers: moto for AWS KMS and OpenBao for Transit, each
//! started here on 127.0.0.1 (tests/support/servers.rs). PKCS#11 is in tests/roots_pkcs11.rs,
//! alone in its process because SoftHSM reads its configuration from the environment.

#[path = "support/servers.rs"]
mod servers;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::time::Duration;

use lkms::roots::aws_kms::{AwsKms, AwsKmsConfig};
use lkms::roots::env::MapEnv;
use lkms::roots::transit::{Transit, TransitConfig};
use lkms::roots::{RootError, Timeouts};
use ring::rand::{SecureRandom, SystemRandom};
use servers::{Bao, Moto};

const KEYRING: &str = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";
const OTHER_KEYRING: &str = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

fn random32() -> Vec<u8> {
    let mut b = vec![0u8; 32];
    SystemRandom::new().fill(&mut b).unwrap();
    b
}

fn env_of(pairs: Vec<(&'static str, String)>) -> MapEnv {
    MapEnv(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn short() -> Timeouts {
    Timeouts {
        connect: Duration::from_secs(2),
        total: Duration::from_secs(5),
    }
}

/// The exit code DESIGN.md gives each class (src/error.rs maps them the same way).
fn code(e: &RootError) -> i32 {
    match e {
        RootError::Unreachable { .. } | RootError::Failure(_) => 1,
        RootError::Denied(_) => 3,
        RootError::KeyUnavailable(_) => 4,
        RootError::Mismatch(_) => 5,
    }
}

/// A one-shot HTTP server on 127.0.0.1 that answers the first request with `status` and
/// `body`: the errors moto cannot produce (it checks neither signatures nor key states).
fn stub(status: u16, body: &'static str) -> (String, std::thread::JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut req = Vec::new();
        let mut buf = [0u8; 4096];
        // Read the head and the body its Content-Length announces.
        loop {
            let n = s.read(&mut buf).unwrap_or(0);
            if n == 0 {
                break;
            }
            req.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&req).to_string();
            if let Some(head_end) = text.find("\r\n\r\n") {
                let len = text[..head_end]
                    .lines()
                    .find_map(|l| {
                        l.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap())
                    })
                    .unwrap_or(0);
                if req.len() >= head_end + 4 + len {
                    break;
                }
            }
        }
        let resp = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = s.write_all(resp.as_bytes());
        req
    });
    (url, handle)
}

fn kms(moto: &Moto, key_id: &str) -> AwsKms {
    let config = AwsKmsConfig {
        key_id: key_id.to_string(),
        region: None,
        endpoint_url: None,
    };
    AwsKms::connect(&config, &env_of(moto.env()), short()).unwrap()
}

#[test]
fn aws_kms_wraps_and_unwraps_under_the_keyring_context() {
    let moto = Moto::start();
    let key = moto.create_key();
    let (s, v) = moto.kms(
        "CreateAlias",
        serde_json::json!({"AliasName": "alias/lkms-ci", "TargetKeyId": key}),
    );
    assert_eq!(s, 200, "{v}");
    let identity = random32();
    for key_id in [key.as_str(), "alias/lkms-ci"] {
        let root = kms(&moto, key_id);
        let (blob, arn) = root.wrap(KEYRING, &identity).unwrap();
        assert!(arn.ends_with(&key), "{arn}");
        assert!(!blob.windows(32).any(|w| w == identity.as_slice()));
        let back = root.unwrap(KEYRING, &blob).unwrap();
        assert_eq!(back.as_slice(), identity.as_slice());
    }
    // The blob decrypts through KMS only with the same context: check it independently.
    let root = kms(&moto, &key);
    let (blob, _) = root.wrap(KEYRING, &identity).unwrap();
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD;
    let (s, v) = moto.kms(
        "Decrypt",
        serde_json::json!({"CiphertextBlob": b64.encode(&blob), "EncryptionContext": {"lkms:keyring": KEYRING}}),
    );
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        b64.decode(v["Plaintext"].as_str().unwrap()).unwrap(),
        identity
    );
    let (s, _) = moto.kms(
        "Decrypt",
        serde_json::json!({"CiphertextBlob": b64.encode(&blob)}),
    );
    assert_ne!(s, 200, "a decrypt without the context must fail");
}

#[test]
fn aws_kms_refuses_another_keyring_and_a_damaged_blob() {
    let moto = Moto::start();
    let key = moto.create_key();
    let root = kms(&moto, &key);
    let (mut blob, _) = root.wrap(KEYRING, &random32()).unwrap();
    let err = root.unwrap(OTHER_KEYRING, &blob).unwrap_err();
    assert_eq!(code(&err), 5, "{err}");
    assert!(err.to_string().contains(&key), "{err}");
    let last = blob.len() - 1;
    blob[last] ^= 1;
    let err = root.unwrap(KEYRING, &blob).unwrap_err();
    assert_eq!(code(&err), 5, "{err}");
}

#[test]
fn aws_kms_disabled_or_doomed_key_is_refused_before_wrapping() {
    let moto = Moto::start();
    let key = moto.create_key();
    let root = kms(&moto, &key);
    let (s, v) = moto.kms("DisableKey", serde_json::json!({"KeyId": key}));
    assert_eq!(s, 200, "{v}");
    let err = root.wrap(KEYRING, &random32()).unwrap_err();
    assert_eq!(code(&err), 4, "{err}");
    assert!(
        err.to_string().contains("Disabled") && err.to_string().contains("enable-key"),
        "{err}"
    );

    let doomed = moto.create_key();
    let (s, v) = moto.kms(
        "ScheduleKeyDeletion",
        serde_json::json!({"KeyId": doomed, "PendingWindowInDays": 7}),
    );
    assert_eq!(s, 200, "{v}");
    let err = kms(&moto, &doomed).wrap(KEYRING, &random32()).unwrap_err();
    assert_eq!(code(&err), 4, "{err}");
    assert!(err.to_string().contains("PendingDeletion"), "{err}");
}

/// Unwrapping never calls DescribeKey (a decrypt-only role may not): AWS refuses Decrypt under
/// a disabled key itself, with the error this stub gives, and lkms maps it to exit 4.
#[test]
fn aws_kms_decrypt_errors_map_to_their_exit_codes() {
    for (status, body, want) in [
        (
            400,
            r#"{"__type":"DisabledException","message":"arn:aws:kms:us-east-1:1:key/k is disabled."}"#,
            4,
        ),
        (
            400,
            r#"{"__type":"KMSInvalidStateException","message":"pending deletion"}"#,
            4,
        ),
        (
            400,
            r#"{"__type":"com.amazonaws.kms#InvalidCiphertextException"}"#,
            5,
        ),
        (
            400,
            r#"{"__type":"AccessDeniedException","message":"not authorized to perform kms:Decrypt"}"#,
            3,
        ),
        (
            400,
            r#"{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}"#,
            3,
        ),
        (500, r#"{"__type":"KMSInternalException"}"#, 1),
    ] {
        let (url, handle) = stub(status, body);
        let config = AwsKmsConfig {
            key_id: "alias/lkms".into(),
            region: Some("us-east-1".into()),
            endpoint_url: Some(url.clone()),
        };
        let env = MapEnv::new([
            ("HOME", "/nonexistent"),
            ("AWS_ACCESS_KEY_ID", "AKIDSTUB"),
            ("AWS_SECRET_ACCESS_KEY", "stub-secret-key"),
            ("AWS_SESSION_TOKEN", "stub-session-token"),
        ]);
        let root = AwsKms::connect(&config, &env, short()).unwrap();
        let err = root.unwrap(KEYRING, b"blob").unwrap_err();
        assert_eq!(code(&err), want, "{body}: {err}");
        let msg = err.to_string();
        assert!(
            !msg.contains("stub-secret-key") && !msg.contains("stub-session-token"),
            "{msg}"
        );
        let req = String::from_utf8(handle.join().unwrap()).unwrap();
        assert!(req.contains("x-amz-target: TrentService.Decrypt"), "{req}");
        assert!(
            req.contains("authorization: AWS4-HMAC-SHA256 Credential=AKIDSTUB/"),
            "{req}"
        );
        assert!(
            req.contains("x-amz-security-token: stub-session-token"),
            "{req}"
        );
        assert!(req.contains(r#""lkms:keyring":"9b1deb4d"#), "{req}");
        assert!(
            !req.contains("stub-secret-key"),
            "the secret key itself is never sent"
        );
    }
}

#[test]
fn aws_kms_stopped_server_is_unreachable_naming_the_url() {
    let mut moto = Moto::start();
    let key = moto.create_key();
    let root = kms(&moto, &key);
    let (blob, _) = root.wrap(KEYRING, &random32()).unwrap();
    let url = moto.server.url.clone();
    moto.server.stop();
    let err = root.unwrap(KEYRING, &blob).unwrap_err();
    assert!(matches!(err, RootError::Unreachable { .. }), "{err}");
    assert_eq!(code(&err), 1);
    assert!(err.to_string().contains(&url), "{err}");
}

#[test]
fn aws_kms_without_credentials_is_denied() {
    let config = AwsKmsConfig {
        key_id: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
            .into(),
        region: None,
        endpoint_url: Some("http://127.0.0.1:9".into()),
    };
    let err = AwsKms::connect(&config, &MapEnv::new([("HOME", "/nonexistent")]), short())
        .err()
        .expect("no credentials");
    assert_eq!(code(&err), 3, "{err}");
}

fn transit(bao: &Bao, key: &str, token: &str) -> Transit {
    let config = TransitConfig {
        address: Some(bao.server.url.clone()),
        mount: "transit".into(),
        key: key.into(),
    };
    Transit::connect(&config, &env_of(bao.env(token)), short()).unwrap()
}

#[test]
fn transit_wraps_and_unwraps_with_plain_and_derived_keys() {
    let bao = Bao::start();
    bao.create_key("plain", false);
    bao.create_key("derived", true);
    for key in ["plain", "derived"] {
        let token = bao.limited_token(key);
        let root = transit(&bao, key, &token);
        let identity = random32();
        let blob = root.wrap(KEYRING, &identity).unwrap();
        assert!(
            blob.starts_with(b"vault:v1:"),
            "{}",
            String::from_utf8_lossy(&blob)
        );
        assert_eq!(
            root.unwrap(KEYRING, &blob).unwrap().as_slice(),
            identity.as_slice()
        );
        let err = root.unwrap(OTHER_KEYRING, &blob).unwrap_err();
        assert_eq!(code(&err), 5, "{key}: {err}");
        let err = root
            .unwrap(
                KEYRING,
                b"vault:v1:bm90IGEgY2lwaGVydGV4dCBhdCBhbGwgcmVhbGx5",
            )
            .unwrap_err();
        assert_eq!(code(&err), 5, "{key}: {err}");
        assert!(!err.to_string().contains(&token), "{err}");
    }
}

#[test]
fn transit_token_from_the_token_file_and_namespace_header() {
    let bao = Bao::start();
    bao.create_key("k", false);
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join(".vault-token"), format!("{}\n", bao.token)).unwrap();
    let config = TransitConfig {
        address: None,
        mount: "transit".into(),
        key: "k".into(),
    };
    let h = home.path().display().to_string();
    let env = MapEnv::new([("HOME", h.as_str()), ("BAO_ADDR", bao.server.url.as_str())]);
    let root = Transit::connect(&config, &env, short()).unwrap();
    let identity = random32();
    let blob = root.wrap(KEYRING, &identity).unwrap();
    assert_eq!(
        root.unwrap(KEYRING, &blob).unwrap().as_slice(),
        identity.as_slice()
    );
    // A namespace that does not exist: the header is sent, and the server refuses.
    let env = MapEnv::new([
        ("HOME", h.as_str()),
        ("BAO_ADDR", bao.server.url.as_str()),
        ("VAULT_NAMESPACE", "no-such-team"),
    ]);
    let err = Transit::connect(&config, &env, short())
        .unwrap()
        .unwrap(KEYRING, &blob)
        .unwrap_err();
    assert_ne!(code(&err), 0);
    assert!(err.to_string().contains("transit/keys/k"), "{err}");
}

#[test]
fn transit_deleted_key_soft_deleted_key_and_revoked_token() {
    let bao = Bao::start();
    bao.create_key("soft", false);
    bao.create_key("gone", false);
    let root = transit(&bao, "soft", &bao.token);
    let blob = root.wrap(KEYRING, &random32()).unwrap();
    let (s, v) = bao.api("DELETE", "transit/keys/soft/soft-delete", None, None);
    assert!(s == 200 || s == 204, "{s} {v}");
    let err = root.unwrap(KEYRING, &blob).unwrap_err();
    assert_eq!(code(&err), 4, "{err}");

    let root = transit(&bao, "gone", &bao.token);
    let blob = root.wrap(KEYRING, &random32()).unwrap();
    let (s, v) = bao.api(
        "POST",
        "transit/keys/gone/config",
        Some(serde_json::json!({"deletion_allowed": true})),
        None,
    );
    assert!(s == 200 || s == 204, "{s} {v}");
    let (s, v) = bao.api("DELETE", "transit/keys/gone", None, None);
    assert!(s == 200 || s == 204, "{s} {v}");
    let err = root.unwrap(KEYRING, &blob).unwrap_err();
    assert_eq!(code(&err), 4, "{err}");

    bao.create_key("ci", false);
    let token = bao.limited_token("ci");
    let root = transit(&bao, "ci", &token);
    let blob = root.wrap(KEYRING, &random32()).unwrap();
    let (s, v) = bao.api(
        "POST",
        "auth/token/revoke",
        Some(serde_json::json!({"token": token})),
        None,
    );
    assert!(s == 200 || s == 204, "{s} {v}");
    let err = root.unwrap(KEYRING, &blob).unwrap_err();
    assert_eq!(code(&err), 3, "{err}");
    assert!(err.to_string().contains("VAULT_TOKEN"), "{err}");
    assert!(!err.to_string().contains(&token), "{err}");
}

#[test]
fn transit_over_tls_trusts_vault_cacert_and_only_then() {
    let bao = Bao::start_tls();
    bao.create_key("k", false);
    let ca = bao.ca.clone().unwrap().display().to_string();
    let config = TransitConfig {
        address: Some(bao.server.url.clone()),
        mount: "transit".into(),
        key: "k".into(),
    };
    let mut env = bao.env(&bao.token);
    env.push(("VAULT_CACERT", ca));
    let root = Transit::connect(&config, &env_of(env), short()).unwrap();
    let identity = random32();
    let blob = root.wrap(KEYRING, &identity).unwrap();
    assert_eq!(
        root.unwrap(KEYRING, &blob).unwrap().as_slice(),
        identity.as_slice()
    );
    // Without the CA, the dev server's certificate is not trusted: refused, naming the URL.
    let root = Transit::connect(&config, &env_of(bao.env(&bao.token)), short()).unwrap();
    let err = root.unwrap(KEYRING, &blob).unwrap_err();
    assert!(matches!(err, RootError::Unreachable { .. }), "{err}");
    assert!(err.to_string().contains(&bao.server.url), "{err}");
}

/// The configuration as a roots file records it, read back, reaches the same key.
#[test]
fn external_roots_work_from_their_recorded_parameters() {
    use lkms::roots::{CallContext, ExternalRoot};
    let bao = Bao::start();
    bao.create_key("k", true);
    let moto = Moto::start();
    let key = moto.create_key();
    let roots = [
        ExternalRoot::Transit(TransitConfig {
            address: Some(bao.server.url.clone()),
            mount: "transit".into(),
            key: "k".into(),
        }),
        ExternalRoot::AwsKms(AwsKmsConfig {
            key_id: key.clone(),
            region: Some("us-east-1".into()),
            endpoint_url: Some(moto.server.url.clone()),
        }),
    ];
    let mut env = bao.env(&bao.token);
    env.extend(
        moto.env()
            .into_iter()
            .filter(|(k, _)| k.starts_with("AWS_ACCESS") || k.starts_with("AWS_SECRET")),
    );
    let env = env_of(env);
    let ctx = CallContext {
        env: &env,
        timeouts: short(),
        pin: None,
    };
    for root in roots {
        let text = toml::to_string(&root.params()).unwrap();
        let again = ExternalRoot::from_params(root.kind(), &toml::from_str(&text).unwrap())
            .unwrap()
            .unwrap();
        let identity = random32();
        let wrapped = root.wrap(&identity, KEYRING, &ctx).unwrap();
        assert_eq!(
            again.unwrap(&wrapped, KEYRING, &ctx).unwrap().as_slice(),
            identity.as_slice()
        );
        let err = again.unwrap(&wrapped, OTHER_KEYRING, &ctx).unwrap_err();
        assert_eq!(code(&err), 5, "{}: {err}", root.kind());
    }
}

#[test]
fn transit_stopped_server_is_unreachable_naming_the_url() {
    let mut bao = Bao::start();
    bao.create_key("k", false);
    let root = transit(&bao, "k", &bao.token);
    let blob = root.wrap(KEYRING, &random32()).unwrap();
    let url = bao.server.url.clone();
    bao.server.stop();
    let err = root.unwrap(KEYRING, &blob).unwrap_err();
    assert!(matches!(err, RootError::Unreachable { .. }), "{err}");
    assert!(err.to_string().contains(&url), "{err}");
}
