//! The AWS KMS root: the identity is wrapped with KMS `Encrypt` under the encryption context
//! `{"lkms:keyring": KEYRING_ID}` and unwrapped with `Decrypt` under the same context, so IAM
//! decides who may unlock, CloudTrail records each unlock with the keyring id in it, and a
//! ciphertext moved to another keyring fails to decrypt.

use std::time::SystemTime;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use zeroize::Zeroizing;

use super::aws_config::{self, AwsCredentials, Profile};
use super::env::Env;
use super::error::{RootError, clean};
use super::http::{Client, Response, Timeouts};
use super::sigv4;

/// The encryption-context key that binds a wrapped identity to its keyring.
pub const CONTEXT_KEY: &str = "lkms:keyring";

/// What a keyring records about an AWS KMS root: enough to find the key again.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AwsKmsConfig {
    /// Key id, key ARN, alias name (`alias/NAME`) or alias ARN.
    pub key_id: String,
    /// Region, when given; otherwise found as the AWS tools find it at each call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Endpoint, when given; otherwise `AWS_ENDPOINT_URL_KMS`, `AWS_ENDPOINT_URL` or the
    /// region's public endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
}

/// A connection to one KMS key, with credentials resolved.
pub struct AwsKms {
    key_id: String,
    region: String,
    endpoint: String,
    credentials: AwsCredentials,
    client: Client,
}

/// What `DescribeKey` says, when the caller may ask.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyDescription {
    pub arn: String,
    pub state: String,
}

impl AwsKms {
    /// Resolve region, endpoint and credentials for `config` from `env` and the AWS files.
    pub fn connect(
        config: &AwsKmsConfig,
        env: &dyn Env,
        timeouts: Timeouts,
    ) -> Result<AwsKms, RootError> {
        let profile = Profile::load(env)?;
        // An ARN names its region; it is the one that can decrypt, so it needs no --region.
        let arn_region = config
            .key_id
            .strip_prefix("arn:")
            .and_then(|rest| rest.split(':').nth(2))
            .filter(|r| !r.is_empty());
        let region = aws_config::region(config.region.as_deref().or(arn_region), env, &profile)?;
        let endpoint = aws_config::endpoint(config.endpoint_url.as_deref(), env, &profile, &region);
        let endpoint = endpoint.trim_end_matches('/').to_string() + "/";
        check_url(&endpoint)?;
        let credentials = aws_config::credentials(env, &profile, timeouts.total)?;
        let ca = env.first(&["AWS_CA_BUNDLE"]).map(std::path::PathBuf::from);
        let client = Client::new("AWS KMS", timeouts, ca.as_deref())?;
        Ok(AwsKms {
            key_id: config.key_id.clone(),
            region,
            endpoint,
            credentials,
            client,
        })
    }

