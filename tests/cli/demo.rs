//! scripts/demo.sh, the end-to-end demo the README starts with, run with the binary under test
//! (LKMS_BIN) rather than a release build of its own.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::*;

#[test]
fn the_demo_runs_end_to_end_with_the_binary_lkms_bin_names() {
    let dir = tempfile::tempdir().unwrap();
    // A wrapper that counts its runs, so the test knows the demo used LKMS_BIN and built nothing.
    let calls = dir.path().join("calls");
    let wrapper = dir.path().join("lkms-wrapper");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\necho \"$1\" >> '{}'\nexec '{}' \"$@\"\n",
            calls.display(),
            bin().display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(
        &wrapper,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/demo.sh");
    // Started from the temporary directory with a relative LKMS_BIN, as a user might.
    let out = Command::new("bash")
        .arg(&script)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir.path())
        .env("TMPDIR", dir.path())
        .env("LKMS_BIN", "./lkms-wrapper")
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("run scripts/demo.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "demo failed ({}):\n--- stdout:\n{stdout}\n--- stderr:\n{stderr}",
        out.status
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        !stderr.contains("building lkms") && !stderr.contains("Compiling"),
        "the demo built lkms although LKMS_BIN was set: {stderr}"
    );
    assert!(
        stdout.contains("round trip: identical"),
        "the demo's decryption step: {stdout}"
    );
    assert!(
        stdout
            .trim_end()
            .ends_with("every step succeeded and the audit chain verifies"),
        "{stdout}"
    );
    let calls = std::fs::read_to_string(&calls).expect("the demo ran LKMS_BIN");
    let steps = stdout.matches("$ lkms ").count();
    assert!(steps >= 20, "only {steps} steps shown: {stdout}");
    assert_eq!(
        calls.lines().count(),
        steps,
        "every step the demo shows ran LKMS_BIN: {calls}"
    );
    // It cleans up after itself: nothing left in its temporary directory but the wrapper's.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "calls" && n != "lkms-wrapper")
        .collect();
    assert!(left.is_empty(), "the demo left {left:?} behind");
}
