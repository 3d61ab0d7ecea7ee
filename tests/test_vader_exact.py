"""listenwell's VADER (src/listenwell/_vader.py) gives exactly the package's polarity_scores, and falls back to it."""

from __future__ import annotations

import csv
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment import vaderSentiment as vs

from listenwell import _vader
from tests.evaldata import evaldata

PACKAGE = vs.SentimentIntensityAnalyzer()
FAST = _vader.make_analyzer()
mirrored = pytest.mark.skipif(
    not isinstance(FAST, _vader.FastVader),
    reason=f"installed vaderSentiment {_vader.installed_version()} is not {_vader.MIRRORED_VERSION}: fallback in use",
)


def same(text: str) -> None:
    # repr: identical floats, keys and key order, not merely equal values
    assert repr(FAST.polarity_scores(text)) == repr(PACKAGE.polarity_scores(text)), text


EDGE_CASES = [
    "", " ", "\n\t ", "!!!", "???", "?", "??", ":)", ":-(", "a", "good", "GOOD", "GOOD!!!", "not good",
    "Not bad at all",    "VADER is smart, handsome, and funny.", "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.", "The book was only kind of good.", "The book was kind of good",
    "kind of", "kind", "it was kind of sort of good", "kinda sorta good", "just enough good",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!", "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as \U0001f498 and \U0001f48b and \U0001f601", "\U0001f601\U0001f601\U0001f601",
    "x\U0001f601y", " \U0001f601 ", "\U0001f601", "\u00a9 \u00ae\u00a9", "\u263a\ufe0f ok", "\u2764 love \u2764\u2764",
    "Sentiment analysis has never been good.", "Sentiment analysis has never been this good!",
    "Most automated sentiment analysis tools are shit.", "With VADER, sentiment analysis is the shit!",
    "Other sentiment analysis tools can be quite bad.", "On the other hand, VADER is quite bad ass",
    "VADER is such a badass!", "Without a doubt, excellent idea.", "Without a doubt, an excellent idea.",
    "Roger Dodger is one of the most compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "Roger Dodger is one of the least compelling variations on this theme.", "least good", "very least good",
    "the very least good thing", "Not such a badass after all.", "no good", "no", "no no no", "no or nor bad",
    "no way good", "no problem at all", "it is the bomb", "yeah right great", "kiss of death good",
    "this is to die for", "my beating heart", "a bus stop good", "cut the mustard", "never so good",
    "never this bad", "so good", "this good", "so this good", "without doubt good", "without any doubt good",
    "I don't love you", "I dont hate it", "I can't stand it", "isn't it great", "I aint happy", "uh-uh good",
    "rarely good", "seldom bad", "despite good reviews", "good but", "but good", "but", "BUT good",
    "good good but good good", "good bad but bad good but good", "good but good but good",
    "great, but not great, but GREAT", "I love it but I hate it", "happy sad happy sad but sad happy",
    "HAPPY happy", "HAPPY HAPPY", "VERY happy", "very HAPPY", "VERY very happy", "Extremely good",
    "EXTREMELY bad", "hardly good", "barely bad", "It was ok. Really? Really??", "what?!?!", "wow!!!!!!!",
    "I am so sad :( but my dog :) makes it better!!", "\u201cgood\u201d \u2018bad\u2019", "good\u2019s",
    "'good'", "...good...", "--", "-- good --", "I'm fine. Whatever.", "LOL", "lol lol", "ugh...",
    "\u0130stanbul is GREAT", "stra\u00dfe good", "caf\u00e9 good", "\u00c9NORME good",
    "good\u00a0bad\u2003nice", "good\nbad\r\nnice\tfine", "  leading and trailing spaces good  ",
    "I'm not angry, just really tired", "I've been so stressed at work and it feels like you don't even notice",
]  # fmt: skip


@mirrored
@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases(text: str) -> None:
    same(text)


def _rows() -> Iterator[str]:
    folder = evaldata()
    if folder is None:
        pytest.skip("shared/evaldata not found (set LISTENWELL_EVALDATA)")
    with open(folder / "vader_tweets_GroundTruth.txt", encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n").split("\t")[2]
    with open(folder / "empathetic_dialogues_dev.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield row["text"]
    with open(folder / "goemotions_dev.tsv", encoding="utf-8") as f:
        for line in f:
            yield line.split("\t", 1)[0]


@mirrored
def test_all_evaluation_data() -> None:
    rows = list(_rows())
    assert len(rows) > 10_000
    differ = [t for t in rows if repr(FAST.polarity_scores(t)) != repr(PACKAGE.polarity_scores(t))]
    assert differ == []


# Words that trigger every rule: boosters, dampeners, negations, "no", "least", "but", idioms and special cases,
# caps, contractions, emoticons, emoji (including the two Latin-1 ones and ones that sit next to words).
_VOCAB = sorted(
    {
        "good", "bad", "great", "love", "hate", "sad", "happy", "ok", "fine", "nice", "horrible", "no", "not",
        "never", "so", "this", "without", "doubt", "least", "at", "very", "but", "kind", "of", "sort", "just",
        "enough", "or", "nor", "the", "shit", "bomb", "ass", "yeah", "right", "kiss", "death", "to", "die",
        "for", "beating", "heart", "bus", "stop", "cut", "mustard", "isn't", "don't", "cant", "uh-uh", "really",
        "kinda", "sorta", "barely", "extremely", "friggin", "uber", "lol", ":)", ":(", ":D", ":-)", "<3",
        "\U0001f601", "\U0001f622", "\u00a9", "\u2764", "\u263a\ufe0f", "a", "it", "was", "I", "you",
    }
    | set(vs.BOOSTER_DICT)
    | set(vs.NEGATE)
)  # fmt: skip
_WORD = st.sampled_from(_VOCAB).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()]))
_PUNCT = st.sampled_from(["", "", "", "!", "?", "!!", "??", "!?", ".", ",", "...", "'", '"', "-", "!!!!!", "????"])
_SEP = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "", "\u00a0"])
_TOKEN = st.tuples(_PUNCT, _WORD, _PUNCT, _SEP).map("".join)
MESSAGES = st.lists(_TOKEN, max_size=30).map("".join)


@mirrored
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MESSAGES)
def test_fuzzed_messages(text: str) -> None:
    same(text)


@mirrored
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_fuzzed_unicode(text: str) -> None:
    same(text)


@mirrored
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["good", "bad", "but", "no", "0", "great", "GOOD", "sad", "happy"]), max_size=25))
def test_fuzzed_but_with_repeated_values(words: list[str]) -> None:
    same(" ".join(words))  # "but" rescales the first position with an equal value, whichever it is


def test_falls_back_to_the_package_on_another_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_vader, "installed_version", lambda: "3.3.3")
    assert isinstance(_vader.make_analyzer(), vs.SentimentIntensityAnalyzer)
    assert isinstance(_vader.make_analyzer(fast=False), vs.SentimentIntensityAnalyzer)


def test_the_listener_uses_it() -> None:
    import listenwell

    vader = listenwell.default_listener()._analyzer._vader
    assert type(vader) is type(FAST)
