"""Which reports tell the same real-world event: blocking keys and the compatibility test.

In: ``Report``s (an event as one document told it, with its outlet and camp) and ``StorySummary``s
(what a stored story's reports agree on). Out: a report's blocking keys, the keys to look up for it,
and whether it fits a story. Pure functions: the SQL is in :mod:`tidings.store.stories`.

Two reports tell the same event when they have the same sides (the actors' countries or
organisations from their codes on the day, so "Putin", "the Kremlin" and "Russia" are one side), the
same CAMEO root or related roots (a meeting and talks: 04 and 05; an attack told as 18, 19 or 20),
dates that agree within their precision (a day either side for day dates, the month for month dates),
compatible places (one unknown or unknown to the gazetteer, the same, or in the same country), and no
two different people or two different named bodies in one role ("Lavrov met Wang" is not "Putin met
Xi" on the same day; a meeting with the UNHCR is not one with the UNECE), while a person and a body may
be one side (an office holder and the ministry). A report that knows one side only (an act told
without its doer: "Ozerov was summoned"; a meeting whose partner's state is unknown) joins the event of
the actor it names on that side, by name. Negated, hypothetical and embedded events, events with no
side known or no actor named on the one known, and year-only dates are stories of their own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = ["FAMILIES", "Report", "StorySummary", "family", "fits", "lookup_keys", "report_keys", "story_id"]

# related roots are one family; every other root is its own
FAMILIES = {"04": "04-05", "05": "04-05", "18": "18-20", "19": "18-20", "20": "18-20", "02": "02-10", "10": "02-10"}
_MUTUAL = frozenset({"04-05"})  # meetings, calls, talks: who is source and who target varies by report
_UNDIRECTED = frozenset({"15", "18-20"})  # acts told with no one they are done to ("fired a missile")
_DAY_SLACK = 1


@dataclass(frozen=True)
class Report:
    event_id: int
    doc_id: str
    sentence: int
    evidence_start: int
    cameo: str
    source_id: str | None
    source_name: str | None
    source_code: str | None
    target_id: str | None
    target_name: str | None
    target_code: str | None
    date: date | None
    date_precision: str | None
    location: str | None
    fusable: bool  # core, not negated, not hypothetical
    symmetric: bool = False
    date_origin: str | None = None  # text | context | published
    # named actors as "kind:id" (person, organisation, group) by role ("source", "target"); states and
    # generic agents are not named
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)
    outlet: str | None = None
    camp: str | None = None

    @property
    def family(self) -> str:
        return family(self.cameo)

    @property
    def mutual(self) -> bool:
        return self.symmetric or self.family in _MUTUAL

    @property
    def sides(self) -> tuple[str, str] | None:
        source = _side(self.source_code, self.source_id)
        target = _side(self.target_code, self.target_id) if self.target_id or self.target_code else "-"
        if source is None or target is None or (target == "-" and self.family not in _UNDIRECTED):
            return None  # an unknown side, or (save for shows of force and attacks) no target
        if self.mutual:
            return (source, target) if source <= target else (target, source)
        return source, target

    @property
    def lone_side(self) -> str | None:
        """The one known side of a report whose other side is unknown, when a named actor stands on it,
        so it can join the event that actor had: a meeting told with one participant only ("Zelensky met
        ... at the White House", or a partner whose state is unknown), or an act told without its doer
        ("Ozerov was summoned to the ministry", "Kara-Murza has been sentenced"): the target's side."""
        if self.sides is not None:
            return None
        source = _side(self.source_code, self.source_id)
        target = _side(self.target_code, self.target_id)
        if self.mutual:
            if source is not None and target is None and self.people.get("source"):
                return source
            if target is not None and source is None and self.people.get("target"):
                return target
            return None
        if source is None and target is not None and self.people.get("target"):
            return target
        return None

    @property
    def lone_key(self) -> str | None:
        """Where a lone report is filed: a meeting under its side, a directed act under its target."""
        lone = self.lone_side
        if lone is None:
            return None
        return f"{self.family}|{lone}|*" if self.mutual else f"{self.family}|*|{lone}"

    def named(self) -> dict[str, tuple[str, ...]]:
        """Named actors by side ("RUS": person:vladimir-putin), so that reports that swap source and
        target of a meeting compare the same people; by role when both sides are one state."""
        source = _side(self.source_code, self.source_id) or "source"
        target = _side(self.target_code, self.target_id) or "target"
        if source == target:
            source, target = "source", "target"
        keys = {"source": source, "target": target}
        return {keys[role]: ids for role, ids in self.people.items()}


@dataclass
class StorySummary:
    id: str
    family: str
    date: date | None
    date_precision: str | None
    location: str | None
    sides: tuple[str, str]
    people: dict[str, list[str]]
    reports: int
    date_origin: str | None = None


def family(cameo: str) -> str:
    root = cameo[:2]
    return FAMILIES.get(root, root)


def story_id(report: Report) -> str:
    """A story's id: made from its first report's content, so the same data gives the same id."""
    who = f"{report.source_id or report.source_name}|{report.target_id or report.target_name}"
    raw = f"{report.doc_id}|{report.sentence}|{report.evidence_start}|{report.cameo}|{who}"
    return "s" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:15]


def _side(code: str | None, actor_id: str | None) -> str | None:
    if code and ("." in code or actor_id):
        return code.split(".")[0] or None  # a bare sector ("GOV": "the Foreign Office") names no side
    if actor_id and actor_id.isupper() and len(actor_id) == 3:
        return actor_id  # a state
    return None