    /// The key as configured (id, ARN or alias).
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The endpoint calls go to.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// `DescribeKey`: the key's ARN and state. `Ok(None)` when the caller may not describe
    /// keys (a decrypt-only role), which is no reason to refuse.
    pub fn describe(&self) -> Result<Option<KeyDescription>, RootError> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Meta {
            arn: String,
            key_state: String,
            key_usage: Option<String>,
        }
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Out {
            key_metadata: Meta,
        }
        let body = serde_json::json!({ "KeyId": self.key_id }).to_string();
        let resp = self.call("DescribeKey", body.as_bytes())?;
        if resp.status != 200 {
            let err = self.error(&resp, "describe");
            return match err {
                RootError::Denied(_) => Ok(None),
                other => Err(other),
            };
        }
        let out: Out = self.parse(&resp, "DescribeKey")?;
        if let Some(usage) = &out.key_metadata.key_usage
            && usage != "ENCRYPT_DECRYPT"
        {
            return Err(RootError::KeyUnavailable(format!(
                "the AWS KMS key {} is for {usage}, not ENCRYPT_DECRYPT: use a symmetric \
                 encryption key",
                out.key_metadata.arn
            )));
        }
        Ok(Some(KeyDescription {
            arn: out.key_metadata.arn,
            state: out.key_metadata.key_state,
        }))
    }

    /// Wrap `identity` for the keyring `keyring_id`. The key's state is checked first where
    /// the caller may describe it, so a disabled or doomed key is refused before anything is
    /// written. Returns the ciphertext blob and the key ARN KMS used.
    pub fn wrap(&self, keyring_id: &str, identity: &[u8]) -> Result<(Vec<u8>, String), RootError> {
        if let Some(d) = self.describe()?
            && d.state != "Enabled"
        {
            return Err(self.unavailable(&d.arn, &d.state));
        }
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Out {
            ciphertext_blob: String,
            key_id: String,
        }
        let plaintext = Zeroizing::new(B64.encode(identity));
        // Written by hand so that the only copies of the plaintext are zeroizing buffers
        // (a serde_json::Value would keep one of its own); base64 needs no JSON escaping.
        let body = Zeroizing::new(format!(
            r#"{{"KeyId":{},"Plaintext":"{}","EncryptionContext":{{"{CONTEXT_KEY}":{}}}}}"#,
            json_string(&self.key_id),
            plaintext.as_str(),
            json_string(keyring_id)
        ));
        let resp = self.call("Encrypt", body.as_bytes())?;
        if resp.status != 200 {
            return Err(self.error(&resp, "encrypt with"));
        }
        let out: Out = self.parse(&resp, "Encrypt")?;
        let blob = B64.decode(out.ciphertext_blob.as_bytes()).map_err(|_| {
            RootError::Failure(format!(
                "AWS KMS at {} answered Encrypt with a ciphertext that is not base64",
                self.endpoint
            ))
        })?;
        Ok((blob, out.key_id))
    }

    /// Unwrap a blob made by [`AwsKms::wrap`] for `keyring_id`. Only `Decrypt` is called, so
    /// a role needs `kms:Decrypt` alone; the key id is sent so KMS refuses a blob made under
    /// another key.
    pub fn unwrap(
        &self,
        keyring_id: &str,
        ciphertext: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, RootError> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "PascalCase")]
        struct Out {
            plaintext: Zeroizing<String>,
        }
        let body = serde_json::json!({
            "KeyId": self.key_id,
            "CiphertextBlob": B64.encode(ciphertext),
            "EncryptionContext": { CONTEXT_KEY: keyring_id },
        })
        .to_string();
        let resp = self.call("Decrypt", body.as_bytes())?;
        if resp.status != 200 {
            return Err(self.error(&resp, "decrypt with"));
        }
        let out: Out = self.parse(&resp, "Decrypt")?;
        B64.decode(out.plaintext.as_bytes())
            .map(Zeroizing::new)
            .map_err(|_| {
                RootError::Failure(format!(
                    "AWS KMS at {} answered Decrypt with a plaintext that is not base64",
                    self.endpoint
                ))
            })
    }

    /// One signed KMS JSON call.
    fn call(&self, action: &str, body: &[u8]) -> Result<Response, RootError> {
        let target = format!("TrentService.{action}");
        let headers = [
            ("content-type", "application/x-amz-json-1.1"),
            ("x-amz-target", target.as_str()),
        ];
        let req = sigv4::Request {
            method: "POST",
            url: &self.endpoint,
            headers: &headers,
            body,
        };
        let signed = sigv4::sign_headers(
            &req,
            &self.credentials,
            &self.region,
            "kms",
            SystemTime::now(),
        )?;
        let mut all: Vec<(&str, &str)> = headers.to_vec();
        all.extend(signed.iter().map(|(n, v)| (*n, v.as_str())));
        self.client.post(&self.endpoint, &all, body)
    }

    fn parse<T: serde::de::DeserializeOwned>(
        &self,
        resp: &Response,
        action: &str,
    ) -> Result<T, RootError> {
        serde_json::from_slice(&resp.body).map_err(|_| {
            RootError::Failure(format!(
                "AWS KMS at {} gave an answer to {action} that is not KMS JSON; is it a KMS \
                 endpoint?",
                self.endpoint
            ))
        })
    }

    fn unavailable(&self, key: &str, state: &str) -> RootError {
        let next = match state {
            "Disabled" => "enable it (aws kms enable-key) or unlock with another root",
            "PendingDeletion" => {
                "cancel the deletion (aws kms cancel-key-deletion) or unlock with another root"
            }
            _ => "unlock with another root",
        };
        RootError::KeyUnavailable(format!("the AWS KMS key {key} is {state}: {next}"))
    }

    /// A KMS error answer, classified by its `__type` as the exit-code classes require.
    fn error(&self, resp: &Response, doing: &str) -> RootError {
        let (kind, message) = error_type(&resp.body);
        let key = &self.key_id;
        let detail = format!(
            "AWS KMS refused to {doing} key {key} ({kind}{}{})",
            if message.is_empty() { "" } else { ": " },
            message
        );
        match kind.as_str() {
            "AccessDeniedException"
            | "UnrecognizedClientException"
            | "InvalidSignatureException"
            | "IncompleteSignature"
            | "MissingAuthenticationToken"
            | "ExpiredTokenException"
            | "InvalidClientTokenId"
            | "SignatureDoesNotMatch" => RootError::Denied(format!(
                "{detail}; check the credentials ({}) and the key policy",
                self.credentials.source
            )),
            "DisabledException" => self.unavailable(key, "Disabled"),
            "KMSInvalidStateException" | "KeyUnavailableException" | "NotFoundException" => {
                RootError::KeyUnavailable(format!(
                    "{detail}; the key is not usable now (disabled, pending deletion or gone): \
                     unlock with another root"
                ))
            }
            "InvalidCiphertextException" | "IncorrectKeyException" => RootError::Mismatch(format!(
                "{detail}; the wrapped identity was not made by this key for this keyring"
            )),
            _ if resp.status == 403 => RootError::Denied(detail),
            _ => RootError::Failure(format!("{detail} (HTTP {})", resp.status)),
        }
    }
}

