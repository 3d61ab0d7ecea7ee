"""Golden tables for review(): drafted replies a careful listener would judge the same way.

Every draft here was written for these tests (none is taken from the benchmark files under benchmarks/data).
- GOOD: skilled replies that must get no flag at all, including ones that use words the flag rules watch for
  ("you could have", "I know ... yet", "that's not fair to you", "whatever you decide", ...).
- BAD: ``(draft, kinds)``; review() must raise exactly this set of flag kinds.
- MISSED: ``(message, draft, present, absent)``; what ``Review.missed`` must and must not name.
Every flag of every draft is also checked: its span is the draft's own text, and its suggestion is non-empty
and never a "why" question.
"""

from __future__ import annotations

import re

import pytest

import listenwell

GOOD: list[str] = [
    "That sounds exhausting. What's been the hardest part of the week?",
    "I'm so sorry about your grandma. I'm here, and I'm not going anywhere.",
    "It makes sense that you're frustrated with him. You've asked three times.",
    "You sound really nervous about Monday. What's on your mind about it?",
    "Congratulations!! You worked so hard for this. How are you going to celebrate?",
    "I know you're not ready to talk yet, and that's okay. I'll be here.",
    "It feels as though nobody at work sees how much you do, and that sounds lonely.",
    "You could have been badly hurt, and I'm so glad you're safe.",
    "You can always talk to me, whenever you want.",
    "I'm sorry I snapped at you when I got home. That wasn't fair to you.",
    "That's not fair to you at all. You deserved a real apology.",
    "Take your time. No pressure at all, I'm around all evening.",
    "What a rough day. Tell me what happened with the landlord.",
    "I can see why that stung. She's your oldest friend.",
    "That would make anyone angry. What did you say to him?",
    "It sounds like you felt completely blindsided in that meeting.",
    "I hear you. I've been on my phone way too much, and I'm sorry.",
    "Thank you for telling me. That took courage, and I'm glad you trusted me.",
    "You did it!! Tell me everything about the interview.",
    "I'm really sorry. I forgot the appointment, and that's on me.",
    "That sounds so lonely. How long have you been feeling this way?",
    "It's okay to be angry about this. I would be too.",
    "I'd be furious too. What did your manager say after?",
    "Of course you're worried. It's your mom. What did the doctor tell you?",
    "That sounds like a lot to carry on your own. I'm here.",
    "I love how you always make me laugh, even on bad days.",
    "You're never a burden to me. Tell me what's going on.",
    "We can figure it out together when you're ready. No rush.",
    "It sounds like the move has been harder than you expected. What's been the toughest part?",
    "Your feelings make total sense. Anyone would be hurt by that.",
    "Ugh, that's gross. I'm sorry you had to clean that up alone.",
    "What a shock. I'm so sorry, love. How are you holding up?",
    "That's shocking news. I'm so sorry.",
    "It was one of the hardest weeks you've had, and you got through it.",
    "I know how much that job meant to you.",
    "You're right, I wasn't listening. I'm listening now.",
    "It's fine if you need a few days. I'll be here.",
    "It's totally normal to feel wobbly after news like that.",
    "Wow, a whole year sober. I'm so proud of you.",
    "I'm here if you want to talk, and I'm here if you don't.",
    "You have every right to be upset about the way she spoke to you.",
    "That's a lot to juggle. What would help most right now?",
    "Oh, sweetheart. That sounds heartbreaking.",
    "Losing a pet is losing family. I'm so sorry about Milo.",
    "That sounds scary. I'm right here with you.",
    "I get why you're annoyed. You planned the whole weekend around it.",
    "It sounds like you're feeling stuck between your sister and your mom.",
    "Thank you for the apology. I appreciate it, and I forgive you.",
    "Tell me more about what happened after the meeting.",
    "How are you feeling about it now that it's over?",
    "What's weighing on you the most tonight?",
    "I'm sorry I brushed it off earlier. I want to hear it properly now.",
    "You've been carrying so much this month. I see it.",
    "It sounds exhausting but also kind of exciting.",
    "That sounds exhausting, but also kind of exciting.",
    "I'd love to hear more about the trip when you're up for it.",
    "I'll call the plumber in the morning so it's off your plate.",
    "I'm so happy for you! You've wanted this for years.",
    "That must have been so embarrassing. I'm sorry it happened in front of everyone.",
    "It's awful that he said that to you.",
    "You were really looking forward to that, and it fell through. That's so disappointing.",
    "No wonder you're drained. You've been up with the baby every night.",
    "Sounds like it's been a brutal week. I'm sorry, love.",
    "I believe you. Thank you for telling me.",
    "I can tell you're really hurt. I want to understand what happened.",
    "That makes sense. You needed support and didn't get it.",
    "I'm sorry that happened. You didn't deserve that.",
    "I love you. Sleep well, and we can pick this up tomorrow if you want.",
    "What part of it is bothering you most?",
    "Whatever you decide, I'm with you.",
    "That's so unfair to you. You've done everything right.",
    "You must be wiped. How did the night shift go?",
    "It sounds like you've been feeling invisible at home lately.",
    "I didn't realize how much that hurt you. Thank you for telling me.",
    "Okay. I'll give you some space, and I'm here whenever you want me.",
    "What do you need from me right now?",
    "That's heartbreaking. She was such a big part of your life.",
    "How did it feel when she finally said sorry?",
    "You sound so relieved. I'm really glad it went well.",
    "I hear how much pressure you're under, and it makes sense you're snappy.",
    "Oh wow, that's a big decision. What's pulling you each way?",
    "I'm glad you told me instead of keeping it in.",
    "That's frightening. I'm taking it seriously, and I'm staying with you.",
    "ugh that's so annoying. no wonder you're fed up",
    "omg you got in!!! i'm so proud of you 🎉",
    "that sounds rough babe. what happened?",
    "I'm sorry I was short with you this morning. You didn't deserve that.",
    "It hurts to hear that, and I think you're right. I want to do better.",
    "You've been so patient with all of this. It makes sense you're running low.",
    "I know it's not over yet, and I'm with you for all of it.",
    "That sounds like it really knocked the wind out of you.",
]

