"""Does a superior item apply to the lower plan? Decided by actor and administrative level.

The levels and their patterns are data (``data/levels.json``). Rules, in order
(spec/CROSSCHECK.md, "not_applicable"):

1. no actor named: the item is addressed to every recipient, it applies;
2. the actor is the superior issuer itself or its own staff (its office, its
   deputies): it does not apply;
3. the actor names places ("các tỉnh: A, B, C") at the lower's level: it applies
   only when the lower issuer's place is among them; the localities "to be
   selected" are not a lower issuer they do not name;
4. the actor is everyone ("các cấp", "các cơ quan, đơn vị") or every locality
   ("các địa phương", "các tỉnh, thành phố") : it applies (localities only to a local plan);
5. otherwise by tier: it applies when one of the actor's tiers is the lower
   issuer's tier or below it (a province stands for its districts and
   communes); an actor only above the lower (ministries for a province) does not;
   among central actors a central lower stands only for its own body and, for the
   Government, its ministries (``stands_for``): the National Assembly or a Party
   board is another body, and a body the lower is named in only as partner
   ("Ban X chủ trì, phối hợp với Bộ Y") is another body's work;
6. an actor whose level is not recognised applies (better a missing item an
   inspector can dismiss than a silent one); a lower issuer of no administrative
   level (a university, a company) stands only for itself among the actors of
   known levels.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.lang.actors import is_lawmaking
from pipeline.lang.fold import fold

DATA = Path(__file__).with_name("data") / "levels.json"


@dataclass(frozen=True)
class Levels:
    """The compiled level table."""

    tiers: dict[str, int]
    patterns: tuple[tuple[int, str, re.Pattern], ...]
    everyone: tuple[re.Pattern, ...]
    local: tuple[re.Pattern, ...]
    place_markers: tuple[str, ...]
    not_place_words: frozenset[str]
    national_only: tuple[re.Pattern, ...] = ()
    government: tuple[re.Pattern, ...] = ()
    ministry_groups: tuple[re.Pattern, ...] = ()
    ministries: tuple[re.Pattern, ...] = ()
    party_bodies: tuple[re.Pattern, ...] = ()
    party_internal: tuple[re.Pattern, ...] = ()
    party_own: tuple[re.Pattern, ...] = ()
    issuer_instruments: tuple[re.Pattern, ...] = ()
    own_execution: tuple[re.Pattern, ...] = ()
    deferred_deadline: tuple[str, ...] = ()
    share_cues: tuple[str, ...] = ()
    issuer_staff: tuple[re.Pattern, ...] = ()
    head_titles: tuple[tuple[str, ...], ...] = ()
    administration_wide: tuple[re.Pattern, ...] = ()
    selected_only: tuple[re.Pattern, ...] = ()


@dataclass(frozen=True)
class Applicability:
    """The verdict for one item, with the reason an inspector reads."""

    applies: bool
    reason: str
    actor_tiers: tuple[int, ...] = ()


@lru_cache(maxsize=1)
def load_levels(path: str | None = None) -> Levels:
    """The level table from ``data/levels.json`` (or another file of the same shape)."""
    data = json.loads(Path(path or DATA).read_text(encoding="utf-8"))
    tiers = data["tiers"]
    patterns = tuple((tiers[level["tier"]], level["name"], re.compile(p))
                     for level in data["levels"] for p in level["patterns"])
    return Levels(
        tiers=tiers,
        patterns=patterns,
        everyone=tuple(re.compile(p) for p in data["everyone"]["all"]),
        local=tuple(re.compile(p) for p in data["everyone"]["local"]),
        place_markers=tuple(sorted(data["place_markers"], key=len, reverse=True)),
        not_place_words=frozenset(data["not_place_words"]),
        national_only=tuple(re.compile(p) for p in data.get("national_only", {}).get("patterns", [])),
        **{key: tuple(re.compile(p) for p in data.get("central_bodies", {}).get(key, []))
           for key in ("government", "ministry_groups", "ministries")},
        party_bodies=tuple(re.compile(re.escape(p)) for p in data.get("party", {}).get("bodies", [])),
        party_internal=tuple(re.compile(p) for p in data.get("party", {}).get("internal", [])),
        party_own=tuple(re.compile(p) for p in data.get("party", {}).get("own", [])),
        issuer_instruments=tuple(re.compile(p) for p in data.get("issuer_instruments", {}).get("patterns", [])),
        own_execution=tuple(re.compile(p) for p in data.get("own_execution", {}).get("patterns", [])),
        deferred_deadline=tuple(data.get("deferred_deadline", {}).get("patterns", [])),
        share_cues=tuple(data.get("central_bodies", {}).get("share_cues", [])),
        issuer_staff=tuple(re.compile(p) for p in data.get("issuer_staff", {}).get("patterns", [])),
        head_titles=tuple(tuple(fold(t).split()) for t in data.get("issuer_staff", {}).get("head_titles", [])),
        administration_wide=tuple(re.compile(p) for p in data.get("administration_wide", {}).get("patterns", [])),
        selected_only=tuple(re.compile(p) for p in data.get("selected_only", {}).get("patterns", [])),
    )


def _lower(text: str) -> str:
    """Lower-case NFC text with the common 'uỷ'/'ủy' spelling variants unified."""
    return " ".join(re.sub(r"\bhoà\b", "hòa", text.lower().replace("uỷ", "ủy")).split())  # not "hoàn"


def actor_tiers(actor: str | None, *, levels: Levels | None = None) -> set[int]:
    """Every tier that ``actor`` names (empty when none is recognised)."""
    if not actor:
        return set()
    levels = levels or load_levels()
    text = _lower(actor)
    return {tier for tier, _, pattern in levels.patterns if pattern.search(text)}


def issuer_tier(issuer: str | None, *, levels: Levels | None = None) -> int | None:
    """The tier of an issuing body: the lowest level its name mentions (UBND tỉnh X → province)."""
    tiers = actor_tiers(issuer, levels=levels)
    return max(tiers) if tiers else None


def named_places(actor: str | None, *, levels: Levels | None = None) -> list[str]:
    """Proper place names that follow a place marker: 'các tỉnh: Khánh Hòa, Đắk Lắk' → both names."""
    if not actor:
        return []
    levels = levels or load_levels()
    markers = "|".join(re.escape(m) for m in levels.place_markers)
    names: list[str] = []
    for m in re.finditer(rf"(?:(?<=\s)|^)(?<!tấn )(?:{markers})(?=[\s:])", actor, flags=re.IGNORECASE):
        tokens = re.findall(r"[\w’'-]+|[^\w\s]", actor[m.end():])
        current: list[str] = []
        for i, tok in enumerate(tokens):
            if tok[0].isupper() and tok not in levels.not_place_words:
                current.append(tok)
                continue
            if current:
                names.append(" ".join(current))
                current = []
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if tok in (",", ":", "và") and nxt[:1].isupper() and nxt not in levels.not_place_words:
                continue
            break
        if current:
            names.append(" ".join(current))
    return list(dict.fromkeys(names))


def place_of(issuer: str | None, place: str | None = None, *, levels: Levels | None = None) -> str | None:
    """The place name of an issuing body ('Ủy ban nhân dân tỉnh Đắk Lắk' → 'Đắk Lắk'), else ``place``."""
    names = named_places(issuer, levels=levels)
    return names[-1] if names else place


def _matches(text: str, patterns: tuple[re.Pattern, ...]) -> bool:
    return any(p.search(text) for p in patterns)


def governs_country(issuer: str | None, *, levels: Levels | None = None) -> bool:
    """Whether an issuer acts for the whole country: the Government, the Prime Minister, a ministry
    (not a province, a university or a company)."""
    levels = levels or load_levels()
    return bool(issuer) and _matches(_lower(issuer), levels.government + levels.ministries + levels.ministry_groups)


def is_government(issuer: str | None, *, levels: Levels | None = None) -> bool:
    """Whether an issuer is the Government or its head ("Thủ tướng Chính phủ")."""
    levels = levels or load_levels()
    return bool(issuer) and _matches(_lower(issuer), levels.government)


def sector_body(issuer: str | None, *, levels: Levels | None = None) -> bool:
    """Whether an issuer is a central body other than the Government (a ministry): it answers for its
    own sector, not for every demand of a national text."""
    levels = levels or load_levels()
    return bool(issuer) and issuer_tier(issuer, levels=levels) == 0 \
        and not _matches(_lower(issuer), levels.government)


def _body(issuer: str) -> str:
    """An issuer's body without its head's title ("Bộ trưởng Bộ Tài chính" → "bộ tài chính"), lower-cased."""
    return re.sub(r"^(thủ tướng|bộ trưởng)\s+", "", _lower(issuer))


def names_body(actor: str | None, issuer: str | None) -> bool:
    """Whether an actor names the issuer's own body ("Bộ Tài chính" in "Bộ Tài chính, Bộ Xây dựng")."""
    core = _body(issuer) if issuer else ""
    return bool(core and actor) and core in _lower(actor)


