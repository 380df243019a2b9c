//! `sitrep train`: fits the learned choices on `shared/train` and writes `data/models/`.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use sitrep_eval::GoldRecord;
use sitrep_extract::choose::{LinearModel, country_words, place, relevance, toll};
use sitrep_extract::{RELEVANCE_THRESHOLD, Resources};
use sitrep_train::{
    Example, Tally, Toll, event_accuracy, event_rows, examples, fit, fit_event_type, folds,
    place_accuracy, place_rows, relevance_accuracy, relevance_rows, toll_accuracy, toll_rows,
};

use crate::messages;

/// Flags of `sitrep train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// The training directory: news_train/news_train.jsonl (whole pages, the ones that
    /// matter most), wiki_train.jsonl and rand_train.jsonl (incident descriptions).
    #[arg(long, value_name = "DIR", default_value = "../shared/train")]
    pub data: PathBuf,
    /// Where to write the models (the files the binary embeds live in data/models).
    #[arg(long, value_name = "DIR", default_value = "data/models")]
    pub out: PathBuf,
    /// Folds of the cross-validation reported in each model's header.
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub folds: usize,
    /// One incident description in N joins the relevance model's incident pages (whole news
    /// pages give few; all 34,000 descriptions would drown the non-incident pages).
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub descriptions_every: usize,
    /// How many times each whole news page counts in the event-type model against one
    /// description: pages are coded with the GTD's conventions, the descriptions mostly with
    /// Wikipedia's, and pages are what users feed.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub news_weight: usize,
}

fn read(path: &Path) -> Result<Vec<GoldRecord>> {
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: GoldRecord = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a labelled record", path.display(), n + 1))?;
        out.push(record);
    }
    Ok(out)
}

fn tally(t: Tally) -> String {
    format!("{}/{} ({:.1}%)", t.right, t.n, t.percent())
}

