//! How the process's heap gives memory back: peak memory is what a CI runner pays for, and a
//! streaming command's own buffers are a small part of it.
//!
//! glibc's malloc serves a request of 128 KiB or more with its own mapping, returned to the
//! system by `free`. But freeing such a mapping raises the threshold to the freed size (up to
//! 32 MiB), and from then on blocks of that size come from the heap, whose freed pages stay
//! resident. The passphrase unlock frees scrypt's 1 MiB work area first thing, so every large
//! buffer after it (the pipeline's batches, the keyring's plaintext) went to the heap and the
//! work area's pages were never given back: a passphrase keyring's encrypt of 64 MiB peaked
//! at 8.6 MiB, and at 7.5 MiB with the threshold fixed (medians of 7). Fixing it keeps large
//! blocks in mappings of their own, which also means scrypt's work area leaves the process
//! when it is freed instead of lingering in a free list.

/// Called at the start, before anything large is allocated.
pub fn at_start() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets the allocator's tuning; setting M_MMAP_THRESHOLD explicitly
    // also switches off its dynamic adjustment, which is the point.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Returns the heap's free pages to the system (glibc keeps them mapped after `free`).
pub fn release_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only inspects and trims the allocator's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use std::process::Command;

    /// Set in the child that [`a_large_block_stays_mapped_after_a_larger_one_is_freed`]
    /// starts: glibc's statistics are process-wide, and other tests free mapped blocks.
    const CHILD: &str = "LKMS_TEST_HEAP_CHILD";

    /// Bytes in blocks glibc serves with mappings of their own.
    fn mapped_bytes() -> usize {
        // SAFETY: mallinfo2 only reads the allocator's statistics.
        unsafe { libc::mallinfo2() }.hblkhd
    }

    /// Runs only in the child process, where it is the one test running.
    #[test]
    fn large_block_child() {
        if std::env::var_os(CHILD).is_none() {
            return;
        }
        super::at_start();
        // What the passphrase unlock does: scrypt's 1 MiB work area, used and freed.
        let work_area = std::hint::black_box(vec![1u8; 1 << 20]);
        drop(work_area);
        // Then a pipeline batch buffer. Left to glibc's dynamic threshold, it would now come
        // from the heap, and its pages would stay resident after it is freed.
        let before = mapped_bytes();
        let batch = std::hint::black_box(vec![1u8; 256 * 1024]);
        let after = mapped_bytes();
        assert!(
            after >= before + batch.len(),
            "a 256 KiB block was not given its own mapping ({before} -> {after} bytes mapped)"
        );
    }

    #[test]
    fn a_large_block_stays_mapped_after_a_larger_one_is_freed() {
        let out = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "heap::tests::large_block_child", "--nocapture"])
            .env(CHILD, "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
