//! The examples at the end of each command's `--help` (and in its man page's EXAMPLES): one for
//! a person at a terminal, one for a shell script, one for a CI job, as those are the three
//! kinds of users lkms serves. The man page generator reads the "Examples:" block back: keep
//! the layout (context lines indented by two, commands by four).

/// The top level: examples, then the exit codes every script needs.
pub fn lkms() -> String {
    format!("{LKMS}\n\n{}", super::exit_codes_help())
}

const LKMS: &str = r#"Examples:
  At a terminal:
    lkms init
    lkms create --alias app/config --description "app secrets"
    lkms encrypt --key app/config --context app=web secrets.env
  In a shell script:
    set -e
    key=$(lkms create --json | jq -r .key_id)
    lkms describe "$key" --json | jq -r .state
  In a CI job (the passphrase file comes from the secret store):
    export LKMS_PASSPHRASE_FILE="$RUNNER_TEMP/lkms-passphrase"
    lkms encrypt --key release-data --context build="$GITHUB_SHA" dist/*
  In a CI job that holds no secret at all (age files, to an x25519 key's recipient):
    lkms encrypt --recipients-file recipients.txt -r dist/      # dist/**.age
    lkms encrypt --recipient age1... --armor config.yaml        # config.yaml.age, text"#;

pub const INIT: &str = r#"Examples:
  At a terminal (asks for the passphrase twice):
    lkms init
    lkms init --keyring ~/work/keyring.age --work-factor 20
  In a shell script:
    lkms init --passphrase-file ~/.config/lkms/passphrase --json
  In a CI job:
    export LKMS_PASSPHRASE_FILE=/run/secrets/lkms
    lkms init --keyring "$RUNNER_TEMP/keyring.age"
  A keyring whose only root is the runners' cloud role (no passphrase anywhere):
    lkms init --root aws-kms --key-id alias/lkms-ci"#;

pub const CREATE: &str = r#"Examples:
  At a terminal:
    lkms create --alias app/config --description "app secrets" --tag team=infra
    lkms create --alias release --spec ed25519
  In a shell script:
    key=$(lkms create --alias "backup/$(hostname)" --rotation-period 90)
    echo "created key $key"
  In a CI job:
    lkms create --json --alias "ci/$CI_PIPELINE_ID" | jq -r .key_id > key-id.txt"#;

pub const IMPORT_MATERIAL: &str = r#"Examples:
  At a terminal:
    lkms import-material --spec aes-256-gcm --material ceremony.bin --alias app/config
    openssl genpkey -algorithm ed25519 -out signer.pem
    lkms import-material --spec ed25519 --material signer.pem --alias release
  In a shell script:
    key=$(lkms import-material --spec hmac-sha256 --material "$KEYFILE" --json | jq -r .key_id)
    shred -u "$KEYFILE"
  In a CI job:
    lkms import-material --spec aes-256-gcm --material /run/secrets/key.bin --json > key.json"#;

pub const BACKUP: &str = r#"Examples:
  At a terminal:
    lkms backup -o /media/offsite/lkms-$(date +%F).backup
  In a shell script:
    lkms backup -o "$BACKUP_DIR/keyring.backup" --force && echo "backup written"
  In a CI job:
    lkms backup --json -o keyring.backup | jq .generation"#;

pub const RESTORE: &str = r#"Examples:
  At a terminal:
    lkms restore /media/offsite/lkms-2026-12-01.backup
  In a shell script:
    lkms restore --yes --json keyring.backup | jq -r '.destroyed_again[]'
  In a CI job:
    lkms restore --yes keyring.backup"#;

pub const EXPORT: &str = r#"Examples:
  At a terminal:
    lkms export app/config --recipient age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq -o app-config.export
    lkms export app/config release --passphrase -o keys.export
  In a shell script:
    lkms export --yes "$KEY" --recipient "$(cat region2.pub)" -o "$KEY.export"
  In a CI job:
    LKMS_NEW_PASSPHRASE_FILE=/run/secrets/export-pass lkms export --yes ci/key --passphrase -o key.export"#;

pub const IMPORT: &str = r#"Examples:
  At a terminal:
    lkms import app-config.export --identity ~/.config/lkms/region2-identity.txt
    lkms import keys.export
  In a shell script:
    lkms import --json "$KEY.export" | jq -r '.added[]'
  In a CI job:
    LKMS_IDENTITY_FILE=/run/secrets/identity.txt lkms import key.export"#;

pub const LIST: &str = r#"Examples:
  At a terminal:
    lkms list
    lkms list --all
  In a shell script:
    lkms list --json | jq -r '.[] | select(.state == "Enabled") | .key_id'
  In a CI job:
    lkms list --json > keys.json"#;

pub const DESCRIBE: &str = r#"Examples:
  At a terminal:
    lkms describe app/config
  In a shell script:
    state=$(lkms describe alias/app/config --json | jq -r .state)
    [ "$state" = Enabled ] || echo "app/config is $state" >&2
  In a CI job:
    lkms describe release --json | jq -e '.state == "Enabled"'"#;

pub const ALIAS: &str = r#"Examples:
  At a terminal:
    lkms alias add prod/db app/config
    lkms alias remove prod/db
  In a shell script:
    lkms alias add "app/$stage" "$key"
  In a CI job:
    lkms alias add "release/$CI_PIPELINE_ID" release --json"#;

pub const ALIAS_ADD: &str = r#"Examples:
  At a terminal:
    lkms alias add prod/db alias/app/config
  In a shell script:
    for stage in dev staging; do lkms alias add "app/$stage" "$key"; done
  In a CI job:
    lkms alias add "release/$CI_PIPELINE_ID" release --json"#;

pub const ALIAS_REMOVE: &str = r#"Examples:
  At a terminal:
    lkms alias remove prod/db
  In a shell script:
    lkms alias remove "app/$old_stage" && echo "removed app/$old_stage"
  In a CI job:
    lkms alias remove "review/$CI_MERGE_REQUEST_IID" --json"#;

pub const ROTATE: &str = r#"Examples:
  At a terminal:
    lkms rotate app/config
  In a shell script:
    version=$(lkms rotate app/config --json | jq .current_version)
  In a CI job (a scheduled pipeline):
    lkms rotate app/config --json"#;

pub const ROTATION: &str = r#"Examples:
  At a terminal:
    lkms rotation enable app/config --period 90
    lkms rotation disable app/config
  In a shell script:
    lkms rotation enable "$key" && lkms maintain
  In a CI job:
    lkms rotation enable release-data --period 30 --json"#;

pub const ROTATION_ENABLE: &str = r#"Examples:
  At a terminal:
    lkms rotation enable app/config --period 90
  In a shell script:
    for key in $(lkms list --json | jq -r '.[] | select(.usage == "encrypt") | .key_id'); do
      lkms rotation enable "$key"
    done
  In a CI job:
    lkms rotation enable release-data --period 30 --json"#;

pub const ROTATION_DISABLE: &str = r#"Examples:
  At a terminal:
    lkms rotation disable app/config
  In a shell script:
    lkms rotation disable "$key" --json | jq .rotation_period_days
  In a CI job:
    lkms rotation disable legacy --json"#;

pub const ENABLE: &str = r#"Examples:
  At a terminal:
    lkms enable app/config
  In a shell script:
    lkms enable "$key" && lkms describe "$key" --json | jq -r .state
  In a CI job:
    lkms enable release --json"#;

pub const DISABLE: &str = r#"Examples:
  At a terminal (asks first):
    lkms disable app/config
  In a shell script:
    lkms disable --yes "$key"
  In a CI job:
    lkms disable --yes "ci/$CI_PIPELINE_ID" --json"#;

pub const SCHEDULE_DELETE: &str = r#"Examples:
  At a terminal (asks first, and warns loudly):
    lkms schedule-delete app/config --days 7
  In a shell script:
    lkms schedule-delete --yes "$key" --days 30
  In a CI job:
    lkms schedule-delete --yes "ci/$CI_PIPELINE_ID" --days 7 --json | jq -r .deletion_date"#;

pub const CANCEL_DELETE: &str = r#"Examples:
  At a terminal:
    lkms cancel-delete app/config
    lkms enable app/config
  In a shell script:
    lkms cancel-delete "$key" --json | jq -r .state
  In a CI job:
    lkms cancel-delete release --json"#;

pub const MAINTAIN: &str = r#"Examples:
  At a terminal:
    lkms maintain
  In a shell script (a crontab line):
    17 3 * * * LKMS_PASSPHRASE_FILE=$HOME/.lkms-passphrase lkms maintain --json
  In a CI job (a scheduled pipeline):
    lkms maintain --json | jq '.applied | length'"#;

pub const ENCRYPT: &str = r#"Examples:
  At a terminal:
    lkms encrypt --key app/config secrets.env       # writes secrets.env.lkms
    tar c data | lkms encrypt --key backup -o data.tar.lkms
  In a shell script:
    lkms encrypt --key backup --context host="$(hostname)" --force logs/*.log
  In a CI job (one unlock for every artifact):
    export LKMS_PASSPHRASE_FILE="$RUNNER_TEMP/lkms-passphrase"
    lkms encrypt --key release-data --context build="$GITHUB_SHA" dist/*
  In a CI job that holds no secret at all (age files, to an x25519 key's recipient):
    lkms encrypt --recipients-file recipients.txt -r dist/      # dist/**.age
    lkms encrypt --recipient age1... --armor config.yaml        # config.yaml.age, text"#;

pub const DECRYPT: &str = r#"Examples:
  At a terminal:
    lkms decrypt secrets.env.lkms                   # writes secrets.env
    lkms decrypt -o - secrets.env.lkms | less
  In a shell script:
    lkms decrypt --context host="$(hostname)" -o data.tar data.tar.lkms
  In a CI job (the deploy job):
    export LKMS_PASSPHRASE_FILE="$RUNNER_TEMP/lkms-passphrase"
    lkms decrypt --context build="$GITHUB_SHA" dist/*.lkms"#;

pub const RE_ENCRYPT: &str = r#"Examples:
  At a terminal (after `lkms rotate backup`):
    lkms re-encrypt data.tar.lkms
  In a shell script:
    lkms re-encrypt --key backup-2026 --context host="$(hostname)" backups/*.lkms
    # an age file, to the new recipient after `lkms rotate artifacts` (into a new file first):
    set -o pipefail
    lkms decrypt build.tar.age -o - | lkms encrypt --recipient "$(lkms public-key artifacts)" -o build.tar.age.new && mv build.tar.age.new build.tar.age
  In a CI job:
    lkms re-encrypt --context build="$GITHUB_SHA" dist/*.lkms"#;

pub const INSPECT: &str = r#"Examples:
  At a terminal:
    lkms inspect secrets.env.lkms
  In a shell script:
    key=$(lkms inspect --json data.tar.lkms | jq -r .key_id)
  In a CI job (no passphrase needed):
    for f in dist/*.lkms; do lkms inspect --json "$f"; done"#;

pub const GENERATE_DATA_KEY: &str = r#"Examples:
  At a terminal:
    lkms generate-data-key --key app/config --json
  In a shell script:
    lkms generate-data-key --key app/config --context app=web --json > dk.json
    jq -r .ciphertext dk.json | base64 -d > dk.lkms   # `lkms decrypt` opens it
  In a CI job:
    plaintext=$(lkms generate-data-key --key release-data --json | jq -r .plaintext)"#;

pub const SIGN: &str = r#"Examples:
  At a terminal:
    lkms sign --key release -o app.tar.sig app.tar
  In a shell script:
    for f in dist/*.tar; do lkms sign --key release -o "$f.sig" "$f"; done
  In a CI job:
    lkms sign --key release -o dist/SHA256SUMS.sig dist/SHA256SUMS"#;

pub const VERIFY: &str = r#"Examples:
  At a terminal:
    lkms verify --key release --signature app.tar.sig app.tar
  In a shell script:
    lkms verify --key release --signature "$f.sig" "$f" || exit 1
  In a CI job:
    lkms verify --key release --signature dist/SHA256SUMS.sig dist/SHA256SUMS"#;

pub const MAC: &str = r#"Examples:
  At a terminal:
    lkms mac --key webhook -o payload.tag payload.json
  In a shell script:
    tag=$(lkms mac --key webhook < payload.json | xxd -p -c 64)
  In a CI job:
    lkms mac --key ci-mac -o dist/app.tar.tag dist/app.tar"#;

pub const VERIFY_MAC: &str = r#"Examples:
  At a terminal:
    lkms verify-mac --key webhook --mac payload.tag payload.json
  In a shell script:
    lkms verify-mac --key webhook --mac "$tag_file" "$msg" || echo "tampered: $msg" >&2
  In a CI job:
    lkms verify-mac --key ci-mac --mac dist/app.tar.tag dist/app.tar"#;

pub const PUBLIC_KEY: &str = r#"Examples:
  At a terminal:
    lkms public-key release
  In a shell script (anyone can then verify with openssl):
    lkms public-key release > release.pem
    openssl pkeyutl -verify -pubin -inkey release.pem -rawin -in app.tar -sigfile app.tar.sig
  In a CI job:
    lkms public-key release --format der > dist/release.der
  For an x25519 key (fetch it again after every rotation):
    lkms public-key artifacts > recipients.txt"#;

pub const IDENTITY: &str = r#"Examples:
  At a terminal:
    lkms identity export artifacts -o artifacts.key
    age -d -i artifacts.key build.tar.age > build.tar
  In a shell script (no question asked):
    lkms identity export artifacts --version 2 --yes -o recovery/artifacts-v2.key
  In a CI job (a runner that only encrypts needs no identity at all):
    lkms encrypt --recipient "$ARTIFACTS_RECIPIENT" -r dist/"#;

pub const IDENTITY_EXPORT: &str = r#"Examples:
  At a terminal:
    lkms identity export artifacts --version 1 -o artifacts-v1.key
  In a shell script (no question asked):
    lkms identity export artifacts --yes -o "$HOME/recovery/artifacts.key"
  In a CI job (a recovery job that hands the identity to age):
    lkms identity export artifacts --yes -o "$RUNNER_TEMP/id" && age -d -i "$RUNNER_TEMP/id" a.age"#;

pub const AUDIT: &str = r#"Examples:
  At a terminal:
    lkms audit show --key app/config --since 2026-01-01T00:00:00Z
    lkms audit verify
  In a shell script:
    lkms audit verify && lkms audit show --event Decrypt --json > decrypts.json
  In a CI job:
    lkms audit verify --json | jq -r .last_hash"#;

pub const AUDIT_SHOW: &str = r#"Examples:
  At a terminal:
    lkms audit show --key app/config --since 2026-01-01T00:00:00Z
  In a shell script:
    lkms audit show --event Decrypt --json | jq -r '.[] | select(.outcome == "failure") | .time'
  In a CI job:
    lkms audit show --json --since "$(date -u -d '1 day ago' +%FT%TZ)" > audit-day.json"#;

pub const AUDIT_VERIFY: &str = r#"Examples:
  At a terminal:
    lkms audit verify
  As an auditor, with no keyring and no passphrase:
    lkms audit public-key > audit.pub          # once, by the keyring's owner
    lkms audit verify --public-key audit.pub
  Against a checkpoint kept elsewhere (finds both files rolled back together):
    lkms audit checkpoint -o /mnt/elsewhere/lkms-checkpoint
    lkms audit verify --checkpoint /mnt/elsewhere/lkms-checkpoint
  In a shell script (an auditor's check, with no keyring and no passphrase):
    lkms audit verify --public-key audit.pub --json | jq -e .intact >/dev/null
  In a CI job:
    lkms audit verify --json | jq -e .intact"#;

pub const AUDIT_PUBLIC_KEY: &str = r#"Examples:
  At a terminal:
    lkms audit public-key
    lkms audit public-key --format pem
  In a shell script (give the key to an auditor):
    lkms audit public-key > audit.pub
  In a CI job:
    lkms audit verify --public-key "$AUDIT_PUB""#;

pub const AUDIT_REPORT: &str = r#"Examples:
  At a terminal:
    lkms audit report
    lkms audit report --key data --since 2026-01-01T00:00:00Z
  In a shell script (keys nobody used this quarter):
    lkms audit report --json | jq -r '.findings[] | select(.kind == "unused") | .key_id'
  In a CI job (a SIEM feed):
    lkms audit report --json --unused-days 30 > report.json"#;

pub const AUDIT_PRUNE: &str = r#"Examples:
  At a terminal (asks first):
    lkms audit prune --before 2026-01-01T00:00:00Z --archive audit-2025.jsonl
  In a shell script (then check the archive on its own):
    lkms audit prune --yes --before 2026-01-01T00:00:00Z --archive audit-2025.jsonl
    lkms audit verify --archive audit-2025.jsonl --public-key audit.pub
  In a CI job (a yearly prune, the archive kept as an artifact):
    lkms audit prune --yes --json --before "$(date -u +%Y)-01-01T00:00:00Z" \
      --archive "audit-$(date -u +%Y).jsonl""#;

pub const AUDIT_CHECKPOINT: &str = r#"Examples:
  At a terminal:
    lkms audit checkpoint
  In a shell script (keep one per day in git, elsewhere):
    lkms audit checkpoint -o "checkpoints/$(date +%F)" && git -C checkpoints add . && git -C checkpoints commit -qm checkpoint
  In a CI job (prove the log still extends the last saved one):
    lkms audit verify --checkpoint checkpoints/latest"#;

pub const PASSWD: &str = r#"Examples:
  At a terminal (asks for the old passphrase, then the new one twice):
    lkms passwd
    lkms passwd --work-factor 20
  In a shell script:
    lkms passwd --passphrase-file old.txt --new-passphrase-file new.txt
  In a CI job (rotating the secret in the secret store):
    LKMS_PASSPHRASE_FILE=old LKMS_NEW_PASSPHRASE_FILE=new lkms passwd --json
    LKMS_NEW_PASSPHRASE_FILE=new lkms passwd --root ci --json"#;

pub const ROOT: &str = r#"Examples:
  At a terminal:
    lkms root list
    lkms root add passphrase --name break-glass
    lkms root remove break-glass
  In a shell script:
    lkms root list --json | jq -r '.[].name'
  In a CI job (a root for the pipeline's own secret):
    LKMS_NEW_PASSPHRASE_FILE=/run/secrets/ci lkms root add passphrase --name ci"#;

pub const ROOT_LIST: &str = r#"Examples:
  At a terminal:
    lkms root list
  In a shell script:
    lkms root list --json | jq -r '.[] | select(.kind == "passphrase") | .file'
  In a CI job:
    lkms root list --json > roots.json"#;

pub const ROOT_ADD: &str = r#"Examples:
  At a terminal (asks for the new passphrase twice):
    lkms root add passphrase --name break-glass --work-factor 20
  In a shell script:
    lkms root add passphrase --name backup --new-passphrase-file backup.txt
  In a CI job:
    LKMS_NEW_PASSPHRASE_FILE=/run/secrets/ci lkms root add passphrase --name ci --json"#;

pub const ROOT_ADD_PASSPHRASE: &str = r#"Examples:
  At a terminal (asks for the new passphrase twice; keep the file offline afterwards):
    lkms root add passphrase --name break-glass --work-factor 20
  In a shell script:
    lkms root add passphrase --name backup --new-passphrase-file backup.txt
  In a CI job:
    LKMS_NEW_PASSPHRASE_FILE=/run/secrets/ci lkms root add passphrase --name ci --json"#;

pub const ROOT_ADD_AWS_KMS: &str = r#"Examples:
  At a terminal (credentials from your AWS profile):
    AWS_PROFILE=admin lkms root add aws-kms --key-id alias/lkms-ci --region eu-west-1
  In a shell script:
    lkms root add aws-kms --key-id arn:aws:kms:eu-west-1:111122223333:key/1234abcd-... --json
  In a CI job (the runner's role needs kms:Decrypt on the key):
    lkms init --root aws-kms --key-id alias/lkms-ci"#;

pub const ROOT_ADD_TRANSIT: &str = r#"Examples:
  At a terminal (after `bao login` or `vault login`):
    lkms root add transit --address https://vault.example:8200 --key lkms
  In a shell script:
    VAULT_TOKEN="$(cat token)" lkms root add transit --key lkms --mount team/transit --json
  In a CI job:
    lkms init --root transit --address "$VAULT_ADDR" --key lkms-ci"#;

pub const ROOT_ADD_PKCS11: &str = r#"Examples:
  At a terminal (asks for the PIN):
    lkms root add pkcs11 --module /usr/lib/softhsm/libsofthsm2.so --token lkms --key-label root --generate
  In a shell script:
    lkms root add pkcs11 --module "$P11" --token lkms --key-label root --pin-file pin.txt
  In a CI job:
    LKMS_PKCS11_PIN_FILE=/run/secrets/pin lkms init --root pkcs11 --module "$P11" --token ci --key-label root"#;

pub const ROOT_ADD_AGE_IDENTITY: &str = r#"Examples:
  At a terminal:
    age-keygen -o ci.key    # prints its public key, age1...
    lkms root add age-identity --recipient age1... --name ci
  In a shell script:
    lkms root add age-identity --recipient "$(age-keygen -y ci.key)" --name ci
  In a CI job (no passphrase):
    LKMS_IDENTITY_FILE=/run/secrets/ci.key lkms encrypt --key app dist.tar
  A new keyring whose only root is the identity (no passphrase anywhere):
    LKMS_IDENTITY_FILE=ci.key lkms init --root age-identity --recipient "$(age-keygen -y ci.key)""#;

pub const ROOT_REMOVE: &str = r#"Examples:
  At a terminal (asks first):
    lkms root remove old-laptop
  In a shell script:
    lkms root remove backup --yes
  In a CI job:
    lkms root remove ci --yes --json"#;

pub const AGENT: &str = r#"Examples:
  At a terminal (once a session, as ssh-agent):
    eval "$(lkms agent start --idle-timeout 15m)"
    lkms unlock
    lkms encrypt --key app/config secrets.env
  In a shell script:
    eval "$(lkms agent start --max-lifetime 10m)"; trap 'lkms agent stop' EXIT
  In a CI job (unlock once, then many commands with no KDF):
    eval "$(lkms agent start --max-lifetime 30m)"
    LKMS_PASSPHRASE_FILE=/run/secrets/lkms lkms unlock
    for f in dist/*; do lkms encrypt --key release-data "$f"; done"#;

pub const AGENT_START: &str = r#"Examples:
  At a terminal:
    eval "$(lkms agent start)"
  In a shell script:
    eval "$(lkms agent start --idle-timeout 5m --max-lifetime 1h)"
  In a CI job:
    lkms agent start --json | jq -r .socket"#;

pub const AGENT_STATUS: &str = r#"Examples:
  At a terminal:
    lkms agent status
  In a shell script:
    lkms agent status --json | jq -r '.keyrings | length'
  In a CI job:
    lkms agent status --json"#;

pub const AGENT_STOP: &str = r#"Examples:
  At a terminal:
    lkms agent stop
  In a shell script:
    trap 'lkms agent stop' EXIT
  In a CI job (after the last command):
    lkms agent stop"#;

pub const UNLOCK: &str = r#"Examples:
  At a terminal (asks for the passphrase once):
    lkms unlock
  In a shell script:
    lkms unlock --root default --passphrase-file ~/.config/lkms/passphrase
  In a CI job:
    LKMS_PASSPHRASE_FILE=/run/secrets/lkms lkms unlock"#;

pub const LOCK: &str = r#"Examples:
  At a terminal (before leaving the machine):
    lkms lock
  In a shell script:
    lkms lock --json
  In a CI job:
    lkms lock"#;

pub const POLICY: &str = r#"Examples:
  At a terminal:
    lkms policy set app/config policy.toml
    lkms policy get app/config
    lkms policy remove app/config
  In a shell script:
    lkms policy get "$key" --json | jq .context
  In a CI job:
    lkms encrypt --key release-data --context env=prod dist.tar"#;

pub const POLICY_SET: &str = r#"Examples:
  At a terminal:
    cat > policy.toml <<'END'
    allow = ["encrypt", "decrypt"]
    [context]
    required = ["env"]
    allowed = { env = ["prod", "staging"], app = ["web-*"] }
    [versions]
    min_decryption_version = 2
    END
    lkms policy set app/config policy.toml
  In a shell script:
    lkms policy set "$key" "$policy" --json | jq -r .policy_sha256
  In a CI job:
    lkms policy set release-data policies/release.toml"#;

pub const POLICY_GET: &str = r#"Examples:
  At a terminal:
    lkms policy get app/config
  In a shell script:
    lkms policy get "$key" > saved-policy.toml
  In a CI job:
    lkms policy get release-data --json"#;

pub const POLICY_REMOVE: &str = r#"Examples:
  At a terminal:
    lkms policy remove app/config
  In a shell script:
    lkms policy remove "$key" --json | jq .changed
  In a CI job:
    lkms policy remove release-data"#;

pub const VERSION: &str = r#"Examples:
  At a terminal:
    lkms rotate app/config && lkms version disable app/config 1
    lkms version enable app/config 1
  In a shell script:
    lkms describe "$key" --json | jq '.versions[] | {version, state}'
  In a CI job:
    lkms version disable release-data 3 --yes"#;

pub const VERSION_DISABLE: &str = r#"Examples:
  At a terminal:
    lkms version disable app/config 1
  In a shell script:
    lkms version disable "$key" "$leaked" --yes
  In a CI job:
    lkms version disable release-data 3 --yes --json"#;

pub const VERSION_ENABLE: &str = r#"Examples:
  At a terminal:
    lkms version enable app/config 1
  In a shell script:
    lkms version enable "$key" 1 --json | jq .versions
  In a CI job:
    lkms version enable release-data 3"#;

pub const GRANT: &str = r#"Examples:
  At a terminal:
    lkms grant create release-data --operations encrypt --context env=ci \
      --expires 90 --recipient age1... -o ci.grant
    lkms grant list
    lkms grant revoke 5f0c...
  In a shell script:
    lkms grant list --json | jq -r '.[] | select(.revoked == null) | .id'
  In a CI job:
    LKMS_KEYRING=ci.grant LKMS_IDENTITY_FILE=ci.key lkms encrypt --key release-data --context env=ci dist.tar"#;

pub const GRANT_CREATE: &str = r#"Examples:
  At a terminal:
    age-keygen -o ci.key    # on the CI side; hand over only the age1... recipient
    lkms grant create release-data --operations encrypt --context env=ci \
      --expires 90 --recipient age1... -o ci.grant
  In a shell script:
    LKMS_NEW_PASSPHRASE_FILE=grant.pass lkms grant create --yes app --operations decrypt --passphrase -o app.grant
  In a shell script (for a CI runner's cloud role; hand over ci.grant and ci.grant.roots.toml):
    lkms grant create --yes release-data --operations encrypt --root aws-kms \
      --key-id arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab -o ci.grant
  In a CI job:
    lkms grant create --yes release-data --operations encrypt,decrypt --recipient "$CI_RECIPIENT" -o ci.grant --json"#;

pub const GRANT_LIST: &str = r#"Examples:
  At a terminal:
    lkms grant list
  In a shell script:
    lkms grant list --json | jq '.[] | {id, keys, expires}'
  In a CI job:
    lkms grant list --json"#;

pub const GRANT_REVOKE: &str = r#"Examples:
  At a terminal:
    lkms grant revoke 5f0c2a9e-6f1e-4a51-9d8e-3b7c1d2e4f60
  In a shell script:
    lkms grant revoke --yes "$id" --json | jq -r '.next_steps[]'
  In a CI job (rotate each key; old data stays readable):
    lkms grant revoke "$GRANT_ID" --rotate --yes
  Cut off the old versions too, once old data has been re-encrypted:
    lkms grant revoke "$GRANT_ID" --rotate --min-decryption-version --yes"#;

pub const COMPLETIONS: &str = r#"Examples:
  At a terminal (bash, without the bash-completion package):
    echo 'source <(lkms completions bash)' >> ~/.bashrc
  In a shell script (zsh: a directory on $fpath, before compinit):
    mkdir -p ~/.zfunc && lkms completions zsh > ~/.zfunc/_lkms
  In a CI job (packaging):
    mkdir -p pkg/fish && lkms completions fish > pkg/fish/lkms.fish"#;

pub const MAN: &str = r#"Examples:
  At a terminal:
    lkms man --install ~/.local/share/man
    export MANPATH="$HOME/.local/share/man:"    # in ~/.bashrc; the colon keeps the system's pages
    man -w lkms-encrypt
  In a shell script:
    lkms man > lkms.1
  In a CI job (packaging):
    lkms man --install pkg/share/man --json | jq -r '.files | length'"#;
