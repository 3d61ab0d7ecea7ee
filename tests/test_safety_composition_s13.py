"""Property tests for the crisis constructions composed in issue 8, session 13: each is built from concept classes
(a settled time + not being here, sleep + not waking, an urge to harm + fear of oneself, violence heard now, control,
an injury's cover story, a reassurance + an arrangement), so any combination of their parts is read the same way,
and the look-alike of each kind stays out.

Every sentence here is built by the test from small lists of parts written for it; none is taken from a suite."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import listenwell


def _crisis(text: str) -> tuple[str, str | None, list[str]]:
    r = listenwell.listen(text)
    crises = [c for c in r.analysis.cues if c.kind == "crisis"]
    return r.mode, (crises[0].about if crises else None), [c.rule for c in r.analysis.cues]


TIME_I = ["it's time i", "maybe its time i", "honestly i think it's time i", "about time i"]
GONE = ["wasn't around anymore", "stopped taking up space", "checked out for good", "wasn't here any more"]
WISH = ["would be so nice to just", "i'd give anything to", "maybe i should just"]
CEASE = ["stop existing", "stop taking up space on this planet", "disappear for good", "not wake up"]
SLEEP = ["i want to go to sleep and", "wish i could fall asleep and", "gonna close my eyes and"]
NEVER = ["not bother waking up", "just stay that way", "never have to deal with any of it again"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(TIME_I), st.sampled_from(GONE))
def test_a_settled_time_for_not_being_here_is_self_harm(time_i: str, gone: str) -> None:
    mode, about, rules = _crisis(f"{time_i} {gone}")
    assert (mode, about) == ("safety", "self_harm"), rules


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(WISH), st.sampled_from(CEASE))
def test_a_wish_to_stop_being_is_self_harm(wish: str, cease: str) -> None:
    mode, about, rules = _crisis(f"{wish} {cease}")
    assert (mode, about) == ("safety", "self_harm"), rules


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(SLEEP), st.sampled_from(NEVER))
def test_sleep_that_is_not_to_end_is_self_harm(sleep: str, never: str) -> None:
    mode, about, rules = _crisis(f"{sleep} {never}")
    assert (mode, about) == ("safety", "self_harm"), rules


URGE = ["i keep wanting to hurt", "i get this urge to grab", "i have thoughts of hurting", "i want to hit"]
TARGET = ["her", "him", "my son", "the baby"]
FEAR_SELF = ["i almost did last night", "i'm scared of myself", "i don't trust myself", "it's getting harder to stop"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(URGE), st.sampled_from(TARGET), st.sampled_from(FEAR_SELF))
def test_an_urge_to_harm_told_with_fear_of_oneself_is_harm_to_others(urge: str, target: str, fear: str) -> None:
    mode, about, rules = _crisis(f"{urge} {target}. {fear}")
    assert (mode, about) == ("safety", "harm_to_others"), rules


HEAR = ["i can hear", "i just heard", "omg i can hear"]
SOUND = ["something slam into the wall next door", "her scream stop you're hurting me", "him kicking the door in"]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(HEAR), st.sampled_from(SOUND))
def test_violence_heard_now_is_someone_else_at_risk(hear: str, sound: str) -> None:
    mode, about, rules = _crisis(f"{hear} {sound}")
    assert (mode, about) == ("safety", "other_at_risk"), rules


WHO = ["he says", "she says", "my husband says"]
FORBIDDEN = ["i can't see my family anymore", "i'm not allowed to work", "i can't have my own money",
             "i'm not allowed to talk to my sister"]  # fmt: skip


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(WHO), st.sampled_from(FORBIDDEN))
def test_what_the_writer_may_not_do_is_control(who: str, forbidden: str) -> None:
    mode, about, rules = _crisis(f"{who} {forbidden}")
    assert (mode, about) == ("safety", "abuse"), rules


@pytest.mark.parametrize(
    ("message", "mode", "about"),
    [
        # an injury's cover story undone
        ("the bruise wasn't from the door. it was him", "safety", "abuse"),
        ("the black eye wasnt from the cabinet, he did it", "safety", "abuse"),
        ("the bruise wasn't from the door, it was from rugby", "reflect", None),
        # a reassurance beside an arrangement for after
        ("im fine dont worry. just gave my sister all my passwords", "safety", "self_harm"),
        ("all good! left my ring and my letters in the drawer for you", "safety", "self_harm"),
        ("im fine dont worry, just gave my sister my netflix password", "reflect", None),
        # arrangements that make sense only for after
        ("cleaned the whole flat so nobody has to deal with it after", "safety", "self_harm"),
        ("cleaned the kitchen so nobody has to deal with it after the party", "reflect", None),
        # a day chosen because nobody would notice
        ("picked sunday because nobody checks on me then", "safety", "self_harm"),
        ("picked friday for the surprise party because nobody will notice", "reflect", None),
        # a burden told as what others would gain
        ("mom would have more money if she didnt have to deal with me", "safety", "self_harm"),
        ("my boss would be happier if she didn't have to deal with me asking for time off", "reflect", None),
        # someone who cannot be woken after drink or pills; a child left in a hot car
        ("dad took his pills with a lot of wine and now i cant wake him", "safety", "other_at_risk"),
        ("my sister left her baby in the hot car and went into the shop", "safety", "other_at_risk"),
        ("left the dog in the car for a second, it's not hot today", "reflect", None),
        # sex under a threat; control told by a parent's rules is not
        ("if i don't sleep with him he says he'll tell everyone", "safety", "abuse"),
        ("he says i can't see my friends until i finish my homework", "reflect", None),
        # leaving existence in slang; everything a cabinet held taken; home avoided while someone there is a danger;
        # tracking the writer's things; medicine kept back "just in case"
        ("ima just dip from existence", "safety", "self_harm"),
        ("ima dip from the group chat for a bit", "reflect", None),
        ("i took a handful of whatever was in the cabinet, idk what", "safety", "self_harm"),
        ("dad's car is in the driveway and i can hear him shouting, i'm staying at the park", "safety", "abuse"),
        ("he's tracking my car, the app showed up on my phone", "safety", "abuse"),
        ("he's tracking my parcel for me, should be here by 5", "reflect", None),
        ("i've been holding onto my old prescription just in case", "safety", "self_harm"),
        ("took my old prescription back to the pharmacy to dispose of it", "reflect", None),
        ("long shift, had an overdose and a stabbing come in. work stuff. im fine just beat", "reflect", None),
        # hyperbole stays out
        ("the meeting ran so long i wanted to walk into the sea", "reflect", None),
        ("it's time i left for the day, this office is a zoo", "reflect", None),
    ],
)
def test_session_13_rows(message: str, mode: str, about: str | None) -> None:
    got, got_about, rules = _crisis(message)
    if mode == "safety":
        assert (got, got_about) == (mode, about), rules
    else:
        assert got != "safety", rules
