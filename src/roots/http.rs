//! The small HTTPS client the network roots share: `ureq` on rustls with ring, bounded by a
//! connect timeout and a whole-call timeout, trusting the system roots plus an optional extra
//! CA file. Bodies come back in zeroizing buffers because a decrypt answer holds the identity.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};
use zeroize::Zeroizing;

use super::error::RootError;

/// Environment variables that override the default timeouts, in seconds (fractions allowed).
pub const CONNECT_TIMEOUT_ENV: &str = "LKMS_ROOT_CONNECT_TIMEOUT";
pub const TOTAL_TIMEOUT_ENV: &str = "LKMS_ROOT_TIMEOUT";

/// How long a call to an external root may take: never a hang.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timeouts {
    /// Establishing the TCP (and TLS) connection.
    pub connect: Duration,
    /// The whole call, from resolving the name to the last byte of the answer.
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(5),
            total: Duration::from_secs(30),
        }
    }
}

impl Timeouts {
    /// The defaults, overridden by `LKMS_ROOT_CONNECT_TIMEOUT` and `LKMS_ROOT_TIMEOUT`.
    pub fn from_env() -> Result<Timeouts, RootError> {
        let mut t = Timeouts::default();
        if let Some(d) = seconds_from_env(CONNECT_TIMEOUT_ENV)? {
            t.connect = d;
        }
        if let Some(d) = seconds_from_env(TOTAL_TIMEOUT_ENV)? {
            t.total = d;
        }
        Ok(t)
    }
}

fn seconds_from_env(name: &str) -> Result<Option<Duration>, RootError> {
    let Ok(text) = std::env::var(name) else {
        return Ok(None);
    };
    match text.trim().parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 3600.0 => Ok(Some(Duration::from_secs_f64(s))),
        _ => Err(RootError::Failure(format!(
            "{name} must be a number of seconds between 0 and 3600, not {:?}",
            super::error::clean(&text)
        ))),
    }
}

/// An answer: the status and the body (at most [`MAX_BODY`] bytes), whatever the status.
pub struct Response {
    pub status: u16,
    pub body: Zeroizing<Vec<u8>>,
}

/// No root answer is anywhere near this; a larger one is refused rather than buffered.
pub const MAX_BODY: u64 = 1 << 20;

/// One client per root call; `what` names the service in errors ("AWS KMS", "Vault").
pub struct Client {
    agent: ureq::Agent,
    what: &'static str,
}

impl Client {
    /// A client for `url`'s scheme. HTTPS trusts the system roots (as `SSL_CERT_FILE` and
    /// `SSL_CERT_DIR` direct) plus every certificate in `extra_ca`; redirects are not followed,
    /// so a credential header never travels to a host the user did not name.
    pub fn new(
        what: &'static str,
        timeouts: Timeouts,
        extra_ca: Option<&Path>,
    ) -> Result<Client, RootError> {
        let mut roots: Vec<Certificate<'static>> = Vec::new();
        for der in rustls_native_certs::load_native_certs().certs {
            roots.push(Certificate::from_der(der.as_ref()).to_owned());
        }
        if let Some(path) = extra_ca {
            let pem = std::fs::read(path).map_err(|e| {
                RootError::Failure(format!(
                    "cannot read the CA file {}: {}",
                    path.display(),
                    crate::error::plain_io(&e)
                ))
            })?;
            let before = roots.len();
            for item in ureq::tls::parse_pem(&pem) {
                if let Ok(PemItem::Certificate(cert)) = item {
                    roots.push(cert);
                }
            }
            if roots.len() == before {
                return Err(RootError::Failure(format!(
                    "the CA file {} holds no PEM certificate",
                    path.display()
                )));
            }
        }
        let tls = TlsConfig::builder()
            .root_certs(RootCerts::Specific(Arc::new(roots)))
            .build();
        let agent = ureq::Agent::config_builder()
            .timeout_connect(Some(timeouts.connect))
            .timeout_global(Some(timeouts.total))
            .http_status_as_error(false)
            .max_redirects(0)
            .tls_config(tls)
            .user_agent(concat!("lkms/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Ok(Client { agent, what })
    }

    /// POST `body` to `url` with `headers`; any status is an answer, no answer is `Unreachable`.
    pub fn post(
        &self,
        url: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Response, RootError> {
        let mut req = self.agent.post(url);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        let unreachable = |e: ureq::Error| RootError::Unreachable {
            what: self.what,
            url: url.to_string(),
            detail: describe(&e),
        };
        let mut resp = req.send(body).map_err(unreachable)?;
        let status = resp.status().as_u16();
        let body = resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(unreachable)?;
        Ok(Response {
            status,
            body: Zeroizing::new(body),
        })
    }
}

/// ureq's error in words a user can act on (its own text for the rest; it holds no headers).
fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(t) => format!("no answer in time ({t})"),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::ConnectionFailed => "connection failed".to_string(),
        ureq::Error::Io(io) => crate::error::plain_io(io),
        other => super::error::clean(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    #[test]
    fn a_closed_port_is_unreachable_and_named() {
        // Bind then drop: the port is free and nothing listens on it.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let url = format!("http://127.0.0.1:{port}/");
        let client = Client::new("Test", Timeouts::default(), None).unwrap();
        match client.post(&url, &[], b"{}") {
            Err(RootError::Unreachable { url: u, what, .. }) => {
                assert_eq!(u, url);
                assert_eq!(what, "Test");
            }
            other => panic!("expected Unreachable, got {:?}", other.err()),
        }
    }

    #[test]
    fn a_server_that_never_answers_times_out() {
        // Accepts the connection (the kernel does, from the backlog) but never replies.
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let t = Timeouts {
            connect: Duration::from_millis(500),
            total: Duration::from_millis(300),
        };
        let client = Client::new("Test", t, None).unwrap();
        let err = client.post(&url, &[], b"{}").err().expect("must fail");
        assert!(matches!(err, RootError::Unreachable { .. }), "{err}");
        assert!(err.to_string().contains("no answer in time"), "{err}");
        drop(listener);
    }

    #[test]
    fn a_ca_file_without_certificates_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, "not a certificate\n").unwrap();
        let err = Client::new("Test", Timeouts::default(), Some(&path))
            .err()
            .expect("must fail");
        assert!(
            err.to_string().contains("holds no PEM certificate"),
            "{err}"
        );
    }
}
