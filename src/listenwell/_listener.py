"""Listener: holds one set of loaded rules and one pipeline, and answers analyze/listen/reflect/review."""

from __future__ import annotations

import gc
import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from ._errors import ArgumentTypeError, ArgumentValueError, Errors, MessageTooLong
from ._loading import RuleSet, load_rules
from ._results import Analysis, Listening, Review
from ._textprep import clean_text

if TYPE_CHECKING:  # spaCy and VADER load with the first Listener, so `import listenwell` stays light
    from spacy.language import Language
    from spacy.tokens import Doc

    from ._analysis import AnalyzedDoc
    from ._matching import MatchedTable
    from ._perspective import Perspective
    from ._review import Reviewer
    from ._suggest import Suggester

__all__ = ["Listener", "DEFAULT_MAX_LENGTH"]

DEFAULT_MAX_LENGTH = 20_000
ANALYSIS_TABLES: tuple[MatchedTable, ...] = (
    "lexicon", "situations", "modifiers", "cues", "crisis_signals", "topics", "needs", "experiencers",
)
RulesArg = str | Path | Iterable[str | Path] | RuleSet | None
T = TypeVar("T")
# A seed is folded into a hash key as text; past this many bits int-to-str conversion is refused by Python.
_SEED_BITS = 12_000


