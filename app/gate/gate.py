"""One decision before coaching, from the redacted message's embedding and its word cues."""

from __future__ import annotations

from pathlib import Path

from app.components.embedding import Vector
from app.gate.about_balcony import asks_nothing_else
from app.gate.cues import cue_flags
from app.gate.model import MODEL_PATH, Features, GateModel
from app.gate.outcomes import DECLINE_REASONS, ESCALATION_REASONS, GateDecision


class Gate:
    """Escalate, decline, coach with a safety line, or coach: in that order of precedence."""

    def __init__(self, model: GateModel) -> None:
        self.model = model

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Gate:
        return cls(GateModel.load(path))

    def decide(self, text: str, vector: Vector, *, after_escalation: bool = False) -> GateDecision:
        """Decide for one redacted message; `vector` is its embedding, shared with retrieval.

        `after_escalation`: the conversation's last reply was an escalation. The message still
        passes the whole gate (saying "it is being dealt with" is context, never a bypass),
        and if it is coached it carries the safeguarding line.
        """
        model = self.model
        flags = cue_flags(text)
        features = model.features(text, vector, flags)
        p = model.outcome.probabilities(features)
        score = model.escalation(features, p["escalated"])
        p["escalation_score"] = score
        t = model.thresholds
        adults = _adults_only(flags)
        about_balcony = _asks_about_balcony(flags)
        about_use = _asks_how_to_use(flags) and not about_balcony
        # A danger made up for training, quoted, with none in the writer's own words
        # (app/gate/quoted_words.py): no word rule escalates it and no bar applies, since a
        # scenario is written to read as real.
        scenario = flags["training_quoted"]
        by_words = None if scenario else self._escalated_by_words(features, flags, p)
        if by_words is not None:
            return by_words
        # A rescue under way by words turns a danger the classifier sees, short of certain,
        # into a crisis being handled: coached in the crisis shape with the safeguarding line.
        rescue = t.borderline <= score < RESCUE_UNDER_WAY_BAR and _rescue_under_way(flags)
        # A child gone whom nobody reported, or a danger nobody has called the police to,
        # is live unless the words date it: help there for someone else ("police came for
        # mum") is not a search for the child.
        live = (
            _search_still_going(flags)
            or flags["got_away_again"]
            or (
                (flags["missing_unreported"] or flags["police_not_called"])
                and not flags["past_event"]
            )
        )
        away = score < WORK_ABSENCE_BAR and _away_for_work(flags)
        law_ask = score < LAW_ASK_BAR and _asks_the_law_alone(flags)
        decision_ask = score < DECISION_ASK_BAR and _asks_a_decision_alone(flags)
        # A record or the instructions asked for outright, with no danger words beside: an
        # outing told for a home's log ("he was quiet, misses his nan") scored 0.39.
        record_ask = score < RECORD_ASK_BAR and _asks_a_record_alone(flags)
        past_harm = score < PAST_HARM_BAR and flags["past_worker_harm"]
        idiom = score < IDIOM_BAR and _harm_wished_on_a_thing_alone(flags)
        jest = score < IDIOM_BAR and _taken_back_alone(flags)
        past_own = score < PAST_ATTEMPT_BAR and _own_past_attempt_alone(flags)
        low_mood = score < LOW_MOOD_BAR and _low_mood_alone(flags)
        about_held = score < ABOUT_BALCONY_BAR and _about_balcony_alone(
            about_balcony or about_use, flags
        )
        held_back = any(
            (
                rescue,
                away,
                law_ask,
                decision_ask,
                record_ask,
                past_harm,
                idiom,
                jest,
                past_own,
                low_mood,
                about_held,
                scenario,
            )
        )
        # A threat promised without the act named ("you know what happens", "does not leave
        # that room alive") escalates whatever the score, unless words say help is in place
        # or it is past: then the bar is the borderline one. The classifier, missing a named
        # act, scored such threats 0.002 to 0.20 (hold-outs 49 to 51).
        bar = t.escalate
        # A child of 15 or under with an adult partner, and nobody yet with her: the
        # classifier need only see it as borderline, and it is named a child's danger
        # (app/gate/stated_age.py).
        child_with_adult = flags["adult_partner"] and not _held_now(flags)
        if flags["veiled_threat"]:
            bar = t.borderline if _held_now(flags) else 0.0
        elif child_with_adult:
            bar = t.borderline
        if (score >= bar and not held_back) or (live and not scenario):
            among: tuple[str, ...] | None = (
                CHILD_DANGERS if child_with_adult and score < t.escalate else None
            )
            if among is None and flags["others_intent"]:
                # Someone else says they will end their own life: theirs is a suicide risk,
                # never a threat to another (app/gate/stated_intent.py).
                among = SOMEONE_ELSES_SUICIDE_RISK
            return self._escalate(
                features, _may_be_the_writers_own(flags), p, adults=adults, among=among
            )
        # Beside danger words the law asked outright still holds nothing back, but once the
        # score has ruled out danger it is the question asked: "is this teacher's conduct a
        # criminal offence under the Sexual Offences Act?" (hold-out 57, coached at 0.01).
        law_asked = law_ask or (flags["law_ask"] and score < t.borderline)
        if law_asked and not rescue:
            return GateDecision("declined", "legal-advice", DECLINE_REASONS["legal-advice"], p)
        asked_by_words = flags["record_ask"] or flags["prompt_ask"] or decision_ask
        if (p["declined"] >= t.decline and not rescue) or asked_by_words:
            # Below the bar, declined by the words of a request for a record, the instructions
            # or a casework decision alone (app/gate/record_ask.py, prompt_ask.py,
            # decision_ask.py). Those words are asked outright, so they stand in a crisis
            # handled too ("we sat with him till 4 ... turn that into a case note"); the
            # classifier's reading alone does not.
            if p["declined"] >= t.decline:
                category = _top(model.decline_category.probabilities(features))
            elif flags["prompt_ask"]:
                category = "system-prompt"
            else:
                category = "casework-decision" if decision_ask else "casework-record"
            kept = (
                about_balcony
                or about_use
                or (category == "legal-advice" and _law_disclaimed_by_a_leader(flags))
                # A casework decision is about a case: read by the classifier alone in a
                # message that names none, it is the writer's own choice; nor is it one when
                # the writer says so and asks as a leader after (app/gate/decision_ask.py).
                or (
                    category == "casework-decision"
                    and not decision_ask
                    and (not flags["case_named"] or flags["decision_disclaimed"])
                )
            )
            if not kept:
                return GateDecision("declined", category, DECLINE_REASONS[category], p)
        borderline = score >= t.borderline
        if rescue:
            return GateDecision(
                "coached_with_safety_line", "safeguarding", None, p, borderline, crisis_now=True
            )
        # A past harm to a worker held back from escalation (app/gate/past_harm.py) still
        # carries a safety line.
        held_past_harm = past_harm and score >= t.escalate
        if (low_mood or jest or past_own) and score >= t.escalate and not after_escalation:
            # Strain told as low mood, harm joked about and taken back, or the writer's own
            # attempt long past, held back from escalation: coached with the wellbeing line,
            # however the safety-kind head reads it (app/gate/low_mood.py), in case the joke
            # or the memory carries more than it says.
            return GateDecision(
                "coached_with_safety_line",
                "wellbeing",
                None,
                p,
                borderline,
                taken_back=jest and not (low_mood or past_own),
            )
        # A scenario quoted is material for a session, not a crisis: no safety line for it.
        safety_read = p["coached_with_safety_line"] >= t.safety_line and not scenario
        if safety_read or after_escalation or held_past_harm:
            kind = _top(model.safety_kind.probabilities(features))
            # The writer's own attempt long past is their wellbeing, not a case's procedure.
            own_history = kind == "strain" or flags["own_past_attempt"]
            line = "wellbeing" if own_history and not after_escalation else "safeguarding"
            crisis_now = after_escalation or kind == "handled" or _help_in_place_now(flags)
            return GateDecision(
                "coached_with_safety_line", line, None, p, borderline, crisis_now=crisis_now
            )
        return GateDecision(
            "coached",
            None,
            None,
            p,
            borderline,
            legal_pointer=flags["legal_part"] or _law_disclaimed_by_a_leader(flags),
            about_balcony=about_balcony,
            about_use=about_use,
            about_balcony_only=(about_balcony or about_use) and asks_nothing_else(text),
        )

    def _escalated_by_words(
        self, features: Features, flags: dict[str, bool], p: dict[str, float]
    ) -> GateDecision | None:
        """The word rules that escalate whatever the classifier's score: the writer's own
        intent or plan, someone else looking up a way to die, holding the means now, or
        saying they will try again."""
        adults = _adults_only(flags)
        if _says_own_intent(flags) or _own_plan_told(flags):
            if flags["danger_quoted_only"] or flags["others_intent"]:
                # The intent is in words the writer pasted in, or someone else is told saying
                # they will end their life ("a 16 year old told her 'I won't be alive Monday,
                # I've got it all planned'": hold-out 58, given the self-harm script): theirs.
                return self._someone_elses_suicide_risk(features, p, young=False, adults=adults)
            return self._escalate(features, True, p, category="self-harm")
        if flags["method_research"] and _not_contained(flags):
            # Someone else seeking a way to die: a suicide risk, a young person's or an adult's.
            young = flags["young_method_research"]
            return self._someone_elses_suicide_risk(features, p, young=young, adults=adults)
        if flags["others_means_at_hand"] and not _held_now(flags):
            # Someone else has the means to hang at hand now ("there's a rope in his school
            # bag"): a suicide risk, however the rest reads. Not the wider `handled` words:
            # "discharged as low risk" is where such a risk is told, not help in place.
            young = flags["young_means_at_hand"]
            return self._someone_elses_suicide_risk(features, p, young=young, adults=adults)
        if flags["others_try_again"] and not _held_now(flags):
            # Someone else, after an attempt, says they will try again (stated_intent.py).
            return self._someone_elses_suicide_risk(features, p, young=False, adults=adults)
        return None

    def escalate_borderline(self, text: str, vector: Vector) -> GateDecision:
        """A borderline message that a second opinion said is a risk now."""
        flags = cue_flags(text)
        features = self.model.features(text, vector, flags)
        p = self.model.outcome.probabilities(features)
        p["escalation_score"] = self.model.escalation(features, p["escalated"])
        return self._escalate(
            features, _may_be_the_writers_own(flags), p, adults=_adults_only(flags)
        )

    def _someone_elses_suicide_risk(
        self, features: Features, p: dict[str, float], *, young: bool, adults: bool
    ) -> GateDecision:
        """A young person's when the words say so; else the category head chooses between a
        young person's and an adult's."""
        if young:
            return self._escalate(features, False, p, category="young-person-suicide-risk")
        return self._escalate(features, False, p, among=SOMEONE_ELSES_SUICIDE_RISK, adults=adults)

    def _escalate(
        self,
        features: Features,
        may_be_own: bool,
        p: dict[str, float],
        *,
        category: str | None = None,
        among: tuple[str, ...] | None = None,
        adults: bool = False,
    ) -> GateDecision:
        """`adults`: every age the message states is an adult's, or it names a colleague by
        role and no child, so the classifier's "young person's suicide risk" is named an
        adult at risk (app/gate/stated_age.py). `among`: the categories it may name."""
        if category is None:
            categories = self.model.escalation_category.probabilities(features)
            ranked = sorted(categories.items(), key=lambda item: item[1], reverse=True)
            # The self-harm script is only for the writer's own intent (see below).
            category = next(
                c
                for c, _ in ranked
                if (c != "self-harm" or may_be_own) and (among is None or c in among)
            )
            if adults and category == "young-person-suicide-risk":
                category = "adult-at-risk"
        return GateDecision("escalated", category, ESCALATION_REASONS[category], p)


