//! Crashes: `kill -9` at random moments of keyring writes and audit appends, and the states a
//! crash can leave (a torn audit line, a temporary keyring file) made on purpose.
//!
//! The kill moments are random (the seed is printed; `LKMS_TEST_SEED` repeats a run), but no
//! assertion depends on where they land: every state a kill can leave must pass every check.

use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::Instant;

use crate::util::*;

const ITERATIONS: usize = 60;

#[derive(Clone, Copy, Debug)]
enum Op {
    Create,
    Rotate,
    Describe,
}

/// What the commands told us: those that exited 0 must have taken effect; killed ones may or
/// may not have.
#[derive(Default, Debug)]
struct Tally {
    created_ok: BTreeSet<String>,
    created_killed: usize,
    rotated_ok: u64,
    rotated_killed: u64,
    described_ok: usize,
    killed: usize,
    torn_audit_lines: usize,
    temp_files_left: usize,
}

#[test]
fn kill_9_during_writes_and_appends_loses_no_reported_success() {
    let env = Env::new();
    env.create(&["--alias", "r"]);
    let mut rng = Rng::from_env("kill_9");
    // Spread kills over a write command's whole life on this machine (measured, not assumed).
    // The longest of three runs, and half again: some kills land after the command ended.
    let span = (0..3)
        .map(|_| {
            let start = Instant::now();
            env.run(&["rotate", "r"]).ok();
            start.elapsed()
        })
        .max()
        .unwrap()
        * 3
        / 2;
    let mut t = Tally {
        rotated_ok: 3,
        ..Tally::default()
    };

    for i in 0..ITERATIONS {
        let op = [Op::Create, Op::Rotate, Op::Describe][rng.below(3) as usize];
        let alias = format!("c{i}");
        let args: Vec<&str> = match op {
            Op::Create => vec!["create", "--alias", &alias],
            Op::Rotate => vec!["rotate", "r"],
            Op::Describe => vec!["describe", "r"],
        };
        let status = kill_at_random(&env, &args, span, &mut rng);
        match (status.code(), op) {
            (Some(0), Op::Create) => {
                t.created_ok.insert(alias.clone());
            }
            (Some(0), Op::Rotate) => t.rotated_ok += 1,
            (Some(0), Op::Describe) => t.described_ok += 1,
            (None, Op::Create) => t.created_killed += 1,
            (None, Op::Rotate) => t.rotated_killed += 1,
            (None, Op::Describe) => {}
            (Some(code), _) => panic!("{args:?} failed with exit {code} (not killed)"),
        }
        if status.code().is_none() {
            t.killed += 1;
        } else if !matches!(op, Op::Describe) {
            // A completed write removed whatever temporary file an earlier kill left.
            assert_eq!(temp_files(env.dir.path()), Vec::<String>::new());
        }
        t.temp_files_left += temp_files(env.dir.path()).len();

        // The chain verifies, or only its last line is torn (the next append drops it).
        let v = env.run(&["audit", "verify"]);
        if v.code != 0 {
            assert_eq!(v.code, 5, "{}", v.stderr);
            assert!(v.stderr.contains("incomplete"), "{}", v.stderr);
            t.torn_audit_lines += 1;
        }

        // The keyring opens (temporary files are ignored) and holds every reported success.
        let keys = env.run(&["list", "--json"]).ok().json();
        let aliases: BTreeSet<String> = keys
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|k| k["aliases"].as_array().unwrap().clone())
            .map(|a| a.as_str().unwrap().to_string())
            .collect();
        assert!(
            t.created_ok.is_subset(&aliases),
            "a key whose create succeeded is missing: {t:?} {aliases:?}"
        );
        let created = aliases.len() - 1; // minus r
        assert!(created <= t.created_ok.len() + t.created_killed, "{t:?}");
        let version = env.describe("r")["current_version"].as_u64().unwrap();
        assert!(
            version > t.rotated_ok && version <= 1 + t.rotated_ok + t.rotated_killed,
            "version {version}, {t:?}"
        );
        env.run(&["audit", "verify"]).ok();
    }

    // Every reported success has its audit line.
    let lines = env.audit_lines();
    let successes = |event: &str| {
        lines
            .iter()
            .filter(|l| l["event"] == event && l["outcome"] == "success")
            .count()
    };
    assert!(successes("CreateKey") > t.created_ok.len(), "{t:?}");
    assert!(successes("RotateKey") as u64 >= t.rotated_ok, "{t:?}");
    assert!(lines.iter().all(|l| l["outcome"] == "success"), "{t:?}");
    // The next write cleans up after any kill.
    env.run(&["rotate", "r"]).ok();
    assert_eq!(temp_files(env.dir.path()), Vec::<String>::new());
    env.run(&["audit", "verify"]).ok();
    eprintln!("kill_9: {t:?}");
}

