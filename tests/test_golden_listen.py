"""Golden table for listenwell.listen(): what the listener is offered to say back.

Every message here was written for this table. Each row names the mode and the things a good reply must (or must
never) contain, following "What a good suggestion is" in the product design; every row also passes problems_in()
from suggestion_checks (no closed or "why" questions, no roadblocks, no broken grammar, reflections outnumber
questions, no question in boundary mode).

Row keys (all optional but `mode`):
  first: words that must appear in the first suggestion (the reflection the listener would lead with)
  some: words that must appear in at least one suggestion
  none: words that must appear in no suggestion
  kinds: the exact kinds, in order (default: the mode's plan, see KINDS)
  cues: cue kinds the analysis must find
Words are matched case-insensitively on word boundaries; "feel*" style prefixes are written as a regex.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

import listenwell

from .suggestion_checks import problems_in

REFLECT = ("reflection", "validation", "reflection", "question")
THANKED = ("reflection", "validation", "appreciation", "question")
KINDS = {
    "reflect": REFLECT,
    "celebrate": ("reflection", "validation", "reflection", "question"),
    "boundary": ("boundary", "validation", "boundary"),
    "safety": ("safety", "safety", "safety"),
}
# Words that belong to ordinary reflections; safety mode must not sound like an ordinary reflection.
ORDINARY = ("it sounds like you're feeling", "it makes sense to feel", "what's been the hardest part")
# Strong-band wording that must not greet a hedged feeling.
STRONG_WORDS = ("infuriating", "heartbreaking", "frightening", "hit you really hard", "cut deep", "nothing left",
                "crossed a line", "racing", "at once and", "grieving")  # fmt: skip
# What a defensive or minimising reply to criticism would say.
DEFENSIVE = ("not true", "that's not fair", "I do listen", "I don't always", "but I", "at least", "overreacting")

ROWS: list[dict[str, Any]] = [
    # --- safety: a crisis cue gets presence, a direct safety question, resources; no ordinary reflections -----
    {"text": "I want to kill myself", "mode": "safety", "cues": ["crisis"]},
    {"text": "I don't want to be here anymore", "mode": "safety", "cues": ["crisis"]},
    {"text": "I've been cutting myself again", "mode": "safety", "cues": ["crisis"]},
    {"text": "I'm thinking about ending it all", "mode": "safety", "some": ["safe|life|hurting yourself"]},
    {"text": "Sometimes I think everyone would be better off without me", "mode": "safety"},
    {"text": "He hit me again last night", "mode": "safety", "some": ["safe"]},
    {"text": "I have a knife and I'm thinking of using it on myself", "mode": "safety"},
    {"text": "I took a whole bottle of pills", "mode": "safety"},
    {"text": "I'm scared he's going to hurt me", "mode": "safety"},
    # --- hyperbole: must not trigger safety ------------------------------------------------------------------
    {"text": "this traffic is killing me", "mode": "reflect", "none": ["safe", "crisis", "life"]},
    {"text": "This homework is killing me lol", "mode": "reflect", "none": ["safe", "crisis"]},
    {
        "text": "I'm dying of embarrassment",
        "mode": "reflect",
        "first": ["mortified|embarrass\\w*"],
        "none": ["safe", "crisis"],
    },
    {"text": "I could kill him for eating my leftovers", "mode": "reflect", "none": ["safe", "crisis"]},
    {"text": "I'm dying to see that movie", "mode": "celebrate", "none": ["safe", "crisis"]},
    {
        "text": "ugh my phone died again",
        "mode": "reflect",
        "first": ["frustrat\\w*|annoyed|fed up"],
        "none": ["sorry", "grief", "grieving"],
    },
    # --- boundary: honour it, offer availability, never ask ---------------------------------------------------
    {
        "text": "I don't want to talk about it right now",
        "mode": "boundary",
        "cues": ["boundary"],
        "none": ["what", "how", "tell me"],
    },
    {"text": "I need some space tonight", "mode": "boundary", "some": ["space"]},
    {"text": "Can we talk about this tomorrow? I'm too upset right now", "mode": "boundary"},
    {"text": "Leave me alone for a while please", "mode": "boundary"},
    {"text": "I need to be alone right now", "mode": "boundary"},
    {"text": "please just give me some time to think", "mode": "boundary"},
    {"text": "I'm not ready to talk about it yet", "mode": "boundary"},
    {"text": "Not now, okay?", "mode": "boundary"},
    {"text": "I really don't want to get into this tonight", "mode": "boundary"},
    # --- celebrate: enthusiasm and a question that lets them savour it ----------------------------------------
    {
        "text": "I got the promotion!!",
        "mode": "celebrate",
        "cues": ["celebration"],
        "some": ["promotion"],
        "none": ["sorry", "but"],
    },
    {"text": "I got into grad school!!!", "mode": "celebrate", "none": ["sorry"]},
    {"text": "We're pregnant!", "mode": "celebrate", "none": ["sorry"]},
    {"text": "I passed my driving test", "mode": "celebrate", "some": ["proud"]},
    {"text": "I finally paid off my student loans!!", "mode": "celebrate", "some": ["proud"]},
    {"text": "I'm so happy today!", "mode": "celebrate", "some": ["happy"]},
    {"text": "I can't wait for our vacation!!", "mode": "celebrate", "some": ["excited"]},
    {"text": "I'm really proud of myself for finishing the marathon", "mode": "celebrate", "some": ["proud"]},
    {"text": "I'm feeling hopeful about the new job", "mode": "reflect", "first": ["hopeful"], "none": ["sorry"]},
    {
        "text": "Thank you for cooking dinner tonight, that was really sweet",
        "mode": "reflect",
        "first": ["of course|anytime|glad"],  # thanks to the listener are welcomed, not reflected back
        "none": ["sorry"],
    },
    {
        "text": "My best friend didn't show up to my birthday dinner",
        "mode": "reflect",
        "none": ["happy", "wonderful", "great news"],
    },
    # --- reflect, one family at a time: the feeling is named in the first reflection --------------------------
    {"text": "I'm angry", "mode": "reflect", "first": ["angry"]},
    {"text": "I'm sad", "mode": "reflect", "first": ["sad"]},
    {"text": "I feel hurt", "mode": "reflect", "first": ["hurt"]},
    {"text": "I'm so angry that you forgot my birthday", "mode": "reflect", "first": ["angry|infuriating"]},
    {
        "text": "I'm furious. My boss took credit for my project in front of everyone",
        "mode": "reflect",
        "first": ["furious|infuriating"],
        "none": ["a bit", "a little"],
    },
    {"text": "I feel so alone lately", "mode": "reflect", "first": ["alone|lonely"]},
    {"text": "I'm lonely when you're away on trips", "mode": "reflect", "first": ["lonely"]},
    {"text": "I feel so left out when you go out with your coworkers", "mode": "reflect", "first": ["left out"]},
    {
        "text": "Nobody notices how much I do around here",
        "mode": "reflect",
        "first": ["unnoticed|unseen|overlooked|unappreciated"],
    },
    {"text": "I'm worried about my dad's surgery", "mode": "reflect", "first": ["worried|worr\\w+"]},
    {"text": "I've been really anxious about money", "mode": "reflect", "first": ["anxious|racing"]},
    {
        "text": "I have way too much on my plate and I can't keep up",
        "mode": "reflect",
        "first": ["overwhelmed|stretched|swamped"],
    },
    {"text": "The kids have been screaming all day and I'm exhausted", "mode": "reflect", "first": ["exhausted"]},
    {"text": "I'm exhausted, the baby was up all night", "mode": "reflect", "first": ["exhausted"]},
    {"text": "I'm so embarrassed about what I said at the party", "mode": "reflect", "first": ["embarrassed"]},
    {"text": "I feel guilty for missing your mom's birthday", "mode": "reflect", "first": ["guilty"]},
    {"text": "I'm really disappointed the trip got cancelled", "mode": "reflect", "first": ["disappointed"]},
    {"text": "I'm jealous of how much time you spend with Sarah", "mode": "reflect", "first": ["jealous"]},
    {"text": "That video was disgusting", "mode": "reflect", "first": ["disgusted"]},
    {"text": "I'm confused about what you want from me", "mode": "reflect", "first": ["confused"]},
    {"text": "I can't believe she said that, I'm shocked", "mode": "reflect", "some": ["shocked"]},
    {"text": "I feel so peaceful after our walk", "mode": "reflect", "first": ["peaceful"]},
    {
        "text": "My sister said I'm selfish and it really hurt",
        "mode": "reflect",
        "first": ["hurt"],
        "some": ["your sister"],
    },
    {"text": "I feel like I'm failing as a parent", "mode": "reflect", "first": ["failure|failing|ashamed"]},
    # --- hedged: a gentle reflection ------------------------------------------------------------------------
    {"text": "I'm a bit stressed", "mode": "reflect", "first": ["a bit stressed"], "none": STRONG_WORDS},
    {"text": "I'm slightly worried about the car", "mode": "reflect", "first": ["a bit worried"], "none": STRONG_WORDS},
    {
        "text": "I'm a little sad that summer's over",
        "mode": "reflect",
        "first": ["a bit sad|a little sad"],
        "none": STRONG_WORDS,
    },
    {
        "text": "I'm a little annoyed you didn't text me back",
        "mode": "reflect",
        "first": ["a bit annoyed"],
        "none": STRONG_WORDS,
    },
    {
        "text": "I'm kind of nervous about the interview tomorrow",
        "mode": "reflect",
        "first": ["a bit nervous"],
        "none": STRONG_WORDS,
    },
    {"text": "I'm a bit down today", "mode": "reflect", "first": ["a bit down"], "none": STRONG_WORDS},
    # --- strong: a strong reflection -------------------------------------------------------------------------
    {
        "text": "I'm devastated, my grandma passed away",
        "mode": "reflect",
        "first": ["devastated"],
        "none": ["a bit", "a little"],
    },
    {"text": "I'm absolutely heartbroken", "mode": "reflect", "first": ["heartbroken"], "none": ["a bit", "a little"]},
    {"text": "I'm utterly exhausted", "mode": "reflect", "first": ["exhausted"], "none": ["a bit", "a little"]},
    {
        "text": "I'm terrified about the biopsy results",
        "mode": "reflect",
        "first": ["terrified"],
        "none": ["a bit", "a little"],
    },
    {
        "text": "I'm so incredibly angry with my brother",
        "mode": "reflect",
        "first": ["angry|infuriating"],
        "none": ["a bit", "a little"],
    },
    # --- negated: the feeling that was denied is never named -------------------------------------------------
    {
        "text": "I'm not angry, just tired",
        "mode": "reflect",
        "first": ["tired"],
        "none": ["angry", "anger", "annoyed", "furious", "mad"],
    },
    {
        "text": "I'm not sad, I'm just frustrated",
        "mode": "reflect",
        "first": ["frustrated"],
        "none": ["sad", "sadness", "down", "grieving"],
    },
    {
        "text": "I'm not upset with you, just tired",
        "mode": "reflect",
        "first": ["tired"],
        "none": ["upset", "angry", "not to be fine"],
    },
    {"text": "I'm not mad", "mode": "reflect", "none": ["mad", "angry", "anger"]},
    {"text": "I'm not jealous, I just miss you", "mode": "reflect", "first": ["lonely|miss\\w*"], "none": ["jealous"]},
    # --- mixed feelings: both named --------------------------------------------------------------------------
    {"text": "I'm excited about the move but also really scared", "mode": "reflect", "some": ["excited", "scared"]},
    {
        "text": "I'm happy about the baby but terrified at the same time",
        "mode": "reflect",
        "some": ["happy", "terrified"],
    },
    {
        "text": "I'm nervous but excited about starting the new job Monday",
        "mode": "reflect",
        "some": ["nervous", "excited"],
    },
    {
        "text": "I'm proud of you but sad you're leaving",
        "mode": "reflect",
        "some": ["proud", "sad"],
        "none": ["earned", "what did it take"],
    },
    # --- no feeling found: stay open, no feeling invented ----------------------------------------------------
    {
        "text": "The meeting got moved to Thursday.",
        "mode": "reflect",
        "some": ["thanks"],
        "none": ["feeling sad", "feeling angry", "you're feeling"],
    },
    {"text": "I went to the store today", "mode": "reflect", "none": ["you're feeling"]},
    {"text": "My mom is coming over on Sunday", "mode": "reflect", "none": ["you're feeling", "family"]},
    {"text": "What should we do for dinner?", "mode": "reflect", "cues": ["question"], "none": ["you're feeling"]},
    # --- criticism: the hurt under it, no defence of the absolute ---------------------------------------------
    {
        "text": "You never listen to me",
        "mode": "reflect",
        "cues": ["criticism"],
        "first": ["unheard|unseen|hurt\\w*"],
        "none": DEFENSIVE,
    },
    {
        "text": "You never help with the dishes",
        "mode": "reflect",
        "cues": ["criticism"],
        "first": ["frustrated"],
        "none": DEFENSIVE,
    },
    {
        "text": "You don't care about me at all",
        "mode": "reflect",
        "cues": ["criticism"],
        "first": ["uncared for|hurt\\w*|unloved"],
        "none": DEFENSIVE,
    },
    {
        "text": "You're always on your phone",
        "mode": "reflect",
        "cues": ["criticism"],
        "some": ["me"],
        "none": DEFENSIVE,
    },
    {
        "text": "You always put your friends first",
        "mode": "reflect",
        "cues": ["criticism"],
        "none": DEFENSIVE + ("happy",),
    },
    # --- disclosure: thanked ---------------------------------------------------------------------------------
    {
        "text": "I've never told anyone this, but I was bullied as a kid",
        "mode": "reflect",
        "kinds": THANKED,
        "cues": ["disclosure"],
    },
    {
        "text": "I've never told anyone this but I struggle with anxiety",
        "mode": "reflect",
        "kinds": THANKED,
        "cues": ["disclosure"],
        "first": ["anxious"],
    },
    {
        "text": "I need to tell you something. I lost my job today",
        "mode": "reflect",
        "kinds": THANKED,
        "cues": ["disclosure"],
    },
    # --- apology: appreciated --------------------------------------------------------------------------------
    {
        "text": "I'm sorry I snapped at you last night",
        "mode": "reflect",
        "kinds": THANKED,
        "cues": ["apology"],
        "first": ["guilty"],
    },
    {"text": "I'm sorry, I messed up", "mode": "reflect", "kinds": THANKED, "cues": ["apology"]},
    {"text": "I'm sorry I was so distant this week", "mode": "reflect", "kinds": THANKED, "cues": ["apology"]},
    # --- masking: no taking "fine" at face value, no pushing -------------------------------------------------
    {
        "text": "I'm fine. whatever.",
        "mode": "reflect",
        "cues": ["masking"],
        "none": ["glad you're fine", "good to hear"],
    },
    {"text": "I'm fine, it's nothing", "mode": "reflect", "cues": ["masking"], "none": ["glad you're fine"]},
    {"text": "whatever, it doesn't matter", "mode": "reflect", "cues": ["masking"]},
    {"text": "It's fine, I'm used to it", "mode": "reflect", "cues": ["masking"]},
    # --- request and question to the listener ----------------------------------------------------------------
    {"text": "Could you spend more time with me this weekend?", "mode": "reflect", "cues": ["request"]},
    {"text": "Can you hold me?", "mode": "reflect", "cues": ["request"]},
    {
        "text": "Can you please pick up the kids today?",
        "mode": "reflect",
        "cues": ["request"],
        "none": ["happy", "wonderful"],
    },
    {
        "text": "I need you to help more with the kids",
        "mode": "reflect",
        "cues": ["request"],
        "none": ["happy", "wonderful"],
    },
    {"text": "What do you think I should do?", "mode": "reflect", "cues": ["question"], "none": ["should"]},
    {"text": "Why didn't you call me?", "mode": "reflect", "cues": ["question"], "none": DEFENSIVE},
    {
        "text": "Are you mad at me?",
        "mode": "reflect",
        "cues": ["question"],
        "none": ["you're feeling mad"],
    },
    {"text": "Do you still love me?", "mode": "reflect", "cues": ["question"], "none": ["wonderful", "happy"]},
]


def _has(text: str, pattern: str) -> bool:
    return re.search(rf"\b(?:{pattern})\b", text, re.I) is not None


def _params() -> list[Any]:
    return [pytest.param(row, id=row["text"][:50]) for row in ROWS]


def test_table_is_big_and_unique() -> None:
    texts = [r["text"] for r in ROWS]
    assert len(texts) >= 80
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("row", _params())
def test_listen(row: dict[str, Any]) -> None:
    r = listenwell.listen(row["text"])
    texts = [s.text for s in r.suggestions]
    shown = f"{r.mode}: {[(s.kind, s.text) for s in r.suggestions]}"
    assert problems_in(r) == [], shown
    assert r.mode == row["mode"], shown
    assert tuple(s.kind for s in r.suggestions) == row.get("kinds", KINDS[row["mode"]]), shown
    cues = {c.kind for c in r.analysis.cues}
    for kind in row.get("cues", ()):
        assert kind in cues, f"cue {kind} missing: {cues}"
    for word in row.get("first", ()):
        assert _has(texts[0], word), f"{word!r} not in the first suggestion; {shown}"
    for word in row.get("some", ()):
        assert any(_has(t, word) for t in texts), f"{word!r} in no suggestion; {shown}"
    for word in row.get("none", ()):
        assert not any(_has(t, re.escape(word)) for t in texts), f"{word!r} should not appear; {shown}"
    if r.mode == "safety":
        assert r.resources, "safety mode without resources"
        assert not any(_has(t, re.escape(o)) for t in texts for o in ORDINARY), shown
        assert any("?" in t for t in texts), "safety mode should ask directly about safety"
    else:
        assert r.resources == ()
    if r.mode == "boundary":
        assert not any("?" in t for t in texts), shown
    if r.mode in ("reflect", "celebrate"):
        assert sum(s.kind == "question" for s in r.suggestions) == 1, shown


def test_every_suggestion_names_its_rule_and_evidence() -> None:
    r = listenwell.listen("I'm so tired because the baby kept us up all night")
    assert all(s.rule for s in r.suggestions)
    assert any(s.evidence for s in r.suggestions)


# --- context and seed --------------------------------------------------------------------------------------
CONTEXT_MESSAGES = [
    "I'm so stressed about work",
    "You never listen to me",
    "I got the promotion!!",
    "I don't want to talk about it right now",
    "I'm not angry, just tired",
]


@pytest.mark.parametrize("text", CONTEXT_MESSAGES)
def test_context_avoids_repeating_a_template(text: str) -> None:
    first = listenwell.listen(text)
    second = listenwell.listen(text, context=[s.text for s in first.suggestions])
    assert problems_in(second) == []
    assert second.mode == first.mode
    before = {s.text for s in first.suggestions}
    after = [s.text for s in second.suggestions]
    assert after, "context left nothing to say"
    assert [s.text for s in first.suggestions] != after
    # Every reply that could be said differently was: at most one line may come back (when its kind has
    # a single fitting template).
    assert sum(t in before for t in after) <= 1, (before, after)


def test_context_rules_out_what_was_just_said() -> None:
    text = "I feel so alone lately"
    first = listenwell.listen(text)
    lead = first.suggestions[0].text
    second = listenwell.listen(text, context=[lead])
    assert lead not in [s.text for s in second.suggestions]


def test_same_input_same_output() -> None:
    for text in CONTEXT_MESSAGES:
        a = listenwell.listen(text)
        b = listenwell.listen(text)
        assert [s.text for s in a.suggestions] == [s.text for s in b.suggestions]
        assert [s.text for s in listenwell.listen(text, seed=3).suggestions] == [
            s.text for s in listenwell.listen(text, seed=3).suggestions
        ]


@pytest.mark.parametrize("text", CONTEXT_MESSAGES)
def test_seed_varies_output_deterministically(text: str) -> None:
    outputs = {tuple(s.text for s in listenwell.listen(text, seed=seed).suggestions) for seed in range(8)}
    assert len(outputs) > 1, "eight seeds gave the same reply"
    for seed in range(8):
        r = listenwell.listen(text, seed=seed)
        assert problems_in(r) == []
        assert r.mode == listenwell.listen(text).mode
