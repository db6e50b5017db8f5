//! The buffer a pipeline worker reads a batch into: page-aligned, and wiped when dropped.

use zeroize::Zeroize;

/// A batch buffer: page-aligned, and its first `used` bytes (all it ever held) are zeroized on
/// drop.
///
/// Why aligned: the kernel copies a read into it with `rep movsb`, which on some x86 cores (the
/// AMD EPYC this was measured on) runs several times slower when the destination is not
/// 64-byte aligned (2 GiB in 128 KiB reads, `cargo bench --bench chunked -- floor`: 1.24 s into
/// a buffer 16 bytes into a page, 263 ms into an aligned one); a `Vec` of this size gets its
/// memory from `mmap` and starts 16 bytes into a page. `cat` aligns its buffer the same way.
/// Wiping only `used`, rather than the whole buffer, keeps small messages (a data key, a short
/// file) from paying for 128 KiB of volatile writes per buffer.
pub(super) struct BatchBuffer {
    storage: Vec<u8>,
    start: usize,
    /// The batch's length.
    pub(super) len: usize,
    /// How far the buffer was ever filled: what is wiped on drop.
    pub(super) used: usize,
}

/// The alignment of a batch buffer: a page, which is also a multiple of every cache line.
const BATCH_ALIGN: usize = 4096;

impl BatchBuffer {
    pub(super) fn new(len: usize) -> BatchBuffer {
        // Over-allocated by one page and sliced at the first aligned byte: no unsafe code,
        // for 4 KiB a worker.
        let storage = vec![0u8; len + BATCH_ALIGN];
        let start = storage.as_ptr().align_offset(BATCH_ALIGN);
        BatchBuffer {
            storage,
            start,
            len,
            used: 0,
        }
    }

    pub(super) fn bytes(&mut self) -> &mut [u8] {
        &mut self.storage[self.start..self.start + self.len]
    }

    /// The first `len` bytes.
    pub(super) fn filled(&self, len: usize) -> &[u8] {
        &self.storage[self.start..self.start + len]
    }
}

impl Drop for BatchBuffer {
    fn drop(&mut self) {
        let used = self.used;
        self.bytes()[..used].zeroize();
    }
}