/// `text` as a JSON string literal.
fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// The `__type` (without its namespace) and message of a KMS JSON error, cleaned for printing.
fn error_type(body: &[u8]) -> (String, String) {
    let v: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let kind = v
        .get("__type")
        .and_then(|t| t.as_str())
        .map(|t| t.rsplit('#').next().unwrap_or(t))
        .unwrap_or("UnknownError");
    let message = v
        .get("message")
        .or_else(|| v.get("Message"))
        .and_then(|m| m.as_str())
        .unwrap_or("");
    (clean(kind), clean(message))
}

/// An endpoint must be http(s) with a host, or the signer has nothing to sign.
pub(crate) fn check_url(url: &str) -> Result<(), RootError> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) if !r.starts_with('/') && !r.is_empty() => Ok(()),
        _ => Err(RootError::Failure(format!(
            "the endpoint {:?} is not an http:// or https:// URL with a host",
            clean(url)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_types_are_read_with_or_without_namespace() {
        let (k, m) =
            error_type(br#"{"__type":"com.amazonaws.kms#DisabledException","message":"x"}"#);
        assert_eq!((k.as_str(), m.as_str()), ("DisabledException", "x"));
        let (k, m) = error_type(br#"{"__type":"AccessDeniedException","Message":"no"}"#);
        assert_eq!((k.as_str(), m.as_str()), ("AccessDeniedException", "no"));
        assert_eq!(error_type(b"<html>").0, "UnknownError");
    }

    #[test]
    fn the_hand_written_encrypt_body_is_the_json_kms_expects() {
        let body = format!(
            r#"{{"KeyId":{},"Plaintext":"{}","EncryptionContext":{{"{CONTEXT_KEY}":{}}}}}"#,
            json_string("alias/a\"b"),
            "AAEC",
            json_string("k1")
        );
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["KeyId"], "alias/a\"b");
        assert_eq!(v["Plaintext"], "AAEC");
        assert_eq!(v["EncryptionContext"]["lkms:keyring"], "k1");
    }

    #[test]
    fn urls_need_a_scheme_and_host() {
        assert!(check_url("http://127.0.0.1:1/").is_ok());
        assert!(check_url("https://kms.us-east-1.amazonaws.com/").is_ok());
        assert!(check_url("kms.us-east-1.amazonaws.com").is_err());
        assert!(check_url("http:///").is_err());
    }
}
