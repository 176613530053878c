"""Invented, plausible names for the sample programme and registrations, by country.

Every sample speaker and participant comes from one of COUNTRIES, weighted towards the region the conference
serves. Surnames written "m/f" take the masculine or feminine form after the first name.
"""

import random

from django.utils.text import slugify

NAME_POOLS = {
    # country: (female first names, male first names, surnames, cities)
    "RO": (
        "Ana Ioana Maria Elena Raluca Oana Irina Cristina",
        "Andrei Mihai Radu Vlad Bogdan Cătălin Sorin Tudor",
        "Ionescu Popescu Stanciu Munteanu Dobre Lazăr Constantinescu Moldovan Georgescu Rusu",
        "Cluj-Napoca|Iași|Timișoara|Brașov|Constanța|Sibiu|Craiova|Bucharest",
    ),
    "MD": (
        "Natalia Olga Tatiana Mariana Doina",
        "Ion Vasile Sergiu Victor Dumitru",
        "Ciobanu Rotaru Lungu Cojocaru Botnaru Țurcanu",
        "Chișinău|Bălți|Cahul|Soroca",
    ),
    "UA": (
        "Olena Iryna Oksana Kateryna Nataliia Yuliia",
        "Oleksandr Andrii Dmytro Taras Serhii Bohdan",
        "Kovalenko Shevchenko Bondarenko Tkachenko Melnyk Kravchuk Lysenko Savchenko",
        "Kyiv|Lviv|Kharkiv|Odesa|Dnipro|Chernivtsi",
    ),
    "GE": (
        "Nino Tamar Mariam Ketevan Salome",
        "Giorgi Levan David Irakli Zurab",
        "Beridze Kapanadze Gelashvili Lomidze Tsiklauri Maisuradze",
        "Tbilisi|Kutaisi|Batumi",
    ),
    "AM": (
        "Anahit Lilit Armine Mariam Gayane",
        "Aram Davit Tigran Hayk Narek",
        "Hovhannisyan Petrosyan Sargsyan Grigoryan Harutyunyan Avetisyan",
        "Yerevan|Gyumri|Vanadzor",
    ),
    "AZ": (
        "Aysel Leyla Nigar Gunel Sevinj",
        "Elvin Rashad Farid Orkhan Tural",
        "Mammadov/Mammadova Aliyev/Aliyeva Huseynov/Huseynova Hasanov/Hasanova Guliyev/Guliyeva",
        "Baku|Ganja|Sumgait",
    ),
    "GR": (
        "Maria Eleni Katerina Sofia Dimitra",
        "Giorgos Nikos Kostas Yannis Dimitris",
        "Papadopoulos/Papadopoulou Nikolaidis/Nikolaidou Georgiou/Georgiou Antoniou/Antoniou "
        "Vlachos/Vlachou Karras/Karra",
        "Athens|Thessaloniki|Patras|Heraklion",
    ),
    "BG": (
        "Maria Ivana Desislava Elena Tsvetelina",
        "Georgi Ivan Dimitar Nikolay Kaloyan",
        "Ivanov/Ivanova Georgiev/Georgieva Dimitrov/Dimitrova Petrov/Petrova Stoyanov/Stoyanova",
        "Sofia|Plovdiv|Varna|Burgas",
    ),
    "TR": (
        "Ayşe Elif Zeynep Selin Deniz",
        "Mehmet Emre Can Burak Murat",
        "Yılmaz Kaya Demir Şahin Çelik Aydın",
        "Istanbul|Ankara|Izmir|Eskişehir",
    ),
    "KZ": (
        "Aigerim Dana Saule Aliya Madina",
        "Nurlan Yerlan Daniyar Arman Askar",
        "Abenov/Abenova Nurlanov/Nurlanova Sultanov/Sultanova Zhaksylykov/Zhaksylykova Omarov/Omarova",
        "Almaty|Astana|Shymkent",
    ),
    "DE": (
        "Anna Julia Katrin Sabine Lena",
        "Thomas Michael Jan Stefan Lukas",
        "Müller Schmidt Weber Fischer Wagner Becker",
        "Berlin|Hamburg|Leipzig|Munich|Dortmund",
    ),
    "US": (
        "Jennifer Sarah Emily Maria Rachel",
        "Michael David James Daniel Robert",
        "Johnson Miller Rodriguez Thompson Brooks Nguyen",
        "Chicago|Seattle|Denver|Boston",
    ),
    "PL": (
        "Agnieszka Katarzyna Magdalena Anna Joanna",
        "Piotr Tomasz Paweł Marcin Krzysztof",
        "Kowalski/Kowalska Nowak Wiśniewski/Wiśniewska Wójcik Zieliński/Zielińska Lewandowski/Lewandowska",
        "Warsaw|Kraków|Gdańsk|Wrocław|Lublin",
    ),
    "HU": (
        "Eszter Katalin Zsófia Anna Réka",
        "László Gábor Péter Zoltán Bence",
        "Nagy Kovács Tóth Szabó Horváth Varga",
        "Budapest|Debrecen|Szeged|Pécs",
    ),
    "RS": (
        "Jelena Milica Ana Marija Tijana",
        "Marko Nikola Stefan Miloš Dušan",
        "Jovanović Petrović Nikolić Marković Đorđević Ilić",
        "Belgrade|Novi Sad|Niš",
    ),
    "SK": (
        "Zuzana Jana Lucia Martina Katarína",
        "Peter Martin Tomáš Juraj Michal",
        "Horváth/Horváthová Kováč/Kováčová Novák/Nováková Baláž/Balážová Varga/Vargová",
        "Bratislava|Košice|Žilina",
    ),
    "CZ": (
        "Tereza Petra Lucie Veronika Klára",
        "Jakub Tomáš Ondřej Jiří Pavel",
        "Novák/Nováková Svoboda/Svobodová Dvořák/Dvořáková Černý/Černá Procházka/Procházková",
        "Prague|Brno|Ostrava|Olomouc",
    ),
    "LT": (
        "Rūta Eglė Inga Jurgita Agnė",
        "Tomas Mantas Darius Andrius Lukas",
        "Kazlauskas/Kazlauskienė Petrauskas/Petrauskienė Jankauskas/Jankauskienė Stankevičius/Stankevičienė",
        "Vilnius|Kaunas|Klaipėda",
    ),
    "LV": (
        "Ilze Anna Kristīne Laura Inese",
        "Jānis Andris Mārtiņš Edgars Kārlis",
        "Bērziņš/Bērziņa Kalniņš/Kalniņa Ozoliņš/Ozoliņa Liepiņš/Liepiņa",
        "Riga|Daugavpils|Liepāja",
    ),
    "EE": (
        "Kadri Liis Kristiina Triin Mari",
        "Martin Andres Priit Toomas Rasmus",
        "Tamm Saar Sepp Mägi Kask Rebane",
        "Tallinn|Tartu|Pärnu",
    ),
    "HR": (
        "Ivana Petra Marija Ana Maja",
        "Ivan Luka Marko Tomislav Josip",
        "Horvat Kovačević Babić Marić Jurić Novak",
        "Zagreb|Split|Rijeka|Osijek",
    ),
    "SI": (
        "Nina Maja Tina Petra Špela",
        "Luka Matej Jure Gregor Rok",
        "Novak Horvat Kranjc Zupančič Potočnik Kovač",
        "Ljubljana|Maribor|Celje",
    ),
    "DK": (
        "Mette Anne Sofie Camilla Louise",
        "Lars Mads Søren Rasmus Jens",
        "Nielsen Jensen Hansen Pedersen Andersen Larsen",
        "Aarhus|Copenhagen|Odense|Aalborg",
    ),
    "AL": (
        "Elira Anisa Jonida Blerina Ardita",
        "Arben Ermal Gentian Besnik Florian",
        "Hoxha Shehu Dervishi Leka Gjoka Kola",
        "Tirana|Durrës|Shkodër",
    ),
    "MK": (
        "Elena Marija Biljana Vesna Ana",
        "Aleksandar Goran Dejan Filip Nikola",
        "Stojanovski/Stojanovska Trajkovski/Trajkovska Petrovski/Petrovska Angelovski/Angelovska",
        "Skopje|Bitola|Ohrid",
    ),
}

