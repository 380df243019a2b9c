#!/usr/bin/env python3
"""Writes a synthetic news corpus for the ingest benchmark (scripts/bench-ingest.sh).

Usage:  python3 scripts/bench/gen_ingest_corpus.py OUT_DIR [ARTICLES] [SEED] [--varied]

Defaults: 24000 articles, seed 1. Standard library only; the same arguments always give the
same bytes. OUT_DIR receives JSON Lines files of {"id", "source", "title", "url",
"published", "text"} records, one file per outlet, in the format `sitrep ingest` reads.
The last line on standard output is `articles N text_bytes T file_bytes F`.

--varied (scripts/bench.sh) mixes three kinds of article instead of wire copy alone:
  * briefs (20%): the lead and at most two short paragraphs, 0.3 to 0.9 KB;
  * wire copy (65%): as below, 1.4 to 2.8 KB;
  * long features (15%): the lead, then 40 to 80 paragraphs mixing context, quotes, earlier
    attacks in the country (background incidents with their own dates, places and tolls) and
    later ones, 7 to 16 KB.

What is in it, so that ingest does the work it does on real news:
  * events: attacks of every type in the cities of 30 countries with armed conflict, taken
    from data/geo/cities.tsv (population >= 50,000; bigger cities more often), on days from
    2015 to 2020; perpetrators from data/lexicons/groups.tsv for the country, or unnamed;
    targets, weapons, tolls;
  * reports: each event is reported by 1 to 6 outlets (about 2.4 on average) with different
    wording, date styles ("on Tuesday", "on May 16", "16 May 2018", "late on Tuesday"), tolls
    that grow in later reports, and publication one to three days after the event;
  * deliberate duplicates: 3% of records repeat an earlier record of the same outlet (same
    id: skipped by ingest), and 4% are syndicated copies of another outlet's text under a
    new id (the same report twice: they merge into one incident);
  * background: one report in ten recalls an earlier attack in the same city;
  * length: ten to twenty-two paragraphs of context and quotes after the lead, so that
    articles weigh 1.4 to 2.8 KB (2.1 KB on average), like wire copy.
"""
import csv
import json
import math
import os
import random
import sys
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

COUNTRIES = {
    "AF": "Afghanistan", "PK": "Pakistan", "IQ": "Iraq", "SY": "Syria", "YE": "Yemen",
    "NG": "Nigeria", "SO": "Somalia", "ML": "Mali", "BF": "Burkina Faso", "NE": "Niger",
    "CD": "Congo", "CF": "Central African Republic", "SS": "South Sudan", "SD": "Sudan",
    "ET": "Ethiopia", "KE": "Kenya", "MZ": "Mozambique", "CM": "Cameroon", "LY": "Libya",
    "EG": "Egypt", "IN": "India", "PH": "Philippines", "TH": "Thailand", "MM": "Myanmar",
    "CO": "Colombia", "MX": "Mexico", "UA": "Ukraine", "TR": "Turkey", "LB": "Lebanon",
    "BD": "Bangladesh",
}

