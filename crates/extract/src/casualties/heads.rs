//! The words a statement turns on: the head words of killing, wounding and kidnapping (with the
//! form each takes), and the auxiliaries and adverbs that may stand between a head and its
//! people.

use super::CasualtyKind;

pub(super) const BE: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "got", "get", "gets",
];
pub(super) const ADVERBS: &[&str] = &[
    "also",
    "today",
    "yesterday",
    "tonight",
    "reportedly",
    "reported",
    "allegedly",
    "later",
    "fatally",
    "critically",
    "seriously",
    "severely",
    "slightly",
    "lightly",
    "badly",
    "all",
    "both",
    "subsequently",
    "then",
    "eventually",
    "finally",
    "initially",
    "immediately",
    "instantly",
    "apparently",
    "believed",
    "said",
    "confirmed",
    "feared",
    "thought",
    "presumed",
    "not",
    "never",
    "either",
    "mortally",
    "had",
    "have",
    "has",
    "to",
    "being",
    "been",
];

pub(super) fn head_kind(word: &str) -> Option<(CasualtyKind, HeadForm)> {
    use CasualtyKind::*;
    use HeadForm::*;
    let w = word.to_ascii_lowercase();
    Some(match w.as_str() {
        "killed" | "executed" | "murdered" | "massacred" | "slaughtered" | "assassinated"
        | "beheaded" | "hanged" | "strangled" | "lynched" | "decapitated" => (Killed, Verb),
        "killing" | "kills" | "killings" | "kill" | "massacre" | "massacres" | "massacring"
        | "murder" | "murders" | "slaughtering" | "beheading" | "executing" | "assassinating"
        | "strangling" | "lynching" => (Killed, ActiveOnly),
        // "fatally shot", "fatally wounded": read with the verb after it.
        "fatally" => (Killed, Verb),
        "dead" | "died" | "dies" | "die" | "perished" | "slain" | "martyred" | "gunned" => {
            (Killed, Intransitive)
        }
        "deaths" | "fatalities" | "death" | "bodies" | "lives" => (Killed, Noun),
        "wounded" | "injured" => (Wounded, Verb),
        "wounding" | "injuring" | "hurting" | "injures" | "wounds" | "injure" | "wound" => {
            (Wounded, ActiveOnly)
        }
        "hurt" | "harmed" | "hospitalized" | "hospitalised" => (Wounded, Intransitive),
        "injuries" | "injury" => (Wounded, Noun),
        "casualties" | "casualty" => (Killed, Noun),
        "kidnapped" | "abducted" => (Kidnapped, Verb),
        "kidnapping" | "abducting" | "kidnaps" | "abducts" => (Kidnapped, ActiveOnly),
        "hostage" | "hostages" | "captive" | "captives" => (Kidnapped, Noun),
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HeadForm {
    /// Active or passive: "killed two" / "two were killed".
    Verb,
    /// Active only: "killing two".
    ActiveOnly,
    /// Subject only: "two died", "5 dead".
    Intransitive,
    /// A noun: "two deaths", "no injuries".
    Noun,
}
