//! Combining statements: an addition printed twice (a paragraph repeated, a caption that copies
//! the lead) counts once.

use super::{CasualtyStatement, Relation};
use crate::analysis::Analysis;

/// How many bytes around a statement must read the same for a second copy to be a repeat.
const REPEAT_CONTEXT: usize = 40;

/// Drops an addition ("13 more wounded") that a page repeats word for word (a paragraph
/// printed twice, a caption that copies the lead): the same words said again add nothing.
pub(super) fn drop_repeated_additions(a: &Analysis<'_>, statements: &mut Vec<CasualtyStatement>) {
    let context = |c: &CasualtyStatement| {
        let sentence = a.sentences[c.sentence].span;
        let mut start = c
            .span
            .start
            .saturating_sub(REPEAT_CONTEXT)
            .max(sentence.start);
        let mut end = (c.span.end + REPEAT_CONTEXT).min(sentence.end);
        while !a.text.is_char_boundary(start) {
            start += 1;
        }
        while !a.text.is_char_boundary(end) {
            end -= 1;
        }
        &a.text[start..end]
    };
    let mut kept: Vec<CasualtyStatement> = Vec::with_capacity(statements.len());
    for c in statements.drain(..) {
        let repeat = c.relation == Relation::Additional
            && kept.iter().any(|k| {
                k.sentence != c.sentence
                    && k.kind == c.kind
                    && k.side == c.side
                    && k.quantity == c.quantity
                    && a.text[k.span.range()] == a.text[c.span.range()]
                    && context(k) == context(&c)
            });
        if !repeat {
            kept.push(c);
        }
    }
    *statements = kept;
}
