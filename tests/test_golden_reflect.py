"""Golden table for listenwell.reflect(): the writer's words as the listener would say them back.

Each expected output is what a careful person would write when turning the message around: I/me/my/mine/myself
and you/your/yours/yourself swap, verbs agree with the new subject, third parties and "we"/"our" keep their place,
and everything else (case, punctuation, the writer's apostrophes or lack of them) stays as written.
"""

from __future__ import annotations

import pytest

import listenwell

GOLDEN: list[tuple[str, str]] = [
    # --- I -> you, with the verb agreeing ---------------------------------------------------------------
    ("I am so tired", "You are so tired"),
    ("I am angry at you", "You are angry at me"),
    ("I was tired", "You were tired"),
    ("I was so scared", "You were so scared"),
    ("I wasn't ready", "You weren't ready"),
    ("I wasnt there", "You weren't there"),
    ("I am who I am", "You are who you are"),
    ("am I crazy?", "are you crazy?"),
    ("was I wrong?", "were you wrong?"),
    ("was I supposed to know?", "were you supposed to know?"),
    ("So I was like, whatever", "So you were like, whatever"),
    ("I've been so stressed", "You've been so stressed"),
    ("I'll do it", "You'll do it"),
    ("I'd love that", "You'd love that"),
    ("I can't do this anymore", "You can't do this anymore"),
    ("I got the job!", "You got the job!"),
    ("I hate myself", "You hate yourself"),
    ("I did it myself", "You did it yourself"),
    ("I'm proud of myself", "You're proud of yourself"),
    ("i hate my job", "you hate your job"),
    ("i dont know", "you don't know"),
    # --- contractions and apostrophe-less forms ----------------------------------------------------------
    ("I'm so tired", "You're so tired"),
    ("I'm not angry, just tired", "You're not angry, just tired"),
    ("Honestly I'm fine", "Honestly you're fine"),
    ("I said I'm fine", "You said you're fine"),
    ("im so tired", "you're so tired"),
    ("Im done", "You're done"),
    ("im done with this", "you're done with this"),
    ("ive been crying all day", "you've been crying all day"),
    ("you're never home", "I'm never home"),
    ("you're right", "I'm right"),
    ("youre never home", "I'm never home"),
    ("I know youre busy", "You know I'm busy"),
    ("youre never home and im always alone", "I'm never home and you're always alone"),
    ("youve changed", "I've changed"),
    ("you've been distant", "I've been distant"),
    ("you'll see", "I'll see"),
    ("you'd never understand", "I'd never understand"),
    # --- you -> I / me: subject or object ----------------------------------------------------------------
    ("you hurt me", "I hurt you"),
    ("I love you", "You love me"),
    ("I told you I was tired", "You told me you were tired"),
    ("You never listen to me.", "I never listen to you."),
    ("I feel like you never listen to me", "You feel like I never listen to you"),
    ("Sometimes I feel like you don't see me", "Sometimes you feel like I don't see you"),
    ("you make me feel small", "I make you feel small"),
    ("I asked you to call me", "You asked me to call you"),
    ("it hurts me when you ignore me", "it hurts you when I ignore you"),
    ("when you ignore me I feel invisible", "when I ignore you you feel invisible"),
    ("I don't know what you want from me", "You don't know what I want from you"),
    ("you were wrong and I was right", "I was wrong and you were right"),
    ("I'm not sure you care", "You're not sure I care"),
    ("I wish you were here", "You wish I was here"),
    ("I thought you were coming", "You thought I was coming"),
    ("I miss you", "You miss me"),
    ("I miss you all the time", "You miss me all the time"),
    ("I thought about you all day", "You thought about me all day"),
    ("I need you to listen", "You need me to listen"),
    ("I really need you right now", "You really need me right now"),
    ("you need me", "I need you"),
    ("I can't believe you said that", "You can't believe I said that"),
    ("I don't think you understand", "You don't think I understand"),
    ("I know you mean well", "You know I mean well"),
    ("I know you lied", "You know I lied"),
    ("I hope you know that", "You hope I know that"),
    ("If you loved me you would", "If I loved you I would"),
    ("I want you to know", "You want me to know"),
    ("I'm sorry I yelled at you", "You're sorry you yelled at me"),
    ("I'm proud of you", "You're proud of me"),
    ("I'll talk to you later", "You'll talk to me later"),
    ("I'm mad at you because you lied", "You're mad at me because I lied"),
    ("tell me you love me", "tell you I love you"),
    ("I'm the one you hurt", "You're the one I hurt"),
    ("You're the one who left", "I'm the one who left"),
    ("I'm so tired of you ignoring me", "You're so tired of me ignoring you"),
    ("I wasn't there for you", "You weren't there for me"),
    ("you weren't there for me", "I wasn't there for you"),
    ("this is about you", "this is about me"),
    ("it's not about you, it's about me", "it's not about me, it's about you"),
    ("between you and me", "between you and me"),  # a pair keeps "you" first
    ("thanks for listening to me", "thanks for listening to you"),
    ("U never listen", "I never listen"),
    ("You feel like I never listen to you", "I feel like you never listen to me"),
    ("you wish I was home more", "I wish you were home more"),
    ("you felt ignored", "I felt ignored"),
    ("you deserve better", "I deserve better"),
    ("I miss you so much", "You miss me so much"),
    # --- questions: the verb moves with its subject -----------------------------------------------------
    ("were you there?", "was I there?"),
    ("Are you kidding me?", "Am I kidding you?"),
    ("are you mad at me?", "am I mad at you?"),
    ("are you even listening?", "am I even listening?"),
    ("can you help me?", "can I help you?"),
    ("Can I be honest with you?", "Can you be honest with me?"),
    ("Do you even care?", "Do I even care?"),
    ("What do you want from me?", "What do I want from you?"),
    ("did you forget my birthday?", "did I forget your birthday?"),
    ("Did you tell your mom?", "Did I tell my mom?"),
    ("have you been drinking?", "have I been drinking?"),
    ("will you marry me?", "will I marry you?"),
    ("can't you see I'm trying?", "can't I see you're trying?"),
    ("r u ok?", "am I ok?"),
    ("how could you do this to me", "how could I do this to you"),
    # --- possessives: mine/yours, my/your ----------------------------------------------------------------
    ("my boss yelled at me", "your boss yelled at you"),
    ("I love your smile", "You love my smile"),
    ("Your mom hates me", "My mom hates you"),
    ("My mom called", "Your mom called"),
    ("My dog died.", "Your dog died."),
    ("It hurts my feelings", "It hurts your feelings"),
    ("that's mine, not yours", "that's yours, not mine"),
    ("Mine broke too", "Yours broke too"),
    ("is that yours?", "is that mine?"),
    ("I gave you my heart", "You gave me your heart"),
    ("you gave me your word", "I gave you my word"),
    ("you did it yourself", "I did it myself"),
    ("You should be proud of yourself", "I should be proud of myself"),
    ("My partner thinks I'm overreacting", "Your partner thinks you're overreacting"),
    # --- third parties and "we" keep their place ---------------------------------------------------------
    ("we never go out anymore", "we never go out anymore"),
    ("our house is a mess", "our house is a mess"),
    ("We had a fight and I cried", "We had a fight and you cried"),
    ("he told me you were out", "he told you I was out"),
    ("she said I was lazy", "she said you were lazy"),
    ("they hate me", "they hate you"),
    ("My sister and I argued", "Your sister and you argued"),
    ("The kids and I are fine", "The kids and you are fine"),
    ("Nobody asked how the kids were", "Nobody asked how the kids were"),
    # --- capitalisation, punctuation, curly apostrophes ---------------------------------------------------
    ("Me?", "You?"),
    ("It's me.", "It's you."),
    ("MY BOSS IS A JERK", "YOUR BOSS IS A JERK"),
    ("YOU NEVER LISTEN", "I NEVER LISTEN"),
    ("I'm tired. You're busy. We never talk.", "You're tired. I'm busy. We never talk."),
    ("I\u2019m exhausted", "You\u2019re exhausted"),
    ("you\u2019re never here", "I\u2019m never here"),
    ("You\u2019re the best", "I\u2019m the best"),
    ("I can\u2019t believe you said that!!", "You can\u2019t believe I said that!!"),
    ("Honestly... I was hurt, okay?", "Honestly... you were hurt, okay?"),
    ('She said "I\'m done with you"', 'She said "you\'re done with me"'),
    ("", ""),
    # --- harder cases: all-caps, a bare auxiliary before "you", split negations, "you and I" ---------------
    ("you and I need to talk", "you and I need to talk"),  # a pair keeps "you" first
    ("I AM SO DONE", "YOU ARE SO DONE"),
    ("How could you?", "How could I?"),
    ("Why are you like this", "Why am I like this"),
    ("I love you just the way you are", "You love me just the way I am"),
    ("Wasn't I clear?", "Weren't you clear?"),
    ("weren't you listening?", "wasn't I listening?"),
]


def test_table_is_big_and_unique() -> None:
    texts = [t for t, _ in GOLDEN]
    assert len(texts) >= 90
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(("text", "expected"), GOLDEN, ids=[t or "<empty>" for t, _ in GOLDEN])
def test_reflect(text: str, expected: str) -> None:
    assert listenwell.reflect(text) == expected


def test_reflect_twice_is_identity_for_pronouns() -> None:
    # Swapping back and forth returns the original for plain subject/object sentences.
    for text in ("I feel like you never listen to me", "my boss yelled at me", "I was tired"):
        assert listenwell.reflect(listenwell.reflect(text)).lower() == text.lower()
