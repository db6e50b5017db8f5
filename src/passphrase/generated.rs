//! A generated passphrase, offered when an empty one is typed for a new passphrase (as age
//! does): 10 groups of 3 characters from a 32-character alphabet, 150 bits from ring's
//! `SystemRandom`, easy to read aloud and copy by hand.

use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

/// Crockford's base32 in lower case: digits and letters without i, l, o and u, so that 0 and 1
/// cannot be misread when the passphrase is copied by hand.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const GROUPS: usize = 10;
const GROUP_LEN: usize = 3;

/// A new passphrase such as `k7m-xq2-...`.
pub fn generate() -> anyhow::Result<Zeroizing<String>> {
    let mut random = Zeroizing::new([0u8; GROUPS * GROUP_LEN]);
    SystemRandom::new()
        .fill(random.as_mut())
        .map_err(|_| anyhow::anyhow!("the system's random number generator failed"))?;
    let mut out = Zeroizing::new(String::with_capacity(GROUPS * (GROUP_LEN + 1)));
    for (i, byte) in random.iter().enumerate() {
        if i > 0 && i % GROUP_LEN == 0 {
            out.push('-');
        }
        // 32 divides 256: taking the low 5 bits is uniform.
        out.push(char::from(ALPHABET[usize::from(byte & 31)]));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_groups_of_three_from_the_alphabet_and_never_twice_the_same() {
        let a = generate().unwrap();
        let groups: Vec<&str> = a.split('-').collect();
        assert_eq!(groups.len(), GROUPS, "{}", a.as_str());
        assert!(groups.iter().all(|g| g.len() == GROUP_LEN));
        assert!(a.bytes().all(|b| b == b'-' || ALPHABET.contains(&b)));
        assert_ne!(a, generate().unwrap());
    }
}
