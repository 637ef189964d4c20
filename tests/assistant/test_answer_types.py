"""Question analysis and answers that hold what was asked for (issue 13), from real news text.

The questions are news-quiz questions of the eval sets; the article excerpts are real articles of
realtimeqa-dev and news24-dev (USA TODAY, CNN), shortened to the paragraphs the questions need.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answering import extractive
from assistant.answering.question import analyze
from assistant.answering.state_names import with_state_names
from tests.assistant.test_time_questions import PARADE_SHOOTING
from tests.assistant.test_verdicts import NEVADA_TAKEAWAY

ANALYSES = [
    # question, kind, one label its answer should carry (None: no particular type), head noun
    ("Which team does Damar Hamlin play for?", "which", "ORG", "team"),
    ("Huge crowds lined the streets of which country this week to pay tribute to soccer great Pelé?", "which", "GPE", "country"),
    ("Florida has been hit by an outbreak of which highly infectious disease?", "which", None, "disease"),
    ("Which British racing driver launched an all-female karting championship?", "which", "PERSON", "driver"),
    ("What is the name of the beer released by Dogfish Head Brewery?", "which", None, "beer"),
    ("A former gas station has been transformed into what kind of new establishment?", "which", None, "establishment"),
    ("Which school won the College Football Playoff National Championship this week?", "which", "GPE", "school"),
    ("According to the 2024 World Happiness Report, what is the world’s happiest country?", "which", "GPE", "country"),
    ("Which country's prime minister resigned this week?", "which", "GPE", "country"),
    ("Which movie won a number of the major categories at the 2024 Golden Globe Awards?", "which", "WORK_OF_ART", "movie"),
    (
        "A robocall urging Democrats to skip the party's primary in New Hampshire used AI to fake the voice of who?",
        "who",
        "PERSON",
        None,
    ),
    ("The new Delaware alcohol law takes effect when?", "when", "DATE", None),
    ("Who won the award for best actress in a musical or comedy at the Golden Globes this week?", "who", "PERSON", None),
    ("How many people died in the Buffalo blizzard?", "how_many", "CARDINAL", None),
    ("How much did the Lewes Polar Bear Plunge raise?", "how_much", "MONEY", None),
    ("What percentage of total sales in 2023 at Delaware farmers markets came from fresh produce?", "how_much", "PERCENT", None),
    ("What is the name of the new limited-edition Oreo cookie that has been launched in 2024?", "which", "PRODUCT", "cookie"),
    ("What is the name of the festival that Phish is hosting in Dover, Delaware?", "which", "EVENT", "festival"),
    ("How long was Brittney Griner sentenced to prison?", "how_long", "DATE", None),
    (
        "Believed to be the oldest person in the U.S., Bessie Hendricks died this week in Iowa. How old was she?",
        "how_old",
        "DATE",
        None,
    ),
    ("When did Pelé die?", "when", "DATE", None),
    ("What time can Delaware restaurants and bars start serving alcohol?", "when", "TIME", None),
    ("Where did the Virgin Orbit rocket launch from?", "where", "GPE", None),
    ("Why did Southwest cancel thousands of flights?", "why", None, None),
    ("Did the FDA add sesame to the list of major food allergens?", "yes_no", None, None),
    ("What happened at the Capitol on January 6?", "what_happened", None, None),
    ("Summarize the articles about the Buffalo snow storm", "summary", None, None),
    ("Tell me about the Damar Hamlin injury", "summary", None, None),
    ("How did Meta and Amazon differ on layoffs?", "comparison", None, None),
    ("Meta vs Amazon layoffs", "comparison", None, None),
    ("Timeline of the House speaker vote", "timeline", "DATE", None),
    ("How did the Southwest meltdown unfold?", "timeline", "DATE", None),
    ("What did Aliyev say about Karabakh?", "who_said", "PERSON", None),
]


@pytest.mark.parametrize("question, kind, label, head", ANALYSES, ids=[a[0][:50] for a in ANALYSES])
def test_question_kind_and_expected_answer_type(question, kind, label, head):
    analysis = analyze(question)
    assert analysis.kind == kind
    if label is None:
        assert analysis.kind in ("which", "why", "yes_no", "what_happened", "summary", "comparison") or not analysis.expects
    else:
        assert label in analysis.expects
    if head is not None:
        assert analysis.head == head


def test_a_share_is_asked_as_a_percent_not_as_any_number():
    """ "What percentage of sales…" was answered with "over $4 million in revenue": any number passed as the answer."""
    assert analyze("What percentage of total sales at Delaware farmers markets came from fresh produce?").expects == {"PERCENT"}


def test_comparison_and_summary_carry_their_sides_and_topic():
    comparison = analyze("How did Meta and Amazon differ on layoffs?")
    assert comparison.sides == ("Meta", "Amazon") and comparison.topic == "layoffs"
    assert analyze("Summarize the articles about the Buffalo snow storm").topic == "the Buffalo snow storm"
    assert analyze("Timeline of the House speaker vote").topic == "the House speaker vote"


@pytest.mark.parametrize(
    "question, sides, topic",
    [
        ("Trump vs Biden on the border", ("Trump", "Biden"), "the border"),
        ("Meta vs Amazon layoffs", ("Meta", "Amazon"), "layoffs"),
        ("Kansas City Chiefs vs San Francisco 49ers", ("Kansas City Chiefs", "San Francisco 49ers"), None),
        # an outside try of the web chat: read as "what Biden" and "Trump said", whose quotes the quote index could not
        # find, the answer put Abbott's words under Biden and Biden's under Trump
        ("Compare what Biden and Trump said about the border", ("Biden", "Trump"), "the border"),
        ("Compare how Haley and DeSantis think about Ukraine?", ("Haley", "DeSantis"), "Ukraine"),
        ("Compare Biden and Trump on the border", ("Biden", "Trump"), "the border"),
    ],
)
def test_x_vs_y_names_each_side_apart_from_the_topic(question, sides, topic):
    analysis = analyze(question)
    assert (analysis.kind, analysis.sides, analysis.topic) == ("comparison", sides, topic)


def test_negated_choice_question_is_marked():
    assert analyze("Which of the following politicians is not a candidate in Taiwan's election?").negated


# --- answers that hold the asked-for thing ---------------------------------------------------
# realtimeqa-dev, USA TODAY: one paragraph of each of three Hamlin articles of that week
HAMLIN_ARTICLES = [
    {
        "id": "hamlin-0102",
        "title": "Damar Hamlin updates: What we know about Bills' safety's condition",
        "published": "2023-01-02",
        "text": "Every team in the NFL joined together in solidarity on Twitter for Hamlin, changing their respective profile "
        'pictures to a royal blue image that says, "Pray for Damar." The logo also features No. 3, Hamlin\'s jersey '
        "number for the Bills.",
    },
    {
        "id": "hamlin-0105",
        "title": "Damar Hamlin updates: Buffalo Bills player asked in writing if team ...",
        "published": "2023-01-05",
        "text": "Both McDermott and Allen, asked if the Bills will be ready to play this Sunday against the New England "
        "Patriots, said the team would. Allen said the team’s talk with Damar’s father, Mario Hamlin, this week gave "
        "them the motivation to push forward.",
    },
    {
        "id": "hamlin-0106",
        "title": "Kevin McCarthy, California rain, Damar Hamlin, Jan. 6, inflation ...",
        "published": "2023-01-06",
        "text": "The Buffalo Bills and Cincinnati Bengals will not resume or replay their game that was suspended Jan. 2 "
        "following the collapse of Bills safety Damar Hamlin, the NFL announced. Both teams will finish the 2022 "
        "regular season with one fewer game played than every other team in the league.",
    },
]


SESAME = {  # realtimeqa-dev ac39277e7205 (CNN, 2022-12-29), paragraphs 2-4, 12-13 and the FDA's reminder
    "id": "sesame",
    "title": "FDA: Sesame joins major food allergens list on January 1 | CNN",
    "source": "cnn.com",
    "published": "2022-12-29",
    "text": "Starting January 1, sesame will join the list of major food allergens defined by law, according to the US Food and Drug Administration.\n\nThe change comes as a result of the Food Allergy Safety, Treatment, Education and Research Act, or FASTER Act, which was signed into law in April 2021.\n\nThe FDA has been reviewing whether to put sesame seeds on the major food allergens list — which also includes milk, eggs, fish, crustacean shellfish, tree nuts, peanuts, wheat and soybeans — for several years. Adding sesame to the major food allergens list means foods containing sesame will be subject to specific food allergen regulatory requirements, including those regarding labeling and manufacturing.\n\nBefore the FASTER Act, the FDA recommended food manufacturers voluntarily list sesame as an ingredient on food labels in November 2020. The guidance wasn’t a requirement and was intended to help people with sesame allergies identify foods that may contain the seed.\n\nUnder regulations before the 2020 recommendation, sesame had to be declared on a label if whole seeds were used as an ingredient. But labeling wasn’t required when sesame was used as a flavor or in a spice blend. It also wasn’t required for a product such as tahini, which is made from ground sesame paste. Some people aren’t aware that tahini is made from sesame seeds.\n\n“We remind consumers that foods already in interstate commerce before 2023, including those on retail shelves, do not need to be removed from the marketplace or relabeled to declare sesame as an allergen,” the FDA said in a December 15 statement. “Depending on shelf life, some food products may not have allergen labeling for sesame on the effective date. Consumers should check with the manufacturer if they are not sure whether a food product contains sesame.”",
}


@pytest.fixture(scope="module")
def news_bot(embedding, tmp_path_factory):
    from assistant import Assistant
    from ingest.pipeline import Index
    from ingest.settings import IngestSettings

    folder = tmp_path_factory.mktemp("answer-types")
    bot = Assistant(Index.open(IngestSettings(data_dir=folder), embedding=embedding))
    bot.add_records(
        [{**article, "source": "usatoday.com"} for article in HAMLIN_ARTICLES]
        + [
            SESAME,
            # news24-dev aa290d1eb2d1 (2020) and dc97a7bb9ef3 (2019): the same yearly event, a year apart
            {
                "id": "plunge-2020",
                "title": "Rain can't stop Lewes Polar Bear Plunge from shattering fundraising record",
                "source": "delawareonline.com",
                "published": "2020-02-03",
                "text": "The Lewes Polar Bear Plunge, in its 29th year, raised a record $1,018,000 for Special Olympics Delaware.",
            },
            {
                "id": "plunge-2019",
                "title": "Lewes Polar Bear Plunge draws thousands to Rehoboth Beach",
                "source": "delawareonline.com",
                "published": "2019-02-03",
                "text": "The Lewes Polar Bear Plunge, in its 28th year, raised $950,000 for Special Olympics Delaware.",
            },
        ]
    )
    return bot


def test_which_team_answer_names_the_team(news_bot):
    """Issue 13: 'Which team does Damar Hamlin play for?' was answered with 'Every team in the NFL…'
    and 'Allen said the team's talk…', which never say 'Buffalo Bills': a sentence that names an
    organisation the question does not name is now preferred."""
    answer = news_bot.ask("Which team does Damar Hamlin play for?", as_of="2023-01-06")
    assert answer.answered
    assert "Buffalo Bills" in answer.text
    cited = next(c for c in answer.citations if "Buffalo Bills" in c.quote)
    assert news_bot.article_text(cited.article_id)[cited.span[0] : cited.span[1]] == cited.quote


def test_same_event_a_year_apart_gives_the_newer_figure_first(news_bot):
    """A question naming no days is about recent news: on a near tie, last year's edition of a yearly
    event does not beat this year's."""
    answer = news_bot.ask("How much did the Lewes Polar Bear Plunge raise?", as_of="2020-02-10")
    assert answer.answered
    assert answer.citations[0].article_id == "plunge-2020"
    assert "$1,018,000" in answer.text.split("[1]")[0]


def test_fda_question_cites_the_sentence_that_says_so(news_bot):
    """Issue 13: the FDA answer cited 'reviewing whether to put sesame on the list' when 'Starting
    January 1, sesame will join the list' was in the same passage; that sentence names the agency
    only as 'the US Food and Drug Administration', which now counts as 'FDA'. It says "join", not
    that the FDA "adds": no "Yes." is read into it (an outside try found "Yes." given from sentences
    that named the words but had someone else do them)."""
    answer = news_bot.ask("Did the FDA add sesame to the list of major food allergens?", as_of="2023-01-02")
    assert answer.text.startswith(
        "The articles don't say so outright; the closest they come: Starting January 1, sesame will join"
    )
    # a month and day without a year is not given a calendar date (here it is the coming January 1)
    assert "(2022-01-01)" not in answer.text


def test_a_denied_claim_answers_no_and_cites_the_denial(news_bot):
    answer = news_bot.ask("Do foods already on store shelves need to be relabeled to declare sesame?", as_of="2023-01-02")
    assert answer.text.startswith("No. ")
    assert "do not need to be removed from the marketplace or relabeled" in answer.citations[0].quote


def test_true_or_false_with_an_unrelated_negation_is_not_false(news_bot):
    answer = news_bot.ask("True or false: tahini is made from ground sesame paste", as_of="2023-01-02")
    assert answer.text.startswith("True. ")


def test_a_weekday_before_a_possessive_gets_its_date_after_the_possessive():
    from assistant.answering.extractive import with_calendar_dates

    # an outside try saw "during Wednesday (2023-01-04)'s practice"
    assert with_calendar_dates("Allen spoke during Wednesday's practice.", "2023-01-05") == (
        "Allen spoke during Wednesday's (2023-01-04) practice."
    )


