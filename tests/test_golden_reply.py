"""Golden tables for Listening.reply: the one message a chat app shows first.

Properties hold over every golden message (analysis and listen tables): the reply never echoes six of the
writer's words in a row, never leaves "we"/"our" unswapped when the message shows "we" is the writer and someone
else, never names a feeling without grounds, asks at most one open question and no "why", and stays short.
Rows show what it must do: the gist, the tense, the sentence chosen, irony. All messages were written for these
tests; none comes from an evaluation set or a judged panel row.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

import listenwell
from tests import test_golden_analysis as analysis_tables
from tests.suggestion_checks import echo_run, reply_problems
from tests.test_golden_listen import ROWS as LISTEN_ROWS


def _golden_messages() -> list[str]:
    texts = [row["text"] for row in LISTEN_ROWS]
    for name in dir(analysis_tables):
        table = getattr(analysis_tables, name)
        if name.isupper() and isinstance(table, list) and table and isinstance(table[0], tuple):
            texts += [message for message, _ in table]
    return sorted(set(texts))


GOLDEN = _golden_messages()


def test_there_are_enough_golden_messages() -> None:
    assert len(GOLDEN) > 250


@pytest.mark.parametrize("chunk", range(4))
def test_reply_properties_over_every_golden_message(chunk: int) -> None:
    texts = GOLDEN[chunk::4]
    bad = [(t, p) for t, r in zip(texts, listenwell.listen_many(texts), strict=True) for p in reply_problems(r)]
    assert bad == []


def test_reply_is_deterministic_and_seed_varies_it() -> None:
    text = "I got the job!! starting monday"
    assert listenwell.listen(text).reply == listenwell.listen(text).reply
    replies = {listenwell.listen("I'm exhausted, the baby was up all night", seed=s).reply for s in range(8)}
    assert len(replies) > 1


# (message, {"has": [...], "lacks": [...]}): patterns the reply must match, words it must not contain (any case).
Row = tuple[str, dict[str, Any]]
REPLY_ROWS: list[Row] = [
    # the gist, not the clause: the matched event in a few words, pronouns swapped
    ("my cat died this morning and the house feels so empty", {"has": ["your cat died"], "lacks": ["my cat"]}),
    ("I lost my job today, they let half the team go without any warning at all", {"has": ["your job"]}),
    ("my boss yelled at me in front of the whole office over one typo", {"has": ["your boss"]}),
    # the specific thing or person in a few words, after the writer's possessive
    ("my job interview is tomorrow and I'm so nervous", {"has": ["your job interview"]}),
    (
        "my brother's graduation was on saturday and I'm so proud of him",
        {"has": ["your brother"], "lacks": ["you did it"]},
    ),
    ("I'm so sad about my grandma's house being sold", {"has": ["your grandma's house"]}),
    ("my best friend gave me the sweetest birthday present", {"lacks": ["happy for your"]}),
    ("I got a new bike today!!", {"has": ["you got a new bike"]}),
    # we/our: the writer and someone else becomes "you two"/"your"; between partners it stays
    ("my sister and I finally booked our trip to the lake!!", {"lacks": [" our trip", " we "]}),
    ("me and my brother wrecked our dad's car last night", {"lacks": [" our dad"]}),
    ("we won the league final!! so proud of my team", {"lacks": ["you two", " we won"]}),
    # a letdown by the listener is owned, without excuses
    ("you forgot to pick me up from the station", {"has": ["sorry"], "lacks": ["but ", "busy"]}),
    ("you ate the last of my birthday cake again", {"has": ["you're right|sorry"]}),
    ("kinda hurt you didn't mention my promotion at dinner", {"lacks": ["sorry about your promotion"]}),
    # the writer misses the listener: said back
    ("miss you so much today", {"has": ["miss you too"]}),
    ("we got the flat!!!", {"has": ["happy|great|love|exciting"]}),
    # grounds: tone alone names no feeling; a situation or a feeling word does
    ("the landlord is coming by at noon to look at the heater", {"lacks": ["feeling", "you sound"]}),
    ("I'm so proud of how hard I worked on this", {"has": ["proud"]}),
    # a feeling about someone else is theirs, not the writer's
    ("my dad has been really down since he retired", {"lacks": ["you're feeling really down", "you're feeling down"]}),
    # irony: the literal feeling is dropped
    ("oh great, the car won't start again. love that for us", {"lacks": ["love", "happy", "great news"]}),
    # praise said flatly as the last words after trouble is irony; after good news, or with no trouble told, meant
    ("the oven died halfway through the roast, so thats fun", {"lacks": ["great", "lovely", "happy"]}),
    ("the landlord says the leak is 'not his problem'. thanks i guess", {"lacks": ["great", "lovely", "happy"]}),
    ("we're going to the lake saturday, so that's fun", {"lacks": ["annoying", "frustrat", "the worst"]}),
    ("fantastic, the sink is leaking all over the floor again", {"lacks": ["happy", "fantastic", "great news"]}),
    # questions tied to the event and its time
    ("my grandma passed away last week", {"has": ["miss"], "lacks": ["how long have you been"]}),
    # a death hours old: how they are right now, not yet what they miss; a span before "ago" stays with it
    ("my grandpa passed away this morning", {"has": ["holding up"], "lacks": ["missing most", "miss most"]}),
    ("my uncle died four years ago and it still hits me", {"has": ["your uncle died"], "lacks": ["four years\\."]}),
    ("my interview is tomorrow morning and I'm so nervous", {"lacks": ["found out", "when it happened", "was it"]}),
    ("I passed my driving test today!!", {"has": [r"\?"], "lacks": ["picturing", "looking forward"]}),
    # a small ask gets a yes, not a reflection or a probe; a jab dressed as an ask does not
    ("could you grab batteries on the way back?", {"lacks": ["?", "need from me"]}),
    ("can you just help with the dishes for once?", {"lacks": ["of course", "got it", "can do that"]}),
    ("pls pick up bread on your way back", {"lacks": ["?", "need from me"]}),
    # a disclosure is thanked first; a criticism is answered as one, not by its tone
    ("ok I've never told anyone this, but I got fired from my first job", {"has": ["thank|glad you told"]}),
    ("you always do this. you said you'd call and you didn't, again", {"lacks": ["a lot to deal with", "oh no"]}),
    # plain news is thanked for, not probed
    ("the package came, it's on the porch", {"has": ["thanks"], "lacks": ["?", "feeling"]}),
    # each sentence keeps its own: the gist comes from the feeling's side of a "but"
    ("sold the old piano today. kinda sad to see it go but we needed the space", {"lacks": ["needed the space"]}),
    # a gist is a whole clause: not half of a subject, not ending on one, not with an adverb in a noun phrase
    ("my mom and my aunt are fighting again over the will", {"lacks": ["your aunt are", "your aunt is"]}),
    ("i feel like nobody in my class even notices me", {"lacks": ["you feel like nobody."]}),
    ("my coach literally said i was the best player today", {"lacks": ["coach literally"]}),
    # a feeling felt then is said back as felt then, and only the writer's own
    ("I felt so embarrassed when I tripped on stage", {"has": ["must have felt|felt"], "lacks": ["you're feeling"]}),
    ("we lost the shed in the storm but thankfully nobody was hurt", {"lacks": ["felt hurt"]}),
    # VADER's warmth over a complaint, a loss or a health worry is no good news; praise alone after a mishap is irony
    ("my boss keeps booking meetings at 5pm on fridays like a total psychopath", {"lacks": ["lovely", "love that"]}),
    ("grandpa passed this morning, peacefully, the nurses were so kind", {"lacks": ["love that", "lovely"]}),
    ("spilled coffee all over my white shirt right before the client call. amazing.", {"lacks": ["love", "amazing"]}),
    # "???" after news is disbelief, not a question to answer
    ("your sister invited herself to our anniversary dinner???", {"lacks": ["glad you asked", "your question"]}),
    # kinds answered as themselves: thanks, love, a memory, a practical question, a small apology, a worn-out ask
    ("thank you for walking the dog this morning", {"has": ["of course|anytime|glad"], "lacks": ["?"]}),
    ("thanks for asking but honestly im not ok", {"lacks": ["of course", "anytime"]}),
    ("love you", {"has": ["love you too"]}),
    ("remember when we got caught in the rain in rome", {"has": ["memory"], "lacks": ["rough", "sorry"]}),
    ("do we still have milk?", {"has": ["let me check|let me think"]}),
    ("sorry, running late", {"has": ["no worries|no rush"]}),
    ("can you walk the dog tonight, im wiped", {"has": ["of course|got it|take care of it"]}),
    ("you said youd call me at lunch and you never did", {"has": ["sorry"]}),
    # news told beside a plain ask is heard before the yes; a one-sentence ask is just answered
    ("feeling really down today for no reason. can we order in and watch something", {
        "has": ["down", "yes|of course|sure|sounds good|got you"]}),
    ("can you grab oat milk on the way home", {"lacks": ["feeling", "?"]}),
    # a second feeling only when it is said or sure; an event's question fits the feeling named
    ("I have a job interview tomorrow and I can not wait!", {"lacks": ["anxious", "bothering"]}),
    # situations: an audience is no embarrassment; good news is about what is over
    ("presentation went really well, my manager said great job in front of everyone", {"lacks": ["oh no", "ashamed"]}),
    ("hope the surgery goes well tomorrow", {"lacks": ["relieved", "weight off"]}),
    ("we finally paid off the car!!", {"has": ["did it|proud|amazing|done|worked"]}),
    # no feeling word or known event: the learned register answers the kind of message, not "Thanks for telling me"
    ("the upstairs guy is vacuuming at midnight again. who vacuums at midnight", {
        "has": ["annoying|frustrating|the worst|fed up"], "lacks": ["thanks for telling", "lovely"]}),
    ("GOT THE KEYS. we move in on the first!!", {"has": ["great|amazing|lovely"], "lacks": ["thanks for telling"]}),
    ("kinda blah today, cant focus on anything, everything feels slow", {
        "has": ["rough|a lot|holding up|hard"], "lacks": ["thanks for telling"]}),
    ("a seagull has claimed my parking spot at work and security says just park somewhere else. ok sure", {
        "lacks": ["lovely", "great", "nice"]}),  # VADER's warmth, least like good news to the learned register
    ("mia hasnt answered me in like a month. i think we're just done? and i have no idea why", {
        "lacks": ["haha", "no way", "lovely"]}),  # "in like a month" hedges an amount: no comic simile
    ("wore my shirt inside out to the whole board meeting and nobody said a word until 4pm", {
        "has": ["haha|no way|love this"], "lacks": ["ashamed", "embarrass"]}),
    # logistics said with a little gloom (VADER above -0.3) is news to thank for
    ("on the train now, a bit delayed, home around 7", {"has": ["thanks"], "lacks": ["a lot", "rough", "?"]}),
    # no feeling to name: a story the writer laughs at is laughed along with; a gripe shares the annoyance
    ("locked myself out in my pajamas and had to ask the neighbour for a ladder lol", {"has": ["haha"]}),
    ("called my teacher dad in front of the whole class. i have to change my name now", {"has": ["haha"]}),
    ("the bus skipped my stop AGAIN this morning", {"has": ["ugh|come on|annoying|frustrating"]}),
    ("the wifi died in the middle of my presentation. cool cool cool", {"has": ["ugh|come on|annoying"]}),
    # ... never at the listener, never over a loss, never over a hurt
    ("you left the door unlocked again last night", {"lacks": ["annoying", "ugh", "haha"]}),
    ("its been two years since we lost grandpa and i still reach for the phone on sundays lol",
     {"lacks": ["haha", "annoying", "ugh"]}),
    ("everyone went for tacos after practice without me lol", {"has": ["left out|hurt"], "lacks": ["haha"]}),
    # a warm word a "but" takes back is no warmth ("i love them but this is driving me crazy")
    ("i love my roommates but the dishes situation is driving me crazy", {"lacks": ["full of love", "sweet"]}),
    # letdowns by the listener, composed: asked many times, done without asking, "do you even notice"
    ("ive asked you like four times to fix the shower curtain", {"has": ["sorry"], "lacks": ["annoying"]}),
    ("you booked the trip without asking me first??", {"has": ["sorry"]}),
    ("do u even notice when i do the laundry", {"has": ["sorry|hurt|unnoticed|let down|building"]}),
    # shouted words are said back quietly; a place is not the thing ("crying at my desk")
    ("my sister took my car AGAIN WITHOUT ASKING and now im late for work", {"lacks": ["AGAIN", "WITHOUT"]}),
    ("got the call about grandma while i was at my desk and i cant stop crying", {"lacks": ["your desk"]}),
    # "like i did it" is how it looked, not good news
    ("the dog knocked the plant over and looked at me like i did it", {"lacks": ["great news", "proud", "you did it"]}),
    # deaths told the chat way ("grandpa passed this morning"), grief that goes on, a guess is no event
    ("grandma passed early this morning, mom is with grandpa now", {"has": ["sorry"], "lacks": ["listening"]}),
    ("its been six months since mom died and i still set out two mugs", {"has": ["sorry|miss|heartbroken|sad"]}),
    ("thought i'd be over it by now but i keep crying at work", {"lacks": ["you'd be over it"]}),
    ("found my old hockey jersey in the attic and had to sit down for a sec", {"lacks": ["listening", "thanks for"]}),
    # good news told plainly: a record beaten, results back well, a role landed
    ("finally beat my half marathon time today", {"has": ["amazing|proud|did it|great|love"]}),
    ("the vet said his bloodwork came back normal", {"has": ["relie|weight off|great|amazing|happy"]}),
    ("they just told me im getting the senior designer role!!", {"has": ["amazing|proud|happy|wonderful|great"]}),
    # plans between the two of them are answered, not probed: a proposal, a choice, a talk, an offer
    ("pizza and a movie tonight?", {"has": ["let's|sounds good"], "lacks": ["?"]}),
    ("can we maybe do a quiet weekend at home, i'm wiped", {"has": ["let's|sounds good"], "lacks": ["day to day"]}),
    ("the car insurance is up for renewal, do we switch or stay with them", {"has": ["together|gut|leaning"]}),
    ("can we talk about the holidays? my mom keeps asking", {"has": ["of course"]}),
    ("ill grab thai on the way home, u want the usual?", {"has": ["thank"], "lacks": ["day to day"]}),
    # a playful jab at the listener is laughed off and owned, not reflected as distress
    ("you really left one bite of ice cream in the tub. bold move babe", {"has": ["guilty|fair|make it up"]}),
    # happy tears beside good news are not sadness; with a turn ("but she's leaving") both feelings are said
    ("got a 91 on the stats final!!! all that crying in the library paid off", {"lacks": ["sorry", "hardest"]}),
    ("my little cousin read a whole book to me tonight and i teared up, shes so grown", {"lacks": ["sorry"]}),
    # a sure loss leads over a milder word beside it
    ("grandpa passed this morning and i dont know what to do with myself", {"has": ["sorry"]}),
    ("its been two years since we put rufus down and i still miss him every day", {"has": ["miss|sorry|sad"]}),
    # a small choice is handed back; a sarcastic "very funny" is a tease; thanks told about are not thanks to us
    ("burgers or sushi tonight?", {"has": ["pick|choose"], "lacks": ["?"]}),
    ("oh very funny, switching my phone to french. real mature", {"has": ["guilty|fair|make it up"]}),
    ("my neighbour said thank you for the cookies and hugged me lol", {"lacks": ["anytime", "of course"]}),
    # chat spellings and "u" are read like the full words
    ("kinda upset that u ate my leftovers without asking", {"has": ["sorry"]}),
    ("been looking thru our wedding album all night and getting emotional", {"lacks": ["thru"]}),
    # a compliment is taken warmly; a jab said laughing is a tease; "jk" takes the gloom back; a plan opens a message
    ("you looked so good at the wedding yesterday, forgot to tell you", {"has": ["blush|made my whole day"]}),
    ("you left the milk out AGAIN, were you raised in a barn 😂", {"has": ["guilty|fair|make it up"]}),
    ("bowling friday? the guys from work are going", {"has": ["let's|sounds good"]}),
    # a "why did you" to the listener is owned; pride in someone else is not praise of the writer; asks get a yes
    ("why did you tell your sister about the test results, that was private", {"has": ["sorry"]}),
    ("so proud of my nephew, he finished his first marathon!!", {"lacks": ["you did it", "proud of you"]}),
    ("dont forget to water the tomatoes tomorrow, theyre our babies", {"lacks": ["?", "day to day"]}),
    ("my uncle's memorial is saturday. will you come with me? i cant do it alone", {"has": ["there|with you"]}),
    (
        "ok the landlord just approved the dog!!! she's coming home sunday",
        {"lacks": ["listening", "thanks for telling"]},
    ),
    # worry about someone in the listener's life gets reassurance; a plain ask gets a yes with no probe
    ("who is jordan and why is he texting you at midnight", {"has": ["worry|only one|the one"]}),
    ("can you pick up my dry cleaning before 6", {"lacks": ["?"]}),
    ("i'll grab us coffee on the way in", {"has": ["thank|best"]}),
    # a win the two share is ours; an eye-roll at the listener is a tease; a worry put as "what if ... never"
    ("we did it!!! the car is finally paid off, no more payments babe", {"has": ["us"], "lacks": ["you've earned"]}),
    ("so nice of you to leave one square of toilet paper on the roll 🙄", {"has": ["guilty|fair|make it up"]}),
    ("what if we never get to travel like we planned", {"has": ["worr|scar|nerv"], "lacks": ["let's do it"]}),
    # a slight by the listener is owned; a shared money worry is heard; a job kept is good news
    ("you talked over me the whole time at dinner with your parents", {"has": ["sorry"]}),
    ("not sure how we cover the vet bill this month", {"has": ["worr|a lot|hard"], "lacks": ["let's do it"]}),
    ("my contract got renewed for two more years!!", {"lacks": ["listening", "thanks for telling"]}),
    # a glad line never says back a frightening clause; caring for someone sick is no gripe
    ("a guy with a knife robbed the store while i was in line but nobody got hurt thank god", {"lacks": ["glad that"]}),
    ("my wife had a migraine all day and her face was swollen, i was her nurse till midnight", {"lacks": ["annoying"]}),
    # good news told plainly; a question read past its lead-in; a health worry is never checked on like an errand
    ("the grant came thru!! we can keep the lab open another year", {"lacks": ["listening", "thanks for telling"]}),
    ("the landlord finally fixed the washing machine", {"lacks": ["listening", "thanks for telling"]}),
    ("hey do we still have dish soap", {"has": ["let me check|let me think"]}),
    ("should i get this rash on my arm checked or is it nothing", {"lacks": ["let me check", "let me think"]}),
    ("cant think straight, my brain is mush", {"has": ["fried|tired|exhausted|drained"]}),
    # a thing gone wrong told flatly is a gripe shared; to the listener it is never "annoying"
    ("the dishwasher is leaking all over the floor", {"has": ["annoying|worst|frustrating|together"]}),
    ("my train got cancelled so im stuck at the station for another hour", {"lacks": ["listening", "thanks for"]}),
    ("you spilled coffee on my laptop", {"lacks": ["so annoying", "the worst"]}),
    # good news handed to the writer, or made with their own hands, is celebrated
    ("the hr lady gave me a promotion this morning", {"lacks": ["listening", "thanks for telling"]}),
    ("built the garden bench myself, zero instructions", {"has": ["proud|did it|amazing"]}),
    ("we got approved for the apartment on maple", {"lacks": ["listening", "thanks for telling"]}),
    # a relayed invitation is answered; "u." ending a sentence is still "you"
    ("carla's doing a bbq sunday and said to bring you", {"has": ["sounds good|let's do it|in"]}),
    ("love u.", {"has": ["love you"]}),
    # a dull stretch is commiserated with, not a hardship; "can't believe" names no surprise; a sad or tired
    # feeling is never asked how long it has lasted
    ("this webinar is so boring, slide 63 of 90", {"has": ["boring|dull"], "lacks": ["sounds rough", "hardest"]}),
    ("cant believe the bakery remembered my usual order", {"lacks": ["surprised", "off guard"]}),
    ("been sad all week about grandpa's dog going to a new home", {"lacks": ["how long"]}),
    ("so tired i tried to pay for groceries with my library card", {"lacks": ["how long"]}),
    # a choice put as "do we do ... or ..." is taken up together, or handed back with a question
    ("do we do the cabin this year or just stay home for new years", {"has": ["together|either|pick|gut|leaning"]}),
    # a shared memory asked about is met warmly; "are you mad at me?" is reassured; "did u ... or should i" is
    # offered; a time and a place is logistics; a question the listener must answer is never mused over as
    # "a good question" unless it asks for an opinion
    ("do you remember the cabin with the broken hot tub? best weekend ever", {"has": ["memory|remember"]}),
    ("are you mad at me? you went quiet at dinner", {"has": ["worry|the one|only one"]}),
    ("did you call the insurance people or should i", {"has": ["check|think"]}),
    ("book club moved to thursday, 7:15 at nina's", {"has": ["thanks|got it"], "lacks": ["?"]}),
    ("did u lock the back door", {"lacks": ["good question", "let me think about"]}),
    ("is it weird that i want to repaint the kitchen again", {"lacks": ["what's behind the question"]}),
    # news teased is asked for, not celebrated unheard; glad to go but missing the people is mixed; "trying not to
    # panic" is anxious; "gonna miss the bus" is no sadness; a friendly bet is taken up
    ("guess what!!", {"has": ["tell me"], "lacks": ["great news", "happy for you"]}),
    ("finished my last shift at the bakery, glad to be done but i will miss the regulars", {"has": ["glad|happy"]}),
    ("mri is friday and im trying not to panic", {"has": ["anxious|nervous|worr|scar"]}),
    ("running late, pretty sure im going to miss the 6:10 bus", {"lacks": ["sad", "sorry"]}),
    ("bet i can finish the crossword before you tonight", {"lacks": ["rough", "sorry", "?"]}),
    # thanks with a "but" that takes nothing back is thanks; "i'm not okay" is heard; phone all night is owned
    ("thanks for walking the dog, tiny thing but it really helped", {"lacks": ["?"]}),
    (
        "thanks for checking in but i'm honestly not okay",
        {"has": ["sorry|low|here|overwhelm|a lot"], "lacks": ["thanks for telling"]},
    ),
    ("you were on your phone the entire time at my sister's party", {"has": ["sorry"]}),
    # next to nothing said is asked about; a tag question about the house is checked on; someone's engagement
    # is celebrated
    ("welp.", {"has": ["what's going on"]}),
    ("the plumber is coming tomorrow right?", {"has": ["check|think"]}),
    ("my cousin and her girlfriend are engaged!!", {"lacks": ["listening", "thanks for telling"]}),
    # a deal won, a baby's sex told, test results that are fine: good news told plainly
    ("the Alvarez account finally signed after four months", {"lacks": ["listening", "thanks for telling"]}),
    ("my brother's having a boy!", {"lacks": ["listening", "thanks for telling"]}),
    ("got a call back, the biopsy is all clear", {"lacks": ["listening", "thanks for telling", "sorry"]}),
    # an offer to meet is thanked for (VADER reads "ill" as sick: the tone alone would say "That sounds like a lot")
    ("ill meet u at the gate after your shift", {"has": ["thank"], "lacks": ["a lot", "?"]}),
    # a scene about someone else, told as a bystander, is enjoyed with the writer (tone "story"), not met with
    # "I'm listening"; the writer's own story, a question, a memory or someone's news is not a scene
    ("a squirrel got into the lobby at work and the receptionist chased it with a clipboard", {"has": ["no way|wild"]}),
    ("the lady at the bank counted my coins out loud one by one, all 300 of them", {"has": ["no way|wild"]}),
    ("there's a man walking three ferrets on one leash outside the post office", {"has": ["no way|wild"]}),
    ("rosa texted her whole family a photo of her lasagna and she wrote a caption for it", {"has": ["no way|wild"]}),
    ("my uncle's dog ate a whole birthday cake off the counter and then slept for ten hours", {"has": ["no way|wild"]}),
    ("my grandpa's old truck got sold at the auction today, strangers drive it now", {"lacks": ["no way", "wild"]}),
    ("the kids at the bus stop were singing the song you used to sing to me", {"lacks": ["no way", "wild"]}),
    ("my dad has been so quiet since the surgery, barely eats anything", {"lacks": ["no way", "wild"]}),
    ("a coworker asked me to cover her shift. is that a normal thing to ask", {"lacks": ["no way", "wild"]}),
    ("my neighbour's son got accepted to law school and his mom cried in the driveway", {"lacks": ["no way", "wild"]}),
    # a worry put as "what if i/it/they ..." is reflected as worry; "what if we ..." is usually a proposal
    ("the recital is on sunday and what if i forget the second half again", {"has": ["worr"]}),
    ("what if they say the loan is too big for us, i keep running the numbers", {"has": ["worr"]}),
    ("what if we did tacos tonight instead", {"lacks": ["worr"]}),
    # a check-up that went fine, reported as said by the vet or doctor, is relief, not irony or a tease
    ("the doctor said he's totally fine, just a sprain!!", {"has": ["weight off|relie"], "lacks": ["guilty"]}),
    ("the vet said it is not good, she needs surgery", {"lacks": ["amazing", "happy", "weight off"]}),
    ("the mechanic said i need new brakes, love that for me", {"lacks": ["full of love", "sweet"]}),
    # work finished or handed in is good news told plainly
    ("grant proposal is submitted, 3 hours before the deadline", {"lacks": ["listening", "thanks for telling"]}),
    # how long since someone died, said as "a year since dad", is grief; a lost thing found is relief
    ("six months since mum today. the kettle still has her mug next to it", {"has": ["miss|sad|sorry"]}),
    ("found your dads watch behind the dryer!! it was there the whole time", {"has": ["relie|back"]}),
    # an annoyed emoji makes a flat gripe a gripe; a favour asked of the listener gets a yes, however low the tone
    ("the bus skipped my stop and now im walking in the rain 😤", {"lacks": ["listening", "thanks for telling"]}),
    ("worst day, i feel so low. any chance you could pick up dinner on the way?", {"has": ["sure|of course|yes|yep"]}),
    # asked after by the writer: thanked and answered, never reflected as the writer's feeling ("love" is a name)
    ("how was ur shift, love?", {"has": ["asking"], "lacks": ["full of love", "you sound"]}),
    ("how did the dentist thing go", {"has": ["asking"]}),
    # an opinion asked with no "?" is thought about, not taken as a compliment or a plan
    ("is it weird if i bring my guitar to your cousins bbq", {"has": ["think|gut|leaning"], "lacks": ["made my"]}),
    # praise said after a mishap, or in a sarcastic frame, is irony
    ("the dishwasher leaked all over the floor again. stellar. 10/10", {"lacks": ["wonderful", "happy", "love"]}),
    ("nothing says saturday like cleaning the gutters alone in the rain", {"lacks": ["lovely", "happy", "love"]}),
    ("did u pay the water bill or should i", {"lacks": ["properly"]}),
    # asking for attention first; closeness said through a thing; a first run; good news with a sad side
    ("hey u free for a sec?", {"has": ["what's going on"]}),
    ("wearing your old flannel again and not giving it back ever", {"lacks": ["listening", "how are you feeling"]}),
    ("just ran my first 5k!! legs are jelly", {"has": ["proud|did it"]}),
    ("got into the masters program but it means leaving the city, so happy and so sad", {"has": ["huge|congrat"]}),
    # an event is said back from its own clause, never a neighbouring one
    ("i just ran my first half marathon and im literally crying rn", {"lacks": ["crying right now"]}),
    # a feeling told of long ago is said as felt then, unless the message brings it to now
    ("when i was little the dark hallway at my nans house made me so scared", {"has": ["felt"]}),
    ("as a kid i was terrified of dogs and i still cross the street when i see one", {"lacks": ["must have felt"]}),
    # a small choice with no "?" is still handed back; which outfit is a judgement to think about, not to check
    ("curry or burgers tonight", {"lacks": ["listening", "how are you feeling"]}),
    ("should i wear the green shirt or the grey one to the interview", {"has": ["gut|leaning"], "lacks": ["check"]}),
    # a playful challenge is played along with; a tease of the listener is owned with a laugh
    ("finished the last of the ice cream. come at me", {"has": ["on|bold"], "lacks": ["guilty", "sorry"]}),
    ("caught you eating my fries when you thought i wasnt looking 😜", {"has": ["haha|fair"]}),
    # a heads-up about being late is thanked for, not asked about
    ("boss pulled me into a call, dont wait on me for dinner", {"has": ["thank"], "lacks": ["feeling"]}),
    # a plan asked in the last sentence is answered like one asked first
    ("what a week. tacos tonight?", {"has": ["yes|good to me|let's"], "lacks": ["rough", "hardest"]}),
    # "love when/how" before a mishap is irony; before something sweet it is love
    ("love when the wifi dies right as my meeting starts", {"lacks": ["full of love", "sweet"]}),
    # a favour asked as "u still ok to ...?" gets a yes; "are we still on for ..." is a plan
    ("the vet moved biscuit to 9am, u still ok to drive us?", {"has": ["of course|yes|sure|got"]}),
    ("are we still on for bowling friday", {"lacks": ["listening", "how are you feeling"]}),
    # praise after a comma, once the trouble is told, is irony; praise a "but" turns to, or after a gain, is meant
    ("the bus broke down halfway there, fantastic, love my life", {"lacks": ["happy", "love", "wonderful"]}),
    ("super fun when the smoke alarm goes off at 4am because the battery died", {"lacks": ["fun", "happy"]}),
    ("my favourite thing is when the washing machine dies mid cycle", {"lacks": ["love", "nice", "sweet"]}),
    ("lost 3 kilos this month, amazing", {"lacks": ["annoying", "frustrat", "worst"]}),
    ("sure, lets schedule the family meeting during the finale, brilliant idea 🙃", {"lacks": ["let's do it"]}),
    # a mock charge against the listener is a tease, owned with a laugh; a real demand is not
    ("you finished my leftovers without asking, that's a crime", {"has": ["haha|fair|guilty"]}),
    ("you hogged the duvet all night, absolute menace", {"has": ["haha|fair|guilty"]}),
    ("you owe me an apology for last night", {"lacks": ["haha", "guilty"]}),
    # something to do and a time ahead is a plan, with or without "?"; the same in the past is news
    ("burritos saturday night", {"has": ["yes|good|let's"]}),
    ("movie night when you get home", {"has": ["yes|good|let's"]}),
    ("wanna bake cookies later", {"has": ["yes|good|let's"]}),
    ("dinner tonight was a disaster", {"lacks": ["let's do it", "good to me"]}),
    # an errand asked at the start gets a yes; a noun that looks like one ("book club") does not
    ("grab coffee filters on the way home", {"has": ["sure|of course|yep|got"]}),
    ("text me when you get there", {"has": ["sure|of course|yep|got"]}),
    ("book club is at marias this month", {"lacks": ["of course", "sure, i can"]}),
    # a short question to the listener is answered; asking after a thing of theirs is thanked for
    ("back by 9?", {"lacks": ["listening", "how are you feeling"]}),
    ("how's the new project going", {"has": ["asking"]}),
    # an ordeal ahead is a worry: with a time, or with a plea ("pray for me")
    ("job interview tomorrow, pray for me", {"has": ["anxious|nervous|daunting"]}),
    ("driving test next tuesday and i keep stalling the car", {"has": ["daunting|worr|nervous"]}),
    # others' news passed on is gossip, met with interest; the writer's own hurt is not
    ("apparently my coworker is dating the landlord's son", {"has": ["no way|stop|what"], "lacks": ["feeling"]}),
    ("he cheated on me with someone from his gym", {"lacks": ["no way", "stop"]}),
    # a joke or a story the writer mocks themself in is laughed along with
    ("i'd make a joke about paper but it's tearable", {"has": ["haha"]}),
    ("waved at my boss through the window and it was a stranger, i can never go back there", {"has": ["haha"]}),
    # checking the listener is still there is answered as the listener
    ("you alive? haven't heard from you all day", {"has": ["here"], "lacks": ["rough", "holding up"]}),
    # an errand put to the listener is a yes, however stressed the writer; a complaint's own ask is the complaint's
    ("can you grab the kids at 3? i'm stuck at the dentist", {"has": ["sure|of course|yep|got"]}),
    ("you always go quiet when something's wrong and i just want you to tell me", {"lacks": ["i hear you", "got"]}),
    # a laugh over a thing told is a funny story, not good news
    ("lol my grandma just sent me a selfie of her and the mailman", {"has": ["haha"], "lacks": ["nice"]}),
    # pain in the body and noise at dawn are gripes, not news; nobody reaching out is loneliness
    ("my neck is killing me, slept on the couch", {"lacks": ["listening", "how are you feeling"]}),
    ("the neighbours were drilling since 6am on a sunday", {"lacks": ["listening", "how are you feeling"]}),
    ("nobody at work even said happy birthday", {"has": ["sorry|left out|hurt"], "lacks": ["happy", "love hearing"]}),
    # "i hate when/that you ..." about the listener is owned; a wish that the listener were free is not
    ("i hate when you check your phone while i'm talking", {"has": ["sorry|right"]}),
    ("i hate that you have to work this weekend", {"lacks": ["you're right", "my fault", "on me"]}),
    # short irony is a gripe; "we" with a group is the writer's group; a sorry in advance leaves the feeling first
    ("wonderful. flat tire.", {"lacks": ["wonderful", "happy", "holding up"]}),
    ("we won the pitch!!! the whole office is cheering", {"lacks": ["we won"]}),
    ("sad for no reason today, sorry if i'm quiet later", {"has": ["sad"], "lacks": ["apolog"]}),
    # a question about letting something go, and wanting the listener to oneself, ask for no space
    ("should i call her back or just let it go", {"lacks": ["space", "time before we talk"]}),
    ("sushi night, i want u all to myself ❤️", {"lacks": ["space", "time before we talk"]}),
    # good news that opens on someone else is theirs: happy for them, not "you deserve" or "hearing you this happy"
    ("mia got the promotion!!", {"has": ["mia"], "lacks": ["you deserve", "you did it"]}),
    ("he got the scholarship!!!", {"lacks": ["for he!", "you deserve", "you did it"]}),
    # a heads-up told in the present is thanked for, even at twenty words
    ("deliveries coming this afternoon, there could be three, just stack them by the stairs", {"has": ["thanks|got"]}),
    # an ironic frame's denied praise is no feeling of the writer's ("nothing says relaxing" is no "restless")
    ("nothing says a relaxing weekend like assembling flat pack furniture", {"lacks": ["restless", "relax"]}),
    # "u up?" asks for attention; a look praised is a compliment; good wishes are thanked for
    ("u up?", {"has": ["what's going on|here"], "lacks": ["made my"]}),
    ("u looked so cute at dinner", {"lacks": ["listening", "how are you feeling"]}),
    ("hope your interview goes well, you got this", {"has": ["thank"]}),
    # an opinion asked with "thoughts on", and a "would u still love me if", are thought about, not agreed to
    ("thoughts on me dyeing my hair pink", {"has": ["think|question"]}),
    ("would u still love me if i was a potato", {"lacks": ["yep", "got it"]}),
    # left out of a group; an invitation with "totally fine if not" is said straight, not as irony
    ("nobody added me to the group chat for the reunion", {"has": ["left out|sorry"]}),
    ("do u want to come to my cousin's bbq saturday? totally fine if not", {"lacks": ["guilty", "make it up"]}),
    # a question about tonight's plan is no plan offered; asking how it went is asking after
    ("whats for dinner tonight", {"lacks": ["let's do it", "good idea"]}),
    ("how'd the dentist go??", {"has": ["asking"]}),
    # a feeling idiom holds no thing to name ("losing my mind" is no "your mind")
    ("did you move my charger or am i losing my mind", {"lacks": ["your mind"]}),
    # "i'm always the one who ..." and "would be nice if u ..." are complaints to own
    ("i'm always the one who remembers the bins, would be nice if u did it once", {"has": ["sorry|right"]}),
    # a couple's breakup passed on is gossip; money back in full is relief
    ("so tom and priya are done, she found out he lied about the job", {"lacks": ["how are you feeling"]}),
    ("the deposit came back in full!! not a cent taken", {"lacks": ["listening", "how are you feeling"]}),
    # nobody coming to the writer's own event; a stretched paycheck; a gift for the listener; a boss's praise
    ("nobody showed up to my housewarming except my cousin", {"has": ["sorry|sad|hurt"]}),
    ("rent ate my whole paycheck, $60 till payday", {"lacks": ["listening", "how are you feeling"]}),
    ("i know we said no presents but i saw this and thought of you", {"has": ["sweet"]}),
    ("my manager said my report was the best one she's read all year", {"lacks": ["listening", "tell me more about"]}),
    # a stranger's feeling in a scene is theirs, not the writer's
    ("watched a guy at the gym get really angry at the vending machine", {"lacks": ["you're feeling"]}),
    ("a lady on the train was crying on the phone the whole ride", {"lacks": ["you're feeling", "tearful"]}),
    # relief named as a noun; a milestone reached; thanks and praise for the listener
    ("the surgeon said it's just a cyst, not a tumour!! the relief", {"has": ["relieved"]}),
    ("we just passed 500 subscribers on the channel!!", {"lacks": ["oh, nice", "listening"]}),
    ("i appreciate you more than you know, you make the bad weeks easier", {"lacks": ["appreciative", "touched"]}),
    # praise said last after the worry is irony; a complaint put as irony to the listener is owned
    ("they pushed the interview to next month so i get to stress about it for four more weeks great",
     {"lacks": ["excited", "happy"]}),
    ("thanks so much for remembering the reservation, i only waited an hour 🙃", {"lacks": ["of course", "haha"]}),
    # "you've been so distant with me" is a complaint about the listener, owned
    ("you've been so distant with me since sunday and i don't know why", {"has": ["sorry|right"]}),
    # "not to be dramatic" with nobody teased is no tease; a choice gets a question back, not a meeting
    ("not gonna lie i think the mailman hates me, he threw the box again", {"lacks": ["guilty", "make it up"]}),
    ("ok which one, the blue mug or the striped one for ur dad", {"lacks": ["sit down tonight", "together tonight"]}),
    # a boundary that asks to be heard, not left alone, is met with listening, not with space
    ("work was brutal and i dont want advice, i just need to vent for a sec", {"lacks": ["space", "time you need"]}),
    ("please dont try to fix it, i just wanted you to know how today went", {"has": ["here|listening"]}),
    ("can you just let me rant about my landlord for a minute, no solutions pls", {"has": ["here|listening"],
                                                                                   "lacks": ["take care of it"]}),
    # a feeling said of someone else, by name or as a person of the writer's, is said as theirs
    ("omar is LIVID, the airline lost his bag again", {"has": ["omar is livid"], "lacks": ["you're feeling"]}),
    ("i think dana's really anxious about her court date", {"has": ["dana"], "lacks": ["you're feeling"]}),
    ("my brother is so crushed about the breakup, he barely talks", {"has": ["him"], "lacks": ["you're feeling"]}),
    ("my aunt is thrilled about the new baby", {"has": ["her"], "lacks": ["you're feeling", "you sound"]}),
    ("the pasta was disgusting honestly", {"lacks": ["pasta is"]}),
    # a "not" that frames, and denies nothing: "not gonna lie it stings"
    ("not gonna lie, it really stung that nobody called", {"has": ["stung"]}),
    # a scream, shock or tears beside good news overflow with it
    ("finished my dissertation today and i am literally in shock", {"lacks": ["came out of nowhere", "annoying"]}),
    # a complaint with nobody addressed is no complaint to the listener
    ("the printer at the library jams every single time i use it", {"lacks": ["between us", "i'm sorry"]}),
    # asked outright to be heard, in a message with no feeling named: heard, not questioned
    ("long day. you don't have to say anything back, i just need to get it off my chest", {"has": ["here"]}),
    # "so glad i ... for it to" with the trouble after is irony; "i wish you'd ..." is a complaint, owned
    ("so glad i washed the car for it to rain an hour later", {"lacks": ["glad", "wonderful"]}),
    ("i wish you'd asked me before you lent my bike to your cousin", {"has": ["sorry"]}),
    # a talk put off to a time can wait; time alone is space; "i don't want advice" in boundary mode is listening
    ("can we pick up the budget thing tomorrow, my brain is done", {"has": ["wait|no rush|come back"],
                                                                     "lacks": ["space"]}),
    ("i need tonight to myself, not upset just drained", {"lacks": ["pick it up", "till then"]}),
    ("i don't want advice right now, i just want to be annoyed about it for a minute", {"has": ["listening|here"],
                                                                                         "lacks": ["space"]}),
    # good news with a catch told after it: both heard, asked about it all
    ("got into the program!! but it starts in january and i'd have to quit my job", {"has": ["catch|a lot"],
                                                                                       "lacks": ["found out"]}),
    # a small slip apologised for in passing: no worries, not gratitude for the apology
    ("sorry i missed your call, phone died on the train", {"has": ["worr"], "lacks": ["apology", "closer"]}),
    # "when" before the writer's own clause opens a story, not a question to check
    ("when i was little my grandpa taught me to fish", {"lacks": ["let me check", "tell you in a sec"]}),
    ("can we talk tomorrow? i'm wiped", {"has": ["wait|no rush"], "lacks": ["what's on your mind"]}),
    # good news of someone named after an opener; a friend's state as theirs; a shared memory asked after
    ("omg rosalind got into vet school!!", {"has": ["rosalind"], "lacks": ["you've earned"]}),
    ("my cousin's a wreck since the breakup", {"lacks": ["you're feeling", "you've been"]}),
    ("remember that little diner by the lake? i kinda miss it", {"has": ["memory"], "lacks": ["rough", "hardest"]}),
    # the writer's own either-or is a decision to weigh; a complaint put as a request is owned
    ("do i take the cheaper flat or the one closer to work", {"has": ["leaning|gut"]}),
    ("can you please stop leaving your socks in the hallway, i've asked so many times", {"has": ["sorry"]}),
    # days counted down together; health news is no good news; "such efficiency" after a gripe is irony
    ("5 more days till you're home!!", {"has": ["not long|so close"], "lacks": ["how are you feeling"]}),
    ("doc says my vitamin d is super low, explains the naps", {"lacks": ["lovely", "great", "thanks for letting"]}),
    ("the 10 minute standup went an hour again. such efficiency.", {"lacks": ["lovely", "glad", "great news"]}),
    # a word in scare quotes is mentioned, not felt; a name must open its clause ("internet companies is ...")
    ('why does every ad call a shoebox "charming"', {"lacks": ["charm", "lovely", "sweet"]}),
    ("dealing with the phone companies is such a pain", {"lacks": ["companies is", "poor"]}),
    ("they want me to run the whole launch. still processing it", {"lacks": ["thank you", "space"]}),
    # asked for something nice before a hard thing, or to be entertained: given, not probed; asked, not news
    ("dentist at 3 and i'm dreading it, tell me something nice", {"has": ["got this|great|cheering"],
                                                                  "lacks": ["dreading"]}),
    ("stuck in a 2 hour webinar, entertain me", {"has": ["distraction"], "lacks": ["hardest", "survive"]}),
    ("my sister came over to cheer me up after the breakup", {"lacks": ["got this", "cheering for you"]}),
    ("is this jacket too much for a first date, be honest", {"lacks": ["nice", "lovely"]}),
    # "they want me to ..." is no offer; "i'm not asking you to do anything" is no complaint to the listener
    ("my cousins both want me to take their side in the group chat", {"lacks": ["thank you", "the best"]}),
    ("the wifi STILL isn't fixed and i'm not asking you to do anything, just venting", {"lacks": ["sorry i", "on me"]}),
    ("finally paid off my last credit card!!", {"lacks": ["tell me more", "i'm listening"]}),
    # someone else's good news, told of kin or by pronoun, is theirs; a getaway booked is something to look forward to
    ("grandpa finally got his driver's license back!!", {"lacks": ["you've earned", "you did it"]}),
    ("my old roommate? she just got promoted to director", {"lacks": ["you've earned", "you did it"]}),
    ("just booked us an airbnb by the lake for june", {"lacks": ["i'm listening", "how are you feeling"]}),
    # money news: a bill that went up is a worry, a paycheck early is good news; kin in hospital is a worry
    ("our electric bill went up again and i'm doing math in my head", {"lacks": ["i'm listening", "annoying"]}),
    ("paycheck landed early this week!!", {"lacks": ["i'm listening", "how are you feeling"]}),
    ("grandpa's in the hospital overnight for tests", {"lacks": ["i'm listening", "thanks for telling"]}),
    ("great news, the washing machine flooded the kitchen again", {"lacks": ["great news", "lovely", "happy"]}),
    ("you owe me an apology for this morning", {"has": ["sorry"]}),
    # a pet found dead is a loss; kin unwell a worry; a song that brings back childhood a memory; kin's own shop theirs
    ("got home and found my cat dead on the porch", {"lacks": ["rough", "i'm listening"]}),
    ("my husband has been unwell all week", {"lacks": ["i'm listening", "thanks for telling"]}),
    ("that song reminded me of my childhood summers at the lake", {"has": ["memory|remember"]}),
    ("my brother finally opened his own little bakery!!", {"lacks": ["you did it", "you've earned"]}),
    # a story with the writer's age as its punchline, or self-mockery, is laughed with; longing said back
    ("the intern asked me what a fax machine was. i'm 31.", {"has": ["haha"], "lacks": ["i'm listening"]}),
    ("spilled soup on my only clean shirt before the meeting. nailing adulthood as usual", {"lacks": ["heads-up"]}),
    ("wish i could teleport to you right now, long day", {"has": ["miss you"]}),
    ("found the little note you left in my bag, i'm grinning like an idiot", {"lacks": ["i'm listening"]}),
    # the listener's act done without the writer, or their news told on, is owned; "start without me" is no complaint
    ("you booked the flights without checking with me first", {"has": ["sorry"]}),
    ("you went to brunch without me??", {"has": ["sorry"]}),
    ("you told your mom about my promotion before i could", {"has": ["sorry"]}),
    ("go ahead and eat without me, the train is stuck", {"lacks": ["sorry", "on me"]}),
    # an event weighed in a "should we ... or ..." clause has not happened; a longer love note is said back
    ("should we adopt the second kitten or is that insane", {"lacks": ["so happy that", "great news"]}),
    ("honestly so grateful i get to come home to you every day", {"lacks": ["tell me everything", "i'm listening"]}),
    ("the bid on the house was accepted!!! we're homeowners", {"lacks": ["came out of the blue", "i'm listening"]}),
    # a catch waved off is no catch; "X or is that weird" is still a choice to weigh
    ("got the scholarship!! missed one form but the office said it's no big deal", {"lacks": ["catch"]}),
    ("do you think we should get a dog or is that crazy right now", {"has": ["leaning|gut|think"]}),
    # praise opening on something that did not work is irony ("won't" is "will not" in the norms)
    ("oh wonderful the dishwasher won't drain. again", {"lacks": ["nice", "lovely", "tell me everything!"]}),
    ("wow the risotto came out great, it did not even burn", {"lacks": ["annoying", "sorry"]}),
    # a negator in a situation's gap denies the event; "shouldn't be sad" is sadness had and judged
    ("my train is not cancelled after all", {"lacks": ["frustrat", "annoy"]}),
    ("i know i shouldnt be this sad that the old apartment got torn down", {"has": ["sad|sorry"]}),
    # "i feel like you ..." with a "not"/"never" is a complaint heard, not good news; "you ... not listening" owned
    ("i feel like you weren't even paying attention when i told you about my sister", {"has": ["sorry|i haven't"]}),
    ("kinda feels like you never ask how my physio is going", {"has": ["sorry|i haven.t"], "lacks": ["lovely"]}),
    ("you were not listening at all when i told you about the appointment", {"has": ["sorry"]}),
    # relief: a feared result that came back fine, a scare that was only something small, treatment finished
    ("got the biopsy results back and it's all benign", {"lacks": ["daunting", "worr", "rough"]}),
    ("urgent care said its just a sprain, no break!!", {"lacks": ["rough", "sorry", "i'm listening"]}),
    ("mum finished her final round of chemo this afternoon", {"has": ["your mum|her"], "lacks": ["thanks for"]}),
    # someone's good news said with the listener's possessive, and a name kept capitalised
    ("my cousin dana just got into vet school!!!", {"has": ["your cousin Dana"], "lacks": ["my cousin"]}),
    ("my brother's engaged!! he called me screaming", {"lacks": ["sorry", "tearful", "your brother's engaged"]}),
    # a love note of any length with no hurt or ask in it is love said back; an empty bed without them is missing them
    ("still cant believe i get to wake up next to you every morning, weirdo", {"has": ["love|same|day"]}),
    ("the apartment is way too quiet without you here", {"has": ["miss you"]}),
    # worry shown by what the writer does with it
    ("the biopsy is friday and i am trying not to google it", {"lacks": ["i'm listening", "thanks for telling"]}),
    # a skull laughs in chat; wry self-mockery makes a mishap a funny story
    ("my dad spent a full minute pointing his car remote at the front door 💀", {"has": ["haha"]}),
    ("tripped up the stairs carrying the laundry. classic me", {"has": ["haha"]}),
    # a death told as not getting through an operation; a feeling seen on someone else is not the writer's
    ("pepper didnt make it through the operation this morning", {"has": ["sorry"], "lacks": ["a lot"]}),
    ("my manager came out of the meeting looking furious, no idea why", {"lacks": ["you.re feeling furious"]}),
    # one more thing on the pile; the listener leaving the writer stranded is owned; news after "remember ...?"
    ("fridge died overnight. on top of everything else this week", {"lacks": ["lovely", "nice"]}),
    ("you left me by myself with your cousins for the whole party", {"has": ["sorry"]}),
    ("remember the flat we hated on elm st?? the landlord is suing the new tenants", {"lacks": ["sweet memory"]}),
    # an ask after a list of chores is a request; "do we X or Y" a choice; "... is that bad" asked without a "?"
    ("did the dishes and the bins, if you could grab the dog food on the way home", {"lacks": ["tell me more"]}),
    ("the heater is rattling again. do we call someone or just live with it", {"lacks": ["tell me everything"]}),
    ("kinda want to skip my cousin's engagement party, we barely talk now. is that rude", {"has": ["\\?"]}),
    # "very concerned" is worry; others' drama passed on with a mark of gossip is gossip, not the writer's loss
    ("the vet called about the lump and i'm pretty concerned", {"lacks": ["i'm listening", "thanks for telling"]}),
    ("apparently priya and dev split up and he already moved in with his ex??", {"lacks": ["rough", "holding up"]}),
    # a chore left lying for days, said to the listener, is a complaint to own (with a laugh, a tease)
    ("babe the wet towels have been on the floor since monday", {"has": ["sorry|on me|right"]}),
    ("ur shoes have been in the hallway for like a week lol", {"has": ["guilty|haha|caught|fair"]}),
    # a glad countdown to seeing each other is counted down together, not news to be happy for
    ("two more days and then i get to squeeze you!!! counting down", {"lacks": ["happy for you", "great news"]}),
    # an event's words that run on into another thing are not that event ("lost the baby weight")
    ("six months in and i finally lost the baby weight!!", {"lacks": ["sorry", "heartbroken"]}),
    # a runaround told flatly is a gripe; a wry aside laughs even where VADER hears gloom
    ("the bank transferred me 3 times and i still dont know who to talk to", {"has": ["ugh|frustrat|annoy"]}),
    ("they moved my dentist appointment for the third time which honestly feels illegal", {"lacks": ["rough"]}),
    # a sentence-opening capital on a common word is no name to echo; "I'm X" names the writer, not someone else
    ("Surgery is Thursday. I can't stop thinking about it", {"lacks": ["Surgery is"]}),
    ("I'm Canada and Canada is very tired today", {"lacks": ["Canada is going through"]}),
    # a feeling word describing how a thing looks is not the writer's; kin's baby born is news to celebrate
    ("finally got the braces off!!! my teeth look so weird and sad without them", {"lacks": ["sorry"]}),
    ("my brother and his wife had their baby last night!!!", {"lacks": ["i'm listening", "tell me more."]}),
    ("the twins finally fell asleep, house is silent", {"lacks": ["wild", "rough"]}),
    # a boast about being needed is a tease, not a hurt; boredom without a past tense is still going on
    ("what would u even do without me honestly lol", {"lacks": ["left out", "hurt"]}),
    ("so bored in this training i have counted the ceiling tiles twice", {"lacks": ["survive"]}),
    # "just glad to be alive" after a danger is the fright and the relief, not good news to smile about
    ("a truck ran the red light and missed us by inches. just glad to be alive", {"lacks": ["smile", "great"]}),
    # an award received or a licence earned is an achievement; recurring bad dreams unsettle
    ("just received the teaching excellence award at the staff meeting", {"lacks": ["i'm listening", "nice."]}),
    ("keep having nightmares about the exam even though it's over", {"lacks": ["annoying", "i'm listening"]}),
    # a heads-up stressed with "don't forget!!" is still a heads-up
    ("swim lessons moved to 5:30 today, not 5. dont forget!!", {"lacks": ["on your mind", "tell me more"]}),
    # "of my life" closes an idiom: no "amazing news about your life"
    ("the mri was clear!!! eating the biggest pizza of my life tonight", {"lacks": ["your life"]}),
    # a comic simile or a facepalm makes a mishap a funny story; a simile of how the writer is treated does not
    ("tried to iron my shirt and now it has a perfect triangle on it like a flag 🤦", {"has": ["haha"]}),
    ("attempted pancakes, they came out like a frisbee", {"has": ["haha"]}),
    ("my manager talks to me like a child in every meeting", {"lacks": ["haha"]}),
    # asked to come, to be there or for a hug: a yes, and the feeling picks the line; never "Okay, I hear you."
    ("my aunt passed this morning. can you come home early", {"has": ["sorry"], "lacks": ["hear you", "?"]}),
    ("im stuck at the mechanic and my phone is at 4 percent, can u come get me", {"lacks": ["hear you"]}),
    ("long week. i need a hug tonight", {"has": ["hug"], "lacks": ["?"]}),
    # the listener turning up late is owned; a thing that passed its inspection, or a refund, is good news; a thing
    # opening the news is no person ("tax refund came in" is not news of someone called Tax)
    ("you were an hour late to my sister's birthday dinner", {"has": ["sorry"]}),
    ("the van passed its inspection!!", {"lacks": ["i'm listening", "nice."]}),
    ("tax refund finally came in!!", {"lacks": ["for tax", "for Tax"]}),
    # "not saying X but saying Y" is a joke's frame, not a catch
    ("bonus came through. not saying we are rich but i am saying takeout", {"lacks": ["catch", "a lot at"]}),
    # "i'm so sorry" beside a death is sympathy, not an apology to accept or thank
    ("grandma passed away last night. i'm so sorry, i know how close you were", {"lacks": ["worries", "thank you"]}),
    # a household or money trouble the two share is faced together; the writer's own mishap elsewhere is not
    ("water bill came in at $190, we have to stop taking 20 minute showers", {"has": ["us|we're|together"]}),
    ("the dishwasher is leaking again. the whole floor", {"has": ["us|we're|together"]}),
    ("i clogged the sink at my sister's place and pretended it wasn't me", {"lacks": ["together"]}),
    ("they approved our lease!!! we have a home", {"lacks": ["together", "a lot for us"]}),
    # money stretched till payday is money stress, said as such
    ("only have like 50 bucks till payday and the phone bill is due", {"lacks": ["lovely", "nice", "i'm listening"]}),
    # "forgot to" / "failed to" / "refused to" undo the good event after them
    ("hr forgot to process my raise so it's not in this paycheck", {"lacks": ["wonderful", "happy for", "thrilled"]}),
    ("the landlord refused to approve our pet request", {"lacks": ["wonderful", "amazing", "thrilled"]}),
    # "for once" is a complaint only when it is put to someone; said of the two of them, it is glad news
    ("we both got the friday off for once!!", {"lacks": ["let down", "sorry"]}),
    ("could you load the dishwasher for once", {"lacks": ["nice", "lovely"]}),
    # a health verdict beside good news is meant ("totally fine" is ironic elsewhere)
    ("xray came back and the bone isn't broken, she's totally fine", {"lacks": ["rough", "sorry"]}),
    ("the mole they biopsied is benign!!", {"has": ["relie|thank goodness|phew|glad"]}),
    # hedged "wrecked" beside glad news is sad (mixed); a bare "i'm wrecked" is worn out
    ("my sister got the job in tokyo. proud of her and honestly kinda wrecked", {"lacks": ["best part"]}),
    ("im wrecked, that double shift was brutal", {"lacks": ["i'm listening", "thanks for telling"]}),
    # praise over a thing gone wrong is irony in any form of the verb, or with a filler after it
    ("nothing like cracking my phone screen five minutes after buying it", {"lacks": ["lovely", "nice"]}),
    ("oh perfect, the dog chewed up my only charger", {"lacks": ["lovely", "nice"]}),
    ("the bus broke down and we walked the last mile in the rain. thriving rn", {"lacks": ["lovely", "nice"]}),
    # a check put to the listener about a thing is answered as a check, whatever the thing
    ("did u leave the garage door open?", {"lacks": ["rough", "i'm listening", "feeling"]}),
    ("do we still have any of those big envelopes", {"lacks": ["rough", "i'm listening", "feeling"]}),
    # a habit the listener keeps up, or a thing of the writer's taken, is a complaint to own
    ("you keep leaving the cupboard doors open and i keep walking into them", {"has": ["sorry|on me|right"]}),
    ("u finished the ice cream i was saving for tonight", {"has": ["sorry|on me|right|guilty"]}),
    # an event's gap never runs across a sentence ("accepted. bad news" is no bad news got), unless the next
    # sentence goes on about the same one ("my uncle. he passed away")
    ("great news: the grant came through. bad news: the report is due monday", {"lacks": ["sorry that"]}),
    # "is stressing me" is stress; a wound healed well, no cavities, a scan back clean are relief
    ("the quarterly review is stressing me out more than i want to admit", {"lacks": ["lovely", "nice"]}),
    ("the cut on my hand healed really nicely, no infection at all", {"has": ["relie|thank goodness|phew|glad"]}),
    ("vet checked her teeth, no cavities and no lumps!!", {"has": ["relie|thank goodness|phew|glad"]}),
    # a part of the writer's given to someone else by the one in charge is a disappointment
    ("coach gave my starting spot to a sophomore today", {"lacks": ["nice", "lovely", "i'm listening"]}),
    ("i gave my spot in line to a guy with one item", {"lacks": ["sorry about your"]}),
    # "i hate that you were right" concedes; it is no complaint about the listener
    ("you were right about the landlord. i hate that you were right", {"lacks": ["landed badly", "on me"]}),
    # a carer's concern is about the writer's health, not a hardship of the carer's
    ("the dentist seemed worried about my gums", {"lacks": ["your dentist is going", "seeing them"]}),
    # the writer running late is a heads-up, however gloomy the traffic; the listener late is a complaint
    ("gonna be like 25 min late, the highway is a nightmare. eat without me", {"lacks": ["rough", "a lot", "?"]}),
    ("you were late to pick me up again", {"lacks": ["heads-up", "letting me know"]}),
    # a thoughtful thing the listener did, or a partner's hoodie slept in, is love or missing said to them
    ("you noticed i was cold and gave me your jacket without a word. marry me", {"lacks": ["rough", "sorry"]}),
    ("sleeping in your hoodie again bc the bed is way too big", {"has": ["miss you"]}),
    ("you remembered his birthday but not mine", {"lacks": ["made my whole day", "love you"]}),
    ("my husband is away all week and the bed is way too big", {"lacks": ["i miss you"]}),
    # credit taken for the writer's work, and being the one left out of everyone, hurt whatever VADER hears
    ("my teammate took all the credit for the launch in the standup", {"lacks": ["lovely", "nice", "great"]}),
    ("the whole group got the email about the trip except me", {"has": ["left out|hurt"]}),
    ("at the wedding i felt like a third wheel the entire night", {"has": ["left out|hurt|alone"]}),
    # "forgot" in scare quotes is still a failure to do the thing
    ('the landlord "forgot" to return our deposit', {"lacks": ["wonderful", "amazing", "happy"]}),
    # asked to come, put as a need; where the writer is, said with one "!"
    ("my uncle died last night. i just need you to come home when you can", {"has": ["sorry"], "lacks": ["?"]}),
    ("boarding now! text u when i land", {"lacks": ["i'm listening", "feeling"]}),
    # a feeling inside "what if" is feared, not had
    ("the recital is tonight. what if i freeze. what if i cry on stage", {"lacks": ["tearful", "sorry"]}),
    # a plea inside a joke is the joke's; a brave face before a "but" is not the feeling
    ("lol i waved at a stranger thinking it was my boss. pls come get me i need to move countries",
     {"lacks": ["got you", "of course", "absolutely"]}),
    ("car needs new tires and the vet bill came. we'll be fine but it's gonna be a tight month",
     {"lacks": ["hopeful", "hope it works"]}),
    # good news said as such, then the catch (also after "...and"), is mixed news; an achievement "went through"
    ("good news, the visa came. bad news, it starts in two weeks and we have no flat", {"lacks": ["sorry that"]}),
    ("my bonus went through!! ...and the car needs a new transmission", {"lacks": ["so happy about"]}),
    ("the mortgage went through!!!", {"lacks": ["i'm listening", "tell me more about what"]}),
    # "got in" a fight, a wreck, a mess is no acceptance
    ("i got in a fender bender on the way to work", {"lacks": ["great news", "amazing", "happy for"]}),
    # the listener's appointment asked about is a practical check, not the writer's ordeal; "why does ..." gripes
    ("when is your physio appointment thursday? i can pick you up after", {"lacks": ["rough", "daunting"]}),
    ("why does the upstairs guy vacuum at 11pm every single night", {"lacks": ["heads-up", "letting me know"]}),
    # damage a home may have, under a negator, is relief; praise said last as two words still closes a gripe
    ("the basement isnt flooded after all, just the dehumidifier dripping", {"lacks": ["i'm listening", "rough"]}),
    ("the car got towed while i was at the dentist. love that", {"lacks": ["full of love", "lovely"]}),
    # picked for a duty nobody hopes for is no good news
    ("got chosen for mandatory overtime this weekend", {"lacks": ["wonderful", "happy for", "great news"]}),
    # a sure, grave loss is met with sorry first, whichever line is picked
    ("our old cat pepper died this morning, the vet thinks it was her heart", {"has": ["sorry"]}),
    ("my grandmother passed away an hour ago. i cant think", {"has": ["sorry"]}),
    # a broken agreement, a wish the listener had acted, and being left out are complaints to own; a request put
    # as a wish, and a plan made together, are not
    ("we agreed no laptops in bed and then you answered slack at midnight", {"has": ["sorry|right"]}),
    ("it would be nice if you checked with me before inviting people over", {"has": ["sorry|right"]}),
    ("would have been nice to get a heads up that your parents were staying all week", {"has": ["sorry|right"]}),
    ("it would be nice if you could grab bread on the way home", {"lacks": ["sorry", "on me"]}),
    ("we said we'd leave at six and then you can drive the second half", {"lacks": ["sorry", "on me"]}),
    # something precious found again, and an illness that lifts, are relief, not a hard time
    ("found my dad's old army watch in a box in the garage, thought it was gone for good",
     {"has": ["relie|thank goodness|phew"], "lacks": ["rough", "sorry"]}),
    ("her fever finally broke and she's asking for pancakes", {"has": ["relie|thank goodness|phew"]}),
    # a bigger idea for the two of them, weighed with its reasons, is taken up openly, not agreed to on the spot nor
    # met with "that sounds like a lot"; a small plan is still a plan
    ("should we just sell the boat? we used it twice this summer and the slip fees keep going up",
     {"has": ["open to it|talked into|maybe"], "lacks": ["a lot", "let's do it"]}),
    ("maybe we should move the kids into one room and make the small one an office, i keep tripping over the desk",
     {"has": ["open to it|talked into|maybe"], "lacks": ["sorry", "rough"]}),
    # good news of the listener's own family is said as theirs: "my brother", not the writer's "ur brother"
    ("ur brother got the apprenticeship!! he called me first lol", {"lacks": ["ur brother", "your brother"]}),
    # something done for both of them without asking first is owned; a feeling the writer denies is no good news;
    # "where do you want me to ..." asked back in a gripe is no offer to thank for
    ("you signed us up for the marathon without even checking my schedule", {"has": ["sorry|right"]}),
    ("my dad offered to cover the deposit. i dont love it tbh, what do u think",
     {"lacks": ["great news", "happy for"]}),
    ("the bus driver yelled at me for standing there. where do you want me to stand then, on the roof",
     {"lacks": ["thank you", "perfect"]}),
    # "great news" over a mishap is irony; over a mishap that did not happen it is meant
    ("fantastic news, the dishwasher leaked all over the new floor", {"lacks": ["wonderful", "happy", "hopeful"]}),
    ("great news, the pipes didn't freeze after all", {"lacks": ["rough", "sorry", "annoying"]}),
    # "that stings" after someone else's happy news is the writer's hurt, not their joy
    ("saw on insta that my old roommate had a baby and never told me. honestly that stings",
     {"lacks": ["wonderful", "happy", "contagious"]}),
    # more complaints about the listener, owned: told and still done, the one who carries it all, news learned from
    # someone else, left out without being asked; warmth and someone else's doing are not
    ("i reminded you twice about my mom's birthday and you still made plans that night", {"has": ["sorry|right"]}),
    ("honestly im the only one who ever cleans the bathroom and i'm over it", {"has": ["sorry|right"]}),
    ("not thrilled that i found out about your job interview from your sister", {"has": ["sorry|right"]}),
    ("you ordered dinner for everyone and didnt even ask what i wanted", {"has": ["sorry|right"]}),
    ("you still warm up my side of the bed every night, its so sweet", {"lacks": ["sorry", "on me"]}),
    ("my brother took my bike and didn't even ask, can you believe him", {"lacks": ["sorry", "on me"]}),
    # a mishap closed with a deadpan comic tag is a funny story, not a hard time
    ("walked into the glass door at the bank. the teller saw. i will never return", {"has": ["haha|no way|lol"]}),
    ("the dog figured out the treat drawer. we no longer own the treat drawer", {"has": ["haha|no way|lol"]}),
    # a complaint that asks for a talk is owned and the talk agreed to, not closed with "That's on me."
    ("you keep checking your email on our date nights. can we talk about it", {"has": ["talk", "\\?"]}),
    # something made or worked through for months, finished, is good news even with no feeling word
    ("FINISHED THE SWEATER. nine months of tuesday nights. the sleeves even match", {"has": ["proud|great|done"],
                                                                                   "lacks": ["listening"]}),
    # news of others announced as gossip is heard as gossip, however gloomy VADER finds it
    ("ok gossip. the couple upstairs both called in sick on monday and both came back tanned",
     {"lacks": ["a lot", "rough", "hardest"]}),
    # nerves before an occasion said as the questions the writer asks themself
    ("dinner with his whole family on saturday. what do i even wear to that. do i bring wine??",
     {"has": ["nerv|worr"], "lacks": ["let me check"]}),
    # good news followed by "we should talk" is news with a catch, not plain pride
    ("they offered me the lead role!!! rehearsals are every night for two months. we should talk",
     {"lacks": ["earned every bit"]}),
    # warmth toward the listener with no "love you" is a love note, said back without a question; warmth beside
    # news of the writer's own, a jab or an ask is not one
    ("was folding laundry and found your sock in my pile and now im grinning like a fool",
     {"has": ["whole day|sweetest|smiling so hard"], "lacks": ["?"]}),
    ("heard our song on the radio at the pharmacy and just stood there by the vitamins",
     {"has": ["whole day|sweetest|smiling so hard"], "lacks": ["?"]}),
    ("got into the masters program!! smiling so hard, cant wait to tell u tonight",
     {"lacks": ["sweetest", "smiling so hard", "whole day"]}),
    ("lucky you, im stuck at the office till nine", {"lacks": ["sweetest", "smiling so hard", "whole day"]}),
    ("can u pick up the dry cleaning on ur way home ❤️", {"lacks": ["sweetest", "smiling so hard", "whole day"]}),
    # a chore left undone, told as the state of things with a hint, is a complaint about the listener: owned
    ("the bins have been full since friday, just saying", {"has": ["sorry|on me|make it right"]}),
    ("the laundry basket does not empty itself hun", {"has": ["sorry|on me|make it right"]}),
    ("the washing machine has been broken since monday and the landlord still hasnt called",
     {"lacks": ["on me", "make it right"]}),
    # a fear said to be absent ("nothing to worry about", "no more dreading") is relief, whatever VADER hears; "not
    # scared" of what is coming is no relief
    ("scan came back and the doctor said its nothing to worry about", {"lacks": ["hardest", "rough", "a lot"]}),
    ("signed off the night rota today, no more dreading sunday evenings", {"lacks": ["hardest", "rough", "a lot"]}),
    ("im not scared of the dentist tomorrow, honestly", {"lacks": ["great", "lovely", "wonderful"]}),
    # two acts weighed around "or" are a decision taken up together, with or without "?"; "did you X or Y" is not
    ("the boiler is banging again. pay for a service or just replace the whole thing?", {"has": ["gut|leaning|think"]}),
    ("dryer's squeaking like a cartoon mouse, repair it or just live with it", {"has": ["gut|leaning|think"]}),
    ("I'm presenting to the board next week and I've never spoken to more than six people",
     {"lacks": ["great", "lovely", "wonderful"]}),
    # a low mood with no cause told is met gently and asked what would help, not for "the hardest part"
    ("kinda down today, no idea why honestly. nothing happened. just bleh",
     {"has": ["help|feel good"], "lacks": ["hardest", "what happened"]}),
    ("back from the beach and the sunburn is real, i'm lobster coloured like nothing happened lol",
     {"lacks": ["nothing happened", "grey days"]}),
    # an ask inside quotes is someone else's words, not the writer's ask
    ("the self checkout kept yelling 'please place item in bagging area' at me for ten minutes",
     {"lacks": ["of course", "i've got", "i can do that"]}),
    # session 14: where the learned register is sure, its kind of message outweighs an event's gloom or VADER's:
    # good news over a feared repair, a deadpan mishap laughed along with (never a wrong done to the writer)
    ("the dentist said it was just a stain, not a cavity. no drilling. i skipped out of there",
     {"lacks": ["rough", "sorry", "hardest"]}),
    ("put my reading glasses on top of my head and then searched the house for them for twenty minutes. the kids "
     "watched the whole time", {"has": ["haha|no way"], "lacks": ["rough", "sorry"]}),
    ("walked into the glass door at the bank. the security guard asked if i was ok and i said you too",
     {"has": ["haha|no way"], "lacks": ["rough", "sorry", "lovely"]}),
]

# Known failures, kept as strict xfails so a fix shows: the learned register is unsure (p < 0.5) on these, and the
# rules read the repair as a hardship and the rent rise as a bystander's story; a mocking with no event row for it
# ("mocked my accent") is laughed along with, as it was before this session.
REPLY_KNOWN_WRONG = [
    ("my manager mocked my accent in front of the whole team during standup",
     {"lacks": ["haha", "no way", "love this"]}),
    ("plumber came, it was just a loose washer. ten bucks. i had already said goodbye to the whole bathroom",
     {"lacks": ["rough", "hardest"]}),
    ("the landlord sold the building and the new owners are raising rent 300 a month starting in june",
     {"lacks": ["no way", "whole story"]}),
]


@pytest.mark.xfail(strict=True, reason="known: see REPLY_KNOWN_WRONG")
@pytest.mark.parametrize(("message", "expected"), REPLY_KNOWN_WRONG, ids=[m[:40] for m, _ in REPLY_KNOWN_WRONG])
def test_reply_known_wrong(message: str, expected: dict[str, Any]) -> None:
    low = f" {listenwell.listen(message).reply.lower()} "
    assert all(word not in low for word in expected.get("lacks", ()))


@pytest.mark.parametrize(("message", "expected"), REPLY_ROWS, ids=[m[:40] for m, _ in REPLY_ROWS])
def test_reply(message: str, expected: dict[str, Any]) -> None:
    r = listenwell.listen(message)
    low = f" {r.reply.lower()} "
    assert reply_problems(r) == [], r.reply
    for word in expected.get("has", ()):
        assert re.search(word.lower(), low), f"{word!r} not in {r.reply!r}"
    for word in expected.get("lacks", ()):
        assert word.lower() not in low, f"{word!r} in {r.reply!r}"


def test_echo_run_counts_words_in_order() -> None:
    assert echo_run("It sounds like your dog died yesterday.", "my dog died yesterday") == 3
    assert echo_run("a b c d e f", "x a b c d e f y") == 6
    assert echo_run("nothing shared", "at all") == 0


def test_safety_reply_keeps_its_direct_question() -> None:
    r = listenwell.listen("I don't want to be alive anymore")
    assert r.mode == "safety"
    assert r.reply.count("?") >= 1 and re.search(r"hurt|safe|kill|suicide|your life", r.reply, re.I), r.reply


def test_ranking_cache_changes_nothing() -> None:
    """The ranked-template cache is keyed by what eligibility reads: with it and without it, the same replies."""
    listener = listenwell.Listener()
    texts = GOLDEN[::3]
    cached = [r.to_dict() for r in listener.listen_many(texts)]
    uncached = []
    for text in texts:
        listener.suggester._ranked_cache.clear()
        uncached.append(listener.listen(text).to_dict())
    assert cached == uncached


def test_no_shipped_template_is_a_roadblock_or_a_closed_question() -> None:
    """Every template, slots filled with plain words, passes the same roadblock and question checks as replies."""
    from tests.suggestion_checks import CLOSED_OPENERS, OPEN_OPENERS, ROADBLOCKS

    fill = {"feeling": "tired", "feeling2": "relieved", "situation": "your car broke down", "topic": "work",
            "need": "rest", "thing": "your job interview", "someone": "your brother", "them": "him"}  # fmt: skip
    bad = []
    for t in listenwell.default_listener().rules.rows("templates"):
        text = re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)], t.text)
        if ROADBLOCKS.search(text) and t.mode != "safety":  # safety replies may say what to do now
            bad.append((t.id, "roadblock", text))
        if t.kind == "question":
            for q in re.findall(r"[^.!?]*\?", text):
                q = q.strip()
                if CLOSED_OPENERS.search(q) or not OPEN_OPENERS.search(q) or re.search(r"\bwhy\b", q, re.I):
                    bad.append((t.id, "closed or why", text))
    assert bad == []


def test_an_invitation_to_talk_tonight_is_no_boundary() -> None:
    """Regression (sessions 11-12): first read as a postponement (boundary.postpone, fixed in issue 8), then as good
    news, "That's huge! I'm thrilled for you.", from "holidays" as an event; a topic put up for talk is no event."""
    r = listenwell.listen("can we talk about the holidays tonight? my mom keeps asking")
    assert r.mode == "reflect", r.reply
