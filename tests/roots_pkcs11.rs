//! The PKCS#11 root against a real SoftHSM2 token. SoftHSM reads `SOFTHSM2_CONF` from the
//! environment when the module is initialised, so this binary holds one test that sets it
//! before any other thread exists, and runs its steps in order.

#[path = "support/servers.rs"]
mod servers;

use lkms::roots::RootError;
use lkms::roots::pkcs11::{Pin, Pkcs11Config};
use ring::rand::{SecureRandom, SystemRandom};
use secrecy::SecretString;
use servers::SoftHsm;

const KEYRING: &str = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";
const OTHER_KEYRING: &str = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

/// The exit code DESIGN.md gives each class (src/error.rs maps them the same way).
fn code(e: &RootError) -> i32 {
    match e {
        RootError::Unreachable { .. } | RootError::Failure(_) => 1,
        RootError::Denied(_) => 3,
        RootError::KeyUnavailable(_) => 4,
        RootError::Mismatch(_) => 5,
    }
}

#[test]
fn pkcs11_generate_wrap_unwrap_and_refusals_on_softhsm() {
    let hsm = SoftHsm::init();
    // SAFETY: this binary's only test sets the variable before it starts any thread or loads
    // the module; nothing reads the environment concurrently.
    unsafe { std::env::set_var("SOFTHSM2_CONF", &hsm.conf) };
    let config = Pkcs11Config {
        module: hsm.module.clone(),
        token: hsm.token.clone(),
        key_label: "lkms-root".into(),
    };
    let pin = Pin::new(SecretString::from(hsm.pin.clone()));

    // No key yet: exit 4 with the next step.
    let err = config.wrap(&pin, KEYRING, b"x").unwrap_err();
    assert_eq!(code(&err), 4, "{err}");
    assert!(err.to_string().contains("--generate"), "{err}");

    config.generate(&pin).unwrap();
    let again = config.generate(&pin).unwrap_err();
    assert!(again.to_string().contains("already holds"), "{again}");

    // 32 random bytes round trip; the wrapped form does not contain them.
    let mut identity = vec![0u8; 32];
    SystemRandom::new().fill(&mut identity).unwrap();
    let wrapped = config.wrap(&pin, KEYRING, &identity).unwrap();
    assert_eq!(wrapped.len(), 1 + 12 + 32 + 16);
    assert!(!wrapped.windows(32).any(|w| w == identity.as_slice()));
    let back = config.unwrap(&pin, KEYRING, &wrapped).unwrap();
    assert_eq!(back.as_slice(), identity.as_slice());

    // Another keyring id, or one flipped bit: exit 5.
    let err = config.unwrap(&pin, OTHER_KEYRING, &wrapped).unwrap_err();
    assert_eq!(code(&err), 5, "{err}");
    let mut damaged = wrapped.clone();
    damaged[20] ^= 1;
    let err = config.unwrap(&pin, KEYRING, &damaged).unwrap_err();
    assert_eq!(code(&err), 5, "{err}");

    // A wrong PIN: exit 3, and the PIN appears nowhere in the message.
    let wrong = Pin::new(SecretString::from("999999".to_string()));
    let err = config.unwrap(&wrong, KEYRING, &wrapped).unwrap_err();
    assert!(matches!(err, RootError::Denied(_)), "{err}");
    assert_eq!(code(&err), 3, "{err}");
    assert!(!err.to_string().contains("999999") && !err.to_string().contains(&hsm.pin));
    // The right PIN still works afterwards (one wrong try does not lock the token).
    assert_eq!(
        config.unwrap(&pin, KEYRING, &wrapped).unwrap().as_slice(),
        identity.as_slice()
    );

    // The generated key is sensitive and not extractable, as the token reports it.
    let attrs = key_attributes(&config, &hsm.pin);
    assert_eq!(attrs, (true, false, true, 32));

    // Another key label, another token label, a missing module.
    let other = Pkcs11Config {
        key_label: "absent".into(),
        ..config.clone()
    };
    let err = other.unwrap(&pin, KEYRING, &wrapped).unwrap_err();
    assert_eq!(code(&err), 4, "{err}");
    let other = Pkcs11Config {
        token: "absent".into(),
        ..config.clone()
    };
    let err = other.unwrap(&pin, KEYRING, &wrapped).unwrap_err();
    assert_eq!(code(&err), 1, "{err}");
    assert!(
        err.to_string().contains("no token labelled absent"),
        "{err}"
    );
    let other = Pkcs11Config {
        module: "/nonexistent/libp11.so".into(),
        ..config.clone()
    };
    let err = other.unwrap(&pin, KEYRING, &wrapped).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/libp11.so"), "{err}");
}

/// (sensitive, extractable, never-extractable, value length) of the key, read straight from
/// the token through cryptoki.
fn key_attributes(config: &Pkcs11Config, pin: &str) -> (bool, bool, bool, u64) {
    use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
    use cryptoki::object::{Attribute, AttributeType};
    use cryptoki::session::UserType;
    let m = Pkcs11::new(&config.module).unwrap();
    m.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
        .unwrap();
    let slot = m
        .get_slots_with_token()
        .unwrap()
        .into_iter()
        .find(|s| m.get_token_info(*s).unwrap().label().trim_end() == config.token)
        .unwrap();
    let s = m.open_ro_session(slot).unwrap();
    s.login(UserType::User, Some(&SecretString::from(pin.to_string())))
        .unwrap();
    let key = s
        .find_objects(&[Attribute::Label(config.key_label.as_bytes().to_vec())])
        .unwrap()[0];
    let got = s
        .get_attributes(
            key,
            &[
                AttributeType::Sensitive,
                AttributeType::Extractable,
                AttributeType::NeverExtractable,
                AttributeType::ValueLen,
            ],
        )
        .unwrap();
    let mut out = (false, true, false, 0);
    for a in got {
        match a {
            Attribute::Sensitive(b) => out.0 = b,
            Attribute::Extractable(b) => out.1 = b,
            Attribute::NeverExtractable(b) => out.2 = b,
            Attribute::ValueLen(n) => out.3 = u64::from(n),
            _ => {}
        }
    }
    let _ = s.logout();
    drop(s);
    let _ = m.finalize();
    out
}