Bad = tuple[str, set[str]]

BAD: list[Bad] = [
    # advice, blunt and soft (counsellor voice)
    ("You should just talk to your boss tomorrow.", {"advice"}),
    ("Maybe try going to bed earlier this week.", {"advice"}),
    ("You might think about asking for a raise.", {"advice"}),
    ("It might help to write everything down before you sleep.", {"advice"}),
    ("You might want to check with HR first.", {"advice"}),
    ("You might consider talking to a counselor.", {"advice"}),
    ("It would help if you made a list.", {"advice"}),
    ("It might be worth asking your sister to take a turn.", {"advice"}),
    ("One thing you could do is keep a journal.", {"advice"}),
    ("I wonder if it would help to take a day off.", {"advice"}),
    ("Have you thought about therapy?", {"advice", "closed_question"}),
    ("Have you considered just telling her?", {"advice", "closed_question"}),
    ("What if you talked to the landlord directly?", {"advice"}),
    ("If I were you, I'd quit on the spot.", {"advice"}),
    ("You need to set some boundaries with her.", {"advice"}),
    ("Honestly you could just block him.", {"advice"}),
    ("You could start looking for a new place.", {"advice"}),
    ("The best thing to do is apologize first.", {"advice"}),
    ("Just ignore her comments at dinner.", {"advice"}),
    ("I'd recommend a good physio.", {"advice"}),
    ("Call him tonight and sort it out.", {"advice"}),
    ("Go see a doctor about that cough.", {"advice"}),
    ("The trick is to not reply right away.", {"advice"}),
    ("Try to get some fresh air this afternoon.", {"advice"}),
    ("Try not to think about it too much.", {"advice"}),
    ("Why don't you take the weekend off?", {"advice", "why_question"}),
    # minimizing
    ("At least you still have your health.", {"minimizing"}),
    ("Don't worry, it'll be fine.", {"minimizing"}),
    ("It's not that big of a deal.", {"minimizing"}),
    ("Cheer up, tomorrow's a new day.", {"minimizing"}),
    ("Look on the bright side, you get a long weekend.", {"minimizing"}),
    ("Everything happens for a reason.", {"minimizing"}),
    ("You'll be fine, you're tough.", {"minimizing"}),
    ("There are plenty of other jobs out there.", {"minimizing"}),
    ("Calm down, it was only a scratch.", {"minimizing"}),
    ("Others have it way worse than us.", {"minimizing"}),
    ("It could be worse, honestly.", {"minimizing"}),
    ("It's really not a big deal.", {"minimizing"}),
    ("No need to get so upset, it's only dinner.", {"minimizing"}),
    ("Meh, you'll find another one.", {"minimizing"}),
    # judging
    ("You're being so dramatic about this.", {"judging"}),
    ("That's a pretty selfish thing to say.", {"judging"}),
    ("You're too sensitive.", {"judging"}),
    ("Stop being such a baby about the shot.", {"judging"}),
    ("What were you thinking, lending him money?", {"judging"}),
    ("You're overthinking it again.", {"judging"}),
    ("Honestly that was a dumb move.", {"judging"}),
    ("You brought this on yourself.", {"judging"}),
    ("That's so lazy of you.", {"judging"}),
    ("You're being paranoid.", {"judging"}),
    # defensive
    ("That's not what I said at all.", {"defensive"}),
    ("I was only trying to help.", {"defensive"}),
    ("It's not my fault the train was late.", {"defensive"}),
    ("Well, what about when you forgot our anniversary?", {"defensive"}),
    ("I'm doing my best here.", {"defensive"}),
    ("I was exhausted, it's not like I did it on purpose.", {"defensive"}),
    ("Sorry you feel that way.", {"defensive"}),
    ("I was just joking.", {"defensive"}),
    ("Don't blame me, you picked the restaurant.", {"defensive"}),
    ("I already said I was sorry.", {"defensive"}),
    # why questions
    ("Why did you agree to it in the first place?", {"why_question"}),
    ("Why are you so upset about this?", {"why_question"}),
    ("How come you didn't call me?", {"why_question"}),
    ("Why would she say something like that?", {"why_question"}),
    ("Why didn't you say something sooner?", {"why_question"}),
    # closed questions, with declarative ones
    ("Did it hurt?", {"closed_question"}),
    ("Are you okay?", {"closed_question"}),
    ("So you drink most nights?", {"closed_question"}),
    ("You were at the office until ten?", {"closed_question"}),
    ("And she just left?", {"closed_question"}),
    ("Is it about your sister?", {"closed_question"}),
    ("Do you want to talk about it?", {"closed_question"}),
    ("Was he rude to you again?", {"closed_question"}),
    ("That sounds hard. Did you sleep at all?", {"closed_question"}),
    # self focus
    ("That happened to me too, at my old job.", {"self_focus"}),
    ("I know exactly how you feel.", {"self_focus"}),
    ("When I was your age I had three jobs.", {"self_focus"}),
    ("Ugh, I'm exhausted too, my day was awful.", {"self_focus"}),
    ("Same thing happened to me last year with my landlord.", {"self_focus"}),
    ("That reminds me, I had the worst commute today.", {"self_focus"}),
    ("Me too, honestly. Work has been crushing me.", {"self_focus"}),
    ("I went through the same thing with my dad.", {"self_focus"}),
    ("What about me? I've had a terrible week too.", {"self_focus"}),
    # absolutes
    ("You always do this when we're late.", {"absolute"}),
    ("You never listen to me.", {"absolute"}),
    ("Every time you get stressed, you take it out on me.", {"absolute"}),
    ("All you ever do is talk about work.", {"absolute"}),
    ("We never go anywhere because of your schedule.", {"absolute"}),
    ("You're always on your phone.", {"absolute"}),
    # contempt
    ("Oh boo hoo.", {"contempt"}),
    ("Yeah right, like that's ever going to happen.", {"contempt"}),
    ("Must be nice to have that much free time.", {"contempt"}),
    ("Here we go again.", {"contempt"}),
    ("Cry me a river.", {"contempt"}),
    ("Get a grip.", {"contempt"}),
    ("Typical you.", {"contempt"}),
    ("Do you want a medal for doing the dishes?", {"contempt", "closed_question"}),
    # dismissive
    ("Whatever. I'm going to bed.", {"dismissive"}),
    ("Can we not do this right now?", {"dismissive", "closed_question"}),
    ("Just let it go.", {"dismissive"}),
    ("I don't want to hear about it tonight.", {"dismissive"}),
    ("Get over it, it was months ago.", {"dismissive"}),
    ("It is what it is.", {"dismissive"}),
    ("Not this again.", {"dismissive"}),
    ("Suck it up, everyone has bad days.", {"dismissive"}),
    ("Who cares what they think.", {"dismissive"}),
    # an acknowledgement undone by "but"
    ("I hear you, but your mom means well.", {"but_undo"}),
    ("I understand you're upset. But we already paid for the tickets.", {"but_undo"}),
    ("I get that you're tired, however the kids need dinner.", {"but_undo"}),
    ("I know it hurt. But it was years ago.", {"but_undo"}),
    ("I get it, though we did agree on this.", {"but_undo"}),
    ("That makes sense, but the flights are already booked.", {"but_undo"}),
    ("That makes sense, but I still think you overreacted.", {"but_undo", "minimizing"}),
    ("I understand, but can we talk about it tomorrow?", {"but_undo", "closed_question"}),
]

