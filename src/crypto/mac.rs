//! HMAC-SHA256 (RFC 2104) with ring, over streams of any length.
//!
//! Tags are the full 32 bytes: no truncation is offered, so a tag of any other length is
//! refused rather than compared on a prefix.

use std::io::{ErrorKind, Read};

use ring::hmac;
use zeroize::Zeroizing;

use super::CryptoError;
use super::secret::SecretBytes;

/// The length of an HMAC-SHA256 tag.
pub const TAG_LEN: usize = 32;

/// Read size: large enough that syscalls do not dominate, small enough to stay in cache.
const BUFFER_LEN: usize = 64 * 1024;

/// HMAC-SHA256 of everything `input` yields, read in 64 KiB pieces so memory stays constant.
pub fn tag<R: Read>(key: &SecretBytes, input: R) -> Result<[u8; TAG_LEN], CryptoError> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key.expose());
    let computed = stream(std::slice::from_ref(&key), input)?;
    let mut out = [0u8; TAG_LEN];
    out.copy_from_slice(computed[0].as_ref());
    Ok(out)
}

/// Check that `expected` is the HMAC-SHA256 of `input` under `key`, in constant time.
/// A mismatch, and a tag that is not 32 bytes long, are [`CryptoError::Integrity`].
pub fn verify<R: Read>(key: &SecretBytes, input: R, expected: &[u8]) -> Result<(), CryptoError> {
    verify_any(&[key], input, expected).map(|_| ())
}

/// Check `expected` against the HMAC-SHA256 of `input` under each of `keys` (the versions of
/// one key, newest first) and return the index of the first that matches. The input is read
/// once, whatever the number of keys, so a stream need not be held in memory; each key costs
/// one more HMAC over it. Every comparison is constant time. No key matching, and a tag that
/// is not 32 bytes long, are [`CryptoError::Integrity`].
pub fn verify_any<R: Read>(
    keys: &[&SecretBytes],
    input: R,
    expected: &[u8],
) -> Result<usize, CryptoError> {
    // The length of a tag is public (always 32), so refusing early leaks nothing. The input is
    // still not read: there is nothing a wrong-length tag could match.
    if expected.len() != TAG_LEN {
        return Err(CryptoError::Integrity(format!(
            "the MAC is {} bytes long; an HMAC-SHA256 tag is {TAG_LEN} bytes: \
             it was truncated, extended or is not an lkms MAC",
            expected.len()
        )));
    }
    let keys: Vec<hmac::Key> = keys
        .iter()
        .map(|k| hmac::Key::new(hmac::HMAC_SHA256, k.expose()))
        .collect();
    let computed = stream(&keys, input)?;
    // ring's only constant-time comparison for callers is `hmac::verify`, which needs the whole
    // message in one slice; its `constant_time` module is deprecated with no side-channel
    // promise. So compare the two tags through HMAC under a fresh random key ("double HMAC"):
    // `hmac::verify` checks HMAC(k, expected) against HMAC(k, computed) in constant time, and
    // since k is unknown to anyone, the timing of that check says nothing about `computed`.
    let blind =
        hmac::Key::generate(hmac::HMAC_SHA256, &ring::rand::SystemRandom::new()).map_err(|_| {
            CryptoError::Io(std::io::Error::other(
                "the system random number generator failed",
            ))
        })?;
    // Stopping at the first match reveals which version matched, which is no secret (the
    // audit log records it); it reveals nothing about the tags.
    computed
        .iter()
        .position(|c| {
            let blinded = hmac::sign(&blind, c.as_ref());
            hmac::verify(&blind, expected, blinded.as_ref()).is_ok()
        })
        .ok_or_else(|| {
            CryptoError::Integrity(
                "the MAC is not valid for this message and key: the message or MAC was changed, \
                 or it was made with another key"
                    .into(),
            )
        })
}

