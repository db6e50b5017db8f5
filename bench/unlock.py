#!/usr/bin/env python3
"""bench/unlock.py kdf [ROUNDS] | agent [FILES] [ROUNDS]: what unlocking costs a command.

kdf:   at scrypt work factor 18, ROUNDS (default 9) interleaved rounds of `lkms create` and
       `lkms list`; prints the medians and create/list (one KDF each: the write costs none).
agent: with the unlock agent holding the keyring, FILES (default 100) files of 4 KiB, each
       encrypted by its own `lkms encrypt` process, against `age -r` and `cat` one process per
       file, ROUNDS (default 5) interleaved rounds; prints the medians per process and ratios.
       Set TMPDIR=/dev/shm to leave out the disk's fsync cost (lkms flushes the audit line and
       the output file; age and cat do not).
Prints the load average before and after: figures taken while the machine is busy are noisy.
Needs age and age-keygen (Debian package age). A benchmark, never a test.
"""
import os, subprocess, time, statistics, sys, tempfile, shutil
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
B = os.path.join(ROOT, "target", "release", "lkms")
d = tempfile.mkdtemp(prefix="lkmsbench.")
env = dict(os.environ, LKMS_KEYRING=f"{d}/keyring.age", LKMS_PASSPHRASE="bench passphrase")
for var in ["LKMS_AGENT_SOCK", "LKMS_AUDIT_LOG", "LKMS_CONFIG", "LKMS_PASSPHRASE_FILE"]:
    env.pop(var, None)
def run(args, e=env, stdin=None):
    t = time.perf_counter()
    subprocess.run(args, env=e, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=stdin)
    return time.perf_counter() - t
def uptime(): return open("/proc/loadavg").read().split()[:3]
mode = sys.argv[1]
if mode == "kdf":
    run([B, "init", "--work-factor", "18"])
    run([B, "create", "--alias", "k"])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    c, l = [], []
    print("load before", uptime())
    for i in range(rounds):
        c.append(run([B, "create"]))
        l.append(run([B, "list"]))
    print("load after", uptime())
    mc, ml = statistics.median(c), statistics.median(l)
    print(f"work factor 18, {rounds} interleaved rounds: create median {mc*1000:.0f} ms, list median {ml*1000:.0f} ms, create/list = {mc/ml:.2f}")
    print("create:", [round(x*1000) for x in c]); print("list:", [round(x*1000) for x in l])
elif mode == "agent":
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    run([B, "init", "--work-factor", "18"])
    run([B, "create", "--alias", "k"])
    out = subprocess.run([B, "agent", "start", "--json"], env=env, check=True, capture_output=True, text=True).stdout
    import json; a = json.loads(out)
    aenv = dict(env, LKMS_AGENT_SOCK=a["socket"]); aenv.pop("LKMS_PASSPHRASE")
    subprocess.run([B, "unlock"], env=dict(env, LKMS_AGENT_SOCK=a["socket"]), check=True, stderr=subprocess.DEVNULL)
    subprocess.run(["age-keygen", "-o", f"{d}/age.key"], check=True, stderr=subprocess.DEVNULL)
    rcpt = subprocess.run(["age-keygen", "-y", f"{d}/age.key"], check=True, capture_output=True, text=True).stdout.strip()
    os.makedirs(f"{d}/in")
    for i in range(n):
        with open(f"{d}/in/f{i}", "wb") as f: f.write(os.urandom(4096))
    res = {"lkms": [], "age": [], "cat": []}
    print("load before", uptime())
    for r in range(rounds):
        for name in ["lkms", "age", "cat"]:
            t = time.perf_counter()
            for i in range(n):
                src = f"{d}/in/f{i}"
                if name == "lkms":
                    subprocess.run([B, "encrypt", "--key", "k", "--force", "-o", f"{d}/in/f{i}.lkms", src], env=aenv, check=True, stderr=subprocess.DEVNULL)
                elif name == "age":
                    subprocess.run(["age", "-r", rcpt, "-o", f"{d}/in/f{i}.age", src], check=True)
                else:
                    with open(f"{d}/in/f{i}.cat", "wb") as o: subprocess.run(["cat", src], stdout=o, check=True)
            res[name].append((time.perf_counter() - t) / n)
    print("load after", uptime())
    m = {k: statistics.median(v) for k, v in res.items()}
    print(f"{n} files of 4 KiB, {rounds} interleaved rounds, median per process: lkms encrypt (agent) {m['lkms']*1000:.2f} ms, age -r {m['age']*1000:.2f} ms, cat {m['cat']*1000:.2f} ms; lkms/age = {m['lkms']/m['age']:.2f}, lkms/cat = {m['lkms']/m['cat']:.2f}, age/cat = {m['age']/m['cat']:.2f}")
    for k, v in res.items(): print(k, [round(x*1000, 2) for x in v])
    subprocess.run([B, "agent", "stop"], env=aenv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
shutil.rmtree(d)
