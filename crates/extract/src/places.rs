//! Which place names in an article really are places, which place each one is, and where each
//! incident happened.
//!
//! Resolution works in two passes over the whole article. The first counts, for every country,
//! the evidence that the article is about it: country names, demonyms, unambiguous divisions
//! and large cities. The second resolves each name: a name followed by ", <division or country>"
//! that contains one of its places is decided by that ("Tripoli, Lebanon"); otherwise the place
//! whose country has the most evidence wins, then the most populous.
//!
//! A name is dropped when it is not used as a place: inside a date ("in March"), after a personal
//! title ("Ambassador Paris"), as the first name of a longer proper noun ("Lee Jong-kook"), or
//! when it is a common English word ("Police", "Mission") or a small place, without a locative
//! cue ("in", "near", a dateline, ", Province").

use sitrep_geo::{Gazetteer, NameMatchKind, Place, offset_point};
use sitrep_model::{ByteSpan, LocationPrecision};
use sitrep_text::TokenKind;

use crate::analysis::Analysis;
use crate::resources::Resources;

/// A place name resolved to one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Toponym {
    /// Sentence index.
    pub sentence: usize,
    /// The words.
    pub span: ByteSpan,
    /// The place.
    pub place: Place,
    /// Whether a locative word introduces it ("in", "near", "outside", a dateline).
    pub locative: bool,
    /// Whether it is introduced as an origin or destination ("from", "to", "visiting").
    pub elsewhere: bool,
    /// Whether it is in the dateline (where the report was filed).
    pub dateline: bool,
    /// An offset point ("30 km south of Kabul"): (lat, lon).
    pub offset: Option<(f64, f64)>,
    /// An unlisted place named just before a division ("in Maywand, Kandahar"): its words.
    pub unlisted: Option<ByteSpan>,
}

/// Country evidence of an article, by country index.
#[derive(Debug, Clone, Default)]
pub struct CountryEvidence {
    weights: Vec<f32>,
}

impl CountryEvidence {
    fn add(&mut self, country: u16, weight: f32) {
        let i = country as usize;
        if self.weights.len() <= i {
            self.weights.resize(i + 1, 0.0);
        }
        self.weights[i] += weight;
    }

    /// The weight of a country.
    pub fn weight(&self, country: u16) -> f32 {
        self.weights.get(country as usize).copied().unwrap_or(0.0)
    }

    /// The country with the most evidence, if any.
    pub fn strongest(&self) -> Option<u16> {
        self.weights
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0.0)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| i as u16)
    }
}

const LOCATIVES: &[&str] = &[
    "in",
    "near",
    "outside",
    "at",
    "of",
    "around",
    "inside",
    "across",
    "into",
    "within",
    "throughout",
    "on",
    "between",
    "nearby",
];
const ELSEWHERE: &[&str] = &[
    "from", "to", "visiting", "visited", "toward", "towards", "fled", "back",
];
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "ambassador",
    "minister",
    "gen",
    "general",
    "colonel",
    "col",
    "captain",
    "capt",
    "sgt",
    "lt",
    "governor",
    "mayor",
    "senator",
    "judge",
    "sheikh",
    "imam",
    "pastor",
    "father",
    "king",
    "queen",
    "prince",
    "saint",
    "st",
    "lord",
    "sir",
    "major",
    "chief",
    "commander",
    "spokesman",
    "spokeswoman",
];
const DIRECTIONS: &[(&str, f64)] = &[
    ("north", 0.0),
    ("northeast", 45.0),
    ("north-east", 45.0),
    ("east", 90.0),
    ("southeast", 135.0),
    ("south-east", 135.0),
    ("south", 180.0),
    ("southwest", 225.0),
    ("south-west", 225.0),
    ("west", 270.0),
    ("northwest", 315.0),
    ("north-west", 315.0),
];
const DIVISION_WORDS: &[&str] = &[
    "province",
    "state",
    "region",
    "governorate",
    "department",
    "county",
    "oblast",
    "prefecture",
    "district",
    "division",
    "territory",
];