def _stem(report: Report) -> str | None:
    sides = report.sides
    if not report.fusable or sides is None or report.date is None:
        return None
    return f"{report.family}|{sides[0]}|{sides[1]}"


def _partial_keys(report: Report) -> list[str]:
    """The side-only keys of a report known to the day: where reports that know one side look."""
    if not report.fusable or report.date is None or report.date_precision not in (None, "day"):
        return []
    if report.sides is None:
        return [report.lone_key] if report.lone_key else []
    if report.mutual:
        return [f"{report.family}|{side}|*" for side in report.sides]
    return [f"{report.family}|*|{report.sides[1]}"] if report.sides[1] != "-" else []


def report_keys(report: Report) -> list[str]:
    """The keys a story registers for this report: its day (when known to the day) and its month, and
    its sides one by one for the reports that know only one."""
    partial = [f"{k}|{report.date.isoformat()}" for k in _partial_keys(report)] if report.date else []
    stem = _stem(report)
    if stem is None or report.date is None or report.date_precision == "year":
        return partial
    keys = [f"{stem}|M{report.date:%Y-%m}"]
    if report.date_precision in (None, "day"):
        keys.insert(0, f"{stem}|{report.date.isoformat()}")
    return keys + partial


def lookup_keys(report: Report) -> list[str]:
    """The keys to look a report's candidate stories up by: its own, and those of stories begun by a
    report that knew one of its sides only."""
    if report.date is None:
        return []
    days = [report.date + timedelta(days=d) for d in range(-_DAY_SLACK, _DAY_SLACK + 1)]
    partial = [f"{k}|{d.isoformat()}" for k in _partial_keys(report) for d in days]
    stem = _stem(report)
    if stem is None or report.date_precision == "year":
        return partial
    if report.date_precision == "month":
        return [f"{stem}|M{report.date:%Y-%m}"]
    return [f"{stem}|{d.isoformat()}" for d in days] + partial


def fits(story: StorySummary, report: Report, same_country: bool) -> bool:
    """Whether ``report`` tells ``story``'s event (its keys already agree on family, sides and date)."""
    if story.family != report.family or not _sides_agree(story, report):
        return False
    if not _dates_agree(story, report):
        return False
    if story.location and report.location and story.location.casefold() != report.location.casefold() \
            and not same_country and _placed(story.location) and _placed(report.location):
        return False  # two places in two countries; a place no gazetteer knows is an unknown place
    for role, named in report.named().items():
        known = story.people.get(role, [])
        for kind in {n.split(":", 1)[0] for n in named}:
            theirs = {n for n in known if n.startswith(kind + ":")}
            if theirs and not theirs & set(named):
                return False  # two different people, or two different bodies, in one role
    return True


def _sides_agree(story: StorySummary, report: Report) -> bool:
    """Both sides equal; or one side known to one of them only: then the other's named actor on that
    side must be the same person or body, and no other named actor may contradict the story's."""
    started_lone = tuple(story.sides) == ("", "")  # a story begun by a report that knew one side
    if not started_lone and report.sides is not None:
        return report.sides == tuple(story.sides)
    lone = report.lone_side
    role = None if report.mutual else "target"  # an act told without its doer: the side it was done to
    if started_lone:
        known = [k for k in story.people if k not in ("source", "target")]
        shared = [k for k in known if (lone == k if lone else report.sides is not None and k in report.sides)]
        return any(_report_names(report, k, role) & set(story.people[k]) for k in shared)
    if lone is None or lone not in story.sides:
        return False
    if not report.mutual and story.sides[1] != lone:
        return False
    if not _report_names(report, lone, role) & _story_names(story, lone, role):
        return False  # one side known: its named actor must be one of the story's, by name
    other = next((side for side in story.sides if side != lone), lone)
    theirs = _story_names(story, other, None)
    for name in report.named().get("source", ()) + report.named().get("target", ()):
        kind = name.split(":", 1)[0]  # the actor of the unknown side, when named, must not be another
        same_kind = {n for n in theirs if n.startswith(kind + ":")}
        if same_kind and name not in same_kind and name not in _story_names(story, lone, None):
            return False
    return True


def _report_names(report: Report, side: str, role: str | None) -> set[str]:
    """The named actors a report puts on ``side`` (in ``role`` only, when given)."""
    out: set[str] = set()
    for r, code, actor in (("source", report.source_code, report.source_id),
                           ("target", report.target_code, report.target_id)):
        if (role is None or r == role) and _side(code, actor) == side:
            out |= set(report.people.get(r, ()))
    return out


def _story_names(story: StorySummary, side: str, role: str | None) -> set[str]:
    """The named actors a story has on ``side``; kept by role when one state is on both sides."""
    out = set(story.people.get(side, []))
    if tuple(story.sides) == (side, side):
        out |= {n for r in ((role,) if role else ("source", "target")) for n in story.people.get(r, [])}
    return out


def _placed(place: str) -> bool:
    from tidings.events.places import place_country

    return place_country(place) is not None


def _dates_agree(story: StorySummary, report: Report) -> bool:
    if story.date is None or report.date is None:
        return False
    if "month" in (story.date_precision, report.date_precision):
        return (story.date.year, story.date.month) == (report.date.year, report.date.month)
    if story.date_origin == "text" and report.date_origin == "text":
        return story.date == report.date  # both read from the words: "24 June" is not "25 June"
    return abs((story.date - report.date).days) <= _DAY_SLACK  # a date from publication may lag a day
