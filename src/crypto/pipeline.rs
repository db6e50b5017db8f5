//! The batch pipeline under chunked encryption: read a batch, transform it in place, write it,
//! in input order, on one or more threads.
//!
//! Why this shape: ring seals or opens a 16 KiB chunk faster than the page cache delivers it,
//! so the cost is in copies, syscalls and waiting. A worker reads a batch (8 chunks, 128 KiB)
//! into a buffer, transforms it in place and writes it out with one vectored write: no
//! per-chunk allocation or copy. With two workers, one worker's AEAD work overlaps the other's
//! reading and writing. Reads are taken in turn under one lock and writes are released strictly
//! in batch order under another, so the output is the same bytes whatever the thread count, and
//! an error in batch k is reported only after batches before k were written and stops every
//! later batch from being written. A batch done before its turn is left ready for the worker
//! that writes the one before it, and its worker goes on with a second buffer, so no worker
//! waits on another's turn. Memory stays at two buffers a worker, whatever the input size.
//!
//! A regular file is read differently ([`Source::At`]): each worker reads its own batch with
//! `pread` at the batch's offset, and the read lock only hands out batch numbers, so the two
//! copies out of the page cache run at the same time instead of in turn (the copy is most of
//! the cost). The first short batch ends the input; a batch read past it (the file shrank or
//! was short all along) is dropped unwritten. A stream keeps the
//! sequential read under the lock: it has no offsets.
//!
//! Below a few batches a second thread costs more to start than it saves, so the helpers are
//! started only once the input has proved longer than [`SPAWN_AFTER`] batches.

use std::io::{self, IoSlice, Read, Write};
use std::sync::{Condvar, Mutex, MutexGuard};

use super::CryptoError;
use super::batch_buffer::BatchBuffer;

/// Chunks in one batch: big enough that syscalls and locking are amortised over 128 KiB,
/// small enough that two workers' four buffers (512 KiB) stay a small part of a command's
/// memory, most of which is the binary's own code pages. At 2 GiB, 8, 16 and 32 chunks ran
/// within the machine's noise of each other (bench/compare.sh).
pub const BATCH_CHUNKS: usize = 8;

/// The most threads the pipeline uses: reads and writes are serialised, so more workers than
/// this only add memory.
pub(crate) const MAX_THREADS: usize = 4;

/// Full batches the calling thread reads alone before it starts the other workers: an input
/// that ends sooner is done before a second thread would have paid for its start (see
/// bench/compare.sh, "fixed costs", and `cargo bench --bench chunked -- small`): 2 MiB.
pub(crate) const SPAWN_AFTER: u64 = (2 << 20) / (BATCH_CHUNKS * super::chunked::CHUNK_LEN) as u64;

/// An input that can be read at any offset by several threads at once: a regular file
/// (implemented in `crate::io`, as `pread`; this module knows nothing of files).
pub trait ReadAt: Sync {
    /// Reads into `buf` from `offset`; 0 at the end, like `Read::read`.
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize>;
}

/// What the pipeline reads: any stream, or an input read at offsets.
pub enum Source<'a> {
    /// Read front to back, one batch at a time under the read lock.
    Stream(Box<dyn Read + Send + 'a>),
    /// Read from the offset to the end with positional reads, each worker its own batch.
    At(&'a dyn ReadAt, u64),
}

impl<'a, R: Read + Send + 'a> From<R> for Source<'a> {
    fn from(reader: R) -> Source<'a> {
        Source::Stream(Box::new(reader))
    }
}

impl Source<'_> {
    /// Reads exactly `buf.len()` bytes from the front, moving past them.
    pub(crate) fn read_exact(&mut self, buf: &mut [u8]) -> io::Result<()> {
        match self {
            Source::Stream(r) => r.read_exact(buf),
            Source::At(r, offset) => {
                if fill_at(*r, buf, *offset)? < buf.len() {
                    return Err(io::ErrorKind::UnexpectedEof.into());
                }
                *offset += buf.len() as u64;
                Ok(())
            }
        }
    }
}

