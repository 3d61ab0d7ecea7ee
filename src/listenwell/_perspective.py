"""Perspective shift: the writer's words in the listener's mouth ("you never listen to me" -> "I never listen to you").

Rows of ``rules/perspective.jsonl`` say what each word becomes:
``{"id": "pron.you.object", "text": "you", "swap": "me", "role": "object"}`` swaps a pronoun in one role,
``{"id": "verb.was.i", "text": "was", "swap": "were", "after": ["i"]}`` swaps a verb next to a pronoun
that was written as one of ``after`` (before it, or just after it in a question: "was I" -> "were you").
Whether "you" is a subject or an object is read from its neighbours, using the word classes
``subject_openers`` (words after which a subject starts) and ``subject_followers`` (words that follow a
subject: auxiliaries and adverbs).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ._loading import RuleSet

__all__ = ["Perspective"]

_APOSTROPHES = {"\u2019": "'", "\u2018": "'"}


def _key(text: str) -> str:
    return "".join(_APOSTROPHES.get(c, c) for c in text.lower())


class Perspective:
    """Swaps pronouns and makes verbs agree, token by token, keeping everything else as written."""

    def __init__(self, rules: RuleSet, nlp: Language) -> None:
        """Pronoun and verb swaps from the ``perspective`` table; subject cues from the grammar word classes."""
        self._nlp = nlp
        self._pronouns: dict[str, dict[str, str]] = {}
        self._verbs: dict[str, list[tuple[frozenset[str], str]]] = {}
        for row in rules.rows("perspective"):
            if row.after:
                self._verbs.setdefault(_key(row.text), []).append((frozenset(_key(a) for a in row.after), row.swap))
            else:
                self._pronouns.setdefault(_key(row.text), {})[row.role] = row.swap
        self._openers = rules.word_class("subject_openers")
        self._followers = rules.word_class("subject_followers")
        self._adverbs = rules.word_class("subject_adverbs")
        self._aux = rules.word_class("aux_openers")
        self._apostrophe_pieces = rules.word_class("apostrophe_pieces")
        self._pronoun_subjects = frozenset({"i", "he", "she", "we", "they"})

    def reflect(self, text: str) -> str:
        """``text`` said back from the listener's side: "I feel like you never listen to me" -> "you feel like I
        never listen to you". Everything but pronouns and the verbs that agree with them stays as written.
        """
        if not text.strip():
            return text
        doc = self._nlp.make_doc(text)
        return self.reflect_tokens(doc, 0, len(doc))

    def _role(self, words: Sequence[str], i: int) -> str:
        """Subject or object, from the neighbours: "you hurt me" (subject), "I love you" (object)."""
        prev = words[i - 1] if i > 0 else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        opens = not prev or prev in self._openers or not prev[0].isalnum()
        if prev in self._aux or prev == "n't":
            return "subject"  # "could you", "are you", "weren't you"
        if nxt in self._followers:
            return "subject"  # "you are", "you never listen" is below
        if nxt in self._adverbs:
            return "subject" if opens else "object"  # "you always ..." vs "I love you just the way ..."
        if nxt in {"and", "or"} and after in self._pronoun_subjects:
            return "subject"  # "you and I need to talk"
        if after in {"me", "us"} and nxt[:1].isalpha() and not nxt.endswith("ing") and nxt not in self._openers:
            return "subject"  # "the scarf u bought me", "the orchid you gave us": a verb between you and me
        if opens:
            return "subject" if nxt and nxt[0].isalnum() and nxt not in self._openers else "object"
        return "object"

    def _swap_pronoun(self, word: str, words: Sequence[str], i: int) -> str | None:
        """The swap of a pronoun by its role in the sentence ("you" as subject -> "I", as object -> "me"), or None for a
        word that is no pronoun."""
        roles = self._pronouns.get(word)
        if not roles:
            return None
        if "any" in roles:
            return roles["any"]
        return roles.get(self._role(words, i)) or next(iter(roles.values()))

    def reflect_tokens(self, doc: Doc, start: int, end: int, *, overrides: Mapping[int, str] | None = None) -> str:
        """Reflect tokens ``start:end`` of ``doc``, keeping its spacing.

        ``overrides`` maps a token index of ``doc`` to what it becomes, in place of the rows' swap: the gist uses
        it for "we" that is the writer and someone else ("our anniversary" -> "your anniversary").
        """
        tokens = list(doc[start:end])
        words = [_key(t.text) for t in tokens]
        out = [t.text for t in tokens]
        swapped = [False] * len(tokens)
        for i, word in enumerate(words):
            if overrides and start + i in overrides:
                out[i] = overrides[start + i]
                swapped[i] = True
                continue
            new = self._swap_pronoun(word, words, i)
            if new is not None:
                out[i] = new
                swapped[i] = True
        for i, word in enumerate(words):
            options = self._verbs.get(word)
            if not options:
                continue
            # the pronoun next to the verb, looking past a negation: "wasn't I", "weren't you"
            skip = 1 if i + 1 < len(words) and words[i + 1] in {"n't", "not", "nt"} else 0
            for j in (i - 1, i + 1 + skip):
                if 0 <= j < len(words) and swapped[j]:
                    new = next((swap for after, swap in options if words[j] in after), None)
                    if new is not None:
                        out[i] = new
                        break
        for i in range(len(out) - 2):  # "you and I" -> "I and you" -> "you and I": English puts "you" first
            if swapped[i] and swapped[i + 2] and words[i + 1] in {"and", "&"} and out[i + 2].lower() == "you":
                first = out[i]
                if first.lower() in {"i", "me"}:
                    out[i] = "You" if tokens[i].text[:1].isupper() else "you"
                    out[i + 2] = "I" if first.lower() == "i" else "me"
        for i in range(1, len(out)):  # "youre" -> "you're": a contraction said back is spelled out
            if not tokens[i - 1].whitespace_ and _key(out[i]) in self._apostrophe_pieces:
                out[i] = "n't" if _key(out[i]) == "nt" else "'" + out[i]
        letters = [c for t in tokens for c in t.text if c.isalpha()]
        shouting = len(letters) > 1 and all(c.isupper() for c in letters)
        for i, t in enumerate(tokens):
            if out[i] != t.text:
                out[i] = self._case(t.text, out[i], is_first=(i == 0 or t.is_sent_start is True))
                if shouting:
                    out[i] = out[i].upper()
        return "".join(o + t.whitespace_ for o, t in zip(out, tokens, strict=True)).strip()

    @staticmethod
    def _case(original: str, new: str, *, is_first: bool) -> str:
        """The swapped word in the original's case: "I" always capital, all capitals kept, a capital first letter kept
        only at the start."""
        if new.lower() == "i":
            return "I"
        if new.startswith("'") or new.startswith("\u2019"):
            return original[0] + new[1:] if original[0] in "'\u2019" else new
        if original.isupper() and len(original) > 1:
            return new.upper()
        if original[:1].isupper() and is_first:
            return new[:1].upper() + new[1:]
        return new
