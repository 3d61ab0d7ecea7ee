"""Regression table: each row is a bug that was fixed, keyed by what went wrong, so it stays fixed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import listenwell

from .golden_checks import check

ANALYSIS_REGRESSIONS: list[tuple[str, str, dict[str, Any]]] = [
    # session 10: "i got in" was a celebration (an acceptance) even when "a wreck" followed
    (
        "got-in-a-wreck-celebrated",
        "i got in a wreck on the highway. i slammed on my brakes but couldnt stop in time",
        {"no_cues": ["celebration"]},
    ),
    ("just-tired-read-as-masking", "I'm not angry, just tired", {"dominant": "exhaustion", "no_cues": ["masking"]}),
    ("never-felt-so-read-as-negation", "I've never felt so loved", {"dominant": "love", "intensified": ["love"]}),
    ("object-after-preposition-taken-as-experiencer", "are you angry with me?", {"experiencer": {"angry": "listener"}}),
    (
        "sentiment-fallback-read-masking-as-joy",
        "Honestly I'm fine. Whatever.",
        {"dominant": None, "valence": "negative"},
    ),
    ("didnt-normed-as-do-not", "I did not get the job", {"dominant": "disappointment"}),
    ("apostrophe-less-contraction", "im fine. whatever", {"cues": ["masking"]}),
    ("crisis-cancelled-by-lol", "i want to kill myself lol", {"cues": ["crisis"]}),
    ("hyperbole-read-as-crisis", "this traffic is killing me", {"no_cues": ["crisis"]}),
    ("double-dot-did-not-end-sentence", "I miss her.. I feel so alone", {"families": ["loneliness"]}),
    (
        "named-feeling-lost-to-situation",
        "it stung when you laughed at me in front of your friends",
        {"dominant": "hurt"},
    ),
    ("not-angry-just-tired-read-positive", "I'm not angry, just tired", {"valence": "negative"}),
    # hardening (issue 9): any str in, linear time
    ("lone-surrogate-crashed-every-entry-point", "I feel so alone \udc2c", {"dominant": "loneliness"}),
    ("bang-flood-took-minutes", "I'm so sad" + "!" * 19_000, {"dominant": "sadness", "intensified": ["sadness"]}),
    ("emoji-flood-took-minutes", "😭" * 19_000 + " I'm exhausted", {"dominant": "exhaustion"}),
    ("nul-and-controls", "I'm\x00 so\x1b tired\x7f", {"dominant": "exhaustion"}),
    # a boss pulling the writer into a meeting read as assault (fixed in ed4d85e)
    ("work-meeting-read-as-assault", "my boss pulled me into a meeting about the budget", {"no_cues": ["crisis"]}),
    # the listener's calm is no farewell sign: "how are you so calm" paired with the writer's worry reached safety
    ("listener-calm-read-as-farewell", "how are you so calm about the move, im freaking out", {"no_cues": ["crisis"]}),
    (
        "third-party-calm-still-a-sign",
        "hes weirdly calm since he gave his stuff away, im freaking out",
        {"cues": ["crisis"]},
    ),
]


@pytest.mark.parametrize(("bug", "message", "expected"), ANALYSIS_REGRESSIONS, ids=[r[0] for r in ANALYSIS_REGRESSIONS])
def test_analysis_regression(bug: str, message: str, expected: dict[str, Any]) -> None:
    problems = check(listenwell.analyze(message), expected)
    assert not problems, "\n".join([bug, *problems])


LISTEN_REGRESSIONS: list[tuple[str, str, str, str]] = [
    # (bug, message, text that must appear in some suggestion, text that must not appear in any)
    # irony that proposed a plan was agreed to ("Yes, let's do it.") before session 7
    (
        "ironic-lets-agreed-to",
        "sure lets move the standup to 7am on a friday, great plan everyone 🙃",
        "",
        "let's do it",
    ),
    # "hows the ..." asked after the listener's thing was read as news told (before session 7)
    ("hows-the-not-asked-after", "hows the knee today", "asking", "thanks for telling me"),
    # "table this" read across "my family's table this whole trip" as a postponement (session 7)
    ("table-this-across-a-noun", "felt invisible at my family's table this whole visit", "", "space"),
    # "can you just let me whine" read as an errand ("let" was an errand verb for one commit of session 7)
    ("let-me-whine-read-as-errand", "can you just let me whine about work for a bit", "", "take care of it"),
    # the writer's own one-word event ("we eloped") was read as gossip: only two-word events after "i"/"we" counted
    ("own-one-word-event-read-as-gossip", "we eloped and nobody knows yet", "", "need every detail"),
    # a request put with a stressed tone got "I hear that you'd like things to be different when it comes to the
    # kids" (request templates removed in session 7)
    (
        "request-read-as-wish-for-change",
        "can u get the kids at 5? my meeting is running over",
        "",
        "things to be different",
    ),
    # "or just let it go" in a question read as a boundary (session 7)
    ("let-it-go-question-read-as-boundary", "do i reply to her or just let it go", "", "space"),
    ("feels-like-lead-in-echoed", "I'm so stressed and it feels like you don't even notice", "", "like it feels like"),
    ("repeated-word-echoed", "We went to the the beach and I got so sunburnt, I'm miserable", "", "the the"),
    (
        "obligation-echoed-as-advice",
        "I was so creeped out. I need to start carrying pepper spray.",
        "",
        "you need to start",
    ),
    ("masking-reflected-for-plain-tiredness", "I'm not angry, just tired", "tired", "angry"),
    ("acceptance-not-celebrated", "I got into the nursing program!!!", "proud", ""),
    ("fight-celebrated-as-acceptance", "I got into a fight at school", "", "proud"),
    ("a-bit-down-not-found", "I'm a bit down today", "a bit down", ""),
    # a noun phrase after "my" ran into the verb after it (fixed in 9b590a8)
    ("noun-phrase-ran-into-verb", "my boss called my work lazy in front of everyone, it hurt", "", "boss called"),
    # a verdict reported after "said" was read as the writer's irony, then as a tease (fixed in f5576e4)
    ("reported-verdict-read-as-irony", "babe the vet said shes totally fine, just a bug bite!!", "", "guilty"),
    # five-word opinion asks were read as four-word runs, so "how do you feel about" never matched (932f93a)
    ("five-word-opinion-ask-unread", "how do you feel about the new rug?", "think", "how are you feeling"),
    (
        "mixed-feelings-not-both-named",
        "I'm excited about the move but scared I won't make friends",
        "excited and scared",
        "",
    ),
    ("failing-parent-stated-as-fact", "I feel like I'm failing as a parent", "feeling like you're failing", ""),
    ("request-answered-as-a-question", "Can you please pick up the kids today?", "can do that", "question has been"),
    ("routine-dinner-read-as-excitement", "Could you help me with dinner tonight?", "", "excited"),
    ("admiration-read-as-own-achievement", "I am so impressed by my boss, he handled it so well", "", "worked so hard"),
    ("you-before-verb-and-me-swapped-as-object", "the scarf u bought me is so warm", "", "me bought"),
    ("chat-letter-kept-its-period", "miss u. thats all", "miss you", ""),
    ("almost-fell-asleep-read-as-a-near-fall", "the sermon went on forever and i almost fell asleep", "", "after that"),
    # session 8: a friend's feeling given to the writer; a framing "not" that denied the feeling after it; a grief
    # read as a complaint about the listener because "every single time" alone was a criticism
    ("named-friend-feeling-given-to-writer", "lucia is furious about the parking ticket", "lucia", "you're feeling"),
    ("ngl-negated-the-feeling", "ngl, not gonna lie, that comment stung", "stung", ""),
    (
        "grief-read-as-complaint-to-listener",
        "two years since my aunt passed and it floors me every single time",
        "",
        "between us",
    ),
    # session 10: a situation's gap ran across a sentence ("accepted. bad news"), so good news was condoled
    (
        "gap-across-sentences-condoled-good-news",
        "good news: my thesis got approved. bad news: the printer ate the final copy",
        "",
        "sorry that your thesis",
    ),
    # session 10: "i hate that you" was a complaint even when it conceded "you were right"
    (
        "conceding-you-were-right-owned",
        "ugh you were right about the recipe. i hate that you were right",
        "",
        "landed badly",
    ),
    # session 11: a feeling verb done to someone else was the writer's feeling
    ("surprised-the-kids-felt", "we surprised my parents with a weekend at the lake", "", "feeling surprised"),
    ("refreshed-a-page-felt-calm", "i have refreshed the delivery page all afternoon", "", "refreshed"),
    # session 12: a filler "like" anywhere in the sentence cancelled a broken promise ("you'd like" was meant)
    # session 12: catch turns of three or more words ("idk how to feel") were never matched (2-word window)
    ("long-catch-turn-never-matched", "got the apartment!! idk how to feel, its a 90 min commute", "catch", ""),
    # session 12: the news subject kept the copula before the event ("I'm so happy for grandpa is!")
    ("news-subject-kept-its-copula", "grandma is home from the hospital and already bossing the nurses around",
     "", "grandma is!"),
    ("filler-like-cancelled-a-broken-promise", "you said you'd fix the gate like a month ago and it still swings",
     "sorry", ""),
    # session 13: an ask inside quotes was the writer's; a fear said absent read as hardship; two acts weighed
    # around "or" read as a gripe
    ("quoted-ask-was-the-writers", "slipped on the ice and the bouncer just said 'ID please' like nothing happened",
     "", "ask for what you need"),
    ("fear-said-absent-read-as-hardship", "the vet says the lump is nothing scary, just a fatty bit", "",
     "hardest part"),
    ("either-or-acts-read-as-a-gripe", "oven's beeping nonstop again. fix it or just buy a new one?", "", "annoying"),
]


# (bug, message, words the composed reply must not hold): bugs of Listening.reply's composition.
REPLY_REGRESSIONS = [
    # session 13: a register guess below its table threshold led the yes to an ask ("Oh no, that sounds rough. Yes,
    # absolutely."), and a heads-up line did ("Got it, thanks for letting me know. Of course!")
    ("weak-guess-before-a-yes", "dark at 4pm again. i'd like to hibernate until april pls", "rough"),
    ("heads-up-before-a-yes", "Can you check if the spare keys are in the blue bowl? I need them for the landlord.",
     "thanks for letting me know"),
    # session 14: "you in" inside a sentence proposed a plan ("I miss seeing you in that green coat" got "Good idea,
    # let's do it."), and a set phrase said was felt ("the cashier said have a great day ..." got "that's great")
    ("you-in-mid-sentence-proposed", "still can't get over seeing you in that suit at the wedding", "let's do it"),
    ("you-in-mid-sentence-agreed", "I keep picturing you in the kitchen humming off key", "sounds good to me"),
    ("formula-said-was-felt", "the cashier said have a great day and i said you too. she was mid-sneeze", "great"),
]


@pytest.mark.parametrize(("bug", "message", "absent"), REPLY_REGRESSIONS, ids=[r[0] for r in REPLY_REGRESSIONS])
def test_reply_regression(bug: str, message: str, absent: str) -> None:
    reply = listenwell.listen(message).reply
    assert reply, "a reply is composed"
    assert absent.lower() not in reply.lower(), reply


@pytest.mark.parametrize(
    ("bug", "message", "present", "absent"), LISTEN_REGRESSIONS, ids=[r[0] for r in LISTEN_REGRESSIONS]
)
def test_listen_regression(bug: str, message: str, present: str, absent: str) -> None:
    texts = " | ".join(s.text for s in listenwell.listen(message).suggestions)
    assert present or absent, "a row must check something"
    if present:
        assert present.lower() in texts.lower(), texts
    if absent:
        assert absent.lower() not in texts.lower(), texts


def test_ranking_cache_keeps_pride_in_someone_else_apart() -> None:
    """The ranked-template cache once left out ``pride_in_other`` and the own-reply cues: after the writer's own
    win was ranked, "so proud of my cousin" reused that ranking and said "You did it! I'm so proud of you"."""
    listener = listenwell.Listener()
    listener.listen("passed my road test on the third try lol")
    reply = listener.listen("so proud of my little cousin, she just got into law school!!")
    texts = " | ".join(s.text for s in reply.suggestions)
    assert "you did it" not in texts.lower(), texts
    assert "proud of you" not in texts.lower(), texts


def test_docbin_tuples_round_trip() -> None:
    """msgpack hands back tuples where JSON gives lists; from_dict must accept both."""
    a = listenwell.analyze("My dog died and I'm heartbroken")
    data = a.to_dict()
    data["emotions"] = tuple(data["emotions"])
    assert listenwell.Analysis.from_dict(data) == a


def test_unless_phrases_with_gaps_load() -> None:
    """'unless' phrases may use '...' and '~word' like any phrase (they used to crash the review loader)."""
    assert listenwell.review("You should ... maybe", message=None) is not None


def test_a_packs_family_colour_was_grey_in_the_cli(tmp_path: Path) -> None:
    """user-family-colour-grey-in-cli: the CLI coloured feeling words from the shipped colours only, so a family a
    rule pack added (with its own ``colour``) was drawn grey; the Listener's rules colour them now."""
    from listenwell.cli import highlighted

    (tmp_path / "families.jsonl").write_text(
        '{"id": "zest", "valence": 0.7, "phrase": "zesty", "mild": "a bit zesty", "strong": "so zesty", '
        '"needs": ["fun"], "colour": "#0a0b0c"}\n',
        encoding="utf-8",
    )
    (tmp_path / "lexicon.jsonl").write_text(
        '{"id": "zest.zesty", "family": "zest", "phrase": "zesty", "intensity": 0.7, "term": "zesty"}\n',
        encoding="utf-8",
    )
    listener = listenwell.Listener(rules=[tmp_path])
    spans = highlighted(listener.analyze("feeling zesty today"), listener.rules).spans
    assert "bold #0a0b0c" in {str(span.style) for span in spans}