OUTLETS = ["Wire A", "Wire B", "Wire C", "Daily Monitor", "The Observer", "Radio Voice",
           "Evening Post", "News Agency"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve"]

# (event type label for titles, headline verb, sentence templates). {who} is the perpetrator
# phrase, {target} the target phrase, {city}, {country}, {when} the date phrase, {killed} and
# {wounded} figures.
EVENTS = [
    ("bombing", [
        "A car bomb exploded near {target} in {city} {when}, killing {killed} people and wounding {wounded}, police said.",
        "{Who} detonated a bomb at {target} in the {adj} city of {city} {when}, killing {killed} people, officials said.",
        "At least {killed} people were killed and {wounded} wounded when a bomb went off at {target} in {city} {when}.",
        "A suicide bomber blew himself up at {target} in {city} {when}, killing {killed} people and wounding {wounded}, authorities said.",
    ]),
    ("armed_assault", [
        "{Who} opened fire on {target} in {city} {when}, killing {killed} people and wounding {wounded}, police said.",
        "Gunmen attacked {target} in the {adj} city of {city} {when}, killing {killed} people, officials said.",
        "{Killed_cap} people were shot dead when {who} stormed {target} in {city} {when}, police said.",
    ]),
    ("kidnapping", [
        "{Who} kidnapped {kidnapped} people from {target} in {city} {when}, police said.",
        "Gunmen abducted {kidnapped} workers near {target} in {city} {when}, officials said.",
    ]),
    ("air_strike", [
        "An air strike hit {target} in {city} {when}, killing {killed} civilians and wounding {wounded}, local officials said.",
        "Warplanes bombed {target} in {city} {when}, killing {killed} people, a monitoring group said.",
    ]),
    ("shelling", [
        "Artillery shells struck {target} in {city} {when}, killing {killed} civilians and wounding {wounded}, officials said.",
        "Mortar fire hit {target} in {city} {when}, killing {killed} people, local authorities said.",
    ]),
    ("armed_clash", [
        "Fighting between soldiers and {who} near {city} {when} left {killed} people dead, the army said.",
        "Clashes between security forces and {who} in {city} {when} killed {killed} people, officials said.",
    ]),
    ("facility_attack", [
        "{Who} set fire to {target} in {city} {when}, officials said. No one was killed.",
        "Attackers torched {target} in {city} {when}, police said, adding that {killed} people died in the fire.",
    ]),
]

TARGETS = ["a police checkpoint", "a crowded market", "a military base", "a mosque", "a church",
           "a school", "a bus station", "a hotel", "a government office", "a village",
           "a wedding party", "an army convoy", "a hospital", "a power station", "a bank"]

FILLER = [
    "The attack was the latest in a wave of violence that has shaken the region in recent months.",
    "Witnesses said the sound of the explosion could be heard across the city and that ambulances rushed to the scene.",
    "\"We heard shooting and then people started running in every direction,\" said a shopkeeper who asked not to be named.",
    "Security forces cordoned off the area and began a search for the attackers, a spokesman said.",
    "The government condemned the attack and promised to bring those responsible to justice.",
    "Hospital officials said several of the wounded were in critical condition and the toll could rise.",
    "Local residents said they had long feared such an attack and called on the authorities to do more to protect them.",
    "The United Nations called for restraint and urged all parties to protect civilians.",
    "Analysts say armed groups have exploited weak governance and porous borders to expand their operations.",
    "Schools and shops in the area remained closed the following day as mourners gathered for funerals.",
    "A regional governor said reinforcements had been sent and that the situation was now under control.",
    "Rights groups have documented a sharp rise in attacks on civilians in the province this year.",
    "The country's president chaired an emergency meeting of the security council on the situation, his office said in a statement.",
    "Aid agencies said the violence had forced thousands of families to flee their homes, and warned of shortages of food and medicine in camps for displaced people.",
    "\"The people of this city have suffered enough,\" a community leader told reporters outside the regional hospital, where relatives waited for news of the wounded.",
    "Officials did not say how many attackers had taken part, and there was no immediate claim of responsibility from any of the groups active in the area.",
    "The region has seen repeated attacks on security forces and civilians, and the army has launched several operations against armed groups there over the past year.",
    "Diplomats in the capital said the attack would weigh on talks between the government and opposition groups that were due to resume next month.",
    "Police said they had arrested two suspects in connection with the attack and were questioning them, but gave no further details.",
    "Roads leading into the city were closed for several hours, and traders said the market would stay shut until security improved.",
    "Footage shared on social media showed damaged buildings and burnt-out vehicles, though its authenticity could not be independently verified.",
    "The interior minister visited the scene and told reporters that security at public places would be tightened across the province.",
    "Neighbouring countries condemned the violence and offered their condolences to the families of the victims.",
    "Local media reported that the area had been targeted before, and residents said checkpoints had been reduced in recent weeks.",
]

# Paragraph pieces of long features: {city}, {other}, {country}, {n}, {group} vary.
FEATURE_PIECES = [
    "Residents of {city} say life has changed since the violence began.",
    "\"We cannot go to our farms any more,\" said a farmer from a village outside {city}.",
    "Traders say the price of food in {city} has doubled this year because lorries no longer travel at night.",
    "The army says it has pushed the militants back from the main roads around {other}.",
    "Aid groups say about {n},000 people have fled to camps on the edge of {city} since January.",
    "A local official in {other} said schools had been closed for months.",
    "Analysts in the capital say the government has struggled to hold territory outside the towns.",
    "Families of the missing gather every week outside the governor's office in {city}.",
    "{group} has been active in the area for years, according to security officials.",
    "Human rights groups have accused both sides of abuses against civilians in {country}.",
    "\"Nobody comes to help us,\" said a woman who fled {other} with her five children.",
    "The road between {city} and {other} is now travelled only in convoys escorted by soldiers.",
    "Mobile phone networks in the region have been cut for weeks at a time.",
    "The health ministry says several clinics near {other} have closed for lack of staff.",
    "A community leader said young men were leaving {city} for the capital in search of work.",
    "Officials declined to say how many soldiers had been deployed to {other}.",
]

ADJECTIVES = ["northern", "southern", "eastern", "western", "central", "northeastern",
              "southwestern"]


def load_cities():
    cities = {}
    path = os.path.join(ROOT, "data", "geo", "cities.tsv")
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["country"] in COUNTRIES and int(row["population"] or 0) >= 50000:
                cities.setdefault(row["country"], []).append(
                    (row["name"], int(row["population"])))
    for country in cities:
        cities[country].sort()
    return cities


def load_groups():
    groups = {}
    path = os.path.join(ROOT, "data", "lexicons", "groups.tsv")
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            for country in (row.get("countries") or "").split("|"):
                if country in COUNTRIES:
                    groups.setdefault(country, []).append(row["name"])
    for country in groups:
        groups[country].sort()
    return groups


def number(n, rng):
    if n < len(NUMBER_WORDS) and rng.random() < 0.5:
        return NUMBER_WORDS[n]
    return str(n)


def date_phrase(event_day, published, rng):
    """A way of saying `event_day` in an article published on `published`."""
    weekday = WEEKDAYS[event_day.weekday()]
    style = rng.randrange(5)
    if style == 0 and (published - event_day).days < 6:
        return f"on {weekday}"
    if style == 1 and (published - event_day).days < 6:
        return f"late on {weekday}"
    if style == 2:
        return f"on {MONTHS[event_day.month - 1]} {event_day.day}"
    if style == 3:
        return f"on {event_day.day} {MONTHS[event_day.month - 1]} {event_day.year}"
    return f"on {weekday}" if (published - event_day).days < 6 else \
        f"on {MONTHS[event_day.month - 1]} {event_day.day}"


def make_event(rng, cities, groups, start, days):
    country = rng.choice(sorted(COUNTRIES))
    choices = cities.get(country)
    if not choices:
        return None
    weights = [math.sqrt(p) for _, p in choices]
    city = rng.choices(choices, weights)[0][0]
    kind, templates = rng.choice(EVENTS)
    named = groups.get(country)
    group = rng.choice(named) if named and rng.random() < 0.5 else None
    return {
        "country": country,
        "city": city,
        "kind": kind,
        "templates": templates,
        "group": group,
        "target": rng.choice(TARGETS),
        "day": start + timedelta(days=rng.randrange(days)),
        "killed": rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 40]),
        "wounded": rng.choice([0, 2, 3, 5, 7, 10, 14, 20, 30, 50]),
        "kidnapped": rng.randrange(2, 20),
    }


