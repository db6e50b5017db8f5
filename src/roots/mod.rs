//! External roots: systems outside the keyring file that hold the keyring identity wrapped,
//! and unwrap it for whoever they say may: AWS KMS, Vault or OpenBao Transit, a PKCS#11 token.
//!
//! Each backend wraps the identity bytes (never a data key) bound to the keyring id, so a
//! wrapped identity cannot be moved to another keyring, and unwraps it in one call. The
//! backends know nothing of the keyring file or the command line; [`RootError`] carries the
//! exit code a command reports.

pub mod aws_config;
pub mod aws_kms;
pub mod env;
pub mod error;
pub mod external;
pub mod http;
pub mod pkcs11;
pub mod sigv4;
pub mod transit;
pub mod vault_config;

pub use error::RootError;
pub use external::{CallContext, ExternalRoot};
pub use http::Timeouts;