REVIEW_REGRESSIONS: list[tuple[str, str, set[str]]] = [
    # (bug, draft, exact flag kinds)
    # issue 12 (session 8): false flags on good drafts, fixed as kinds (own sentences)
    ("free-choice-whatever-read-as-brush-off", "Sure, choose whatever dates work for you.", set()),
    ("free-choice-command-read-as-advice", "Pick whatever weekend suits you and I'll book the train.", set()),
    (
        "validated-sweep-read-as-generalization",
        "Of course it stings, when someone always picks at you like that it piles up.",
        set(),
    ),
    ("after-everything-read-as-generalization", "After everything this year with the move, you made it!", set()),
    ("why-wouldnt-you-be-read-as-why-question", "Why wouldn't you be furious? That was your idea he presented.", set()),
    ("or-would-you-rather-read-as-closed", "Want me to come over, or would you rather just vent for a bit?", set()),
    ("scene-told-once-read-as-generalization", "ugh, and everyone was watching. that sounds mortifying.", set()),
    ("offer-after-a-feeling-noted", "That's heartbreaking, he meant so much to you. Want to talk about him?", set()),
    ("whatever-it-says-read-as-brush-off", "Of course you're nervous. I'm with you whatever it says.", set()),
    ("such-a-big-deal-in-praise-read-as-judging", "No way!! That's such a big deal, you worked for it.", set()),
    ("not-a-you-problem-read-as-brush-off", "That's not a you problem, that's on him.", set()),
    ("or-both-read-as-closed", "Are you more relieved or more sad right now... or both?", set()),
    (
        "would-it-help-with-a-choice-read-as-offer-note",
        "Would it help to talk it through, or to just sit together for a while?",
        set(),
    ),
    # a command joined to "let's" by "and" shares its subject: a plan made together, not an instruction
    ("lets-and-command-read-as-advice", "let's sit down this weekend and book the flights you picked", set()),
    # what mattered to the listener too, said with an apology, read as the listener's own story
    ("it-mattered-to-me-too-read-as-self-focus", "the wedding mattered to me too, and i'm sorry i was late", set()),
    # session 7 (issue 12): "could've" keeps the norm "'ve", so no "could have been ... worse" row read it
    ("modal-ve-missed-could-have-rows", "could've been so much worse.", {"minimizing"}),
    # a gerund opening the "but" clause was read as no new clause, so the validation it undid went unflagged
    ("gerund-after-but-read-as-no-clause", "it's normal to feel that, but comparing never helps.", {"but_undo"}),
    # a feeling granted ("a normal worry") and argued back after "but" was not read as an acknowledgement
    ("granted-feeling-then-but-unflagged", "that's a normal worry, but planes are safer than cars.", {"but_undo"}),
    # found while fixing the above: "so much to" read as a verdict by degree, and "but mostly i'm glad" as an undo
    ("so-much-to-read-as-verdict", "That's so much to carry at once. It makes sense you're worn out.", set()),
    ("glad-after-but-read-as-undo", "you did loads. i'm proud of you, but mostly i'm glad you can sleep now", set()),
    ("open-question-read-as-judging", "What were you thinking about when it happened?", set()),
    ("but-with-feeling-word-hid-undo", "I see your point, but you're not being fair to him.", {"but_undo"}),
    ("additive-but-read-as-undo", "That sounds exhausting, but it also sounds really meaningful.", set()),
    ("trailing-though-read-as-undo", "I know you're upset. That was a lot, though.", set()),
    ("blessing-read-as-advice", "Sleep well, I'll see you in the morning.", set()),
    ("bare-command-missed", "Use a planner.", {"advice"}),
    ("every-single-missed", "You literally do this every single week.", {"absolute"}),
    ("own-rough-day-missed", "Well I had a rough day too, you know.", {"self_focus"}),
    # issue 12: false alarms on real talk
    ("backchannel-read-as-dismissive", "Mm-hmm.", set()),
    ("repeated-yeah-read-as-dismissive", "Yeah, yeah, yeah.", set()),
    ("doubled-okay-read-as-dismissive-and-go-on-as-advice", "Okay, okay. Go on.", set()),
    ("relative-clause-need-to-read-as-advice", "That's a lot, with everything you need to pay for this month.", set()),
    ("plan-question-read-as-advice", "So you'll turn the TV off at ten?", {"closed_question"}),
    ("could-in-a-question-read-as-advice", "How long do you think you could go without it?", set()),
    (
        "need-to-and-make-sure-in-a-question-read-as-advice-and-sarcasm",
        "What time would you need to leave to make sure you're there by nine?",
        {"closed_question"},
    ),
    ("anyway-mid-sentence-read-as-change-of-subject", "You've been so strong, to me anyway.", set()),
    ("their-own-words-read-as-dismissive", 'In your words, "you\'ll live."', set()),
    ("infinitive-read-as-command", "It's late, and it's time to go to bed.", set()),
    ("try-to-in-a-description-read-as-advice", "You'd do whatever you can to try to make it work.", set()),
    ("quoted-why-not-read-as-advice", 'Your sister said, "Why not just quit?" and it stung.', set()),
    ("sounds-to-me-too-read-as-self-focus", "It sounds to me too like part of you wants to stay.", set()),
    ("feeling-about-something-read-as-judging", "You're hopeless about the whole thing.", set()),
    ("what-they-did-read-as-dismissive-command", "That worked for you, where you just let it go.", set()),
    ("cut-off-word-read-as-why", "So y- so you got some good news?", {"closed_question"}),
    ("next-time-in-a-condition-read-as-advice", "If you find yourself there next time, you could call me.", set()),
    ("acknowledgement-at-end-crashed-but-undo", "yeah that makes sense", set()),
    ("why-without-question-mark-missed", "why didnt you say something right then tho", {"why_question"}),
    ("checkin-read-as-closed-question", "are you okay?", set()),
    # issue 12, eleventh set: false alarms fixed (drafts written for the tests)
    ("both-read-as-a-command", "both make sense! what's the hardest part?", set()),
    ("wh-word-ending-a-clause-read-as-closed", "scared how, like the needle or the results?", set()),
    ("oh-no-before-a-check-in-read-as-closed", "oh no, are you hurt?", set()),
    ("thanks-then-always-read-as-absolute", "thank you!! you always notice what i miss", set()),
    ("never-forgets-read-as-absolute", "you never forget anyone's birthday", set()),
    ("effort-every-weekend-read-as-absolute", "you've been practising every weekend for this", set()),
    ("concrete-offer-read-as-closed", "want me to bring dinner over?", set()),
    ("talk-proposed-for-tonight-read-as-closed", "can we talk tonight after dinner?", set()),
    # issue 12, false alarms fixed this session (drafts written for the tests)
    ("a-choice-between-two-things-read-as-closed", "got it. brown rice or white?", set()),
    ("want-a-thing-offered-read-as-closed", "long day. want a foot rub?", set()),
    ("you-can-tell-it-all-to-me-read-as-advice", "you can dump the whole story on me tonight, i'll just listen", set()),
    ("check-in-with-though-read-as-closed", "that sounds awful. are you okay though?", set()),
    ("every-reason-kept-from-the-every-rule", "you had every reason to walk out", set()),
    ("curt-k-row-matched-every-okay", "that sounds really hard, and it's okay. i'm here.", set()),
    # issue 12, thirteenth set: false flags fixed and sweeps that were never read (drafts written for the tests)
    ("all-the-time-never-read-norms-are-a-tuple", "you lose your headphones all the time", {"absolute"}),
    ("kind-of-read-as-the-warm-word-kind", "you forget every birthday, it's kind of a habit", {"absolute"}),
    ("lol-before-you-hid-the-subject", "lol you lose everything", {"absolute"}),
    ("poor-you-after-a-wail-of-sympathy-read-as-contempt", "noooo 😭 my poor phone. poor you.", set()),
    ("me-too-then-an-invitation-to-tell-read-as-self-focus", "me too. i'd love to hear how the week went.", set()),
    ("asking-for-photos-read-as-advice", "send photos of the cake!!", set()),
    ("a-call-proposed-for-tonight-read-as-closed", "miss you. call tonight?", set()),
    ("treated-like-a-child-read-as-judging-them", "they keep treating you like a child", set()),
    ("good-luck-with-every-x-read-as-absolute", "good luck with every interview you have this week!", set()),
    ("lit-up-praise-read-as-absolute", "you always light up when you talk about music", set()),
    ("the-verb-sort-skipped-as-sort-of", "calling the landlord would sort it fast", {"advice"}),
    ("an-i-left-out-before-get-read-as-a-command", "totally get why that stung", set()),
    ("recognition-owed-read-as-habit-advice", "you carry this family and it should be appreciated", set()),
    ("you-never-feel-like-doing-read-as-said-back", "you never feel like doing anything fun", {"absolute"}),
    # issue 12 (session 11): false flags on good drafts, fixed as kinds (own sentences, drafts reviewed alone)
    ("scene-with-everyone-read-as-a-rule", "that's such a shame, especially when everyone's going together", set()),
    ("which-most-question-read-as-narrow", "me too. which day are you going to miss most?", set()),
    ("what-kind-of-craving-read-as-narrow", "what kind of evening have you been craving?", set()),
    ("offer-then-presence-kept-its-note", "do you want to talk? no pressure, i'm around either way", set()),
    ("an-errand-asked-read-as-advice", "can you pick up the parcel on your way home?", {"closed_question"}),
]


