//! One face over the three backends, in the shape a keyring root takes: a kind name, the
//! parameters a roots file records (never a secret), wrap and unwrap bound to the keyring id.
//! The keyring layer adapts this to its own root interface; nothing here knows of it.

use zeroize::Zeroizing;

use super::aws_kms::{AwsKms, AwsKmsConfig};
use super::env::Env;
use super::error::{RootError, clean};
use super::http::Timeouts;
use super::pkcs11::{Pin, Pkcs11Config};
use super::transit::{Transit, TransitConfig};

pub const AWS_KMS: &str = "aws-kms";
pub const TRANSIT: &str = "transit";
pub const PKCS11: &str = "pkcs11";

/// An external root's configuration, by kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternalRoot {
    AwsKms(AwsKmsConfig),
    Transit(TransitConfig),
    Pkcs11(Pkcs11Config),
}

/// What a call needs besides the configuration: where credentials are looked up, how long it
/// may take, and the PIN for a PKCS#11 token.
pub struct CallContext<'a> {
    pub env: &'a dyn Env,
    pub timeouts: Timeouts,
    pub pin: Option<&'a Pin>,
}

impl ExternalRoot {
    pub fn kind(&self) -> &'static str {
        match self {
            ExternalRoot::AwsKms(_) => AWS_KMS,
            ExternalRoot::Transit(_) => TRANSIT,
            ExternalRoot::Pkcs11(_) => PKCS11,
        }
    }

    /// A token wants its PIN; the network roots take their credentials from the environment
    /// and files, so they can unlock with no person present.
    pub fn needs_pin(&self) -> bool {
        matches!(self, ExternalRoot::Pkcs11(_))
    }

    /// The external key as messages and the audit log name it: the KMS key id, ARN or alias;
    /// `MOUNT/keys/KEY` for Transit; `TOKEN/KEY_LABEL` for PKCS#11.
    pub fn key_ref(&self) -> String {
        match self {
            ExternalRoot::AwsKms(c) => c.key_id.clone(),
            ExternalRoot::Transit(c) => format!("{}/keys/{}", c.mount, c.key),
            ExternalRoot::Pkcs11(c) => c.key_ref(),
        }
    }

    /// The parameters to record in a roots file.
    pub fn params(&self) -> toml::Table {
        let value = match self {
            ExternalRoot::AwsKms(c) => toml::Table::try_from(c),
            ExternalRoot::Transit(c) => toml::Table::try_from(c),
            ExternalRoot::Pkcs11(c) => toml::Table::try_from(c),
        };
        value.expect("root configurations are plain strings and paths")
    }

    /// The configuration a roots file recorded for `kind`. `None` for a kind this module does
    /// not know; an error when the parameters do not fit the kind.
    pub fn from_params(
        kind: &str,
        params: &toml::Table,
    ) -> Option<Result<ExternalRoot, RootError>> {
        let bad = |e: toml::de::Error| {
            RootError::Failure(format!(
                "the {kind} root's parameters in the roots file are not valid ({}); remove the \
                 root and add it again",
                clean(e.message())
            ))
        };
        let value = toml::Value::Table(params.clone());
        Some(match kind {
            AWS_KMS => value.try_into().map(ExternalRoot::AwsKms).map_err(bad),
            TRANSIT => value.try_into().map(ExternalRoot::Transit).map_err(bad),
            PKCS11 => value.try_into().map(ExternalRoot::Pkcs11).map_err(bad),
            _ => return None,
        })
    }

    /// Wrap `identity` for `keyring_id` (one call to the external system, plus the checks each
    /// backend makes before it trusts the result).
    pub fn wrap(
        &self,
        identity: &[u8],
        keyring_id: &str,
        ctx: &CallContext<'_>,
    ) -> Result<Vec<u8>, RootError> {
        match self {
            ExternalRoot::AwsKms(c) => AwsKms::connect(c, ctx.env, ctx.timeouts)?
                .wrap(keyring_id, identity)
                .map(|(blob, _arn)| blob),
            ExternalRoot::Transit(c) => {
                Transit::connect(c, ctx.env, ctx.timeouts)?.wrap(keyring_id, identity)
            }
            ExternalRoot::Pkcs11(c) => c.wrap(self.pin(ctx)?, keyring_id, identity),
        }
    }

    /// Unwrap what [`ExternalRoot::wrap`] returned, for the same `keyring_id`.
    pub fn unwrap(
        &self,
        wrapped: &[u8],
        keyring_id: &str,
        ctx: &CallContext<'_>,
    ) -> Result<Zeroizing<Vec<u8>>, RootError> {
        match self {
            ExternalRoot::AwsKms(c) => {
                AwsKms::connect(c, ctx.env, ctx.timeouts)?.unwrap(keyring_id, wrapped)
            }
            ExternalRoot::Transit(c) => {
                Transit::connect(c, ctx.env, ctx.timeouts)?.unwrap(keyring_id, wrapped)
            }
            ExternalRoot::Pkcs11(c) => c.unwrap(self.pin(ctx)?, keyring_id, wrapped),
        }
    }

    fn pin<'a>(&self, ctx: &CallContext<'a>) -> Result<&'a Pin, RootError> {
        ctx.pin.ok_or_else(|| {
            RootError::Denied(format!(
                "the PKCS#11 root {} needs the token's PIN: set LKMS_PKCS11_PIN, pass \
                 --pin-file, or run on a terminal",
                self.key_ref()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roots::env::MapEnv;

    fn all() -> Vec<ExternalRoot> {
        vec![
            ExternalRoot::AwsKms(AwsKmsConfig {
                key_id: "alias/lkms-ci".into(),
                region: Some("eu-west-1".into()),
                endpoint_url: None,
            }),
            ExternalRoot::Transit(TransitConfig {
                address: Some("https://vault.example:8200".into()),
                mount: "transit".into(),
                key: "lkms".into(),
            }),
            ExternalRoot::Pkcs11(Pkcs11Config {
                module: "/usr/lib/softhsm/libsofthsm2.so".into(),
                token: "lkms".into(),
                key_label: "root".into(),
            }),
        ]
    }

    #[test]
    fn parameters_round_trip_through_a_roots_file() {
        for root in all() {
            let params = root.params();
            let text = toml::to_string(&params).unwrap();
            let back: toml::Table = toml::from_str(&text).unwrap();
            let again = ExternalRoot::from_params(root.kind(), &back)
                .unwrap()
                .unwrap();
            assert_eq!(again, root, "{text}");
        }
        let aws = all().remove(0).params();
        assert!(
            !aws.contains_key("endpoint_url"),
            "absent options are not written"
        );
    }

    #[test]
    fn unknown_kinds_and_bad_parameters() {
        assert!(ExternalRoot::from_params("passphrase", &toml::Table::new()).is_none());
        let err = ExternalRoot::from_params(TRANSIT, &toml::Table::new())
            .unwrap()
            .unwrap_err();
        assert!(
            err.to_string().contains("transit root's parameters"),
            "{err}"
        );
    }

    #[test]
    fn a_token_without_a_pin_is_denied_before_loading_anything() {
        let root = all().remove(2);
        assert!(root.needs_pin());
        let env = MapEnv::default();
        let ctx = CallContext {
            env: &env,
            timeouts: Timeouts::default(),
            pin: None,
        };
        let err = root.unwrap(b"x", "id", &ctx).unwrap_err();
        assert!(matches!(err, RootError::Denied(_)), "{err}");
        assert!(err.to_string().contains("LKMS_PKCS11_PIN"), "{err}");
    }
}
