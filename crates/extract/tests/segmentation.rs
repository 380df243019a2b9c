//! Segmentation: the main incident first; every other incident the article mentions (past
//! ones recalled for context, others the same day) follows with `background: true` and its
//! own date, place and counts; references to the main incident
//! ("Monday's attack") do not open new incidents.

mod common;

use common::{exactly, extract, not_background, range};
use jiff::civil::date;
use sitrep_model::{DatePrecision, EventType};

#[test]
fn a_past_bombing_after_the_news_is_background_with_its_own_date_and_toll() {
    let out = extract(
        "Gunmen attacked a checkpoint in Kunduz on Monday, killing three policemen, officials \
         said. In March 2014, a suicide bombing at a market in the same city killed 20 people.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let (main, past) = (&out.incidents[0], &out.incidents[1]);

    assert!(!main.background);
    assert_eq!(range(&main.killed), exactly(3));
    assert_eq!(main.date.as_ref().unwrap().start, Some(date(2016, 5, 9)));

    assert!(past.background);
    assert_eq!(past.event_type, EventType::Bombing);
    assert_eq!(range(&past.killed), exactly(20));
    let past_date = past.date.as_ref().expect("the past incident's date");
    assert_eq!(past_date.precision, DatePrecision::Month);
    assert_eq!(past_date.start, Some(date(2014, 3, 1)));
    assert_eq!(past_date.end, Some(date(2014, 3, 31)));
}

#[test]
fn a_background_incident_has_its_own_place() {
    let out = extract(
        "A grenade attack on a nightclub in Mombasa on Monday wounded nine people, police said. \
         The attack came three years after militants stormed the Westgate mall in Nairobi on \
         September 21, 2013, killing 67 people.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let (main, past) = (&out.incidents[0], &out.incidents[1]);

    assert!(!main.background);
    assert_eq!(main.location.as_ref().unwrap().name, "Mombasa");
    assert_eq!(range(&main.wounded), exactly(9));

    assert!(past.background);
    assert_eq!(past.location.as_ref().unwrap().name, "Nairobi");
    assert_eq!(past.date.as_ref().unwrap().start, Some(date(2013, 9, 21)));
    assert_eq!(range(&past.killed), exactly(67));
}

#[test]
fn the_main_incident_comes_first_even_when_told_second() {
    let out = extract(
        "In June 2014, a bombing at the same market in Baghdad killed 40 people. On Monday, a car \
         bomb exploded there, killing six people, police said.",
        "2016-05-10",
    );
    let main = &out.incidents[0];
    assert!(!main.background);
    assert_eq!(range(&main.killed), exactly(6));
    assert_eq!(main.date.as_ref().unwrap().start, Some(date(2016, 5, 9)));

    let past = out
        .incidents
        .iter()
        .find(|i| i.background)
        .expect("the 2014 bombing");
    assert_eq!(range(&past.killed), exactly(40));
    assert_eq!(past.date.as_ref().unwrap().start, Some(date(2014, 6, 1)));
}

#[test]
fn a_reference_to_the_main_incident_opens_no_new_incident() {
    let out = extract(
        "A bomb exploded at a police station in Diyarbakir on Monday. Two officers were killed in \
         Monday's attack, the governor said.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
    assert_eq!(range(&out.incidents[0].killed), exactly(2));
}

#[test]
fn sentences_without_a_date_continue_the_incident() {
    let out = extract(
        "Militants attacked a police post in Khost on Saturday. Four policemen and two civilians \
         were killed, a spokesman said. The attackers fled into the mountains.",
        "2012-01-15",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
    assert_eq!(range(&out.incidents[0].killed), exactly(6));
}

#[test]
fn general_talk_of_attacks_is_not_an_incident() {
    let out = extract(
        "Gunmen killed two soldiers in Kidal on Monday. There have been a number of attacks on \
         peacekeepers in the region.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
}

#[test]
fn an_old_incident_alone_is_background() {
    let out = extract(
        "Gunmen killed five soldiers in an ambush near Mopti on January 28, the army said.",
        "2016-05-10",
    );
    assert_eq!(out.incidents.len(), 1);
    let i = &out.incidents[0];
    assert!(i.background, "an incident months before publication");
    assert_eq!(i.date.as_ref().unwrap().start, Some(date(2016, 1, 28)));
    assert_eq!(range(&i.killed), exactly(5));
}

#[test]
fn a_report_that_turns_to_another_province_tells_another_incident() {
    let out = extract(
        "Insurgents attacked a police post in Kandahar province late on Tuesday, killing four \
         policemen, officials said. In the northern Balkh province, meanwhile, gunmen shot dead \
         two teachers late on Tuesday. Their bodies were taken to a hospital.",
        "2019-03-13",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let (first, second) = (&out.incidents[0], &out.incidents[1]);
    assert_eq!(range(&first.killed), exactly(4));
    assert_eq!(range(&second.killed), exactly(2));
    assert_eq!(
        second.location.as_ref().unwrap().admin1.as_deref(),
        Some("Balkh")
    );
    // The day it shares with the first incident does not send its story back there.
    assert_eq!(second.date.as_ref().unwrap().start, Some(date(2019, 3, 12)));
    // Told beside the news, not as it: the same day, yet background.
    assert!(!first.background);
    assert!(second.background);
}

#[test]
fn another_town_the_attackers_also_struck_is_another_incident_even_in_the_same_province() {
    let out = extract(
        "Gunmen on motorcycles killed 14 farmers in Faskari, Katsina State, on Thursday, police \
         said. The same gang also raided Funtua, killing six people.",
        "2021-07-09",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let (first, second) = (&out.incidents[0], &out.incidents[1]);
    assert_eq!(first.location.as_ref().unwrap().name, "Faskari");
    assert_eq!(range(&first.killed), exactly(14));
    assert_eq!(second.location.as_ref().unwrap().name, "Funtua");
    assert_eq!(range(&second.killed), exactly(6));
}

#[test]
fn a_place_where_someone_speaks_or_serves_is_no_second_incident() {
    for text in [
        "Guerrillas stormed the ambassador's residence in Lima on Tuesday and seized dozens of \
         guests. In Washington, a State Department official said the guerrillas attacked after \
         setting off explosives outside.",
        "A bomb killed the governor of Kandahar province in Kabul on Tuesday. A source in \
         Kandahar said the attackers fled.",
        "A bomb exploded outside a market in Peshawar on Monday, killing three people. The \
         wounded were taken to a hospital in Islamabad, where two later died.",
    ] {
        let out = extract(text, "2019-03-13");
        let main: Vec<_> = out.incidents.iter().filter(|i| !i.background).collect();
        assert_eq!(main.len(), 1, "{text:?}: {:#?}", out.incidents);
    }
}

#[test]
fn a_place_inside_the_incidents_province_is_the_same_incident() {
    let out = extract(
        "Gunmen attacked a checkpoint in Nangarhar province on Monday, killing five soldiers. In \
         Jalalabad, the provincial capital, the attackers also wounded three civilians.",
        "2019-03-13",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
    assert_eq!(range(&out.incidents[0].wounded), exactly(3));
}

#[test]
fn elsewhere_opens_another_incident() {
    let out = extract(
        "A roadside bomb killed two soldiers in Diyala on Monday. Elsewhere, gunmen killed a \
         shepherd.",
        "2019-03-13",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    assert_eq!(range(&out.incidents[1].killed), exactly(1));
}

#[test]
fn since_a_day_when_something_happened_is_a_past_incident() {
    let out = extract(
        "A car bomb exploded at a market in Kirkuk on Tuesday, killing 14 people, police said. \
         It was the deadliest attack in the city since March 3, when a suicide bomber killed \
         40 people at a checkpoint.",
        "2016-05-11",
    );
    let main = &out.incidents[0];
    assert!(!main.background);
    assert_eq!(range(&main.killed), exactly(14));
    assert!(
        main.attackers_killed.is_none(),
        "{:?}",
        main.attackers_killed
    );
    let past = out
        .incidents
        .iter()
        .find(|i| i.background)
        .expect("the past incident");
    assert_eq!(range(&past.killed), exactly(40));
    assert_eq!(past.date.as_ref().unwrap().start, Some(date(2016, 3, 3)));
}

#[test]
fn an_event_told_as_earlier_that_day_is_another_incident() {
    let text = "Militants overran an army post in Kunar province on Tuesday night, killing four \
                soldiers, a spokesman said. Earlier on Tuesday, a car bomb exploded near a bank \
                in Jalalabad, killing six people and wounding 20.";
    for published in ["2019-04-17", ""] {
        let out = extract(text, published);
        assert_eq!(out.incidents.len(), 2, "{published}: {:#?}", out.incidents);
        let (main, other) = (&out.incidents[0], &out.incidents[1]);
        assert_eq!(range(&main.killed), exactly(4), "{published}");
        assert_eq!(range(&other.killed), exactly(6), "{published}");
        assert_eq!(range(&other.wounded), exactly(20), "{published}");
        assert_eq!(other.event_type, EventType::Bombing, "{published}");
    }
}

#[test]
fn days_after_another_attack_opens_a_past_incident() {
    let out = extract(
        "A gunman killed nine people at a shopping centre in Dayton on Saturday. The shooting \
         came just six days after a teenage gunman killed three people at a street fair in \
         Fresno.",
        "2019-08-05",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let (main, past) = (&out.incidents[0], &out.incidents[1]);
    assert_eq!(range(&main.killed), exactly(9));
    assert!(past.background);
    assert_eq!(range(&past.killed), exactly(3));
}

#[test]
fn a_past_clause_after_a_dateline_ends_at_its_comma() {
    let out = extract(
        "Garissa, Kenya: Twelve days after 15 people were killed in a raid on a police post in \
         Mandera, gunmen struck again on Sunday, killing four passengers on a bus.",
        "2019-08-05",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let (main, past) = (&out.incidents[0], &out.incidents[1]);
    assert_eq!(range(&main.killed), exactly(4));
    assert!(past.background);
    assert_eq!(range(&past.killed), exactly(15));
}

#[test]
fn a_day_after_the_clashes_is_their_aftermath() {
    let out = extract(
        "Police shot dead four rioters in Meerut on Thursday. A day after the clashes, with a \
         curfew in force, the streets of Meerut were deserted.",
        "2019-08-05",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
}

#[test]
fn another_attack_after_the_day_it_happened_is_another_incident() {
    let text = "Two suicide bombers struck a cattle market in Konduga on Tuesday, killing 12 \
                people. On Monday, another suicide bomber blew herself up at a mosque in \
                Maiduguri, killing at least nine worshippers.";
    for published in ["2019-06-19", ""] {
        let out = extract(text, published);
        assert_eq!(out.incidents.len(), 2, "{published}: {:#?}", out.incidents);
        assert_eq!(range(&out.incidents[0].killed), exactly(12), "{published}");
        assert_eq!(
            range(&out.incidents[1].killed).and_then(|(min, _)| min),
            Some(9),
            "{published}"
        );
    }
}

#[test]
fn a_similar_bomb_is_another_incident() {
    let out = extract(
        "A bomb hidden in a parked car exploded outside a bank in Cotabato on Wednesday, \
         wounding 11 people, police said. A similar bomb exploded at a bus stop in Koronadal, \
         killing two passengers.",
        "2019-01-03",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    assert_eq!(range(&out.incidents[0].killed), exactly(0));
    assert_eq!(range(&out.incidents[0].wounded), exactly(11));
    assert_eq!(range(&out.incidents[1].killed), exactly(2));
}

#[test]
fn an_event_of_another_kind_that_also_happened_elsewhere_is_another_incident() {
    let out = extract(
        "A car bomb exploded outside a police station in Kayseri on Tuesday, killing two \
         policemen. Suspected rebels have also kidnapped 10 villagers in a raid on a hamlet \
         near the eastern town of Tunceli, state television said.",
        "2019-01-03",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let (main, other) = (&out.incidents[0], &out.incidents[1]);
    assert_eq!(main.event_type, EventType::Bombing);
    assert_eq!(other.event_type, EventType::Kidnapping);
    assert_eq!(range(&other.kidnapped), exactly(10));
    // Of the same kind, "also" adds to the incident: "also killed" is more of the same.
    let out = extract(
        "A car bomb exploded outside a police station in Kayseri on Tuesday, killing two \
         policemen. The bomb also killed a passer-by near the station, police said.",
        "2019-01-03",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
}

#[test]
fn an_earlier_attack_by_someone_without_a_toll_is_background() {
    // No figure and no word for how: armed men attacking a town is still an attack of its own.
    let out = extract(
        "Gunmen killed five soldiers in Kidal on Monday, officials said. Last week, an armed \
         group attacked the town of Tessalit and fled after peacekeepers intervened.",
        "2020-03-04",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let (main, past) = (&out.incidents[0], &out.incidents[1]);
    assert!(!main.background);
    assert_eq!(range(&main.killed), exactly(5));
    assert!(past.background);
    let place = past.location.as_ref().expect("the earlier attack's place");
    assert_eq!(place.name, "Tessalit");
    // A group's claim of "an attack" at another time is another attack, and its claim.
    let out = extract(
        "Gunmen killed five soldiers in Kidal on Monday, officials said. Al-Qaeda in the \
         Islamic Maghreb also claimed an attack on an army convoy near Gao in January.",
        "2020-03-04",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    assert!(out.incidents[1].background);
    assert_eq!(
        out.incidents[1].location.as_ref().map(|l| l.name.as_str()),
        Some("Gao")
    );
    assert!(
        out.incidents[0]
            .perpetrators
            .iter()
            .all(|p| p.name.is_none())
    );
    // Told of the main incident, the same words open nothing.
    let out = extract(
        "Gunmen killed five soldiers in Kidal on Monday, officials said. The gunmen attacked \
         the camp at dawn and fled before troops arrived.",
        "2020-03-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
}

#[test]
fn the_event_an_attack_is_ranked_after_is_another_incident() {
    // What an attack ranks behind ("the deadliest … after a 1998 bombing in X") happened
    // elsewhere and before: its place does not become the main incident's.
    let out = extract(
        "A gunman opened fire in a shopping centre in Leeds, killing seven people and wounding \
         nine. It was the deadliest attack in the country after a 1998 bombing in Omagh that \
         killed 29 people.",
        "2019-06-03",
    );
    let main = not_background(&out);
    assert_eq!(
        main.location.as_ref().map(|l| l.name.as_str()),
        Some("Leeds"),
        "{:#?}",
        out.incidents
    );
    assert_eq!(range(&main.killed), exactly(7));
    let past = out
        .incidents
        .iter()
        .find(|i| i.background)
        .expect("the 1998 bombing as background");
    assert_eq!(range(&past.killed), exactly(29));
    assert_eq!(
        past.location.as_ref().map(|l| l.name.as_str()),
        Some("Omagh")
    );
}

#[test]
fn without_a_publication_date_an_event_dated_well_before_the_latest_date_is_background() {
    // No publication date and no date for the main incident: the page is written after the
    // latest date it gives, so "March 2010" (two years before "2012") is not the main one.
    let out = extract(
        "A bomb hidden in a cart exploded at a crowded market, killing 11 people. The market \
         was hit by a suicide bombing in March 2010, and again in May 2012.",
        "",
    );
    let main = not_background(&out);
    assert!(
        main.date
            .as_ref()
            .is_none_or(|d| d.start != Some(date(2010, 3, 1))),
        "{:#?}",
        out.incidents
    );
}

#[test]
fn a_separate_incident_on_the_same_day_is_another_incident() {
    // 2019-01-03 was a Thursday.
    let text = "Bandits kidnapped six traders on a highway in Katsina on Wednesday, police \
                said. In a separate attack on Wednesday, gunmen raided a farm near the same \
                road, wounding three herders.";
    for published in ["2019-01-03", ""] {
        let out = extract(text, published);
        assert_eq!(out.incidents.len(), 2, "{published}: {:#?}", out.incidents);
        assert_eq!(range(&out.incidents[0].wounded), None, "{published}");
        assert_eq!(range(&out.incidents[1].wounded), exactly(3), "{published}");
    }
}

#[test]
fn another_bomb_found_the_same_day_elsewhere_is_another_incident() {
    let out = extract(
        "A grenade exploded outside a bakery in Cotabato on Wednesday, wounding 11 people, \
         police said. Another bomb was found in a parked van in Koronadal on Wednesday and was \
         disarmed by soldiers.",
        "2019-01-03",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    assert_eq!(out.incidents[0].location.as_ref().unwrap().name, "Cotabato");
    assert_eq!(
        out.incidents[1].location.as_ref().unwrap().name,
        "Koronadal"
    );
}

#[test]
fn an_attack_told_as_later_that_day_is_another_incident() {
    let out = extract(
        "Militiamen shot dead two fishermen near Bunia on Friday. Later on Friday, the \
         militiamen attacked a market in Mahagi, where they killed five people.",
        "2019-08-28",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    assert_eq!(range(&out.incidents[0].killed), exactly(2));
    assert_eq!(range(&out.incidents[1].killed), exactly(5));
}

#[test]
fn an_incident_without_a_place_takes_the_place_of_the_one_it_follows() {
    let out = extract(
        "Rebels overran an army base in Idlib province on Sunday night, killing six soldiers. \
         Earlier on Sunday, a car bomb exploded outside the central bank in Damascus, killing \
         seven people. Last month, a bombing near the same bank killed 12 people.",
        "2019-01-08",
    );
    assert_eq!(out.incidents.len(), 3, "{:#?}", out.incidents);
    let last = &out.incidents[2];
    assert_eq!(range(&last.killed).and_then(|(min, _)| min), Some(12));
    assert_eq!(last.location.as_ref().unwrap().name, "Damascus");
}

#[test]
fn a_strike_on_another_town_of_the_province_a_day_apart_is_another_incident() {
    // 2012-10-08 was a Monday.
    let text = "A drone strike hit a truck near Tikrit on Sunday, killing two men, medics \
                said. On Saturday night, a drone struck a house in Samarra, killing a commander \
                and another militant.";
    for published in ["2012-10-08", ""] {
        let out = extract(text, published);
        assert_eq!(out.incidents.len(), 2, "{published}: {:#?}", out.incidents);
        assert_eq!(
            out.incidents[1].location.as_ref().map(|l| l.name.as_str()),
            Some("Samarra"),
            "{published}"
        );
    }
}

#[test]
fn an_attack_hours_later_is_another_incident_but_a_later_toll_is_not() {
    let out = extract(
        "A drone struck a car in Mir Ali on Monday, killing three militants. Several hours \
         later, another drone struck a compound in Datta Khel, killing four people.",
        "2012-10-09",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    assert_eq!(range(&out.incidents[1].killed), exactly(4));
    let out = extract(
        "A bomb exploded at a market in Quetta on Monday, killing three people. Several hours \
         later, the toll rose to five.",
        "2012-10-09",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
}

#[test]
fn cues_of_another_story_open_another_incident() {
    for text in [
        "Gunmen killed four soldiers at a checkpoint in Kidal on Sunday. Separately, a \
         sergeant was killed by a roadside bomb in Gao.",
        "Gunmen killed four soldiers at a checkpoint in Kidal on Sunday. Two guards were \
         killed in another attack near the airport.",
        "Gunmen killed four soldiers at a checkpoint in Kidal on Sunday. Also on Sunday, a \
         bus was ambushed south of the town and its driver was killed.",
        "Gunmen killed four soldiers at a checkpoint in Kidal on Sunday. Earlier, gunmen shot \
         dead a trader on the road out of town.",
    ] {
        let out = extract(text, "2019-05-07");
        assert_eq!(out.incidents.len(), 2, "{text}: {:#?}", out.incidents);
        assert_eq!(range(&out.incidents[0].killed), exactly(4), "{text}");
    }
    // A report, not an attack, after "Earlier,".
    let out = extract(
        "Gunmen killed four soldiers at a checkpoint in Kidal on Sunday. Earlier, the army \
         said the attack had been repelled.",
        "2019-05-07",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
}

#[test]
fn a_clause_that_opens_in_another_country_is_another_incident() {
    let out = extract(
        "A mortar shell fired across the border hit a school in Kilis on Monday, wounding two \
         pupils. In Syria, rescuers said four people were killed in shelling of Azaz.",
        "2019-05-07",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let other = &out.incidents[1];
    assert_eq!(
        other.location.as_ref().map(|l| l.country.as_str()),
        Some("SY")
    );
    assert_eq!(range(&other.killed), exactly(4));
}

#[test]
fn a_clause_that_opens_on_its_own_day_and_place_tells_its_own_event() {
    // 2020-03-09 was a Monday.
    let out = extract(
        "On Saturday, about 30 fighters raided a school in the north of Cameroon, killing \
         three teachers, officials said. On Sunday, in lawless Southwest province, a roadside \
         bomb wounded seven soldiers.",
        "2020-03-09",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let other = &out.incidents[1];
    assert_eq!(range(&other.wounded), exactly(7));
    assert_eq!(
        other.location.as_ref().map(|l| l.name.as_str()),
        Some("Southwest Region")
    );
}

#[test]
fn a_town_an_attack_also_struck_elsewhere_is_another_incident() {
    let out = extract(
        "Rebels and troops fought on the outskirts of Hama on Saturday, killing 14 fighters, a \
         monitor said. Heavy battles also rocked Douma, a suburb east of Damascus.",
        "2013-03-04",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    assert_eq!(
        out.incidents[1].location.as_ref().map(|l| l.name.as_str()),
        Some("Douma")
    );
}

#[test]
fn where_the_attackers_fled_is_not_where_an_incident_happened() {
    let out = extract(
        "Bandits killed eight herders near Zinder on Thursday, officials said. In January, 40 \
         people were killed by bandits in two hamlets before the attackers fled to \
         neighbouring Nigeria.",
        "2021-05-24",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let past = &out.incidents[1];
    assert_eq!(range(&past.killed), exactly(40));
    assert_eq!(
        past.location.as_ref().map(|l| l.country.as_str()),
        Some("NE")
    );
}

#[test]
fn a_day_after_an_earlier_event_dates_it_and_its_day_gathers_its_story() {
    // 2006-10-04 was a Wednesday.
    let out = extract(
        "Pirates kidnapped five crew members from a tanker off Bonny on Tuesday, a day after \
         12 sailors were taken hostage in an attack on a cargo ship. Five of the sailors \
         abducted Monday were released, the shipping company said. During the attack on the \
         cargo ship, two guards were killed.",
        "2006-10-04",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let (main, past) = (&out.incidents[0], &out.incidents[1]);
    assert_eq!(
        main.date.as_ref().and_then(|d| d.start),
        Some(date(2006, 10, 3))
    );
    assert_eq!(range(&main.killed), None);
    assert_eq!(
        past.date.as_ref().and_then(|d| d.start),
        Some(date(2006, 10, 2))
    );
    assert_eq!(range(&past.killed), exactly(2));
}

#[test]
fn an_attack_told_as_of_the_next_day_is_another_incident() {
    // 2019-01-08 was a Tuesday.
    let out = extract(
        "A car bomb exploded near a hotel in Mogadishu on Sunday, killing five people. On \
         Monday, a gunman was shot dead by soldiers in Mogadishu as he tried to storm a \
         checkpoint.",
        "2019-01-08",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    // What the next day brings without an attack is the same story.
    let out = extract(
        "Gunmen attacked a village in Zamfara late on Sunday, killing 12 people. On Monday, \
         residents buried the dead.",
        "2019-01-08",
    );
    assert_eq!(out.incidents.len(), 1, "{:#?}", out.incidents);
}

#[test]
fn troops_that_were_attacked_on_a_day_of_their_own_are_another_incident() {
    let out = extract(
        "Militants ambushed a patrol near Mopti on Sunday, killing four soldiers. On July 3, \
         UN peacekeepers were attacked on the road to Kidal.",
        "2018-08-01",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    let past = &out.incidents[1];
    assert!(past.background);
    assert_eq!(
        past.date.as_ref().and_then(|d| d.start),
        Some(date(2018, 7, 3))
    );
}

#[test]
fn a_coordinated_clause_a_while_later_is_another_incident() {
    let out = extract(
        "On March 2, a grenade exploded at a bar in Goma, killing one person, and two days \
         later, a suicide bomber detonated a vest at a church in Beni.",
        "2021-11-20",
    );
    assert_eq!(out.incidents.len(), 2, "{:#?}", out.incidents);
    assert_eq!(range(&out.incidents[0].killed), exactly(1));
    assert_eq!(
        out.incidents[1].location.as_ref().map(|l| l.name.as_str()),
        Some("Beni")
    );
}
