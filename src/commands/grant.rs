//! grant create, list, revoke: keyrings for one grantee, made and recorded by the issuing
//! keyring.

use std::io::Write;
use std::iter;
use std::path::Path;

use secrecy::SecretString;
use serde_json::{Value, json};
use uuid::Uuid;
use zeroize::Zeroizing;

use super::attempt::Attempt;
use super::roots::ExternalPlan;
use super::session::Session;
use super::view::time;
use crate::audit::{Event, Field, Record};
use crate::cli::{GrantCommand, GrantCreateArgs, GrantRevokeArgs, GrantRoot};
use crate::confirm::{Destructive, ask};
use crate::error::{IoAction, Role, failure, io_error, usage};
use crate::io::output::PendingFile;
use crate::keyring::Error as KeyringError;
use crate::keyring::grant::{GrantRequest, IssuedGrant, issue};
use crate::keyring::identity::KeyringIdentity;
use crate::keyring::root::{RootPaths, RootsFile};
use crate::keyring::roots;
use crate::output::{Report, clean};

pub fn run(s: &mut Session, command: &GrantCommand) -> anyhow::Result<Report> {
    match command {
        GrantCommand::Create(args) => create(s, args),
        GrantCommand::List => list(s),
        GrantCommand::Revoke(args) => revoke(s, args),
    }
}

/// How the grant file is sealed for its grantee.
enum Seal {
    Recipient(age::x25519::Recipient),
    Passphrase(SecretString),
    /// To an identity of the grant's own, which an external root holds in the roots file
    /// beside the grant, as a keyring's roots file holds its identity.
    Root {
        identity: KeyringIdentity,
        roots: RootsFile,
    },
}

/// The external root `--root KIND` and its flags describe.
fn external_plan(args: &GrantCreateArgs) -> anyhow::Result<Option<ExternalPlan>> {
    let given = super::roots::external_kinds_given(&args.kms, &args.transit, &args.pkcs11);
    let chosen = args.root.map(GrantRoot::name);
    super::roots::refuse_flags_of_other_kinds(&given, chosen, "not given")?;
    Ok(match args.root {
        None => None,
        Some(GrantRoot::AwsKms) => Some(ExternalPlan::aws_kms(&args.kms)?),
        Some(GrantRoot::Transit) => Some(ExternalPlan::transit(&args.transit)?),
        Some(GrantRoot::Pkcs11) => Some(ExternalPlan::pkcs11(&args.pkcs11)?),
    })
}

/// Refuses an output that exists (a grant and its roots file are always written new).
fn refuse_existing(path: &Path) -> anyhow::Result<()> {
    if path.symlink_metadata().is_ok() {
        return Err(failure(format!(
            "{} already exists; a grant file and its roots file are always written new",
            clean(&path.to_string_lossy())
        )));
    }
    Ok(())
}

