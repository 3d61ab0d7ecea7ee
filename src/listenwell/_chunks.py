"""Keeps the words a batch keeps meeting in spaCy's tokenizer cache, a bounded number of them.

Batches run inside spaCy memory zones (``nlp.memory_zone()``), so that a stream of new words cannot grow the
vocab forever. The price: inside a zone spaCy neither caches how it split a chunk (a whitespace-free piece of text
such as ``work.`` or ``I'm``) nor keeps the lexemes it made, so every batch splits every chunk again with the
prefix, suffix and infix regexes, and makes every lexeme again (its attributes computed in Python). On ordinary
messages that is about half of the tokenizer's time.

``ChunkKeeper`` gives the zones a permanent working set instead. After a batch, outside its zone, each chunk met
in an earlier batch too is tokenized once more, outside any zone: spaCy then caches its split and keeps its
lexemes for good, as it does for any text tokenized outside a zone. Words met once (names, typos, the flood of
new words in a stream) never are. What is kept is bounded (``KEEP_LIMIT`` chunks in all, short ones only) and
the memory of chunks met once is cleared past ``SEEN_LIMIT``, so memory stays flat however long the stream.

Each kept chunk is tokenized on its own. spaCy's tokenizer notes a special case (``I'm``, ``:)``, ``don't``) once
per text, not per chunk, and caches no chunk of that text after it: kept chunks joined into one text would, past
the first special case, never reach the cache at all.

Tokenization itself does not change: a cached split is the split spaCy makes of the chunk (the cache is spaCy's
own, and spaCy leaves out of it any chunk a special case touched).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any

__all__ = ["ChunkKeeper", "KEEP_LIMIT", "SEEN_LIMIT"]

KEEP_LIMIT = 8_000  # chunks kept in all (spaCy's own cache holds at most ``max_cache_size``, 10,000 by default)
SEEN_LIMIT = 20_000  # chunks met once remembered at most; past it the memory of them starts again
MAX_KEPT_LENGTH = 24  # longer chunks are rare repeats (links, floods): never kept


class ChunkKeeper:
    """Tokenizes outside any memory zone the chunks that recur across batches, up to ``KEEP_LIMIT``."""

    def __init__(self, tokenizer: Any, *, limit: int = KEEP_LIMIT, seen_limit: int = SEEN_LIMIT) -> None:
        """``tokenizer``: the pipeline's tokenizer (callable on a text, with the pipeline's ``vocab``)."""
        self._tokenizer = tokenizer
        self._limit = limit
        self._seen_limit = seen_limit
        self._kept: set[str] = set()
        self._seen: set[str] = set()

    @property
    def kept(self) -> int:
        """How many chunks are kept so far."""
        return len(self._kept)

    def note(self, texts: Iterable[str]) -> None:
        """Read a finished batch: keep the chunks met before; remember the others. Call it outside any zone."""
        room = self._limit - len(self._kept)
        if room <= 0 or self._tokenizer.vocab.in_memory_zone:
            return
        chunks: set[str] = set()
        for text in texts:
            chunks.update(text.split())
        chunks -= self._kept
        again = [c for c in chunks & self._seen if len(c) <= MAX_KEPT_LENGTH and c.isprintable()]
        if again:
            again.sort()  # the same batches keep the same chunks, whatever the hash seed
            again = again[:room]
            tokenize = self._tokenizer
            for chunk in again:  # one call each: spaCy caches no chunk after a special case in the same text
                tokenize(chunk)
            self._kept.update(again)
            self._seen.difference_update(again)
        chunks.difference_update(again)
        if len(self._seen) + len(chunks) > self._seen_limit:
            self._seen.clear()
        self._seen.update(islice(chunks, self._seen_limit))