#[test]
fn a_torn_audit_line_is_dropped_whatever_byte_the_crash_cut_at() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    env.run(&["rotate", "k"]).ok();
    let whole = read(&env.audit_log());
    let last_start = whole[..whole.len() - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap()
        + 1;
    let last_len = whole.len() - last_start;
    // About 25 cut points through the last line, and the one just before its newline (a whole
    // record missing only the newline is still a torn line).
    let mut cuts: Vec<usize> = (1..last_len).step_by(last_len / 25).collect();
    cuts.push(last_len - 1);
    for cut in cuts {
        std::fs::write(env.audit_log(), &whole[..last_start + cut]).unwrap();
        let r = env.run(&["audit", "verify"]).code(5);
        assert!(r.stderr.contains("incomplete"), "cut {cut}: {}", r.stderr);
        env.run(&["describe", "k"]).ok();
        env.run(&["audit", "verify"]).ok();
        let lines = env.audit_lines();
        let n = lines.len();
        assert_eq!(lines[n - 2]["event"], "AuditLogRecovered", "cut {cut}");
        assert_eq!(lines[n - 2]["request"]["dropped_bytes"], cut as u64);
        assert_eq!(lines[n - 1]["event"], "DescribeKey");
        // The chain goes on from the last whole line.
        let before: serde_json::Value = serde_json::from_slice(
            whole[..last_start - 1]
                .rsplit(|&b| b == b'\n')
                .next()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(lines[n - 2]["prev_hash"], before["hash"]);
    }
}

#[test]
fn a_temporary_keyring_left_by_a_crash_is_ignored_then_removed() {
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let old = read(&env.keyring());
    env.run(&["rotate", "k"]).ok();
    // A crash before the rename leaves a whole or a partial temporary file.
    env.write(".lkms-keyring-AbC123", &old);
    env.write(".lkms-keyring-XyZ789", &old[..old.len() / 2]);
    assert_eq!(env.describe("k")["current_version"], 2);
    assert_eq!(
        temp_files(env.dir.path()).len(),
        2,
        "readers leave them alone"
    );
    env.run(&["rotate", "k"]).ok();
    assert_eq!(temp_files(env.dir.path()), Vec::<String>::new());
    assert_eq!(env.describe("k")["current_version"], 3);
}

#[test]
fn a_lock_held_by_a_killed_writer_is_released() {
    use std::io::BufRead;
    let env = Env::new();
    env.create(&["--alias", "k"]);
    // A process that takes the writers' lock, says so, and is killed while holding it.
    let lock = format!("{}.lock", env.keyring().display());
    let mut holder = std::process::Command::new("sh")
        .args([
            "-c",
            "exec 9>>\"$1\" && flock 9 && echo locked && exec sleep 600",
            "sh",
            &lock,
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(holder.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "locked", "needs flock (util-linux)");
    holder.kill().unwrap();
    holder.wait().unwrap();
    // The kernel dropped the lock with the process: the next writer does not wait for it.
    env.run(&["rotate", "k"]).ok();
    assert_eq!(env.describe("k")["current_version"], 2);
}

/// The output temporary files (`.lkms-XXXXXX.tmp`) in `dir`.
/// Runs lkms with `args` and sends it SIGKILL after a random part of `span`. If the command
/// has already finished the kill does nothing, and its exit status (not the kill) says what
/// happened.
fn kill_at_random(
    env: &Env,
    args: &[&str],
    span: std::time::Duration,
    rng: &mut Rng,
) -> std::process::ExitStatus {
    let mut child = env
        .cmd()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(span.mul_f64(rng.below(1000) as f64 / 1000.0));
    let _ = child.kill();
    child.wait().unwrap()
}

fn output_temps(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(".lkms-") && n.ends_with(".tmp")
        })
        .map(|e| e.path())
        .collect()
}

/// `kill -9` at random moments of a large encrypt and decrypt to a file: the output appears
/// at its name whole or not at all; what a kill leaves is a `.lkms-*.tmp` file, mode 0600, in
/// the output's directory only; and the next output into that directory removes it.
#[test]
fn kill_9_during_a_large_encrypt_or_decrypt_never_leaves_an_output_file() {
    use std::os::unix::fs::PermissionsExt;
    const ROUNDS: usize = 12;
    let env = Env::new();
    env.create(&["--alias", "k"]);
    let input_dir = env.path("in");
    let out = env.path("out");
    std::fs::create_dir_all(&input_dir).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let mut rng = Rng::from_env("kill_9_data");
    let plain: Vec<u8> = (0..(24 << 20) / 8)
        .flat_map(|_| rng.next().to_le_bytes())
        .collect();
    let plain_path = input_dir.join("big");
    std::fs::write(&plain_path, &plain).unwrap();
    let sealed = input_dir.join("big.lkms");
    let plain_arg = plain_path.to_str().unwrap().to_string();
    let sealed_arg = sealed.to_str().unwrap().to_string();
    env.run(&["encrypt", "--key", "k", "-o", &sealed_arg, &plain_arg])
        .ok();
    let sealed_len = std::fs::metadata(&sealed).unwrap().len();
    // Spread kills over a whole run, measured here, and half again (some land after the end).
    let span = (0..2)
        .map(|i| {
            let start = Instant::now();
            let o = out.join(format!("warmup{i}"));
            env.run(&["decrypt", "-o", o.to_str().unwrap(), &sealed_arg])
                .ok();
            std::fs::remove_file(o).unwrap();
            start.elapsed()
        })
        .max()
        .unwrap()
        * 3
        / 2;

    let (mut killed, mut finished, mut temps_seen) = (0, 0, 0);
    for i in 0..ROUNDS {
        let decrypting = i % 2 == 0;
        let target = out.join(format!("result{i}"));
        let t = target.to_str().unwrap();
        let args: Vec<&str> = if decrypting {
            vec!["decrypt", "-o", t, &sealed_arg]
        } else {
            vec!["encrypt", "--key", "k", "-o", t, &plain_arg]
        };
        let status = kill_at_random(&env, &args, span, &mut rng);
        match status.code() {
            Some(0) => {
                finished += 1;
                let len = std::fs::metadata(&target).unwrap().len();
                if decrypting {
                    assert!(read(&target) == plain, "round {i}: a wrong plaintext");
                } else {
                    assert_eq!(len, sealed_len, "round {i}");
                }
                std::fs::remove_file(&target).unwrap();
            }
            None => {
                killed += 1;
                // A kill that lands after the rename, before the process exits, leaves the
                // whole output: never a partial one.
                if target.exists() {
                    if decrypting {
                        assert!(
                            read(&target) == plain,
                            "round {i}: a killed run left a partial {t}"
                        );
                    } else {
                        let len = std::fs::metadata(&target).unwrap().len();
                        assert_eq!(
                            len, sealed_len,
                            "round {i}: a killed run left a partial {t}"
                        );
                    }
                    std::fs::remove_file(&target).unwrap();
                }
            }
            Some(code) => panic!("{args:?} failed with exit {code} (not killed)"),
        }
        // Temporary files only beside the output, private.
        for dir in [env.dir.path(), input_dir.as_path()] {
            assert_eq!(output_temps(dir), Vec::<std::path::PathBuf>::new());
        }
        for temp in output_temps(&out) {
            temps_seen += 1;
            let mode = std::fs::metadata(&temp).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{}", temp.display());
        }
        let v = env.run(&["audit", "verify"]);
        if v.code != 0 {
            assert!(v.stderr.contains("incomplete"), "{}", v.stderr);
        }
    }
    // The next output into the folder removes what the kills left, and only that.
    let last = out.join("last");
    env.run(&["decrypt", "-o", last.to_str().unwrap(), &sealed_arg])
        .ok();
    assert_eq!(output_temps(&out), Vec::<std::path::PathBuf>::new());
    let names: Vec<_> = std::fs::read_dir(&out).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(read(&last) == plain);
    env.run(&["audit", "verify"]).ok();
    eprintln!(
        "kill_9_data: {killed} killed, {finished} finished, {temps_seen} temporary files seen"
    );
}