/// Runs the command.
pub fn run(args: &TrainArgs, resources: &Resources) -> Result<()> {
    let news_path = args.data.join("news_train").join("news_train.jsonl");
    let news = read(&news_path)?;
    let mut descriptions = Vec::new();
    for name in ["wiki_train.jsonl", "rand_train.jsonl"] {
        descriptions.extend(read(&args.data.join(name))?);
    }
    if news.is_empty() {
        bail!("{}: no records", news_path.display());
    }
    messages::note(format!(
        "extracting {} news pages and {} descriptions",
        news.len(),
        descriptions.len()
    ));
    let news_examples = examples(&news, resources);
    let description_examples = examples(&descriptions, resources);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let sources = format!(
        "fitted by `sitrep train` on {} news pages ({} not incidents) of \
         shared/train/news_train and {} descriptions of shared/train/wiki_train and rand_train; \
         L2 logistic regression (linfa, alpha {})",
        news.len(),
        news_examples.iter().filter(|e| !e.is_incident).count(),
        descriptions.len(),
        sitrep_train::ALPHA
    );

    // Tolls: every example with a choice to make, pages and descriptions alike.
    let all: Vec<&Example> = news_examples
        .iter()
        .chain(description_examples.iter())
        .collect();
    let sets = [&news_examples[..], &description_examples[..]];
    for which in [Toll::Killed, Toll::Wounded] {
        let rows = toll_rows(&all, which);
        let model = fit(which.file(), &rows, toll::FEATURES.len())?;
        let held = cross_validate(&all, sets, args.folds, |others, test| {
            let fold_model = fit(
                which.file(),
                &toll_rows(others, which),
                toll::FEATURES.len(),
            )?;
            Ok(toll_accuracy(&fold_model, test, which))
        })?;
        let news_refs: Vec<&Example> = news_examples.iter().collect();
        let (fitted_news, _) = toll_accuracy(&model, &news_refs, which);
        let header = vec![
            sources.clone(),
            format!(
                "rows: {} candidates of the articles that give two or more figures, one of them right",
                rows.len()
            ),
            held_out_line(
                args.folds,
                "right figure chosen where there is a choice",
                &held,
            ),
            format!("on the news pages it was fitted on: {}", tally(fitted_news)),
        ];
        write_model(&args.out, which.file(), &model, toll::FEATURES, &header)?;
    }

    // Place: every example whose incident names places of which some are right, some not.
    let g = &resources.gazetteer;
    let rows = place_rows(&all, g);
    let model = fit("place.tsv", &rows, place::FEATURES.len())?;
    let held = cross_validate(&all, sets, args.folds, |others, test| {
        let fold_model = fit("place.tsv", &place_rows(others, g), place::FEATURES.len())?;
        Ok(place_accuracy(&fold_model, test, g))
    })?;
    let header = vec![
        sources.clone(),
        format!(
            "rows: {} places named in main incidents that name some right and some wrong \
             (right: in the gold country, and the gold town where one of them names it)",
            rows.len()
        ),
        held_out_line(args.folds, "a right place chosen", &held),
    ];
    write_model(&args.out, "place.tsv", &model, place::FEATURES, &header)?;

    // Event type: every example whose gold gives one (news pages and Wikipedia's).
    let weighted = |set: &[&Example]| -> Vec<(Vec<f64>, sitrep_model::EventType)> {
        let (news, descriptions): (Vec<&Example>, Vec<&Example>) =
            set.iter().partition(|e| e.whole_page);
        let news_rows = event_rows(&news);
        let mut rows = Vec::new();
        for _ in 0..args.news_weight.max(1) {
            rows.extend(news_rows.iter().cloned());
        }
        rows.extend(event_rows(&descriptions));
        rows
    };
    let rows = weighted(&all);
    let model = fit_event_type(&rows)?;
    let held = cross_validate(&all, sets, args.folds, |others, test| {
        let fold_model = fit_event_type(&weighted(others))?;
        Ok(event_accuracy(&fold_model, test))
    })?;
    let header = vec![
        sources.clone(),
        format!(
            "rows: {} main incidents with a labelled event type; multinomial logistic regression",
            rows.len()
        ),
        held_out_line(args.folds, "right type", &held),
    ];
    let path = args.out.join("event_type.tsv");
    std::fs::write(&path, model.to_tsv(&header))
        .with_context(|| format!("writing {}", path.display()))?;
    for line in header.iter().skip(1) {
        messages::note(format!("event_type.tsv: {line}"));
    }

    // Country words: every record that gives a country, counted rather than optimised.
    let records: Vec<&GoldRecord> = news.iter().chain(descriptions.iter()).collect();
    let counts = sitrep_train::country_word_counts(&records);
    let mut held = [(Tally::default(), Tally::default()); 2];
    for (slot, set) in held.iter_mut().zip([&news[..], &descriptions[..]]) {
        let refs: Vec<&GoldRecord> = set.iter().collect();
        for (_, test) in folds(&refs, args.folds) {
            let others: Vec<&GoldRecord> = records
                .iter()
                .copied()
                .filter(|r| !test.iter().any(|t| std::ptr::eq(**t, *r)))
                .collect();
            let fold_model =
                sitrep_train::country_words_model(&sitrep_train::country_word_counts(&others));
            let test: Vec<&GoldRecord> = test.into_iter().copied().collect();
            let (best, confident) = sitrep_train::country_words_accuracy(&fold_model, &test);
            slot.0.n += best.n;
            slot.0.right += best.right;
            slot.1.n += confident.n;
            slot.1.right += confident.right;
        }
    }
    let header = vec![
        format!(
            "counted by `sitrep train` on the {} records of shared/train (news_train, wiki_train, \
             rand_train) that give a country; multinomial naive Bayes over the words of each \
             report, smoothing {}, words in at least {} reports and at most one in {}",
            counts.reports.values().sum::<u32>(),
            sitrep_train::COUNTRY_WORDS_SMOOTHING,
            sitrep_train::COUNTRY_WORDS_MIN_REPORTS,
            sitrep_train::COUNTRY_WORDS_MAX_SHARE,
        ),
        format!(
            "{}-fold cross-validation, likeliest country right: news pages {}, descriptions {}; \
             guesses at posterior {} or more: news pages {} right of {} made, descriptions {} of {}",
            args.folds,
            tally(held[0].0),
            tally(held[1].0),
            country_words::GUESS_THRESHOLD,
            held[0].1.right,
            held[0].1.n,
            held[1].1.right,
            held[1].1.n,
        ),
    ];
    let path = args.out.join("country_words.tsv");
    std::fs::write(&path, sitrep_train::country_words_tsv(&counts, &header))
        .with_context(|| format!("writing {}", path.display()))?;
    for line in header.iter().skip(1) {
        messages::note(format!("country_words.tsv: {line}"));
    }

    // Relevance: the news pages and one description in N.
    let sampled: Vec<&Example> = news_examples
        .iter()
        .chain(
            description_examples
                .iter()
                .step_by(args.descriptions_every.max(1)),
        )
        .collect();
    let rows = relevance_rows(&sampled);
    let model = fit("relevance.tsv", &rows, relevance::FEATURES.len())?;
    // Held out in turn: a fold of the news pages, then a fold of the sampled descriptions.
    let sampled_descriptions: Vec<&Example> = sampled[news_examples.len()..].to_vec();
    let news_refs: Vec<&Example> = news_examples.iter().collect();
    let mut held = [(Tally::default(), Tally::default()); 2];
    for (k, set) in [&news_refs, &sampled_descriptions].iter().enumerate() {
        for (_, test) in folds(set, args.folds) {
            let others: Vec<&Example> = sampled
                .iter()
                .copied()
                .filter(|e| !test.iter().any(|t| std::ptr::eq(**t, *e)))
                .collect();
            let fold_model = fit(
                "relevance.tsv",
                &relevance_rows(&others),
                relevance::FEATURES.len(),
            )?;
            let test: Vec<&Example> = test.into_iter().copied().collect();
            let (kept, dropped) = relevance_accuracy(&fold_model, &test, RELEVANCE_THRESHOLD);
            held[k].0.n += kept.n;
            held[k].0.right += kept.right;
            held[k].1.n += dropped.n;
            held[k].1.right += dropped.right;
        }
    }
    let header = vec![
        sources,
        format!(
            "rows: {} pages with a main incident or labelled not an incident (news pages and one description in {})",
            rows.len(),
            args.descriptions_every
        ),
        format!(
            "{}-fold cross-validation at threshold {RELEVANCE_THRESHOLD}: news pages reporting an incident kept {}, news pages reporting none dropped {}; descriptions kept {}",
            args.folds,
            tally(held[0].0),
            tally(held[0].1),
            tally(held[1].0)
        ),
    ];
    write_model(
        &args.out,
        "relevance.tsv",
        &model,
        relevance::FEATURES,
        &header,
    )?;
    Ok(())
}

