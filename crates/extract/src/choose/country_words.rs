//! The country a report is about, read from its words when it names no place the gazetteer
//! knows.
//!
//! Field reports often name only a village the gazetteer lacks, a police force ("Ertzaintza"),
//! a news agency, an armed group the lexicon does not list or people whose names are common in
//! one country. Each such word is weak evidence; together they often point to one country.
//! This is a naive Bayes model over the words of `shared/train`'s labelled reports: for each
//! word, the number of reports of each country that contain it. Extraction consults it only
//! when the names give no country with confidence, and keeps the guess only when the model
//! is confident (`GUESS_THRESHOLD`). In a short report the guess then counts as evidence of
//! the country, where it agrees with what little the names say; where nothing else locates
//! the incident, the location is the country, with the word that told it most clearly from
//! the runner-up as its evidence.
//!
//! The file (`data/models/country_words.tsv`, written by `sitrep train`) holds `#` comment
//! lines, `smoothing<TAB>M`, one `class<TAB>CC<TAB>reports` line per country, then one
//! `word<TAB>reports<TAB>CC CC:n …` line per word: the reports containing it, and the
//! countries of those reports (`CC` once, `CC:n` for n of them). A word's probability in a
//! country is smoothed towards its probability overall with the weight of M reports.

use std::sync::LazyLock;

use regex::Regex;
use sitrep_model::CountryCode;

use crate::error::{ResourceError, Result};

/// The posterior a guess needs to be kept. On the development set's descriptions with no
/// country from the rules, about seven guesses in ten are right at this level.
pub const GUESS_THRESHOLD: f64 = 0.9;

/// Reports up to this many bytes (incident descriptions, field reports) are read whole;
/// over a whole news page the model's posteriors are overconfident, so there only the
/// incident's sentences are read.
pub const SHORT_REPORT: usize = 2000;

/// Words: runs of letters, with inner apostrophes and hyphens ("al-Qaeda", "O'Neill").
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{L}(?:[\p{L}'’\-]*\p{L})?").expect("valid word pattern"));

/// The distinct lowercased words of `text` (of two letters or more), each with the byte
/// range of its first occurrence, in order of first occurrence. Training and extraction both
/// read words through this function.
pub fn words(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for m in WORD.find_iter(text) {
        if m.as_str().chars().count() < 2 {
            continue;
        }
        let word = m.as_str().to_lowercase();
        if seen.insert(word.clone()) {
            out.push((word, m.range()));
        }
    }
    out
}

/// A class's index and how much a word counts for it.
type Weight = (u16, f64);

/// A confident guess of the country.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryGuess {
    /// The country.
    pub country: CountryCode,
    /// The model's posterior probability of it.
    pub probability: f64,
    /// Byte range of the word that set it furthest apart from the runner-up.
    pub cue: std::ops::Range<usize>,
}

/// How often words occur in the reports of each country (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct CountryWords {
    classes: Vec<CountryCode>,
    /// Per class, the log prior `ln(reports_c / N)`.
    log_prior: Vec<f64>,
    /// Per class, the log probability of a word absent from its reports,
    /// `ln(M / (reports_c + M))`.
    log_unseen: Vec<f64>,
    /// The words, concatenated in sorted order (a flat, sorted vocabulary: start-up builds
    /// no map).
    vocabulary: String,
    /// Per word in order, its range in `vocabulary` and its range in `weights`.
    entries: Vec<(std::ops::Range<u32>, std::ops::Range<u32>)>,
    /// Per word, the classes whose reports contain it and how much more likely the word
    /// makes each than an unseen word would.
    weights: Vec<Weight>,
}

fn model_error(line: usize, message: impl Into<String>) -> ResourceError {
    ResourceError::Model {
        file: "country_words.tsv",
        line,
        message: message.into(),
    }
}

/// Counts of words per country, which `sitrep train` gathers and writes.
#[derive(Debug, Clone, Default)]
pub struct CountryWordCounts {
    /// Reports per country.
    pub reports: std::collections::BTreeMap<CountryCode, u32>,
    /// Per word, reports per country that contain it.
    pub words: std::collections::BTreeMap<String, std::collections::BTreeMap<CountryCode, u32>>,
}