LIVE_BLOG = {  # realtimeqa-dev 92ac646572a4 (USA TODAY live updates, 2023-01-06): subheads between paragraphs
    "id": "hamlin-live",
    "title": "Damar Hamlin breathing on his own: Buffalo Bills player is talking ...",
    "source": "usatoday.com",
    "published": "2023-01-06",
    "text": "What doctors said about Damar Hamlin's health and recovery\n\nDoctors who treated the Buffalo Bills safety at "
    "the University of Cincinnati Medical Center addressed on Thursday the question of commotio cordis, the emergency "
    "response on the field on Monday night and topics on his health.\n\nTee Higgins pleased to hear about Damar "
    "Hamlin's progress\n\nFor the first time since Monday night, the Cincinnati Bengals wide receiver addressed the "
    "media about his mental state following the tackle with Hamlin.",
}


def test_a_subhead_is_not_the_answer(make_assistant):
    """An outside try: 'What is the latest on Damar Hamlin?' answered 'As of 2023-01-06: What doctors said
    about Damar Hamlin's health and recovery [1]', a live blog's subhead."""
    bot = make_assistant()
    bot.add_records([LIVE_BLOG])
    answer = bot.ask("What did doctors say about Damar Hamlin's health?", as_of="2023-01-07")
    assert answer.answered
    assert answer.citations[0].quote.startswith("Doctors who treated the Buffalo Bills safety")


def test_a_side_named_by_its_place_answers_which_school(make_assistant):
    """Sports writing names a side by its place ("Michigan players"), which the NER reads as a place:
    'Which school won…' was answered with the sentence naming Ohio State (an organisation) instead."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev ab821105c792 (USA TODAY, 2024-01-08), two paragraphs of the live blog
                "id": "cfp-final",
                "title": "Michigan vs. Washington highlights: National championship",
                "source": "usatoday.com",
                "published": "2024-01-08",
                "text": "The four-team College Football Playoff period featured its share of controversy, from the "
                "inclusion of Ohio State in the debut field in 2014 to this year's exclusion of unbeaten Florida "
                "State.\n\nIn addition to commemorative caps and shirts, Michigan players were collecting another "
                "keepsake from their College Football Playoff national championship win over Washington.",
            }
        ]
    )
    answer = bot.ask("Which school won the College Football Playoff National Championship this week?", as_of="2024-01-12")
    assert answer.answered
    assert answer.citations[0].quote.startswith("In addition to commemorative caps and shirts, Michigan players")


def test_a_question_in_an_article_is_never_the_answer(make_assistant):
    """An outside try: "Which of these menu items is McDonald's bringing back?" was answered with
    "More new McDonald's menu items? [1]", a line that asks and asserts nothing."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev 2d5c60bd33f4 (USA TODAY, 2023-06-06), two paragraphs
                "id": "mcdonalds",
                "title": "Grimace purple berry shake part of birthday meal new to McDonald's",
                "source": "usatoday.com",
                "published": "2023-06-06",
                "text": "More new McDonald's menu items? A Cheesy Jalapeño Bacon Quarter Pounder coming next month?\n\n"
                "McDonald's is already in the process of improving its burgers with a saucier Big Mac, softer "
                'sandwich buns, toasted golden brown, "perfectly melted cheese," and caramelized onions.',
            }
        ]
    )
    answer = bot.ask("Which new menu items is McDonald's bringing?", as_of="2023-06-10")
    assert answer.citations, answer.text
    assert not any(c.quote.rstrip().endswith("?") for c in answer.citations), answer.text


def test_a_person_called_by_surname_is_named_in_full(make_assistant):
    """An article names a person in full once and by surname after, and the sentence that answers is
    often a later one: "Which basketball star became the first … to score 40,000 career points?" was
    answered "James, who has scored …", which a reader (and the quiz) wants as LeBron James."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev d34b6e1c43c4 (USA TODAY, 2024-02-29), its second and third paragraphs
                "id": "lebron",
                "title": "LeBron James has scored 40,000 points. Timeline of scoring",
                "source": "usatoday.com",
                "published": "2024-02-29",
                "text": "In a remarkable career that has spanned two decades – a testament to longevity, consistency "
                "and durability – Los Angeles Lakers star LeBron James has done both. It was impossible to predict "
                "the kind of career James has had.\n\nAnd he’s not finished. James, who has scored more points than "
                "any player in NBA history, became the first player to score 40,000 career points during Saturday's "
                "game between the Lakers and Denver Nuggets.",
            }
        ]
    )
    answer = bot.ask("Which basketball star became the first in NBA history to score 40,000 career points?", as_of="2024-03-07")
    assert answer.text.startswith("James (LeBron James), who has scored more points"), answer.text
    cited = answer.citations[0]  # the quote and its span stay as the article has them
    assert cited.quote.startswith("James, who has scored") or cited.quote.startswith("And he’s not finished. James, who")
    assert bot.article_text("lebron")[cited.span[0] : cited.span[1]] == cited.quote


def test_a_sentence_that_introduces_a_list_is_cited_with_it(make_assistant):
    """ "…the following are the happiest countries:" answers nothing without the line after it."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev f0cadba3fa64 (USA TODAY, 2024-03-20), three paragraphs
                "id": "happiness",
                "title": "World Happiness Report 2024: US drops out of top 20 happiest countries",
                "source": "usatoday.com",
                "published": "2024-03-20",
                "text": "According to the World Happiness Report, the following are the happiest countries:\n\n"
                "Finland Denmark Iceland Sweden Israel Netherlands Norway Luxembourg Switzerland Australia New Zealand "
                "Costa Rica Kuwait Austria Canada Belgium Ireland Czechia Lithuania United Kingdom\n\n"
                "There isn't much difference in the top 10. Nordic countries are still dominating the happiness charts.",
            }
        ]
    )
    answer = bot.ask("Which are the happiest countries according to the World Happiness Report?", as_of="2024-03-22")
    cited = answer.citations[0]
    assert cited.quote.startswith("According to the World Happiness Report") and "Finland Denmark Iceland" in cited.quote
    assert "Finland Denmark" in answer.text
    assert bot.article_text("happiness")[cited.span[0] : cited.span[1]] == cited.quote


@pytest.mark.parametrize(
    "surname, text, name",
    [
        # news24-dev d312501107fe: the model's NER reads "Avi Boodram" as no entity, even in its sentence
        (
            "Boodram",
            'One of the "Worst Cooks in America" lives in Delaware.\n\nAvi Boodram who lives in Christiana',
            "Avi Boodram",
        ),
        ("Trump", "Former President Donald Trump clinched victory in the Iowa Caucuses on Monday.", "Donald Trump"),
        ("Haley", "When Haley spoke, former U.N. Ambassador Nikki Haley said", "Nikki Haley"),
        ("Trump", "Donald J. Trump won.", "Donald J. Trump"),
        ("Boodram", "He lives in Delaware. Boodram is a cook.", None),  # a sentence's end is not a first name
        # news24-dev e40d25242ff0: two paragraphs run together made "Trump's (Beto O'Rourke Trump) jibes"
        (
            "Trump",
            "Texas Gov. Greg Abbott held his seat against Democrat Beto O'Rourke Trump’s favored Pennsylvania "
            "candidate lost.\n\nShe flipped a Republican seat that President Donald Trump won in 2016.\n\n"
            "Michels is backed by former President Donald Trump, who has traveled to the state.",
            "Donald Trump",
        ),
    ],
)
def test_the_full_name_is_the_proper_nouns_before_a_mention_without_titles(surname, text, name):
    from assistant.answering.full_names import full_name

    assert full_name(surname, text) == name


@pytest.mark.parametrize(
    "sentence, number, age",
    [
        # realtimeqa-dev: "How old was she?" was answered with "…lived through … two World Wars …"
        ("At age 115, she was believed to be the oldest person in the U.S. when she died Tuesday.", "115", True),
        ("Pope Emeritus Benedict XVI, whose death at 95 was announced Saturday", "95", True),
        ("a relatively unknown 46-year-old lawmaker", "46", True),
        ("Bessie Hendricks of Iowa lived through the roaring '20s, the Great Depression, two World Wars", "two", False),
    ],
)
def test_how_old_asks_for_a_number_said_as_an_age(sentence, number, age):
    from assistant.answering.extractive import is_age

    assert is_age(sentence, number) is age


def test_a_sentence_that_does_not_name_whom_a_yes_no_question_asks_about_decides_nothing(make_assistant):
    """An outside try: 'What about Haley?' after the Iowa question, understood as 'Did Haley win the 2024
    Iowa caucuses?', was answered 'Yes.' from a sentence about Trump."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev 1ff57aa41ea8 (Des Moines Register, 2024-01-15), one paragraph
                "id": "iowa-replay",
                "title": "Iowa Caucus replay: Catch up after Trump won, DeSantis followed",
                "source": "desmoinesregister.com",
                "published": "2024-01-15",
                "text": "Donald Trump risks a loss in Iowa – even if he wins the 2024 caucus.\n\nNot even an hour after "
                "doors closed, the Associated Press called the 2024 Iowa Caucuses for Donald Trump at just 7:31pm local time.",
            }
        ]
    )
    answer = bot.ask("Did Haley win the 2024 Iowa caucuses?", as_of="2024-01-19")
    assert not answer.text.startswith(("Yes.", "No.")), answer.text
    # nor does one that only supposes it: "even if he wins" is no "Yes." for Trump either
    answer = bot.ask("Did Donald Trump win the 2024 Iowa caucuses?", as_of="2024-01-19")
    assert not answer.text.startswith(("Yes.", "No.")), answer.text


NH_PRIMARY = {  # news24-dev ef7767243720 (USA TODAY, 2024-01-23), its first three paragraphs
    "id": "nh-primary",
    "title": "NH primary: Donald Trump wins; Nikki Haley vows to stay in race",
    "source": "usatoday.com",
    "published": "2024-01-23",
    "text": "Former President Donald Trump defeated former South Carolina Gov. Nikki Haley in the New Hampshire Republican "
    "primary, winning over crucial Granite State voters.\n\nThe New Hampshire primary has long wielded the power to make "
    "or break presidential candidates. Today, all eyes were on the GOP race as Haley tried to build momentum against "
    "Trump with a coalition that included moderate and independent voters.\n\nOn the Democratic side, President Joe "
    "Biden also won over his challengers in a write-in campaign, defeating Rep. Dean Phillips, D-Minn., and author "
    "Marianne Williamson.",
}


@pytest.mark.parametrize(
    "question, verdict",
    [
        ("Did Haley win the New Hampshire primary?", "No."),  # Haley is the one defeated
        ("Did Trump win the New Hampshire primary?", "Yes."),
    ],
)
def test_did_x_win_is_no_when_x_was_defeated(make_assistant, question, verdict):
    """ "Did Haley win the New Hampshire primary?" got no verdict ("The articles don't say so outright")
    from the sentence in which Trump defeats her: being beaten answers "did she win" as plainly as winning does."""
    bot = make_assistant()
    bot.add_records([NH_PRIMARY])
    answer = bot.ask(question, as_of="2024-01-25")
    assert answer.text.startswith(verdict), answer.text


HAITI_EMERGENCY = {  # news24-dev 9638407648a9 (USA TODAY, 2024-03-04), three paragraphs
    "id": "haiti",
    "title": "Haiti state of emergency after gangs storm prison, riots",
    "source": "usatoday.com",
    "published": "2024-03-04",
    "text": "“The police were ordered to use all legal means at their disposal to enforce the curfew and apprehend all "
    "offenders,” said a statement from Finance Minister Patrick Boivert, acting prime minister.\n\nThe clashes follow "
    "violent protests that turned deadlier in recent days as the prime minister went to Kenya seeking to move ahead on a "
    "proposed U.N.-backed security mission in Haiti to be led by that East African country.\n\nHenry took over as prime "
    "minister after Moise’s assassination and has repeatedly postponed plans to hold parliamentary and presidential "
    "elections, which haven’t happened in almost a decade.",
}


@pytest.mark.parametrize(
    "sentence, role, question, holds",
    [
        ("Haiti Prime Minister Ariel Henry traveled abroad last week.", "prime minister", "of Haiti", True),
        ("Ariel Henry, Haiti's embattled prime minister, was in Kenya.", "prime minister", "of Haiti", True),
        ("Henry took over as prime minister after Moise’s assassination.", "prime minister", "of Haiti", True),
        ("… a statement from Finance Minister Patrick Boivert, acting prime minister.", "prime minister", "of Haiti", False),
        ("… as the prime minister went to Kenya.", "prime minister", "of Haiti", False),  # names no one
        ("Former Prime Minister Claude Joseph said so.", "prime minister", "of Haiti", False),  # held it once
        ("The party has ties with Russian President Vladimir Putin.", "president", "of Russia", True),
        # a title alone, in a sentence that names no Russia, is no holder of Russia's post
        ("Western leaders, including President Joe Biden, have blamed Putin.", "president", "of Russia", False),
        ("… the email from Spirit CEO Tom Gentile.", "CEO", "of Boeing", False),  # another's post
    ],
)
def test_a_holder_of_the_post_asked_about_is_named_beside_it(sentence, role, question, holds):
    assert extractive.names_the_holder(sentence, role, f"Who is the {role} {question}?") is holds


def test_who_holds_a_post_is_answered_by_the_sentence_that_names_the_holder(make_assistant):
    """An outside try: "Who is the prime minister of Haiti?" (as of 2024-03-12) led with "… as the prime minister went
    to Kenya …", which names no one; the same article's "Henry took over as prime minister …" names him."""
    bot = make_assistant()
    bot.add_records([HAITI_EMERGENCY])
    answer = bot.ask("Who is the prime minister of Haiti?", as_of="2024-03-12")
    assert answer.text.startswith("Henry took over as prime minister"), answer.text


