//! Fitting sitrep's learned choices on labelled data.
//!
//! Extraction proposes candidates with the rules and lets small linear models choose where
//! the text leaves a judgement ([`sitrep_extract::choose`]). This crate fits those models:
//! it runs extraction on labelled records ([`sitrep_eval::GoldRecord`]), takes the
//! candidates and page features extraction itself computed ([`sitrep_extract::Choices`]),
//! labels them with the gold values and fits L2-regularised logistic regressions (`linfa`'s,
//! L-BFGS, deterministic). The same data and settings always give the same weights.
//!
//! - Toll models (`toll_killed.tsv`, `toll_wounded.tsv`): one row per candidate figure of an
//!   article that gives two or more; the label says whether the figure is the gold count of
//!   victims (the gold count less the perpetrators among it).
//! - Relevance (`relevance.tsv`): one row per page; the label says whether it reports an
//!   incident.
//! - Place (`place.tsv`): one row per place the main incident names, where some are right
//!   and some not; right is in the gold country and, when one of the places is the gold
//!   town (by name, the article's words or a gazetteer spelling), that town.
//!
//! - Country words (`country_words.tsv`): per word, how many reports of each country contain
//!   it (a naive Bayes model, counted rather than optimised).
//!
//! Cross-validation by record (folds by position) reports how often the fitted choice is
//! right on records it was not fitted on, beside the rules' own choice.

use linfa::prelude::*;
use linfa_logistic::{LogisticRegression, MultiLogisticRegression};
use ndarray::{Array1, Array2};
use rayon::prelude::*;
use sitrep_eval::GoldRecord;
use sitrep_extract::choose::country_words::{self, CountryWordCounts, CountryWords};
use sitrep_extract::choose::event::{self, EventTypeModel};
use sitrep_extract::choose::{LinearModel, place, toll};
use sitrep_extract::{Choices, Resources, extract_with_choices};
use sitrep_geo::{Gazetteer, name_key};
use sitrep_model::{Article, ArticleId, CountryCode, EventType, parse_published};
use sitrep_text::Quantity;

/// What can go wrong fitting.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// No rows, or rows of one class only.
    #[error("{model}: {message}")]
    Data {
        /// Which model.
        model: &'static str,
        /// Why.
        message: String,
    },
    /// The optimiser failed.
    #[error("{model}: fitting failed: {message}")]
    Fit {
        /// Which model.
        model: &'static str,
        /// The optimiser's error.
        message: String,
    },
}

/// A labelled row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Feature values.
    pub features: Vec<f64>,
    /// Whether it is the right answer.
    pub label: bool,
}

/// The regularisation of every fit (linfa's `alpha`, an L2 penalty).
pub const ALPHA: f64 = 1.0;

/// Fits a logistic regression over `rows`; deterministic.
pub fn fit(model: &'static str, rows: &[Row], features: usize) -> Result<LinearModel, TrainError> {
    let data_error = |message: &str| TrainError::Data {
        model,
        message: message.to_string(),
    };
    if rows.is_empty() {
        return Err(data_error("no rows to fit on"));
    }
    let positives = rows.iter().filter(|r| r.label).count();
    if positives == 0 || positives == rows.len() {
        return Err(data_error("every row has the same label"));
    }
    if rows.iter().any(|r| r.features.len() != features) {
        return Err(data_error("a row has the wrong number of features"));
    }
    let x = Array2::from_shape_vec(
        (rows.len(), features),
        rows.iter()
            .flat_map(|r| r.features.iter().copied())
            .collect(),
    )
    .map_err(|e| data_error(&e.to_string()))?;
    let y: Array1<bool> = rows.iter().map(|r| r.label).collect();
    let dataset = Dataset::new(x, y);
    let fitted = LogisticRegression::default()
        .alpha(ALPHA)
        .max_iterations(500)
        .fit(&dataset)
        .map_err(|e| TrainError::Fit {
            model,
            message: e.to_string(),
        })?;
    // linfa's score is that of the class it calls positive, which depends on the order and
    // counts of the labels: turn it into the score of `true`.
    let sign = if fitted.labels().pos.class { 1.0 } else { -1.0 };
    Ok(LinearModel::new(
        model,
        fitted.params().iter().map(|w| sign * w).collect(),
        sign * fitted.intercept(),
    ))
}

