"""The longer texts of the seed: descriptions in our own words around the sources' facts, and the passages
the sources give that we keep as they are (the 2022 themes, two format descriptions, the organiser's projects,
the quote in the press release). The other format descriptions in FORMATS are invented: only the sample edition
shows them (seed.STATED_FORMAT_DESCRIPTIONS says which the real editions show)."""

EDITION_2020_DESCRIPTION = """\
Occupy Library 2020 was the first edition of the conference: four days online, from 22 to 25 September 2020, \
for hundreds of innovators and decision makers from public libraries around the world.

The conference grew out of a need felt in libraries and in the communities around them, in Central and Eastern \
Europe, the Black Sea area, the Caucasus and the Caspian Sea. Public libraries have long supported their \
communities through culture, education and social involvement; the year 2020 showed again how much communities \
matter, and how much a library's future depends on its local and regional relations.

Four keynote speakers and more than 90 speakers from twenty-five countries talked about the pressing needs of \
communities and about the bold ideas librarians want to bring to the public, in case studies, interactive \
debates and workshops. Registration and participation were free of charge.

Occupy Library meets every two years. It is an independent event organised by the Progress Foundation, with the \
support of Next Library® and in partnership with the National Library of Romania and the Goethe-Institut, as part \
of the project “Occupy Library Innovators Hub”."""

EDITION_2022_DESCRIPTION = """\
The second edition of Occupy Library invites librarians to Bucharest, and online, on 2 and 3 June 2022.

Libraries can lead the way to sustainability, so this edition calls them E+Libraries. The E+ stands above all \
for a new ECOLOGY of life, in which less is consumed and more is shared. Libraries help shape more sustainable \
and responsible societies by educating people, and also by becoming places where new economic models, \
innovation and technology are tried out.

The conference welcomes contributions that show how libraries promote the circular economy and sustainable \
communities."""

PROGRESS_FOUNDATION_DESCRIPTION = """\
The Progress Foundation is an NGO established in 1996 that leads local initiatives in education, (e-)inclusion \
and community development. It uses public libraries as lifelong learning hubs and centres for social innovation, \
contributes to the development of community institutions, vulnerable individuals and groups, and helps people \
grow stronger through education, technology and research. It organises Occupy Library."""

THEMES_2020 = [
    # (slug, title, description): the press release names the themes and says nothing more of them, so the site
    # shows their titles only
    ("serving-communities-in-times-of-crisis", "Serving communities in times of crisis", ""),
    ("partnerships-for-strong-democracies", "Partnerships for strong democracies", ""),
    ("active-citizenship-in-analog-and-digital-format", "Active citizenship in analog and digital format", ""),
    (
        "emerging-technological-trends-for-community-empowerment",
        "Emerging technological trends for community empowerment",
        "",
    ),
    ("public-spaces-and-community-involvement", "Public spaces and community involvement", ""),
]

THEMES_2022 = [
    # (slug, title, text) as the About page gives them
    (
        "engaging-community-in-rethinking-repurposing-and-remanufacturing-recycling",
        "Engaging community in rethinking, repurposing and remanufacturing, recycling",
        "When we focus on communities, we start from the social-economic reality of community members. As we "
        "engage them in learning about building a better future for themselves and their community we can, and "
        "often do, encourage them into redesigning their future.",
    ),
    (
        "empowerment-for-repair-reuse-and-recover",
        "Empowerment for repair, reuse and recover",
        "Community development and strategic planning see community resilience as a key success factor. Helping "
        "local actors, institutions, decision makers, and regular citizens to employ skills related to repairing, "
        "to develop reuse and recovery strategies is such an important effort.",
    ),
    (
        "educating-for-a-sustainable-planet",
        "Educating for a sustainable Planet",
        "In many communities around the world youth signaled their determination to change how we use the "
        "planet’s resources through Fridays for Future. Libraries and CSOs have also picked up the challenge and "
        "have been focusing their resources and strategic decisions to contribute to raising awareness about the "
        "climate challenge. Contributing at local, regional, national and international level to all 17 of the "
        "Sustainable Development Goals, libraries and CSOs have been educating all generations towards "
        "responsibility and community building.",
    ),
]

FORMATS = {
    "keynote": {
        "name": "Keynote",
        "description": "A talk by an invited guest that opens a conference day for everyone.",
        "default_minutes": 45,
        "is_keynote": True,
    },
    "case-study": {
        "name": "Case study",
        "description": "Access to the conference and case studies presentations of your choice. Stick around for "
        "inspiring ideas from our speakers exclusively at Occupy Library.",
        "default_minutes": 20,
        "is_keynote": False,
    },
    "ignite-talk": {
        "name": "Ignite talk",
        "description": "Short 5 minutes talks meant to make the audience interested on an idea that is worth sharing.",
        "default_minutes": 5,
        "is_keynote": False,
    },
    "workshop": {
        "name": "Workshop",
        "description": "Hands-on work in a small group, with a limited number of seats.",
        "default_minutes": 90,
        "is_keynote": False,
    },
    "interactive-debate": {
        "name": "Interactive debate",
        "description": "Speakers take a position and the audience joins in with questions and votes.",
        "default_minutes": 60,
        "is_keynote": False,
    },
    "panel": {
        "name": "Panel",
        "description": "A moderated conversation between several guests.",
        "default_minutes": 60,
        "is_keynote": False,
    },
}

