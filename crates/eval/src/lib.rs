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
//!   take the gold value as a lower bound. Every labelled set counts perpetrators among the
//!   killed and wounded (the GTD convention), so `killed` and `wounded` compare
//!   `killed + attackers_killed` (and `wounded + attackers_wounded`) with the gold count; the
//!   `_victims` rows compare sitrep's victim counts alone, and `attackers_killed` the
//!   perpetrators (a missing count is 0). The `_lenient` variants also accept a missing count
//!   when the gold value is 0.
//! - whole news pages (records with `is_incident`, reported as source "news"): `has_incident`
//!   and `no_incident` score whether a main incident was given; a negative page scores nothing
//!   else. `city` also accepts any `city_alt`. `background`: each gold background incident is
//!   found when a predicted incident marked `background` has its country and its city, day or
//!   toll (whichever the gold gives).
//!
//! Accuracy comes with a 95 % Wilson score interval.

mod gold;
mod report;
mod score;

pub use gold::{GoldFields, GoldRecord};
pub use report::{FieldScore, Report, SourceReport, wilson_interval};
pub use score::{Field, FieldOutcome, Scorer, predicted_city};