def _has_share(body: str, text: str, levels: Levels) -> bool:
    """Whether the item's words give ``body`` (lower-cased) a share of the work: the lead's partner
    ("phối hợp với ... Bộ X") or the one whose guidance it follows ("theo hướng dẫn của Bộ X")."""
    if not body or not levels.share_cues:
        return False
    cues = "|".join(map(re.escape, levels.share_cues))
    return re.search(rf"\b({cues})\b[^.;]{{0,120}}{re.escape(body)}", _lower(text)) is not None


def stands_for(actor: str, lower_issuer: str | None, *, levels: Levels | None = None) -> bool:
    """Whether a central lower issuer stands for a central actor: the actor names the lower's own body
    ("Ban cán sự đảng Chính phủ" for the Government), or the ministries when the lower is the
    Government or a ministry, or (for the Government) a ministry."""
    if not lower_issuer:
        return False
    levels = levels or load_levels()
    own, act = _lower(lower_issuer), _lower(actor)
    if names_body(actor, lower_issuer):
        return True
    government = _matches(own, levels.government)
    if (government or _matches(own, levels.ministries)) and _matches(act, levels.ministry_groups):
        return True
    return government and _matches(act, levels.ministries)


def _partner_only(lower_issuer: str, text: str, levels: Levels) -> bool:
    """Whether the item's words name a central lower issuer, or (for the Government) one of its ministries,
    only beside another lead ("Ban X chủ trì, phối hợp với Bộ Y"): that work is the lead's."""
    own = _lower(lower_issuer)
    return _has_share(_body(own), text, levels) \
        or (_matches(own, levels.government) and _matches(_lower(text), levels.ministries))