# (message, draft, missed kinds that must be there, missed kinds that must not be there)
Missed = tuple[str, str, set[str], set[str]]

MISSED: list[Missed] = [
    # a boundary answered with a question
    ("I need some space tonight. I'm not ready to talk about it.", "Okay, but what happened?", {"boundary"}, set()),
    ("I need some space tonight. I'm not ready to talk about it.", "Did I do something wrong?", {"boundary"}, set()),
    ("Please give me a few days, I can't talk about this yet.", "Can we just talk about it now?", {"boundary"}, set()),
    ("I need some space tonight. I'm not ready to talk about it.",
     "Okay. Take the time you need, I'll be here.", set(), {"boundary"}),
    # a crisis answered with advice, and answered with presence
    ("I don't want to be alive anymore.", "You should get more sleep and go for a run.", {"crisis"}, set()),
    ("I've been thinking about killing myself.", "Have you tried meditation?", {"crisis"}, set()),
    ("I don't want to be alive anymore.",
     "I'm so glad you told me. I'm here with you right now, and I'm not going anywhere.", set(), {"crisis"}),
    # a sad message answered without naming the feeling
    ("My grandma passed away this morning and I feel so sad.", "What time is the funeral?", {"feeling"}, set()),
    ("I've been feeling really lonely since we moved.", "Have you joined any clubs yet?", {"feeling"}, set()),
    ("I'm so sad, my dog died last night.", "Do you want pizza for dinner?", {"feeling"}, set()),
    ("I've been feeling really lonely since we moved.",
     "It sounds really lonely, being somewhere new without your people. I'm here.", set(), {"feeling"}),
    ("My grandma passed away this morning and I feel so sad.",
     "I'm so sorry. You must be so sad, she meant the world to you.", set(), {"feeling"}),
]