/// Resolves every place name of the article.
pub fn resolve_toponyms(a: &Analysis<'_>, r: &Resources) -> (Vec<Toponym>, CountryEvidence) {
    let g = &r.gazetteer;
    let mut evidence = CountryEvidence::default();
    for n in &a.names {
        match &n.value.kind {
            NameMatchKind::Demonym(c) => evidence.add(*c, 1.0),
            NameMatchKind::Place(places) => {
                let countries: Vec<u16> = places.iter().map(|p| g.country_of(*p)).collect();
                if let Some(Place::Country(c)) =
                    places.iter().find(|p| matches!(p, Place::Country(_)))
                {
                    evidence.add(*c, 3.0);
                } else if countries.windows(2).all(|w| w[0] == w[1]) && !countries.is_empty() {
                    let weight = if places.iter().any(|p| matches!(p, Place::Admin1(_))) {
                        2.0
                    } else {
                        1.0
                    };
                    evidence.add(countries[0], weight);
                } else {
                    // Ambiguous: a little evidence for the most populous reading.
                    if let Some(best) = places.iter().max_by_key(|p| g.population(**p)) {
                        evidence.add(g.country_of(*best), 0.25);
                    }
                }
            }
        }
    }

    let mut out = Vec::new();
    let date_spans: Vec<ByteSpan> = a.dates.iter().map(|d| d.span).collect();
    for (k, n) in a.names.iter().enumerate() {
        let NameMatchKind::Place(places) = &n.value.kind else {
            continue;
        };
        if date_spans.iter().any(|d| d.overlaps(&n.span)) {
            continue;
        }
        let first = n.value.tokens.start;
        let end = n.value.tokens.end;
        let before = first
            .checked_sub(1)
            .map(|i| a.word(i).trim_end_matches('.').to_ascii_lowercase())
            .unwrap_or_default();
        if TITLES.contains(&before.as_str()) || is_calendar_word(&a.text[n.span.range()]) {
            continue;
        }
        let sentence_start = a.sentence_tokens[n.sentence].start;
        let at_sentence_start = first == sentence_start;
        let dateline = a.in_dateline(n.span) || is_dateline(a, n.sentence, first);
        let locative = LOCATIVES.contains(&before.as_str())
            || dateline
            || DIVISION_WORDS.iter().any(|w| a.is(end, w))
            || a.word(end) == ","
            || (first >= 2
                && a.word(first - 1) == ","
                && matches!(a.tokens[first - 2].kind, TokenKind::Word));
        let elsewhere = ELSEWHERE.contains(&before.as_str());

        // Followed by ", <division or country>": that decides.
        let container = a
            .names
            .get(k + 1)
            .filter(|next| next.value.tokens.start == end + 1 && a.word(end) == ",");
        let mut chosen = None;
        if let Some(next) = container
            && let NameMatchKind::Place(outer) = &next.value.kind
        {
            chosen = places
                .iter()
                .copied()
                .filter(|p| outer.iter().any(|o| *o != *p && g.contains(*o, *p)))
                .max_by_key(|p| g.population(*p));
        }
        let max_population = places.iter().map(|p| g.population(*p)).max().unwrap_or(0);
        let folded = sitrep_geo::name_key(&a.text[n.span.range()]);
        let common_word = r.common_words.contains(folded.as_str());
        // Part of a longer proper noun: "Lee Jong-kook", "Christopher Stevens".
        let next_capitalized = a.tokens.get(end).is_some_and(|t| t.is_capitalized(a.text))
            && a.names
                .get(k + 1)
                .is_none_or(|m| m.value.tokens.start != end);
        if chosen.is_none() {
            if (common_word || at_sentence_start && max_population < 100_000) && !locative {
                continue;
            }
            if next_capitalized && max_population < 1_000_000 {
                continue;
            }
            let supported = places.iter().any(|p| {
                evidence.weight(g.country_of(*p)) >= 1.0
                    && !matches!(p, Place::Country(_))
                    && evidence_beyond_self(&evidence, g, *p, places)
            });
            if max_population < 20_000 && !locative && !supported {
                continue;
            }
            chosen = best_place(g, places, &evidence, a, end);
        }
        let Some(place) = chosen else { continue };
        let offset = offset_before(a, first).map(|(bearing, km)| {
            let (lat, lon) = g.coordinates(place);
            offset_point(lat, lon, bearing, km)
        });
        let unlisted = unlisted_before(a, first, place);
        out.push(Toponym {
            sentence: n.sentence,
            span: n.span,
            place,
            locative: locative || offset.is_some(),
            elsewhere,
            dateline,
            offset,
            unlisted,
        });
    }
    (out, evidence)
}

