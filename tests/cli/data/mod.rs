//! encrypt, decrypt, re-encrypt, inspect and generate-data-key through the binary: round trips
//! at the chunk boundaries, tampering, truncation and extension, encryption contexts, key
//! versions and states, output naming, terminals, the audit trail and the config file.
//!
//! The byte layout these tests rely on (docs/DESIGN.md, "The ciphertext format"): a header of
//! `header_size` bytes (as `inspect --json` reports it) whose first 33 bytes are magic (4),
//! format version (1), header length (4), body and wrapping algorithm ids (1 + 1), key id (16),
//! key version (4), context pair count (2); then a C2SP chunked-encryption body: 24-byte salt,
//! 32-byte commitment, 16 KiB chunks each followed by a 16-byte tag, and a final shorter chunk.

mod audit;
mod context;
mod data_keys;
mod key_states;
mod outputs;
mod round_trip;
mod tampering;
mod terminal;

pub(super) use crate::util::*;
pub(super) use base64::Engine as _;
pub(super) use base64::engine::general_purpose::STANDARD;
pub(super) use std::path::Path;
pub(super) use std::process::{Command, Stdio};

pub(super) const SPECS: [&str; 2] = ["aes-256-gcm", "chacha20-poly1305"];

pub(super) const CHUNK: usize = 16 * 1024;

pub(super) const TAG: usize = 16;

/// Salt and key commitment before the first chunk.
pub(super) const PREFIX: usize = 24 + 32;

/// The body length for `n` bytes of plaintext: every chunk has a tag, and there is always a
/// final chunk shorter than 16 KiB (possibly empty).
pub(super) fn body_len(n: usize) -> usize {
    PREFIX + n + (n / CHUNK + 1) * TAG
}

/// A seeded generator (SplitMix64), so that every failure can be replayed.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub(super) fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut v = Vec::with_capacity(n + 8);
        while v.len() < n {
            v.extend_from_slice(&self.next().to_le_bytes());
        }
        v.truncate(n);
        v
    }
}

pub(super) fn inspect(env: &Env, file: &str) -> serde_json::Value {
    env.run(&["inspect", "--json", file]).ok().json()
}

pub(super) fn header_size(env: &Env, file: &str) -> usize {
    inspect(env, file)["header_size"].as_u64().unwrap() as usize
}

/// Temporary files lkms left in the directory (its outputs are written to `.lkms-*.tmp`).
pub(super) fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".lkms-") || n.ends_with(".tmp"))
        .collect()
}

/// After a failure: neither the output file nor a temporary file is there.
#[track_caller]
pub(super) fn assert_no_output(env: &Env, output: &str) {
    assert!(
        !env.path(output).exists(),
        "{output} was written by a failed command"
    );
    let temps = temp_files(env.dir.path());
    assert!(temps.is_empty(), "temporary files left behind: {temps:?}");
}

/// Runs a shell line with a terminal as lkms's standard output (through `script`); `$LKMS`
/// is the binary.
pub(super) fn on_terminal(env: &Env, line: &str) -> Run {
    assert!(
        have("script"),
        "this test needs `script` (Debian package bsdutils) to give lkms a terminal"
    );
    let c = env.cmd();
    let mut s = Command::new("script");
    s.args(["-qec", line, "/dev/null"]);
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => s.env(k, v),
            None => s.env_remove(k),
        };
    }
    s.env("LKMS", c.get_program());
    env.run_cmd(s.current_dir(env.dir.path()).stdin(Stdio::null()))
}
