"""The matching layer: token norms, sentences, and one table of literal norm sequences over the rule tables.

Every phrase compiles to pieces of literal norm sequences (see ``_phrases``). ``_Patterns`` finds all pieces in
one pass over a doc's norms (a dict lookup per token and pattern length, the way spaCy's PhraseMatcher walks its
trie); a phrase with several pieces ("~lose ... job", or a long run split to keep the number of literal variants
small) is then chained here: each piece must start at most ``max_gap`` tokens after the previous one ends.

The compiled table is plain data, so it is kept in the start-up cache (``_cache``) under a hash of the rules,
this code and the tokenizer: a Listener built again with the same rules and pipeline skips the compiling.
"""

from __future__ import annotations

import itertools
import marshal
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from operator import itemgetter
from typing import Any, Generic, Literal, NamedTuple, Protocol, TypeVar, cast, get_args, overload

from spacy.attrs import LOWER, NORM  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.tokens import Doc

from . import _accel, _cache
from ._errors import PhraseError, RuleError
from ._loading import RuleSet
from ._phrases import PhraseCompiler, Steps, occurs, occurs_any
from ._pipeline import CLOSERS, END_CHARS, default_nlp, ends_sentence
from ._rules import (
    SCHEMAS,
    CueRule,
    EmotionRule,
    ExperiencerRule,
    FlagRule,
    Modifier,
    NeedRule,
    R_co,
    Row,
    SignalCombination,
    SignalRule,
    StrengthRule,
    TopicRule,
)  # fmt: skip

__all__ = [
    "Hit", "Hits", "MatchedTable", "Matched", "RuleMatcher", "default_nlp", "first_fit", "sentence_of",
    "Runs", "phrase_heads", "sentence_spans", "sentences_around", "word_grams",
]  # fmt: skip

_STRING_CACHE = 50_000  # most entries the hash -> string cache holds before it starts again
# (phrases, kind, norms) -> (phrases, answer) for the 'unless' and 'with' checks: every hit of one rule in one
# sentence asks the same question, so a long sentence full of hits is read once per rule, not once per hit. The
# phrases object is kept in the value so that its id cannot be reused while the entry lives.
_OCCURS_MEMO: dict[tuple[int, str, tuple[str, ...]], tuple[Any, bool]] = {}
_OCCURS_MEMO_SIZE = 512
_OCCURS_MEMO_MAX_TOKENS = 200_000  # the keys hold their sentences: bound what they keep alive
_OCCURS_MEMO_TOKENS = 0
T = TypeVar("T")


def _occurs_memo(phrases: Sequence[Steps], kind: str, norms: list[str]) -> bool:
    """Whether any (``kind`` "any") or all of the phrases occur in the words, memoised per list of phrases and words."""
    key = (id(phrases), kind, tuple(norms))
    known = _OCCURS_MEMO.get(key)
    if known is not None and known[0] is phrases:
        return known[1]
    answer = occurs_any(phrases, norms) if kind == "any" else all(occurs(steps, norms) for steps in phrases)
    global _OCCURS_MEMO_TOKENS
    if len(_OCCURS_MEMO) >= _OCCURS_MEMO_SIZE or _OCCURS_MEMO_TOKENS > _OCCURS_MEMO_MAX_TOKENS:
        _OCCURS_MEMO.clear()
        _OCCURS_MEMO_TOKENS = 0
    _OCCURS_MEMO[key] = (phrases, answer)
    _OCCURS_MEMO_TOKENS += len(norms)
    return answer


# The tables a RuleMatcher can match: the ones whose rows have a ``phrase``.
MatchedTable = Literal[
    "lexicon", "situations", "modifiers", "cues", "crisis_signals", "topics", "needs", "experiencers",
    "review_flags", "review_strengths",
]
# A table whose rows carry ``unless`` phrases, and one whose rows carry ``with`` phrases.
UnlessTable = Literal["cues", "crisis_signals", "crisis_combinations", "review_flags"]
WithTable = Literal["cues"]
_PhraseRow = (
    EmotionRule | Modifier | CueRule | SignalRule | TopicRule | NeedRule | ExperiencerRule | FlagRule | StrengthRule
)
_UnlessRow = CueRule | SignalRule | SignalCombination | FlagRule
if not all("phrase" in SCHEMAS[t][2] for t in get_args(MatchedTable)):  # pragma: no cover - a schema edit
    raise ImportError("every table in MatchedTable needs a 'phrase' column")


def _phrase_rows(rules: RuleSet, table: MatchedTable) -> Mapping[str, _PhraseRow]:
    """The rows of a table the matcher reads (each has an ``id`` and a ``phrase``, checked above)."""
    return cast("Mapping[str, _PhraseRow]", rules.tables[table])


def _unless_rows(rules: RuleSet, table: UnlessTable) -> Mapping[str, _UnlessRow]:
    """The rows of a table whose rows carry ``unless`` phrases."""
    return cast("Mapping[str, _UnlessRow]", rules.tables[table])


class Hit(NamedTuple, Generic[R_co]):
    """One rule matched over tokens ``start:end`` of a doc; ``rule`` is the row, typed by its table."""

    table: str
    rule: R_co
    start: int
    end: int


_NO_HITS: tuple[Hit[Any], ...] = ()


