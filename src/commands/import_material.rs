//! import-material: a key whose material was made elsewhere (bring your own key).

use zeroize::Zeroizing;

use super::attempt::Attempt;
use super::keys::validated_aliases;
use super::session::Session;
use super::view::KeyView;
use crate::audit::{Event, Field, Record};
use crate::cli::ImportMaterialArgs;
use crate::crypto::external::material_for;
use crate::io::input::read_small;
use crate::io::naming::shown;
use crate::keyring::{Key, Origin};
use crate::output::Report;

/// The largest material file read: a PEM P-256 PKCS#8 key is under 300 bytes.
const MAX_MATERIAL_BYTES: u64 = 16 * 1024;

pub fn import_material(s: &mut Session, args: &ImportMaterialArgs) -> anyhow::Result<Report> {
    let spec = args.spec;
    let mut rec = Record::new(Event::ImportKeyMaterial);
    rec.set(Field::Spec(spec.name()));
    rec.set(Field::Aliases(args.aliases.clone()));
    rec.set(Field::Origin(Origin::External.name()));
    rec.set(Field::Input(shown(&args.material)));
    let key = Attempt::run(s, rec, |a| {
        let aliases = validated_aliases(&args.aliases)?;
        let bytes = Zeroizing::new(read_small(
            &args.material,
            "key material",
            MAX_MATERIAL_BYTES,
        )?);
        let material = material_for(spec, &bytes)
            .map_err(|e| anyhow::Error::new(e).context(shown(&args.material)))?;
        let key = a.write_keyring(|kr, now| {
            for a in &aliases {
                kr.check_alias_free(a)?;
            }
            let mut key = Key::new(spec, material, now);
            key.origin = Origin::External;
            key.aliases = aliases;
            key.description = args.description.clone();
            let metadata = key.metadata();
            kr.keys.push(key);
            Ok(metadata)
        })?;
        a.record.key_id = Some(key.id.to_string());
        a.record.key_version = Some(1);
        Ok(key)
    })?;
    Ok(Report::new(
        format!("{}\n", key.id),
        KeyView::of(&key).json(),
    ))
}
