"""What the personal-data generator draws from: UK-style names, places and numbers."""

from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    """Split a block of space-separated words."""
    return tuple(text.split())


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


class Person:
    def __init__(self, rng: random.Random, pool: tuple[str, ...] | list[str]) -> None:
        self.first = rng.choice(pool)
        self.last = rng.choice(SURNAMES)
        self.title = rng.choice(TITLES)

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


class Draw:
    """Values drawn for one message, and the strings that must not survive redaction."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.leaks: list[str] = []

    def keep(self, value: str, *parts: str) -> str:
        self.leaks.extend(parts or (value,))
        return value

    def child(self) -> Person:
        return Person(self.rng, CHILD_FIRST)

    def adult(self) -> Person:
        return Person(self.rng, ADULT_FIRST)

    def first(self, person: Person) -> str:
        return self.keep(person.first)

    def full(self, person: Person) -> str:
        return self.keep(person.full, person.first, person.last)

    def titled(self, person: Person) -> str:
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

    def email(self, person: Person) -> str:
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


def pronoun(rng: random.Random) -> str:
    return rng.choice(("his", "her"))