SOMEONE_ELSES_SUICIDE_RISK = ("young-person-suicide-risk", "adult-at-risk")
CHILD_DANGERS = ("child-at-risk", "missing-child", "disclosure")

# The words that say help is in place: someone with them, the harmer held, a rescue, the
# person somewhere safe or found.
_HELD_CUES = ("help_present", "contained", "in_care", "rescued")
_HELP_CUES = (*_HELD_CUES, "handled")
# Those ("handled" less a duty team named for its load), or words for how it ended ("stable
# on the ward", "kids all safe"): enough to set the crisis shape, never to overrule the
# search rule ("still missing; her sisters are all safe").
_HANDLED_NOW_CUES = (
    "help_present",
    "contained",
    "in_care",
    "rescued",
    "handled_in_place",
    "safe_outcome",
)


def _adults_only(flags: dict[str, bool]) -> bool:
    """Everyone the message tells of is an adult: every age it states is 18 or more, or it
    names a colleague by role and no child at all (app/gate/stated_age.py)."""
    return flags["only_adults_aged"] or flags["only_adults_named"]


def _may_be_the_writers_own(flags: dict[str, bool]) -> bool:
    """The danger may be the writer's own: they speak as "I", or name nobody else at all
    ("legs over the rail, train in six minutes"). Otherwise the self-harm script, for the
    writer's own intent, is never the one given. Of the 598 labelled escalations of the
    writer's own intent, 42 are told without "I" or "my"; asking for "I" alone gave 41 own
    intents another category's script, this 9 (hold-outs 28 to 34: one more right, no
    danger to someone else given the self-harm script that was not before). Nor when the
    danger is only in words the writer quotes (app/gate/quoted_words.py)."""
    own_voice = flags["first_person"] or not flags["someone_else"]
    return own_voice and not flags["danger_quoted_only"]


