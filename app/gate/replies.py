"""What the gate says instead of coaching, and the one calm line that goes with coaching."""

from __future__ import annotations

from typing import Protocol

from app.gate.outcomes import GateDecision

CARRY_ON = (
    "If this is already being dealt with (the police or the duty team are involved and everyone "
    "is safe for now), tell me that, and we can think together about what comes next for you "
    "and your team."
)


class Contacts(Protocol):
    """The council's own contacts: SafeguardingSettings carries them."""

    @property
    def procedure(self) -> str: ...
    @property
    def duty_manager(self) -> str: ...
    @property
    def out_of_hours(self) -> str: ...
    @property
    def employee_assistance(self) -> str: ...
    @property
    def procedure_url(self) -> str | None: ...


def _procedure(contacts: Contacts) -> str:
    if contacts.procedure_url:
        return f"{contacts.procedure} ({contacts.procedure_url})"
    return contacts.procedure


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# The first sentence of each escalation, in the words of its category.
_OPENINGS: dict[str, str] = {
    "threat-to-harm": "A threat to harm someone, made now, needs action now, not coaching.",
    "child-at-risk": "What you describe sounds like a child at risk of harm now, which needs "
    "action now, not coaching.",
    "domestic-abuse": "Domestic abuse happening now, with children there, needs action now, not "
    "coaching.",
    "missing-child": "A missing child who may be with someone exploiting them needs action now, "
    "not coaching.",
    "disclosure": "A child who has disclosed harm must not be left to go back to it: this needs "
    "action now, not coaching.",
    "young-person-suicide-risk": "A young person who may harm themselves or end their life needs "
    "help now, not coaching.",
    "adult-at-risk": "What you describe sounds like an adult at risk of serious harm now, which "
    "needs action now, not coaching.",
}


def escalation_reply(decision: GateDecision, contacts: Contacts) -> str:
    """The short, calm reply that replaces coaching, fitted to the category."""
    if decision.category == "self-harm":
        return (
            "Thank you for telling me. What you have written matters more than any coaching, so I "
            "am going to stop here. If you might act on these thoughts now, call 999 or go to A&E. "
            "You can talk to Samaritans at any time on 116 123: it is free and open 24 hours. "
            f"{_capital(contacts.employee_assistance)} is there for you too. Please do not stay "
            "alone with this: ask someone you trust to be with you now."
        )
    opening = _OPENINGS.get(decision.category or "", _OPENINGS["child-at-risk"])
    return (
        f"{opening} If anyone is in immediate danger, call 999. Then follow "
        f"{_procedure(contacts)}: speak to {contacts.duty_manager} now, or out of hours to "
        f"{contacts.out_of_hours}. Record what you know and what you did.\n\n{CARRY_ON}"
    )


# What Balcony is and what it keeps: the answer to a plain question about it, and part of
# the decline for the instructions.
ABOUT_BALCONY = (
    "I'm Balcony, an automated coach, not a person. What you type is stored with the names and "
    "personal details I recognise taken out, and you can delete the conversation at any time."
)
INVITATION = (
    "I'm here to help you think through a leadership dilemma in children's services: tell me "
    "what is happening, using roles rather than names."
)


def about_balcony(retention_days: int, sends_to_model: bool) -> str:
    """A plain question about Balcony answered in full: what is kept, for how long, who can
    read it, and where the words go (README, "Erasure" and "Whose conversation it is")."""
    kept = (
        f"it is deleted after {retention_days} days untouched"
        if retention_days
        else "it is kept until you delete it"
    )
    written = (
        "To write each reply, your message, with those details taken out, is sent to the "
        "language model your council has set up."
        if sends_to_model
        else "Replies are written on the council's own server; nothing goes to an outside model."
    )
    return (
        f"{ABOUT_BALCONY} Otherwise {kept}.\n\nNo one at the council reads it through Balcony: "
        "it opens again only with its reference, which stays with you in this browser tab, "
        "and facilitators see weekly counts of tools and outcomes, never your words. As with "
        f"any council system, the people who run the server could reach what is stored. {written}"
    )


def how_to_use(max_message_chars: int) -> str:
    """A question about using Balcony answered plainly: anything goes in how it is written,
    and how long a message may be."""
    return (
        "Write it however it comes: a rant, swearing, typos, half sentences. You don't need to "
        "be polite or tidy, and I won't judge it; I'll listen for the question underneath. A "
        f"message can be up to {max_message_chars:,} characters; if there's more, send it in "
        "parts and I'll keep the thread."
    )


def decline_reply(decision: GateDecision, contacts: Contacts) -> str:
    """Said kindly, with where to go instead, and what Balcony can help with."""
    if decision.category == "legal-advice":
        return (
            "I can't give legal advice: whether the law allows something, or whether a threshold "
            "is met, is a question for your council's legal team, through your manager or a "
            "legal planning meeting. If it is about your own family rather than a case, a family "
            "law solicitor or Citizens Advice is the place to ask. What I can help with is the "
            "leadership around it: how you hold the uncertainty while you wait, or how you bring "
            "your team and partners with you. Tell me about that side, if it would help."
        )
    if decision.category == "casework-record":
        return (
            "I can't write casework records: chronologies, assessments, plans and statements "
            "need the judgement and knowledge of the people who hold the case, and personal "
            "details do not belong here. I can help you think about the leadership side, such as "
            "how your team keeps records up to date under pressure, or how you make time to "
            "reflect before writing."
        )
    if decision.category == "casework-decision":
        return (
            "That decision is not mine to make: it belongs with you, your manager and "
            f"{_procedure(contacts)} (a legal planning meeting, panel or supervision). What I can "
            "do is help you think about how you are approaching it: what is pulling you each "
            "way, whose voices you have heard, and what you would need to feel sure."
        )
    # Plain questions about what Balcony is ("is a person reading this?") are sometimes read
    # as probes for the instructions (README): so the decline answers them too.
    return (
        "I can't share how I'm set up or step outside my role. If you were asking what I am: "
        f"{ABOUT_BALCONY} {INVITATION}"
    )


def safety_line(decision: GateDecision, contacts: Contacts) -> str:
    """One calm line for a coached reply: the procedure for a handled risk, support for strain."""
    if decision.category == "wellbeing":
        line = (
            "First, look after yourself and the people carrying this: supervision is the place "
            f"to say how heavy it feels, and {contacts.employee_assistance} is there too."
        )
        if decision.taken_back:
            # Harm joked about: the door stays open in case it was not only a joke.
            line += (
                " And if any of what you joked about is more than a joke, Samaritans are "
                "on 116 123, free, any time."
            )
        return line
    return (
        "If anyone is still at risk, the procedure comes first: "
        f"{_procedure(contacts)}, and {contacts.duty_manager} or {contacts.out_of_hours}."
    )


LEGAL_POINTER = (
    "The legal part belongs with your legal team; what follows is about the leadership around it."
)
