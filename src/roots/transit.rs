//! The Vault / OpenBao Transit root: the identity is encrypted by the Transit engine and the
//! keyring id is bound to it twice over, so either kind of key refuses another keyring:
//!
//! - as `associated_data` (AEAD additional data; OpenBao 2.x and Vault accept it for
//!   `aes256-gcm96`, `aes128-gcm96` and `chacha20-poly1305` keys), and
//! - as `context`, which only a key created with `derived=true` uses (the key itself is then
//!   derived per keyring); a non-derived key ignores it.
//!
//! A server that ignored both would bind nothing, so [`Transit::wrap`] proves the binding:
//! after encrypting it decrypts once with the right keyring id (must succeed) and once with
//! another (must fail), and refuses the key otherwise.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secrecy::ExposeSecret;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use super::env::Env;
use super::error::{RootError, clean};
use super::http::{Client, Response, Timeouts};
use super::vault_config::VaultSettings;

/// What a keyring records about a Transit root.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TransitConfig {
    /// The server, e.g. `https://vault.example.com:8200`; when absent, `VAULT_ADDR`/`BAO_ADDR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Where the Transit engine is mounted (default `transit`).
    pub mount: String,
    /// The Transit key's name.
    pub key: String,
}

pub const DEFAULT_MOUNT: &str = "transit";

/// A connection to one Transit key, with address and token resolved.
pub struct Transit {
    settings: VaultSettings,
    mount: String,
    key: String,
    client: Client,
}

impl Transit {
    pub fn connect(
        config: &TransitConfig,
        env: &dyn Env,
        timeouts: Timeouts,
    ) -> Result<Transit, RootError> {
        check_name("mount", &config.mount, true)?;
        check_name("key", &config.key, false)?;
        let settings = VaultSettings::resolve(config.address.as_deref(), env)?;
        let client = Client::new("Vault", timeouts, settings.ca_cert.as_deref())?;
        Ok(Transit {
            settings,
            mount: config.mount.trim_matches('/').to_string(),
            key: config.key.clone(),
            client,
        })
    }

    /// The address calls go to.
    pub fn address(&self) -> &str {
        &self.settings.address
    }

    /// `MOUNT/keys/KEY`, how messages and the audit log name the external key.
    pub fn key_ref(&self) -> String {
        format!("{}/keys/{}", self.mount, self.key)
    }

    /// Encrypt `identity` for `keyring_id`; returns the `vault:vN:...` ciphertext as bytes.
    /// The binding is proved before returning (see the module comment).
    pub fn wrap(&self, keyring_id: &str, identity: &[u8]) -> Result<Vec<u8>, RootError> {
        let plaintext = Zeroizing::new(B64.encode(identity));
        let bound = B64.encode(keyring_id);
        // Written by hand so that the only copies of the plaintext are zeroizing buffers
        // (a serde_json::Value would keep one of its own); base64 needs no JSON escaping.
        let body = Zeroizing::new(format!(
            r#"{{"plaintext":"{}","associated_data":"{bound}","context":"{bound}"}}"#,
            plaintext.as_str()
        ));
        let resp = self.call("encrypt", body.as_bytes())?;
        #[derive(serde::Deserialize)]
        struct Encrypted {
            ciphertext: String,
        }
        let data: Encrypted = self.data(&resp, "encrypt with")?;
        let ciphertext = data.ciphertext.into_bytes();
        let back = self.unwrap(keyring_id, &ciphertext)?;
        if !bool::from(back.as_slice().ct_eq(identity)) {
            return Err(RootError::Failure(format!(
                "Vault at {} decrypted {} to something else than it encrypted; refusing it",
                self.settings.address,
                self.key_ref()
            )));
        }
        let probe = format!("{keyring_id}\u{0}lkms-binding-probe");
        match self.unwrap(&probe, &ciphertext) {
            Err(RootError::Mismatch(_)) => Ok(ciphertext),
            Err(other) => Err(other),
            Ok(_) => Err(RootError::Failure(format!(
                "the Transit key {} at {} does not bind the keyring id (the server ignores \
                 associated_data and the key is not derived): create a key with \
                 `derived=true` and use that",
                self.key_ref(),
                self.settings.address
            ))),
        }
    }

