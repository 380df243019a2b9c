//! Dates and times of day in news text, resolved against the publication date.
//!
//! Expressions found and how they resolve (`P` is the publication date):
//!
//! | expression | resolves to | precision |
//! |---|---|---|
//! | "September 11, 2012", "Sept. 11, 2012", "11 September 2012", "2012-09-11" | that day | day |
//! | "11/09/2012", "11.09.2012" | day/month order from context (a part > 12; dots are day first; else the order of the text's other numeric dates, else the reading nearest before `P`, else US order) | day |
//! | "on January 28", "Jan. 28" | the most recent January 28 not after `P` (+2 days of slack), less than a year before `P`; "February 29" with no such day (a year after a leap year) stays unresolved | day |
//! | "the September 11 attacks", "the 11 September attacks" (a day without year naming an event) | unresolved (the name may be of any year), unless another date of the text falls on that day | day |
//! | "on Sunday", "Sunday's attack", "late on Friday", "Wednesday evening", "last Friday" | the most recent such weekday on or before `P` (before `P` for "last"); "next Monday" is no incident date | day |
//! | "yesterday", "last night" / "today", "this morning", "earlier today" | `P` − 1 / `P` | day |
//! | "three days ago" | `P` − 3 | day |
//! | "last week" / "earlier this week" | Monday–Sunday of the previous week / Monday of this week to `P` | week |
//! | "in January", "mid-January", "last month" / "earlier this month" | that month (most recent) / the month of `P` | month |
//! | "January 2015" / "in 2012", "last year" | that month / that year | month / year |
//! | "last September" / "September last year" | the most recent September before `P`'s month / the previous year's | month |
//! | "two days earlier", "a week earlier", "hours earlier", "the day before,", "the previous day" | nothing yet: counted back from the day of the event being told ([`DateMention::counted_back_from`]), which segmentation knows; "two days before the election" counts from something else and is no date | day / week / month / year |
//!
//! Without a publication date, expressions that need one keep their text and precision with no
//! start or end: never a guess shown as a day. A weekday standing alone must be spelt out ("Mon
//! State", "The Sun" are no days), and names are not dates: "Bloody Sunday", "Good Friday",
//! "the Sunday Times", "Russia Today", "the March 14 alliance". Times of day: "1:20 a.m.",
//! "1.20am", "13:45", "2 p.m.", "0130 GMT", "midnight", "noon" (→ `HH:MM`).

mod dates;
mod pattern;
mod times;

pub use dates::{DateMention, Earlier, find_dates};
pub use times::{TimeMention, find_times};
