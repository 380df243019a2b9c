//! Segmentation and dates together: a clause about an earlier event is an incident of its own;
//! a sentence that refers back to an incident, or tells nothing of its own, opens none; two
//! events at two times in one sentence are two incidents; the day of a report is not the day
//! of the event; relative dates without a publication date keep their words and precision;
//! a day named without its year as an event's name ("the September 11 attacks") is no guess.
//!
//! Every text here was written for these tests.

mod common;

use std::sync::LazyLock;

use common::{exactly, extract, main_incident, not_background, range};
use jiff::civil::{Date, date};
use sitrep_extract::{Resources, extract_article};
use sitrep_model::{Article, ArticleId, DatePrecision, EventDate, ExtractedArticle, Incident};

static RESOURCES: LazyLock<Resources> =
    LazyLock::new(|| Resources::embedded().expect("the embedded data is valid"));

/// Extracts `text` with no publication date.
fn extract_undated(text: &str) -> ExtractedArticle {
    let text = sitrep_text::clean_text(text);
    let article = Article {
        id: ArticleId::from_content(&text),
        text,
        published: None,
        title: None,
        url: None,
        source: None,
    };
    extract_article(&article, &RESOURCES)
}

fn date_of(incident: &Incident) -> &EventDate {
    incident
        .date
        .as_ref()
        .unwrap_or_else(|| panic!("no date: {incident:#?}"))
}

fn start(incident: &Incident) -> Option<Date> {
    incident.date.as_ref().and_then(|d| d.start)
}

fn the_background(out: &ExtractedArticle) -> &Incident {
    let past: Vec<&Incident> = out.incidents.iter().filter(|i| i.background).collect();
    assert_eq!(past.len(), 1, "{:#?}", out.incidents);
    past[0]
}

// ---------------------------------------------------------------------------------------------
// 1. "N years after <an earlier event>, <the news>": two incidents.

