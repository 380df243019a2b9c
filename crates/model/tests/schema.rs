//! The checked-in JSON Schema must match the types. Regenerate it with
//! `SITREP_BLESS=1 cargo test -p sitrep-model --test schema`.

use std::path::PathBuf;

#[test]
fn checked_in_schema_matches_the_types() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/sitrep-extract.schema.json");
    let generated = sitrep_model::extract_output_schema();
    if std::env::var_os("SITREP_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is out of date with the model types; regenerate it with \
         `SITREP_BLESS=1 cargo test -p sitrep-model --test schema` and review the diff",
        path.display()
    );
}