HALEY_RACES = [
    NEVADA_TAKEAWAY,
    {  # news24-dev dd12e2f78327 (USA TODAY, 2024-03-05), its Vermont paragraph
        "id": "vermont",
        "title": "Super Tuesday recap: Trump, Biden pick up big wins; Haley set to drop out",
        "source": "usatoday.com",
        "published": "2024-03-05",
        "text": "Nikki Haley defeated Donald Trump in the Vermont Republican primary on Tuesday, notching her second victory "
        "in the GOP presidential nominating contest. Vermont is a deep-blue state, and it doesn’t have party registration.",
    },
]


def test_one_race_lost_is_no_no_to_whether_any_was_won(make_assistant):
    """An outside try: "Did Nikki Haley win any primaries?" (as of 2024-03-07) got "No." from her Nevada loss, though
    she had won Vermont two days before. A loss answers "did she win it"; "any" of several is answered by a win."""
    bot = make_assistant()
    bot.add_records([NH_PRIMARY, *HALEY_RACES])
    answer = bot.ask("Did Nikki Haley win any primaries?", as_of="2024-03-07")
    assert answer.text.startswith("Yes."), answer.text
    assert answer.citations[0].article_id == "vermont", answer.text
    # before Vermont, her losses are no verdict on races she had yet to run
    earlier = bot.ask("Did Nikki Haley win any primaries?", as_of="2024-02-20")
    assert not earlier.text.startswith(("Yes.", "No.")), earlier.text


@pytest.mark.parametrize(
    "sentence, names, article, shown",
    [
        # news24-dev: "Prior to the Super Bowl era, the Rams won two NFL championships" (a team, not an acronym)
        (
            "Prior to the Super Bowl era, the Rams won two NFL championships.",
            {"Rams": "ORG", "NFL": "ORG"},
            "Los Angeles Rams at Detroit Lions. The BetMGM NFL odds.",
            "Prior to the Super Bowl era, the Rams (Los Angeles Rams) won two NFL championships.",
        ),
        (
            "The Super Bowl 56 win was the Rams' last playoff appearance.",
            {"Rams": "ORG"},
            "Los Angeles Rams at Detroit Lions.",
            "The Super Bowl 56 win was the Rams' (Los Angeles Rams) last playoff appearance.",
        ),
        # "House Speaker Nancy Pelosi": a word that opens a longer name names no one alone
        (
            "House Speaker Nancy Pelosi said the Sergeant at Arms is resigning.",
            {"House": "PERSON"},
            "The White House said. House Speaker Nancy Pelosi said.",
            "House Speaker Nancy Pelosi said the Sergeant at Arms is resigning.",
        ),
        # news24-dev dd12e2f78327 (an outside try, "Who won on Tuesday?"): nor one that closes a longer name
        (
            "Rep. Dan Crenshaw, R-Texas, won his GOP House primary Tuesday against a challenger.",
            {"House": "ORG"},
            "The White House said Tuesday. Rep. Dan Crenshaw, R-Texas, won his GOP House primary.",
            "Rep. Dan Crenshaw, R-Texas, won his GOP House primary Tuesday against a challenger.",
        ),
        # ... but a title before a surname is no part of a name
        (
            "President Biden said he would sign it.",
            {"Biden": "PERSON"},
            "President Joe Biden spoke. President Biden said he would sign it.",
            "President Biden (Joe Biden) said he would sign it.",
        ),
        (  # news24-dev: a title opened with a single mark and closed with a double is no quotation closed first
            "Boodram is one of 16 contestants competing in 'Worst Cooks in America: Spoiled Rotten,\" a series.",
            {"Boodram": "PERSON"},
            "Avi Boodram of Newark. Boodram is one of 16 contestants.",
            "Boodram (Avi Boodram) is one of 16 contestants competing in 'Worst Cooks in America: Spoiled Rotten,\" a series.",
        ),
        (  # nor the sentence's first word (news24-dev, "Which NFL team recently won its first playoff game in 32 years?")
            "The Lions won their first playoff game in 32 years.",
            {"Lions": "ORG"},
            "The Detroit Lions beat the Rams. The Lions won their first playoff game in 32 years.",
            "The Lions (Detroit Lions) won their first playoff game in 32 years.",
        ),
    ],
)
def test_only_a_name_that_stands_alone_gets_its_full_form(sentence, names, article, shown):
    from assistant.answering.full_names import with_full_names

    assert with_full_names(sentence, names, article, is_rare=lambda word: True) == shown


@pytest.mark.parametrize(
    "question, sentence, does",
    [
        # an outside try on a journalist's own articles (as of 2026-06-12, the fire contained on April 23): "Is the
        # Ridgeback Fire still burning?" got "Yes." from a man "badly burned" ("burning" read as no verb, nothing was
        # checked), then from what the fire did ("burned 41,500 acres"), which says nothing of now
        (
            "Is the Ridgeback Fire burning?",
            "The death toll from the Ridgeback Fire rose to 13 after a Quarry Hill man who was badly burned while trying "
            "to save his horses died on Monday.",
            False,
        ),
        (
            "Is the Ridgeback Fire burning?",
            "The Ridgeback Fire, which was contained on April 23, burned 41,500 acres and destroyed 240 homes.",
            False,
        ),
        ("Is the Ridgeback Fire burning?", "The Ridgeback Fire is burning out of control north of Alder Springs.", True),
        # the second outside try: "Yes." for Haley from a sentence in which Trump defeats her
        (
            "Did Haley win the New Hampshire primary?",
            "Former President Donald Trump defeated former South Carolina Gov. Nikki Haley in the New Hampshire "
            "Republican primary, winning over crucial Granite State voters.",
            False,
        ),
        (
            "Did Trump win the New Hampshire primary?",
            "Former President Donald Trump defeated former South Carolina Gov. Nikki Haley in the New Hampshire "
            "Republican primary, winning over crucial Granite State voters.",
            True,
        ),
        (
            "Did Putin kill Navalny?",
            "The president pressed Putin on allegations that the Kremlin tried to poison Alexei Navalny.",
            False,
        ),
        # an outside try: "Is Haley still in the race?" got "Yes." from the sentence saying she will drop out of it
        (
            "Is Haley still in the race?",
            "Former South Carolina Gov. Nikki Haley will drop out of the 2024 presidential race in a Wednesday address.",
            False,
        ),
        (
            "Is Lloyd Austin still in the hospital?",
            'WASHINGTON – Defense Secretary Lloyd Austin was rushed to the hospital Sunday for symptoms of an "emergent" '
            "bladder issue and admitted to the critical care unit.",
            False,
        ),
        (
            "Is Austin still in the hospital?",
            '"Secretary Austin is still in the hospital and recovering well," Ryder confirmed.',
            True,
        ),
        # an outside try: "Did the Fed cut interest rates?" got "Yes." from a forecast of cuts (news24-dev
        # 187ea8c2b10a, 2024-01-31), and "Did Haley drop out?" from Trump's expecting her to (54fd9fa25c00, 2024-01-23)
        (
            "Did the Fed cut interest rates?",
            "In December, the Fed forecast three quarter-point cuts this year, more than anticipated, further stoking an "
            "S&P 500 stock index that was already vaulting toward a new record on the pullback of inflation and the "
            "prospect of lower rates.",
            False,
        ),
        (
            "Did Haley drop out?",
            "Trump said at a rally Monday that he expected Haley to drop out of the race Tuesday.",
            False,
        ),
        ("Did the Fed cut interest rates?", "The Fed cut interest rates by a quarter point on Wednesday.", True),
        # the second outside try: "Did Haley win the DC primary?" got no verdict from "Nikki Haley defeated Donald
        # Trump in Sunday's Republican primary in Washington, D.C." (news24-dev da106e65d2e1, 2024-03-03)
        (
            "Did Haley win the DC primary?",
            "WASHINGTON – Nikki Haley defeated Donald Trump in Sunday's Republican primary in Washington, D.C., her first "
            "win in what remains an uphill battle to somehow overtake the former president for the 2024 GOP "
            "presidential nomination.",
            True,
        ),
        # the second outside try: "Did the Fed cut rates?" got "Yes." from economists' expectation (news24-dev
        # 18e1eb6a9f0f, 2024-02-13)
        (
            "Did the Fed cut rates?",
            "Most economists still think the Fed will start cutting its rate in June from its 22-year-high of roughly 5.4%.",
            False,
        ),
        (
            "True or false: tahini is made from ground sesame paste",
            "It wasn't required for tahini, which is made from ground sesame paste.",
            True,
        ),
    ],
)
def test_a_yes_no_verdict_needs_the_subject_to_do_the_verb(question, sentence, does):
    from assistant.answering.verdict import does_what_was_asked

    assert does_what_was_asked(question, sentence) is does


def test_a_neighbouring_sentence_joins_the_answer_when_it_names_what_was_asked(make_assistant):
    """ "What is the world's happiest country?" was answered with the sentence just above the list
    ("…the US isn't ranked in the world's top 20"): the list, which names Finland, was left out for
    sitting within a few lines of it, although it scored as well."""
    bot = make_assistant()
    text = (  # news24-dev f0cadba3fa64 (USA TODAY, 2024-03-20), its first five paragraphs
        "The 2024 World Happiness Report, a list of the happiest countries in the world, has been released today on "
        "International Day of Happiness. And spoiler alert, the United States isn't at the top.\n\n"
        "For the first time since the World Happiness Report was first released 12 years ago, the US isn't ranked in "
        "the world's top 20 happiest countries. It sits at No. 23, the United Arab Emirates is ranked at 22 and "
        "Slovenia at 21.\n\nWorld Happiness Report: So which are the top 20 happiest countries?\n\n"
        "According to the World Happiness Report, the following are the happiest countries:\n\n"
        "Finland Denmark Iceland Sweden Israel Netherlands Norway Luxembourg Switzerland Australia New Zealand "
        "Costa Rica Kuwait Austria Canada Belgium Ireland Czechia Lithuania United Kingdom"
    )
    bot.add_records(
        [
            {
                "id": "happiness",
                "title": "World Happiness Report 2024: US drops out of top 20 happiest countries",
                "source": "usatoday.com",
                "published": "2024-03-20",
                "text": text,
            }
        ]
    )
    answer = bot.ask("According to the 2024 World Happiness Report, what is the world’s happiest country?", as_of="2024-03-22")
    assert "Finland" in answer.text, answer.text
    cited = next(c for c in answer.citations if "Finland" in c.quote)
    assert bot.article_text("happiness")[cited.span[0] : cited.span[1]] == cited.quote


def test_the_sentence_that_settles_a_yes_no_question_leads(make_assistant):
    """An outside try: "Did Trump win the Michigan primary?" got "The articles don't say so outright"
    from the best-ranked sentence, in which no one wins ("Minutes after winning …, Donald Trump phoned
    in …"), though the same live blog says "Donald Trump won Michigan's Republican primary"."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev 421eaf3a4144 (USA TODAY, 2024-02-27), two of its paragraphs
                "id": "michigan",
                "title": "Michigan primary replay: Donald Trump wins against Nikki Haley",
                "source": "usatoday.com",
                "published": "2024-02-27",
                "text": "Minutes after winning Michigan's Republican primary, Donald Trump phoned in to a Michigan "
                "Republican watch party to celebrate.\n\nFormer President Donald Trump won Michigan's Republican "
                "primary, defeating former South Carolina Gov. Nikki Haley in another 2024 contest.",
            }
        ]
    )
    answer = bot.ask("Did Trump win the Michigan primary?", as_of="2024-03-08")
    assert answer.text.startswith("Yes. As of 2024-02-27: Former President Donald Trump won"), answer.text
    answer = bot.ask("Did Haley win the Michigan primary?", as_of="2024-03-08")
    assert answer.text.startswith("No. As of 2024-02-27: Former President Donald Trump won"), answer.text
    # a true/false verdict stays first as well (it was dated before it: "As of 2024-02-27: True. …")
    answer = bot.ask("True or false: Trump won the Michigan primary.", as_of="2024-03-08")
    assert answer.text.startswith("True. As of 2024-02-27: Former President Donald Trump won"), answer.text


def test_a_name_asked_about_is_not_matched_by_the_same_word_in_lower_case(make_assistant):
    """An outside try: "What is the latest on the Fed?" (as of 2024-03-20) began with "The 687 Reamer Fire fed
    into it": the keyword match folds case, and "fed" the verb held the question's name. A one-word name is held
    only by a passage that writes it capitalised."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev 3373e0183972 (USA TODAY, 2024-02-29)
                "id": "fire",
                "title": "Texas wildfire: Panhandle fire becomes largest in state's history",
                "source": "usatoday.com",
                "published": "2024-02-29",
                "text": "The Smokehouse blaze caused a brief shutdown of a nuclear plant earlier in the week. The 687 "
                "Reamer Fire fed into it after consuming an additional 2,000 acres of land.",
            },
            {  # news24-dev 187ea8c2b10a (USA TODAY, 2024-01-31)
                "id": "fed",
                "title": "Fed decision: Interest rates unchanged, March cut unlikely",
                "source": "usatoday.com",
                "published": "2024-01-31",
                "text": "There’s little doubt that a slide in rates is on the way. In December, the Fed forecast three "
                "quarter-point cuts this year, more than anticipated.",
            },
        ]
    )
    answer = bot.ask("What is the latest on the Fed?", as_of="2024-03-20")
    assert [c.article_id for c in answer.citations][:1] == ["fed"], answer.text
    assert "Reamer" not in answer.text, answer.text


