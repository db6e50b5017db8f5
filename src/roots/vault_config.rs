//! Address, token, namespace and CA for Vault or OpenBao, found as their CLIs find them.

use std::path::PathBuf;

use secrecy::SecretString;
use zeroize::Zeroizing;

use super::env::Env;
use super::error::RootError;

/// Where and as whom to call Vault. The token never appears in `Debug`.
pub struct VaultSettings {
    pub address: String,
    pub token: SecretString,
    /// Where the token came from, for messages: "VAULT_TOKEN", "~/.vault-token", ...
    pub token_source: String,
    pub namespace: Option<String>,
    pub ca_cert: Option<PathBuf>,
}

impl std::fmt::Debug for VaultSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VaultSettings")
            .field("address", &self.address)
            .field("token", &"<redacted>")
            .field("token_source", &self.token_source)
            .field("namespace", &self.namespace)
            .field("ca_cert", &self.ca_cert)
            .finish()
    }
}

impl VaultSettings {
    /// `explicit` (`--address`, or the address a root recorded), else `VAULT_ADDR`, else
    /// `BAO_ADDR`; the token from `VAULT_TOKEN`, `BAO_TOKEN`, else `~/.vault-token` (what
    /// `vault login` and `bao login` write); `VAULT_NAMESPACE`/`BAO_NAMESPACE`;
    /// `VAULT_CACERT`/`BAO_CACERT` as an extra trusted CA.
    pub fn resolve(explicit: Option<&str>, env: &dyn Env) -> Result<VaultSettings, RootError> {
        let address = explicit
            .map(str::to_string)
            .or_else(|| env.first(&["VAULT_ADDR", "BAO_ADDR"]))
            .ok_or_else(|| {
                RootError::Failure(
                    "no Vault address: pass --address or set VAULT_ADDR (or BAO_ADDR)".into(),
                )
            })?;
        let address = address.trim_end_matches('/').to_string();
        super::aws_kms::check_url(&address)?;
        let (token, token_source) =
            if let Some(t) = env.var("VAULT_TOKEN").filter(|t| !t.is_empty()) {
                (SecretString::from(t), "VAULT_TOKEN".to_string())
            } else if let Some(t) = env.var("BAO_TOKEN").filter(|t| !t.is_empty()) {
                (SecretString::from(t), "BAO_TOKEN".to_string())
            } else {
                token_file(env)?
            };
        Ok(VaultSettings {
            address,
            token,
            token_source,
            namespace: env.first(&["VAULT_NAMESPACE", "BAO_NAMESPACE"]),
            ca_cert: env
                .first(&["VAULT_CACERT", "BAO_CACERT"])
                .map(PathBuf::from),
        })
    }
}

fn token_file(env: &dyn Env) -> Result<(SecretString, String), RootError> {
    let missing = || {
        RootError::Denied(
            "no Vault token: set VAULT_TOKEN (or BAO_TOKEN), or log in with `vault login` or \
             `bao login`, which write ~/.vault-token"
                .into(),
        )
    };
    let path = env.home().ok_or_else(missing)?.join(".vault-token");
    match std::fs::read(&path) {
        Ok(bytes) => {
            let bytes = Zeroizing::new(bytes);
            let text = std::str::from_utf8(&bytes).map_err(|_| missing())?.trim();
            if text.is_empty() {
                return Err(missing());
            }
            Ok((SecretString::from(text), path.display().to_string()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(missing()),
        Err(e) => Err(RootError::Failure(format!(
            "cannot read the Vault token file {}: {}",
            path.display(),
            crate::error::plain_io(&e)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roots::env::MapEnv;
    use secrecy::ExposeSecret;

    #[test]
    fn explicit_address_wins_then_vault_then_bao() {
        let env = MapEnv::new([
            ("VAULT_ADDR", "http://127.0.0.1:1"),
            ("BAO_ADDR", "http://127.0.0.1:2"),
            ("BAO_TOKEN", "b"),
        ]);
        let s = VaultSettings::resolve(Some("https://127.0.0.1:3/"), &env).unwrap();
        assert_eq!(s.address, "https://127.0.0.1:3");
        assert_eq!(s.token.expose_secret(), "b");
        assert_eq!(s.token_source, "BAO_TOKEN");
        let s = VaultSettings::resolve(None, &env).unwrap();
        assert_eq!(s.address, "http://127.0.0.1:1");
        let env = MapEnv::new([
            ("BAO_ADDR", "http://127.0.0.1:2"),
            ("VAULT_TOKEN", "v"),
            ("BAO_TOKEN", "b"),
        ]);
        let s = VaultSettings::resolve(None, &env).unwrap();
        assert_eq!(s.address, "http://127.0.0.1:2");
        assert_eq!(s.token.expose_secret(), "v");
        assert!(!format!("{s:?}").contains("\"v\""));
    }

    #[test]
    fn the_token_file_is_read_and_never_shown() {
        let home = tempfile::tempdir().unwrap();
        std::fs::write(home.path().join(".vault-token"), "s.filetoken\n").unwrap();
        let h = home.path().display().to_string();
        let env = MapEnv::new([
            ("HOME", &h),
            ("VAULT_ADDR", "http://127.0.0.1:1"),
            ("VAULT_NAMESPACE", "team/a"),
            ("VAULT_CACERT", "/etc/ca.pem"),
        ]);
        let s = VaultSettings::resolve(None, &env).unwrap();
        assert_eq!(s.token.expose_secret(), "s.filetoken");
        assert!(s.token_source.ends_with(".vault-token"));
        assert_eq!(s.namespace.as_deref(), Some("team/a"));
        assert_eq!(s.ca_cert, Some(PathBuf::from("/etc/ca.pem")));
        assert!(!format!("{s:?}").contains("filetoken"));
    }

    #[test]
    fn missing_address_or_token_says_what_to_set() {
        let env = MapEnv::new([("HOME", "/nonexistent")]);
        let err = VaultSettings::resolve(None, &env).unwrap_err();
        assert!(err.to_string().contains("VAULT_ADDR"), "{err}");
        let err = VaultSettings::resolve(Some("http://127.0.0.1:1"), &env).unwrap_err();
        assert!(matches!(err, RootError::Denied(_)));
        assert!(err.to_string().contains("VAULT_TOKEN"), "{err}");
    }
}
