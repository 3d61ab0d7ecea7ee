"""Property tests for the crisis constructions composed in issue 8, session 14: each is built from concept classes
(an urge and a harm done to a person, payback promised with a means or a target, hiding while someone is hurt, a
drunk driver with a child, a person's harm to the writer's body or neck, gone and others the better for it, sleep
that is not to end, things made ready and a time), so any combination of their parts is read the same way, and the
look-alike of each kind stays out (a rest bounded by a time, a wave or a dog that knocks one over, a finale people
will find out about).

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


FRAME = ["i keep getting the urge to", "there's this pull to", "i can't stop picturing myself going to",
         "i get these intrusive thoughts where i"]  # fmt: skip
ACT = ["shove him down the stairs", "grab her by the throat", "put a pillow over the baby's face", "grab the knife"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(FRAME), st.sampled_from(ACT))
def test_an_urge_toward_a_harm_done_to_a_person_is_harm_to_others(frame: str, act: str) -> None:
    mode, about, rules = _crisis(f"{frame} {act}")
    assert (mode, about) == ("safety", "harm_to_others"), rules


PAYBACK = [
    "he's gonna feel what i felt",
    "she is going to find out what it feels like",
    "they're gonna get whats coming",
    "he will pay for what he did",
]
READIED = ["the knife is sharp now", "i got antifreeze", "his car is in the driveway", "my cousin lent me his piece"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(READIED), st.sampled_from(PAYBACK))
def test_payback_beside_a_means_or_a_target_is_a_crisis(readied: str, payback: str) -> None:
    # the subtype may be abuse: "she is going to find out" is also how a threat to the writer is told
    mode, about, rules = _crisis(f"{readied}. {payback}")
    assert (mode, about) in (("safety", "harm_to_others"), ("safety", "abuse")), rules


HIDING = ["i'm hiding in the closet", "im in my room with the door locked", "we're under the bed"]
HURT = ["my stepdad is hitting my mum", "someone broke in downstairs", "he has a knife"]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(HIDING), st.sampled_from(HURT))
def test_hiding_while_someone_is_hurt_is_danger_now(hiding: str, hurt: str) -> None:
    mode, _about, rules = _crisis(f"{hurt}. {hiding}")
    assert mode == "safety", rules


WHO_IMPAIRED = ["her dad is wasted", "my ex is hammered", "their mum is drunk"]
DRIVING = ["and is driving the baby home", "and just took off with the kids in the car", "and is driving with my son"]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(WHO_IMPAIRED), st.sampled_from(DRIVING))
def test_a_drunk_driver_with_a_child_is_someone_else_at_risk(who: str, driving: str) -> None:
    mode, about, rules = _crisis(f"{who} {driving}")
    assert (mode, about) == ("safety", "other_at_risk"), rules


HARMER = ["my boyfriend", "my brother", "my dad", "she"]
INJURY = ["broke my nose", "split my lip", "used the belt on me", "threw me against the wall",
          "went after me with a belt", "did the neck thing again"]  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(HARMER), st.sampled_from(INJURY))
def test_a_persons_harm_to_the_writers_body_is_abuse(harmer: str, injury: str) -> None:
    mode, about, rules = _crisis(f"{harmer} {injury} last night")
    assert (mode, about) == ("safety", "abuse"), rules


GONE = ["if i wasn't around", "once i'm gone", "if i wasnt in the picture", "if i just disappeared"]
BETTER = ["you'd all have so much less stress", "everyone would be happier", "you could finally breathe"]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(GONE), st.sampled_from(BETTER))
def test_gone_and_others_the_better_for_it_is_self_harm(gone: str, better: str) -> None:
    for text in (f"{better} {gone}", f"{gone} {better}"):
        mode, about, rules = _crisis(text)
        assert (mode, about) == ("safety", "self_harm"), (text, rules)


READY = ["the notes are written", "the date is set", "i've got it all worked out", "the letters are already written"]
WHEN = ["tomorrow night", "after my birthday", "once exams are over", "friday"]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(READY), st.sampled_from(WHEN))
def test_things_made_ready_and_a_time_is_self_harm(ready: str, when: str) -> None:
    mode, about, rules = _crisis(f"{ready}. {when}")
    assert (mode, about) == ("safety", "self_harm"), rules


SLEEP = [
    "i want to go to sleep and not wake up",
    "i could sleep and not wake up",
    "i want to fall asleep and not wake up",
]
BOUND = ["until noon", "till monday", "until lunch", "til the weekend"]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(SLEEP), st.sampled_from(BOUND))
def test_a_rest_bounded_by_a_time_is_no_crisis(sleep: str, bound: str) -> None:
    mode, _about, rules = _crisis(f"{sleep} {bound}")
    assert mode != "safety", rules


@pytest.mark.parametrize(
    "message",
    [
        "i want to go to sleep and not wake up until noon",
        "i could sleep forever after that shift",
        "the waves threw me against the rocks when we went surfing",
        "my neighbours dog jumped up and knocked me over",
        "they are gonna find out what happens in the finale tonight",
        "he's gonna learn the hard way that the oven is hot",
        "days are numbered for this old laptop, it dies every hour",
        "the cat is hiding in the closet because of the thunder",
        "the kids were high on sugar the whole drive home",
        "my son broke my glasses playing catch",
        "my throat still hurts from karaoke",
        "we'd all have less stress if i wasnt around this weekend, enjoy the peace",
        "the date is set for the wedding! june 14th",
        "notes are written for the meeting tomorrow",
        "the only thing keeping me going today is coffee",
        "the kitchen knife is sharp now, dinner at 6",
        "he's home at 6 and we are going to the game",
    ],
)
def test_look_alikes_of_the_session_14_concepts_stay_out(message: str) -> None:
    mode, _about, rules = _crisis(message)
    assert mode != "safety", rules


@pytest.mark.parametrize(
    "message",
    [
        "i want to sleep and never wake up",
        "i just want to go to sleep and not wake up",
        "honestly id be fine if i just stayed permanently asleep",
    ],
)
def test_sleep_with_no_bound_is_still_heard(message: str) -> None:
    mode, about, rules = _crisis(message)
    assert (mode, about) == ("safety", "self_harm"), rules


BURDEN = ["i'm just a weight on everyone", "i'm everyone's problem", "i'm a drain on this family"]
BETTER_OFF = ["they'd all be happier", "you'd finally get to breathe", "the kids would do better"]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(BURDEN), st.sampled_from(BETTER_OFF))
def test_a_burden_and_others_the_better_is_self_harm(burden: str, better: str) -> None:
    mode, about, rules = _crisis(f"{burden}. {better}")
    assert (mode, about) == ("safety", "self_harm"), rules


ABSOLVE = ["it was never on you", "none of this was ever your fault", "don't blame yourself"]
GOODBYE = ["if you don't hear from me after tonight", "thank you for everything", "this is my last message"]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(GOODBYE), st.sampled_from(ABSOLVE))
def test_the_listener_absolved_beside_a_goodbye_is_self_harm(goodbye: str, absolve: str) -> None:
    mode, about, rules = _crisis(f"{goodbye}. {absolve}")
    assert (mode, about) == ("safety", "self_harm"), rules


CONTROL = [
    "i'm not allowed a passcode",
    "she locks the front door from the outside",
    "he checks the bank app every night",
    "she maxed out three cards in my name",
    "i have to beg for gas money",
]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(CONTROL), st.sampled_from(CONTROL))
def test_two_kinds_of_control_are_abuse(first: str, second: str) -> None:
    if first == second:
        return
    mode, about, rules = _crisis(f"{first}. {second}")
    assert (mode, about) == ("safety", "abuse"), rules


@pytest.mark.parametrize(
    "message",
    [
        "ppl keep saying i should kill myself and honestly they're right",
        "my friend posted 'i can't do this anymore' and nobody can get hold of her",
        "my ex grabbed our son from school and he's wasted, he's driving with him now",
    ],
)
def test_more_composed_crises_are_heard(message: str) -> None:
    mode, _about, rules = _crisis(message)
    assert mode == "safety", rules


@pytest.mark.parametrize(
    "message",
    [
        "it was never your fault the car broke down, see you tomorrow",
        "nobody can get hold of the landlord and the boiler is out again",
        "he locks the door from the outside so the dog doesn't get out",
        "we're not allowed a phone at work, they check our bags every shift",
        "i'm a weight on this team tbh, they'd be happier with a real goalie lol",
        "he is 5 minutes away and the kids are in the car",
    ],
)
def test_look_alikes_of_the_part_two_concepts_stay_out(message: str) -> None:
    mode, _about, rules = _crisis(message)
    assert mode != "safety", rules


@pytest.mark.parametrize(
    "message",
    [
        "mixed the vodka with my xanax, everything's going fuzzy",
        "my toddler got into the cleaning cabinet and is throwing up",
        "hiding my arms at work again bc of the new marks",
        "the only thing that makes the thoughts stop is the blade",
    ],
)
def test_part_three_crises_are_heard(message: str) -> None:
    mode, _about, rules = _crisis(message)
    assert mode == "safety", rules


@pytest.mark.parametrize(
    "message",
    [
        "can i take ibuprofen with wine?",
        "my toddler got into the cleaning cabinet but i caught him, child lock time",
        "30 days clean from vaping!",
        "the only thing that helps my back is sleep",
        "new marks on the wall from the kids",
        "the only thing that works on this steak is a sharp knife",
        "er shift was wild: a toddler who ate a battery, everyone survived",
    ],
)
def test_part_three_look_alikes_stay_out(message: str) -> None:
    mode, _about, rules = _crisis(message)
    assert mode != "safety", rules


@pytest.mark.parametrize(
    "message",
    [
        "if my ex shows up at the wedding i'm ending him. not joking",
        "she's going to regret the day she crossed me. i've got something planned for friday",
        "sometimes when i'm bathing my daughter i think about holding her under",
        "my 4 year old is home alone, his mom left him there overnight",
    ],
)
def test_part_four_crises_are_heard(message: str) -> None:
    mode, _about, rules = _crisis(message)
    assert mode == "safety", rules


@pytest.mark.parametrize(
    "message",
    [
        "i think about dropping the baby off at daycare early",
        "i'm going to regret the day i bought this car, not joking",
        "someone is going to get hurt on that trampoline, i mean it",
        "i think about ending him in fifa tonight",
        "she left him there overnight at grandmas",
    ],
)
def test_part_four_look_alikes_stay_out(message: str) -> None:
    mode, _about, rules = _crisis(message)
    assert mode != "safety", rules
