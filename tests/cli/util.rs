//! The harness: a throwaway keyring directory, a low work factor, and helpers to run the
//! real binary with a clean environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub const PASS: &str = "correct horse battery staple";

pub struct Env {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", self.out(), self.stderr))
    }
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "expected success; stderr: {}", self.stderr);
        self
    }
    #[track_caller]
    pub fn code(self, want: i32) -> Run {
        assert_eq!(
            self.code,
            want,
            "expected exit {want}, got {}; stdout: {}; stderr: {}",
            self.code,
            self.out(),
            self.stderr
        );
        self
    }
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_lkms"))
}

impl Env {
    /// A fresh directory, without a keyring.
    pub fn empty() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A fresh directory with an initialized keyring (work factor 10).
    pub fn new() -> Env {
        let env = Env::empty();
        env.run(&["init", "--work-factor", "10"]).ok();
        env
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn keyring(&self) -> PathBuf {
        self.path("keyring.age")
    }

    pub fn audit_log(&self) -> PathBuf {
        self.path("audit.jsonl")
    }

    /// The binary with this environment's keyring and passphrase, and nothing inherited that
    /// could change its behaviour.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(bin());
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.path("xdg-config"))
            .env("XDG_DATA_HOME", self.path("xdg-data"))
            .env("LKMS_KEYRING", self.keyring())
            .env("LKMS_PASSPHRASE", PASS)
            .env("RUST_BACKTRACE", "1")
            .current_dir(self.dir.path())
            .stdin(Stdio::null());
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_cmd(self.cmd().args(args))
    }

    /// Runs lkms with the clock moved forward by `offset` (`+8d`).
    pub fn later(&self, offset: &str, args: &[&str]) -> Run {
        faketime(self.cmd(), offset, args)
    }

    pub fn run_with_input(&self, args: &[&str], input: &[u8]) -> Run {
        let mut c = self.cmd();
        c.args(args).stdin(Stdio::piped());
        run_with_stdin(&mut c, input)
    }

    pub fn run_cmd(&self, c: &mut Command) -> Run {
        to_run(c.output().expect("run lkms"))
    }

    /// Creates a key and returns its id.
    pub fn create(&self, args: &[&str]) -> String {
        let mut all = vec!["create", "--json"];
        all.extend_from_slice(args);
        let r = self.run(&all).ok();
        r.json()["key_id"].as_str().unwrap().to_string()
    }

    pub fn describe(&self, key: &str) -> serde_json::Value {
        self.run(&["describe", key, "--json"]).ok().json()
    }

    /// The audit records of the commands, without the checkpoints that seal them.
    pub fn audit_lines(&self) -> Vec<serde_json::Value> {
        self.all_audit_lines()
            .into_iter()
            .filter(|l| l["event"] != "AuditCheckpoint")
            .collect()
    }

    /// Every line of the audit log, checkpoints included.
    pub fn all_audit_lines(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.audit_log())
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    pub fn last_audit(&self) -> serde_json::Value {
        self.audit_lines().pop().expect("an audit line")
    }

    pub fn write(&self, name: &str, content: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).unwrap();
        p
    }
}

/// Runs `c` (a command from [`Env::cmd`], with its environment and folder) under libfaketime,
/// its clock moved by `offset` (`+8d`), with `args`.
pub fn faketime(c: Command, offset: &str, args: &[&str]) -> Run {
    assert!(
        have("faketime"),
        "this test needs faketime (apt-get install faketime)"
    );
    let mut f = Command::new("faketime");
    f.arg("-f").arg(offset).arg(c.get_program()).args(args);
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => f.env(k, v),
            None => f.env_remove(k),
        };
    }
    if let Some(d) = c.get_current_dir() {
        f.current_dir(d);
    }
    to_run(f.stdin(Stdio::null()).output().expect("run faketime"))
}

pub fn to_run(o: Output) -> Run {
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("stack backtrace"),
        "lkms panicked: {stderr}"
    );
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: o.stdout,
        stderr,
    }
}

pub fn run_with_stdin(c: &mut Command, input: &[u8]) -> Run {
    use std::io::Write;
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn lkms");
    let mut stdin = child.stdin.take().unwrap();
    let data = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    to_run(out)
}

pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

pub fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

/// A small tmpfs mounted for one test (CI runs as root), unmounted on drop. It can be filled
/// or remounted read-only, which root's permission bits cannot simulate.
pub struct Tmpfs {
    pub path: PathBuf,
}

