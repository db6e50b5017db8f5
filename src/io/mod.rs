//! Files and streams at the edge of lkms: reading INPUTs, releasing outputs, and naming them.
//!
//! - `input`: opening INPUT (a file, or standard input for `-`), small files with a bound,
//!   and the errors that name the file (exit 6 when it is missing).
//! - [`message_source`]: a whole message as one slice for signing (a mapped file or a buffer).
//! - `output`: the pending output file (a temporary file renamed into place on success,
//!   never a terminal for binary) and standard output.
//! - `naming`: `-` as standard input or output, and the `.lkms` suffix added and removed.
//! - `armor`: lkms's ASCII armor, and telling lkms, age and their armored forms apart.
//! - `tree`: the regular files under directory INPUTs, for `-r`.
//! - [`terminal`]: a line or a passphrase read from `/dev/tty` (echo off without losing what
//!   was typed ahead).
//!
//! Nothing here writes an audit line or knows the keyring: the commands decide when an output
//! is released, this module only how.

pub(crate) mod armor;
pub(crate) mod input;
pub mod message_source;
pub(crate) mod naming;
pub(crate) mod output;
pub mod terminal;
pub(crate) mod tree;
