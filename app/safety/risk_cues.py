"""Word patterns for immediate risk (suicidal intent, harm now, threats): cue families the gate's
classifier weighs beside the embedding (app/gate/cues.py); none decides on its own."""

from __future__ import annotations

import re

_F = re.IGNORECASE

# Suicidal intent or self-harm in the first person: escalated whatever else the text says.
SELF_HARM = re.compile(
    r"\b(?:kill(?:ing)?|hurt(?:ing)?|harm(?:ing)?|cut(?:ting)?|hang(?:ing)?)\s+myself\b"
    r"|\bend(?:ing)?\s+(?:my\s+(?:own\s+)?life|it\s+all|things)\b"
    r"|\btake\s+my\s+(?:own\s+)?life\b"
    r"|\b(?:i'?m|i\s+am|i\s+feel|feeling|i'?ve\s+been|i\s+have\s+been)\s+(?:really\s+|so\s+|quite\s+)?suicidal\b"
    r"|\b(?:don'?t|do\s+not)\s+want\s+to\s+(?:be\s+(?:alive|here)|live|wake\s+up|go\s+on)\b"
    r"|\bnot\s+wake\s+up\b|\bcan'?t\s+go\s+on\b|\bno\s+point\s+(?:in\s+)?(?:living|going\s+on|carrying\s+on|anymore|any\s+more)\b"
    r"|\bbetter\s+off\s+without\s+me\b|\b(?:cope|manage)\s+(?:fine\s+)?without\s+me\b"
    r"|\b(?:my|the)\s+(?:pills|tablets)\b.{0,40}\b(?:take|taking|swallow)\b"
    r"|\b(?:take|taking|swallow(?:ing)?)\s+(?:all\s+)?(?:my|the|these|those)\s+(?:pills|tablets)\b"
    r"|\bhow\s+many\s+(?:pills|tablets)\b|\bthe\s+rope\b|\bnot\s+safe\s+(?:tonight|with\s+myself)\b"
    r"|\bdon'?t\s+trust\s+myself\b|\bsorted\s+(?:out\s+)?my\s+affairs\b|\bwant\s+(?:it\s+all|everything)\s+to\s+(?:stop|end)\b"
    r"|\b(?:driv(?:e|ing)|crash(?:ing)?)\s+(?:my\s+car\s+)?into\s+a\s+(?:wall|tree|lorry)\b"
    r"|\b(?:i'?ve|i\s+have)\s+(?:cut|hurt|harmed)\s+(?:my|myself)\b",
    _F,
)
# The medicines a plan or an overdose is told with, by kind or by name: one list, so a
# rule that reads the writer's own plan and a rule that asks whether the writer's own words
# hold any danger at all never disagree about what "my sertraline" is.
MEDICINES = (
    r"(?:paracetamol|ibuprofen|aspirin|tablets|pills|meds|medication|insulin|morphine|"
    r"sertraline|citalopram|fluoxetine|mirtazapine|amitriptyline|venlafaxine|diazepam|"
    r"zopiclone|co-?codamol|codeine|tramadol|propranolol|sleeping\s+(?:tablets|pills)|"
    r"antidepressants|painkillers)"
)
# Words that date the writer's own history years back ("years ago", "as a teenager", "when
# I was 19", "back in 2015", "at uni"): one list for the rules that hold back an attempt or an
# overdose told as long past (app/gate/past_attempt.py, app/gate/own_plan.py).
LONG_AGO = (
    r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|a\s+few|some)\s+"
    r"years?\s+ago|years\s+ago|as\s+a\s+(?:teenager|teen|student|kid)|"
    r"when\s+i\s+was\s+(?:\d+|a\s+(?:teenager|teen|student|kid|child)|younger|at\s+(?:uni|"
    r"university|school|college))|in\s+my\s+(?:teens|twenties|early\s+twenties|late\s+teens)|"
    r"back\s+in\s+(?:19|20)\d\d|at\s+(?:uni|university|college))"
)
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself)\b", _F)
# Anyone but the writer: a pronoun, a person's role, or a name's placeholder. A message with
# neither this nor FIRST_PERSON ("legs over the rail, train in six minutes") is the writer's
# own, told without pronouns.
SOMEONE_ELSE = re.compile(
    # Not "they" or "them": as often the pills or the rope as a person.
    r"\b(?:he|she|him|her|his|hers|himself|herself|"
    r"(?:child|children|kids?|boy|girl|lad|lass|son|daughter|teen|teenager|toddler|baby|"
    r"young\s+(?:person|people)|care\s+leaver|\d+\s*(?:yo|yr|year)s?|\w+-year-old|worker|deputy|"
    r"manager|colleague|mum|dad|mother|father|carer|man|woman|student|nq\w*|tm|staff|partner|"
    r"friend|practitioner|uncle|aunt|nan|gran|grandad|grandma|stepdad|stepmum|boyfriend|"
    r"girlfriend|husband|wife|neighbour|resident|client|pupil)s?)\b|\[(?:PERSON|CHILD|PARENT)_\d+\]",
    _F,
)

