//! Extraction never panics and every evidence span lies inside the text on char boundaries,
//! whatever the text.

use std::sync::LazyLock;

use proptest::prelude::*;
use sitrep_extract::{Resources, extract_article};
use sitrep_model::{Article, ArticleId};

static RESOURCES: LazyLock<Resources> =
    LazyLock::new(|| Resources::embedded().expect("embedded data is valid"));

fn check(text: String, published: Option<&str>) -> Result<(), TestCaseError> {
    let text = sitrep_text::clean_text(&text);
    let article = Article {
        id: ArticleId::from_content(&text),
        text,
        published: published.map(|p| p.parse().unwrap()),
        title: None,
        url: None,
        source: None,
    };
    let out = extract_article(&article, &RESOURCES);
    for incident in &out.incidents {
        for e in &incident.evidence {
            prop_assert!(e.span.start < e.span.end, "empty evidence {e:?}");
            prop_assert!(
                article.text.get(e.span.range()).is_some(),
                "evidence {e:?} is not a char-aligned span of {:?}",
                article.text
            );
        }
        for count in [&incident.killed, &incident.wounded, &incident.kidnapped]
            .into_iter()
            .flatten()
        {
            if let (Some(lo), Some(hi)) = (count.min, count.max) {
                prop_assert!(lo <= hi, "{count:?}");
            }
        }
        prop_assert!((0.0..=1.0).contains(&incident.confidence));
    }
    Ok(())
}

/// Words that exercise every stage: triggers, casualty heads, numbers, places, groups, dates.
const WORDS: &[&str] = &[
    "Gunmen",
    "killed",
    "two",
    "police",
    "officers",
    "in",
    "Tripoli",
    "on",
    "Sunday",
    "a",
    "car",
    "bomb",
    "exploded",
    "near",
    "Kabul",
    ",",
    ".",
    "at",
    "least",
    "12",
    "people",
    "were",
    "wounded",
    "Islamic",
    "State",
    "claimed",
    "responsibility",
    "no",
    "one",
    "was",
    "hurt",
    "the",
    "embassy",
    "South",
    "Korean",
    "January",
    "28",
    "2015",
    "dozens",
    "of",
    "and",
    "three",
    "other",
    "Americans",
    "including",
    "bomber",
    "death",
    "toll",
    "rose",
    "to",
    "9",
    "Boko",
    "Haram",
    "Libya",
    "’s",
    "é",
    "—",
    "\n\n",
    "Ambassador",
    "John",
    "Smith",
    "among",
    "them",
    "1:20",
    "a.m.",
    "Route",
    "$5,000",
    "aged",
    "34",
    "shot",
    "dead",
    "km",
    "south",
    "of",
    "Borno",
    "state",
    "blew",
    "himself",
    "up",
    "hostages",
    "KABUL",
    "(Wire)",
    "-",
    "since",
    "have",
    "been",
    "yesterday",
    "offices",
    "newspaper",
    "co-worker",
    "reported",
    "casualties",
    "policemen",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_extracts_without_panicking(text in "\\PC{0,300}") {
        check(text, Some("2015-04-13"))?;
    }

    #[test]
    fn news_like_word_salad_keeps_evidence_valid(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..80), published in proptest::option::of(Just("2016-02-29"))) {
        check(words.join(" "), published)?;
    }
}
