//! agent start/status/stop, unlock and lock: the unlock agent, as ssh-agent.

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use super::attempt::Attempt;
use super::session::Session;
use crate::agent::ENV_SOCK;
use crate::agent::client::Agent;
use crate::agent::server::{self, Options};
use crate::audit::{Event, Field, Record};
use crate::cli::{AgentCommand, AgentStartArgs, UnlockArgs};
use crate::error::{auth, failure};
use crate::output::Report;

/// The prefix of the folders `agent start` makes for its socket; the agent removes such a
/// folder when it exits.
const DIR_PREFIX: &str = "lkms-agent.";

pub fn run(s: &mut Session, command: AgentCommand) -> anyhow::Result<Report> {
    match command {
        AgentCommand::Start(a) => start(s, a),
        AgentCommand::Status => status(),
        AgentCommand::Stop => stop(),
    }
}

fn agent() -> anyhow::Result<Agent> {
    Agent::from_env().ok_or_else(|| {
        auth(format!(
            "{ENV_SOCK} is not set: there is no agent to talk to; start one with \
             eval \"$(lkms agent start)\""
        ))
    })
}

/// A new private folder for the socket, under $XDG_RUNTIME_DIR or the temporary folder.
fn new_socket_path() -> anyhow::Result<PathBuf> {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    let dir = tempfile::Builder::new()
        .prefix(DIR_PREFIX)
        .tempdir_in(&base)
        .map_err(|e| failure(format!("cannot make a folder in {}: {e}", base.display())))?
        .keep();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
    Ok(dir.join("agent.sock"))
}

fn shell_quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

fn started_report(socket: &Path, pid: u32) -> Report {
    Report::new(
        format!(
            "{ENV_SOCK}={}; export {ENV_SOCK};\nLKMS_AGENT_PID={pid}; export LKMS_AGENT_PID;\necho lkms agent pid {pid};\n",
            shell_quote(socket)
        ),
        json!({"socket": socket.display().to_string(), "pid": pid}),
    )
}

fn start(s: &mut Session, args: AgentStartArgs) -> anyhow::Result<Report> {
    let socket = match &args.socket {
        Some(p) => p.clone(),
        None => new_socket_path()?,
    };
    let own_dir = socket
        .parent()
        .filter(|d| {
            d.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(DIR_PREFIX))
        })
        .map(Path::to_path_buf);
    let opts = Options {
        socket: socket.clone(),
        own_dir,
        idle_timeout: Some(args.idle_timeout),
        max_lifetime: Some(args.max_lifetime),
    };
    if args.foreground {
        let prepared = server::prepare(&opts)?;
        let listener = server::bind(&socket)?;
        started_report(&socket, std::process::id()).print(s.settings.json)?;
        std::io::stdout().flush()?;
        server::detach_stderr();
        // Nothing more goes to the terminal: the agent may outlive it.
        server::serve(prepared, listener, &opts)?;
        return Ok(Report::none());
    }
    // In the background: the same binary in the foreground, detached from the terminal's
    // process group (so the terminal's ^C does not reach it), its errors piped back until
    // it answers.
    let exe = std::env::current_exe().map_err(|e| failure(format!("cannot find lkms: {e}")))?;
    let mut child = Command::new(exe);
    child
        .args(["agent", "start", "--foreground", "--socket"])
        .arg(&socket)
        .arg("--idle-timeout")
        .arg(format!("{}s", args.idle_timeout.as_secs()))
        .arg("--max-lifetime")
        .arg(format!("{}s", args.max_lifetime.as_secs()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = child
        .spawn()
        .map_err(|e| failure(format!("cannot start the agent: {e}")))?;
    let pid = child.id();
    let agent = Agent::at(&socket);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait()? {
            let mut why = String::new();
            if let Some(mut err) = child.stderr.take() {
                let _ = err.read_to_string(&mut why);
            }
            return Err(failure(format!(
                "the agent did not start ({status}): {}",
                why.trim().trim_start_matches("lkms: error: ")
            )));
        }
        if agent.call(&json!({"op": "status"})).is_ok() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err(failure(
                "the agent did not answer within 10 s; nothing was started",
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(started_report(&socket, pid))
}

fn status() -> anyhow::Result<Report> {
    let agent = agent()?;
    let mut answer = agent.call(&json!({"op": "status"}))?;
    if let Some(map) = answer.as_object_mut() {
        map.remove("ok");
    }
    let keyrings: Vec<String> = answer["keyrings"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let text = format!(
        "agent pid {} at {}\nidle timeout {}s, max lifetime {}s, started {}\nunlocked keyrings: {}\n",
        answer["pid"],
        agent.path().display(),
        answer["idle_timeout_secs"],
        answer["max_lifetime_secs"],
        answer["started"].as_str().unwrap_or_default(),
        if keyrings.is_empty() {
            "none".to_string()
        } else {
            keyrings.join(", ")
        }
    );
    Ok(Report::new(text, answer))
}

fn stop() -> anyhow::Result<Report> {
    let agent = agent()?;
    agent.call(&json!({"op": "stop"}))?;
    Ok(Report::message(
        format!(
            "stopped the agent at {}; run `unset {ENV_SOCK}`\n",
            agent.path().display()
        ),
        json!({"stopped": agent.path().display().to_string()}),
    ))
}

pub fn lock() -> anyhow::Result<Report> {
    let agent = agent()?;
    let answer = agent.call(&json!({"op": "lock"}))?;
    let n = answer["forgot"].as_u64().unwrap_or(0);
    Ok(Report::message(
        format!("the agent forgot {n} keyring(s)\n"),
        json!({"forgot": n}),
    ))
}

pub fn unlock(s: &mut Session, args: UnlockArgs) -> anyhow::Result<Report> {
    let agent = agent()?;
    let mut rec = Record::new(Event::Unlock);
    rec.set(Field::Agent(agent.path().display().to_string()));
    // Through a root, never the agent itself: this fills the agent.
    s.unlocker.use_agent = false;
    s.unlocker.only_root = args.root.clone();
    let keyring_id = Attempt::run(s, rec, |a| {
        // Reading the keyring proves the identity opens it (and carries out what is due).
        a.read_keyring()?;
        let s = a.session();
        let (identity, roots) = match s.unlocker.v2() {
            Some(v) => v,
            None => {
                s.ensure_v2()?;
                s.unlocker.v2().expect("converted above")
            }
        };
        let id = roots.keyring_id.to_string();
        agent.put(&id, &identity.to_text())?;
        Ok(id)
    })?;
    let via = s
        .unlocker
        .info
        .as_ref()
        .and_then(|i| i.root.clone())
        .unwrap_or_default();
    Ok(Report::message(
        format!(
            "unlocked the keyring {} in the agent at {} (root `{via}`)\n",
            s.settings.keyring.display(),
            agent.path().display()
        ),
        json!({"keyring_id": keyring_id, "root": via, "agent": agent.path().display().to_string()}),
    ))
}
