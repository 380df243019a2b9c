//! Aggregating outcomes into per-source and overall accuracy.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::score::{Field, FieldOutcome};

/// Accuracy of one field.
#[derive(Debug, Clone, Serialize)]
pub struct FieldScore {
    /// Field name.
    pub field: &'static str,
    /// Records scored.
    pub n: usize,
    /// Records right.
    pub correct: usize,
    /// correct / n.
    pub accuracy: f64,
    /// 95 % Wilson interval, low end.
    pub ci_low: f64,
    /// 95 % Wilson interval, high end.
    pub ci_high: f64,
}

/// The scores of one source (or of all records).
#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    /// Source name, or "all".
    pub source: String,
    /// Records.
    pub records: usize,
    /// Per field.
    pub fields: Vec<FieldScore>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Per source, then "all" last.
    pub sources: Vec<SourceReport>,
}

/// The 95 % Wilson score interval of `correct` out of `n`.
pub fn wilson_interval(correct: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    let z = 1.959_964_f64;
    let n_f = n as f64;
    let p = correct as f64 / n_f;
    let denom = 1.0 + z * z / n_f;
    let centre = (p + z * z / (2.0 * n_f)) / denom;
    let half = z * ((p * (1.0 - p) / n_f) + z * z / (4.0 * n_f * n_f)).sqrt() / denom;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

impl Report {
    /// Builds the report from (source, outcomes) per record.
    pub fn build(records: &[(String, Vec<FieldOutcome>)]) -> Report {
        let mut by_source: BTreeMap<String, Vec<&Vec<FieldOutcome>>> = BTreeMap::new();
        for (source, outcomes) in records {
            by_source.entry(source.clone()).or_default().push(outcomes);
        }
        let summarise = |name: String, list: &[&Vec<FieldOutcome>]| {
            let fields = Field::ALL
                .iter()
                .filter_map(|&f| {
                    let scored: Vec<&FieldOutcome> = list
                        .iter()
                        .flat_map(|o| o.iter())
                        .filter(|o| o.field == f)
                        .collect();
                    if scored.is_empty() {
                        return None;
                    }
                    let n = scored.len();
                    let correct = scored.iter().filter(|o| o.correct).count();
                    let (ci_low, ci_high) = wilson_interval(correct, n);
                    Some(FieldScore {
                        field: f.name(),
                        n,
                        correct,
                        accuracy: correct as f64 / n as f64,
                        ci_low,
                        ci_high,
                    })
                })
                .collect();
            SourceReport {
                source: name,
                records: list.len(),
                fields,
            }
        };
        let mut sources: Vec<SourceReport> = by_source
            .iter()
            .map(|(s, l)| summarise(s.clone(), l))
            .collect();
        if by_source.len() > 1 {
            let all: Vec<&Vec<FieldOutcome>> = records.iter().map(|(_, o)| o).collect();
            sources.push(summarise("all".into(), &all));
        }
        Report { sources }
    }

    /// A readable table: one block per source.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        for s in &self.sources {
            out.push_str(&format!("{} ({} records)\n", s.source, s.records));
            out.push_str(&format!(
                "  {:<22} {:>6} {:>8} {:>8}   {}\n",
                "field", "n", "correct", "accuracy", "95% CI"
            ));
            for f in &s.fields {
                out.push_str(&format!(
                    "  {:<22} {:>6} {:>8} {:>7.1}%   {:.1}–{:.1}\n",
                    f.field,
                    f.n,
                    f.correct,
                    f.accuracy * 100.0,
                    f.ci_low * 100.0,
                    f.ci_high * 100.0
                ));
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_interval_brackets_the_rate() {
        let (lo, hi) = wilson_interval(90, 100);
        assert!(lo < 0.9 && 0.9 < hi);
        assert!((lo - 0.825).abs() < 0.01, "{lo}");
        assert!((hi - 0.945).abs() < 0.01, "{hi}");
        assert_eq!(wilson_interval(0, 0), (0.0, 0.0));
        let (lo, hi) = wilson_interval(10, 10);
        assert!(hi <= 1.0 && lo > 0.6);
    }

    #[test]
    fn reports_group_by_source_and_add_all() {
        let ok = |f| FieldOutcome {
            field: f,
            correct: true,
            gold: String::new(),
            predicted: String::new(),
        };
        let bad = |f| FieldOutcome {
            field: f,
            correct: false,
            gold: String::new(),
            predicted: String::new(),
        };
        let report = Report::build(&[
            ("gtd".into(), vec![ok(Field::Country), bad(Field::City)]),
            ("wiki".into(), vec![bad(Field::Country)]),
        ]);
        assert_eq!(report.sources.len(), 3);
        let all = &report.sources[2];
        assert_eq!(all.source, "all");
        let country = all.fields.iter().find(|f| f.field == "country").unwrap();
        assert_eq!((country.n, country.correct), (2, 1));
    }
}