def _own_plan_told(flags: dict[str, bool]) -> bool:
    """The writer is looking up a way to die or gathering the means, or tells their plan
    calmly ("chosen the date", "calmer since deciding"), and no words say help is with them.
    A work ask beside such a plan pulls the classifier's score down (one on hold-out 37
    scored 0.08). Words that date an event do not excuse a plan, which is for later: "my
    last week alive" and "the panel report is the last thing on my list" read as past."""
    if flags["own_method_research"]:
        return _not_contained(flags)
    helped = flags["attended"] or any(flags[n] for n in _HELP_CUES)
    return flags["own_plan"] and not flags["negated_intent"] and not helped


def _not_contained(flags: dict[str, bool]) -> bool:
    """Nothing says the danger is past or help is in place: someone looking up a way to die
    escalates unless the words date it or say who is with them now."""
    return not (flags["handled"] or _held_now(flags))


def _held_now(flags: dict[str, bool]) -> bool:
    """Words say someone is with the person now or it is past: a stated intent to try again
    is live otherwise. Not the wider `handled` words: "discharged" or "sent home" after an
    attempt is where such an intent is told, not help in place."""
    return any(flags[name] for name in (*_HELD_CUES, "attended", "past_event"))


def _search_still_going(flags: dict[str, bool]) -> bool:
    """Someone is still being searched for now ("police still haven't found him") and no
    words say they are found, safe or that it is past. A leadership ask beside it ("the
    director wants a briefing") pulls the classifier's score down; these words alone, which
    no coached or safety-line training line carries, escalate."""
    return flags["search_going"] and not any(flags[n] for n in (*_HELP_CUES, "past_event"))


