//! Developer tool: shows what each stage of extraction found in an article.
//!
//! `cargo run -p sitrep-extract --example explain -- FILE [YYYY-MM-DD]`, or a JSON Lines file
//! and a record id: `cargo run -p sitrep-extract --example explain -- corpus.jsonl ID`.

use sitrep_extract::{
    Resources, analysis::Analysis, casualties::find_casualties, places::resolve_toponyms,
    segment::segment,
};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: explain FILE [YYYY-MM-DD | RECORD-ID]");
        std::process::exit(2);
    };
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let (text, published) = if path.ends_with(".jsonl") {
        let id = args.get(1).cloned().unwrap_or_default();
        let record = raw
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|r| r["id"] == id.as_str())
            .unwrap_or_else(|| {
                eprintln!("no record {id:?}");
                std::process::exit(2)
            });
        (
            record["text"].as_str().unwrap_or_default().to_string(),
            record["published"]
                .as_str()
                .and_then(|p| p.get(..10)?.parse().ok()),
        )
    } else {
        (raw, args.get(1).and_then(|d| d.parse().ok()))
    };
    let text = sitrep_text::clean_text(&text);
    let resources = Resources::embedded().expect("embedded data");
    let a = Analysis::new(&text, published, &resources);
    let casualties = find_casualties(&a);
    let (toponyms, _) = resolve_toponyms(&a, &resources);
    println!("dateline ends at {}", a.dateline_end);
    for n in &a.names {
        let what = match &n.value.kind {
            sitrep_geo::NameMatchKind::Demonym(c) => {
                format!("demonym {}", resources.gazetteer.country(*c).code)
            }
            sitrep_geo::NameMatchKind::Place(p) => format!(
                "{} candidates: {}",
                p.len(),
                p.iter()
                    .take(6)
                    .map(|p| {
                        let i = resources.gazetteer.info(*p);
                        format!("{}/{}/{:?}", i.name, i.country, i.precision)
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        println!("name {:?}: {what}", &text[n.span.range()]);
    }
    for (i, s) in a.sentences.iter().enumerate() {
        println!("\n[{i}] {}", s.text(&text));
        for d in a.dates.iter().filter(|d| d.sentence == i) {
            println!(
                "    date {:?} → {:?}..{:?} {:?}",
                &text[d.span.range()],
                d.value.start,
                d.value.end,
                d.value.precision
            );
        }
        for t in a.triggers.iter().filter(|t| t.sentence == i) {
            println!(
                "    trigger {:?} {:?} {:?}",
                &text[t.span.range()],
                t.value.event_type,
                t.value.strength
            );
        }
        for c in casualties.iter().filter(|c| c.sentence == i) {
            println!(
                "    casualty {:?} {:?} {:?}..{:?} {:?} {:?} {:?}",
                &text[c.span.range()],
                c.kind,
                c.quantity.min,
                c.quantity.max,
                c.side,
                c.relation,
                c.category
            );
        }
        for t in toponyms.iter().filter(|t| t.sentence == i) {
            println!(
                "    place {:?} → {:?} {} locative={} dateline={} elsewhere={}",
                &text[t.span.range()],
                resources.gazetteer.info(t.place).name,
                resources.gazetteer.info(t.place).country,
                t.locative,
                t.dateline,
                t.elsewhere
            );
        }
        for g in a.groups.iter().filter(|g| g.sentence == i) {
            println!(
                "    group {:?} → {}",
                &text[g.span.range()],
                resources.groups.group(g.value).name
            );
        }
        for t in a.targets.iter().filter(|t| t.sentence == i) {
            println!(
                "    target noun {:?} {:?}",
                &text[t.span.range()],
                t.value.kind
            );
        }
    }
    println!();
    for d in segment(
        &a,
        &casualties,
        &sitrep_extract::places::article_toponyms(&a, &resources).0,
        &resources.gazetteer,
    ) {
        println!(
            "incident: sentences {:?} date {:?} background {}",
            d.sentences,
            d.date.map(|i| &text[a.dates[i].span.range()]),
            d.background
        );
        for (s, span) in &d.clauses {
            println!("    only part of [{s}]: {:?}", &text[span.range()]);
        }
    }
}
