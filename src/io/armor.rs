//! ASCII armor for lkms ciphertexts (docs/FORMAT.md, "ASCII armor"), and telling the four
//! input forms apart by their first bytes: lkms, armored lkms, age, armored age.
//!
//! The armor is age's shape with another label: a begin line, the ciphertext in standard
//! base64 in lines of exactly 64 columns (the last one 4 to 64, padded), an end line. Parsing
//! is strict, as age's is, so that an armored file has one encoding and anything else
//! (garbage around it, a CR, a short line in the middle, padding that is not canonical) is
//! refused as damage instead of being read some lenient way.

use std::io::{self, BufRead, BufReader, Read, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::crypto::age_file;
use crate::crypto::envelope::MAGIC;

pub const BEGIN: &str = "-----BEGIN LKMS ENCRYPTED FILE-----";
pub const END: &str = "-----END LKMS ENCRYPTED FILE-----";
/// Base64 columns in every line but the last.
pub const COLUMNS: usize = 64;
const BYTES_PER_LINE: usize = COLUMNS / 4 * 3;

/// What an input is, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Lkms,
    LkmsArmor,
    Age,
    AgeArmor,
    Other,
}

impl Kind {
    pub fn is_lkms(self) -> bool {
        matches!(self, Kind::Lkms | Kind::LkmsArmor)
    }
}

/// Reads enough of `reader` to tell what it holds, without consuming it.
pub fn sniff<R: Read>(reader: R) -> io::Result<(Kind, BufReader<R>)> {
    let mut r = BufReader::with_capacity(64 * 1024, reader);
    // One read: a file gives its first 64 KiB, a pipe what was written so far, which for
    // any writer that writes a header at once is more than the longest marker.
    let kind = classify(r.fill_buf()?);
    Ok((kind, r))
}

/// The kind of data that starts with `head`.
pub fn classify(head: &[u8]) -> Kind {
    if head.starts_with(&MAGIC) {
        Kind::Lkms
    } else if head.starts_with(BEGIN.as_bytes()) {
        Kind::LkmsArmor
    } else if head.starts_with(age_file::MAGIC) {
        Kind::Age
    } else if head.starts_with(age_file::ARMOR_BEGIN) {
        Kind::AgeArmor
    } else {
        Kind::Other
    }
}

/// The first bytes of a file, for telling what it is (`encrypt -r` skips ciphertexts).
pub fn kind_of_file(path: &std::path::Path) -> io::Result<Kind> {
    let mut head = [0u8; BEGIN.len()];
    let mut f = std::fs::File::open(path)?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(classify(&head[..n]))
}

/// A malformed armor, reported as an I/O error of kind `InvalidData` wrapping this type so
/// the commands can tell it from a failing disk (it exits 5, as any damage does).
#[derive(Debug, thiserror::Error)]
#[error("the armor is damaged: {0}")]
pub struct Malformed(pub &'static str);

fn malformed(why: &'static str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, Malformed(why))
}

/// True when `e` is (or wraps) a [`Malformed`] armor.
pub fn is_malformed(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<Malformed>())
}

/// Writes the armor of what is written to it; [`Writer::finish`] ends it.
pub struct Writer<W: Write> {
    inner: W,
    pending: Vec<u8>,
    started: bool,
}

impl<W: Write> Writer<W> {
    pub fn new(inner: W) -> Writer<W> {
        Writer {
            inner,
            pending: Vec::with_capacity(BYTES_PER_LINE * 64),
            started: false,
        }
    }

    fn begin(&mut self) -> io::Result<()> {
        if !self.started {
            self.inner.write_all(BEGIN.as_bytes())?;
            self.inner.write_all(b"\n")?;
            self.started = true;
        }
        Ok(())
    }

    /// Writes every whole line in `pending`, keeping the rest.
    fn lines(&mut self, all: bool) -> io::Result<()> {
        let whole = if all {
            self.pending.len()
        } else {
            self.pending.len() / BYTES_PER_LINE * BYTES_PER_LINE
        };
        let mut text = String::with_capacity(whole / 3 * 4 + whole / BYTES_PER_LINE + 8);
        for line in self.pending[..whole].chunks(BYTES_PER_LINE) {
            STANDARD.encode_string(line, &mut text);
            text.push('\n');
        }
        self.inner.write_all(text.as_bytes())?;
        self.pending.drain(..whole);
        Ok(())
    }