impl CountryWordCounts {
    /// Counts one report of `country`.
    pub fn add(&mut self, text: &str, country: CountryCode) {
        *self.reports.entry(country).or_default() += 1;
        for (word, _) in words(text) {
            *self
                .words
                .entry(word)
                .or_default()
                .entry(country)
                .or_default() += 1;
        }
    }

    /// The model file: words found in at least `min_reports` reports and in at most one in
    /// `max_share` of them (the commonest words tell no country apart), smoothing `m`.
    pub fn to_tsv(&self, m: f64, min_reports: u32, max_share: u32, header: &[String]) -> String {
        use std::fmt::Write;
        let total: u32 = self.reports.values().sum();
        let mut out = String::new();
        for line in header {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(out, "smoothing\t{m}");
        for (code, n) in &self.reports {
            let _ = writeln!(out, "class\t{code}\t{n}");
        }
        for (word, per) in &self.words {
            let reports: u32 = per.values().sum();
            if reports < min_reports || reports.saturating_mul(max_share.max(1)) > total {
                continue;
            }
            let _ = write!(out, "word\t{word}\t{reports}\t");
            for (k, (code, n)) in per.iter().enumerate() {
                let sep = if k == 0 { "" } else { " " };
                if *n == 1 {
                    let _ = write!(out, "{sep}{code}");
                } else {
                    let _ = write!(out, "{sep}{code}:{n}");
                }
            }
            out.push('\n');
        }
        out
    }
}

impl CountryWords {
    /// Reads the model file; an error names the line at fault. A file of comments only is an
    /// unfitted model that guesses nothing.
    pub fn parse(text: &str) -> Result<Self> {
        let mut m = None;
        let mut classes = Vec::new();
        let mut reports = Vec::new();
        let mut rows = Vec::new();
        // Class index by the code's two letters (a table, not a map: it is consulted once
        // per count of the file).
        let mut index = [u16::MAX; 26 * 26];
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.splitn(4, '\t');
            match (cols.next(), cols.next(), cols.next(), cols.next()) {
                (Some("smoothing"), Some(value), None, None) => {
                    let value: f64 = value
                        .parse()
                        .map_err(|e| model_error(line_no, format!("smoothing {value:?}: {e}")))?;
                    if !(value.is_finite() && value > 0.0) {
                        return Err(model_error(line_no, "smoothing must be positive"));
                    }
                    m = Some(value);
                }
                (Some("class"), Some(code), Some(count), None) => {
                    let code =
                        CountryCode::new(code).map_err(|e| model_error(line_no, e.to_string()))?;
                    let count: u32 = count
                        .parse()
                        .map_err(|e| model_error(line_no, format!("reports {count:?}: {e}")))?;
                    let slot = &mut index[letters_index(code)];
                    if count == 0 || *slot != u16::MAX {
                        return Err(model_error(
                            line_no,
                            format!("class {code} empty or repeated"),
                        ));
                    }
                    *slot = classes.len() as u16;
                    classes.push(code);
                    reports.push(f64::from(count));
                }
                (Some("word"), Some(word), Some(total), Some(per)) => {
                    let total: u32 = total
                        .parse()
                        .map_err(|e| model_error(line_no, format!("reports {total:?}: {e}")))?;
                    rows.push((line_no, word, total, per));
                }
                _ => {
                    return Err(model_error(
                        line_no,
                        "expected smoothing<TAB>M, class<TAB>CC<TAB>n or word<TAB>w<TAB>n<TAB>counts",
                    ));
                }
            }
        }
        // A file of comments only is a model not yet fitted: it guesses nothing (the
        // trainer starts from one).
        if m.is_none() && classes.is_empty() && rows.is_empty() {
            return Ok(CountryWords::default());
        }
        let m = m.ok_or_else(|| model_error(0, "no smoothing line"))?;
        if classes.is_empty() {
            return Err(model_error(0, "no class lines"));
        }
        let total: f64 = reports.iter().sum();
        let log_prior: Vec<f64> = reports.iter().map(|n| (n / total).ln()).collect();
        let log_unseen: Vec<f64> = reports.iter().map(|n| (m / (n + m)).ln()).collect();
        let mut model = CountryWords {
            classes,
            log_prior,
            log_unseen,
            ..CountryWords::default()
        };
        for (line_no, word, word_total, per) in rows {
            let first_weight = model.weights.len() as u32;
            if model
                .entries
                .last()
                .is_some_and(|(last, _)| model.word(last) >= word)
            {
                return Err(model_error(
                    line_no,
                    format!("{word:?} out of order or repeated"),
                ));
            }
            if word_total == 0 {
                return Err(model_error(line_no, "a word in no report"));
            }
            let share = f64::from(word_total) / total;
            let log_share = share.ln();
            let mut counted = 0;
            for item in per.split(' ') {
                let (code, count) = match item.split_once(':') {
                    Some((code, count)) => (
                        code,
                        count
                            .parse::<u32>()
                            .map_err(|e| model_error(line_no, format!("count {count:?}: {e}")))?,
                    ),
                    None => (item, 1),
                };
                let code =
                    CountryCode::new(code).map_err(|e| model_error(line_no, e.to_string()))?;
                let k = index[letters_index(code)];
                if k == u16::MAX {
                    return Err(model_error(line_no, format!("no class line for {code}")));
                }
                let k = usize::from(k);
                counted += count;
                // ln P(word | c) − ln P(word), less what an unseen word gives the class.
                let seen = ((f64::from(count) + m * share) / (reports[k] + m)).ln() - log_share;
                model.weights.push((k as u16, seen - model.log_unseen[k]));
            }
            if counted != word_total {
                return Err(model_error(
                    line_no,
                    format!("counts sum to {counted}, not {word_total}"),
                ));
            }
            let first_letter = model.vocabulary.len() as u32;
            model.vocabulary.push_str(word);
            model.entries.push((
                first_letter..model.vocabulary.len() as u32,
                first_weight..model.weights.len() as u32,
            ));
        }
        Ok(model)
    }