# Someone else's intent to die or a suicide attempt under way.
OTHERS_SUICIDE = re.compile(
    r"\b(?:kill|hang|hurt)\s+(?:her|him|them)sel(?:f|ves)\b|\btaken?\s+an\s+overdose\b"
    r"|\bis\s+going\s+to\s+jump\b|\bon\s+the\s+(?:roof|bridge|ledge)\b|\bsaying\s+goodbye\b"
    r"|\b(?:doesn'?t|does\s+not|don'?t)\s+want\s+to\s+(?:live|be\s+alive)\b"
    r"|\b(?:pills|tablets)\s+in\s+front\s+of\b|\bend\s+it\b|\bplan\s+to\s+(?:kill|end)\b",
    _F,
)
THREAT = re.compile(
    r"\b(?:going\s+to|gonna|will|'ll|threaten(?:ed|ing|s)?\s+to|said\s+he'?d|said\s+she'?d)\s+"
    r"(?:kill|stab|hurt|burn|shoot|smash|attack|do\s+(?:\w+\s+){0,2}in|break\s+(?:her|his|their)\s+\w+)\b"
    r"|\b(?:knife|blade|gun|machete|weapon|acid)\b|\bheld\s+a\s+knife\b|\bknows?\s+where\s+\w+\s+lives\b",
    _F,
)
MISSING = re.compile(
    r"\b(?:missing|gone\s+missing|ran\s+away|run\s+away|absconded|vanished|hasn'?t\s+(?:come|been)\s+"
    r"(?:home|back|seen)|not\s+been\s+seen|not\s+come\s+back|left\s+again)\b",
    _F,
)
EXPLOITATION = re.compile(
    r"\b(?:exploit\w*|county\s+lines|groom\w*|trap\s+houses?|older\s+(?:men|man|lads|boys)|"
    r"much\s+older|gang\w*|traffick\w*|drugs?|parcels|cash|"
    r"(?:\d\d|twenties|thirties)[- ]year[- ]old\s+man|"
    r"man\s+in\s+his\s+\w+|paying|stab\s+wounds?|sell\w*\s+drugs|made\s+to\s+work)\b",
    _F,
)
HARM = re.compile(
    r"\b(?:abus\w*|hits?|hitting|hit\s+(?:him|her|them)|beat(?:s|en|ing)?|punch\w*|kick\w*|slap\w*|"
    r"strangl\w*|chok\w*|rap(?:e|ed|ing)|sexual\w*|touch(?:es|ing|ed)\s+(?:her|him|me)|molest\w*|"
    r"bruis\w*|burns?|burn\s+marks|fractur\w*|broken\s+(?:arm|leg|bone|ribs?)|injur\w*|handprint|"
    r"marks|wounds?|bleeding|unresponsive|unconscious|floppy|not\s+breathing|locked\s+(?:in|up)|"
    r"tied\s+up|left\s+(?:alone|on\s+(?:their|his|her)\s+own)|no\s+food|haven'?t\s+eaten|starv\w*|"
    r"drunk|violent|assault\w*|pushing|pushed|grabbed|forced\s+to|made\s+to\s+(?:have|take)|"
    r"photos|clothes\s+off|sex\s+offender|pregnant|married|marry|cut|cutting|made\s+clean|fgm|"
    r"screaming|hurts?|scared|terrified|frightened|breached|broken\s+in|hiding)\b",
    _F,
)
# Something happening now, or about to: the difference between a risk and a topic.
NOW = re.compile(
    r"\b(?:now|right\s+now|tonight|today|this\s+(?:morning|afternoon|evening|week)|tomorrow|"
    r"in\s+(?:an?|\w+)\s+(?:hour|hours|minutes)|at\s+the\s+moment|currently|still|just|"
    r"on\s+(?:his|her|their|my)\s+way|picking\s+(?:him|her|them)\s+up|collecting|due\s+(?:home|back)|"
    r"go(?:ing)?\s+(?:back\s+)?home|back\s+there|pick(?:s|ing)?\s+up|is\s+with|are\s+with|is\s+at|"
    r"at\s+the\s+house|outside|since\s+(?:yesterday|friday|monday|tuesday|wednesday|thursday|"
    r"saturday|sunday|last\s+night|this\s+morning)|last\s+night|yesterday|for\s+(?:two|three|\d+)\s+days|"
    r"won'?t\s+let|refus\w*|keeps?|again|every\s+(?:night|weekend|day)|at\s+night|next\s+week|"
    r"leaves\s+in|fly|flies|later|tomorrow|lives\s+(?:with|next\s+door)|living\s+with|is\s+home|"
    r"has\s+moved\s+in|an\s+hour\s+ago)\b",
    _F,
)
# A child or adult who is the subject of the harm, not a caseload or a service.
SUBJECT = re.compile(
    r"\b(?:child|girl|boy|baby|toddler|newborn|infant|lad|teenager|young\s+person|pupil|kid|kids|"
    r"children|twins|son|daughter|she|he|her|him|mum|mother|woman|man|grandmother|"
    r"\d{1,2}[- ]year[- ]old|\d{1,2}[- ]month[- ]old|(?:six|three|two)[- ]month[- ]old|"
    r"year\s+\d{1,2})\b",
    _F,
)
DISCLOSURE = re.compile(
    r"\b(?:disclos\w*|told\s+(?:me|us|her|his|the|a|our)|says?\b|said\b|whisper\w*|showed|"
    r"reported|has\s+told|messaged|texted|rang|phoned|called)\b",
    _F,
)
NOWHERE_SAFE = re.compile(
    r"\b(?:can'?t|cannot|won'?t|will\s+not|not|too\s+scared\s+to|scared\s+to|afraid\s+to|refuses\s+to)\s+"
    r"(?:safely\s+)?(?:go|going)\s+(?:back\s+)?home\b|\bnot\s+safe\s+(?:to\s+go\s+)?(?:at\s+)?home\b"
    r"|\bnowhere\s+(?:safe\s+)?to\s+(?:go|stay|sleep|live)\b|\bkicked\s+out\b|\bsleeping\s+(?:rough|in\s+a\s+car)\b",
    _F,
)
# Leaders talking about the work: questions about a team, a service or learning.
LEADERSHIP = re.compile(
    r"\b(?:how\s+(?:do|can|should|might|would)\s+(?:i|we)|what\s+(?:does|should|can|would)|"
    r"my\s+team|our\s+team|the\s+team|staff|workers|practitioners|managers|colleagues|"
    r"review|learning|lessons|supervision|strategy|protocol|threshold\w*|partners\w*|inspection|"
    r"audit|morale|culture|wellbeing|resilience|trauma|cases|caseloads?|referrals|rates|data|"
    r"service|leader\w*|lead|councillors|director|panel|system)\b",
    _F,
)
PAST = re.compile(
    r"\b(?:last\s+(?:year|month|spring|summer|autumn|winter)|(?:two|three|\d+)\s+years\s+ago|"
    r"in\s+20\d\d|historic\w*|after\s+(?:a|the|we)|since\s+the)\b",
    _F,
)
