"""The actor knowledge base: countries, organisations, outlets, people, offices and terms.

The facts live in tab-separated files (format in ``data/README.md``). The
packaged files are read first, then the user's KB directory
(``$EVENTWIRE_HOME/kb/`` or ``$XDG_DATA_HOME/eventwire/kb/``, default
``~/.local/share/eventwire/kb/``), then ``options.kb_files``. Later files add
entries or override earlier ones with the same id.

A file's kind comes from a first line ``# kind: people`` (any of the kinds in
:data:`KINDS`), else from its name: the part of the file name before the first
``-`` (``people-detainees.tsv``) or after the last one (``europe-people.tsv``).

Malformed lines raise :class:`KnowledgeBaseError` naming ``file:line`` and what
to fix. Cross-file consistency (dangling ids, overlapping terms) is reported by
:meth:`KnowledgeBase.problems`, which the integrity test and ``eventwire kb
check`` use; the resolver ignores entries that fail it.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeBaseError
from ..options import Options

__all__ = [
    "KINDS",
    "Body",
    "Country",
    "KnowledgeBase",
    "Office",
    "Organization",
    "Outlet",
    "Person",
    "PluralRef",
    "Role",
    "Term",
    "kind_of_file",
    "user_kb_dir",
]

DATA_DIR = Path(__file__).resolve().parent / "data"

PLOVER_SECTORS = frozenset(
    [
        "COP",
        "GOV",
        "JUD",
        "LEG",
        "MIL",
        "PRM",
        "PTY",
        "REB",
        "SPY",
        "UAF",
        "UNK",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "JRN",
        "LAB",
        "MED",
        "REF",
        "OPP",
        "PRE",
        "REL",
        "SOC",
    ]
)
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
ACTOR_KINDS = frozenset({"person", "group", "organization"})

# kind -> (required columns, all known columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "countries": (
        ("code", "name"),
        ("code", "name", "kind", "aliases", "ru", "demonyms", "capitals", "qid"),
    ),
    "organizations": (("id", "name", "country"), ("id", "name", "country", "sector", "aliases", "ru", "qid")),
    "outlets": (("id", "name", "country"), ("id", "name", "country", "aliases", "ru", "state", "qid")),
    "people": (("id", "name", "country"), ("id", "name", "country", "sector", "aliases", "ru", "qid")),
    "offices": (
        ("id", "country", "title"),
        ("id", "country", "org", "title", "titles", "sector", "single"),
    ),
    "terms": (("person", "office", "start"), ("person", "office", "start", "end", "note")),
    "sectors": (("code",), ("code", "name", "description")),
    "roles": (("phrase", "sector"), ("phrase", "sector", "kind", "alone", "same", "note")),
    "bodies": (("phrase", "body", "sector"), ("phrase", "body", "sector", "kind", "kb", "country", "note")),
    "plurals": (("head", "refers"), ("head", "refers", "the", "note")),
    "artifacts": (("language", "phrase", "reading"), ("language", "phrase", "reading", "note")),
    "givennames": (("variants",), ("variants", "gender")),
}
KINDS = tuple(COLUMNS)
_KIND_SYNONYMS = {"persons": "people", "orgs": "organizations", "organisations": "organizations"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_KIND_LINE = re.compile(r"^#\s*kind\s*:\s*(\w+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    kind: str = "country"
    aliases: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    qid: str | None = None
    where: str = ""


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    country: str
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    qid: str | None = None
    where: str = ""


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    state: bool = False
    qid: str | None = None
    where: str = ""


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    qid: str | None = None
    where: str = ""


@dataclass(frozen=True)
class Office:
    id: str
    country: str
    title: str
    org: str | None = None
    titles: tuple[str, ...] = ()
    sector: str | None = None
    single: bool = True
    where: str = ""


@dataclass(frozen=True)
class Term:
    person: str
    office: str
    start: str
    end: str | None = None
    note: str = ""
    where: str = ""

    def covers(self, date: str) -> bool:
        """Whether the term includes ``date`` (partial dates widened to their whole period)."""
        return _low(self.start) <= date and (self.end is None or date <= _high(self.end))


@dataclass(frozen=True)
class Role:
    """A role noun for people and groups not in the KB: ``political scientist`` -> EDU."""

    phrase: str
    sector: str
    kind: str = "person"
    alone: bool = False  # the plural alone ("protesters") names a group of the context's country
    same: str | None = None  # the group noun this is one group with in an article ("protesters")


@dataclass(frozen=True)
class Body:
    """A noun for a state body or a group named through a country: ``army`` -> "{Demonym} army", MIL."""

    phrase: str
    body: str  # canonical noun: the actor is named "{Demonym} {body}"
    sector: str
    kind: str = "organization"  # organization (a state body) or group
    kb: tuple[str, ...] = ()  # suffixes of KB organisations "{iso3}-{suffix}" that are this body
    # yes: of a country (adjacent, else the context's); no: never ("Western partners");
    # last: alone it is the body last named with this noun ("the ministry"); word: only with a country word
    country: str = "yes"


@dataclass(frozen=True)
class PluralRef:
    """A head noun of plural references to parties named together: "both sides", "the two leaders"."""

    head: str
    refers: str  # person, country or any
    the: bool = False  # "the HEAD" alone refers too ("the parties"), not only "both"/"the two"


@dataclass
class KnowledgeBase:
    """Everything the resolver knows, with indexes built once at load time."""

    version: str = "0"
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    outlets: dict[str, Outlet] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    sectors: set[str] = field(default_factory=set)
    roles: dict[str, Role] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    plurals: dict[str, PluralRef] = field(default_factory=dict)
    # (language, phrase lowercased) -> reading: known machine-translation artifacts
    artifacts: dict[tuple[str, str], str] = field(default_factory=dict)
    # given name (lower case, ASCII) -> its variants (Mike/Michael)
    given_names: dict[str, frozenset[str]] = field(default_factory=dict)
    # given name (lower case) -> "f" or "m" where the name usually says so
    genders: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    _duplicates: list[str] = field(default_factory=list)
    _terms_by_office: dict[str, list[Term]] = field(default_factory=dict)
    _terms_by_person: dict[str, list[Term]] = field(default_factory=dict)

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(
        cls, options: Options | None = None, *, packaged: bool = True, user_dir: Path | None = None
    ) -> KnowledgeBase:
        """Read the packaged data, the user's KB directory and ``options.kb_files``."""
        options = options or Options()
        paths: list[Path] = []
        kb = cls()
        if packaged and DATA_DIR.is_dir():
            version_file = DATA_DIR / "VERSION"
            if version_file.exists():
                kb.version = version_file.read_text(encoding="utf-8").strip() or "0"
            paths.extend(sorted(DATA_DIR.glob("*.tsv")))
        packaged_count = len(paths)
        udir = user_dir if user_dir is not None else user_kb_dir()
        if udir is not None and udir.is_dir():
            paths.extend(sorted(udir.glob("*.tsv")))
        paths.extend(options.kb_files)
        # Records must say when the user's own entries took part: the version names them by digest.
        user_files = paths[packaged_count:]
        if user_files:
            digest = hashlib.sha256()
            for path in user_files:
                digest.update(Path(path).read_bytes() if Path(path).is_file() else str(path).encode())
            kb.version = f"{kb.version}+user.{digest.hexdigest()[:10]}"
        return cls.from_files(paths, kb=kb, user_from=len(paths) - len(options.kb_files))

    @classmethod
    def from_files(
        cls, paths: Iterable[Path], *, kb: KnowledgeBase | None = None, user_from: int | None = None
    ) -> KnowledgeBase:
        """Build a KB from the given files, in order (later files override earlier ids)."""
        kb = kb or cls()
        for i, path in enumerate(paths):
            kb._read_file(Path(path), override=user_from is not None and i >= user_from)
        kb._index()
        return kb

    def _read_file(self, path: Path, *, override: bool) -> None:
        if not path.exists():
            raise KnowledgeBaseError(f"knowledge-base file {path} does not exist; check the path")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise KnowledgeBaseError(f"{path}: not UTF-8 text ({exc}); save the file as UTF-8") from exc
        lines = text.splitlines()
        kind = kind_of_file(path, lines[0] if lines else "")
        if kind is None:
            raise KnowledgeBaseError(
                f"{path}: cannot tell what this file holds; name it after its kind "
                f"({', '.join(KINDS)}), e.g. people-mine.tsv, or start it with a line '# kind: people'"
            )
        self.files.append(str(path))
        for where, row in _rows(path, lines, kind):
            self._add(kind, row, where, override)

    def _add(self, kind: str, row: dict[str, str], where: str, override: bool) -> None:
        def dup(table: dict[str, object], key: str) -> None:
            if key in table and not override:
                self._duplicates.append(f"{where}: duplicate {kind} id {key!r} (also {_where(table[key])})")

        if kind == "countries":
            code = row["code"]
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise KnowledgeBaseError(f"{where}: country code {code!r} is not three capital letters")
            dup(self.countries, code)  # type: ignore[arg-type]
            self.countries[code] = Country(
                code,
                row["name"],
                row.get("kind") or "country",
                _multi(row.get("aliases")),
                _multi(row.get("ru")),
                _multi(row.get("demonyms")),
                _multi(row.get("capitals")),
                row.get("qid") or None,
                where,
            )
        elif kind == "organizations":
            _slug(row["id"], where)
            dup(self.organizations, row["id"])  # type: ignore[arg-type]
            self.organizations[row["id"]] = Organization(
                row["id"],
                row["name"],
                row["country"],
                row.get("sector") or None,
                _multi(row.get("aliases")),
                _multi(row.get("ru")),
                row.get("qid") or None,
                where,
            )
        elif kind == "outlets":
            _slug(row["id"], where)
            dup(self.outlets, row["id"])  # type: ignore[arg-type]
            self.outlets[row["id"]] = Outlet(
                row["id"],
                row["name"],
                row["country"],
                _multi(row.get("aliases")),
                _multi(row.get("ru")),
                (row.get("state") or "").lower() in {"yes", "y", "true", "1"},
                row.get("qid") or None,
                where,
            )
        elif kind == "people":
            _slug(row["id"], where)
            dup(self.people, row["id"])  # type: ignore[arg-type]
            self.people[row["id"]] = Person(
                row["id"],
                row["name"],
                row["country"],
                row.get("sector") or None,
                _multi(row.get("aliases")),
                _multi(row.get("ru")),
                row.get("qid") or None,
                where,
            )
        elif kind == "offices":
            dup(self.offices, row["id"])  # type: ignore[arg-type]
            single = (row.get("single") or "yes").lower() not in {"no", "n", "false", "0"}
            self.offices[row["id"]] = Office(
                row["id"],
                row["country"],
                row["title"],
                row.get("org") or None,
                _multi(row.get("titles")),
                row.get("sector") or None,
                single,
                where,
            )
        elif kind == "terms":
            for key in ("start", "end"):
                value = row.get(key) or ""
                if value and not _DATE.match(value):
                    raise KnowledgeBaseError(
                        f"{where}: {key} date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY; fix the date"
                    )
            term = Term(
                row["person"],
                row["office"],
                row["start"],
                row.get("end") or None,
                row.get("note") or "",
                where,
            )
            if override:
                self.terms = [
                    t
                    for t in self.terms
                    if (t.person, t.office, t.start) != (term.person, term.office, term.start)
                ]
            self.terms.append(term)
        elif kind == "sectors":
            self.sectors.add(row["code"])
        elif kind == "roles":
            role_kind = row.get("kind") or "person"
            if role_kind not in ACTOR_KINDS:
                raise KnowledgeBaseError(
                    f"{where}: role kind {role_kind!r} is not one of {', '.join(sorted(ACTOR_KINDS))}"
                )
            alone = (row.get("alone") or "").lower() == "yes"
            same = (row.get("same") or "").lower() or None
            self.roles[row["phrase"].lower()] = Role(
                row["phrase"].lower(), row["sector"], role_kind, alone, same
            )
        elif kind == "bodies":
            body_kind = row.get("kind") or "organization"
            country = row.get("country") or "yes"
            if body_kind not in ("organization", "group") or country not in ("yes", "no", "last", "word"):
                raise KnowledgeBaseError(
                    f"{where}: body kind {body_kind!r} / country {country!r} must be organization or group"
                    " / yes, no, last or word; fix the row"
                )
            phrase = row["phrase"].lower()
            self.bodies[phrase] = Body(
                phrase, row["body"], row["sector"], body_kind, _multi(row.get("kb")), country
            )
        elif kind == "plurals":
            refers = row["refers"]
            if refers not in ("person", "country", "any"):
                raise KnowledgeBaseError(f"{where}: refers {refers!r} is not person, country or any")
            the = (row.get("the") or "").lower() == "yes"
            self.plurals[row["head"].lower()] = PluralRef(row["head"].lower(), refers, the)
        elif kind == "artifacts":
            self.artifacts[(row["language"], row["phrase"].lower())] = row["reading"].lower()
        elif kind == "givennames":
            group = frozenset(v.lower() for v in _multi(row["variants"]))
            gender = (row.get("gender") or "").lower()
            if gender not in ("", "f", "m"):
                raise KnowledgeBaseError(f"{where}: gender {gender!r} is not f, m or empty")
            for name in group:
                self.given_names[name] = self.given_names.get(name, frozenset()) | group
                if gender:
                    self.genders[name] = gender

    def _index(self) -> None:
        by_office: dict[str, list[Term]] = defaultdict(list)
        by_person: dict[str, list[Term]] = defaultdict(list)
        for term in self.terms:
            by_office[term.office].append(term)
            by_person[term.person].append(term)
        for terms in by_office.values():
            terms.sort(key=lambda t: _low(t.start))
        self._terms_by_office = dict(by_office)
        self._terms_by_person = dict(by_person)

    # -- queries ---------------------------------------------------------------------------

    def valid_countries(self) -> set[str]:
        return set(self.countries) | NON_STATE_CODES

    def valid_sectors(self) -> set[str]:
        return set(self.sectors) if self.sectors else set(PLOVER_SECTORS)

    def terms_of(self, person_id: str) -> list[Term]:
        return self._terms_by_person.get(person_id, [])

    def terms_for(self, office_id: str) -> list[Term]:
        return self._terms_by_office.get(office_id, [])

    def holder(self, office_id: str, date: str) -> Person | None:
        """Who held ``office_id`` on ``date`` (ISO); the latest-starting term wins on handover days."""
        found = [t for t in self.terms_for(office_id) if t.covers(date) and t.person in self.people]
        if not found:
            return None
        return self.people[max(found, key=lambda t: _low(t.start)).person]

    def holders(self, office_id: str, date: str) -> list[Person]:
        """Everyone holding ``office_id`` on ``date`` (offices held by several people at once)."""
        return [
            self.people[t.person]
            for t in self.terms_for(office_id)
            if t.covers(date) and t.person in self.people
        ]

    def offices_held(self, person_id: str, date: str) -> list[Office]:
        """Offices the person held on ``date``."""
        return [
            self.offices[t.office]
            for t in self.terms_of(person_id)
            if t.covers(date) and t.office in self.offices
        ]

    def offices_of_org(self, org_id: str) -> list[Office]:
        return [o for o in self.offices.values() if o.org == org_id]

    def offices_by_title(self, phrase: str, country: str | None = None) -> list[Office]:
        """Offices whose title phrases include ``phrase`` (case-insensitive), optionally in one country."""
        p = phrase.lower().strip()
        return [
            o
            for o in self.offices.values()
            if (country is None or o.country == country)
            and (p in (t.lower() for t in o.titles) or p == o.title.lower())
        ]

    def find_country(self, text: str) -> Country | None:
        """A country by code, name, alias, demonym, capital or Russian name."""
        t = text.strip()
        if t.upper() in self.countries and len(t) == 3:
            return self.countries[t.upper()]
        low = t.lower()
        for c in self.countries.values():
            names = (c.name, *c.aliases, *c.ru, *c.demonyms, *c.capitals)
            if any(n.lower() == low for n in names):
                return c
        return None

    def lookup(self, name: str) -> list[tuple[str, str]]:
        """(kind, id) of every entry one of whose names is ``name``: KB case rules, accents ignored
        (Erdogan = Erdoğan), Russian names in any case (Путина = Путин).

        A scan of every name: for tools such as ``eventwire kb lookup``, not for per-article work.
        """
        from .match import fold
        from .russian import case_forms

        wanted = " ".join(fold(w) for w in name.split())
        out: list[tuple[str, str]] = []
        for alias, kind, key in self.aliases():
            if is_acronym(alias):
                hit = alias == name.strip()
            else:
                forms = [alias, *case_forms(alias, person=kind == "person")]
                hit = any(" ".join(fold(w) for w in f.split()) == wanted for f in forms)
            if hit and (kind, key) not in out:
                out.append((kind, key))
        return out

    def aliases(self) -> Iterable[tuple[str, str, str]]:
        """Every (surface form, kind, id) the matcher should look for."""
        for c in self.countries.values():
            for n in (c.name, *c.aliases, *c.ru):
                yield n, "country", c.code
            for n in c.demonyms:
                yield n, "demonym", c.code
            for n in c.capitals:
                yield n, "capital", c.code
        for o in self.organizations.values():
            for n in (o.name, *o.aliases, *o.ru):
                yield n, "organization", o.id
        for u in self.outlets.values():
            for n in (u.name, *u.aliases, *u.ru):
                yield n, "outlet", u.id
        for p in self.people.values():
            for n in (p.name, *p.aliases, *p.ru):
                yield n, "person", p.id

    # -- integrity -------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Every consistency problem in the data, as ``file:line: what is wrong`` messages."""
        out = list(self._duplicates)
        codes = self.valid_countries()
        sectors = self.valid_sectors()

        def check_code(where: str, code: str, what: str) -> None:
            if code not in codes:
                out.append(
                    f"{where}: {what} country {code!r} is not a code of countries.tsv nor a "
                    f"PLOVER non-state code ({' '.join(sorted(NON_STATE_CODES))})"
                )

        def check_sector(where: str, sector: str | None) -> None:
            if sector and sector not in sectors:
                out.append(f"{where}: sector {sector!r} is not a PLOVER sector code")

        for o in self.organizations.values():
            check_code(o.where, o.country, "organization")
            check_sector(o.where, o.sector)
        for u in self.outlets.values():
            check_code(u.where, u.country, "outlet")
        for p in self.people.values():
            check_code(p.where, p.country, "person")
            check_sector(p.where, p.sector)
        for f in self.offices.values():
            check_code(f.where, f.country, "office")
            check_sector(f.where, f.sector)
            if f.org and f.org not in self.organizations:
                out.append(f"{f.where}: office {f.id} names org {f.org!r}, which organizations.tsv lacks")
        for r in self.roles.values():
            check_sector("roles.tsv", r.sector)
        for body in self.bodies.values():
            check_sector("bodies.tsv", body.sector)
        for t in self.terms:
            if t.person not in self.people:
                out.append(f"{t.where}: term names person {t.person!r}, which no people file has")
            if t.office not in self.offices:
                out.append(f"{t.where}: term names office {t.office!r}, which no offices file has")
            if t.end and _low(t.end) < _low(t.start):
                out.append(f"{t.where}: term ends ({t.end}) before it starts ({t.start})")
        for office_id, terms in self._terms_by_office.items():
            office = self.offices.get(office_id)
            if office is None or not office.single:
                continue
            for a, b in itertools.pairwise(terms):
                if a.end is None or _high(b.start) < _low(a.end):
                    out.append(
                        f"{b.where}: {b.person} starts {office_id} on {b.start} while {a.person} "
                        f"holds it ({a.start}..{a.end or 'open'}, {a.where}); fix one of the dates"
                    )
        return out