impl Tmpfs {
    pub fn mount(path: &Path, size: &str) -> Tmpfs {
        std::fs::create_dir_all(path).unwrap();
        let st = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(path)
            .status()
            .expect("run mount");
        assert!(
            st.success(),
            "this test mounts a tmpfs and needs root (as CI runs)"
        );
        Tmpfs {
            path: path.to_path_buf(),
        }
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    pub fn remount(&self, options: &str) {
        let st = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.path)
            .status()
            .unwrap();
        assert!(st.success(), "remount {options}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

/// The TOML document inside an age keyring, decrypted with the age crate (not with lkms): a
/// format 2 keyring through its passphrase root `default` beside it, a format 1 keyring with
/// the passphrase itself.
pub fn decrypt_keyring(path: &Path, passphrase: &str) -> toml::Table {
    let plain = String::from_utf8(open_keyring(path, passphrase)).unwrap();
    toml::from_str(&plain).unwrap()
}

/// The passphrase root file `NAME` of the keyring at `path` (`keyring.root.NAME.age`).
pub fn root_file(path: &Path, name: &str) -> PathBuf {
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let base = file.strip_suffix(".age").unwrap_or(&file).to_string();
    path.with_file_name(format!("{base}.root.{name}.age"))
}

/// Decrypts an age file with a passphrase, with the age crate.
pub fn age_decrypt_passphrase(bytes: &[u8], passphrase: &str) -> Vec<u8> {
    use std::io::Read;
    let d = age::Decryptor::new_buffered(bytes).unwrap();
    let id = age::scrypt::Identity::new(passphrase.to_string().into());
    let mut plain = Vec::new();
    d.decrypt(std::iter::once(&id as &dyn age::Identity))
        .unwrap()
        .read_to_end(&mut plain)
        .unwrap();
    plain
}

/// The keyring's plaintext, opened as the age CLI would.
pub fn open_keyring(path: &Path, passphrase: &str) -> Vec<u8> {
    use std::io::Read;
    let enc = read(path);
    let d = age::Decryptor::new_buffered(&enc[..]).unwrap();
    if d.is_scrypt() {
        return age_decrypt_passphrase(&enc, passphrase);
    }
    let identity_file = age_decrypt_passphrase(&read(&root_file(path, "default")), passphrase);
    let identities = age::IdentityFile::from_buffer(&identity_file[..])
        .unwrap()
        .into_identities()
        .unwrap();
    let mut plain = Vec::new();
    d.decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .unwrap()
        .read_to_end(&mut plain)
        .unwrap();
    plain
}

/// Every key version's material in the keyring, decoded from base64.
pub fn materials(doc: &toml::Table) -> Vec<Vec<u8>> {
    use base64::Engine;
    let mut out = Vec::new();
    for key in doc
        .get("key")
        .and_then(|k| k.as_array())
        .into_iter()
        .flatten()
    {
        for v in key["version"].as_array().unwrap() {
            if let Some(m) = v.get("material").and_then(|m| m.as_str()) {
                out.push(base64::engine::general_purpose::STANDARD.decode(m).unwrap());
            }
        }
    }
    out
}

/// The names of the keyring's leftover temporary files in `dir`.
pub fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".lkms-keyring-"))
        .collect()
}

/// A small deterministic generator (xorshift64*), so a failing run can be repeated with the
/// seed it prints.
pub struct Rng(u64);

impl Rng {
    /// Seeded from `LKMS_TEST_SEED` when set, else from the clock; the seed is printed.
    pub fn from_env(name: &str) -> Rng {
        let seed = std::env::var("LKMS_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("{name}: LKMS_TEST_SEED={seed}");
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Compares `actual` with the committed file `tests/cli/expected/NAME`, whole; rewrites the file
/// instead when LKMS_REGENERATE=1, as the generated completions are rewritten.
#[track_caller]
pub fn expect_file(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/expected")
        .join(name);
    if std::env::var_os("LKMS_REGENERATE").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}\nrun: LKMS_REGENERATE=1 cargo test --test cli pinned",
            path.display()
        )
    });
    assert!(
        want == actual,
        "{} differs:\n--- expected\n{want}\n--- actual\n{actual}\nrun: LKMS_REGENERATE=1 cargo \
         test --test cli pinned, if the change is meant",
        path.display()
    );
}

/// The `AGE-SECRET-KEY-1...` line of an age identity file.
pub fn secret_key_line(identity_file: &Path) -> String {
    std::fs::read_to_string(identity_file)
        .unwrap()
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .expect("an identity file holds a secret key line")
        .to_string()
}