class Hits:
    """A doc's hits by table, each table's in order of (start, end). ``hits["cues"]`` (or ``hits.get("cues")``)
    gives ``Hit[CueRule]``s, and so on for each table a literal name picks; a table that matched nothing gives
    an empty sequence from ``get``."""

    __slots__ = ("_by_table",)

    def __init__(self, by_table: Mapping[str, Sequence[Hit[Row]]]) -> None:
        """``by_table``: the hits of each table that matched something."""
        self._by_table = by_table

    @overload
    def get(
        self, table: Literal["lexicon", "situations"], default: Sequence[Hit[EmotionRule]] = ...
    ) -> Sequence[Hit[EmotionRule]]: ...
    @overload
    def get(self, table: Literal["modifiers"], default: Sequence[Hit[Modifier]] = ...) -> Sequence[Hit[Modifier]]: ...
    @overload
    def get(self, table: Literal["cues"], default: Sequence[Hit[CueRule]] = ...) -> Sequence[Hit[CueRule]]: ...
    @overload
    def get(
        self, table: Literal["crisis_signals"], default: Sequence[Hit[SignalRule]] = ...
    ) -> Sequence[Hit[SignalRule]]: ...
    @overload
    def get(self, table: Literal["topics"], default: Sequence[Hit[TopicRule]] = ...) -> Sequence[Hit[TopicRule]]: ...
    @overload
    def get(self, table: Literal["needs"], default: Sequence[Hit[NeedRule]] = ...) -> Sequence[Hit[NeedRule]]: ...
    @overload
    def get(
        self, table: Literal["experiencers"], default: Sequence[Hit[ExperiencerRule]] = ...
    ) -> Sequence[Hit[ExperiencerRule]]: ...
    @overload
    def get(
        self, table: Literal["review_flags"], default: Sequence[Hit[FlagRule]] = ...
    ) -> Sequence[Hit[FlagRule]]: ...
    @overload
    def get(
        self, table: Literal["review_strengths"], default: Sequence[Hit[StrengthRule]] = ...
    ) -> Sequence[Hit[StrengthRule]]: ...
    @overload
    def get(self, table: str, default: Sequence[Hit[Row]] = ...) -> Sequence[Hit[Row]]: ...
    def get(self, table: str, default: Sequence[Hit[Any]] = _NO_HITS) -> Sequence[Hit[Any]]:
        """The hits of one table (``default``, empty unless given, when it matched nothing)."""
        return self._by_table.get(table, default)

    __getitem__ = get

    def __contains__(self, table: object) -> bool:
        return table in self._by_table

    def tables(self) -> tuple[str, ...]:
        """The tables that matched something."""
        return tuple(self._by_table)


class Matched:
    """What matching one doc gives: hits by table, each token's norm, and each token's sentence index."""

    __slots__ = ("doc", "hits", "norms", "sentence_ids")

    def __init__(self, doc: Doc, hits: Hits, norms: tuple[str, ...], sentence_ids: tuple[int, ...]) -> None:
        """``hits`` by table, and for each token its norm and its sentence id."""
        self.doc = doc
        self.hits = hits
        self.norms = norms
        self.sentence_ids = sentence_ids

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets of tokens ``start:end``: where the first starts, and where the last ends (what a
        ``Span`` of them gives, read from the two tokens: a slice of the doc costs five times as much)."""
        if 0 <= start < end <= len(self.norms):
            doc = self.doc
            last = doc[end - 1]
            return doc[start].idx, last.idx + len(last)
        span = self.doc[start:end]  # an empty or outlying range: as spaCy reads it
        return span.start_char, span.end_char


class _Key(NamedTuple):
    """One piece of one row's compiled phrase (a tuple: tens of thousands are made at start-up)."""

    table: str
    row: Row
    piece: int
    gaps: tuple[int, ...]  # max gap before each piece; len(gaps) == number of pieces
    ident: int  # one number per (table, row)
    single: bool


class _Split(NamedTuple):
    """The keys of one literal by what matching does with them: whole phrases (``singles``), first pieces of longer
    phrases (``firsts``, with their ``idents``), and later pieces as (ident, piece)."""

    singles: tuple[_Key, ...]
    firsts: tuple[_Key, ...]
    idents: frozenset[int]
    later: tuple[tuple[int, int], ...]


_WINDOWS_KEPT = 30_000  # windows of coded norms whose reading is kept at most (a message meets a few dozen)
# Docs a matcher reads before it sorts its literals (tens of milliseconds, once): a CLI call or a single message
# never pays for it; a batch soon does, and from then on stops at each token once no longer literal can start there.
_SORT_AFTER = 64


def _sieve_of(literals: Mapping[str, object], speedups: Any) -> bytes:
    """A bit table marking every coded literal and every prefix of one (two bits each, by hash): the C loop stops at
    a window whose bits are not both set, which ``_window`` would read as (None, False), without looking it up.
    About 16 bits per literal (1 MB for the shipped rules), so that about 2% of the other windows pass it and are
    looked up as before."""
    return cast("bytes", speedups.sieve(literals, min(28, max(10, (len(literals) * 16).bit_length()))))


_start_then_shortest = itemgetter(0, 1)  # (start, end, key): by start, then shortest first (C-level, no call per hit)
_new_hit = tuple.__new__  # a Hit made as the tuple it is, without the NamedTuple's Python-level __new__


_END_CHARS, _CLOSERS = "".join(sorted(END_CHARS)), "".join(sorted(CLOSERS))  # as the C loop reads them
_SENTENCE_MARKS = END_CHARS | CLOSERS  # what a token that ends a sentence (or closes its end) starts with
_UNKNOWN = "\0"  # the code of a norm that no rule uses: no literal holds it, so nothing matches across it


def _code_points() -> Iterator[str]:
    """The characters rule norms are coded by, in order: U+0001 on, the surrogates skipped."""
    for point in itertools.chain(range(1, 0xD800), range(0xE000, 0x110000)):
        yield chr(point)


