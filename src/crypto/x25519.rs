//! age X25519 identities as key material: a version of an `x25519` key is one identity.
//!
//! The material kept in the keyring is the identity's own text form (`AGE-SECRET-KEY-1...`,
//! Bech32), so that `age -d` on the keyring shows identities the age CLI reads as they are,
//! and so no encoding of lkms's own stands between the keyring and age. Everything here
//! comes from the age crate; nothing is computed by hand.

use std::str::FromStr;

use age::secrecy::ExposeSecret;
use zeroize::Zeroizing;

use super::CryptoError;
use super::secret::SecretBytes;

/// The prefix of a recipient (public key) in its text form.
pub const RECIPIENT_PREFIX: &str = "age1";

/// A fresh identity, as the keyring stores it.
pub fn generate() -> SecretBytes {
    let text = age::x25519::Identity::generate().to_string();
    SecretBytes::new(text.expose_secret().as_bytes().to_vec())
}

/// The identity that `material` holds; an error when it is not one.
pub fn identity(material: &SecretBytes) -> Result<age::x25519::Identity, CryptoError> {
    let damaged =
        || CryptoError::Integrity("the key material is not an age X25519 identity".into());
    let text = std::str::from_utf8(material.expose()).map_err(|_| damaged())?;
    age::x25519::Identity::from_str(text).map_err(|_| damaged())
}

/// The one identity in an identity file as `age-keygen` writes it (`#` comments and blank
/// lines ignored), in the form the keyring keeps. Nothing of the file appears in an error.
pub fn identity_from_file(bytes: &[u8]) -> Result<SecretBytes, CryptoError> {
    let wrong = |what: String| {
        CryptoError::WrongMaterial(format!(
            "x25519 material is an age identity file holding one AGE-SECRET-KEY-1 line, as \
             age-keygen writes it; the file {what}"
        ))
    };
    let text = std::str::from_utf8(bytes)
        .map_err(|_| wrong(format!("holds {} bytes that are not text", bytes.len())))?;
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let [line] = lines.as_slice() else {
        return Err(wrong(format!(
            "holds {} lines besides comments",
            lines.len()
        )));
    };
    if !line.starts_with("AGE-SECRET-KEY-1") {
        return Err(wrong("holds no AGE-SECRET-KEY-1 line".into()));
    }
    let id = age::x25519::Identity::from_str(line).map_err(|_| {
        CryptoError::Integrity("the file's AGE-SECRET-KEY-1 line is not a valid identity".into())
    })?;
    Ok(SecretBytes::new(
        id.to_string().expose_secret().as_bytes().to_vec(),
    ))
}

/// The recipient (`age1...`) of the identity that `material` holds.
pub fn recipient(material: &SecretBytes) -> Result<String, CryptoError> {
    Ok(identity(material)?.to_public().to_string())
}

/// The identity file age reads with `age -d -i FILE`: a comment naming what it is, the
/// public key, and the secret key, as `age-keygen` writes it.
pub fn identity_file(
    material: &SecretBytes,
    comment: &str,
) -> Result<Zeroizing<String>, CryptoError> {
    let id = identity(material)?;
    let secret = id.to_string();
    let mut text = Zeroizing::new(String::with_capacity(256 + comment.len()));
    text.push_str("# ");
    text.push_str(comment);
    text.push_str("\n# public key: ");
    text.push_str(&id.to_public().to_string());
    text.push('\n');
    text.push_str(secret.expose_secret());
    text.push('\n');
    Ok(text)
}

/// A recipient given on the command line or in a recipients file; only X25519 recipients
/// (`age1...`) are accepted.
pub fn parse_recipient(text: &str) -> Result<age::x25519::Recipient, String> {
    age::x25519::Recipient::from_str(text).map_err(|_| {
        // A secret key given by mistake is never repeated into a message (or a CI log).
        if is_secret_key(text) {
            return "this is an age secret key (AGE-SECRET-KEY-1...), not a recipient: give \
                    its public key (`age-keygen -y IDENTITY_FILE` prints it), never the \
                    secret one"
                .to_string();
        }
        format!(
            "`{}` is not an age X25519 recipient (age1...); `lkms public-key KEY` prints one",
            crate::text::clean(text)
        )
    })
}

/// True for text that looks like an age identity (a secret key), whatever its case.
pub fn is_secret_key(text: &str) -> bool {
    text.trim_start()
        .get(..15)
        .is_some_and(|p| p.eq_ignore_ascii_case("AGE-SECRET-KEY-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn material_is_an_identity_whose_recipient_age_accepts() {
        let m = generate();
        assert!(m.expose().starts_with(b"AGE-SECRET-KEY-1"));
        let r = recipient(&m).unwrap();
        assert!(r.starts_with(RECIPIENT_PREFIX), "{r}");
        assert!(parse_recipient(&r).is_ok());
        assert_ne!(recipient(&generate()).unwrap(), r);
        let file = identity_file(&m, "lkms key").unwrap();
        assert!(age::IdentityFile::from_buffer(file.as_bytes()).is_ok());
        assert!(identity(&SecretBytes::new(vec![7; 32])).is_err());
        assert!(parse_recipient("age1nope").is_err());
        let secret = String::from_utf8(m.expose().to_vec()).unwrap();
        let e = parse_recipient(&secret).unwrap_err();
        assert!(!e.contains(&secret[16..]), "{e}");
        assert!(e.contains("secret key"), "{e}");
        assert!(
            !parse_recipient(&secret.to_lowercase())
                .unwrap_err()
                .contains(&secret[16..].to_lowercase())
        );
    }

    /// A fixed identity: its recipient must be the one the age CLI derives from it
    /// (`age-keygen -y`, age 1.1.1).
    #[test]
    fn a_known_identity_gives_its_published_recipient() {
        let m = SecretBytes::new(
            b"AGE-SECRET-KEY-1XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4QX3S7F6".to_vec(),
        );
        assert_eq!(
            recipient(&m).unwrap(),
            "age1w3tyke4gev25vaxxsvcgqu4484rf6ejpmavs57p6yz6lhy2sfs5swrvwyn"
        );
    }
}
