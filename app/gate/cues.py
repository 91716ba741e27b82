"""Word cues the gate's classifier reads beside the embedding.

Each cue is a high-precision phrase family. None decides on its own: the classifier weighs
them with the message's meaning, so "I can't make her do anything" is not "I can't go on".
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from app.components.contractions import as_written
from app.gate.about_balcony import asks_about_balcony, asks_how_to_use_balcony
from app.gate.attended import crisis_attended, help_is_last_word
from app.gate.decision_ask import asks_for_a_decision, disclaims_a_decision, names_a_case
from app.gate.law_ask import asks_the_law, disclaims_the_law
from app.gate.left_unreported import missing_and_unreported, police_not_called
from app.gate.legal_part import names_the_law
from app.gate.low_mood import tells_low_mood
from app.gate.method_research import who_is_researching, whose_means_at_hand
from app.gate.own_plan import tells_own_plan
from app.gate.past_attempt import without_past_attempts
from app.gate.past_harm import past_harm_to_a_worker
from app.gate.prompt_ask import asks_for_the_instructions
from app.gate.quoted_words import danger_only_in_quoted_words, quotes_training_material
from app.gate.record_ask import asks_for_a_record
from app.gate.stated_age import child_with_adult_partner, only_adults_aged, only_adults_named
from app.gate.stated_intent import says_they_will_end_their_life, says_they_will_try_again
from app.gate.taken_back import takes_it_back
from app.gate.thing_idiom import THINGS, wishes_a_thing_harm
from app.gate.veiled_threat import says_a_veiled_threat
from app.gate.work_absence import absence_for_work, without_absences
from app.safety import risk_cues as risk

_F = re.IGNORECASE

HANDLED = re.compile(
    # "still haven't found her" is the search going on, not the child found; nor is "found
    # her 13yo's search history" or "found her location": what was found is theirs.
    r"\b(?:(?<!n't\s)(?<!not\s)(?<!never\s)(?<!nt\s)(?<!yet\s)"
    r"found\s+(?:safe|(?:her|him|them)(?!\s+(?:[\w-]+'s\b|location|phone|search|browser|"
    r"diary|notes?\b|letters?\b|messages|texts|stash|journal|laptop|history|pills|tablets))|"
    r"this\s+morning|last\s+night)|(?:is|are|was|were|now)\s+safe\b|"
    r"safe\s+(?:now|and\s+well|with|in)|placed\s+(?:safely|with|in)|settled\s+(?:with|in|at)|"
    r"(?:police|officers)\s+(?:took|have\s+taken|brought|found|arrested|are\s+dealing)|"
    r"in\s+(?:police\s+)?custody|under\s+police\s+protection|into\s+(?:police\s+)?protection|"
    r"strategy\s+(?:meeting|discussion)\s+(?:was\s+)?(?:held|has\s+happened|done|this\s+morning)|"
    r"(?:is|are)\s+(?:being\s+)?(?:dealt\s+with|handled)|already\s+(?:dealt|handled|reported|referred)|"
    r"(?:duty|edt|out\s+of\s+hours)\s+(?:team\s+)?(?:have|has|took|are)|"
    r"recovering|back\s+(?:home\s+)?safe|returned\s+(?:safe|home)|came\s+back|"
    r"emergency\s+(?:carers?|placement|foster)|discharged|in\s+hospital\s+and\s+safe)\b",
    _F,
)
# The duty team named for its load, not for acting ("my duty team are drowning"): the
# `handled` cue reads "duty team are", so the gate takes this out before asking whether help
# is in place now. A partner agency's flood of notifications was coached in the crisis shape.
DUTY_UNDER_STRAIN = re.compile(
    r"\b(?:duty|edt|out\s+of\s+hours)\s+(?:team\s+)?(?:are|is|has|have)\s+(?:been\s+|all\s+|just\s+)?"
    r"(?:drowning|sinking|swamped|snowed|shaken|flattened|exhausted|overwhelmed|stretched|"
    r"struggling|rattled|fed\s+up|furious|angry|upset|in\s+shock|on\s+(?:their|its)\s+knees|"
    r"at\s+breaking\s+point|buried|drained|knackered|fried)\b",
    _F,
)
PAST_EVENT = re.compile(
    r"\b(?:last\s+(?:year|month|week|spring|summer|autumn|winter)|(?:a|two|three|few|\d+)\s+"
    r"(?:weeks?|months?|years?)\s+ago|serious\s+(?:case|incident|safeguarding\s+practice)\s+review|"
    r"(?:case|practice)\s+review|inquest|learning\s+review|csppr|lcspr|rapid\s+review|"
    r"in\s+the\s+news|another\s+(?:authority|council|la\b)|neighbouring\s+(?:authority|council)|"
    r"elsewhere|national\s+review|panel\s+report|afterwards|since\s+then)\b",
    _F,
)
STRAIN = re.compile(
    r"\b(?:exhausted|burn(?:ed|t)?\s*out|crying|in\s+tears|can'?t\s+sleep|not\s+sleeping|"
    r"signed\s+off|off\s+sick|anxious|anxiety|panic\s+attacks?|overwhelmed|shaken|"
    r"running\s+on\s+empty|(?:i'?m|i\s+am|she'?s|he'?s)\s+not\s+(?:in\s+danger|going\s+to\s+do\s+anything))\b",
    _F,
)
STRESS_IDIOM = re.compile(
    r"\b(?:killing\s+(?:me|us)|drowning|breaking\s+point|could\s+scream|tearing\s+my\s+hair|"
    r"at\s+the\s+end\s+of\s+my\s+tether|losing\s+my\s+mind|doing\s+my\s+head\s+in|"
    r"can'?t\s+(?:make|get)\s+(?:her|him|them|the|my|our|partners?|anyone)|"
    r"no\s+plan\s+lasts|snap\s+judgements?|want\s+to\s+(?:quit|resign|walk\s+out))\b",
    _F,
)
# Violence aimed at a thing, not a person ("lobbing the room booker off the barrage", "I'll
# strangle this timesheet system"): the frustration idiom managers use about admin. The words
# between may not be a person or end a sentence: "I kill myself. Rota's..." is not this.
VIOLENCE_AT_THING = re.compile(
    r"\b(?:lob|throw|chuck|hurl|fling|launch|push|shove|drown|bury|burn|torch|strangle|throttle|"
    r"murder|kill|hang|guillotine|shoot|smash|boot|feed|fed|strangling|throttling|murdering|"
    r"killing|hanging|shooting|smashing|booting|feeding|lobbing|throwing|chucking|hurling|"
    r"flinging|launching|pushing|drowning|burying|burning|torching|set\s+fire\s+to|"
    r"setting\s+fire\s+to)\s+(?:(?!(?:me|myself|him|himself|her|herself|them|themselves|us|"
    r"you|yourself)\b)[^\s.!?;]+\s+){0,3}?"
    rf"{THINGS}s?\b",
    _F,
)
REQUEST = re.compile(
    r"^\s*(?:please\s+)?(?:can\s+you|could\s+you|would\s+you|will\s+you|write|draft|prepare|"
    r"complete|fill\s+in|tell\s+me\s+(?:whether|if|what\s+the\s+law)|give\s+me|produce|"
    r"should\s+(?:we|i)|do\s+(?:we|i)\s+(?:meet|have\s+grounds)|is\s+it\s+(?:legal|lawful)|"
    r"which\s+(?:order|placement|option)|decide|i\s+need\s+(?:you\s+to|an\s+answer))\b"
    r"|\b(?:can|could|would|will)\s+you\s+(?:write|draft|prepare|decide|tell\s+me|give|do|"
    r"summarise\s+(?:the\s+)?case|fill)\b|\bi\s+need\s+an\s+answer\b|\bjust\s+tell\s+me\b",
    _F,
)
LEGAL = re.compile(
    r"\b(?:legal(?:ly)?|lawful(?:ly)?|unlawful|the\s+law|legislation|statut\w+|section\s+\d+|"
    r"(?<!')s\.?\s?\d{2}\b|children\s+act|threshold|care\s+proceedings|court|pre-?proceedings|plo\b|"
    r"judicial\s+review|sued|liable|liability|solicitor|barrister|legal\s+gateway)\b",
    _F,
)
RECORD = re.compile(
    r"\b(?:chronology|case\s+notes?|case\s+record|court\s+(?:report|statement)|witness\s+statement|"
    r"assessment|care\s+plan|child\s+protection\s+plan|minutes|referral|section\s+7|"
    r"single\s+assessment|pathway\s+plan|letter|report\s+for|"
    # The record asked for by its kind or its system: "the closure summary", "a Mosaic note".
    r"(?:closure|closing|case|file)\s+(?:summary|entry|history|note)|(?:log|file|oversight|"
    r"management\s+oversight|mosaic|lcs|liquidlogic|eclipse|carefirst)\s+(?:entry|note|record)|"
    r"(?:visit|supervision|strategy\s+(?:meeting|discussion)|review|incident|interview)\s+"
    r"(?:notes?|record|log|write-?up)|(?:police|position|court|evidence|social\s+work(?:er'?s)?)\s+"
    # Never "statement for" alone: a vision or press statement for the service is leadership.
    r"statement|"
    r"write\s+(?:it\s+|this\s+|them\s+)?up|type\s+(?:it\s+|this\s+)?up|for\s+the\s+file|"
    r"on\s+(?:the|her|his|their)\s+file|genogram|form\s+f|decision\s+log)\b",
    _F,
)
CASE_DECISION = re.compile(
    r"\b(?:remove|removal|special\s+guardianship|sgo|long-?term\s+foster\w*|adoption|placement\s+"
    r"order|care\s+order|close\s+(?:the\s+)?case|step\s+down|return\s+home|rehabilitat\w+|"
    r"contact\s+(?:with|arrangements)|which\s+(?:placement|option|order|carer))\b",
    _F,
)
PROMPT_PROBE = re.compile(
    r"\b(?:system\s+prompt|your\s+(?:instructions|prompt|rules|configuration|guidelines)|"
    # Asked of the tool by name or with a word between: "Balcony's backstage instructions".
    r"(?:its|balcony'?s|the\s+(?:bot|coach|tool|ai)'?s|your)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:instructions|prompts?|rules|configuration|guidelines|set-?up\s+text)|"
    r"(?:hidden|secret|internal|backstage|behind[\s-]the[\s-]scenes|underlying|original|initial|"
    r"developer|starting)\s+(?:instructions|prompts?|rules|configuration)|"
    r"ignore\s+(?:all\s+|your\s+|the\s+|any\s+)?(?:previous|prior|above|earlier)|jailbreak|"
    r"developer\s+mode|pretend\s+(?:to\s+be|you\s+are)|you\s+are\s+now|act\s+as\s+(?:a|an)\s+"
    r"(?!coach)|dan\b|reveal|repeat\s+(?:everything|the\s+text)\s+above)\b",
    _F,
)
LEADER_QUESTION = re.compile(
    r"\b(?:how\s+(?:do|can|should|might|would)\s+(?:i|we)|what\s+(?:do|should|can|would)\s+(?:i|we)|"
    r"my\s+team|our\s+team|the\s+team|my\s+managers|leadership|lead\w*|culture|morale)\b",
    _F,
)
# The writer ruling out danger to themselves: strain to support, not a crisis to escalate.
NEGATED_INTENT = re.compile(
    r"\b(?:not|never)\s+(?:going\s+to|gonna)\s+(?:do\s+anything|hurt\s+myself|act\s+on)|"
    r"\bnot\s+suicidal\b|\bnot\s+in\s+(?:any\s+)?danger\b|\bnot\s+in\s+a\s+dangerous\s+way\b|"
    r"\bnot\s+at\s+risk\b|\bnothing\s+(?:daft|stupid|silly)\b|\bnot\s+(?:like\s+)?that\b",
    _F,
)
# The writer's own intent, said indirectly: a method chosen, a plan, a wish not to survive.
OWN_INTENT = re.compile(
    r"\b(?:ways?|how)\s+to\s+(?:kill\s+myself|end\s+(?:it|my\s+life|things))|"
    r"\bend(?:ing)?\s+my\s+(?:own\s+)?life\b|\b(?:decided|chosen|worked\s+out|planned)\s+"
    r"(?:how|when|a\s+way|one|the\s+(?:way|method|date))\b|\bthe\s+means\b|"
    r"\b(?:hoping|hope|wish)\s+(?:it|i|that\s+i)\s+(?:happens|crash|don'?t\s+wake|wasn'?t)|"
    r"\b(?:stockpil|sav|hoard|collect)\w*\s+(?:up\s+)?(?:my\s+)?(?:tablets|pills|meds)\b|"
    r"\bletters?\s+(?:to|for)\s+my\b|\bnot\s+(?:be\s+)?(?:here|around)\s+(?:by|for|much)|"
    # "I'll end things", "finish it all": never "finish things off" or "end it with the
    # provider", which are work.
    r"\b(?:end|finish)\s+(?:things|it\s+all|everything|myself)\b(?!\s*(?:off|up|with|for|on|at|"
    r"in|by|before|and\s+(?:move|start|hand)))",
    _F,
)
# A search still going: the child is not yet found ("police still haven't traced him").
_SEARCH_GOING = (
    r"\bstill\s+(?:haven'?t|hasn'?t|not)\s+(?:been\s+)?(?:found|traced|located|seen)|"
    r"\bstill\s+(?:missing|unaccounted|out\s+there)\b|\bstill\s+(?:searching|looking|hunting)"
    r"(?:\s+for\s+(?:her|him|them)\b|(?=\s*(?:[.,;!?]|$))|\s+(?!for\s+an?\s)(?:the|every|along))|"
    r"\bno\s+(?:sign|trace|sighting)s?\b(?!\s+of\s+(?:harm|injur|distress))"
)
SEARCH_GOING = re.compile(_SEARCH_GOING, _F)
# "Still missing" as a verb with work as its object ("my team are still missing statutory
# visits", "still missing Monday cover"): no one is being searched for. Read only for the
# gate's search rule, which escalated both with the self-harm script (score 0.00).
MISSING_WORK = re.compile(
    r"\bstill\s+missing\s+(?:(?:a|an|some|any|several|key|half|lots\s+of|most\s+of|our|my|the|"
    r"their|his|her)\s+)?(?:\w+\s+)?(?:(?:statutory\s+)?visits?|deadlines?|cover|staff|workers?|social\s+workers?|"
    r"sws|targets?|data|returns?|assessments?|reviews?|meetings?|supervisions?|appointments?|"
    r"timescales?|paperwork|forms?|point|deputy|managers?|tms?)\b",
    _F,
)
# Help came and the person got away from it again, and nothing says they are found since
# ("staff pulled her off the edge but she bolted. Not found."): the rescue words above would
# read it as handled, so the gate reads this on its own, never as a model feature.
GOT_AWAY_AGAIN = re.compile(
    r"\bbut\s+(?:she|he|they|the\s+\w+|our\s+\w+)\s+(?:then\s+|later\s+|has\s+|had\s+|just\s+)?"
    r"(?:bolted|ran\s+(?:off|away)|ran\b|escaped|legged\s+it|got\s+away|slipped\s+(?:off|away|out)|"
    r"took\s+off|absconded|disappeared|went\s+missing|did\s+a\s+runner)",
    _F,
)
# Not found since: a search still going, or the same said without "still".
NOT_FOUND = re.compile(
    rf"{_SEARCH_GOING}|"
    r"\b(?:not|never|isn'?t|hasn'?t\s+been|haven'?t|nobody'?s|no\s+one'?s)\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:found|traced|located|seen|caught)\b|\bstill\s+(?:gone|loose)\b|"
    r"\bwhereabouts\s+unknown\b|\bnowhere\s+to\s+be\s+(?:seen|found)\b",
    _F,
)
# The writer saying outright that they will end their life: "I" and the act in one
# sentence, or the act opening one. Idioms of effort ("killing myself trying to get the
# plans done", "over this audit", "laughing", "taking my life back") are not it.
_OWN_ACT = (
    r"kill(?:ing)?\s+myself(?!\s+(?:laughing|trying|to\s|over|with|for|at|on|doing|working|"
    r"getting|running|chasing|keeping|making)\b)|end(?:ing)?\s+my\s+(?:own\s+)?life|"
    r"tak(?:e|ing)\s+my\s+(?:own\s+)?life(?!\s+(?:back|in\s+(?:my|both|your)))|"
    r"hang(?:ing)?\s+myself|"
    r"end(?:ing)?\s+it\s+all(?!\s+and\s+(?:start|begin|move|go))"
)
SAYS_OWN_INTENT = re.compile(
    rf"\bi(?:'m|'ll|'d|'ve)?\b[^.!?\n]{{0,40}}?\b(?:{_OWN_ACT})"
    # Or opening a sentence with the "I" dropped: "Killing myself after Tuesday's panel."
    rf"|(?:^|[.!?;\n]\s*)(?:(?:going\s+to|gonna|about\s+to|planning\s+to|want\s+to|will)\s+)?"
    rf"(?:{_OWN_ACT})",
    _F,
)
# Words that say when, not whether, help is there: "police walking in as we speak" is handled.
_TIMING = r"\bright\s+now\b|\bas\s+we\s+speak\b"
# Help is missing: nobody told, nobody reachable, help on its way but not there, a search
# still going (the child not yet found).
_HELP_MISSING = (
    r"\b(?:nobody|no\s+one|no-one)(?:'s|\s+has|\s+have)?\s+(?:rung|called|phoned|told|knows|"
    r"been\s+told|answering)|\binstead\s+of\s+(?:ringing|calling|phoning)\s+999\b|"
    r"\b(?:can'?t|cannot|couldn'?t)\s+(?:reach|get\s+hold\s+of|get\s+through)|"
    r"\bnot\s+(?:answering|picking\s+up)|\bwhat\s+do\s+(?:i|we)\s+(?:do|tell)\b|"
    r"\b(?:still|is)\s+(?:there|outside|inside|in\s+the\s+house|with\s+him|with\s+her)\b|"
    r"\bon\s+(?:his|her|their)\s+way\b|\bhas\s+left\b|"
    r"\bnot\s+(?:there|here|arrived)\s+yet\b|\bno\s+(?:unit|car|patrol|officers?)\s+"
    r"(?:free|available|attending|coming)\b|\bnone\s+attending\b|\b(?:minutes|mins|hours?)\s+"
    r"(?:away|out)\b|\bstuck\s+(?:in|at|behind)\b|\bwill\s+ring\s+back\b|"
    rf"{_SEARCH_GOING}"
)
HELP_MISSING = re.compile(_HELP_MISSING, _F)
# The writer asking what to do next ("what do I do first?", "what do I tell my director")
# says nothing of whether help is at hand: read as help missing, it kept a crisis told as
# attended from the rescue rule (hold-out 42: a girl being seen in A&E with her worker
# beside her, escalated). The `unhandled` feature of the model still reads it.
_NEXT_STEP_ASKED = re.compile(r"\bwhat\s+do\s+(?:i|we)\s+(?:do|tell)\b", _F)
# Nobody is dealing with it yet, or it is happening now: the difference between a live risk
# and a handled one, as the model reads it.
UNHANDLED = re.compile(rf"{_HELP_MISSING}|{_TIMING}", _F)
# Someone able to help is with the person now, or has already acted: what most separates a
# crisis being handled from a live one. Only helpers count ("staff are with her", "his carer
# cut it", "she's with gran"), never "he is with her", which is a danger in itself.
_HELPERS = (
    r"(?:paramedics?|ambulance\s+crew|police|officers?|coppers|(?:night\s+|care\s+|home\s+)?staff|"
    r"nurses?|doctors?|crisis\s+(?:team|nurse)|nan|gran|grandma|grandad|granny|auntie|aunt|sister|"
    r"key\s*worker|manager|neighbours?|lifeguards?|fire\s+(?:crew|service|brigade)|pcsos?|"
    r"search\s+team|exploitation\s+team|duty\s+carer|"
    r"security|guards?|teachers?|(?:foster|emergency|her|his|their)\s+carers?|gps?|medics?|"
    r"coastguards?|rnli|lifeboat\s+crew|mountain\s+rescue|first\s+aiders?|firefighters?|firemen)"
)
HELP_PRESENT = re.compile(
    rf"\b(?:{_HELPERS}(?:'s|'re|\s+(?:is|are|was|were|stayed|stays|sat))?\s+with\s+"
    r"(?:him|her|them|the\s+\w+)\b"
    rf"|(?:is|are|'s|'re|now|safe)\s+with\s+(?:her\s+|his\s+|their\s+|the\s+)?{_HELPERS}\b"
    rf"|{_HELPERS}\s+(?:have|has|had)\s+(?:the\s+)?(?:baby|child|children|kids|little\s+one|"
    r"twins|them\s+both|him|her|them)\b(?!\s+(?:been|yet|down|on|as|listed|marked))"
    rf"|{_HELPERS}\s+(?:took|got|brought|fetched|collected|caught|grabbed|cut|stopped|calmed|"
    r"arrested|restrained|talked|hauled|pulled|dressed|treated|held|gripped|disarmed|cuffed|"
    r"removed|led|spotted|reached|revived|sat\s+on|came|arrived|sits|checked)\b"
    r"|\b(?:cut|took|brought|talked|got)\s+(?:it|him|her|them)\s+(?:down|round|off)\b"
    r"|(?:is|are|'s|'re|was|were)\s+(?:sedated|stable|unhurt|recovering)"
    # Told by where they are now and who with: "indoors with staff", "back with her carers".
    # (Not family here: "the baby is inside with gran" can be the danger itself.)
    r"|(?:indoors|inside|back|home)\s+with\s+(?:us|(?:her\s+|his\s+|their\s+|the\s+)?(?:night\s+)?"
    r"(?:staff|(?:foster\s+)?carers?|police|nurses?|crisis\s+team|key\s*workers?))"
    rf"|{_HELPERS}(?:'s|\s+(?:has|have))\s+(?:seen|checked|treated|examined)\s+(?:him|her|them)"
    # Kept breathing is an outcome; "kept her talking" is a rescue still under way.
    r"|kept\s+(?:him|her|them)\s+(?:breathing|warm)"
    r"|coaxed\s+(?:him|her|them|(?:a|the|our)\s+\w+)\s+(?:back|down|in|off|inside|out))\b",
    _F,
)
# Whoever did the harm is held ("he's charged", "in a cell", "officers disarmed him"), or the
# person is now somewhere safe ("on the ward", "at her nan's", "back home safe"): the other
# two ways a handled crisis is told, beside a helper being there.
CONTAINED = re.compile(
    r"\b(?:(?:he|she|they|dad|mum|stepdad|partner|uncle)(?:'s|'re|\s+(?:is|was|were|are|has\s+been|"
    r"have\s+been|got))\s+(?:been\s+)?(?:arrested|charged|nicked|cuffed|remanded|sectioned|"
    r"detained)|in\s+(?:a|the)\s+cells?|locked\s+up|led\s+(?:him|her|them)\s+(?:off|out|away)|"
    r"carted\s+(?:him|her|them)\s+off|disarmed\s+(?:him|her|them)|"
    r"(?:both|all\s+(?:three|four|of\s+them))\s+(?:were\s+|got\s+|now\s+)?(?:nicked|arrested|"
    r"charged|cuffed|detained|in\s+custody)|(?:removed|cuffed|nicked|"
    r"arrested|charged)\s+(?:him|her|them)\b)"
    # A record is not a rescue: "he's been arrested before" says nothing of tonight.
    r"(?!\s+(?:before|previously|twice|in\s+the\s+past)(?:\s+(?:for|and|but|so)\b|\s*[,.;:!?]|\s*$))",
    _F,
)
IN_CARE = re.compile(
    r"\b(?:(?:is|are|'s|'re|now|stays?|staying)\s+(?:now\s+)?(?:on\s+(?:a|the)\s+(?:\w+\s+)?ward|"
    r"in\s+(?:a&e|hospital|theatre|resus)|at\s+(?:the\s+)?(?:place\s+of\s+safety|refuge|sarc|rvi)|"
    r"fostered|"
    r"with\s+(?:an?\s+)?(?:emergency\s+)?(?:carers?|family|foster\s+carers?))"
    r"|at\s+(?:her|his|their)\s+(?:nan|gran|aunt|auntie|sister|brother|grandparents|"
    r"grandma|grandad)(?:'s|s)\b|out\s+of\s+danger|"
    r"(?:is|are|'s|'re|got|back)\s+(?:safely\s+)?(?:back\s+)?home\s+(?:safe|now|safely))",
    _F,
)
# Someone stepped in and the danger ended, whoever they were ("a lad pulled her back", "his
# mates talked him down", "got the blade off him"): help told by what was done, not by who.
# Only rescue shapes: "grabbed her" alone is as often the harm as the help.
RESCUED = re.compile(
    r"\b(?:pulled|dragged|hauled|yanked|grabbed|lifted)\s+(?:him|her|them)\s+(?:back\b(?!\s+(?:inside|in\b|into|indoors|home|"
    r"to\s+(?:the\s+|his\s+|her\s+)?(?:house|flat|car|van|room)))|clear\b|"
    r"to\s+safety|off\s+the\s+(?:edge|ledge|rail|railings?|bridge|wall|track|line|roof|parapet))"
    r"|\btalked\s+(?:him|her|them)\s+(?:down|round|back|off\s+the|out\s+of\s+it)\b"
    r"|\b(?:got|took|grabbed|wrestled|prised|pried|snatched|wrenched)\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:knife|blade|pills|tablets|bottle|lighter|hammer|bat|gun|ligature|cord|razor|machete|keys)"
    r"\s+(?:off|away\s+from)\s+(?:him|her|them|(?:our|the|a|their)\s+\w+)\b"
    r"|\bcut\s+(?:him|her|them|(?:a|an|the|our|their)\s+(?:\w+\s+){0,2}?\w+)\s+down\b"
    r"|\b(?:pulled|hauled|fished|plucked|rescued|dragged)\s+(?:\S+\s+){1,3}?(?:out\s+of|from)\s+"
    r"(?:the\s+)?(?:sea|water|river|canal|lake|loch|harbour|dock|reservoir|quarry|fire|flames|"
    r"smoke|surf|waves|tide)\b|\b(?:was|were|been|got)\s+rescued\b"
    r"|\bsat\s+with\s+(?:him|her|them)\s+(?:till|until|while)\b|\bto\s+safety\b"
    # A rescue still under way, by whoever is there: "the postie's talking him down", "has him
    # pinned till police get here", "lifted the baby off him".
    r"|\b(?:is|'s|are|'re)\s+(?:talking|coaxing)\s+(?:him|her|them)\s+(?:down|round|back|in)\b"
    r"|\b(?:has|have|'s\s+got|got)\s+(?:him|her|them)\s+(?:pinned|held)\s+(?:down\s+)?"
    r"(?:till|until|for)\b"
    r"|\b(?:lifted|pulled|took|snatched|carried)\s+the\s+(?:baby|child|toddler|little\s+one|kids?)"
    r"\s+(?:off|away\s+from|out\s+of|clear\s+of)\b",
    _F,
)
# Emergency services there and acting now ("paramedics working on her", "police cuffing him
# now", "officers inside", "police walking in as we speak"): a crisis being handled at this
# moment, which "right now" alone would read as live. Never their absence ("no police yet").
_RESPONDERS = (
    r"(?:police|officers?|coppers|cops|paramedics?|ambulance\s+crews?|firefighters?|firemen|"
    r"fire\s+crews?|crisis\s+team)"
)
RESPONDERS_ACTING = re.compile(
    rf"\b{_RESPONDERS}(?:\s+(?:are|is|now))?(?:'re|'s)?\s+(?:now\s+)?(?:working\s+on|treating|"
    r"cuffing|arresting|restraining|holding|wrapping|walking\s+in|inside|on\s+scene|"
    r"at\s+the\s+scene|pulling\s+up|arriving|in\s+the\s+(?:room|house|flat|building)|"
    r"(?:have|has|'ve)\s+(?:got\s+)?hold\s+of|(?:have|has|'ve)\s+got\s+(?:him|her|them))\b"
    rf"|\b{_RESPONDERS}\s+(?:are\s+|is\s+)?(?:there|here)\s+now\b",
    _F,
)
# How it ended, told by the person's state: "paramedics say he'll live", "stable in A&E",
# "warming up on the children's ward", "kids all safe", "nobody hurt", "fire's out". Handled
# crises told in harsh words often carry only this, with no helper named.
SAFE_OUTCOME = re.compile(
    r"\b(?:(?:paramedics?|doctors?|nurses?|medics?|hospital|a&e|consultant|surgeons?|gp)\s+"
    r"(?:say|says|said|reckon|reckons|think|thinks)\s+(?:he|she|they|it)(?:'ll|\s+will)\s+"
    r"(?:live|survive|pull\s+through|be\s+(?:ok|okay|fine|alright|all\s+right))|"
    r"survived|pulled\s+through|out\s+of\s+(?:surgery|resus|intensive\s+care|icu)|"
    r"(?:now\s+)?stable\s+(?:in|on|at|and|now|overnight)|now\s+stable|"
    r"on\s+(?:a|the)\s+(?:children'?s\s+|paediatric\s+|\w+\s+)?ward|"
    # Never asked ("Is everyone safe?") or denied ("not everyone is safe").
    r"(?<!not\s)(?<!is\s)(?<!are\s)(?:all|everyone|everybody|kids|children|both)(?:'s|\s+(?:is|are|"
    r"were))?\s+(?:all\s+)?(?:safe|fine|ok|okay|calm|unhurt|accounted\s+for)(?!\s*\?)|"
    r"(?:nobody|no\s+one|no-one)(?:'s|\s+(?:was|is|got|were))?\s+(?:hurt|injured|harmed)|"
    r"(?:fire|flames)(?:'s|\s+(?:is|are|was|were))\s+out)\b",
    _F,
)
EMERGENCY = re.compile(
    r"\b(?:unconscious|unresponsive|floppy|not\s+breathing|overdos\w*|needles|bleeding|"
    r"blade|ligature|noose|on\s+the\s+(?:roof|bridge|ledge)|strangl\w*|choking)\b",
    _F,
)
PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")

CUES: dict[str, re.Pattern[str]] = {
    "self_harm": risk.SELF_HARM,
    "others_suicide": risk.OTHERS_SUICIDE,
    "threat": risk.THREAT,
    "missing": risk.MISSING,
    "exploitation": risk.EXPLOITATION,
    "harm": risk.HARM,
    "now": risk.NOW,
    "subject": risk.SUBJECT,
    "disclosure": risk.DISCLOSURE,
    "nowhere_safe": risk.NOWHERE_SAFE,
    "leadership": risk.LEADERSHIP,
    "past": risk.PAST,
    "first_person": risk.FIRST_PERSON,
    "handled": HANDLED,
    "past_event": PAST_EVENT,
    "strain": STRAIN,
    "stress_idiom": STRESS_IDIOM,
    "violence_at_thing": VIOLENCE_AT_THING,
    "request": REQUEST,
    "legal": LEGAL,
    "record": RECORD,
    "case_decision": CASE_DECISION,
    "prompt_probe": PROMPT_PROBE,
    "leader_question": LEADER_QUESTION,
    "placeholder": PLACEHOLDER,
    "negated_intent": NEGATED_INTENT,
    "own_intent": OWN_INTENT,
    "unhandled": UNHANDLED,
    "emergency": EMERGENCY,
    "help_present": HELP_PRESENT,
    "contained": CONTAINED,
    "in_care": IN_CARE,
    "rescued": RESCUED,
    "safe_outcome": SAFE_OUTCOME,
    "responders_acting": RESPONDERS_ACTING,
}
# Conjunctions a linear model cannot form by itself.
PAIRS: tuple[tuple[str, str], ...] = (
    ("harm", "now"),
    ("threat", "now"),
    ("threat", "subject"),
    ("missing", "exploitation"),
    ("self_harm", "first_person"),
    ("harm", "disclosure"),
    ("request", "legal"),
    ("request", "record"),
    ("request", "case_decision"),
    ("handled", "now"),
    ("strain", "first_person"),
    ("own_intent", "first_person"),
    ("emergency", "unhandled"),
    ("handled", "unhandled"),
    ("help_present", "unhandled"),
    ("help_present", "emergency"),
    ("contained", "unhandled"),
    ("in_care", "unhandled"),
    ("rescued", "unhandled"),
    ("safe_outcome", "unhandled"),
    ("responders_acting", "unhandled"),
)
FEATURE_NAMES: tuple[str, ...] = (
    *CUES,
    *(f"{a}&{b}" for a, b in PAIRS),
    "question_mark",
    "long",
)


def cue_flags(text: str) -> dict[str, bool]:
    """Which cue families the text contains, and more read by the gate on their own, not
    features of the model: `search_going` (part of `unhandled`), `handled_in_place`
    (`handled` but for a duty team named for its load), `says_own_intent`,
    `own_past_attempt` (app/gate/past_attempt.py: the writer's own attempt told as long
    past, which `says_own_intent` does not read), `only_past_attempt` (that, with no words
    of intent in the rest of the message), `got_away_again`, `help_missing`
    (`unhandled` but for its timing words and the writer asking what to do next),
    `attended` (app/gate/attended.py), `rescue_last_word` (a rescue with no turn to danger
    after it), `about_balcony` (app/gate/about_balcony.py),
    `own_plan` (app/gate/own_plan.py),
    `legal_part` (app/gate/legal_part.py: the law named, for the reply's legal pointer),
    `work_absence` (app/gate/work_absence.py, with no words of intent beside the absence),
    `others_try_again` and `others_intent` (app/gate/stated_intent.py),
    `record_ask` (app/gate/record_ask.py), `prompt_ask` (app/gate/prompt_ask.py),
    `thing_fate` (app/gate/thing_idiom.py), `low_mood` (app/gate/low_mood.py),
    `law_ask` and `law_disclaimed` (app/gate/law_ask.py), `decision_ask` and `case_named`
    (app/gate/decision_ask.py),
    `past_worker_harm` (app/gate/past_harm.py),
    `someone_else` (anyone but the writer is mentioned), `danger_quoted_only` (the message
    quotes someone, and the writer's own words hold no word of danger:
    app/gate/quoted_words.py), `training_quoted` (that, and the writer names the quote as
    training material), `missing_unreported` (app/gate/left_unreported.py),
    `veiled_threat` (app/gate/veiled_threat.py), `only_adults_aged` (every age stated
    is 18 or more: app/gate/stated_age.py), `only_adults_named` (a colleague named by role,
    no age and no child), `adult_partner` (a child of 15 or under with an adult partner),
    and `method_research`, `own_method_research` and `young_method_research`,
    `others_means_at_hand` and `young_means_at_hand` (app/gate/method_research.py)."""
    written = as_written(text)
    flags = {name: bool(pattern.search(written)) for name, pattern in CUES.items()}
    flags["search_going"] = flags["unhandled"] and bool(
        SEARCH_GOING.search(MISSING_WORK.sub(" ", written))
    )
    recent = without_past_attempts(written)
    flags["own_past_attempt"] = recent != written
    # Told with nothing of intent now in the rest of the message.
    flags["only_past_attempt"] = flags["own_past_attempt"] and not _intent_beside(recent)
    flags["says_own_intent"] = bool(SAYS_OWN_INTENT.search(recent))
    flags["handled_in_place"] = bool(HANDLED.search(DUTY_UNDER_STRAIN.sub(" ", written)))
    flags["got_away_again"] = bool(GOT_AWAY_AGAIN.search(written) and NOT_FOUND.search(written))
    flags["help_missing"] = flags["unhandled"] and bool(
        HELP_MISSING.search(_NEXT_STEP_ASKED.sub(" ", written))
    )
    flags["attended"] = crisis_attended(written)
    rescues = [*RESCUED.finditer(written), *RESPONDERS_ACTING.finditer(written)]
    flags["rescue_last_word"] = help_is_last_word(rescues, written)
    flags["about_balcony"] = asks_about_balcony(written)
    flags["about_use"] = asks_how_to_use_balcony(written)
    flags["own_plan"] = tells_own_plan(written)
    flags["legal_part"] = names_the_law(written)
    flags["others_try_again"] = says_they_will_try_again(written)
    flags["others_intent"] = says_they_will_end_their_life(written)
    flags["record_ask"] = asks_for_a_record(written)
    flags["prompt_ask"] = asks_for_the_instructions(written)
    flags["thing_fate"] = wishes_a_thing_harm(written)
    flags["taken_back"] = takes_it_back(written)
    flags["low_mood"] = tells_low_mood(written)
    flags["law_ask"] = asks_the_law(written)
    flags["law_disclaimed"] = disclaims_the_law(written)
    flags["decision_ask"] = asks_for_a_decision(written)
    flags["decision_disclaimed"] = disclaims_a_decision(written)
    flags["case_named"] = names_a_case(written)
    flags["past_worker_harm"] = past_harm_to_a_worker(written)
    flags["work_absence"] = absence_for_work(written) and not _intent_beside(
        without_absences(written)
    )
    flags["someone_else"] = bool(risk.SOMEONE_ELSE.search(written))
    flags["danger_quoted_only"] = danger_only_in_quoted_words(written)
    # Read only where the danger is in quoted words: most messages quote nothing.
    flags["training_quoted"] = flags["danger_quoted_only"] and quotes_training_material(written)
    flags["missing_unreported"] = missing_and_unreported(written)
    flags["police_not_called"] = police_not_called(written)
    flags["veiled_threat"] = says_a_veiled_threat(written)
    flags["only_adults_aged"] = only_adults_aged(written)
    flags["only_adults_named"] = only_adults_named(written)
    flags["adult_partner"] = child_with_adult_partner(written)
    researching = who_is_researching(written)
    flags["method_research"] = researching is not None
    flags["own_method_research"] = researching == "own"
    flags["young_method_research"] = researching == "young"
    holding = whose_means_at_hand(written)
    flags["others_means_at_hand"] = holding is not None
    flags["young_means_at_hand"] = holding == "young"
    return flags


def _intent_beside(rest: str) -> bool:
    """Words of intent to die or self-harm, in a message with its work absences taken out."""
    return any(
        p.search(rest) for p in (risk.SELF_HARM, OWN_INTENT, SAYS_OWN_INTENT, risk.OTHERS_SUICIDE)
    )


def cue_features(text: str, flags: dict[str, bool] | None = None) -> npt.NDArray[np.float32]:
    """The cue part of the gate's input, in FEATURE_NAMES order (0 or 1 each); `flags`, the
    text's cue_flags when the caller has them already, spares reading it twice."""
    flags = cue_flags(text) if flags is None else flags
    values = [float(flags[name]) for name in CUES]
    values += [float(flags[a] and flags[b]) for a, b in PAIRS]
    values += [float("?" in text), float(len(text.split()) > 40)]
    return np.asarray(values, dtype=np.float32)
