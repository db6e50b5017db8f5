//! root list, root add, root remove: what holds the keyring identity.

use serde_json::{Value, json};

use super::attempt::Attempt;
use super::session::Session;
use crate::audit::{Event, Field, Record};
use crate::cli::{
    AwsKmsArgs, Pkcs11Args, RootAddCommand, RootAddPassphraseArgs, RootCommand, RootRemoveArgs,
    TransitArgs,
};
use crate::confirm::Destructive;
use crate::error::{not_found, unusable, usage};
use crate::keyring::Keyring;
use crate::keyring::root::{Root, RootEntry, RootPaths, RootsFile, remove_file, validate_name};
use crate::keyring::roots::external::ExternalKeyringRoot;
use crate::keyring::roots::{self, PassphraseRoot};
use crate::keyring::store::{DEFAULT_WORK_FACTOR, Sealing};
use crate::output::Report;
use crate::passphrase::{ENV_NEW_PASSPHRASE, obtain_new};
use crate::roots::ExternalRoot;
use crate::roots::aws_kms::AwsKmsConfig;
use crate::roots::pkcs11::{Pin, Pkcs11Config};
use crate::roots::transit::TransitConfig;

pub fn run(s: &mut Session, command: RootCommand) -> anyhow::Result<Report> {
    match command {
        RootCommand::List => list(s),
        RootCommand::Add(RootAddCommand::Passphrase(a)) => add_passphrase(s, a),
        RootCommand::Add(RootAddCommand::AwsKms(a)) => {
            let plan = ExternalPlan::aws_kms(&a.kms)?;
            add_external(s, a.name, plan)
        }
        RootCommand::Add(RootAddCommand::Transit(a)) => {
            let plan = ExternalPlan::transit(&a.transit)?;
            add_external(s, a.name, plan)
        }
        RootCommand::Add(RootAddCommand::Pkcs11(a)) => {
            let plan = ExternalPlan::pkcs11(&a.pkcs11)?;
            add_external(s, a.name, plan)
        }
        RootCommand::Add(RootAddCommand::AgeIdentity(a)) => add_age_identity(s, a),
        RootCommand::Remove(a) => remove(s, a),
    }
}

/// The recipient `--recipient` names, for an age-identity root.
pub(super) fn age_identity_recipient(
    a: &crate::cli::AgeIdentityArgs,
) -> anyhow::Result<age::x25519::Recipient> {
    let r = a
        .recipient
        .as_deref()
        .ok_or_else(|| usage("an age-identity root needs --recipient age1..."))?;
    crate::crypto::x25519::parse_recipient(r).map_err(|e| {
        usage(format!(
            "{e}; `age-keygen -y IDENTITY_FILE` prints an identity's recipient"
        ))
    })
}

fn add_age_identity(
    s: &mut Session,
    args: crate::cli::RootAddAgeIdentityArgs,
) -> anyhow::Result<Report> {
    use crate::keyring::roots::age_identity::{AgeIdentityRoot, KIND};
    let recipient = age_identity_recipient(&args.age)?;
    let name = args.name.or_else(|| {
        RootsFile::load(&s.unlocker.paths())
            .ok()
            .filter(|f| f.find(KIND).is_none())
            .map(|_| KIND.to_string())
    });
    let shown = recipient.to_string();
    let entry = add_root(s, KIND, name, |_, name, _, _| {
        Ok(Box::new(AgeIdentityRoot::new(name, recipient)))
    })?;
    let paths = s.unlocker.paths();
    let file = entry
        .file
        .as_deref()
        .map(|f| paths.resolve(f).display().to_string())
        .unwrap_or_default();
    Ok(Report::message(
        format!(
            "added the age-identity root `{}` for {shown}: {file}
it unlocks the keyring with              that identity file and no passphrase: --identity FILE or {}
",
            entry.name,
            crate::env::IDENTITY_FILE
        ),
        entry_json(&paths, &entry),
    ))
}

fn entry_json(paths: &RootPaths, r: &RootEntry) -> Value {
    let mut v = json!({
        "name": r.name,
        "kind": r.kind,
        "created": r.created.to_string(),
        "params": serde_json::to_value(&r.params).unwrap_or(Value::Null),
    });
    if let Some(f) = &r.file {
        v["file"] = json!(paths.resolve(f).display().to_string());
    }
    v
}

