//! Whole news pages through the whole extractor: a headline restated by the lead and the body
//! is one toll; running totals and earlier attacks do not count; a later figure wins; pages
//! about a match or a crash report no incident. Every text was written for these tests.

mod common;

use common::{extract, main_incident, range};
use sitrep_model::ExtractedArticle;

/// The main incident's total dead: victims plus attackers.
fn total_killed(text: &str, published: &str) -> Option<u32> {
    let i = main_incident(text, published);
    let victims = i.killed.as_ref().and_then(|c| c.min);
    let attackers = i.attackers_killed.as_ref().and_then(|c| c.min);
    match (victims, attackers) {
        (None, None) => None,
        (v, a) => Some(v.unwrap_or(0) + a.unwrap_or(0)),
    }
}

fn main_of(out: &ExtractedArticle) -> Option<&sitrep_model::Incident> {
    out.incidents.iter().find(|i| !i.background)
}

#[test]
fn a_toll_restated_in_headline_lead_and_body_is_one_toll() {
    let text = "Militants Kill Seven Soldiers in Attack on Army Post\n\
        Militants attacked an army post in the north of the country on Saturday, killing seven \
        soldiers, officials said.\n\
        The gunmen arrived on motorbikes shortly after dawn and opened fire on the post.\n\
        \"We lost seven of our men,\" an army officer told reporters.\n\
        Seven soldiers were killed and the attackers fled into the forest, the officer said.";
    let i = main_incident(text, "2021-03-14");
    assert_eq!(range(&i.killed), Some((Some(7), Some(7))), "{:?}", i.killed);
}

#[test]
fn a_running_total_is_not_the_toll() {
    let text = "Bomb Kills Four at Bus Station\n\
        A bomb exploded at a crowded bus station on Monday, killing four people and wounding \
        eleven, police said.\n\
        The blast went off near the ticket office during the morning rush.\n\
        More than 12,000 people have been killed in the insurgency since 2012, and a total of \
        3,400 have died this year alone.";
    let i = main_incident(text, "2019-05-07");
    assert_eq!(range(&i.killed), Some((Some(4), Some(4))), "{:?}", i.killed);
    assert_eq!(
        range(&i.wounded),
        Some((Some(11), Some(11))),
        "{:?}",
        i.wounded
    );
}

#[test]
fn an_earlier_attack_keeps_its_own_toll() {
    let text = "Gunmen Kill Three at Village Market\n\
        Gunmen opened fire at a village market on Thursday, killing three traders, local \
        officials said.\n\
        The attackers escaped on foot.\n\
        Last month, a truck bomb killed 28 people in the same market.";
    let i = main_incident(text, "2018-09-21");
    assert_eq!(range(&i.killed), Some((Some(3), Some(3))), "{:?}", i.killed);
}

#[test]
fn a_higher_toll_given_later_wins() {
    let text = "Car Bomb Kills Five Outside Police Station\n\
        A car bomb exploded outside a police station on Tuesday, killing five people, a police \
        spokesman said.\n\
        Rescue workers pulled survivors from the rubble of nearby shops.\n\
        Later on Tuesday, the death toll rose to nine, a hospital official said.";
    let i = main_incident(text, "2017-02-15");
    assert_eq!(range(&i.killed), Some((Some(9), Some(9))), "{:?}", i.killed);
}

#[test]
fn one_of_the_injured_who_later_died_adds_to_the_dead() {
    let text = "Gunmen shot dead four villagers on Friday night in an attack on a farming \
        settlement, police said. Another victim later died of his wounds in hospital.";
    let total = total_killed(text, "2016-08-13");
    assert_eq!(total, Some(5));
}

#[test]
fn a_suicide_bomber_is_counted_among_the_dead() {
    let text = "A suicide bomber blew himself up at a checkpoint on Sunday, killing six \
        policemen, the interior ministry said.";
    let i = main_incident(text, "2015-10-12");
    assert_eq!(range(&i.killed), Some((Some(6), Some(6))), "{:?}", i.killed);
    assert_eq!(
        range(&i.attackers_killed),
        Some((Some(1), Some(1))),
        "{:?}",
        i.attackers_killed
    );
}