/// Authentication tags of one batch, for stages that keep them beside the data.
pub(crate) type Tags = [[u8; 16]; BATCH_CHUNKS];

/// One direction of the transform.
pub(crate) trait Stage: Sync {
    /// Input bytes in a full batch; a shorter batch means the input ended.
    fn batch_len(&self) -> usize;
    /// Transforms `buf` (the input bytes of batch `batch`) in place. `last` is true when the
    /// input ended within this batch (so it is shorter than `batch_len`, possibly empty).
    fn process(
        &self,
        batch: u64,
        buf: &mut [u8],
        last: bool,
        tags: &mut Tags,
    ) -> Result<(), CryptoError>;
    /// Writes the output of a processed batch and returns the number of plaintext bytes in it.
    fn write<W: Write>(&self, out: &mut W, buf: &[u8], tags: &Tags) -> io::Result<u64>;
}

struct ReadSide<'a> {
    /// `None` when the input is read at offsets (see [`Shared::at`]).
    stream: Option<Box<dyn Read + Send + 'a>>,
    next_batch: u64,
    done: bool,
}

/// A batch read and transformed before its turn to be written. It waits in
/// [`WriteSide::ready`], and the worker that writes the batch before it writes it too.
struct Ready {
    batch: u64,
    buffer: BatchBuffer,
    len: usize,
    result: Result<(), CryptoError>,
    tags: Tags,
}

struct WriteSide<'p, W> {
    output: W,
    next_batch: u64,
    failed: Option<CryptoError>,
    /// The batch that ended the input was written: any later batch (read at an offset past
    /// the end) is dropped unwritten.
    ended: bool,
    plaintext: u64,
    consumed: u64,
    /// Batches done before their turn.
    ready: Vec<Ready>,
    /// Buffers given back by the writer, for workers whose own buffer waits in `ready`.
    spare: Vec<BatchBuffer>,
    /// Buffers that exist, at most [`BUFFERS_PER_WORKER`] a worker: the memory bound.
    buffers: usize,
    /// Workers asleep on [`Shared::freed`], waiting for a spare buffer: the condition variable
    /// is signalled only when one is.
    sleepers: usize,
    progress: &'p mut (dyn FnMut(u64) + Send),
}

/// Buffers a worker may hold: its own, and one more for going on with the next batch while a
/// batch it finished early waits for its turn.
const BUFFERS_PER_WORKER: usize = 2;

