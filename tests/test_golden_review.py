"""Golden tables for review(): drafted replies a careful listener would judge the same way.

Every draft here was written for these tests (none is taken from the benchmark files under benchmarks/data).
- GOOD: skilled replies that must get no flag at all, including ones that use words the flag rules watch for
  ("you could have", "I know ... yet", "that's not fair to you", "whatever you decide", ...).
- BAD: ``(draft, kinds)``; review() must raise exactly this set of flag kinds.
- MISSED: ``(message, draft, present, absent)``; what ``Review.missed`` must and must not name.
Every flag of every draft is also checked: its span is the draft's own text, and its suggestion is non-empty
and asks no "why" question. FIXED_ENGINE keeps problems that sat in the code (not the rule tables) and are fixed
now, so they stay fixed.
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
    # a choice handed over, a sweep that grants the feeling, a why that grants it (issue 12, session 8)
    "Take whichever night suits you best, I'm free all week.",
    "No wonder it got to you, after everything she's put you through this month.",
    "Why wouldn't you feel hurt? He promised to be there.",
    "Do you want company tonight, or would you rather have the place to yourself?",
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
    ("Have you thought about therapy?", {"advice"}),  # a suggestion put as a question is advice only (session 10)
    ("Have you considered just telling her?", {"advice"}),  # a suggestion put as a question is advice only (session 10)
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
    ("Everything happens for a reason, love.", {"minimizing"}),
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
    ("You're just too sensitive sometimes.", {"judging"}),
    ("Stop being such a baby about the shot.", {"judging"}),
    ("What were you thinking, lending him money?", {"judging"}),
    ("You're overthinking it again.", {"judging"}),
    ("Honestly, quitting like that was a dumb move.", {"judging"}),
    ("You brought this on yourself.", {"judging"}),
    ("That's so lazy of you.", {"judging"}),
    ("Honestly, you're being paranoid about the neighbours.", {"judging"}),
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
    ("So you drink most nights?", {"closed_question"}),
    ("You were at the office until ten?", {"closed_question"}),
    ("And she just left?", {"closed_question"}),
    ("Is it about your sister?", {"closed_question"}),
    ("Do you want to talk about it?", {"closed_question"}),
    ("Was he rude to you again?", {"closed_question"}),
    ("Oh no. Did you sleep at all?", {"closed_question"}),  # after an "oh no" alone (session 9: see HEARD_FIRST)
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
    ("Oh boo hoo, your meeting ran long.", {"contempt"}),
    ("Yeah right, like that's ever going to happen.", {"contempt"}),
    ("Must be nice to have that much free time.", {"contempt"}),
    ("Here we go again, same old story.", {"contempt"}),
    ("Cry me a river, seriously.", {"contempt"}),
    ("Get a grip.", {"contempt"}),
    ("Typical you.", {"contempt"}),
    ("Do you want a medal for doing the dishes?", {"contempt", "closed_question"}),
    # dismissive
    ("Whatever. I'm going to bed.", {"dismissive"}),
    ("Can we not do this tonight?", {"dismissive", "closed_question"}),
    ("Just let it go.", {"dismissive"}),
    ("I don't want to hear about it tonight.", {"dismissive"}),
    ("Get over it, that was last spring.", {"dismissive"}),
    ("It is what it is.", {"dismissive"}),
    ("Not this again.", {"dismissive"}),
    ("Suck it up, everyone has bad days.", {"dismissive", "minimizing"}),
    ("Who cares what your cousins think.", {"dismissive"}),
    # an acknowledgement undone by "but"
    ("I hear you, but your mom means well.", {"but_undo"}),
    ("I understand you're upset. But we already paid for the tickets.", {"but_undo"}),
    ("I get that you're tired, however the kids need dinner.", {"but_undo"}),
    ("I know it hurt. But it was years ago.", {"but_undo"}),
    ("I get it, though we did agree on this.", {"but_undo"}),
    ("That makes sense, but the flights are already booked.", {"but_undo"}),
    ("That makes sense, but I still think you overreacted.", {"but_undo", "minimizing", "judging"}),
    ("I understand, but can we talk about it tomorrow?", {"but_undo", "closed_question"}),
]

# More skilled replies, many using words the flag rules watch for in a harmless way.
GOOD += [
    "Anyway, I'm proud of you for saying something.",
    "By the way, I booked us a quiet dinner Friday so you can decompress.",
    "I'd want to know anyway, so thank you for telling me.",
    "You could tell something was off, and you trusted that. That took guts.",
    "I'm tired of watching you carry this alone. Let me take some of it.",
    "My mom was asking about you today, she sends her love.",
    "When I heard, my heart dropped. How are you doing?",
    "It sounds like every weekend has been swallowed by their visits.",
    "I know it's a lot, and I'm right here.",
    "That sounds hard and lonely.",
    "I hear that you've been feeling unseen, and I'm sorry.",
    "You're right. I should have asked before inviting them.",
    "It's been killing me seeing you this stressed. What can I take off your plate?",
    "The way he spoke to you was rude. You didn't deserve that.",
    "That's a fair question, and I don't have a great answer yet.",
    "I'm so sorry, what an awful thing to go through.",
    "That's a crazy amount of work for one week. No wonder you're fried.",
    "Poor thing, you must be freezing. Come here.",
    "Not now, but I'd love to hear it tonight after dinner, if that works for you.",
    "I was going to ask how the appointment went. How did it go?",
    "It's not like you to be this quiet. What's going on?",
    "I know you've been waiting to hear back, and the waiting sounds awful.",
    "You're allowed to be upset about this.",
    "You don't have to deal with it alone. I'm here.",
    "I'm glad you asked her about it. How did she take it?",
    "When you're ready, I'd really like to hear how it went.",
    "It sounds like you're worried you were too much at the party.",
    "We always figure it out together, and we will this time too.",
    "I noticed you seemed quiet at dinner. What's on your mind?",
    "That's the worst. I'm so sorry your flight got cancelled.",
    "It's the anniversary this week. I'm thinking of you and of her.",
    "It's not your fault. You did everything you could.",
    "I can only imagine how scary that was.",
    "I'm here for you, always.",
    "That's wonderful news, you must be over the moon!",
    "Of course you miss her. She was your best friend for twenty years.",
    "The kids adore you. It makes sense that it stung when Sam said that.",
    "You handled that so gracefully, even though it hurt.",
    "It sounds like part of you wants to go and part of you wants to stay.",
    "When my name came up in your story I felt awful. I'm sorry I wasn't there.",
    "I'm so glad you got to take a break this weekend. You needed it.",
    "You've been holding a lot, too much for one person. I'm here.",
    "Let's go to bed early tonight and just be together.",
    "Go for it! I'm so excited for you.",
    "Everyone deserves to be heard, and I want to hear you.",
    "That must have been a long day. Lie down, I'll bring you tea.",
    "It sounds like work has been relentless. What's been the hardest bit?",
    "Back when we first met, you told me this dream. I'm so proud you're doing it.",
    "I've done a lot of thinking about what you said, and you're right. I'm sorry.",
    "What a day. How are you feeling now that you're home?",
    "I hear how disappointed you are. That trip meant a lot.",
    "That's a tough spot. What are you leaning toward?",
    "You worked so hard on that pitch. It makes sense it stings.",
    "I love you. Thank you for telling me how you really feel.",
    "It sounds like you felt dismissed when he laughed.",
    "Tell me what happened at the school pickup.",
    "I'm sorry, I dropped the ball on the bills. I'll fix it today.",
    "That is really scary. I'm here, and we'll get through the test results together.",
    "You don't have to have it all figured out tonight.",
    "I can hear how much you miss your dad.",
    "That's a lot of change at once. What feels hardest?",
    "No wonder you're anxious, you've got three deadlines this week.",
    "It's okay to cry. I'm right here.",
    "I'm so proud of you for speaking up in that meeting.",
    "That sounds incredibly frustrating, especially after all your prep.",
    "I'm sorry, that was thoughtless of me. You deserved better.",
    "It makes sense you'd feel left out when they made plans without you.",
    "How are you doing with all of it?",
    "You sound really hurt, and I want to understand.",
    "It's been a hard year for you. I see how hard you're trying.",
    "I know that conversation with your mom was painful.",
    "Oh love, I'm so sorry. That's such a loss.",
    "That sounds overwhelming. What would feel supportive right now?",
    "I was wrong to joke about it. I'm sorry.",
    "You have every reason to feel let down.",
    "What's been on your mind since the call?",
    "I'm glad you told me. I want to help however you'd like.",
    "It sounds like you're really torn about the move.",
    "ugh babe that sounds like such a long day. come here",
    "I'm really sorry about the interview. You prepared so much for it.",
    "That's a lot of pressure to be under. How are you holding up with it?",
    "I can tell this has been eating at you. Thank you for telling me.",
    "It sounds like you felt really alone at the party.",
    "You're allowed to be disappointed, even if it was the right call.",
    "Of course you're nervous, it's a huge step.",
    "I hate that you had to deal with that on your own.",
    "That sounds really painful. I'm listening.",
    "You've been running yourself ragged for weeks. I see it.",
    "That's awful, I'm so sorry she said that to you.",
    "You must be so relieved it's finally done!",
    "Wow, you nailed it. How did it feel walking out of there?",
    "I'm sorry I made you feel like you had to handle it alone.",
    "What a horrible thing to hear from your doctor. I'm here.",
    "It makes sense that you'd want some quiet tonight.",
    "I'm so sorry, love. Losing him is a huge loss.",
    "You sound really frustrated with how the meeting went.",
    "No pressure to talk about it now. I'm around whenever.",
    "That sounds so stressful with the move and your mom being sick at the same time.",
    "I'm glad you reached out to your sister about it. How did that feel?",
    "It's a big deal and you should be proud.",
    "You didn't deserve to be spoken to like that.",
    "That would rattle anyone. What's going through your head?",
    "I'm sorry I've been distant. You've needed me and I haven't shown up.",
    "Sounds like you're feeling pulled in a lot of directions.",
    "I love you, and I'm on your side with this.",
    "What was the hardest moment today?",
    "It sounds like you're grieving the friendship.",
    "That's so exciting, I can't wait to hear how it goes!",
    "I know you're exhausted. Let me take the kids tomorrow morning.",
    "I had no idea it had gotten that bad. Thank you for telling me.",
    "You've handled so much this year. It makes sense you're worn down.",
    "Tell me more about what your manager said.",
    "I'm sorry you're hurting. I'm not going anywhere.",
    "That must have been terrifying on the highway.",
    "You were so brave to say that to her.",
    "I really hear how much you want to be taken seriously at work.",
    "It sounds like you're proud and a little scared at the same time.",
    "That's rough. What do you think you need tonight?",
    "oh no, that's so unfair. you were counting on that bonus",
    "It sounds like you're worried you let the team down.",
    "I'm so sorry about your aunt. I know you two were close.",
    "That sounds like a gut punch. What happened after?",
    "It makes sense you'd feel rattled after a near miss like that.",
    "You've been trying so hard with him. I can see how tired you are.",
    "That's a heavy thing to carry. I'm glad you're not carrying it alone.",
    "Ooh, that's huge! Tell me about the moment you found out.",
    "I'm sorry I wasn't more patient this morning. That's on me.",
    "I can hear how much you care about getting this right.",
    "What's been the toughest part of being back at work?",
    "That sounds confusing. What did she say exactly?",
    "You've been so strong through all of this, and you don't have to be strong with me.",
    "Hey, I'm right here. Take as long as you need.",
    "I know how much you love that place. Losing it must hurt.",
    "I'm really happy for you. You've earned every bit of it.",
    "It sounds like the silence from your dad has been really painful.",
    "I can tell you've been holding this in for a while.",
    "That's so frustrating when you've done everything they asked.",
    "I'm so sorry the test results came back like that. I'm with you.",
    "It's understandable that you're angry.",
    "What would make tonight a little easier for you?",
    "I'm sorry, I should have checked with you first.",
    "That sounds like a really isolating week.",
    "You must miss her so much today.",
    "I'm proud of you for going, even though it was hard.",
    "I'm here. Whenever you want to talk, I'll listen.",
    "That's scary. What's the doctor saying about next steps?",
    "It sounds like you felt blindsided and a bit betrayed.",
    "Thank you for telling me. I know that wasn't easy to say.",
    "it sounds like the kids really ran you ragged today",
    "That's such a relief. I've been thinking about you all day.",
    "You sound so excited! What are you most looking forward to?",
    "I'm sorry it went like that. You deserved to be heard.",
    "That must have been so hard to watch.",
    "You had every reason to be upset with me.",
    "That's a big change. How are you feeling about it?",
    "I'm sorry, I know that's not what you were hoping for.",
    "Sounds like things with your brother have been tense. What's been going on?",
    "I'm grateful you trust me with this.",
]

# More roadblocks in everyday wording; some raise two kinds (a closed question that also dismisses, ...).
BAD += [
    ("Honestly, just start applying elsewhere.", {"advice"}),
    ("Put the phone in another room at night, problem fixed.", {"advice"}),
    ("You oughta say something to her.", {"advice"}),
    ("Perhaps you could reach out to a career coach.", {"advice"}),
    ("Why not ask for an extension?", {"advice", "why_question"}),
    ("My two cents: cut him off.", {"advice"}),
    ("Write her a letter instead.", {"advice"}),
    ("Next time, tell him no.", {"advice"}),
    ("Drink some water and lie down.", {"advice"}),
    ("It's just a job, you'll find another.", {"minimizing"}),
    ("Eh, it'll blow over by Monday.", {"minimizing"}),
    ("Everyone gets rejected, it's part of it.", {"minimizing"}),
    ("You're making a mountain out of nothing.", {"judging"}),
    ("It's only been two weeks, give it time.", {"minimizing"}),
    ("Don't be so down on yourself, it's fine.", {"judging", "minimizing"}),
    ("That's nothing to be sad about.", {"minimizing"}),
    ("Lots of people would kill for your problems.", {"minimizing"}),
    ("Relax, it's not a big thing.", {"minimizing"}),
    ("You'll forget all about it tomorrow.", {"minimizing"}),
    ("That's a weird thing to get upset over.", {"judging"}),
    ("You're acting like a child.", {"judging"}),
    ("That was really immature of you.", {"judging"}),
    ("You're so stubborn.", {"judging"}),
    ("That's an irrational fear.", {"judging"}),
    ("Come on, that's a ridiculous reason.", {"judging"}),
    ("You're being a bit much about this.", {"judging"}),
    ("You're overreacting to a text message.", {"minimizing", "judging"}),
    ("Honestly that's on you for trusting him.", {"judging"}),
    ("You're way too negative about everything.", {"judging"}),
    ("I only did what you asked me to.", {"defensive"}),
    ("You're the one who wanted to go.", {"defensive"}),
    ("Excuse me for trying to help.", {"defensive"}),
    ("I have a life too, you know.", {"defensive"}),
    ("I can't read your mind.", {"defensive"}),
    ("I said I'd do it and I will, stop nagging.", {"defensive"}),
    ("That's not how I remember it.", {"defensive"}),
    ("I didn't mean anything by it.", {"defensive"}),
    ("You're twisting what I said.", {"defensive"}),
    ("Look, I work all day too.", {"defensive", "self_focus"}),
    ("I had a boss like that once.", {"self_focus"}),
    ("Ugh, I've been so stressed myself lately.", {"self_focus"}),
    ("You think your day was bad, mine was worse.", {"self_focus"}),
    ("My sister went through the exact same thing.", {"self_focus"}),
    ("I'm dealing with a lot too right now.", {"self_focus"}),
    ("When my dad got sick I basically lived at the hospital.", {"self_focus"}),
    ("I totally get it, I hate my job too.", {"self_focus"}),
    ("Oh I've done that so many times.", {"self_focus"}),
    ("Back in college I failed a class too.", {"self_focus"}),
    ("You do this every single time.", {"absolute"}),
    ("You never think about anyone else.", {"absolute"}),
    ("Nothing is ever good enough for you.", {"absolute"}),
    ("You constantly forget to text.", {"absolute"}),
    ("You're never on time.", {"absolute"}),
    ("You always make everything about you.", {"absolute", "judging"}),
    ("It's always something with your family.", {"absolute"}),
    ("You forget every time.", {"absolute"}),
    ("Aww, did someone have a hard day? 🙄", {"closed_question", "contempt"}),
    ("Wow. So brave.", {"contempt"}),
    ("Sure, because you're the only one who works.", {"contempt"}),
    ("Oh please, spare me.", {"contempt"}),
    ("Cool story.", {"contempt"}),
    ("lol ok drama queen", {"contempt"}),
    ("Must be so hard being you.", {"contempt"}),
    ("Right, because that makes total sense.", {"contempt"}),
    ("Can we talk about something else?", {"closed_question", "dismissive"}),
    ("I don't have the energy for this tonight.", {"dismissive"}),
    ("That's not my problem, babe.", {"dismissive"}),
    ("Let's just forget it.", {"dismissive"}),
    ("Okay whatever you say.", {"contempt"}),
    ("Can this wait until after the game?", {"closed_question", "dismissive"}),
    ("I'm not doing this with you.", {"dismissive"}),
    ("Not now.", {"dismissive"}),
    ("Stop making such a fuss.", {"judging"}),
    ("I hear that, but you agreed to it.", {"but_undo"}),
    ("I see your point, but it's too expensive.", {"but_undo"}),
    ("You're right, but I can't change it now.", {"but_undo"}),
    ("Sure, I get it, but we have plans.", {"but_undo"}),
    ("I understand how you feel, however we need the money.", {"but_undo"}),
    ("That's valid. But rules are rules.", {"but_undo"}),
    ("I know you're upset, though you knew this was coming.", {"but_undo"}),
    ("I appreciate that, but I disagree.", {"but_undo"}),
    ("Totally understandable, but he's my brother.", {"but_undo"}),
    ("I know, I know. But it's only for a week.", {"but_undo", "minimizing"}),
    ("What made you think that was okay?", {"why_question"}),
    ("Why on earth would you do that?", {"why_question"}),
    ("How come you never mentioned it?", {"absolute", "why_question"}),
    ("Why are you crying?", {"why_question"}),
    ("What's your reason for skipping it?", {"why_question"}),
    ("Did he apologize?", {"closed_question"}),
    ("You're still upset about that?", {"closed_question"}),
    ("Are you mad at me?", {"closed_question"}),
    ("Is it the money again?", {"closed_question"}),
    ("So she just said no?", {"closed_question"}),
    ("You should really see someone about that.", {"advice"}),
    ("Maybe start with a to-do list.", {"advice"}),
    ("Try talking to her when she's calm.", {"advice"}),
    ("Quit and find something better.", {"advice"}),
    ("Get a second job if money's tight.", {"advice"}),
    ("I think you need to stand up for yourself more.", {"advice"}),
    ("Set an alarm so you don't forget next time.", {"advice"}),
    ("Ask for help at work, that's what teams are for.", {"advice"}),
    ("It's not worth crying over.", {"minimizing"}),
    ("Come on, it's only a haircut.", {"minimizing"}),
    ("You're lucky it wasn't worse.", {"minimizing"}),
    ("People lose jobs every day.", {"minimizing"}),
    ("It'll all be forgotten by next week.", {"minimizing"}),
    ("Stop stressing, it's fine.", {"minimizing"}),
    ("Smile, it's Friday!", {"minimizing"}),
    ("Think of all the good things you have.", {"minimizing"}),
    ("That's such a childish way to react.", {"judging"}),
    ("You're being irrational.", {"judging"}),
    ("Honestly that's kind of pathetic.", {"judging"}),
    ("You're being really needy lately.", {"judging"}),
    ("That was a stupid thing to do.", {"judging"}),
    ("You need to grow up.", {"judging"}),
    ("You're acting crazy.", {"judging"}),
    ("That's a silly thing to worry about.", {"judging"}),
    ("I did what you asked, didn't I?", {"defensive"}),
    ("I'm not the bad guy here.", {"defensive"}),
    ("You're blaming me for everything.", {"defensive"}),
    ("I was tired too, okay?", {"closed_question", "defensive"}),
    ("I never said I'd do it.", {"defensive"}),
    ("You knew I had work.", {"defensive"}),
    ("That's not fair, I've been trying.", {"defensive"}),
    ("At least I showed up.", {"defensive"}),
    ("My boss does the same thing to me.", {"self_focus"}),
    ("I've had the worst week too.", {"self_focus"}),
    ("I'm so tired too, the baby kept me up.", {"self_focus"}),
    ("Ha, that's nothing, you should've seen my day.", {"self_focus"}),
    ("I went through a breakup like that.", {"self_focus"}),
    ("My ex used to do that.", {"self_focus"}),
    ("When I lost my job I was a mess for months.", {"self_focus"}),
    ("I'm in the exact same situation.", {"self_focus"}),
    ("You never help around the house.", {"absolute"}),
    ("You always forget.", {"absolute"}),
    ("You're never there when I need you.", {"absolute"}),
    ("Every time I try to talk, you shut down.", {"absolute"}),
    ("You always have an excuse.", {"absolute"}),
    ("Nothing I do is ever enough for you.", {"absolute", "defensive"}),
    ("Oh no, not the cold coffee.", {"contempt"}),
    ("Wow, the world must be ending.", {"contempt"}),
    ("Congratulations, you did the bare minimum.", {"contempt"}),
    ("Poor little you.", {"contempt"}),
    ("Yeah, sure you are.", {"contempt"}),
    ("🙄 here we go", {"contempt"}),
    ("Ha. Good one.", {"contempt"}),
    ("Oh, you poor thing, having to cook once.", {"contempt"}),
    ("Can we drop it?", {"closed_question", "dismissive"}),
    ("I don't care.", {"dismissive"}),
    ("Let's not talk about this.", {"dismissive"}),
    ("Moving on.", {"dismissive"}),
    ("Fine. Whatever.", {"dismissive"}),
    ("Can you stop? I'm trying to watch this.", {"closed_question", "dismissive"}),
    ("Ugh, this again?", {"closed_question", "dismissive"}),
    ("Sleep on it and forget about it.", {"advice", "dismissive"}),
    ("I hear you, but that's how it has to be.", {"but_undo"}),
    ("I understand it's frustrating, but that's the policy.", {"but_undo"}),
    ("I know you're scared. But you have to go.", {"advice", "but_undo"}),
    ("I get why you're annoyed, but I was busy.", {"but_undo", "defensive"}),
    ("Makes sense, but we can't afford it.", {"but_undo"}),
    ("I totally understand. However, the decision is made.", {"but_undo"}),
    ("Why do you always do this?", {"absolute", "why_question"}),
    ("Why didn't you tell me?", {"why_question"}),
    ("What's the point of getting upset?", {"why_question"}),
    ("How come you're so quiet?", {"why_question"}),
    ("Did you talk to your brother?", {"closed_question"}),
    ("You didn't eat today?", {"closed_question"}),
    ("Is work stressing you out?", {"closed_question"}),
    ("Was it because of me?", {"closed_question"}),
    ("Just tell your mom you can't come.", {"advice"}),
    ("You should look into a different doctor.", {"advice"}),
    ("It might be a good idea to talk to HR.", {"advice"}),
    ("Why don't you just take the day off?", {"advice", "why_question"}),
    ("Stop checking your email after dinner.", {"advice"}),
    ("You'd feel better if you went to the gym.", {"advice"}),
    ("Go talk to your teacher tomorrow.", {"advice"}),
    ("You'll want to document everything.", {"advice"}),
    ("Oh it's not so bad.", {"minimizing"}),
    ("You're fine, it's just a cold.", {"minimizing"}),
    ("Don't sweat it.", {"minimizing"}),
    ("It's just stuff, it can be replaced.", {"minimizing"}),
    ("Whatever, it's one bad grade.", {"dismissive", "minimizing"}),
    ("Come on, it's not like anyone died.", {"minimizing"}),
    ("It's really not worth getting worked up about.", {"minimizing"}),
    ("At least it's over now.", {"minimizing"}),
    ("Chin up!", {"minimizing"}),
    ("You'll laugh about it one day.", {"minimizing"}),
    ("That's kind of an overreaction.", {"minimizing"}),
    ("You're being a bit of a brat.", {"judging"}),
    ("You're so lazy about this stuff.", {"judging"}),
    ("That's an insane thing to say.", {"judging"}),
    ("You're being unfair to him.", {"judging"}),
    ("Honestly, that's just dumb.", {"judging"}),
    ("You're such a worrier.", {"judging"}),
    ("You shouldn't feel that way.", {"judging"}),
    ("But I said sorry already.", {"defensive"}),
    ("Hey, I'm trying my best here.", {"defensive"}),
    ("That's rich coming from you.", {"defensive"}),
    ("It's not like you helped either.", {"defensive"}),
    ("I wasn't even there, so don't look at me.", {"defensive"}),
    ("I didn't do anything wrong.", {"defensive"}),
    ("Why are you attacking me?", {"defensive", "why_question"}),
    ("You're putting words in my mouth.", {"defensive"}),
    ("I had a terrible day too, my boss yelled at me.", {"self_focus"}),
    ("Same, my back is killing me.", {"self_focus"}),
    ("I had the flu last month and it was way worse.", {"self_focus"}),
    ("When my grandma died I didn't cry for weeks.", {"self_focus"}),
    ("I know, I've been feeling that way about my job forever.", {"self_focus"}),
    ("My friend had that happen and she was fine.", {"self_focus"}),
    ("I'm always the one who gets stuck with it too.", {"self_focus"}),
    ("You're always late.", {"absolute"}),
    ("You never want to do anything fun.", {"absolute"}),
    ("You always take her side.", {"absolute"}),
    ("You never say thank you.", {"absolute"}),
    ("Every single time we visit, you complain.", {"absolute"}),
    ("You constantly interrupt me.", {"absolute"}),
    ("Oh, how terrible for you.", {"contempt"}),
    ("Do you need a tissue?", {"closed_question", "contempt"}),
    ("Someone's cranky.", {"contempt"}),
    ("Well aren't you special.", {"contempt"}),
    ("Boo hoo, the Wi-Fi is slow.", {"contempt"}),
    ("Oh sure, blame the dishwasher.", {"contempt"}),
    ("Wow, what a hardship.", {"contempt"}),
    ("Try having real problems.", {"contempt"}),
    ("Can we not?", {"closed_question", "dismissive"}),
    ("I'm not talking about this.", {"dismissive"}),
    ("Just drop it.", {"dismissive"}),
    ("It's not a big deal, moving on.", {"dismissive", "minimizing"}),
    ("I've got stuff to do.", {"dismissive"}),
    ("Don't start.", {"dismissive"}),
    ("I get that, but you knew the rules.", {"but_undo"}),
    ("I hear what you're saying, but I'm not changing my mind.", {"but_undo"}),
    ("That's understandable, but we can't go.", {"but_undo"}),
    ("I know, but it's not my call.", {"but_undo"}),
    ("I can see you're upset, but I need to finish this.", {"but_undo"}),
    ("You're right. But it's done now.", {"but_undo"}),
    ("Why did you even go?", {"why_question"}),
    ("Why are you being like this?", {"why_question"}),
    ("Why would you think that?", {"why_question"}),
    ("How come you never ask me?", {"absolute", "why_question"}),
    ("Did you cry?", {"closed_question"}),
    ("So it's over?", {"closed_question"}),
    ("Are you upset with me about dinner?", {"closed_question"}),
    ("You're not going?", {"closed_question"}),
    ("Is it your dad again?", {"closed_question"}),
]

# (message, draft, missed kinds that must be there, missed kinds that must not be there)
Missed = tuple[str, str, set[str], set[str]]

MISSED: list[Missed] = [
    # a boundary answered with a question
    ("I need some space tonight. I'm not ready to talk about it.", "Okay, but what happened?", {"boundary"}, set()),
    ("I need some space tonight. I'm not ready to talk about it.", "Did I do something wrong?", {"boundary"}, set()),
    ("I need space right now. I'm not ready to talk.", "Can we just talk about it now?", {"boundary"}, set()),
    (
        "I need some space tonight. I'm not ready to talk about it.",
        "Okay. I'll give you room, and I'm around when you want me.",
        set(),
        {"boundary"},
    ),
    # a crisis answered with advice, and answered with presence
    ("I don't want to be alive anymore.", "You should get more sleep and go for a run.", {"crisis"}, set()),
    ("I've been thinking about killing myself.", "Have you tried meditation?", {"crisis"}, set()),
    (
        "I don't want to be alive anymore.",
        "I'm so glad you told me. I'm here with you right now, and I'm not going anywhere.",
        set(),
        {"crisis"},
    ),
    # a sad message answered without naming the feeling
    ("My grandma passed away this morning and I feel so sad.", "What time should I pick you up?", {"feeling"}, set()),
    ("I've been feeling really lonely since we moved.", "Have you joined any clubs yet?", {"feeling"}, set()),
    ("I'm so sad, my dog died last night.", "Do you want pizza for dinner?", {"feeling"}, set()),
    (
        "I've been feeling really lonely since we moved.",
        "It sounds really lonely, being somewhere new without your people. I'm here.",
        set(),
        {"feeling"},
    ),
    (
        "My grandma passed away this morning and I feel so sad.",
        "I'm so sorry. You must be so sad, she meant the world to you.",
        set(),
        {"feeling"},
    ),
]


# Engine problems (code, not rule tables) once listed here as known and failing. All five pass now (they were
# listed as known problems but had no xfail mark): they are regression rows, each a bug that must stay fixed.
FIXED_ENGINE: list = [
    pytest.param(
        "review",
        "Use a planner.",
        {"advice"},
    ),
    pytest.param(
        "review",
        "I know you still haven't heard back from the clinic yet, and the waiting is awful.",
        set(),
    ),
    pytest.param(
        "review",
        "That sounds exhausting but really meaningful.",
        set(),
    ),
    pytest.param(
        "missed",
        "What time is the funeral?",
        {"feeling"},
    ),
    pytest.param(
        "boundary",
        "Can we just talk about it now?",
        {"boundary"},
    ),
]
_FIXED_MESSAGES = {
    "missed": "My grandma passed away this morning and I feel so sad.",
    "boundary": "Please give me a few days, I can't talk about this yet.",
}


@pytest.mark.parametrize(("what", "draft", "expected"), FIXED_ENGINE)
def test_fixed_engine_problems_stay_fixed(what: str, draft: str, expected: set[str]) -> None:
    if what == "review":
        assert _kinds(draft) == expected, _show(draft)
    else:
        got = {m.kind for m in listenwell.review(draft, message=_FIXED_MESSAGES[what]).missed}
        assert expected <= got


def test_but_undo_rewrite_keeps_the_acknowledgement_and_drops_the_but() -> None:
    flags = listenwell.review("I can see why that hurt, but it was a joke.").flags
    (flag,) = [f for f in flags if f.kind == "but_undo"]
    assert flag.suggestion.startswith("I can see why that hurt."), flag.suggestion
    assert "joke" not in flag.suggestion and " but " not in flag.suggestion


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


_ALL = [(d, None) for d in GOOD] + [(d, None) for d, _ in BAD]
_ALL += [(d, m) for m, d, _, _ in MISSED]


@pytest.mark.parametrize(("draft", "message"), _ALL, ids=[d[:40] for d, _ in _ALL])
def test_every_flag_has_a_span_and_a_why_free_suggestion(draft: str, message: str | None) -> None:
    for f in listenwell.review(draft, message=message).flags:
        assert draft[f.start : f.end] == f.text, (f.start, f.end, f.text)
        assert f.text.strip()
        assert f.suggestion.strip(), f
        why_questions = [q for q in re.findall(r"[^.!?]*\?", f.suggestion) if re.search(r"\bwhy\b", q, re.I)]
        assert not why_questions, f.suggestion
        assert f.why.strip()


# --- issue 12: review that holds up on real talk ----------------------------------------------------------------
# Every draft below was written for these tests from the kinds the issue names; none is taken from evaluation data.

# Advice read from its shape, in wording none of the phrase rows spells out.
ADVICE_SHAPES: list[Bad] = [
    # a modal and an action with "you" as its subject
    ("Honestly you really ought to take the promotion.", {"advice"}),
    ("You'll need to book the vet before Friday.", {"advice"}),
    ("You could swap shifts with Dana.", {"advice"}),
    ("You might want to sleep on the decision.", {"advice"}),
    ("I think you just need to sit down and make a budget.", {"advice"}),
    ("You gotta put your phone away at dinner.", {"advice"}),
    # a command at the head of a clause, after a condition, or after "I think"
    ("Delete the app tonight.", {"advice"}),
    ("If the noise keeps you up, buy earplugs.", {"advice"}),
    ("Okay, avoid caffeine after lunch.", {"advice"}),
    ("I think just tell your coach the truth.", {"advice"}),
    ("Don't drink coffee after noon.", {"advice"}),
    # what I would do in their place
    ("I'd quit that choir.", {"advice"}),
    # a plan announced, a value, an opinion framed as help
    ("The next step is to call the insurer.", {"advice"}),
    ("What helps is a hot shower before bed.", {"advice"}),
    ("I think cutting back on takeaways would help.", {"advice"}),
    ("A short walk at lunch might do you good.", {"advice"}),
    ("It might be good to ask for a week off.", {"advice"}),
    ("It's really important that you rest this weekend.", {"advice"}),
    # an expert frame and an offer of options
    ("What's worked for other couples I know is a weekly check-in.", {"advice"}),
    ("A lot of people find it helps to write things down.", {"advice"}),
    ("There are a few things you can try with the landlord.", {"advice"}),
    ("One option would be to move the party to Sunday.", {"advice"}),
    # advice about a third party or a habit
    ("Those late-night snacks need to stop.", {"advice"}),
    ("That habit has to change.", {"advice"}),
    ("They need to stop calling you after ten.", {"advice"}),
    # a suggestion put as a question is advice; a question about it still narrows the answer
    ("What about trying the earlier train?", {"advice"}),
    ("Would you consider a smaller wedding?", {"advice"}),  # a suggestion put as a question is advice only (session 10)
    ("I wonder if it would help to sleep in the spare room.", {"advice"}),
]

# The same verbs where they are not the listener's advice: the partner's own words, their plan, a description.
NOT_ADVICE: list[tuple[str | None, str, set[str]]] = [
    (None, "You said you need to get more sleep.", set()),
    (None, "You feel like you have to be perfect at work.", set()),
    (None, "It sounds like you need a real break.", set()),
    (None, "Part of you wants to quit, and part of you loves it.", set()),
    (None, 'Your mum told you "you should just leave him", and that really stung.', set()),
    (None, "That's a lot, with everything you need to pay for this month.", set()),
    (None, "Whatever you need to do, I'm with you.", set()),
    (None, "If you need to cry, cry. I'm here.", set()),
    (None, "So you'll turn the TV off at ten?", {"closed_question"}),
    (None, "What time would you need to leave to be there by nine?", {"closed_question"}),
    (None, "How long do you think you could keep this pace up?", set()),
    (None, "You must miss her so much today.", set()),
    (None, "You don't have to figure it out tonight.", set()),
    (None, "It's late, and it's time to go to bed.", set()),
    (None, "I'd love to hear the whole story.", set()),
    (None, "I'd bring you soup if you want.", set()),
    (None, "Please go on, I'm listening.", set()),
    (None, "You can get there, I know it.", set()),
    # the partner's own plan said back is a reflection, not advice
    ("I need to start going to the gym again, I feel awful.", "So you need to start going to the gym again.", set()),
    ("I think I should call my sister and clear the air.", "You should call your sister and clear the air.", set()),
]

# Listening skills: backchannels, minimal encouragers and summaries are strengths, never dismissive.
ENCOURAGERS: list[str] = [
    "Mm-hmm.",
    "Uh-huh.",
    "Yeah, yeah, yeah.",
    "Right. Okay.",
    "Mm. Yeah.",
    "Yeah?",
    "Okay. Go on.",
]
SUMMARIES: list[str] = [
    "So, to sum up: work has been relentless, and you feel nobody sees it.",
    "Let me summarize what I heard. You're tired, and you want more help at home.",
]
BRUSH_OFFS: list[Bad] = [
    ("Whatever.", {"dismissive"}),
    ("Ok and?", {"dismissive"}),
    ("Not this again.", {"dismissive"}),
    ("And your point is?", {"dismissive", "closed_question"}),
]

# Sarcasm by capitals, and capitals that are plain warmth.
CAPS_BAD: list[Bad] = [
    ("Wow, your job sounds SO exhausting.", {"contempt"}),
    ("WOW, great job.", {"contempt"}),
    ("Oh, that must be SO hard for you.", {"contempt"}),
]
CAPS_GOOD: list[str] = [
    "I'm SO proud of you!!",
    "That's SO unfair to you.",
    "I love you SO much.",
    "I'M SO SORRY, LOVE.",
]

# Message-aware flags: (message, draft, exact flag kinds).
MESSAGE_BAD: list[tuple[str, str, set[str]]] = [
    ("My boss yelled at me in front of everyone.", "Mhm. What's for dinner?", {"dismissive"}),
    ("I had the worst day at the hospital.", "Okay. The laundry is done, by the way.", {"dismissive"}),
    ("My boss yelled at me in front of everyone.", "Ugh, what a jerk. What did you say to him?", set()),
]


@pytest.mark.parametrize(("draft", "kinds"), ADVICE_SHAPES, ids=[d[:40] for d, _ in ADVICE_SHAPES])
def test_advice_is_read_from_its_shape(draft: str, kinds: set[str]) -> None:
    assert _kinds(draft) == kinds, _show(draft)


@pytest.mark.parametrize(("message", "draft", "kinds"), NOT_ADVICE, ids=[d[:40] for _, d, _ in NOT_ADVICE])
def test_not_advice(message: str | None, draft: str, kinds: set[str]) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags}
    assert got == kinds, _show(draft)


@pytest.mark.parametrize("draft", ENCOURAGERS)
def test_encouragers_are_strengths_not_brush_offs(draft: str) -> None:
    r = listenwell.review(draft, message="My sister hasn't spoken to me in a week.")
    assert not r.flags, _show(draft)
    if not draft.endswith("?"):
        assert any(s.kind == "encourager" for s in r.strengths), r.strengths


@pytest.mark.parametrize("draft", SUMMARIES)
def test_summaries_are_strengths(draft: str) -> None:
    r = listenwell.review(draft)
    assert not r.flags, _show(draft)
    assert any(s.kind == "summary" for s in r.strengths), r.strengths
    assert r.balance.reflections >= 1


@pytest.mark.parametrize(("draft", "kinds"), BRUSH_OFFS + CAPS_BAD, ids=[d[:40] for d, _ in BRUSH_OFFS + CAPS_BAD])
def test_brush_offs_and_sarcasm(draft: str, kinds: set[str]) -> None:
    assert _kinds(draft) == kinds, _show(draft)


@pytest.mark.parametrize("draft", CAPS_GOOD)
def test_capitals_of_warmth_are_not_sarcasm(draft: str) -> None:
    assert _kinds(draft) == set(), _show(draft)


def test_capitals_after_good_news_are_joy() -> None:
    r = listenwell.review("WOW, great job!!", message="I got the promotion!!!")
    assert not r.flags, [(f.kind, f.rule) for f in r.flags]


@pytest.mark.parametrize(("message", "draft", "kinds"), MESSAGE_BAD, ids=[d[:40] for _, d, _ in MESSAGE_BAD])
def test_change_of_subject(message: str, draft: str, kinds: set[str]) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags}
    assert got == kinds, [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message=message).flags]


# Questions: an offer to listen gets a gentler note than a leading question; a why and a closed question both show.
def _closed(draft: str, message: str | None = None) -> listenwell.Flag:
    (flag,) = [f for f in listenwell.review(draft, message=message).flags if f.kind == "closed_question"]
    return flag


def test_an_offer_to_listen_gets_a_gentler_note_than_a_leading_question() -> None:
    offer = _closed("I'm here for you, do you want to talk about it?")
    leading = _closed("Don't you think you overreacted?")
    assert offer.rule == "structure.closed_question.offer"
    assert leading.rule == "structure.closed_question"
    assert offer.why != leading.why
    assert "kind" in offer.why
    assert listenwell.review("I'm here for you, do you want to talk about it?").ok
    assert not listenwell.review("Don't you think you overreacted?").ok


@pytest.mark.parametrize(
    "draft", ["Want to talk about it?", "Would it help to talk it through?", "Is there anything I can do?"]
)
def test_offers_to_listen_are_gentle_notes(draft: str) -> None:
    assert _closed(draft).rule == "structure.closed_question.offer"


# "are you ok?" (issue 12, session 8): alone after a hard message it is a gentle note (writers read it as closed; the
# draft stays ok to send); beside a reflection or an open question it is a check-in; to a crisis, or as "are you
# safe?", it is the right question; after good news it is no note.
@pytest.mark.parametrize(
    ("message", "draft", "rule"),
    [
        ("my manager shouted at me in front of the team", "are you ok?", "structure.closed_question.checkin"),
        ("i'm having a rough night", "oh no. are you okay?", "structure.closed_question.checkin"),
        ("my manager shouted at me in front of the team", "that's humiliating. are you ok?", None),
        ("my manager shouted at me in front of the team", "are you ok? what did he say?", None),
        ("i fell off my bike on the way home", "are you hurt?", None),
        ("i swallowed all my pills", "are you ok?", None),
        ("i passed my driving test!", "are you ok?", None),
    ],
)
def test_a_lone_are_you_ok_is_a_gentle_note(message: str, draft: str, rule: str | None) -> None:
    r = listenwell.review(draft, message=message)
    assert [f.rule for f in r.flags if f.kind == "closed_question"] == ([rule] if rule else []), _show(draft)
    assert r.ok or message.startswith("i swallowed")


def test_offer_rewrite_fits_a_death_this_morning() -> None:
    flag = _closed("I'm here for you, do you want to talk about it?", message="My dad died this morning.")
    assert "dad" in flag.suggestion and "died" in flag.suggestion, flag.suggestion
    assert "Whenever you want to talk about it" in flag.suggestion, flag.suggestion
    assert "carrying this" not in flag.suggestion


def test_closed_question_rewrite_names_the_situation() -> None:
    flag = _closed("Did he apologize?", message="My boss yelled at me in front of everyone.")
    assert "boss" in flag.suggestion and "?" in flag.suggestion, flag.suggestion
    assert not re.search(r"\bwhy\b", flag.suggestion, re.I)


def test_why_and_closed_questions_both_show() -> None:
    assert _kinds("Why did you leave early? Did something happen?") == {"why_question", "closed_question"}


@pytest.mark.parametrize(
    ("draft", "kind"),
    [
        ("Can I share something that helped me?", None),  # asking permission respects their choice
        ("Is it okay if I give you a hug?", None),
        ("Tell me more about the meeting.", "open"),
        ("Can you tell me what happened?", "open"),
        ("Anything else on your mind?", "open"),
        ("How many nights have you slept badly?", "closed"),
        ("What time did you get home?", "closed"),
        # a fact about what they do, after "when" / "how long" / "how much" (issue 12, written for the tests)
        ("When did you stop taking the tablets?", "closed"),
        ("How long have you been running on the treadmill?", "closed"),
        ("How much are you smoking these days?", "closed"),
        ("Who's the new neighbour?", "closed"),
        # one thing named or picked (issue 12, session 8, written for the tests)
        ("What bakery did you get it from?", "closed"),
        ("What kind of paint did you use?", "closed"),
        ("Which one did you go for in the end?", "closed"),
        ("When would be a good evening to go?", "closed"),
        ("What part of it stung the most?", "open"),
        ("What kind of support would feel good tonight?", None),
        ("What things have helped you before?", "open"),
        ("How long have you been feeling like this?", "open"),  # a feeling: how it has been for them
        ("When did it start getting so heavy?", "open"),
        ("How much are you struggling with it?", "open"),
        ("Did it start before the move? What changed then?", "open"),  # an open question follows: not flagged
        # "how about" + a topic hands them the topic, like "what about" (session 13: it was read as a fact asked for)
        ("How about your grades this term?", "open"),
        ("And how about the new flat?", "open"),
        # a yes/no opener that asks what they think, with a filler or a repeat before the link (session 13)
        ("Have you had any thoughts yourself about what might help?", "open"),
        ("Have you thought at all about how you'd tell her?", "open"),
        ("Do you have a sense of-of what set it off?", "open"),
    ],
)
def test_question_shapes(draft: str, kind: str | None) -> None:
    r = listenwell.review(draft)
    assert "closed_question" not in {f.kind for f in r.flags} or kind == "closed", _show(draft)
    if kind == "open":
        assert r.balance.open_questions >= 1, r.balance
    if kind == "closed":
        assert _closed(draft).rule == "structure.closed_question.narrow"


# Rewrites fit the message and never repeat; a feeling named (or a close one) is not "missed".
def test_no_rewrite_is_offered_twice() -> None:
    r = listenwell.review(
        "At least it's over. Cheer up, it could be worse.", message="My boss yelled at me in front of everyone."
    )
    offered = [f.suggestion for f in r.flags] + [m.suggestion for m in r.missed]
    assert len(r.flags) == 3 and len(offered) == len(set(offered)), offered
    assert all(s.strip() for s in offered)


MISSED_CLOSE: list[Missed] = [
    ("I got the promotion!!!", "Congrats!! I'm so proud of you", set(), {"feeling"}),
    ("I got into the nursing program!", "Oh my gosh, I'm so excited for you!", set(), {"feeling"}),
    ("I've been so anxious about the biopsy.", "Of course you're scared. I'm here.", set(), {"feeling"}),
    ("I'm furious at my brother.", "He really frustrated you.", set(), {"feeling"}),
    ("I failed my driving test again.", "Yeah okay.", {"feeling"}, set()),  # a bare backchannel misses it
    ("I don't want to be alive anymore.", "Ok, see you at dinner.", {"crisis"}, set()),
]


@pytest.mark.parametrize(
    ("message", "draft", "present", "absent"), MISSED_CLOSE, ids=[d[:40] for _, d, _, _ in MISSED_CLOSE]
)
def test_missed_knows_close_feelings(message: str, draft: str, present: set[str], absent: set[str]) -> None:
    test_missed(message, draft, present, absent)


# Review.ok, and the stance summary.
@pytest.mark.parametrize(
    ("message", "draft", "ok"),
    [
        (None, "That sounds exhausting. What's been the hardest part?", True),
        (None, "You should just quit.", False),
        ("I don't want to be alive anymore.", "Ok, see you at dinner.", False),  # no roadblock, but a missed crisis
        ("I need space tonight. I'm not ready to talk.", "Okay, but what happened?", False),  # presses a boundary
        ("I had a rough day.", "Mm-hmm.", True),  # a feeling left unnamed is coaching, not a reason to hold it back
    ],
)
def test_ok(message: str | None, draft: str, ok: bool) -> None:
    r = listenwell.review(draft, message=message)
    assert r.ok is ok, (r.flags, r.missed)


@pytest.mark.parametrize(
    ("draft", "reflections", "open_q", "closed_q", "roadblocks"),
    [
        ("That sounds exhausting. You've been carrying so much. What's been the hardest part?", 2, 1, 0, 0),
        ("It makes sense that you're upset. Did he say sorry? Why didn't you leave?", 1, 1, 1, 1),
        ("You should quit. Have you tried yoga?", 0, 0, 1, 2),
        ("Mm-hmm.", 0, 0, 0, 0),
    ],
)
def test_balance(draft: str, reflections: int, open_q: int, closed_q: int, roadblocks: int) -> None:
    b = listenwell.review(draft).balance
    assert (b.reflections, b.open_questions, b.closed_questions, b.roadblocks) == (
        reflections, open_q, closed_q, roadblocks
    ), b  # fmt: skip


def test_balance_summary_and_ratio() -> None:
    b = listenwell.review("That sounds exhausting. You've been carrying so much. What's been the hardest part?").balance
    assert b.summary() == "2 reflections, 1 open question, 0 roadblocks"
    assert b.ratio == 2.0
    one = listenwell.review("You should quit. Did it hurt?").balance
    assert one.summary() == "0 reflections, 0 open questions, 1 closed question, 1 roadblock"
    assert listenwell.review("Mm-hmm.").balance.ratio is None


def test_balance_round_trips() -> None:
    r = listenwell.review("That sounds hard. What happened?", message="I got fired today.")
    assert listenwell.Review.from_dict(r.to_dict()) == r
    assert r.to_dict()["balance"]["reflections"] == r.balance.reflections


# The CLI shows the stance in one line, and never "No roadblocks found." above a missed item.
def _render(draft: str, message: str | None) -> str:
    import io

    from rich.console import Console

    from listenwell.cli import render_review

    buf = io.StringIO()
    render_review(listenwell.review(draft, message=message), Console(file=buf, width=200, color_system=None))
    return buf.getvalue()


def test_cli_review_shows_balance_and_no_contradiction() -> None:
    out = _render("Mm-hmm.", "My grandma died last night and I feel so sad.")
    assert "! missed feeling" in out
    assert "No roadblocks found." not in out
    assert "Balance" in out and "0 reflections, 0 open questions, 0 roadblocks" in out
    clean = _render("That sounds so hard. What's been the hardest part?", None)
    assert "No roadblocks found." in clean and "1 open question" in clean


# Chat style (issue 12, fresh drafts): lower case, no "?", slang. Read by shape and word class, not by sentence.
CHAT_BAD: list[Bad] = [
    ("why'd u say yes to him then", {"why_question"}),
    ("ok but why didnt you tell me before", {"why_question"}),
    ("did u even ask her", {"closed_question"}),
    ("wasnt he meant to pay you back", {"closed_question"}),
    ("thats kinda on u tbh", {"judging"}),
    ("you let your sister walk all over you", {"judging"}),
    ("ur way too soft on him", {"judging"}),
    ("you kinda overthought the whole thing", {"judging"}),
    ("you get mad over nothing", {"judging"}),
    ("okay and", {"dismissive"}),
    ("lol ok cool", {"dismissive"}),
    ("its only a haircut", {"minimizing"}),
    ("same lol my week was awful", {"self_focus"}),
    ("ugh i got yelled at by my manager too", {"self_focus"}),
    ("oh so now its my fault", {"defensive"}),
    ("i literally pay all the bills", {"defensive"}),
    ("nice one einstein", {"contempt"}),
]
CHAT_GOOD: list[tuple[str, str]] = [
    ("my cat died", "omg no. im so sorry, she was the sweetest"),
    ("my cat died", "i'd be crushed too. i'm here"),
    ("i got the promotion!!", "YESSS so proud of u"),
    ("i'm so tired", "go lie down, i'll handle the kids tonight"),
    ("my boss yelled at me in front of everyone", "wait in front of everyone?"),
    ("my boss yelled at me in front of everyone", "ugh that's humiliating. you ok?"),
    ("i think i'm too sensitive", "you're not too sensitive, that was a mean thing to say"),
    ("it's all my fault", "it's not your fault at all"),
    ("i messed up", "yeah that makes sense"),
]


@pytest.mark.parametrize(("draft", "kinds"), CHAT_BAD)
def test_chat_roadblocks(draft: str, kinds: set[str]) -> None:
    assert kinds <= _kinds(draft), _show(draft)


@pytest.mark.parametrize(("message", "draft"), CHAT_GOOD)
def test_chat_good_drafts(message: str, draft: str) -> None:
    assert _kinds(draft, message) == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Fresh drafts, second round (issue 12): general shapes composed from word classes, each written here as a variant
# of the construction (never a sentence from an evaluation set), with warm replies that must stay unflagged.
SHAPES_BAD: list[tuple[str, str, set[str]]] = [
    ("i'm upset about the dinner", "you were kind of rude to her honestly", {"judging"}),
    ("i'm upset about the dinner", "you did kinda blow them off", {"judging"}),
    ("i'm stressed about money", "this wouldn't happen if you just planned ahead", {"judging"}),
    ("i failed the exam", "honestly you didn't study much", {"judging"}),
    ("i'm annoyed she cancelled", "kinda on you at this point tbh", {"judging"}),
    ("you forgot to call", "i was slammed all day", {"defensive"}),
    ("you never help with dishes", "i did them yesterday though", {"defensive"}),
    ("you never help with dishes", "you don't do them either", {"defensive"}),
    ("you ignored me at the party", "i didn't ignore you", {"defensive"}),
    ("you left the mess again", "that is not on me", {"defensive"}),
    ("i need more help at home", "i'm not your maid", {"defensive"}),
    ("i'm tired", "oh should i give you a medal for that", {"contempt"}),
    ("i feel bored lately", "sorry i'm not interesting enough for you", {"contempt"}),
    ("i got a new job", "too good for us now huh", {"contempt"}),
    ("i'm scared about the funeral", "omg so dramatic", {"contempt"}),
    ("i'm scared of the surgery", "you'll be just fine, it's a tiny procedure", {"minimizing"}),
    ("i got a bad grade", "it was only one exam", {"minimizing"}),
    ("my grandpa died", "he had a long life, try to focus on that", {"minimizing"}),
    ("my week was awful", "mm. i'm gonna go to bed", {"dismissive"}),
    ("i did the dishes and you didn't notice", "ok?", {"dismissive"}),
    ("i'm scared about the biopsy", "hm ok. i have to hop on a call", {"dismissive"}),
    ("i got promoted!!", "cool. the car needs gas btw", {"dismissive"}),
    ("my dog is sick", "i had a dog that got sick once, it cost a fortune", {"self_focus"}),
    ("i got promoted!!", "nice! speaking of work, my boss is being a pain", {"self_focus"}),
    ("i didn't get the job", "that's awful, but you know he didn't mean it", {"but_undo"}),
    ("i got into the program", "that's great but it's so far away", {"but_undo"}),
    ("i hate my job", "maybe it's time to talk to hr", {"advice"}),
    ("i can't sleep", "the more you move during the day, the better you'll sleep", {"advice"}),
    ("my coworker keeps interrupting me", "next time just tell her no", {"advice"}),
    ("i spent too much on shoes", "that was a terrible idea", {"judging"}),
    ("i spent too much on shoes", "you knew better", {"judging"}),
    ("i'm hurt he didn't invite me", "maybe if you were nicer to him he would", {"judging"}),
    ("i'm hurt he didn't invite me", "it was probably just an oversight", {"minimizing"}),
    ("i'm hurt he didn't invite me", "lmao imagine caring that much", {"contempt"}),
    ("i cleaned the whole house", "ok cool", {"dismissive"}),
    ("you forgot our anniversary", "i said i was sorry, what more do you want", {"defensive"}),
    ("you forgot our anniversary", "i've had a crazy week ok", {"defensive"}),
    ("you're always on your phone", "so do you lol", {"defensive"}),
]
SHAPES_GOOD: list[tuple[str, str]] = [
    ("i'm scared of the surgery", "i'm right here. whatever happens, we'll face it together"),
    ("i'm scared of the surgery", "it makes sense you're scared. i'll be there the whole time"),
    ("my week was awful", "mm. you've had so much on you"),
    ("my week was awful", "okay. tell me about it"),
    ("my week was awful", "i'm heading home now, i'll bring you takeout and we can talk"),
    ("i'm scared about the biopsy", "mm. that sounds terrifying"),
    ("i'm scared about the biopsy", "oh no. what are you most scared of?"),
    ("can you grab milk?", "k"),
    ("i failed my test", "i'm so sorry. i know how much that one mattered"),
    ("my grandma died", "i miss her too. i keep thinking about her laugh"),
    ("i got promoted!!", "i knew it! i'm so proud"),
    ("i didn't get the job", "that's awful, but i'm glad you told me"),
    ("i got promoted!!", "we should throw you a parade!! so proud"),
    ("i'm upset about the dinner", "you did everything you could"),
    ("i'm upset about the dinner", "you were so brave to say that"),
    ("my boss is a nightmare", "that meeting sounds like a waste of your time, ugh"),
    ("you forgot to call", "i'm sorry. i was working and i missed it, that's on me"),
    ("i'm so tired", "mm. you've been carrying a lot. happy to stay up with you and talk it through"),
    ("i hate my job", "maybe it's time to celebrate getting through this week!"),
    ("my friend said something mean", "i noticed it too. it sounds like it really stung"),
    ("i cleaned the whole house", "wow, it looks amazing. thank you, seriously"),
    ("you forgot our anniversary", "you're right. there's no excuse. i hate that i hurt you"),
    ("i'm stressed about the move", "i get it, it's stressful. i'll take the kitchen this weekend"),
    ("my friend ghosted me", "oof. that would hurt me too. how long has it been?"),
    ("we had a fight and i feel awful", "i feel awful too. i hate when we fight"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), SHAPES_BAD)
def test_shapes_flag_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags}
    assert kinds <= got, [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message=message).flags]


@pytest.mark.parametrize(("message", "draft"), SHAPES_GOOD)
def test_shapes_leave_warm_replies_alone(message: str, draft: str) -> None:
    assert _kinds(draft, message) == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Scope (issue 12, third round): whom the message and the draft are about. To a complaint about the listener, their
# own account, a denial or the complaint turned back is defensive unless the draft owns a part; of an act the writer
# tells about, a verdict is judging, while the same words about someone else's act take the writer's side.
SCOPE_BAD: list[tuple[str, str, set[str]]] = [
    ("you forgot to pick me up", "i was literally stuck at work all day", {"defensive"}),
    ("you forgot to pick me up", "well you didn't remind me", {"defensive"}),
    ("why didn't you call me back", "i had a lot going on", {"defensive"}),
    ("it bugs me when you leave dishes out", "you leave your mugs everywhere too", {"defensive"}),
    ("i wish you'd asked me first", "i figured you wouldn't mind", {"defensive"}),
    ("you laughed when i tripped", "it was a joke, everyone was laughing", {"defensive"}),
    ("i felt kind of invisible at your work thing", "i was introducing you to everyone the whole night", {"defensive"}),
    ("you spent our savings on a bike", "and you bought a new phone last month without asking", {"defensive"}),
    ("i spent 300 on concert tickets", "that was kinda irresponsible ngl", {"judging"}),
    ("i skipped my sister's party", "honestly that was a pretty selfish move", {"judging"}),
    ("i yelled at my coworker", "yeah that wasn't really your place", {"judging"}),
    ("i quit the gym again", "you kind of have a habit of giving up early", {"judging"}),
    ("my mom said i was being lazy", "she's kinda right tho", {"judging"}),
    ("my roommate says i'm messy", "well you do leave stuff everywhere", {"judging"}),
]
SCOPE_GOOD: list[tuple[str, str]] = [
    ("you forgot to pick me up", "i'm so sorry. i was stuck at work and didn't check my phone, that's on me"),
    ("you forgot to pick me up", "you're right, i was late and you were left waiting. i hate that"),
    ("why didn't you call me back", "my bad, i had a lot going on but that's no excuse"),
    ("my boss yelled at me in front of everyone", "that was so unprofessional of him"),
    ("my friend skipped my party", "that was pretty selfish of her, i'm sorry"),
    ("my boss yelled at me in front of everyone", "that was really rude. you didn't deserve it"),
    ("i didn't get the grant", "you worked so hard for this, it's not fair"),
    ("i yelled at my coworker", "it sounds like you've been at the end of your rope"),
    ("my mom said i was being lazy", "ouch. that must have stung coming from her"),
    ("i cried at work today", "oh love. what happened?"),
    ("you never call me anymore", "i miss talking to you too. i want to do better at that"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), SCOPE_BAD)
def test_scope_flags_answers_and_verdicts(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), SCOPE_GOOD)
def test_scope_leaves_owned_and_sided_replies_alone(message: str, draft: str) -> None:
    assert _kinds(draft, message) == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Third pass (issue 12), own drafts: shrugs that make it normal, futures that shrink it, mock hyperbole, a lone "ok" or
# thumbs-up to a hurt; and replies that must stay unflagged (the same words said with them, "you" as an object).
THIRD_BAD: list[tuple[str, str, set[str]]] = [
    ("my girlfriend dumped me", "eh it happens", {"minimizing"}),
    ("i failed my driving test", "people fail that thing all the time", {"minimizing"}),
    ("my girlfriend dumped me", "you'll be over her by summer", {"minimizing"}),
    ("i tripped on stage", "nobody's even gonna remember it", {"minimizing"}),
    ("i'm heartbroken", "this too shall pass", {"minimizing"}),
    ("my aunt keeps criticizing my cooking", "that's just how she is", {"minimizing"}),
    ("i'm nervous about my speech", "relax, it's only a toast", {"minimizing"}),
    ("i'm stressed about my deadline", "oh no, a deadline, however will you cope", {"contempt"}),
    ("i broke a nail", "the greatest tragedy of the century", {"contempt"}),
    ("i did the laundry", "sure thing, martyr", {"contempt"}),
    ("my dog died this morning", "ok", {"dismissive"}),
    ("i got laid off today", "\U0001f44d", {"dismissive"}),
]
THIRD_GOOD: list[tuple[str, str]] = [
    ("my girlfriend dumped me", "ugh. it happens to so many people and it still hurts like hell"),
    ("my boss keeps calling me", "those calls drain you every time, huh. what does he want now?"),
    ("my friend moved away", "i've been missing her too. what do you miss most?"),
    ("i can't sleep", "I know it's late but I'd really like to hear it. what's keeping you up?"),
    ("you forgot to pick me up", "i'm so sorry. i was working and lost track of time, that's on me"),
    ("can you grab milk?", "ok"),
    ("i got the job!!", "\U0001f44d so proud"),
    ("i'm nervous about my speech", "it's okay to be nervous. you've worked so hard on it"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), THIRD_BAD)
def test_third_pass_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), THIRD_GOOD)
def test_third_pass_leaves_warm_replies_alone(message: str, draft: str) -> None:
    assert _kinds(draft, message) == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Third pass, more shapes (own drafts): the same constructions with other words.
MORE_BAD: list[tuple[str, str, set[str]]] = [
    ("you didn't even text me back", "i was going to text you after dinner", {"defensive"}),
    ("you never help me clean", "i'm not a neat freak, you know that", {"defensive"}),
    ("i drank too much at the wedding", "yeah you were a bit of a disaster", {"judging"}),
    ("my coworker said i'm bossy", "you kinda are tho", {"judging"}),
    ("my brother didn't get into law school", "his backup is just as good", {"minimizing"}),
    ("my hamster is sick", "hamsters get sick all the time, he'll be fine", {"minimizing"}),
    ("my fern died", "haha it's a plant", {"minimizing"}),
    ("i'm stressed about finals", "must be so hard being a college kid", {"contempt"}),
    ("i'm sad about my breakup", "i'm sorry, but he was never right for you", {"but_undo"}),
    ("i'm upset with my manager", "makes sense, but you also need to see her side", {"but_undo"}),
    ("i'm upset with my manager", "for sure, but she's under a lot of pressure", {"but_undo"}),
    ("i got a flat tire", "the same thing happened to me last month", {"self_focus"}),
    ("my roommate never cleans", "mine never does either, it's the worst", {"self_focus"}),
    ("i can't focus at work", "order some noise cancelling headphones", {"advice"}),
    ("i had the worst day", "hm. did you remember to buy coffee?", {"dismissive"}),
    ("i'm heartbroken about grandpa", "ok", {"dismissive"}),
]
MORE_GOOD: list[tuple[str, str]] = [
    ("you didn't even text me back", "i didn't, and i feel awful about it. i'm here now"),
    ("i'm sad summer is over", "me too, honestly. what will you miss most?"),
    ("i had the worst day", "mm. what happened?"),
    ("i had the worst day", "oh no. do you want to tell me about it or just veg out?"),
    ("i'll be home at 6", "ok"),
    ("my hamster is sick", "oh no, poor little guy. what did the vet say?"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), MORE_BAD)
def test_more_shapes_flag_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), MORE_GOOD)
def test_more_shapes_leave_warm_replies_alone(message: str, draft: str) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags} - {"closed_question"}
    assert got == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Consolations, replacements and third-person mockery (own drafts, issue 12).
CONSOLE_BAD: list[tuple[str, str, set[str]]] = [
    ("i lost my grandpa's watch", "it's just a watch, you can get a new one", {"minimizing"}),
    ("my best friend is moving to spain", "you'll still have video calls", {"minimizing"}),
    ("my old dog died", "well he had a long happy life", {"minimizing"}),
    ("i didn't get the apartment", "maybe it's for the best", {"minimizing"}),
    ("i'm upset about work", "someone's cranky today", {"contempt"}),
    ("i'm upset about work", "somebody is feeling sorry for themselves", {"contempt"}),
    ("i'm frustrated with my family", "can you just not complain for once", {"dismissive"}),
    ("you were rude to my sister", "she was being super pushy though", {"defensive"}),
    ("i lied to my teacher", "wow that's pretty low", {"judging"}),
    ("we keep fighting", "you both should try couples therapy", {"advice"}),
]
CONSOLE_GOOD: list[tuple[str, str]] = [
    ("i lost my grandpa's watch", "oh no. that watch meant so much to you"),
    ("my dad died last month", "i'm so sorry. i know how much you loved him"),
    ("you never plan our dates", "that's fair. i've been leaving it all to you. i'll plan saturday"),
    ("i'm upset about work", "oh no, the new manager again? that sounds exhausting"),
    ("my friend is sick", "you still have me, whatever happens. i'm here"),
    ("i lost my job", "that's so unfair after everything you gave them"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), CONSOLE_BAD)
def test_consolations_and_mockery_flag_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), CONSOLE_GOOD)
def test_consolations_leave_warm_replies_alone(message: str, draft: str) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags} - {"closed_question"}
    assert got == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Own drafts (issue 12, fifth set): futures that shrink it, praise of a fix, agreement handed back, a tag that checks.
FIFTH_BAD: list[tuple[str, str, set[str]]] = [
    ("i got a terrible haircut", "eh, it'll grow back", {"minimizing"}),
    ("my team got knocked out", "they'll get it next year", {"minimizing"}),
    ("i didn't get the internship", "there will be other internships", {"minimizing"}),
    ("i'm worried about the exam", "you're worrying over nothing", {"judging"}),
    ("i'm upset about my dad", "here we go, again with the dad stuff", {"contempt"}),
    ("i can't focus", "coffee does wonders honestly", {"advice"}),
    ("i'm so anxious", "do you want to just go for a run or something?", {"advice"}),
]
FIFTH_GOOD: list[tuple[str, str]] = [
    ("i yelled at my daughter and feel awful", "it happens to every parent, and you clearly care so much"),
    ("my friend bailed again", "that's the fourth time, huh? that would wear anyone down"),
    ("i can't believe he lied", "me neither. that was so unfair to you"),
    ("you've been amazing this week", "aw, thank you. you've been a game changer in my life"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), FIFTH_BAD)
def test_fifth_set_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), FIFTH_GOOD)
def test_fifth_set_leaves_warm_replies_alone(message: str, draft: str) -> None:
    assert _kinds(draft, message) == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Chat spellings of the same shapes, and what moves on from a hurt (own drafts, issue 12).
CHAT3_BAD: list[tuple[str, str, set[str]]] = [
    ("u forgot to feed the dog again", "i was literally at work all day lol", {"defensive"}),
    ("u forgot to feed the dog again", "well u didnt remind me", {"defensive"}),
    ("i spent 300 on sneakers", "thats kinda dumb ngl", {"judging"}),
    ("i got dumped", "eh it happens lol", {"minimizing"}),
    ("i'm burnt out", "ok. did you pay the water bill?", {"dismissive"}),
]
CHAT3_GOOD: list[tuple[str, str]] = [
    ("u forgot to feed the dog again", "ugh ur right im sorry, ill do it now"),
    ("I'M SO MAD ABOUT THE GAME", "I KNOW. THAT CALL WAS AWFUL"),
    ("i got promoted!", "wow. are you celebrating tonight?"),
    ("my week was awful", "mm. did you get any sleep?"),
    ("my doctor wants me to do more bloodwork", "oh no. that's a lot of waiting and wondering"),
    ("i got into a fight at school", "and then bad things happen and you get in trouble, it sounds like"),
    ("it was for the best but i'm sad", "it can be for the best and still hurt so much"),
    ("my therapist suggested journaling", "that sounds like it could be a game changer for you, if it feels right"),
    ("i'm nervous about the move", "ok, i'm coming with you. we'll get through it together"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), CHAT3_BAD)
def test_chat_spellings_flag_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), CHAT3_GOOD)
def test_chat_spellings_leave_warm_replies_alone(message: str, draft: str) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags} - {"closed_question"}
    assert got == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Own drafts (issue 12, eighth set): amounts, routines and afterthoughts that make it small; shutting it down; sneers.
EIGHTH_BAD: list[tuple[str, str, set[str]]] = [
    ("i'm dreading my flight", "it's only two hours", {"minimizing"}),
    ("i'm worried about my mom's procedure", "it's pretty routine, doctors do it every day", {"minimizing"}),
    ("my crush ignored me", "their loss honestly", {"minimizing"}),
    ("i'm sad about the breakup", "he was kind of boring anyway", {"minimizing"}),
    ("we had a huge fight", "you'll be fine by the weekend", {"minimizing"}),
    ("i'm really hurt", "i don't even want to get into this right now", {"dismissive"}),
    ("i'm really hurt", "yes, i heard you the first time", {"dismissive"}),
    ("i burnt dinner", "typical lol", {"contempt"}),
    ("i parallel parked!", "ooh, look at the pro driver over here", {"contempt"}),
    ("i'm lonely", "i get it. still, you need to get out more", {"but_undo"}),
    ("i'm sad about my grade", "i know, but crying won't fix it", {"but_undo"}),
    ("i got a new bike!", "cool, i got one too last week", {"self_focus"}),
]
EIGHTH_GOOD: list[tuple[str, str]] = [
    ("i'm dreading my flight", "it's a long one. i'll be thinking of you the whole way"),
    ("my routine fell apart this week", "that's so disorienting. your routine keeps you steady"),
    ("i miss my old job", "it makes sense, you loved that team. i'm sorry it's gone anyway"),
    ("can you come over here?", "on my way! be over here in ten"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), EIGHTH_BAD)
def test_eighth_set_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), EIGHTH_GOOD)
def test_eighth_set_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags} - {"closed_question"}
    assert got == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Own drafts (issue 12, ninth set).
NINTH_BAD: list[tuple[str, str, set[str]]] = [
    ("i'm scared about the scan", "it's probably nothing honestly", {"minimizing"}),
    ("i'm sad my sister moved away", "people move, that's life", {"minimizing"}),
    ("you've been so quiet lately", "i've just been busy, it's not about you", {"defensive"}),
    ("you've been cold to me", "you're the cold one, not me", {"defensive"}),
    ("i missed my own flight", "how did you forget your flight", {"judging"}),
    ("i got my visa!", "nice, i'm still waiting on news about mine", {"self_focus"}),
]
NINTH_GOOD: list[tuple[str, str]] = [
    ("i'm nervous about my new job", "that's life-changing, no wonder you're nervous"),
    ("i can't stop thinking about him", "it sounds like it's nothing you did, and it still hurts"),
    ("you've been amazing lately", "aw, you've been amazing too"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), NINTH_BAD)
def test_ninth_set_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), NINTH_GOOD)
def test_ninth_set_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags} - {"closed_question"}
    assert got == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Own drafts (issue 12, tenth set).
TENTH_BAD: list[tuple[str, str, set[str]]] = [
    ("it bugs me that you never text first", "i text you all the time, you just forget", {"defensive"}),
    ("i cried at the movie", "lol what a crybaby", {"contempt"}),
    ("i'm scared of the dark", "aww does somebody need a nightlight", {"contempt"}),
    ("i'm sad", "sad about what, your perfect life?", {"contempt"}),
    ("i feel so lost lately", "everybody feels that way sometimes", {"minimizing"}),
    ("i'm really upset", "can we talk about this another time", {"dismissive"}),
]
TENTH_GOOD: list[tuple[str, str]] = [
    ("we're having a baby!", "oh my gosh, a baby!! i'm so happy for you both"),
    ("i feel so lost lately", "everyone feels that way sometimes, and it still hurts when it's you"),
    ("i'm really upset", "i want to talk about this properly. can we talk about it tonight when i'm home?"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), TENTH_BAD)
def test_tenth_set_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), TENTH_GOOD)
def test_tenth_set_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags} - {"closed_question"}
    assert got == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message).flags]


# Own drafts (issue 12, eleventh set): shapes, not phrases. Absolutes without "you always", mockery, the listener's
# own feeling or a day that tops theirs, a label said alone, a "though" that takes the other side, offers that need no
# note. Written after the rules of this set, as a third held-out check: on first sight 21 of the 24 bad rows were
# caught and 11 of the 12 good rows left alone, and the scope row failed ("read" was no act of the writer).
ELEVENTH_BAD: list[tuple[str, str, set[str]]] = [
    ("my sister didn't call back", "she never calls anyone back, ever", {"absolute"}),
    ("the bus was late again", "buses in this town are never on time", {"absolute"}),
    ("my dad criticized my haircut", "your dad criticizes everybody about everything", {"absolute"}),
    ("i spilled coffee on my shirt", "you spill something every morning lol", {"absolute"}),
    ("i'm upset my neighbor parked in my spot", "neighbors are all like that, every one of them", {"absolute"}),
    ("i stubbed my toe", "quick, alert the media", {"contempt"}),
    ("i vacuumed the living room", "do you want a trophy?", {"contempt"}),
    ("i forgot my umbrella", "smooth move as always, einstein", {"contempt"}),
    ("i'm tired after the gym", "ok miss fitness, we all go to the gym", {"contempt"}),
    ("i waited ten minutes for my coffee", "ten whole minutes? however did you cope", {"contempt"}),
    ("i burned the toast", "brilliant cooking as usual", {"contempt"}),
    ("i'm nervous about my driving test", "ugh tests make me so anxious about my own exams", {"self_focus"}),
    ("my commute took an hour", "an hour? mine took two yesterday", {"self_focus"}),
    ("i got a new phone!", "nice. i've been wanting one for months", {"self_focus"}),
    ("i bought a third coffee machine", "wasteful tbh", {"judging"}),
    ("i yelled at the waiter", "kind of a low move", {"judging"}),
    ("i'm jealous of my coworker's promotion", "being jealous about a promotion is kind of petty", {"judging"}),
    ("my friend was rude to me", "i get it, she's going through a lot though", {"but_undo"}),
    ("i'm upset my brother lied", "that's hurtful. however, he was scared", {"but_undo"}),
    ("i'm quitting the choir", "why quit now, the concert is next week", {"why_question"}),
    ("we need to talk about your mom", "do we really have to do this tonight", {"dismissive"}),
    ("i'm scared about the biopsy", "its nothing, they do those all the time", {"minimizing"}),
    ("my landlord raised the rent", "you'd better start looking for a new place", {"advice"}),
    ("i'm hurt she didn't invite me", "it doesn't mean anything, she forgets stuff", {"minimizing"}),
    # a fourth own batch (measured before fitting: 21 of 26 bad caught, 1 of 12 good flagged); these rows are new
    ("i'm lonely since the move", "the best thing would be joining a gym or something", {"advice"}),
    ("i was rude to the barista", "not your finest moment", {"judging"}),
    ("i stayed in bed all day", "sounds kinda lazy tbh", {"judging"}),
    ("you never take out the trash", "i took it out on monday, remember?", {"defensive"}),
    ("i'm sad the bakery closed", "there's another one across town anyway", {"minimizing"}),
    ("my boss keeps changing deadlines", "might be worth a chat with hr", {"advice"}),
    ("my mom nags me about my hair", "my mom does that too, she hated my bangs", {"self_focus"}),
    # a fifth own batch (measured before fitting: 9 of 13 bad caught, 1 of 7 good flagged); these rows are new
    ("i'm so sad about my dog", "mm ok. what do you want for lunch", {"dismissive"}),
    ("i forgot my son's recital", "that's kind of bad parenting", {"judging"}),
    ("i left the stove on again", "typical careless move", {"judging"}),
]
ELEVENTH_GOOD: list[tuple[str, str]] = [
    ("i ran my first 10k!", "10k!! you've been training every weekend for this"),
    ("i cleaned the whole garage", "thank you!! you always notice the stuff i put off"),
    ("my brother forgot my birthday", "that hurts. you never forget his, and it stings when it isn't returned"),
    ("i froze during my speech", "freezing in front of everyone is the worst feeling. what happened right before?"),
    ("i'm nervous about the exam", "anyone would be nervous. i'll always be in your corner"),
    ("i had a long day", "both of those things make sense! what's the heaviest part?"),
    ("i'm so sad about grandpa", "im so sorry. want me to come sit with you?"),
    ("we need to talk about the bills", "okay, yes. can we sit down tonight after dinner?"),
    ("i'm anxious about the flight", "anxious how, like the takeoff or the whole trip?"),
    ("my friend was rude to me", "i hear you, it's been a long week for you though"),
    ("i'm scared about the surgery", "oh no, are you hurt? that sounds scary."),
    ("i had a rough day at work", "that sounds like it was a lot. want to talk through how it went?"),
    ("i'm worried about rent", "i'm exhausted but i want to hear this properly. can we sit down at breakfast?"),
    ("my team won the final!", "that was so worth the wait!! how are you celebrating?"),
    ("i'm scared i'm a bad mom", "you're not a bad mom, you're exhausted"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), ELEVENTH_BAD)
def test_eleventh_set_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), ELEVENTH_GOOD)
def test_eleventh_set_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert not got, [(f.kind, f.rule, f.text) for f in got]


def test_a_sweeping_claim_they_made_first_is_said_back() -> None:
    """Their own generalisation said back is a reflection; the same words to a single incident are absolute."""
    said_back = listenwell.review("your boss always does this to everyone", message="my boss always does this")
    piled_on = listenwell.review("your boss does this to everyone", message="my boss took my parking spot")
    assert not {f.kind for f in said_back.flags}, said_back.flags
    assert "absolute" in {f.kind for f in piled_on.flags}, piled_on.flags


def test_a_bad_move_is_judging_only_of_the_writer() -> None:
    """ "kind of a low move" judges what the writer did; of someone else's act it takes the writer's side."""
    own = listenwell.review("kind of a low move", message="i read my sister's diary")
    other = listenwell.review("kind of a low move", message="my sister read my diary")
    assert "judging" in {f.kind for f in own.flags}, own.flags
    assert "judging" not in {f.kind for f in other.flags}, other.flags


def test_an_offer_to_listen_still_gets_its_note_but_a_concrete_offer_does_not() -> None:
    assert _closed("im so sorry. want to tell me about him?").rule == "structure.closed_question.offer"
    concrete = listenwell.review("im so sorry. want me to bring dinner over?")
    assert not concrete.flags and concrete.balance.closed_questions == 1, (concrete.flags, concrete.balance)


# Own drafts (issue 12, twelfth set): kinds read from shape, not phrase. Laughter or an eye-roll at a message that
# hurts, a question that answers itself with a small cause, a verdict ("that's a bit + label", "it's petty to",
# "you were out of line", "selfish of you"), "you + verb + every / no matter", the listener's matter beside theirs
# ("i've got one too, ...", "that means i have to ..."), their state asked back then topped, a validation that a
# "but" takes back, "no point in worrying", "it's over now", stepping out ("leave me out of it"). Written for the
# tests; a first own batch of 68 was measured before these rules (37 caught) and a second of 65 after them, before
# fitting (56 caught).
TWELFTH_BAD: list[tuple[str, str, set[str]]] = [
    ("my presentation flopped", "hahaha classic you", {"contempt"}),
    ("i have to work all weekend and i'm miserable", "lmaooo rip your weekend", {"contempt"}),
    ("i had to reschedule three meetings", "wow so hard for you 🙄", {"contempt"}),
    ("i'm wiped out", "wiped out from what exactly, one yoga class?", {"contempt"}),
    ("i want to ask for a raise", "good luck with that", {"contempt"}),
    ("i spent the weekend gaming", "honestly that's a bit lazy", {"judging"}),
    ("i'm still mad at my brother about the wedding", "it's kind of petty to hold that against him", {"judging"}),
    ("i told my boss off in the meeting", "you were out of line there", {"judging"}),
    ("i took the last of the leftovers", "that was selfish of you", {"judging"}),
    ("i bought a second gaming chair", "pretty extravagant if you ask me", {"judging"}),
    ("my neighbour's dog barked all night", "you complain about every neighbour you've had", {"absolute"}),
    ("i'm anxious about the trip", "you're anxious no matter where we go", {"absolute"}),
    ("i've got a migraine", "ugh i've got a headache too, it's the heat", {"self_focus"}),
    ("my car won't start", "great, so now i'll have to drive you to work", {"self_focus"}),
    ("i'm so tired", "you're tired? i slept four hours", {"self_focus"}),
    ("my guinea pig died", "remember when my goldfish died? i cried for days", {"self_focus"}),
    ("i'm nervous about the results", "it's normal to be nervous. but the doctors said it's routine", {"but_undo"}),
    ("i messed up the recipe", "no point crying about it", {"minimizing"}),
    ("the breakup still hurts", "it's over now, move on", {"minimizing"}),
    ("my cousin mocked my accent", "he was only teasing", {"minimizing"}),
    ("my sister and i aren't speaking", "that's between you two, leave me out of it", {"dismissive"}),
    ("i'm scared about my mom's surgery", "k. night", {"dismissive"}),
]
TWELFTH_GOOD: list[tuple[str, str]] = [
    ("i fell off my bike lol", "lol noo, are you ok? that sounds like it hurt"),
    ("i got the job!!", "hahaha i knew it!! so proud of you"),
    ("i feel invisible at home", "invisible, like nobody notices what you do? that sounds lonely"),
    ("i need coffee beans", "on it. decaf or regular?"),
    ("i've had the longest day", "sounds like it. want a bath? i'll run it"),
    ("my sister hurt my feelings", "i'd be upset too. what did she say?"),
    ("i finally finished my thesis", "yes!! you earned every bit of this"),
    ("i'm nervous about tomorrow", "it's normal to be nervous, and i'm right here"),
    ("my exams are finally over", "i'm so glad it's over now, you worked so hard"),
    ("my brother said i was selfish", "he's saying you were selfish? that must have stung"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), TWELFTH_BAD)
def test_twelfth_set_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), TWELFTH_GOOD)
def test_twelfth_set_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = {f.kind for f in listenwell.review(draft, message=message).flags} - {"closed_question"}
    assert got == set(), [(f.kind, f.rule, f.text) for f in listenwell.review(draft, message=message).flags]


# Own drafts (issue 12, thirteenth set): the weak kinds of the fifth fresh set, read from shape. A sweep the old
# loop never saw ("all the time": "all" is a function word; "all of your X"; "every X you ..."; ", ever."), a habit of
# saying ("you say that about every party"); a label noun for the person ("you're such a quitter", "you eat like a
# toddler", "you've gotten really lazy", "what kind of person ..."); mock pity and mock praise ("cue the
# waterworks", "are we pouting now?", "aren't you just a saint", "i'll believe it when i see it"); a wait or a shrug
# ("not really in the mood", "some other time", "k." then an errand); shrinking by size or time ("that's not long",
# "barely even noticeable", "you'll survive", "fine for one night", "the upside is"). Written for the tests, after a
# batch of 60 own drafts was measured before these rules (42/60 caught).
THIRTEENTH_BAD: list[tuple[str, str, set[str]]] = [
    ('i left the stove on', 'you leave the stove on all the time', {'absolute'}),
    ("i'm nervous about the interview", 'you freak out before all of your interviews', {'absolute'}),
    ("i don't want to go to the party", 'you say that about every party', {'absolute'}),
    ('i forgot to call my aunt', 'not once this year have you called her on time', {'absolute'}),
    ("i'm tired of my job", 'you moan about everything, lol', {'absolute'}),
    ("i'm upset about my haircut", 'cue the waterworks', {'contempt'}),
    ("i'm sad my team lost", 'oh are we pouting now?', {'contempt'}),
    ('i cleaned the whole kitchen', "aren't you just a saint", {'contempt'}),
    ("i'm going to learn guitar", "i'll believe it when i see it", {'contempt'}),
    ('i walked 3 miles today', "call me when it's a real hike", {'contempt'}),
    ("i'm stressed about cooking for six", 'cooking for once must be so draining', {'contempt'}),
    ('i gave up on the diet', "you're such a quitter", {'judging'}),
    ('i ate cereal for dinner again', 'you eat like a toddler', {'judging'}),
    ('i skipped laundry again', "you've gotten really lazy", {'judging'}),
    ("i missed my grandma's birthday", "what kind of person misses their grandma's birthday?", {'judging'}),
    ('i snapped at the cashier', 'that was pretty disrespectful', {'judging'}),
    ('i had a scary dream about my mom', 'k. did you buy milk', {'dismissive'}),
    ('i want to talk about my job', 'not really in the mood tonight', {'dismissive'}),
    ('want to hear about my day?', 'some other time lol', {'dismissive'}),
    ('i miss you so much', "it's only two weeks, that's not long", {'minimizing'}),
    ('i have a pimple on my nose', "it's barely even noticeable", {'minimizing'}),
    ("i'm scared of the dentist", "you'll survive", {'minimizing'}),
    ('i only got 5 hours of sleep', "that's fine for one night", {'minimizing'}),
    ('my flight got delayed', 'the upside is more time to read', {'minimizing'}),
    ("i can't focus at work", "maybe try noise cancelling headphones?", {"advice"}),
    ("my landlord won't fix the heating", "emailing the council would probably sort it", {"advice"}),
    ("i lost the chess game", "chess barely counts as a sport", {"minimizing"}),
    ("i need to talk about the fight", "can we skip this one, i'm tired", {"dismissive"}),
    ("i didn't do the dishes", "you're such a couch potato", {"judging"}),
]
THIRTEENTH_GOOD: list[tuple[str, str]] = [
    ('i got a promotion', "call me when you're out of the meeting! so proud"),
    ('my cat is sick', 'oh nooo 😭 poor kitty. poor you.'),
    ('i finished the marathon!', 'send pics of the medal!!'),
    ("i'm heading out", 'k. drive safe'),
    ("my dad's surgery went fine", "which hospital is he in? i'll bring flowers"),
    ("i'm so tired", "i'd love to hear how the week went when you're rested"),
    ('my teacher talks down to me', "ugh, treating you like a kid in front of the class isn't fair"),
    ("my sister's wedding is in two weeks", 'not that long now! are you excited?'),
    ('my team lost again', "are we sulking together tonight? i'll bring snacks"),
    ('i have an exam tomorrow', 'good luck with every question you get! you know this'),
    ("i'm exhausted after work", 'want to order in tonight? my treat'),
    ('my friend was rude to me', "that was really disrespectful of her. i'm sorry"),
    ("i'm going out tonight", "have fun! maybe text me when you're home?"),
]


# Session 7 (issue 12): shapes of language behind the kinds fresh drafts still slipped past, each written as a
# composed rule (word classes, gaps): a modal perfect as typed ("could've", "couldve", "could of"), a worry measured
# down ("never as bad as", "not that long", "still a great"), a verdict by degree ("kind of childish to", "seems a
# bit drastic", "a lousy thing to do"), a talk ruled out ("not worth thinking about", "not our problem"), a house
# errand asked past a hurt, a feeling granted and then argued back after "but". Own sentences.
FOURTEENTH_BAD: list[tuple[str, str, set[str]]] = [
    ("i dented the car backing out", "mightve been worse, the other guy's bumper is gone", {"minimizing"}),
    ("i got a 60 on my essay", "could of been way worse honestly", {"minimizing"}),
    ("i'm dreading the dentist tomorrow", "it's never as bad as people make out", {"minimizing"}),
    ("we're behind on the rent", "relax, it always works out for us", {"minimizing"}),
    ("my train was 40 minutes late", "it's not that long, you still made it", {"minimizing"}),
    ("i've got the flu", "everybody has it this month", {"minimizing"}),
    ("i only got second place", "second is still a great result", {"minimizing"}),
    ("i shouted at the referee", "kind of childish to yell at a ref", {"judging"}),
    ("i want to quit the band", "that seems a bit drastic tbh", {"judging"}),
    ("i forgot to feed the cat", "that's a pretty lousy thing to do to a cat", {"judging"}),
    ("i keep missing deadlines", "you've been pretty lazy about it lately", {"judging"}),
    ("my sister isn't talking to me", "family drama, not worth thinking about", {"dismissive"}),
    ("my brother got arrested", "not our problem tbh", {"dismissive"}),
    ("i need to talk about my mum", "lets not go there tonight", {"dismissive"}),
    ("i feel invisible at work", "mm. did you see my headphones?", {"dismissive"}),
    ("i ran my first 5k", "should we throw you a parade or something", {"contempt"}),
    ("my manager criticised my report", "that would annoy anyone, but managers have to give feedback", {"but_undo"}),
    ("i'm gutted we lost the final", "yeah it's gutting, but there's always next season", {"but_undo"}),
    ("i'm jealous of my cousin", "it's natural to feel that, but comparing only makes it worse", {"but_undo"}),
    # a message where the writer carries a shared load alone is a complaint: the listener's account answers back
    ("i feel like i'm always the one who walks the dog", "i walked him twice last week though", {"defensive"}),
    ("it's always me sorting the bills", "i paid the electric bill in may, remember", {"defensive"}),
    # the listener's own feeling in the account is still answering back (2655df2 let any named feeling excuse it)
    ("i wish you'd get more excited about my news", "I AM happy for you, I just don't shout about it", {"defensive"}),
    # session 7, second pass: a habit pinned by how often; "tell me about it" then the listener's own story; a talk
    # put off for the listener's leisure
    ("i locked myself out again", "you lose your keys like three times a week", {"absolute"}),
    ("i burnt the toast", "you burn something nightly at this point", {"absolute"}),
    ("i overslept again", "you sleep through alarms like it's your job", {"absolute"}),
    ("i'm so tired from the commute", "tell me about it, my train was cancelled twice", {"self_focus"}),
    ("can we talk about my sister?", "later babe, the match is on", {"dismissive"}),
    # a cheer, then the listener's own story: the cheer is no part of the story's reading
    ("i signed up for my first 10k", "yay. i ran a half marathon in 2019, my knees never forgave me", {"self_focus"}),
    ("i'm lonely since you started nights", "i'm lonely too, the break room is so grim", {"self_focus"}),
    # a granted feeling's "though" opening a clause that argues back undoes it like "but"
    ("i'm livid my flatmate used my razor", "i'd be livid too, though he probably didn't know it was yours",
     {"but_undo"}),
]
FOURTEENTH_GOOD: list[tuple[str, str]] = [
    ("my boss took credit for my work", "that's a rotten thing to do to someone"),
    ("i feel like nobody at work likes me", "that seems really lonely. what's been happening?"),
    ("i burned dinner", "you've been so patient with this recipe, what happened?"),
    ("i'm so frustrated with my brother", "he can be so frustrating, and you've been patient for ages"),
    ("my dog is at the vet", "that's so scary, but especially not knowing. how is he?"),
    ("i'm exhausted from the move", "you did so much. i'm proud of you, but mostly i'm glad it's done"),
    ("my sister snapped at me", "that would hurt, but i'm really glad you told me"),
    ("i had to cancel the trip", "that's so disappointing, and after all that planning too"),
    ("i feel like i'm the only one who does the laundry", "you've been doing it all on your own, and that's draining"),
    ("i do all the cooking and i'm tired", "that's a lot to carry alone. what would feel like a fair split?"),
    ("i got the part in the play!", "tell me about it, i want every detail"),
    ("i need to talk about work", "of course. let me pause the match, i'm all yours"),
    ("i got into the masters programme", "woo. so proud of you, i knew you'd get it"),
    # a wish for their feeling is no answer back to a complaint (answers_back read "i don't want ..." as a denial)
    ("i feel like you care more about your gym friends than me",
     "that's so hurtful to hear. i don't want you feeling left behind. when did it start?"),
    ("you were on your phone the whole dinner", "i never want you to feel second to my phone"),
    ("my boss ignored me in the meeting", "that's so frustrating, though. what happened next?"),
]

# session 8 (issue 12), written for the tests: blame for a choice (a "you" clause left on "so", a condition on them
# that "wouldn't have happened", an adverb before "should have", "i told you to"); a remedy vouched for in a clause
# of its own whatever its verb; "I'd give her some space"; mock awards and weary labels; a hard day made common or
# promised away; "don't really want to hear"; "a you thing"; "neat" as a bare acknowledgement before moving on
FIFTEENTH_BAD: list[tuple[str, str, set[str]]] = [
    ("i crashed my bike", "you were texting while you rode, so...", {"judging"}),
    ("i lost my keys again", "if you were more careful with your keys this wouldn't keep happening", {"judging"}),
    ("i missed the bus", "you probably should've left ten minutes earlier", {"judging"}),
    ("i'm freezing", "I told you to take a jacket.", {"judging"}),
    ("my toddler won't nap", "Rock him gently and hum by his ear, that usually works.", {"advice"}),
    ("i can't sleep lately", "You could start walking with me after dinner, it really helps.", {"advice"}),
    ("my roommate is ignoring me", "I'd give them a couple of days and then check in.", {"advice"}),
    ("i finally did the dishes", "wow, a medal for you", {"contempt"}),
    ("i need to talk about work again", "honestly you're so draining", {"contempt"}),
    ("work was awful today", "we all have weeks like that, tomorrow will be better", {"minimizing"}),
    ("my brother won't call me back", "eh, he'll come around", {"minimizing"}),
    ("my boss keeps undermining me", "I don't really want to hear about your boss tonight", {"dismissive"}),
    ("my friend and i had a falling out", "sounds like a you thing", {"dismissive"}),
    ("I finished my first pottery class!", "oh neat. so what's for dinner", {"dismissive"}),
    ("the turbulence on my flight terrified me", "I had a ferry ride once where we rocked for hours, everyone was sick",
     {"self_focus"}),
    ("i can't pick a paint colour", "you never know what you want", {"absolute"}),
    ("i feel like you take me for granted", "how can you say that after all I do for you", {"defensive"}),
    ("i failed my driving test", "well you were doing 50 in a 30, so...", {"judging"}),
    ("i think i'm getting another cold", "ugh. of course you are.", {"contempt"}),
    ("my flatmate never cleans up", "you sort of go for flatmates like that though", {"judging"}),
    ("i got charged twice for my phone bill", "Dispute it. Call them and ask for a refund.", {"advice"}),
    ("the sink is blocked again", "it's like that because you let the grease go down it", {"judging"}),
    ("i moved out of the flat after a month", "leaving that early was a huge mistake", {"judging"}),
    ("i forgot my sister's wedding rsvp", "that's kind of a big one to forget", {"judging"}),
    ("my credit card bill is huge", "the avalanche method is the way to go, biggest rate first", {"advice"}),
    ("my landlord won't fix the heating", "time to report him to the council tbh", {"advice"}),
    ("i stumbled during my toast", "i promise nobody even noticed", {"minimizing"}),
    ("i didn't get the fellowship", "it's so random anyway, it doesn't really mean anything", {"minimizing"}),
    ("i'm stressed again", "that's just how you are", {"absolute"}),
    ("i lent my cousin money and never got it back", "lending him 300 was a bad call from the start", {"judging"}),
    ("i can't fall asleep", "box breathing. in for 4, hold for 4, out for 4. works every time", {"advice"}),
    ("my coworker keeps dumping work on me", "next time she asks, say you're at capacity and leave it there",
     {"advice"}),
    ("i can't say no to people", "you've never said no to anyone in your life lol", {"absolute"}),
]
FIFTEENTH_GOOD: list[tuple[str, str]] = [
    ("i can't sleep lately", "If it helps, I'm here all evening."),
    ("my sister blamed me for the fight", "That's not a you problem, that's on her."),
    ("i'm trying to keep everyone happy", "You're exhausting yourself trying to keep everyone happy."),
    ("i stayed calm when he yelled", "You deserve a gold star for handling that so calmly."),
    ("i fell asleep at my desk", "you were wiped out after the night shift, so no wonder."),
    ("i walk every evening now", "so you walk because it helps you clear your head. what's that like?"),
    ("i started journaling", "you know that when you write it down, that helps. what do you notice?"),
    # an offer to listen after what was heard or a feeling named is no note; alone, or after presence or sorrow
    # alone, it keeps one (test_an_offer_to_listen_still_gets_its_note_but_a_concrete_offer_does_not)
    ("my grandad passed away last night", "It makes sense you're heartbroken. Do you want to talk about him?"),
    ("i can't pick a paint colour", "you never know, the green might surprise you!"),
    ("i'm wiped out", "of course you are. you've been run ragged all week."),
    ("i finally finished the quilt", "love it. you must be so proud."),
    ("i told my boss no", "own it! you were clear and kind."),
    ("my knee is finally healing", "it's healing because you let yourself rest, that took patience"),
    ("i stayed quiet at the party", "you held back because you didn't want to stand out, is that right?"),
    ("my test results come tomorrow", "of course you're scared. i'm with you whatever it says"),
    ("i finally paid off my loan!", "no way!! that's such a big deal, you've worked at it for years"),
    ("it's getting late and i'm still wired", "it's almost time to go to bed, want some tea first?"),
    ("my coworker keeps dumping work on me", "next time, i'll come to the meeting with you"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), THIRTEENTH_BAD + FOURTEENTH_BAD + FIFTEENTH_BAD)
def test_thirteenth_set_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), THIRTEENTH_GOOD + FOURTEENTH_GOOD + FIFTEENTH_GOOD)
def test_thirteenth_set_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} - {"closed_question"} == set(), [(f.kind, f.rule, f.text) for f in got]



@pytest.mark.parametrize(
    ("draft", "rule"),
    [
        ("anything i can do to help?", "structure.closed_question.offer"),  # an offer: a gentle note
        ("miss you. call tonight?", None),  # a plan with a time named: a proposal, no flag
        ("want to grab food tonight?", None),
        ("call him tonight?", "structure.closed_question"),  # a question about their plan stays closed
    ],
)
def test_thirteenth_set_question_shapes(draft: str, rule: str | None) -> None:
    got = [f.rule for f in listenwell.review(draft).flags if f.kind == "closed_question"]
    assert got == ([rule] if rule else []), got


def test_an_invitation_to_tell_without_a_question_mark_is_an_open_question() -> None:
    r = listenwell.review("I'd really like to hear how the move went for you.")
    assert r.balance.open_questions == 1 and not r.flags, (r.balance, r.flags)


# The rewrite a flag offers reads as a sentence of its own: the acknowledgement a "but" took back, capitalised and
# with one stop ("i hear you, but ..." -> "I hear you."); a why-question turned into a "what" without the laugh, the
# verdict after a comma or chat spellings ("why would you text him back lol" -> "What led you to text him back?").
@pytest.mark.parametrize(
    ("message", "draft", "kind", "start"),
    [
        ("i'm scared about the move", "i hear you, but you wanted this", "but_undo", "I hear you. "),
        ("i feel like they ignore me", "i get it, you're pretty new though", "but_undo", "I get it. "),
        ("i'm tired of my job", "makes sense to be tired. but it pays well", "but_undo", "Makes sense to be tired. "),
        ("i'm worn out", "i know ur exhausted, but the kids need you", "but_undo", "I know you're exhausted. "),
        ("i texted my ex", "why would you text him back lol", "why_question", "What led you to text him back?"),
        ("i bought boots", "why did you buy those, they're so pricey", "why_question", "What led you to buy those?"),
        ("i stayed up all night", "why do u do this to urself", "why_question", "What led you to do this to yourself?"),
    ],
)
def test_rewrites_read_as_sentences(message: str, draft: str, kind: str, start: str) -> None:
    (flag,) = [f for f in listenwell.review(draft, message=message).flags if f.kind == kind]
    assert flag.suggestion.startswith(start), flag.suggestion
    assert ".." not in flag.suggestion and not re.search(r"\b(lol|u|ur)\b", flag.suggestion), flag.suggestion


# Session 9 (issue 12): a closed question after a sentence of its own that takes in what they said (a feeling named,
# a reaction to it: "that's so unfair", "a lot", "sorry") is curiosity after listening, not a narrowing, and gets no
# flag; alone, after an interjection ("oh no.", "lol."), or after a roadblock it keeps its flag. Rows written for the
# tests. ("That sounds hard. Did you sleep at all?" was a closed-question row of the first version; it moved here.)
HEARD_FIRST_GOOD: list[tuple[str, str]] = [
    ("i was up with the baby all night", "That sounds hard. Did you sleep at all?"),
    ("my cat had to go to the vet again", "poor thing, vet trips are so stressful. is she eating ok?"),
    ("i got the part in the play!", "i'm so happy for you!! is it the lead?"),
    ("the landlord raised the rent again", "ugh, that's so frustrating. how much is it now?"),
    ("i'm nervous about the interview", "that's a lot of pressure. do you feel ready?"),
]
HEARD_FIRST_BAD: list[tuple[str, str, set[str]]] = [
    ("i was up with the baby all night", "Oh no. Did you sleep at all?", {"closed_question"}),
    ("my sister yelled at me", "did you yell back?", {"closed_question"}),
    ("i burned dinner", "lol. did you leave it on high?", {"closed_question"}),
    ("i'm nervous about the interview", "you'll be fine. did you prep?", {"minimizing", "closed_question"}),
    ("the meeting ran late again", "I'm glad you told me. Was it the budget one?", {"closed_question"}),
]


@pytest.mark.parametrize(("message", "draft"), HEARD_FIRST_GOOD)
def test_a_closed_question_after_listening_is_not_flagged(message: str, draft: str) -> None:
    r = listenwell.review(draft, message=message)
    assert not r.flags, [(f.kind, f.rule, f.text) for f in r.flags]
    assert r.balance.closed_questions == 1  # still counted in the stance summary


@pytest.mark.parametrize(("message", "draft", "kinds"), HEARD_FIRST_BAD)
def test_a_closed_question_alone_or_after_a_roadblock_is_flagged(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} == kinds, [(f.kind, f.rule, f.text) for f in got]


# Session 9 (issue 12): advice read from its composition, rows written for the tests. A modal of option inverted with
# "you" before an action verb is a suggestion put as a question; "what worked for X was ..." vouches for a remedy by
# someone's experience. A drawn-out "buuut" undoes like "but".
COMPOSED_BAD: list[tuple[str, str, set[str]]] = [
    ("my landlord won't fix the heater", "can you just email the council about it?", {"advice"}),
    ("i keep missing the bus", "could you leave ten minutes earlier?", {"advice"}),
    ("i can't sleep before exams", "what worked for my brother was no screens after nine", {"advice"}),
    ("i hate my commute", "what's always helped me is a good podcast", {"advice"}),
    ("i'm gutted we lost the final", "yeah that's gutting. buuut it's only a game", {"but_undo"}),
]
COMPOSED_GOOD: list[tuple[str, str]] = [
    ("my landlord won't fix the heater", "ugh, in this cold? could you tell me what he said?"),
    ("i'm thinking of quitting", "could you see yourself staying if things changed?"),
    ("i finally beat my anxiety about driving", "what worked for you was taking it slow, and it shows"),
    ("i want to bake for the party", "can you save me a slice?"),
    ("i kept my cool in the meeting", "what helped you stay calm?"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), COMPOSED_BAD)
def test_composed_shapes_flag_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), COMPOSED_GOOD)
def test_composed_shapes_leave_these_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} - {"closed_question"} == set(), [(f.kind, f.rule, f.text) for f in got]


# Session 9 (issue 12): roadblocks read from how a reply is put together (rows written for the tests): a
# complaint's negated verb said back positive (defensive), a lone thumbs-up to something that hurt (dismissive), a
# calming command standing alone (minimizing), "no matter where you ..." (absolute), a verdict on an act the writer
# tells with "have" ("i haven't ...", "i've been ...-ing": judging).
BUILT_BAD: list[tuple[str, str, set[str]]] = [
    ("i feel like you weren't listening to me last night", "i WAS listening the whole time", {"defensive"}),
    ("the whole week has been rough", "👍", {"dismissive"}),
    ("my day was rough, nobody helped me", "👌", {"dismissive"}),
    ("i'm freaking out about the move", "relax.", {"minimizing"}),
    ("i got a parking ticket", "tickets happen to everyone, chill", {"minimizing"}),
    ("i feel awkward at parties", "you feel awkward no matter where you go", {"absolute"}),
    ("i've been skipping my physio exercises", "that's kind of a lazy thing to do", {"judging"}),
    ("i've been lying to my sister", "that's pretty messed up if you ask me", {"judging"}),
    ("i haven't called my dad in weeks and he's hurt", "that's a crappy thing to do to your dad", {"judging"}),
]
BUILT_GOOD: list[tuple[str, str]] = [
    ("you weren't paying attention at dinner", "you're right, i wasn't. i'm sorry, i was in my head"),
    ("i'll be home at 7", "👍"),
    ("i had a miserable day", "oh no. want me to pick up dinner?"),
    ("i'm exhausted", "you've earned a break, relax"),
    ("i'm exhausted", "go relax, i'll do the dishes"),
    ("i'm scared of the results", "no matter what they say, i'm with you"),
    ("i've been ignored at work all week", "that's pretty messed up, you deserve better"),
    ("my boss was rude to me again", "that was so rude of him"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), BUILT_BAD)
def test_built_shapes_flag_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), BUILT_GOOD)
def test_built_shapes_leave_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert not got, [(f.kind, f.rule, f.text) for f in got]


# Session 9 (issue 12), fourth pass, rows written for the tests: a turn in two words ("that said", "even so") undoes
# like "but"; a "must be" with no subject and a stressed word is mock pity; "wouldn't it be smarter to ...?" and
# "how about + -ing?" are suggestions, not questions; "a lot to carry" says the weight back; a feeling felt for them
# ("so proud of you") or a cheer ("that's amazing!!") before a closed question is listening first.
FOURTH_PASS_BAD: list[tuple[str, str, set[str]]] = [
    ("i didn't get into the course", "i hear you. that said, you can reapply", {"but_undo"}),
    ("i'm sad we sold the house", "makes sense. even so, it was time", {"but_undo"}),
    ("i'm tired after my shift", "must be SO draining, standing around all day", {"contempt"}),
    ("my back hurts", "wouldn't it be smarter to see a physio?", {"advice"}),
    ("i keep forgetting my keys", "how about leaving a bowl by the door?", {"advice"}),
]
FOURTH_PASS_GOOD: list[tuple[str, str]] = [
    ("i've been lying to my sister about money", "that sounds like a lot to carry on your own"),
    ("i passed my driving test!", "i'm so proud of you!! is the car ready?"),
    ("i got the flat!", "that's amazing!! did they call you today?"),
    ("i'm tired after my shift", "must be so draining, i'm sorry"),
    ("i didn't get into the course", "that said, i'm here for whatever you decide"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), FOURTH_PASS_BAD)
def test_fourth_pass_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]
    if "advice" in kinds:  # a suggestion put as a question is not also a question to answer
        assert "closed_question" not in {f.kind for f in got}, [(f.kind, f.rule) for f in got]


@pytest.mark.parametrize(("message", "draft"), FOURTH_PASS_GOOD)
def test_fourth_pass_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert not got, [(f.kind, f.rule, f.text) for f in got]


# Session 10 (issue 12): kinds of roadblock composed from word classes, rows written for the tests (none taken from
# the benchmark files): a suggestion behind a hedge or with "have you" left off, a reminder put as a command; a
# comparison with a crowd worse off, a silver lining or a loss turned into a gain, a rule of every case; an act in
# -ing graded rash; the listener's intent given in place of the harm; someone the listener knows set beside their
# story, envy of their news; incredulity, their task set beneath a feat, their trouble called drama.
COMPOSED10_BAD: list[tuple[str, str, set[str]]] = [
    ("my landlord keeps ignoring my emails", "is there any way you could just call the office instead?", {"advice"}),
    ("i can't focus at home", "any chance you can book a desk at the library?", {"advice"}),
    ("my back is killing me", "ever thought about a standing desk?", {"advice"}),
    ("my interview is at nine", "don't forget to bring a printed copy", {"advice"}),
    ("rent went up again", "tons of people pay way more than you, honestly", {"minimizing"}),
    ("i didn't make the team", "loads of people fail the first tryout", {"minimizing"}),
    ("the wedding got moved to winter", "on the bright side, no sunburn", {"minimizing"}),
    ("i lost the election for club president", "the upside is you get your evenings back", {"minimizing"}),
    ("my flight got cancelled", "think of all the extra time with your family", {"minimizing"}),
    ("i bombed the audition", "it's a learning experience though", {"minimizing"}),
    ("my team's been a mess all month", "every office has its rough patches", {"minimizing"}),
    ("i'm thinking of moving back in with my parents", "moving back now seems a bit hasty", {"judging"}),
    ("i'm going to text my ex tonight", "texting him would be such a bad idea", {"judging"}),
    ("you left me waiting at the restaurant", "you know i'd never leave you there on purpose", {"defensive"}),
    ("you didn't call when you said you would", "it wasn't intentional, my day blew up", {"defensive"}),
    ("my car got towed", "ugh that happened to my roommate last spring", {"self_focus"}),
    ("my manager micromanages everything", "my brother had the exact same manager", {"self_focus"}),
    ("i got into the masters program!", "i wish i got into a program like that", {"self_focus"}),
    ("i'm nervous about my driving lesson", "how are you even nervous about that", {"contempt"}),
    ("the recipe went wrong twice", "it's pasta, not rocket science", {"contempt"}),
    ("my cousins are fighting again", "ugh, the drama. every single week", {"contempt"}),
    ("i'm upset about the scratch on my car", "all this over a scratch?", {"contempt"}),
]
COMPOSED10_GOOD: list[tuple[str, str]] = [
    ("my landlord keeps ignoring my emails", "that's infuriating. is there any way i can help?"),
    ("i didn't make the team", "that's gutting after all those practices. how are you feeling?"),
    ("my flight got cancelled", "i keep thinking about how stressful that airport must have been"),
    ("i'm going to text my ex tonight", "being pulled back toward him makes sense after the week you had"),
    ("you left me waiting at the restaurant", "that's fair, i kept you waiting. i'm sorry"),
    ("my dog was sick all night", "poor pup, and poor you. that's a long night"),
    ("i got into the masters program!", "i wish i could be there to hug you!! so proud of you"),
    ("my cousins are fighting again", "the drama with them sounds so draining"),
    ("i'm exhausted from the move", "how do you even begin to unpack all that? it's a lot"),
    ("i'm nervous about my driving lesson", "remember to text me when it's done, i want to hear"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), COMPOSED10_BAD)
def test_composed10_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]
    if "advice" in kinds:  # a suggestion put as a question is not also a question to answer
        assert "closed_question" not in {f.kind for f in got}, [(f.kind, f.rule) for f in got]


@pytest.mark.parametrize(("message", "draft"), COMPOSED10_GOOD)
def test_composed10_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} - {"closed_question"} == set(), [(f.kind, f.rule, f.text) for f in got]


# Session 10, second pass (rows written for the tests): a rule of every case ("that's just how X works", "part of
# the job"); a shrug in words ("oh well") or a lone "so?" to something felt; a trait verdict or a trait they "have";
# blame for what came ("you kind of deserved that", only to bad news: to good news it cheers); no hope of change;
# a pet name that belittles; the listener's "... too" before a trailing word; a fix promised by a thing ("a new
# haircut might cheer you up").
SECOND10_BAD: list[tuple[str, str, set[str]]] = [
    ("my shift got changed without warning again", "that's just how retail works", {"minimizing"}),
    ("the client shouted at me on the phone", "part of the job, sadly", {"minimizing"}),
    ("i didn't get picked for the solo", "oh well", {"dismissive"}),
    ("i had the worst day at the clinic", "so?", {"dismissive"}),
    ("i overdrafted my account again", "you're hopeless with money", {"judging"}),
    ("i snapped at my brother at lunch", "you have such a short fuse", {"judging"}),
    ("i got a parking ticket for leaving the car there all day", "you kind of deserved that one", {"judging"}),
    ("i lost my keys for the third time", "you'll never learn lol", {"judging"}),
    ("my feet hurt after the concert", "aw diddums", {"contempt"}),
    ("my throat is killing me", "i've got a cold too actually", {"self_focus"}),
    ("i feel so flat this week", "a weekend away might cheer you up", {"advice"}),
]
SECOND10_GOOD: list[tuple[str, str]] = [
    ("i got the scholarship!!", "you deserved it so much, i'm so proud"),
    ("my shift got changed without warning again", "i know it's part of the job, and it's still unfair on you"),
    ("i'm bad at saying no to people", "you're not bad at it, you're kind. that's a lot to carry"),
    ("my throat is killing me", "i'd be miserable too honestly. want some tea?"),
    ("i got the part!", "so? how did they tell you??"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), SECOND10_BAD)
def test_second10_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), SECOND10_GOOD)
def test_second10_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} - {"closed_question"} == set(), [(f.kind, f.rule, f.text) for f in got]


# Session 10, third pass (rows written for the tests): an agreement word with the "but" right after it is undone
# like "i hear you, but" ("yeah but", "true, but"); a "but" that turns to presence or support undoes nothing; a short
# reaction and then an errand or a chore of the house moves on from something that hurt.
THIRD10_BAD: list[tuple[str, str, set[str]]] = [
    ("i'm dreading the family reunion", "yeah but you're the one who said yes", {"but_undo"}),
    ("the new job is way harder than i thought", "true, but you asked for a challenge", {"but_undo"}),
    ("i'm gutted about losing the match", "sure, but it's just a friendly", {"but_undo"}),
    ("my sister screamed at me at lunch today", "yikes. can you grab bread on the way home?", {"dismissive"}),
]
THIRD10_GOOD: list[tuple[str, str]] = [
    ("i'm dreading the family reunion", "yeah, that's a lot. but i'm right here with you"),
    ("the new job is way harder than i thought", "i hear you. but first tell me what the hardest part is"),
    ("my sister screamed at me at lunch today", "ugh, that sucks. what set her off?"),
    ("my sister screamed at me at lunch today", "oof. that's so unfair to you"),
    ("i'm gutted about losing the match", "okay. that's rough after all that training"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), THIRD10_BAD)
def test_third10_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), THIRD10_GOOD)
def test_third10_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} - {"closed_question"} == set(), [(f.kind, f.rule, f.text) for f in got]


# Session 10, fourth pass (rows written for the tests): the listener's "me ... too" with no "i" ("took me three
# tries too"); the weight of their news said as the listener's ("this is really hard for me"); a reply that is only
# a cheer to a mishap of theirs ("wow, real smooth"); "it's important that you were ..." praises what they did and
# is no advice.
FOURTH10_BAD: list[tuple[str, str, set[str]]] = [
    ("i finally passed my theory test!", "took me four goes too lol", {"self_focus"}),
    ("the move is stressing me out so much", "packing stresses me out too", {"self_focus"}),
    ("my grandad passed away last night", "honestly this is a lot for me", {"self_focus"}),
    ("i forgot my passport and missed the flight", "wow, real smooth", {"contempt"}),
    ("i forgot the cake at the bakery", "well done, champ", {"contempt"}),
]
FOURTH10_GOOD: list[tuple[str, str]] = [
    ("i ran the whole 10k without stopping", "it's so important that you kept going when it got hard. so proud"),
    ("my grandad passed away last night", "that's hard for me to even imagine. i'm so sorry, love"),
    ("i finished my thesis draft!", "wow, well done!!"),
    ("i forgot my passport and missed the flight", "oh no! well done for sorting a new one so fast"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), FOURTH10_BAD)
def test_fourth10_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), FOURTH10_GOOD)
def test_fourth10_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} - {"closed_question"} == set(), [(f.kind, f.rule, f.text) for f in got]


# Session 10, fifth pass (rows written for the tests): judging by hindsight and blame: a "should've" with no
# subject, "you knew ...", "you chose this", a fault act ("you overstepped"), "not exactly a shock", "sounds
# self-inflicted", "you're an adult"; the blame rows only when the message is no good news.
FIFTH10_BAD: list[tuple[str, str, set[str]]] = [
    ("i binged the whole series and now i'm exhausted", "should've stopped at episode three then", {"judging"}),
    ("i missed the deadline because i went to the party", "you knew the deadline was friday", {"judging"}),
    ("my new flat is so far from everything", "well, you chose it", {"judging"}),
    ("i read my sister's diary and now she won't talk to me", "you crossed a line there", {"judging"}),
    ("i overslept and missed my train again", "not exactly a shock", {"judging"}),
    ("i ate the whole cake and feel sick", "sounds self-inflicted lol", {"judging"}),
]
FIFTH10_GOOD: list[tuple[str, str]] = [
    ("i got into the art school!!", "you knew this was your path. so proud of you"),
    ("i finally picked a wedding venue!", "you chose so well, it's gorgeous"),
    ("my boss blamed me for his mistake", "he crossed a line. that's so unfair to you"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), FIFTH10_BAD)
def test_fifth10_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), FIFTH10_GOOD)
def test_fifth10_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} - {"closed_question"} == set(), [(f.kind, f.rule, f.text) for f in got]


# Session 11 (issue 12), rows written for the tests: a flat acknowledgement with a pet name ("ok hon.") or a "you"
# question about a thing of the house ("u seen my headphones?") then moves on (dismissive); a plan of theirs mocked
# by a flat cheer before "another ...", "just what the internet needs", or a quick failure foretold (contempt); envy
# in the listener's own wish, their thing set beside "mine", a long-held wish of the listener's own, what their
# news lets the listener do (self-focus).
FIRST11_BAD: list[tuple[str, str, set[str]]] = [
    ("i'm dreading my review tomorrow", "ok hon. did the landlord call back?", {"dismissive"}),
    ("i feel so out of place at the new job", "hmm. u seen my headphones?", {"dismissive"}),
    ("i'm going to learn the guitar this year", "lol sure, give it two weeks", {"contempt"}),
    ("i signed up for a pottery class", "oh great, another hobby", {"contempt"}),
    ("i'm starting a newsletter", "just what the internet needs", {"contempt"}),
    ("i'm cutting out coffee", "we'll see how long that lasts", {"contempt"}),
    ("i'm off to the festival this weekend!", "i wish i was going. stuck at my desk all saturday", {"self_focus"}),
    ("my essay got an A", "nice, i got a B on mine", {"self_focus"}),
    ("i've been asked to run the marathon relay", "i've always wanted to do a relay", {"self_focus"}),
    ("my sister paid back the money she owed us", "finally, now i can book the trip i wanted", {"self_focus"}),
]
FIRST11_GOOD: list[tuple[str, str]] = [
    ("we won the league!!", "nice, another trophy for the shelf! so proud of you"),
    ("it's raining again and the match is off", "ugh, great, another washout. i'm sorry, i know you were excited"),
    ("i keep thinking about the fight with my mum", "hmm. you mean the one at easter?"),
    ("my grandma's funeral is today", "i wish i was there with you, love"),
    ("i got a gig at the jazz club", "i've always wanted to see you play there!"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), FIRST11_BAD)
def test_first11_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), FIRST11_GOOD)
def test_first11_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} - {"closed_question"} == set(), [(f.kind, f.rule, f.text) for f in got]


# Session 11 (issue 12), second pass, rows written for the tests. A complaint at the listener is read from "the way
# you ..." and from "your <remark> ... stung"; the listener's conduct vouched for ("i was being ...", "i was still
# ...-ing") or the act put back as the only choice answers it (defensive). A fault granted with an emphatic "do",
# conduct graded lately, a warning the listener gave, a choice held up with "though", an act in "being ..." graded
# (judging). A time before a command, "do the ... thing", a list of commands after a colon, "sit with him" as a task
# (advice). A scene going on now with "everyone" is no rule; "which ... most?" asks what they value (no flags).
SECOND11_BAD: list[tuple[str, str, set[str]]] = [
    ("the way you spoke to the cashier embarrassed me", "i was being perfectly nice to her", {"defensive"}),
    ("your comment about my hair stung", "it was a joke, lighten up", {"defensive"}),
    ("you were scrolling through the whole film", "i was still watching, i just checked one thing", {"defensive"}),
    ("you didn't back me up with your sister", "what did you want me to do, argue with her?", {"defensive"}),
    ("i'm scared i was too blunt in the meeting", "you did come on strong, honestly", {"judging"}),
    ("my team lead complained about me", "you've been pretty short with people lately", {"judging"}),
    ("the car ran out of petrol on the way to work", "this is exactly why i told you to fill it up", {"judging"}),
    ("my group is useless and we're behind", "you picked them though", {"judging"}),
    ("i got another warning at work", "being late that often is pretty disrespectful", {"judging"}),
    ("my knee is killing me", "first thing tomorrow call the physio", {"advice"}),
    ("i can't focus at work", "do the two-minute thing, it helps", {"advice"}),
    ("the dog next door barks all night", "you've got options: earplugs, talk to them, or call the council",
     {"advice"}),
    ("my son won't do his reading", "you need to sit with him every evening for ten minutes", {"advice"}),
]
SECOND11_GOOD: list[tuple[str, str]] = [
    ("you forgot our anniversary", "i was being careless and i'm so sorry. you deserved better"),
    ("i cried all day", "you need to sit with it for a while, and that's okay"),
    ("i can't afford the ski trip", "that's such a shame, especially when everyone's going together"),
    ("our holiday is over", "which day are you going to miss most?"),
    ("i made the playlist for the party", "your playlist was a game changer"),
    ("i told my boss i was struggling", "this is why i love you, you're so brave"),
    ("i'm nervous about my exams", "i'm not saying you did overthink it. it makes sense to be nervous"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), SECOND11_BAD)
def test_second11_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), SECOND11_GOOD)
def test_second11_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert not got, [(f.kind, f.rule, f.text) for f in got]


# Session 11 (issue 12), third pass, rows written for the tests (first checked on a probe set of my own, then on the
# held-out fresh sets): a virtue they lack, the wrong put on them, "get your act together" (judging); "what you want
# is ...", a remedy that "changed my life" (advice); refusing to go into what they brought (dismissive); a cheer then
# the listener's own past beside theirs (self-focus). Questions: a tag ("..., didn't you?") asks yes or no whatever
# sits inside, unless it checks a statement about a thing ("it's been a rough month, hasn't it?", like "right?"); a
# "when you ..." clause before the question is no wh-question; an offer with presence after it needs no note.
THIRD11_BAD: list[tuple[str, str, set[str]]] = [
    ("i missed another deadline", "you're just not very organised, that's all", {"judging"}),
    ("i snapped at my flatmate", "sounds like you were the one in the wrong here", {"judging"}),
    ("i overslept again", "you seriously need to get your act together", {"judging"}),
    ("i'm always broke by the 20th", "what you want is a proper budget app", {"advice"}),
    ("my neck hurts every morning", "new pillow. honestly it changed my life", {"advice"}),
    ("i've been thinking about us a lot", "i don't really want to go into all that tonight", {"dismissive"}),
    ("we booked iceland!", "nice. i did the same trip two summers ago", {"self_focus"}),
    ("i'm in trouble at work", "you told your boss, didn't you?", {"closed_question"}),
    ("i've been so tired", "so when you get home, you go straight to bed?", {"closed_question"}),
]
THIRD11_GOOD: list[tuple[str, str]] = [
    ("i finally told you", "you're not very good at asking for help, and that's okay, i'm here"),
    ("i had a horrible day", "want to talk? no pressure, i'm here either way"),
    ("i'm exhausted", "it's been a rough month, hasn't it?"),
    ("i keep getting headaches", "when you get them, what helps even a little?"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), THIRD11_BAD)
def test_third11_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), THIRD11_GOOD)
def test_third11_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert not got, [(f.kind, f.rule, f.text) for f in got]


# Session 11 (issue 12), fourth pass, rows written for the tests: the talk turned to "something happier", "let's not
# make this a whole thing" (dismissive); "it's literally just a quiz", a feeling told it should not be ("it really
# shouldn't bother you"), a recovery foretold of someone else ("he'll bounce back") (minimizing).
FOURTH11_BAD: list[tuple[str, str, set[str]]] = [
    ("my grandpa's funeral was today", "let's talk about something happier, this is depressing", {"dismissive"}),
    ("you hurt my feelings at dinner", "let's not make this a whole thing, okay?", {"dismissive"}),
    ("i'm panicking about tomorrow's quiz", "it's literally just a quiz", {"minimizing"}),
    ("my niece said i was ugly", "she's only three, it really shouldn't bother you", {"minimizing"}),
    ("my dog has a limp", "he'll bounce back, dogs are tough", {"minimizing"}),
]
FOURTH11_GOOD: list[tuple[str, str]] = [
    ("i'm so sad", "do you want to talk about something happier for a bit?"),
    ("my dog has a limp", "i hope he bounces back quickly, poor boy. how are you doing?"),
    ("my boss blamed me", "that's so unfair. it shouldn't have happened to you"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), FOURTH11_BAD)
def test_fourth11_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), FOURTH11_GOOD)
def test_fourth11_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert {f.kind for f in got} - {"closed_question"} == set(), [(f.kind, f.rule, f.text) for f in got]


# Session 13 (issue 12), rows written for the tests (none taken from the fresh sets): a suggestion after an
# interjection with no comma ("oh no you could ..."), a command after "next time" with no comma, a plan proposed
# with "let's" / "we could" or the matter handed to someone ("let him ..."), a fix that "would make it easier"
# (advice); a turn to an errand or to "btw ..." after a hard message (dismissive); a verdict on their deed in a
# clause of its own, "not ok of you", "you really shouldn't have" (judging). A command is read in its own clause:
# presence in the next clause ("i'll bring soup") does not cancel it. Then minimizing and self-focus composed from
# word classes (a few trivial things, an amount called nothing, a trouble of the listener's own ending on "too").
SESSION13_BAD: list[tuple[str, str, set[str]]] = [
    ("i flunked the driving test", "oh no you could book a retake for next month", {"advice"}),
    ("my sister keeps borrowing money", "next time just tell her you're broke", {"advice"}),
    ("the car loan is eating my paycheck", "let's sit down saturday and make a payment plan", {"advice"}),
    ("my roommate never cleans", "we could buy a chore wheel and stick it on the fridge", {"advice"}),
    ("my brother forgot mom's birthday again, i'm furious", "let him sort out his own cards from now on", {"advice"}),
    ("my headache won't quit", "drink a big glass of water, i'll bring you tea after", {"advice"}),
    ("my walk to work is so boring", "an audiobook would make it way more bearable", {"advice"}),
    ("i'm really scared about my biopsy results", "it's probably fine. btw the landlord texted", {"dismissive"}),
    ("i feel so lonely since the move", "you'll make friends. did you pay the gas bill?", {"dismissive"}),
    ("i forgot to renew my passport", "that's really disorganized, you knew for months", {"judging"}),
    ("i skipped my friend's birthday", "kind of flaky to cancel on the day", {"judging"}),
    ("i yelled at my brother over nothing", "honestly that wasn't ok of you", {"judging"}),
    ("i booked the trip without asking my wife", "you really shouldn't have done that", {"judging"}),
    ("i swore at the referee", "that's kind of immature, he was just doing his job", {"judging"}),
    # minimizing: a few trivial things, an amount called nothing, a distance made small, a setback called fine
    ("all my tomatoes got blight", "they're just plants, we can grow more", {"minimizing"}),
    ("i put on five pounds over the holidays", "five pounds is nothing", {"minimizing"}),
    ("my brother is moving to Leeds and i'm gutted", "he's only a short drive away", {"minimizing"}),
    ("i got a C on my essay and i'm gutted", "a C is still a pass", {"minimizing"}),
    ("i'm sad i missed the reunion", "honestly you didn't miss much", {"minimizing"}),
    # self-focus: the listener's own trouble set beside theirs, or set above it
    ("my knee is so sore today", "ugh, my shoulder has been killing me this week too", {"self_focus"}),
    ("i'm dreading the dentist tomorrow", "honestly i'm more scared than you", {"self_focus"}),
]
SESSION13_GOOD: list[tuple[str, str]] = [
    ("i had the worst day", "let's talk tonight, i'll make tea"),
    ("i'm so anxious about the move", "next time round it'll feel easier, and i'm with you this time"),
    ("my boss yelled at me in front of everyone", "that's so rude of him, you didn't deserve that"),
    ("i'm exhausted from the kids", "take your time tonight, i've got bedtime"),
    ("my landlord ignored me again", "you really shouldn't have to deal with that"),
    ("i'm really struggling with my mom's diagnosis", "i'm so sorry. btw how are you holding up with all of it?"),
    ("i got the job!!", "we should celebrate this weekend!!"),
    ("i'm so sad about grandpa", "oh no, i'm so sorry. i'm here"),
    ("i miss my dad so much today", "i miss him too, every single day"),
    ("i'm nervous about my speech", "i'd be nervous too, it's a big day"),
    ("my sister passed away", "she's only just gone, go easy on yourself"),
    ("i aced the exam!!", "it's still great news"),
    ("i'm so tired of winter", "i've been missing summer too. what would you do first on a sunny day?"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), SESSION13_BAD)
def test_session13_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), SESSION13_GOOD)
def test_session13_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert not got, [(f.kind, f.rule, f.text) for f in got]


# Session 14 (issue 12), rows written for the tests (none taken from the fresh sets): a suggestion or a question
# after an emoji starts its own sentence ("aw 😕 have you tried ...", "💛 maybe ..."); the listener leaving after a
# hard message with nothing heard (`{departures}`); a short line about everyone ("exams are exams.") and then an
# errand; a verdict on a deed the message tells as the writer's own; a reply all about the listener (not an offer, an
# answer to their question, an apology, a tentative "i'm wondering ..." or their words said in their voice); a
# command after "please" or an emoji; the bright side handed over after bad news.
SESSION14_BAD: list[tuple[str, str, set[str]]] = [
    ("my back is killing me", "aw 😕 have you tried a hot water bottle?", {"advice"}),
    ("i have no friends in this city", "that's hard 💛 maybe sign up for a running club?", {"advice"}),
    ("i'm dreading my review tomorrow", "mm. gotta run, talk later", {"dismissive"}),
    ("i keep thinking about my dad's surgery", "ok. heading out to the store, back soon", {"dismissive"}),
    ("i bombed my presentation", "presentations are like that. what's for dinner tonight?", {"dismissive"}),
    ("i feel so behind on everything", "everyone's behind. did you see the score?", {"dismissive"}),
    # a verdict on their own deed: the deed as a gerund, a wrong "of trust", "unfair to her", "not okay" (no lead-in
    # there); the message may drop its "i" ("skipped the party") or go on to what followed ("... and she found out")
    ("cheated on the quiz and the teacher noticed", "cheating on it was kind of wrong though", {"judging"}),
    ("i went through my roommate's mail by accident", "opening her mail is a violation of privacy", {"judging"}),
    ("i shouted at the new intern today", "that was pretty unfair to him", {"judging"}),
    ("i forgot my dad's birthday and he called me", "that's honestly not okay, he's your dad", {"judging"}),
    # a reply all about the listener: two words of their own, something they lived, nothing of the partner's
    ("my flight got cancelled", "ugh i had that happen in march, i was stuck in denver for two days", {"self_focus"}),
    ("i'm nervous about the dentist", "dentists freak me out, i hate the drill noise so much", {"self_focus"}),
    ("i got into the choir!", "omg i used to sing in one, i was the worst alto ever", {"self_focus"}),
    # a command to an action verb, after "please" in a later clause, or after an emoji before "next time"
    ("my neck is so stiff", "ugh. heat pack first, and please stretch it out tonight", {"advice"}),
    ("my brother keeps asking about my ex", "just stick to talking about his kids", {"advice"}),
    ("i got so dizzy on the bus", "that sounds scary 😟 next time sit near the front", {"advice"}),
    # the bright side handed over after bad news, with nothing heard first
    ("i didn't get the part and i'm crushed", "you got a callback though, that's something", {"minimizing"}),
    ("my hamster died and i'm so sad", "aw. you'll feel better in a few days", {"minimizing"}),
    ("i'm so stressed about the wedding", "it'll all work itself out, it always does", {"minimizing"}),
]
SESSION14_GOOD: list[tuple[str, str]] = [
    ("my back is killing me", "oh no 😕 how bad is it right now?"),
    ("i'm dreading my review tomorrow", "i'm sorry, that's a lot to carry. gotta run but i'll call you at lunch"),
    ("i can't talk right now, i'll text you later", "ok, talk later. love you"),
    ("i'm so sad about the dog", "we still have to go to the vet at four, i'll drive, you don't have to do it alone"),
    ("i bombed my presentation", "that sounds awful. what part is replaying the most?"),
    ("i feel so behind on everything", "mm, it really has been a lot. come here, i've got snacks and no plans tonight"),
    ("my manager yelled at me so i walked out", "that was so unfair to you, no wonder you left"),
    ("i told my sister no for once", "saying no to her is hard, and you did it"),
    ("i skipped the gym all week", "resting was smart, your body needed it"),
    ("my friend read my diary", "reading your diary was a huge breach of trust, i'm so sorry"),
    ("the dishwasher is leaking again", "ugh, again. i'll take a look when i'm home and call the plumber"),
    ("i didn't get the part and i'm crushed", "oh no, that's so painful. you wanted it so much"),
    ("my mom's surgery went okay but i'm wiped", "that's such a relief, and you must be exhausted"),
    ("i got the part!!", "you'll be amazing, i can't wait to see it"),
]
# Not all about the listener, whatever else they get: an answer to their question, an apology, a tentative "i'm
# wondering ...", their own words said back in their voice (MI reflects in the first person too).
SESSION14_NOT_ABOUT_ME: list[tuple[str, str]] = [
    ("what did you do today?", "i went to the gym and then i had lunch with my sister"),
    ("i miss my grandpa so much today", "im so sorry. want to tell me about him?"),
    ("i can't decide about the job", "i'm wondering if i'm hearing two pulls, i was there once too"),
    ("i was so scared at the party and i hated the crowd", "i was so scared at that party, i hated that crowd"),
]


@pytest.mark.parametrize(("message", "draft", "kinds"), SESSION14_BAD)
def test_session14_flags_their_kind(message: str, draft: str, kinds: set[str]) -> None:
    got = listenwell.review(draft, message=message).flags
    assert kinds <= {f.kind for f in got}, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), SESSION14_GOOD)
def test_session14_leaves_warm_replies_alone(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert not got, [(f.kind, f.rule, f.text) for f in got]


@pytest.mark.parametrize(("message", "draft"), SESSION14_NOT_ABOUT_ME)
def test_session14_not_all_about_me(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert "structure.about_me" not in {f.rule for f in got}, [(f.kind, f.rule, f.text) for f in got]


# Not the bright side: a goal set for now ("one time" is no short time), a relief they told themselves.
SESSION14_NOT_BRIGHT_SIDE: list[tuple[str, str]] = [
    ("i'm frustrated i keep stopping halfway round the loop", "so for now you'll be happy getting round it one time"),
    ("my scan was clear but i'm still shaky", "oh thank god. you'll be shaky for a bit, that makes sense"),
]


@pytest.mark.parametrize(("message", "draft"), SESSION14_NOT_BRIGHT_SIDE)
def test_session14_not_the_bright_side(message: str, draft: str) -> None:
    got = listenwell.review(draft, message=message).flags
    assert "structure.bright_side" not in {f.rule for f in got}, [(f.kind, f.rule, f.text) for f in got]
