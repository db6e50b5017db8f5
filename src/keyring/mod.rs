//! The keyring: the model of keys and versions, their lifecycle, and the encrypted file that
//! holds them.

pub mod authorize;
pub mod backup;
pub mod clock;
mod error;
pub mod grant;
pub mod identity;
pub mod lifecycle;
pub mod lookup;
pub mod migrate;
pub mod model;
pub mod policy;
pub mod restore;
pub mod root;
pub mod roots;
pub mod store;
pub mod transfer;
pub mod version_state;

pub use clock::{Clock, SystemClock};
pub use error::Error;
pub use model::{Key, KeyState, KeyVersion, Keyring, Origin, VersionState};
