"""A seeded generator of synthetic children's-services messages full of UK-style personal data."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path


def _words(text: str) -> tuple[str, ...]:
    """Split a block of space-separated words."""
    return tuple(text.split())


SEED = 4
COUNT = 360

# Hand-picked, not read from the redactor's lists, so the measure is not circular.
CHILD_FIRST = _words(
    """
    Olivia Amelia Isla Ava Mia Ivy Lily Freya Florence Willow Poppy Sophia Evie Ella Grace
    Aria Rosie Maya Zainab Aisha Fatima Amira Hafsa Maryam Chloe Jessica Ruby Daisy Harper
    Noah Oliver George Arthur Muhammad Leo Harry Oscar Archie Henry Theo Jack Charlie Alfie
    Jacob Freddie Tommy Kai Jayden Tyler Kacper Jakub Filip Oskar Ayaan Rayan Ibrahim Yusuf
    Kofi Tobi Chidi Dylan Liam Mason Riley Bobby Frankie Reggie Ezra Ronnie Lola Millie
    Tilly Skye Kayden Tia-Leigh Lacey-Mae Kenzie Nevaeh Blessing Destiny Kyla Ellie-May
    Alesha
    """
)
ADULT_FIRST = _words(
    """
    Karen Sarah Lisa Michelle Nicola Donna Kelly Gemma Leanne Stacey Jodie Samantha Claire
    Emma Rachel Joanne Agnieszka Ewa Nadia Shabana Yasmin Nkechi Abimbola Paul Darren Lee
    Craig Wayne Jason Dean Gary Steven Piotr Tomasz Imran Tariq Kwame Emeka Adebayo Dariusz
    Florin Ionut Sinead Bernadette Aoife Priya Sunita Rajesh Hamza Kerry-Ann Shannon Jade
    """
)
SURNAMES = _words(
    """
    Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson
    Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson
    Wood Turner Martin Cooper Hill Ward Morris Moore Clark King Baker Harrison Morgan Allen
    James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly
    Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall
    Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers
    Gray Hussain Campbell Matthews Owen Palmer Holmes Barnes Knight Lloyd Butler Russell
    Fisher Stevens Jenkins Murray Dixon Harvey Kowalski Nowak Wiśniewski Popescu Okafor
    Adeyemi Mensah Osei Ahmed Rahman Chowdhury Akhtar Iqbal Mahmood Nguyen O'Connor McDonald
    Fitzgerald Smith-Jones Ward-Clarke Boateng Abdi Mohamed Farah Warsame Hassan
    """
)
TITLES = ("Mrs", "Mr", "Ms", "Miss", "Dr")
TOWNS = _words(
    """
    Newbury Reading Thatcham Hungerford Slough Swindon Oxford Basingstoke Luton Leeds
    Bradford Wigan Stockport Derby Plymouth Norwich Hull Croydon Lambeth Wokingham
    """
)
STREETS = _words(
    """
    Elm Oak Station Church Victoria Park Mill Queens Kings Chapel Albert Meadow Willow Manor
    Orchard Beech Hazel Cherry Ash Maple Rowan Holly Cedar Birch Windsor York Clarence Green
    Bridge High
    """
)
STREET_TYPES = _words(
    """
    Road Street Close Avenue Lane Drive Crescent Way Gardens Court Place Grove Terrace Rise
    Mews
    """
)
MONTHS = _words(
    """
    January February March April May June July August September October November December
    """
)
POSTCODE_AREAS = _words(
    """
    RG SL OX SN B M LS BD WN SK DE PL NR HU CR SE SW E N NW L S G EH CF BS
    """
)
POSTCODE_UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
REF_FORMATS = (
    "CIN-{y}-{n4}",
    "CP/{y}/{n3}",
    "LAC {n5}",
    "CLA-{n5}",
    "EH/{y}/{n4}",
    "LCS {n6}",
    "CP-{n5}",
    "CIN{n6}",
    "{l2}{n6}",
)


class _Person:
    def __init__(self, rng: random.Random, pool: tuple[str, ...] | list[str]) -> None:
        self.first = rng.choice(pool)
        self.last = rng.choice(SURNAMES)
        self.title = rng.choice(TITLES)

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


class _Draw:
    """Values drawn for one message, and the strings that must not survive redaction."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.leaks: list[str] = []

    def keep(self, value: str, *parts: str) -> str:
        self.leaks.extend(parts or (value,))
        return value

    def child(self) -> _Person:
        return _Person(self.rng, CHILD_FIRST)

    def adult(self) -> _Person:
        return _Person(self.rng, ADULT_FIRST)

    def first(self, person: _Person) -> str:
        return self.keep(person.first)

    def full(self, person: _Person) -> str:
        return self.keep(person.full, person.first, person.last)

    def titled(self, person: _Person) -> str:
        return f"{person.title} " + self.keep(person.last)

    def dob(self) -> str:
        rng = self.rng
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2008, 2023)
        forms = (
            f"{day:02d}/{month:02d}/{year}",
            f"{day}/{month}/{year}",
            f"{day} {MONTHS[month - 1]} {year}",
            f"{day}.{month:02d}.{year}",
            f"{day}-{month:02d}-{year % 100:02d}",
            f"{MONTHS[month - 1]} {day}, {year}",
        )
        return self.keep(rng.choice(forms))

    def date(self) -> str:
        rng = self.rng
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        forms = (
            f"{day} {MONTHS[month - 1]}",
            f"{day}/{month:02d}/{rng.randint(2022, 2025)}",
            f"{day}th {MONTHS[month - 1][:3]}",
            f"{MONTHS[month - 1]} {day}",
        )
        return self.keep(rng.choice(forms))

    def address(self) -> str:
        rng = self.rng
        number = f"{rng.randint(1, 240)}{rng.choice(['', '', '', 'a', 'b'])}"
        street = f"{number} {rng.choice(STREETS)} {rng.choice(STREET_TYPES)}"
        if rng.random() < 0.2:
            street = f"Flat {rng.randint(1, 30)}, {street}"
        return self.keep(street)

    def postcode(self) -> str:
        rng = self.rng
        area = rng.choice(POSTCODE_AREAS)
        district = str(rng.randint(1, 20))
        letters = "".join(rng.choice(POSTCODE_UNIT_LETTERS) for _ in range(2))
        inward = f"{rng.randint(0, 9)}{letters}"
        code = f"{area}{district}{rng.choice([' ', ' ', ' ', ''])}{inward}"
        return self.keep(code.lower() if rng.random() < 0.1 else code)

    def phone(self) -> str:
        rng = self.rng

        def digits(n: int) -> str:
            return "".join(str(rng.randint(0, 9)) for _ in range(n))

        forms = (
            f"07{digits(3)} {digits(6)}",
            f"07{digits(9)}",
            f"+44 7{digits(3)} {digits(6)}",
            f"+44 (0)1{digits(3)} {digits(6)}",
            f"01{digits(3)} {digits(6)}",
            f"020 {digits(4)} {digits(4)}",
            f"0118 {digits(3)} {digits(4)}",
            f"07{digits(3)}-{digits(3)}-{digits(3)}",
            f"(01{digits(3)}) {digits(6)}",
        )
        return self.keep(rng.choice(forms))

    def email(self, person: _Person) -> str:
        rng = self.rng
        local = rng.choice(
            (
                f"{person.first[0]}.{person.last}",
                f"{person.first}.{person.last}",
                f"{person.first}{rng.randint(1, 99)}",
            )
        )
        local = "".join(c for c in local.lower() if c.isalnum() or c in ".-")
        domain = rng.choice(
            ("example.org", "example.com", "mail.example.net", "council.example.gov.uk")
        )
        return self.keep(f"{local}@{domain}")

    def nhs(self) -> str:
        rng = self.rng
        while True:
            body = [rng.randint(0, 9) for _ in range(9)]
            body[0] = rng.choice((4, 6, 7))
            check = 11 - sum(d * w for d, w in zip(body, range(10, 1, -1), strict=True)) % 11
            check = 0 if check == 11 else check
            if check != 10:
                break
        digits = "".join(map(str, body)) + str(check)
        spaced = f"{digits[:3]} {digits[3:6]} {digits[6:]}"
        return self.keep(rng.choice((spaced, digits, spaced.replace(" ", "-"))))

    def ni(self) -> str:
        rng = self.rng
        prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        digits = "".join(str(rng.randint(0, 9)) for _ in range(6))
        suffix = rng.choice("ABCD")
        spaced = f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
        return self.keep(rng.choice((spaced, f"{prefix}{digits}{suffix}")))

    def ref(self) -> str:
        rng = self.rng
        form = rng.choice(REF_FORMATS)
        value = form.format(
            y=rng.randint(2019, 2025),
            n3=rng.randint(100, 999),
            n4=rng.randint(1000, 9999),
            n5=rng.randint(10000, 99999),
            n6=rng.randint(100000, 999999),
            l2="".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)),
        )
        return self.keep(value)