struct Shared<'a, 'p, W> {
    read: Mutex<ReadSide<'a>>,
    /// For an input read at offsets: the input and the offset of batch 0.
    at: Option<(&'a dyn ReadAt, u64)>,
    write: Mutex<WriteSide<'p, W>>,
    /// Signalled when buffers go back to [`WriteSide::spare`] or the run stops.
    freed: Condvar,
    batch_len: usize,
    max_buffers: usize,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A poisoned lock means another worker panicked; its guard has already marked the run as
    // failed, so the data behind the lock is still safe to look at.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `stage` over `input` into `output` with `threads` workers (at least one; the calling
/// thread is one of them). Returns the plaintext byte count. `progress` gets the cumulative
/// number of input bytes consumed after each batch is written.
pub(crate) fn run<S: Stage, W: Write + Send>(
    stage: &S,
    threads: usize,
    input: Source<'_>,
    output: W,
    progress: &mut (dyn FnMut(u64) + Send),
) -> Result<u64, CryptoError> {
    let (stream, at) = match input {
        Source::Stream(r) => (Some(r), None),
        Source::At(r, offset) => (None, Some((r, offset))),
    };
    let threads = threads.clamp(1, MAX_THREADS);
    let shared = Shared {
        read: Mutex::new(ReadSide {
            stream,
            next_batch: 0,
            done: false,
        }),
        at,
        write: Mutex::new(WriteSide {
            output,
            next_batch: 0,
            failed: None,
            ended: false,
            plaintext: 0,
            consumed: 0,
            ready: Vec::new(),
            spare: Vec::new(),
            buffers: 0,
            sleepers: 0,
            progress,
        }),
        freed: Condvar::new(),
        batch_len: stage.batch_len(),
        max_buffers: threads * BUFFERS_PER_WORKER,
    };
    if threads == 1 {
        worker(stage, &shared, None);
    } else {
        std::thread::scope(|s| {
            let mut spawn = || {
                for _ in 1..threads {
                    s.spawn(|| worker(stage, &shared, None));
                }
            };
            worker(stage, &shared, Some(&mut spawn));
        });
    }
    let mut w = shared.write.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(e) = w.failed.take() {
        return Err(e);
    }
    w.output.flush()?;
    Ok(w.plaintext)
}

/// Marks the run failed if a worker unwinds between taking a batch and handing it on (written,
/// or left ready for its turn), so that no worker waits for a batch that will never come.
struct TurnGuard<'s, 'a, 'p, W> {
    shared: &'s Shared<'a, 'p, W>,
    armed: bool,
}

impl<W> Drop for TurnGuard<'_, '_, '_, W> {
    fn drop(&mut self) {
        if self.armed {
            let mut w = lock(&self.shared.write);
            if w.failed.is_none() {
                w.failed = Some(CryptoError::Io(io::Error::other(
                    "internal error: a worker thread stopped",
                )));
            }
            self.shared.freed.notify_all();
        }
    }
}

/// One worker's loop. `spawn`, given to the calling thread only, starts the other workers once
/// the input has more than [`SPAWN_AFTER`] full batches.
///
/// A worker never waits for its turn to write. When its batch is done before the batches ahead
/// of it are written, it leaves the batch ready and goes on with a spare buffer; whoever writes
/// the batch before it writes it next. Two workers thus never stall on each other's uneven
/// batches (a slow read, a descheduled thread), which with a strict turn cost about a tenth of
/// the run. A worker waits only when no spare buffer is left, two batches ahead of the writer.
fn worker<S: Stage, W: Write>(
    stage: &S,
    shared: &Shared<'_, '_, W>,
    mut spawn: Option<&mut dyn FnMut()>,
) {
    let mut own = take_buffer(shared, &mut lock(&shared.write));
    let mut tags: Tags = [[0; 16]; BATCH_CHUNKS];
    loop {
        // After decryption (and before encryption) a buffer holds plaintext: wiped when it is
        // dropped, as far as it was ever filled.
        let mut buffer = match own.take().or_else(|| wait_for_spare(shared)) {
            Some(buffer) => buffer,
            None => return,
        };
        let full = buffer.len;
        let (batch, filled) = {
            let mut r = lock(&shared.read);
            if r.done {
                // The buffer is dropped: a worker waiting for a spare one is woken when the
                // batch that ended the input is written.
                return;
            }
            let batch = r.next_batch;
            r.next_batch += 1;
            match &mut r.stream {
                Some(stream) => {
                    let filled = fill(stream, buffer.bytes());
                    // The input ended (or failed) inside this batch: no worker takes another.
                    if !matches!(filled, Ok(n) if n == full) {
                        r.done = true;
                    }
                    (batch, Some(filled))
                }
                None => (batch, None),
            }
        };
        let filled = match (filled, shared.at) {
            (Some(filled), _) => filled,
            (None, Some((input, start))) => {
                // Outside the lock: the other worker reads its own batch meanwhile.
                let offset = start + batch * full as u64;
                let filled = fill_at(input, buffer.bytes(), offset);
                if !matches!(filled, Ok(n) if n == full) {
                    lock(&shared.read).done = true;
                }
                filled
            }
            (None, None) => unreachable!("an input is either a stream or a file"),
        };
        // A failed read may have filled any part of the buffer.
        buffer.used = buffer.used.max(*filled.as_ref().unwrap_or(&full));
        let mut guard = TurnGuard {
            shared,
            armed: true,
        };
        // After the guard: should starting a thread panic, this batch is marked failed and a
        // worker already started does not wait for it forever.
        if batch + 1 >= SPAWN_AFTER
            && matches!(filled, Ok(n) if n == full)
            && let Some(spawn) = spawn.take()
        {
            spawn();
        }
        let (len, result) = match filled {
            Ok(n) => {
                let last = n < full;
                (
                    n,
                    stage.process(batch, &mut buffer.bytes()[..n], last, &mut tags),
                )
            }
            Err(e) => (0, Err(CryptoError::Io(e))),
        };
        let mut w = lock(&shared.write);
        if w.failed.is_some() || w.ended {
            // An earlier batch failed, or ended the input: nothing after it may be written.
            guard.armed = false;
            return;
        }
        if w.next_batch != batch {
            w.ready.push(Ready {
                batch,
                buffer,
                len,
                result,
                tags,
            });
            own = take_buffer(shared, &mut w);
            guard.armed = false;
            continue;
        }
        let mut stop = write_batch(stage, &mut w, &buffer, len, result, &tags);
        while !stop {
            let next = w.next_batch;
            let Some(i) = w.ready.iter().position(|r| r.batch == next) else {
                break;
            };
            let r = w.ready.swap_remove(i);
            stop = write_batch(stage, &mut w, &r.buffer, r.len, r.result, &r.tags);
            w.spare.push(r.buffer);
        }
        guard.armed = false;
        let wake = w.sleepers > 0 && (stop || !w.spare.is_empty());
        drop(w);
        if wake {
            shared.freed.notify_all();
        }
        if stop {
            return;
        }
        own = Some(buffer);
    }
}