# (bug, message, the mode listen() must give, the crisis kind or None): safety bugs met while building issue 8.
SAFETY_REGRESSIONS: list[tuple[str, str, str, str | None]] = [
    # session 8, from the blind AI panel (as a kind, in my own words): a pet staring from a cupboard met "the cabinet"
    # (a weapon signal, meant for a gun cabinet) and "staring at" (a timing signal, meant for staring at pills)
    (
        "pet-in-cupboard-read-as-threat",
        "the cat worked out how to open the cabinet and is staring at me from it",
        "reflect",
        None,
    ),
    # session 8: "at my work" alone was a stalking place, so work news and "i'm scared" read as stalking; "didn't say
    # anything" was a threatening look, so a hurt over a missed compliment reached the learned abuse verdict
    ("work-news-and-fear-read-as-stalking", "they announced cuts at my work today, im scared", "reflect", None),
    # session 10: a bare "glass" was a sharp means, so a drinking glass taken "out of the cabinet" reached safety
    ("drinking-glass-read-as-means", "got a glass out of the cabinet and a wasp was sitting in it", "reflect", None),
    (
        "silence-about-a-haircut-read-as-a-threat",
        "it hurt a little that u didnt say anything about my hair when i got home last night",
        "reflect",
        None,
    ),
    (  # a ring lent for a wedding read as giving away (crisis.self_harm.want_you_to_have)
        "wedding-ring-lent-read-as-giving-away",
        "i want you to have my ring for the wedding, it's something borrowed",
        "reflect",
        None,
    ),
    (  # checking whether the morning pills were taken read as an attempt (took_all + pills)
        "pill-check-read-as-attempt",
        "staring at the pills on my desk trying to remember if i took them this morning",
        "reflect",
        None,
    ),
    (  # a time out at a child's game read as a pause in a talk (boundary.time_out)
        "game-time-out-read-as-boundary",
        "time out at sam's game was so tense lol",
        "reflect",
        None,
    ),
    (  # children yelling read as a heated talk beside 'need a sec' (r8.taking_minutes_heated)
        "kids-yelling-read-as-heated-pause",
        "need a sec, the kids are yelling about the remote",
        "reflect",
        None,
    ),
    (  # 'while i' in a farewell's exceptions cancelled 'goodbye ... while i still can'
        "goodbye-while-i-still-can-cancelled",
        "just wanted to say goodbye properly while i still can",
        "safety",
        "self_harm",
    ),
    (  # hospital staff who won't let a patient leave alone read as abuse (crisis.abuse.dont_let_me)
        "day-surgery-escort-read-as-abuse",
        "my knee op is on friday, day surgery, but they won't let me leave without someone to drive me home",
        "reflect",
        None,
    ),
    (  # a notice period read as a plan to die (crisis.r11.then_done)
        "notice-period-read-as-plan",
        "handed in my notice today, four weeks to go and then i'm done",
        "reflect",
        None,
    ),
    (  # a bat (the animal) read as a weapon beside hiding (weapon + fear)
        "bat-animal-read-as-weapon",
        "a bat flew into the loft when i went up for the suitcases, i'm hiding in the kitchen till you get home",
        "reflect",
        None,
    ),
    (  # a sibling's petty offence with an eye-roll emoji read as a threat to kill (r3.going_to_stab)
        "petty-strangle-read-as-threat",
        "my sister ate my leftovers AGAIN, i'm going to strangle her 😤",
        "reflect",
        None,
    ),
    (  # the learned net read abuse into an everyday story by its words alone (said + go; session 8)
        "learned-abuse-from-everyday-words",
        "he said he'd be gutted to see me go when i told him i'd got the job in leeds",
        "reflect",
        None,
    ),
    (  # checking that a door is locked read as someone locked in (danger_sign.r3.locked_door + worry)
        "door-lock-check-read-as-danger",
        "can you check if the back door is locked? i'm freaking out after that noise",
        "reflect",
        None,
    ),
    (  # space on a phone read as a wish to be alone (boundary.alone_time)
        "phone-storage-read-as-boundary",
        "i need some space on my phone for the holiday photos",
        "reflect",
        None,
    ),
    (  # room on a couch read as a wish to be alone (boundary.alone_time)
        "couch-room-read-as-boundary",
        "scoot over, i need some space on the couch for my plate",
        "reflect",
        None,
    ),
    (  # 'brb' cancelled every boundary beside it, so a pause to calm down was missed
        "brb-cancelled-a-pause",
        "brb i need a quick break from this, my head is spinning",
        "boundary",
        None,
    ),
    (  # a thing lent while away read as a goodbye (crisis.self_harm.wont_need)
        "lent-while-away-read-as-goodbye",
        "take my bike, i won't be needing it while i'm in portugal",
        "reflect",
        None,
    ),
    (  # secret santa notes read as goodbye letters (crisis.self_harm.letters)
        "secret-santa-notes-read-as-letters",
        "i wrote notes for each of you for the secret santa",
        "reflect",
        None,
    ),
    (  # 'to die for' (hyperbole) cancelled a wish to die held for months
        "die-for-months-read-as-hyperbole",
        "i've been wanting to die for months and nobody knows",
        "safety",
        "self_harm",
    ),
    (  # staying away while ill read as a boundary (boundary.dont_come_over)
        "ill-visit-read-as-boundary",
        "don't come over for a bit, i've got a stomach bug",
        "reflect",
        None,
    ),
    (  # the writer checking their own phone read as an abuser's control (crisis.abuse.control_thing_2, session 7)
        "own-phone-checking-read-as-control",
        "i keep checking my phone every few minutes for the offer email",
        "reflect",
        None,
    ),
    (
        "learned-net-read-function-word-pairs-as-crisis",
        "I've been so stressed at work and it feels like you don't even notice",
        "reflect",
        None,
    ),
    (
        "screaming-kids-read-as-child-in-danger",
        "The kids have been screaming all day and I'm exhausted",
        "reflect",
        None,
    ),
    ("ending-it-with-him-read-as-ideation", "I'm ending it with him. for real this time", "reflect", None),
    (
        "reflexive-kill-read-as-a-threat",
        "my brother says he's going to kill himself tonight",
        "safety",
        "other_at_risk",
    ),
    (
        "everyone-better-off-without-me-given-to-everyone",
        "everyone would be better off without me",
        "safety",
        "self_harm",
    ),
    (
        "fear-of-going-too-far-read-as-abuse",
        "I'm scared I'll go too far when she won't stop crying",
        "safety",
        "harm_to_others",
    ),
    ("third-person-hopes-missed", "part of me hopes a truck hits me on the way home", "safety", "self_harm"),
    ("component-split-jk-from-crisis", "jk... i want to die", "safety", "self_harm"),
    ("done-with-a-thing-read-as-boundary", "stuck in traffic and im so done with this day", "reflect", None),
    ("done-with-this-talk-still-a-boundary", "im done with this conversation", "boundary", None),
    ("almost-in-time-read-as-near-harm", "the party was great and i almost didn't make it in time!", "celebrate", None),
    # issue 8, eighth and ninth written batches: everyday look-alikes that reached safety or boundary mode, and the
    # general kinds fitted on the batches (every message written for the tests)
    (
        "old-car-going-to-die-read-as-ideation",
        "our old van is going to die any day now, time to start saving",
        "reflect",
        None,
    ),
    (
        "glad-to-be-alive-read-as-a-wish-to-die",
        "that storm was wild, honestly just glad to be alive lol",
        "reflect",
        None,
    ),
    (
        "fear-of-heights-twice-read-as-abuse",
        "glass floor at the tower, i was terrified and so scared to look",
        "reflect",
        None,
    ),
    (
        "everything-they-threw-at-me-read-as-assault",
        "nailed the interview, had an answer for everything they threw at me",
        "reflect",
        None,
    ),
    (
        "storm-supplies-read-as-stockpiled-means",
        "stockpiled water and batteries in case the storm knocks the power out",
        "reflect",
        None,
    ),
    (
        "paintball-gun-read-as-means",
        "found my old paintball gun in the loft and decided to go play on saturday",
        "reflect",
        None,
    ),
    (
        "checking-an-app-again-read-as-looking-at-a-weapon",
        "cleared the loan today!! i keep opening the bank app just to look at it",
        "reflect",
        None,
    ),
    (
        "a-worry-that-wont-go-read-as-a-boundary",
        "locked the door twice and my head still won't let it go",
        "reflect",
        None,
    ),
    (
        "keys-locked-in-a-running-car-read-as-means",
        "left the keys inside the car with the engine running at the gas station, had to call a locksmith",
        "reflect",
        None,
    ),
    (
        "flat-battery-read-as-engine-running",
        "ran the car battery flat listening to the radio without the engine running",
        "reflect",
        None,
    ),
    (
        "pet-screaming-read-as-violence",
        "did you feed the dog? she's screaming at me like she hasn't eaten in days",
        "reflect",
        None,
    ),
    (
        "cornered-to-explain-read-as-assault",
        "your uncle cornered me at the bbq to explain his diet for an hour",
        "reflect",
        None,
    ),
    ("shoot-off-read-as-a-shooting", "i'm going to shoot off now, see you at six", "reflect", None),
    ("leaving-for-good-read-as-a-goodbye", "told the landlord we're leaving for good in march", "reflect", None),
    (
        "painkillers-for-a-bad-back-read-as-overdose",
        "took a bunch of ibuprofen for my back, feeling much better",
        "reflect",
        None,
    ),
    ("hold-music-read-as-a-boundary", "can u ring the bank tmrw, i cant deal with hold music again", "reflect", None),
    (
        "you-change-the-subject-read-as-a-boundary",
        "you always change the subject when i mention money. can we talk?",
        "reflect",
        None,
    ),
    (
        "keep-thinking-about-a-place-read-as-ideation",
        "i keep thinking about that lake house we stayed at, can we go back?",
        "reflect",
        None,
    ),
    (
        "neighbour-sad-to-see-me-go-read-as-abuse",
        "told the neighbour we're moving and he said he'd be sad to see us go",
        "reflect",
        None,
    ),
    ("tracker-on-keys-read-as-stalking", "put a tracker on my keys so i stop losing them lol", "reflect", None),
    (
        "scared-to-go-in-to-work-read-as-fear-at-home",
        "i'm scared to go in to work tomorrow, the audit starts at nine",
        "reflect",
        None,
    ),
    ("no-advice-just-listen-missed", "i don't need you to solve this babe, i just need to vent", "boundary", None),
    ("sleep-on-it-missed", "let me sleep on it and i'll tell you tomorrow", "boundary", None),
    (
        "writer-threat-to-run-someone-over-missed",
        "if he comes near the house again im going to run him over",
        "safety",
        "harm_to_others",
    ),
    (
        "more-than-prescribed-on-purpose-missed",
        "took way more than the box says on purpose, everything is spinning",
        "safety",
        "self_harm",
    ),
    (
        "someone-thinks-about-killing-herself-missed",
        "my sister says she thinks about killing herself all the time",
        "safety",
        "other_at_risk",
    ),
    (
        "drunk-driving-with-the-kids-missed",
        "he's hammered and driving with the kids in the car",
        "safety",
        "other_at_risk",
    ),
    ("timeout-at-a-game-read-as-a-pause", "that time out at the basketball game was so tense lol", "reflect", None),
    (
        "plan-talk-tonight-read-as-postponing",
        "can we talk about the trip tonight? found cheap flights",
        "reflect",
        None,
    ),
    ("raincheck-on-a-talk-missed", "raincheck on the budget talk? i'm exhausted", "boundary", None),
    ("walk-before-it-blows-up-missed", "i need to go for a walk before this blows up", "boundary", None),
    ("enough-about-a-topic-missed", "enough about my mother, i mean it", "boundary", None),
    (
        "love-notes-and-thanks-read-as-a-farewell",
        "thank you for everything lately, the little notes in my bag made my whole week",
        "reflect",
        None,
    ),
    (
        "thanks-for-a-week-of-love-notes-read-as-a-farewell",
        "thank you for everything this week. the flowers, the sweet notes, the dinners. i love you",
        "reflect",
        None,
    ),
    (
        "farewell-notes-still-caught",
        "thank you for everything. i wrote notes for mom and the kids. make sure the cat is fed",
        "safety",
        "self_harm",
    ),
    # issue 8, round 12: teases and everyday frights sent to safety mode by two weak signals (written for the tests)
    (
        "tease-plan-and-a-day-read-as-a-plan",
        "i have a plan for saturday. you, me, and a whole pizza 😜",
        "reflect",
        None,
    ),
    (
        "bet-and-a-plan-read-as-a-plan",
        "whoever finishes the coffee tomorrow has to buy more. i have a plan 😏",
        "reflect",
        None,
    ),
    (
        "asking-out-read-as-a-plan",
        "tonight's the night! i'm finally going to ask her out, i've got a plan",
        "reflect",
        None,
    ),
    (
        "treat-for-no-reason-read-as-hopeless",
        "i've decided we're getting a puppy. no reason, just vibes 🐶",
        "reflect",
        None,
    ),
    (
        "fright-over-read-as-abuse",
        "i was so scared when the dog ran into the road, my hands are still shaking",
        "reflect",
        None,
    ),
    (
        "smoke-alarm-fright-read-as-abuse",
        "scared the life out of me when the smoke alarm went off, i'm shaking",
        "reflect",
        None,
    ),
    (
        "faking-death-read-as-a-wish",
        "this inbox makes me want to fake my own death and open a bakery in lisbon",
        "reflect",
        None,
    ),
    (
        "effort-survived-read-as-a-wish",
        "the hike up was brutal, thought i was going to die on the last switchback but the view was worth it",
        "reflect",
        None,
    ),
    ("phones-dying-read-as-a-wish", "phones about to die, ill ring you from the hotel", "reflect", None),
    (
        "old-self-harm-beside-recovery-read-as-now",
        "read my old diary from when i was self harming. i'm so glad i got help",
        "reflect",
        None,
    ),
    (
        "goodbyes-beside-a-new-job-read-as-a-farewell",
        "final week at the bakery. said my goodbyes to everyone today. new job starts monday",
        "reflect",
        None,
    ),
    (
        "ending-a-membership-read-as-ending-it",
        "i've decided to end it... with my gym membership. too expensive",
        "reflect",
        None,
    ),
    ("daily-pills-counted-read-as-an-overdose", "took my meds, both pills, with breakfast", "reflect", None),
    # and the crises beside them that must still be heard
    (
        "bare-fear-beside-someone-at-the-door-missed",
        "i'm so scared, he's outside the door and i'm shaking",
        "safety",
        "abuse",
    ),
    ("fear-beside-someone-at-the-window", "he's outside my window again and i'm terrified", "safety", "abuse"),
    (
        "attempt-given-up-in-fright-missed",
        "i walked into the sea tonight but got scared and came back. i'm soaked and freezing",
        "safety",
        "self_harm",
    ),
    ("plan-with-a-day-masked-still-caught", "i've got a plan now and it's this weekend 🙃", "safety", "self_harm"),
    ("bare-show-cancelled-a-crisis", "i want to die and i'll show you the pills i saved", "safety", "self_harm"),
    ("one-more-time-cancelled-a-crisis", "if he hits me one more time i swear i'll kill myself", "safety", None),
    # round 12: boundaries that were someone else's, denied, decided, logistics, good news, or invitations
    (
        "boundary-told-by-a-kid-read-as-the-writers",
        "a kid at the park told my daughter 'i need space' haha",
        "reflect",
        None,
    ),
    ("hearsay-boundary-read-as-the-writers", "apparently she needs space from the whole family lol", "reflect", None),
    (
        "instruction-told-to-someone-else",
        "my sister said her husband told her to just listen and stop fixing",
        "reflect",
        None,
    ),
    (
        "not-ready-said-of-mum-read-as-the-writers",
        "my mum said she's not ready to talk about the divorce, so we changed the subject",
        "reflect",
        None,
    ),
    ("space-denied-read-as-asked", "i would never need space from you, you're my person", "reflect", None),
    (
        "decision-after-thinking-read-as-time-to-think",
        "after thinking it over i'm going to take the job in leeds",
        "reflect",
        None,
    ),
    ("cant-talk-on-the-bus-read-as-refusal", "can't talk, on the bus, will ring you when i get off", "reflect", None),
    (
        "good-news-still-processing-read-as-a-boundary",
        "got the promotion!!! still processing honestly",
        "reflect",
        None,
    ),
    (
        "invitation-with-a-day-read-as-postponing",
        "can we talk about the budget on sunday? i'd love to sort it out together",
        "reflect",
        None,
    ),
    ("own-clause-after-a-call-still-a-boundary", "he called me again and i just need space", "boundary", None),
    ("told-them-my-own-boundary", "she yelled so i told her i need space", "boundary", None),
    # round 12: two phrases of one signal row's class were one signal, so control told twice in one row's words was lost
    ("two-phrases-of-one-class-never-paired", "he maxed out my cards and now says i owe him", "safety", "abuse"),
    ("same-words-twice-still-one-signal", "i'm scared. so scared. scared of the dark lol", "reflect", None),
    (
        "gas-can-cancelled-by-the-gas",
        "i know where he parks and i've got the gas can ready",
        "safety",
        "harm_to_others",
    ),
    # round 13: fear of one's own harm was cancelled by a hyperbole mark beside it; a first-person threat at a sibling
    # was read as abuse of the writer; game talk, a hike and an old attempt reached safety; a hurt feeling and a train
    # platform read as a crisis; pills from a second chemist were cancelled by the pharmacy exception
    ("own-harm-fear-cancelled-by-one-more", "i'm afraid i'll hit him if he says one more word", "safety", None),
    ("sibling-threat-read-as-abuse", "i'll kill my brother, he finished the milk", "reflect", None),
    ("game-death-read-as-wish", "i'm going to die on this raid boss again", "reflect", None),
    ("hike-hyperbole-read-as-wish", "pretty sure i'm going to die on this climb, it's so steep", "reflect", None),
    (
        "old-attempt-of-a-relative-read-as-now",
        "my aunt tried to kill herself years ago, mum told me at dinner",
        "reflect",
        None,
    ),
    ("hurt-feelings-read-as-harm", "i'm going to hurt her feelings if i cancel again", "reflect", None),
    (
        "platform-edge-read-as-a-jump",
        "stood at the edge of the platform waiting for the train for ages",
        "reflect",
        None,
    ),
    (
        "second-chemist-cancelled-by-pharmacy",
        "bought paracetamol at two different chemists so they wouldn't ask questions",
        "safety",
        "self_harm",
    ),
    ("advice-from-me-read-as-a-boundary", "no advice from me, you always know best", "reflect", None),
    ("alone-while-away-read-as-a-boundary", "i'll be alone this weekend while you're away, any recs?", "reflect", None),
    (
        "fright-idiom-beside-a-knife",
        "the bread knife slid off the shelf and scared the hell out of me",
        "reflect",
        None,
    ),
    (
        "charity-cancelled-a-goodbye",
        "gave my books to charity, i won't need them where i'm going",
        "safety",
        "self_harm",
    ),
    ("console-named-as-game-talk", "here, have my xbox, i won't be playing it anymore", "safety", "self_harm"),
    (
        "bath-hyperbole-kept-out-of-water",
        "if the builders start drilling again i'll walk into the sea",
        "reflect",
        None,
    ),
    ("wrestling-read-as-assault", "my mate choked me out at bjj tonight, tapped so fast", "reflect", None),
    ("sleep-till-monday-read-as-a-wish", "so tired i might just not wake up until monday", "reflect", None),
    ("hurt-feelings-via-learned-net", "i'm scared i'll hurt his feelings if i cancel", "reflect", None),
    (
        "sea-hyperbole-paired-with-an-old-scar",
        "my knee scar is healing fine, if it rains again i'll walk into the sea",
        "reflect",
        None,
    ),
    (
        "bare-fright-beside-a-chopping-knife",
        "i'm scared of my new cleaver, chopping onions feels dangerous",
        "reflect",
        None,
    ),
    (
        "nobody-answers-read-as-refused-advice",
        "leave it with the neighbour if nobody answers the door",
        "reflect",
        None,
    ),
    ("good-news-out-loud-read-as-venting", "i just need to say it out loud: we're engaged!", "reflect", None),
    (
        "please-dont-jump-in-read-as-refusing-help",
        "please don't jump in the lake in your new trainers",
        "reflect",
        None,
    ),
    ("sim-card-read-as-game-talk", "he snapped my sim card so i can't ring anyone for help", "safety", "abuse"),
    (
        "teenage-overdose-told-as-past",
        "when i was 19 i swallowed a load of pills, i'm so grateful i'm still here",
        "reflect",
        None,
    ),
    # session 13: a car trouble on the motorway, taken "to the garage", was means plus a private place
    (
        "car-to-the-garage-is-no-means",
        "van's rattling like mad on the motorway, limp it to the garage or get it towed?",
        "reflect",
        None,
    ),
    ("engine-running-in-the-garage-still-safety", "sat in the garage with the engine running, i'm done", "safety",
     "self_harm"),
]


