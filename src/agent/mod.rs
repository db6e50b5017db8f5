//! The unlock agent, as ssh-agent: a background process that holds keyring identities, keyed
//! by keyring id, so that commands need no passphrase and run no KDF.
//!
//! Protocol, over a unix socket: each message is a 4-byte big-endian length and that many
//! bytes of one JSON object. A connection carries one request and its answer. Requests:
//! `{"op":"get","keyring_id":ID}` -> `{"ok":true,"identity":TEXT|null}`;
//! `{"op":"put","keyring_id":ID,"identity":TEXT}` -> `{"ok":true}`;
//! `{"op":"lock"}` -> `{"ok":true,"forgot":N}`; `{"op":"status"}` -> `{"ok":true,"pid":..,
//! "keyrings":[ID..],"idle_timeout_secs":..,"max_lifetime_secs":..,"started":..}`;
//! `{"op":"stop"}` -> `{"ok":true}`. A refusal is `{"ok":false,"error":TEXT}`.

pub mod client;
pub mod locked;
pub mod protocol;
pub mod server;

/// The variable that names the agent's socket.
pub const ENV_SOCK: &str = "LKMS_AGENT_SOCK";
