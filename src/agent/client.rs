//! Talking to the agent: every call has a timeout, a dead or wrong socket is a clear error
//! (exit 3), never a hang, and a socket or agent of another user is refused.

use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};
use zeroize::Zeroizing;

use super::ENV_SOCK;
use super::protocol::{euid, peer_uid, read_message, wipe, write_message};
use crate::error::auth;

/// How long one call may take, connect to answer.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Agent {
    path: PathBuf,
}

impl Agent {
    /// The agent `LKMS_AGENT_SOCK` names, if it is set and not empty.
    pub fn from_env() -> Option<Agent> {
        let path = std::env::var_os(ENV_SOCK).filter(|p| !p.is_empty())?;
        Some(Agent::at(Path::new(&path)))
    }

    pub fn at(path: &Path) -> Agent {
        Agent {
            path: path.to_path_buf(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn not_running(&self) -> anyhow::Error {
        auth(format!(
            "the agent at {} is not running; unset {ENV_SOCK} or run `lkms agent start`",
            self.path.display()
        ))
    }

    /// Sends one request and returns the answer; an answer with `"ok": false` is an error.
    pub fn call(&self, request: &Value) -> anyhow::Result<Value> {
        let meta = std::fs::metadata(&self.path).map_err(|_| self.not_running())?;
        if !meta.file_type().is_socket() {
            return Err(self.not_running());
        }
        if meta.uid() != euid() {
            return Err(auth(format!(
                "the agent socket {} belongs to another user (uid {}); lkms talks only to an \
                 agent of its own user: unset {ENV_SOCK} or run `lkms agent start`",
                self.path.display(),
                meta.uid()
            )));
        }
        let mut stream = UnixStream::connect(&self.path).map_err(|_| self.not_running())?;
        match peer_uid(&stream) {
            Ok(uid) if uid == euid() => {}
            _ => {
                return Err(auth(format!(
                    "the process behind the agent socket {} is not of this user; unset {ENV_SOCK}",
                    self.path.display()
                )));
            }
        }
        let timeout = || {
            auth(format!(
                "the agent at {} did not answer within {} s; unset {ENV_SOCK} or restart it with \
                 `lkms agent stop` and `lkms agent start`",
                self.path.display(),
                CALL_TIMEOUT.as_secs()
            ))
        };
        stream
            .set_read_timeout(Some(CALL_TIMEOUT))
            .and_then(|()| stream.set_write_timeout(Some(CALL_TIMEOUT)))
            .map_err(|_| self.not_running())?;
        write_message(&mut stream, request).map_err(|_| timeout())?;
        let answer = read_message(&mut stream).map_err(|e| match e.kind() {
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => timeout(),
            _ => self.not_running(),
        })?;
        if answer["ok"] != json!(true) {
            let why = answer["error"].as_str().unwrap_or("no reason given");
            return Err(auth(format!(
                "the agent at {} refused: {why}",
                self.path.display()
            )));
        }
        Ok(answer)
    }

    /// The identity the agent holds for a keyring, if it holds one.
    pub fn get(&self, keyring_id: &str) -> anyhow::Result<Option<Zeroizing<String>>> {
        let mut answer = self.call(&json!({"op": "get", "keyring_id": keyring_id}))?;
        let identity = answer["identity"]
            .as_str()
            .map(|s| Zeroizing::new(s.to_string()));
        wipe(&mut answer);
        Ok(identity)
    }

    pub fn put(&self, keyring_id: &str, identity: &str) -> anyhow::Result<()> {
        let mut request = json!({"op": "put", "keyring_id": keyring_id, "identity": identity});
        let result = self.call(&request);
        wipe(&mut request);
        result.map(|_| ())
    }
}

/// The identity the agent named by `LKMS_AGENT_SOCK` holds for this keyring: `None` when no
/// agent is set or it does not hold this keyring.
pub fn lookup(keyring_id: &str) -> anyhow::Result<Option<Zeroizing<String>>> {
    match Agent::from_env() {
        Some(agent) => agent.get(keyring_id),
        None => Ok(None),
    }
}