/// Whether the country of `p` has evidence from something other than this very name.
fn evidence_beyond_self(
    evidence: &CountryEvidence,
    g: &Gazetteer,
    p: Place,
    places: &[Place],
) -> bool {
    let own = if places.len() == 1 { 1.0 } else { 0.25 };
    evidence.weight(g.country_of(p)) > own
}

fn best_place(
    g: &Gazetteer,
    places: &[Place],
    evidence: &CountryEvidence,
    a: &Analysis<'_>,
    end: usize,
) -> Option<Place> {
    let wants_division = DIVISION_WORDS.iter().any(|w| a.is(end, w)) && !a.is(end, "district");
    let wants_city = a.is_any(end, &["city", "town", "village"]);
    places.iter().copied().max_by(|x, y| {
        let score = |p: Place| {
            let kind = match p {
                Place::Country(_) => 3.0,
                Place::Admin1(_) if wants_division => 4.0,
                Place::Admin1(_) => 0.5,
                Place::City(_) if wants_city => 4.0,
                Place::City(_) if wants_division => -1.0,
                Place::City(_) => 1.0,
            };
            let context = evidence.weight(g.country_of(p)).min(10.0);
            let population = (g.population(p) as f64 + 10.0).log10() as f32;
            context * 2.0 + kind + population * 0.6
        };
        score(*x).total_cmp(&score(*y))
    })
}

/// Month and weekday names are dates, never places ("in May", "on Sunday").
fn is_calendar_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    WORDS.contains(&word.to_ascii_lowercase().as_str())
}

/// A dateline: the place opens the article's first paragraph and is followed by a comma or dash
/// ("KABUL, March 3 (Wire) -").
fn is_dateline(a: &Analysis<'_>, sentence: usize, first: usize) -> bool {
    let range = &a.sentence_tokens[sentence];
    first == range.start && a.sentences[sentence].paragraph <= 2 && {
        let w = a.word(first);
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && w.chars().count() > 2
    }
}

/// "30 km south of X": the bearing and distance before the name at `first`.
fn offset_before(a: &Analysis<'_>, first: usize) -> Option<(f64, f64)> {
    if first < 4 || !a.is(first - 1, "of") {
        return None;
    }
    let direction = a.word(first - 2).to_ascii_lowercase();
    let &(_, bearing) = DIRECTIONS.iter().find(|(d, _)| *d == direction)?;
    let unit = a.word(first - 3).to_ascii_lowercase();
    let factor = match unit.as_str() {
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => 1.0,
        "miles" | "mile" => 1.609,
        _ => return None,
    };
    let raw = a.word(first - 4).replace(',', "");
    let km: f64 = raw
        .parse()
        .ok()
        .or_else(|| sitrep_text::number_word_value(&raw).map(f64::from))?;
    (km > 0.0 && km < 1000.0).then_some((bearing, km * factor))
}

/// "in Maywand, Kandahar": a capitalised name before ", <division>" that the gazetteer lacks.
fn unlisted_before(a: &Analysis<'_>, first: usize, place: Place) -> Option<ByteSpan> {
    if !matches!(place, Place::Admin1(_)) || first < 3 || a.word(first - 1) != "," {
        return None;
    }
    let mut start = first - 1;
    let end = first - 2;
    while start > 0 && a.tokens[start - 1].is_capitalized(a.text) && start + 3 > first - 1 {
        start -= 1;
    }
    if start > end || !a.tokens[end].is_capitalized(a.text) {
        // "Qarabagh district, Kabul"
        if a.is_any(end, &["district", "village", "town", "area", "city"])
            && end > 0
            && a.tokens[end - 1].is_capitalized(a.text)
        {
            return Some(a.tokens[end - 1].span);
        }
        return None;
    }
    let before = start
        .checked_sub(1)
        .map(|i| a.word(i).to_ascii_lowercase())
        .unwrap_or_default();
    LOCATIVES
        .contains(&before.as_str())
        .then(|| a.span(start, end))
}

/// The location chosen for an incident and how it was described.
#[derive(Debug, Clone, PartialEq)]
pub struct ChosenLocation {
    /// The place (or the division an unlisted place is in).
    pub place: Place,
    /// Precision to report.
    pub precision: LocationPrecision,
    /// Name to report instead of the place's own (an unlisted place or an offset's anchor).
    pub name_override: Option<String>,
    /// Coordinates to report instead of the place's own.
    pub coordinates: Option<(f64, f64)>,
    /// The words.
    pub span: ByteSpan,
}