#[test]
fn a_leading_clause_about_an_earlier_attack_is_a_background_incident() {
    // 2016-05-10 was a Tuesday.
    let out = extract(
        "Two years after a bombing killed 40 people at the same market, a car bomb exploded \
         there in Baghdad on Monday, killing six people.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let main = &out.incidents[0];
    assert!(!main.background);
    assert_eq!(range(&main.killed), exactly(6));
    assert_eq!(start(main), Some(date(2016, 5, 9)));
    let past = the_background(&out);
    assert_eq!(range(&past.killed), exactly(40));
    // Its day is not Monday's: the text only says "two years" before.
    assert_eq!(past.date, None);
}

#[test]
fn a_clause_about_an_earlier_attack_takes_its_own_place_and_toll() {
    let out = extract(
        "Three years after gunmen killed 12 worshippers at a church in Lagos, a bomb exploded at \
         a mosque in Kano on Friday, wounding 20 people.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let main = &out.incidents[0];
    assert_eq!(range(&main.wounded), exactly(20));
    assert_ne!(range(&main.killed), exactly(12));
    assert_eq!(main.location.as_ref().unwrap().name, "Kano");
    let past = the_background(&out);
    assert_eq!(range(&past.killed), exactly(12));
    assert_eq!(past.location.as_ref().unwrap().name, "Lagos");

    // Trailing, in a sentence of its own without a date: still not the news's toll.
    let out = extract(
        "A grenade attack on a bar in Mombasa on Monday wounded nine people. The attack came \
         two years after militants stormed a hotel in Nairobi, killing 67 people.",
        "2016-05-10",
    );
    let main = &out.incidents[0];
    assert_eq!(range(&main.wounded), exactly(9));
    assert_ne!(range(&main.killed), exactly(67));
    assert_eq!(range(&the_background(&out).killed), exactly(67));

    // After a ranking: "the deadliest since …".
    let out = extract(
        "A car bomb killed eight people in Kirkuk on Sunday, the deadliest attack in the city \
         since a suicide bomber killed 30 people at a funeral.",
        "2016-05-10",
    );
    assert_eq!(range(&out.incidents[0].killed), exactly(8));
    assert_eq!(range(&the_background(&out).killed), exactly(30));
}

#[test]
fn the_story_goes_on_with_the_news_after_an_aside() {
    let out = extract(
        "A car bomb exploded in Mosul on Monday, killing seven people, two years after a \
         bombing killed 15 people in the same street. Police said the blast also wounded 22 \
         people.",
        "2016-05-10",
    );
    let main = &out.incidents[0];
    assert_eq!(range(&main.killed), exactly(7));
    assert_eq!(range(&main.wounded), exactly(22));
    assert_eq!(range(&the_background(&out).killed), exactly(15));
}

// ---------------------------------------------------------------------------------------------
// 2. References back and drafts without facts open no incident.

#[test]
fn a_sentence_that_refers_back_opens_no_incident() {
    let out = extract(
        "A bomb exploded at a bus stop in Jos on Monday, wounding four people. Police cordoned \
         off the area. Monday's blast was the first in the city this year.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
    assert_eq!(start(&out.incidents[0]), Some(date(2016, 5, 9)));
    assert_eq!(range(&out.incidents[0].wounded), exactly(4));

    // The same without the reference: a ranking of the event with nothing of its own.
    for text in [
        "A bomb exploded at a bus stop in Jos on Monday, wounding four people. The blast was \
         the second in the city this month.",
        "Gunmen killed five people in a village near Jos on Monday. It was the third attack in \
         the area this year.",
    ] {
        let out = extract(text, "2016-05-10");
        assert_eq!(out.incidents.len(), 1, "{text:?}: {:#?}", out.incidents);
        assert!(!out.incidents[0].background);
    }
}

#[test]
fn a_reference_with_a_time_of_its_own_elsewhere_is_another_incident() {
    // "Monday's attack" is the news; the 2014 bombing with its toll is not.
    let out = extract(
        "Gunmen attacked a checkpoint in Kunduz on Monday, killing three policemen. Monday's \
         attack was the deadliest since June 2014, when a suicide bombing killed 20 people.",
        "2016-05-10",
    );
    assert_eq!(range(&out.incidents[0].killed), exactly(3));
    assert_eq!(range(&the_background(&out).killed), exactly(20));
}

#[test]
fn another_day_with_facts_of_its_own_is_still_another_incident() {
    let out = extract(
        "Gunmen killed five people in Kabul on Monday. On Saturday, a suicide bomber attacked \
         a police checkpoint in the city.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    assert_eq!(start(&out.incidents[1]), Some(date(2016, 5, 7)));
}

// ---------------------------------------------------------------------------------------------
// 3. Two events at two times in one sentence.

#[test]
fn coordinated_clauses_with_their_own_dates_are_two_incidents() {
    let out = extract(
        "Gunmen killed two soldiers in Kidal on Monday. In 2014, a suicide bombing in the town \
         killed nine peacekeepers, and in March 2015 a rocket attack killed three.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 3, "{:#?}", out.incidents);
    assert_eq!(range(&out.incidents[0].killed), exactly(2));
    let past: Vec<&Incident> = out.incidents.iter().filter(|i| i.background).collect();
    assert_eq!(past.len(), 2);
    let in_2014 = past
        .iter()
        .find(|i| date_of(i).precision == DatePrecision::Year)
        .expect("the 2014 bombing");
    assert_eq!(start(in_2014), Some(date(2014, 1, 1)));
    assert_eq!(range(&in_2014.killed), exactly(9));
    let in_march = past
        .iter()
        .find(|i| date_of(i).precision == DatePrecision::Month)
        .expect("the March 2015 attack");
    assert_eq!(start(in_march), Some(date(2015, 3, 1)));
    assert_eq!(range(&in_march.killed), exactly(3));
}

#[test]
fn a_coordinated_clause_that_dates_itself_at_its_end_is_another_incident() {
    let out = extract(
        "Two attacks hit the province last year: a truck bomb killed 11 people at a depot in \
         Baidoa on April 6, and a landmine killed four soldiers near the town on September 30.",
        "2021-02-16",
    );
    let past: Vec<&Incident> = out.incidents.iter().filter(|i| i.background).collect();
    assert_eq!(past.len(), 2, "{:#?}", out.incidents);
    assert_eq!(start(past[0]), Some(date(2020, 4, 6)));
    assert_eq!(range(&past[0].killed), exactly(11));
    assert_eq!(start(past[1]), Some(date(2020, 9, 30)));
    assert_eq!(range(&past[1].killed), exactly(4));
}

#[test]
fn two_recent_days_in_one_sentence_are_two_incidents() {
    // 2016-05-12 was a Thursday.
    let out = extract(
        "Gunmen killed two policemen in Kunduz on Monday, and on Wednesday a bomb killed three \
         civilians in the same town.",
        "2016-05-12",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let monday = &out.incidents[0];
    assert_eq!(start(monday), Some(date(2016, 5, 9)));
    assert_eq!(range(&monday.killed), exactly(2));
    let wednesday = &out.incidents[1];
    assert_eq!(start(wednesday), Some(date(2016, 5, 11)));
    assert_eq!(range(&wednesday.killed), exactly(3));
}

// ---------------------------------------------------------------------------------------------
// 4. The day of a report.

#[test]
fn the_event_s_own_date_wins_over_the_day_it_was_reported() {
    // 2016-05-11 was a Wednesday.
    for (text, expected) in [
        (
            "Gunmen killed three soldiers in Kidal last week, the army said on Tuesday.",
            (date(2016, 5, 2), DatePrecision::Week, "last week"),
        ),
        (
            "A bomb killed five people in Kabul on Monday, police told reporters on Tuesday.",
            (date(2016, 5, 9), DatePrecision::Day, "on Monday"),
        ),
        (
            "The army said in a statement on Tuesday that gunmen had killed three soldiers near \
             Gao earlier this month.",
            (date(2016, 5, 1), DatePrecision::Month, "earlier this month"),
        ),
        (
            "On Tuesday, the ministry announced that gunmen had killed four guards in Kabul on \
             Sunday.",
            (date(2016, 5, 8), DatePrecision::Day, "on Sunday"),
        ),
    ] {
        let main = main_incident(text, "2016-05-11");
        let d = date_of(&main);
        assert_eq!(
            (d.start.unwrap(), d.precision, d.text.as_str()),
            expected,
            "{text:?}"
        );
    }
}

#[test]
fn the_day_of_a_report_dates_an_event_that_nothing_else_dates() {
    // An upper bound, kept as the day of the news when the text gives no other date.
    let main = main_incident(
        "Gunmen killed three soldiers in Kidal, the army said on Tuesday.",
        "2016-05-11",
    );
    assert_eq!(
        (start(&main), date_of(&main).text.as_str()),
        (Some(date(2016, 5, 10)), "on Tuesday")
    );
}

#[test]
fn a_recent_report_after_a_past_incident_is_the_news() {
    let out = extract(
        "In 2014, a bomb killed 20 people at a market in Gao. Gunmen killed three soldiers in \
         the town, the army said on Tuesday.",
        "2016-05-11",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let main = &out.incidents[0];
    assert!(!main.background);
    assert_eq!(range(&main.killed), exactly(3));
    assert_eq!(start(main), Some(date(2016, 5, 10)));
    assert_eq!(range(&the_background(&out).killed), exactly(20));
}

#[test]
fn a_later_report_of_more_victims_opens_no_incident() {
    let out = extract(
        "Gunmen killed two soldiers in Kidal on Monday. Two more soldiers died of their wounds, \
         the army said on Thursday.",
        "2016-05-13",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
    assert_eq!(start(&out.incidents[0]), Some(date(2016, 5, 9)));
}

// ---------------------------------------------------------------------------------------------
// 5. No publication date: the words and an honest precision, no day.

#[test]
fn relative_dates_without_publication_keep_their_words_and_precision() {
    for (text, precision, words) in [
        (
            "A car bomb killed six people in Kabul on Sunday.",
            DatePrecision::Day,
            "on Sunday",
        ),
        (
            "A car bomb killed six people in Kabul last week.",
            DatePrecision::Week,
            "last week",
        ),
        (
            "A car bomb killed six people in Kabul yesterday.",
            DatePrecision::Day,
            "yesterday",
        ),
        (
            "A car bomb killed six people in Kabul earlier this month.",
            DatePrecision::Month,
            "earlier this month",
        ),
        (
            "Gunmen killed three soldiers in Kidal, the army said on Tuesday.",
            DatePrecision::Day,
            "on Tuesday",
        ),
    ] {
        let out = extract_undated(text);
        assert_eq!(out.incidents.len(), 1, "{text:?}");
        let d = date_of(&out.incidents[0]);
        assert_eq!(
            (d.start, d.end, d.precision, d.text.as_str()),
            (None, None, precision, words),
            "{text:?}"
        );
    }
}

#[test]
fn an_absolute_date_later_in_the_story_replaces_a_date_without_days() {
    let out = extract_undated(
        "Gunmen stormed a hotel in Tripoli on Sunday. The attack on 12 April 2015 killed two \
         guards.",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
    assert_eq!(start(&out.incidents[0]), Some(date(2015, 4, 12)));
}

#[test]
fn the_serialised_date_without_publication_has_null_days() {
    let out = extract_undated("A car bomb killed six people in Kabul on Sunday.");
    let json = serde_json::to_value(&out.incidents[0]).unwrap();
    assert_eq!(
        json["date"],
        serde_json::json!({"start": null, "end": null, "precision": "day", "text": "on Sunday"})
    );
}

// ---------------------------------------------------------------------------------------------
// 6. A day named without its year as the name of an event.

#[test]
fn a_named_past_event_is_not_dated_this_year() {
    // 2016-09-20 was a Tuesday; "the September 11 attacks" are not those of 2016-09-11.
    let out = extract(
        "Gunmen killed 12 people at a nightclub in Orlando on Sunday. It was the deadliest \
         attack in the United States since the September 11 attacks.",
        "2016-09-20",
    );
    assert_eq!(start(&out.incidents[0]), Some(date(2016, 9, 18)));
    assert!(
        out.incidents
            .iter()
            .all(|i| start(i) != Some(date(2016, 9, 11))),
        "{:#?}",
        out.incidents
    );
    // Nor does it date the news it is told with, nor open an incident of that day.
    for text in [
        "A bomb exploded outside a bank in New York on Saturday, wounding 29 people. The blast \
         came days after the anniversary of the September 11 terror attacks.",
        "A bomb exploded outside a bank in New York, wounding 29 people. The blast came days \
         after the anniversary of the 11 September hijackings.",
    ] {
        let out = extract(text, "2016-09-20");
        assert!(
            out.incidents
                .iter()
                .all(|i| start(i) != Some(date(2016, 9, 11))),
            "{text:?}: {:#?}",
            out.incidents
        );
        assert_eq!(range(&out.incidents[0].wounded), exactly(29));
    }
    // Alone, it stays a day without a year.
    let out = extract(
        "Relatives of the victims of the September 11 attacks marched in New York, where a \
         bomb had wounded 29 people.",
        "2016-09-20",
    );
    for i in &out.incidents {
        if let Some(d) = &i.date {
            assert_eq!((d.start, d.end), (None, None), "{d:?}");
        }
    }
}

#[test]
fn a_named_event_the_text_dates_is_that_day() {
    // 2015-11-15 was a Sunday: Friday is November 13.
    let out = extract(
        "Gunmen attacked cafes and a concert hall in Paris on Friday, killing 130 people. The \
         November 13 attacks were claimed by the Islamic State.",
        "2015-11-15",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
    assert_eq!(start(&out.incidents[0]), Some(date(2015, 11, 13)));
}

#[test]
fn the_year_an_anniversary_recalls_does_not_date_the_incident() {
    let i = main_incident(
        "A hand grenade was thrown at a gas station in Tabriz on the anniversary of the \
         suppression of a student protest in 1999. The explosion caused no damage.",
        "2003-07-09",
    );
    assert!(!i.background, "{i:?}");
    assert_ne!(start(&i), Some(date(1999, 1, 1)), "{:?}", i.date);
}

// ---------------------------------------------------------------------------------------------
// Times counted back from the event being told, a day apart elsewhere, what an attack avenges.

/// The non-background incident and the background ones, in text order.
fn main_and_past(out: &ExtractedArticle) -> (&Incident, Vec<&Incident>) {
    (
        not_background(out),
        out.incidents.iter().filter(|i| i.background).collect(),
    )
}

#[test]
fn two_days_earlier_is_a_background_incident_dated_from_the_main_one() {
    // 2020-03-10 was a Tuesday: "on Sunday" is 2020-03-08.
    let out = extract(
        "Gunmen killed five soldiers in an attack on a base in Damboa on Sunday, the army said. \
         Two days earlier, insurgents shot dead three farmers in Gajiram. \
         The soldiers were buried on Monday.",
        "2020-03-10",
    );
    let (main, past) = main_and_past(&out);
    assert_eq!(range(&main.killed), exactly(5));
    assert_eq!(start(main), Some(date(2020, 3, 8)));
    assert_eq!(past.len(), 1, "{:#?}", out.incidents);
    assert_eq!(range(&past[0].killed), exactly(3));
    assert_eq!(date_of(past[0]).text, "Two days earlier");
    assert_eq!(start(past[0]), Some(date(2020, 3, 6)));
    assert_eq!(
        past[0].location.as_ref().map(|l| l.name.as_str()),
        Some("Gajiram")
    );
}

#[test]
fn the_story_goes_on_with_the_main_incident_after_an_earlier_one() {
    let out = extract(
        "A bomb exploded at a market in Kano on Sunday, wounding four people. \
         A similar bomb exploded at the same market a week earlier. \
         Two of the wounded later died in hospital.",
        "2019-06-04",
    );
    let (main, past) = main_and_past(&out);
    assert_eq!(past.len(), 1, "{:#?}", out.incidents);
    assert_eq!(date_of(past[0]).text, "a week earlier");
    assert_eq!(date_of(past[0]).precision, DatePrecision::Week);
    // "Two of the wounded later died" updates the main incident, not the earlier one.
    assert_eq!(range(&main.killed), exactly(2));
    assert_eq!(past[0].killed, None);
}

#[test]
fn a_time_counted_back_never_dates_the_incident_it_counts_from() {
    for text in [
        "Police recovered the body of a village chief from a forest near Kisumu. He had been \
         abducted the day before.",
        "Militants fired mortars at a police post in Kidal, wounding two officers, two days \
         before the election.",
    ] {
        let out = extract_undated(text);
        let (main, _) = main_and_past(&out);
        assert!(
            main.date
                .as_ref()
                .is_none_or(|d| !d.text.contains("before")),
            "{text:?}: {:#?}",
            main.date
        );
    }
}

#[test]
fn a_day_apart_at_another_place_is_another_incident() {
    // 2006-04-11 was a Tuesday.
    let out = extract(
        "A mine planted by rebels hit a bus near Trincomalee on Tuesday, killing 12 sailors. \
         On Monday, a mine blast killed five soldiers and two aid workers in the northern town \
         of Jaffna.",
        "2006-04-11",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let main = &out.incidents[0];
    assert_eq!(range(&main.killed), exactly(12));
    let other = &out.incidents[1];
    assert_eq!(range(&other.killed), exactly(7));
    assert_eq!(start(other), Some(date(2006, 4, 10)));
    // An event that "also" happened a day apart is another one, wherever it was.
    let out = extract(
        "Gang members killed three police officers at a police station in Port-au-Prince on \
         Sunday. Gang members also killed one officer at a police station in Port-au-Prince \
         on Saturday.",
        "2021-06-07",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    // At the same place, a day's slack is one event told twice.
    let out = extract(
        "A mine hit a bus near Trincomalee late on Monday, killing 12 sailors. The blast on \
         Tuesday near Trincomalee was blamed on the rebels.",
        "2006-04-11",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
}

#[test]
fn the_day_of_what_an_attack_avenges_does_not_date_it() {
    let out = extract(
        "A bomb exploded at a court in Tehran, killing two people. The group claimed \
         responsibility, saying it was in retaliation for the killing of eight of its members \
         last November.",
        "1998-06-02",
    );
    let (main, past) = main_and_past(&out);
    assert!(past.is_empty(), "{:#?}", out.incidents);
    assert!(main.date.is_none(), "{:#?}", main.date);
    assert_eq!(range(&main.killed), exactly(2));
}

#[test]
fn another_victim_on_another_day_in_the_same_sentence_is_another_incident() {
    let out = extract(
        "A policeman was killed at a post in Khurcha on September 21. Two more policemen were \
         killed in similar incidents this month: one was shot dead in Karaleti on September 10 \
         and another was killed in the village of Ganmukhuri on September 13.",
        "2008-09-23",
    );
    let days: Vec<Option<Date>> = out.incidents.iter().map(start).collect();
    assert_eq!(
        days,
        [
            Some(date(2008, 9, 21)),
            Some(date(2008, 9, 10)),
            Some(date(2008, 9, 13))
        ],
        "{:#?}",
        out.incidents
    );
    // One victim's attack and death on two days are one incident.
    let out = extract(
        "A policeman was shot at a post in Khurcha on September 19 and died in hospital on \
         September 21.",
        "2008-09-23",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
}

#[test]
fn what_an_attack_follows_or_came_hours_after_is_another_incident() {
    // Without a publication date, only the words say that the bombing came first.
    let out = extract_undated(
        "Militants attacked a police station in Bannu district on Friday, killing two \
         policemen. It also follows a suicide bombing earlier this week on a paramilitary \
         headquarters in Peshawar.",
    );
    let (main, past) = main_and_past(&out);
    assert_eq!(date_of(main).text, "on Friday");
    assert_eq!(past.len(), 1, "{:#?}", out.incidents);
    assert_eq!(
        past[0].location.as_ref().map(|l| l.name.as_str()),
        Some("Peshawar")
    );
    let out = extract(
        "Five suspects were shot dead by police in Cambrils after they drove into pedestrians. \
         The attack came hours after a van mowed down shoppers in Barcelona, killing 13.",
        "2017-08-18",
    );
    let (main, past) = main_and_past(&out);
    assert_eq!(past.len(), 1, "{:#?}", out.incidents);
    assert_eq!(range(&past[0].killed), exactly(13));
    assert_ne!(range(&main.killed), exactly(13));
    let out = extract(
        "A roadside bomb killed four soldiers near Gao on Tuesday, the army said. The blast \
         came after weeks of fighting between rival militias around Menaka.",
        "2019-11-07",
    );
    let (_, past) = main_and_past(&out);
    assert_eq!(past.len(), 1, "{:#?}", out.incidents);
    assert_eq!(
        past[0].location.as_ref().map(|l| l.name.as_str()),
        Some("Menaka")
    );
    // "came after the attack" names the same event.
    let out = extract(
        "A roadside bomb killed four soldiers near Gao on Tuesday. The arrests came after the \
         attack in Menaka.",
        "2019-11-07",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
    // What came after the attack is not before it, and a pursuit is no earlier event.
    for text in [
        "Gunmen attacked a cafe in Samsun. In the clashes that followed the attack, security \
         forces killed one attacker.",
        "Gunmen followed the judge home and shot him dead in Samsun.",
    ] {
        let out = extract(text, "2017-08-18");
        assert!(
            out.incidents.iter().all(|i| !i.background),
            "{text:?}: {:#?}",
            out.incidents
        );
    }
}
