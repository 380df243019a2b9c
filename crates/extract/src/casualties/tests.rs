//! The casualty unit tests' shared reader (a text's statements, end to end), and the tests that
//! exercise no one stage but the whole reading.

use super::{CasualtyKind, Side, find_casualties};
use crate::analysis::Analysis;
use crate::test_support::resources;

/// The statements found in `text`: kind, side, and the figure's bounds.
pub(super) fn statements(text: &str) -> Vec<(CasualtyKind, Side, Option<u32>, Option<u32>)> {
    let r = resources();
    let a = Analysis::new(text, None, r);
    find_casualties(&a)
        .into_iter()
        .map(|s| (s.kind, s.side, s.quantity.min, s.quantity.max))
        .collect()
}

use CasualtyKind::*;
use Side::*;

#[test]
fn hedges_and_vague_counts() {
    assert_eq!(
        statements("Dozens of people were wounded."),
        [(Wounded, Victims, Some(24), None)]
    );
    assert_eq!(
        statements("Between 5 and 7 people were killed."),
        [(Killed, Victims, Some(5), Some(7))]
    );
    assert_eq!(
        statements("As many as 40 people were kidnapped."),
        [(Kidnapped, Victims, None, Some(40))]
    );
}

#[test]
fn a_killing_named_by_its_noun_counts_its_victims() {
    assert_eq!(
        statements("The group was behind the killing of a police officer in 2019."),
        [(Killed, Victims, Some(1), Some(1))]
    );
    assert_eq!(
        statements("Residents condemned the murder of three farmers on Monday."),
        [(Killed, Victims, Some(3), Some(3))]
    );
    // An attempt killed nobody; a word for the crime alone counts nobody.
    assert!(statements("The attempted murder of a police officer shocked the town.").is_empty());
    assert!(statements("He was charged with murder.").is_empty());
}
