//! Where the roots read their environment: the process, or a fixed map in tests (the process
//! environment is shared by every test thread, so tests never set it).

use std::collections::HashMap;
use std::path::PathBuf;

/// A source of environment variables.
pub trait Env {
    fn var(&self, name: &str) -> Option<String>;

    /// The first of `names` that is set and not empty.
    fn first(&self, names: &[&str]) -> Option<String> {
        names
            .iter()
            .find_map(|n| self.var(n).filter(|v| !v.is_empty()))
    }

    /// The home directory, as the AWS and Vault tools find it (`HOME`).
    fn home(&self) -> Option<PathBuf> {
        self.var("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
    }
}

/// The real process environment.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}

/// A fixed environment, for tests and for callers that want to pin what a root sees.
#[derive(Default)]
pub struct MapEnv(pub HashMap<String, String>);

impl MapEnv {
    pub fn new<const N: usize>(pairs: [(&str, &str); N]) -> MapEnv {
        MapEnv(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }
}

impl Env for MapEnv {
    fn var(&self, name: &str) -> Option<String> {
        self.0.get(name).cloned()
    }
}