#[test]
fn a_match_report_reports_no_incident() {
    let text = "Rovers Beat City in Derby Thriller\n\
        The striker shot wide twice before half-time as Rovers dominated the attack in the \
        derby on Saturday.\n\
        City's midfielder fired home an equaliser after the break, but a late goal from the \
        penalty spot sealed victory for the home team in front of 20,000 fans.\n\
        The coach praised his squad after the match and said the league title was still \
        within reach this season. Rovers had lost their previous two league fixtures and \
        the defeat at home to United last week had left the squad short of confidence.\n\
        The visitors started brightly and their winger forced a fine save from the keeper \
        inside five minutes. The home defender cleared off the line soon after, and the \
        referee waved away two penalty appeals before the break.\n\
        After the restart the midfield battle swung towards Rovers, whose striker hit the \
        post from twenty yards. The equaliser came against the run of play, a header from \
        a corner, before the penalty decided the match in the closing minutes. The fans \
        stayed long after the final whistle. Rovers travel to the coast next weekend for a \
        cup tie, and the coach said the squad would rotate players for the fixture.";
    let out = extract(text, "2022-10-02");
    assert!(main_of(&out).is_none(), "{:#?}", out.incidents);
}

#[test]
fn a_road_accident_reports_no_incident() {
    let text = "Bus Plunges Into Ravine, Killing 14\n\
        Fourteen passengers were killed and 23 injured when a bus skidded off a mountain \
        highway and plunged into a ravine on Wednesday, police said.\n\
        The driver lost control on a sharp bend after the brakes failed, a police officer said. \
        The injured were taken to the district hospital. The crash was the third on the road \
        this year.\n\
        The bus was carrying pilgrims from the plains to a shrine in the hills when it \
        overturned and rolled some 200 metres down the slope. Rescuers worked through the \
        night with ropes and cranes to recover the bodies from the wreckage.\n\
        Local residents said the highway was narrow and poorly maintained, with no barriers \
        on the bends, and that speeding lorry drivers had caused several accidents in recent \
        months. The district administration ordered an inquiry into the accident and \
        announced compensation for the families of the dead. Officials said the driver, \
        who survived with injuries, would be questioned once he was well enough.";
    let out = extract(text, "2019-07-18");
    assert!(main_of(&out).is_none(), "{:#?}", out.incidents);
}

#[test]
fn a_list_of_other_headlines_under_a_crash_report_is_not_read_as_news() {
    let text = "Lorry Overturns on Coast Road, Killing Nine\n\
        Nine people were killed and 12 injured when a lorry overturned on the coast road on \
        Friday, police said.\n\
        The driver lost control on a wet bend and the lorry rolled into a ditch, a police \
        officer said. The injured were taken to the provincial hospital, where two were said \
        to be in a serious condition. The road authority said it would inspect the bend and \
        the barriers along the stretch, which residents say floods after heavy rain.\n\
        The lorry was carrying sacks of cement from the port to a building site inland and \
        had picked up passengers at a market on the way, a common practice on the route. \
        Rescuers and residents pulled the passengers from under the load, and a crane lifted \
        the lorry from the ditch in the evening. The provincial governor visited the injured \
        and promised help to the families of the dead. Transport officials said overloaded \
        vehicles were a frequent cause of accidents on rural roads.\n\
        Most Read\n\
        Three Soldiers Killed In Border Ambush\n\
        Twin Blasts Rock Market In Northern Town\n\
        Gunmen Attack Police Station, Several Dead\n\
        Ministers Meet To Discuss Fuel Prices";
    let out = extract(text, "2021-03-13");
    assert!(main_of(&out).is_none(), "{:#?}", out.incidents);
}

#[test]
fn a_trial_for_an_old_bombing_reports_no_incident_of_its_own() {
    let text = "Four Men Get Life for Market Bombing\n\
        Four men were sentenced to life in prison on Thursday for a bombing at a vegetable \
        market that killed 12 people and wounded 40 two years ago.\n\
        The bomb, hidden in a sack of onions, went off at the busiest hour of the morning, \
        when the market was crowded with shoppers and traders. Witnesses said the blast \
        tore through the stalls and set fire to a row of shops. A rebel group fighting in \
        the hills claimed the attack a day later in a statement sent to a local radio \
        station. Police said the men had planned the attack for months and had bought the \
        fertiliser used in the bomb from a farm supplier in the south. Relatives of the \
        victims wept as the sentences were read. One mother said she had waited two years \
        for the day and that nothing would bring her son back. The market reopened last \
        year with new gates and guards at every entrance.";
    let out = extract(text, "2023-05-12");
    assert!(main_of(&out).is_none(), "{:#?}", out.incidents);
}