class _Patterns:
    """Literal norm sequences and the pattern keys (indexes) each belongs to, found by first norm and length.

    Every norm the rules use is coded as one character (``codes``), so a literal is a short string with one
    character per token, and a doc's norms become one such string: a window of it is a slice, looked up as it
    is. A norm no rule uses codes as ``_UNKNOWN``, which no literal holds. The table is plain strings and ints
    (a literal's keys are one index, or a tuple of them when several pieces share it), quick to read back from
    the start-up cache and nothing for the garbage collector to walk.
    """

    __slots__ = ("codes", "literals", "lengths", "heads")

    def __init__(
        self,
        codes: dict[str, str],
        literals: dict[str, int | tuple[int, ...]],
        lengths: dict[str, tuple[int, ...]],
    ) -> None:
        """``codes``: norm -> its character; ``literals``: coded literal -> key index(es); ``lengths``: the
        literal lengths by first character, shortest first."""
        self.codes = codes
        self.literals = literals
        self.lengths = lengths
        # per norm, in one lookup: its code and the literal lengths its code starts (what the C loop reads)
        self.heads = {norm: (code, lengths.get(code, ())) for norm, code in codes.items()}

    @classmethod
    def from_literals(cls, literals: Mapping[tuple[str, ...], Sequence[int]]) -> _Patterns:
        """The table of literal norm sequences (each with its key indexes, in order), coded."""
        codes: dict[str, str] = {}
        points = _code_points()
        coded: dict[str, int | tuple[int, ...]] = {}
        lengths: dict[str, set[int]] = {}
        for literal, keys in literals.items():
            for norm in literal:
                if norm not in codes:
                    codes[norm] = next(points)
            text = "".join(codes[norm] for norm in literal)
            coded[text] = keys[0] if len(keys) == 1 else tuple(keys)
            lengths.setdefault(text[0], set()).add(len(text))
        return cls(codes, coded, {first: tuple(sorted(ns)) for first, ns in lengths.items()})

    def find(self, norms: Sequence[str]) -> list[tuple[int, int, int]]:
        """(key index, start, end) of every literal in ``norms``, by start, then length, then key order."""
        out: list[tuple[int, int, int]] = []
        literals, lengths, codes = self.literals, self.lengths, self.codes
        text = "".join([codes.get(norm, _UNKNOWN) for norm in norms])
        n = len(text)
        for i, first in enumerate(text):
            sizes = lengths.get(first)
            if sizes is None:
                continue
            for size in sizes:
                if i + size > n:
                    break
                keys = literals.get(text[i : i + size])
                if keys is not None:
                    if keys.__class__ is int:
                        out.append((keys, i, i + size))
                    else:
                        out.extend((k, i, i + size) for k in keys)  # type: ignore[union-attr]
        return out


class _Lazy(Mapping[str, T]):
    """A read-only dict made by ``make`` the first time it is read (threads that race make equal dicts)."""

    __slots__ = ("_make", "_made")

    def __init__(self, make: Callable[[], dict[str, T]]) -> None:
        self._make = make
        self._made: dict[str, T] | None = None

    def _dict(self) -> dict[str, T]:
        made = self._made
        if made is None:
            made = self._made = self._make()
        return made

    def __getitem__(self, key: str) -> T:
        return self._dict()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._dict()

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())


