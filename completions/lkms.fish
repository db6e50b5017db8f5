# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_lkms_global_optspecs
    string join \n keyring= audit-log= passphrase-file= identity= config= json max-work-factor= y/yes h/help V/version
end

function __fish_lkms_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_lkms_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_lkms_using_subcommand
    set -l cmd (__fish_lkms_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c lkms -n "__fish_lkms_needs_command" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_needs_command" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_needs_command" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_needs_command" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_needs_command" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_needs_command" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_needs_command" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_needs_command" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_needs_command" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "init" -d 'Create a new, empty keyring protected by a passphrase'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "create" -d 'Create a new key'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "import-material" -d 'Create a key from material made elsewhere (an HSM ceremony, another KMS)'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "list" -d 'List the keys'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "describe" -d 'Show a key\'s metadata: state, versions, aliases, rotation, deletion date'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "alias" -d 'Add or remove aliases'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "rotate" -d 'Add a new version to a key and make it current'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "rotation" -d 'Turn automatic rotation on or off'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "enable" -d 'Enable a disabled key'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "disable" -d 'Disable a key: it refuses every operation until enabled again'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "schedule-delete" -d 'Schedule a key\'s destruction after a waiting period'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "cancel-delete" -d 'Cancel a scheduled deletion; the key becomes Disabled'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "maintain" -d 'Carry out due rotations and deletions now (for cron)'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "policy" -d 'Set, show or remove a key\'s policy: the operations, contexts and versions it allows'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "version" -d 'Disable or enable one version of a key'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "grant" -d 'Grants: a keyring for one grantee with only the keys and operations it needs'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "encrypt" -d 'Encrypt files or standard input under a key (envelope encryption)'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "decrypt" -d 'Decrypt lkms ciphertexts'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "re-encrypt" -d 'Rewrap ciphertexts under a key\'s current version without decrypting the data'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "inspect" -d 'Show a ciphertext\'s key, version, algorithm and encryption context (no passphrase)'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "generate-data-key" -d 'Make a data key: its plaintext and its ciphertext under a key'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "sign" -d 'Sign a message with an ed25519 or ecdsa-p256 key'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "verify" -d 'Verify a signature'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "mac" -d 'Compute an HMAC-SHA256 tag with an hmac-sha256 key'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "verify-mac" -d 'Verify an HMAC-SHA256 tag'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "public-key" -d 'Print a signing key\'s public key, or an x25519 key\'s age recipient'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "audit" -d 'Read and verify the audit log'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "backup" -d 'Write a backup of the keyring, its roots and the audit position to one file'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "restore" -d 'Replace the keyring with a backup\'s, never bringing a destroyed key back'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "export" -d 'Export keys, material included, for another keyring'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "import" -d 'Import keys from an `lkms export` file'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "identity" -d 'Export an x25519 key\'s age identity'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "passwd" -d 'Change the passphrase of one passphrase root (and optionally its work factor)'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "root" -d 'List, add or remove the keyring\'s roots: what holds its identity'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "agent" -d 'Start, inspect or stop the unlock agent (as ssh-agent)'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "unlock" -d 'Unlock the keyring in the agent, once'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "lock" -d 'Make the agent forget every keyring it holds'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "man" -d 'Print the lkms(1) man page, or install every man page into a directory'
complete -c lkms -n "__fish_lkms_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand init" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand init" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand init" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand init" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand init" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand init" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l work-factor -d 'scrypt\'s log2 cost, 10 to 22 [default: 18, or the config file\'s work_factor]; above 20 only with --max-work-factor' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l root -d 'The keyring\'s only root, instead of a passphrase: for CI runners whose identity is their cloud role, a Vault token or an HSM' -r -f -a "passphrase\t'A passphrase root named `default` (the default)'
aws-kms\t'An AWS KMS root (--key-id ...)'
transit\t'A Vault or OpenBao Transit root (--address, --key ...)'
pkcs11\t'A PKCS#11 root (--module, --token, --key-label ...)'
age-identity\t'An age-identity root (--recipient age1...), opened with --identity FILE'"
complete -c lkms -n "__fish_lkms_using_subcommand init" -l name -d 'The root\'s name [default: the kind, or `default` for a passphrase]' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l key-id -d 'The KMS key: key id, key ARN, alias/NAME or alias ARN' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l region -d 'The AWS region [default: the key ARN\'s, AWS_REGION, AWS_DEFAULT_REGION, the profile\'s]' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l endpoint-url -d 'The KMS endpoint [default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the region\'s]' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l address -d 'The Vault or OpenBao server [default: VAULT_ADDR, BAO_ADDR]' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l key -d 'The Transit key\'s name' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l mount -d 'Where the Transit engine is mounted' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l module -d 'The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand init" -l token -d 'The token\'s label' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l key-label -d 'The AES key\'s label on the token' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l pin-file -d 'Read the token\'s user PIN from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand init" -l recipient -d 'The age X25519 recipient (age1...) the keyring identity is encrypted to' -r
complete -c lkms -n "__fish_lkms_using_subcommand init" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand init" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand init" -l generate -d 'Create the key on the token first (AES-256, sensitive, not extractable)'
complete -c lkms -n "__fish_lkms_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand init" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand create" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand create" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand create" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand create" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand create" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand create" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand create" -l spec -d 'The key\'s algorithm' -r -f -a "aes-256-gcm\t''
chacha20-poly1305\t''
hmac-sha256\t''
ed25519\t''
ecdsa-p256\t''
x25519\t''"
complete -c lkms -n "__fish_lkms_using_subcommand create" -l alias -d 'An alias for the key (repeatable)' -r
complete -c lkms -n "__fish_lkms_using_subcommand create" -l description -d 'A description' -r
complete -c lkms -n "__fish_lkms_using_subcommand create" -l tag -d 'A tag, KEY=VALUE (repeatable)' -r
complete -c lkms -n "__fish_lkms_using_subcommand create" -l rotation-period -d 'Rotate automatically every DAYS days (1 to 2560)' -r
complete -c lkms -n "__fish_lkms_using_subcommand create" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand create" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand create" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l spec -d 'The key\'s algorithm, which the material must fit' -r -f -a "aes-256-gcm\t''
chacha20-poly1305\t''
hmac-sha256\t''
ed25519\t''
ecdsa-p256\t''
x25519\t''"
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l material -d 'The file holding the material (raw 32 bytes, PKCS#8 DER or PEM for signing keys, an age identity file for x25519)' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l alias -d 'An alias for the key (repeatable)' -r
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l description -d 'A description' -r
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand import-material" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand list" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand list" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand list" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand list" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand list" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand list" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand list" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand list" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand list" -l all -d 'Include destroyed keys'
complete -c lkms -n "__fish_lkms_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand list" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand describe" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand describe" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand describe" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand describe" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand describe" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand describe" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand describe" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand describe" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand describe" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -f -a "add" -d 'Give a key another name'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -f -a "remove" -d 'Remove an alias (the key stays)'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and not __fish_seen_subcommand_from add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from help" -f -a "add" -d 'Give a key another name'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an alias (the key stays)'
complete -c lkms -n "__fish_lkms_using_subcommand alias; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand rotate" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -f -a "enable" -d 'Rotate the key automatically every period'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -f -a "disable" -d 'Stop rotating the key automatically'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and not __fish_seen_subcommand_from enable disable help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -l period -d 'Days between rotations, 1 to 2560' -r
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Rotate the key automatically every period'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Stop rotating the key automatically'
complete -c lkms -n "__fish_lkms_using_subcommand rotation; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand enable" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand enable" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand enable" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand enable" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand enable" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand enable" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand enable" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand enable" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand enable" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand disable" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand disable" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand disable" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand disable" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand disable" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand disable" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand disable" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand disable" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand disable" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -l days -d 'Waiting period in days, 7 to 30 [default: 30, or the config file\'s deletion_window_days]' -r
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand schedule-delete" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand cancel-delete" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand maintain" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -f -a "set" -d 'Give a key the policy in FILE (replacing any it has)'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -f -a "get" -d 'Print a key\'s policy as TOML (with --json, as an object)'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -f -a "remove" -d 'Remove a key\'s policy: it then allows whatever its usage and state allow'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and not __fish_seen_subcommand_from set get remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "set" -d 'Give a key the policy in FILE (replacing any it has)'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print a key\'s policy as TOML (with --json, as an object)'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a key\'s policy: it then allows whatever its usage and state allow'
complete -c lkms -n "__fish_lkms_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -f -a "disable" -d 'Disable version N: it refuses to decrypt or verify until enabled again'
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -f -a "enable" -d 'Enable version N again'
complete -c lkms -n "__fish_lkms_using_subcommand version; and not __fish_seen_subcommand_from disable enable help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable version N: it refuses to decrypt or verify until enabled again'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable version N again'
complete -c lkms -n "__fish_lkms_using_subcommand version; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Write a grant keyring for one grantee'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List the grants this keyring issued'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Record a grant as revoked, and say what that does and does not do'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l operations -d 'The operations it allows, comma-separated (encrypt, decrypt, re-encrypt, generate-data-key, sign, verify, public-key, mac, verify-mac)' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l context -l encryption-context -d 'Encryption context every use must carry, K=V (repeatable)' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l expires -d 'Days until the grant expires (1 to 3650)' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l recipient -d 'The grantee\'s age X25519 recipient (age1...)' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l root -d 'Or hold it with an external root, as `lkms root add KIND` takes it: the grant is sealed to an identity of its own, wrapped by that root in FILE\'s roots file' -r -f -a "aws-kms\t'An AWS KMS key (--key-id ...): a CI runner\'s cloud role'
transit\t'A Vault or OpenBao Transit key (--address, --key ...)'
pkcs11\t'A key on a PKCS#11 token (--module, --token, --key-label ...)'"
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l key-id -d 'The KMS key: key id, key ARN, alias/NAME or alias ARN' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l region -d 'The AWS region [default: the key ARN\'s, AWS_REGION, AWS_DEFAULT_REGION, the profile\'s]' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l endpoint-url -d 'The KMS endpoint [default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the region\'s]' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l address -d 'The Vault or OpenBao server [default: VAULT_ADDR, BAO_ADDR]' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l key -d 'The Transit key\'s name' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l mount -d 'Where the Transit engine is mounted' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l module -d 'The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l token -d 'The token\'s label' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l key-label -d 'The AES key\'s label on the token' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l pin-file -d 'Read the token\'s user PIN from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -s o -l output -d 'The grant file to write (it must not exist)' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l passphrase -d 'Protect the grant with a new passphrase instead'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -l generate -d 'Create the key on the token first (AES-256, sensitive, not extractable)'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l rotate -d 'Also rotate each key of the grant (signing keys do not rotate and are left alone), so new data goes to a version its holder does not have'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -l min-decryption-version -d 'Also set each key\'s min_decryption_version to its current version (after --rotate), so data under the versions the holder has no longer decrypts; refused for a key whose current version the holder has (pass --rotate). Re-encrypt old data first'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from help" -f -a "create" -d 'Write a grant keyring for one grantee'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the grants this keyring issued'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Record a grant as revoked, and say what that does and does not do'
complete -c lkms -n "__fish_lkms_using_subcommand grant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l key -d 'The key to encrypt under [default: the config file\'s default_key]' -r
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l recipient -d 'Encrypt to this age X25519 recipient (age1...) as a standard age file, with no keyring, passphrase or audit log (repeatable)' -r
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -s R -l recipients-file -d 'Encrypt to the recipients in this file, one a line (`#` comments and blank lines are ignored), as `age -R` reads them (repeatable)' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l context -l encryption-context -d 'Encryption context, K=V (repeatable); needed again to decrypt; logged in clear' -r
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -s o -l output -d 'Write to this file (`-` for standard output); only with a single INPUT' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -s a -l armor -d 'Write ASCII armor (age\'s for age files, `LKMS ENCRYPTED FILE` for lkms ones), which may go to a terminal'
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -s r -l recursive -d 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree'
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l keep-going -d 'Go on with the other inputs after one fails (the exit code is the worst one)'
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -l force -d 'Replace an existing output file'
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand encrypt" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l key -d 'Decrypt only data encrypted under this key (id or alias); any other is refused (exit 4). For age files: try only this x25519 key\'s versions [default: every x25519 key]' -r
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l context -l encryption-context -d 'Encryption context, K=V (repeatable): must equal the one used to encrypt' -r
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -s o -l output -d 'Write to this file (`-` for standard output); only with a single INPUT' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -s r -l recursive -d 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree'
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l keep-going -d 'Go on with the other inputs after one fails (the exit code is the worst one)'
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -l force -d 'Replace an existing output file'
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand decrypt" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l key -d 'The key to rewrap under [default: the key each ciphertext names]' -r
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l source-key -d 'Rewrap only data encrypted under this key (id or alias); any other is refused (exit 4)' -r
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l context -l encryption-context -d 'Encryption context, K=V (repeatable): must equal the one used to encrypt' -r
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -s o -l output -d 'Write to this file (`-` for standard output); only with a single INPUT' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -s r -l recursive -d 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree'
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -l keep-going -d 'Go on with the other inputs after one fails (the exit code is the worst one)'
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand re-encrypt" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -l key -d 'The key that wraps the data key: an aes-256-gcm or chacha20-poly1305 key' -r
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -l context -l encryption-context -d 'Encryption context, K=V (repeatable)' -r
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand generate-data-key" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand sign" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand sign" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand sign" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand sign" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand sign" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand sign" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand sign" -l key -d 'The signing key' -r
complete -c lkms -n "__fish_lkms_using_subcommand sign" -s o -l output -d 'Write the signature here (raw bytes; standard output if absent and not a terminal)' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand sign" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand sign" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand sign" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand verify" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand verify" -l key -d 'The signing key' -r
complete -c lkms -n "__fish_lkms_using_subcommand verify" -l signature -d 'The signature file (raw bytes)' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand verify" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand verify" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand mac" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand mac" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand mac" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand mac" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand mac" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand mac" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand mac" -l key -d 'The HMAC key' -r
complete -c lkms -n "__fish_lkms_using_subcommand mac" -s o -l output -d 'Write the tag here (raw 32 bytes; standard output if absent and not a terminal)' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand mac" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand mac" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand mac" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand mac" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -l key -d 'The HMAC key' -r
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -l mac -d 'The tag file (raw 32 bytes)' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand verify-mac" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -l format -d 'PEM text or raw DER (signing keys; an x25519 key prints its age recipient)' -r -f -a "pem\t''
der\t''"
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand public-key" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -f -a "show" -d 'Print audit records, oldest first'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -f -a "verify" -d 'Check the chain, the signed checkpoints and the keyring\'s anchor; exits 5 if not intact'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -f -a "public-key" -d 'Print the audit key\'s verifier key (C2SP signed-note), or its public key as PEM'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -f -a "checkpoint" -d 'Print the latest signed checkpoint, to keep outside this machine'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -f -a "report" -d 'Summarise key use and list what needs attention'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -f -a "prune" -d 'Move sealed lines older than a time to an archive file'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and not __fish_seen_subcommand_from show verify public-key checkpoint report prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l key -d 'Only records about this key (id or alias)' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l event -d 'Only records of this event, such as Encrypt or RotateKey' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l since -d 'Only records at or after this time: RFC 3339, a date (its start in UTC) or a duration ago (7d, 24h, 30m, 2w)' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l public-key -d 'Verify with this verifier key file (from `lkms audit public-key`): no keyring needed' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l checkpoint -d 'Also prove the log still extends this checkpoint (from `lkms audit checkpoint`)' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l archive -d 'Verify this archive (from `lkms audit prune`) instead of the log, on its own: the keyring\'s anchor is the log\'s, not checked against it' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -l format -d '`note`: the signed-note verifier key line; `pem`: SubjectPublicKeyInfo' -r -f -a "note\t''
pem\t''"
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from public-key" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s o -l output -d 'Write the checkpoint to this new file instead of standard output' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from checkpoint" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l since -d 'Only records at or after this time: RFC 3339, a date (its start in UTC) or a duration ago (7d, 24h, 30m, 2w)' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l key -d 'Only this key (id, or alias with the keyring)' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l unused-days -d 'A key unused this many days is reported' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -l before -d 'Move the sealed lines older than this time: RFC 3339, a date (its start in UTC) or a duration ago (7d, 24h, 30m, 2w)' -r
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -l archive -d 'The archive to create; it must not exist' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print audit records, oldest first'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check the chain, the signed checkpoints and the keyring\'s anchor; exits 5 if not intact'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "public-key" -d 'Print the audit key\'s verifier key (C2SP signed-note), or its public key as PEM'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "checkpoint" -d 'Print the latest signed checkpoint, to keep outside this machine'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "report" -d 'Summarise key use and list what needs attention'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Move sealed lines older than a time to an archive file'
complete -c lkms -n "__fish_lkms_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand backup" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand backup" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand backup" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand backup" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand backup" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand backup" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand backup" -s o -l output -d 'The backup file to write' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand backup" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand backup" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand backup" -l force -d 'Replace FILE if it exists'
complete -c lkms -n "__fish_lkms_using_subcommand backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand backup" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand restore" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand restore" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand restore" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand restore" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand restore" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand restore" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand restore" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand restore" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand restore" -l force -d 'Accept a backup of another keyring (its id differs from this keyring\'s)'
complete -c lkms -n "__fish_lkms_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand restore" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand export" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand export" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand export" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand export" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand export" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand export" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand export" -l recipient -d 'Encrypt the export to this age X25519 recipient (age1...)' -r
complete -c lkms -n "__fish_lkms_using_subcommand export" -l new-passphrase-file -d 'Read the export\'s passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand export" -s o -l output -d 'The export file to write' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand export" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand export" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand export" -l passphrase -d 'Encrypt the export to a passphrase instead'
complete -c lkms -n "__fish_lkms_using_subcommand export" -l force -d 'Replace FILE if it exists'
complete -c lkms -n "__fish_lkms_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand export" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand import" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand import" -l new-passphrase-file -d 'Read the export\'s passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand import" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand import" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand import" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -f -a "export" -d 'Write an x25519 key version\'s age identity to a new file (mode 0600)'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and not __fish_seen_subcommand_from export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -l version -d 'The version to export [default: the current one]' -r
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -s o -l output -d 'The identity file to create; it must not exist' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write an x25519 key version\'s age identity to a new file (mode 0600)'
complete -c lkms -n "__fish_lkms_using_subcommand identity; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l root -d 'The passphrase root to change [default: the one that unlocked, else `default`]' -r
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l work-factor -d 'A new scrypt log2 cost, 10 to 22 [default: keep the current one]' -r
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l new-passphrase-file -d 'Read the new passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand passwd" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -f -a "list" -d 'List the keyring\'s roots (needs no passphrase)'
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -f -a "add" -d 'Add a root that holds the keyring identity'
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -f -a "remove" -d 'Remove a root; the last one cannot be removed'
complete -c lkms -n "__fish_lkms_using_subcommand root; and not __fish_seen_subcommand_from list add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -f -a "passphrase" -d 'Add a passphrase root: an age scrypt file beside the keyring'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -f -a "aws-kms" -d 'Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -f -a "transit" -d 'Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -f -a "pkcs11" -d 'Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -f -a "age-identity" -d 'Add an age-identity root: the identity encrypted to an age X25519 recipient'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from add" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the keyring\'s roots (needs no passphrase)'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a root that holds the keyring identity'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a root; the last one cannot be removed'
complete -c lkms -n "__fish_lkms_using_subcommand root; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -f -a "start" -d 'Start the agent in the background and print the shell lines that point at it'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -f -a "status" -d 'Show the agent\'s pid, socket, timeouts and the keyrings it holds'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -f -a "stop" -d 'Stop the agent: it forgets every identity and exits'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and not __fish_seen_subcommand_from start status stop help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l idle-timeout -d 'Forget the identities after this long without a request (30s, 15m, 8h, 2d)' -r
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l max-lifetime -d 'Forget everything and exit after this long, whatever happens (30s, 15m, 8h, 2d)' -r
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l socket -d 'The socket\'s path; its folder must exist with mode 0700 [default: a new folder]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -l foreground -d 'Stay in the foreground (for a service manager) instead of going to the background'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start the agent in the background and print the shell lines that point at it'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the agent\'s pid, socket, timeouts and the keyrings it holds'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop the agent: it forgets every identity and exits'
complete -c lkms -n "__fish_lkms_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -l root -d 'Unlock with this root only [default: roots that need no person, then passphrase roots]' -r
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand unlock" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand lock" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand lock" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand lock" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand lock" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand lock" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand lock" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand lock" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand lock" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand lock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand lock" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand completions" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand completions" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand completions" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand completions" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand completions" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand completions" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand completions" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand completions" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand completions" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand man" -l keyring -d 'The keyring file [default: keyring.age in the platform\'s data directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand man" -l audit-log -d 'The audit log [default: audit.jsonl beside the keyring]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand man" -l passphrase-file -d 'Read the passphrase from the first line of this file' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand man" -l identity -d 'An age identity file (age-keygen\'s) for a grant, an export or an age-identity root' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand man" -l config -d 'The configuration file [default: config.toml in the platform\'s config directory]' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand man" -l max-work-factor -d 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file\'s max_work_factor]' -r
complete -c lkms -n "__fish_lkms_using_subcommand man" -l install -d 'Install every page into DIR/man1 (or DIR, when it is named man1) instead of printing' -r -F
complete -c lkms -n "__fish_lkms_using_subcommand man" -l json -d 'Print machine-readable JSON (one value) instead of text'
complete -c lkms -n "__fish_lkms_using_subcommand man" -s y -l yes -d 'Do not ask before destructive changes (required for them off a terminal)'
complete -c lkms -n "__fish_lkms_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lkms -n "__fish_lkms_using_subcommand man" -s V -l version -d 'Print version'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "init" -d 'Create a new, empty keyring protected by a passphrase'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "create" -d 'Create a new key'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "import-material" -d 'Create a key from material made elsewhere (an HSM ceremony, another KMS)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "list" -d 'List the keys'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "describe" -d 'Show a key\'s metadata: state, versions, aliases, rotation, deletion date'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "alias" -d 'Add or remove aliases'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "rotate" -d 'Add a new version to a key and make it current'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "rotation" -d 'Turn automatic rotation on or off'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "enable" -d 'Enable a disabled key'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "disable" -d 'Disable a key: it refuses every operation until enabled again'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "schedule-delete" -d 'Schedule a key\'s destruction after a waiting period'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "cancel-delete" -d 'Cancel a scheduled deletion; the key becomes Disabled'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "maintain" -d 'Carry out due rotations and deletions now (for cron)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "policy" -d 'Set, show or remove a key\'s policy: the operations, contexts and versions it allows'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "version" -d 'Disable or enable one version of a key'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "grant" -d 'Grants: a keyring for one grantee with only the keys and operations it needs'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "encrypt" -d 'Encrypt files or standard input under a key (envelope encryption)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "decrypt" -d 'Decrypt lkms ciphertexts'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "re-encrypt" -d 'Rewrap ciphertexts under a key\'s current version without decrypting the data'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "inspect" -d 'Show a ciphertext\'s key, version, algorithm and encryption context (no passphrase)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "generate-data-key" -d 'Make a data key: its plaintext and its ciphertext under a key'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "sign" -d 'Sign a message with an ed25519 or ecdsa-p256 key'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "verify" -d 'Verify a signature'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "mac" -d 'Compute an HMAC-SHA256 tag with an hmac-sha256 key'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "verify-mac" -d 'Verify an HMAC-SHA256 tag'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "public-key" -d 'Print a signing key\'s public key, or an x25519 key\'s age recipient'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "audit" -d 'Read and verify the audit log'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "backup" -d 'Write a backup of the keyring, its roots and the audit position to one file'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "restore" -d 'Replace the keyring with a backup\'s, never bringing a destroyed key back'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "export" -d 'Export keys, material included, for another keyring'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "import" -d 'Import keys from an `lkms export` file'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "identity" -d 'Export an x25519 key\'s age identity'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "passwd" -d 'Change the passphrase of one passphrase root (and optionally its work factor)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "root" -d 'List, add or remove the keyring\'s roots: what holds its identity'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "agent" -d 'Start, inspect or stop the unlock agent (as ssh-agent)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "unlock" -d 'Unlock the keyring in the agent, once'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "lock" -d 'Make the agent forget every keyring it holds'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "man" -d 'Print the lkms(1) man page, or install every man page into a directory'
complete -c lkms -n "__fish_lkms_using_subcommand help; and not __fish_seen_subcommand_from init create import-material list describe alias rotate rotation enable disable schedule-delete cancel-delete maintain policy version grant encrypt decrypt re-encrypt inspect generate-data-key sign verify mac verify-mac public-key audit backup restore export import identity passwd root agent unlock lock completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from alias" -f -a "add" -d 'Give a key another name'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from alias" -f -a "remove" -d 'Remove an alias (the key stays)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from rotation" -f -a "enable" -d 'Rotate the key automatically every period'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from rotation" -f -a "disable" -d 'Stop rotating the key automatically'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Give a key the policy in FILE (replacing any it has)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "get" -d 'Print a key\'s policy as TOML (with --json, as an object)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "remove" -d 'Remove a key\'s policy: it then allows whatever its usage and state allow'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from version" -f -a "disable" -d 'Disable version N: it refuses to decrypt or verify until enabled again'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from version" -f -a "enable" -d 'Enable version N again'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from grant" -f -a "create" -d 'Write a grant keyring for one grantee'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from grant" -f -a "list" -d 'List the grants this keyring issued'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from grant" -f -a "revoke" -d 'Record a grant as revoked, and say what that does and does not do'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "show" -d 'Print audit records, oldest first'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Check the chain, the signed checkpoints and the keyring\'s anchor; exits 5 if not intact'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "public-key" -d 'Print the audit key\'s verifier key (C2SP signed-note), or its public key as PEM'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "checkpoint" -d 'Print the latest signed checkpoint, to keep outside this machine'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "report" -d 'Summarise key use and list what needs attention'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "prune" -d 'Move sealed lines older than a time to an archive file'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from identity" -f -a "export" -d 'Write an x25519 key version\'s age identity to a new file (mode 0600)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from root" -f -a "list" -d 'List the keyring\'s roots (needs no passphrase)'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from root" -f -a "add" -d 'Add a root that holds the keyring identity'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from root" -f -a "remove" -d 'Remove a root; the last one cannot be removed'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "start" -d 'Start the agent in the background and print the shell lines that point at it'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "status" -d 'Show the agent\'s pid, socket, timeouts and the keyrings it holds'
complete -c lkms -n "__fish_lkms_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "stop" -d 'Stop the agent: it forgets every identity and exits'