def report(event, outlet, n, rng, past):
    published = event["day"] + timedelta(days=rng.randrange(1, 4))
    killed = event["killed"] + (rng.randrange(0, 4) if n > 0 and event["killed"] else 0)
    when = date_phrase(event["day"], published, rng)
    who = f"militants of {event['group']}" if event["group"] else rng.choice(
        ["gunmen", "unidentified attackers", "suspected militants", "armed men"])
    fields = {
        "who": who, "Who": who[0].upper() + who[1:], "target": event["target"],
        "city": event["city"], "country": COUNTRIES[event["country"]], "when": when,
        "killed": number(killed, rng), "Killed_cap": number(max(killed, 2), rng).capitalize(),
        "wounded": number(event["wounded"], rng), "kidnapped": number(event["kidnapped"], rng),
        "adj": rng.choice(ADJECTIVES),
    }
    lead = rng.choice(event["templates"]).format(**fields)
    lead = f"{event['city'].upper()}, {COUNTRIES[event['country']]} ({outlet}) - " + lead
    paragraphs = [lead]
    if event["group"] and rng.random() < 0.6:
        verb = "claimed responsibility for" if rng.random() < 0.5 else "was blamed for"
        paragraphs.append(f"{event['group']} {verb} the attack, officials said.")
    paragraphs.extend(rng.sample(FILLER, rng.randrange(10, 23)))
    if past is not None:
        paragraphs.append(
            f"In {MONTHS[past['day'].month - 1]} {past['day'].year}, {past['killed']} people "
            f"were killed in a similar attack on {past['target']} in {past['city']}.")
    title_verb = {"bombing": "Bomb attack", "armed_assault": "Gun attack",
                  "kidnapping": "Abduction", "air_strike": "Air strike",
                  "shelling": "Shelling", "armed_clash": "Clashes",
                  "facility_attack": "Arson attack"}[event["kind"]]
    title = f"{title_verb} in {event['city']}: {number(killed, rng)} dead"
    return published, title, "\n\n".join(paragraphs)


