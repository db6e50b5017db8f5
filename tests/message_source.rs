//! `message_source::load` on the inputs `sign` and `verify` will meet: empty, small and large
//! regular files, devices and pipes, and paths that are not files.

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::Path;

use lkms::io::message_source::{self, MessageSource};

/// Read rather than mapped: into a growing anonymous mapping on Linux, a buffer elsewhere.
fn was_read(src: &MessageSource) -> bool {
    #[cfg(target_os = "linux")]
    return matches!(src, MessageSource::Grown(_));
    #[cfg(not(target_os = "linux"))]
    return matches!(src, MessageSource::Bytes(_));
}

fn pattern(len: usize) -> Vec<u8> {
    // Not periodic in any power of two, so a misplaced page would show.
    (0..len)
        .map(|i| (i % 251) as u8 ^ (i >> 13) as u8)
        .collect()
}

#[test]
fn an_empty_file_loads_as_no_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty");
    fs::write(&path, b"").unwrap();
    let src = message_source::load(Some(&path)).unwrap();
    assert!(src.is_empty());
    // mmap of length 0 fails on Linux, so an empty file must not be mapped.
    assert!(was_read(&src), "{src:?}");
}

#[test]
fn a_small_file_is_mapped_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small");
    fs::write(&path, b"hello, world\n").unwrap();
    let src = message_source::load(Some(&path)).unwrap();
    assert!(matches!(src, MessageSource::Mapped(_)));
    assert_eq!(&*src, b"hello, world\n");
}

#[test]
fn a_20_mib_file_is_mapped_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large");
    let data = pattern(20 * 1024 * 1024 + 3);
    fs::write(&path, &data).unwrap();
    let src = message_source::load(Some(&path)).unwrap();
    assert!(matches!(src, MessageSource::Mapped(_)));
    assert_eq!(src.len(), data.len());
    assert!(*src == *data, "mapped bytes differ from the file");
}

#[test]
fn a_device_is_read_not_mapped() {
    let src = message_source::load(Some(Path::new("/dev/null"))).unwrap();
    assert!(was_read(&src), "{src:?}");
    assert!(src.is_empty());
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_that_reports_size_zero_but_has_content_is_read() {
    // /proc files have st_size 0; treating that as empty would sign nothing.
    let src = message_source::load(Some(Path::new("/proc/self/status"))).unwrap();
    assert!(src.starts_with(b"Name:"), "{src:?}");
}

/// Writes `data` into a new named pipe from another thread and loads it from the pipe.
#[cfg(unix)]
fn through_a_named_pipe(data: &[u8]) -> MessageSource {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fifo");
    let c_path = CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: c_path is a valid NUL-terminated string that outlives the call.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let writer = {
        let (path, data) = (path.clone(), data.to_vec());
        std::thread::spawn(move || {
            let mut f = fs::OpenOptions::new().write(true).open(path).unwrap();
            f.write_all(&data).unwrap();
        })
    };
    let src = message_source::load(Some(&path)).unwrap();
    writer.join().unwrap();
    src
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_to_its_end() {
    // More than one read's worth, so the buffer must grow while the writer is still writing.
    let data = pattern(300_000);
    let src = through_a_named_pipe(&data);
    assert!(was_read(&src), "{src:?}");
    assert!(*src == *data, "bytes read from the pipe differ");
}

#[cfg(unix)]
#[test]
fn a_large_pipe_input_grows_the_buffer_many_times_and_keeps_every_byte() {
    // 1 MiB first, then doubled: 37 MiB + 5 moves the mapping six times, and ends off a page.
    let data = pattern((37 << 20) + 5);
    let src = through_a_named_pipe(&data);
    assert!(was_read(&src), "{src:?}");
    assert_eq!(src.len(), data.len());
    assert!(*src == *data, "bytes read from the pipe differ");
}

#[test]
fn a_missing_file_or_a_directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = message_source::load(Some(&dir.path().join("absent"))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = message_source::load(Some(dir.path())).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::IsADirectory);
    assert!(err.to_string().contains("is a directory"), "{err}");
}