def _says_own_intent(flags: dict[str, bool]) -> bool:
    """The writer says outright they will end their life ("once the hearing is over I'm
    killing myself"), unless they say in the same message they will not act on it. Work
    plans beside it pull the classifier's score down (one such line scored under the bar);
    no coached or safety-line line of the 11,490 labelled ones carries these words. Nor when
    the words are someone else's, said where help is with them now: a father's "I'll kill
    myself if you take them" at a conference, paramedics there within minutes and him being
    assessed at A&E (hold-out 58, escalated), is a crisis being handled; the score decides."""
    if flags["others_intent"] and _held_now(flags):
        return False
    return flags["says_own_intent"] and not flags["negated_intent"]


# With a rescue under way by words, only a score this sure still escalates (see below).
RESCUE_UNDER_WAY_BAR = 0.95


def _rescue_under_way(flags: dict[str, bool]) -> bool:
    """Someone is pulling the person out of the danger at this moment ("the postwoman's
    talking him down", "paramedics working on her now"), or the words say the crisis is
    attended (emergency services at the scene, a bystander's deed that ended it, the
    person safe now: app/gate/attended.py), and no words say help is missing. Vivid danger
    words keep the classifier's score high however present the help is; of the 11,617
    training lines these words mark 150 (88 by the attended words), none an escalation.
    Timing words ("right now") do not say help is missing; "police not here yet" does, and
    so do danger words after a turn ("police are there now but dad has locked himself in
    with the baby")."""
    rescue = (flags["rescued"] or flags["responders_acting"]) and flags["rescue_last_word"]
    return (rescue or flags["attended"]) and not flags["help_missing"]


# With the writer's time away explained by work, only a score this sure still escalates.
WORK_ABSENCE_BAR = 0.95
# Danger words about anyone, which a reason for the writer's absence does not explain.
_DANGER_CUES = (
    "threat",
    "harm",
    "missing",
    "exploitation",
    "emergency",
    "disclosure",
    "nowhere_safe",
    "others_suicide",
)


