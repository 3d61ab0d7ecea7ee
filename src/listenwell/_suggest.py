"""The suggestion layer: choose a mode, fill templates from ``rules/templates/``, rank and de-duplicate.

Mode precedence: ``safety`` (a crisis cue; nothing else then), ``boundary``, ``celebrate``, ``reflect``.
Per mode a plan lists the kinds to fill, reflections first and at most one question. For each kind the most
specific eligible template wins (family, cue, topic, need, band, situation); ties are broken by a hash of
the message and the seed, so the same input always gets the same reply.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ._analysis import Parsed, _Mention
from ._errors import E
from ._loading import RuleSet
from ._locale import resolve_locale
from ._perspective import Perspective
from ._reply import compose_reply
from ._results import Analysis, Listening, Resource, Suggestion
from ._rules import CRISIS_ABOUT, Family, Template

__all__ = ["Suggester", "Slots"]

_SLOT = re.compile(r"\{(\w+)\}")
_CONNECTORS = {"because", "cause", "cuz", "bc", "when", "whenever", "that", "since", "after", "about", "how"}
_LEAD_DROP = {"and", "but", "so", "then", "because", "cause", "cuz", "bc", "when", "whenever", "that", "since",
              "after", "like", "just", "also", "plus", "honestly", "anyway", "um", "well", "ugh", "oh"}  # fmt: skip
# Words a clause may start with to stand as a situation ("your boss yelled at you", "the car broke down").
_SUBJECTS = frozenset({"i", "you", "he", "she", "they", "we", "it", "my", "your", "his", "her", "their", "our",
                       "everyone", "nobody", "everybody", "someone", "somebody", "this", "the", "a", "an",
                       "u", "ur", "people", "no", "one", "all", "none"})  # fmt: skip
_HEDGED_STARTS = ("a bit", "a little", "kind of", "somewhat", "slightly", "a tad")
_STRONG_STARTS = ("really", "so ", "completely", "deeply", "very", "totally", "utterly", "truly", "absolutely")
# A plan step is a kind, or "kind/need" for a template with that need ("kind/-": one with no need).
# Safety mode: stay present, ask directly about safety, then connect to support.
_PLANS = {
    "safety": ("safety/-", "safety/safety", "safety/support"),
    "boundary": ("boundary", "validation", "boundary"),
    "celebrate": ("reflection", "validation", "reflection", "question"),
    "reflect": ("reflection", "validation", "extra", "question"),
}
_POSITIVE_CELEBRATE = {"joy", "excitement", "pride"}
_NOT_SITUATIONS = {"masking", "apology", "disclosure", "boundary", "crisis", "request", "question"}
# A clause that states an obligation ("I need to start carrying mace") reads as advice when said back.
_OBLIGATION = re.compile(r"\b(?:need to|have to|has to|should|must|got to|ought)\b")
# When crises of several kinds are in one message, the safety reply is built around the first of these.
_CRISIS_PRIORITY = ("self_harm", "other_at_risk", "harm_to_others", "listener_danger", "abuse")
# Crisis kinds whose reply must not fall back to general safety templates ("are you somewhere safe?" does not fit
# someone else in danger, and "I'm not going anywhere" is no comfort when the danger is the listener).
_CRISIS_KINDS = frozenset(CRISIS_ABOUT) | {"listener_danger"}
_OWN_TEMPLATES_ONLY = frozenset({"other_at_risk", "harm_to_others", "listener_danger"})


@dataclass(frozen=True)
class Slots:
    """What a template may name."""

    family: str | None = None
    feeling: str | None = None
    feeling2: str | None = None
    band: str | None = None
    situation: str | None = None
    topics: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    cues: frozenset[str] = frozenset()
    evidence: tuple[str, ...] = ()


_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_REPEATED_WORD = re.compile(r"\b(\w+) \1\b")


def _norm_text(text: str) -> str:
    return _NON_WORD.sub("", text.lower()).strip()


class Suggester:
    """Builds a Listening from an Analysis (and its parsed doc) with one RuleSet's templates."""

    def __init__(self, rules: RuleSet, perspective: Perspective, *, locale: str | None = None) -> None:
        self._families: Mapping[str, Family] = rules.tables["families"]
        self._perspective = perspective
        self._resources = rules.rows("resources")
        # (mode, kind, need, what of the slots eligibility reads) -> eligible templates, best first: messages
        # share few such signatures, so a pick ranks a signature's templates once and then only filters them.
        self._ranked_cache: dict[tuple[object, ...], list[tuple[int, str, Template]]] = {}
        self._asked: dict[tuple[str, str], tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        self._locales = {r.locale for r in self._resources}
        self._locale = resolve_locale(locale, self._locales)
        # (mode, kind) -> the template's most selective requirement -> templates, so a pick only scores the
        # ones that can fit: ("family", id), ("cue", kind), ("topic", id), ("need", id), ("when", ...), or None.
        self._templates: dict[tuple[str, str], dict[tuple[str, str] | None, list[Template]]] = {}
        self._slot_names: dict[str, frozenset[str]] = {}
        self._text: dict[str, str] = {}
        for t in rules.rows("templates"):
            index = self._templates.setdefault((t.mode, t.kind), {})
            for key in self._index_keys(t):
                index.setdefault(key, []).append(t)
            self._slot_names[t.id] = frozenset(_SLOT.findall(t.text))
            self._text[t.id] = t.text
        self._names = {(n.kind, n.id): n.name for n in rules.rows("names")}
        self._lead_ins = rules.word_class("situation_lead_ins")
        self._lead_in_ends = rules.word_class("situation_lead_in_ends")
        self._laughter = rules.word_class("laughter")

    # --- public --------------------------------------------------------------------------------------------
    def suggest(
        self,
        analysis: Analysis,
        parsed: Parsed | None,
        *,
        context: Sequence[str] | None = None,
        seed: int | None = None,
        context_topics: Sequence[str] = (),
        locale: str | None = None,
    ) -> Listening:
        """Choose the mode, fill one template per step of its plan, and attach resources in safety mode.

        ``locale`` overrides the Suggester's own for the crisis resources of this one message.
        """
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise TypeError(E.E006.format(type_name=type(seed).__name__))
        if context is not None and (isinstance(context, str) or not all(isinstance(c, str) for c in context)):
            raise TypeError(E.E007.format(type_name=type(context).__name__))
        mode = self.mode(analysis)
        slots = self._slots(analysis, parsed, mode, context_topics)
        used = [_norm_text(c) for c in context or ()]
        key = f"{analysis.text}\x1f{seed}"
        chosen: list[Suggestion] = []
        taken_text: set[str] = set()
        for step in _PLANS[mode]:
            if step == "extra":
                step = "appreciation" if slots.cues & {"disclosure", "apology"} else "reflection"
            s = self._pick(mode, step, slots, key, chosen, used, taken_text)
            if s is not None:
                chosen.append(s)
                taken_text.add(_norm_text(s.text))
                if slots.situation and "{situation}" in self._text[s.rule]:
                    slots = replace(slots, situation=None)  # the writer's clause is said back once
        if not chosen:  # every template used up in this conversation: allow repeats rather than say nothing
            for step in _PLANS[mode]:
                s = self._pick(mode, "reflection" if step == "extra" else step, slots, key, chosen, [], taken_text)
                if s is not None:
                    chosen.append(s)
                    taken_text.add(_norm_text(s.text))
        resources: tuple[Resource, ...] = ()
        if mode == "safety":
            where = self._locale if locale is None else resolve_locale(locale, self._locales)
            resources = self._resources_for(where, self.crisis_about(analysis))
        return Listening(
            analysis=analysis, mode=mode, reply=compose_reply(mode, chosen), suggestions=tuple(chosen),
            resources=resources,
        )

    def mode(self, analysis: Analysis) -> str:
        kinds = {c.kind for c in analysis.cues}
        if "crisis" in kinds:
            return "safety"
        if "boundary" in kinds:
            return "boundary"
        negative = any(self._families[e.family].valence < 0 and not e.negated for e in analysis.emotions)
        named = any(  # good news needs real evidence, not just VADER's warmth
            e.family == analysis.dominant and e.source != "sentiment" and e.experiencer == "speaker"
            for e in analysis.emotions
        )
        if not negative and (
            "celebration" in kinds or (analysis.dominant in _POSITIVE_CELEBRATE and named and analysis.valence > 0.4)
        ):
            return "celebrate"
        return "reflect"

    # --- slots ---------------------------------------------------------------------------------------------
    def _slots(self, analysis: Analysis, parsed: Parsed | None, mode: str, context_topics: Sequence[str]) -> Slots:
        mentions = [m for m in (parsed.mentions if parsed else ()) if not m.mention.negated]
        own = [m for m in mentions if m.mention.experiencer == "speaker"] or mentions
        family = analysis.dominant
        main = max(
            (m for m in own if m.mention.family == family),
            key=lambda m: (m.mention.intensity * m.mention.confidence, -m.start),
            default=None,
        )
        feeling = band = feeling2 = None
        evidence: list[str] = []
        if main is not None and family is not None:
            feeling, band = self._feeling(main)
            evidence.append(f"{main.mention.source}:{main.mention.rule}")
            valence = self._families[family].valence
            other = [
                m for m in own if m.mention.family != family and self._families[m.mention.family].valence * valence < 0
            ]
            if other:
                second = max(other, key=lambda m: m.mention.intensity * m.mention.confidence)
                feeling2 = self._feeling(second)[0]
                evidence.append(f"{second.mention.source}:{second.mention.rule}")
        cues = frozenset(c.kind for c in analysis.cues)
        if "request" in cues:
            cues -= {"question"}  # "Can you pick up the kids?" is a request phrased as a question
        if mode == "safety":
            cues = self._safety_cues(analysis)
        evidence += [f"cue:{c.rule}" for c in analysis.cues]
        situation = self._situation(parsed, main) if parsed is not None and mode != "safety" else None
        topics = tuple(analysis.topics) or tuple(context_topics)
        return Slots(
            family=family if feeling else None, feeling=feeling, feeling2=feeling2, band=band,
            situation=situation, topics=topics, needs=tuple(analysis.needs), cues=cues, evidence=tuple(evidence),
        )  # fmt: skip

    def _feeling(self, m: _Mention) -> tuple[str, str | None]:
        e = m.mention
        term = e.term
        band = None
        if e.hedged or e.intensity <= 0.4:
            band = "mild"
            if e.hedged and not term.startswith(_HEDGED_STARTS):
                term = "a bit " + term
        elif e.intensity >= 0.75 or e.intensified:
            band = "strong"
            if e.intensified and not term.startswith(_STRONG_STARTS) and len(term.split()) == 1:
                term = "really " + term
        return term, band

    def _situation(self, parsed: Parsed, main: _Mention | None) -> str | None:
        """The clause that carries what happened, in the listener's words."""
        doc, sents, bounds = parsed.doc, parsed.sentences, parsed.boundaries
        n = len(doc)
        spans: list[tuple[int, int]] = []  # clauses: runs of tokens between boundaries, within a sentence
        start = 0
        for i in range(n + 1):
            if i == n or i in bounds or (i > start and sents[i] != sents[i - 1]):
                if i > start:
                    spans.append((start, i))
                start = i + 1 if i < n and i in bounds else i
        starts = [sp[0] for sp in spans]

        def clause(i: int) -> tuple[int, int]:
            k = bisect_right(starts, i) - 1
            return spans[k] if k >= 0 and spans[k][0] <= i < spans[k][1] else (i, i)

        candidates: list[tuple[int, int]] = []
        if main is not None and main.mention.source == "situation":
            candidates.append(clause(main.start))
        if main is not None:
            # "I'm upset because you forgot my birthday": the clause after the connector.
            for i in range(main.end, n):
                if sents[i] != sents[main.start]:
                    break
                if parsed.norms[i] in _CONNECTORS and i + 1 < n:
                    candidates.append(clause(i + 1))
                    break
        for m in parsed.mentions:
            if m.mention.source == "situation" and m is not main:
                candidates.append(clause(m.start))
        # Otherwise another clause of the feeling's own sentence, nearest first (a clause from elsewhere in the
        # message may be about something else: "I'm so glad that {the scary part}"); with no feeling, any clause.
        anchor = main.start if main is not None else 0
        if main is None:
            near = spans
        else:  # the feeling's sentence first; a neighbouring sentence only for a painful feeling
            reach = 1 if self._families[main.mention.family].valence < 0 else 0
            near = [sp for sp in spans if abs(sents[sp[0]] - sents[main.start]) <= reach]
        candidates += sorted(near, key=lambda span: (abs(sents[span[0]] - sents[anchor]), abs(span[0] - anchor)))
        for s, e in candidates:
            text = self._clause_text(parsed, s, e, main)
            if text:
                return text
        return None

    def _clause_text(self, parsed: Parsed, s: int, e: int, main: _Mention | None) -> str | None:
        norms = parsed.norms
        while s < e and (norms[s] in _LEAD_DROP or not norms[s][:1].isalnum()):
            s += 1
        if s >= e:
            return None
        # "it feels like you don't even notice" -> "you don't even notice"; "I feel like ..." is kept, since
        # saying back "you're failing as a parent" would state the writer's fear as a fact.
        j = s if norms[s] != "i" else e
        while j < e and norms[j] in self._lead_ins:
            j += 1
            if norms[j - 1] in self._lead_in_ends and j < e and norms[j] not in self._lead_in_ends:
                s = j
                break
        while e > s and (not norms[e - 1][:1].isalnum() or norms[e - 1] in self._laughter):
            e -= 1
        if e - s < 3 or e - s > 18:
            return None
        if any(m.mention.source == "lexicon" and s <= m.start < e for m in parsed.mentions):
            return None  # a clause naming a feeling ("I'm not angry") is no situation to say back
        if any(h.start < e and s < h.end and h.rule.kind in _NOT_SITUATIONS for h in parsed.hits.get("cues", ())):
            return None  # nor one that is a cue ("I'm fine", "I'm sorry", "I've never told anyone")
        words = norms[s:e]
        if norms[s] not in _SUBJECTS or any("?" in w for w in words):
            return None
        if _OBLIGATION.search(" ".join(words)):
            return None
        text = self._perspective.reflect_tokens(parsed.doc, s, e)
        text = _REPEATED_WORD.sub(r"\1", text)  # "went the the beach" -> "went the beach"
        first = text.split(" ", 1)[0]
        if first == "I" or first.startswith(("I'", "I\u2019")):
            return text
        return text[0].lower() + text[1:]

    # --- templates -----------------------------------------------------------------------------------------
    @staticmethod
    def _index_keys(t: Template) -> list[tuple[str, str] | None]:
        if t.family:
            return [("family", f) for f in t.family]
        for name in ("cue", "topic", "need", "when"):
            value = getattr(t, name)
            if value:
                return [(name, value)]
        return [None]

    @staticmethod
    def _lookup_keys(slots: Slots) -> list[tuple[str, str] | None]:
        keys: list[tuple[str, str] | None] = [None]
        if slots.family:
            keys.append(("family", slots.family))
        keys += [("cue", c) for c in sorted(slots.cues)]
        keys += [("topic", t) for t in slots.topics] + [("need", n) for n in slots.needs]
        keys += [("when", "no_feeling")] if not slots.feeling else []
        keys += [("when", "mixed")] if slots.feeling2 else []
        return keys

    def _eligible(self, t: Template, slots: Slots) -> int | None:
        """A specificity score, or None when the template does not fit.

        Whatever this reads of ``slots`` must be part of the signature ``_ranked`` caches its result under.
        """
        score = 0
        if t.family:
            if slots.family not in t.family:
                return None
            score += 4
        if t.when == "no_feeling":
            if slots.feeling:
                return None
            score += 2
        elif t.when == "mixed":
            if not slots.feeling2:
                return None
            score += 6  # mixed feelings are both named, before either one alone
        if t.band:
            if t.band != slots.band:
                return None
            score += 1
        if t.cue:
            if t.cue not in slots.cues:
                return None
            score += 6  # a cue (criticism, disclosure, ...) is answered before the feeling in general
            if t.cue in _CRISIS_KINDS:
                score += 2  # a reply for this kind of crisis before a general safety one
        if t.topic:
            if t.topic not in slots.topics:
                return None
            score += 2
        if t.need:
            if t.need not in slots.needs:
                return None
            score += 2
        for name in self._slot_names[t.id]:
            if name == "feeling" and not slots.feeling:
                return None
            if name == "feeling2" and not slots.feeling2:
                return None
            if name == "situation":
                if not slots.situation:
                    return None
                score += 3  # the writer's own situation makes a reply specific
            if name == "topic" and not (t.topic or slots.topics):
                return None
            if name == "need" and not (t.need or slots.needs):
                return None
        return score

    def _render(self, t: Template, slots: Slots) -> str:
        topic = t.topic or (slots.topics[0] if slots.topics else "")
        need = t.need or (slots.needs[0] if slots.needs else "")
        values = {
            "feeling": slots.feeling or "", "feeling2": slots.feeling2 or "", "situation": slots.situation or "",
            "topic": self._names.get(("topic", topic), topic.replace("_", " ")),
            "need": self._names.get(("need", need), need),
        }  # fmt: skip
        text = " ".join(_SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), t.text).split())
        return text[:1].upper() + text[1:]

    def _pick(
        self,
        mode: str,
        step: str,
        slots: Slots,
        key: str,
        chosen: Sequence[Suggestion],
        used: Sequence[str],
        taken_text: set[str],
    ) -> Suggestion | None:
        kind, _, need = step.partition("/")
        taken = {s.rule for s in chosen}
        scored = [x for x in self._ranked(mode, kind, need, slots) if x[1] not in taken]
        if not scored:
            return None
        digest = hashlib.blake2b(f"{key}\x1f{kind}\x1f{len(chosen)}".encode(), digest_size=8).digest()
        turn = int.from_bytes(digest, "big")
        # Tiers of near-equal specificity, most specific first; within a tier, start at a hashed position.
        while scored:
            top = scored[0][0]
            tier = [t for sc, _i, t in scored if sc >= top - 1]
            scored = [x for x in scored if x[0] < top - 1]
            for j in range(len(tier)):
                template = tier[(turn + j) % len(tier)]
                text = self._render(template, slots)
                norm = _norm_text(text)
                if any(norm in t or t in norm for t in taken_text) or any(norm and norm in u for u in used):
                    continue
                evidence = slots.evidence + ((f"topic:{template.topic}",) if template.topic else ())
                return Suggestion(text=text, kind=template.kind, rule=template.id, evidence=evidence)
        return None

    def _ranked(self, mode: str, kind: str, need: str, slots: Slots) -> list[tuple[int, str, Template]]:
        """(score, id, template) of every template that fits, most specific first, ranked once per signature.

        The signature keeps only the cues, topics and needs some template of this (mode, kind) asks for.
        """
        asked = self._asked.get((mode, kind))
        if asked is None:
            rows = [t for ts in self._templates.get((mode, kind), {}).values() for t in ts]
            asked = self._asked[(mode, kind)] = (
                frozenset(t.cue for t in rows if t.cue),
                frozenset(t.topic for t in rows if t.topic),
                frozenset(t.need for t in rows if t.need),
            )
        signature = (
            mode, kind, need, slots.family, bool(slots.feeling), bool(slots.feeling2), slots.band,
            slots.cues & asked[0], asked[1].intersection(slots.topics), bool(slots.topics),
            asked[2].intersection(slots.needs), bool(slots.needs), bool(slots.situation),
        )  # fmt: skip
        ranked = self._ranked_cache.get(signature)
        if ranked is None:
            index = self._templates.get((mode, kind), {})
            ranked = []
            for t in (t for key in self._lookup_keys(slots) for t in index.get(key, ())):
                if need and (t.need or "-") != need:
                    continue
                score = self._eligible(t, slots)
                if score is not None:
                    ranked.append((score, t.id, t))
            ranked.sort(key=lambda x: (-x[0], x[1]))
            if len(self._ranked_cache) >= 20_000:  # bounded: a flood of rare signatures cannot grow it forever
                self._ranked_cache.clear()
            self._ranked_cache[signature] = ranked
        return ranked

    @staticmethod
    def crisis_about(analysis: Analysis) -> str | None:
        """What the message's most pressing crisis is about (``listener_danger`` when the listener is the danger)."""
        kinds = {("listener_danger" if c.agent == "listener" else c.about) for c in analysis.cues if c.kind == "crisis"}
        return next((k for k in _CRISIS_PRIORITY if k in kinds), None)

    def _safety_cues(self, analysis: Analysis) -> frozenset[str]:
        """The cues safety templates may require: ``crisis`` for the general ones, plus each crisis kind present.

        The first crisis kind decides whether general templates may be used at all (see _OWN_TEMPLATES_ONLY).
        """
        kinds = {c.about for c in analysis.cues if c.kind == "crisis" and c.about and c.agent is None}
        kinds |= {"listener_danger" for c in analysis.cues if c.kind == "crisis" and c.agent == "listener"}
        first = self.crisis_about(analysis)
        if first in _OWN_TEMPLATES_ONLY:
            return frozenset({first})
        return frozenset(kinds | {"crisis"})

    def _resources_for(self, locale: str, about: str | None) -> tuple[Resource, ...]:
        """Resources for the locale (generic rows when it has none), those for this crisis kind first.

        Rows without ``serves`` fit every crisis; a kind the locale has no row for takes the generic row for it.
        Rows marked ``urgent`` (emergency services) come first when someone else is in danger now.
        """
        kind = "abuse" if about == "listener_danger" else about
        local = [r for r in self._resources if r.locale == locale]
        generic = [r for r in self._resources if r.locale == "*"]
        specific = [r for r in local if kind in r.serves] or [r for r in generic if kind in r.serves]
        specific.sort(key=lambda r: len(r.serves))  # a line for this kind alone before a line for every kind
        general = [r for r in local if not r.serves]
        rows = specific + general
        if about in ("other_at_risk", "harm_to_others"):
            rows.sort(key=lambda r: not r.urgent)
        seen: set[str] = set()
        out = []
        for r in rows:
            if r.id not in seen:
                seen.add(r.id)
                out.append(Resource(name=r.name, contact=r.contact, about=r.about, locale=r.locale, rule=r.id))
        return tuple(out)
