"""The spaCy component ``listenwell``: feelings and cues as span groups, analysis and suggestions under ``doc._``.

Registered through the ``spacy_factories`` entry point, so ``nlp.add_pipe("listenwell")`` works without
importing listenwell first. Results are stored as plain data in ``doc.user_data`` and read back through getters:
``doc._.listenwell`` (the analysis and the listening) and ``span._.listenwell`` (the feelings and cues inside any
span: per sentence with ``doc.sents``; ``.negated`` and ``.hedged`` on an emotion span). They survive
``nlp.pipe(n_process=2)`` and ``DocBin(store_user_data=True)`` round trips; ``import listenwell`` registers the
extensions, so a process that only reads DocBins can use them too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from ._extensions import DocResults, SpanResults, data_key, register

if TYPE_CHECKING:
    from ._listener import Listener

__all__ = ["ListenwellComponent", "DocResults", "SpanResults", "make_listenwell_component"]


class ListenwellComponent:
    """Adds ``doc.spans[emotions_key]`` (label = family), ``doc.spans[cues_key]`` (label = cue kind) and
    ``doc._.<namespace>``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "listenwell",
        *,
        rules: list[str] | None = None,
        max_length: int = 20_000,
        suggest: bool = True,
        namespace: str = "listenwell",
        emotions_key: str = "emotions",
        cues_key: str = "cues",
        locale: str | None = None,
    ) -> None:
        """Builds a Listener on the pipeline it is added to (same tokenizer and sentence rule as ``listen()``);
        the keyword arguments are the component's config (``nlp.add_pipe("listenwell", config={...})``).
        """
        from ._listener import Listener

        self.name = name
        self.listener: Listener = Listener(rules=rules or None, nlp=nlp, max_length=max_length, locale=locale)
        self.suggest = suggest
        self.namespace = namespace
        self.emotions_key = emotions_key
        self.cues_key = cues_key
        self._data_key = data_key(namespace)
        register(namespace)

    def __call__(self, doc: Doc) -> Doc:
        """Analyses (and, with ``suggest``, listens to) the doc through ``Listener.listen_doc`` and stores the
        results on it: the span groups, ``doc._.<namespace>`` and the sentence-level extensions.
        """
        analysis, listening = self.listener.listen_doc(doc, suggest=self.suggest)
        data: dict[str, Any] = {"analysis": analysis.to_dict(), "listening": listening.to_dict() if listening else None}
        doc.user_data[self._data_key] = data
        doc.spans[self.emotions_key] = [
            s for e in analysis.emotions if (s := doc.char_span(e.start, e.end, label=e.family)) is not None
        ]
        doc.spans[self.cues_key] = [
            s for c in analysis.cues if (s := doc.char_span(c.start, c.end, label=c.kind)) is not None
        ]
        return doc


@Language.factory(
    "listenwell",
    default_config={
        "rules": None, "max_length": 20_000, "suggest": True, "namespace": "listenwell",
        "emotions_key": "emotions", "cues_key": "cues", "locale": None,
    },
)  # fmt: skip
def make_listenwell_component(
    nlp: Language,
    name: str,
    rules: list[str] | None,
    max_length: int,
    suggest: bool,
    namespace: str,
    emotions_key: str,
    cues_key: str,
    locale: str | None,
) -> ListenwellComponent:
    """The ``listenwell`` factory; ``locale`` picks the crisis resources (default: the environment's)."""
    return ListenwellComponent(
        nlp, name, rules=rules, max_length=max_length, suggest=suggest, namespace=namespace,
        emotions_key=emotions_key, cues_key=cues_key, locale=locale,
    )  # fmt: skip
