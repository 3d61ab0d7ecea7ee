"""One way to make and split a doc: the tokenizer setup and the sentence rule every pipeline shares.

``listen()``, ``analyze()``, a ``Listener`` built on a user's pipeline, the spaCy component (which is such a
Listener) and the review of a draft all make their docs through a ``DocMaker`` and split them into sentences
with ``ends_sentence``, so the same message reads the same way on every path:

- ``prepare_tokenizer`` gives any spaCy pipeline the same tokenizer setup: a dash stuck to a word
  ("I'm nervous- the test is today") is split off like other punctuation, a chat letter keeps no period
  ("miss u." is "miss", "u", "."), and long whitespace-free chunks are
  tokenized in linear time (``SafeTokenizer``). It changes the pipeline's tokenizer in place, once.
- ``ends_sentence`` is the one sentence rule: a sentence ends after a token made only of end punctuation
  (".", "!!", "?!", "...", "…"); a closing quote or bracket right after it stays with its sentence. A pipeline's
  own sentence boundaries (sentencizer, parser, senter) are not used for matching.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy loads with the first Listener, so `import listenwell` stays light
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DocMaker", "END_CHARS", "CLOSERS", "default_nlp", "ends_sentence", "prepare_tokenizer"]

END_CHARS = frozenset(".!?…。")
CLOSERS = frozenset("\"'”’)]»")
_DASH = r"-+"
_PREPARED = "_listenwell_prepared"  # set on a tokenizer (or its SafeTokenizer wrapper) once it is set up
# spaCy keeps a single letter and its period together ("u." as in an initial); in chat these letters are words
# ending a sentence ("miss u.", "so do i."; "k." stays one token, a curt reply), split like any other word
_CHAT_LETTERS = frozenset({"i.", "u.", "r.", "y."})


def ends_sentence(norm: str, ended: bool) -> bool:
    """Whether a token with this norm ends (or, after an end, still belongs to the end of) a sentence.

    ``ended``: whether the token before it ended the sentence. The sentence rule every path shares.
    """
    if norm[:1] in END_CHARS and all(c in END_CHARS for c in norm):
        return True
    return ended and norm[:1] in CLOSERS and all(c in CLOSERS for c in norm)


def prepare_tokenizer(nlp: Language) -> None:
    """Give ``nlp`` listenwell's tokenizer setup (dashes split off words; linear-time long chunks), once.

    A tokenizer that is not spaCy's own (a custom callable) keeps its splitting and is only wrapped for
    long chunks.
    """
    import spacy
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]

    from ._textprep import SafeTokenizer

    tokenizer: Any = nlp.tokenizer
    if getattr(tokenizer, _PREPARED, False):
        return
    inner: Any = tokenizer.inner if isinstance(tokenizer, SafeTokenizer) else tokenizer
    if isinstance(inner, Tokenizer) and not getattr(nlp, _PREPARED, False):
        # each assignment rebuilds the special cases: a pipeline made by default_nlp has the dash rule already
        prefixes = [*(nlp.Defaults.prefixes or ()), _DASH]
        suffixes = [*(nlp.Defaults.suffixes or ()), _DASH]
        inner.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
        inner.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
        if _CHAT_LETTERS & set(inner.rules or ()):
            inner.rules = {k: v for k, v in inner.rules.items() if k not in _CHAT_LETTERS}
    wrapped = tokenizer if isinstance(tokenizer, SafeTokenizer) else SafeTokenizer(inner)
    setattr(wrapped, _PREPARED, True)
    nlp.tokenizer = wrapped


def default_nlp() -> Language:
    """spaCy's blank English pipeline with a sentencizer and listenwell's tokenizer setup: no model download.

    The dash rule is part of the language defaults here, so the tokenizer is built once with it.
    """
    from spacy.lang.en import English

    class _Defaults(English.Defaults):  # type: ignore[misc,valid-type]
        prefixes = [*(English.Defaults.prefixes or ()), _DASH]
        suffixes = [*(English.Defaults.suffixes or ()), _DASH]
        tokenizer_exceptions = {
            k: v for k, v in English.Defaults.tokenizer_exceptions.items() if k not in _CHAT_LETTERS
        }

    class _English(English):  # type: ignore[no-untyped-call]
        Defaults = _Defaults

    nlp: Language = _English()
    nlp.add_pipe("sentencizer")
    setattr(nlp, _PREPARED, True)  # the affixes are in; prepare_tokenizer only wraps
    prepare_tokenizer(nlp)
    return nlp


class DocMaker:
    """Makes the docs a Listener reads: the pipeline's tokenizer alone when the pipeline adds nothing the
    matcher reads (a blank pipeline, with or without a sentencizer), else the whole pipeline."""

    def __init__(self, nlp: Language) -> None:
        """``nlp``: the pipeline whose docs the Listener reads, already through ``prepare_tokenizer``."""
        self.nlp = nlp

    @property
    def tokenize_only(self) -> bool:
        """True for a pipeline whose components add nothing the matcher reads (sentences come from
        ``ends_sentence``): only its tokenizer runs. A user's parser, senter, NER, ... always runs in full."""
        return all(name == "sentencizer" for name in self.nlp.pipe_names)

    def __call__(self, text: str) -> Doc:
        """The doc of one text."""
        return self.nlp.make_doc(text) if self.tokenize_only else self.nlp(text)

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        """The docs of many texts, in order."""
        if self.tokenize_only:
            tokenizer: Any = self.nlp.tokenizer
            return iter(tokenizer.pipe(texts, batch_size=batch_size))
        return iter(self.nlp.pipe(texts, batch_size=batch_size))