PROJECTS = [
    # (slug, title, text): the Progress Foundation's projects as the press release describes them
    (
        "code-kids",
        "CODE Kids – Children are coding in public libraries",
        "CODE Kids aims to create an active community of children, young people and librarians by setting up "
        "coding clubs in public libraries in different areas of Romania and the Republic of Moldova. These clubs "
        "contribute to the development of children’s digital and STEM (Science, Technology, Engineering, "
        "Mathematics) skills and to their involvement in the life of the community they come from, by solving "
        "creative digital themes. We encourage children between the ages of 10 to 14 to learn programming and "
        "even pursue a career in technology.",
    ),
    (
        "time-to-know",
        "Time to KNOW",
        "Time to KNOW is an international initiative that aims to stimulate the interest of children, between 3 to "
        "10 years old, for reading and for subjects in the WE KNOW area (Science, Technology, Engineering, "
        "Mathematics). The methodology involves the integrated learning of all scientific disciplines. It is "
        "characterized by an active, applied, constructive method of “learning by doing”.",
    ),
    (
        "learning-circles-in-libraries",
        "Learning circles in libraries",
        "The main objective of the Learning circles in libraries project is to improve and expand the complexity "
        "and effectiveness of educational opportunities for adult students, by facilitating access to useful "
        "online content, effective study and improving lifelong learning skills.",
    ),
    (
        "public-libraries-as-active-citizens-hubs",
        "Public Libraries as Active Citizens Hubs",
        "The Public Libraries as Active Citizens Hubs project aims to create a support network, consisting of "
        "public libraries and NGOs, which will support the establishment in libraries of public spaces for "
        "learning and practicing active citizenship.",
    ),
    (
        "occupy-library-innovators-hub",
        "Occupy Library Innovators Hub",
        "The project of which Occupy Library 2020 is part, organised by the Progress Foundation with partners in "
        "Ukraine, Greece, Moldova and Romania, within the Black Sea NGO Forum Sub-granting Scheme, implemented by "
        "the Romanian Platform NGDO – FUND with the financial support of the European Union.",
    ),
]

PRESS_RELEASE_BODY = """\
Bucharest, 21 September 2020. Hundreds of innovators and decision makers from public libraries around the \
world meet online at Occupy Library 2020, an international training, funky and fab conference, from 22 to 25 \
September.

This year has shown once more how much communities matter. Public libraries have always supported them through \
culture, education and social involvement, and their future depends on how they engage with local and regional \
institutions and initiatives that support democracy and lifelong learning.

Four keynote speakers and more than 90 speakers from twenty-five countries will discuss the pressing needs of \
communities and the bold ideas librarians want to bring to the public. Among the guests: Dr. Hannelore Vogt, \
Director of the Cologne City Library (Germany); the Romanian artist Dan Perjovschi; Asaf Bartov, lead program \
developer at the Wikimedia Foundation; Loida Garcia-Febo, international consultant from the United States; \
Christine Mackenzie, IFLA President; Gerald Leitner, IFLA Secretary General; and Deborah Jacobs, former \
Director of the Global Libraries Initiative at the Bill and Melinda Gates Foundation.

The themes of this edition: serving communities in times of crisis; partnerships for strong democracies; active \
citizenship in analog and digital format; emerging technological trends for community empowerment; public \
spaces and community involvement.

“The first edition of the Occupy Library 2020 conference aims to bring together examples and innovative ideas \
through which public libraries support the development of their communities. We have internationally renowned \
guests, successful Eastern European projects and we have selected the best speakers and fabulous content to \
help libraries reach their full potential as strategic partners in the development of democratic societies.” \
– dr. Claudia Șerbănuță, Project Manager, Progress Foundation, organiser of Occupy Library 2020.

More than 800 participants have already signed up for unique presentations, interactive debates and workshops, \
and for inspiring case studies from professionals passionate about public library services. Registration and \
participation are free of charge.

Occupy Library 2020 is an independent event organised by the Progress Foundation, with the support of Next \
Library® and in partnership with the National Library of Romania and the Goethe-Institut. It is part of the \
project “Occupy Library Innovators Hub”, run with partners from Ukraine, Greece, Moldova and Romania within the \
Black Sea NGO Forum Sub-granting Scheme, implemented by the Romanian Platform NGDO – FUND with the financial \
support of the European Union.

Contact: Andreea Dumitrescu, Communication Coordinator, Progress Foundation, \
andreea.dumitrescu@progressfoundation.ro."""