def central_names(text: str | None, *, levels: Levels | None = None) -> set[str]:
    """The named central bodies in a text, lower-cased as the level table spells them ("bộ quốc
    phòng"), also from a shared head ("các Bộ: Quốc phòng, Công an" names two)."""
    if not text:
        return set()
    levels = levels or load_levels()
    low = _lower(text)
    names = {m.group(0) for p in levels.ministries for m in p.finditer(low)}
    for listed in re.finditer(r"\bcác bộ\s*:?\s*([^;()]*)", low):
        for piece in re.split(r",|\bvà\b", listed.group(1)):
            names |= {m.group(0) for p in levels.ministries if (m := p.match(f"bộ {piece.strip()}"))}
    return names


def addressed_bodies(lower_actors: list[str], *, levels: Levels | None = None) -> frozenset[str] | None:
    """The central bodies a Government follow-up addresses again (its addressees and the actors of its
    tasks); None when it cannot tell: it names no body, or addresses the ministries as a group ("các bộ,
    ngành")."""
    levels = levels or load_levels()
    given: set[str] = set()
    for other in lower_actors:
        named = central_names(other, levels=levels)
        if not named and _matches(_lower(other), levels.ministry_groups):
            return None  # every ministry
        given |= named
    return frozenset(given) or None


def given_to(actor: str | None, addressed: frozenset[str] | None, *, levels: Levels | None = None) -> bool | None:
    """Whether a follow-up that addresses ``addressed`` (``addressed_bodies``) gives work again to a central
    body the actor names ("Bộ Xây dựng"); None when it cannot tell: the follow-up's bodies are not known,
    or the actor names no central body or names another level too."""
    levels = levels or load_levels()
    names = central_names(actor, levels=levels)
    if addressed is None or not names or actor_tiers(actor, levels=levels) - {0}:
        return None
    return bool(names & addressed)


def given_work(actor: str | None, lower_actors: list[str], *, levels: Levels | None = None) -> bool | None:
    """For a Government document that follows up its own: whether it gives work again to a central
    body the actor names, by its addressees and the actors of its own tasks (``given_to``)."""
    return given_to(actor, addressed_bodies(lower_actors, levels=levels), levels=levels)