    /// The word of the vocabulary at `range`.
    fn word(&self, range: &std::ops::Range<u32>) -> &str {
        &self.vocabulary[range.start as usize..range.end as usize]
    }

    /// The weights of `word`, when the vocabulary holds it.
    fn weights_of(&self, word: &str) -> Option<&[Weight]> {
        let k = self
            .entries
            .binary_search_by(|(letters, _)| self.word(letters).cmp(word))
            .ok()?;
        let weights = &self.entries[k].1;
        Some(&self.weights[weights.start as usize..weights.end as usize])
    }

    /// Whether the model holds no classes (a default, unfitted model).
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// The most likely country of `text` and its posterior, with its cue; `None` for a text
    /// of no known word.
    pub fn best(&self, text: &str) -> Option<CountryGuess> {
        if self.classes.is_empty() {
            return None;
        }
        let known: Vec<(&[Weight], std::ops::Range<usize>)> = words(text)
            .into_iter()
            .filter_map(|(w, span)| self.weights_of(&w).map(|weights| (weights, span)))
            .collect();
        if known.is_empty() {
            return None;
        }
        let n = known.len() as f64;
        let mut scores: Vec<f64> = self
            .log_prior
            .iter()
            .zip(&self.log_unseen)
            .map(|(prior, unseen)| prior + n * unseen)
            .collect();
        for (weights, _) in &known {
            for (k, w) in *weights {
                scores[usize::from(*k)] += w;
            }
        }
        let (best, runner_up) = top_two(&scores)?;
        let top = scores[best];
        let sum: f64 = scores.iter().map(|s| (s - top).exp()).sum();
        let weight_of = |weights: &[Weight], k: usize| {
            weights
                .iter()
                .find(|(c, _)| usize::from(*c) == k)
                .map_or(0.0, |(_, w)| *w)
        };
        let cue = known
            .iter()
            .max_by(|a, b| {
                let margin = |ws: &[Weight]| weight_of(ws, best) - weight_of(ws, runner_up);
                margin(a.0).total_cmp(&margin(b.0))
            })
            .map(|(_, span)| span.clone())?;
        Some(CountryGuess {
            country: self.classes[best],
            probability: 1.0 / sum,
            cue,
        })
    }