def test_a_nation_asked_by_one_name_is_held_by_a_passage_that_writes_another(make_assistant):
    """An eval miss (news24-dev, asked 2024-01-18): "Which type of Apple product was once again banned in America?"
    was declined with the ban's story retrieved: it writes "U.S." and "United States", never "America", and a
    name of the question missing from every passage left too little of it."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev e3b475d2afeb (USA TODAY, 2023-12-26), its first paragraphs
                "id": "watch-ban",
                "title": "Apple Watch ban remains in US after Biden admin ruling: What to know",
                "source": "usatoday.com",
                "published": "2023-12-26",
                "text": "The Biden administration announced Tuesday it will uphold a U.S. International Trade Commission "
                "order banning the sale of certain Apple Watches.\n\nAccording to a release by the Office of the United "
                "States Trade Representative, Ambassador Katherine Tai declined to reverse an Oct. 26 ITC decision that "
                "found a blood-oxygen tracking feature in Apple Watches infringed on existing patents.\n\nApple did not "
                "immediately respond to USA TODAY's request for comment.",
            }
        ]
    )
    answer = bot.ask("Which type of Apple product was once again banned in America?", as_of="2024-01-18")
    assert answer.answered, answer.text
    assert "Apple Watches" in answer.text and answer.citations[0].article_id == "watch-ban", answer.text


@pytest.mark.parametrize(
    "text, named",
    [
        ("a sweeping import ban in the U.S.", True),
        ("the United States Trade Representative", True),
        ("Americans under winter storm alerts", True),
        ('"It hurt us," he told us.', False),  # the pronoun names no nation
        ("USA TODAY's request for comment", False),  # nor does the newspaper
    ],
)
def test_a_nation_is_named_by_any_of_its_names_in_their_case(text, named):
    assert ("america" in extractive.nation_names(text)) is named


@pytest.mark.parametrize(
    "entity, holds",
    [("April 15", True), ("2024", False), ("Wednesday", False), ("this year", False), ("mid-March", True)],
)
def test_which_month_is_answered_by_a_month_not_by_any_day(entity, holds):
    from assistant.answering.question import holds_the_unit

    assert holds_the_unit(analyze("In which month is the deadline to file tax returns?"), entity) is holds


@pytest.mark.parametrize(
    "entity, holds",
    [
        ("four years", True),
        ("four-year", True),
        ("720 days", True),
        ("a decade", True),
        ("the next day", False),  # news24-dev: "How long is Kamila Valieva banned for?" met "But the next day, …"
        ("Feb. 7, 2022", False),
        ("then-15-year-old", False),
        ("six weeks earlier", False),
        ("modern-day", False),
        ("next-day", False),
        ("two-week", True),
    ],
)
def test_how_long_is_answered_by_a_length_of_time_not_by_a_day(entity, holds):
    from assistant.answering.question import holds_the_unit

    assert holds_the_unit(analyze("How long is Kamila Valieva banned for?"), entity) is holds


@pytest.mark.parametrize("entity, holds", [("8 a.m.", True), ("10:30", True), ("noon", True), ("Wednesday", False)])
def test_what_time_is_answered_by_a_time_of_day(entity, holds):
    from assistant.answering.question import holds_the_unit

    assert holds_the_unit(analyze("What time can Delaware bars start serving alcohol?"), entity) is holds


def test_which_month_cites_the_sentence_with_a_month(make_assistant):
    """ "In which month is the deadline …?" was answered "Taxpayers in 13 states can file income taxes with the
    IRS for free in 2024": a year was taken for the month asked for."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev 26c4fd7f448e (USA TODAY, 2024-01-07), three of its lines
                "id": "tax-season",
                "title": "Tax season 2024: When are taxes due? When will I get my refund?",
                "source": "usatoday.com",
                "published": "2024-01-07",
                "text": "Free file: Taxpayers in 13 states can file federal income tax returns with the IRS for free in "
                "2024.\n\nTaxes are due by April 15, which falls on a Monday.\n\nThe IRS extends the annual tax "
                "deadline for taxpayers who live or do business in areas afflicted by disasters.",
            }
        ]
    )
    answer = bot.ask("In which month is the deadline for most Americans to file their federal income tax returns?")
    assert answer.answered
    assert answer.citations[0].quote.startswith("Taxes are due by April 15")


def test_a_betting_line_is_no_answer(make_assistant):
    """An outside try: "Who was the Super Bowl MVP?" (as of 2024-03-15) answered "Christian McCaffrey Super Bowl MVP
    (+450)", a line of odds in a preview: a closing bracket was taken for the end of a sentence."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev e87083437d95 (USA TODAY, 2024-01-30), four of its paragraphs
                "id": "prop-bets",
                "title": "Best Super Bowl LVIII player prop bets for Chiefs-49ers you can make",
                "source": "usatoday.com",
                "published": "2024-01-30",
                "text": "If the Chiefs get the lead early, then Purdy will be in a position to run the ball more often, "
                "and that's good for anyone looking for the over on Purdy rushing yards.\n\nChristian McCaffrey Super "
                "Bowl MVP (+450)\n\nAs talented as Brock Purdy is, Christian McCaffrey is more likely to have a big day "
                "on the ground than Purdy is to dominate through the air.\n\nSure, a running back hasn't won Super "
                "Bowl MVP since 1998, but McCaffrey is more than a running back.",
            }
        ]
    )
    answer = bot.ask("Who was the Super Bowl MVP?", as_of="2024-03-15")
    assert all("(+450)" not in c.quote for c in answer.citations), answer.text


@pytest.mark.parametrize(
    "passage, sentences",
    [
        (  # news24-dev a3a86d19b9ef: the scrape ran two sentences together
            "A recent poll found Americans now believe immigration to be the most important issue facing the US.More "
            "than 100 Palestinians were killed.",
            [
                "A recent poll found Americans now believe immigration to be the most important issue facing the US.",
                "More than 100 Palestinians were killed.",
            ],
        ),
        ("Mr.Smith said so. See usatoday.com for more.", ["Mr.Smith said so.", "See usatoday.com for more."]),
        ("The U.S.Army said it.", ["The U.S.Army said it."]),
        # news24-dev 2811e75b7911: a list's bullet is no word of the sentence cited ("▶ Southern Illinois …")
        (
            "▶ Southern Illinois University Carbondale was on the path of totality for the 2017 solar eclipse, and it "
            "will be again this year.",
            [
                "Southern Illinois University Carbondale was on the path of totality for the 2017 solar eclipse, and it "
                "will be again this year."
            ],
        ),
    ],
)
def test_sentences_run_together_are_cited_apart(passage, sentences):
    """An outside try: "What is the latest death toll in Gaza?" cited "…facing the US.More than 100 Palestinians were
    killed…", a poll's finding and the toll as one sentence."""
    from assistant.answering.extractive import citable_sentences

    assert [passage[a:b] for a, b in citable_sentences(passage)] == sentences


def test_a_day_word_inside_a_quotation_gets_no_date():
    """The second outside try: "“There's no consensus today (2024-02-27) to send troops,” Macron told reporters …
    on Monday (2024-02-26)": a date inside the speaker's words, and the wrong one (he spoke on Monday; news24-dev
    35fb143ff10a). The words outside the quotation are dated; those inside stay as said."""
    from assistant.answering.extractive import with_calendar_dates

    sentence = "“There's no consensus today to send troops,” Macron told reporters in Paris on Monday."
    assert with_calendar_dates(sentence, "2024-02-27") == (
        "“There's no consensus today to send troops,” Macron told reporters in Paris on Monday (2024-02-26)."
    )
    assert with_calendar_dates('"We will sail Friday," she said Thursday.', "2022-12-30") == (
        '"We will sail Friday," she said Thursday (2022-12-29).'
    )
    # a journalist's try: a sentence cut from inside a quotation of several sentences closes it without opening it
    assert with_calendar_dates("There's a woman tonight here who waited all day,” she said Saturday.", "2023-03-19") == (
        "There's a woman tonight here who waited all day,” she said Saturday (2023-03-18)."
    )


def test_which_state_names_the_state_a_party_tag_abbreviates(make_assistant):
    """Asked "Which state held a special election this week to replace … George Santos?", Byline cited the one
    sentence that says, but it says so only as "R-N.Y.": the answer names the state after the abbreviation,
    and the citation keeps the article's words."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev a9938a4c9635 (USA TODAY, 2024-02-14), its first paragraph and its last seat's
                "id": "suozzi",
                "title": "When will the House's remaining open seats be filled?",
                "source": "usatoday.com",
                "published": "2024-02-14",
                "text": "WASHINGTON – Former Democratic U.S. Rep. Tom Suozzi will soon return to the House to represent "
                "Queens and Long Island after winning the seat vacated by disgraced former Rep. George Santos, R-N.Y.\n\n"
                "New York's 26th District\n\nRep. Brian Higgins, D-N.Y., left his position of nearly 20 years earlier "
                "this month after citing frustrations with divisions and lack of action in Congress to take a job as CEO "
                "of a performing arts center in Buffalo.\n\nThe Democratic-leaning district abuts Canada near Niagara "
                "Falls. The special election to replace him will be held on April 30.",
            }
        ]
    )
    answer = bot.ask(
        "Which state held a special election this week to replace the disgraced former congressman George Santos?",
        as_of="2024-02-16",
    )
    assert "George Santos, R-N.Y. (New York)." in answer.text, answer.text
    for cited in answer.citations:
        assert "(New York)" not in cited.quote
        assert bot.article_text("suozzi")[cited.span[0] : cited.span[1]] == cited.quote
    # asked about something else, the sentence is left as the article wrote it
    other = bot.ask("Who won the seat vacated by George Santos?", as_of="2024-02-16")
    assert "R-N.Y." in other.text and "(New York)" not in other.text, other.text


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Sen. Alex Padilla, D-Calif., said so.", "Sen. Alex Padilla, D-Calif. (California), said so."),
        ("Rep. Elise Stefanik, R-NY, said", "Rep. Elise Stefanik, R-NY (New York), said"),
        ("Crews reached Albany, N.Y., on Monday.", "Crews reached Albany, N.Y. (New York), on Monday."),
        ("Rep. George Santos, R-N.Y., a New York Republican, quit.", "Rep. George Santos, R-N.Y., a New York Republican, quit."),
        ("Fans lined up at IN-N-OUT and at Ga. stores.", "Fans lined up at IN-N-OUT and at Ga. stores."),
    ],
)
def test_a_state_is_named_only_where_news_abbreviates_one(sentence, shown):
    assert with_state_names(sentence) == shown


def test_the_lead_that_gives_the_headline_s_figure_answers_in_its_words(make_assistant):
    """An outside try: "How much is the grant for the Intel plant in Ohio?" was answered "Intel also is receiving
    more than $2 billion in incentives from Ohio …": the lead, "Intel has landed $8.5 billion in federal subsidies
    …", holds none of the question's words but "Intel", while the headline holds them all. A lead giving the
    headline's figure tells the headline's fact in full, and answers as well as the headline would."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev 37689b3c6568 (The Columbus Dispatch via USA TODAY, 2024-03-20), shortened
                "id": "intel",
                "title": "Biden administration announces $8.5 billion grant for Ohio Intel plant",
                "source": "usatoday.com",
                "published": "2024-03-20",
                "text": "Intel has landed $8.5 billion in federal subsidies and is eligible for up to $11 billion in "
                "low-cost loans to help the semiconductor giant finance its $100 billion building spree across the "
                "country, including its project in New Albany that will become a regional cluster for U.S. "
                "chipmaking, the Biden administration and Intel announced Wednesday morning.\n\nIn Ohio, Intel is "
                "expected to create 3,000 manufacturing jobs in Ohio, 7,000 construction jobs and an estimated 10,000 "
                "indirect jobs.\n\nIntel also is receiving more than $2 billion in incentives from Ohio and New Albany.",
            }
        ]
    )
    answer = bot.ask("How much is the grant for the Intel plant in Ohio?", as_of="2024-03-22")
    # a measure asked with "is" is the one now, so the answer is dated
    assert answer.text.startswith("As of 2024-03-20: Intel has landed $8.5 billion in federal subsidies"), answer.text


def test_how_big_is_answered_by_a_measure(make_assistant):
    """An outside try: "How big is the Smokehouse Creek fire?" (2024-03-02) was answered "the Smokehouse Creek Fire
    has grown to become the largest in the state's history", with no size: "how big" was no question kind, and "big"
    a word the answer had to hold. It asks for a measure, as "how many" asks for a count."""
    from tests.assistant.test_time_questions import SMOKEHOUSE_MARCH_1

    bot = make_assistant()
    bot.add_records([SMOKEHOUSE_MARCH_1])
    assert analyze("How big is the Smokehouse Creek fire?").kind == "how_much"
    answer = bot.ask("How big is the Smokehouse Creek fire?", as_of="2024-03-02")
    assert "1,075,000 acres" in answer.text.split("[1]")[0], answer.text


