//! Resolution end to end with the real binary: five outlets on one bombing plus five
//! unrelated attacks on the same day become six incidents, in any order and from any format;
//! `sitrep incident` shows one with all its sources and highlighted evidence.

mod corpus;
mod util;

use std::collections::BTreeSet;

use serde_json::Value;
use util::Dir;

/// Ingests `files` into `db` in `dir`, checking it succeeds without errors.
fn ingest(dir: &Dir, db: &str, files: &[&str]) -> util::Run {
    let mut args = vec!["ingest", "--db", db];
    args.extend_from_slice(files);
    let run = dir.run(&args).expect_code(0);
    assert!(
        !run.stderr.contains("error"),
        "no errors expected:\n{}",
        run.stderr
    );
    run
}

fn quetta(incidents: &[Value]) -> &Value {
    let urls = corpus::quetta_bombing_urls();
    incidents
        .iter()
        .find(|i| corpus::grouping(std::slice::from_ref(i)).contains(&urls))
        .unwrap_or_else(|| panic!("one incident holds the five reports: {incidents:#?}"))
}

#[test]
fn five_outlets_and_five_other_attacks_make_six_incidents() {
    let dir = Dir::new();
    dir.write("corpus.jsonl", corpus::jsonl(&corpus::docs()));
    let run = ingest(&dir, "s.db", &["corpus.jsonl"]);
    assert!(
        run.stderr
            .contains("incidents: 6 new, 0 updated, 0 merged into others (10 reports)"),
        "{}",
        run.stderr
    );
    let incidents = corpus::incidents(&dir, "s.db");
    assert_eq!(incidents.len(), 6, "{:#?}", corpus::grouping(&incidents));
    let bombing = quetta(&incidents);
    assert_eq!(bombing["sources"].as_array().unwrap().len(), 5);
    // Every other incident has one source.
    let singles = corpus::grouping(&incidents)
        .into_iter()
        .filter(|g| g.len() == 1)
        .count();
    assert_eq!(singles, 5);
    // Each source keeps its own values and its own article's metadata.
    for source in bombing["sources"].as_array().unwrap() {
        assert!(source["url"].as_str().unwrap().contains("quetta"));
        assert!(source["incident"].is_object());
    }
}

