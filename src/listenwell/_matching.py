"""The matching layer: token norms, and spaCy PhraseMatcher/Matcher over the rule tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from ._errors import RuleError
from ._loading import RuleSet
from ._phrases import PhraseCompiler, occurs

__all__ = ["Hit", "RuleMatcher", "default_nlp", "sentence_ids"]

# Contraction pieces written without an apostrophe ("im", "thats") are split by spaCy's tokenizer; these give
# them the norm the apostrophe form has, so "im fine" and "I'm fine" match the same rules.
_AFTER_PRONOUN_S = {"it", "that", "what", "he", "she", "there", "here", "who", "where", "let", "everything"}


def default_nlp() -> Language:
    """spaCy's blank English pipeline with a rule-based sentence splitter: no model download."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@dataclass(frozen=True, slots=True)
class Hit:
    """One rule matched over tokens ``start:end`` of a doc."""

    table: str
    rule: Any
    start: int
    end: int


class RuleMatcher:
    """Matches a set of tables against docs made by one pipeline's tokenizer."""

    def __init__(self, nlp: Language, rules: RuleSet, tables: Iterable[str], origins: Mapping[str, str]) -> None:
        self._nlp = nlp
        self._norm_table = {r.text.lower(): r.norm.lower() for r in rules.rows("norms")}
        irregular = {r.base.lower(): tuple(f.lower() for f in r.forms) for r in rules.rows("inflections")}
        classes = {r.id: tuple(w.lower() for w in r.words) for r in rules.rows("wordclasses")}
        self.compiler = PhraseCompiler(self.word_norms, irregular, classes)
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.matcher = Matcher(nlp.vocab)
        self._by_key: dict[int, tuple[str, Any]] = {}
        for table in tables:
            for key, row in rules.tables[table].items():
                try:
                    compiled = self.compiler.compile(row.phrase)
                except ValueError as exc:
                    where = origins.get(f"{table}|{key}", f"{table} row {key!r}")
                    raise RuleError(where, f"key 'phrase': {exc}") from None
                name = f"{table}|{key}"
                if compiled.literals:
                    self.phrase_matcher.add(name, [self._pattern_doc(lit) for lit in compiled.literals])
                if compiled.patterns:
                    self.matcher.add(name, [list(p) for p in compiled.patterns])
                self._by_key[nlp.vocab.strings[name]] = (table, row)

    # --- norms -------------------------------------------------------------------------------------------
    def word_norms(self, text: str) -> tuple[str, ...]:
        doc = self._nlp.make_doc(text)
        return tuple(self.norms(doc, write=False))

    def norms(self, doc: Doc, *, write: bool = True) -> list[str]:
        """The norm of every token, folding chat spellings and apostrophe-less contractions.

        With ``write`` the folded norms are stored on the tokens, which is what the matchers read.
        """
        out: list[str] = []
        table = self._norm_table
        prev = ""
        for token in doc:
            norm = token.norm_
            lower = token.lower_
            new = table.get(lower)
            if new is None:
                if lower != norm and lower.isalpha() and len(lower) >= 3 and norm.isalpha() and lower != "gon":
                    new = lower  # spaCy norms "did" in "didnt" as "do"; keep the word as written
                elif lower == "m" and prev == "i":
                    new = "am"
                elif lower == "s" and prev in _AFTER_PRONOUN_S:
                    new = "'s"
                else:
                    new = norm
            if write and new != norm:
                token.norm_ = new
            out.append(new)
            prev = new
        return out

    def _pattern_doc(self, norms: tuple[str, ...]) -> Doc:
        doc = Doc(self._nlp.vocab, words=list(norms))
        for token, norm in zip(doc, norms, strict=True):
            if token.norm_ != norm:
                token.norm_ = norm
        return doc

    # --- matching ----------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> dict[str, list[Hit]]:
        """All hits by table; for a rule with gaps only the shortest match at each start is kept."""
        by_table: dict[str, list[Hit]] = {}
        seen: set[tuple[int, int]] = set()
        pairs = sorted(self.phrase_matcher(doc) + self.matcher(doc), key=lambda m: (m[1], m[2] - m[1]))
        for match_id, start, end in pairs:
            if (match_id, start) in seen:
                continue
            seen.add((match_id, start))
            table, row = self._by_key[match_id]
            by_table.setdefault(table, []).append(Hit(table, row, start, end))
        return by_table

    def unless_checker(self, table: str, rules: RuleSet, origins: Mapping[str, str]) -> dict[str, Any]:
        """For each row of ``table`` with ``unless`` phrases: their compiled slots (errors name the row)."""
        out: dict[str, Any] = {}
        for key, row in rules.tables[table].items():
            if not row.unless:
                continue
            try:
                out[row.id] = [self.compiler.slots(p) for p in row.unless]
            except ValueError as exc:
                where = origins.get(f"{table}|{key}", f"{table} row {key!r}")
                raise RuleError(where, f"key 'unless': {exc}") from None
        return out

    @staticmethod
    def cancelled(unless: Any, sentence_norms: list[str]) -> bool:
        """Whether any 'unless' phrase occurs in the sentence."""
        return any(occurs(slots, sentence_norms) for slots in unless)


def sentence_ids(doc: Doc) -> list[int]:
    """The sentence index of each token; falls back to end punctuation when the pipeline sets no sentences."""
    ids: list[int] = []
    if doc.has_annotation("SENT_START"):
        sid = -1
        for token in doc:
            if token.is_sent_start or sid < 0:
                sid += 1
            ids.append(sid)
        return ids
    sid = 0
    for token in doc:
        ids.append(sid)
        if token.text in {".", "!", "?"} or token.text.endswith(("!", "?")):
            sid += 1
    return ids