fn create(s: &mut Session, args: &GrantCreateArgs) -> anyhow::Result<Report> {
    let mut context = std::collections::BTreeMap::new();
    for (k, v) in &args.context {
        if context.insert(k.clone(), v.clone()).is_some() {
            return Err(usage(format!("context key `{}` is given twice", clean(k))));
        }
    }
    let recipient = match &args.recipient {
        // A secret key given by mistake is never repeated (crate::crypto::x25519).
        Some(r) => Some(
            crate::crypto::x25519::parse_recipient(r)
                .map_err(|e| usage(format!("--recipient: {e}")))?,
        ),
        None => None,
    };
    // With an external root, the roots file beside the grant is named as a keyring's is.
    let paths = RootPaths::of(&args.output);
    refuse_existing(&args.output)?;
    if args.root.is_some() {
        refuse_existing(&paths.roots_file())?;
        paths.check_not_shared(&args.output)?;
    }
    let mut rec = Record::new(Event::CreateGrant);
    rec.set(Field::Output(clean(&args.output.to_string_lossy())));
    let yes = s.settings.yes;
    let (id, keys, expires, roots_file) = Attempt::run(s, rec, |a| {
        // First, before the keyring is unlocked: a grant hands key material out.
        let destructive = Destructive::check(
            "grant create",
            "hands key material out to the grant's holder, outside this keyring's control",
            yes,
        )?;
        let plan = external_plan(args)?;
        if let Some(plan) = &plan {
            a.record.set(Field::RootKind(plan.root.kind().into()));
        }
        // A grant cannot issue grants: refused before anyone is asked for a passphrase.
        if a.read_keyring()?.grant.is_some() {
            return Err(KeyringError::IsAGrant.into());
        }
        let grantee = match (&args.recipient, &plan) {
            (Some(r), _) => r.clone(),
            (None, Some(plan)) => format!("{}:{}", plan.root.kind(), plan.root.key_ref()),
            (None, None) => "passphrase".into(),
        };
        if !destructive.ask(&format!(
            "Write a grant of {} to {} for {}? Its holder gets the keys' material",
            args.keys
                .iter()
                .map(|k| clean(k))
                .collect::<Vec<_>>()
                .join(", "),
            clean(&args.output.to_string_lossy()),
            clean(&grantee)
        ))? {
            return Err(failure(
                "no grant written: you declined (pass --yes to skip the question)",
            ));
        }
        let id = Uuid::new_v4();
        let now = a.session().now();
        let seal = match (recipient, plan) {
            (Some(r), _) => Seal::Recipient(r),
            (None, Some(plan)) => {
                // Wrapped before the grant is recorded: an external root that fails (its
                // server unreachable, its key disabled) leaves the issuing keyring unchanged.
                plan.prepare()?;
                let kind = plan.root.kind();
                let root = plan.keyring_root(kind);
                let identity = KeyringIdentity::generate();
                let mut roots = RootsFile::new(id, identity.recipient().to_string());
                let entry = roots::store_new(&paths, &roots, &root, &identity, now, false)?;
                roots.roots.push(entry);
                Seal::Root { identity, roots }
            }
            (None, None) => Seal::Passphrase(crate::passphrase::obtain_new(
                None,
                crate::env::NEW_PASSPHRASE,
                "Grant passphrase",
            )?),
        };
        let expires = args
            .expires
            .map(|d| now + jiff::SignedDuration::from_hours(24 * i64::from(d)));
        let req = GrantRequest {
            id,
            keys: &args.keys,
            operations: &args.operations,
            context: &context,
            expires,
            grantee,
        };
        let (text, keys, work_factor) = a.write_keyring(|kr, now| {
            let doc = issue(kr, &req, now)?;
            let keys: Vec<String> = doc.keys.iter().map(|k| k.display_name()).collect();
            let text = Zeroizing::new(toml::to_string(&doc)?);
            Ok((text, keys, kr.work_factor))
        })?;
        a.record.set(Field::GrantId(id.to_string()));
        let scrypt;
        let sealed_to;
        let to: &dyn age::Recipient = match &seal {
            Seal::Recipient(r) => r,
            Seal::Passphrase(p) => {
                let mut r = age::scrypt::Recipient::new(p.clone());
                r.set_work_factor(work_factor);
                scrypt = r;
                &scrypt
            }
            Seal::Root { identity, .. } => {
                sealed_to = identity.recipient();
                &sealed_to
            }
        };
        let encryptor = age::Encryptor::with_recipients(iter::once(to))?;
        let mut pending = PendingFile::create_binary(&args.output, false)?;
        let mut out = encryptor.wrap_output(pending.file_mut())?;
        out.write_all(text.as_bytes())?;
        out.finish()?;
        let roots_file = match &seal {
            Seal::Root { roots, .. } => {
                let path = paths.roots_file();
                let mut roots_pending = PendingFile::create(&path, false)?;
                roots_pending
                    .file_mut()
                    .write_all(roots.to_text()?.as_bytes())
                    .map_err(|e| io_error(IoAction::Write, Role::RootFile, &path, &e))?;
                // The roots file first: a grant file in place always has its roots beside it.
                a.release_together(vec![roots_pending, pending]);
                Some(path)
            }
            _ => {
                a.release_file(pending);
                None
            }
        };
        Ok((id, keys, expires, roots_file))
    })?;
    let roots_note = roots_file.as_ref().map_or(String::new(), |p| {
        format!("; its roots file: {}", clean(&p.to_string_lossy()))
    });
    Ok(Report::message(
        format!(
            "wrote the grant {id} to {} (keys: {}{}){roots_note}\n",
            clean(&args.output.to_string_lossy()),
            keys.join(", "),
            expires.map_or(String::new(), |e| format!("; expires {}", time(e)))
        ),
        json!({
            "grant_id": id.to_string(),
            "keys": keys,
            "output": args.output.to_string_lossy(),
            "roots_file": roots_file.map(|p| p.to_string_lossy().into_owned()),
            "expires": expires.map(time),
        }),
    ))
}

