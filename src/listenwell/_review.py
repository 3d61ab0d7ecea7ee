"""Review of a drafted reply: roadblocks flagged with a reason and a better phrasing, and the draft's strengths.

Phrase flags come from ``rules/review/flags.jsonl`` (kinds: advice, minimizing, judging, defensive, absolute,
contempt, dismissive, self_focus; plus ``but_undo`` rows naming the acknowledgement that a later "but"
undoes). Questions are read structurally with the word classes ``question_words``, ``aux_openers`` and
``lead_ins``: "why ...?" is a why-question; a question that opens with an auxiliary ("Did that hurt?") or
has no question word at all ("You were upset?") is closed. Rewrites are built by listen() on the partner's
message (or, without one, on an empty analysis), so they come from the same templates and perspective shift.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ._analysis import Parsed
from ._matching import Hit, RuleMatcher, sentence_of, sentence_spans
from ._results import Analysis, Balance, EmotionMention, Flag, Listening, Missed, Review, Strength

if TYPE_CHECKING:
    from ._listener import Listener

__all__ = ["Reviewer"]

_REVIEW_TABLES = ("review_flags", "review_strengths")
_SAFETY_STRENGTHS = {"safety_check", "presence"}
_PERSONS = frozenset({"i", "you", "u", "we", "he", "she", "they"})


class Reviewer:
    """Reviews drafts with one Listener's rules and pipeline."""

    def __init__(self, listener: Listener) -> None:
        self._listener = listener
        rules = listener.rules
        self._matcher = RuleMatcher(listener.nlp, rules, _REVIEW_TABLES, rules.origins)
        self._kinds = {k.kind: k for k in rules.rows("review_kinds")}
        self._unless = self._matcher.unless_checker("review_flags", rules, rules.origins)
        self._question_words = rules.word_class("question_words")
        self._aux = rules.word_class("aux_openers")
        self._lead_ins = rules.word_class("lead_ins")
        self._contrast = rules.word_class("contrast_words")
        self._imperatives = rules.word_class("advice_imperatives")
        self._kind_words = rules.word_class("imperative_kind_words")
        self._clause_subjects = rules.word_class("clause_subjects")

    # --- public --------------------------------------------------------------------------------------------
    def review(self, draft: str, message: tuple[Analysis, Parsed | None] | None) -> Review:
        msg_analysis = message[0] if message else None
        if not draft.strip():
            missed = self._missed(message[0], self._listener.suggester.suggest(*message), [], [], []) if message else []
            return Review(draft=draft, missed=tuple(missed), message=msg_analysis)
        doc = self._listener.nlp(draft)
        draft_analysis, draft_parsed = self._listener._parse(draft, doc)
        matched = self._matcher(doc)
        norms, sents, hits = matched.norms, matched.sentences, matched.hits
        listening = self._listener.suggester.suggest(*message) if message else self._generic()
        flags: list[tuple[int, int, str, str]] = []  # token span, kind, rule
        flags += self._phrase_flags(hits, norms, sents)
        flags += self._question_flags(doc, norms, sents)
        strengths = self._strengths(doc, hits, norms, sents, draft_analysis)
        flags += self._imperative_flags(doc, norms, sents, flags, strengths)
        flags = self._drop_feeling_buts(flags, norms, draft_parsed)
        kept = self._dedupe(flags)
        out_flags = tuple(self._flag(doc, s, e, kind, rule, listening, norms) for s, e, kind, rule in kept)
        missed = (
            self._missed(msg_analysis, listening, out_flags, strengths, draft_analysis.emotions) if msg_analysis else []
        )
        balance = Balance(
            reflections=sum(1 for st in strengths if st.kind in {"reflection", "validation", "named_feeling"}),
            open_questions=sum(1 for st in strengths if st.kind == "open_question"),
            closed_questions=sum(1 for f in out_flags if f.kind == "closed_question"),
            roadblocks=sum(1 for f in out_flags if f.kind != "closed_question"),
        )
        return Review(
            draft=draft, flags=out_flags, strengths=tuple(strengths), missed=tuple(missed), message=msg_analysis,
            balance=balance,
        )  # fmt: skip

    # --- flags ---------------------------------------------------------------------------------------------
    def _phrase_flags(
        self, hits: Mapping[str, Sequence[Hit]], norms: Sequence[str], sents: Sequence[int]
    ) -> list[tuple[int, int, str, str]]:
        out = []
        for h in hits.get("review_flags", ()):
            unless = self._unless.get(h.rule.id)
            if unless and self._matcher.cancelled(unless, sentence_of(norms, sents, h.start)):
                continue
            if h.rule.kind == "but_undo":
                end = self._undo_end(norms, sents, h.end)
                if end is None:
                    continue
                out.append((h.start, end, "but_undo", h.rule.id))
            else:
                out.append((h.start, h.end, h.rule.kind, h.rule.id))
        return out

    def _undo_end(self, norms: Sequence[str], sents: Sequence[int], start: int) -> int | None:
        """Where the "but" clause that undoes an acknowledgement ends (None when there is no "but")."""
        sid = sents[start]
        for i in range(start, len(norms)):
            if sents[i] > sid + 1:
                return None
            trailing = i + 1 >= len(norms) or sents[i + 1] != sents[i] or not norms[i + 1][:1].isalnum()
            if norms[i] == "though" and trailing:
                continue  # "..., though." at the end is an adverb, not a contrast
            if norms[i] in self._contrast and (sents[i] == sid or i == 0 or sents[i - 1] != sents[i]):
                j = i
                while j < len(norms) and sents[j] == sents[i]:
                    j += 1
                return j
        return None

    def _question_kind(self, doc: Doc, norms: Sequence[str], s: int, e: int) -> tuple[str, int] | None:
        """For a question sentence: ("why" | "closed" | "open", first content token)."""
        toks = [i for i in range(s, e) if not doc[i].is_space]
        if not toks or not doc[toks[-1]].text.endswith("?"):
            return None
        words = [i for i in toks if norms[i][:1].isalnum()]
        first = next((i for i in words if norms[i] not in self._lead_ins), words[0] if words else toks[0])
        content = [norms[i] for i in words]
        if "why" in content or (norms[first] == "how" and first + 1 < e and norms[first + 1] == "come"):
            return "why", first
        if norms[first] in self._aux:
            return "closed", first
        if norms[first] in self._question_words or any(w in self._question_words - {"tell", "help"} for w in content):
            return "open", first
        return "closed", first  # an auxiliary opener, a tag ("..., right?") or no question word at all

    def _question_flags(self, doc: Doc, norms: Sequence[str], sents: Sequence[int]) -> list[tuple[int, int, str, str]]:
        out = []
        for s, e in sentence_spans(norms, sents):
            q = self._question_kind(doc, norms, s, e)
            if q is None or q[0] == "open":
                continue
            kind = "why_question" if q[0] == "why" else "closed_question"
            rule = "structure.why" if kind == "why_question" else "structure.closed_question"
            out.append((q[1], e, kind, rule))
        return out

    def _imperative_flags(
        self,
        doc: Doc,
        norms: Sequence[str],
        sents: Sequence[int],
        flags: Sequence[tuple[int, int, str, str]],
        strengths: Sequence[Strength],
    ) -> list[tuple[int, int, str, str]]:
        """A sentence that opens with a bare command ("Use a planner.") is advice, unless it offers presence."""
        out = []
        for s, e in sentence_spans(norms, sents):
            words = [i for i in range(s, e) if norms[i][:1].isalnum()]
            first = next((i for i in words if norms[i] not in self._lead_ins), None)
            if first is None or norms[first] not in self._imperatives or norms[e - 1].endswith("?"):
                continue
            if first + 1 < e and norms[first + 1] in self._kind_words:
                continue  # "Sleep well", "Go for it", "Stay safe", "Tell me": warmth, not advice
            span = doc[s:e]
            if any(f[0] < e and s < f[1] for f in flags):
                continue  # "Get over it." is already dismissive; one flag per roadblock
            if any(st.start < span.end_char and span.start_char < st.end for st in strengths):
                continue
            out.append((first, e, "advice", "structure.imperative"))
        return out

    def _drop_feeling_buts(
        self, flags: list[tuple[int, int, str, str]], norms: Sequence[str], parsed: Parsed | None
    ) -> list[tuple[int, int, str, str]]:
        """A "but" that adds a feeling ("exhausting but really meaningful") or no new clause undoes nothing."""
        kept = []
        for f in flags:
            if f[2] == "but_undo":
                after = next((i for i in range(f[0], f[1]) if norms[i] in self._contrast), f[0])
                rest = norms[after + 1 : f[1]]
                if not any(n in self._clause_subjects or n in self._aux for n in rest):
                    continue  # no new clause after the "but"
                if "also" in rest:
                    continue  # "..., but it also sounds meaningful" adds to the acknowledgement
                adds_feeling = parsed is not None and any(
                    m.mention.source == "lexicon" and after < m.start < f[1] for m in parsed.mentions
                )
                if adds_feeling and not any(n in _PERSONS for n in rest):
                    continue  # "..., but it also sounds meaningful"; "but you're not being fair" still undoes
            kept.append(f)
        return kept

    @staticmethod
    def _dedupe(flags: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        kept: list[tuple[int, int, str, str]] = []
        for f in sorted(flags, key=lambda f: (f[0], -(f[1] - f[0]))):
            if any(k[2] == f[2] and f[0] < k[1] and k[0] < f[1] for k in kept):
                continue
            kept.append(f)
        return kept

    # --- rewrites ------------------------------------------------------------------------------------------
    def _generic(self) -> Listening:
        return self._listener.suggester.suggest(Analysis(text=""), None)

    def _flag(self, doc: Doc, s: int, e: int, kind: str, rule: str, listening: Listening, norms: Sequence[str]) -> Flag:
        span = doc[s:e]
        info = self._kinds.get(kind)
        why = info.why if info else kind.replace("_", " ")
        return Flag(
            kind=kind, text=span.text, start=span.start_char, end=span.end_char, why=why,
            suggestion=self._rewrite(kind, doc, s, e, listening, norms), rule=rule,
        )  # fmt: skip

    def _rewrite(self, kind: str, doc: Doc, s: int, e: int, listening: Listening, norms: Sequence[str]) -> str:
        by_kind: dict[str, str] = {}
        for sug in listening.suggestions:
            by_kind.setdefault(sug.kind, sug.text)
        reflection = by_kind.get("reflection") or by_kind.get("validation") or by_kind.get("boundary", "")
        validation = by_kind.get("validation") or reflection
        question = by_kind.get("question", "")
        if listening.mode in ("safety", "boundary"):
            return " ".join(x.text for x in listening.suggestions[:2])
        if kind == "why_question":
            return self._why_to_what(doc, s, e, norms) or question or reflection
        if kind == "closed_question":
            return question or reflection
        if kind == "advice":
            return f"{reflection} {question}".strip()
        if kind == "but_undo":
            before = doc[s:e].text
            cut = re.split(r"\s*,?\s*\b(?:but|however|though|although|yet|except)\b", before, maxsplit=1, flags=re.I)[0]
            cut = cut.rstrip(" ,;")
            return f"{cut}. {question}".strip() if cut else reflection
        if kind == "minimizing":
            return validation
        return reflection

    def _why_to_what(self, doc: Doc, s: int, e: int, norms: Sequence[str]) -> str | None:
        """ "Why did you quit?" -> "What led you to quit?"; "Why are you so upset?" -> "What's got you so upset?"."""
        words = [i for i in range(s, e) if norms[i][:1].isalnum()]
        try:
            at = next(k for k, i in enumerate(words) if norms[i] == "why")
        except StopIteration:
            return None
        rest = words[at + 1 :]
        if len(rest) < 3 or norms[rest[1]] not in {"you", "u"}:
            return None
        aux = norms[rest[0]]
        if rest[0] + 1 < len(norms) and norms[rest[0] + 1] == "not":
            return None
        tail = doc[rest[2] : words[-1] + 1].text
        if aux in {"did", "do", "does", "would", "could"}:
            return f"What led you to {tail}?"
        if aux in {"are", "were", "is"}:
            return f"What's got you {tail}?"
        return None

    # --- strengths and what was missed -------------------------------------------------------------------
    def _strengths(
        self,
        doc: Doc,
        hits: Mapping[str, Sequence[Hit]],
        norms: Sequence[str],
        sents: Sequence[int],
        analysis: Analysis,
    ) -> list[Strength]:
        out: list[Strength] = []
        for h in hits.get("review_strengths", ()):
            span = doc[h.start : h.end]
            out.append(Strength(h.rule.strength, span.text, span.start_char, span.end_char, h.rule.id))
        reflective = any(st.kind in {"reflection", "validation"} for st in out)
        for m in analysis.emotions:
            if m.source == "lexicon" and not m.negated and (m.experiencer == "listener" or reflective):
                out.append(Strength("named_feeling", m.text, m.start, m.end, m.rule))
        for s, e in sentence_spans(norms, sents):
            q = self._question_kind(doc, norms, s, e)
            if q is not None and q[0] == "open":
                span = doc[q[1] : e]
                out.append(
                    Strength("open_question", span.text, span.start_char, span.end_char, "structure.open_question")
                )
        kept: list[Strength] = []
        for st in sorted(out, key=lambda st: (st.start, -(st.end - st.start))):
            if not any(k.kind == st.kind and st.start < k.end and k.start < st.end for k in kept):
                kept.append(st)
        return kept

    def _missed(
        self,
        message: Analysis,
        listening: Listening,
        flags: Sequence[Flag],
        strengths: Sequence[Strength],
        draft_emotions: Sequence[EmotionMention],
    ) -> list[Missed]:
        out: list[Missed] = []
        kinds = {st.kind for st in strengths}
        first = listening.suggestions[0].text if listening.suggestions else ""
        if message.has_cue("crisis"):
            roadblocks = {f.kind for f in flags} & {"advice", "minimizing", "dismissive", "judging", "contempt"}
            if roadblocks or not kinds & _SAFETY_STRENGTHS:
                out.append(
                    Missed("crisis", "Their message mentions a crisis; take it seriously and stay present.", first)
                )
            return out
        if message.has_cue("boundary") and any(f.kind in {"closed_question", "why_question"} for f in flags) | (
            "open_question" in kinds
        ):
            out.append(Missed("boundary", "They asked for space; a question now presses them to talk.", first))
        if message.dominant is not None:
            fam = message.dominant
            named = {e.family for e in draft_emotions if not e.negated and e.source == "lexicon"}
            if fam not in named and "reflection" not in kinds and "validation" not in kinds:
                out.append(Missed("feeling", f"Their message carries {fam}; the draft does not name it.", first))
        return out