#[test]
fn prosecutors_who_speak_of_a_fresh_killing_do_not_make_it_a_trial() {
    let text = "Gunmen on a motorcycle shot dead a town mayor outside his office on Friday \
        evening, regional prosecutors said on Saturday.\n\
        The mayor, 47, had just left a meeting with farmers when two men pulled up and \
        opened fire, a spokesman for the prosecutors' office said. His bodyguard was \
        wounded in the leg and taken to hospital.\n\
        Investigators found a dozen bullet casings on the pavement. No one has been \
        arrested, and no group has said it carried out the killing. The mayor had \
        complained of threats from a gang that extorts money from fruit growers in the \
        valley, his party said. The regional governor condemned the attack and promised \
        more police for the town, where three local officials have been killed in the past \
        two years. Residents gathered outside the town hall on Saturday to lay flowers.";
    let out = extract(text, "2022-09-10");
    let main = main_of(&out).expect("the shooting is the page's incident");
    assert_eq!(range(&main.killed), Some((Some(1), Some(1))), "{main:#?}");
}

#[test]
fn an_attack_on_an_anniversary_parade_is_still_an_incident() {
    let text = "Blast Hits Army Day Parade\n\
        Monday was the 60th anniversary of the founding of the army, and thousands gathered \
        in the main square of the capital to watch the parade.\n\
        As the defence minister began his speech, a bomb hidden in a flower stand exploded \
        near the stage, wounding nine soldiers and two spectators, police said. Guards \
        rushed the minister from the stage and the crowd fled the square. Nobody has \
        claimed responsibility for the attack, which officials blamed on rebels who have \
        fought the government in the north for a decade. The parade was cancelled and the \
        square was sealed off while experts searched it for a second device. Television \
        pictures showed soldiers carrying the wounded to ambulances while smoke rose from \
        the stand. The government declared a day of mourning and ordered an inquiry into \
        how the bomb was brought past the checkpoints around the square.";
    let out = extract(text, "2023-05-09");
    let main = main_of(&out).expect("the attack is the page's incident");
    assert_eq!(
        range(&main.wounded),
        Some((Some(11), Some(11))),
        "{main:#?}"
    );
}

#[test]
fn an_attack_report_is_still_an_incident() {
    let text = "Gunmen Attack Checkpoint, Killing Two Police\n\
        Gunmen attacked a police checkpoint on the outskirts of the city on Monday night, \
        killing two policemen and wounding three, a police spokesman said.\n\
        No group has claimed responsibility for the attack.";
    let i = main_incident(text, "2020-01-14");
    assert_eq!(range(&i.killed), Some((Some(2), Some(2))));
    assert_eq!(range(&i.wounded), Some((Some(3), Some(3))));
}

#[test]
fn without_a_publication_date_weekdays_still_tell_incidents_apart() {
    let text = "Gunmen Kill Six Police Officers at Checkpoint\n\
        Gunmen stormed a police checkpoint on Sunday night, killing six officers, a provincial \
        official said.\n\
        The attackers fled before reinforcements arrived.\n\
        On Thursday, a roadside bomb killed nine soldiers on a patrol in the capital.\n\
        Last month, a suicide bombing near the same checkpoint killed 14 people.";
    let out = extract(text, "");
    let tolls: Vec<Option<u32>> = out
        .incidents
        .iter()
        .map(|i| i.killed.as_ref().and_then(|c| c.min))
        .collect();
    assert_eq!(out.incidents.len(), 3, "{tolls:?}");
    assert_eq!(tolls[0], Some(6), "{tolls:?}");
    assert!(
        tolls.contains(&Some(9)) && tolls.contains(&Some(14)),
        "{tolls:?}"
    );
    // The days counted from a stand-in are never reported as real days.
    for incident in &out.incidents {
        if let Some(date) = &incident.date {
            assert!(date.start.is_none() && date.end.is_none(), "{date:?}");
        }
    }
}

#[test]
fn an_acid_attack_that_hurt_people_is_an_incident() {
    let text = "Two men on a motorbike sprayed acid at nurses walking to a clinic in Herat on \
        Monday, hurting six of them, two seriously, the health ministry said.";
    let i = main_incident(text, "2010-03-02");
    assert_eq!(i.event_type, sitrep_model::EventType::UnarmedAssault);
    assert_eq!(
        range(&i.wounded),
        Some((Some(6), Some(6))),
        "{:?}",
        i.wounded
    );
}

#[test]
fn another_attack_the_day_before_is_another_incident() {
    // A day's slack lets "late Sunday" and "Monday" tell of one attack; "another" says two.
    let text = "Gunmen Kill Three at Checkpoint\n\
        Gunmen attacked a police checkpoint outside the town on Monday, killing three officers, \
        police said.\n\
        Another attack on Sunday killed nine villagers at a market in the same district.\n\
        The attackers fled on motorbikes.";
    assert_eq!(total_killed(text, "2019-04-16"), Some(3));
    let out = extract(text, "2019-04-16");
    assert!(
        out.incidents
            .iter()
            .any(|i| i.killed.as_ref().and_then(|c| c.min) == Some(9)),
        "{:?}",
        out.incidents
    );
}