/// The article extraction sees for a labelled record: its id, text and publication date only.
pub fn article_of(record: &GoldRecord) -> Article {
    Article {
        id: ArticleId::new(record.id.clone()),
        text: sitrep_text::clean_text(&record.text),
        published: record
            .published
            .as_deref()
            .and_then(|p| parse_published(p).ok()),
        title: None,
        url: None,
        source: None,
    }
}

/// One record as the choices saw it, with its gold values.
#[derive(Debug, Clone)]
pub struct Example {
    /// What extraction proposed.
    pub choices: Choices,
    /// Whether the rules found a main incident (before the relevance model's decision, so
    /// that the model fitted does not depend on the one embedded).
    pub has_main: bool,
    /// Gold: whether the page reports an incident (`true` for incident descriptions).
    pub is_incident: bool,
    /// Gold count of victims killed (perpetrators taken out), when known.
    pub killed_victims: Option<u32>,
    /// Gold count of wounded, when known.
    pub wounded: Option<u32>,
    /// Whether the record is a whole news page (not an incident description).
    pub whole_page: bool,
    /// Gold event type, when labelled (and not `unknown`).
    pub event_type: Option<EventType>,
    /// Gold country (ISO code), when labelled.
    pub country: Option<String>,
    /// Gold city and its other defensible names, when labelled (not `unknown`).
    pub cities: Vec<String>,
}

/// Runs extraction on each record (in parallel) and keeps what the choices saw.
pub fn examples(records: &[GoldRecord], resources: &Resources) -> Vec<Example> {
    records
        .par_iter()
        .map(|r| {
            let (_, choices) = extract_with_choices(&article_of(r), resources);
            let g = &r.gold;
            Example {
                has_main: choices.has_main,
                choices,
                is_incident: g.is_incident.unwrap_or(true),
                killed_victims: g
                    .killed
                    .map(|k| k.saturating_sub(g.perpetrators_killed.unwrap_or(0))),
                wounded: g.wounded,
                whole_page: r.source_name() == "news",
                event_type: g
                    .event_type
                    .as_deref()
                    .and_then(|t| t.parse().ok())
                    .filter(|t| *t != EventType::Unknown),
                country: g.country.clone(),
                cities: g
                    .city
                    .iter()
                    .chain(&g.city_alt)
                    .filter(|c| !c.trim().is_empty() && !c.eq_ignore_ascii_case("unknown"))
                    .cloned()
                    .collect(),
            }
        })
        .collect()
}

/// Whether a candidate figure is the gold count: exactly it, or at least it when open-ended.
pub fn matches(q: Quantity, gold: u32) -> bool {
    q.min == Some(gold) && (q.max.is_none() || q.max == Some(gold))
}

/// Which toll a model chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toll {
    /// The death toll.
    Killed,
    /// The wounded.
    Wounded,
}

impl Toll {
    /// The model's file name.
    pub fn file(self) -> &'static str {
        match self {
            Toll::Killed => "toll_killed.tsv",
            Toll::Wounded => "toll_wounded.tsv",
        }
    }

    fn of(self, e: &Example) -> (&[toll::Candidate], Option<u32>) {
        match self {
            Toll::Killed => (&e.choices.killed, e.killed_victims),
            Toll::Wounded => (&e.choices.wounded, e.wounded),
        }
    }
}