@pytest.mark.parametrize(
    ("bug", "message", "mode", "about"), SAFETY_REGRESSIONS, ids=[r[0] for r in SAFETY_REGRESSIONS]
)
def test_safety_regression(bug: str, message: str, mode: str, about: str | None) -> None:
    r = listenwell.listen(message)
    cues = [(c.kind, c.about, c.rule) for c in r.analysis.cues]
    assert (r.mode == "safety") == (mode == "safety") and (r.mode == "boundary") == (mode == "boundary"), (bug, cues)
    if about is not None:
        assert next(c.about for c in r.analysis.cues if c.kind == "crisis") == about, (bug, cues)


@pytest.mark.parametrize(("bug", "draft", "kinds"), REVIEW_REGRESSIONS, ids=[r[0] for r in REVIEW_REGRESSIONS])
def test_review_regression(bug: str, draft: str, kinds: set[str]) -> None:
    got = {f.kind for f in listenwell.review(draft).flags}
    assert got == kinds, (bug, [(f.kind, f.rule, f.text) for f in listenwell.review(draft).flags])


# (bug, draft, message): reviews that crashed; each must now return a Review.
REVIEW_CRASHES = [
    ("one-word-draft-after-an-empty-sentence", "\u00a1\x1bA", ""),
    ("one-word-draft-after-an-emoji-sentence", "\U0001f642 k", "i had a long day"),
]


@pytest.mark.parametrize(("bug", "draft", "message"), REVIEW_CRASHES, ids=[r[0] for r in REVIEW_CRASHES])
def test_review_crash_regression(bug: str, draft: str, message: str) -> None:
    review = listenwell.review(draft, message=message)
    assert all(draft[f.start : f.end] == f.text for f in review.flags), bug