/// Picks the most specific well-supported location among the toponyms of an incident's
/// sentences. `article_country` breaks ties toward the article's main country.
pub fn choose_location(
    a: &Analysis<'_>,
    g: &Gazetteer,
    toponyms: &[&Toponym],
    evidence: &CountryEvidence,
) -> Option<ChosenLocation> {
    if toponyms.is_empty() {
        return None;
    }
    // The incident's country: the one its own toponyms support most, then article evidence.
    let mut local = CountryEvidence::default();
    for t in toponyms {
        let w = if t.elsewhere {
            0.2
        } else if t.locative {
            2.0
        } else {
            1.0
        };
        local.add(g.country_of(t.place), w);
    }
    let score_country = |c: u16| local.weight(c) * 2.0 + evidence.weight(c).min(10.0) * 0.3;
    let country = toponyms
        .iter()
        .map(|t| g.country_of(t.place))
        .max_by(|x, y| score_country(*x).total_cmp(&score_country(*y)))?;

    let rank = |t: &Toponym, order: usize| {
        let specificity = match t.place {
            _ if t.offset.is_some() => 4.0,
            _ if t.unlisted.is_some() => 3.5,
            Place::City(_) => 3.0,
            Place::Admin1(_) => 2.0,
            Place::Country(_) => 1.0,
        };
        let cue = if t.dateline {
            0.0
        } else if t.locative {
            2.0
        } else if t.elsewhere {
            -3.0
        } else {
            0.0
        };
        specificity + cue - order as f32 * 0.05
    };
    let best = toponyms
        .iter()
        .enumerate()
        .filter(|(_, t)| g.country_of(t.place) == country && !t.elsewhere)
        .max_by(|(i, x), (j, y)| rank(x, *i).total_cmp(&rank(y, *j)))
        .or_else(|| {
            toponyms
                .iter()
                .enumerate()
                .filter(|(_, t)| g.country_of(t.place) == country)
                .max_by(|(i, x), (j, y)| rank(x, *i).total_cmp(&rank(y, *j)))
        })
        .map(|(_, t)| *t)?;

    let mut chosen = ChosenLocation {
        place: best.place,
        precision: match best.place {
            Place::Country(_) => LocationPrecision::Country,
            Place::Admin1(_) => LocationPrecision::Admin1,
            Place::City(_) => LocationPrecision::City,
        },
        name_override: None,
        coordinates: None,
        span: best.span,
    };
    if let Some(point) = best.offset {
        chosen.precision = LocationPrecision::Point;
        chosen.coordinates = Some(point);
        chosen.span = ByteSpan {
            start: best.span.start.saturating_sub(0),
            end: best.span.end,
        };
    } else if let Some(unlisted) = best.unlisted {
        chosen.name_override = Some(a.text[unlisted.range()].to_string());
        chosen.span = unlisted.cover(best.span);
    }
    Some(chosen)
}

/// "the capital of Libya", "the Libyan capital": the capital city named by a country or
/// demonym next to the word "capital".
pub fn capital_mentions(a: &Analysis<'_>, g: &Gazetteer) -> Vec<Toponym> {
    let mut out = Vec::new();
    for n in &a.names {
        let first = n.value.tokens.start;
        let end = n.value.tokens.end;
        let country = match &n.value.kind {
            NameMatchKind::Demonym(c) if a.is(end, "capital") => Some((*c, a.span(first, end))),
            NameMatchKind::Place(places)
                if first >= 2 && a.is(first - 1, "of") && a.is(first - 2, "capital") =>
            {
                places.iter().find_map(|p| match p {
                    Place::Country(c) => Some((*c, a.span(first - 2, end - 1))),
                    _ => None,
                })
            }
            _ => None,
        };
        let Some((c, span)) = country else { continue };
        let Some(capital) = g.country(c).capital else {
            continue;
        };
        out.push(Toponym {
            sentence: n.sentence,
            span,
            place: Place::City(capital),
            locative: true,
            elsewhere: false,
            dateline: false,
            offset: None,
            unlisted: None,
        });
    }
    out
}
