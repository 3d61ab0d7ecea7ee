"""The spaCy extensions ``Doc._.listenwell`` and ``Span._.listenwell``, registered without importing spaCy.

``import listenwell`` must stay light, yet a process that only reads DocBins written by the component needs the
extensions to exist. So ``import listenwell`` registers them at once when spaCy is already loaded, and otherwise
the moment ``spacy.tokens`` is first imported (a one-shot import hook that removes itself). Results live in
``doc.user_data`` as plain data, read back by the getters here.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ._loading import RuleSet
    from ._results import Analysis, Cue, EmotionMention, Listening

__all__ = ["DocResults", "SpanResults", "register", "register_on_spacy_import", "displacy_options"]

DEFAULT_NAMESPACE = "listenwell"


def data_key(namespace: str) -> str:
    """The ``doc.user_data`` key the component stores its results under."""
    return f"{namespace}_data"


@dataclass(frozen=True)
class DocResults:
    """What ``doc._.listenwell`` returns: the analysis and (when the component suggests) the listening."""

    analysis: Analysis
    listening: Listening | None


@dataclass(frozen=True)
class SpanResults:
    """What ``span._.listenwell`` returns for any span (a sentence, an emotion span, a cue span): the doc's
    feelings and cues that lie inside it (offsets stay the doc's)."""

    emotions: tuple[EmotionMention, ...]
    cues: tuple[Cue, ...]

    @property
    def dominant(self) -> str | None:
        """The family of the strongest feeling the writer has in this span (negated ones left out)."""
        felt = [e for e in self.emotions if not e.negated]
        return max(felt, key=lambda e: e.intensity).family if felt else None

    @property
    def negated(self) -> bool:
        """True when the span holds feelings and every one of them is denied ("not angry")."""
        return bool(self.emotions) and all(e.negated for e in self.emotions)

    @property
    def hedged(self) -> bool:
        """True when a feeling in the span is softened ("a bit down")."""
        return any(e.hedged for e in self.emotions)

    def has_cue(self, kind: str) -> bool:
        """Whether a cue of this kind lies inside the span."""
        return any(c.kind == kind for c in self.cues)


def _doc_results(doc: Doc, key: str) -> DocResults | None:
    """``doc._.listenwell``: the results the component stored in the doc's user data, or None before it ran."""
    from ._results import Analysis, Listening

    data = doc.user_data.get(key)
    if data is None:
        return None
    listening = Listening.from_dict(data["listening"]) if data.get("listening") else None
    return DocResults(analysis=Analysis.from_dict(data["analysis"]), listening=listening)


def _span_results(span: Span, key: str) -> SpanResults | None:
    """``span._.listenwell``: the feelings and cues of the doc's results that lie inside the span."""
    from ._results import Cue, EmotionMention

    data = span.doc.user_data.get(key)
    if data is None:
        return None
    lo, hi = span.start_char, span.end_char
    analysis = data["analysis"]
    return SpanResults(
        emotions=tuple(
            EmotionMention.from_dict(e) for e in analysis["emotions"] if lo <= e["start"] and e["end"] <= hi
        ),
        cues=tuple(Cue.from_dict(c) for c in analysis["cues"] if lo <= c["start"] and c["end"] <= hi),
    )


def register(namespace: str = DEFAULT_NAMESPACE) -> None:
    """Register ``Doc._.<namespace>`` and ``Span._.<namespace>`` (once; a name taken by something else is kept)."""
    from spacy.tokens import Doc, Span

    key = data_key(namespace)
    if not Doc.has_extension(namespace):
        Doc.set_extension(namespace, getter=lambda doc: _doc_results(doc, key))
    if not Span.has_extension(namespace):
        Span.set_extension(namespace, getter=lambda span: _span_results(span, key))


class _RegisterOnImport(importlib.abc.MetaPathFinder):
    """Registers the extensions right after ``spacy.tokens`` is executed, then leaves ``sys.meta_path``."""

    TARGET = "spacy.tokens"

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """When spaCy itself is imported, hand back its spec with a loader that registers listenwell's extensions right
        after the module runs; any other import is left to the other finders."""
        if fullname != self.TARGET:
            return None
        self.remove()
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find else None
            if isinstance(spec, importlib.machinery.ModuleSpec) and hasattr(spec.loader, "exec_module"):
                spec.loader = _Then(spec.loader)
                return spec
        return None

    def remove(self) -> None:
        while self in sys.meta_path:
            sys.meta_path.remove(self)


class _Then(importlib.abc.Loader):
    """The real loader, then the registration."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        register()


_hook: _RegisterOnImport | None = None


def register_on_spacy_import() -> None:
    """Register now if spaCy's tokens are loaded; otherwise as soon as they are (``import listenwell`` calls it)."""
    global _hook
    if "spacy.tokens" in sys.modules:
        register()
    elif _hook is None:
        _hook = _RegisterOnImport()
        sys.meta_path.insert(0, _hook)


def displacy_options(spans_key: str = "emotions", rules: RuleSet | None = None) -> dict[str, Any]:
    """Options for ``displacy.render(doc, style="span", options=...)``: the component's emotion spans in the
    family colours the CLI and the web page use; ``rules``: a Listener's rules, for the colours a user's families
    carry (the shipped ones when None)."""
    from ._palette import family_colours

    return {"spans_key": spans_key, "colors": dict(family_colours(rules))}