/// The rows of a toll model: the candidates of every example with two or more, one of them
/// right; figures of background incidents, which are never chosen, are left out.
pub fn toll_rows(examples: &[&Example], which: Toll) -> Vec<Row> {
    let mut rows = Vec::new();
    for e in examples {
        let (candidates, gold) = which.of(e);
        let Some(gold) = gold else { continue };
        if candidates.len() < 2 || !candidates.iter().any(|c| matches(c.quantity, gold)) {
            continue;
        }
        rows.extend(
            candidates
                .iter()
                .filter(|c| !toll::is_background_only(c))
                .map(|c| Row {
                    features: c.features.clone(),
                    label: matches(c.quantity, gold),
                }),
        );
    }
    rows
}

/// The rows of the relevance model: one per page extraction gave a main incident, and one
/// per page labelled not an incident. The classes keep their natural weights: repeating the
/// few non-incident pages until they weigh half as much as the incident pages dropped 85 % of
/// them in cross-validation but also a quarter of the whole news pages that report an
/// incident, and a lost incident costs every field of it.
pub fn relevance_rows(examples: &[&Example]) -> Vec<Row> {
    examples
        .iter()
        .filter(|e| e.has_main || !e.is_incident)
        .map(|e| Row {
            features: e.choices.page.clone(),
            label: e.is_incident,
        })
        .collect()
}

/// The rows of the event-type model: the main incident's cues and its gold type, for every
/// example with both.
pub fn event_rows(examples: &[&Example]) -> Vec<(Vec<f64>, EventType)> {
    examples
        .iter()
        .filter_map(|e| {
            let cues = e.choices.event_type.as_ref()?;
            Some((cues.features.clone(), e.event_type?))
        })
        .collect()
}

/// Fits the multinomial event-type model (every type the model knows gets a score; a type
/// no row has keeps the rules' choice through its `rule_` weight).
pub fn fit_event_type(rows: &[(Vec<f64>, EventType)]) -> Result<EventTypeModel, TrainError> {
    const MODEL: &str = "event_type.tsv";
    let names = event::feature_names();
    let data_error = |message: &str| TrainError::Data {
        model: MODEL,
        message: message.to_string(),
    };
    if rows.is_empty() {
        return Err(data_error("no rows to fit on"));
    }
    let x = Array2::from_shape_vec(
        (rows.len(), names.len()),
        rows.iter().flat_map(|r| r.0.iter().copied()).collect(),
    )
    .map_err(|e| data_error(&e.to_string()))?;
    let y: Array1<usize> = rows
        .iter()
        .map(|r| event::classes().position(|t| t == r.1).unwrap_or(0))
        .collect();
    let fitted = MultiLogisticRegression::default()
        .alpha(ALPHA)
        .max_iterations(500)
        .fit(&Dataset::new(x, y))
        .map_err(|e| TrainError::Fit {
            model: MODEL,
            message: e.to_string(),
        })?;
    let params = fitted.params();
    let intercept = fitted.intercept();
    let scores = event::classes()
        .enumerate()
        .map(|(k, t)| {
            let model = match fitted.classes().iter().position(|c| *c == k) {
                Some(col) => LinearModel::new(MODEL, params.column(col).to_vec(), intercept[col]),
                // A type no row has: follow the rules when they pick it, never otherwise.
                None => LinearModel::new(
                    MODEL,
                    names
                        .iter()
                        .map(|n| {
                            if *n == format!("rule_{}", t.as_str()) {
                                5.0
                            } else {
                                0.0
                            }
                        })
                        .collect(),
                    -5.0,
                ),
            };
            (t, model)
        })
        .collect();
    Ok(EventTypeModel::new(scores))
}

/// On examples with a gold type, how often `model` picks it, and how often the rules do.
pub fn event_accuracy(model: &EventTypeModel, examples: &[&Example]) -> (Tally, Tally) {
    let mut learned = Tally::default();
    let mut rules = Tally::default();
    for e in examples {
        let (Some(cues), Some(gold)) = (&e.choices.event_type, e.event_type) else {
            continue;
        };
        learned.n += 1;
        rules.n += 1;
        if model.choose(cues).map(|c| c.0) == Some(gold) {
            learned.right += 1;
        }
        if cues.rule() == Some(gold) {
            rules.right += 1;
        }
    }
    (learned, rules)
}

