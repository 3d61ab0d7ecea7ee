"""Golden tables for analyze(): what a careful human reader expects from a partner's message.

Every row is ``(message, expected)``; ``expected`` is checked by ``tests/golden_checks.check`` (see its docstring
for the keys). Rows check a few precise things each (the dominant feeling and a cue, or a negated family) rather
than the engine's whole output. All messages were written for these tests.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

import listenwell
from tests.golden_checks import check

Row = tuple[str, dict[str, Any]]

# --- feelings: each of the 24 families named, said with an idiom, and implied by a situation --------------------
FAMILIES: list[Row] = [
    # anger
    ("I am so angry at my brother right now", {"dominant": "anger"}),
    ("honestly I'm livid about what she said to you", {"dominant": "anger"}),
    ("my blood is boiling after that meeting", {"dominant": "anger"}),
    ("he keyed my car in the parking lot and just drove off", {"families": ["anger"]}),
    # frustration
    ("I'm so frustrated with this stupid printer", {"dominant": "frustration"}),
    ("I'm sick and tired of cleaning up after everyone", {"dominant": "frustration"}),
    ("ugh I've called the bank four times and nobody can fix it", {"families": ["frustration"]}),
    # hurt
    ("I was really hurt by what you said at dinner", {"dominant": "hurt"}),
    ("it stung when you laughed at me in front of your friends", {"dominant": "hurt"}),
    ("you forgot my birthday", {"families": ["hurt"]}),
    # sadness
    ("I've been feeling really sad since grandma passed", {"dominant": "sadness"}),
    ("I'm heartbroken, I don't know what to do", {"dominant": "sadness"}),
    ("I'm feeling pretty down in the dumps today", {"dominant": "sadness"}),
    ("my dog died this morning", {"dominant": "sadness"}),
    # loneliness
    ("I feel so lonely when you're away for work", {"dominant": "loneliness"}),
    ("I feel like I have nobody to talk to", {"dominant": "loneliness"}),
    ("I've eaten dinner alone every night this week", {"families": ["loneliness"]}),
    # unseen
    ("I feel invisible in this house", {"dominant": "unseen"}),
    ("I feel so taken for granted", {"dominant": "unseen"}),
    ("nobody even noticed that I cleaned the whole house", {"families": ["unseen"]}),
    ("you didn't even look up from your phone when I was talking", {"families": ["unseen"]}),
    # fear
    ("I'm terrified of the surgery on Monday", {"dominant": "fear"}),
    ("I'm scared to walk home alone at night", {"dominant": "fear"}),
    ("I nearly jumped out of my skin when the window smashed", {"families": ["fear"]}),
    ("someone followed me home from the station tonight", {"families": ["fear"]}),
    # anxiety
    ("I'm so anxious about the interview tomorrow", {"dominant": "anxiety"}),
    ("I can't stop worrying about money", {"dominant": "anxiety"}),
    ("I'm a nervous wreck about the results", {"dominant": "anxiety"}),
    ("I keep overthinking every little thing I said at the party", {"families": ["anxiety"]}),
    # overwhelm
    ("I feel completely overwhelmed", {"dominant": "overwhelm"}),
    ("I'm drowning in work and I can't keep up", {"dominant": "overwhelm"}),
    ("I have way too much on my plate right now", {"dominant": "overwhelm"}),
    ("I have three deadlines tomorrow, the kids are sick and the car broke down", {"families": ["overwhelm"]}),
    # exhaustion
    ("I'm exhausted", {"dominant": "exhaustion"}),
    ("I'm running on empty this week", {"dominant": "exhaustion"}),
    ("I only got three hours of sleep last night", {"families": ["exhaustion"]}),
    ("I'm completely wiped out after the move", {"dominant": "exhaustion"}),
    # shame
    ("I'm so ashamed of how I acted last night", {"dominant": "shame"}),
    ("I wanted the ground to swallow me up", {"dominant": "shame"}),
    ("I tripped and fell flat on my face in front of the whole office", {"families": ["shame"]}),
    ("I'm so embarrassed about what I said to your mom", {"dominant": "shame"}),
    # guilt
    ("I feel so guilty for yelling at the kids", {"dominant": "guilt"}),
    ("I feel terrible about forgetting to call you back", {"dominant": "guilt"}),
    ("it's all my fault we missed the flight", {"dominant": "guilt"}),
    ("I forgot to pick my sister up from the airport", {"families": ["guilt"]}),
    # disappointment
    ("I'm really disappointed", {"dominant": "disappointment"}),
    ("I feel so let down by the whole thing", {"dominant": "disappointment"}),
    ("I didn't get the job", {"families": ["disappointment"]}),
    ("the trip got cancelled again", {"families": ["disappointment"]}),
    # jealousy
    ("I get jealous when you text your ex", {"dominant": "jealousy"}),
    ("I'm green with envy about her new place", {"dominant": "jealousy"}),
    ("I'm envious of how easy it all seems for her", {"dominant": "jealousy"}),
    ("I saw you flirting with the waitress", {"families": ["jealousy"]}),
    # disgust
    ("that is absolutely disgusting", {"dominant": "disgust"}),
    ("I'm so grossed out right now", {"dominant": "disgust"}),
    ("I found a hair in my sandwich", {"families": ["disgust"]}),
    ("there were maggots in the bin when I opened it", {"families": ["disgust"]}),
    # joy
    ("I'm so happy today", {"dominant": "joy"}),
    ("I'm on cloud nine after last night", {"dominant": "joy"}),
    ("we had the best day at the beach", {"families": ["joy"]}),
    # love
    ("I love you so much", {"dominant": "love"}),
    ("I'm head over heels for you", {"dominant": "love"}),
    ("I adore you, you know that?", {"dominant": "love"}),
    ("I can't stop thinking about you", {"families": ["love"]}),
    # gratitude
    ("thank you so much for today", {"dominant": "gratitude"}),
    ("I'm so grateful for you", {"dominant": "gratitude"}),
    ("I really appreciate you picking up the kids", {"dominant": "gratitude"}),
    ("you cooking dinner after my long day meant the world to me", {"families": ["gratitude"]}),
    # pride
    ("I'm so proud of myself", {"dominant": "pride"}),
    ("I nailed the presentation today", {"families": ["pride"]}),
    ("I finally ran my first marathon", {"families": ["pride"]}),
    # hope
    ("I'm hopeful things will get better", {"dominant": "hope"}),
    ("fingers crossed the scan comes back clear", {"dominant": "hope"}),
    ("I'm optimistic about the new job", {"dominant": "hope"}),
    ("I think things are finally turning around for us", {"families": ["hope"]}),
    # calm
    ("I feel calm for the first time in weeks", {"dominant": "calm"}),
    ("I feel so relaxed after the spa", {"dominant": "calm"}),
    ("I'm finally at peace with it", {"dominant": "calm"}),
    ("spent the whole afternoon reading in the hammock", {"families": ["calm"]}),
    # excitement
    ("I'm so excited for our trip", {"dominant": "excitement"}),
    ("I can't wait to see you this weekend!", {"dominant": "excitement"}),
    ("I'm so pumped for the concert", {"dominant": "excitement"}),
    ("only two more sleeps until Japan!!", {"families": ["excitement"]}),
    # surprise
    ("I'm shocked, honestly", {"dominant": "surprise"}),
    ("wow, I did not see that coming", {"dominant": "surprise"}),
    ("I can't believe she actually said yes", {"families": ["surprise"]}),
    # confusion
    ("I'm so confused about what you meant", {"dominant": "confusion"}),
    ("I don't understand what happened between us", {"dominant": "confusion"}),
    ("you keep giving me mixed signals", {"families": ["confusion"]}),
]

# --- cues, and hyperbole that must not raise a crisis ------------------------------------------------------------
CUES: list[Row] = [
    # crisis
    ("I want to kill myself", {"cues": ["crisis"]}),
    ("I don't want to be alive anymore", {"cues": ["crisis"]}),
    ("I've been thinking about ending it all", {"cues": ["crisis"]}),
    ("he hit me again last night and I'm scared to go home", {"cues": ["crisis"]}),
    ("I started cutting myself again", {"cues": ["crisis"]}),
    ("everyone would be better off without me", {"cues": ["crisis"]}),
    # hyperbole
    ("this traffic is killing me", {"no_cues": ["crisis"]}),
    ("I could kill you for eating my fries lol", {"no_cues": ["crisis"]}),
    ("I'm dying to see it", {"no_cues": ["crisis"]}),
    ("my feet are killing me after that hike", {"no_cues": ["crisis"]}),
    ("I almost died laughing at your text", {"no_cues": ["crisis"]}),
    ("I'm so embarrassed I want to die lol", {"no_cues": ["crisis"]}),
    ("this heat is going to be the death of me", {"no_cues": ["crisis"]}),
    # boundary
    ("I need some space right now", {"cues": ["boundary"]}),
    ("I'm not ready to talk about it", {"cues": ["boundary"]}),
    ("please just leave me alone for tonight", {"cues": ["boundary"]}),
    ("can we talk about this tomorrow? I need time to think", {"cues": ["boundary"]}),
    ("I don't want to talk about it", {"cues": ["boundary"]}),
    # criticism
    ("you always do this", {"cues": ["criticism"]}),
    ("you never listen to me", {"cues": ["criticism"]}),
    ("you're so selfish", {"cues": ["criticism"]}),
    ("why do you always have to make everything about you", {"cues": ["criticism"]}),
    ("you don't care about anyone but yourself", {"cues": ["criticism"]}),
    # disclosure
    ("I've never told anyone this, but I was bullied a lot in school", {"cues": ["disclosure"]}),
    ("there's something I've been hiding from you", {"cues": ["disclosure"]}),
    ("this is really hard for me to say", {"cues": ["disclosure"]}),
    ("I've been struggling with my drinking and I haven't told anyone", {"cues": ["disclosure"]}),
    # apology
    ("I'm sorry I snapped at you", {"cues": ["apology"]}),
    ("I apologize for last night", {"cues": ["apology"]}),
    ("my bad, I should have called", {"cues": ["apology"]}),
    ("I was wrong and I'm so sorry", {"cues": ["apology"]}),
    # request
    ("can you pick up milk on the way home?", {"cues": ["request"]}),
    ("could you please call me when you land", {"cues": ["request"]}),
    ("I need you to help with the dishes tonight", {"cues": ["request"]}),
    ("please text me back", {"cues": ["request"]}),
    # question
    ("what do you think I should do?", {"cues": ["question"]}),
    ("do you still love me?", {"cues": ["question"]}),
    ("are you mad at me", {"cues": ["question"]}),
    ("how was your day?", {"cues": ["question"]}),
    # masking
    ("I'm fine. Whatever.", {"cues": ["masking"]}),
    ("whatever, it doesn't even matter anymore", {"cues": ["masking"]}),
    ("it's fine, I'm used to it by now", {"cues": ["masking"]}),
    ("nothing's wrong, just forget it", {"cues": ["masking"]}),
    ("don't worry about me, I'm okay. I'm always okay.", {"cues": ["masking"]}),
    # celebration
    ("I got the job!!!", {"cues": ["celebration"]}),
    ("I got promoted today!", {"cues": ["celebration"]}),
    ("guess what, I got into grad school!", {"cues": ["celebration"]}),
    ("we're pregnant!!", {"cues": ["celebration"]}),
    ("I passed my driving test!", {"cues": ["celebration"]}),
]

# --- negation: what is negated, what it turns into, and where its scope ends --------------------------------------
NEGATION_SCOPE: list[Row] = [
    ("I'm not angry, just tired", {"negated": ["anger"], "absent": ["anger"], "dominant": "exhaustion"}),
    ("I'm not angry. I'm tired.", {"negated": ["anger"], "dominant": "exhaustion"}),
    ("I don't feel heard", {"families": ["unseen"], "dominant": "unseen"}),
    ("I'm not happy", {"families": ["sadness"], "absent": ["joy"]}),
    ("I'm not happy with how things are going", {"families": ["sadness"], "absent": ["joy"]}),
    ("I've never felt so loved", {"families": ["love"], "dominant": "love"}),
    ("I've never been happier", {"families": ["joy"], "absent": ["sadness"]}),
    ("I don't feel appreciated at all", {"families": ["unseen"], "absent": ["gratitude"]}),
    ("I don't feel safe in this apartment anymore", {"families": ["fear"]}),
    ("I'm not sad, I'm actually relieved", {"negated": ["sadness"], "families": ["calm"]}),
    ("I don't hate you, but I'm really hurt", {"negated": ["anger"], "dominant": "hurt"}),
    ("I wasn't scared at all", {"negated": ["fear"], "absent": ["fear"]}),
    ("not gonna lie, I'm scared", {"families": ["fear"]}),
    ("no worries, I'm happy to help", {"families": ["joy"]}),
    # words in single quotes are mentioned, not felt; a plural possessive's apostrophe quotes nothing
    ("accidentally signed the work email 'love you, sam' and hit send", {"absent": ["love"]}),
    ("the kid wrote 'so sad' on his spelling test as a joke", {"absent": ["sadness"]}),
    ("my parents' house is so cozy, i love it here", {"families": ["joy"]}),
    # a set phrase said after a verb of saying is words spoken, not a feeling felt, quoted or not
    ("the bus driver said have a nice day and i said love you. i'm taking the train from now on", {"absent": ["love"]}),
    ("my landlord texted happy holidays. with the rent reminder. and a late fee", {"absent": ["joy"]}),
    ("the cashier says enjoy and i say thanks enjoy, every single time", {"absent": ["joy", "gratitude"]}),
    ("she said love you too and i am so happy", {"families": ["joy"]}),
    ("it's not that I'm jealous, I just miss you", {"negated": ["jealousy"], "families": ["loneliness"]}),
    ("I'm not mad and I'm not sad, I'm disappointed", {"negated": ["anger", "sadness"], "dominant": "disappointment"}),
    ("nothing makes me happy anymore", {"families": ["sadness"], "absent": ["joy"]}),
    # pride in the partner is admiration for them (love), not the writer's own achievement (pride)
    ("I'm not even mad, I'm proud of you", {"negated": ["anger"], "dominant": "love"}),
    ("we didn't fight, and I'm happy about that", {"families": ["joy"]}),
    ("I can't relax", {"absent": ["calm"]}),
    ("I don't feel like you understand me", {"families": ["unseen"]}),
    ("I'm not worried about the money but I am worried about us", {"families": ["anxiety"]}),
]

# --- hedges carry through to a gentler feeling --------------------------------------------------------------------
HEDGES: list[Row] = [
    ("I'm a bit sad today", {"hedged": ["sadness"], "dominant": "sadness"}),
    ("kinda nervous about tomorrow", {"hedged": ["anxiety"], "dominant": "anxiety"}),
    ("I'm sort of disappointed, to be honest", {"hedged": ["disappointment"]}),
    ("I guess I'm a little jealous", {"hedged": ["jealousy"], "dominant": "jealousy"}),
    ("I'm slightly annoyed with you", {"hedged": ["anger"]}),
    ("lowkey stressed about the move", {"hedged": ["overwhelm"]}),
    ("I'm somewhat worried about your mom", {"hedged": ["anxiety"]}),
    ("a little hurt that you didn't call", {"hedged": ["hurt"], "dominant": "hurt"}),
    ("I've been kind of lonely lately", {"hedged": ["loneliness"]}),
    ("I'm a tad overwhelmed tbh", {"hedged": ["overwhelm"]}),
    ("maybe I'm just tired", {"hedged": ["exhaustion"]}),
    ("I'm a little bit scared", {"hedged": ["fear"]}),
]

# --- intensifiers, repetition and capitals carry through to a stronger feeling -----------------------------------
INTENSIFIERS: list[Row] = [
    ("I'm so so tired", {"intensified": ["exhaustion"], "dominant": "exhaustion"}),
    ("I'm really really happy for you", {"intensified": ["joy"]}),
    ("I'm extremely frustrated", {"intensified": ["frustration"]}),
    ("I'm incredibly proud of you", {"intensified": ["love"], "dominant": "love"}),
    ("I am SO angry", {"intensified": ["anger"], "dominant": "anger"}),
    ("I'm super excited", {"intensified": ["excitement"]}),
    ("I'm freaking exhausted", {"intensified": ["exhaustion"]}),
    ("I'm deeply hurt", {"intensified": ["hurt"], "dominant": "hurt"}),
    ("I'm totally overwhelmed", {"intensified": ["overwhelm"]}),
    ("I'm beyond frustrated with your mother", {"intensified": ["frustration"]}),
    ("I'm way too stressed", {"intensified": ["overwhelm"]}),
    ("I'm truly grateful", {"intensified": ["gratitude"]}),
]

# --- multi-word idioms ----------------------------------------------------------------------------------------------
PHRASES: list[Row] = [
    ("I'm fed up with this", {"dominant": "frustration"}),
    ("I'm at my wit's end", {"dominant": "frustration"}),
    ("I feel like I'm walking on eggshells around you", {"dominant": "anxiety"}),
    ("I feel taken for granted", {"dominant": "unseen"}),
    ("I felt so left out at the party", {"dominant": "loneliness"}),
    # phrases read through intensifiers and hedges, which still count
    ("honestly I felt really left out at dinner", {"dominant": "loneliness", "intensified": ["loneliness"]}),
    ("he made me feel kind of stupid in front of everyone", {"families": ["shame"], "hedged": ["shame"]}),
    ("I was left feeling totally alone", {"dominant": "loneliness"}),
    ("I just miss her so much", {"dominant": "sadness"}),
    # a situation that is only the first half of a longer name does not count
    ("I have a job interview on friday", {"absent": ["joy"]}),
    ("I've been on edge all day", {"dominant": "anxiety"}),
    ("my heart sank when I saw the email", {"dominant": "sadness"}),
    ("I'm over the moon", {"dominant": "joy"}),
    ("I can't take it anymore", {"dominant": "frustration", "no_cues": ["crisis"]}),
    ("I'm at the end of my rope", {"dominant": "frustration"}),
    ("I'm burnt out", {"dominant": "exhaustion"}),
    ("I feel like such a failure", {"dominant": "shame"}),
    ("my stomach is in knots about tomorrow", {"dominant": "anxiety"}),
    ("I'm down in the dumps", {"dominant": "sadness"}),
    ("it's like talking to a brick wall", {"families": ["unseen"]}),
    ("I'm on pins and needles waiting for the results", {"dominant": "anxiety"}),
    ("I'm dead on my feet", {"dominant": "exhaustion", "no_cues": ["crisis"]}),
]

# --- who feels it -------------------------------------------------------------------------------------------------
EXPERIENCER: list[Row] = [
    ("my boss is furious", {"experiencer": {"furious": "other"}}),
    # a feeling verb done to someone else is not felt by the writer; said of the writer, or as a state, it is
    ("we totally surprised the twins with the trip", {"absent": ["surprise"]}),
    ("i have refreshed the tracking page all morning", {"absent": ["calm"]}),
    ("i accidentally terrified the new puppy", {"absent": ["fear"]}),
    ("you really hurt my feelings", {"families": ["hurt"]}),
    ("i was so worried the whole night", {"families": ["anxiety"]}),
    ("i'm excited the weekend is finally here", {"families": ["excitement"]}),
    ("that movie terrified me", {"families": ["fear"]}),
    ("you seem stressed", {"experiencer": {"stressed": "listener"}}),
    ("it hurts me when you ignore me", {"experiencer": {"it hurts": "speaker"}}),
    ("my sister is so jealous of us", {"experiencer": {"jealous": "other"}}),
    ("you look exhausted", {"experiencer": {"exhausted": "listener"}}),
    ("I'm worried about you", {"experiencer": {"worried": "speaker"}, "dominant": "anxiety"}),
    ("are you angry with me?", {"experiencer": {"angry": "listener"}}),
    ("he was devastated when his dad died", {"experiencer": {"devastated": "other"}}),
    ("the kids were so excited about the zoo", {"experiencer": {"excited": "other"}}),
    ("it makes me so sad", {"experiencer": {"sad": "speaker"}, "dominant": "sadness"}),
    ("your mom seemed upset at dinner", {"experiencer": {"upset": "other"}}),
    ("you must be so proud", {"experiencer": {"proud": "listener"}}),
    (
        "my boss is furious and I'm scared",
        {"experiencer": {"furious": "other", "scared": "speaker"}, "dominant": "fear"},
    ),
    ("she's angry at me and I feel guilty", {"experiencer": {"angry": "other"}, "dominant": "guilt"}),
]

# --- what the message is about (all 16 topic ids) -----------------------------------------------------------------
TOPICS: list[Row] = [
    ("my boss keeps piling more projects on me", {"topics": ["work"]}),
    ("I have a huge exam on Friday and I haven't studied", {"topics": ["school"]}),
    ("my dad and I had another fight", {"topics": ["family"]}),
    ("your mother criticized my cooking again", {"topics": ["in_laws"]}),
    ("my mother-in-law keeps dropping by without calling", {"topics": ["in_laws"]}),
    ("the kids have been fighting all day", {"topics": ["kids"]}),
    ("we can't afford rent this month", {"topics": ["money"]}),
    ("I'm the only one who ever does the dishes", {"topics": ["chores"]}),
    ("my back has been killing me and the doctor can't find anything", {"topics": ["health"], "no_cues": ["crisis"]}),
    ("I feel like my friends have forgotten about me", {"topics": ["friends"]}),
    ("we haven't had a date night in months", {"topics": ["time_together"]}),
    ("we barely spend any time together anymore", {"topics": ["time_together"]}),
    ("we haven't had sex in weeks", {"topics": ["intimacy"]}),
    ("you're on your phone all the time", {"topics": ["screens"]}),
    ("you cancelled our weekend plans again", {"topics": ["plans"]}),
    ("the landlord still hasn't fixed the heating", {"topics": ["home"]}),
    ("the dog has been throwing up all week", {"topics": ["pets"]}),
    ("I feel like we're drifting apart", {"topics": ["relationship"]}),
    ("I think we need to talk about where this relationship is going", {"topics": ["relationship"]}),
    ("the credit card bill came and I'm freaking out", {"topics": ["money"], "dominant": "anxiety"}),
]

# --- casing, emoji, contractions without apostrophes, curly quotes, odd whitespace -------------------------------
CASING_EMOJI_CONTRACTIONS: list[Row] = [
    ("IM SO ANGRY", {"dominant": "anger", "intensified": ["anger"]}),
    ("im so tired", {"dominant": "exhaustion", "intensified": ["exhaustion"]}),
    ("cant take it anymore", {"dominant": "frustration", "no_cues": ["crisis"]}),
    ("😭😭 I miss her", {"dominant": "sadness", "valence": "negative"}),
    ("I’m not angry, just tired", {"negated": ["anger"], "dominant": "exhaustion"}),
    ("I don’t feel heard", {"families": ["unseen"]}),
    ("you’re always on your phone", {"cues": ["criticism"], "topics": ["screens"]}),
    ("i dont feel appreciated", {"families": ["unseen"]}),
    ("I'm    so   tired", {"dominant": "exhaustion", "intensified": ["exhaustion"]}),
    ("i’m\nso stressed\n\nabout work", {"dominant": "overwhelm", "topics": ["work"]}),
    ("I'm soooo happy!!!", {"dominant": "joy", "intensified": ["joy"]}),
    ("\u00a0I feel so alone\u00a0", {"dominant": "loneliness"}),
    ("Im so proud of u 🥹", {"dominant": "love"}),
    ("wont be home till late, sorry 😔", {"cues": ["apology"]}),
    ("I'm sooo excited 🎉🎉", {"dominant": "excitement"}),
    ("I NEED SPACE", {"cues": ["boundary"]}),
    ("I Feel So Overwhelmed", {"dominant": "overwhelm"}),
    ("ur never home", {"cues": ["criticism"]}),
]

# --- overall valence ------------------------------------------------------------------------------------------------
VALENCE: list[Row] = [
    ("I feel so overwhelmed at work lately", {"valence": "negative"}),
    ("Honestly I'm fine. Whatever.", {"valence": "negative", "cues": ["masking"]}),
    ("I feel like you never listen to me", {"valence": "negative", "cues": ["criticism"]}),
    ("I got the job!!", {"valence": "positive"}),
    ("thank you for being there for me", {"valence": "positive"}),
    ("the meeting got moved to 3", {"valence": "neutral"}),
    ("I'm not happy with how things are going", {"valence": "negative"}),
    ("not bad at all, actually a pretty good day", {"valence": "positive"}),
    ("I miss you so much it hurts", {"valence": "negative"}),
    ("can you grab some bread on the way home?", {"valence": "neutral"}),
    ("I'm not angry, just tired", {"valence": "negative"}),
    ("I'm kinda proud of myself ngl", {"valence": "positive"}),
    ("you never help with anything around here", {"valence": "negative"}),
    ("nobody even asked how I was doing", {"valence": "negative"}),
]


def _ids(rows: list[Row]) -> list[str]:
    return [" ".join(message.split())[:50] for message, _ in rows]


def _run(message: str, expected: dict[str, Any]) -> None:
    analysis = listenwell.analyze(message)
    problems = check(analysis, expected)
    assert not problems, "\n".join([repr(message), *problems])


@pytest.mark.parametrize(("message", "expected"), FAMILIES, ids=_ids(FAMILIES))
def test_families(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


@pytest.mark.parametrize(("message", "expected"), CUES, ids=_ids(CUES))
def test_cues(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


@pytest.mark.parametrize(("message", "expected"), NEGATION_SCOPE, ids=_ids(NEGATION_SCOPE))
def test_negation_scope(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


@pytest.mark.parametrize(("message", "expected"), HEDGES, ids=_ids(HEDGES))
def test_hedges(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


@pytest.mark.parametrize(("message", "expected"), INTENSIFIERS, ids=_ids(INTENSIFIERS))
def test_intensifiers(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


@pytest.mark.parametrize(("message", "expected"), PHRASES, ids=_ids(PHRASES))
def test_phrases(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


@pytest.mark.parametrize(("message", "expected"), EXPERIENCER, ids=_ids(EXPERIENCER))
def test_experiencer(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


@pytest.mark.parametrize(("message", "expected"), TOPICS, ids=_ids(TOPICS))
def test_topics(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


@pytest.mark.parametrize(("message", "expected"), CASING_EMOJI_CONTRACTIONS, ids=_ids(CASING_EMOJI_CONTRACTIONS))
def test_casing_emoji_contractions(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


@pytest.mark.parametrize(("message", "expected"), VALENCE, ids=_ids(VALENCE))
def test_valence(message: str, expected: dict[str, Any]) -> None:
    _run(message, expected)


def test_tables_are_big_enough() -> None:
    tables = [FAMILIES, CUES, NEGATION_SCOPE, HEDGES, INTENSIFIERS, PHRASES, EXPERIENCER, TOPICS,
              CASING_EMOJI_CONTRACTIONS, VALENCE]  # fmt: skip
    assert sum(len(t) for t in tables) >= 240
    topics = {t for _m, e in TOPICS for t in e.get("topics", ())}
    assert len(topics) == 16, topics
    per_family = Counter(e.get("dominant") or e["families"][0] for _m, e in FAMILIES)
    assert len(per_family) == 24 and min(per_family.values()) >= 3, per_family
    per_cue = Counter(k for _m, e in CUES for k in e.get("cues", ()))
    assert len(per_cue) == 9 and min(per_cue.values()) >= 4, per_cue


@pytest.mark.parametrize(
    ("message", "family", "rule", "via_negation"),
    [
        ("I'm not happy", "sadness", "joy.happy", True),  # the denial of the opposite: the row of the denied word
        ("I'm not angry, just really tired", "exhaustion", "exhaustion.tired", False),
        ("I'm so happy today", "joy", "joy.happy", False),
    ],
)
def test_negation_is_a_field_not_an_id_suffix(message: str, family: str, rule: str, via_negation: bool) -> None:
    a = listenwell.analyze(message)
    e = next(e for e in a.emotions if e.family == family)
    assert (e.rule, e.via_negation, e.negated) == (rule, via_negation, False)
    assert all(":" not in x.rule for x in a.emotions)
    assert a.to_dict()["emotions"][a.emotions.index(e)]["via_negation"] is via_negation