def test_a_score_asked_for_is_the_result_s_tally(make_assistant):
    """An outside try: "What was the score of the Lions Rams playoff game?" (2024-01-15) gave Matthew Stafford booed
    by Detroit fans and no score. A score or a vote asked for is a tally ("24-23"), which the entity recognizer does
    not read as one; the result's ("defeated …, 24-23") over one along the way ("to take a 21-10 lead")."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev b49f2e6db187 (USA TODAY live page, 2024-01-14), four of its paragraphs, in its order
                "id": "lions",
                "title": "Rams vs. Lions wild card playoff highlights: Detroit wins first playoff game in 32 years",
                "source": "usatoday.com",
                "published": "2024-01-14",
                "text": "Los Angeles Rams quarterback Matthew Stafford was booed by Detroit fans on Sunday as he emerged "
                "from the tunnel before the team kicked off its NFC wild-card playoff game against the Lions.\n\n"
                "The No. 3-seeded Detroit Lions defeated the No. 6 Los Angeles Rams, 24-23, Sunday in the NFC "
                "wild-card round at Ford Field. The Lions' first playoff win since Jan. 5, 1992 ended the NFL's longest "
                "postseason victory drought.\n\n"
                "Jared Goff found tight end SamLaPorta on a slant near the back of the end zone for the Lions’ third "
                "touchdown of the game to take a 21-10 lead over the Rams.\n\n"
                "Lions lead 14-3 after first quarter",
            }
        ]
    )
    answer = bot.ask("What was the score of the Lions Rams playoff game?", as_of="2024-01-15")
    assert answer.text.startswith("The No. 3-seeded Detroit Lions defeated the No. 6 Los Angeles Rams, 24-23"), answer.text


@pytest.mark.parametrize(
    "text, tallies",
    [
        ("defeated the No. 6 Los Angeles Rams, 24-23, Sunday", ["24-23"]),
        ("House of Representatives passed a bill on Wednesday in support of a TikTok ban, 352-65", ["352-65"]),
        # a team's record, a telephone number, a season, a day of the week in a week
        ("The Lions (13-5) ended a nine-game postseason losing streak", []),
        ("Call the National Council on Problem Gambling 24/7 at 1-800-GAMBLER", []),
        ("in the 2023-24 season", []),
        # a researcher's try (news24-dev da423ab3c0a0): the House's vote told with "to"; not a range
        ("The vote was passed with an overwhelming bipartisan majority of 352 to 65, with one vote present", ["352 to 65"]),
        ("Polls are open from 7 to 8 p.m.", []),
        ("Between 10 to 15 percent of voters", []),
        ("adults aged 18 to 29 years", []),
    ],
)
def test_a_tally_is_two_counts_joined(text, tallies):
    from assistant.answering.question import TALLY

    assert TALLY.findall(text) == tallies


def test_the_vote_count_asks_for_the_vote():
    """ "What was the House vote count on the TikTok bill?" was read as asking for a "count" of no kind: no tally."""
    assert analyze("What was the House vote count on the TikTok bill?").head == "vote"


ORLANDO_REACTIONS = {  # polnear-dev nyt_2016-06-15_global-sympathy-but-very-little- (NYT), two paragraphs
    "id": "orlando-reactions",
    "title": "Global sympathy, but very little surprise; Orlando attacks resonate nowhere more than in Europe",
    "source": "nyt",
    "published": "2016-06-15",
    "text": "The Orlando attack now ranks as the deadliest mass shooting in United States history.\n\nMore than 300,000 "
    "Chinese students are studying at American universities, and the Orlando shooting brought on new concerns from "
    "Chinese parents.",
}
ORLANDO_TOLL = {  # polnear-dev politico_2016-06-13_terrorism-experts-rebuke-trump-p (Politico), its first two paragraphs
    "id": "orlando-toll",
    "title": "Terrorism experts rebuke Trump proposal for more airstrikes",
    "source": "politico",
    "published": "2016-06-13",
    "text": "Donald Trump's assertion Monday that more airstrikes are needed in Iraq and Syria to prevent terrorist attacks "
    "like the mass shooting in Orlando drew rebukes from the Pentagon and others across the political spectrum who "
    "have prosecuted the war on terrorism — including some who warned it could make matters worse.\n\n"
    '"We have to really increase the bombings," the presumptive Republican presidential nominee told "Fox and '
    "Friends\" after he was asked about the Islamic State's claim of credit for the attack by an American Muslim who "
    "pledged his allegiance to the group during the massacre that killed 49 people and wounded 53.",
}


@pytest.mark.parametrize("question", ["How many people died in the Orlando shooting?", "How many people were killed in Orlando?"])
def test_people_counted_are_counted_by_what_happened_to_them(make_assistant, question):
    """A researcher's try (polnear-dev, as of 2016-06-15): "How many people died in the Orlando nightclub shooting?" was
    answered "More than 300,000 Chinese students are studying at American universities …": any number of people was
    taken for the toll. A count of people asked by what happened to them is answered by a sentence telling it ("the
    massacre that killed 49 people"; dying and killing tell one toll), or by none."""
    bot = make_assistant()
    bot.add_records([ORLANDO_REACTIONS])
    closest = bot.ask(question, as_of="2016-06-15").text
    assert "300,000" not in closest.split("[1]")[0]
    assert closest.startswith("No article here gives that number; the closest they come:"), closest
    bot.add_records([ORLANDO_TOLL])
    assert "killed 49 people" in bot.ask(question, as_of="2016-06-15").text.split("[1]")[0]


TIKTOK_VOTE = {  # news24-dev 1c9588126f12, one paragraph
    "id": "1c9588126f12",
    "title": "Did TikTok get banned? Why? US House votes in favor, but bill's ...",
    "source": "usatoday.com",
    "published": "2024-03-13",
    "text": "No. The U.S. House of Representatives passed a bill on Wednesday in support of a TikTok ban, 352-65. However, "
    "the bill has not yet reached the Senate.",
}
TIKTOK_NEXT = {  # news24-dev 396c5a2f1b7a, one paragraph
    "id": "396c5a2f1b7a",
    "title": "Is TikTok getting banned? What we know about the bill and Florida ...",
    "source": "usatoday.com",
    "published": "2024-03-14",
    "text": "This week the House of Representatives voted to pass a TikTok bill that will now move to the Senate. If the "
    "bill passes in the Senate, TikTok will be forced to either separate from its Chinese parent company, ByteDance, "
    "or be banned in the U.S.",
}


TIKTOK_TEXAS = {  # news24-dev 3e6e17b1ce00, one paragraph
    "id": "3e6e17b1ce00",
    "title": "TikTok ban bill: See how all Texas members of the House voted on ...",
    "source": "usatoday.com",
    "published": "2024-03-13",
    "text": "The House passed the bill 352-65, with one member, Rep. Jasmine Crockett, D-Texas, voting present and an "
    "additional 14 representatives abstaining.",
}


@pytest.mark.parametrize("tally", [TIKTOK_VOTE, TIKTOK_TEXAS])
def test_a_vote_s_tally_counts_the_voters(make_assistant, tally, monkeypatch):
    """An outside try on news24-dev (as of 2024-03-15): "How many people voted for the TikTok bill in the House?" said
    "No article here gives that number", and the reply to "Did the House pass the TikTok bill?" cited "352-65". A
    tally counts the voters without saying "voted" ("passed a bill … 352-65"); and the sentence that says "voted"
    and "TikTok" with no number ranked first, above "The House passed the bill 352-65, with one member … voting
    present", whose "TikTok" is in its headline: a count a little further down, from a passage that answers, is the
    answer."""
    bot = make_assistant()
    bot.add_records([tally, TIKTOK_NEXT])
    answer = bot.ask("How many people voted for the TikTok bill in the House?", as_of="2024-03-15")
    assert "352-65" in answer.text.split("[1]")[0], answer.text
    # on the whole archive the tally ranked below the best few sentences that the entity recognizer reads for a
    # number (`TYPED_POOL`), which here hold fewer of the week's TikTok stories: with one, the count still leads
    monkeypatch.setattr(extractive, "TYPED_POOL", 1)
    crowded = bot.ask("How many people voted for the TikTok bill in the House?", as_of="2024-03-15")
    assert "352-65" in crowded.text.split("[1]")[0], crowded.text


def test_people_counted_are_counted_whole_not_by_a_group_of_them(make_assistant):
    """An outside try on news24-dev (as of 2024-02-16): "How many people were shot at the Kansas City parade?" was
    answered "11 children were shot …", the next sentence being "In total 22 people suffered gunshot wounds": a count
    of some of them (children) gives way to the same article's count of people."""
    bot = make_assistant()
    bot.add_records([PARADE_SHOOTING])
    answer = bot.ask("How many people were shot at the Kansas City parade?", as_of="2024-02-16")
    assert answer.text.startswith("In total 22 people suffered gunshot wounds"), answer.text


def test_the_happening_a_count_of_people_asks_for():
    from assistant.answering.question import counted_happening

    assert {"die", "kill"} <= counted_happening("How many people died in the Orlando nightclub shooting?")
    assert "arrest" in counted_happening("How many people have been arrested?")
    assert counted_happening("How many acres has the fire burned?") == frozenset()  # acres are counted as acres


EARLIER_SHOOTINGS = {  # news24-dev b6dd60151af1 (USA TODAY, 2024-02-15): the paragraph of the parade, two of its list
    "id": "parade-and-earlier",
    "title": "Kansas City Super Bowl parade latest shooting at US celebration",
    "source": "usatoday.com",
    "published": "2024-02-15",
    "text": PARADE_SHOOTING["text"]
    + "\n\nChicago suburb Fourth of July parade in 2022 : A gunman armed with an AR-15-style rifle opened fire from a "
    "rooftop during a Fourth of July parade in Highland Park, Illinois. The attack occurred about 15 minutes after the "
    "parade had started, killing seven people and wounding 48 others.\n\nCalifornia Lunar New Year celebrations in "
    "January 2023 : Following Lunar New Year celebrations in Monterey Park, California, 11 people were killed and nine "
    "others injured after a gunman began shooting at a dance studio.",
}


def test_a_count_of_another_place_s_event_is_no_count_of_the_asked_one(make_assistant):
    """An outside try on news24-dev (as of 2024-02-16): "How many people died in the Kansas City parade shooting?" got
    "Following Lunar New Year celebrations in Monterey Park, California, 11 people were killed … [1] The attack
    occurred about 15 minutes after the parade had started, killing seven people" (Highland Park's): counts from the
    article's list of earlier shootings. A count whose sentence, or paragraph up to it, names another place than the
    question's, and not the question's, is another event's."""
    bot = make_assistant()
    bot.add_records([EARLIER_SHOOTINGS])
    answer = bot.ask("How many people died in the Kansas City parade shooting?", as_of="2024-02-16")
    assert "11 people were killed" not in answer.text and "killing seven people" not in answer.text, answer.text
    assert answer.text.startswith("In total 22 people suffered gunshot wounds, including one fatality"), answer.text


PARADE_ARTICLE = json.loads((Path(__file__).parent / "parade_shooting_article.json").read_text(encoding="utf-8"))["article"]


@pytest.mark.parametrize(
    "question",
    ["How many people were killed in the Kansas City shooting?", "How many people died in the Kansas City parade shooting?"],
)
def test_a_count_further_down_the_article_of_the_asked_place_is_found(make_assistant, question):
    """Outside tries on news24-dev (as of 2024-02-16), the whole article: first the counts of its list of earlier
    shootings (Monterey Park's 11, Highland Park's seven); without them, "No article here gives that number", though
    its parade paragraph says "In total 22 people suffered gunshot wounds, including one fatality", ranked below its
    opening. The rest of the best passage's article is read for a count of the asked place's people."""
    bot = make_assistant()
    bot.add_records([PARADE_ARTICLE])
    answer = bot.ask(question, as_of="2024-02-16")
    assert answer.text.startswith("In total 22 people suffered gunshot wounds, including one fatality"), answer.text


HAITI_PRISON = {  # news24-dev 9638407648a9 (USA TODAY, 2024-03-04), two paragraphs
    "id": "9638407648a9",
    "title": "Haiti state of emergency after gangs storm prison, riots",
    "source": "usatoday.com",
    "published": "2024-03-04",
    "text": "But the siege Saturday night of the National Penitentiary came as a shock even to Haitians accustomed to living "
    "under the constant threat of violence. Almost all of the estimated 4,000 inmates fled in the jailbreak, leaving the "
    "usually overcrowded facility eerily empty Sunday with no guards in sight and plastic sandals, clothing and furniture "
    "strewn across the concrete patio. Three bodies with gunshot wounds lay at the prison entrance.\n\nAmong the few "
    "dozen who chose to stay in the prison are 18 former Colombian soldiers accused of working as mercenaries in the July "
    "2021 assassination of Haitian President Jovenel Moïse.",
}


def test_people_counted_by_what_they_are_are_counted_as_what_happened_to_them(make_assistant):
    """An outside try (as of 2024-03-06): "How many inmates escaped from the Haitian prison?" got "Among the few dozen
    who chose to stay in the prison are 18 former Colombian soldiers": the number of those who stayed. Inmates,
    hostages, migrants … are counted as people are, by a sentence that tells the happening (fleeing is escaping)."""
    bot = make_assistant()
    bot.add_records([HAITI_PRISON])
    answer = bot.ask("How many inmates escaped from the Haitian prison?", as_of="2024-03-06")
    assert answer.text.startswith("Almost all of the estimated 4,000 inmates fled"), answer.text


@pytest.mark.parametrize(
    "asked, written",
    [("August 15th", "Aug. 15"), ("Sept. 3rd", "September 3"), ("December 1st", "Dec. 1"), ("the 22nd of Feb", "February 22")],
)
def test_a_day_asked_in_one_form_is_the_day_written_in_another(asked, written):
    from assistant.search.words import stems

    assert sorted(stems(asked)) == sorted(stems(written))


def test_a_question_dating_its_event_in_full_finds_the_article_that_abbreviates_the_days(make_assistant):
    """ "What is the name of the festival that Phish is hosting in Dover, Delaware, from August 15th to August 18th,
    2024?" was answered without the name: the articles write "Aug. 15", so "August", "15th" and "18th", the rarest
    words of the question and half its weight, were held by no sentence, and "called Mondegreen" ranked below a
    sentence that named no festival."""
    from tests.assistant.test_time_questions import PHISH_FACTS, PHISH_FIREFLY

    bot = make_assistant()
    bot.add_records([PHISH_FACTS, PHISH_FIREFLY])
    answer = bot.ask(
        "What is the name of the festival that Phish is hosting in Dover, Delaware, from August 15th to August 18th, 2024?",
        as_of="2024-01-19",
    )
    assert answer.answered
    assert "called Mondegreen" in answer.citations[0].quote


ATT_OUTAGE = [
    {  # news24-dev 36e7a2839b59 (USA TODAY, 2024-02-22), two of its paragraphs
        "id": "att-restored",
        "title": "AT&T says service is restored for all users after widespread outage",
        "source": "usatoday.com",
        "published": "2024-02-22",
        "text": "Verizon and T-Mobile each said services were operating normally, despite earlier reports of outages.\n\n"
        '"We did not experience an outage. Our network is operating normally," T-Mobile said in an emailed statement '
        "to USA TODAY.",
    },
    {  # news24-dev 6fabb9692c1f (USA TODAY, 2024-02-23), two of its paragraphs
        "id": "att-cause",
        "title": "What was the AT&T outage cause? Company says it wasn't a cyberattack",
        "source": "usatoday.com",
        "published": "2024-02-23",
        "text": "According to a statement posted by AT&T Thursday evening, the network outage was not the result of a "
        "cyberattack.\n\nThe Federal Bureau of Investigation (FBI) and Department of Homeland Security (DHS) partnered "
        "with AT&T to launch an investigation into the outages into the possibility of an attack.",
    },
]


def test_a_name_written_with_an_ampersand_is_one_word_of_the_question(make_assistant):
    """An outside try in the web chat: "Why did AT&T's network go down?" was answered with T-Mobile's "Our network is
    operating normally": "AT&T" was read as "at" (a stopword) and "t", a "t" that "T-Mobile" holds too."""
    from assistant.search.words import stems

    assert "att" in stems("AT&T's outage") and stems("P&G") == ["pg"]
    bot = make_assistant()
    bot.add_records(ATT_OUTAGE)
    answer = bot.ask("What caused the AT&T outage?", as_of="2024-02-24")
    assert "AT&T" in answer.citations[0].quote and "T-Mobile said" not in answer.citations[0].quote, answer.text
    # nor do "why" (stemmed "whi") or the lone "s" of a possessive weigh as words an answer should hold
    assert set(bot.extractive_answerer().key_terms("Why did AT&T's network go down?")) == {"att", "network", "go", "down"}


SCHOOL_BOARD_RESULTS = {  # an outside tester's own local story (a journalist's article of a fictional town)
    "id": "school-results",
    "title": "Rahman and Becker win school board seats",
    "source": "Millbrook Ledger",
    "published": "2024-11-06",
    "text": "Aisha Rahman and incumbent Tom Becker won the two open seats on the Millbrook School Board on Tuesday, "
    "according to unofficial results from the city clerk.\n\nRahman led the field with 6,412 votes. Becker finished "
    "second with 5,980, ahead of Jill Moreno with 5,655 and Frank Lyle with 1,204.\n\nTurnout was 41 percent, the city "
    "clerk said.",
}


def test_how_many_things_is_answered_by_a_count_of_those_things(make_assistant):
    """An outside try with a journalist's own articles: "How many votes did Aisha Rahman get?" led with "… won the two
    open seats …", a count of seats, over "Rahman led the field with 6,412 votes"."""
    from assistant.answering.question import counted_thing

    assert counted_thing("How many new bills did the governor sign?") == {"bill"}
    assert counted_thing("How many did he get?") == frozenset()
    bot = make_assistant()
    bot.add_records([SCHOOL_BOARD_RESULTS])
    answer = bot.ask("How many votes did Aisha Rahman get?", as_of="2024-11-10")
    assert "6,412 votes" in answer.citations[0].quote, answer.text


def test_a_figure_per_day_does_not_answer_how_many_in_a_year(make_assistant):
    """news24-dev: "Roughly how many migrant encounters occurred at the US-Mexico border last year?" led with "… the
    U.S. averaged roughly 10,000 migrant encounters a day …" ("roughly" weighed as much as "migrant"); a rate answers
    "How many a day?", and the question's "roughly" asks for a figure, not for the word."""
    from assistant.answering.extractive import is_rate

    assert is_rate("averaged roughly 10,000 migrant encounters a day along the border", "roughly 10,000")
    assert not is_rate("compared to 2.38 million border encounters a year earlier", "2.38 million")
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "title-42",
                "title": "Title 42 ends",
                "source": "USA TODAY",
                "published": "2023-05-16",
                "text": "In the days leading up to the end of Title 42, the U.S. averaged roughly 10,000 migrant encounters a "
                "day along the U.S.-Mexico border as immigrants sought to enter the U.S. before the policy was terminated.",
            },
            {
                "id": "apprehended",
                "title": "Migrant arrivals at the border rise again",
                "source": "USA TODAY",
                "published": "2023-09-30",
                "text": "About 2.2 million people were apprehended at the U.S.-Mexico border through August, compared to "
                "2.38 million border encounters for all of last year.",
            },
        ]
    )
    answer = bot.ask("Roughly how many migrant encounters occurred at the US-Mexico border last year?", as_of="2024-03-22")
    assert "2.2 million" in answer.citations[0].quote, answer.text
    per_day = bot.ask("How many migrant encounters a day were there before Title 42 ended?", as_of="2024-03-22")
    assert "10,000" in per_day.citations[0].quote, per_day.text