def _kinds(draft: str, message: str | None = None) -> set[str]:
    return {f.kind for f in listenwell.review(draft, message=message).flags}


def _show(draft: str) -> str:
    return str([(f.kind, f.rule, f.text) for f in listenwell.review(draft).flags])


def test_table_sizes() -> None:
    assert len(GOOD) + len(BAD) + len(MISSED) >= 160
    kinds = {k for _, ks in BAD for k in ks}
    assert kinds == {"advice", "minimizing", "judging", "defensive", "why_question", "closed_question",
                     "self_focus", "absolute", "contempt", "dismissive", "but_undo"}  # fmt: skip


@pytest.mark.parametrize("draft", GOOD, ids=[d[:40] for d in GOOD])
def test_good_drafts_get_no_flags(draft: str) -> None:
    assert _kinds(draft) == set(), _show(draft)


@pytest.mark.parametrize(("draft", "kinds"), BAD, ids=[d[:40] for d, _ in BAD])
def test_bad_drafts_get_exactly_their_kinds(draft: str, kinds: set[str]) -> None:
    assert _kinds(draft) == kinds, _show(draft)


@pytest.mark.parametrize(("message", "draft", "present", "absent"), MISSED, ids=[d[:40] for _, d, _, _ in MISSED])
def test_missed(message: str, draft: str, present: set[str], absent: set[str]) -> None:
    r = listenwell.review(draft, message=message)
    got = {m.kind for m in r.missed}
    assert present <= got, (got, [(f.kind, f.text) for f in r.flags])
    assert not (absent & got), (got, [(f.kind, f.text) for f in r.flags])
    for m in r.missed:
        assert m.why.strip()


_ALL = [(d, None) for d in GOOD] + [(d, None) for d, _ in BAD] + [(d, m) for m, d, _, _ in MISSED]


@pytest.mark.parametrize(("draft", "message"), _ALL, ids=[d[:40] for d, _ in _ALL])
def test_every_flag_has_a_span_and_a_why_free_suggestion(draft: str, message: str | None) -> None:
    for f in listenwell.review(draft, message=message).flags:
        assert draft[f.start : f.end] == f.text, (f.start, f.end, f.text)
        assert f.text.strip()
        assert f.suggestion.strip(), f
        assert not re.search(r"\bwhy\b", f.suggestion, re.I), f.suggestion
        assert f.why.strip()
