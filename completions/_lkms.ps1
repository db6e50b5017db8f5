
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'lkms' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'lkms'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'lkms' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new, empty keyring protected by a passphrase')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new key')
            [CompletionResult]::new('import-material', 'import-material', [CompletionResultType]::ParameterValue, 'Create a key from material made elsewhere (an HSM ceremony, another KMS)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a key''s metadata: state, versions, aliases, rotation, deletion date')
            [CompletionResult]::new('alias', 'alias', [CompletionResultType]::ParameterValue, 'Add or remove aliases')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Add a new version to a key and make it current')
            [CompletionResult]::new('rotation', 'rotation', [CompletionResultType]::ParameterValue, 'Turn automatic rotation on or off')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled key')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a key: it refuses every operation until enabled again')
            [CompletionResult]::new('schedule-delete', 'schedule-delete', [CompletionResultType]::ParameterValue, 'Schedule a key''s destruction after a waiting period')
            [CompletionResult]::new('cancel-delete', 'cancel-delete', [CompletionResultType]::ParameterValue, 'Cancel a scheduled deletion; the key becomes Disabled')
            [CompletionResult]::new('maintain', 'maintain', [CompletionResultType]::ParameterValue, 'Carry out due rotations and deletions now (for cron)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Set, show or remove a key''s policy: the operations, contexts and versions it allows')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Disable or enable one version of a key')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grants: a keyring for one grantee with only the keys and operations it needs')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt files or standard input under a key (envelope encryption)')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt lkms ciphertexts')
            [CompletionResult]::new('re-encrypt', 're-encrypt', [CompletionResultType]::ParameterValue, 'Rewrap ciphertexts under a key''s current version without decrypting the data')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a ciphertext''s key, version, algorithm and encryption context (no passphrase)')
            [CompletionResult]::new('generate-data-key', 'generate-data-key', [CompletionResultType]::ParameterValue, 'Make a data key: its plaintext and its ciphertext under a key')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a message with an ed25519 or ecdsa-p256 key')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a signature')
            [CompletionResult]::new('mac', 'mac', [CompletionResultType]::ParameterValue, 'Compute an HMAC-SHA256 tag with an hmac-sha256 key')
            [CompletionResult]::new('verify-mac', 'verify-mac', [CompletionResultType]::ParameterValue, 'Verify an HMAC-SHA256 tag')
            [CompletionResult]::new('public-key', 'public-key', [CompletionResultType]::ParameterValue, 'Print a signing key''s public key, or an x25519 key''s age recipient')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read and verify the audit log')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a backup of the keyring, its roots and the audit position to one file')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the keyring with a backup''s, never bringing a destroyed key back')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export keys, material included, for another keyring')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import keys from an `lkms export` file')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Export an x25519 key''s age identity')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change the passphrase of one passphrase root (and optionally its work factor)')
            [CompletionResult]::new('root', 'root', [CompletionResultType]::ParameterValue, 'List, add or remove the keyring''s roots: what holds its identity')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Start, inspect or stop the unlock agent (as ssh-agent)')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock the keyring in the agent, once')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Make the agent forget every keyring it holds')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the lkms(1) man page, or install every man page into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;init' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--work-factor', '--work-factor', [CompletionResultType]::ParameterName, 'scrypt''s log2 cost, 10 to 22 [default: 18, or the config file''s work_factor]; above 20 only with --max-work-factor')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The keyring''s only root, instead of a passphrase: for CI runners whose identity is their cloud role, a Vault token or an HSM')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The root''s name [default: the kind, or `default` for a passphrase]')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'The KMS key: key id, key ARN, alias/NAME or alias ARN')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: the key ARN''s, AWS_REGION, AWS_DEFAULT_REGION, the profile''s]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The KMS endpoint [default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the region''s]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'The Vault or OpenBao server [default: VAULT_ADDR, BAO_ADDR]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Transit key''s name')
            [CompletionResult]::new('--mount', '--mount', [CompletionResultType]::ParameterName, 'Where the Transit engine is mounted')
            [CompletionResult]::new('--module', '--module', [CompletionResultType]::ParameterName, 'The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The token''s label')
            [CompletionResult]::new('--key-label', '--key-label', [CompletionResultType]::ParameterName, 'The AES key''s label on the token')
            [CompletionResult]::new('--pin-file', '--pin-file', [CompletionResultType]::ParameterName, 'Read the token''s user PIN from the first line of this file')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'The age X25519 recipient (age1...) the keyring identity is encrypted to')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Create the key on the token first (AES-256, sensitive, not extractable)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;create' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--spec', '--spec', [CompletionResultType]::ParameterName, 'The key''s algorithm')
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'An alias for the key (repeatable)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A description')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag, KEY=VALUE (repeatable)')
            [CompletionResult]::new('--rotation-period', '--rotation-period', [CompletionResultType]::ParameterName, 'Rotate automatically every DAYS days (1 to 2560)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;import-material' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--spec', '--spec', [CompletionResultType]::ParameterName, 'The key''s algorithm, which the material must fit')
            [CompletionResult]::new('--material', '--material', [CompletionResultType]::ParameterName, 'The file holding the material (raw 32 bytes, PKCS#8 DER or PEM for signing keys, an age identity file for x25519)')
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'An alias for the key (repeatable)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A description')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;list' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include destroyed keys')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;describe' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;alias' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a key another name')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an alias (the key stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;alias;add' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;alias;remove' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;alias;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a key another name')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an alias (the key stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;alias;help;add' {
            break
        }
        'lkms;alias;help;remove' {
            break
        }
        'lkms;alias;help;help' {
            break
        }
        'lkms;rotate' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;rotation' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Rotate the key automatically every period')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop rotating the key automatically')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;rotation;enable' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'Days between rotations, 1 to 2560')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;rotation;disable' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;rotation;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Rotate the key automatically every period')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop rotating the key automatically')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;rotation;help;enable' {
            break
        }
        'lkms;rotation;help;disable' {
            break
        }
        'lkms;rotation;help;help' {
            break
        }
        'lkms;enable' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;disable' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;schedule-delete' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--days', '--days', [CompletionResultType]::ParameterName, 'Waiting period in days, 7 to 30 [default: 30, or the config file''s deletion_window_days]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;cancel-delete' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;maintain' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;policy' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Give a key the policy in FILE (replacing any it has)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a key''s policy as TOML (with --json, as an object)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a key''s policy: it then allows whatever its usage and state allow')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;policy;set' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;policy;get' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;policy;remove' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;policy;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Give a key the policy in FILE (replacing any it has)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a key''s policy as TOML (with --json, as an object)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a key''s policy: it then allows whatever its usage and state allow')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;policy;help;set' {
            break
        }
        'lkms;policy;help;get' {
            break
        }
        'lkms;policy;help;remove' {
            break
        }
        'lkms;policy;help;help' {
            break
        }
        'lkms;version' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable version N: it refuses to decrypt or verify until enabled again')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable version N again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;version;disable' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;version;enable' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;version;help' {
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable version N: it refuses to decrypt or verify until enabled again')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable version N again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;version;help;disable' {
            break
        }
        'lkms;version;help;enable' {
            break
        }
        'lkms;version;help;help' {
            break
        }
        'lkms;grant' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Write a grant keyring for one grantee')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the grants this keyring issued')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Record a grant as revoked, and say what that does and does not do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;grant;create' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--operations', '--operations', [CompletionResultType]::ParameterName, 'The operations it allows, comma-separated (encrypt, decrypt, re-encrypt, generate-data-key, sign, verify, public-key, mac, verify-mac)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Encryption context every use must carry, K=V (repeatable)')
            [CompletionResult]::new('--encryption-context', '--encryption-context', [CompletionResultType]::ParameterName, 'Encryption context every use must carry, K=V (repeatable)')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Days until the grant expires (1 to 3650)')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'The grantee''s age X25519 recipient (age1...)')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Or hold it with an external root, as `lkms root add KIND` takes it: the grant is sealed to an identity of its own, wrapped by that root in FILE''s roots file')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'The KMS key: key id, key ARN, alias/NAME or alias ARN')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: the key ARN''s, AWS_REGION, AWS_DEFAULT_REGION, the profile''s]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The KMS endpoint [default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the region''s]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'The Vault or OpenBao server [default: VAULT_ADDR, BAO_ADDR]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Transit key''s name')
            [CompletionResult]::new('--mount', '--mount', [CompletionResultType]::ParameterName, 'Where the Transit engine is mounted')
            [CompletionResult]::new('--module', '--module', [CompletionResultType]::ParameterName, 'The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The token''s label')
            [CompletionResult]::new('--key-label', '--key-label', [CompletionResultType]::ParameterName, 'The AES key''s label on the token')
            [CompletionResult]::new('--pin-file', '--pin-file', [CompletionResultType]::ParameterName, 'Read the token''s user PIN from the first line of this file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The grant file to write (it must not exist)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The grant file to write (it must not exist)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--passphrase', '--passphrase', [CompletionResultType]::ParameterName, 'Protect the grant with a new passphrase instead')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Create the key on the token first (AES-256, sensitive, not extractable)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;grant;list' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;grant;revoke' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--rotate', '--rotate', [CompletionResultType]::ParameterName, 'Also rotate each key of the grant (signing keys do not rotate and are left alone), so new data goes to a version its holder does not have')
            [CompletionResult]::new('--min-decryption-version', '--min-decryption-version', [CompletionResultType]::ParameterName, 'Also set each key''s min_decryption_version to its current version (after --rotate), so data under the versions the holder has no longer decrypts; refused for a key whose current version the holder has (pass --rotate). Re-encrypt old data first')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;grant;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Write a grant keyring for one grantee')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the grants this keyring issued')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Record a grant as revoked, and say what that does and does not do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;grant;help;create' {
            break
        }
        'lkms;grant;help;list' {
            break
        }
        'lkms;grant;help;revoke' {
            break
        }
        'lkms;grant;help;help' {
            break
        }
        'lkms;encrypt' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The key to encrypt under [default: the config file''s default_key]')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'Encrypt to this age X25519 recipient (age1...) as a standard age file, with no keyring, passphrase or audit log (repeatable)')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Encrypt to the recipients in this file, one a line (`#` comments and blank lines are ignored), as `age -R` reads them (repeatable)')
            [CompletionResult]::new('--recipients-file', '--recipients-file', [CompletionResultType]::ParameterName, 'Encrypt to the recipients in this file, one a line (`#` comments and blank lines are ignored), as `age -R` reads them (repeatable)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Encryption context, K=V (repeatable); needed again to decrypt; logged in clear')
            [CompletionResult]::new('--encryption-context', '--encryption-context', [CompletionResultType]::ParameterName, 'Encryption context, K=V (repeatable); needed again to decrypt; logged in clear')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (`-` for standard output); only with a single INPUT')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (`-` for standard output); only with a single INPUT')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Write ASCII armor (age''s for age files, `LKMS ENCRYPTED FILE` for lkms ones), which may go to a terminal')
            [CompletionResult]::new('--armor', '--armor', [CompletionResultType]::ParameterName, 'Write ASCII armor (age''s for age files, `LKMS ENCRYPTED FILE` for lkms ones), which may go to a terminal')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree')
            [CompletionResult]::new('--keep-going', '--keep-going', [CompletionResultType]::ParameterName, 'Go on with the other inputs after one fails (the exit code is the worst one)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing output file')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;decrypt' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Decrypt only data encrypted under this key (id or alias); any other is refused (exit 4). For age files: try only this x25519 key''s versions [default: every x25519 key]')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Encryption context, K=V (repeatable): must equal the one used to encrypt')
            [CompletionResult]::new('--encryption-context', '--encryption-context', [CompletionResultType]::ParameterName, 'Encryption context, K=V (repeatable): must equal the one used to encrypt')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (`-` for standard output); only with a single INPUT')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (`-` for standard output); only with a single INPUT')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree')
            [CompletionResult]::new('--keep-going', '--keep-going', [CompletionResultType]::ParameterName, 'Go on with the other inputs after one fails (the exit code is the worst one)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing output file')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;re-encrypt' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The key to rewrap under [default: the key each ciphertext names]')
            [CompletionResult]::new('--source-key', '--source-key', [CompletionResultType]::ParameterName, 'Rewrap only data encrypted under this key (id or alias); any other is refused (exit 4)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Encryption context, K=V (repeatable): must equal the one used to encrypt')
            [CompletionResult]::new('--encryption-context', '--encryption-context', [CompletionResultType]::ParameterName, 'Encryption context, K=V (repeatable): must equal the one used to encrypt')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (`-` for standard output); only with a single INPUT')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (`-` for standard output); only with a single INPUT')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Take directories: every regular file under them, in a stable order (symbolic links are reported and skipped); outputs go beside each file, or under -o DIR mirroring the tree')
            [CompletionResult]::new('--keep-going', '--keep-going', [CompletionResultType]::ParameterName, 'Go on with the other inputs after one fails (the exit code is the worst one)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;inspect' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;generate-data-key' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The key that wraps the data key: an aes-256-gcm or chacha20-poly1305 key')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Encryption context, K=V (repeatable)')
            [CompletionResult]::new('--encryption-context', '--encryption-context', [CompletionResultType]::ParameterName, 'Encryption context, K=V (repeatable)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;sign' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The signing key')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the signature here (raw bytes; standard output if absent and not a terminal)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the signature here (raw bytes; standard output if absent and not a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;verify' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The signing key')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The signature file (raw bytes)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;mac' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The HMAC key')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the tag here (raw 32 bytes; standard output if absent and not a terminal)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the tag here (raw 32 bytes; standard output if absent and not a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;verify-mac' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The HMAC key')
            [CompletionResult]::new('--mac', '--mac', [CompletionResultType]::ParameterName, 'The tag file (raw 32 bytes)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;public-key' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'PEM text or raw DER (signing keys; an x25519 key prints its age recipient)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;audit' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print audit records, oldest first')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the chain, the signed checkpoints and the keyring''s anchor; exits 5 if not intact')
            [CompletionResult]::new('public-key', 'public-key', [CompletionResultType]::ParameterValue, 'Print the audit key''s verifier key (C2SP signed-note), or its public key as PEM')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print the latest signed checkpoint, to keep outside this machine')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Summarise key use and list what needs attention')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Move sealed lines older than a time to an archive file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;audit;show' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only records about this key (id or alias)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only records of this event, such as Encrypt or RotateKey')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records at or after this time: RFC 3339, a date (its start in UTC) or a duration ago (7d, 24h, 30m, 2w)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;audit;verify' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'Verify with this verifier key file (from `lkms audit public-key`): no keyring needed')
            [CompletionResult]::new('--checkpoint', '--checkpoint', [CompletionResultType]::ParameterName, 'Also prove the log still extends this checkpoint (from `lkms audit checkpoint`)')
            [CompletionResult]::new('--archive', '--archive', [CompletionResultType]::ParameterName, 'Verify this archive (from `lkms audit prune`) instead of the log, on its own: the keyring''s anchor is the log''s, not checked against it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;audit;public-key' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '`note`: the signed-note verifier key line; `pem`: SubjectPublicKeyInfo')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;audit;checkpoint' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the checkpoint to this new file instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the checkpoint to this new file instead of standard output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;audit;report' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records at or after this time: RFC 3339, a date (its start in UTC) or a duration ago (7d, 24h, 30m, 2w)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only this key (id, or alias with the keyring)')
            [CompletionResult]::new('--unused-days', '--unused-days', [CompletionResultType]::ParameterName, 'A key unused this many days is reported')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;audit;prune' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Move the sealed lines older than this time: RFC 3339, a date (its start in UTC) or a duration ago (7d, 24h, 30m, 2w)')
            [CompletionResult]::new('--archive', '--archive', [CompletionResultType]::ParameterName, 'The archive to create; it must not exist')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;audit;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print audit records, oldest first')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the chain, the signed checkpoints and the keyring''s anchor; exits 5 if not intact')
            [CompletionResult]::new('public-key', 'public-key', [CompletionResultType]::ParameterValue, 'Print the audit key''s verifier key (C2SP signed-note), or its public key as PEM')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print the latest signed checkpoint, to keep outside this machine')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Summarise key use and list what needs attention')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Move sealed lines older than a time to an archive file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;audit;help;show' {
            break
        }
        'lkms;audit;help;verify' {
            break
        }
        'lkms;audit;help;public-key' {
            break
        }
        'lkms;audit;help;checkpoint' {
            break
        }
        'lkms;audit;help;report' {
            break
        }
        'lkms;audit;help;prune' {
            break
        }
        'lkms;audit;help;help' {
            break
        }
        'lkms;backup' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The backup file to write')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The backup file to write')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it exists')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;restore' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accept a backup of another keyring (its id differs from this keyring''s)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;export' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'Encrypt the export to this age X25519 recipient (age1...)')
            [CompletionResult]::new('--new-passphrase-file', '--new-passphrase-file', [CompletionResultType]::ParameterName, 'Read the export''s passphrase from the first line of this file')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The export file to write')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The export file to write')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--passphrase', '--passphrase', [CompletionResultType]::ParameterName, 'Encrypt the export to a passphrase instead')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace FILE if it exists')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;import' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--new-passphrase-file', '--new-passphrase-file', [CompletionResultType]::ParameterName, 'Read the export''s passphrase from the first line of this file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;identity' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write an x25519 key version''s age identity to a new file (mode 0600)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;identity;export' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The version to export [default: the current one]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The identity file to create; it must not exist')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The identity file to create; it must not exist')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lkms;identity;help' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write an x25519 key version''s age identity to a new file (mode 0600)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;identity;help;export' {
            break
        }
        'lkms;identity;help;help' {
            break
        }
        'lkms;passwd' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'The passphrase root to change [default: the one that unlocked, else `default`]')
            [CompletionResult]::new('--work-factor', '--work-factor', [CompletionResultType]::ParameterName, 'A new scrypt log2 cost, 10 to 22 [default: keep the current one]')
            [CompletionResult]::new('--new-passphrase-file', '--new-passphrase-file', [CompletionResultType]::ParameterName, 'Read the new passphrase from the first line of this file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;root' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keyring''s roots (needs no passphrase)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a root that holds the keyring identity')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a root; the last one cannot be removed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;root;list' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;root;add' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('passphrase', 'passphrase', [CompletionResultType]::ParameterValue, 'Add a passphrase root: an age scrypt file beside the keyring')
            [CompletionResult]::new('aws-kms', 'aws-kms', [CompletionResultType]::ParameterValue, 'Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name')
            [CompletionResult]::new('transit', 'transit', [CompletionResultType]::ParameterValue, 'Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key')
            [CompletionResult]::new('pkcs11', 'pkcs11', [CompletionResultType]::ParameterValue, 'Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)')
            [CompletionResult]::new('age-identity', 'age-identity', [CompletionResultType]::ParameterValue, 'Add an age-identity root: the identity encrypted to an age X25519 recipient')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;root;add;passphrase' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: passphrase-N]')
            [CompletionResult]::new('--work-factor', '--work-factor', [CompletionResultType]::ParameterName, 'scrypt''s log2 cost, 10 to 22 [default: the keyring''s work factor]')
            [CompletionResult]::new('--new-passphrase-file', '--new-passphrase-file', [CompletionResultType]::ParameterName, 'Read the new passphrase from the first line of this file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;root;add;aws-kms' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: aws-kms]')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'The KMS key: key id, key ARN, alias/NAME or alias ARN')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: the key ARN''s, AWS_REGION, AWS_DEFAULT_REGION, the profile''s]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'The KMS endpoint [default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the region''s]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;root;add;transit' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: transit]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'The Vault or OpenBao server [default: VAULT_ADDR, BAO_ADDR]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The Transit key''s name')
            [CompletionResult]::new('--mount', '--mount', [CompletionResultType]::ParameterName, 'Where the Transit engine is mounted')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;root;add;pkcs11' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: pkcs11]')
            [CompletionResult]::new('--module', '--module', [CompletionResultType]::ParameterName, 'The PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The token''s label')
            [CompletionResult]::new('--key-label', '--key-label', [CompletionResultType]::ParameterName, 'The AES key''s label on the token')
            [CompletionResult]::new('--pin-file', '--pin-file', [CompletionResultType]::ParameterName, 'Read the token''s user PIN from the first line of this file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Create the key on the token first (AES-256, sensitive, not extractable)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;root;add;age-identity' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The root''s name (1 to 64 of A-Z a-z 0-9 _ -) [default: age-identity]')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'The age X25519 recipient (age1...) the keyring identity is encrypted to')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;root;add;help' {
            [CompletionResult]::new('passphrase', 'passphrase', [CompletionResultType]::ParameterValue, 'Add a passphrase root: an age scrypt file beside the keyring')
            [CompletionResult]::new('aws-kms', 'aws-kms', [CompletionResultType]::ParameterValue, 'Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name')
            [CompletionResult]::new('transit', 'transit', [CompletionResultType]::ParameterValue, 'Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key')
            [CompletionResult]::new('pkcs11', 'pkcs11', [CompletionResultType]::ParameterValue, 'Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)')
            [CompletionResult]::new('age-identity', 'age-identity', [CompletionResultType]::ParameterValue, 'Add an age-identity root: the identity encrypted to an age X25519 recipient')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;root;add;help;passphrase' {
            break
        }
        'lkms;root;add;help;aws-kms' {
            break
        }
        'lkms;root;add;help;transit' {
            break
        }
        'lkms;root;add;help;pkcs11' {
            break
        }
        'lkms;root;add;help;age-identity' {
            break
        }
        'lkms;root;add;help;help' {
            break
        }
        'lkms;root;remove' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;root;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keyring''s roots (needs no passphrase)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a root that holds the keyring identity')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a root; the last one cannot be removed')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;root;help;list' {
            break
        }
        'lkms;root;help;add' {
            [CompletionResult]::new('passphrase', 'passphrase', [CompletionResultType]::ParameterValue, 'Add a passphrase root: an age scrypt file beside the keyring')
            [CompletionResult]::new('aws-kms', 'aws-kms', [CompletionResultType]::ParameterValue, 'Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name')
            [CompletionResult]::new('transit', 'transit', [CompletionResultType]::ParameterValue, 'Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key')
            [CompletionResult]::new('pkcs11', 'pkcs11', [CompletionResultType]::ParameterValue, 'Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)')
            [CompletionResult]::new('age-identity', 'age-identity', [CompletionResultType]::ParameterValue, 'Add an age-identity root: the identity encrypted to an age X25519 recipient')
            break
        }
        'lkms;root;help;add;passphrase' {
            break
        }
        'lkms;root;help;add;aws-kms' {
            break
        }
        'lkms;root;help;add;transit' {
            break
        }
        'lkms;root;help;add;pkcs11' {
            break
        }
        'lkms;root;help;add;age-identity' {
            break
        }
        'lkms;root;help;remove' {
            break
        }
        'lkms;root;help;help' {
            break
        }
        'lkms;agent' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the agent in the background and print the shell lines that point at it')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the agent''s pid, socket, timeouts and the keyrings it holds')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the agent: it forgets every identity and exits')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;agent;start' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Forget the identities after this long without a request (30s, 15m, 8h, 2d)')
            [CompletionResult]::new('--max-lifetime', '--max-lifetime', [CompletionResultType]::ParameterName, 'Forget everything and exit after this long, whatever happens (30s, 15m, 8h, 2d)')
            [CompletionResult]::new('--socket', '--socket', [CompletionResultType]::ParameterName, 'The socket''s path; its folder must exist with mode 0700 [default: a new folder]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--foreground', '--foreground', [CompletionResultType]::ParameterName, 'Stay in the foreground (for a service manager) instead of going to the background')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;agent;status' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;agent;stop' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;agent;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the agent in the background and print the shell lines that point at it')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the agent''s pid, socket, timeouts and the keyrings it holds')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the agent: it forgets every identity and exits')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;agent;help;start' {
            break
        }
        'lkms;agent;help;status' {
            break
        }
        'lkms;agent;help;stop' {
            break
        }
        'lkms;agent;help;help' {
            break
        }
        'lkms;unlock' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--root', '--root', [CompletionResultType]::ParameterName, 'Unlock with this root only [default: roots that need no person, then passphrase roots]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;lock' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;completions' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;man' {
            [CompletionResult]::new('--keyring', '--keyring', [CompletionResultType]::ParameterName, 'The keyring file [default: keyring.age in the platform''s data directory]')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'The audit log [default: audit.jsonl beside the keyring]')
            [CompletionResult]::new('--passphrase-file', '--passphrase-file', [CompletionResultType]::ParameterName, 'Read the passphrase from the first line of this file')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'An age identity file (age-keygen''s) for a grant, an export or an age-identity root')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'The configuration file [default: config.toml in the platform''s config directory]')
            [CompletionResult]::new('--max-work-factor', '--max-work-factor', [CompletionResultType]::ParameterName, 'The highest scrypt work factor a keyring is opened at, 10 to 22 [default: 20, or the config file''s max_work_factor]')
            [CompletionResult]::new('--install', '--install', [CompletionResultType]::ParameterName, 'Install every page into DIR/man1 (or DIR, when it is named man1) instead of printing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON (one value) instead of text')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before destructive changes (required for them off a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lkms;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new, empty keyring protected by a passphrase')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a new key')
            [CompletionResult]::new('import-material', 'import-material', [CompletionResultType]::ParameterValue, 'Create a key from material made elsewhere (an HSM ceremony, another KMS)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keys')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a key''s metadata: state, versions, aliases, rotation, deletion date')
            [CompletionResult]::new('alias', 'alias', [CompletionResultType]::ParameterValue, 'Add or remove aliases')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Add a new version to a key and make it current')
            [CompletionResult]::new('rotation', 'rotation', [CompletionResultType]::ParameterValue, 'Turn automatic rotation on or off')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled key')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a key: it refuses every operation until enabled again')
            [CompletionResult]::new('schedule-delete', 'schedule-delete', [CompletionResultType]::ParameterValue, 'Schedule a key''s destruction after a waiting period')
            [CompletionResult]::new('cancel-delete', 'cancel-delete', [CompletionResultType]::ParameterValue, 'Cancel a scheduled deletion; the key becomes Disabled')
            [CompletionResult]::new('maintain', 'maintain', [CompletionResultType]::ParameterValue, 'Carry out due rotations and deletions now (for cron)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Set, show or remove a key''s policy: the operations, contexts and versions it allows')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Disable or enable one version of a key')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grants: a keyring for one grantee with only the keys and operations it needs')
            [CompletionResult]::new('encrypt', 'encrypt', [CompletionResultType]::ParameterValue, 'Encrypt files or standard input under a key (envelope encryption)')
            [CompletionResult]::new('decrypt', 'decrypt', [CompletionResultType]::ParameterValue, 'Decrypt lkms ciphertexts')
            [CompletionResult]::new('re-encrypt', 're-encrypt', [CompletionResultType]::ParameterValue, 'Rewrap ciphertexts under a key''s current version without decrypting the data')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show a ciphertext''s key, version, algorithm and encryption context (no passphrase)')
            [CompletionResult]::new('generate-data-key', 'generate-data-key', [CompletionResultType]::ParameterValue, 'Make a data key: its plaintext and its ciphertext under a key')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a message with an ed25519 or ecdsa-p256 key')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify a signature')
            [CompletionResult]::new('mac', 'mac', [CompletionResultType]::ParameterValue, 'Compute an HMAC-SHA256 tag with an hmac-sha256 key')
            [CompletionResult]::new('verify-mac', 'verify-mac', [CompletionResultType]::ParameterValue, 'Verify an HMAC-SHA256 tag')
            [CompletionResult]::new('public-key', 'public-key', [CompletionResultType]::ParameterValue, 'Print a signing key''s public key, or an x25519 key''s age recipient')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read and verify the audit log')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Write a backup of the keyring, its roots and the audit position to one file')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the keyring with a backup''s, never bringing a destroyed key back')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export keys, material included, for another keyring')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import keys from an `lkms export` file')
            [CompletionResult]::new('identity', 'identity', [CompletionResultType]::ParameterValue, 'Export an x25519 key''s age identity')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change the passphrase of one passphrase root (and optionally its work factor)')
            [CompletionResult]::new('root', 'root', [CompletionResultType]::ParameterValue, 'List, add or remove the keyring''s roots: what holds its identity')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Start, inspect or stop the unlock agent (as ssh-agent)')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock the keyring in the agent, once')
            [CompletionResult]::new('lock', 'lock', [CompletionResultType]::ParameterValue, 'Make the agent forget every keyring it holds')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the lkms(1) man page, or install every man page into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lkms;help;init' {
            break
        }
        'lkms;help;create' {
            break
        }
        'lkms;help;import-material' {
            break
        }
        'lkms;help;list' {
            break
        }
        'lkms;help;describe' {
            break
        }
        'lkms;help;alias' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Give a key another name')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an alias (the key stays)')
            break
        }
        'lkms;help;alias;add' {
            break
        }
        'lkms;help;alias;remove' {
            break
        }
        'lkms;help;rotate' {
            break
        }
        'lkms;help;rotation' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Rotate the key automatically every period')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop rotating the key automatically')
            break
        }
        'lkms;help;rotation;enable' {
            break
        }
        'lkms;help;rotation;disable' {
            break
        }
        'lkms;help;enable' {
            break
        }
        'lkms;help;disable' {
            break
        }
        'lkms;help;schedule-delete' {
            break
        }
        'lkms;help;cancel-delete' {
            break
        }
        'lkms;help;maintain' {
            break
        }
        'lkms;help;policy' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Give a key the policy in FILE (replacing any it has)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a key''s policy as TOML (with --json, as an object)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a key''s policy: it then allows whatever its usage and state allow')
            break
        }
        'lkms;help;policy;set' {
            break
        }
        'lkms;help;policy;get' {
            break
        }
        'lkms;help;policy;remove' {
            break
        }
        'lkms;help;version' {
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable version N: it refuses to decrypt or verify until enabled again')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable version N again')
            break
        }
        'lkms;help;version;disable' {
            break
        }
        'lkms;help;version;enable' {
            break
        }
        'lkms;help;grant' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Write a grant keyring for one grantee')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the grants this keyring issued')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Record a grant as revoked, and say what that does and does not do')
            break
        }
        'lkms;help;grant;create' {
            break
        }
        'lkms;help;grant;list' {
            break
        }
        'lkms;help;grant;revoke' {
            break
        }
        'lkms;help;encrypt' {
            break
        }
        'lkms;help;decrypt' {
            break
        }
        'lkms;help;re-encrypt' {
            break
        }
        'lkms;help;inspect' {
            break
        }
        'lkms;help;generate-data-key' {
            break
        }
        'lkms;help;sign' {
            break
        }
        'lkms;help;verify' {
            break
        }
        'lkms;help;mac' {
            break
        }
        'lkms;help;verify-mac' {
            break
        }
        'lkms;help;public-key' {
            break
        }
        'lkms;help;audit' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print audit records, oldest first')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the chain, the signed checkpoints and the keyring''s anchor; exits 5 if not intact')
            [CompletionResult]::new('public-key', 'public-key', [CompletionResultType]::ParameterValue, 'Print the audit key''s verifier key (C2SP signed-note), or its public key as PEM')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print the latest signed checkpoint, to keep outside this machine')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Summarise key use and list what needs attention')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Move sealed lines older than a time to an archive file')
            break
        }
        'lkms;help;audit;show' {
            break
        }
        'lkms;help;audit;verify' {
            break
        }
        'lkms;help;audit;public-key' {
            break
        }
        'lkms;help;audit;checkpoint' {
            break
        }
        'lkms;help;audit;report' {
            break
        }
        'lkms;help;audit;prune' {
            break
        }
        'lkms;help;backup' {
            break
        }
        'lkms;help;restore' {
            break
        }
        'lkms;help;export' {
            break
        }
        'lkms;help;import' {
            break
        }
        'lkms;help;identity' {
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write an x25519 key version''s age identity to a new file (mode 0600)')
            break
        }
        'lkms;help;identity;export' {
            break
        }
        'lkms;help;passwd' {
            break
        }
        'lkms;help;root' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the keyring''s roots (needs no passphrase)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a root that holds the keyring identity')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a root; the last one cannot be removed')
            break
        }
        'lkms;help;root;list' {
            break
        }
        'lkms;help;root;add' {
            [CompletionResult]::new('passphrase', 'passphrase', [CompletionResultType]::ParameterValue, 'Add a passphrase root: an age scrypt file beside the keyring')
            [CompletionResult]::new('aws-kms', 'aws-kms', [CompletionResultType]::ParameterValue, 'Add an AWS KMS root: the identity wrapped by KMS Encrypt under a key you name')
            [CompletionResult]::new('transit', 'transit', [CompletionResultType]::ParameterValue, 'Add a Vault or OpenBao Transit root: the identity encrypted by a Transit key')
            [CompletionResult]::new('pkcs11', 'pkcs11', [CompletionResultType]::ParameterValue, 'Add a PKCS#11 root: the identity sealed with AES-GCM inside a token (HSM, SoftHSM)')
            [CompletionResult]::new('age-identity', 'age-identity', [CompletionResultType]::ParameterValue, 'Add an age-identity root: the identity encrypted to an age X25519 recipient')
            break
        }
        'lkms;help;root;add;passphrase' {
            break
        }
        'lkms;help;root;add;aws-kms' {
            break
        }
        'lkms;help;root;add;transit' {
            break
        }
        'lkms;help;root;add;pkcs11' {
            break
        }
        'lkms;help;root;add;age-identity' {
            break
        }
        'lkms;help;root;remove' {
            break
        }
        'lkms;help;agent' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the agent in the background and print the shell lines that point at it')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the agent''s pid, socket, timeouts and the keyrings it holds')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the agent: it forgets every identity and exits')
            break
        }
        'lkms;help;agent;start' {
            break
        }
        'lkms;help;agent;status' {
            break
        }
        'lkms;help;agent;stop' {
            break
        }
        'lkms;help;unlock' {
            break
        }
        'lkms;help;lock' {
            break
        }
        'lkms;help;completions' {
            break
        }
        'lkms;help;man' {
            break
        }
        'lkms;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