class RuleMatcher:
    """Matches a set of tables against docs made by one pipeline's tokenizer."""

    def __init__(
        self, nlp: Language, rules: RuleSet, tables: Iterable[MatchedTable], origins: Mapping[str, str]
    ) -> None:
        """Compiles every phrase of ``tables``, and the ``unless`` and ``with`` phrases of their rows (from the
        start-up cache when the rules, this code and the tokenizer are unchanged). ``nlp`` must be the pipeline whose
        tokenizer makes the docs; ``origins`` name the file and line of each row for errors.

        What only compiling reads (the word classes and inflections as the compiler wants them, the norms of every
        rule word) and each pattern key's row are made when first needed: a Listener built from the cache compiles
        nothing, and a message makes the keys of the rules it hits.
        """
        self._nlp = nlp
        self._rules = rules
        # "thats", "whats": the "s" split off after one of these (rules/wordclasses_grammar.jsonl) is read as "'s"
        self._after_pronoun_s = rules.word_class("s_is_after")
        self._norm_table: dict[str, str] = {r.text.lower(): r.norm.lower() for r in rules.rows("norms")}
        fix = frozenset(self._norm_table) | {"m", "s"}
        self._fix_ids = frozenset(nlp.vocab.strings.add(w) for w in fix)
        self._strings: dict[int, str] = {}  # hash -> string, a cache in front of the vocab's StringStore
        self.compiler = PhraseCompiler(
            self.word_norms,
            _Lazy(lambda: {r.base.lower(): tuple(f.lower() for f in r.forms) for r in rules.rows("inflections")}),
            _Lazy(lambda: {r.id: tuple(w.lower() for w in r.words) for r in rules.rows("wordclasses")}),
        )
        self._word_norms: dict[str, tuple[str, ...]] = {}  # a rule word -> its norms (kept in the cache too)
        self._stored_words: bytes | None = None  # the cached norms, read back on the first word not yet known
        tables = tuple(tables)
        key = self._cache_key(rules, tables)
        payload = _cache.read("patterns", key) if key else None
        if not (isinstance(payload, tuple) and len(payload) == 7 and isinstance(payload[1], bytes)):
            payload = self._compile(rules, tables, origins)  # none, or not the shape this code writes
            if key:
                _cache.write("patterns", key, payload)
        else:
            self._stored_words = payload[5]
            self.compiler.add_steps(dict(payload[6]))
        count, names, codes, (joined, values), lengths = payload[:5]
        self._stored_names: bytes = names  # the pattern keys' names, read back when the first key is made
        self._names: list[tuple[str, str, int, tuple[int, ...], int]] | None = None
        self._keys: list[_Key | None] = [None] * count  # made from their names when first hit
        # the literals were kept joined by _UNKNOWN (which none holds): one string reads back faster than 80,000
        literals = dict(zip(joined.split(_UNKNOWN), values, strict=True)) if values else {}
        self._patterns = _Patterns(codes, literals, lengths)
        # a window of a doc's coded norms -> its literal's keys sorted for _find (None when it is no literal), and
        # whether a longer literal starts with it: made on first use, then kept
        self._windows: dict[str, tuple[_Split | None, bool]] = {}
        self._sorted: list[str] | None = None  # every literal, sorted (made after _SORT_AFTER docs)
        self._sieve: bytes | None = None  # the C loop's sieve of windows (``_sieve_of``), made at its first doc
        self._docs_read = 0
        self._transparent_tables = frozenset(tables) & {"lexicon", "situations"}
        self._transparent = frozenset(
            tuple(w.lower().split()) for w in rules.word_class("transparent_modifiers")
        ) if self._transparent_tables else frozenset()
        self._transparent_sizes = sorted({len(t) for t in self._transparent}, reverse=True)
        self._transparent_firsts = frozenset(t[0] for t in self._transparent)

    def _tokenizer_key(self) -> str | None:
        """What reading a rule word depends on besides the rules: this code, spaCy and the tokenizer's settings (None
        for a custom tokenizer: nothing to key a cache entry by)."""
        from spacy.about import __version__ as spacy_version
        from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]

        tokenizer: Any = self._nlp.tokenizer
        inner = getattr(tokenizer, "inner", tokenizer)
        if not isinstance(inner, Tokenizer):
            return None
        return _cache.fingerprint(
            _cache.code_fingerprint("_matching", "_phrases", "_pipeline", "_textprep"),
            spacy_version,
            self._nlp.lang or "",
            type(tokenizer).__name__,
            inner.to_bytes(exclude=["vocab"]),
            self._nlp.vocab.lookups.to_bytes(),
        )

    def _cache_key(self, rules: RuleSet, tables: tuple[MatchedTable, ...]) -> str | None:
        """What the compiled patterns depend on: the rules, this code, spaCy and the tokenizer's settings."""
        tokenizer_key = self._tokenizer_key()
        if rules.fingerprint is None or tokenizer_key is None:
            return None  # a hand-made RuleSet or a custom tokenizer
        return _cache.fingerprint(rules.fingerprint, tokenizer_key, "\0".join(tables))

    def _norms_key(self) -> str | None:
        """What the norms of rule words depend on: the tokenizer (``_tokenizer_key``) and the rules' norm table, not
        the other rules, so a user's rule pack compiles with the norms the shipped rules' words already have."""
        tokenizer_key = self._tokenizer_key()
        if tokenizer_key is None:
            return None
        return _cache.fingerprint(tokenizer_key, repr(sorted(self._norm_table.items())))

    def _compile(self, rules: RuleSet, tables: tuple[MatchedTable, ...], origins: Mapping[str, str]) -> tuple[Any, ...]:
        """Everything the cache keeps, as plain data: the number of pattern keys and their names as (table, row key,
        piece, gaps, one number per row), marshalled (read back when the first key is made); the coded literal
        table (``_Patterns``: codes, the literals joined by ``_UNKNOWN`` with their keys, lengths); {rule word: its
        norms}, marshalled (read back only when a phrase is compiled later); and the compiled steps of every
        ``unless`` and ``with`` phrase of the tables' rows, of the cue kinds and of the crisis combinations, as
        ((phrase, key), steps) pairs."""
        norms_key = self._norms_key()
        known = _cache.read("norms", norms_key) if norms_key else None
        if isinstance(known, dict):  # the words other rule sets read with this tokenizer: not tokenized again
            self._word_norms.update(known)
        names: list[tuple[str, str, int, tuple[int, ...], int]] = []
        idents: dict[tuple[str, str], int] = {}
        literals: dict[tuple[str, ...], list[int]] = {}
        for table in tables:
            for key, row in _phrase_rows(rules, table).items():
                try:
                    compiled = self.compiler.compile(row.phrase)
                except PhraseError as exc:  # coded by phrase_problem; load_rules has found it already
                    where = origins.get(f"{table}|{key}", f"{table} row {key!r}")
                    raise RuleError(where, str(exc)) from None
                gaps = tuple(p.max_gap for p in compiled.pieces)
                ident = idents.setdefault((table, key), len(idents))
                for i, piece in enumerate(compiled.pieces):
                    index = len(names)
                    names.append((table, key, i, gaps, ident))
                    for lit in piece.literals:
                        literals.setdefault(lit, []).append(index)
        checked: dict[tuple[str, str], None] = {}  # the 'unless' and 'with' phrases, so that checkers built later hit
        for table in tables:
            for row in _phrase_rows(rules, table).values():
                checked.update(((p, "unless"), None) for p in getattr(row, "unless", ()))
                checked.update(((p, "with"), None) for p in getattr(row, "with_", ()))
                checked.update(((p, "unless"), None) for p in getattr(row, "unless_near", ()))
        for kind in rules.tables["cue_kinds"].values():
            checked.update(((p, "unless"), None) for p in kind.unless)
        for combination in rules.tables["crisis_combinations"].values():  # read around the signals it joins
            checked.update(((p, "unless"), None) for p in combination.unless)
        for phrase, key in checked:
            try:
                self.compiler.steps(phrase, key)
            except PhraseError:  # raised, naming the row, by the checker that reads it
                continue
        patterns = _Patterns.from_literals(literals)
        steps = list(self.compiler.compiled_steps(checked).items())
        if norms_key and not (isinstance(known, dict) and len(known) == len(self._word_norms)):
            _cache.write("norms", norms_key, dict(self._word_norms))
        joined = (_UNKNOWN.join(patterns.literals), tuple(patterns.literals.values()))
        words = marshal.dumps(self._word_norms)
        return len(names), marshal.dumps(names), patterns.codes, joined, patterns.lengths, words, steps

    # --- norms -------------------------------------------------------------------------------------------
    def word_norms(self, text: str) -> tuple[str, ...]:
        """The norms of a word (or words) of a rule, read with the pipeline's tokenizer like any message."""
        known = self._word_norms.get(text)
        if known is None:
            stored, self._stored_words = self._stored_words, None
            if stored is not None:  # the norms the cache kept: read back on the first word asked for
                for word, norms in marshal.loads(stored).items():
                    self._word_norms.setdefault(word, norms)
                known = self._word_norms.get(text)
            if known is None:
                known = self._word_norms[text] = tuple(self._prepare(self._nlp.make_doc(text), write=False)[0])
        return known

    def _key(self, index: int) -> _Key:
        """Pattern key ``index``, made from its name the first time it is hit (threads that race make equal keys)."""
        names = self._names
        if names is None:  # threads that race read equal lists
            names = self._names = marshal.loads(self._stored_names)
        table, row_key, piece, gaps, ident = names[index]
        key = _Key(table, self._rules.tables[table][row_key], piece, tuple(gaps), ident, len(gaps) == 1)
        self._keys[index] = key
        return key

    def _fixed(self, lower: str, norm: str, prev: str) -> str:
        """A token's norm as the rules read it: the norms table first ("u" -> "you"), "i m" -> "am", "it s" -> "'s",
        else the word as written where spaCy's norm would change it ("didnt")."""
        folded = self._norm_table.get(lower)
        if folded is not None:
            return folded
        if lower == "m" and prev == "i":
            return "am"
        if lower == "s" and prev in self._after_pronoun_s:
            return "'s"
        if lower != norm and lower.isalpha() and len(lower) >= 3 and norm.isalpha() and lower != "gon":
            return lower  # spaCy norms "did" in "didnt" as "do"; keep the word as written
        return norm

    def _prepare(self, doc: Doc, *, write: bool = True) -> tuple[list[str], list[int]]:
        """Each token's norm (folded, and stored on the token with ``write``) and its sentence index.

        Reads token attributes as arrays: iterating a fresh doc in Python would build a Token object per token.
        """
        strings = self._strings
        if len(strings) > _STRING_CACHE:  # a long-running process meets new words forever: keep the cache bounded
            strings.clear()
        store = self._nlp.vocab.strings
        pairs = doc.to_array([LOWER, NORM]).tolist()  # one array of (lower, norm) ids: one call into the doc
        speedups = _accel.speedups
        if speedups is not None:  # the same loop in C; it lists the norms it changed, written here
            prepared = speedups.prepare(pairs, strings, store, self._fix_ids, self._fixed, _END_CHARS, _CLOSERS)
            if write:
                for i, new in prepared[2]:
                    doc[i].norm_ = new
            return prepared[0], prepared[1]
        norms: list[str] = []
        sentence_ids: list[int] = []
        fix = self._fix_ids
        sid = 0
        prev = ""
        ended = False
        for i, (lower_id, norm_id) in enumerate(pairs):
            norm = strings.get(norm_id)
            if norm is None:
                norm = strings[norm_id] = store[norm_id]
            if lower_id != norm_id or lower_id in fix:
                lower = strings.get(lower_id)
                if lower is None:
                    lower = strings[lower_id] = store[lower_id]
                new = self._fixed(lower, norm, prev)
                if new != norm:
                    if write:
                        doc[i].norm_ = new
                    norm = new
            ends = norm[:1] in _SENTENCE_MARKS and ends_sentence(norm, ended)  # most tokens start with neither
            if i and ended and not ends:  # one sentence rule for every pipeline, whatever boundaries it set
                sid += 1
            ended = ends
            norms.append(norm)
            sentence_ids.append(sid)
            prev = norm
        return norms, sentence_ids

    # --- matching ----------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Matched:
        """All hits by table; for a rule that could match several ways at one start, the shortest.

        Feeling phrases (lexicon and situation rows) also read through intensifiers and hedges
        (``transparent_modifiers``): "felt really left out" is "~feel left out", "feel kind of stupid" is
        "~feel stupid". Such a hit spans the modifier too.
        """
        norms, sentence_ids = self._prepare(doc)
        found = self._find(norms)
        if self._transparent_tables:
            keep = self._without_modifiers(norms)
            if len(keep) < len(norms):
                plain_ends = {(k.table, end) for _s, end, k in found}
                for start, end, k in self._find([norms[i] for i in keep]):
                    if k.table not in self._transparent_tables or end - start < 2:
                        continue
                    first, last = keep[start], keep[end - 1] + 1
                    # a modifier inside, and nothing of the table read there already ("never felt so loved"
                    # keeps its plain "loved" and its "never felt so")
                    if last - first > end - start and (k.table, last) not in plain_ends:
                        found.append((first, last, k))
        found.sort(key=_start_then_shortest)
        speedups = _accel.speedups
        if speedups is not None:  # the same loop in C
            return Matched(doc, Hits(speedups.group(found, Hit)), tuple(norms), tuple(sentence_ids))
        by_table: dict[str, list[Hit[Row]]] = {}
        seen: set[tuple[int, int]] = set()
        for start, end, k in found:  # by start, shortest first: keep the first of each rule at each start
            if (k.ident, start) in seen:
                continue
            seen.add((k.ident, start))
            hits = by_table.get(k.table)
            if hits is None:
                hits = by_table[k.table] = []
            hits.append(_new_hit(Hit, (k.table, k.row, start, end)))
        return Matched(doc, Hits(by_table), tuple(norms), tuple(sentence_ids))

    def _without_modifiers(self, norms: Sequence[str]) -> list[int]:
        """Indexes of ``norms`` that are not inside a run of transparent modifiers (between two other words)."""
        drop: set[int] = set()
        n = len(norms)
        firsts = self._transparent_firsts
        for i in range(1, n - 1):
            if norms[i] not in firsts:  # no modifier starts with this word
                continue
            for size in self._transparent_sizes:
                if i + size < n and tuple(norms[i : i + size]) in self._transparent:
                    drop.update(range(i, i + size))
        return [i for i in range(n) if i not in drop]

    def _split(self, literal: str) -> _Split:
        """The keys of one coded literal, sorted by what ``_find`` does with them (``_window`` keeps them)."""
        got = self._patterns.literals[literal]
        keys = self._keys
        singles: list[_Key] = []
        firsts: list[_Key] = []
        later: list[tuple[int, int]] = []
        for index in (got,) if got.__class__ is int else got:  # type: ignore[union-attr]
            k = keys[index] or self._key(index)
            if k.single:
                singles.append(k)
            elif k.piece == 0:
                firsts.append(k)
            else:
                later.append((k.ident, k.piece))
        return _Split(tuple(singles), tuple(firsts), frozenset(k.ident for k in firsts), tuple(later))

    def _window(self, window: str) -> tuple[_Split | None, bool]:
        """What a window of a doc's coded norms holds: the keys of the literal it is (None when it is none), and
        whether some longer literal starts with it (when none does, no longer window at its token can match)."""
        if _UNKNOWN in window:  # a norm no rule uses: no literal holds it, nor any longer window
            return None, False
        split = self._split(window) if window in self._patterns.literals else None
        ordered = self._sorted
        if ordered is None:
            entry = (split, True)  # not sorted yet: read on
        else:  # the literals starting with the window follow it in sorted order
            j = bisect_right(ordered, window)
            entry = (split, j < len(ordered) and ordered[j].startswith(window))
        if len(self._windows) >= _WINDOWS_KEPT:
            self._windows.clear()
        self._windows[window] = entry
        return entry

    def prime(self) -> None:
        """Make now what the C loop would make at its first doc (its sieve), so that forked workers share it."""
        speedups = _accel.speedups
        if speedups is not None and self._sieve is None:
            self._sieve = _sieve_of(self._patterns.literals, speedups)

    def _find(self, norms: Sequence[str]) -> list[tuple[int, int, _Key]]:
        """(start, end, key) of every rule found in ``norms``, gapped phrases chained piece by piece.

        One pass over the coded norms, as ``_Patterns.find`` walks them: at each token, the windows of the literal
        lengths its first norm starts, shortest first, until no longer literal can start with the window
        (``_window``). Each literal found hands over its keys already sorted (``_split``), and a phrase's first
        piece is chained only when some later piece of the same phrase was found too."""
        if self._sorted is None:
            self._docs_read += 1
            if self._docs_read >= _SORT_AFTER:
                self._sorted = sorted(self._patterns.literals)
                self._windows.clear()  # read again, now knowing which windows no longer literal starts with
        patterns = self._patterns
        lengths, codes, windows = patterns.lengths, patterns.codes, self._windows
        speedups = _accel.speedups
        if speedups is not None:  # the same loop in C, which skips the windows its sieve rules out
            if self._sieve is None:
                self.prime()
            return self._chained(*speedups.find(norms, patterns.heads, windows, self._window, _UNKNOWN, self._sieve))
        text = "".join(map(codes.get, norms, itertools.repeat(_UNKNOWN)))
        n = len(text)
        found: list[tuple[int, int, _Key]] = []
        firsts: list[tuple[int, int, _Split]] = []
        later: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for i, first in enumerate(text):
            sizes = lengths.get(first)
            if sizes is None:
                continue
            for size in sizes:
                end = i + size
                if end > n:
                    break
                window = text[i:end]
                entry = windows.get(window)
                if entry is None:
                    entry = self._window(window)
                split = entry[0]
                if split is not None:
                    if split.singles:
                        found.extend([(i, end, k) for k in split.singles])
                    if split.firsts:
                        firsts.append((i, end, split))
                    for piece in split.later:
                        spans = later.get(piece)
                        if spans is None:
                            later[piece] = [(i, end)]
                        else:
                            spans.append((i, end))
                if not entry[1]:
                    break
        return self._chained(found, firsts, later)

    def _chained(
        self,
        found: list[tuple[int, int, _Key]],
        firsts: list[tuple[int, int, _Split]],
        later: dict[tuple[int, int], list[tuple[int, int]]],
    ) -> list[tuple[int, int, _Key]]:
        """``found`` with the phrases of several pieces whose first pieces (``firsts``) chain through the later
        pieces found (``later``), each first piece's hits after the whole phrases'."""
        if later:  # spans were added by start, then end: already sorted
            chained = {ident for ident, _piece in later}
            for start, end, split in firsts:
                if chained.isdisjoint(split.idents):
                    continue
                for k in split.firsts:
                    if k.ident in chained:
                        last = self._chain_end(k, end, later)
                        if last is not None:
                            found.append((start, last, k))
        return found

    @staticmethod
    def _chain_end(k: _Key, end: int, later: dict[tuple[int, int], list[tuple[int, int]]]) -> int | None:
        """Where a phrase whose first piece ends at ``end`` ends: each next piece must start within its gap."""
        ends = {end}
        for i in range(1, len(k.gaps)):
            spans = later.get((k.ident, i))  # sorted by start: only the spans starting within the gap are read
            if not spans:
                return None
            gap = k.gaps[i]
            reached: set[int] = set()
            for e in ends:
                j = bisect_left(spans, (e,))
                while j < len(spans) and spans[j][0] <= e + gap:
                    reached.add(spans[j][1])
                    j += 1
            if not reached:
                return None
            ends = reached
        return min(ends)

    # --- "unless" phrases --------------------------------------------------------------------------------
    def compile_phrases(self, phrases: Sequence[str], where: str | Callable[[], str], key: str) -> list[Steps]:
        """Compiled steps of a list of phrases (``unless``, ``with``); a bad one raises naming ``where`` (or what
        ``where()`` gives: the origins of a cached rule set are only read for an error) and ``key``."""
        try:
            return [self.compiler.steps(p, key) for p in phrases]
        except PhraseError as exc:
            raise RuleError(where if isinstance(where, str) else where(), str(exc)) from None

    def unless_checker(self, table: UnlessTable, rules: RuleSet, origins: Mapping[str, str]) -> dict[str, list[Steps]]:
        """For each row of ``table`` with ``unless`` phrases: their compiled steps (errors name the row).

        The exceptions a row's kind shares (``cue_kinds.jsonl``'s ``unless``) are not copied in: ``shared_unless``
        gives them, once per kind.
        """
        return {
            row.id: self.compile_phrases(row.unless, _where(origins, table, key), "unless")
            for key, row in _unless_rows(rules, table).items()
            if row.unless
        }

    def shared_unless(self, rules: RuleSet, origins: Mapping[str, str]) -> dict[str, list[Steps]]:
        """For each cue kind with ``unless`` phrases (``cue_kinds.jsonl``): their compiled steps, the exceptions
        every row of that kind shares unless the row sets ``"shared_unless": false``."""
        return {
            kind: self.compile_phrases(row.unless, _where(origins, "cue_kinds", kind, f"cue kind {kind!r}"), "unless")
            for kind, row in rules.tables["cue_kinds"].items()
            if row.unless
        }

    def near_unless_checker(self, rules: RuleSet, origins: Mapping[str, str]) -> dict[str, list[Steps]]:
        """For each cue row with ``unless_near`` phrases (exceptions read in its sentence and the ones beside it):
        their compiled steps."""
        return {
            row.id: self.compile_phrases(row.unless_near, _where(origins, "cues", key), "unless")
            for key, row in rules.tables["cues"].items()
            if row.unless_near
        }

    def with_checker(self, table: WithTable, rules: RuleSet, origins: Mapping[str, str]) -> dict[str, list[Steps]]:
        """For each row of ``table`` with ``with`` phrases (all must occur near the hit): their compiled steps."""
        return {
            row.id: self.compile_phrases(row.with_, _where(origins, table, key), "with")
            for key, row in rules.tables[table].items()
            if getattr(row, "with_", ())
        }

    @staticmethod
    def present(needed: Sequence[Steps], norms: list[str]) -> bool:
        """Whether every 'with' phrase occurs in the given norms."""
        return _occurs_memo(needed, "all", norms)

    @staticmethod
    def cancelled(unless: Sequence[Steps], sentence_norms: list[str]) -> bool:
        """Whether any 'unless' phrase occurs in the sentence."""
        return _occurs_memo(unless, "any", sentence_norms)


