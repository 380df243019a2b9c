//! Which place is the incident's: the toponym reader resolves every place name of an
//! incident's sentences to one gazetteer place (or an unlisted place within one), and a
//! learned scorer picks the one where it happened.
//!
//! Reports name more places than the scene: the country of the victims ("a U.S. officer"),
//! the province around the town, a town the road led from, a capital whose government
//! answered. The features say what kind of place a candidate is, how the words introduce it
//! (a locative "in", a destination, a dateline), how much the rest of the incident and the
//! article point to its country, whether other candidates lie within it or it within them,
//! how large it is, and whether its name only qualifies another noun ("the Kandahar police
//! chief", "Dortmund's station"). The rules' own pick is a feature, so the model learns where
//! to depart from it.

use sitrep_geo::{Gazetteer, Place, is_division_kind};

use crate::analysis::Analysis;
use crate::choose::linear::LinearModel;
use crate::places::{CountryEvidence, Toponym};

/// The features of a candidate place, in the order of its vector.
pub const FEATURES: &[&str] = &[
    "rules_choice",
    "is_country",
    "is_division",
    "is_town",
    "unlisted",
    "offset",
    "locative",
    "elsewhere",
    "dateline",
    "across_border",
    "first_named",
    "position",
    "first_sentence",
    "restated",
    "log_population",
    "country_share",
    "top_country",
    "article_share",
    "top_article_country",
    "contains_other",
    "within_other",
    "qualifies_noun",
];

/// One toponym of the incident and why it might be the scene.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Index of the toponym among those the choice was given.
    pub toponym: usize,
    /// The place.
    pub place: Place,
    /// The article's words for it (the unlisted place's words when it is one).
    pub written: String,
    /// Values of [`FEATURES`].
    pub features: Vec<f64>,
}

impl Candidate {
    /// Whether the candidate is a town of the gazetteer.
    pub fn place_is_town(&self) -> bool {
        matches!(self.place, Place::City(_))
    }

    /// Whether the candidate is a place the gazetteer lacks, named within `place`.
    pub fn is_unlisted(&self) -> bool {
        FEATURES
            .iter()
            .position(|f| *f == "unlisted")
            .is_some_and(|k| self.features[k] > 0.5)
    }
}

/// Whether the name ending at byte `end` only qualifies the noun after it: a possessive ("Dortmund's
/// station") or a capitalised word run on without a comma that is not a kind of division
/// ("the Pristina Daily", "the Nepalgunj Municipality building").
fn qualifies_noun(a: &Analysis<'_>, end: usize) -> bool {
    let rest = &a.text[end..];
    if rest.starts_with("'s") || rest.starts_with("\u{2019}s") {
        return true;
    }
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    word.chars().next().is_some_and(char::is_uppercase)
        && !is_division_kind(&word.to_lowercase())
        && !matches!(word.as_str(), "City" | "Town" | "Village" | "Valley")
}

/// The candidates for an incident's place: one per toponym, in the order given.
/// `local` is the incident's own country support, `rules` the index the rules picked.
pub fn candidates(
    a: &Analysis<'_>,
    g: &Gazetteer,
    toponyms: &[&Toponym],
    evidence: &CountryEvidence,
    local: &CountryEvidence,
    rules: Option<usize>,
) -> Vec<Candidate> {
    let countries: Vec<u16> = toponyms.iter().map(|t| g.country_of(t.place)).collect();
    let local_total: f32 = {
        let mut seen: Vec<u16> = countries.clone();
        seen.sort_unstable();
        seen.dedup();
        seen.iter().map(|c| local.weight(*c)).sum()
    };
    let local_top = countries
        .iter()
        .map(|c| local.weight(*c))
        .fold(0.0f32, f32::max);
    let article_top = evidence.strongest();
    let article_max = article_top.map_or(0.0, |c| evidence.weight(c));
    let first_sentence = toponyms.iter().map(|t| t.sentence).min();
    let n = toponyms.len().max(1) as f64;
    toponyms
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let c = countries[k];
            let same_place = toponyms.iter().filter(|o| o.place == t.place).count();
            let contains_other = toponyms
                .iter()
                .any(|o| o.place != t.place && g.contains(t.place, o.place));
            let within_other = toponyms
                .iter()
                .any(|o| o.place != t.place && g.contains(o.place, t.place));
            let flag = |b: bool| if b { 1.0 } else { 0.0 };
            let features = vec![
                flag(rules.is_some_and(|r| toponyms[r].place == t.place)),
                flag(matches!(t.place, Place::Country(_))),
                flag(matches!(t.place, Place::Admin1(_))),
                flag(matches!(t.place, Place::City(_))),
                flag(t.unlisted.is_some()),
                flag(t.offset.is_some()),
                flag(t.locative),
                flag(t.elsewhere),
                flag(t.dateline),
                flag(t.across_border),
                flag(k == 0),
                k as f64 / n,
                flag(Some(t.sentence) == first_sentence),
                (same_place as f64).ln(),
                ((g.population(t.place) as f64 + 10.0).log10() / 7.0).min(1.5),
                if local_total > 0.0 {
                    f64::from(local.weight(c) / local_total)
                } else {
                    0.0
                },
                flag(local_top > 0.0 && local.weight(c) >= local_top),
                if article_max > 0.0 {
                    f64::from((evidence.weight(c) / article_max).min(1.0))
                } else {
                    0.0
                },
                flag(article_top == Some(c)),
                flag(contains_other),
                flag(within_other),
                flag(qualifies_noun(a, t.span.end)),
            ];
            let written = t.unlisted.unwrap_or(t.span);
            Candidate {
                toponym: k,
                place: t.place,
                written: a.text[written.range()].to_string(),
                features,
            }
        })
        .collect()
}

/// The candidate the model scores highest (the first of equals); `None` without candidates.
pub fn choose(model: &LinearModel, candidates: &[Candidate]) -> Option<usize> {
    candidates
        .iter()
        .fold(None, |best: Option<(usize, f64)>, c| {
            let score = model.score(&c.features);
            match best {
                Some((_, s)) if s >= score => best,
                _ => Some((c.toponym, score)),
            }
        })
        .map(|(k, _)| k)
}