fn list(s: &mut Session) -> anyhow::Result<Report> {
    let roots = Attempt::run(s, Record::new(Event::ListRoots), |a| {
        let s = a.session();
        let store = s.store();
        if store.sealing()? == Sealing::Passphrase {
            return Ok(None);
        }
        // A grant for an age recipient has no roots file; with the grantee's identity at
        // hand, say what it is rather than that a file is missing.
        if !s.unlocker.paths().roots_file().exists()
            && s.settings.identity_file.is_some()
            && a.read_keyring()?.grant.is_some()
        {
            return Err(crate::keyring::Error::IsAGrant.into());
        }
        let s = a.session();
        Ok(Some(RootsFile::load(&s.unlocker.paths())?))
    })?;
    let Some(roots) = roots else {
        eprintln!(
            "lkms: this keyring is format 1 (encrypted to its passphrase itself); the first \
             command that changes it converts it to a keyring identity with the passphrase root \
             `default`"
        );
        return Ok(Report::new(String::new(), json!([])));
    };
    let paths = s.unlocker.paths();
    let rows: Vec<Value> = roots.roots.iter().map(|r| entry_json(&paths, r)).collect();
    let mut text = format!("{:<20}  {:<12}  {:<20}  FILE\n", "NAME", "KIND", "CREATED");
    for r in &roots.roots {
        let file = r
            .file
            .as_deref()
            .map(|f| paths.resolve(f).display().to_string())
            .unwrap_or_default();
        text.push_str(&format!(
            "{:<20}  {:<12}  {:<20}  {file}\n",
            crate::output::clean(&r.name),
            crate::output::clean(&r.kind),
            r.created.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
        ));
    }
    Ok(Report::new(text, Value::Array(rows)))
}

fn add_passphrase(s: &mut Session, args: RootAddPassphraseArgs) -> anyhow::Result<Report> {
    let entry = add_root(
        s,
        roots::passphrase::KIND,
        args.name.clone(),
        |s, name, paths, kr| {
            let work_factor = args
                .work_factor
                .or(s.settings.config.work_factor)
                .unwrap_or(if kr.work_factor == 0 {
                    DEFAULT_WORK_FACTOR
                } else {
                    kr.work_factor
                });
            // Never write a root that the next command would refuse to open.
            s.store().check_work_factor(work_factor)?;
            let new = obtain_new(
                args.new_passphrase_file.as_deref(),
                ENV_NEW_PASSPHRASE,
                "Passphrase for the new root",
            )?;
            let file = paths.resolve(&paths.root_file_name(name));
            Ok(Box::new(PassphraseRoot::new(
                name,
                &file.display().to_string(),
                new,
                work_factor,
            )))
        },
    )?;
    let paths = s.unlocker.paths();
    let file = entry
        .file
        .as_deref()
        .map(|f| paths.resolve(f).display().to_string())
        .unwrap_or_default();
    Ok(Report::message(
        format!(
            "added the passphrase root `{}`: {file}\nage alone opens the keyring with it: age -d -i {file} {}\n",
            entry.name,
            s.settings.keyring.display()
        ),
        entry_json(&paths, &entry),
    ))
}

/// Adds a root of any kind, as one `AddRoot` attempt: unlocks the keyring first (only someone
/// who can open it may add a way in), lets `make` build the root for its name (asking what it
/// needs: a new passphrase, a PIN, nothing), then wraps the identity and stores the root under
/// the writers' lock, reading the roots file again under it so that roots added at once all
/// land. Without a name, the root is called `KIND-N`.
pub(super) fn add_root(
    s: &mut Session,
    kind: &str,
    name: Option<String>,
    make: impl FnOnce(&mut Session, &str, &RootPaths, &Keyring) -> anyhow::Result<Box<dyn Root>>,
) -> anyhow::Result<RootEntry> {
    let mut rec = Record::new(Event::AddRoot);
    rec.set(Field::RootKind(kind.into()));
    if let Some(n) = &name {
        validate_name(n)?;
        rec.set(Field::Root(n.clone()));
    }
    Attempt::run(s, rec, |a| {
        let keyring = a.read_keyring()?;
        // A grant held by an external root has a roots file of its own; it is the issuer's.
        if keyring.grant.is_some() {
            return Err(crate::keyring::Error::IsAGrant.into());
        }
        a.session().ensure_v2()?;
        let s = a.session();
        let paths = s.unlocker.paths();
        let name = match name {
            Some(n) => n,
            None => {
                let roots_file = RootsFile::load(&paths)?;
                (2..)
                    .map(|i| format!("{kind}-{i}"))
                    .find(|n| roots_file.find(n).is_none())
                    .expect("a free name")
            }
        };
        // Asked before the lock is taken: a prompt must not hold other writers.
        let root = make(s, &name, &paths, &keyring)?;
        let store = s.store();
        let _lock = store.lock()?;
        let mut roots_file = RootsFile::load(&paths)?;
        let (identity, _) = s.unlocker.v2().expect("converted above");
        let entry = roots::store_new(&paths, &roots_file, root.as_ref(), identity, s.now(), false)?;
        roots_file.roots.push(entry.clone());
        if let Err(e) = roots_file.save(&paths) {
            let _ = remove_file(&paths, &entry);
            return Err(e);
        }
        a.record.set(Field::Root(name));
        Ok(entry)
    })
}

