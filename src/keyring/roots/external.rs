//! The external roots (AWS KMS, Vault/OpenBao Transit, PKCS#11) as keyring roots: the
//! backends in `crate::roots` do the work; this adapts them to [`Root`]. Their wrapped identity
//! is kept base64 in the roots file (they have no file of their own).

use zeroize::Zeroizing;

use crate::keyring::root::{Root, RootEntry, RootError};
use crate::roots::env::ProcessEnv;
use crate::roots::pkcs11::Pin;
use crate::roots::{CallContext, ExternalRoot, RootError as BackendError, Timeouts};

pub use crate::roots::external::{AWS_KMS, PKCS11, TRANSIT};

/// Whether `kind` is one of the external kinds.
pub fn is_external(kind: &str) -> bool {
    matches!(kind, AWS_KMS | TRANSIT | PKCS11)
}

/// The external key an entry names, for the audit log; `None` for other kinds.
pub fn key_ref(entry: &RootEntry) -> Option<String> {
    ExternalRoot::from_params(&entry.kind, &entry.params)?
        .ok()
        .map(|r| r.key_ref())
}

impl From<BackendError> for RootError {
    fn from(e: BackendError) -> Self {
        let text = e.to_string();
        match e {
            BackendError::Unreachable { .. } => RootError::Unreachable(text),
            BackendError::Denied(_) => RootError::Denied(text),
            BackendError::KeyUnavailable(_) => RootError::KeyUnusable(text),
            BackendError::Mismatch(_) => RootError::Damaged(text),
            BackendError::Failure(_) => RootError::Other(text),
        }
    }
}

pub struct ExternalKeyringRoot {
    name: String,
    /// The configuration, or why the roots file's parameters do not make one.
    root: Result<ExternalRoot, String>,
    pin: Option<Pin>,
}

impl ExternalKeyringRoot {
    pub fn new(name: &str, root: ExternalRoot, pin: Option<Pin>) -> Self {
        ExternalKeyringRoot {
            name: name.to_string(),
            root: Ok(root),
            pin,
        }
    }

    /// The root an entry of the roots file describes; `None` for a kind that is not external.
    pub fn from_entry(entry: &RootEntry, pin: Option<Pin>) -> Option<Self> {
        let root = ExternalRoot::from_params(&entry.kind, &entry.params)?
            .map_err(|e| format!("the root `{}`: {e}", entry.name));
        Some(ExternalKeyringRoot {
            name: entry.name.clone(),
            root,
            pin,
        })
    }

    fn call<T>(
        &self,
        f: impl FnOnce(&ExternalRoot, &CallContext<'_>) -> Result<T, BackendError>,
    ) -> Result<T, RootError> {
        let root = self
            .root
            .as_ref()
            .map_err(|e| RootError::Other(e.clone()))?;
        let ctx = CallContext {
            env: &ProcessEnv,
            timeouts: Timeouts::from_env()?,
            pin: self.pin.as_ref(),
        };
        f(root, &ctx).map_err(|e| {
            RootError::from(e).prefixed(&format!("the {} root `{}`: ", root.kind(), self.name))
        })
    }
}

impl RootError {
    fn prefixed(self, prefix: &str) -> RootError {
        match self {
            RootError::Denied(m) => RootError::Denied(format!("{prefix}{m}")),
            RootError::KeyUnusable(m) => RootError::KeyUnusable(format!("{prefix}{m}")),
            RootError::Damaged(m) => RootError::Damaged(format!("{prefix}{m}")),
            RootError::Unreachable(m) => RootError::Unreachable(format!("{prefix}{m}")),
            RootError::Other(m) => RootError::Other(format!("{prefix}{m}")),
            // Names its root already.
            e @ RootError::WrongPassphrase(_) => e,
        }
    }
}

impl Root for ExternalKeyringRoot {
    fn kind(&self) -> &'static str {
        match &self.root {
            Ok(r) => r.kind(),
            Err(_) => "external",
        }
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn needs_person(&self) -> bool {
        self.root.as_ref().is_ok_and(|r| r.needs_pin()) && self.pin.is_none()
    }

    fn wrap(&self, identity: &[u8], keyring_id: &str) -> Result<Vec<u8>, RootError> {
        self.call(|r, ctx| r.wrap(identity, keyring_id, ctx))
    }

    fn unwrap(&self, wrapped: &[u8], keyring_id: &str) -> Result<Zeroizing<Vec<u8>>, RootError> {
        self.call(|r, ctx| r.unwrap(wrapped, keyring_id, ctx))
    }

    fn describe(&self) -> toml::Table {
        self.root.as_ref().map(|r| r.params()).unwrap_or_default()
    }
}
