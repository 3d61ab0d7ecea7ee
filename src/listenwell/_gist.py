"""What happened, said back in a few words: the gist of a message's situation and the time it is about.

A reply names the specific thing ("your dog died", "you got the job") rather than the writer's whole clause.
The gist is the clause around the feeling or the matched situation, cut to at most ``MAX_ECHO`` words at a
break (a preposition, a conjunction, a time word: ``gist_breaks``), with pronouns swapped by who they mean.
"We" and "our" that are the writer and someone else ("my sister and I ... our") become "you two" and "your";
"we" that is the writer and the listener stays.

The time of a message (``past``, ``ongoing``, ``upcoming``) is read from the focus sentence's markers
(``time_upcoming``, ``time_past``, ``time_ongoing`` word classes, and "-ed" verbs), so that a question about a
visit that already happened does not treat it as upcoming.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ._analysis import AnalyzedDoc, _Mention
from ._loading import RuleSet
from ._matching import PhraseSet, sentence_of, word_grams
from ._perspective import Perspective

__all__ = ["MAX_ECHO", "Gist"]

# At most this many words are said back; with pronouns swapped, fewer of them are the writer's own (the reply
# composer drops any line that still repeats six of the writer's words in a row).
MAX_ECHO = 6
_MIN_WORDS = 2
_OBLIGATION = re.compile(r"\b(?:need to|have to|has to|should|must|got to|ought)\b")
_REPEATED_WORD = re.compile(r"\b(\w+) \1\b")
_WE_OTHERS = {"we": "you two", "us": "you two", "our": "your", "ours": "yours", "ourselves": "yourselves"}
_WE_CONTRACTED = {"'re": "are", "’re": "are", "'ve": "have", "’ve": "have", "'ll": "will", "’ll": "will"}


def _unshout(text: str, plain: frozenset[str] = frozenset()) -> str:
    """Lower-case shouted words: any all-caps word of four letters or more, shorter ones in a shouted run
    ("AGAIN", "HE DID IT") and short everyday words (``plain``: "went SO well"); an acronym alone ("HR", "CVS")
    keeps its capitals, and "I" stays "I"."""
    words = text.split(" ")
    caps = [sum(c.isalpha() for c in w) >= 2 and w.isupper() for w in words]
    out = []
    for i, w in enumerate(words):
        run = (i > 0 and caps[i - 1]) or (i + 1 < len(words) and caps[i + 1])
        if caps[i] and (sum(c.isalpha() for c in w) >= 4 or run or w.lower() in plain):
            w = w.lower()
        out.append(w)
    return " ".join(out)


# Nouns that, alone after "my", close an idiom rather than name a thing ("of my life", "out of my mind").
_IDIOM_HEADS = frozenset({"life", "mind", "head", "way", "time", "self", "bad", "god", "goodness", "gosh"})


class Gist:
    """Finds the situation to say back and the time a message is about, from its analyzed doc."""

    def __init__(self, rules: RuleSet, perspective: Perspective, families_valence: dict[str, float]) -> None:
        """``perspective`` swaps the writer's pronouns; ``families_valence`` tells painful feelings from happy ones."""
        self._perspective = perspective
        self._valence = families_valence
        # Cue kinds whose clause is no situation to say back ("I'm fine", "I'm sorry", "I've never told anyone"):
        # cue_kinds.jsonl's says_back
        self._not_situations = frozenset(k.kind for k in rules.rows("cue_kinds") if not k.says_back)
        # Words the situation and lexicon rows know ("funeral", "tax"): one of these opening a sentence has its
        # capital from the sentence ("Funeral is Saturday"), not from a name, and is said back in lower case. (Not
        # the word classes: they hold chat words that are also names, "mia".)
        self.rule_words = frozenset(
            w for r in (*rules.rows("situations"), *rules.rows("lexicon"))
            for w in r.phrase.lower().replace("~", "").split() if w.isalpha()
        )
        # Word classes described in rules/wordclasses_grammar.jsonl.
        self._connectors = rules.word_class("situation_connectors")
        self._copulas = rules.word_class("copula_words")
        self._not_past_ed = rules.word_class("not_past_ed")
        self._lead_ins = rules.word_class("situation_lead_ins")
        self._lead_in_ends = rules.word_class("situation_lead_in_ends")
        self._lead_drop = rules.word_class("lead_ins") | rules.word_class("subject_openers")
        self._subjects = rules.word_class("clause_subjects")
        self._laughter = rules.word_class("laughter")
        self._breaks = rules.word_class("gist_breaks")
        self._upcoming = rules.word_class("time_upcoming")
        self._past = rules.word_class("time_past")
        self._ongoing = rules.word_class("time_ongoing")
        # the same classes found by first word in the runs of up to three words time() reads
        self._upcoming_in, self._past_in, self._ongoing_in = (
            PhraseSet(self._upcoming, 3), PhraseSet(self._past, 3), PhraseSet(self._ongoing, 3)
        )  # fmt: skip
        self._we_markers = rules.word_class("we_other_markers")
        self._we_groups = rules.word_class("we_group_words")
        self._dangling = rules.word_class("gist_dangling_ends")
        self._postposed = rules.word_class("postposed_time")  # "ago": a time word said after its span
        self._spans = rules.word_class("time_spans")  # "three years", "a couple of weeks", "a while"
        self._modifiers = rules.word_class("transparent_modifiers")
        self._adverbs = rules.word_class("subject_adverbs")
        self._plural_verbs = rules.word_class("plural_verbs")
        self._shouted_words = rules.word_class("shouted_short_words")
        self._plural_subjects = rules.word_class("plural_subjects")
        # someone close: family, partners, kids, friends (not bosses or coworkers: "I'm so happy for your boss")
        self._people = frozenset().union(
            *(rules.word_class(c) for c in ("person", "family_member", "partner", "kid", "sibling"))
        ) - rules.word_class("work_person")
        self._pets = rules.word_class("pet")
        self._np_modifiers = rules.word_class("np_modifiers")
        self._body = rules.word_class("bodypart") | rules.word_class("nerve_body")
        self._workers = rules.word_class("work_person") | rules.word_class("boss")
        self._locatives = rules.word_class("locative_preps")
        self._aux = rules.word_class("aux_openers")
        self._hypothetical = rules.word_class("hypothetical_marks")
        self._spellings = dict(pair.split("=", 1) for pair in rules.word_class("chat_spellings") if "=" in pair)
        self._said = {w for w in rules.word_class("said_told_me") if " " not in w}
        # base forms of the irregular verbs and the auxiliaries: a gist ending on one lacks what it is about
        self._bare_verbs = {r.base for r in rules.rows("inflections")} | rules.word_class("aux_openers")
        self._contrast = rules.word_class("contrast_words")
        # Words that show a clause has a verb ("your oldest friend" says nothing happened): auxiliaries, the
        # irregular verbs of inflections.jsonl, and past-time verbs; "-ed" and "-ing" forms are read off the word.
        self._verbs = (
            rules.word_class("subject_followers")
            | rules.word_class("aux_openers")
            | rules.word_class("time_past")
            | {r.base for r in rules.rows("inflections")}
            | {f for r in rules.rows("inflections") for f in r.forms}
        )

    # --- time --------------------------------------------------------------------------------------------
    def time(self, analyzed: AnalyzedDoc, main: _Mention | None) -> str | None:
        """``upcoming``, ``past`` or ``ongoing`` for the focus sentence (the main feeling's, or the whole message)."""
        norms = analyzed.norms
        words = sentence_of(norms, analyzed.sentence_ids, main.start) if main is not None else list(norms)
        if self._upcoming_in.found(words):  # the runs of up to three words that are in each class
            return "upcoming"
        past = len(self._past_in.found(words))
        past += sum(
            1
            for k, w in enumerate(words)
            if len(w) > 4
            and w.endswith("ed")
            and w not in self._not_past_ed
            and (k == 0 or words[k - 1] not in self._copulas)
        )
        ongoing = len(self._ongoing_in.found(words))
        if past > ongoing:
            return "past"
        if ongoing:
            return "ongoing"
        return "past" if past else None

    # --- the thing and the someone: a short noun phrase after the writer's possessive -------------------------
    def noun_phrases(self, analyzed: AnalyzedDoc, main: _Mention | None) -> tuple[str | None, str | None]:
        """(thing, someone): "my brother's graduation" -> "your brother's graduation"; "my little brother" ->
        "your little brother". The phrase nearest the main feeling (or in its matched situation) comes first."""
        norms = analyzed.norms
        n = len(norms)
        anchor = main.start if main is not None else 0
        sentence = analyzed.sentence_ids[anchor] if main is not None and n else None
        starts = [
            i for i in range(n)
            if norms[i] in ("my", "our") and (sentence is None or analyzed.sentence_ids[i] == sentence)
        ]  # fmt: skip
        starts.sort(key=lambda i: abs(i - anchor))
        thing = someone = None
        for i in starts:
            j, words = i + 1, 0
            while j < n and words < 3:
                w = norms[j]
                if w == "'s" and j > i + 1:  # "my brother's graduation"
                    if main is not None and main.start < j < main.end and "~be " in main.rule.phrase:
                        break  # "my sister's pregnant": the "'s" is "is", read so by the event's "~be"
                    j += 1
                    continue
                if not w[:1].isalnum() or w in self._breaks or w in self._verbs or w in self._dangling:
                    break
                if w in self._modifiers or (j > i + 1 and (w in self._adverbs or (w.endswith("ed") and len(w) > 4))):
                    break  # "my director | literally said", "my boss | called my work lazy": an adverb or a past
                    # verb after the phrase's first word ends the noun phrase ("I'm so sorry about your boss called")
                if j + 1 < n and not analyzed.doc[j].whitespace_ and norms[j + 1][:1] in "-\u2010\u2011":
                    words = 0  # "my co-worker": a hyphenated word is not cut, and not said back in part
                    break
                j += 1
                words += 1
            ends_clean = (
                j >= n or not norms[j][:1].isalnum() or norms[j] in self._breaks or norms[j] in self._verbs
                or norms[j] in self._modifiers
            )  # fmt: skip
            if words == 3 and not ends_clean:
                j, words = j - 1, 2  # "my new job | starts monday": the last word was the verb
            if words == 0 or norms[j - 1] == "'s" or norms[j - 1] in self._np_modifiers:
                continue  # "my favorite | shows": a phrase cut after its adjective says nothing
            if any(m.emotion.source == "lexicon" and m.start < j and i < m.end for m in analyzed.mentions):
                continue  # "my heart sank", "losing my mind" name a feeling, not a thing
            if i > 0 and norms[i - 1] in self._locatives:
                continue  # "crying at my desk": where it happened, not what it is about ("so sorry about your desk")
            head = norms[j - 1]
            if head in _IDIOM_HEADS and j - i == 2:
                continue  # "the best burrito of my life", "lost my mind": an idiom, no thing to be happy about
            if head in self._workers:
                continue  # "my boss": neither a thing to be happy about nor someone close
            text = self._perspective.reflect_tokens(analyzed.doc, i, j, overrides=self._we_overrides(analyzed, i, j))
            text = text[0].lower() + text[1:]
            if "'s" in norms[i:j] and someone is None and (i == 0 or norms[i - 1] in self._lead_drop or (
                analyzed.sentence_ids[i - 1] != analyzed.sentence_ids[i]
            )):  # "my brother's graduation": the brother is someone too
                k = norms.index("'s", i)
                if k > i + 1 and norms[k - 1] in self._people:
                    owner = self._perspective.reflect_tokens(analyzed.doc, i, k)
                    someone = owner[0].lower() + owner[1:]
            opens = i == 0 or analyzed.sentence_ids[i - 1] != analyzed.sentence_ids[i] or i in analyzed.boundaries or (
                i - 1 in analyzed.boundaries
            ) or norms[i - 1] in self._lead_drop
            joint = j + 1 < n and norms[j] == "and" and norms[j + 1] in ("i", "me")
            if any(w in self._body for w in norms[i + 1 : j]) or joint:
                continue  # "my hands are sweaty" is no thing to be nervous about; "my sister and I" are "you two"
            for_me = any(w in ("me", "us") for w in norms[j : j + 6])  # "my friend gave me a gift": not their news
            if (head in self._people or head in self._pets) and opens and not for_me:
                someone = someone or text  # "my little brother got in": the news is about them
            elif head in self._people or head in self._pets:
                continue  # "I got an offer and my parents are thrilled", "my friend gave me ...": not their news
            elif norms[i + 1 : j - 1] and any(w in self._people for w in norms[i + 1 : j]) and "'s" not in norms[i:j]:
                continue  # "my sister wedding" without the 's: no clean phrase
            else:
                thing = thing or text
            if thing and someone:
                break
        return thing, someone

    # --- situation ---------------------------------------------------------------------------------------
    def situation(self, analyzed: AnalyzedDoc, main: _Mention | None) -> str | None:
        """The specific thing, in the listener's words and at most ``MAX_ECHO`` words; None when none fits."""
        doc, sentence_ids, bounds = analyzed.doc, analyzed.sentence_ids, analyzed.boundaries
        n = len(doc)
        spans: list[tuple[int, int]] = []  # clauses: runs of tokens between boundaries, within a sentence
        start = 0
        for i in range(n + 1):
            if i == n or i in bounds or (i > start and sentence_ids[i] != sentence_ids[i - 1]):
                if i > start:
                    spans.append((start, i))
                start = i + 1 if i < n and i in bounds else i
        starts = [sp[0] for sp in spans]

        def clause(i: int) -> tuple[int, int]:
            k = bisect_right(starts, i) - 1
            return spans[k] if k >= 0 and spans[k][0] <= i < spans[k][1] else (i, i)

        # (clause start, clause end, core start, core end): the core is a matched situation that must be kept
        candidates: list[tuple[int, int, int, int]] = []
        if main is not None and main.emotion.source == "situation":
            candidates.append((*clause(main.start), main.start, main.end))
        clauses_too = main is None or main.emotion.source != "situation"  # a matched event is said as itself,
        # or not at all: never a neighbouring clause instead ("ran my first 10k ... and im literally shaking" is no
        # "I'm so proud that you're literally shaking right now!")
        if main is not None and clauses_too:
            # "I'm upset because you forgot my birthday": the clause after the connector.
            for i in range(main.end, n):
                if sentence_ids[i] != sentence_ids[main.start]:
                    break
                if analyzed.norms[i] in self._connectors and i + 1 < n:
                    s, e = clause(i + 1)
                    candidates.append((s, e, s, s))
                    break
        same = [m for m in analyzed.mentions if m.emotion.source == "situation" and m is not main]
        if main is not None:  # a situation of the feeling's own sentence first: each sentence keeps its own
            same.sort(key=lambda m: (sentence_ids[m.start] != sentence_ids[main.start], m.start))
        for m in same:
            candidates.append((*clause(m.start), m.start, m.end))
        anchor = main.start if main is not None else 0
        if main is None:  # no feeling to anchor on: the message's opening clause
            near = spans[:1]
        else:  # the feeling's sentence first; a neighbouring sentence only for a painful feeling
            reach = 1 if self._valence.get(main.emotion.family, 0.0) < 0 else 0
            near = [sp for sp in spans if abs(sentence_ids[sp[0]] - sentence_ids[main.start]) <= reach]
        at = sentence_ids[anchor]
        if not clauses_too:  # only the event's own clause, cut from its start ("your boss yelled at you in ...")
            near = [sp for sp in near if main is not None and sp[0] <= main.start < sp[1]]
        for s, e in sorted(near, key=lambda span: (abs(sentence_ids[span[0]] - at), abs(span[0] - anchor))):
            if main is not None and self._across_contrast(analyzed, s, e, main):
                continue  # "sad to see it go but we needed the space": the other side of a "but" is no cause
            if self._only_a_place(analyzed, s, e):
                continue  # "... while i was at my desk": where it happened, not what happened
            if "?" in sentence_of(analyzed.norms, analyzed.sentence_ids, s):
                continue  # "do we have any batteries?": a question, not an event ("It sounds like you two have ...")
            clause_words = analyzed.norms[s:e]
            if any(w in self._hypothetical for w in clause_words) and not any(w in self._said for w in clause_words):
                continue  # "thought i'd be fine": a guess, not an event ("I'm so sorry that you'd be fine"); a
                # promise recalled ("you said you'd be home by 7") is one
            candidates.append((s, e, s, s))
        for s, e, cs, ce in candidates:
            text = self._say(analyzed, s, e, cs, ce)
            if text:
                return text
        return None

    def _spell_out(self, text: str) -> str:
        """Chat spellings said back in full (``chat_spellings``: "thru=through"); fillers ("tbh=") are dropped."""
        out = []
        for word in text.split(" "):
            core = word.rstrip(",.!?")
            full = self._spellings.get(core.lower())
            if full is None:
                out.append(word)
            elif full:
                out.append(full + word[len(core):])
        return " ".join(out)

    def _only_a_place(self, analyzed: AnalyzedDoc, s: int, e: int) -> bool:
        """A clause that only says where someone was or what was going on around it: a form of "be" right before
        a preposition of place ("i was at my desk") or an -ing verb ("he was recovering", "i was walking")."""
        norms = analyzed.norms
        going_on = any(
            norms[k] in self._aux and len(norms[k + 1]) > 4 and norms[k + 1].endswith("ing") for k in range(s, e - 1)
        )
        if going_on:
            return True
        return any(
            norms[k] in self._aux and norms[k + 1] in self._locatives and not any(
                norms[j] in self._verbs and norms[j] not in self._aux for j in range(s, e)
            )
            for k in range(s, e - 1)
        )

    def _across_contrast(self, analyzed: AnalyzedDoc, s: int, e: int, main: _Mention) -> bool:
        """Whether a contrast word ("but", "though") stands between the span and the feeling, in the feeling's sentence.
        """
        sentence_ids, norms = analyzed.sentence_ids, analyzed.norms
        if sentence_ids[s] != sentence_ids[main.start]:
            return False
        lo, hi = (e, main.start) if e <= main.start else (main.end, s + 1)
        return any(norms[k] in self._contrast for k in range(max(0, lo - 1), min(hi, len(norms))))

    def _has_verb(self, words: Sequence[str]) -> bool:
        return any(
            w in self._verbs or (len(w) > 4 and (w.endswith("ed") or w.endswith("ing"))) for w in words[1:]
        )

    def _trim(self, analyzed: AnalyzedDoc, s: int, e: int) -> tuple[int, int]:
        """The span without lead-ins, punctuation and laughter at its ends ("it feels like you don't even notice" ->
        "you don't even notice")."""
        norms = analyzed.norms
        while s < e and (norms[s] in self._lead_drop or not norms[s][:1].isalnum()):
            s += 1
        # "it feels like you don't even notice" -> "you don't even notice"; "I feel like ..." is kept, since
        # saying back "you're failing as a parent" would state the writer's fear as a fact.
        j = s if s < e and norms[s] != "i" else e
        while j < e and norms[j] in self._lead_ins:
            j += 1
            if norms[j - 1] in self._lead_in_ends and j < e and norms[j] not in self._lead_in_ends:
                s = j
                break
        while e > s and (not norms[e - 1][:1].isalnum() or norms[e - 1] in self._laughter):
            e -= 1
        return s, e

    def _words(self, analyzed: AnalyzedDoc, s: int, e: int) -> int:
        return sum(1 for w in analyzed.norms[s:e] if w[:1].isalnum() and "'" not in w)

    def _cut(self, analyzed: AnalyzedDoc, s: int, e: int, keep_to: int) -> int | None:
        """The end of the shortest prefix of ``s:e`` (three words or more, within MAX_ECHO) that ends before a break
        word: "he passed away | this time last year", "you got a great gift | in the mail"."""
        if self._words(analyzed, s, e) <= MAX_ECHO:
            return e
        norms = analyzed.norms
        best = None
        for j in range(max(s + _MIN_WORDS + 1, keep_to), e):
            if self._words(analyzed, s, j) > MAX_ECHO:
                break
            before = norms[j - 1]
            doc = analyzed.doc
            if doc[j].text[:1].isupper() and doc[j - 1].text[:1].isupper() and j - 1 > s:
                continue  # "In The Air Tonight": not cut inside a title or a name
            if norms[j] in self._breaks and before[:1].isalnum() and before not in self._breaks:
                if before in self._verbs or before.endswith("ed"):
                    continue  # "your brother got | into med school": a verb cut from what it is about
                if self._words(analyzed, s, j) >= _MIN_WORDS + 1:
                    best = j
                    break
        if best is None and keep_to > s and self._words(analyzed, s, keep_to) <= MAX_ECHO:
            best = keep_to
        return best

    def _say(self, analyzed: AnalyzedDoc, s: int, e: int, cs: int, ce: int) -> str | None:
        """The clause from ``s`` to ``e`` said back in the listener's words, or None when it would not read well: too
        long, cut mid-phrase, with no subject or verb, a feeling or a cue, a condition (``cs``..``ce``: the matched
        situation inside it)."""
        norms = analyzed.norms
        s, e = self._trim(analyzed, s, e)
        if s >= e:
            return None
        if cs > s and ce > cs and self._words(analyzed, s, ce) > MAX_ECHO:
            s, e = self._trim(analyzed, cs, max(ce, min(e, cs + MAX_ECHO)))  # the matched situation alone
            if s >= e:
                return None
        end = self._cut(analyzed, s, e, ce if ce > s else s)
        if end is None:
            return None
        e = end
        while e > s and norms[e - 1] in self._breaks:
            e -= 1
        if e < len(norms) and norms[e] in self._postposed:
            while e > s and (norms[e - 1] in self._spans or norms[e - 1].isdigit()):
                e -= 1  # "your dad died three years | ago": the span goes with its "ago", not "died three years"
        if e > s and norms[e - 1] in self._dangling:
            return None  # "your coworker took credit for your": cut in the middle of what matters
        if e < len(norms) and not analyzed.doc[e - 1].whitespace_ and norms[e][:1] in "-\u2010\u2011":
            return None  # "they're having an all | -hands": never cut inside a hyphenated word
        if e - s > 2 and norms[e - 1] in self._bare_verbs:
            return None  # "so you even wear": a verb cut from its object
        sentence_start = s == 0 or analyzed.sentence_ids[s - 1] != analyzed.sentence_ids[s]
        named = (
            norms[s] not in self._subjects and analyzed.doc[s].text[:1].isupper() and s + 1 < e
            and norms[s + 1] in self._verbs and not (sentence_start and norms[s] in self.rule_words)
        )  # fmt: skip
        if self._words(analyzed, s, e) < _MIN_WORDS + 1 or (norms[s] not in self._subjects and not named):
            return None  # a clause said back starts with its subject: a pronoun, a determiner or a name
        words = norms[s:e]
        if any("?" in w for w in words) or _OBLIGATION.search(" ".join(words)) or not self._has_verb(words):
            return None
        if s > 0 and norms[s - 1] == "if":
            return None  # "what if they hate me" is a fear, not what happened
        if s > 0 and norms[s - 1] in ("and", "&") and any(w in self._plural_verbs for w in words[1:4]):
            opens = s - 1  # back to where this clause opens: the sentence start, a comma or "that", "because", ...
            while (
                opens > 0 and analyzed.sentence_ids[opens - 1] == analyzed.sentence_ids[s]
                and norms[opens - 1] not in self._connectors and norms[opens - 1][:1].isalnum()
            ):  # fmt: skip
                opens -= 1
            if norms[s] not in self._plural_subjects and not self._has_verb(norms[opens : s - 1]):
                return None  # "my dad and | my brother are fighting": half of a subject, with its plural verb
        if any(
            m.emotion.source == "lexicon" and m.emotion.experiencer != "other" and s <= m.start < e
            for m in analyzed.mentions
        ):
            return None  # a clause naming a feeling ("I'm not angry") is no situation to say back
        cues = analyzed.hits.get("cues", ())
        if any(h.start < e and s < h.end and h.rule.kind in self._not_situations for h in cues):
            return None  # nor one that is a cue ("I'm fine", "I'm sorry", "I've never told anyone")
        overrides = self._we_overrides(analyzed, s, e)
        text = self._perspective.reflect_tokens(analyzed.doc, s, e, overrides=overrides)
        text = _REPEATED_WORD.sub(r"\1", text)  # "went the the beach" -> "went the beach"
        text = _unshout(text, self._shouted_words)  # "NOBODY TOLD ME" is said back as "nobody told you", not shouted
        text = self._spell_out(text)  # "scrolling thru old photos" -> "scrolling through old photos"
        first = text.split(" ", 1)[0]
        if named or first == "I" or first.startswith(("I'", "I\u2019")):
            return text  # a name keeps its capital
        return text[0].lower() + text[1:]

    def _we_overrides(self, analyzed: AnalyzedDoc, s: int, e: int) -> dict[int, str] | None:
        """Token replacements for "we"/"our" in ``s:e`` when the message shows "we" is the writer and another."""
        norms = analyzed.norms
        if not any(norms[i] in _WE_OTHERS for i in range(s, e)):
            return None
        grams = word_grams(norms, 3)
        if "you and i" in grams or "me and you" in grams or "you and me" in grams or not grams & self._we_markers:
            return None
        out: dict[int, str] = {}
        many = bool(grams & self._we_groups)  # "we won regionals ... the team": "you all", not "you two"
        for i in range(s, e):
            w = norms[i]
            if w in _WE_OTHERS:
                out[i] = _WE_OTHERS[w].replace("you two", "you all") if many else _WE_OTHERS[w]
                if w == "we" and i + 1 < e and analyzed.doc[i + 1].text.lower() in _WE_CONTRACTED:
                    out[i + 1] = " " + _WE_CONTRACTED[analyzed.doc[i + 1].text.lower()]
        return out