/// Writes a batch in its turn and moves the turn on. Returns true when nothing after it may be
/// written: it ended the input, or it (or the write) failed.
fn write_batch<S: Stage, W: Write>(
    stage: &S,
    w: &mut WriteSide<'_, W>,
    buffer: &BatchBuffer,
    len: usize,
    result: Result<(), CryptoError>,
    tags: &Tags,
) -> bool {
    let bytes = buffer.filled(len);
    match result.and_then(|()| Ok(stage.write(&mut w.output, bytes, tags)?)) {
        Ok(plain) => {
            w.plaintext += plain;
            w.consumed += len as u64;
            let consumed = w.consumed;
            (w.progress)(consumed);
        }
        Err(e) => w.failed = Some(e),
    }
    w.next_batch += 1;
    w.ended = len < buffer.len;
    w.ended || w.failed.is_some()
}

/// A spare buffer, or a new one while fewer than the bound exist.
fn take_buffer<W>(shared: &Shared<'_, '_, W>, w: &mut WriteSide<'_, W>) -> Option<BatchBuffer> {
    if let Some(buffer) = w.spare.pop() {
        return Some(buffer);
    }
    (w.buffers < shared.max_buffers).then(|| {
        w.buffers += 1;
        BatchBuffer::new(shared.batch_len)
    })
}

/// Sleeps until a buffer is free; `None` when the run stopped meanwhile.
fn wait_for_spare<W>(shared: &Shared<'_, '_, W>) -> Option<BatchBuffer> {
    let mut w = lock(&shared.write);
    loop {
        if w.failed.is_some() || w.ended {
            return None;
        }
        if let Some(buffer) = take_buffer(shared, &mut w) {
            return Some(buffer);
        }
        w.sleepers += 1;
        w = shared.freed.wait(w).unwrap_or_else(|e| e.into_inner());
        w.sleepers -= 1;
    }
}