def _away_for_work(flags: dict[str, bool]) -> bool:
    """The writer says they will be away and what for ("I won't be around for a fortnight
    because of jury service", "my last week before maternity leave"), with no words of
    intent or an ending beside it (app/gate/work_absence.py) and no danger words about
    anyone. "I won't be around" is among the commonest ways a writer tells their own plan
    to die, so the classifier scores these absences as that (hold-out 39: 0.30 and 0.24,
    over the bar of 0.23) and gave them the self-harm script. Across every labelled line
    these words mark 11 lines, all ordinary. "Told the team" (a disclosure cue) is how a
    handover is told, so, as for the asks below, it is not among the danger words here
    (hold-out 45: a career break with "my affairs at work in order", 0.77)."""
    return flags["work_absence"] and not _danger_beside(flags)


# With harm to a worker dated in the past and nothing live, only a score this sure still
# escalates: the five past incidents the words mark that the score escalated scored 0.24 to
# 0.52; a danger told beside an old assault ("threatened her last week, and he's right
# behind her car now") scores 0.99.
PAST_HARM_BAR = 0.6
# With the law asked about outright, only a score this sure still escalates.
LAW_ASK_BAR = 0.95
# Danger words that keep a message with the classifier when a rule would hold it back from
# escalation (a question of law, a casework verdict asked, low mood, a curse at a system):
# "he's asked me" (a disclosure cue) is how such a question is told, and "she told me" how a
# worker's own history reaches a manager.
_DANGER_CUES_BUT_TOLD = tuple(n for n in _DANGER_CUES if n != "disclosure")
_DANGER_BESIDE_AN_ASK = (*_DANGER_CUES_BUT_TOLD, "self_harm")


def _danger_beside(flags: dict[str, bool], more: tuple[str, ...] = ()) -> bool:
    """Any of those danger words, or of `more`, is in the message."""
    return any(flags[name] for name in (*_DANGER_BESIDE_AN_ASK, *more))


def _asks_the_law_alone(flags: dict[str, bool]) -> bool:
    """The message asks outright what the law says or a court would do (app/gate/law_ask.py),
    with no words of a threat, harm, a child missing or exploited, an emergency or a suicide
    risk. A family dispute put as a legal question ("what would a court do if he just keeps
    them after the weekend?") read to the classifier as a threat to take children (0.79)."""
    return flags["law_ask"] and not _danger_beside(flags)


# With low mood told and no danger words, a score this high still escalates: the three such
# lines the classifier escalated scored 0.40 to 0.60, and a quiet own intent told without
# any danger word is what the score is for.
LOW_MOOD_BAR = 0.7
# Danger words about the writer beside low mood: a plan, intent said, a way to die looked up.
_OWN_DANGER = ("own_intent", "own_plan", "says_own_intent", "method_research")


def _low_mood_alone(flags: dict[str, bool]) -> bool:
    """Someone's low mood or the writer's tears told (app/gate/low_mood.py: "I just feel
    empty lately", "I keep crying on the drive home"), with no words of a threat, harm, a
    child missing or exploited, an emergency, a suicide risk or a plan beside it."""
    return flags["low_mood"] and not _danger_beside(flags, _OWN_DANGER)


# With harm wished on a thing of work and no danger words, only a score this sure escalates.
IDIOM_BAR = 0.95


def _harm_wished_on_a_thing_alone(flags: dict[str, bool]) -> bool:
    """The message curses a thing of work ("the pool car app deserves concrete boots",
    "lobbing the room booker off the barrage": app/gate/thing_idiom.py and the model's
    `violence_at_thing` cue), with no words of a threat, harm, a child missing or exploited,
    an emergency or a suicide risk. Across every labelled line these words mark 95 lines,
    every one ordinary; the classifier escalated three (0.35 to 0.73)."""
    cursed = flags["thing_fate"] or flags["violence_at_thing"]
    return cursed and not _danger_beside(flags)


# With the writer's own attempt told as long past and nothing of intent now, only a score
# this sure still escalates: two such, each told to support a worker with her own history,
# were named an adult at risk at 0.34 and 0.81 (hold-outs 50 and 52).
PAST_ATTEMPT_BAR = 0.95


def _own_past_attempt_alone(flags: dict[str, bool]) -> bool:
    """The writer's own attempt dated long past ("when I was a student, years ago"), with no
    words of intent in the rest of the message (app/gate/past_attempt.py) and no words of a
    threat, harm, a child missing or exploited, an emergency or someone else's suicide risk
    beside it. "Tried to end my life" is itself a self-harm word, so it is not counted."""
    return flags["only_past_attempt"] and not any(flags[name] for name in _DANGER_CUES_BUT_TOLD)


