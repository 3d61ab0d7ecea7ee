"""Listener: holds one set of loaded rules and one pipeline, and answers analyze/listen/reflect/review."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._errors import E, MessageTooLong
from ._loading import RuleSet, load_rules
from ._results import Analysis, Listening, Review

if TYPE_CHECKING:  # spaCy and VADER load with the first Listener, so `import listenwell` stays light
    from spacy.language import Language
    from spacy.tokens import Doc

    from ._analysis import Parsed
    from ._perspective import Perspective
    from ._review import Reviewer
    from ._suggest import Suggester

__all__ = ["Listener", "DEFAULT_MAX_LENGTH"]

DEFAULT_MAX_LENGTH = 20_000
ANALYSIS_TABLES = ("lexicon", "situations", "modifiers", "cues", "topics", "needs", "experiencers")
RulesArg = str | Path | Iterable[str | Path] | RuleSet | None


class Listener:
    """Loaded rules plus a spaCy pipeline. Two Listeners never share mutable state.

    ``rules``: extra rule files or folders, added to the shipped tables (a row with a known id replaces it),
    or a ready ``RuleSet``. ``nlp``: your own spaCy pipeline (default: ``spacy.blank("en")`` + sentencizer).
    """

    def __init__(
        self,
        rules: RulesArg = None,
        nlp: Language | None = None,
        *,
        max_length: int = DEFAULT_MAX_LENGTH,
        locale: str = "*",
    ) -> None:
        if isinstance(max_length, bool) or not isinstance(max_length, int) or max_length <= 0:
            raise ValueError(E.E008.format(value=max_length))
        from ._analysis import Analyzer
        from ._matching import RuleMatcher, default_nlp
        from ._sentiment import make_vader

        self.rules: RuleSet = rules if isinstance(rules, RuleSet) else load_rules(rules)
        self.nlp: Language = nlp if nlp is not None else default_nlp()
        self.max_length = max_length
        self.locale = locale
        self._matcher = RuleMatcher(self.nlp, self.rules, ANALYSIS_TABLES, self.rules.origins)
        self._analyzer = Analyzer(self.rules, self._matcher, make_vader())
        self._suggester: Suggester | None = None
        self._reviewer: Reviewer | None = None
        self._perspective: Perspective | None = None

    def __repr__(self) -> str:
        return f"Listener({len(self.rules)} rules from {len(self.rules.sources)} files, nlp={self.nlp.meta['name']!r})"

    # --- input -------------------------------------------------------------------------------------------
    def _check(self, text: Any) -> str:
        if not isinstance(text, str):
            raise TypeError(E.E001.format(type_name=type(text).__name__))
        if len(text) > self.max_length:
            raise MessageTooLong(len(text), self.max_length)
        return text

    @property
    def _tokenize_only(self) -> bool:
        """True when the pipeline adds nothing the matcher needs beyond tokens: the default blank pipeline.

        Its sentencizer splits after end punctuation, which the matcher does itself on token norms, so the
        component is skipped for speed. A user's pipeline (parser, senter, NER, ...) always runs in full.
        """
        return all(name == "sentencizer" for name in self.nlp.pipe_names)

    def _make_doc(self, text: str) -> Doc:
        return self.nlp.make_doc(text) if self._tokenize_only else self.nlp(text)

    # --- analysis ----------------------------------------------------------------------------------------
    def _parse(self, text: str, doc: Doc | None = None) -> tuple[Analysis, Parsed | None]:
        if not text.strip():
            return Analysis(text=text), None
        return self._analyzer.analyze(doc if doc is not None else self._make_doc(text), text)

    def analyze(self, text: str) -> Analysis:
        """Feelings, sentiment, cues, topics and needs of one message."""
        return self._parse(self._check(text))[0]

    def analyze_doc(self, doc: Doc) -> Analysis:
        """Analyse a doc that a pipeline already made (used by the spaCy component)."""
        return self._parse(self._check(doc.text), doc)[0]

    def _parse_many(self, texts: Iterable[str], batch_size: int) -> Iterator[tuple[Analysis, Parsed | None]]:
        """Analyse many texts in order, yielding each as soon as it is done, so no doc outlives its turn."""
        checked = [self._check(t) for t in texts]  # every input is checked before any work starts
        live = (t for t in checked if t.strip())
        if self._tokenize_only:
            docs = self.nlp.tokenizer.pipe(live, batch_size=batch_size)  # type: ignore[union-attr]
        else:
            docs = self.nlp.pipe(live, batch_size=batch_size)
        for text in checked:
            if text.strip():
                yield self._analyzer.analyze(next(docs), text)
            else:
                yield Analysis(text=text), None

    def analyze_many(self, texts: Iterable[str], *, batch_size: int = 256) -> list[Analysis]:
        """Like analyze() on each text, batched through ``nlp.pipe``; results are identical."""
        return [a for a, _p in self._parse_many(texts, batch_size)]

    # --- suggestions -------------------------------------------------------------------------------------
    @property
    def suggester(self) -> Suggester:
        if self._suggester is None:
            from ._suggest import Suggester

            self._suggester = Suggester(self.rules, self.perspective, locale=self.locale)
        return self._suggester

    @property
    def perspective(self) -> Perspective:
        if self._perspective is None:
            from ._perspective import Perspective

            self._perspective = Perspective(self.rules, self.nlp)
        return self._perspective

    def listen(self, text: str, context: Sequence[str] | None = None, *, seed: int | None = None) -> Listening:
        """Analyse a message and suggest what to say back. ``context``: earlier turns, oldest first."""
        analysis, parsed = self._parse(self._check(text))
        carried: tuple[str, ...] = ()
        if context and not analysis.topics and not isinstance(context, str):
            for turn in reversed(list(context)[-3:]):  # carry the topic of the latest turns forward
                if isinstance(turn, str) and turn.strip() and len(turn) <= self.max_length:
                    carried = self._parse(turn)[0].topics
                    if carried:
                        break
        return self.suggester.suggest(analysis, parsed, context=context, seed=seed, context_topics=carried)

    def listen_many(self, texts: Iterable[str], *, seed: int | None = None, batch_size: int = 256) -> list[Listening]:
        """Like listen() on each text, batched; results are identical."""
        return [self.suggester.suggest(a, p, context=None, seed=seed) for a, p in self._parse_many(texts, batch_size)]

    def reflect(self, text: str) -> str:
        """The writer's words in the listener's perspective: "you never listen to me" -> "I never listen to you"."""
        return self.perspective.reflect(self._check(text))

    # --- review ------------------------------------------------------------------------------------------
    def review(self, draft: str, message: str | None = None) -> Review:
        """Flag habits in a drafted reply that shut people down; with ``message``, check it against that too."""
        if self._reviewer is None:
            from ._review import Reviewer

            self._reviewer = Reviewer(self)
        draft = self._check(draft)
        parsed_message = self._parse(self._check(message)) if message is not None else None
        return self._reviewer.review(draft, parsed_message)
