"""Input preparation: any ``str`` made safe to analyse, and a tokenizer whose cost stays linear in the text.

Two things here keep hostile text from hurting:

``clean_text`` turns a ``str`` subclass into a plain ``str`` and replaces each lone surrogate (which ``json.loads``
produces from ``"\\udc2c"`` and which cannot be encoded as UTF-8) with U+FFFD. One code point becomes one code
point, so every offset into the result is an offset into the caller's text.

``SafeTokenizer`` wraps spaCy's tokenizer. spaCy peels prefixes and suffixes off a whitespace-free chunk one at a
time, re-scanning the rest of the chunk each time, so a chunk like ``"!" * 20000`` or a run of emoji costs time
quadratic in its length. The wrapper leaves every chunk of at most ``MAX_CHUNK`` characters to spaCy as it is (so
ordinary text is tokenized exactly as before) and handles longer chunks itself:

1. A run of one repeated non-alphanumeric unit (``!``, ``😭``, ``❤️``, ``.?``) longer than ``RUN_CAP`` units is
   tokenized as if it were ``RUN_CAP`` units long; the token holding the last kept unit then stretches over the
   rest of the run and keeps the norm it had. Matching reads norms, so the analysis of the long run is the analysis
   of the capped one, with offsets into the original text.
2. What is still longer than ``MAX_CHUNK`` is cut into pieces of at most ``MAX_CHUNK`` characters (between a
   punctuation mark and its neighbour where possible), and each piece is tokenized on its own.

3. A run of control characters other than tab, newline and carriage return (NUL, ESC, DEL, C1 controls) is a
   token of its own whose norm is a space, the way spaCy reads extra whitespace: "tired\\x7f" still reads as
   "tired".

The doc always has the caller's exact text (``doc.text == text``), so no offsets need mapping anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy loads with the first Listener, so `import listenwell` stays light
    from spacy.tokens import Doc

__all__ = ["MAX_CHUNK", "RUN_CAP", "SafeTokenizer", "clean_text", "capped_runs"]

MAX_CHUNK = 128  # longest whitespace-free chunk handed to spaCy's tokenizer in one piece
PIECE = 32  # the length of the pieces a longer chunk is cut into
RUN_CAP = 16  # a repeated unit is tokenized as at most this many repeats
_LONG_CHUNK = re.compile(r"\S{" + str(MAX_CHUNK + 1) + ",}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_CONTROLS = re.compile(_CONTROL.pattern + "+")
# A unit of 1 to 4 characters that are neither letters, digits nor whitespace, repeated more than RUN_CAP times.
_SYMBOL = r"(?:[^\w\s]|_)"
_RUN = re.compile("(" + _SYMBOL + r"{1,4}?)\1{" + str(RUN_CAP) + ",}")


def clean_text(text: str) -> str:
    """A plain ``str`` with each lone surrogate replaced by U+FFFD; same length, so offsets carry over."""
    if type(text) is not str:
        text = str.__str__(text)  # a str subclass: its own __str__ may do anything, str's copies the characters
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def capped_runs(chunk: str) -> tuple[str, list[tuple[int, int]]]:
    """``chunk`` with each long repeated unit cut to RUN_CAP repeats, and (position in the result, characters cut)
    for each cut, in order. The position is where the kept repeats end."""
    parts: list[str] = []
    cuts: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for m in _RUN.finditer(chunk):
        unit = len(m.group(1))
        keep = unit * RUN_CAP
        parts.append(chunk[pos : m.start() + keep])
        length += m.start() + keep - pos
        cuts.append((length, m.end() - m.start() - keep))
        pos = m.end()
    if not cuts:
        return chunk, cuts
    parts.append(chunk[pos:])
    return "".join(parts), cuts


def _cut_points(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of ``text``, each at most ``limit`` long, cut next to a non-alphanumeric character where
    one lies in the second half of the window."""
    start = 0
    n = len(text)
    while n - start > limit:
        end = start + limit
        cut = end
        for i in range(end, start + limit // 2, -1):
            if not (text[i - 1].isalnum() and text[i].isalnum()):
                cut = i
                break
        yield start, cut
        start = cut
    yield start, n


class SafeTokenizer:
    """spaCy's tokenizer with long whitespace-free chunks handled in linear time (see the module docstring)."""

    def __init__(self, inner: Any) -> None:
        """``inner``: spaCy's tokenizer, which this wraps."""
        self.inner = inner
        self.vocab = inner.vocab

    def __getattr__(self, name: str) -> Any:  # rules, prefix_search, to_bytes, ...: the wrapped tokenizer's
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def __call__(self, text: str) -> Doc:
        """The doc of ``text``, as the wrapped tokenizer makes it, in time linear in its length."""
        if _CONTROL.search(text) is None:
            return self._plain(text)
        from spacy.tokens import Doc  # imported on the rare path only: a message costs a few microseconds

        docs: list[Doc] = []
        pos = 0
        for m in _CONTROLS.finditer(text):
            if m.start() > pos:
                docs.append(self._plain(text[pos : m.start()]))
            space = text[m.end() : m.end() + 1] == " "
            doc = Doc(self.vocab, words=[m.group()], spaces=[space])
            doc[0].norm_ = " "  # read like extra whitespace
            docs.append(doc)
            pos = m.end() + space
        if pos < len(text):
            docs.append(self._plain(text[pos:]))
        return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)

    def _plain(self, text: str) -> Doc:
        """A text without control characters."""
        if len(text) <= MAX_CHUNK or _LONG_CHUNK.search(text) is None:
            return self.inner(text)  # type: ignore[no-any-return]
        from spacy.tokens import Doc

        docs: list[Doc] = []
        pos = 0
        for m in _LONG_CHUNK.finditer(text):
            if m.start() > pos:
                docs.append(self.inner(text[pos : m.start()]))
            end = m.end() + 1 if text[m.end() : m.end() + 1] == " " else m.end()
            docs.extend(self._long_chunk(m.group(), end > m.end()))
            pos = end
        if pos < len(text):
            docs.append(self.inner(text[pos:]))
        return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """The docs of ``texts``, in order."""
        for text in texts:
            yield self(text)

    def _long_chunk(self, chunk: str, space_after: bool) -> list[Doc]:
        """Docs for one long whitespace-free chunk (and the space after it), in order."""
        from spacy.tokens import Doc

        capped, cuts = capped_runs(chunk)
        pieces = [(0, len(capped))] if len(capped) <= MAX_CHUNK else list(_cut_points(capped, PIECE))
        docs: list[Doc] = []
        shift = 0  # characters cut before the current piece
        c = 0
        for i, (a, b) in enumerate(pieces):
            tail = " " if space_after and i == len(pieces) - 1 else ""
            if c == len(cuts) or cuts[c][0] > b:  # no run ends in this piece: its text is the original's
                docs.append(self.inner(chunk[a + shift : b + shift] + tail))
                continue
            inner = self.inner(capped[a:b])
            words: list[str] = []
            norms: list[str] = []
            for t in inner:
                start, end = a + t.idx, a + t.idx + len(t.text)
                extra = 0
                while c < len(cuts) and cuts[c][0] <= end:  # the run's rest joins the token with its last kept unit
                    extra += cuts[c][1]
                    c += 1
                words.append(chunk[start + shift : end + shift + extra])
                norms.append(t.norm_)
                shift += extra
            spaces = [False] * len(words)
            spaces[-1] = bool(tail)
            doc = Doc(self.vocab, words=words, spaces=spaces)
            for token, norm in zip(doc, norms, strict=True):
                if token.norm_ != norm:
                    token.norm_ = norm
            docs.append(doc)
        return docs