def _where(origins: Mapping[str, str], table: str, key: str, fallback: str | None = None) -> Callable[[], str]:
    """Where a row was read, looked up only when asked (for an error)."""
    return lambda: origins.get(f"{table}|{key}", fallback or f"{table} row {key!r}")


class TokenSpan(Protocol):
    """Anything over tokens ``start:end`` of a doc (a ``Hit``, a cue found, ...)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_SpanT = TypeVar("_SpanT", bound=TokenSpan)


def first_fit(spans: Iterable[_SpanT], length: int) -> list[_SpanT]:
    """Of ``spans``, taken in the order given (the caller's priority: longest first, surest first, ...), each one
    that shares no token with a span kept before it, in that order. ``length``: the doc's tokens.

    This is spaCy's ``util.filter_spans`` over token offsets, but with the caller's priority and order:
    ``filter_spans`` always prefers the longest, then the earliest, and returns the spans sorted by start.
    """
    taken = bytearray(length)
    kept: list[_SpanT] = []
    for span in spans:
        start, end = span.start, span.end
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            kept.append(span)
    return kept


def sentence_spans(norms: Sequence[str], sentence_ids: Sequence[int]) -> list[tuple[int, int]]:
    """(first, last + 1) token of each sentence, ignoring whitespace tokens at either end."""
    spans: list[tuple[int, int]] = []
    for i, (n, sid) in enumerate(zip(norms, sentence_ids, strict=True)):
        if not n.strip():
            continue
        if spans and sentence_ids[spans[-1][0]] == sid:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def sentences_around(norms: Sequence[str], sentence_ids: Sequence[int], i: int) -> list[str]:
    """The norms of the sentence that token ``i`` is in and of the sentences right before and after it."""
    sid = sentence_ids[i]  # sentence ids never decrease: the bounds are found by bisection, not by a scan
    return list(norms[bisect_left(sentence_ids, sid - 1) : bisect_right(sentence_ids, sid + 1)])


def sentence_of(norms: Sequence[str], sentence_ids: Sequence[int], i: int) -> list[str]:
    """The norms of the sentence that token ``i`` is in (sentence ids never decrease: found by bisection)."""
    sid = sentence_ids[i]
    return list(norms[bisect_left(sentence_ids, sid) : bisect_right(sentence_ids, sid)])


# words -> (its runs of words by length, its grams up to n by n): the suggestion layer asks for the grams of one
# message's norms five to seven times (2, 3, 4 and 5 words long), so each length is joined once, from zipped shifts
# of the words (no slice per gram), and a request adds to the longest set made below it the lengths it lacks.
_GRAMS: dict[tuple[str, ...], tuple[list[Sequence[str]], dict[int, frozenset[str]]]] = {}
_GRAMS_KEPT = 8  # word sequences kept (a message asks for its norms and a few slices of them)
_JOIN = " ".join


def word_grams(words: Sequence[str], longest: int) -> frozenset[str]:
    """Every run of 1 to ``longest`` words, joined by spaces: what a word class's multi-word entries are matched
    against ("going to", "love that for us")."""
    key = tuple(words)  # a tuple is its own key, not copied
    known = _GRAMS.get(key)
    if known is None:
        if len(_GRAMS) >= _GRAMS_KEPT:
            _GRAMS.clear()
        known = _GRAMS[key] = ([key], {1: frozenset(key)})
    runs, upto = known
    made = upto.get(longest)
    if made is None:
        if longest < 1:
            return upto[1]  # as for 1: the words themselves
        speedups = _accel.speedups  # (the C loop makes each run at its final size: no tuple, no join call)
        while len(runs) < longest:  # the runs of n words, joined: n shifted copies of the words, zipped
            n = len(runs) + 1  # (kept: a shorter request after a longer one reuses them, their hashes made)
            if speedups is not None:
                runs.append(speedups.runs(key, n))
            else:
                runs.append(list(map(_JOIN, zip(*[key[j:] for j in range(n)], strict=False))))
        below = max(n for n in upto if n < longest)
        made = upto[longest] = upto[below].union(*runs[below:longest])
    return made


def phrase_heads(phrases: Iterable[str]) -> frozenset[str]:
    """What a word must be for some run of words starting with it to join into one of ``phrases``: each phrase cut
    before each of its spaces, and each whole phrase. A word not in it starts no run that joins into a phrase (a run
    joined by spaces begins with its first word and a space, or is that word alone), so a scan may skip it."""
    heads: set[str] = set()
    for phrase in phrases:
        heads.add(phrase)
        heads.update(phrase[:i] for i, c in enumerate(phrase) if c == " ")
    return frozenset(heads)


class PhraseSet:
    """A fixed set of phrases (a word class) found in a list of words by first word: ``found(words)`` is
    ``word_grams(words, longest) & phrases``, without joining every run of up to ``longest`` words.

    Words with no space in them join into one run of text in one way only, so a phrase is in the joined runs exactly
    when its words, split at its spaces, are a run of the words; a list holding a word with a space in it is read
    through ``word_grams`` as before.
    """

    __slots__ = ("phrases", "longest", "_by_first")

    def __init__(self, phrases: Iterable[str], longest: int) -> None:
        self.phrases = frozenset(phrases)
        self.longest = longest
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in sorted(self.phrases):
            parts = tuple(phrase.split(" "))
            if len(parts) <= max(longest, 1):  # a longer phrase is in no run word_grams makes
                by_first.setdefault(parts[0], []).append((parts, phrase))
        self._by_first = by_first

    def found(self, words: Sequence[str]) -> frozenset[str]:
        """The phrases that are runs of ``words``."""
        speedups = _accel.speedups
        if speedups is not None:  # the same loop in C (None: a word holds a space, read below)
            made: frozenset[str] | None = speedups.phrases(words, self._by_first)
            if made is not None:
                return made
        if " " in "".join(words):  # (a space in the words run together is in one of them)
            return word_grams(words, self.longest) & self.phrases
        by_first = self._by_first
        hits: list[str] = []
        for i, w in enumerate(words):
            for parts, phrase in by_first.get(w, ()):
                if len(parts) == 1 or tuple(words[i : i + len(parts)]) == parts:
                    hits.append(phrase)
        return frozenset(hits)


# (phrases, longest) -> its PhraseSet: the word classes a message is read against are few and fixed, so each is
# indexed by first word once; bounded, since a caller may pass a set it made for one message.
_PHRASE_SETS: dict[tuple[frozenset[str], int], PhraseSet] = {}
_PHRASE_SETS_KEPT = 1024


class Runs:
    """The runs of 1 to ``longest`` words of ``words`` (``word_grams(words, longest)``), made only as far as a test
    needs them: ``runs & phrases`` is ``word_grams(words, longest) & phrases``, found by first word through a
    ``PhraseSet`` of ``phrases`` (made once per word class) instead of joining every run of the message."""

    __slots__ = ("words", "longest")

    def __init__(self, words: Sequence[str], longest: int) -> None:
        self.words = words
        self.longest = longest

    def __and__(self, phrases: AbstractSet[str]) -> frozenset[str]:
        if not isinstance(phrases, frozenset):  # a set made for one test ("you even", "u even"): joined runs
            return word_grams(self.words, self.longest) & frozenset(phrases)
        key = (phrases, self.longest)
        index = _PHRASE_SETS.get(key)
        if index is None:
            if len(_PHRASE_SETS) >= _PHRASE_SETS_KEPT:
                _PHRASE_SETS.clear()
            index = _PHRASE_SETS[key] = PhraseSet(phrases, self.longest)
        speedups = _accel.speedups
        if speedups is not None:  # PhraseSet.found's C loop called here: a test is one Python call, not two
            made: frozenset[str] | None = speedups.phrases(self.words, index._by_first)
            if made is not None:
                return made
        return index.found(self.words)

    __rand__ = __and__
