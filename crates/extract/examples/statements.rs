//! Prints every casualty statement of each article of a JSON Lines file, with the draft it
//! falls in: a window on what the casualty reader proposes. `cargo run --example statements
//! -p sitrep-extract FILE.jsonl`.

use std::io::BufRead;

use sitrep_extract::{Resources, analysis::Analysis, casualties, segment};
use sitrep_model::parse_published;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: statements FILE.jsonl")?;
    let resources = Resources::embedded()?;
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let record: serde_json::Value = serde_json::from_str(&line?)?;
        let text = sitrep_text::clean_text(record["text"].as_str().unwrap_or_default());
        let published = record["published"]
            .as_str()
            .and_then(|p| parse_published(p).ok());
        let a = Analysis::new(&text, published, &resources);
        let statements = casualties::find_casualties(&a);
        let drafts = segment::segment(
            &a,
            &statements,
            &sitrep_extract::places::article_toponyms(&a, &resources).0,
            &resources.gazetteer,
        );
        println!("== {}", record["id"]);
        for (k, d) in drafts.iter().enumerate() {
            println!(
                "  draft {k} background={} sentences={:?}",
                d.background, d.sentences
            );
        }
        for s in &statements {
            println!(
                "  s{:<3} {:?} {:?} {:?}..{:?} {:?} {:?} neg={} {:?}",
                s.sentence,
                s.kind,
                s.side,
                s.quantity.min,
                s.quantity.max,
                s.relation,
                s.category,
                s.negated,
                &text[s.span.range()]
            );
        }
    }
    Ok(())
}
