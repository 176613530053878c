"""Invented session titles for the sample edition's programme: (format slug, theme index, title, first
sentence of the abstract). The themes are the sample edition's, in order (a copy of the 2022 themes). The
keynotes are not here: their titles are neutral and made in programme_plan.py."""

# fmt: off
SESSIONS = [
    # Engaging community in rethinking, repurposing and remanufacturing, recycling
    ("case-study", 0, "A seed library: two seasons of swapping",
     "Gardeners borrow seeds in spring and bring back seeds from their harvest in autumn."),
    ("case-study", 0, "Upcycling with teenagers: from discarded books to new objects",
     "Weeded books become notebooks, lamps and art in the hands of teenagers."),
    ("case-study", 0, "The library of things", "Tools, sewing machines and camping gear on loan, like books."),
    ("case-study", 0, "Zero-waste library events", "How one library stopped buying single-use items for its events."),
    ("case-study", 0, "Clothes swap Saturdays", "A monthly swap that brought new visitors into the library."),
    ("case-study", 0, "Community compost and the library garden",
     "Neighbours bring kitchen scraps; the library garden gives back vegetables and shade."),
    # Empowerment for repair, reuse and recover
    ("case-study", 1, "A repair café every first Saturday",
     "Volunteers fix lamps, toasters and clothes, and teach their owners how."),
    ("case-study", 1, "Fixing bikes in the library car park", "A bike repair corner run by local cyclists."),
    ("case-study", 1, "A second life for donated computers",
     "Refurbished computers go to families and schools, with training included."),
    ("case-study", 1, "Book repair for everyone", "Conservation skills taught to volunteers and readers."),
    ("case-study", 1, "Mending circles", "Textile repair and conversation, every week in the reading room."),
    # Educating for a sustainable Planet
    ("case-study", 2, "Climate reading lists for every age", "Reading lists built with young climate activists."),
    ("case-study", 2, "Fridays for Future meets the library",
     "Students on climate strike found a place to study and organise at the library."),
    ("case-study", 2, "SDG corners in rural libraries",
     "Small exhibitions and activities about the 17 Sustainable Development Goals."),
    ("case-study", 2, "Energy-saving kits to borrow",
     "Meters and guides that help households find where their energy goes."),
    ("case-study", 2, "Citizen science: measuring air quality",
     "Residents borrow sensors and map the air quality of their town."),
    # Ignite talks
    ("ignite-talk", 1, "Why every library needs a toolbox", "Five minutes on the humble toolbox."),
    ("ignite-talk", 0, "Plastic-free storytime", "Storytime props without plastic, in five minutes."),
    ("ignite-talk", 0, "The greenest book is the one already printed", "A short case for sharing."),
    ("ignite-talk", 2, "A bike-powered cinema", "Pedal to watch: a film night powered by the audience."),
    ("ignite-talk", 1, "Borrow a sewing machine", "What happened when we lent sewing machines."),
    ("ignite-talk", 2, "Teaching the SDGs with board games", "Board games that teach sustainability."),
    ("ignite-talk", 2, "Our library's carbon footprint in one slide", 'We measured it; here is what we found.'),
    ("ignite-talk", 0, "Recycled furniture for a children's corner", "A children's corner built from castoffs."),
    ("ignite-talk", 1, "Swap shelves in every village", "A shelf, a sign and a rule: take one, leave one."),
    ("ignite-talk", 2, "Rain barrels and reading", "A library roof that waters a community garden."),
    # Workshops
    ("workshop", 1, "Build your own repair café: a starter kit",
     "Plan roles, tools, safety and publicity for a first repair café."),
    ("workshop", 0, "Designing a library of things", "Choose items, rules and lending terms for a library of things."),
    ("workshop", 2, "Climate conversations: facilitation for librarians",
     "Techniques to host calm, useful conversations about the climate."),
    ("workshop", 0, "Upcycling with paper and old books", "Turn weeded books into something new, hands on."),
    ("workshop", 2, "Planning a green library event", "A checklist for events with less waste."),
    # Interactive debates
    ("interactive-debate", 0, "Should libraries lend things, not only books?", "Things on loan: mission or drift?"),
    ("interactive-debate", 2, "Is sustainability a library's job?", "Where does a library's role end?"),
    ("interactive-debate", 2, "Digital or paper: which is greener?", "Servers, paper and transport weighed up."),
    ("interactive-debate", 1, "Repair or replace: what should public money buy?",
     "Repair budgets against new purchases."),
    # Panels
    ("panel", 0, "Libraries and the circular economy", "Where libraries fit in an economy that wastes less."),
    ("panel", 1, "Community resilience after the pandemic",
     "What made communities resilient, and libraries' part in it."),
    ("panel", 2, "Educating for the 17 Sustainable Development Goals",
     "How libraries and CSOs teach every generation about the goals."),
]
# fmt: on

APPROACHES = [
    "The speakers walk through how the idea started, who was involved and what it cost.",
    "The presentation covers the partners, the budget and the mistakes worth avoiding.",
    "You will see the tools, the timetable and the volunteer roles that made it work.",
    "It draws on two years of practice and on feedback from the people who took part.",
    "It began as a small pilot and grew with the help of local partners.",
    "The team describes the first steps, the doubts and the moment it took off.",
]

TAKEAWAYS = [
    "Take-away: a checklist you can adapt for a small library.",
    "Expect numbers, photos and an honest look at what did not work.",
    "Questions from libraries planning something similar are welcome.",
    "Materials and templates are shared with everyone who asks.",
    "The session ends with an open discussion with the audience.",
]

POSITIONS = [
    "Librarian",
    "Children's librarian",
    "Community programmes coordinator",
    "Head of the lending department",
    "Makerspace coordinator",
    "Digital services librarian",
    "Project manager",
    "Trainer",
    "Library director",
    "Volunteer coordinator",
    "Youth services librarian",
]

TOPICS = [
    "community programmes",
    "digital skills for adults",
    "children's reading and STEM",
    "outreach to rural communities",
    "civic education",
    "library spaces",
    "local history and memory",
    "volunteering",
    "sustainability and the circular economy",
    "partnerships with schools and NGOs",
]