def _staff_of(actor: str, issuer: str, levels: Levels) -> bool:
    """True when ``actor`` is the superior issuer's own staff (``issuer_staff``): its office ("Văn phòng
    Chính phủ" of the Thủ tướng Chính phủ) or its deputies ("các đồng chí Phó Thủ tướng Chính phủ"), who
    follow up the issuer's own document. A head's title after "Phó" may stand before the issuer's name
    ("Phó Chủ tịch Ủy ban nhân dân tỉnh" of the Ủy ban nhân dân tỉnh)."""
    lowered = _lower(actor)
    issuer_words = set(fold(issuer).split())
    for pattern in levels.issuer_staff:
        m = pattern.match(lowered)
        if m is None:
            continue
        rest = fold(lowered[m.end():]).split()
        named = [rest] + [rest[len(title):] for title in levels.head_titles if rest[:len(title)] == list(title)]
        if any(words and set(words) <= issuer_words for words in named):
            return True
    return False


def applies(actor: str | None, *, lower_issuer: str | None, lower_place: str | None = None,
            superior_issuer: str | None = None, text: str = "", levels: Levels | None = None) -> Applicability:
    """Whether an item addressed to ``actor`` applies to a plan of ``lower_issuer`` (``text``: the item's
    words, where a central lower may be named as a partner)."""
    levels = levels or load_levels()
    if not actor or not actor.strip():
        return Applicability(True, "no actor named: addressed to every recipient")
    lowered = _lower(actor)
    if superior_issuer and fold(actor) == fold(superior_issuer):
        return Applicability(False, f"task of the superior issuer itself ({superior_issuer})")
    if superior_issuer and _staff_of(actor, superior_issuer, levels):
        return Applicability(False, f"task of the superior issuer's own staff ({actor})")
    tiers = actor_tiers(actor, levels=levels)
    lower_tier = issuer_tier(lower_issuer, levels=levels)
    place = place_of(lower_issuer, lower_place, levels=levels)
    names = named_places(actor, levels=levels)
    if names and place and (lower_tier is None or lower_tier in tiers):
        if any(fold(place) in fold(name) or fold(name) in fold(place) for name in names):
            return Applicability(True, f"the actor names {place}", tuple(sorted(tiers)))
        if not (tiers - {lower_tier}) or all(t < (lower_tier or 0) for t in tiers - {lower_tier}):
            return Applicability(False, f"addressed by name to {', '.join(names)}, not {place}",
                                 tuple(sorted(tiers)))
    if _matches(lowered, levels.selected_only) and not (place and fold(place) in fold(actor)):
        return Applicability(False, f"addressed to the bodies to be selected ({actor}), and {lower_issuer or 'the lower'} "
                             "is not named among them", tuple(sorted(tiers)))
    if _matches(lowered, levels.everyone):
        return Applicability(True, "addressed to every level", tuple(sorted(tiers)))
    local_lower = lower_tier >= 1 if lower_tier is not None else not lower_issuer
    if local_lower and _matches(lowered, levels.local):
        return Applicability(True, "addressed to every locality", tuple(sorted(tiers)))
    if not tiers and _matches(lowered, levels.local):
        tiers = {levels.tiers["province"]}  # every locality, for a central lower: the provinces and below
    if not tiers:
        return Applicability(True, "actor level not recognised: kept as applicable")
    if not lower_issuer:
        return Applicability(True, "lower issuer not known: kept as applicable", tuple(sorted(tiers)))
    if lower_tier is None or (lower_tier == 0 and tiers == {0}):  # a body of its own, or central among central
        if stands_for(actor, lower_issuer, levels=levels):
            return Applicability(True, f"addressed to {lower_issuer} or the bodies it stands for", tuple(sorted(tiers)))
        if _partner_only(lower_issuer, text, levels):
            return Applicability(False, f"addressed to {actor}; {lower_issuer} or a body it stands for is named "
                                 "only as its partner", tuple(sorted(tiers)))
        return Applicability(False, f"addressed to {actor}, a body {lower_issuer} does not stand for",
                             tuple(sorted(tiers)))
    if lower_tier == 0 and 0 not in tiers and not _matches(_lower(lower_issuer), levels.government) \
            and not _has_share(_lower(lower_issuer), text, levels):
        # a ministry directs its own sector; the provinces answer to the Government, not to it
        return Applicability(False, f"addressed to local bodies ({actor}), which {lower_issuer} does not stand for",
                             tuple(sorted(tiers)))
    if any(t >= lower_tier for t in tiers):
        return Applicability(True, "addressed to the lower issuer's level or below it", tuple(sorted(tiers)))
    return Applicability(False, f"addressed to another level ({actor}), which {lower_issuer} does not stand for",
                         tuple(sorted(tiers)))


