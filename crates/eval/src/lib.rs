//! Scoring extraction against labelled incidents, field by field.
//!
//! A gold file is JSON Lines of [`GoldRecord`]s (the format of `shared/eval/README.md`). Each
//! record's first non-background predicted incident is compared with its gold fields; a field
//! is skipped when its gold value is null. The rules follow the reference scorer:
//!
//! - `country`: equal ISO codes. `admin1`: equal normalised names, words such as "Province"
//!   ignored. `city`: equal normalised names (words such as "district" ignored) or, when both
//!   sides have coordinates, within 25 km. `date`: equal start day.
//! - `perpetrator`: equal normalised names, or one contains the other as whole words (5+
//!   characters), or an alias (a parenthesised acronym in the gold name; an alias of the same
//!   group in sitrep's group lexicon). On GTD rows a null gold perpetrator means "no known
//!   group": naming a group there is wrong.
//! - `weapon`: the gold label is among the predicted weapons. `target_type` and
//!   `target_nationality`: the first predicted target (GTD codes its first target).
//! - counts: correct when min = max = gold, or min = gold and max is null; `*_at_least` rows
//!   take the gold value as a lower bound. The `_lenient` variants also accept a missing count
//!   when the gold value is 0. `killed` and `wounded` are sitrep's victim counts, as the
//!   reference scorer compares them. The GTD's `nkill` and `nwound` count attackers too, so
//!   GTD rows also get `killed_with_attackers` and `wounded_with_attackers`, which compare
//!   them with `killed + attackers_killed` and `wounded + attackers_wounded`.
//!
//! Accuracy comes with a 95 % Wilson score interval.

mod gold;
mod report;
mod score;

pub use gold::{GoldFields, GoldRecord};
pub use report::{FieldScore, Report, SourceReport, wilson_interval};
pub use score::{Field, FieldOutcome, Scorer, predicted_city};