/// Reads until `buf` is full or the input ends; returns the number of bytes read.
fn fill<R: Read>(input: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match input.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Reads at `offset` until `buf` is full or the input ends; returns the number of bytes read.
fn fill_at(input: &dyn ReadAt, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match input.read_at(&mut buf[n..], offset + n as u64) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// `write_all` for a list of slices: one `writev` per call where the writer supports it.
pub(crate) fn write_all_vectored<W: Write>(
    out: &mut W,
    mut slices: &mut [IoSlice<'_>],
) -> io::Result<()> {
    IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        match out.write_vectored(slices) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes at most 5 bytes a call and ignores all but the first slice, as `Write`'s default
    /// `write_vectored` does: the loop must still write everything, in order.
    struct Dribble(Vec<u8>);
    impl Write for Dribble {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            let n = b.len().min(5);
            self.0.extend_from_slice(&b[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A stage over 8-byte batches that adds the batch number to each byte, takes longer on
    /// every third batch (so that workers finish out of turn and leave batches ready), and
    /// fails at batch `fail_at`.
    struct Uneven {
        fail_at: Option<u64>,
    }

    impl Stage for Uneven {
        fn batch_len(&self) -> usize {
            8
        }
        fn process(
            &self,
            batch: u64,
            buf: &mut [u8],
            _last: bool,
            _tags: &mut Tags,
        ) -> Result<(), CryptoError> {
            if batch.is_multiple_of(3) {
                std::thread::sleep(std::time::Duration::from_micros(300));
            }
            if Some(batch) == self.fail_at {
                return Err(CryptoError::Io(io::Error::other(format!("batch {batch}"))));
            }
            for b in buf.iter_mut() {
                *b = b.wrapping_add(batch as u8);
            }
            Ok(())
        }
        fn write<W: Write>(&self, out: &mut W, buf: &[u8], _tags: &Tags) -> io::Result<u64> {
            out.write_all(buf)?;
            Ok(buf.len() as u64)
        }
    }

    fn expected(input: &[u8], batches: usize) -> Vec<u8> {
        input
            .chunks(8)
            .take(batches)
            .enumerate()
            .flat_map(|(i, c)| c.iter().map(move |b| b.wrapping_add(i as u8)))
            .collect()
    }

    #[test]
    fn batches_finished_out_of_turn_are_written_in_order() {
        // Past SPAWN_AFTER, so that the other workers start, and ending in a short batch.
        let batches = SPAWN_AFTER as usize + 60;
        let input: Vec<u8> = (0..batches * 8 + 3).map(|i| (i * 7) as u8).collect();
        for threads in [2, 3, 4] {
            let mut out = Vec::new();
            let mut seen = 0;
            let n = run(
                &Uneven { fail_at: None },
                threads,
                Source::from(&input[..]),
                &mut out,
                &mut |c| seen = c,
            )
            .unwrap();
            assert_eq!(n, input.len() as u64, "{threads} threads");
            assert_eq!(seen, input.len() as u64, "{threads} threads");
            assert!(out == expected(&input, batches + 1), "{threads} threads");
        }
    }

    #[test]
    fn a_failed_batch_ends_the_output_after_every_batch_before_it() {
        let batches = SPAWN_AFTER as usize + 60;
        let input: Vec<u8> = (0..batches * 8).map(|i| (i * 3) as u8).collect();
        let fail_at = SPAWN_AFTER + 20;
        for threads in [1, 2, 4] {
            let mut out = Vec::new();
            let err = run(
                &Uneven {
                    fail_at: Some(fail_at),
                },
                threads,
                Source::from(&input[..]),
                &mut out,
                &mut |_| {},
            )
            .unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("batch {fail_at}"),
                "{threads} threads"
            );
            assert!(
                out == expected(&input, fail_at as usize),
                "{threads} threads: {} bytes written",
                out.len()
            );
        }
    }

    #[test]
    fn vectored_write_handles_partial_writes() {
        let parts: [&[u8]; 4] = [b"hello ", b"", b"vectored ", b"world"];
        let mut slices: Vec<IoSlice> = parts.iter().map(|p| IoSlice::new(p)).collect();
        let mut out = Dribble(Vec::new());
        write_all_vectored(&mut out, &mut slices).unwrap();
        assert_eq!(out.0, b"hello vectored world");
    }
}
