//! Properties that hold for any input: no panics, spans on char boundaries.

use proptest::prelude::*;
use sitrep_text::{clean_text, read_quantity, split_sentences, tokenize};

proptest! {
    #[test]
    fn tokens_and_sentences_lie_on_char_boundaries(raw in "\\PC{0,200}") {
        let text = clean_text(&raw);
        for token in tokenize(&text) {
            prop_assert!(text.is_char_boundary(token.span.start));
            prop_assert!(text.is_char_boundary(token.span.end));
            prop_assert!(token.span.start < token.span.end);
        }
        let mut previous_end = 0;
        for sentence in split_sentences(&text) {
            prop_assert!(text.is_char_boundary(sentence.span.start));
            prop_assert!(text.is_char_boundary(sentence.span.end));
            prop_assert!(sentence.span.start >= previous_end);
            prop_assert!(!sentence.text(&text).trim().is_empty());
            previous_end = sentence.span.end;
        }
    }

    #[test]
    fn quantities_never_panic_and_stay_in_range(words in proptest::collection::vec(
        prop_oneof![
            Just("at"), Just("least"), Just("a"), Just("dozen"), Just("dozens"), Just("of"),
            Just("between"), Just("and"), Just("to"), Just("-"), Just("twenty-five"), Just("hundred"),
            Just("thousand"), Just("million"), Just("4294967295"), Just("99999999999"), Just("two"),
            Just("as"), Just("many"), Just("1,200"), Just("3.5"), Just("or"), Just("people"),
        ], 0..8)) {
        let text = words.join(" ");
        let tokens = tokenize(&text);
        for i in 0..tokens.len() {
            if let Some(m) = read_quantity(&text, &tokens, i, true) {
                prop_assert!(m.tokens.start == i && m.tokens.end <= tokens.len());
                prop_assert!(m.span.end <= text.len());
                if let (Some(lo), Some(hi)) = (m.quantity.min, m.quantity.max) {
                    prop_assert!(lo <= hi, "{lo} > {hi} in {text:?}");
                }
            }
        }
    }

    #[test]
    fn cleaning_is_idempotent(raw in "\\PC{0,200}") {
        let once = clean_text(&raw);
        prop_assert_eq!(clean_text(&once), once);
    }
}