/// The HMAC of `input` under each of `keys`, reading the input once.
fn stream<R: Read>(keys: &[hmac::Key], mut input: R) -> Result<Vec<hmac::Tag>, CryptoError> {
    let mut contexts: Vec<hmac::Context> = keys.iter().map(hmac::Context::with_key).collect();
    // The message may itself be secret (a MAC over a token, say): do not leave it in freed memory.
    let mut buf = Zeroizing::new(vec![0u8; BUFFER_LEN]);
    loop {
        match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => contexts.iter_mut().for_each(|c| c.update(&buf[..n])),
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Ok(contexts.into_iter().map(hmac::Context::sign).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::material::KeySpec;
    use crate::crypto::test_support::hex;

    fn assert_integrity(r: Result<(), CryptoError>) -> String {
        match r {
            // An integrity error, which exits 5 (crate::error::tests pins the mapping).
            Err(e @ CryptoError::Integrity(_)) => e.to_string(),
            other => panic!("expected an integrity error, got {other:?}"),
        }
    }

    #[test]
    fn rfc4231_known_answers() {
        // RFC 4231 section 4.3, test case 2: a key shorter than the block.
        let key = SecretBytes::new(b"Jefe".to_vec());
        let msg = b"what do ya want for nothing?";
        let want = hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assert_eq!(tag(&key, &msg[..]).unwrap().to_vec(), want);
        verify(&key, &msg[..], &want).unwrap();

        // RFC 4231 section 4.7, test case 6: a key longer than the block (131 bytes of 0xaa).
        let key = SecretBytes::new(vec![0xaa; 131]);
        let msg = b"Test Using Larger Than Block-Size Key - Hash Key First";
        let want = hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        assert_eq!(tag(&key, &msg[..]).unwrap().to_vec(), want);
    }

    #[test]
    fn rfc4868_known_answers_with_32_byte_keys() {
        // lkms keys are 32 bytes, a length RFC 4231 does not cover; RFC 4868 section 2.7.2.1
        // (test cases AUTH256-1 and AUTH256-2) does, and gives the full 32-byte HMAC output.
        let key = SecretBytes::new(vec![0x0b; 32]);
        let want = hex("198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7");
        assert_eq!(tag(&key, &b"Hi There"[..]).unwrap().to_vec(), want);
        verify(&key, &b"Hi There"[..], &want).unwrap();

        let key = SecretBytes::new(b"Jefe".repeat(8));
        let msg = b"what do ya want for nothing?";
        let want = hex("167f928588c5cc2eef8e3093caa0e87c9ff566a14794aa61648d81621a2a40c6");
        assert_eq!(tag(&key, &msg[..]).unwrap().to_vec(), want);
        verify(&key, &msg[..], &want).unwrap();
    }

    #[test]
    fn streaming_matches_one_shot_across_buffer_boundaries() {
        let key = KeySpec::HmacSha256.generate().unwrap();
        let ring_key = hmac::Key::new(hmac::HMAC_SHA256, key.expose());
        for len in [
            0,
            1,
            BUFFER_LEN - 1,
            BUFFER_LEN,
            BUFFER_LEN + 1,
            3 * BUFFER_LEN + 17,
        ] {
            let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let one_shot = hmac::sign(&ring_key, &data);
            assert_eq!(&tag(&key, &data[..]).unwrap()[..], one_shot.as_ref());
            // A reader that returns a few bytes at a time must give the same tag.
            let trickle = Trickle(&data[..], 0);
            assert_eq!(&tag(&key, trickle).unwrap()[..], one_shot.as_ref());
        }
    }

    /// Returns at most 7 bytes a read, and `Interrupted` every other call.
    struct Trickle<'a>(&'a [u8], usize);
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.1 += 1;
            if self.1.is_multiple_of(2) {
                return Err(ErrorKind::Interrupted.into());
            }
            let n = self.0.len().min(buf.len()).min(7);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_tampered_message_tag_or_key_is_refused() {
        let key = KeySpec::HmacSha256.generate().unwrap();
        let msg = b"release v1.2.3";
        let t = tag(&key, &msg[..]).unwrap();
        verify(&key, &msg[..], &t).unwrap();

        assert_integrity(verify(&key, &b"release v1.2.4"[..], &t));
        assert_integrity(verify(&key, &b""[..], &t));
        for i in [0, 15, 31] {
            let mut bad = t;
            bad[i] ^= 0x80;
            let msg_text = assert_integrity(verify(&key, &msg[..], &bad));
            assert!(msg_text.contains("not valid"), "{msg_text}");
        }
        let other = KeySpec::HmacSha256.generate().unwrap();
        assert_integrity(verify(&other, &msg[..], &t));
    }

    #[test]
    fn a_tag_of_the_wrong_length_is_refused() {
        let key = KeySpec::HmacSha256.generate().unwrap();
        let msg = b"data";
        let t = tag(&key, &msg[..]).unwrap();
        let mut longer = t.to_vec();
        longer.push(0);
        for bad in [&t[..31], &t[..16], &[][..], &longer[..]] {
            let text = assert_integrity(verify(&key, &msg[..], bad));
            assert!(text.contains("32 bytes"), "{text}");
        }
    }

    #[test]
    fn read_errors_are_io_errors() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        let key = KeySpec::HmacSha256.generate().unwrap();
        assert!(matches!(tag(&key, Broken), Err(CryptoError::Io(_))));
        assert!(matches!(
            verify(&key, Broken, &[0u8; 32]),
            Err(CryptoError::Io(_))
        ));
    }

    #[test]
    fn verify_any_finds_the_version_that_made_the_tag() {
        let v1 = KeySpec::HmacSha256.generate().unwrap();
        let v2 = KeySpec::HmacSha256.generate().unwrap();
        let v3 = KeySpec::HmacSha256.generate().unwrap();
        let msg = vec![7u8; 3 * BUFFER_LEN + 5];
        let newest_first = [&v3, &v2, &v1];
        for (i, key) in newest_first.iter().enumerate() {
            let t = tag(key, &msg[..]).unwrap();
            assert_eq!(verify_any(&newest_first, &msg[..], &t).unwrap(), i);
            // Read through a trickling reader too: one pass feeds every key alike.
            assert_eq!(
                verify_any(&newest_first, Trickle(&msg[..], 0), &t).unwrap(),
                i
            );
        }
        let other = KeySpec::HmacSha256.generate().unwrap();
        let t = tag(&other, &msg[..]).unwrap();
        assert_integrity(verify_any(&newest_first, &msg[..], &t).map(|_| ()));
        assert_integrity(verify_any(&newest_first, &msg[..], &t[..31]).map(|_| ()));
        assert_integrity(verify_any(&[], &msg[..], &t).map(|_| ()));
    }
}