    /// Decrypt a ciphertext made by [`Transit::wrap`] for `keyring_id`.
    pub fn unwrap(
        &self,
        keyring_id: &str,
        ciphertext: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, RootError> {
        let text = std::str::from_utf8(ciphertext).map_err(|_| {
            RootError::Mismatch(format!(
                "the wrapped identity for {} is not a Transit ciphertext",
                self.key_ref()
            ))
        })?;
        let bound = B64.encode(keyring_id);
        let body = serde_json::json!({
            "ciphertext": text,
            "associated_data": bound,
            "context": bound,
        })
        .to_string();
        let resp = self.call("decrypt", body.as_bytes())?;
        #[derive(serde::Deserialize)]
        struct Decrypted {
            plaintext: Zeroizing<String>,
        }
        let data: Decrypted = self.data(&resp, "decrypt with")?;
        B64.decode(data.plaintext.as_bytes())
            .map(Zeroizing::new)
            .map_err(|_| self.not_transit("decrypt"))
    }

    fn call(&self, op: &str, body: &[u8]) -> Result<Response, RootError> {
        let url = format!(
            "{}/v1/{}/{op}/{}",
            self.settings.address, self.mount, self.key
        );
        let mut headers = vec![
            ("x-vault-token", self.settings.token.expose_secret()),
            ("content-type", "application/json"),
        ];
        if let Some(ns) = &self.settings.namespace {
            headers.push(("x-vault-namespace", ns.as_str()));
        }
        self.client.post(&url, &headers, body)
    }

    /// The `data` object of a success, or the error the status and `errors` say.
    fn data<T: serde::de::DeserializeOwned>(
        &self,
        resp: &Response,
        doing: &str,
    ) -> Result<T, RootError> {
        #[derive(serde::Deserialize)]
        struct Ok<T> {
            data: T,
        }
        #[derive(serde::Deserialize, Default)]
        struct Errors {
            #[serde(default)]
            errors: Vec<String>,
        }
        if resp.status == 200 {
            return serde_json::from_slice::<Ok<T>>(&resp.body)
                .map(|o| o.data)
                .map_err(|_| self.not_transit(doing));
        }
        let errors: Errors = serde_json::from_slice(&resp.body).unwrap_or_default();
        let errors: Vec<String> = errors.errors.iter().map(|e| clean(e)).collect();
        Err(classify(
            resp.status,
            &errors.join("; "),
            &self.settings,
            &self.key_ref(),
            doing,
        ))
    }

    fn not_transit(&self, doing: &str) -> RootError {
        RootError::Failure(format!(
            "Vault at {} gave an answer to {doing} that is not Transit JSON; is it a Vault \
             or OpenBao server?",
            self.settings.address
        ))
    }
}

/// A Vault error answer in the exit-code classes. Transit says what went wrong only in words,
/// so the words decide (they are stable across Vault and OpenBao releases).
fn classify(
    status: u16,
    errors: &str,
    settings: &VaultSettings,
    key: &str,
    doing: &str,
) -> RootError {
    let address = &settings.address;
    let detail = format!("Vault at {address} refused to {doing} {key} (HTTP {status}: {errors})");
    let lower = errors.to_ascii_lowercase();
    match status {
        401 | 403 => RootError::Denied(format!(
            "{detail}; check the token ({}) and its policy",
            settings.token_source
        )),
        400 if lower.contains("soft-deleted") || lower.contains("soft deleted") => {
            RootError::KeyUnavailable(format!(
                "{detail}; the key is soft-deleted: restore it or unlock with another root"
            ))
        }
        400 if lower.contains("key not found") => RootError::KeyUnavailable(format!(
            "{detail}; the Transit key is gone: unlock with another root"
        )),
        400 if lower.contains("disallowed by policy") || lower.contains("too old") => {
            RootError::KeyUnavailable(format!(
                "{detail}; the key version that wrapped the identity is no longer allowed to \
                 decrypt: lower min_decryption_version or unlock with another root"
            ))
        }
        400 if lower.contains("message authentication failed")
            || lower.contains("invalid ciphertext")
            || lower.contains("unable to decrypt")
            || lower.contains("base64") =>
        {
            RootError::Mismatch(format!(
                "{detail}; the wrapped identity was not made by this key for this keyring"
            ))
        }
        404 => RootError::KeyUnavailable(format!(
            "{detail}; no Transit engine answers at this mount: check --mount"
        )),
        503 => RootError::Unreachable {
            what: "Vault",
            url: address.clone(),
            detail: format!("sealed or standby (HTTP 503: {errors})"),
        },
        _ => RootError::Failure(detail),
    }
}

/// Mount and key names go into the URL path: letters, digits, `_ - .`, and `/` between the
/// segments of a mount; never `..`.
fn check_name(what: &str, name: &str, slashes: bool) -> Result<(), RootError> {
    let ok = !name.is_empty()
        && name.len() <= 256
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c) || (slashes && c == '/'))
        && name
            .trim_matches('/')
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..");
    if ok {
        Ok(())
    } else {
        Err(RootError::Failure(format!(
            "the Transit {what} {:?} is not a valid name (letters, digits, _ - .{})",
            clean(name),
            if slashes { " and /" } else { "" }
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::SecretString;

    fn settings() -> VaultSettings {
        VaultSettings {
            address: "http://127.0.0.1:8200".into(),
            token: SecretString::from("s.secret"),
            token_source: "VAULT_TOKEN".into(),
            namespace: None,
            ca_cert: None,
        }
    }

    #[test]
    fn errors_fall_into_their_exit_classes() {
        let s = settings();
        let c = |status, text| classify(status, text, &s, "transit/keys/k", "decrypt with");
        assert!(matches!(c(403, "permission denied"), RootError::Denied(_)));
        assert!(matches!(
            c(400, "refusing to use soft-deleted key"),
            RootError::KeyUnavailable(_)
        ));
        assert!(matches!(
            c(400, "encryption key not found"),
            RootError::KeyUnavailable(_)
        ));
        assert!(matches!(
            c(400, "cipher: message authentication failed"),
            RootError::Mismatch(_)
        ));
        assert!(matches!(
            c(400, "invalid ciphertext: no prefix"),
            RootError::Mismatch(_)
        ));
        assert!(matches!(
            c(503, "Vault is sealed"),
            RootError::Unreachable { .. }
        ));
        assert!(matches!(c(500, "internal"), RootError::Failure(_)));
        let msg = c(403, "permission denied").to_string();
        assert!(msg.contains("http://127.0.0.1:8200") && msg.contains("transit/keys/k"));
        assert!(!msg.contains("s.secret"), "{msg}");
    }

    #[test]
    fn names_cannot_escape_the_path() {
        assert!(check_name("key", "lkms-ci_1.0", false).is_ok());
        assert!(check_name("mount", "team/transit", true).is_ok());
        for bad in ["", "..", "a/b", "a?b", "a b", "k%2f"] {
            assert!(check_name("key", bad, false).is_err(), "{bad}");
        }
        assert!(check_name("mount", "a/../b", true).is_err());
    }
}