def lengthen(event, text, rng, cities, groups):
    """A long feature around a wire report: context, quotes, earlier and later attacks."""
    country = event["country"]
    names = [c for c, _ in cities[country]]
    fields = {"city": event["city"], "country": COUNTRIES[country],
              "group": event["group"] or "The group"}
    paragraphs = text.split("\n\n")
    lead, rest = paragraphs[0], paragraphs[1:]
    out = [lead]
    for i in range(rng.randrange(40, 81)):
        roll = rng.random()
        fields["other"] = rng.choice(names)
        fields["n"] = rng.randrange(2, 90)
        if roll < 0.12:
            # An earlier attack in the country: a background incident of its own.
            past = event["day"] - timedelta(days=rng.randrange(60, 2000))
            kind, templates = rng.choice(EVENTS)
            named = groups.get(country)
            who = rng.choice(named) if named and rng.random() < 0.5 else "gunmen"
            out.append(f"In {MONTHS[past.month - 1]} {past.year}, {who} attacked "
                       f"{rng.choice(TARGETS)} in {fields['other']}, killing "
                       f"{rng.randrange(2, 60)} people, officials said at the time.")
        elif roll < 0.6 and rest:
            out.append(rest.pop(0))
        else:
            pieces = rng.sample(FEATURE_PIECES, rng.randrange(1, 4))
            out.append(" ".join(p.format(**fields) for p in pieces))
    out.extend(rest)
    return "\n\n".join(out)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    varied = "--varied" in sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = args[0]
    total = int(args[1]) if len(args) > 1 else 24000
    seed = int(args[2]) if len(args) > 2 else 1
    rng = random.Random(seed)
    cities, groups = load_cities(), load_groups()
    os.makedirs(out, exist_ok=True)
    records = {outlet: [] for outlet in OUTLETS}
    by_city = {}
    written = 0
    serial = 0
    start = date(2015, 1, 1)
    while written < total:
        event = make_event(rng, cities, groups, start, 6 * 365)
        if event is None:
            continue
        serial += 1
        key = (event["country"], event["city"])
        reports = min(1 + int(rng.expovariate(1 / 1.4)), 6)
        for n, outlet in enumerate(rng.sample(OUTLETS, reports)):
            earlier = [e for e in by_city.get(key, []) if e["day"] < event["day"]]
            past = rng.choice(earlier) if earlier and rng.random() < 0.1 else None
            published, title, text = report(event, outlet, n, rng, past)
            if varied:
                roll = rng.random()
                if roll < 0.2:
                    text = "\n\n".join(text.split("\n\n")[:rng.randrange(1, 4)])
                elif roll >= 0.85:
                    text = lengthen(event, text, rng, cities, groups)
            slug = f"{serial:06d}-{n}"
            record = {
                "id": f"{outlet.lower().replace(' ', '-')}-{slug}",
                "source": outlet,
                "title": title,
                "url": f"https://{outlet.lower().replace(' ', '')}.example/{published}/{slug}",
                "published": published.isoformat(),
                "text": text,
            }
            records[outlet].append(record)
            written += 1
            roll = rng.random()
            if roll < 0.03:
                records[outlet].append(dict(record))
                written += 1
            elif roll < 0.07:
                other = rng.choice([o for o in OUTLETS if o != outlet])
                copy = dict(record, source=other,
                            id=f"{other.lower().replace(' ', '-')}-syndicated-{slug}",
                            url=f"https://{other.lower().replace(' ', '')}.example/syndicated/{slug}")
                records[other].append(copy)
                written += 1
        by_city.setdefault(key, []).append(event)
    size = 0
    text_bytes = 0
    for outlet, rows in records.items():
        path = os.path.join(out, outlet.lower().replace(" ", "-") + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for row in rows:
                line = json.dumps(row, ensure_ascii=False) + "\n"
                size += len(line.encode("utf-8"))
                text_bytes += len(row["text"].encode("utf-8"))
                f.write(line)
    print(f"gen_ingest_corpus: {written} articles ({serial} events, {size / 1e6:.1f} MB) "
          f"in {len(records)} files under {out}", file=sys.stderr)
    print(f"articles {written} text_bytes {text_bytes} file_bytes {size}")


if __name__ == "__main__":
    main()
