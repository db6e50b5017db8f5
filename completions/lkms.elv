
use builtin;
use str;

set edit:completion:arg-completer[lkms] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'lkms'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'lkms'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a new, empty keyring protected by a passphrase'
            cand create 'Create a new key'
            cand import-material 'Create a key from material made elsewhere (an HSM ceremony, another KMS)'
            cand list 'List the keys'
            cand describe 'Show a key''s metadata: state, versions, aliases, rotation, deletion date'
            cand alias 'Add or remove aliases'
            cand rotate 'Add a new version to a key and make it current'
            cand rotation 'Turn automatic rotation on or off'
            cand enable 'Enable a disabled key'
            cand disable 'Disable a key: it refuses every operation until enabled again'
            cand schedule-delete 'Schedule a key''s destruction after a waiting period'
            cand cancel-delete 'Cancel a scheduled deletion; the key becomes Disabled'
            cand maintain 'Carry out due rotations and deletions now (for cron)'
            cand policy 'Set, show or remove a key''s policy: the operations, contexts and versions it allows'
            cand version 'Disable or enable one version of a key'
            cand grant 'Grants: a keyring for one grantee with only the keys and operations it needs'
            cand encrypt 'Encrypt files or standard input under a key (envelope encryption)'
            cand decrypt 'Decrypt lkms ciphertexts'
            cand re-encrypt 'Rewrap ciphertexts under a key''s current version without decrypting the data'
            cand inspect 'Show a ciphertext''s key, version, algorithm and encryption context (no passphrase)'
            cand generate-data-key 'Make a data key: its plaintext and its ciphertext under a key'
            cand sign 'Sign a message with an ed25519 or ecdsa-p256 key'
            cand verify 'Verify a signature'
            cand mac 'Compute an HMAC-SHA256 tag with an hmac-sha256 key'
            cand verify-mac 'Verify an HMAC-SHA256 tag'
            cand public-key 'Print a signing key''s public key, or an x25519 key''s age recipient'
            cand audit 'Read and verify the audit log'
            cand backup 'Write a backup of the keyring, its roots and the audit position to one file'
            cand restore 'Replace the keyring with a backup''s, never bringing a destroyed key back'
            cand export 'Export keys, material included, for another keyring'
            cand import 'Import keys from an `lkms export` file'
            cand identity 'Export an x25519 key''s age identity'
            cand passwd 'Change the passphrase of one passphrase root (and optionally its work factor)'
            cand root 'List, add or remove the keyring''s roots: what holds its identity'
            cand agent 'Start, inspect or stop the unlock agent (as ssh-agent)'
            cand unlock 'Unlock the keyring in the agent, once'
            cand lock 'Make the agent forget every keyring it holds'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand man 'Print the lkms(1) man page, or install every man page into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;init'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --work-factor 'scrypt''s log2 cost, 10 to 22 [default: 18, or the config file''s work_factor]; above 20 only with --max-work-factor'
            cand --root 'The keyring''s only root, instead of a passphrase: for CI runners whose identity is their cloud role, a Vault token or an HSM'
            cand --name 'The root''s name [default: the kind, or `default` for a passphrase]'
            cand --key-id 'The KMS key: key id, key ARN, alias/NAME or alias ARN'
            cand --region 'The AWS region [default: the key ARN''s, AWS_REGION, AWS_DEFAULT_REGION, the profile''s]'
            cand --endpoint-url 'The KMS endpoint [default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the region''s]'
            cand --address 'The Vault or OpenBao server [default: VAULT_ADDR, BAO_ADDR]'
            cand --key 'The Transit key''s name'
            cand --mount 'Where the Transit engine is mounted'
            cand --module 'The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so'
            cand --token 'The token''s label'
            cand --key-label 'The AES key''s label on the token'
            cand --pin-file 'Read the token''s user PIN from the first line of this file'
            cand --recipient 'The age X25519 recipient (age1...) the keyring identity is encrypted to'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand --generate 'Create the key on the token first (AES-256, sensitive, not extractable)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;create'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --spec 'The key''s algorithm'
            cand --alias 'An alias for the key (repeatable)'
            cand --description 'A description'
            cand --tag 'A tag, KEY=VALUE (repeatable)'
            cand --rotation-period 'Rotate automatically every DAYS days (1 to 2560)'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;import-material'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --spec 'The key''s algorithm, which the material must fit'
            cand --material 'The file holding the material (raw 32 bytes, PKCS#8 DER or PEM for signing keys, an age identity file for x25519)'
            cand --alias 'An alias for the key (repeatable)'
            cand --description 'A description'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;list'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand --all 'Include destroyed keys'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;describe'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;alias'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Give a key another name'
            cand remove 'Remove an alias (the key stays)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;alias;add'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;alias;remove'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;alias;help'= {
            cand add 'Give a key another name'
            cand remove 'Remove an alias (the key stays)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;alias;help;add'= {
        }
        &'lkms;alias;help;remove'= {
        }
        &'lkms;alias;help;help'= {
        }
        &'lkms;rotate'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;rotation'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enable 'Rotate the key automatically every period'
            cand disable 'Stop rotating the key automatically'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;rotation;enable'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --period 'Days between rotations, 1 to 2560'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;rotation;disable'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;rotation;help'= {
            cand enable 'Rotate the key automatically every period'
            cand disable 'Stop rotating the key automatically'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;rotation;help;enable'= {
        }
        &'lkms;rotation;help;disable'= {
        }
        &'lkms;rotation;help;help'= {
        }
        &'lkms;enable'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;disable'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;schedule-delete'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --days 'Waiting period in days, 7 to 30 [default: 30, or the config file''s deletion_window_days]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;cancel-delete'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;maintain'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;policy'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Give a key the policy in FILE (replacing any it has)'
            cand get 'Print a key''s policy as TOML (with --json, as an object)'
            cand remove 'Remove a key''s policy: it then allows whatever its usage and state allow'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;policy;set'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;policy;get'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;policy;remove'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;policy;help'= {
            cand set 'Give a key the policy in FILE (replacing any it has)'
            cand get 'Print a key''s policy as TOML (with --json, as an object)'
            cand remove 'Remove a key''s policy: it then allows whatever its usage and state allow'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;policy;help;set'= {
        }
        &'lkms;policy;help;get'= {
        }
        &'lkms;policy;help;remove'= {
        }
        &'lkms;policy;help;help'= {
        }
        &'lkms;version'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand disable 'Disable version N: it refuses to decrypt or verify until enabled again'
            cand enable 'Enable version N again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;version;disable'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;version;enable'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;version;help'= {
            cand disable 'Disable version N: it refuses to decrypt or verify until enabled again'
            cand enable 'Enable version N again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;version;help;disable'= {
        }
        &'lkms;version;help;enable'= {
        }
        &'lkms;version;help;help'= {
        }
        &'lkms;grant'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Write a grant keyring for one grantee'
            cand list 'List the grants this keyring issued'
            cand revoke 'Record a grant as revoked, and say what that does and does not do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;grant;create'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --operations 'The operations it allows, comma-separated (encrypt, decrypt, re-encrypt, generate-data-key, sign, verify, public-key, mac, verify-mac)'
            cand --context 'Encryption context every use must carry, K=V (repeatable)'
            cand --encryption-context 'Encryption context every use must carry, K=V (repeatable)'
            cand --expires 'Days until the grant expires (1 to 3650)'
            cand --recipient 'The grantee''s age X25519 recipient (age1...)'
            cand --root 'Or hold it with an external root, as `lkms root add KIND` takes it: the grant is sealed to an identity of its own, wrapped by that root in FILE''s roots file'
            cand --key-id 'The KMS key: key id, key ARN, alias/NAME or alias ARN'
            cand --region 'The AWS region [default: the key ARN''s, AWS_REGION, AWS_DEFAULT_REGION, the profile''s]'
            cand --endpoint-url 'The KMS endpoint [default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the region''s]'
            cand --address 'The Vault or OpenBao server [default: VAULT_ADDR, BAO_ADDR]'
            cand --key 'The Transit key''s name'
            cand --mount 'Where the Transit engine is mounted'
            cand --module 'The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so'
            cand --token 'The token''s label'
            cand --key-label 'The AES key''s label on the token'
            cand --pin-file 'Read the token''s user PIN from the first line of this file'
            cand -o 'The grant file to write (it must not exist)'
            cand --output 'The grant file to write (it must not exist)'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand --passphrase 'Protect the grant with a new passphrase instead'
            cand --generate 'Create the key on the token first (AES-256, sensitive, not extractable)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;grant;list'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;grant;revoke'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand --rotate 'Also rotate each key of the grant (signing keys do not rotate and are left alone), so new data goes to a version its holder does not have'
            cand --min-decryption-version 'Also set each key''s min_decryption_version to its current version (after --rotate), so data under the versions the holder has no longer decrypts; refused for a key whose current version the holder has (pass --rotate). Re-encrypt old data first'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;grant;help'= {
            cand create 'Write a grant keyring for one grantee'
            cand list 'List the grants this keyring issued'
            cand revoke 'Record a grant as revoked, and say what that does and does not do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;grant;help;create'= {
        }
        &'lkms;grant;help;list'= {
        }
        &'lkms;grant;help;revoke'= {
        }
        &'lkms;grant;help;help'= {
        }
        &'lkms;encrypt'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --key 'The key to encrypt under [default: the config file''s default_key]'
            cand --recipient 'Encrypt to this age X25519 recipient (age1...) as a standard age file, with no keyring, passphrase or audit log (repeatable)'
            cand -R 'Encrypt to the recipients in this file, one a line (`#` comments and blank lines are ignored), as `age -R` reads them (repeatable)'
            cand --recipients-file 'Encrypt to the recipients in this file, one a line (`#` comments and blank lines are ignored), as `age -R` reads them (repeatable)'
            cand --context 'Encryption context, K=V (repeatable); needed again to decrypt; logged in clear'
            cand --encryption-context 'Encryption context, K=V (repeatable); needed again to decrypt; logged in clear'
            cand -o 'Write to this file (`-` for standard output); only with a single INPUT'
            cand --output 'Write to this file (`-` for standard output); only with a single INPUT'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -a 'Write ASCII armor (age''s for age files, `LKMS ENCRYPTED FILE` for lkms ones), which may go to a terminal'
            cand --armor 'Write ASCII armor (age''s for age files, `LKMS ENCRYPTED FILE` for lkms ones), which may go to a terminal'
            cand -r 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree'
            cand --recursive 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree'
            cand --keep-going 'Go on with the other inputs after one fails (the exit code is the worst one)'
            cand --force 'Replace an existing output file'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;decrypt'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --key 'Decrypt only data encrypted under this key (id or alias); any other is refused (exit 4). For age files: try only this x25519 key''s versions [default: every x25519 key]'
            cand --context 'Encryption context, K=V (repeatable): must equal the one used to encrypt'
            cand --encryption-context 'Encryption context, K=V (repeatable): must equal the one used to encrypt'
            cand -o 'Write to this file (`-` for standard output); only with a single INPUT'
            cand --output 'Write to this file (`-` for standard output); only with a single INPUT'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -r 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree'
            cand --recursive 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree'
            cand --keep-going 'Go on with the other inputs after one fails (the exit code is the worst one)'
            cand --force 'Replace an existing output file'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;re-encrypt'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --key 'The key to rewrap under [default: the key each ciphertext names]'
            cand --source-key 'Rewrap only data encrypted under this key (id or alias); any other is refused (exit 4)'
            cand --context 'Encryption context, K=V (repeatable): must equal the one used to encrypt'
            cand --encryption-context 'Encryption context, K=V (repeatable): must equal the one used to encrypt'
            cand -o 'Write to this file (`-` for standard output); only with a single INPUT'
            cand --output 'Write to this file (`-` for standard output); only with a single INPUT'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -r 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree'
            cand --recursive 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree'
            cand --keep-going 'Go on with the other inputs after one fails (the exit code is the worst one)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;inspect'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;generate-data-key'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --key 'The key that wraps the data key: an aes-256-gcm or chacha20-poly1305 key'
            cand --context 'Encryption context, K=V (repeatable)'
            cand --encryption-context 'Encryption context, K=V (repeatable)'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;sign'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --key 'The signing key'
            cand -o 'Write the signature here (raw bytes; standard output if absent and not a terminal)'
            cand --output 'Write the signature here (raw bytes; standard output if absent and not a terminal)'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;verify'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --key 'The signing key'
            cand --signature 'The signature file (raw bytes)'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;mac'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --key 'The HMAC key'
            cand -o 'Write the tag here (raw 32 bytes; standard output if absent and not a terminal)'
            cand --output 'Write the tag here (raw 32 bytes; standard output if absent and not a terminal)'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;verify-mac'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --key 'The HMAC key'
            cand --mac 'The tag file (raw 32 bytes)'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;public-key'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --format 'PEM text or raw DER (signing keys; an x25519 key prints its age recipient)'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;audit'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print audit records, oldest first'
            cand verify 'Check the chain, the signed checkpoints and the keyring''s anchor; exits 5 if not intact'
            cand public-key 'Print the audit key''s verifier key (C2SP signed-note), or its public key as PEM'
            cand checkpoint 'Print the latest signed checkpoint, to keep outside this machine'
            cand report 'Summarise key use and list what needs attention'
            cand prune 'Move sealed lines older than a time to an archive file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;audit;show'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --key 'Only records about this key (id or alias)'
            cand --event 'Only records of this event, such as Encrypt or RotateKey'
            cand --since 'Only records at or after this time: RFC 3339, a date (its start in UTC) or a duration ago (7d, 24h, 30m, 2w)'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;audit;verify'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --public-key 'Verify with this verifier key file (from `lkms audit public-key`): no keyring needed'
            cand --checkpoint 'Also prove the log still extends this checkpoint (from `lkms audit checkpoint`)'
            cand --archive 'Verify this archive (from `lkms audit prune`) instead of the log, on its own: the keyring''s anchor is the log''s, not checked against it'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;audit;public-key'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --format '`note`: the signed-note verifier key line; `pem`: SubjectPublicKeyInfo'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;audit;checkpoint'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand -o 'Write the checkpoint to this new file instead of standard output'
            cand --output 'Write the checkpoint to this new file instead of standard output'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;audit;report'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --since 'Only records at or after this time: RFC 3339, a date (its start in UTC) or a duration ago (7d, 24h, 30m, 2w)'
            cand --key 'Only this key (id, or alias with the keyring)'
            cand --unused-days 'A key unused this many days is reported'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;audit;prune'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --before 'Move the sealed lines older than this time: RFC 3339, a date (its start in UTC) or a duration ago (7d, 24h, 30m, 2w)'
            cand --archive 'The archive to create; it must not exist'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;audit;help'= {
            cand show 'Print audit records, oldest first'
            cand verify 'Check the chain, the signed checkpoints and the keyring''s anchor; exits 5 if not intact'
            cand public-key 'Print the audit key''s verifier key (C2SP signed-note), or its public key as PEM'
            cand checkpoint 'Print the latest signed checkpoint, to keep outside this machine'
            cand report 'Summarise key use and list what needs attention'
            cand prune 'Move sealed lines older than a time to an archive file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;audit;help;show'= {
        }
        &'lkms;audit;help;verify'= {
        }
        &'lkms;audit;help;public-key'= {
        }
        &'lkms;audit;help;checkpoint'= {
        }
        &'lkms;audit;help;report'= {
        }
        &'lkms;audit;help;prune'= {
        }
        &'lkms;audit;help;help'= {
        }
        &'lkms;backup'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand -o 'The backup file to write'
            cand --output 'The backup file to write'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand --force 'Replace FILE if it exists'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;restore'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand --force 'Accept a backup of another keyring (its id differs from this keyring''s)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;export'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --recipient 'Encrypt the export to this age X25519 recipient (age1...)'
            cand --new-passphrase-file 'Read the export''s passphrase from the first line of this file'
            cand -o 'The export file to write'
            cand --output 'The export file to write'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand --passphrase 'Encrypt the export to a passphrase instead'
            cand --force 'Replace FILE if it exists'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;import'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --new-passphrase-file 'Read the export''s passphrase from the first line of this file'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;identity'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand export 'Write an x25519 key version''s age identity to a new file (mode 0600)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;identity;export'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --version 'The version to export [default: the current one]'
            cand -o 'The identity file to create; it must not exist'
            cand --output 'The identity file to create; it must not exist'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lkms;identity;help'= {
            cand export 'Write an x25519 key version''s age identity to a new file (mode 0600)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;identity;help;export'= {
        }
        &'lkms;identity;help;help'= {
        }
        &'lkms;passwd'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --root 'The passphrase root to change [default: the one that unlocked, else `default`]'
            cand --work-factor 'A new scrypt log2 cost, 10 to 22 [default: keep the current one]'
            cand --new-passphrase-file 'Read the new passphrase from the first line of this file'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;root'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the keyring''s roots (needs no passphrase)'
            cand add 'Add a root that holds the keyring identity'
            cand remove 'Remove a root; the last one cannot be removed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;root;list'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;root;add'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand passphrase 'Add a passphrase root: an age scrypt file beside the keyring'
            cand aws-kms 'Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name'
            cand transit 'Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key'
            cand pkcs11 'Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)'
            cand age-identity 'Add an age-identity root: the identity encrypted to an age X25519 recipient'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;root;add;passphrase'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --name 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: passphrase-N]'
            cand --work-factor 'scrypt''s log2 cost, 10 to 22 [default: the keyring''s work factor]'
            cand --new-passphrase-file 'Read the new passphrase from the first line of this file'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;root;add;aws-kms'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --name 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: aws-kms]'
            cand --key-id 'The KMS key: key id, key ARN, alias/NAME or alias ARN'
            cand --region 'The AWS region [default: the key ARN''s, AWS_REGION, AWS_DEFAULT_REGION, the profile''s]'
            cand --endpoint-url 'The KMS endpoint [default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the region''s]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;root;add;transit'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --name 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: transit]'
            cand --address 'The Vault or OpenBao server [default: VAULT_ADDR, BAO_ADDR]'
            cand --key 'The Transit key''s name'
            cand --mount 'Where the Transit engine is mounted'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;root;add;pkcs11'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --name 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: pkcs11]'
            cand --module 'The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so'
            cand --token 'The token''s label'
            cand --key-label 'The AES key''s label on the token'
            cand --pin-file 'Read the token''s user PIN from the first line of this file'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand --generate 'Create the key on the token first (AES-256, sensitive, not extractable)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;root;add;age-identity'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --name 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: age-identity]'
            cand --recipient 'The age X25519 recipient (age1...) the keyring identity is encrypted to'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;root;add;help'= {
            cand passphrase 'Add a passphrase root: an age scrypt file beside the keyring'
            cand aws-kms 'Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name'
            cand transit 'Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key'
            cand pkcs11 'Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)'
            cand age-identity 'Add an age-identity root: the identity encrypted to an age X25519 recipient'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;root;add;help;passphrase'= {
        }
        &'lkms;root;add;help;aws-kms'= {
        }
        &'lkms;root;add;help;transit'= {
        }
        &'lkms;root;add;help;pkcs11'= {
        }
        &'lkms;root;add;help;age-identity'= {
        }
        &'lkms;root;add;help;help'= {
        }
        &'lkms;root;remove'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;root;help'= {
            cand list 'List the keyring''s roots (needs no passphrase)'
            cand add 'Add a root that holds the keyring identity'
            cand remove 'Remove a root; the last one cannot be removed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;root;help;list'= {
        }
        &'lkms;root;help;add'= {
            cand passphrase 'Add a passphrase root: an age scrypt file beside the keyring'
            cand aws-kms 'Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name'
            cand transit 'Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key'
            cand pkcs11 'Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)'
            cand age-identity 'Add an age-identity root: the identity encrypted to an age X25519 recipient'
        }
        &'lkms;root;help;add;passphrase'= {
        }
        &'lkms;root;help;add;aws-kms'= {
        }
        &'lkms;root;help;add;transit'= {
        }
        &'lkms;root;help;add;pkcs11'= {
        }
        &'lkms;root;help;add;age-identity'= {
        }
        &'lkms;root;help;remove'= {
        }
        &'lkms;root;help;help'= {
        }
        &'lkms;agent'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start the agent in the background and print the shell lines that point at it'
            cand status 'Show the agent''s pid, socket, timeouts and the keyrings it holds'
            cand stop 'Stop the agent: it forgets every identity and exits'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;agent;start'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --idle-timeout 'Forget the identities after this long without a request (30s, 15m, 8h, 2d)'
            cand --max-lifetime 'Forget everything and exit after this long, whatever happens (30s, 15m, 8h, 2d)'
            cand --socket 'The socket''s path; its folder must exist with mode 0700 [default: a new folder]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand --foreground 'Stay in the foreground (for a service manager) instead of going to the background'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;agent;status'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;agent;stop'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;agent;help'= {
            cand start 'Start the agent in the background and print the shell lines that point at it'
            cand status 'Show the agent''s pid, socket, timeouts and the keyrings it holds'
            cand stop 'Stop the agent: it forgets every identity and exits'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;agent;help;start'= {
        }
        &'lkms;agent;help;status'= {
        }
        &'lkms;agent;help;stop'= {
        }
        &'lkms;agent;help;help'= {
        }
        &'lkms;unlock'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --root 'Unlock with this root only [default: roots that need no person, then passphrase roots]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;lock'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;completions'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;man'= {
            cand --keyring 'The keyring file [default: keyring.age in the platform''s data directory]'
            cand --audit-log 'The audit log [default: audit.jsonl beside the keyring]'
            cand --passphrase-file 'Read the passphrase from the first line of this file'
            cand --identity 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root'
            cand --config 'The configuration file [default: config.toml in the platform''s config directory]'
            cand --max-work-factor 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]'
            cand --install 'Install every page into DIR/man1 (or DIR, when it is named man1) instead of printing'
            cand --json 'Print machine-readable JSON (one value) instead of text'
            cand -y 'Do not ask before destructive changes (required for them off a terminal)'
            cand --yes 'Do not ask before destructive changes (required for them off a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lkms;help'= {
            cand init 'Create a new, empty keyring protected by a passphrase'
            cand create 'Create a new key'
            cand import-material 'Create a key from material made elsewhere (an HSM ceremony, another KMS)'
            cand list 'List the keys'
            cand describe 'Show a key''s metadata: state, versions, aliases, rotation, deletion date'
            cand alias 'Add or remove aliases'
            cand rotate 'Add a new version to a key and make it current'
            cand rotation 'Turn automatic rotation on or off'
            cand enable 'Enable a disabled key'
            cand disable 'Disable a key: it refuses every operation until enabled again'
            cand schedule-delete 'Schedule a key''s destruction after a waiting period'
            cand cancel-delete 'Cancel a scheduled deletion; the key becomes Disabled'
            cand maintain 'Carry out due rotations and deletions now (for cron)'
            cand policy 'Set, show or remove a key''s policy: the operations, contexts and versions it allows'
            cand version 'Disable or enable one version of a key'
            cand grant 'Grants: a keyring for one grantee with only the keys and operations it needs'
            cand encrypt 'Encrypt files or standard input under a key (envelope encryption)'
            cand decrypt 'Decrypt lkms ciphertexts'
            cand re-encrypt 'Rewrap ciphertexts under a key''s current version without decrypting the data'
            cand inspect 'Show a ciphertext''s key, version, algorithm and encryption context (no passphrase)'
            cand generate-data-key 'Make a data key: its plaintext and its ciphertext under a key'
            cand sign 'Sign a message with an ed25519 or ecdsa-p256 key'
            cand verify 'Verify a signature'
            cand mac 'Compute an HMAC-SHA256 tag with an hmac-sha256 key'
            cand verify-mac 'Verify an HMAC-SHA256 tag'
            cand public-key 'Print a signing key''s public key, or an x25519 key''s age recipient'
            cand audit 'Read and verify the audit log'
            cand backup 'Write a backup of the keyring, its roots and the audit position to one file'
            cand restore 'Replace the keyring with a backup''s, never bringing a destroyed key back'
            cand export 'Export keys, material included, for another keyring'
            cand import 'Import keys from an `lkms export` file'
            cand identity 'Export an x25519 key''s age identity'
            cand passwd 'Change the passphrase of one passphrase root (and optionally its work factor)'
            cand root 'List, add or remove the keyring''s roots: what holds its identity'
            cand agent 'Start, inspect or stop the unlock agent (as ssh-agent)'
            cand unlock 'Unlock the keyring in the agent, once'
            cand lock 'Make the agent forget every keyring it holds'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand man 'Print the lkms(1) man page, or install every man page into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lkms;help;init'= {
        }
        &'lkms;help;create'= {
        }
        &'lkms;help;import-material'= {
        }
        &'lkms;help;list'= {
        }
        &'lkms;help;describe'= {
        }
        &'lkms;help;alias'= {
            cand add 'Give a key another name'
            cand remove 'Remove an alias (the key stays)'
        }
        &'lkms;help;alias;add'= {
        }
        &'lkms;help;alias;remove'= {
        }
        &'lkms;help;rotate'= {
        }
        &'lkms;help;rotation'= {
            cand enable 'Rotate the key automatically every period'
            cand disable 'Stop rotating the key automatically'
        }
        &'lkms;help;rotation;enable'= {
        }
        &'lkms;help;rotation;disable'= {
        }
        &'lkms;help;enable'= {
        }
        &'lkms;help;disable'= {
        }
        &'lkms;help;schedule-delete'= {
        }
        &'lkms;help;cancel-delete'= {
        }
        &'lkms;help;maintain'= {
        }
        &'lkms;help;policy'= {
            cand set 'Give a key the policy in FILE (replacing any it has)'
            cand get 'Print a key''s policy as TOML (with --json, as an object)'
            cand remove 'Remove a key''s policy: it then allows whatever its usage and state allow'
        }
        &'lkms;help;policy;set'= {
        }
        &'lkms;help;policy;get'= {
        }
        &'lkms;help;policy;remove'= {
        }
        &'lkms;help;version'= {
            cand disable 'Disable version N: it refuses to decrypt or verify until enabled again'
            cand enable 'Enable version N again'
        }
        &'lkms;help;version;disable'= {
        }
        &'lkms;help;version;enable'= {
        }
        &'lkms;help;grant'= {
            cand create 'Write a grant keyring for one grantee'
            cand list 'List the grants this keyring issued'
            cand revoke 'Record a grant as revoked, and say what that does and does not do'
        }
        &'lkms;help;grant;create'= {
        }
        &'lkms;help;grant;list'= {
        }
        &'lkms;help;grant;revoke'= {
        }
        &'lkms;help;encrypt'= {
        }
        &'lkms;help;decrypt'= {
        }
        &'lkms;help;re-encrypt'= {
        }
        &'lkms;help;inspect'= {
        }
        &'lkms;help;generate-data-key'= {
        }
        &'lkms;help;sign'= {
        }
        &'lkms;help;verify'= {
        }
        &'lkms;help;mac'= {
        }
        &'lkms;help;verify-mac'= {
        }
        &'lkms;help;public-key'= {
        }
        &'lkms;help;audit'= {
            cand show 'Print audit records, oldest first'
            cand verify 'Check the chain, the signed checkpoints and the keyring''s anchor; exits 5 if not intact'
            cand public-key 'Print the audit key''s verifier key (C2SP signed-note), or its public key as PEM'
            cand checkpoint 'Print the latest signed checkpoint, to keep outside this machine'
            cand report 'Summarise key use and list what needs attention'
            cand prune 'Move sealed lines older than a time to an archive file'
        }
        &'lkms;help;audit;show'= {
        }
        &'lkms;help;audit;verify'= {
        }
        &'lkms;help;audit;public-key'= {
        }
        &'lkms;help;audit;checkpoint'= {
        }
        &'lkms;help;audit;report'= {
        }
        &'lkms;help;audit;prune'= {
        }
        &'lkms;help;backup'= {
        }
        &'lkms;help;restore'= {
        }
        &'lkms;help;export'= {
        }
        &'lkms;help;import'= {
        }
        &'lkms;help;identity'= {
            cand export 'Write an x25519 key version''s age identity to a new file (mode 0600)'
        }
        &'lkms;help;identity;export'= {
        }
        &'lkms;help;passwd'= {
        }
        &'lkms;help;root'= {
            cand list 'List the keyring''s roots (needs no passphrase)'
            cand add 'Add a root that holds the keyring identity'
            cand remove 'Remove a root; the last one cannot be removed'
        }
        &'lkms;help;root;list'= {
        }
        &'lkms;help;root;add'= {
            cand passphrase 'Add a passphrase root: an age scrypt file beside the keyring'
            cand aws-kms 'Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name'
            cand transit 'Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key'
            cand pkcs11 'Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)'
            cand age-identity 'Add an age-identity root: the identity encrypted to an age X25519 recipient'
        }
        &'lkms;help;root;add;passphrase'= {
        }
        &'lkms;help;root;add;aws-kms'= {
        }
        &'lkms;help;root;add;transit'= {
        }
        &'lkms;help;root;add;pkcs11'= {
        }
        &'lkms;help;root;add;age-identity'= {
        }
        &'lkms;help;root;remove'= {
        }
        &'lkms;help;agent'= {
            cand start 'Start the agent in the background and print the shell lines that point at it'
            cand status 'Show the agent''s pid, socket, timeouts and the keyrings it holds'
            cand stop 'Stop the agent: it forgets every identity and exits'
        }
        &'lkms;help;agent;start'= {
        }
        &'lkms;help;agent;status'= {
        }
        &'lkms;help;agent;stop'= {
        }
        &'lkms;help;unlock'= {
        }
        &'lkms;help;lock'= {
        }
        &'lkms;help;completions'= {
        }
        &'lkms;help;man'= {
        }
        &'lkms;help;help'= {
        }
    ]
    $completions[$command]
}