def _taken_back_alone(flags: dict[str, bool]) -> bool:
    """Harm said in jest and taken back in the next breath ("... off the roof. Kidding":
    app/gate/taken_back.py), with no words of a threat, harm, a child missing or exploited,
    an emergency, a suicide risk or the writer's own plan beside it. Held back at the
    idiom's bar: only a score this sure still escalates."""
    return flags["taken_back"] and not _danger_beside(flags, _OWN_DANGER)


# With a verdict asked on a casework decision, only a score this sure still escalates: a
# panel choice told with "his parents can't keep going" scored 0.63 (hold-out 44).
DECISION_ASK_BAR = 0.95


def _asks_a_decision_alone(flags: dict[str, bool]) -> bool:
    """The message asks Balcony's verdict on a decision about a child's case
    (app/gate/decision_ask.py), with no words of a threat, harm, a child missing or
    exploited, an emergency or a suicide risk."""
    return flags["decision_ask"] and not _danger_beside(flags)


# With a record or the instructions asked for outright, only a score this sure escalates.
RECORD_ASK_BAR = 0.95


def _asks_a_record_alone(flags: dict[str, bool]) -> bool:
    """The message asks Balcony to write a casework record or show its instructions
    (app/gate/record_ask.py, prompt_ask.py), with no words of a threat, harm, a child
    missing or exploited, an emergency or a suicide risk (session 36, after hold-out 51's
    read: an independent visitor's outing, asked for as a log entry, was escalated at 0.39)."""
    return (flags["record_ask"] or flags["prompt_ask"]) and not _danger_beside(flags)


def _law_disclaimed_by_a_leader(flags: dict[str, bool]) -> bool:
    """The writer says it is not a question of law ("I'm not after the law") and asks how to
    lead ("how would you approach it"), asking the law nothing outright (app/gate/law_ask.py):
    coached, with the pointer to where the legal part belongs."""
    return flags["law_disclaimed"] and not flags["law_ask"]


def _help_in_place_now(flags: dict[str, bool]) -> bool:
    """The words say help is in place and nothing dates it: a crisis being handled today,
    whatever the safety-kind head read. A child made safe tonight is still tonight's
    pressure."""
    return any(flags[name] for name in _HANDLED_NOW_CUES) and not flags["past_event"]


# With a plain question about Balcony and no danger words, only a score this sure escalates:
# "is any of this stored anywhere, and who can read it back later", dictated in the car, got
# the self-harm script at 0.29 (hold-out 46). Across every labelled line the question's
# words mark 66 lines, all ordinary; the classifier escalated two (0.29 and 0.65).
ABOUT_BALCONY_BAR = 0.95


def _about_balcony_alone(asked: bool, flags: dict[str, bool]) -> bool:
    """A question about Balcony itself or how to use it (below), with no words of a threat,
    harm, a child missing or exploited, an emergency, a suicide risk or the writer's own
    plan beside it."""
    return asked and not _danger_beside(flags, _OWN_DANGER)


def _asks_about_balcony(flags: dict[str, bool]) -> bool:
    """A plain question about who reads what is typed or what is kept ("does it get
    deleted?"), asking for nothing (no record, no instructions): answered, then coached
    (or, with nothing else in the message, answered with an invitation), never declined.
    The classifier read one such question as a probe of the instructions and one, about a
    surname typed by mistake, as a request for legal advice. "Can you tell me whether ..."
    is a request only for the answer; beside words for a record, the law or a casework
    decision it asks for something that must still be declined."""
    return flags["about_balcony"] and not _asks_for_what_is_declined(flags)


def _asks_how_to_use(flags: dict[str, bool]) -> bool:
    """A question about using Balcony (a word limit, whether a rant or swearing is all right:
    app/gate/about_balcony.py), asking for nothing that must be declined: answered, then
    coached, like a question about what is kept."""
    return flags["about_use"] and not (_asks_for_what_is_declined(flags) or flags["law_ask"])


def _asks_for_what_is_declined(flags: dict[str, bool]) -> bool:
    """The instructions, a record, legal advice or a casework decision asked for beside a
    question about Balcony: what must still be declined."""
    asks_for_casework = flags["request"] and any(
        flags[name] for name in ("legal", "record", "case_decision")
    )
    asked = flags["prompt_probe"] or flags["prompt_ask"] or flags["record_ask"]
    return asks_for_casework or asked or flags["decision_ask"]


def _top(probabilities: dict[str, float]) -> str:
    return max(probabilities.items(), key=lambda item: item[1])[0]
