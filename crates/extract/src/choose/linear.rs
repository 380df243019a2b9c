//! A linear scorer with named features, read from and written to a small TSV file.
//!
//! The file is what `sitrep train` writes under `data/models/`: `#` comment lines (data,
//! date, held-out figures), then one `name<TAB>weight` line per feature and one `bias` line.
//! Every feature the code computes must have a weight and no unknown name may appear, so a
//! model fitted on other features never loads silently.

use crate::error::{ResourceError, Result};

/// Weights over named features: `score = bias + Σ weight × feature`.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    /// The file it came from, for errors.
    pub file: &'static str,
    weights: Vec<f64>,
    bias: f64,
}

fn model_error(file: &'static str, line: usize, message: impl Into<String>) -> ResourceError {
    ResourceError::Model {
        file,
        line,
        message: message.into(),
    }
}

impl LinearModel {
    /// A model from its weights, in the order of `features`.
    pub fn new(file: &'static str, weights: Vec<f64>, bias: f64) -> Self {
        LinearModel {
            file,
            weights,
            bias,
        }
    }

    /// Reads a model file whose features must be exactly `features` (in any order).
    pub fn parse(file: &'static str, text: &str, features: &[&str]) -> Result<Self> {
        let mut weights: Vec<Option<f64>> = vec![None; features.len()];
        let mut bias = None;
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, value)) = line.split_once('\t') else {
                return Err(model_error(file, line_no, "expected name<TAB>weight"));
            };
            let value: f64 = value
                .trim()
                .parse()
                .map_err(|e| model_error(file, line_no, format!("weight {value:?}: {e}")))?;
            if !value.is_finite() {
                return Err(model_error(file, line_no, "weight is not finite"));
            }
            let slot = if name == "bias" {
                &mut bias
            } else {
                let Some(k) = features.iter().position(|f| *f == name) else {
                    return Err(model_error(
                        file,
                        line_no,
                        format!("unknown feature {name:?}"),
                    ));
                };
                &mut weights[k]
            };
            if slot.replace(value).is_some() {
                return Err(model_error(file, line_no, format!("{name:?} given twice")));
            }
        }
        let bias = bias.ok_or_else(|| model_error(file, 0, "no bias line"))?;
        let weights = weights
            .into_iter()
            .zip(features)
            .map(|(w, name)| {
                w.ok_or_else(|| model_error(file, 0, format!("no weight for {name:?}")))
            })
            .collect::<Result<Vec<f64>>>()?;
        Ok(LinearModel {
            file,
            weights,
            bias,
        })
    }

    /// The model as its file's text, after the comment lines `header`.
    pub fn to_tsv(&self, features: &[&str], header: &[String]) -> String {
        let mut out = String::new();
        for line in header {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        for (name, w) in features.iter().zip(&self.weights) {
            out.push_str(&format!("{name}\t{w:.6}\n"));
        }
        out.push_str(&format!("bias\t{:.6}\n", self.bias));
        out
    }

    /// The linear score of a feature vector.
    pub fn score(&self, x: &[f64]) -> f64 {
        self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }

    /// The probability the logistic link gives the score.
    pub fn probability(&self, x: &[f64]) -> f64 {
        1.0 / (1.0 + (-self.score(x)).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FEATURES: &[&str] = &["a", "b"];

    #[test]
    fn reads_what_it_writes() {
        let m = LinearModel::new("m.tsv", vec![0.5, -1.25], 0.125);
        let text = m.to_tsv(FEATURES, &["fitted on nothing".into()]);
        assert!(text.starts_with("# fitted on nothing\n"));
        let back = LinearModel::parse("m.tsv", &text, FEATURES).expect("valid");
        assert_eq!(back, m);
        assert!((back.score(&[2.0, 1.0]) - (0.125 + 1.0 - 1.25)).abs() < 1e-12);
        assert!((back.probability(&[0.0, 0.0]) - 0.531_209).abs() < 1e-5);
    }

    #[test]
    fn a_model_of_other_features_or_a_bad_weight_fails_naming_the_file() {
        let unknown = LinearModel::parse("m.tsv", "a\t1\nb\t1\nc\t1\nbias\t0\n", FEATURES);
        let missing = LinearModel::parse("m.tsv", "a\t1\nbias\t0\n", FEATURES);
        let bad = LinearModel::parse("m.tsv", "a\t1\nb\tx\nbias\t0\n", FEATURES);
        let no_bias = LinearModel::parse("m.tsv", "a\t1\nb\t1\n", FEATURES);
        for result in [unknown, missing, bad, no_bias] {
            let message = result.expect_err("must fail").to_string();
            assert!(message.starts_with("m.tsv:"), "{message}");
        }
    }
}