#[test]
fn the_same_articles_in_reverse_order_give_the_same_incidents_and_ids() {
    let dir = Dir::new();
    let docs = corpus::docs();
    dir.write("forward.jsonl", corpus::jsonl(&docs));
    let mut reversed = docs.clone();
    reversed.reverse();
    dir.write("reverse.jsonl", corpus::jsonl(&reversed));
    ingest(&dir, "forward.db", &["forward.jsonl"]);
    // One article at a time, in reverse: every arrival is its own transaction.
    for (n, doc) in reversed.iter().enumerate() {
        let name = format!("one-{n}.jsonl");
        dir.write(&name, corpus::jsonl(std::slice::from_ref(doc)));
        ingest(&dir, "reverse.db", &[&name]);
    }
    let forward = corpus::incidents(&dir, "forward.db");
    let reverse = corpus::incidents(&dir, "reverse.db");
    let ids = |all: &[Value]| -> BTreeSet<String> {
        all.iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(corpus::grouping(&forward), corpus::grouping(&reverse));
    assert_eq!(ids(&forward), ids(&reverse));
    assert_eq!(forward, reverse, "same ids, same fields, same sources");
}

#[test]
fn incident_shows_every_source_with_highlighted_evidence() {
    let dir = Dir::new();
    dir.write("corpus.jsonl", corpus::jsonl(&corpus::docs()));
    ingest(&dir, "s.db", &["corpus.jsonl"]);
    let incidents = corpus::incidents(&dir, "s.db");
    let id = quetta(&incidents)["id"].as_str().unwrap().to_string();

    let text = dir
        .run(&["incident", &id, "--db", "s.db"])
        .expect_code(0)
        .stdout;
    assert!(text.starts_with(&format!("incident {id}\n")), "{text}");
    assert!(text.contains("source 5 of 5"), "{text}");
    for url in corpus::quetta_bombing_urls() {
        assert!(text.contains(&url), "{url} in:\n{text}");
    }
    assert!(text.contains("[[Quetta]]"), "{text}");
    assert!(!text.contains('\x1b'), "no colour when not a terminal");

    let json: Value = serde_json::from_str(
        &dir.run(&["incident", &id, "--db", "s.db", "--format", "json"])
            .expect_code(0)
            .stdout,
    )
    .unwrap();
    assert_eq!(json["id"], id.as_str());
    let sources = json["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 5);
    for source in sources {
        let text = source["text"].as_str().unwrap();
        let evidence = source["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty());
        for e in evidence {
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(e["text"].as_str(), text.get(start..end));
        }
    }
}

#[test]
fn an_id_that_merged_into_another_still_shows_its_incident() {
    let dir = Dir::new();
    let docs = corpus::docs();
    let second = docs
        .iter()
        .find(|d| d.id == "wire-b-quetta")
        .unwrap()
        .clone();
    dir.write("first.jsonl", corpus::jsonl(std::slice::from_ref(&second)));
    dir.write("all.jsonl", corpus::jsonl(&docs));
    ingest(&dir, "s.db", &["first.jsonl"]);
    let alone = corpus::incidents(&dir, "s.db");
    let old_id = alone[0]["id"].as_str().unwrap().to_string();
    // wire-a-quetta precedes wire-b-quetta, so it takes the lead: the id changes.
    let run = ingest(&dir, "s.db", &["all.jsonl"]);
    assert!(
        run.stderr.contains("skipped 1 as duplicates")
            && run
                .stderr
                .contains("5 new, 1 updated, 0 merged into others"),
        "{}",
        run.stderr
    );
    let now = corpus::incidents(&dir, "s.db");
    let new_id = quetta(&now)["id"].as_str().unwrap().to_string();
    assert_ne!(old_id, new_id);
    let shown = dir
        .run(&["incident", &old_id, "--db", "s.db"])
        .expect_code(0)
        .stdout;
    assert!(
        shown.starts_with(&format!("incident {new_id}\n")),
        "{shown}"
    );
    assert!(shown.contains(&format!("{old_id} has merged into this incident")));
    let unknown = dir.run(&["incident", "inc-0000000000000000", "--db", "s.db"]);
    assert_eq!(unknown.code, Some(2));
    assert!(unknown.stderr.contains("no incident inc-0000000000000000"));
}

#[test]
fn feeds_pages_warc_and_jsonl_give_the_same_incidents() {
    let dir = Dir::new();
    let docs = corpus::docs();
    dir.write("corpus.jsonl", corpus::jsonl(&docs));
    dir.write("feed.rss", corpus::rss(&docs));
    dir.write("feed.atom", corpus::atom(&docs));
    dir.write("crawl.warc", corpus::warc(&docs));
    std::fs::create_dir(dir.path().join("pages")).unwrap();
    for (n, d) in docs.iter().enumerate() {
        dir.write(&format!("pages/{n:02}.html"), corpus::html(d));
    }
    ingest(&dir, "jsonl.db", &["corpus.jsonl"]);
    let expected = corpus::incidents(&dir, "jsonl.db");
    assert_eq!(expected.len(), 6);
    for (db, input) in [
        ("rss.db", "feed.rss"),
        ("atom.db", "feed.atom"),
        ("warc.db", "crawl.warc"),
        ("html.db", "pages"),
    ] {
        let run = ingest(&dir, db, &[input]);
        assert!(
            run.stderr.contains("read 10 articles: stored 10"),
            "{input}: {}",
            run.stderr
        );
        let found = corpus::incidents(&dir, db);
        assert_eq!(
            corpus::fields(&found),
            corpus::fields(&expected),
            "{input} gives other incidents than JSON Lines"
        );
    }
}

#[test]
fn a_background_mention_links_to_the_stored_incident_it_recalls() {
    let dir = Dir::new();
    // The 2013 article on the Russian embassy in Tripoli recalls the 2012 Benghazi attack.
    let corpus = std::fs::read_to_string(util::repo_root().join("examples/corpus.jsonl")).unwrap();
    let seed = corpus
        .lines()
        .find(|l| l.contains("\"seed-003\""))
        .expect("seed-003 is in the demo corpus");
    dir.write("2013.jsonl", format!("{seed}\n"));
    let report =
        std::fs::read_to_string(corpus::fixture_path().with_file_name("benghazi-2012-09-12.jsonl"))
            .unwrap();
    dir.write("2012.jsonl", report);
    for (db, order) in [
        ("news-first.db", ["2012.jsonl", "2013.jsonl"]),
        ("news-last.db", ["2013.jsonl", "2012.jsonl"]),
    ] {
        for file in order {
            ingest(&dir, db, &[file]);
        }
        let incidents = corpus::incidents(&dir, db);
        assert_eq!(
            incidents.len(),
            2,
            "{db}: {:#?}",
            corpus::grouping(&incidents)
        );
        let benghazi = incidents
            .iter()
            .find(|i| i["sources"].as_array().unwrap().len() == 2)
            .unwrap_or_else(|| panic!("{db}: the mention joined the 2012 report"));
        assert_eq!(benghazi["background"], false, "{db}");
        assert_eq!(benghazi["location"]["name"], "Benghazi");
        let articles: BTreeSet<&str> = benghazi["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["article_id"].as_str().unwrap())
            .collect();
        assert_eq!(
            articles,
            BTreeSet::from(["seed-003", "wire-benghazi-2012"]),
            "{db}"
        );
    }
}
