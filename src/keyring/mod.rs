//! The keyring: the model of keys and versions, their lifecycle, and the encrypted file that
//! holds them.

pub mod clock;
mod error;
pub mod lifecycle;
pub mod lookup;
pub mod model;
pub mod store;

pub use clock::{Clock, SystemClock};
pub use error::Error;
pub use model::{Key, KeyState, KeyVersion, Keyring};
