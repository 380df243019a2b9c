//! Reading inputs into cleaned articles and extracting them in parallel, in input order.

use rayon::prelude::*;
use sitrep_extract::{Resources, extract_article};
use sitrep_ingest::{Input, ReadOptions, Severity, expand_inputs, read_input};
use sitrep_model::{Article, ExtractedArticle};

use crate::messages;

/// Articles are extracted this many at a time (in parallel within a batch).
pub const BATCH: usize = 256;

/// Expands command-line inputs (`-` or none = stdin), reporting those that cannot be read.
pub fn inputs(args: &[String]) -> Vec<Input> {
    if args.is_empty() {
        return vec![Input::Stdin];
    }
    expand_inputs(args)
        .into_iter()
        .filter_map(|r| r.map_err(messages::error).ok())
        .collect()
}

/// Reads every input lazily, cleaning each article's text; problems are reported and skipped.
pub fn articles<'a>(
    inputs: &'a [Input],
    options: &'a ReadOptions,
) -> impl Iterator<Item = Article> + 'a {
    inputs
        .iter()
        .flat_map(move |input| read_input(input, options))
        .filter_map(|item| match item {
            Ok(mut article) => {
                article.text = sitrep_text::clean_text(&article.text);
                if article.text.is_empty() {
                    messages::error(format!(
                        "article {:?}: no text left after cleaning",
                        article.id.as_str()
                    ));
                    return None;
                }
                Some(article)
            }
            Err(e) => {
                match e.severity() {
                    Severity::Warning => messages::warning(&e),
                    Severity::Error => messages::error(&e),
                }
                None
            }
        })
}

/// Extracts a batch in parallel; results are in the batch's order.
pub fn extract_batch(
    batch: Vec<Article>,
    resources: &Resources,
) -> Vec<(Article, ExtractedArticle)> {
    batch
        .into_par_iter()
        .map(|article| {
            let extracted = extract_article(&article, resources);
            (article, extracted)
        })
        .collect()
}

/// Splits an iterator into vectors of at most `size` items.
pub fn batches<T>(mut items: impl Iterator<Item = T>, size: usize) -> impl Iterator<Item = Vec<T>> {
    std::iter::from_fn(move || {
        let batch: Vec<T> = items.by_ref().take(size).collect();
        (!batch.is_empty()).then_some(batch)
    })
}