def alias_matches(alias: str, text: str) -> bool:
    """The KB case rule: all-capital acronyms match in capitals only, everything else ignores case."""
    if is_acronym(alias):
        return alias == text
    return alias.lower() == text.lower()


def is_acronym(alias: str) -> bool:
    letters = [ch for ch in alias if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and " " not in alias.strip()


def kind_of_file(path: Path, first_line: str) -> str | None:
    m = _KIND_LINE.match(first_line.strip())
    if m:
        word = m.group(1).lower()
        word = _KIND_SYNONYMS.get(word, word)
        return word if word in COLUMNS else None
    stem = path.name.split(".")[0].lower()
    parts = re.split(r"[-_]", stem)
    for word in (parts[0], parts[-1]):
        word = _KIND_SYNONYMS.get(word, word)
        if word in COLUMNS:
            return word
    return None


def user_kb_dir() -> Path | None:
    """The user's KB directory: ``$EVENTWIRE_HOME/kb`` or ``$XDG_DATA_HOME/eventwire/kb``."""
    home = os.environ.get("EVENTWIRE_HOME")
    if home:
        return Path(home) / "kb"
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "eventwire" / "kb"


def _rows(path: Path, lines: list[str], kind: str) -> Iterable[tuple[str, dict[str, str]]]:
    required, known = COLUMNS[kind]
    header: list[str] | None = None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        where = f"{path}:{number}"
        if header is None:
            header = [c.lower() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise KnowledgeBaseError(
                    f"{where}: header lacks column(s) {', '.join(missing)} of a {kind} file; "
                    f"the columns are: {' '.join(known)} (tab-separated)"
                )
            continue
        if len(cells) > len(header) and any(cells[len(header) :]):
            raise KnowledgeBaseError(
                f"{where}: {len(cells)} fields but the header has {len(header)}; "
                "separate fields with single tabs and do not put tabs inside a field"
            )
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        for col in required:
            if not row.get(col):
                raise KnowledgeBaseError(f"{where}: required field {col!r} is empty; fill it in")
        yield where, row


def _multi(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(v.strip() for v in value.split(";") if v.strip())


def _slug(value: str, where: str) -> None:
    if not _SLUG.match(value):
        raise KnowledgeBaseError(f"{where}: id {value!r} is not a lowercase ASCII slug (a-z, 0-9, -, ., _)")


def _low(date: str) -> str:
    return date + {4: "-01-01", 7: "-01"}.get(len(date), "")


def _high(date: str) -> str:
    return date + {4: "-12-31", 7: "-31"}.get(len(date), "")


def _where(entry: object) -> str:
    return str(getattr(entry, "where", "?"))