def _pronoun(rng: random.Random) -> str:
    return rng.choice(("his", "her"))


Template = Callable[[_Draw], str]

TEMPLATES: tuple[Template, ...] = (
    lambda d: (
        f"{d.full(d.child())} (born {d.dob()}) lives at {d.address()}, "
        f"{d.rng.choice(TOWNS)} {d.postcode()} with {_pronoun(d.rng)} mum {d.first(d.adult())}. "
        "How do I help the worker stay curious?"
    ),
    lambda d: (
        f"Can you help me think about supervision? {d.first(d.adult())} is worried about "
        f"{d.first(d.child())}, aged {d.rng.randint(2, 16)}, and keeps ringing me on {d.phone()}."
    ),
    lambda d: (
        f"The referral for {d.full(d.child())} (DOB {d.dob()}, NHS {d.nhs()}) came in on "
        f"{d.date()} and nobody picked it up for a week."
    ),
    lambda d: (
        f"{d.titled(d.adult())} called again from {d.phone()} about {d.first(d.child())}'s "
        "placement; I'd like to plan how to respond calmly."
    ),
    lambda d: (
        f"Our IRO {d.full(p := d.adult())} emailed me at {d.email(p)} to challenge the plan for "
        f"{d.full(d.child())}, case {d.ref()}."
    ),
    lambda d: (
        f"{d.first(d.child())} and {d.first(d.child())} ({d.rng.randint(3, 9)} and "
        f"{d.rng.randint(10, 15)}) have moved to {d.address()}, {d.postcode()}. "
        "The team manager thinks we're drifting."
    ),
    lambda d: (
        f"Mum's NI number is {d.ni()} and she says her benefits stopped on {d.date()}; how do I "
        "help my worker think about poverty?"
    ),
    lambda d: (
        f"Record {d.ref()}: {d.full(d.child())}, born {d.dob()}, home address {d.address()}. "
        "The chronology is a mess and I need to lead a better conversation about it."
    ),
    lambda d: (
        f"{d.first(d.adult())} (mum) and {d.first(d.adult())} (dad) disagree about contact for "
        f"{d.first(d.child())}, who is in year {d.rng.randint(1, 11)}. Where do I start?"
    ),
    lambda d: (
        f"I had a tense meeting with {d.titled(d.adult())} from the school about "
        f"{d.first(d.child())}'s attendance on {d.date()}."
    ),
    lambda d: (
        f"Email {d.first(d.child())}'s dad at {d.email(d.adult())} or text {d.phone()}; "
        "he wants the minutes of the conference before he'll engage."
    ),
    lambda d: (
        f"The health visitor has {d.full(d.child())}'s NHS number as {d.nhs()} but the GP "
        "has a different one. How do I get partners to own the muddle?"
    ),
    lambda d: (
        f"Family: {d.full(d.adult())} and children {d.first(d.child())} ({d.rng.randint(2, 8)}) "
        f"and {d.first(d.child())} ({d.rng.randint(9, 16)}), {d.address()}, "
        f"{d.rng.choice(TOWNS)}, {d.postcode()}. How do I keep the team hopeful?"
    ),
    lambda d: (
        f"{d.first(d.adult())} from my team visited {d.first(d.child())} at {d.address()} on "
        f"{d.date()} and came back shaken. How do I support her?"
    ),
    lambda d: (
        f"Following the strategy meeting for {d.full(d.child())} ({d.ref()}), "
        f"{d.first(d.adult())} rang the duty line on {d.phone()} several times."
    ),
    lambda d: (
        f"{d.first(d.child())}'s grandmother, {d.full(g := d.adult())}, is now the kinship "
        f"carer; her number is {d.phone()} and her email {d.email(g)}."
    ),
    lambda d: (
        f"I'm reviewing case {d.ref()} where {d.full(d.child())}, aged {d.rng.randint(4, 17)}, "
        "was stepped down to early help too soon."
    ),
    lambda d: (
        f"My worker {d.full(d.adult())} says the family at {d.address()} ({d.postcode()}) are "
        "avoiding her. How do I coach her?"
    ),
    lambda d: (
        f"The child's date of birth is {d.dob()} and her NHS number {d.nhs()}; the school has "
        "recorded both wrongly."
    ),
    lambda d: (
        f"How should I talk to {d.titled(d.adult())} about {d.first(d.child())}? The review "
        f"conference is on {d.date()}."
    ),
    lambda d: (
        f"NI {d.ni()}, ref {d.ref()}: finance won't release the payment to "
        f"{d.full(d.adult())} until {d.date()}."
    ),
    lambda d: (
        f"{d.full(d.child())} is {d.rng.randint(5, 17)} and moved here from "
        f"{d.rng.choice(TOWNS)}; contact the foster carer {d.full(d.adult())} on {d.phone()}."
    ),
    lambda d: (
        f"Last week {d.full(d.adult())} turned up at reception asking for "
        f"{d.first(d.adult())}. I want to think through how we lead as a team."
    ),
    lambda d: (
        f"My deputy {d.full(p := d.adult())} ({d.email(p)}) is covering while I'm away; the "
        f"{d.keep(d.rng.choice(SURNAMES))} family case ({d.ref()}) is the tricky one."
    ),
    lambda d: (
        f"{d.first(d.child())}'s mum {d.first(d.adult())} says the baby, {d.first(d.child())}, "
        f"was born on {d.dob()} at home."
    ),
    lambda d: (
        f"her son {d.keep(d.child().first.lower())} is off school again and the dad's mobile "
        f"{d.phone()} goes to voicemail. how do I help my team manager prioritise?"
    ),
    lambda d: (
        f"Ring {d.titled(d.adult())} on {d.phone()} before the PLO meeting about "
        f"{d.first(d.child())} and {d.first(d.child())}."
    ),
    lambda d: (
        f"Sibling assessment for {d.full(d.child())} and {d.first(d.child())}, case {d.ref()}, "
        f"is due on {d.date()}. The team is stretched; how do I lead?"
    ),
    lambda d: (
        f"The new address is {d.address()}, {d.postcode()}, and mum's NI is {d.ni()}. "
        "I keep losing track of details; how do I model good recording?"
    ),
    lambda d: (
        f"{d.full(d.child())}, DOB {d.dob()}, NHS no. {d.nhs()}, lives with "
        f"{d.titled(d.adult())}. I need help framing the conversation with health."
    ),
)


def generate(count: int = COUNT, seed: int = SEED) -> list[dict[str, object]]:
    """Return `count` synthetic messages, the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    rows: list[dict[str, object]] = []
    for number in range(1, count + 1):
        draw = _Draw(rng)
        message = TEMPLATES[(number - 1) % len(TEMPLATES)](draw)
        if rng.random() < 0.3:
            message += " " + TEMPLATES[rng.randrange(len(TEMPLATES))](draw)
        leaks = list(dict.fromkeys(draw.leaks))
        rows.append({"id": f"pg{number:03d}", "message": message, "must_not_leak": leaks})
    return rows


def write(path: Path, count: int = COUNT, seed: int = SEED) -> int:
    """Write the generated set as JSON lines; return how many lines were written."""
    rows = generate(count, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    return len(rows)