    /// Writes the last line and the end line; returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.begin()?;
        self.lines(true)?;
        self.inner.write_all(END.as_bytes())?;
        self.inner.write_all(b"\n")?;
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for Writer<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.begin()?;
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= BYTES_PER_LINE * 64 {
            self.lines(false)?;
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Reads the ciphertext out of its armor, strictly; a damaged armor fails with
/// [`Malformed`] at the line where it is found.
pub struct Reader<R: BufRead> {
    inner: R,
    line: String,
    decoded: Vec<u8>,
    at: usize,
    state: State,
}

#[derive(PartialEq, Eq)]
enum State {
    Begin,
    /// Inside; true once a short (the last) line was read.
    Body(bool),
    Done,
}

/// The longest line read: 64 columns and a newline. A longer one is refused before more of
/// it is buffered.
const MAX_LINE: u64 = COLUMNS as u64 + 1;

impl<R: BufRead> Reader<R> {
    pub fn new(inner: R) -> Reader<R> {
        Reader {
            inner,
            line: String::new(),
            decoded: Vec::new(),
            at: 0,
            state: State::Begin,
        }
    }

    /// The next line without its `\n`; `None` at the end of the input.
    fn next_line(&mut self) -> io::Result<Option<&str>> {
        self.line.clear();
        let mut raw = Vec::new();
        let n = (&mut self.inner)
            .take(MAX_LINE)
            .read_until(b'\n', &mut raw)?;
        if n == 0 {
            return Ok(None);
        }
        if raw.last() != Some(&b'\n') {
            if n as u64 == MAX_LINE {
                return Err(malformed("a line is longer than 64 columns"));
            }
            return Err(malformed("the last line has no newline"));
        }
        raw.pop();
        if raw.contains(&b'\r') {
            return Err(malformed("a line holds a carriage return"));
        }
        self.line = String::from_utf8(raw).map_err(|_| malformed("a line is not text"))?;
        Ok(Some(&self.line))
    }

    /// Decodes the next line into `decoded`; false at the end line.
    fn advance(&mut self) -> io::Result<bool> {
        if self.state == State::Begin {
            match self.next_line()? {
                Some(l) if l == BEGIN => self.state = State::Body(false),
                _ => return Err(malformed("it does not start with the begin line")),
            }
        }
        let short_seen = matches!(self.state, State::Body(true));
        let line = match self.next_line()? {
            None => return Err(malformed("the end line is missing (truncated)")),
            Some(l) => l.to_string(),
        };
        if line == END {
            if self.next_line()?.is_some() {
                return Err(malformed("there is more after the end line"));
            }
            self.state = State::Done;
            return Ok(false);
        }
        if short_seen {
            return Err(malformed("a line follows the short last line"));
        }
        if line.is_empty() || line.len() > COLUMNS || line.len() % 4 != 0 {
            return Err(malformed(
                "a line is not a whole number of base64 groups of 64 columns at most",
            ));
        }
        let padded = line.ends_with('=');
        if line.len() < COLUMNS || padded {
            self.state = State::Body(true);
        }
        self.decoded.clear();
        self.at = 0;
        // STANDARD refuses non-canonical trailing bits and padding anywhere but the end.
        STANDARD
            .decode_vec(line.as_bytes(), &mut self.decoded)
            .map_err(|_| malformed("a line is not canonical base64"))?;
        Ok(true)
    }
}

impl<R: BufRead> Read for Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.decoded.len() {
            if self.state == State::Done || !self.advance()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.decoded.len() - self.at);
        buf[..n].copy_from_slice(&self.decoded[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn armor(data: &[u8]) -> String {
        let mut w = Writer::new(Vec::new());
        w.write_all(data).unwrap();
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    fn unarmor(text: &str) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Reader::new(text.as_bytes()).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn round_trips_at_every_length_around_a_line() {
        for n in [1usize, 2, 3, 47, 48, 49, 95, 96, 97, 3072, 3073, 10_000] {
            let data: Vec<u8> = (0..n).map(|i| (i * 7) as u8).collect();
            let text = armor(&data);
            assert!(text.starts_with(&format!("{BEGIN}\n")));
            assert!(text.ends_with(&format!("{END}\n")));
            for l in text.lines().skip(1) {
                assert!(l.len() <= COLUMNS, "{l}");
            }
            assert_eq!(unarmor(&text).unwrap(), data, "{n}");
        }
    }

    /// The layout docs/FORMAT.md gives, pinned: 49 bytes make one full line and one of 4.
    #[test]
    fn the_documented_layout() {
        let text = armor(&[0u8; 49]);
        let want = format!("{BEGIN}\n{}\nAA==\n{END}\n", "A".repeat(64));
        assert_eq!(text, want);
    }

    #[test]
    fn damage_is_refused() {
        let good = armor(&[1u8; 100]);
        let lines: Vec<&str> = good.lines().collect();
        let bad = [
            format!("x{good}"),
            format!("{good}x\n"),
            format!("{good}\n"),
            good.replace('\n', "\r\n"),
            good.replacen(&lines[1][..4], "!!!!", 1),
            // a middle line made short
            good.replacen(lines[1], &lines[1][..60], 1),
            // non-canonical padding: the last group's unused bits set
            good.replace(lines[2], &format!("{}B=", &lines[2][..lines[2].len() - 2])),
            good.trim_end_matches(&format!("{END}\n")).to_string(),
            good[..good.len() - 1].to_string(),
        ];
        for b in &bad {
            let e = unarmor(b).unwrap_err();
            assert!(is_malformed(&e), "{b:?}: {e}");
        }
    }

    #[test]
    fn kinds_are_told_apart() {
        assert_eq!(classify(b"LKMS\x01"), Kind::Lkms);
        assert_eq!(classify(BEGIN.as_bytes()), Kind::LkmsArmor);
        assert_eq!(classify(b"age-encryption.org/v1\n"), Kind::Age);
        assert_eq!(
            classify(b"-----BEGIN AGE ENCRYPTED FILE-----\n"),
            Kind::AgeArmor
        );
        assert_eq!(classify(b"hello"), Kind::Other);
        let (k, mut r) = sniff(&b"LKMS rest"[..]).unwrap();
        assert_eq!(k, Kind::Lkms);
        let mut all = Vec::new();
        r.read_to_end(&mut all).unwrap();
        assert_eq!(all, b"LKMS rest");
    }
}
