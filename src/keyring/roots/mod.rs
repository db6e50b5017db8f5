//! The root kinds this build knows, and how a roots-file entry becomes a [`Root`].
//!
//! A kind that is not built in (written by a newer lkms) is listed but skipped when unlocking.

pub mod passphrase;

pub use passphrase::PassphraseRoot;