fn remove(s: &mut Session, args: RootRemoveArgs) -> anyhow::Result<Report> {
    let mut rec = Record::new(Event::RemoveRoot);
    rec.set(Field::Root(args.name.clone()));
    let name = args.name.clone();
    let yes = s.settings.yes;
    Attempt::run(s, rec, |a| {
        // First, before the keyring is unlocked.
        let destructive =
            Destructive::check("root remove", "removes a way to unlock the keyring", yes)?;
        if a.read_keyring()?.grant.is_some() {
            return Err(crate::keyring::Error::IsAGrant.into());
        }
        a.session().ensure_v2()?;
        let store = a.session().store();
        let paths = RootPaths::of(store.path());
        let check = |roots_file: &RootsFile| -> anyhow::Result<RootEntry> {
            let entry = roots_file.find(&name).cloned().ok_or_else(|| {
                not_found(format!(
                    "the keyring has no root named `{name}`; see `lkms root list`"
                ))
            })?;
            if roots_file.roots.len() == 1 {
                return Err(unusable(format!(
                    "`{name}` is the keyring's only root: removing it would lock every key away; \
                     add another root first (`lkms root add passphrase`)"
                )));
            }
            Ok(entry)
        };
        let entry = check(&RootsFile::load(&paths)?)?;
        a.record.set(Field::RootKind(entry.kind.clone()));
        if !destructive.ask(&format!(
            "Remove the root `{name}`? It will no longer unlock the keyring"
        ))? {
            return Err(crate::error::failure(
                "root not removed: you declined (pass --yes to skip the question)",
            ));
        }
        let _lock = store.lock()?;
        let mut roots_file = RootsFile::load(&paths)?;
        let entry = check(&roots_file)?;
        roots_file.roots.retain(|r| r.name != name);
        roots_file.save(&paths)?;
        remove_file(&paths, &entry)?;
        Ok(())
    })?;
    Ok(Report::message(
        format!("removed the root `{}`\n", args.name),
        json!({"removed": args.name}),
    ))
}

/// The external kinds whose flags were given (`init`, `grant create`).
pub(crate) fn external_kinds_given(
    kms: &AwsKmsArgs,
    transit: &TransitArgs,
    pkcs11: &Pkcs11Args,
) -> Vec<&'static str> {
    let kms_set = kms.key_id.is_some() || kms.region.is_some() || kms.endpoint_url.is_some();
    let transit_set =
        transit.address.is_some() || transit.key.is_some() || transit.mount != "transit";
    let p = pkcs11;
    let pkcs11_set = p.module.is_some() || p.token.is_some() || p.key_label.is_some() || p.generate;
    [
        (kms_set, "aws-kms"),
        (transit_set, "transit"),
        (pkcs11_set, "pkcs11"),
    ]
    .into_iter()
    .filter_map(|(set, kind)| set.then_some(kind))
    .collect()
}

/// A flag of another root kind than `--root` names is a mistake (a typo in the kind, or a
/// flag that would silently do nothing): refused (exit 2) before anything is asked or
/// written. `none` says what no `--root` means.
pub(crate) fn refuse_flags_of_other_kinds(
    given: &[&str],
    chosen: Option<&str>,
    none: &str,
) -> anyhow::Result<()> {
    if let Some(name) = given.iter().find(|k| Some(**k) != chosen) {
        return Err(usage(format!(
            "flags of the {name} root kind were given, but --root is {}; pass --root {name} or drop them",
            chosen.unwrap_or(none)
        )));
    }
    Ok(())
}

