//! The decrypted keyring document: bytes -> `lkms::keyring::store::parse`.
//!
//! The keyring is authenticated by its passphrase, but anyone holding the passphrase can edit
//! it by hand, so its content is input. Whatever parses must also survive what lkms does next:
//! a round trip through TOML, lookups, and the passage of time (due deletions and rotations).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lkms::crypto::secret::SecretBytes;
use lkms::keyring::store::parse;

fuzz_target!(|data: &[u8]| {
    let Ok(mut keyring) = parse(data) else {
        return;
    };
    let text = toml::to_string(&keyring).expect("a parsed keyring serializes");
    let again = parse(text.as_bytes()).expect("what lkms writes, it reads");
    assert_eq!(toml::to_string(&again).unwrap(), text, "round trip changed the keyring");

    for key in &keyring.keys {
        assert!(key.current().is_some(), "parse let through a missing current version");
        assert_eq!(keyring.find(&key.id.to_string()).unwrap().id, key.id);
        for alias in &key.aliases {
            assert_eq!(keyring.find(alias).unwrap().id, key.id);
        }
        let _ = key.display_name();
        let _ = key.state_detail();
    }
    let mut fresh = |_| Ok(SecretBytes::new(vec![0x5a; 32]));
    for now in ["2026-01-01T00:00:00Z", "2400-01-01T00:00:00Z"] {
        let now: jiff::Timestamp = now.parse().unwrap();
        for key in &mut keyring.keys {
            let _ = key.is_due(now);
            let _ = key.apply_due(now, &mut fresh);
        }
    }
    let _ = format!("{keyring:?}");
});