@contextmanager
def _building() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a Listener builds its long-lived tables.

    Building allocates a few hundred thousand objects (rule rows, compiled patterns, the tokenizer's special
    cases) that all live as long as the Listener, none of them garbage; each full collection the allocation
    triggers walks every object in the process again, which made up a third of a Listener's start-up. The
    collector runs again afterwards exactly as before (left off if the caller had turned it off); nothing built
    here depends on it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
        locale: str | None = None,
    ) -> None:
        """Loads the rules (cached between processes), prepares the pipeline's tokenizer and sentence rule, and
        builds the matcher and analyzer; the suggester, perspective and reviewer are built on first use.
        """
        if isinstance(max_length, bool) or not isinstance(max_length, int) or max_length <= 0:
            raise ArgumentValueError(Errors.E008.format(value=max_length))
        with _building():
            self._build(rules, nlp, max_length, locale)

    def _build(self, rules: RulesArg, nlp: Language | None, max_length: int, locale: str | None) -> None:
        """The work of ``__init__`` (see ``_building``)."""
        from ._analysis import Analyzer
        from ._chunks import ChunkKeeper
        from ._matching import RuleMatcher
        from ._pipeline import DocMaker, default_nlp, prepare_tokenizer
        from ._sentiment import make_vader

        self.rules: RuleSet = rules if isinstance(rules, RuleSet) else load_rules(rules)
        if nlp is None:
            nlp = default_nlp()
        else:  # a user's pipeline gets the same tokenizer setup, so it reads a message as listen() does
            prepare_tokenizer(nlp)
        self.nlp: Language = nlp
        self._docs = DocMaker(nlp)
        self._chunks = ChunkKeeper(nlp.tokenizer)  # recurring words stay tokenized across batches' zones
        self.max_length = max_length
        self.locale = locale
        self._matcher = RuleMatcher(self.nlp, self.rules, ANALYSIS_TABLES, self.rules.origins)
        self._analyzer = Analyzer(self.rules, self._matcher, make_vader())
        self._suggester: Suggester | None = None
        self._reviewer: Reviewer | None = None
        self._perspective: Perspective | None = None
        # spaCy's memory zones are not thread-safe and must not nest: one call at a time holds one.
        self._lock = threading.RLock()
        self._in_zone = False

    def __repr__(self) -> str:
        return f"Listener({len(self.rules)} rules from {len(self.rules.files)} files, nlp={self.nlp.meta['name']!r})"

    # --- input -------------------------------------------------------------------------------------------
    def _check(self, text: Any) -> str:
        """A plain str to analyse: a str subclass is copied, each lone surrogate becomes U+FFFD (same length)."""
        if not isinstance(text, str):
            raise ArgumentTypeError(Errors.E001.format(type_name=type(text).__name__))
        if len(text) > self.max_length:
            raise MessageTooLong(len(text), self.max_length)
        return clean_text(text)

    def _check_context(self, context: Any) -> list[str] | None:
        """Earlier turns of the conversation as clean strings; a str or a non-sequence is a TypeError."""
        if context is None:
            return None
        if isinstance(context, str) or not isinstance(context, Sequence):
            raise ArgumentTypeError(Errors.E007.format(type_name=type(context).__name__))
        turns = list(context)
        for turn in turns:
            if not isinstance(turn, str):
                raise ArgumentTypeError(Errors.E007.format(type_name=f"a sequence holding {type(turn).__name__}"))
        return [clean_text(t) for t in turns]

    @staticmethod
    def _check_seed(seed: Any) -> int | None:
        """The seed as an int small enough to print (a huge one is replaced by a digest of it)."""
        if seed is None:
            return None
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise ArgumentTypeError(Errors.E006.format(type_name=type(seed).__name__))
        if seed.bit_length() > _SEED_BITS:  # too long to print: stand in a 256-bit digest of it
            raw = abs(seed).to_bytes((seed.bit_length() + 7) // 8, "big")
            seed = int.from_bytes(hashlib.sha256(raw).digest(), "big") * (1 if seed > 0 else -1)
        return int(seed)

    @contextmanager
    def _zone(self, *, suggest: bool = False, review: bool = False, keep: Sequence[str] = ()) -> Iterator[None]:
        """One call at a time; what spaCy allocates for its docs and new words is freed when the call ends.

        The lazy parts a call needs are built first, outside the zone: what they add to the vocab must last. After
        the zone, the chunks of ``keep`` (a batch's texts) that earlier batches met too stay tokenized (``_chunks``);
        single calls keep nothing, so a server meeting new words keeps none of them.
        """
        with self._lock:
            if self._in_zone:  # already inside this Listener's zone (same thread)
                yield
                return
            if suggest or review:
                _ = self.suggester
            if review and self._reviewer is None:
                from ._review import Reviewer

                with _building():
                    self._reviewer = Reviewer(self.rules, self._docs, self._analyzer, self.suggester)
            self._in_zone = True
            try:
                with self.nlp.memory_zone():
                    yield
            finally:
                self._in_zone = False
            if keep:
                self._chunks.note(keep)

    # --- analysis ----------------------------------------------------------------------------------------
    def _analyze(self, text: str, doc: Doc | None = None) -> tuple[Analysis, AnalyzedDoc | None]:
        """The analysis of one checked text (or of ``doc``, its doc from this pipeline) and its AnalyzedDoc; an empty
        text has no AnalyzedDoc.
        """
        if not text.strip():
            return Analysis(text=text), None
        return self._analyzer.analyze(doc if doc is not None else self._docs(text), text)

    def analyze(self, text: str) -> Analysis:
        """Feelings, sentiment, cues, topics and needs of one message."""
        checked = self._check(text)
        with self._zone():
            return self._analyze(checked)[0]

    def analyze_doc(self, doc: Doc) -> Analysis:
        """Analyse a doc that this Listener's pipeline already made; same result as ``analyze(doc.text)``."""
        return self._analyze(self._check(doc.text), doc)[0]

    def listen_doc(self, doc: Doc, *, suggest: bool = True) -> tuple[Analysis, Listening | None]:
        """The spaCy component's entry point: the analysis of a doc this Listener's pipeline made, and (with
        ``suggest``) what to say back, as ``listen(doc.text)`` gives them.

        The doc belongs to the caller, so no memory zone is opened around it.
        """
        analysis, analyzed = self._analyze(self._check(doc.text), doc)
        if not suggest:
            return analysis, None
        return analysis, self.suggester.suggest(analysis, analyzed, context=None)

    def _analyze_many(self, checked: list[str], batch_size: int) -> Iterator[tuple[Analysis, AnalyzedDoc | None]]:
        """Analyse one checked chunk in order, yielding each result as it is done; docs live for the chunk only.

        Phased: the chunk's docs first, then VADER over the chunk, then the analysis of each message, so each
        engine runs over the whole chunk while its tables are hot."""
        live = [t for t in checked if t.strip()]
        docs = iter(list(self._docs.pipe(live, batch_size)))
        polarity = self._analyzer._vader.polarity_scores
        scores = iter([polarity(t) for t in live])
        del live
        for text in checked:
            if text.strip():
                yield self._analyzer.analyze(next(docs), text, next(scores))
            else:
                yield Analysis(text=text), None

    def _many(
        self,
        texts: Iterable[str],
        batch_size: int,
        make: Callable[[Analysis, AnalyzedDoc | None], T],
        *,
        stream: bool,
        caller: str,
        suggest: bool = False,
        n_process: int = 1,
    ) -> Iterator[T]:
        """``make`` over each text's analysis, in order; one memory zone per batch, none held across a yield.

        Arguments are checked at once; with ``stream`` the texts are then read lazily, batch by batch, else all
        of them are checked before any work starts."""
        if isinstance(texts, str):
            raise ArgumentTypeError(Errors.E009.format(caller=caller))
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ArgumentValueError(Errors.E010.format(name="batch_size", value=batch_size))
        from ._parallel import freeze, imap_forked

        freeze(self, suggest=suggest)  # once: later collections skip the loaded rules (and forks share them)
        if n_process != 1:
            items: Iterable[str] = (self._check(t) for t in texts) if stream else [self._check(t) for t in texts]

            def chunk(listener: Listener, part: Sequence[str]) -> list[T]:  # runs in a forked worker
                return list(listener._run_many(iter(part), batch_size, make, suggest=suggest))

            return imap_forked(self, chunk, items, n_process, chunk_size=batch_size, suggest=suggest)
        if stream:
            return self._run_many(iter(texts), batch_size, make, suggest=suggest)
        checked = [self._check(t) for t in texts]
        return self._run_many(iter(checked), batch_size, make, suggest=suggest)

    def _run_many(
        self, items: Iterator[str], batch_size: int, make: Callable[[Analysis, AnalyzedDoc | None], T], *, suggest: bool
    ) -> Iterator[T]:
        """Checks and analyses ``items`` a batch at a time, ``make`` turning each result into what the caller
        returns.
        """
        while True:
            chunk = [self._check(t) for t in islice(items, batch_size)]
            if not chunk:
                return
            with self._zone(suggest=suggest, keep=chunk):
                done = [make(a, p) for a, p in self._analyze_many(chunk, batch_size)]
            yield from done

    @overload
    def analyze_many(
        self, texts: Iterable[str], *, batch_size: int = 256, stream: Literal[False] = False, n_process: int = 1
    ) -> list[Analysis]: ...
    @overload
    def analyze_many(
        self, texts: Iterable[str], *, batch_size: int = 256, stream: Literal[True], n_process: int = 1
    ) -> Iterator[Analysis]: ...
    def analyze_many(
        self, texts: Iterable[str], *, batch_size: int = 256, stream: bool = False, n_process: int = 1
    ) -> list[Analysis] | Iterator[Analysis]:
        """Like analyze() on each text, batched through ``nlp.pipe``; results are identical.

        ``stream=True`` returns a generator that reads ``texts`` lazily and yields each result as its batch is
        done: use it for files or queues too big to hold, since the list form keeps every result in memory.
        ``n_process=N`` (``-1``: every core) shares this Listener with N forked workers where the platform forks
        (elsewhere it runs here); the results are the same, in order.
        """
        results = self._many(texts, batch_size, _first, stream=stream, caller="analyze_many", n_process=n_process)
        return results if stream else list(results)

    # --- suggestions -------------------------------------------------------------------------------------
    @property
    def suggester(self) -> Suggester:
        """The Suggester of this Listener's rules (built on first use)."""
        if self._suggester is None:
            from ._suggest import Suggester

            with _building():
                self._suggester = Suggester(
                    self.rules, self.perspective, locale=self.locale, states=self._analyzer.states
                )
        return self._suggester

    @property
    def perspective(self) -> Perspective:
        """The pronoun swapper of this Listener's rules and pipeline (built on first use)."""
        if self._perspective is None:
            from ._perspective import Perspective

            self._perspective = Perspective(self.rules, self.nlp)
        return self._perspective

    def listen(
        self, text: str, context: Sequence[str] | None = None, *, seed: int | None = None, locale: str | None = None
    ) -> Listening:
        """Analyse a message and suggest what to say back. ``context``: earlier turns, oldest first.

        ``locale`` (``en_US``, ``en-gb``, ...) picks the crisis resources for this message; default: the Listener's.
        """
        checked = self._check(text)
        turns = self._check_context(context)
        seed = self._check_seed(seed)
        with self._zone(suggest=True):
            analysis, analyzed = self._analyze(checked)
            carried: tuple[str, ...] = ()
            if turns and not analysis.topics:
                for turn in reversed(turns[-3:]):  # carry the topic of the latest turns forward
                    if turn.strip() and len(turn) <= self.max_length:
                        carried = self._analyze(turn)[0].topics
                        if carried:
                            break
            return self.suggester.suggest(
                analysis, analyzed, context=turns, seed=seed, context_topics=carried, locale=locale
            )

    @overload
    def listen_many(
        self,
        texts: Iterable[str],
        *,
        seed: int | None = None,
        batch_size: int = 256,
        stream: Literal[False] = False,
        locale: str | None = None,
        n_process: int = 1,
    ) -> list[Listening]: ...
    @overload
    def listen_many(
        self,
        texts: Iterable[str],
        *,
        seed: int | None = None,
        batch_size: int = 256,
        stream: Literal[True],
        locale: str | None = None,
        n_process: int = 1,
    ) -> Iterator[Listening]: ...
    def listen_many(
        self,
        texts: Iterable[str],
        *,
        seed: int | None = None,
        batch_size: int = 256,
        stream: bool = False,
        locale: str | None = None,
        n_process: int = 1,
    ) -> list[Listening] | Iterator[Listening]:
        """Like listen() on each text, batched; results are identical. ``stream``, ``n_process``: see analyze_many()."""
        seed = self._check_seed(seed)

        def make(a: Analysis, p: AnalyzedDoc | None) -> Listening:
            return self.suggester.suggest(a, p, context=None, seed=seed, locale=locale)

        results = self._many(
            texts, batch_size, make, stream=stream, caller="listen_many", suggest=True, n_process=n_process
        )
        return results if stream else list(results)

    def token_norms(self, text: str) -> tuple[str, ...]:
        """The token norms rule phrases are matched against (lower case, contractions and chat spellings folded)."""
        checked = self._check(text)
        with self._zone():
            return tuple(self._matcher(self._docs(checked)).norms)

    def reflect(self, text: str) -> str:
        """The writer's words in the listener's perspective: "you never listen to me" -> "I never listen to you"."""
        checked = self._check(text)
        _ = self.perspective
        with self._zone():
            return self.perspective.reflect(checked)

    # --- review ------------------------------------------------------------------------------------------
    def review(self, draft: str, message: str | None = None) -> Review:
        """Flag habits in a drafted reply that shut people down; with ``message``, check it against that too."""
        draft = self._check(draft)
        checked_message = self._check(message) if message is not None else None
        with self._zone(review=True):
            assert self._reviewer is not None  # built by _zone(review=True)
            analyzed_message = self._analyze(checked_message) if checked_message is not None else None
            return self._reviewer.review(draft, analyzed_message)


def _first(analysis: Analysis, _analyzed: AnalyzedDoc | None) -> Analysis:
    return analysis
