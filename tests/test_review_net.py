"""The learned review (rules/review/terms.jsonl): a roadblock in a draft sentence no rule read. Drafts and messages
here were written for these tests (none is taken from benchmarks/data)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import listenwell
from listenwell._learned import BIAS, MARGINS, REVIEW_CLASSES, ReviewNet

KINDS = REVIEW_CLASSES[1:]


def _w(**leads: float) -> tuple[float, ...]:
    """Weights with ``none`` at 0 and the given kinds' leads."""
    return (0.0, *(leads.get(k, 0.0) for k in KINDS))


def _net(weights: dict[str, tuple[float, ...]], margin: float = 2.0) -> ReviewNet:
    return ReviewNet([(t, *w) for t, w in weights.items()], margin)


def test_the_terms_alone_must_reach_the_margin() -> None:
    net = _net({BIAS: _w(advice=50.0), "zebra": _w(advice=1.5), "giraffe": _w(advice=1.0, judging=0.4)})
    assert net.read({"zebra"}) is None  # 1.5 < 2: the intercept's 50 is never added
    reading = net.read({"zebra", "giraffe", "unknown"})
    assert reading is not None and reading.kind == "advice" and reading.lead == pytest.approx(2.5)
    assert reading.terms == ("zebra", "giraffe")
    assert net.read({"unknown"}) is None and not _net({})


def test_each_kind_has_its_own_margin_and_kinds_can_be_left_out() -> None:
    margins = (MARGINS, 0.0, *(99.0 if k != "contempt" else 1.0 for k in KINDS))
    net = ReviewNet([("violin", *_w(contempt=1.2, judging=5.0)), margins])
    reading = net.read({"violin"})
    assert reading is not None and reading.kind == "contempt"  # judging leads more, but not past its margin
    assert net.read({"violin"}, off={"contempt"}) is None


def test_the_reading_does_not_depend_on_the_order_of_the_features() -> None:
    net = _net({"a b": _w(dismissive=1.0), "c": _w(dismissive=1.0), "d": _w(dismissive=1.0)})
    assert net.read(["a b", "c", "d"]) == net.read(["d", "c", "a b"])


def test_the_shipped_table_has_margins_for_every_kind() -> None:
    table = listenwell.Listener().rules.tables["review_terms"]
    row = table[MARGINS]
    margins = [getattr(row, k) for k in KINDS]
    assert all(m >= 1.0 for m in margins) and any(m < 99 for m in margins)
    assert BIAS in table and len(table) > 1000


# --- where the review reads it: a net that flags one made-up word, put into a Listener's reviewer --------------


@pytest.fixture(scope="module")
def zebra() -> Iterator[listenwell.Listener]:
    listener = listenwell.Listener()
    with listener._zone(review=True):
        reviewer = listener._reviewer
        assert reviewer is not None
        shipped = reviewer._net
        reviewer._net = ReviewNet(
            [("zebra", *_w(advice=5.0)), ("yak", *_w(defensive=5.0)), ("okapi", *_w(contempt=5.0))], 2.0
        )
    yield listener
    reviewer._net = shipped


def _learned(listener: listenwell.Listener, draft: str, message: str | None = None) -> list[str]:
    return [f.kind for f in listener.review(draft, message=message).flags if f.rule.startswith("learned.")]


@pytest.mark.parametrize(
    ("message", "draft", "kinds"),
    [
        (None, "the zebra is in the kitchen.", ["advice"]),
        (None, "i saw that. the zebra is in the kitchen.", ["advice"]),
        (None, "is the zebra in the kitchen?", []),  # a question: the rules' to read
        (None, "did you see the zebra in the kitchen", []),  # one without its mark
        (None, "you said the zebra is in the kitchen.", []),  # their own words said back
        (None, "Mm-hmm.", []),
        (
            None,
            "the zebra that we saw in the kitchen yesterday afternoon was eating all of the apples from the big bowl.",
            [],
        ),  # longer than any sentence it learned from
        ("you forgot to feed the cat", "the yak ate first.", ["defensive"]),  # to a complaint about the listener
        ("you forgot to feed the cat", "the yak ate first. my bad, i'm sorry.", []),  # owned
        ("the cat is finally eating again", "the yak ate first.", []),  # no complaint: no defence
        (None, "the yak ate first.", []),
        ("my bike got a flat on the way to work", "what an okapi.", ["contempt"]),
        ("I GOT INTO THE PROGRAM!!", "what an okapi.", []),  # praise to good news
        (None, "what an okapi.", []),
        (None, "you should really take the zebra to the vet.", []),  # the rules flag it: no second flag
    ],
)
def test_the_net_reads_only_statements_no_rule_flagged(
    zebra: listenwell.Listener, message: str | None, draft: str, kinds: list[str]
) -> None:
    assert _learned(zebra, draft, message) == kinds


def test_a_sentence_a_rule_flagged_keeps_the_rules_flag(zebra: listenwell.Listener) -> None:
    flags = zebra.review("you should really take the zebra to the vet.").flags
    assert [f.kind for f in flags] == ["advice"] and not flags[0].rule.startswith("learned.")


# --- the shipped table -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "draft", "kind"),
    [
        ("my team lost the final", "the tragedy of it all. somebody fetch a violin", "contempt"),
    ],
)
def test_the_shipped_net_reads_what_no_rule_names(message: str, draft: str, kind: str) -> None:
    flags = listenwell.review(draft, message=message).flags
    assert [f.kind for f in flags] == [kind]
    assert flags[0].rule.startswith(f"learned.{kind}[") and flags[0].suggestion


@pytest.mark.parametrize(
    ("message", "draft"),
    [
        ("i finished the quilt for grandma!!", "WOW. that is a serious quilt. how long did the corners take?"),
        ("you forgot to pick up the dry cleaning", "i did, and that's on me. i'll grab it on my lunch tomorrow."),
        ("the vet says the dog needs surgery", "oh no. that's a lot to take in. i'm here."),
        (None, "That's a huge amount to get through in one week."),
    ],
)
def test_the_shipped_net_leaves_good_drafts_alone(message: str | None, draft: str) -> None:
    assert not [f.rule for f in listenwell.review(draft, message=message).flags if f.rule.startswith("learned.")]