/// How often a choice is right.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    /// Decisions scored.
    pub n: usize,
    /// Right ones.
    pub right: usize,
}

impl Tally {
    /// right / n, in percent.
    pub fn percent(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            100.0 * self.right as f64 / self.n as f64
        }
    }
}

/// On examples with a choice to make, how often `model` picks the gold figure, and how
/// often the rules' combination (the candidate flagged `combined`) does.
pub fn toll_accuracy(model: &LinearModel, examples: &[&Example], which: Toll) -> (Tally, Tally) {
    let combined_at = toll::FEATURES
        .iter()
        .position(|f| *f == "combined")
        .unwrap_or(0);
    let mut learned = Tally::default();
    let mut rules = Tally::default();
    for e in examples {
        let (candidates, gold) = which.of(e);
        let Some(gold) = gold else { continue };
        if candidates.len() < 2 {
            continue;
        }
        learned.n += 1;
        rules.n += 1;
        if toll::choose(model, candidates).is_some_and(|c| matches(c.quantity, gold)) {
            learned.right += 1;
        }
        if candidates
            .iter()
            .any(|c| c.features[combined_at] > 0.5 && matches(c.quantity, gold))
        {
            rules.right += 1;
        }
    }
    (learned, rules)
}

/// Relevance decisions at `threshold`: (incident pages kept, non-incident pages dropped).
pub fn relevance_accuracy(
    model: &LinearModel,
    examples: &[&Example],
    threshold: f64,
) -> (Tally, Tally) {
    let mut kept = Tally::default();
    let mut dropped = Tally::default();
    for e in examples.iter().filter(|e| e.has_main || !e.is_incident) {
        let says_incident = model.probability(&e.choices.page) >= threshold;
        let tally = if e.is_incident {
            &mut kept
        } else {
            &mut dropped
        };
        tally.n += 1;
        if says_incident == e.is_incident {
            tally.right += 1;
        }
    }
    (kept, dropped)
}

/// Whether a place candidate names the gold town: its gazetteer name, the article's words
/// for it, or any spelling the gazetteer gives it is the gold city's.
/// Only a town or an unlisted place can be it: a province named like its capital is not
/// the town, as the scorer counts it.
fn names_gold_city(c: &place::Candidate, cities: &[String], g: &Gazetteer) -> bool {
    let (town, unlisted) = (c.place_is_town(), c.is_unlisted());
    if !town && !unlisted {
        return false;
    }
    let written = name_key(&c.written);
    let own = name_key(g.name(c.place));
    cities.iter().any(|city| {
        let key = name_key(city);
        written == key || (town && (own == key || g.lookup_key(&key).contains(&c.place)))
    })
}

/// Whether a candidate lies in the gold country.
fn in_gold_country(c: &place::Candidate, country: &str, g: &Gazetteer) -> bool {
    g.country(g.country_of(c.place)).code.to_string() == country
}

/// The labels of an example's place candidates: right when in the gold country and, where
/// the gold names a town one of them names, naming it. `None` when the example has no choice
/// to teach (under two candidates, no gold country, or every label the same).
pub fn place_labels(e: &Example, g: &Gazetteer) -> Option<Vec<bool>> {
    let country = e.country.as_deref()?;
    let candidates = &e.choices.place;
    if candidates.len() < 2 {
        return None;
    }
    let in_country: Vec<bool> = candidates
        .iter()
        .map(|c| in_gold_country(c, country, g))
        .collect();
    let town: Vec<bool> = candidates
        .iter()
        .zip(&in_country)
        .map(|(c, ok)| *ok && names_gold_city(c, &e.cities, g))
        .collect();
    let labels = if town.iter().any(|t| *t) {
        town
    } else {
        in_country
    };
    let positives = labels.iter().filter(|l| **l).count();
    (positives > 0 && positives < labels.len()).then_some(labels)
}

