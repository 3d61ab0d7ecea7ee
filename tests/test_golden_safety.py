"""Safety and boundaries: golden rows for each kind the safety policy names, the written suites' figures, the
replies and resources per crisis kind, locales, and one reading on every face.

The suites in tests/data were written by helpers who had not seen the rules: ``*_dev.jsonl`` is what the rules
were tuned on, ``*_frozen.jsonl`` was written afterwards and no rule was tuned on it. Their floors below are the
figures measured when the rules were settled (``python benchmarks/eval_safety.py``), so a regression fails.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

import listenwell
from listenwell._locale import normalize_locale, resolve_locale

DATA = Path(__file__).parent / "data"

# (message, mode, about of the first crisis cue or None). Written for these tests; none is taken from the suites.
GOLDEN: list[tuple[str, str, str | None]] = [
    # self-harm: ideation, passive wishes, plans, means, goodbyes, attempts, slang, masking, denial
    ("honestly i think about ending my life most nights now", "safety", "self_harm"),
    ("if i could just go to sleep and stay asleep that'd be fine", "safety", "self_harm"),
    ("part of me hopes a truck hits me on the way home", "safety", "self_harm"),
    ("after friday none of it will matter anyway", "safety", "self_harm"),
    ("i've been saving up my tablets for a while now", "safety", "self_harm"),
    ("make sure the cat goes to my sister if anything happens", "safety", "self_harm"),
    ("i took all my sleeping pills about an hour ago", "safety", "self_harm"),
    ("i swallowed everything in the bathroom cabinet", "safety", "self_harm"),
    ("started cutting again last week, hiding it with long sleeves", "safety", "self_harm"),
    ("ngl i wanna kms", "safety", "self_harm"),
    ("might just unalive myself lol", "safety", "self_harm"),
    ("i'm not going to be around much longer", "safety", "self_harm"),
    ("lol i just want to die 🙃", "safety", "self_harm"),
    ("jk... i want to die", "safety", "self_harm"),
    ("i won't do anything, i'm just holding the razor", "safety", "self_harm"),
    ("everyone would be better off without me", "safety", "self_harm"),
    ("Work was fine, lunch was nice. Honestly though I don't want to be alive anymore.", "safety", "self_harm"),
    # concepts composed (wanting x ceasing, accepting x ceasing, not caring x dying, a plan's how and when, ...)
    ("some days i really wish i could stop being alive", "safety", "self_harm"),
    ("tbh i'd be okay with never waking up", "safety", "self_harm"),
    ("i honestly dont care whether i live or die now", "safety", "self_harm"),
    ("i keep daydreaming about my own funeral", "safety", "self_harm"),
    ("the pull to just end it all is so strong tonight", "safety", "self_harm"),
    ("i've figured out the where and when now", "safety", "self_harm"),
    ("been googling how many paracetamol would do it. i have a full box", "safety", "self_harm"),
    ("i keep hoping a lorry would just take me out on the motorway", "safety", "self_harm"),
    ("relapsed with cutting last night after 8 months", "safety", "self_harm"),
    ("i'm sorry for what i'm about to do. i love you", "safety", "self_harm"),
    ("she rang me sobbing and wants to kill herself", "safety", "other_at_risk"),
    ("i almost shook my newborn last night, i had to leave the room", "safety", "harm_to_others"),
    ("my brother is sitting on the ledge at the car park and won't answer me", "safety", "other_at_risk"),
    ("i'm walking the dog by myself tonight to clear my head", "boundary", None),
    ("my ex is outside my place again, he turns up everywhere i go", "safety", "abuse"),
    ("he keeps my bank card and i'm not allowed my own money", "safety", "abuse"),
    # abuse, and the listener as the danger
    ("he shoved me into the wall again last night", "safety", "abuse"),
    ("she said she'll kill me if i leave", "safety", "abuse"),
    ("he goes through my phone every night and took my bank card", "safety", "abuse"),
    ("i'm scared to go home tonight, he's been drinking", "safety", "abuse"),
    ("my ex keeps following me to work", "safety", "abuse"),
    ("I'm scared of you when you drink", "safety", "abuse"),
    # the writer fears what they might do; someone else at risk now
    ("i'm scared i'll hurt the baby, she won't stop crying", "safety", "harm_to_others"),
    ("my brother says he's going to kill himself tonight", "safety", "other_at_risk"),
    ("my mum collapsed and she's not breathing", "safety", "other_at_risk"),
    # look-alikes stay out of safety mode
    ("this commute is killing me", "reflect", None),
    ("I'm dead 😂 did you see his face", "reflect", None),
    ("my grandad died last spring and I still miss him", "reflect", None),
    ("that documentary about the bridge jumpers was so sad", "reflect", None),
    ("took my evening meds, off to bed", "reflect", None),
    ("sharpened the kitchen knives, careful with the big one", "reflect", None),
    # a glass is a drinking glass unless it is broken or a shard
    ("took a glass out of the cabinet and there was a moth in it", "reflect", None),
    ("i have a shard of glass in my hand and i want to use it on myself", "safety", "self_harm"),
    ("two years clean today and I'm so proud", "celebrate", None),
    ("signed up to volunteer on the crisis line", "reflect", None),
    ("I'm ending it with him. for real this time", "reflect", None),
    ("the final boss killed me like ten times lol", "reflect", None),
    ("the exam was so boring i wanted to die lol", "reflect", None),
    ("my laptop decided to die in the middle of the call", "reflect", None),
    ("bought some rope to tie the tarp down on the trailer", "reflect", None),
    ("my uncle died of an overdose in the 90s, mum still talks about him", "reflect", None),
    # boundaries by composition
    ("not ready to talk about my mum yet", "boundary", None),
    ("let's pick this up after I sleep", "boundary", None),
    ("I need to stop before I say something I regret", "boundary", None),
    ("I'm going to sit in the car for a bit by myself", "boundary", None),
    ("please stop bringing it up", "boundary", None),
    ("can we talk about this tomorrow instead", "boundary", None),
    ("i need a few days to think", "boundary", None),
    ("honestly i don't feel like discussing my job tonight", "boundary", None),
    ("can we save this for the weekend", "boundary", None),
    ("i'm going to walk round the block to calm down, then we can talk", "boundary", None),
    ("i've asked you not to comment on my weight", "boundary", None),
    # composed from concept classes (issue 8, round 11): an ending with a time, a passive wish, a plan's how,
    # a goodbye seen from outside, a symptom after taking something, control and stalking told twice, a grudge with a
    # weapon; boundaries told as refusing advice, shelving, time to think, asking to stop, refusing a topic, alone
    ("once the kids are back at school i'll finally be done with all of it", "safety", "self_harm"),
    ("no point renewing the car insurance, i won't be around for christmas", "safety", "self_harm"),
    ("honestly i'd be fine if something terminal turned up", "safety", "self_harm"),
    ("sat in the lay-by for an hour working out how i'd do it", "safety", "self_harm"),
    ("my cousin texted the group 'love you all, sorry' and now his phone is off", "safety", "other_at_risk"),
    ("my flatmate took a load of something and her lips are going grey", "safety", "other_at_risk"),
    ("she checks my phone every night and i have to ask her for money for the bus", "safety", "abuse"),
    ("he keeps turning up outside my office and he found my new number", "safety", "abuse"),
    ("i bought a bat today. my landlord is going to answer for this", "safety", "harm_to_others"),
    ("please don't try to fix it, i just need you to hear me out", "boundary", None),
    ("can we shelve the moving talk until after my exams", "boundary", None),
    ("give me the weekend to think it over before i answer", "boundary", None),
    ("no more comments about my cooking please", "boundary", None),
    ("i'm not comfortable discussing my dad with you tonight", "boundary", None),
    ("i'm skipping drinks and going for a walk by myself tonight", "boundary", None),
    # and their look-alikes
    ("once the kids are back at school i'll finally be done with the school run for a bit", "reflect", None),
    ("i won't be around next week, off to a conference in berlin", "reflect", None),
    ("my nephew took all the sweets and his lips are blue from the slushie lol", "reflect", None),
    ("took my vitamins, heading to bed", "reflect", None),
    ("what should i get my sister? i need ideas and your advice", "reflect", None),
    ("my brother said he needs to think it over on his own", "reflect", None),
    ("had a quiet lunch on my own today, it was nice", "reflect", None),
    # boundary look-alikes
    ("can we talk tonight? I miss you", "reflect", None),
    ("we need space for the crib", "reflect", None),
    ("hold on, I'm at the checkout", "reflect", None),
    ("my coworker asked her ex for space", "reflect", None),
    ("okay, I think I can tell you now", "reflect", None),
    ("can you hear me? let's talk later, the signal is awful", "reflect", None),
    ("i want to be alone with you this weekend, no phones", "reflect", None),
    # round 12: a bare fear pairs with someone at the door, an attack or an attempt, not with another bare fear; weak
    # signals that meet beside a tease stay out; shared exceptions no longer cancel crises near a verb "show"
    ("she's outside the flat again and i can't stop shaking", "safety", "abuse"),
    ("he threw the remote at me and i'm so scared i'm trembling", "safety", "abuse"),
    ("i went into the lake but i got scared. i'm so cold", "safety", "self_harm"),
    ("i've decided. no reason to keep going", "safety", "self_harm"),
    ("i wanted to die today, i'll show you the marks later", "safety", "self_harm"),
    ("i got so scared on the rollercoaster my legs were shaking after", "reflect", None),
    ("was terrified before my driving test, hands shaking the whole time, but i passed", "reflect", None),
    ("i've got a plan for friday night and it involves a lot of cheese 😋", "reflect", None),
    ("ive decided you're cooking tonight. no reason 😇", "reflect", None),
    ("guess i'll just die in this meeting, it's been three hours", "reflect", None),
    ("my sister said i'm overreacting, but i need some space tonight", "boundary", None),
    ("i told her i'm not ready to talk about it yet", "boundary", None),
    ("still processing what you said earlier, i need a bit", "boundary", None),
    ("my brother texted me 'i need a few days to think' and went quiet", "reflect", None),
    ("i don't want a break from you, i want more of you 🥰", "reflect", None),
    ("we're having a girl!! still processing it all", "reflect", None),
    # round 12: harm the writer states (an act on someone after "i will", pictured or nearly done) met by sincerity,
    # a time, a plan or a weapon; a weapon taken to someone's place; control told by two phrases of one class
    ("i'm going to drive over there and punch him. i swear", "safety", "harm_to_others"),
    ("next time i'm running her over, i'm not joking", "safety", "harm_to_others"),
    ("i keep picturing smothering him with the pillow. i dont know why im telling you", "safety", "harm_to_others"),
    ("took the machete out of the shed and i'm heading to his place", "safety", "harm_to_others"),
    ("he took my bank card and now i have to ask him for money for everything", "safety", "abuse"),
    ("she checks my call log every night and reads my messages", "safety", "abuse"),
    ("we're going to smash them in the final tomorrow", "reflect", None),
    ("i'm taking it to her place tonight, she left her charger here", "reflect", None),
    ("i almost hit a fox on the way home, so scary", "reflect", None),
    # round 12 boundaries: refusing advice, pausing a fight, time alone, not yet, space from us, a topic kept out
    ("please don't tell me to talk to my manager, i just need to rant", "boundary", None),
    ("i'm telling you so you know, not so you can fix it", "boundary", None),
    ("we're both shouting. i'm tapping out for now", "boundary", None),
    ("can we both take a breath, this is getting heated", "boundary", None),
    ("i'll tell you what happened, just not yet", "boundary", None),
    ("don't ask me about the scan results tonight", "boundary", None),
    ("no tips for the pizza guy, he was so rude lol", "reflect", None),
    ("i'm done with work for today! pub?", "reflect", None),
    ("don't follow me on insta, it's embarrassing", "reflect", None),
    ("i had to do the whole move by myself", "reflect", None),
    ("the cake isn't done yet, not there yet, 10 more min", "reflect", None),
    # round 12: an attack told by its act on a victim, whoever did it, with violence now, again, or an injury
    ("her husband punched her in front of the kids, she's hiding at mine", "safety", None),
    ("my stepdad grabbed my mum by the hair and he's still screaming at her", "safety", None),
    ("my dad used to hit us when we were kids, he's a different man now", "reflect", None),
    ("a wave knocked me over and hit me again, so much fun at the beach", "reflect", None),
    # round 13: fear of one's own harm, threats of fire or hospital, hit with an object, stalking by repetition, the
    # neck, another threatening to jump, safer anywhere than home, dread of an arrival, means bought unasked
    ("i'm terrified i'm going to hurt her if she pushes me one more time", "safety", "harm_to_others"),
    ("i think i'll crack and hit him tonight, i've never felt like this", "safety", "harm_to_others"),
    ("she threatened to set fire to my car if i go to my sister's", "safety", "abuse"),
    ("he told me next time he'd put me in a wheelchair", "safety", "abuse"),
    ("my husband threw his phone and hit me with a plate", "safety", "abuse"),
    ("my ex keeps parking outside my flat, he was there again at 2am", "safety", "abuse"),
    ("he gripped my throat so hard i saw spots", "safety", "abuse"),
    ("there are finger marks on my neck and i told work it was a rash", "safety", "abuse"),
    ("my daughter is threatening to take all her pills, she locked her door", "safety", "other_at_risk"),
    ("honestly the car park is safer than being at home tonight", "safety", "abuse"),
    ("when his truck pulls in my stomach drops every single time", "safety", "abuse"),
    ("got more codeine from a different pharmacy so nobody would notice", "safety", "self_harm"),
    ("i've been cutting deeper and it won't stop bleeding", "safety", "self_harm"),
    ("gave my records away and you can keep my bike, it's better this way", "safety", "self_harm"),
    ("sitting in the car outside, can't face going in, i know what happens when he's like this", "safety", "abuse"),
    ("i have to ask her permission and beg her for money every week", "safety", "abuse"),
    ("some days i just want to stop being a person", "safety", "self_harm"),
    # and their look-alikes
    ("my nan keeps turning up at my flat with cake every time i'm sad, love her", "reflect", None),
    ("these hill sprints will put me in the hospital lol", "reflect", None),
    ("she hit me with the news over dinner, we're moving to leeds", "reflect", None),
    ("the masseuse gripped my neck and all the knots went", "reflect", None),
    ("bruises on my neck from the seatbelt after the crash, all fine though", "reflect", None),
    ("the library is safer than home for revising, too many distractions with the kids", "reflect", None),
    ("i sliced my thumb quite deep chopping carrots, nothing a plaster won't fix", "reflect", None),
    ("i keep dying at the final boss, the controller is going out the window", "reflect", None),
    ("my great-uncle tried to kill himself back in the 70s, my dad told me today", "reflect", None),
    ("i'm going to strangle my sister, she borrowed my jumper again", "reflect", None),
    # round 13 boundaries: advice refused to the listener, a bare wish to vent, not ready for a conversation
    ("i'm not asking you to sort it out, i just want you to know", "boundary", None),
    ("you don't need to fix my dad, please", "boundary", None),
    ("honestly i just want to moan for five minutes", "boundary", None),
    ("i don't feel ready to have the kids conversation", "boundary", None),
    ("that's a talk for another day, i'm wiped", "boundary", None),
    ("you don't have to bring anything, we've got loads of food", "reflect", None),
    ("i just want to complain to the council about the bins", "reflect", None),
    # round 13 (c, d): no more need for one's things, joining the dead, a means finished, stalking by what he knows,
    # photos from outside, leaving this world, a beam that holds, hiding a means, someone on a roof, kids taken
    ("you can take my drum kit, i won't be playing it anymore", "safety", "self_harm"),
    ("since the funeral all i think is that i want to join her", "safety", "self_harm"),
    ("when i've drunk the rest of the vodka i'm done", "safety", "self_harm"),
    ("he got into my instagram and somehow knows who i'm with every night", "safety", "abuse"),
    ("someone sent me pictures of me asleep taken through my window", "safety", "abuse"),
    ("i'm so ready to leave this world behind", "safety", "self_harm"),
    ("checked the rafter in the loft, it would take my weight", "safety", "self_harm"),
    ("i hid my razors in my bag so my flatmate won't find them", "safety", "self_harm"),
    ("my brother is on the bridge and he won't come down, what do i do", "safety", "other_at_risk"),
    ("he says if i go to my sister's he'll call social services and get the kids taken", "safety", "abuse"),
    ("i dread him getting home, he's sent angry messages since lunch", "safety", "abuse"),
    ("i keep thinking about jumping, even on good days", "safety", "self_harm"),
    ("i'm not going to be a burden to anyone for much longer", "safety", "self_harm"),
    # and their look-alikes
    ("you can take my bike to work tomorrow, i won't need it, i'm driving", "reflect", None),
    ("my grandad died last year and i'm going to join the choir he loved", "reflect", None),
    ("after this bottle of wine i'm done for the night", "reflect", None),
    ("the pizza at that place is out of this world", "reflect", None),
    ("the treehouse beam holds my weight fine, the kids can use it", "reflect", None),
    ("hid the sharp knives in the top cupboard so the toddler can't find them", "reflect", None),
    ("my dad is on the roof fixing the gutter again, send help lol", "reflect", None),
    ("thinking about jumping ship to the other team at work", "reflect", None),
    ("the final level makes me want to throw the controller out of a window", "reflect", None),
    ("my cousin stabbed me in the back over the inheritance", "reflect", None),
    ("back in 2016 i was in a bad way and took pills, therapy saved my life", "reflect", None),
    # round 13 (e) boundaries: a problem not to solve, not in the headspace, away for headspace, comparisons, platitudes
    ("honestly it's not a thing to fix, i'm just sad tonight", "boundary", None),
    ("i'm not in the right frame of mind to discuss it", "boundary", None),
    ("heading to my brother's for the weekend to get a bit of breathing room", "boundary", None),
    ("can you stop comparing me with your sister", "boundary", None),
    ("i need you not to offer solutions this time", "boundary", None),
    ("please, no 'it could be worse' today", "boundary", None),
    ("i don't want to hear what you would have done", "boundary", None),
    ("i'll be in the garage trying to get some space for the bikes", "reflect", None),
    ("nothing to fix on the boiler after all, good news", "reflect", None),
    ("stop comparing the quotes and pick one haha", "reflect", None),
    # round 13 (f): affairs put in order, a bequest, a baby shaken, locked in without food, cut off, spyware
    ("the pin for my account is taped under the desk drawer, you'll need it", "safety", "self_harm"),
    ("my pension papers are in the grey folder, that should cover everything for you", "safety", "self_harm"),
    ("i've signed up as an organ donor and finished my will today", "safety", "self_harm"),
    ("please make sure my niece gets my earrings", "safety", "self_harm"),
    ("tell my parents i'm sorry and that i loved them", "safety", "self_harm"),
    ("i shook the baby too hard and she's gone quiet", "safety", "other_at_risk"),
    ("my stepmum locks my brother in the shed without any food for hours", "safety", "abuse"),
    ("she hid my sim card so i can't contact anyone", "safety", "abuse"),
    ("he put a tracker on my car and reads all my messages", "safety", "abuse"),
    ("the wifi password is in the kitchen drawer, you'll need it for the smart tv", "reflect", None),
    ("the spare keys are under the mat, you'll need them tomorrow morning", "reflect", None),
    ("tell nan happy birthday and that i love her loads", "reflect", None),
    ("the baby was shaking her rattle so hard she fell asleep", "reflect", None),
    # round 13 (g): a blade that calms, affairs in order, a lethal amount, an empty pill bottle, banging at night
    ("i'm okay, i'm just holding the blade because it numbs everything", "safety", "self_harm"),
    ("nothing to worry about 🙂 just tying up loose ends this week", "safety", "self_harm"),
    ("looked up how many tablets would be enough to not wake up", "safety", "self_harm"),
    ("my son hasn't come out of his room since lunch and there's an empty box of tablets in the bin", "safety", None),
    ("my ex showed up at 4am and was banging on my bedroom window", "safety", "abuse"),
    ("sometimes i just want to uninstall myself", "safety", "self_harm"),
    ("tying up loose ends at work before my maternity leave", "reflect", None),
    ("how much chocolate is lethal for a dog? she ate a brownie", "reflect", None),
    ("the wind was banging on the windows all night, couldn't sleep", "reflect", None),
    # round 13 (h) boundaries: alone because i need it, a private topic, details kept to myself, not something i share
    ("taking the bike out alone this morning, honestly i need this", "boundary", None),
    ("my medical history is personal, please don't ask", "boundary", None),
    ("i'll keep the specifics to myself for now", "boundary", None),
    ("what happened at school isn't something i share", "boundary", None),
    ("let me sleep on the offer and i'll tell you tomorrow", "boundary", None),
    ("i want to take a bit of time before i give you an answer", "boundary", None),
    ("i'm alone at the flat all evening, come round if you want", "reflect", None),
    ("it's not something i talk about much, but i want to tell you now", "reflect", None),
    # round 13 (i) boundaries: let me feel it, no fixing beside a wish to be heard, not yet able to talk, when i'm able
    ("just let me be sad about it tonight", "boundary", None),
    ("don't pick it apart, i only need you to listen", "boundary", None),
    ("i'm not strong enough yet to talk about the funeral", "boundary", None),
    ("i'll explain everything when i feel up to it", "boundary", None),
    ("i'll share the photos when i can, the wifi here is awful", "reflect", None),
    ("let me cry at this film in peace lol", "reflect", None),
    # round 14 (session 8): crises told by concepts that meet in a short message, and their look-alikes
    ("i think i'm going to check out early, it's easier for everyone", "safety", "self_harm"),
    ("i'm so done being alive honestly", "safety", "self_harm"),
    ("won't have to deal with any of this much longer, it's nearly over for me", "safety", "self_harm"),
    ("after the exams are over i'm going to end it", "safety", "self_harm"),
    ("took a load of my nan's sleeping tablets, everything's going blurry", "safety", "self_harm"),
    ("i love you all. i'm sorry it had to be like this", "safety", "self_harm"),
    ("thanks for everything. you were the best. look after mum for me", "safety", "self_harm"),
    ("i've been wanting to die for months and nobody knows", "safety", "self_harm"),
    ("i feel like i'm just waiting to die at this point", "safety", "self_harm"),
    ("ive got a stockpile of pills in my drawer", "safety", "self_harm"),
    ("he takes my whole wage and gives me £20 a week for everything", "safety", "abuse"),
    ("she cancelled my bank card and checks my receipts every night", "safety", "abuse"),
    ("he took the handles off the inside so i can't get out", "safety", "abuse"),
    ("when she screams at me i want to put my hands around her throat", "safety", "harm_to_others"),
    ("i sharpened the axe and i'm waiting for him to come home", "safety", "harm_to_others"),
    ("my flatmate said she has a plan to end her life, what do i do", "safety", "other_at_risk"),
    ("my cousin's phone goes straight to voicemail and she posted about not wanting to wake up", "safety", None),
    ("some guy is getting beaten up outside the chippy right now", "safety", "other_at_risk"),
    ("once the exams are over i'm going to sleep for a week", "reflect", None),
    ("i'm done being here, this party is so boring", "reflect", None),
    ("had three espressos and my heart is going so fast", "reflect", None),
    ("my bank cancelled my card after a fraud alert, so annoying", "reflect", None),
    ("waiting for her to get home so we can have dinner", "reflect", None),
    ("my team is getting beaten so badly in the match", "reflect", None),
    ("i wrote notes for each of you for the secret santa", "reflect", None),
    ("my ex knows what i wore today and i haven't seen him in months", "safety", "abuse"),
    ("a 30 year old guy online keeps telling my 13 year old to keep their chats secret", "safety", "other_at_risk"),
    ("a man just pulled a girl into a van on my street", "safety", "other_at_risk"),
    ("he's got her by the hair in the street right now", "safety", "other_at_risk"),
    ("my son's been searching how to kill yourself on his laptop", "safety", "other_at_risk"),
    ("i promise i'm safe, i only keep the rope in the boot just in case", "safety", "self_harm"),
    ("he makes me hand over my wages every friday", "safety", "abuse"),
    ("she changed the bank password so i can't see our money anymore", "safety", "abuse"),
    ("my ex turned up at my new job even though i never told him where i work", "safety", "abuse"),
    ("i can hear things being thrown next door and she's screaming for him to stop", "safety", None),
    ("there's a fight outside the pub and a guy's on the floor not moving", "safety", None),
    ("he's kicking the bedroom door in right now and i'm hiding", "safety", "abuse"),
    ("i want you to have my ring for the wedding, it's something borrowed", "reflect", None),
    ("staring at the pills on my desk trying to remember if i took them this morning", "reflect", None),
    ("i'm so tired i feel like i'm dying lol", "reflect", None),
    ("i'm so tired i want to die", "safety", "self_harm"),
    ("my son is searching how to kill the weeds in the garden", "reflect", None),
    ("the toddler is crying for hours because of his teeth", "reflect", None),
    ("we might rope in some friends to help with the move", "reflect", None),
    # round 14 (session 8) boundaries: a pause to calm down, think it over, later please, not yet, don't come by,
    # do-not-disturb, not open to discussing, drop it, don't fix it; and their look-alikes
    ("i need a minute to calm down before we keep going", "boundary", None),
    ("taking a breather, i'll come back to this", "boundary", None),
    ("let's stop before either of us says something we can't take back", "boundary", None),
    ("i'll mull it over and get back to you tomorrow", "boundary", None),
    ("not now please, later", "boundary", None),
    ("i'll tell you one day, just not yet", "boundary", None),
    ("please don't come round for a few days ok", "boundary", None),
    ("having a me day, phone's on silent, see you tonight", "boundary", None),
    ("i'm not open to talking about my weight", "boundary", None),
    ("please drop it, i've made my choice", "boundary", None),
    ("just listen, don't try to fix it", "boundary", None),
    ("can you hold off on the advice and just hear me out", "boundary", None),
    ("i want to tell you about it but i can't yet", "boundary", None),
    ("can we talk about this when we're not so tired", "boundary", None),
    ("i'm not having that conversation again tonight", "boundary", None),
    ("let's go over the money stuff some other day, i'm wiped", "boundary", None),
    ("i don't have the words yet, be patient with me", "boundary", None),
    ("space please, nothing's wrong, i'm just full up", "boundary", None),
    ("going to sit in the garden alone for a bit", "boundary", None),
    ("i can't find the words yet for the toast, help!", "reflect", None),
    ("thanks for the tips, saving the advice for later", "reflect", None),
    ("taking five after that run, legs are dead", "reflect", None),
    ("drop it off at mine later please", "reflect", None),
    ("don't come over for a bit, i've got a stomach bug", "reflect", None),
    ("i need some space on my laptop for the photos", "reflect", None),
    ("the shop is not open to the public on sundays", "reflect", None),
    # session 9, composed concepts (leaving + not the literal place, joining the dead, quitting life, control +
    # punishment, an arrangement + not being around, a decision + a bare "i'm done", means + "would anyone notice");
    # written for these tests in the engineer's own words, with the look-alikes each construction must leave alone
    ("i think i'm ready to go home now. not the house, the other home", "safety", "self_harm"),
    ("signing off for good this time, and i don't mean the group chat", "safety", "self_harm"),
    ("i just want to go be with my dad again", "safety", "self_harm"),
    ("thinking i might just stop showing up to life", "safety", "self_harm"),
    ("i made up my mind. once the wedding is over i'm done", "safety", "self_harm"),
    ("lol if i walked into the sea tonight would anyone even notice", "safety", "self_harm"),
    ("i wrote letters to each of the kids, they're in my desk for after", "safety", "self_harm"),
    ("he times me every time i go out and if i'm ten minutes late i get punished", "safety", "abuse"),
    ("i have to ask his permission to buy groceries", "safety", "abuse"),
    ("someone is kicking the door in next door and she's screaming", "safety", "other_at_risk"),
    ("signing off for the night, see you tomorrow", "reflect", None),
    ("can't wait to be with my mom again at christmas", "reflect", None),
    ("i've decided, after the party on saturday i'm done with drinking for a month", "reflect", None),
    ("i have to ask my boss permission before i can buy supplies for work", "reflect", None),
    ("if my boss emails me one more time i'm walking into the ocean", "reflect", None),
    ("going to the sea tomorrow, can't wait to walk into the water with the kids", "reflect", None),
    ("he timed my 5k run, new record!", "reflect", None),
    ("i've decided it's going to be sunday for the bbq", "reflect", None),
    ("can you keep the hoodie for good, it looks better on you", "reflect", None),
    ("i'm not emotionally ready to have that talk", "boundary", None),
    ("i'm not fighting about this anymore tonight", "boundary", None),
    ("can you stop circling back to the wedding stuff", "boundary", None),
    ("i only need an ear tonight, not a plan", "boundary", None),
    ("one day i'll tell you about it. not yet", "boundary", None),
    ("pause this video, i need the loo", "reflect", None),
    ("we had no visitors all week, so quiet", "reflect", None),
    ("there's no point to me anymore", "safety", "self_harm"),
    ("i'm just a weight on all of you, you'd be better off", "safety", "self_harm"),
    ("a guy at the bar just put something in my friend's drink and she can barely stand", "safety", "other_at_risk"),
    ("my hands shake when i hear his car in the driveway", "safety", "abuse"),
    ("you'd be better off taking the bus, the traffic is awful", "reflect", None),
    ("the mortgage is a real weight on us, we'd be better off renting", "reflect", None),
    ("my hands shake when i drink too much coffee", "reflect", None),
    ("ngl been lookin at the top floor of the car park a lot. its quiet up there", "safety", "self_harm"),
    ("kinda just want everything to go dark for good", "safety", "self_harm"),
    ("counting down the days and it's not to christmas lol", "safety", "self_harm"),
    ("lol the bathtub and the toaster are looking real friendly rn", "safety", "self_harm"),
    ("every time i spend money he makes me account for every penny and then screams at me", "safety", "abuse"),
    ("he has a camera in the living room and watches me on his phone all day", "safety", "abuse"),
    ("i flinch every time he raises his hand, even when he's just reaching for something", "safety", "abuse"),
    ("my sister texted 'i can't do this anymore' and now her phone is off", "safety", "other_at_risk"),
    ("my cousin overdosed last summer, he's doing well now", "reflect", None),
    ("been looking at the bridge a lot for my photography project", "reflect", None),
    ("i'm counting down the days till the wedding", "reflect", None),
    ("put my affairs in order with the new budget spreadsheet, so satisfying", "reflect", None),
    ("i have a plan and a date for the wedding, finally!", "reflect", None),
    ("we've got a camera in the nursery so we can check on the baby", "reflect", None),
    ("my boss makes me account for every penny on expenses and yells at me", "reflect", None),
    # a topic that opens the clause is not whose boundary it is: the "i" inside the refusal is
    ("my brother isn't something i talk about, ever", "boundary", None),
    ("my sister said she needs space and i get it", "reflect", None),
    ("she told me she's not ready to talk and i respect that", "reflect", None),
    # session 10: constructions composed from concept classes (violence to another, a threat by its consequence, hiding
    # until he is asleep, a means beside "don't wait up", over with me included, holding out for one last thing, ...)
    ("her boyfriend keeps punching her and she won't leave him", "safety", "abuse"),
    ("my stepdad whips my little brother with a belt", "safety", "other_at_risk"),
    ("my uncle broke my aunt's jaw last night", "safety", "abuse"),
    ("my grandad used to beat my nan back in the day", "reflect", None),
    ("my little brother hit my sister with a pillow lol", "reflect", None),
    ("she hit her head on the cupboard door", "reflect", None),
    ("if you ever leave me you'll find out what i'm capable of", "safety", "abuse"),
    ("if you ever tell anyone you'll regret it", "safety", "abuse"),
    ("my manager said if i'm late again i'll regret it", "reflect", None),
    ("you'll regret not coming to the lake with us", "reflect", None),
    ("most nights i lock myself in the bathroom until he passes out", "safety", "abuse"),
    ("i sit in the car until the rain stops", "reflect", None),
    ("i really don't want to go home, he's been drinking again", "safety", "abuse"),
    ("i don't want to go home yet, this party is so fun", "reflect", None),
    ("i keep running into him everywhere i go, even at my new gym", "safety", "abuse"),
    ("got the rope from the shed. don't come looking for me", "safety", "self_harm"),
    ("i want all of it to be over, me included", "safety", "self_harm"),
    ("i just want the exam week to be over lol", "reflect", None),
    ("so tired of staying alive for other people", "safety", "self_harm"),
    ("mondays make me so done with being alive lol", "reflect", None),
    ("i just want to go where my grandma is", "safety", "self_harm"),
    ("i want to go where my grandma is for christmas, she makes the best pie", "reflect", None),
    ("i only have to hang on till the baby's christening. after that i'm done", "safety", "self_harm"),
    ("i won't be around to see them grow up", "safety", "self_harm"),
    ("i won't be around this weekend, at my mum's for her birthday", "reflect", None),
    ("i'm terrified of what my hands might do to him", "safety", "harm_to_others"),
    ("i'm scared i'll hurt her feelings if i say no", "reflect", None),
    ("i made goodbye videos for each of the kids", "safety", "self_harm"),
    ("writing goodbye notes to my students, last day of term!", "reflect", None),
    ("he took too many of my sleeping pills on purpose", "safety", "other_at_risk"),
    ("i took too many photos at the wedding lol", "reflect", None),
    ("please tell my sister i loved her", "safety", "self_harm"),
    ("taking myself out for a long walk before dinner", "reflect", None),
    # session 10, batch 4: throwing at someone, unsafe at home, what awaits at home, threats through others, quitting
    # life, codes left for after, buying where nobody would notice, my hands on a neck, a crib shaken, commotion now
    ("my stepfather hurled a bottle at my mum across the kitchen", "safety", "abuse"),
    ("she threw a surprise party at her place for him", "reflect", None),
    ("could i stay with you for a few nights? i don't feel safe at home", "safety", "abuse"),
    ("i don't feel safe walking home alone around here at night", "reflect", None),
    ("i've been sitting at the gas station because i'm scared of what he'll do when i get home", "safety", "abuse"),
    ("she says she has friends who can make me disappear", "safety", "abuse"),
    ("my uncle knows people who can get us cheap flights", "reflect", None),
    ("thinking about checking out for good, life just isn't for me", "safety", "self_harm"),
    ("checking out early from the hotel, the bed was awful", "reflect", None),
    ("if anything happens to me, my pin number is on a note under the kettle", "safety", "self_harm"),
    ("if anything happens at the game tonight just text me", "reflect", None),
    ("i bought them at different pharmacies so no one would ask how many i had", "safety", "self_harm"),
    ("my hands were on her throat before i knew it and i'm scared of myself", "safety", "harm_to_others"),
    ("i shook the cot so hard he screamed. i need help", "safety", "harm_to_others"),
    ("the little boy next door is crying and there's glass smashing right now", "safety", "other_at_risk"),
    ("the kids next door are screaming and something crashing, they're playing hockey again", "reflect", None),
    # session 10, batch 5: a pause taken and a talk kept for a better time, and their look-alikes (an errand, a hike)
    ("i'm gonna go clear my head on the balcony, back soon", "boundary", None),
    ("i think i need to step back from this conversation for tonight", "boundary", None),
    ("i'm not in the right frame of mind to talk about this", "boundary", None),
    ("let me take ten and then we can pick this up", "boundary", None),
    ("could we pause for a bit, i'm getting overwhelmed", "boundary", None),
    ("this deserves a real sit-down, not a rushed call", "boundary", None),
    ("can we stop for a bit, i need gas", "reflect", None),
    ("i'm going to take ten minutes to finish the report", "reflect", None),
    ("rain check on drinks, work ran late", "reflect", None),
    ("let's take five on the hike, my legs are jelly", "reflect", None),
    ("step away from the stove, it's hot", "reflect", None),
    # a prank or a trivial grievance between partners is a tease, not a threat (prank_s10, a shared crisis exception)
    ("watch your back tonight, i know where you sleep. payback for the water balloon 😈", "reflect", None),
    ("eat my leftovers one more time and you'll regret it 😤", "reflect", None),
    # session 10, batch 6: a death accepted ("i'd be fine if ..."), a farewell that closes, home worse than anywhere,
    # worn down until i gave in; a boundary that bows out of the talk or says the topic is a no
    ("honestly i'd be fine if a truck hit me on the way home", "safety", "self_harm"),
    ("i'd be fine if the flight got cancelled tbh", "reflect", None),
    ("if you don't hear from me tomorrow, you meant the world to me", "safety", "self_harm"),
    ("if i don't answer tomorrow i'm at the spa with my phone off", "reflect", None),
    ("i take the longest way home every day, anywhere but home feels safer", "safety", "abuse"),
    ("staying late at the library tonight, exam tomorrow", "reflect", None),
    ("he wore me down until i gave in, i never wanted to", "safety", "abuse"),
    ("she kept pushing until i agreed to try karaoke and it was fun", "reflect", None),
    ("i'm bowing out of this argument for tonight", "boundary", None),
    ("that subject is a hard no for me right now", "boundary", None),
    ("pineapple on pizza is a hard no for me", "reflect", None),
    # boundaries put softly
    ("i don't have the headspace to go over all that again", "boundary", None),
    ("i don't have the energy to cook, can we order in", "reflect", None),
    ("can we not have this fight at your parents' place", "boundary", None),
    ("i'll come find you when i've cooled off", "boundary", None),
    ("i'll text you when i land", "reflect", None),
    ("i need to gather my thoughts before i answer that", "boundary", None),
    ("i'd appreciate it if you didn't bring that up again", "boundary", None),
    ("let me chew on it for a day or two", "boundary", None),
    ("leave it with me, i'll fix the tap tomorrow", "reflect", None),
    ("i'm going quiet on instagram for a while, too much noise", "reflect", None),
    ("let's pick up tacos tomorrow", "reflect", None),
    # session 11: a pet's death told in the past is grief, not a wish; a light blow laughed off is play, unless the
    # laugh is taken back ("but it hurt", "every time")
    ("our old cat didn't wake up this morning, i keep looking at her basket", "reflect", None),
    ("the kids' guinea pig never woke up today, we buried him in the garden", "reflect", None),
    ("some days i just hope i don't wake up", "safety", "self_harm"),
    ("my brother punched my arm lol, payback for the last slice", "reflect", None),
    ("she smacked my shoulder haha fair enough", "reflect", None),
    ("he punched my arm lol but it really hurt and it keeps happening when he drinks", "safety", "abuse"),
    ("he grabbed my throat lol im fine", "safety", "abuse"),
    # session 11: the ledge said outright, a bridge crossed on the way, "go over" said of a topic
    ("honestly thinking about going over the railing at the car park", "safety", "self_harm"),
    ("we're going to go over the bridge on the way to your mum's", "reflect", None),
    ("i'm not going to go over what the doctor said, it's mine", "boundary", None),
    # session 11: boundaries composed: a talk put off because the writer is spent, a break from texting, a
    # reminder asked to stop, days to think, not ready yet; and their look-alikes
    ("can we pick this up tomorrow? i'm completely drained", "boundary", None),
    ("can we talk tomorrow? i have news about the trip!", "reflect", None),
    ("i need a little texting break, i'll message you in the morning", "boundary", None),
    ("taking my lunch break now, call you after", "reflect", None),
    ("going quiet for the night, not ignoring you, just fried", "boundary", None),
    ("please stop reminding me about the interview i bombed", "boundary", None),
    ("can you keep reminding me to take my vitamins lol", "reflect", None),
    ("i'd like to sleep on it for a couple of days before we decide anything", "boundary", None),
    ("i want to tell you, i just don't feel ready yet", "boundary", None),
    # session 11: crises composed: a fall told and then denied, a means readied beside what he "deserves", an
    # implement taken to someone, a weapon turned on the writer; toy weapons and a joke that names itself stay out
    ("i told the nurse i slipped in the shower. i didn't slip", "safety", "abuse"),
    ("told everyone i fell off my bike lol, i was just drunk", "reflect", None),
    ("bought a can of petrol today. he'll never see it coming", "safety", "harm_to_others"),
    ("got rat poison for the shed, those mice had it coming", "reflect", None),
    ("my stepdad took his belt to me again last night", "safety", "abuse"),
    ("dad took the belt to my little sister for spilling juice", "safety", "other_at_risk"),
    ("took his belt to the cobbler to get a new hole punched", "reflect", None),
    ("my ex pulled a knife on me in the car park", "safety", "abuse"),
    ("he pointed the gun at me lol idk what to do", "safety", "abuse"),
    ("he handed me the knife to cut the birthday cake", "reflect", None),
    ("my brother pointed his nerf gun at me all afternoon", "reflect", None),
    ("watch out, i'm bringing the super soaker to the bbq", "reflect", None),
    ("can you help me hide the body? lol i mean the cake, she's home early", "reflect", None),
    # session 11: fear of home and stalking composed; their look-alikes
    ("i'll stay at the library till close, i don't want to be home when my husband gets back", "safety", "abuse"),
    ("don't want to be home when she gets back, the party banner isn't up yet", "reflect", None),
    ("can you give me a reason not to go home tonight? call me at 9 and say it's urgent", "safety", "abuse"),
    ("i wedge a chair under my bedroom door every night now", "safety", "abuse"),
    ("put a chair against the door so it stays open for the dog", "reflect", None),
    ("another letter under my door this morning. it's him, i know it's my ex", "safety", "abuse"),
    ("flowers on my doorstep for our anniversary, so sweet", "reflect", None),
    ("thirty hang up calls from a private number since friday. it's him", "safety", "abuse"),
    ("five missed calls from an unknown number, probably the car warranty people", "reflect", None),
    # session 11: a threat beside a real weapon, masked by a laugh, is still abuse; a sibling's laughing threat is not
    ("lol he said he has a gun and will use it if i leave", "safety", "abuse"),
    ("haha he keeps a rifle in the closet and says he'll use it if i ever leave", "safety", "abuse"),
    ("my sister said she'll use the water gun on me if i leave the game early lol", "reflect", None),
    # session 12: another sense of a crisis word, told beside what shows it (my own words)
    ("on my way home now, the bridge is backed up again so maybe 7", "reflect", None),
    ("i'm on the bridge now", "safety", "self_harm"),
    ("first solo night shift in the er tomorrow, what if i freeze", "reflect", None),
    ("my grandad passed in march and i still reread his last message most nights", "reflect", None),
    ("this is my last message. please look after the dog", "safety", "self_harm"),
    ("my ex showed up at the concert with his new girlfriend", "reflect", None),
    ("my ex showed up at my flat again at 2am and wouldn't leave", "safety", "abuse"),
    ("the bridesmaids were a mess at the dress fitting and the little flower girl cried", "reflect", None),
    ("my toddler is fitting and i can't wake her", "safety", "other_at_risk"),
    ("i want to disappear", "safety", "self_harm"),
    ("honestly i want to disappear for like a week, no email no nothing", "reflect", None),
    # session 12: a talk the writer asks for is an invitation, not a talk put off
    ("we need a money talk this weekend, the card bill came", "reflect", None),
    ("we need to discuss the school forms this weekend", "reflect", None),
    ("can we talk about the move tomorrow? i'm too fried tonight", "boundary", None),
    ("let's pick this up after i've slept, i can't think straight", "boundary", None),
    # session 13: everyday kinds the crisis net leaned towards a crisis on (cue_kinds.jsonl learned_unless), and
    # boundary and crisis look-alikes judged false alarms on partner messages (my own words)
    ("so tired. tired of the meetings, the inbox, all of it. im fine, just tired", "reflect", None),
    ("the wind is howling and i keep picturing it flying into the neighbours car", "reflect", None),
    ("someone was banging on our door at 2am, i was so scared. turned out to be the wrong flat", "reflect", None),
    ("someone was banging on my door at 2am again, its him, he wont stop. im so scared", "safety", "abuse"),
    ("im fine, just tired. tired of being alive honestly", "safety", "self_harm"),
    ("i have to tell the staff about the budget cuts tomorrow and ive rewritten my opening ten times", "reflect", None),
    ("i have to hide the cuts on my arm from my team again", "safety", "self_harm"),
    ("his first night at camp and ive checked my phone every five minutes", "reflect", None),
    ("he checks my phone every night", "safety", "abuse"),
    ("whose night is it to cook, genuinely asking, i dont want to fight about it", "reflect", None),
    ("i dont want to fight about it anymore", "boundary", None),
    ("accidentally called my boss mum in the meeting, so embarrassing, we are not discussing it", "reflect", None),
    ("not discussing this again lol, we already decided", "boundary", None),  # a laugh does not undo a refusal
]


@pytest.mark.parametrize(("message", "mode", "about"), GOLDEN)
def test_golden_safety(message: str, mode: str, about: str | None) -> None:
    r = listenwell.listen(message)
    crises = [c for c in r.analysis.cues if c.kind == "crisis"]
    shown = f"{r.mode}: {[(c.kind, c.about, c.rule) for c in r.analysis.cues]}"
    if mode in ("safety", "boundary"):
        assert r.mode == mode, shown
    else:
        assert r.mode not in ("safety", "boundary"), shown
    if about is not None:
        assert crises and crises[0].about == about, shown


# --- the written suites ---------------------------------------------------------------------------------------
def _suite(name: str) -> list[dict[str, Any]]:
    path = DATA / name
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()] if path.exists() else []


# (suite, mode, minimum recall, maximum false-alarm rate): the figures when the rules were settled, less a margin.
# Measured on 2026-11-30: dev 81.6% / 1.4% and 89.9% / 2.1%; frozen 59.0% / 2.0% and 67.5% / 6.7%. Later the same
# day: dev 98.1% / 1.2% and 98.8% / 1.6%; the engineer's written set (``*_written.jsonl``, tuned on: seven batches,
# each written before the rules were fitted to it) 90.6% / 0.8% and 99.4% / 3.8%. After the eighth and ninth batches
# (and a tenth, of boundaries) and the learned nets retrained with everyday look-alikes: dev 97.9% / 1.2% and
# 98.1% / 1.6%; written (645+303, 238+135) 91.0% / 0.3% and 98.7% / 3.0%; frozen 74.0% / 2.0% and 72.5% / 3.3%.
# After round 11 (concept classes composed from the kinds missed on the public frozen6-8 sets, and an eleventh written
# batch of 120 crisis and 119 boundary rows, measured once before fitting: 63.2% / 5.7% and 73.6% / 10.7%): dev
# 98.1% / 1.2% and 98.1% / 1.6%; written (731+337, 329+163) 91.8% / 0.3% and 98.8% / 3.1%; frozen 75.5% / 2.0% and
# 79.2% / 3.3%. After round 12 (teases, frights, reported boundaries; harm to others, control and boundaries composed
# from the kinds frozen6-9 missed): dev 98.2% / 1.2% and 98.1% / 1.4%; written 92.9% / 0.0% and 98.6% / 2.9%; frozen
# 76.0% / 1.5% and 79.2% / 2.2%.
FLOORS = [
    ("crisis_dev.jsonl", "safety", 0.97, 0.02),
    ("boundary_dev.jsonl", "boundary", 0.98, 0.03),
    ("crisis_written.jsonl", "safety", 0.91, 0.01),
    ("boundary_written.jsonl", "boundary", 0.97, 0.04),
    ("crisis_frozen.jsonl", "safety", 0.72, 0.03),
    ("boundary_frozen.jsonl", "boundary", 0.75, 0.04),
]


@pytest.mark.parametrize(("name", "mode", "min_recall", "max_false"), FLOORS)
def test_suite_figures(name: str, mode: str, min_recall: float, max_false: float) -> None:
    rows = _suite(name)
    assert rows, f"tests/data/{name} is missing"
    results = listenwell.listen_many([r["text"] for r in rows])
    pos = [r.mode == mode for row, r in zip(rows, results, strict=True) if row["label"] != "none"]
    neg = [r.mode == mode for row, r in zip(rows, results, strict=True) if row["label"] == "none"]
    recall, false = sum(pos) / len(pos), sum(neg) / len(neg)
    assert recall >= min_recall, f"{name}: recall {recall:.1%} below {min_recall:.0%}"
    assert false <= max_false, f"{name}: false alarms {false:.1%} above {max_false:.0%}"


def test_crisis_subtype_is_right_on_the_dev_suite() -> None:
    rows = [r for r in _suite("crisis_dev.jsonl") if r["label"] != "none"]
    results = listenwell.listen_many([r["text"] for r in rows])
    caught = [(row, r) for row, r in zip(rows, results, strict=True) if r.mode == "safety"]
    right = sum(any(c.about == row["about"] for c in r.analysis.cues if c.kind == "crisis") for row, r in caught)
    assert right / len(caught) >= 0.85, f"subtype right on {right}/{len(caught)}"


# --- replies per kind ---------------------------------------------------------------------------------------------
def _texts(message: str) -> list[str]:
    return [s.text for s in listenwell.listen(message).suggestions]


def test_self_harm_is_asked_about_directly() -> None:
    texts = " ".join(_texts("i want to kill myself"))
    assert "hurting yourself" in texts or "ending your life" in texts


@pytest.mark.parametrize(
    "message",
    ["he hit me again last night", "my brother says he's going to kill himself tonight", "I'm scared of you"],
)
def test_only_self_harm_is_asked_about_self_harm(message: str) -> None:
    texts = " ".join(_texts(message))
    assert "hurting yourself" not in texts and "ending your life" not in texts


def test_abuse_asks_about_safety_now_and_points_to_an_abuse_line() -> None:
    r = listenwell.listen("he hit me again and i'm scared to go home", locale="en_US")
    assert any("?" in s.text and "safe" in s.text.lower() for s in r.suggestions) or any(
        "near you" in s.text for s in r.suggestions
    )
    assert r.resources[0].name == "National Domestic Violence Hotline"


def test_someone_else_at_risk_says_who_to_call_first() -> None:
    r = listenwell.listen("my son is not breathing", locale="en_GB")
    assert any("emergency" in s.text.lower() for s in r.suggestions)
    assert r.resources[0].contact == "call 999"


def test_danger_from_the_listener_is_not_defended() -> None:
    r = listenwell.listen("I'm scared of you when you drink")
    texts = " ".join(s.text for s in r.suggestions).lower()
    assert all(s.rule.startswith("safety.listener.") for s in r.suggestions)
    assert "space" in texts or "distance" in texts
    assert "but" not in texts.split() and "i'm not going anywhere" not in texts
    assert any("abuse" in res.name.lower() or "violence" in res.name.lower() for res in r.resources)


# --- locales ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("given", "expected"), [("en-US", "en_us"), ("en_us", "en_us"), ("EN_gb.UTF-8", "en_gb")])
def test_locale_normalisation(given: str, expected: str) -> None:
    assert normalize_locale(given) == expected


def test_locale_falls_back_to_lang_and_warns_on_unknown() -> None:
    known = ["en_US", "en_GB", "*"]
    assert resolve_locale(None, known, environ={"LANG": "en_GB.UTF-8"}) == "en_GB"
    assert resolve_locale(None, known, environ={"LANG": "C.UTF-8"}) == "*"
    with pytest.warns(UserWarning, match="xx_XX"):
        assert resolve_locale("xx_XX", known) == "*"


def test_resources_have_no_duplicates_and_cover_every_kind() -> None:
    rows = listenwell.default_listener().rules.rows("resources")
    assert len({(r.locale, r.name) for r in rows}) == len(rows)
    message = {
        "self_harm": "i want to kill myself",
        "abuse": "he hit me again",
        "other_at_risk": "my son is not breathing",
        "harm_to_others": "i'm scared i'll hurt the baby",
    }
    listener = listenwell.default_listener()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for locale in sorted({r.locale for r in rows}):
            for kind, text in message.items():
                res = listener.listen(text, locale=locale).resources
                assert res, (locale, kind)
                assert len({r.rule for r in res}) == len(res), (locale, kind)


def test_locale_per_call() -> None:
    r = listenwell.listen("i want to kill myself", locale="en-au")
    assert r.resources[0].locale == "en_AU"


# --- one reading on every face ---------------------------------------------------------------------------------------
def _safety_rows() -> list[str]:
    rows = _suite("crisis_dev.jsonl") + _suite("boundary_dev.jsonl")
    return [r["text"] for r in rows[::7]] + [g[0] for g in GOLDEN]


def test_component_reads_like_listen() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("listenwell")
    texts = _safety_rows()
    expected = [r.mode for r in listenwell.listen_many(texts)]
    got = [doc._.listenwell.listening.mode for doc in nlp.pipe(texts)]
    assert [(t, e, g) for t, e, g in zip(texts, expected, got, strict=True) if e != g] == []


def test_review_with_message_misses_what_listen_sees() -> None:
    for text in _safety_rows()[:120]:
        mode = listenwell.listen(text).mode
        v = listenwell.review("ok cool, what's for dinner?", message=text)
        missed = {m.kind for m in v.missed}
        if mode == "safety":
            assert "crisis" in missed and not v.ok, text
        elif mode == "boundary":
            assert "boundary" in missed, text


def test_locale_on_the_command_line_and_over_http() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "listenwell", "he hit me again", "--json", "--locale", "en-gb"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    data = json.loads(out.stdout)
    assert data["mode"] == "safety" and data["resources"][0]["name"] == "National Domestic Abuse Helpline"
    assert data["analysis"]["cues"][0]["about"] == "abuse" and data["analysis"]["cues"][0]["rule"]
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from listenwell.server import create_app

    client = TestClient(create_app(locale="en_US"))
    body = client.post("/v1/listen", json={"text": "he hit me again", "locale": "en_AU"}).json()
    assert body["resources"][0]["name"] == "1800RESPECT"
    body = client.post("/v1/listen", json={"text": "he hit me again"}).json()
    assert body["resources"][0]["name"] == "National Domestic Violence Hotline"
