//! The fitted models the binary embeds: they load, and a corrupt or empty model file fails
//! start-up with an error that names it.

use sitrep_extract::{ResourceSources, Resources};

#[test]
fn the_shipped_models_load() {
    let resources = Resources::embedded().expect("the embedded models are valid");
    let m = &resources.models;
    assert_eq!(m.toll_killed.file, "toll_killed.tsv");
    assert_eq!(m.relevance.file, "relevance.tsv");
}

#[test]
fn a_corrupt_or_empty_model_fails_start_up_naming_the_file() {
    let mut sources = ResourceSources::embedded();
    sources.models.toll_killed = "support\tnot-a-number\nbias\t0\n";
    let message = Resources::from_sources(sources)
        .expect_err("a corrupt weight must fail")
        .to_string();
    assert!(message.contains("toll_killed.tsv:1"), "{message}");

    let mut sources = ResourceSources::embedded();
    sources.models.relevance = "";
    let message = Resources::from_sources(sources)
        .expect_err("an empty model must fail")
        .to_string();
    assert!(message.contains("relevance.tsv"), "{message}");
}