/// The rows of the place model: the candidates of every example with a choice to teach.
pub fn place_rows(examples: &[&Example], g: &Gazetteer) -> Vec<Row> {
    let mut rows = Vec::new();
    for e in examples {
        let Some(labels) = place_labels(e, g) else {
            continue;
        };
        rows.extend(e.choices.place.iter().zip(labels).map(|(c, label)| Row {
            features: c.features.clone(),
            label,
        }));
    }
    rows
}

/// On examples with a choice to teach, how often `model` picks a right place, and how often
/// the rules do.
pub fn place_accuracy(model: &LinearModel, examples: &[&Example], g: &Gazetteer) -> (Tally, Tally) {
    let rules_at = place::FEATURES
        .iter()
        .position(|f| *f == "rules_choice")
        .unwrap_or(0);
    let mut learned = Tally::default();
    let mut rules = Tally::default();
    for e in examples {
        let Some(labels) = place_labels(e, g) else {
            continue;
        };
        let candidates = &e.choices.place;
        learned.n += 1;
        rules.n += 1;
        if place::choose(model, candidates).is_some_and(|k| labels[k]) {
            learned.right += 1;
        }
        if candidates
            .iter()
            .position(|c| c.features[rules_at] > 0.5)
            .is_some_and(|k| labels[k])
        {
            rules.right += 1;
        }
    }
    (learned, rules)
}

/// Smoothing of the country-words model: a word's frequency in a country's reports counts
/// as much as its frequency overall seen in this many reports.
pub const COUNTRY_WORDS_SMOOTHING: f64 = 30.0;
/// Words in fewer reports than this are left out of the country-words model.
pub const COUNTRY_WORDS_MIN_REPORTS: u32 = 3;
/// Words in more than one report in this many are left out of it (they tell no country
/// apart).
pub const COUNTRY_WORDS_MAX_SHARE: u32 = 10;

/// The gold country of a record, when it gives one as a code.
fn gold_country(record: &GoldRecord) -> Option<CountryCode> {
    CountryCode::new(record.gold.country.as_deref()?).ok()
}

/// The country-words counts of `records` (those whose gold gives a country), over the
/// words extraction reads (the record's text, cleaned as extraction cleans it).
pub fn country_word_counts(records: &[&GoldRecord]) -> CountryWordCounts {
    let mut counts = CountryWordCounts::default();
    for r in records {
        if let Some(country) = gold_country(r) {
            counts.add(&sitrep_text::clean_text(&r.text), country);
        }
    }
    counts
}

/// The country-words model file of `counts`, with the shipped settings and `header` lines.
pub fn country_words_tsv(counts: &CountryWordCounts, header: &[String]) -> String {
    counts.to_tsv(
        COUNTRY_WORDS_SMOOTHING,
        COUNTRY_WORDS_MIN_REPORTS,
        COUNTRY_WORDS_MAX_SHARE,
        header,
    )
}

/// The country-words model of `counts`, with the shipped settings.
pub fn country_words_model(counts: &CountryWordCounts) -> CountryWords {
    CountryWords::parse(&country_words_tsv(counts, &[]))
        .expect("the trainer writes a well-formed model")
}

/// On `records` with a gold country: how often the model's likeliest country is right, and
/// how often its confident guesses are (`n` guesses made, `right` of them right).
pub fn country_words_accuracy(model: &CountryWords, records: &[&GoldRecord]) -> (Tally, Tally) {
    let (mut best, mut confident) = (Tally::default(), Tally::default());
    for r in records {
        let Some(country) = gold_country(r) else {
            continue;
        };
        best.n += 1;
        let Some(guess) = model.best(&sitrep_text::clean_text(&r.text)) else {
            continue;
        };
        let right = usize::from(guess.country == country);
        best.right += right;
        if guess.probability >= country_words::GUESS_THRESHOLD {
            confident.n += 1;
            confident.right += right;
        }
    }
    (best, confident)
}