COUNTRIES = list(NAME_POOLS)

# How often a country comes up beyond its first speaker: the region the conference serves comes first.
COUNTRY_WEIGHTS = {"RO": 12, "MD": 5, "UA": 6, "GE": 3, "AM": 3, "AZ": 2, "GR": 3, "BG": 3, "TR": 2, "PL": 2}


def weighted_country(rng: random.Random) -> str:
    return rng.choices(COUNTRIES, weights=[COUNTRY_WEIGHTS.get(c, 1) for c in COUNTRIES])[0]


def invent_name(rng: random.Random, country: str) -> str:
    female, male, surnames, _cities = NAME_POOLS[country]
    is_female = rng.random() < 0.6  # most librarians who speak at library conferences are women
    first = rng.choice((female if is_female else male).split())
    surname = rng.choice(surnames.split())
    if "/" in surname:
        masculine, feminine = surname.split("/")
        surname = feminine if is_female else masculine
    return f"{first} {surname}"


def invent_city(rng: random.Random, country: str) -> str:
    return rng.choice(NAME_POOLS[country][3].split("|"))


class UniqueNames:
    """Hands out invented names whose slugs are not taken yet (a suffix number once the pool runs dry)."""

    def __init__(self, taken_slugs=()):
        self.taken = set(taken_slugs)

    def take(self, rng: random.Random, country: str) -> tuple[str, str]:
        for _attempt in range(20):
            name = invent_name(rng, country)
            slug = slugify(name)
            if slug not in self.taken:
                self.taken.add(slug)
                return name, slug
        number = 2
        while f"{slug}-{number}" in self.taken:
            number += 1
        self.taken.add(f"{slug}-{number}")
        return name, f"{slug}-{number}"