    /// [`CountryWords::best`], kept only when its posterior reaches [`GUESS_THRESHOLD`].
    pub fn guess(&self, text: &str) -> Option<CountryGuess> {
        self.best(text).filter(|g| g.probability >= GUESS_THRESHOLD)
    }
}

/// A country code's place in a table of all two-letter codes.
fn letters_index(code: CountryCode) -> usize {
    let b = code.as_str().as_bytes();
    usize::from(b[0] - b'A') * 26 + usize::from(b[1] - b'A')
}

/// The indices of the highest and second-highest scores (the same index for one class).
fn top_two(scores: &[f64]) -> Option<(usize, usize)> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]));
    let best = *order.first()?;
    Some((best, order.get(1).copied().unwrap_or(best)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> CountryCode {
        CountryCode::new(s).unwrap()
    }

    /// A model fitted on a few invented reports.
    fn model() -> CountryWords {
        let mut counts = CountryWordCounts::default();
        for _ in 0..5 {
            counts.add("Ertzaintza officers examined the device", code("ES"));
            counts.add("Garda officers examined the device", code("IE"));
            counts.add("Carabinieri officers examined the device", code("IT"));
        }
        CountryWords::parse(&counts.to_tsv(0.1, 3, 1, &[])).unwrap()
    }

    #[test]
    fn words_are_lowercased_once_each_with_their_first_place() {
        let w = words("Al-Shabaab fighters; al-shabaab again, O'Neill a");
        let names: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names, ["al-shabaab", "fighters", "again", "o'neill"]);
        assert_eq!(w[0].1, 0..10);
    }

    #[test]
    fn a_telling_word_decides_and_is_the_cue() {
        let m = model();
        let text = "Two Garda officers examined a device near a farm.";
        let g = m.guess(text).expect("a confident guess");
        assert_eq!(g.country, code("IE"));
        assert_eq!(&text[g.cue.clone()], "Garda");
        assert!(g.probability > 0.9 && g.probability <= 1.0);
    }

    #[test]
    fn shared_words_alone_give_no_confident_guess() {
        let m = model();
        let best = m.best("officers examined the device").expect("known words");
        assert!(best.probability < 0.5, "{best:?}");
        assert_eq!(m.guess("officers examined the device"), None);
        assert_eq!(m.best("nothing here is known"), None);
    }

    #[test]
    fn the_file_round_trips_and_bad_lines_are_named() {
        let mut counts = CountryWordCounts::default();
        counts.add("Garda Garda examined", code("IE"));
        counts.add("Garda examined", code("IE"));
        counts.add("Ertzaintza examined", code("ES"));
        let tsv = counts.to_tsv(10.0, 1, 1, &["a header".into()]);
        assert!(tsv.contains("word\tgarda\t2\tIE:2\n"), "{tsv}");
        assert!(tsv.contains("word\texamined\t3\tES IE:2\n"), "{tsv}");
        assert!(CountryWords::parse(&tsv).is_ok());
        let bad = tsv.replace("IE:2\n", "IE:3\n");
        let err = CountryWords::parse(&bad).unwrap_err().to_string();
        assert!(
            err.contains("country_words.tsv:") && err.contains("sum to"),
            "{err}"
        );
        let err = CountryWords::parse("class\tIE\t1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("no smoothing line"), "{err}");
        let unfitted = CountryWords::parse("# not fitted yet\n").unwrap();
        assert!(unfitted.is_empty());
        assert_eq!(unfitted.best("Garda examined"), None);
    }

    #[test]
    fn the_commonest_and_rarest_words_are_left_out() {
        let mut counts = CountryWordCounts::default();
        counts.add("the Garda", code("IE"));
        counts.add("the Garda", code("IE"));
        counts.add("the Ertzaintza", code("ES"));
        counts.add("the Ertzaintza", code("ES"));
        // "the" is in every report: more than one in two.
        let tsv = counts.to_tsv(10.0, 2, 2, &[]);
        assert!(!tsv.contains("word\tthe\t"), "{tsv}");
        assert!(tsv.contains("word\tgarda\t"), "{tsv}");
        let tsv = counts.to_tsv(10.0, 3, 2, &[]);
        assert!(!tsv.contains("word\tgarda\t"), "{tsv}");
    }
}