/// Splits examples into `k` folds by position (example `i` is in fold `i % k`) and returns,
/// for each fold, (training examples, held-out examples).
pub fn folds<T>(items: &[T], k: usize) -> Vec<(Vec<&T>, Vec<&T>)> {
    let k = k.max(2);
    (0..k)
        .map(|f| {
            let train = items
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != f)
                .map(|(_, t)| t)
                .collect();
            let held = items.iter().skip(f).step_by(k).collect();
            (train, held)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_geo::Place;

    /// A synthetic set: the label is true when the first feature beats the second.
    fn synthetic(n: usize) -> Vec<Row> {
        (0..n)
            .map(|i| {
                let a = ((i * 37) % 101) as f64 / 100.0;
                let b = ((i * 61) % 97) as f64 / 96.0;
                Row {
                    features: vec![a, b, 1.0],
                    label: a > b,
                }
            })
            .collect()
    }

    #[test]
    fn fitting_is_deterministic_and_learns_the_rule() {
        let rows = synthetic(400);
        let one = fit("m.tsv", &rows, 3).expect("fits");
        let two = fit("m.tsv", &rows, 3).expect("fits");
        let names = ["a", "b", "c"];
        assert_eq!(one.to_tsv(&names, &[]), two.to_tsv(&names, &[]));
        let right = rows
            .iter()
            .filter(|r| (one.probability(&r.features) >= 0.5) == r.label)
            .count();
        assert!(right * 10 >= rows.len() * 9, "{right} of {}", rows.len());
        assert!(one.score(&[1.0, 0.0, 1.0]) > 0.0 && one.score(&[0.0, 1.0, 1.0]) < 0.0);
    }

    #[test]
    fn the_event_type_fit_is_deterministic_and_learns_which_trigger_decides() {
        let names = event::feature_names();
        let at = |name: &str| names.iter().position(|n| *n == name).expect("a feature");
        let rows: Vec<(Vec<f64>, EventType)> = (0..300)
            .map(|i| {
                let mut x = vec![0.0; names.len()];
                // Both triggers often appear; the weak one decides only when alone.
                let (label, cue) = match i % 3 {
                    0 => (EventType::Bombing, "strong_bombing"),
                    1 => (EventType::ArmedAssault, "weak_armed_assault"),
                    _ => (EventType::Bombing, "weak_armed_assault"),
                };
                x[at(cue)] = 1.0;
                if i % 3 == 2 {
                    x[at("strong_bombing")] = 1.0;
                }
                (x, label)
            })
            .collect();
        let one = fit_event_type(&rows).expect("fits");
        let two = fit_event_type(&rows).expect("fits");
        assert_eq!(one.to_tsv(&[]), two.to_tsv(&[]));
        let right = rows
            .iter()
            .filter(|(x, label)| {
                let cues = event::Cues {
                    features: x.clone(),
                    candidates: vec![EventType::Bombing, EventType::ArmedAssault],
                    assassination_named: false,
                };
                one.choose(&cues).map(|c| c.0) == Some(*label)
            })
            .count();
        assert_eq!(right, rows.len());
    }

    #[test]
    fn one_class_or_no_rows_is_an_error() {
        let rows: Vec<Row> = synthetic(10)
            .into_iter()
            .map(|r| Row { label: true, ..r })
            .collect();
        assert!(fit("m.tsv", &rows, 3).is_err());
        assert!(fit("m.tsv", &[], 3).is_err());
    }

    /// An example whose main incident names `places` (written as the gazetteer names them),
    /// with gold country and city.
    fn place_example(g: &Gazetteer, places: &[Place], country: &str, city: &str) -> Example {
        let place = places
            .iter()
            .enumerate()
            .map(|(k, p)| place::Candidate {
                toponym: k,
                place: *p,
                written: g.info(*p).name,
                features: vec![0.0; place::FEATURES.len()],
            })
            .collect();
        Example {
            choices: Choices {
                place,
                ..Choices::default()
            },
            has_main: true,
            is_incident: true,
            killed_victims: None,
            wounded: None,
            whole_page: false,
            event_type: None,
            country: Some(country.into()),
            cities: vec![city.into()],
        }
    }

    #[test]
    fn a_place_is_right_in_the_gold_country_and_a_division_is_never_the_gold_town() {
        let resources = Resources::embedded().expect("embedded data");
        let g = &resources.gazetteer;
        let readings = g.lookup("Kandahar");
        let town = *readings
            .iter()
            .find(|p| matches!(p, Place::City(_)) && g.info(**p).country.as_str() == "AF")
            .expect("the town");
        let province = *readings
            .iter()
            .find(|p| matches!(p, Place::Admin1(_)))
            .expect("the province");
        let country = Place::Country(g.country_of(town));
        // The town is the gold city: only it is right, not its namesake province.
        let e = place_example(g, &[province, town, country], "AF", "Kandahar");
        assert_eq!(place_labels(&e, g), Some(vec![false, true, false]));
        // No candidate is the gold town: every place in the gold country is right, and a
        // choice where all are right teaches nothing.
        let e = place_example(g, &[province, country], "AF", "Spin Boldak");
        assert_eq!(place_labels(&e, g), None);
        let iran = Place::Country(
            g.country_by_code("IR".parse().expect("a code"))
                .expect("Iran"),
        );
        let e = place_example(g, &[province, iran], "AF", "Spin Boldak");
        assert_eq!(place_labels(&e, g), Some(vec![true, false]));
    }

    /// Invented reports: a word that only one country's reports use, and words all share.
    fn report(id: usize, text: &str, country: Option<&str>) -> GoldRecord {
        GoldRecord {
            id: format!("r{id}"),
            source: Some("test".into()),
            text: text.into(),
            published: None,
            gold: sitrep_eval::GoldFields {
                country: country.map(String::from),
                ..Default::default()
            },
        }
    }

    #[test]
    fn country_words_are_counted_per_country_and_judged_on_held_out_reports() {
        let mut records = Vec::new();
        for k in 0..40 {
            let (text, country) = if k % 2 == 0 {
                ("Garda officers found a device in Dundalk.", "IE")
            } else {
                ("Ertzaintza officers found a device in Bilbao.", "ES")
            };
            records.push(report(k, text, Some(country)));
        }
        for k in 40..200 {
            records.push(report(
                k,
                "Soldiers patrolled a road near a village.",
                Some("FR"),
            ));
        }
        // A record without a country is not counted.
        records.push(report(99, "Carabinieri officers found a device.", None));
        let refs: Vec<&GoldRecord> = records.iter().collect();
        let counts = country_word_counts(&refs);
        assert_eq!(counts.reports.values().sum::<u32>(), 200);
        assert!(!counts.words.contains_key("carabinieri"));
        // Held out: one Garda or Ertzaintza report in five.
        let held_out = |k: usize| k < 40 && k.is_multiple_of(5);
        let test: Vec<&GoldRecord> = (0..refs.len())
            .filter(|k| held_out(*k))
            .map(|k| refs[k])
            .collect();
        let train: Vec<&GoldRecord> = (0..refs.len())
            .filter(|k| !held_out(*k))
            .map(|k| refs[k])
            .collect();
        let model = country_words_model(&country_word_counts(&train));
        let (best, confident) = country_words_accuracy(&model, &test);
        assert_eq!((best.n, best.right), (test.len(), test.len()));
        assert_eq!(confident.right, confident.n);
        assert!(confident.n > 0);
        // Counting twice gives the same file.
        assert_eq!(
            counts.to_tsv(30.0, 3, 10, &[]),
            country_word_counts(&refs).to_tsv(30.0, 3, 10, &[])
        );
    }

    #[test]
    fn folds_hold_out_every_item_once() {
        let items: Vec<usize> = (0..10).collect();
        let f = folds(&items, 3);
        assert_eq!(f.len(), 3);
        let mut held: Vec<usize> = f.iter().flat_map(|(_, h)| h.iter().map(|x| **x)).collect();
        held.sort();
        assert_eq!(held, items);
        for (train, held) in &f {
            assert_eq!(train.len() + held.len(), 10);
        }
    }
}
