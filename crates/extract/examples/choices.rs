//! Prints what the learned choices saw in each article of a JSON Lines file: the toll
//! candidates with their features and the page's relevance. `cargo run --example choices -p
//! sitrep-extract FILE.jsonl`.

use std::io::BufRead;

use sitrep_extract::choose::toll;
use sitrep_extract::{Resources, extract_with_choices};
use sitrep_model::{Article, ArticleId, parse_published};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: choices FILE.jsonl")?;
    let resources = Resources::embedded()?;
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let record: serde_json::Value = serde_json::from_str(&line?)?;
        let text = sitrep_text::clean_text(record["text"].as_str().unwrap_or_default());
        let article = Article {
            id: ArticleId::new(record["id"].as_str().unwrap_or_default().to_string()),
            text,
            published: record["published"]
                .as_str()
                .and_then(|p| parse_published(p).ok()),
            title: None,
            url: None,
            source: None,
        };
        let (_, choices) = extract_with_choices(&article, &resources);
        println!("== {} relevance {:.3}", record["id"], choices.relevance);
        for (name, list) in [("killed", &choices.killed), ("wounded", &choices.wounded)] {
            for c in list {
                let named: Vec<String> = toll::FEATURES
                    .iter()
                    .zip(&c.features)
                    .filter(|(_, v)| **v != 0.0)
                    .map(|(f, v)| format!("{f}={v:.2}"))
                    .collect();
                println!(
                    "  {name} {:?}..{:?} {}",
                    c.quantity.min,
                    c.quantity.max,
                    named.join(" ")
                );
            }
        }
    }
    Ok(())
}