/// The header line of a choice's held-out figures: "K-fold cross-validation, WHAT: news
/// pages … (rules alone …); descriptions … (rules alone …)".
fn held_out_line(k: usize, what: &str, held: &[(Tally, Tally); 2]) -> String {
    format!(
        "{k}-fold cross-validation, {what}: news pages {} (rules alone {}); descriptions {} (rules alone {})",
        tally(held[0].0),
        tally(held[0].1),
        tally(held[1].0),
        tally(held[1].1)
    )
}

/// Held-out figures, fold by fold within each of `sets` (the news pages, then the
/// descriptions): `score` fits on every example of `all` but the held-out fold and returns
/// the (learned, rules alone) tallies on that fold.
fn cross_validate(
    all: &[&Example],
    sets: [&[Example]; 2],
    k: usize,
    mut score: impl FnMut(&[&Example], &[&Example]) -> Result<(Tally, Tally)>,
) -> Result<[(Tally, Tally); 2]> {
    let mut held = [(Tally::default(), Tally::default()); 2];
    for (slot, set) in held.iter_mut().zip(sets) {
        let refs: Vec<&Example> = set.iter().collect();
        for (_, test) in folds(&refs, k) {
            let others: Vec<&Example> = all
                .iter()
                .copied()
                .filter(|e| !test.iter().any(|t| std::ptr::eq(**t, *e)))
                .collect();
            let test: Vec<&Example> = test.into_iter().copied().collect();
            let (learned, rules) = score(&others, &test)?;
            slot.0.n += learned.n;
            slot.0.right += learned.right;
            slot.1.n += rules.n;
            slot.1.right += rules.right;
        }
    }
    Ok(held)
}

fn write_model(
    dir: &Path,
    file: &str,
    model: &LinearModel,
    features: &[&str],
    header: &[String],
) -> Result<()> {
    let path = dir.join(file);
    std::fs::write(&path, model.to_tsv(features, header))
        .with_context(|| format!("writing {}", path.display()))?;
    for line in header.iter().skip(1) {
        messages::note(format!("{file}: {line}"));
    }
    Ok(())
}