def central_only(text: str, *, levels: Levels | None = None) -> str | None:
    """Why a demand that names no actor is for the central level only (making law, ranking the
    country among nations, setting up a central body), else None."""
    levels = levels or load_levels()
    if is_lawmaking(text):
        return "making law, rules or policy is for the central level"
    lowered = _lower(re.split(r";|\.\s", text, maxsplit=1)[0])  # the first demand: later ones may differ
    if _matches(lowered, levels.national_only):
        return "only the country as a whole can meet it (a ranking among nations, a central body)"
    return None


def issuer_level_only(text: str, *, lower_tier: int | None, superior_tier: int | None,
                      levels: Levels | None = None) -> str | None:
    """Why a demand that names no actor is the superior level's own work when the lower stands below
    it: issuing a named programme, fund or strategy ("Ban hành Chương trình ...; Quỹ ..."), else None."""
    if lower_tier is None or superior_tier is None or lower_tier <= superior_tier:
        return None
    levels = levels or load_levels()
    if _matches(text, levels.issuer_instruments):
        return "issuing a named programme, fund or strategy is for the superior's level"
    return None


def administration_wide(text: str, *, levels: Levels | None = None) -> bool:
    """Whether an indicator measures the administration's own work (procedures, public services, the
    paperwork of state bodies): every administration that does the work meets it, so the central body a
    table names to monitor it is not its only addressee."""
    levels = levels or load_levels()
    return _matches(_lower(text), levels.administration_wide)


def executes_superior(text: str, *, levels: Levels | None = None) -> bool:
    """Whether a demand is to execute the superior document itself ("... chịu trách nhiệm thi hành
    Quyết định này")."""
    levels = levels or load_levels()
    return _matches(_lower(text), levels.own_execution)


def keeps_superior_deadline(text: str, *, doc_type: str | None,
                            levels: Levels | None = None) -> bool:
    """Whether a lower text completes its work as the superior directs ("hoàn thành theo chỉ đạo tại các
    công điện của Thủ tướng Chính phủ" when the superior is a Công điện), so it keeps the superior's
    deadline without restating it."""
    if not doc_type:
        return False
    lowered = _lower(text)
    patterns = _deferral_patterns(_lower(doc_type), (levels or load_levels()).deferred_deadline)
    return any(p.search(lowered) for p in patterns)


@lru_cache(maxsize=16)
def _deferral_patterns(doc_type: str, templates: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """The deferred-deadline patterns with ``{type}`` set to one document type, compiled once."""
    return tuple(re.compile(p.replace("{type}", re.escape(doc_type))) for p in templates)


def party_internal(text: str, lower_issuer: str | None, *, superior_issuer: str | None = None,
                   levels: Levels | None = None) -> str | None:
    """Why a demand that names no actor is for Party bodies only ("Nghị quyết này phổ biến đến chi bộ";
    a Party superior's own "Thành lập Ban Chỉ đạo Trung ương ...") when the lower issuer is a State
    body, else None."""
    levels = levels or load_levels()
    if not lower_issuer or _matches(_lower(lower_issuer), levels.party_bodies):
        return None
    if _matches(_lower(text), levels.party_internal):
        return "only Party bodies carry it out"
    if superior_issuer and _matches(_lower(superior_issuer), levels.party_bodies) \
            and _matches(_lower(text), levels.party_own):
        return f"{superior_issuer} decides it itself"
    return None


def elsewhere(text: str, place: str | None, *, levels: Levels | None = None, reach: int = 80) -> str | None:
    """Why a demand that names no actor is for other places: its opening names places
    ("Thành phố Cần Thơ có ít nhất 20 mô hình") and the lower issuer's place is not in it."""
    if not place:
        return None
    names = named_places(text[:reach], levels=levels)
    if not names or fold(place) in fold(text):
        return None
    return f"it is set for {', '.join(names)}, not {place}"