fn grant_json(g: &IssuedGrant) -> Value {
    json!({
        "id": g.id.to_string(),
        "keys": g.keys.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
        "operations": g.operations.iter().map(|o| o.name()).collect::<Vec<_>>(),
        "context": g.context,
        "issued": time(g.issued),
        "expires": g.expires.map(time),
        "grantee": g.grantee,
        "revoked": g.revoked.map(time),
    })
}

fn list(s: &mut Session) -> anyhow::Result<Report> {
    let grants = Attempt::run(s, Record::new(Event::ListGrants), |a| {
        let keyring = a.read_keyring()?;
        if keyring.grant.is_some() {
            return Err(KeyringError::IsAGrant.into());
        }
        Ok(keyring.issued_grants)
    })?;
    let mut text = String::new();
    for g in &grants {
        text.push_str(&format!(
            "{}  {}  keys {}  context {}  expires {}  grantee {}{}\n",
            g.id,
            g.operations
                .iter()
                .map(|o| o.name())
                .collect::<Vec<_>>()
                .join(","),
            g.keys.len(),
            if g.context.is_empty() {
                "-".into()
            } else {
                g.context
                    .iter()
                    .map(|(k, v)| format!("{}={}", clean(k), clean(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            },
            g.expires.map_or("never".into(), time),
            clean(&g.grantee),
            g.revoked
                .map_or(String::new(), |r| format!("  revoked {}", time(r)))
        ));
    }
    if grants.is_empty() {
        text.push_str("no grants\n");
    }
    Ok(Report::new(
        text,
        Value::Array(grants.iter().map(grant_json).collect()),
    ))
}

fn revoke(s: &mut Session, args: &GrantRevokeArgs) -> anyhow::Result<Report> {
    let id = args.id.as_str();
    let mut rec = Record::new(Event::RevokeGrant);
    rec.set(Field::GrantId(clean(id)));
    let yes = s.settings.yes;
    let (grant, keys) = Attempt::run(s, rec, |a| {
        // First, before the keyring is unlocked.
        let destructive = Destructive::check(
            "grant revoke",
            "marks the grant revoked for good (it cannot be taken back)",
            yes,
        )?;
        let keyring = a.read_keyring()?;
        if keyring.grant.is_some() {
            return Err(KeyringError::IsAGrant.into());
        }
        if destructive.asks() {
            let grant = keyring
                .issued_grants
                .iter()
                .find(|g| g.id.to_string() == id)
                .ok_or_else(|| KeyringError::UnknownGrant(id.to_string()))?;
            let question = format!(
                "Revoke the grant {} (for {})? It cannot be taken back",
                grant.id, grant.grantee
            );
            if !destructive.ask(&question)? {
                return Err(failure(
                    "grant not revoked: you declined (pass --yes to skip the question)",
                ));
            }
        }
        a.write_keyring(|kr, now| {
            let grant = kr
                .issued_grants
                .iter_mut()
                .find(|g| g.id.to_string() == id)
                .ok_or_else(|| KeyringError::UnknownGrant(id.to_string()))?;
            grant.revoked.get_or_insert(now);
            let grant = grant.clone();
            let keys: Vec<Granted> = grant
                .keys
                .iter()
                .filter_map(|k| kr.find_by_id(*k))
                .map(|k| Granted {
                    id: k.id.to_string(),
                    name: k.display_name(),
                    current: k.current_version,
                    rotates: k.spec.rotates(),
                })
                .collect();
            Ok((grant, keys))
        })
    })?;
    let done = carry_out(s, args, &grant, &keys)?;
    let mut steps = Vec::new();
    for Granted { name, current, .. } in &keys {
        steps.push(format!("lkms rotate {name}"));
        steps.push(format!(
            "set min_decryption_version = {} in the policy of {name} (lkms policy set), once \
             data under version {current} and older has been re-encrypted",
            current + 1
        ));
    }
    let mut text = format!(
        "recorded the grant {} as revoked. Its holder keeps the material it was given: the \
         revocation takes effect for new data after a rotation, and for old data only with \
         min_decryption_version. Next steps:\n{}",
        grant.id,
        steps.iter().map(|s| format!("  {s}\n")).collect::<String>()
    );
    for (name, version) in &done.rotated {
        text.push_str(&format!(
            "rotated key {name}: version {version} is now current\n"
        ));
    }
    for (name, version) in &done.min_decryption {
        text.push_str(&format!(
            "set min_decryption_version = {version} in the policy of key {name}: data under \
             older versions no longer decrypts\n"
        ));
    }
    let pairs = |v: &[(String, u32)]| -> Vec<Value> {
        v.iter()
            .map(|(k, n)| json!({"key": k, "version": n}))
            .collect()
    };
    Ok(Report::message(
        text,
        json!({
            "grant": grant_json(&grant),
            "next_steps": steps,
            "rotated": pairs(&done.rotated),
            "min_decryption_version": pairs(&done.min_decryption),
        }),
    ))
}

/// A key of a revoked grant, as the steps need it.
struct Granted {
    id: String,
    name: String,
    current: u32,
    rotates: bool,
}

/// What `grant revoke` carried out: (key, version) rotated to, and min_decryption_version set.
#[derive(Default)]
struct Done {
    rotated: Vec<(String, u32)>,
    min_decryption: Vec<(String, u32)>,
}

/// The two steps of a revocation, taken when the flags say so or, on a terminal, when the
/// answer is yes. Each is its own audited change (`RotateKey`, `PutKeyPolicy`), as if run
/// by hand.
fn carry_out(
    s: &mut Session,
    args: &GrantRevokeArgs,
    grant: &IssuedGrant,
    keys: &[Granted],
) -> anyhow::Result<Done> {
    let mut done = Done::default();
    for key in keys {
        let rotate = key.rotates
            && (args.rotate
                || (!s.settings.yes
                    && ask(
                        &format!(
                            "Rotate key {} now, so new data goes to a version the grant's holder \
                             does not have?",
                            key.name
                        ),
                        true,
                    )?));
        if rotate {
            super::lifecycle::rotate(s, &key.id)?;
            done.rotated.push((key.name.clone(), key.current + 1));
        }
        let cut = args.min_decryption_version
            || (!s.settings.yes
                && ask(
                    &format!(
                        "Set min_decryption_version of key {} to its current version? Data \
                         under older versions will no longer decrypt (re-encrypt it first)",
                        key.name
                    ),
                    false,
                )?);
        if cut {
            let version = super::policy::cut_off_for_grant(s, &key.id, grant)?;
            done.min_decryption.push((key.name.clone(), version));
        }
    }
    Ok(done)
}
