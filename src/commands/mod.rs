//! One file per group of commands. Each takes parsed arguments and a [`Session`], and returns
//! a [`Report`] to print; none parses arguments or prints data itself (except the commands that
//! stream data to standard output). Each runs its work in an [`attempt::Attempt`], which
//! writes the audit line before any effect is committed.

mod age;
mod agent;
mod attempt;
mod audit;
mod backup;
mod data;
mod grant;
mod import_material;
mod init;
mod install;
mod jobs;
mod keys;
mod lifecycle;
mod mac;
mod material;
mod policy;
mod progress;
mod replace;
mod report;
mod results;
mod roots;
pub mod session;
mod sign;
mod tag_output;
mod transfer;
pub mod unlocking;
mod version;
mod view;

use crate::cli::Command;
use crate::output::Report;
use session::Session;

/// See [`replace::finish_pending`].
pub fn finish_pending_restore(keyring: &std::path::Path) -> anyhow::Result<()> {
    replace::finish_pending(keyring)
}

pub fn dispatch(s: &mut Session, command: Command) -> anyhow::Result<Report> {
    match command {
        Command::Init(a) => init::init(s, &a),
        Command::Passwd(a) => init::passwd(s, &a),
        Command::Export(a) => transfer::export(s, &a),
        Command::Import(a) => transfer::import(s, &a),
        Command::Backup(a) => backup::backup(s, &a),
        Command::Restore(a) => backup::restore(s, &a),
        Command::Root(c) => roots::run(s, c),
        Command::Create(a) => keys::create(s, &a),
        Command::ImportMaterial(a) => import_material::import_material(s, &a),
        Command::List(a) => keys::list(s, &a),
        Command::Agent(c) => agent::run(s, c),
        Command::Unlock(a) => agent::unlock(s, a),
        Command::Lock => agent::lock(),
        Command::Describe(a) => keys::describe(s, &a.key),
        Command::Alias(c) => keys::alias(s, &c),
        Command::Rotate(a) => lifecycle::rotate(s, &a.key),
        Command::Rotation(c) => lifecycle::rotation(s, &c),
        Command::Enable(a) => lifecycle::enable(s, &a.key),
        Command::Disable(a) => lifecycle::disable(s, &a.key),
        Command::ScheduleDelete(a) => lifecycle::schedule_delete(s, &a),
        Command::CancelDelete(a) => lifecycle::cancel_delete(s, &a.key),
        Command::Maintain => lifecycle::maintain(s),
        Command::Policy(c) => policy::run(s, &c),
        Command::Version(c) => version::run(s, &c),
        Command::Grant(c) => grant::run(s, &c),
        Command::Audit(c) => audit::run(s, &c),
        Command::Identity(crate::cli::IdentityCommand::Export(a)) => age::identity_export(s, &a),
        Command::Sign(a) => sign::sign(s, &a),
        Command::Verify(a) => sign::verify(s, &a),
        Command::Mac(a) => mac::mac(s, &a),
        Command::VerifyMac(a) => mac::verify_mac(s, &a),
        Command::PublicKey(a) => sign::public_key(s, &a),
        Command::Encrypt(a) => data::encrypt(s, &a),
        Command::Decrypt(a) => data::decrypt(s, &a),
        Command::ReEncrypt(a) => data::re_encrypt(s, &a),
        Command::Inspect(a) => data::inspect(&a),
        Command::GenerateDataKey(a) => data::generate_data_key(s, &a),
        Command::Completions(a) => install::completions(&a),
        Command::Man(a) => install::man(&a),
    }
}