def test_what_a_report_said_is_what_it_holds_not_a_quote(make_assistant):
    """A news reader's try: "What did the inflation report say today?" (asked the day of the January CPI report) got
    "No article here quotes the inflation report", beside the article that gives its figures. A report, poll or study
    "says" what it holds: the question is answered from the passages, as any question is."""
    from assistant.answering.question import is_a_document

    assert analyze("What did the inflation report say today?").kind != "who_said"
    assert analyze("What did the new poll say about Biden?").kind != "who_said"
    assert analyze("What did Powell say about the inflation report?").kind == "who_said"
    assert not is_a_document("Report")  # a name
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "cpi",
                "title": "January CPI report shows inflation continues to fall",
                "source": "usatoday.com",
                "published": "2024-02-13",
                "text": "WASHINGTON (AP) — Consumer inflation in the United States cooled last month yet remained elevated.\n\n"
                "Tuesday’s inflation report from the Labor Department showed that the consumer price index rose 0.3% from "
                "December to January, up from a 0.2% increase the previous month. Compared with a year ago, prices are "
                "up 3.1%.",
            }
        ]
    )
    answer = bot.ask("What did the inflation report say today?", as_of="2024-02-13")
    assert answer.answered and "No article here quotes" not in answer.text, answer.text
    assert "0.3%" in answer.citations[0].quote, answer.text
    # ... and a report no article names is no report told: "What did the jobs report say?" met "That means good jobs"
    bot.add_records(
        [
            {
                "id": "state-of-the-state",
                "title": "Governor's address",
                "source": "delawareonline.com",
                "published": "2024-02-13",
                "text": "For three years running, we’ve implemented the largest infrastructure plan in state history. That "
                "means good jobs, the governor said.",
            }
        ]
    )
    jobs = bot.ask("What did the jobs report say today?", as_of="2024-02-13")
    assert jobs.text.startswith("No article here tells what the jobs report says; the closest they come"), jobs.text


def test_a_day_answers_when_before_a_year_or_a_time_of_day(make_assistant):
    """A news reader's try (news24-dev, USA TODAY, 2024-03-15): "When is the solar eclipse?" led with "… on the path of
    totality for the 2017 solar eclipse, and it will be again this year" and "Gates to the ballpark open at 2:30 p.m. …",
    both dated, neither the day; "On April 8, from noon until 4 p.m., …" was third."""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "eclipse",
                "title": "Solar eclipse 2024: where to watch",
                "source": "usatoday.com",
                "published": "2024-03-15",
                "text": "Southern Illinois University Carbondale was on the path of totality for the 2017 solar eclipse, and it "
                "will be again this year. Gates to the ballpark open at 2:30 p.m. so fans can view the total solar eclipse, "
                "and the first 10,000 fans will receive commemorative eclipse glasses. On April 8, from noon until 4 p.m., "
                "the Museum of Science and Technology will host a free, family-friendly solar eclipse festival in downtown "
                "Syracuse.",
            }
        ]
    )
    answer = bot.ask("When is the solar eclipse?", as_of="2024-03-20")
    assert answer.citations[0].quote.startswith("On April 8"), answer.text


def test_a_post_no_article_names_a_holder_of_is_said_to_be_unnamed(make_assistant):
    """A journalist's try (their own articles): "Who is the mayor of Dover?" was answered "County Commissioner Ray
    Dunmore said the county should … buy water from the neighboring city of Dover", as if he were. No sentence names
    the post: the answer says no article names its holder, and gives what comes closest as no more than that."""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "dover-water",
                "title": "Commissioner proposes closing Cedar Run plant",
                "source": "Harlow Gazette",
                "published": "2025-09-16",
                "text": "HARLOW — County Commissioner Ray Dunmore said the county should instead close the Cedar Run "
                "treatment plant and buy water from the neighboring city of Dover.\n\nMillrace Mayor Denise Okafor said "
                "the city would open a second distribution site on Saturday.",
            }
        ]
    )
    answer = bot.ask("Who is the mayor of Dover?", as_of="2025-10-24")
    assert answer.text.startswith("No article here names who holds that post; the closest they come"), answer.text
    # a post a sentence does name keeps its holder as the answer
    answer = bot.ask("Who is the mayor of Millrace?", as_of="2025-10-24")
    assert answer.text.startswith("Millrace Mayor Denise Okafor") or "Okafor" in answer.citations[0].quote, answer.text


CORRECTIONS_COLUMN = {  # news24-dev 3208c77882b2 (USA TODAY, "Corrections & Clarifications 2019"), three of its items
    "id": "corrections-2019",
    "title": "Corrections & Clarifications 2019",
    "source": "usatoday.com",
    "published": "2020-04-27",
    "text": "USA TODAY\n\nWe recognize that mistakes may happen – or that new information can emerge after a story is "
    "published – and we pledge to address all concerns quickly, fairly and transparently.\n\nTravel: An image of an "
    "unrelated passenger jet bridge was initially published in a story about the jet bridge collapse at "
    "Baltimore-Washington International Airport. It has been replaced by an image of the scene of the accident.\n\n"
    "Life: A story Oct. 6 about the death of comedian Rip Taylor reported erroneously that he was 84. The age came from "
    "his publicist, who was relying on incorrect information from the comedian.",
}


def test_a_count_of_the_dead_is_one_told_of_the_place_asked_about(make_assistant):
    """An outside try in the web chat, as of 2024-03-22: "How many people died in the Baltimore bridge collapse?" was
    answered "Life: A story Oct. 6 about the death of comedian Rip Taylor reported erroneously that he was 84", an item
    of a corrections column whose other item named Baltimore. A count is of the place asked about when its paragraph,
    its article's lead or its title names it."""
    bot = make_assistant()
    bot.add_records([CORRECTIONS_COLUMN])
    answer = bot.ask("How many people died in the Baltimore bridge collapse?", as_of="2024-03-22")
    assert answer.text.startswith("No article here gives that number; the closest they come"), answer.text
    assert not any("Rip Taylor" in c.quote for c in answer.citations), answer.text