/// An external root as the flags describe it, checked, with the PIN a token needs.
pub(crate) struct ExternalPlan {
    pub root: ExternalRoot,
    pub pin: Option<Pin>,
    /// PKCS#11 `--generate`: create the key on the token first.
    pub generate: bool,
}

fn required<T: Clone>(value: &Option<T>, flag: &str, kind: &str) -> anyhow::Result<T> {
    value
        .clone()
        .ok_or_else(|| usage(format!("a {kind} root needs {flag}")))
}

impl ExternalPlan {
    pub(crate) fn aws_kms(a: &AwsKmsArgs) -> anyhow::Result<ExternalPlan> {
        Ok(ExternalPlan {
            root: ExternalRoot::AwsKms(AwsKmsConfig {
                key_id: required(&a.key_id, "--key-id", "aws-kms")?,
                region: a.region.clone(),
                endpoint_url: a.endpoint_url.clone(),
            }),
            pin: None,
            generate: false,
        })
    }

    pub(crate) fn transit(a: &TransitArgs) -> anyhow::Result<ExternalPlan> {
        // The address is recorded, so later unlocks reach the same server whatever VAULT_ADDR
        // says then.
        let address = a
            .address
            .clone()
            .or_else(|| std::env::var("VAULT_ADDR").ok().filter(|v| !v.is_empty()))
            .or_else(|| std::env::var("BAO_ADDR").ok().filter(|v| !v.is_empty()))
            .ok_or_else(|| usage("a transit root needs --address (or VAULT_ADDR)"))?;
        Ok(ExternalPlan {
            root: ExternalRoot::Transit(TransitConfig {
                address: Some(address),
                mount: a.mount.clone(),
                key: required(&a.key, "--key", "transit")?,
            }),
            pin: None,
            generate: false,
        })
    }

    pub(crate) fn pkcs11(a: &Pkcs11Args) -> anyhow::Result<ExternalPlan> {
        let config = Pkcs11Config {
            module: required(&a.module, "--module", "pkcs11")?,
            token: required(&a.token, "--token", "pkcs11")?,
            key_label: required(&a.key_label, "--key-label", "pkcs11")?,
        };
        let pin = crate::passphrase::obtain_pin(a.pin_file.as_deref(), &config.token)?;
        Ok(ExternalPlan {
            root: ExternalRoot::Pkcs11(config),
            pin: Some(Pin::new(pin)),
            generate: a.generate,
        })
    }

    /// Creates the token's key when asked to (before anything else is written).
    pub(crate) fn prepare(&self) -> anyhow::Result<()> {
        if let (true, ExternalRoot::Pkcs11(c), Some(pin)) = (self.generate, &self.root, &self.pin) {
            c.generate(pin)
                .map_err(crate::keyring::root::RootError::from)
                .map_err(crate::error::Error::from)?;
        }
        Ok(())
    }

    pub(crate) fn keyring_root(self, name: &str) -> ExternalKeyringRoot {
        ExternalKeyringRoot::new(name, self.root, self.pin)
    }
}

fn add_external(
    s: &mut Session,
    name: Option<String>,
    plan: ExternalPlan,
) -> anyhow::Result<Report> {
    let kind = plan.root.kind();
    let key = plan.root.key_ref();
    // The first root of a kind is named after it; later ones KIND-N, as add_root names them.
    let name = name.or_else(|| {
        RootsFile::load(&s.unlocker.paths())
            .ok()
            .filter(|f| f.find(kind).is_none())
            .map(|_| kind.to_string())
    });
    let entry = add_root(s, kind, name, |_, name, _, _| {
        // The token's key is made here, once the keyring is unlocked and before the lock.
        plan.prepare()?;
        Ok(Box::new(plan.keyring_root(name)))
    })?;
    let paths = s.unlocker.paths();
    Ok(Report::message(
        format!(
            "added the {kind} root `{}` ({key}); it unlocks the keyring with no passphrase{}\n",
            entry.name,
            if kind == crate::roots::external::PKCS11 {
                " (the token's PIN instead)"
            } else {
                ""
            }
        ),
        entry_json(&paths, &entry),
    ))
}