def test_who_was_killed_at_a_place_is_not_answered_with_another_place_s_dead(make_assistant):
    """An outside try in the web chat, as of 2024-02-16: "Who was killed at the Kansas City parade?" was answered
    "Following Lunar New Year celebrations in Monterey Park, California, 11 people were killed …", a list of earlier
    shootings in the parade story (news24-dev b6dd60151af1, shortened)."""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "kc-parade-list",
                "title": "Kansas City Super Bowl parade latest shooting at US celebration",
                "source": "usatoday.com",
                "published": "2024-02-15",
                "text": "A Super Bowl victory parade in Kansas City, Missouri, has become another joyful celebration marred "
                "by gun violence.\n\nIn total 22 people suffered gunshot wounds, including one fatality, Interim Fire "
                "Chief Ross Grundyson said.\n\nCalifornia Lunar New Year celebrations in January 2023: Following Lunar New "
                "Year celebrations in Monterey Park, California, 11 people were killed and nine others injured after a "
                "gunman began shooting at a dance studio.",
            }
        ]
    )
    answer = bot.ask("Who was killed at the Kansas City parade?", as_of="2024-02-16")
    assert "Monterey Park" not in answer.citations[0].quote, answer.text


CALLOWAY_SALE = {  # a reporter's own article (an outside try), its lead
    "id": "sale",
    "title": "Calloway agrees to buy Hartwell plant for $22 million; 300 jobs to return",
    "source": "Riverton Courier",
    "published": "2026-11-03",
    "text": "RIVERTON — Calloway Manufacturing has agreed to buy Hartwell Appliance Co.'s Riverton plant for $22 million and "
    "will hire about 300 workers when it begins production next spring, the companies said Monday.",
}


def test_how_much_was_paid_is_answered_by_money_not_by_a_newer_count(make_assistant):
    """An outside try on a reporter's own articles: "How much did Calloway Manufacturing pay for the Hartwell plant?"
    led with a newer article's "expects to hire about 355 workers … up from the 300" (a newer count, and "how much"
    took any number) before the sale's "$22 million". A verb that trades money (pay, cost, spend, earn …) asks for
    money. (Text the tester wrote, shortened.)"""
    assert analyze("How much did Calloway Manufacturing pay for the Hartwell plant?").expects == {"MONEY"}
    assert analyze("How much does a ticket cost?").expects == {"MONEY"}
    assert "PERCENT" in analyze("How much did prices rise?").expects  # no money verb: any amount
    bot = make_assistant()
    bot.add_records(
        [
            dict(CALLOWAY_SALE, text=CALLOWAY_SALE["text"] + '\n\nMayor Luis Ortega said the deal would be "a lifeline."'),
            {
                "id": "settlement",
                "title": "Hartwell settles workers' lawsuit for $4.2 million",
                "source": "Riverton Courier",
                "published": "2026-11-09",
                "text": "RIVERTON — Hartwell Appliance Co. has agreed to pay $4.2 million to settle the class-action "
                "lawsuit brought by workers at its Riverton plant over the company's closing notice, lawyers for both "
                "sides said Monday.\n\nSeparately, Calloway Manufacturing said Monday that it now expects to hire about "
                "355 workers at the plant, up from the 300 it announced last week, after winning a contract to supply "
                "a restaurant chain.",
            },
        ]
    )
    answer = bot.ask("How much did Calloway Manufacturing pay for the Hartwell plant?", as_of="2026-11-20")
    assert answer.citations[0].article_id == "sale", answer.text
    assert "$22 million" in answer.text.split("[1]")[0]
    assert "355" not in answer.text, answer.text


def test_the_holder_named_with_whose_post_it_is_leads_over_the_company_s(make_assistant):
    """An outside try on a reporter's own articles: "Who is the chief executive of Hartwell?" led with "Victor Calloway,
    the company's chief executive" (the company buying Hartwell's plant), before "Margaret Hale, Hartwell's chief
    executive" in the same article. The one named with whose post it is, as asked, leads, and the other company's is
    not cited beside her. (Text the tester wrote.)"""
    bot = make_assistant()
    bot.add_records(
        [
            dict(
                CALLOWAY_SALE,
                text=CALLOWAY_SALE["text"] + "\n\nVictor Calloway, the company's chief executive, said Calloway would "
                'give priority to former Hartwell employees. "We intend to offer jobs to 300 of the people who built '
                "dishwashers here,\" Calloway said.\n\nMargaret Hale, Hartwell's chief executive, said she was glad the "
                'plant would remain in use. "We wanted this building to have a future in Riverton, and now it does," '
                "Hale said.",
            )
        ]
    )
    answer = bot.ask("Who is the chief executive of Hartwell?", as_of="2026-11-20")
    assert answer.text.startswith("Margaret Hale, Hartwell's chief executive"), answer.text
    assert "Victor Calloway" not in answer.text


def test_the_one_named_to_a_post_since_holds_it(make_assistant):
    """A second outside try, on another journalist's articles: "Who is the director of the Brantley Water Department?"
    (asked 2026-04-05) led with "Water Department Director Elena Ruiz …" (February), who had resigned, over "Mayor Daniel
    Okafor on Tuesday named Priya Natarajan the permanent director of the Brantley Water Department". Being named to a
    post tells its holder, and whose post it is may follow it ("of the Brantley Water Department"). (The tester's text.)"""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "inquiry",
                "title": "Council member calls for independent inquiry into water main break",
                "source": "Brantley Courier",
                "published": "2026-02-20",
                "text": "Water Department Director Elena Ruiz, who is not related to the council member, said the inquiry "
                "was already independent.",
            },
            {
                "id": "a15",
                "title": "Natarajan named permanent Brantley water director",
                "source": "Brantley Courier",
                "published": "2026-04-01",
                "text": "Mayor Daniel Okafor on Tuesday named Priya Natarajan the permanent director of the Brantley Water "
                "Department, a month after she took over on an interim basis.",
            },
        ]
    )
    answer = bot.ask("Who is the director of the Brantley Water Department?", as_of="2026-04-05")
    assert "named Priya Natarajan the permanent director" in answer.text.split("[1]")[0], answer.text


def test_did_x_say_it_needs_what_was_asked_in_the_sentence(make_assistant):
    """A second outside try, on another journalist's articles (two unrelated Ruizes): "Did Tomas Ruiz say the pipe was
    struck?" got "Yes." from "“The department that was supposed to maintain this pipe should not be the one grading its
    own homework,” Tomas Ruiz said" (Elena Ruiz had said the pipe was struck): his name, "said" and "pipe" were there."""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "inquiry",
                "title": "Council member calls for independent inquiry into water main break",
                "source": "Brantley Courier",
                "published": "2026-02-20",
                "text": '"The department that was supposed to maintain this pipe should not be the one grading its own '
                'homework," Tomas Ruiz said at a council meeting on Thursday.',
            }
        ]
    )
    answer = bot.ask("Did Tomas Ruiz say the pipe was struck?", as_of="2026-03-01")
    assert not answer.text.startswith("Yes."), answer.text


def test_who_called_for_it_is_who_demanded_it_not_a_quote_sharing_its_words(make_assistant):
    """A second outside try, on another journalist's articles: "Who called for an independent inquiry?" went to the quote
    index as "who said …", and got "Elena Ruiz said the inquiry was already independent"; the report "City Council
    member Tomas Ruiz on Thursday called for an independent inquiry" tells who did. (The tester's text.)"""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "inquiry",
                "title": "Council member calls for independent inquiry into water main break",
                "source": "Brantley Courier",
                "published": "2026-02-20",
                "text": "City Council member Tomas Ruiz on Thursday called for an independent inquiry into the Harbor "
                "Street water main break.\n\nWater Department Director Elena Ruiz, who is not related to the council "
                "member, said the inquiry was already independent.",
            }
        ]
    )
    answer = bot.ask("Who called for an independent inquiry?", as_of="2026-03-01")
    assert answer.text.startswith("City Council member Tomas Ruiz on Thursday (2026-02-19) called for"), answer.text


@pytest.mark.parametrize(
    ("as_of", "verdict"),
    [("2026-03-12", "Yes."), ("2026-02-12", "The articles don't say so outright")],
)
def test_a_passive_question_is_done_by_the_active_sentence_s_object(make_assistant, as_of, verdict):
    """A second outside try, on another journalist's articles: "Was the boil-water order lifted?" got "The articles
    don't say so outright" from "Brantley lifted the last of its boil-water order on Monday": what the question's
    subject undergoes is the active sentence's object. "… before lifting the order" lifts nothing. (The tester's text.)"""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "samples",
                "title": "Boil order stays as Brantley awaits clean samples",
                "source": "Brantley Ledger",
                "published": "2026-02-12",
                "text": "Water Department Director Elena Ruiz said the department needed two consecutive days of clean "
                "samples from 40 testing points before lifting the order.",
            },
            {
                "id": "lifted",
                "title": "Brantley lifts last of boil-water order",
                "source": "Brantley Ledger",
                "published": "2026-03-10",
                "text": "Brantley lifted the last of its boil-water order on Monday, ending five weeks of restrictions for "
                "six blocks around Canal Street, the Water Department said.",
            },
        ]
    )
    assert bot.ask("Was the boil-water order lifted?", as_of=as_of).text.startswith(verdict)


def test_sick_and_illness_are_one_word_family(make_assistant):
    """A second outside try, on another journalist's articles: "How many people got sick?" was declined, the articles
    saying "14 people had been treated at local clinics for stomach illness". (The tester's text.)"""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "households",
                "title": "Thousands without water as Brantley main break spreads",
                "source": "Brantley Ledger",
                "published": "2026-02-05",
                "text": "Marlow County Health Commissioner Dr. Alan Greer said 14 people had been treated at local clinics "
                "for stomach illness since the break.",
            }
        ]
    )
    answer = bot.ask("How many people got sick?", as_of="2026-02-06")
    assert answer.answered and "14 people" in answer.text.split("[1]")[0], answer.text


@pytest.mark.parametrize(
    ("question", "role"),
    [
        # a web-chat try: told "No article here names who holds that post" for a deed asked after
        ("Who was arrested at the Kansas City Chiefs parade?", None),
        ("Who was killed in the shooting?", None),
        ("Who is the prime minister of Haiti?", "prime minister"),
        ("Who is the Boeing CEO?", "CEO"),
        ("Who is the executive director of the harbor authority?", "executive director"),
    ],
)
def test_a_post_asked_for_is_a_noun_not_a_deed(question, role):
    from assistant.answering.extractive import asked_role

    assert asked_role(question) == role


def test_a_full_name_is_never_put_inside_a_quotation():
    """A reader's try: "… “not content with Putin (Vladimir Putin) or …”" and "what President Trump (Donald Trump) put
    in place": the added name altered the speaker's words. It goes after a mention outside the quotation, or nowhere."""
    from assistant.answering.full_names import with_full_names

    article = "Russian President Vladimir Putin spoke on Friday. Putin left early."
    rare = lambda word: True  # noqa: E731
    quoted_only = "She said she was “not content with Putin or anyone else.”"
    assert with_full_names(quoted_only, {"Putin": "PERSON"}, article, rare) == quoted_only
    both = "She said she was “not content with Putin,” and Putin left."
    assert with_full_names(both, {"Putin": "PERSON"}, article, rare) == (
        "She said she was “not content with Putin,” and Putin (Vladimir Putin) left."
    )


def test_a_crowd_counts_those_who_attended(make_assistant):
    """A reporter's own corpus: "How many people attended the Lantern Festival?" got "No article here gives that
    number; the closest they come:" above "A record crowd of about 15,500 people filled Riverside Park …": a crowd is
    those who attended. (The tester's text.)"""
    bot = make_assistant()
    text = (
        "HARLOW FALLS — A record crowd of about 15,500 people filled Riverside Park on Saturday for the 19th annual "
        "Spring Lantern Festival, organizers said, two weeks after the event's original date.\n\nThe festival raised "
        "$61,000 for the Harlow Falls Community Food Bank, said organizer Priya Nandakumar, topping last year's $48,000."
    )
    bot.add_records(
        [
            {
                "id": "festival",
                "title": "Record crowd lights up Lantern Festival",
                "source": "Harlow Falls Herald",
                "published": "2025-04-28",
                "text": text,
            }
        ]
    )
    answer = bot.ask("How many people attended the Lantern Festival?", as_of="2025-04-30")
    assert not answer.text.startswith("No article here gives that number"), answer.text
    assert "15,500 people" in answer.text.split("[1]")[0], answer.text


def test_who_won_is_answered_by_a_report_that_names_the_winner_not_by_he_won(make_assistant):
    """A journalist's try in the web chat (as of 2024-01-24): "Who won the Iowa caucuses?" was answered "“He won in
    Iowa.", a voter's words in a New Hampshire story a week later, the newest sentence telling a win; the report of
    the night names the winner."""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "1ff57aa41ea8",
                "title": "Iowa Caucus replay: Catch up after Trump won, DeSantis followed",
                "source": "usatoday.com",
                "published": "2024-01-15",
                "text": "Former President Donald Trump clinched victory in the Iowa Caucuses on Monday, celebrating a quick "
                "win over his Republican rivals.\n\nFlorida Gov. Ron DeSantis secured second place.",
            },
            {
                "id": "54fd9fa25c00",
                "title": "New Hampshire primary replay: Donald Trump wins, but Nikki Haley ...",
                "source": "usatoday.com",
                "published": "2024-01-23",
                "text": "Gary Mulkigiam, 32, said he thinks Trump's victory signals a unified front for the Republican Party.\n\n"
                "“He won in Iowa. He won New Hampshire. DeSantis dropped out, like everybody else, pretty much - Vivek "
                "(Ramaswamy) dropped out, and now put their support to Trump. So it’s like a unified front now,” said "
                "Mulkigiam.",
            },
        ]
    )
    answer = bot.ask("Who won the Iowa caucuses?", as_of="2024-01-24")
    assert answer.text.startswith("As of 2024-01-15: Former President Donald Trump clinched victory"), answer.text


def test_a_count_so_far_is_not_a_figure_foretold(make_assistant):
    """An analyst's try over HTTP (as of 2024-03-06): "How many delegates has Trump won so far?" was answered "… the
    former president will likely lock in the nomination on March 12 … with 1,223 delegates", a campaign's forecast in
    the newest article, over the count two days older. (The article's "There are 865 Republican delegates up for grabs
    on Super Tuesday" is left out here: a count of no one asked still wins by being newer; see the session note.)"""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "da106e65d2e1",
                "title": "Super Tuesday warm-up: Nikki Haley wins Republican primary in D.C.",
                "source": "usatoday.com",
                "published": "2024-03-03",
                "text": "District Republicans send only 19 of 2,429 delegates to their national convention from July 15 to "
                "18 in Milwaukee.\n\nTrump began the day with 244 delegates to Haley’s 24, according to The Associated "
                "Press.",
            },
            {
                "id": "dd12e2f78327",
                "title": "Super Tuesday recap: Trump, Biden pick up big wins; Haley set to ...",
                "source": "usatoday.com",
                "published": "2024-03-05",
                "text": "The Trump campaign suggested in a memo last month that the former president will likely lock in the "
                "nomination on March 12, just one week after Super Tuesday, with 1,223 delegates.",
            },
        ]
    )
    answer = bot.ask("How many delegates has Trump won so far?", as_of="2024-03-06")
    assert "1,223" not in answer.text.split("[1]")[0], answer.text
    assert "244 delegates" in answer.text, answer.text


DELEGATE_TRACKER = {  # news24-dev (USA TODAY, 2024-03-11), its opening and its delegate count section
    "id": "delegate-tracker",
    "title": "When will Trump and Biden clinch their party's nomination? Tracking ...",
    "source": "usatoday.com",
    "published": "2024-03-11",
    "text": "WASHINGTON − Former President Donald Trump is within arm's reach of clinching the Republican Party's 2024 "
    "nomination, and Tuesday's primaries may push him over the delegate threshold needed to become the GOP nominee.\n\n"
    "How many delegates does it take to win a party's nomination?\n\n"
    "There are a total of 2,429 delegates available to win the Republican nomination. A candidate must secure the "
    "majority of delegates, 1,215, to become the GOP nominee.\n\n"
    "If no candidate wins the majority of delegates during the primary and caucus season, then delegates at the "
    "national nominating convention will vote amongst themselves to make the Republican pick.\n\n"
    "For the Democratic Party, there are a total of 4,672 delegates. The Democratic nominee must win 1,968 delegates "
    "to represent the party on the ballot in November.\n\n"
    "How many delegates does Donald Trump have? How many delegates does Joe Biden have?\n\n"
    "Biden currently has 1,866 delegates, coming up 102 delegates short of what's needed to become the presumptive "
    "Democratic nominee.\n\n"
    "Trump has a larger threshold to cross to win the GOP nomination. He has gained 1,075 delegates so far, and he "
    "needs 140 more to secure the GOP nomination.\n\n"
    "Will there be a presumptive nominee Tuesday?\n\nIt's very possible.",
}


def test_a_count_asked_of_someone_is_not_another_s_count(make_assistant):
    """An analyst's try (news24-dev, as of 2024-03-12): "How many delegates does Trump have?" was answered "Biden
    currently has 1,866 delegates …", the first paragraph under the subhead that asks it of both. A count whose
    named subject is someone else is left out, and under a subhead asking several, the paragraph naming the one
    asked is read to its figure; Biden's count still answers for Biden."""
    bot = make_assistant()
    bot.add_records([DELEGATE_TRACKER])
    trump = bot.ask("How many delegates does Trump have?", as_of="2024-03-12").text.split("[1]")[0]
    assert "1,075" in trump and "1,866" not in trump, trump
    biden = bot.ask("How many delegates does Biden have?", as_of="2024-03-12").text.split("[1]")[0]
    assert "1,866" in biden, biden


def test_a_figure_an_if_clause_supposes_is_no_count():
    from assistant.answering.extractive import only_foretold_figures

    assert only_foretold_figures(
        "If Trump wins over 85% of these available delegates, which is likely given Haley suspended her campaign, he "
        "will become the presumptive nominee for Republicans."
    )
    assert not only_foretold_figures("If anything, Trump has 1,075 delegates, and needs 140 more.")


def test_a_sentence_already_cited_with_the_one_after_it_is_not_cited_again():
    """An outside try (news24-dev, the Nevada caucus): "The former president quickly notched a win over … Haley in the
    U.S. Virgin Islands' caucus. He also won Nevada's Republican race …" [1] was followed by "The former president
    quickly notched a win over …" [2], a wire copy's: "He also won …" is cited with the sentence before it, and the
    second sentence chosen said it again. A chosen sentence the answer already cites is left out, and the markers
    stay 1, 2, … in order."""
    from assistant.answering.extractive import Candidate, ExtractiveAnswerer
    from assistant.search.types import Hit
    from ingest.store import ChunkRecord

    first = "The former president quickly notched a win over former South Carolina Gov. Nikki Haley in the U.S. Virgin Islands' caucus."
    second = "He also won Nevada's Republican race, though he and Haley dodged a head-to-head fight in the Silver State."
    third = "Trump won all 26 of Nevada's delegates."
    texts = {"replay": f"{first} {second}", "takeaway": f"{first} {third}"}

    def candidate(article_id: str, sentence: str) -> Candidate:
        text = texts[article_id]
        chunk = ChunkRecord(
            id=f"{article_id}:0", article_id=article_id, text=text, start=0, end=len(text), index=0, title=article_id,
            source="usatoday.com", url="", published="2024-02-08", published_int=20240208, content_hash="0",
        )  # fmt: skip
        start = text.index(sentence)
        return Candidate(0, Hit(chunk=chunk, score=1.0), start, start + len(sentence), sentence)

    answerer = ExtractiveAnswerer(keyword=None)  # compose reads no index
    chosen = [candidate("replay", second), candidate("takeaway", first), candidate("takeaway", third)]
    answer = answerer.compose("Who won the Nevada caucuses?", chosen, texts)
    assert [c.n for c in answer.citations] == [1, 2], answer.text
    assert answer.text.count("quickly notched a win") == 1, answer.text
    assert answer.text.endswith("Trump won all 26 of Nevada's delegates. [2]"), answer.text


def test_a_figure_asked_in_the_reports_other_words_is_answered_from_its_lead(make_assistant):
    """Two outside tries (news24-dev, as of 2024-02-20 and 2024-03-01): "What was the inflation rate in January?" cited
    the January CPI report but led with its housing figure, "It rose 0.6% from December to January …": the report's
    lead ("… the consumer price index rose 0.3% from December to January …") names no "inflation", and its passage no
    "rate". Inflation is told in prices (a word family), and a sentence of an article's lead, where news puts what it
    reports, wins a tie."""
    records = json.loads((Path(__file__).parent / "january_inflation.json").read_text(encoding="utf-8"))["articles"]
    bot = make_assistant()
    bot.add_records(records)
    for as_of in ("2024-02-20", "2024-03-01"):
        answer = bot.ask("What was the inflation rate in January?", as_of=as_of)
        assert answer.citations, answer.text
        assert "consumer price index rose 0.3%" in answer.citations[0].quote, (as_of, answer.text)


def test_a_number_in_a_model_name_counts_nothing(make_assistant):
    """An outside try (news24-dev, the Alaska Airlines blowout): "How many planes were grounded …?" led with "And United
    Airlines and Alaska Airlines both said they found loose parts on numerous grounded MAX 9 planes." — the "9" of
    "MAX 9" read as a count — over "The Federal Aviation Administration has grounded 171 of the Boeing 737 Max 9 planes
    worldwide …". A bare number after a capitalised word names a model, flight or edition."""
    from assistant.answering.extractive import numbers_a_name

    records = json.loads((Path(__file__).parent / "max9_grounding.json").read_text(encoding="utf-8"))["articles"]
    bot = make_assistant()
    bot.add_records(records)
    answer = bot.ask("How many planes were grounded after the Alaska Airlines blowout?", as_of="2024-01-12")
    assert answer.citations and "grounded 171 of the Boeing 737 Max 9" in answer.citations[0].quote, answer.text
    assert "numerous" not in answer.text, answer.text
    faa = "The Federal Aviation Administration has grounded 171 of the Boeing 737 Max 9 planes worldwide."
    assert numbers_a_name(faa, "737") and numbers_a_name(faa, "9") and not numbers_a_name(faa, "171")
    # a count that opens a sentence, follows a month or is a share is a count or a day, not a name
    assert not numbers_a_name("About 65 planes were grounded.", "65")
    assert not numbers_a_name("It landed on Jan. 5 in Portland.", "5")
    assert not numbers_a_name("Alaska Airlines grounded its fleet of 65 Boeing 737 MAX 9 planes.", "65")


def test_a_count_asked_of_someone_is_theirs_not_the_newest_count(make_assistant):
    """An analyst's try (news24-dev, as of 2024-03-06): "How many delegates does Trump have?" led with "Biden has 206
    delegates headed into Super Tuesday …" (parsed with "delegates" the subject of "headed", so not read as Biden's),
    and, once that was read, with the newest count of delegates held by no one ("There are 865 Republican delegates up
    for grabs on Super Tuesday …"). Trump's count is the one that names him: "Trump began the day with 244 delegates"."""
    from assistant.answering.extractive import count_holder, counted_for_another

    records = json.loads((Path(__file__).parent / "super_tuesday_delegates.json").read_text(encoding="utf-8"))["articles"]
    bot = make_assistant()
    bot.add_records(records)
    trump = bot.ask("How many delegates does Trump have?", as_of="2024-03-06")
    assert trump.citations and "244 delegates" in trump.citations[0].quote, trump.text
    assert "Biden has 206" not in trump.text and "865 Republican delegates" not in trump.text, trump.text
    biden = bot.ask("How many delegates does Biden have?", as_of="2024-03-06")
    assert biden.citations and "Biden has 206 delegates" in biden.citations[0].quote, biden.text
    sentence = "Biden has 206 delegates headed into Super Tuesday, with a whopping 1,420 Democratic delegates up for grabs."
    assert counted_for_another(sentence, count_holder("How many delegates does Trump have?"))


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # a journalist's try (news24-dev, as of 2024-03-20): answered as a fact, with a 2023 quote on gas prices
        ("What's the latest Delaware news?", "Delaware"),
        ("Any Boeing news?", "Boeing"),
        ("What are the latest Super Bowl headlines?", "Super Bowl"),
        # ... a question that names no topic is not one of "the" or "big"
        ("What is the news?", None),
        ("What is the big news?", None),
    ],
)
def test_the_news_of_a_topic_is_a_digest_of_it(question, topic):
    analysis = analyze(question)
    assert (analysis.kind, analysis.topic) == (("summary", topic) if topic else (analysis.kind, None)), analysis
    assert (analysis.kind == "summary") == (topic is not None), analysis


def test_how_many_members_voted_is_answered_by_the_tally(make_assistant):
    """A journalist's try (news24-dev, as of 2024-03-15): "How many representatives voted for the TikTok bill?" led with
    "Two states have already passed legislation to ban the app …" (a count, of states), while "The House passed the bill
    352-65 …" was in a passage retrieved: a body's members are counted by its vote's tally, as people are. (The
    TikTok stories among the other fixtures' articles, so the words weigh nearer what they do in a whole archive.)"""
    records = []
    for name in ("tiktok_house_vote", "january_inflation", "max9_grounding", "super_tuesday_delegates", "february_2024"):
        records += json.loads((Path(__file__).parent / f"{name}.json").read_text(encoding="utf-8"))["articles"]
    bot = make_assistant()
    bot.add_records(records)
    answer = bot.ask("How many representatives voted for the TikTok bill?", as_of="2024-03-15")
    assert answer.citations and "352-65" in answer.citations[0].quote, answer.text
    assert "Two states" not in answer.text, answer.text


def test_a_score_along_the_way_is_not_the_games_score_and_a_line_of_links_is_no_answer(make_assistant):
    """A fact-checker's try (news24-dev, as of 2024-01-10): "What was the score of the national championship game?" got
    "… with Michigan leading 20-13 with 15 minutes left to go." (its "final quarter" read as a final), while the page
    says "Michigan beat the Washington Huskies, 34-13"; and a line of bare links was cited, with a day inside an address."""
    records = json.loads((Path(__file__).parent / "championship_game.json").read_text(encoding="utf-8"))["articles"]
    records.append(
        {
            "id": "links",
            "title": "MLK Day: what is open on Monday",
            "source": "usatoday.com",
            "published": "2024-01-13",
            "text": "Banks and post offices close for the holiday.\n\nhttps://www.usatoday.com/story/news/nation/2020/01/16/"
            "mlk-day-martin-luther-king-jr-holiday-monday/2838025001/",
        }
    )
    bot = make_assistant()
    bot.add_records(records)
    answer = bot.ask("What was the score of the national championship game?", as_of="2024-01-10")
    assert answer.citations and "34-13" in answer.citations[0].quote, answer.text
    links = bot.ask("What is open on MLK Day Monday?", as_of="2024-01-14")
    assert not any(c.quote.startswith("https://") for c in links.citations), links.text
