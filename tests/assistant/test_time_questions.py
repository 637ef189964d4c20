"""Questions asked on a day, about days (issue 12): the same story in articles weeks apart, asked as a
reader would ask it. The real embedder and Chroma; the articles are short news in the house style."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answering import extractive, verdict
from assistant.answering.outcome import asks_an_outcome, outcome_after
from assistant.answering.question import counts_as_of_now
from assistant.answering.scope import time_scope
from assistant.answering.timeframe import relative_dates
from assistant.core import EVENT_REPORTS, OUTCOME_ARTICLES
from assistant.evaluation import EvalQuestion, of_weeks
from assistant.search.types import Filters
from assistant.settings import AssistantSettings
from ingest.article import Article
from ingest.pipeline import Index
from ingest.settings import IngestSettings

FARES = [
    (
        "fare-sep-05",
        "2023-09-05",
        "Ferry fare rises to $4",
        "The Harbor ferry fare rose to $4 on Monday, the port authority said.",
    ),
    (
        "fare-sep-28",
        "2023-09-28",
        "Ferry fare rises to $5",
        "The Harbor ferry fare rose to $5 on Wednesday, the port authority said.",
    ),
    (
        "fare-oct-12",
        "2023-10-12",
        "Ferry fare rises to $6",
        "The Harbor ferry fare rose to $6 on Tuesday, the port authority said.",
    ),
    (
        "strike-mar",
        "2024-03-20",
        "Ferry crews walk out",
        "Harbor ferry crews walked out on Monday over pay, stranding thousands of commuters.",
    ),
    (
        "pele",
        "2022-12-30",
        "Pelé, Brazil's soccer king, dies at 82",
        "Pelé died Thursday at a hospital in São Paulo after a long illness, his daughter said.",
    ),
    (
        "strike-2023",
        "2023-03-15",
        "Ferry crews threaten walkout",
        "Harbor ferry crews threatened a walkout over pay last year, but a deal was reached.",
    ),
]


@pytest.fixture(scope="module")
def bot(embedding, tmp_path_factory) -> Assistant:
    from ingest.pipeline import Index
    from ingest.settings import IngestSettings

    bot = Assistant(Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("time")), embedding=embedding))
    bot.add_articles(
        [
            Article(id=id_, title=title, text=text, source="Harbor Gazette", published=published)
            for id_, published, title, text in FARES
        ]
    )
    return bot


def cited(answer) -> list[str]:
    return [citation.article_id for citation in answer.citations]


def test_latest_cites_the_newest_and_names_its_date(bot):
    answer = bot.ask("What is the latest Harbor ferry fare?", as_of="2023-10-20")
    assert cited(answer)[0] == "fare-oct-12"
    assert answer.text.startswith("As of 2023-10-12:") and "$6" in answer.text


def test_asked_on_a_past_day_it_answers_as_it_would_have_then(bot):
    answer = bot.ask("What is the latest Harbor ferry fare?", as_of="2023-09-30")
    assert cited(answer)[0] == "fare-sep-28"
    assert "fare-oct-12" not in cited(answer) and "$6" not in answer.text
    assert answer.as_of == "2023-09-30"


def test_an_explicit_month_never_cites_another(bot):
    answer = bot.ask("How much did the Harbor ferry fare rise to in September 2023?", as_of="2024-01-10")
    assert answer.answered and set(cited(answer)) <= {"fare-sep-05", "fare-sep-28"}
    assert answer.time_window == ("2023-09-01", "2023-09-30")
    assert "September 2023" in answer.time_reading


def test_this_week_cites_that_week(bot):
    answer = bot.ask("Why did the Harbor ferry crews walk out this week?", as_of="2024-03-22")
    assert cited(answer) == ["strike-mar"]
    assert answer.time_window == ("2024-03-16", "2024-03-22")
    assert "this week (2024-03-16 to 2024-03-22)" in answer.time_reading


def test_a_window_after_the_newest_article_is_declined_with_what_comes_closest(bot):
    # the March strike is no answer to a May question: older articles cannot report later days
    answer = bot.ask("Why did the Harbor ferry crews walk out this week?", as_of="2024-05-03")
    assert answer.text.startswith(
        "No indexed article is from this week (2024-04-27 to 2024-05-03); the newest is from 2024-03-20, so the articles "
        "here can't say (to ask as of an earlier day, give that date). The closest they come, from earlier days:"
    )
    assert not answer.answered and cited(answer)[0] == "strike-mar"


def test_a_window_before_the_articles_is_answered_from_later_reports(bot):
    # later articles do report earlier days: asked about a month none of them is from, a later one answers
    answer = bot.ask("Why did the Harbor ferry crews walk out in February 2024?", as_of="2024-05-03")
    assert answer.answered and cited(answer)[0] == "strike-mar"


def test_the_note_names_only_the_days_asked_about(bot):
    # "new" asks for the newest passages but names no days: the note once read "from this week (…); new
    # (most recent first); the newest is from …"
    answer = bot.ask("What new reason did the Harbor ferry crews give for walking out this week?", as_of="2024-05-03")
    assert answer.text.startswith(
        "No indexed article is from this week (2024-04-27 to 2024-05-03); the newest is from 2024-03-20,"
    )


@pytest.mark.parametrize(
    "question, note",
    [
        (
            "Who from Delaware was on the show that began airing on Sunday, Jan. 7, 2024?",
            "Nothing in the articles from Sunday, Jan. 7, 2024 (2024-01-07) answers this.",
        ),
        (
            "What did Aliyev say in September 2023?",
            "Nothing in the articles from September 2023 (2023-09-01 to 2023-09-30) answers this.",
        ),
        ("What has Aliyev said since June?", "Nothing in the articles dated since June (2023-06-01 to 2024-01-12) answers this."),
    ],
)
def test_the_note_reads_as_a_sentence(question, note):
    # the time words keep their preposition: "from on Sunday, Jan. 7" was shown

    assert time_scope(question, Filters(), "2024-01-12").window_note("2024-01-07", "2024-01-10") == note


def test_a_window_whose_articles_do_not_answer_says_so(bot):
    answer = bot.ask("What did the port authority say the ferry fare rose to this week?", as_of="2024-03-22")
    assert answer.text.startswith("Nothing in the articles from this week (2024-03-16 to 2024-03-22) answers this.")
    assert "fare" in answer.citations[0].article_id


def test_a_relative_day_in_a_cited_sentence_gets_its_calendar_date(bot):
    answer = bot.ask("When did Pelé die?", as_of="2023-01-05")
    assert cited(answer) == ["pele"]
    assert "died Thursday (2022-12-29) at a hospital" in answer.text
    assert answer.citations[0].quote.startswith("Pelé died Thursday at a hospital"), "the quote stays as the article has it"


def test_search_puts_the_window_first(bot):
    passages = bot.search("Harbor ferry fare rises in October 2023", k=3, as_of="2024-01-10")
    assert passages[0].article_id == "fare-oct-12"
    before_fall = [p.article_id for p in bot.search("Harbor ferry fare", k=5, as_of="2023-09-10")]
    assert before_fall[0] == "fare-sep-05" and set(before_fall) == {"fare-sep-05", "strike-2023", "pele"}


def test_a_bad_asking_date_is_a_clear_error(bot):
    from assistant import InvalidInput

    with pytest.raises(InvalidInput, match="as_of: not a date"):
        bot.ask("What is the latest Harbor ferry fare?", as_of="2023-02-30")
    with pytest.raises(InvalidInput, match="out of range"):  # was an OverflowError (a 500 over HTTP)
        bot.ask("What happened last week?", as_of="0001-01-03")


def test_eval_weeks_split_questions_by_asking_week():
    questions = [
        EvalQuestion(id="a", kind="fact", question="q", asked_on="2024-01-05"),
        EvalQuestion(id="b", kind="fact", question="q", asked_on="2024-01-11"),
        EvalQuestion(id="c", kind="fact", question="q", asked_on="2024-01-12"),
        EvalQuestion(id="d", kind="unanswerable", question="q"),
        EvalQuestion(id="e", kind="unanswerable", question="q"),
    ]
    # week N is the Nth calendar week with questions: Friday 01-05, then Thursday 01-11 and Friday 01-12
    assert [q.id for q in of_weeks(questions, [1])] == ["a", "e"]
    assert [q.id for q in of_weeks(questions, [2])] == ["b", "c", "d"]
    assert of_weeks(questions, None) == questions


def test_a_year_asked_about_includes_the_reports_published_just_after_it(make_assistant):
    """ "What percentage of total sales in 2023…", asked in January 2024: the figure is in a January report,
    and the only 2023 article on farmers markets is an aside about strawberries. The window's sentences
    competed alone, so the aside was the answer (news24-dev)."""
    bot = make_assistant()
    bot.add_articles(
        [
            Article(
                id="markets-2024",
                title="Sales at Delaware farmers markets top $4 million for first time",
                text="Sales at Delaware farmers markets set a record in 2023 with over $4 million in revenue. "
                "Fresh produce made up 52% of total sales in 2023, with the remainder coming from products such as "
                "meats, cheeses, jellies, breads, salsa, eggs and honey.",
                source="Delaware News Journal",
                published="2024-01-12",
            ),
            Article(
                id="chef-2023",
                title="A chef's summer in Delaware",
                text="Patricia also dishes about a favorite guilty TV pleasure, how to score fresh strawberries at the "
                "farmers market, and how best to enjoy the Wilmington Flower Market.",
                source="Delaware News Journal",
                published="2023-05-10",
            ),
        ]
    )
    answer = bot.ask(
        "What percentage of total sales in 2023 at Delaware farmers markets came from fresh produce?", as_of="2024-01-19"
    )
    assert cited(answer)[0] == "markets-2024" and "52%" in answer.text, answer.text
    assert not answer.text.startswith("Nothing in the articles")


def test_a_figure_that_changed_is_given_newest_first_and_the_older_one_as_history(make_assistant):
    """Two days' reports of a growing death toll: asked without "latest", the better-ranked older report
    (31) was the answer, and the newer one (39) was dropped as a repeat of it."""
    bot = make_assistant()
    bot.add_articles(
        [
            Article(
                id="toll-tue",
                title="Buffalo blizzard death toll rises",
                text="The death toll from the Buffalo blizzard rose to 31 on Tuesday, Erie County officials said.",
                source="Wire",
                published="2022-12-27",
            ),
            Article(
                id="toll-thu",
                title="Buffalo blizzard death toll climbs again",
                text="The death toll from the Buffalo blizzard rose to 39 on Thursday, Erie County officials said.",
                source="Wire",
                published="2022-12-29",
            ),
        ]
    )
    for question in (
        "What is the death toll from the Buffalo blizzard?",
        "What is the latest death toll from the Buffalo blizzard?",
    ):
        answer = bot.ask(question, as_of="2022-12-30")
        assert cited(answer) == ["toll-thu", "toll-tue"], answer.text
        newest, earlier = answer.text.split("Earlier, on 2022-12-27: ")
        assert "39" in newest and "31" not in newest and "31" in earlier, answer.text


def test_a_sentence_that_puts_its_event_on_other_days_does_not_answer_for_the_window(make_assistant):
    """news24-dev: "Which state conducted a Republican primary contest this week?" (asked 2024-01-25)
    was answered "There was a state-run Nevada Republican primary on Feb. 6" from an article of the
    week: the sentence itself puts the primary outside the week asked about."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev b37eef3b965c (USA TODAY, 2024-01-23), two sentences; the second written for the test
                "id": "primaries",
                "title": "When is the Nevada caucus and the primary election? What to know",
                "source": "usatoday.com",
                "published": "2024-01-23",
                "text": "There was a state-run Nevada Republican primary on Feb. 6, where former UN Ambassador Nikki "
                'Haley lost to "none of the above candidates."\n\nNew Hampshire held its Republican primary on Tuesday, '
                "and Donald Trump won it.",
            }
        ]
    )
    answer = bot.ask("Which state held a Republican primary this week?", as_of="2024-01-25")
    assert answer.citations[0].quote.startswith("New Hampshire held its Republican primary on Tuesday"), answer.text


def test_an_answer_from_an_article_months_older_than_the_asking_day_says_its_date(bot):
    """The second outside try: "How old is Joe Biden?" (asked 2024-02-15) was answered "turns 80" from a
    2022 article, read as current. An answer whose source is over a month old on the asking day is dated: a
    third try asked "How many people died in the Texas wildfires?" on 2024-02-20 and got "Two others died in
    Texas while hiking in extreme heat" of 2023-06-28, undated, as if of this winter's fires."""
    old = bot.ask("Why did the Harbor ferry crews walk out?", as_of="2025-06-01")
    assert old.text.startswith("As of 2024-03-") and old.citations[0].published.startswith("2024-03-")
    months = bot.ask("Why did the Harbor ferry crews walk out?", as_of="2024-05-15")
    assert months.text.startswith("As of 2024-03-"), months.text
    fresh = bot.ask("Why did the Harbor ferry crews walk out?", as_of="2024-03-22")
    assert not fresh.text.startswith("As of ")


def test_latest_finds_the_newest_report_past_a_crowd_of_older_ones(make_assistant):
    """ "Is Haley still in the race?" was answered from February ("committed to staying in the race"):
    the March reports of her dropping out never reached the answerer, as the best passages of any day
    were older ones. Forty older fare reports here; the newest must still be found and lead."""
    older = [
        Article(
            id=f"fare-old-{n}",
            title=f"Ferry fare rises to ${n // 10 + 1}.{n % 10}0",
            text=f"The Harbor ferry fare rose to ${n // 10 + 1}.{n % 10}0 on Monday, the port authority said.",
            source="Harbor Gazette",
            published=f"{2019 + n // 12}-{n % 12 + 1:02d}-03",
        )
        for n in range(40)
    ]
    newest = Article(
        id="fare-oct-12",
        title="Ferry fare rises to $6",
        text="Harbor ferry riders will pay $6 from Tuesday, the port authority said.",
        source="Harbor Gazette",
        published="2023-10-12",
    )
    bot = make_assistant()
    bot.add_articles(older + [newest])
    answer = bot.ask("What is the latest Harbor ferry fare?", as_of="2023-10-20")
    assert cited(answer)[0] == "fare-oct-12", answer.text
    assert answer.text.startswith("As of 2023-10-12:"), answer.text


def test_a_timeline_keeps_the_same_report_with_another_figure_on_another_day(bot):
    """ "Timeline of the Harbor ferry fare" was no timeline: the three reports say the same words with another
    figure, and each was dropped as a near-repeat of the first, leaving one line (answered as a plain question)."""
    answer = bot.ask("Timeline of the Harbor ferry fare", as_of="2023-10-20")
    assert answer.text.startswith("Timeline of the Harbor ferry fare:"), answer.text
    lines = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert [re.search(r"\$\d", line).group(0) for line in lines] == ["$4", "$5", "$6"], answer.text


SMOKEHOUSE_MARCH_1 = {  # news24-dev dbf425a33498 (USA TODAY, 2024-03-01), its first two paragraphs
    "id": "fire-0301",
    "title": "Texas wildfire map: Locations of Smokehouse Creek Fire, other blazes",
    "source": "usatoday.com",
    "published": "2024-03-01",
    "text": "Wildfires continued to burn across the Texas Panhandle Thursday, forcing widespread evacuations as the "
    "Smokehouse Creek Fire has grown to become the largest in the state's history.\n\nAs of midday Thursday, there "
    "were 132 fires burning across Texas spanning over 1.2 million acres, according to the Texas A&M Forest Service. "
    "The largest of the fires, the Smokehouse Creek Fire, has consumed an estimated 1,075,000 acres and was just 3% "
    "contained, according to the forest service.",
}


def test_a_count_asked_in_the_present_perfect_is_answered_with_the_newest_telling(make_assistant):
    """An outside try: "How many acres has the Smokehouse Creek Fire burned?" opened with a 2006 fire's
    "more than 900,000 acres" (from an article of 02-27) and gave the fire's 1,075,000 acres of 03-01
    second, neither ordered nor marked. "has burned" asks for the count now, as "latest" does."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev 9c5b073dec3e (USA TODAY, 2024-02-27), two paragraphs
                "id": "fire-0227",
                "title": "Texas fires updates: Blaze grows into second-largest in state history",
                "source": "usatoday.com",
                "published": "2024-02-27",
                "text": "The fires began Monday but spread quickly the following day as strong winds, dry conditions and "
                "record-setting unseasonably high temperatures fueled rapid growth.\n\nThe Smokehouse Creek Fire, which "
                "is slightly bigger than the state of Rhode Island, is among the largest wildfires the state has ever "
                "seen, only behind the 2006 Amarillo East Complex fires that claimed 12 lives and burned more than "
                "900,000 acres.",
            },
            SMOKEHOUSE_MARCH_1,
        ]
    )
    answer = bot.ask("How many acres has the Smokehouse Creek Fire burned?", as_of="2024-03-08")
    assert answer.citations[0].article_id == "fire-0301", answer.text
    assert "1,075,000" in answer.text.split("[1]")[0]
    assert "900,000" not in answer.text or "Earlier, on 2024-02-27" in answer.text


OSCARS = [
    {  # news24-dev 31b912e75be6 (USA TODAY, 2016-02-28)
        "id": "oscars-2016",
        "title": "DiCaprio wins but 'Spotlight' takes top prize at Oscars",
        "source": "usatoday.com",
        "published": "2016-02-28",
        "text": "The Revenant took home three two Oscars: best cinematography for Emmanuel Lubezki, marking his third "
        "straight win in the category; best director for Alejandro González Iñárritu, back-to-back trophies for him "
        "after last year's victory for Birdman; and best actor for Leonardo DiCaprio, who finally won after being "
        "nominated for five times in the past.",
    },
    {  # news24-dev d0533be3acdd (USA TODAY, 2023-03-12)
        "id": "oscars-2023",
        "title": "Oscars 2023: 'Everything Everywhere All at Once' wins best picture",
        "source": "usatoday.com",
        "published": "2023-03-12",
        "text": 'Smith, who won best actor last year for "King Richard" and would traditionally present the award for '
        "best actress this year, was banned from Academy of Motion Picture Arts and Sciences events for 10 years.",
    },
    {  # news24-dev fa9338e634a5 (USA TODAY, 2024-03-07): a preview
        "id": "oscars-2024-predictions",
        "title": "2024 Oscar predictions: Who will win best picture, actor and actress?",
        "source": "usatoday.com",
        "published": "2024-03-07",
        "text": 'Best actor\n\nWill win: Cillian Murphy, "Oppenheimer"\n\nShould win: Paul Giamatti, "The Holdovers"\n\n'
        "Murphy can win best actor for a performance that carries the film.",
    },
    {  # news24-dev 58cafa83181f (USA TODAY, 2024-03-11)
        "id": "oscars-2024",
        "title": "Oscars 'Barbie' snub isn't the issue. Awards ignored the best movies",
        "source": "usatoday.com",
        "published": "2024-03-11",
        "text": "The show had a joyous start with Da’Vine Joy Randolph winning best supporting actress for her painfully "
        'beautiful portrayal of Mary in "The Holdovers." "Poor Things" swept the visual categories. "Oppenheimer" won '
        "seven awards, including Cillian Murphy winning best actor.",
    },
]


def test_who_won_with_no_year_is_answered_with_the_latest_outcome_reported(make_assistant):
    """An outside try: "Who won the Oscar for best actor?" asked on 2024-03-12 led with Leonardo DiCaprio (2016)
    and Will Smith (2023), told in the same words; the 2024 result was indexed. Naming no year, it asks about the
    latest ceremony before the asking day: its report leads, dated; a preview's "Will win" / "can win" is no result."""
    bot = make_assistant()
    bot.add_records(OSCARS)
    answer = bot.ask("Who won the Oscar for best actor?", as_of="2024-03-12")
    assert cited(answer)[0] == "oscars-2024", answer.text
    assert answer.text.startswith("As of 2024-03-11:"), answer.text
    assert "Cillian Murphy winning best actor" in answer.text.split("[1]")[0], answer.text
    # asked before the 2024 ceremony, the preview reports no outcome: last year's winner is the latest
    before = bot.ask("Who won the Oscar for best actor?", as_of="2024-03-08")
    assert cited(before)[0] != "oscars-2024-predictions", before.text
    # a year named is a year asked about
    named = bot.ask("Who won the Oscar for best actor in 2016?", as_of="2024-03-12")
    assert cited(named)[0] == "oscars-2016", named.text


@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("Who won the Oscar for best actor?", True),
        ("Which candidate was elected mayor?", True),
        ("Who beat Luke Littler to become the world champion?", True),
        ("Who did Trump beat in New Hampshire?", True),
        ("What did the Supreme Court decide?", False),  # a ruling is no outcome a later one of its kind replaces
        ("Who will win the November election?", False),
        ("Who is the Boeing CEO?", False),
        ("Did Trump win the Iowa caucuses?", True),  # a yes/no asks after the latest one too
        ("Who can win the Iowa caucuses?", False),
        ("What steps were taken to stop the fire?", False),  # taking steps is no outcome a later one replaces
        ("Who won the 2016 Oscar for best actor?", False),  # the year is named
        ("Who did Emmanuel Macron appoint as France's next prime minister?", True),  # "appoint" tagged a noun
        ("Who did Kansas City defeat?", True),
    ],
)
def test_a_question_after_an_outcome_is_told_from_others(question, outcome):
    assert asks_an_outcome(question) is outcome


def test_who_won_says_so_when_no_article_reports_the_latest_outcome(make_assistant):
    """An outside try: "Which team won the Super Bowl?" (as of 2024-02-20) led with "Later, in 1982, they won their
    first-ever league championship", dated as of an article of that month as if it were the answer; "Who won the
    Iowa caucuses?" (2024-01-16) with two senators' wins of the 1970s and 80s, told in 2020. History, a tally and a
    report over a year old are no latest outcome: the reply says that none is reported, then the closest."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev 389a57e0bcf0 (2024-02-01) and b49f2e6db187 (2024-01-14), a sentence each
                "id": "niners-history",
                "title": "49ers history: a look at the franchise",
                "source": "usatoday.com",
                "published": "2024-02-01",
                "text": "Later, in 1982, they won their first-ever league championship by defeating Cincinnati 26-21 in "
                "Super Bowl XVI. The Detroit Lions have won one NFL playoff game in the Super Bowl era.",
            },
            {  # news24-dev 3924ec0a9432 (2020-01-06)
                "id": "iowa-history",
                "title": "Iowa caucus history: winners and losers",
                "source": "desmoinesregister.com",
                "published": "2020-01-06",
                "text": "Two men are counted twice in the data: Carter and former Kansas U.S. Sen. Bob Dole, who each won "
                "two opposed Iowa caucuses.",
            },
        ]
    )
    for question, as_of in (("Which team won the Super Bowl?", "2024-02-20"), ("Who won the Iowa caucuses?", "2024-01-16")):
        answer = bot.ask(question, as_of=as_of)
        # ... dated, as any answer after an outcome is: the closest sentence may be years old and name no year
        hedge = f"No article here reports that outcome; the closest they come, from {answer.citations[0].published}:"
        assert answer.text.startswith(hedge), answer.text


SUPER_BOWLS = [
    {  # news24-dev 26c4ce336e59 (USA TODAY, 2023-02-12), its second paragraph
        "id": "super-bowl-57",
        "title": "Super Bowl 2023 score: Chiefs top Eagles 38-35 with late Mahomes field goal drive",
        "source": "usatoday.com",
        "published": "2023-02-12",
        "text": "The Kansas City Chiefs defeated the Philadelphia Eagles 38-35 in Super Bowl 57 on Sunday, the team’s second "
        "title in four seasons.",
    },
    {  # news24-dev 389a57e0bcf0 (USA TODAY, 2024-02-01), its first two paragraphs
        "id": "49ers-primer",
        "title": "As San Francisco 49ers head to Super Bowl, here's a primer on NFC champions",
        "source": "usatoday.com",
        "published": "2024-02-01",
        "text": "After an epic conference championship game where the San Francisco 49ers staged an impressive 34-31 "
        "comeback win over the Detroit Lions, they now have their sights set on getting past the Kansas City Chiefs in "
        "the 2024 Super Bowl at Allegiant Stadium in Las Vegas.\n\nThe San Francisco 49ers are set to make their eighth "
        "appearance in the Super Bowl and will face off against the defending champions in Super Bowl LVIII.",
    },
    {  # the archive runs on to the asking day (the latest outcome is looked for within a year of its newest day)
        "id": "weather",
        "title": "Snow returns to the Plains",
        "source": "usatoday.com",
        "published": "2024-02-19",
        "text": "Snow returned to the Plains on Monday, and forecasters expect more of it through the week.",
    },
]


def test_did_x_win_is_settled_by_the_latest_outcome_only(make_assistant):
    """An outside try: "Did the Chiefs win the Super Bowl?" asked on 2024-02-20 got "Yes." from the 2023 game:
    a yes/no after an outcome, naming no year, asks after the latest one, as "Who won …?" does."""
    bot = make_assistant()
    bot.add_records(SUPER_BOWLS)
    asked_then = bot.ask("Did the Chiefs win the Super Bowl?", as_of="2023-02-20")
    assert asked_then.text.startswith("Yes. As of 2023-02-12: The Kansas City Chiefs defeated"), asked_then.text
    a_year_on = bot.ask("Did the Chiefs win the Super Bowl?", as_of="2024-02-20")
    assert not a_year_on.text.startswith(("Yes.", "No.")), a_year_on.text


def test_a_win_told_by_a_noun_is_of_the_event_asked_about(make_assistant):
    """ "Which team won the Super Bowl?" (2024-02-20) led with the 49ers' "comeback win over the Detroit Lions", a
    win in the conference game, in the sentence that looks ahead to the Super Bowl."""
    bot = make_assistant()
    bot.add_records(SUPER_BOWLS)
    answer = bot.ask("Which team won the Super Bowl?", as_of="2024-02-20")
    assert answer.text.startswith("No article here reports that outcome"), answer.text


ODYSSEUS_PREVIEW = {  # news24-dev f4c123e425c3 (USA TODAY, 2024-02-19), two paragraphs
    "id": "odysseus-preview",
    "title": "Odysseus lunar lander sends back first photos after SpaceX launch",
    "source": "usatoday.com",
    "published": "2024-02-19",
    "text": "Odysseus remains on track for a Thursday moon landing attempt\n\nThe outlook for Odysseus appears to be more "
    "optimistic, with Intuitive Machines reporting that the spacecraft is still on track to attempt a moon landing "
    "Thursday near the moon's south polar region. Scientists have long been interested in studying the south pole due "
    "to the presence of water ice thought to be abundant within its craters.",
}
ODYSSEUS_LANDED = {  # news24-dev 48a3124e7cc1 (USA TODAY, 2024-02-22), its first nine paragraphs
    "id": "odysseus-landed",
    "title": "Historic moon landing: Odysseus touches down week after SpaceX launch",
    "source": "usatoday.com",
    "published": "2024-02-22",
    "text": "For the first time in more than five decades, Americans have returned to the moon.\n\nWell, American robots, "
    "at least.\n\nA week after launching aboard a SpaceX rocket, the uncrewed Odysseus spacecraft gently touched down "
    "on the surface of the moon late Thursday, ushering in a historic moon landing.\n\nThe lander, designed and "
    "operated by Houston-based Intuitive Machines, is now the first commercial spacecraft to ever land on the moon. "
    "The lunar landing is also the first by an American-built spacecraft since NASA's final Apollo mission in 1972."
    '\n\n"Houston, Odysseus has found its new home," Stephen Altemus, president and CEO of Intuitive Machines, said '
    "shortly after the landing at 5:23 p.m. CST.\n\nThe announcement came about 10 minutes after it happened after "
    "some communications challenges. Tension built as the team behind the IM-1 mission waited for confirmation with "
    'bated breath.\n\n"I know this was a nail-biter, but we are on the surface and we are transmitting," Altemus said. '
    '"Welcome to the moon."\n\nWhat is the Odysseus lunar lander?\n\nNicknamed for the Greek hero of Homer\'s epic '
    'poem "The Odyssey," the Odysseus lander hitched a ride to orbit last Thursday aboard the SpaceX Falcon 9 rocket, '
    "which launched from NASA’s Kennedy Space Center in Cape Canaveral, Florida.",
}


@pytest.mark.parametrize("top_k", [8, 2])
def test_when_did_it_happen_is_answered_by_the_report_not_the_preview(make_assistant, top_k):
    """A journalist's try, as of 2024-02-24: "When did the Odysseus lander land?" was answered with the preview ("still on
    track to attempt a moon landing Thursday") and the launch. The sentence telling it touched down answers, also when
    its passage is not among those retrieved (top_k=2) but its article is."""
    bot = make_assistant()
    bot.add_records([ODYSSEUS_PREVIEW, ODYSSEUS_LANDED])
    bot = Assistant(bot.index, AssistantSettings(top_k=top_k))
    answer = bot.ask("When did the Odysseus lander land?", as_of="2024-02-24")
    assert answer.text.startswith("A week after launching aboard a SpaceX rocket"), answer.text
    assert "on track to attempt" not in answer.text


@pytest.mark.parametrize(
    "question, event",
    [
        ("When did the Odysseus lander land?", ("land", None, None, False)),  # "land" read as a noun, "did" as the verb
        ("When did Haley drop out?", ("drop", "out", "Haley", False)),
        ("When was Navalny arrested?", ("arrest", None, "Navalny", True)),  # done to him
        ("When will Odysseus land?", None),
        ("Who did Emmanuel Macron appoint as prime minister?", ("appoint", None, "Macron", False)),  # "appoint" a noun too
    ],
)
def test_the_event_a_question_asks_after_in_the_past(question, event):
    from assistant.answering.outcome import asked_past_event

    assert asked_past_event(question) == event


RAMS = {  # news24-dev b49f2e6db187 (USA TODAY, 2024-01-14), one sentence
    "id": "rams",
    "title": "Lions vs. Rams: History of the matchup",
    "source": "usatoday.com",
    "published": "2024-01-14",
    "text": "The Super Bowl 56 win was the Rams' last playoff appearance.",
}
SUPER_BOWL_58 = {  # news24-dev 95e698c61a2b (USA TODAY, 2024-02-12), its first paragraph
    "id": "super-bowl-58",
    "title": "Nickelodeon Super Bowl broadcast gets rave reviews on social media",
    "source": "usatoday.com",
    "published": "2024-02-12",
    "text": "Super Bowl 58 ended Sunday night with a win for the Kansas City Chiefs behind standout performances from "
    "quarterback Patrick Mahomes and tight end Travis Kelce.",
}


def test_a_numbered_edition_older_than_one_named_is_another_year_s_outcome(make_assistant):
    """A journalist's try: "Who won the Super Bowl?" (as of 2024-02-15) led with "The Super Bowl 56 win was the Rams'
    last playoff appearance" (a 2022 game, told in 2024) while the archive names Super Bowl LVIII: an edition older
    than one the articles name is another year's. The report of Super Bowl 58 answers."""
    bot = make_assistant()
    bot.add_records([RAMS, SUPER_BOWLS[1], SUPER_BOWLS[2]])
    answer = bot.ask("Who won the Super Bowl?", as_of="2024-02-15")
    assert answer.text.startswith("No article here reports that outcome"), answer.text
    bot.add_records([SUPER_BOWL_58])
    answer = bot.ask("Who won the Super Bowl?", as_of="2024-02-15")
    assert answer.text.startswith("As of 2024-02-12: Super Bowl 58 ended Sunday night"), answer.text


NEW_HAMPSHIRE = [
    {  # news24-dev 54fd9fa25c00 (USA TODAY, 2024-01-23), one paragraph
        "id": "nh-primary",
        "title": "New Hampshire primary live updates",
        "source": "usatoday.com",
        "published": "2024-01-23",
        "text": "Donald Trump has won the New Hampshire primary, stopping Nikki Haley’s push to defeat him in the Granite State.",
    },
    {  # news24-dev 8141db616ddd (2024-03-05), one paragraph
        "id": "super-tuesday",
        "title": "Super Tuesday: what the early states said",
        "source": "usatoday.com",
        "published": "2024-03-05",
        "text": "In New Hampshire, Republican challenger Nikki Haley won 43.3% of the vote, although the Trump camp insisted "
        "that the result was distorted because New Hampshire conducts an open primary.",
    },
]


def test_winning_a_share_of_the_vote_is_not_winning_the_contest(make_assistant):
    """A journalist's try: "Who won the New Hampshire primary?" (as of 2024-03-20) led with "Nikki Haley won 43.3% of
    the vote" (2024-03-05) over "Donald Trump has won the New Hampshire primary" (2024-01-23)."""
    bot = make_assistant()
    bot.add_records(NEW_HAMPSHIRE)
    answer = bot.ask("Who won the New Hampshire primary?", as_of="2024-03-20")
    assert answer.text.startswith("As of 2024-01-23: Donald Trump has won the New Hampshire primary"), answer.text


GRAMMYS = [
    {  # news24-dev e5d50380cb96 (USA TODAY, 2024-02-11), one paragraph
        "id": "swift-numerology",
        "title": "Taylor Swift and the number 13",
        "source": "usatoday.com",
        "published": "2024-02-11",
        "text": "Taylor Swift loves numerology, especially when it comes to the number 13. On Feb. 4, the singer won her "
        "13th career Grammy for pop vocal album.",
    },
    {  # news24-dev 82311d22d67d (USA TODAY, 2024-02-11), one paragraph
        "id": "swift-super-bowl",
        "title": "Taylor Swift at Super Bowl: Kiss seals celebration with Travis Kelce",
        "source": "usatoday.com",
        "published": "2024-02-11",
        "text": "On Sunday, Taylor Swift won her 13th and 14th Grammys, made a historic win with her fourth album of the year "
        'award and broke the internet after announcing a brand-new album, "The Tortured Poets Department."',
    },
]


def test_the_award_asked_about_is_the_one_won(make_assistant):
    """A journalist's try: "Who won the Grammy for album of the year?" (as of 2024-02-20) led with "the singer won her
    13th career Grammy for pop vocal album": a Grammy, of another category than the one asked about."""
    bot = make_assistant()
    bot.add_records(GRAMMYS[:1])
    answer = bot.ask("Who won the Grammy for album of the year?", as_of="2024-02-20")
    assert answer.text.startswith("No article here reports that outcome"), answer.text
    bot.add_records(GRAMMYS[1:])
    answer = bot.ask("Who won the Grammy for album of the year?", as_of="2024-02-20")
    assert answer.text.startswith("As of 2024-02-11: On Sunday"), answer.text
    assert "Taylor Swift won her 13th and 14th Grammys" in answer.text.split("[1]")[0], answer.text


IOWA_REPLAY_TEXT = (
    "Former President Donald Trump clinched victory in the Iowa Caucuses on Monday, celebrating a quick win "
    "over his Republican rivals.\n\nVivek Ramaswamy suspends presidential campaign, endorses Donald "
    "Trump\n\nVivek Ramaswamy is dropping out of the presidential race, his campaign spokesperson Tricia "
    "McLaughlin confirmed Monday night.\n\nPrep for the polls: See who is running for president and compare "
    "where they stand on key issues in our Voter Guide\n\n\"There's no path for me to be the next president, "
    "absent things we don't want to see happen in this country,\" he said in a speech announcing that he was "
    "suspending his campaign after a 4th place finish in the Iowa Caucuses.\n\nRamaswamy said the next "
    'president must be an "America First" president. He said he would throw his support behind Donald Trump. '
    "As he announced he was ending his bid, Ramaswamy had 8,093 votes, or 7.7%, in the Republican Iowa "
    "Caucuses, with 91% of votes reporting.\n\nRamaswamy held the most events in Iowa, which he did by far – "
    "323 scheduled public events, according to the Des Moines Register's Candidate Tracker. His campaign says "
    "he visited every one of Iowa's 99 counties at least twice and visited many counties three or more times. "
    "He's found curious crowds but few die-hard supporters.\n\nRamaswamy, 38, told supporters during a campaign "
    "stop in Clive on Monday that his parents came to the U.S. from India with no money, he said. Now he’s "
    "founded companies worth billions of dollars, has a wife and two sons and is living the American Dream, "
    "Ramaswamy said.\n\nRepublican presidential candidates made their final pushes in Iowa this weekend as the "
    "state gears up for Monday’s critical caucuses.\n\nDonald Trump risks a loss in Iowa – even if he wins the "
    "2024 caucus. Here's how.\n\nWhy each Republican candidate can win the Iowa Caucuses. (And why they can't)"
)
IOWA_REPLAY = {  # news24-dev 1ff57aa41ea8 (USA TODAY, 2024-01-15): paragraphs 1, 4-10, 172, 176 and 221 of its 200-odd
    "id": "iowa-replay",
    "title": "Iowa Caucus replay: Catch up after Trump won, DeSantis followed",
    "source": "usatoday.com",
    "published": "2024-01-15",
    "text": IOWA_REPLAY_TEXT,
}


IOWA_BEFORE = [  # the closest the rest of the archive came (news24-dev 4105d6f38a0a, 30ae346e0964, 49df6f42b935, eeada1c9ae46)
    {
        "id": "iowa-paths",
        "title": "How each Republican candidate can win the Iowa Caucuses or fall",
        "source": "usatoday.com",
        "published": "2024-01-09",
        "text": "Failing to win the caucuses with such a significant polling lead just weeks out would be unprecedented, but "
        "even a close margin between Trump and one or both of his challengers could give them the momentum to pull off "
        "an upset in New Hampshire and turn the race upside down.",
    },
    {
        "id": "iowa-risk",
        "title": "Donald Trump risks a loss in Iowa – even if he wins the 2024 caucus",
        "source": "usatoday.com",
        "published": "2024-01-15",
        "text": "But why is Trump aiming for more than 50% support among Iowa caucusgoers on Monday? The former president and "
        "his aides have long said that they are aiming for a record margin in an Iowa Republican caucus.",
    },
    {
        "id": "iowa-records",
        "title": "Iowa caucus records",
        "source": "desmoinesregister.com",
        "published": "2024-01-14",
        "text": "The record margin of victory in a contested Republican caucus is Bob Dole’s 12-point win in 1996.",
    },
    {
        "id": "iowa-lessons",
        "title": "What the Iowa caucuses taught us",
        "source": "desmoinesregister.com",
        "published": "2024-01-18",
        "text": "These superlatives can be a bit overdone – Monday was just the ninth competitive Republican presidential "
        "caucus in Iowa, ever – but the unprecedented factors combined to produce considerably less anticipation than "
        "usually accompanies the caucuses and their minds-can-be-changed-in-front-of-your-eyes dynamic.",
    },
]


def test_an_outcome_reported_outside_the_retrieved_passages_of_its_article(make_assistant):
    """realtimeqa-dev: "Which Republican presidential candidate won the Iowa caucuses by an unprecedented margin?" (as of
    2024-01-18) got "No article here reports that outcome": the live blog's preview passages ("Why each Republican
    candidate can win the Iowa Caucuses") were retrieved, not its opening "Former President Donald Trump clinched
    victory in the Iowa Caucuses on Monday"."""
    bot = make_assistant()
    bot.add_records([IOWA_REPLAY, *IOWA_BEFORE])
    bot = Assistant(bot.index, AssistantSettings(top_k=4))
    answer = bot.ask(
        "Which Republican presidential candidate won the Iowa caucuses by an unprecedented margin?", as_of="2024-01-18"
    )
    assert answer.text.startswith("As of 2024-01-15: Former President Donald Trump clinched victory"), answer.text


SOUTH_CAROLINA_BEFORE = [
    {  # news24-dev 54fd9fa25c00 (USA TODAY, 2024-01-23), one paragraph
        "id": "nh-margin",
        "title": "New Hampshire primary replay: Donald Trump wins",
        "source": "usatoday.com",
        "published": "2024-01-23",
        "text": "Donald Trump's margin of victory over former South Carolina Gov. Nikki Haley stood at 11.3 percentage points "
        "early Wednesday with more than 90% of the votes counted in the New Hampshire Republican primary.",
    },
    {  # news24-dev 323f48f67bc2 (USA TODAY, 2024-01-25), one paragraph
        "id": "sharp-elbows",
        "title": "'We have sharp elbows': Nikki Haley braces for home-state dirty politics",
        "source": "usatoday.com",
        "published": "2024-01-25",
        "text": "“I mean, that's their decision as far as the blood sport nature of this,” said Mark Harris, a strategist for "
        "SFA Fund Inc., a super-PAC that’s backing Haley. “But Nikki Haley grew up in the reality of South Carolina "
        "politics, won a primary election that she was not supposed to win in her first house race, and then won a "
        "primary election she wasn't supposed to win in her first governor's race.”",
    },
]


def test_a_place_in_a_title_or_some_primary_is_not_the_contest_asked_about(make_assistant):
    """ "Who won the South Carolina primary?" (as of 2024-02-20, before it) led with Trump's "margin of victory over
    former South Carolina Gov. Nikki Haley" in the New Hampshire primary, then with Haley winning "a primary election"
    in her first house race: the place of a title, and some primary, are not the contest asked about."""
    bot = make_assistant()
    bot.add_records(SOUTH_CAROLINA_BEFORE)
    answer = bot.ask("Who won the South Carolina primary?", as_of="2024-02-20")
    assert answer.text.startswith("No article here reports that outcome"), answer.text


def test_a_win_of_another_contest_is_no_report_of_the_one_asked_about(make_assistant):
    """An outside try: "Who won the South Carolina Republican primary?" asked 2024-02-10, two weeks before it was
    held, was answered "As of 2024-02-09: … Donald Trump trumpeted his caucus win, Nikki Haley lost her primary to
    'none' but still won …", of Nevada's, whose story goes on about the former South Carolina governor. A report
    of the contest names it (its words beyond 'primary') in the sentence or its article's title."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev b9f34305da6e (USA TODAY, 2024-02-09), its first paragraph and its fourth
                "id": "nevada",
                "title": "Nevada Republican caucus takeaway: Trump wins, Haley lost primary",
                "source": "usatoday.com",
                "published": "2024-02-09",
                "text": 'LAS VEGAS ‒ Donald Trump trumpeted his caucus win, Nikki Haley lost her primary to "none" but '
                "still won and then said she wasn't trying anyway, and the confusing, dueling Nevada Republican "
                "elections finished with little change to the field.\n\nHaley, the former South Carolina governor and "
                "U.S. ambassador, skipped the caucuses, which she argued were rigged in former President Trump's favor "
                "from the start.",
            },
            {  # news24-dev aec521cecb11 (USA TODAY, 2024-02-24), its first paragraph
                "id": "south-carolina",
                "title": "Previous South Carolina Republican primary winners",
                "source": "usatoday.com",
                "published": "2024-02-24",
                "text": "While Trump overwhelmingly won South Carolina's Republican primary, here's a look at which "
                "Republican candidates have previously won the Palmetto State's primaries.",
            },
        ]
    )
    before = bot.ask("Who won the South Carolina Republican primary?", as_of="2024-02-10")
    assert before.text.startswith("No article here reports that outcome; the closest they come, from 2024-02-09:"), before.text
    after = bot.ask("Who won the South Carolina Republican primary?", as_of="2024-02-28")
    assert after.text.startswith("As of 2024-02-24: While Trump overwhelmingly won South Carolina's"), after.text
    assert bot.ask("Who won the Nevada caucuses?", as_of="2024-02-10").text.startswith("As of 2024-02-09: LAS VEGAS")


PHILIPPE_2017 = {  # news24-dev 210016b77d8a (USA TODAY, 2017-05-15), its first paragraph
    "id": "philippe-2017",
    "title": "Edouard Philippe, France's new prime minister, is relatively unknown",
    "source": "usatoday.com",
    "published": "2017-05-15",
    "text": "French President Emmanuel Macron has appointed Edouard Philippe, a relatively unknown 46-year-old lawmaker, "
    "as prime minister, making good on campaign promises to repopulate French politics with new faces.",
}
ATTAL_2024 = {  # news24-dev 1b20bd835971 (USA TODAY, 2024-01-10), its first four paragraphs
    "id": "attal-2024",
    "title": "Gabriel Attal is France's youngest, first openly gay prime minister",
    "source": "usatoday.com",
    "published": "2024-01-10",
    "text": "Gabriel Attal became France's youngest ever and first openly gay prime minister on Tuesday.\n\n"
    "Attal, 34, replaced Élisabeth Borne following her resignation on Monday.\n\n“I know I can count on your "
    "energy and your commitment,” French President Emmanuel Macron said in a post on X, formerly known as Twitter, "
    'following the announcement.\n\nMacron added that the appointment was reminiscent of the "spirit of 2017," the '
    "year when he became France's youngest president.",
}
TAIWAN_2024 = {  # news24-dev cabb1b332b3e (AP in USA TODAY, 2024-01-13), its first paragraph and the KMT's
    "id": "taiwan-2024",
    "title": "Taiwan 2024 presidential election: Ruling party's Lai Ching-te wins",
    "source": "usatoday.com",
    "published": "2024-01-13",
    "text": "TAIPEI, Taiwan — Ruling-party candidate Lai Ching-te emerged victorious in Taiwan’s presidential election on "
    "Saturday and his opponents conceded.\n\nBeijing was believed to favor the candidate from the more China-friendly "
    "Nationalist party, also known as Kuomintang, or KMT. Its candidate, Hou Yu-ih, also promised to restart talks "
    "with China while bolstering national defense. He promised not to move toward unifying the two sides of the "
    "Taiwan Strait if elected.",
}


def test_an_appointment_is_reported_by_the_post_taken_and_an_election_by_the_win(make_assistant):
    """news24-dev: "Who did Emmanuel Macron appoint as France's next prime minister?" (asked 2024-01-12) was
    answered with Edouard Philippe, appointed in 2017: the tagger read "appoint" as a noun, so the question was not
    taken for one after the latest outcome, and "Gabriel Attal became … prime minister on Tuesday" says "became",
    not "appointed". "Who was elected president of Taiwan?" got a rival's promise "if elected"; the report says
    Lai Ching-te "emerged victorious in Taiwan's presidential election"."""
    bot = make_assistant()
    bot.add_records([PHILIPPE_2017, ATTAL_2024, TAIWAN_2024])
    appointed = bot.ask("Who did Emmanuel Macron appoint as France's next prime minister?", as_of="2024-01-12")
    assert appointed.text.startswith("As of 2024-01-10: Gabriel Attal became"), appointed.text
    elected = bot.ask("Who was elected president of Taiwan?", as_of="2024-01-19")
    assert elected.text.startswith("As of 2024-01-13: TAIPEI, Taiwan — Ruling-party candidate Lai Ching-te"), elected.text
    assert "if elected" not in elected.text
    # the rival's paragraph alone reports no one elected: a condition is no outcome
    rival = make_assistant()
    rival.add_records([{**TAIWAN_2024, "text": TAIWAN_2024["text"].split("\n\n")[1]}])
    promised = rival.ask("Who was elected president of Taiwan?", as_of="2024-01-19")
    assert promised.text.startswith("No article here reports that outcome"), promised.text


SUPER_BOWL_FILE = json.loads((Path(__file__).parent / "super_bowl_weeks.json").read_text(encoding="utf-8"))
SUPER_BOWL_WEEKS = SUPER_BOWL_FILE["articles"]


@pytest.fixture(scope="module")
def super_bowl_weeks(embedding, tmp_path_factory) -> Assistant:
    """The Super Bowl weeks, ingested once (7 s) for the tests that only ask of them."""
    bot = Assistant(Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("super-bowl")), embedding=embedding))
    bot.add_records(SUPER_BOWL_WEEKS + SUPER_BOWL_FILE["later"])  # the later ones are after the other tests' asking days
    return bot


def test_characters_that_show_as_nothing_change_no_question(super_bowl_weeks):
    """An analyst's try over HTTP: "Who won\\u0000 the Super Bowl?" was answered from 2023 ("As of 2023-02-12: …"),
    the question without the NUL from 2024. A control or zero-width character (pasted text carries them) is taken out."""
    plain = super_bowl_weeks.ask("Who won the Super Bowl?", as_of="2024-02-20")
    for pasted in ("Who won\x00 the Super Bowl?", "Who won\u200b the Super Bowl?\ufeff"):
        answer = super_bowl_weeks.ask(pasted, as_of="2024-02-20")
        assert answer.text == plain.text and answer.question == "Who won the Super Bowl?", answer.text
    from assistant import InvalidInput

    with pytest.raises(InvalidInput, match="empty"):
        super_bowl_weeks.ask("\x00\u200b", as_of="2024-02-20")


def test_the_game_s_report_is_found_among_weeks_of_previews(super_bowl_weeks, monkeypatch):
    """An outside try on news24-dev: "Who won the Super Bowl?" (2024-02-20) was answered "No article here reports that
    outcome", then a predictions piece's "Ravens win Super Bowl": the one report ("Super Bowl 58 ended Sunday night
    with a win for the Kansas City Chiefs", a Nickelodeon story) ranked below weeks of previews, logo histories and
    live blogs that say "win" as often. The fortnight's articles are searched for it one passage each; sentences
    past the best dozen that hold a word of winning are judged too; a parade's "a Super Bowl victory parade", "the
    celebration of a Super Bowl win" name no winner; a preview's "if the Chiefs win on Sunday" is no history."""
    bot = super_bowl_weeks
    for question in ("Who won the Super Bowl?", "Which team won the Super Bowl?"):
        answer = bot.ask(question, as_of="2024-02-20")
        assert answer.text.startswith(
            "As of 2024-02-12: Super Bowl 58 ended Sunday night (2024-02-11) with a win for the Kansas City Chiefs"
        ), answer.text
        assert "if the Chiefs win" not in answer.text, answer.text
    # on the whole archive the report ranked below the best dozen sentences (`OUTCOME_POOL`), which here hold fewer
    # previews: with one, the sentences past it that hold a word of winning are still judged
    monkeypatch.setattr(extractive, "OUTCOME_POOL", 1)
    crowded = bot.ask("Which team won the Super Bowl?", as_of="2024-02-20")
    assert crowded.text.startswith("As of 2024-02-12: Super Bowl 58 ended Sunday night"), crowded.text
    # the fortnight's passages are of the event asked about: "Who won album of the year at the Grammys?" met the
    # same weeks' NFL previews by "win" and "year"
    grammys = "Who won album of the year at the Grammys?"
    found = bot.event_reports(grammys, time_scope(grammys, Filters(), "2024-02-12", bot.retriever.latest_published), [])
    assert found and all("album" in hit.chunk.text and "Grammy" in hit.chunk.text for hit in found), [
        h.chunk.title for h in found
    ]
    # at most OUTCOME_ARTICLES more articles than the event's own searches take (the cap was never reached: 100 passages)
    game = "Who won the Super Bowl?"
    reports = bot.event_reports(game, time_scope(game, Filters(), "2024-02-20", bot.retriever.latest_published), [])
    assert len(reports) <= EVENT_REPORTS + OUTCOME_ARTICLES, len(reports)
    before = bot.ask("Who won the Super Bowl?", as_of="2024-02-10")
    assert before.text.startswith("No article here reports that outcome"), before.text
    # the preview's Sunday is the game's, the day after its Saturday article (a condition in the present is to come)
    preview = "A reporter asked Kelce whether there was going to be “another ring besides the Super Bowl ring” if the Chiefs win on Sunday."
    assert [found.date for found in relative_dates(preview, date(2024, 2, 10))] == [date(2024, 2, 11)]
    assert [found.date for found in relative_dates("Reporters asked if he had resigned on Monday.", date(2024, 2, 10))] == [
        date(2024, 2, 5)
    ]


def test_an_outcome_reported_weeks_before_the_asking_day_is_still_the_latest(super_bowl_weeks):
    """news24-dev: "Who won the Super Bowl?" asked 2024-03-20, five weeks after the game, said "No article here
    reports that outcome" and offered a 2023 live blog's quotes: only the fortnight before the asking day was searched
    for the report. Past it, the months before are searched too, and the newest report found answers."""
    bot = super_bowl_weeks
    for asked in ("2024-03-20", "2024-04-30"):
        answer = bot.ask("Who won the Super Bowl?", as_of=asked)
        assert answer.text.startswith(
            "As of 2024-02-12: Super Bowl 58 ended Sunday night (2024-02-11) with a win for the Kansas City Chiefs"
        ), (asked, answer.text)
    lost = bot.ask("Did the 49ers win the Super Bowl?", as_of="2024-03-20")
    assert lost.text.startswith("No. As of 2024-02-12: Super Bowl 58 ended Sunday night"), lost.text


GOLDEN_GLOBES = json.loads((Path(__file__).parent / "golden_globes.json").read_text(encoding="utf-8"))["articles"]


def test_an_award_won_months_ago_is_told_by_a_report_under_the_award_s_headline(make_assistant):
    """An outside try on news24-dev, as of 2024-03-20: "Who won the Golden Globe for best drama?" said no article
    reports it, and offered 2021's and 2023's winners. The report, '"Oppenheimer" won five awards including best
    drama …', names the Globes only in its headline ("… at Golden Globes"): it held too few of the question's words
    to be weighed beside the sentences naming the Globes. "Who won best drama at the Golden Globes?" led with a March
    Oscar preview's "Both snagged Golden Globes, Stone was victorious at Critics Choice and BAFTA": a win at another
    event."""
    bot = make_assistant()
    bot.add_records(GOLDEN_GLOBES + SUPER_BOWL_FILE["later"])
    answer = bot.ask("Who won the Golden Globe for best drama?", as_of="2024-03-20")
    assert answer.text.startswith('As of 2024-01-08: "Oppenheimer" won five awards including best drama'), answer.text
    other = bot.ask("Who won best drama at the Golden Globes?", as_of="2024-03-20")
    assert not other.text.startswith("As of 2024-03-07"), other.text
    assert "Oppenheimer" in other.text.split("Earlier, on")[0], other.text


NH_PRIMARY_REPORT = {
    "id": "ef7767243720",
    "title": "NH primary: Donald Trump wins; Nikki Haley vows to stay in race",
    "source": "usatoday.com",
    "url": "https://www.usatoday.com/story/news/politics/elections/2024/01/23/new-hampshire-primary-2024-live-updates-trump-haley-biden/72309568007/",
    "published": "2024-01-23",
    "text": "Former President Donald Trump defeated former South Carolina Gov. Nikki Haley in the New Hampshire Republican "
    "primary, winning over crucial Granite State voters.",
}
DC_PRIMARY_LOOK_BACK = {
    "id": "da106e65d2e1",
    "title": "Super Tuesday warm-up: Nikki Haley wins Republican primary in D.C.",
    "source": "usatoday.com",
    "url": "https://www.usatoday.com/story/news/politics/elections/2024/03/03/nikki-haley-donald-trump-washington-dc-primary/72830577007/",
    "published": "2024-03-03",
    "text": "Trump had defeated Haley in previous contests in Iowa, New Hampshire, Nevada, and her home state of South Carolina.",
}
RAMS_HISTORY = {
    "id": "b49f2e6db187",
    "title": "Rams vs. Lions wild card playoff highlights: Detroit wins first ...",
    "source": "usatoday.com",
    "url": "https://www.usatoday.com/story/sports/nfl/2024/01/14/rams-lions-wild-card-live-updates-score-highlights/72179245007/",
    "published": "2024-01-14",
    "text": "The Rams are 26-27 in playoff games. The franchise has appeared in five Super Bowls, winning two (Super Bowl "
    "XXXIV and Super Bowl LVI). The Super Bowl 56 win was the Rams' last playoff appearance. Prior to the Super Bowl "
    "era, the Rams won two NFL championships (1945 and 1951).",
}


def test_a_later_look_back_is_no_report_of_the_outcome(make_assistant):
    """An outside try on news24-dev, as of 2024-03-20: "Who won the New Hampshire primary?" led with a March story's
    "Trump had defeated Haley in previous contests in Iowa, New Hampshire, …", newer than the primary's own report: a
    past perfect looks back from another story, as a report of the night does not."""
    bot = make_assistant()
    bot.add_records([NH_PRIMARY_REPORT, DC_PRIMARY_LOOK_BACK])
    answer = bot.ask("Who won the New Hampshire primary?", as_of="2024-03-20")
    assert answer.text.startswith("As of 2024-01-23: Former President Donald Trump defeated"), answer.text


def test_an_earlier_edition_s_win_is_no_history_of_the_latest(make_assistant):
    """An outside try on news24-dev: "Who won the Super Bowl?" as of 2024-03-20 went on "Earlier, on 2024-01-14: The
    Super Bowl 56 win was the Rams' last playoff appearance", 2022's win dated by a 2024 article. Beside Super Bowl 58's
    report, an older edition's win is not history of it (nor its answer: `earlier_edition`)."""
    bot = make_assistant()
    bot.add_records([RAMS_HISTORY, *[a for a in SUPER_BOWL_WEEKS if a["published"] == "2024-02-12"], *SUPER_BOWL_FILE["later"]])
    answer = bot.ask("Who won the Super Bowl?", as_of="2024-03-20")
    assert answer.text.startswith("As of 2024-02-12: Super Bowl 58 ended Sunday night"), answer.text
    assert "Super Bowl 56" not in answer.text, answer.text


HALEY_SOUTH_CAROLINA = {
    "id": "2b35f77def5f",
    "title": "Trump wins 2024 South Carolina Republican presidential primary",
    "source": "usatoday.com",
    "url": "https://www.usatoday.com/story/news/politics/elections/2024/02/24/south-carolina-republican-primary-live-updates-haley-trump/72675865007/",
    "published": "2024-02-24",
    "text": "Former South Carolina Gov. Nikki Haley pledged to stay in the race, saying she worried that former President "
    "Donald Trump could not beat President Joe Biden.\n\n"
    '"America will come apart if we make the wrong choices. This has never been about me or my political future," '
    'Haley told a cheering crowd. "I am a woman of my word. I\'m not giving up this fight."',
}
HALEY_MICHIGAN = {
    "id": "421eaf3a4144",
    "title": "Michigan primary replay: Donald Trump wins against Nikki Haley",
    "source": "usatoday.com",
    "url": "https://www.usatoday.com/story/news/politics/elections/2024/02/27/michigan-primary-2024-live-updates/72673398007/",
    "published": "2024-02-27",
    "text": "“Donald Trump campaigned in Michigan for eight years. I campaigned for two days,” Haley said during an "
    "interview with CNN’s Dana Bash. “Our goal has been to try and reach as many people as we can, but we know he's "
    "got the advantage.”",
}


def test_what_was_said_last_week_is_what_was_reported_then(make_assistant):
    """An outside try of the web chat: "What did Nikki Haley say last week?" asked Friday 2024-03-01 read "last week"
    (then 2024-02-17 to 2024-02-23; now the calendar week, Feb. 19–25) and quoted her Michigan interview of Tuesday 2024-02-27, this week, without a word: a
    window that ends this close to the asking day reaches on to it, for the reports of an event. A quote is reported
    the day it is said or the next."""
    bot = make_assistant()
    bot.add_records([HALEY_MICHIGAN])
    elsewhere = bot.ask("What did Nikki Haley say last week?", as_of="2024-03-01")
    assert elsewhere.text.startswith("No indexed article is from last week (2024-02-19 to 2024-02-25)"), elsewhere.text
    assert "I campaigned for two days" in elsewhere.text  # from other days, and said so
    bot.add_records([HALEY_SOUTH_CAROLINA])
    answer = bot.ask("What did Nikki Haley say last week?", as_of="2024-03-01")
    assert "America will come apart" in answer.text.split("[1]")[0], answer.text
    assert "Michigan" not in answer.text, answer.text


SUPER_TUESDAY = {  # news24-dev dd12e2f78327 (USA TODAY live updates, 2024-03-05), two paragraphs
    "id": "dd12e2f78327",
    "title": "Super Tuesday recap: Trump, Biden pick up big wins; Haley set to ...",
    "source": "usatoday.com",
    "published": "2024-03-05",
    "text": "The former South Carolina governor has repeatedly said she has no plans to drop out of the 2024 race for the "
    "White House. But Tuesday has the potential to deliver one of the heaviest blows to her campaign, and speculation "
    "has grown about her next steps.\n\nHaley continued to dodge the first question, defiantly telling Fox News Monday "
    "afternoon that they should ask Trump whether he would support another Republican nominee instead.",
}


def test_what_was_said_on_a_day_is_not_what_the_sentence_says_was_said_another(make_assistant):
    """An outside try of the web chat: "What did Nikki Haley say on Tuesday?" (as of 2024-03-08, Tuesday 03-05) cited
    "… defiantly telling Fox News Monday afternoon that …" from a Tuesday article: its sentence names the day it was
    said, and it is not the one asked about."""
    bot = make_assistant()
    bot.add_records([SUPER_TUESDAY])
    answer = bot.ask("What did Haley say on Tuesday?", as_of="2024-03-08")
    assert "Monday afternoon" not in answer.text, answer.text
    monday = bot.ask("What did Haley say on Monday?", as_of="2024-03-08")
    assert "Monday afternoon" in monday.text, monday.text


SOTU_2023 = {
    "id": "6b469543a71a",
    "title": "State of the Union 2023 address recap: Biden lays out ambitious ...",
    "source": "usatoday.com",
    "url": "https://www.usatoday.com/story/news/politics/2023/02/07/biden-state-of-the-union-sotu-address-updates/11204405002/",
    "published": "2023-02-07",
    "text": "In 1947 is became the ‘State of the Union’ and has since been referred to by that name.",
}
SOTU_2024 = {
    "id": "dd12e2f78327",
    "title": "Super Tuesday recap: Trump, Biden pick up big wins; Haley set to ...",
    "source": "usatoday.com",
    "url": "https://www.usatoday.com/story/news/politics/elections/2024/03/05/super-tuesday-2024-live-results-updates/72839863007/",
    "published": "2024-03-05",
    "text": "Joe Biden is competing in more than a dozen Super Tuesday states before he delivers his 2024 State of the Union "
    "address to lawmakers and Americans across the country on Thursday.",
}


def test_when_a_named_event_was_asks_after_the_latest(make_assistant):
    """An outside try of the web chat: "When was that?" after "Who won the Super Bowl?" (as of 2024-02-14), read as
    "When was the Super Bowl?", was answered with "The first Super Bowl on Jan. 15, 1967"; "When was the State of the
    Union?" (as of 2024-03-10) with "In 1947 is became the 'State of the Union'", from 2023. Asked in the past tense
    with no days or edition named, it asks after the latest, as "Who won …?" does: the newest telling leads."""
    bot = make_assistant()
    bot.add_records([SOTU_2023, SOTU_2024])
    answer = bot.ask("When was the State of the Union?", as_of="2024-03-10")
    assert answer.text.startswith("As of 2024-03-05: Joe Biden is competing"), answer.text
    assert "on Thursday (2024-03-07)" in answer.text
    # one of them named is not the latest: "the first"
    from assistant.answering.scope import asks_when_it_last_was

    assert not asks_when_it_last_was("When was the first Super Bowl?")


def test_did_a_side_win_is_settled_by_the_game_s_report(super_bowl_weeks):
    """An outside try on news24-dev (as of 2024-02-20): "Did the 49ers win the Super Bowl?" hedged with a preview of
    Super Bowl LIV. The report names the Chiefs, not the 49ers: the fortnight is searched for the contest whoever
    won it, and a win of the contest only one wins, told for another, is the 49ers' loss."""
    bot = super_bowl_weeks
    lost = bot.ask("Did the 49ers win the Super Bowl?", as_of="2024-02-20")
    assert lost.text.startswith("No. As of 2024-02-12: Super Bowl 58 ended Sunday night (2024-02-11) with a win"), lost.text
    won = bot.ask("Did the Chiefs win the Super Bowl?", as_of="2024-02-20")
    assert won.text.startswith("Yes. As of 2024-02-12: Super Bowl 58 ended Sunday night (2024-02-11) with a win"), won.text


def test_whom_a_side_beat_is_not_told_by_an_earlier_edition(super_bowl_weeks):
    """An outside try on news24-dev: "Who did the Chiefs beat in the Super Bowl?" (as of 2024-02-12) was answered
    "… a rematch of Super Bowl LIV, when Kansas City won 31-20" (2020's score, read as 2024's). The contest of "beat
    … in the Super Bowl" is where they beat: an edition older than Super Bowl LVIII, named beside it, is another
    year's. No article of the fortnight says whom they beat (one says "a win for the Kansas City Chiefs"): so it says."""
    bot = super_bowl_weeks
    answer = bot.ask("Who did the Chiefs beat in the Super Bowl?", as_of="2024-02-12")
    assert "31-20" not in answer.text and "Super Bowl LIV," not in answer.text, answer.text
    assert answer.text.startswith("No article here reports that outcome"), answer.text


def test_a_preview_of_the_outcome_is_no_history_of_it(make_assistant):
    """After the Chiefs' win the reply went on "Earlier, on 2024-02-10: … if the Chiefs win on Sunday (2024-02-04)":
    a preview told as history, its Sunday read as the one before its Saturday article. Neither now."""
    bot = make_assistant()
    by_id = {article["id"]: article for article in SUPER_BOWL_WEEKS}
    kelce, report = by_id["f6c1b7ead1d3"], by_id["95e698c61a2b"]
    preview = next(p for p in kelce["text"].split("\n\n") if "if the Chiefs win" in p)
    bot.add_records([{**kelce, "text": preview}, {**report, "text": report["text"].split("\n\n")[0]}])
    answer = bot.ask("Who won the Super Bowl?", as_of="2024-02-20")
    assert answer.text.startswith("As of 2024-02-12: Super Bowl 58 ended Sunday night"), answer.text
    assert "if the Chiefs win" not in answer.text, answer.text


VALIEVA = json.loads((Path(__file__).parent / "valieva_articles.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture(scope="module")
def valieva_index(embedding, tmp_path_factory) -> Index:
    """The Valieva articles, ingested once for the settings each test asks them with."""
    index = Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("valieva")), embedding=embedding)
    Assistant(index).add_records(VALIEVA)
    return index


@pytest.mark.parametrize("top_k", [3, 6])
def test_how_a_thing_done_stands_now_is_told_by_the_newest_report(valieva_index, top_k):
    """An outside try on news24-dev: "How long is Kamila Valieva banned for?" (asked 2024-01-30) was answered from
    2022 ("placed fourth … cleared to skate", then WADA "seeking a four-year ban"), though "Kamila Valieva banned
    four years for doping" (2024-01-29) was retrieved by a later paragraph. A question in the present passive ("is
    banned") asks how things stand now: the newest report near the best leads; and an article whose headline holds
    the question has its lead read, whichever passage brought it."""
    bot = Assistant(valieva_index, AssistantSettings(top_k=top_k))
    answer = bot.ask("How long is Kamila Valieva banned for?", as_of="2024-01-30")
    assert answer.text.startswith(
        "As of 2024-01-29: In a stunning rebuke of Russia’s notorious doping system, the Court of Arbitration for Sport "
        "banned Russian Olympic figure skater Kamila Valieva Monday morning (2024-01-29) for four years"
    ), answer.text


@pytest.mark.parametrize(
    "question, current",
    [
        ("How long is Kamila Valieva banned for?", True),
        ("Which company is being sued for failing to pay rent?", True),
        ("What is the minimum age for users on TikTok?", False),
        ("What is the largest fire recorded in Texas history?", False),  # "recorded" is no passive of "is"
        ("What are the drugs used in the execution?", False),
        ("Is Trump banned from the ballot?", False),  # a yes/no has its own verdict
    ],
)
def test_a_question_of_how_a_thing_done_stands_now(question, current):
    from assistant.answering.scope import asks_a_current_state

    assert asks_a_current_state(question) is current


PRESENT_TENSE = json.loads((Path(__file__).parent / "present_tense_articles.json").read_text(encoding="utf-8"))["sets"]


@pytest.mark.parametrize(
    "articles, question, as_of, expected",
    [
        ("attal", "Who is Gabriel Attal?", "2024-01-12", "As of 2024-01-10: Gabriel Attal became France's youngest"),
        ("jackpot", "How big is the Mega Millions jackpot?", "2023-01-04", "As of 2023-01-04: "),
        ("happiness", "Where does the US rank in the World Happiness Report?", "2024-03-21", "As of 2024-03-20: "),
    ],
)
def test_a_question_in_the_present_tense_is_answered_as_things_stand(make_assistant, articles, question, as_of, expected):
    """An outside try: "Who is Gabriel Attal?" (2024-01-12) was answered by the budget minister of 2022, "How big is
    the Mega Millions jackpot?" (2023-01-04) by 2018's record $1.6 billion, "Where does the US rank in the World
    Happiness Report?" (2024-03-21) by a 2021 fact check, each beside that week's article. A measure asked with "is",
    a question in the present simple ("does … rank") and "Who is <name>?" ask how things stand now: the newest
    sentence near the best leads; and "Who is <name>?" asks what they are, not for another person to name."""
    bot = make_assistant()
    bot.add_records([{k: v for k, v in record.items() if not k.startswith("_")} for record in PRESENT_TENSE[articles]])
    answer = bot.ask(question, as_of=as_of)
    assert answer.text.startswith(expected), answer.text


KANSAS_CITY_SETTLEMENT = {  # news24-dev 553d81cc9a74 (USA TODAY's 50 states, 2022-11-04), its first two sentences
    "id": "settlement",
    "title": "Memorial service, destructive 'super weed': News from around our 50 states",
    "source": "usatoday.com",
    "published": "2022-11-04",
    "text": "Kansas City: The city will pay $5 million to settle a lawsuit filed by the family of an unarmed Black man who "
    "was fatally shot by a police officer in 2019. The Kansas City Board of Police Commissioners approved the settlement "
    "with the family of Terrence Bridges Jr. in a closed meeting earlier this week, The Kansas City Star reports.",
}
PARADE_SHOOTING = {  # news24-dev b6dd60151af1 (USA TODAY, 2024-02-15), one paragraph
    "id": "parade",
    "title": "Kansas City Super Bowl parade latest shooting at US celebration",
    "source": "usatoday.com",
    "published": "2024-02-15",
    "text": "And now, 11 children were shot in the moments after a Super Bowl victory parade in Kansas City on Wednesday, "
    "where thousands of red-clad fans ran for their lives across confetti-strewn streets. In total 22 people suffered "
    "gunshot wounds, including one fatality, Interim Fire Chief Ross Grundyson said.",
}


def test_an_occasion_asked_about_is_what_the_passage_must_be_about(make_assistant):
    """An outside try: "How many people were shot at the Kansas City parade?" asked on 2024-01-25, before the
    parade, was answered by a 2022 settlement over a police shooting in Kansas City. The occasion the question
    places its event at ("at the parade") is what an answering passage must be about; after the parade, its report
    answers."""
    bot = make_assistant()
    bot.add_records([KANSAS_CITY_SETTLEMENT, PARADE_SHOOTING])
    before = bot.ask("How many people were shot at the Kansas City parade?", as_of="2024-01-25")
    assert not before.answered, before.text
    after = bot.ask("How many people were shot at the Kansas City parade?", as_of="2024-02-16")
    assert after.answered and after.citations[0].article_id == "parade", after.text


def test_this_week_s_article_telling_of_1146_is_not_this_week_s_news(make_assistant):
    """An outside try: "Who resigned this week?" (as of 2024-01-20) listed "The last time a Danish monarch
    voluntarily resigned was in 1146 …", from an article of that week: a sentence about a year before its
    article's is no answer for the week's days."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # news24-dev 338b97cd107d (USA TODAY, 2024-01-14), one paragraph
                "id": "margrethe",
                "title": "Denmark's Queen Margrethe signs historic abdication; son becomes king",
                "source": "usatoday.com",
                "published": "2024-01-14",
                "text": "The last time a Danish monarch voluntarily resigned was in 1146 when King Erik III Lam stepped "
                "down to enter a monastery. Margrethe abdicated on the same day she ascended the throne following the "
                "death of her father, King Frederik IX.",
            }
        ]
    )
    answer = bot.ask("Who resigned this week?", as_of="2024-01-20")
    assert "1146" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question, recency, search_recent",
    [
        ("Who is Gabriel Attal?", True, False),
        ("How big is the Mega Millions jackpot?", True, False),
        ("Where does the US rank in the World Happiness Report?", True, False),
        ("How long is Kamila Valieva banned for?", True, True),  # the present passive: a thing done, reported lately
        ("What is the latest on the Boeing 737 Max 9?", True, True),
        ("What is the minimum age on TikTok?", False, True),
    ],
)
def test_the_present_tense_reads_the_newest_of_what_it_finds(question, recency, search_recent):
    """A question in the present tense prefers the newest telling among what it finds; it does not search the recent
    days apart as "the latest" does (that filtered search cost ~20 ms of p50 at 10,000 articles, bench/answer_latency.py)."""
    scope = time_scope(question, Filters(), "2024-03-01")
    assert (scope.reading.recency, scope.search_recent) == (recency, search_recent)


@pytest.mark.parametrize(
    "sentence, published, long_ago",
    [
        ("The last time a Danish monarch voluntarily resigned was in 1146.", "2024-01-14", True),
        (
            "In 2021, Nevada's legislature passed a law that requires the state to hold presidential primaries.",
            "2024-02-15",
            True,
        ),
        # the year before is still reported on; a day named beside the year is this week's news
        ("In 2023, 52% of sales came from fresh produce.", "2024-01-19", False),
        ("The court banned her Monday for her 2022 Olympic results, which were disqualified in 2022.", "2024-01-29", False),
    ],
)
def test_a_sentence_of_long_ago(sentence, published, long_ago):
    """`of_long_ago`: the review found it never fired for a year of 19xx/20xx (the day-word check held years)."""
    from assistant.answering.extractive import of_long_ago
    from tests.assistant.test_verdicts import candidate

    assert of_long_ago(candidate(sentence, published)) is long_ago


@pytest.mark.parametrize("question", ["Who was Super Bowl MVP?", "Who is Speaker?", "Who is President?"])
def test_who_is_a_post_asks_for_a_person(question):
    """The review: "Who is <name>?" asks what they are; "Who was Super Bowl MVP?" asks for a person still."""
    from assistant.answering.question import analyze

    assert "PERSON" in analyze(question).expects


def test_a_contest_won_in_a_named_window_is_the_report_inside_it_or_none(super_bowl_weeks):
    """A researcher's try (news24-dev, as of 2024-03-22): "Who won the Masters golf tournament this year?" was answered
    with the plot of "Happy Gilmore", and "Who won the Super Bowl this year?" with "Baltimore blasted the Super Bowl
    favorite 49ers on Christmas Day …": a question that names its days was never read for its outcome. Now the
    window's report of the contest won leads, or the reply says no article reports it."""
    bot = super_bowl_weeks
    after = bot.ask("Who won the Super Bowl this week?", as_of="2024-02-14")
    assert after.text.startswith("Super Bowl 58 ended Sunday night (2024-02-11) with a win for the Kansas City Chiefs"), (
        after.text
    )
    before = bot.ask("Who won the Super Bowl this week?", as_of="2024-02-10")
    assert before.text.startswith("No article here reports that outcome"), before.text


PHISH_FACTS = {  # news24-dev 65fc92ad6f39 (USA TODAY, 2024-01-12), its opening paragraphs
    "id": "phish-facts",
    "title": "10 Phish facts before they play Delaware festival in Woodlands Dover",
    "source": "usatoday.com",
    "published": "2024-01-12",
    "text": "The legendary jam band Phish is as polarizing as fanny packs, comedian Amy Schumer, and pineapple "
    "pizza.\n\nThis popular crew from Vermont has been grooving listeners since the 1980s.\n\nThey're on pace "
    "to reel in a big school of Phish fans for their new four-day festival, called Mondegreen, in The "
    "Woodlands of Dover from Thursday, Aug. 15, to Sunday, Aug. 18.",
}
PHISH_FIREFLY = {  # news24-dev b3692acdbc26 (USA TODAY, 2023-09-12), its opening
    "id": "phish-firefly",
    "title": "Phish jam band hooked for new Delaware 2024 event at Firefly grounds",
    "source": "usatoday.com",
    "published": "2023-09-12",
    "text": "Word on the street is the jam band Phish is performing at Firefly Music Festival's stomping "
    "grounds (The Woodlands of Dover) next summer.",
}


def test_the_days_of_an_event_to_come_are_no_window_of_the_news(make_assistant):
    """news24-dev, asked 2024-01-19 without the quiz's year: "from August 15th to August 18th" was read as last
    August's days, a window no report of the festival was in, and the answer was "Phish is performing at Firefly's
    stomping grounds" from September; with the dates kept as words, no passage held "15th" and it was declined."""
    bot = make_assistant()
    bot.add_records(
        [
            PHISH_FACTS,
            PHISH_FIREFLY,
        ]
    )
    question = "What is the name of the festival that Phish is hosting in Dover, Delaware, from August 15th to August 18th?"
    answer = bot.ask(question, as_of="2024-01-19")
    assert answer.time_window is None
    assert "Mondegreen" in answer.text, answer.text
    assert answer.citations[0].article_id == "phish-facts"


def test_when_was_that_after_who_won_is_when_the_latest_was_won(super_bowl_weeks):
    """An outside try of the web chat, again (as of 2024-02-14): "When was that?" after "Who won the Super Bowl?" was
    read "When was the Super Bowl?" and answered from the logo history's "The first Super Bowl on Jan. 15, 1967";
    made to ask after the latest, it met that article's newest sentences ("Last year's championship game …"), none
    the game's report. It asks when the Super Bowl was won: the outcome's report, the latest, with its day."""
    bot = super_bowl_weeks
    won = bot.ask("Who won the Super Bowl?", as_of="2024-02-14")
    turns = [{"role": "user", "content": "Who won the Super Bowl?"}, {"role": "assistant", "content": won.text}]
    when = bot.ask("When was that?", history=turns, as_of="2024-02-14")
    assert when.standalone_question == "When was the Super Bowl won?"
    assert when.text.startswith("As of 2024-02-12: Super Bowl 58 ended Sunday night (2024-02-11)"), when.text


def test_when_a_side_won_is_its_own_win_not_the_latest_game(super_bowl_weeks):
    """ "When did the Chiefs win the Super Bowl?" is the report of their win; "When did the 49ers win the Super Bowl?"
    is not the same report (the Chiefs won it, beating the 49ers), nor hedged as an outcome not reported: a "when"
    may ask after any year's."""
    bot = super_bowl_weeks
    chiefs = bot.ask("When did the Chiefs win the Super Bowl?", as_of="2024-02-14")
    assert chiefs.text.startswith("As of 2024-02-12: Super Bowl 58 ended Sunday night (2024-02-11)"), chiefs.text
    niners = bot.ask("When did the 49ers win the Super Bowl?", as_of="2024-02-14")
    assert "Super Bowl 58 ended Sunday night" not in niners.text, niners.text
    assert not niners.text.startswith("No article here reports that outcome"), niners.text


def test_an_outcome_of_a_year_after_the_asking_day_is_not_reported_yet(super_bowl_weeks):
    """An outside try: "Who won the 2025 Super Bowl?" (as of 2024-01-19) was answered with the Rams' titles of 1945
    and 1951, and as of 2024-03-29 with January's predictions. No article of the asking day can report it."""
    answer = super_bowl_weeks.ask("Who won the 2025 Super Bowl?", as_of="2024-02-20")
    assert not answer.answered and not answer.citations
    assert answer.text == "No article can report that yet: it asks about 2025, after the asking date (2024-02-20)."
    # a plan for that year is news of its day, and a year gone by is asked as any
    assert outcome_after("Who will win the 2025 Super Bowl?", date(2024, 2, 20)) is None
    assert outcome_after("Who won the 2023 Super Bowl?", date(2024, 2, 20)) is None
    assert outcome_after("Did the Chiefs win the 2025 Super Bowl?", date(2024, 2, 20)) == "2025"


SUPER_BOWL_2023_HYPE = {  # news24-dev (USA TODAY, 2023-02-12), one sentence
    "id": "hype-2023",
    "title": "Super Bowl 2023: What time does the game start?",
    "source": "usatoday.com",
    "published": "2023-02-12",
    "text": "There's plenty of hype and anticipation for Super Bowl Sunday, which matches the Kansas City Chiefs and the "
    "Philadelphia Eagles. The first Super Bowl on Jan. 15, 1967 didn't have that title to begin with.",
}
SUPER_BOWL_2024_TIME = {  # news24-dev (2024-01-15), one sentence
    "id": "time-2024",
    "title": "Super Bowl 2024: When is the game?",
    "source": "usatoday.com",
    "published": "2024-01-15",
    "text": "Super Bowl LVIII will begin at 4:25 p.m. MST (3:35 p.m. Pacific, 6:25 p.m. Eastern) Sunday, Feb. 11, 2024.",
}


def test_a_second_sentence_from_a_year_before_is_told_as_earlier_news(make_assistant):
    """An outside try (as of 2024-01-19): "When is the Super Bowl?" gave 2024's kickoff, then "… Super Bowl Sunday,
    which matches the Kansas City Chiefs and the Philadelphia Eagles" from 2023, undated, read as this year's
    matchup; as of 2024-02-12 the second was "The first Super Bowl on Jan. 15, 1967 …". A second sentence a month
    or more older than the first is told as earlier news, with its day; one about long ago is left out."""
    bot = make_assistant()
    bot.add_records([SUPER_BOWL_2023_HYPE, SUPER_BOWL_2024_TIME])
    answer = bot.ask("When is the Super Bowl?", as_of="2024-01-19")
    assert answer.text.startswith("Super Bowl LVIII will begin"), answer.text
    assert "Earlier, on 2023-02-12: There's plenty of hype" in answer.text, answer.text
    assert "1967" not in answer.text, answer.text


def test_a_second_sentence_of_a_span_since_a_year_is_not_of_long_ago(make_assistant):
    """ "… wages had not risen since 2019" is about now, not about 2019: it stays beside the first sentence (the
    browser tests' long strike answer lost its second card to the rule above, read too widely)."""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "a1",
                "title": "Ferry crews walk out",
                "source": "Harbor Gazette",
                "published": "2024-03-14",
                "text": "Harbor ferry crews went on strike over unpaid overtime, the union said on Monday.",
            },
            {
                "id": "a2",
                "title": "Strike halts crossings",
                "source": "Harbor Gazette",
                "published": "2024-03-15",
                "text": "The Harbor ferry crews strike began because wages had not risen since 2019, according to the crew "
                "association.",
            },
        ]
    )
    answer = bot.ask("Why did the Harbor ferry crews strike?", as_of="2024-03-20")
    assert "since 2019" in answer.text and "unpaid overtime" in answer.text, answer.text


NEXT_YEARS_BOWL = {  # news24-dev 28b28e65a3b2 (USA TODAY, 2024-02-08), one paragraph
    "id": "28b28e65a3b2",
    "title": "Super Bowl logos' beautiful history over 58 NFL seasons",
    "source": "usatoday.com",
    "published": "2024-02-08",
    "text": "Next year's Super Bowl will be held at the Caesars Superdome in New Orleans. No news yet on the logo but it "
    "could include Mardi Gras colors or themes in the roman numerals to continue the trend.",
}
THIS_YEARS_BOWL = {  # news24-dev 389a57e0bcf0 (USA TODAY, 2024-02-01), one paragraph
    "id": "389a57e0bcf0",
    "title": "As San Francisco 49ers head to Super Bowl, here's a primer on NFC ...",
    "source": "usatoday.com",
    "published": "2024-02-01",
    "text": "After an epic conference championship game where the San Francisco 49ers staged an impressive 34-31 comeback "
    "win over the Detroit Lions, they now have their sights set on getting past the Kansas City Chiefs in the 2024 "
    "Super Bowl at Allegiant Stadium in Las Vegas.",
}


def test_next_years_edition_is_not_the_one_asked_about(make_assistant):
    """An outside try (as of 2024-02-09): "Where will the Super Bowl be held?" got "Next year's Super Bowl will be held
    at the Caesars Superdome in New Orleans", two days before this year's in Las Vegas. A sentence about next or last
    year's edition of what is asked answers only a question that names that year."""
    bot = make_assistant()
    bot.add_records([NEXT_YEARS_BOWL, THIS_YEARS_BOWL])
    answer = bot.ask("Where will the Super Bowl be held?", as_of="2024-02-09")
    assert "Las Vegas" in answer.text.split("[1]")[0] and "New Orleans" not in answer.text, answer.text
    next_year = bot.ask("Where will next year's Super Bowl be held?", as_of="2024-02-09")
    assert "New Orleans" in next_year.text.split("[1]")[0], next_year.text


def test_a_contest_won_in_days_after_the_newest_article_is_declined_not_a_crash(super_bowl_weeks):
    """`byline eval news24-dev --no-as-of` crashed on "Which school won the College Football Playoff National
    Championship this week?" asked today: the window of a contest won lay after the newest article, and its
    missing search filters were searched."""
    answer = super_bowl_weeks.ask("Who won the Super Bowl this week?", as_of="2026-12-01")
    assert not answer.answered, answer.text
    assert answer.text.startswith("No indexed article is from this week"), answer.text


RAMS_HISTORY = {  # news24-dev b49f2e6db187 (USA TODAY, 2024-01-14), one paragraph
    "id": "b49f2e6db187",
    "title": "Rams vs. Lions wild card playoff highlights: Detroit wins first ...",
    "source": "usatoday.com",
    "published": "2024-01-14",
    "text": "The Rams are 26-27 in playoff games. The franchise has appeared in five Super Bowls, winning two (Super Bowl "
    "XXXIV and Super Bowl LVI). The Super Bowl 56 win was the Rams' last playoff appearance. Prior to the Super Bowl "
    "era, the Rams won two NFL championships (1945 and 1951).",
}
NICKELODEON = {  # news24-dev 95e698c61a2b (USA TODAY, 2024-02-12), one paragraph
    "id": "95e698c61a2b",
    "title": "Nickelodeon Super Bowl broadcast gets rave reviews on social media",
    "source": "usatoday.com",
    "published": "2024-02-12",
    "text": "Super Bowl 58 ended Sunday night with a win for the Kansas City Chiefs behind standout performances from "
    "quarterback Patrick Mahomes and tight end Travis Kelce.",
}


def test_a_history_line_wins_the_contest_asked_about_not_another_title(make_assistant):
    """Both outside tries: "Who won the Super Bowl?" added "Earlier, on 2024-01-14: Prior to the Super Bowl era, the
    Rams won two NFL championships (1945 and 1951)": a win of other titles, its sentence naming the Super Bowl only
    as an era."""
    bot = make_assistant()
    bot.add_records([RAMS_HISTORY, NICKELODEON])
    answer = bot.ask("Who won the Super Bowl?", as_of="2024-02-20")
    assert answer.text.startswith("As of 2024-02-12: Super Bowl 58 ended Sunday night"), answer.text
    assert "NFL championships" not in answer.text, answer.text


NAVALNY = [
    {  # news24-dev 9e48d36fc4bd (CNN, 2022-03-30), two paragraphs
        "id": "conti-leaks",
        "title": "'I can fight with a keyboard': How one Ukrainian IT specialist exposed a notorious Russian ransomware gang",
        "source": "cnn.com",
        "published": "2022-03-30",
        "text": "The communications show Conti members, each going by aliases in the chat logs, discussing the wisdom of "
        "extorting US small businesses, seemingly refraining from hacking Russian targets, and taking an interest in a "
        "journalist writing about Navalny, the Russian opposition figure who has been jailed and poisoned.\n\nIn April "
        "2021, Conti members discussed plans to access files belonging to a journalist for investigative outlet "
        "Bellingcat, which had published a joint investigation with CNN in December 2020 on the alleged role of the "
        "Russia's FSB intelligence agency in the poisoning of Navalny.",
    },
    {  # news24-dev 1801546722ad (USA TODAY, 2024-03-01), its Navalny paragraphs
        "id": "navalny-funeral",
        "title": "Border, Trump, Biden, Texas wildfire, mental health, Navalny: Daily Briefing",
        "source": "usatoday.com",
        "published": "2024-03-01",
        "text": "Mourners began gathering in Moscow for the funeral of Russian opposition leader Alexei Navalny on Friday, "
        "despite concerns they could face a heavy-handed response or arrest by Russian police. Navalny, 47, died two "
        "weeks ago in an Arctic penal colony.",
    },
]


@pytest.mark.parametrize("question", ["When did Navalny die?", "Where did Navalny die?"])
def test_an_event_no_article_tells_yet_is_hedged_not_answered_by_older_news(make_assistant, question):
    """An outside try: "When did Navalny die?" asked on 2024-02-20, before any article here reported his death, was
    answered from a 2022 story of his poisoning as if that were the answer. Before the report the reply says no
    article tells it; after it, the report answers."""
    bot = make_assistant()
    bot.add_records(NAVALNY)
    before = bot.ask(question, as_of="2024-02-20")
    assert before.text.startswith("No article here tells that it happened; the closest they come"), before.text
    after = bot.ask(question, as_of="2024-03-20")
    assert not after.text.startswith("No article"), after.text
    assert after.citations[0].article_id == "navalny-funeral", after.text
    assert "died two weeks ago" in after.text, after.text


SC_PRIMARY_ASIDE = {  # news24-dev 2b35f77def5f (USA TODAY live updates, 2024-02-24), one of its paragraphs
    "id": "sc-primary",
    "title": "Trump wins 2024 South Carolina Republican presidential primary",
    "source": "usatoday.com",
    "published": "2024-02-24",
    "text": "Earlier this week, Trump compared himself to real Russian dissident Alexei Navalny, the opposition leader who "
    "died this month in a Russian prison.",
}


def test_an_event_told_in_a_clause_about_an_appositive_is_told(make_assistant):
    """An outside try over HTTP: "When did Navalny die?" (as of 2024-02-27) was hedged "No article here tells that it
    happened", citing "… Alexei Navalny, the opposition leader who died this month in a Russian prison": who died is
    the leader, and the leader is Navalny."""
    bot = make_assistant()
    bot.add_records([SC_PRIMARY_ASIDE])
    answer = bot.ask("When did Navalny die?", as_of="2024-02-27")
    assert answer.answered and not answer.text.startswith("No article"), answer.text
    assert "who died this month" in answer.citations[0].quote


NH_REPLAY = {  # news24-dev 54fd9fa25c00 (USA TODAY live updates, 2024-01-23), two of its paragraphs
    "id": "nh-replay",
    "title": "New Hampshire primary replay: Donald Trump wins, but Nikki Haley vows to stay in the race",
    "source": "usatoday.com",
    "published": "2024-01-23",
    "text": "DeSantis' withdrawal reshapes New Hampshire's GOP race\n\nNew Hampshire's Republican primary shifted this week "
    "when DeSantis dropped out of the GOP race after his loss in the Iowa Caucuses. The Florida governor immediately "
    "endorsed Trump, but some of Haley's supporters in New Hampshire have argued that won't matter in the Granite "
    "State.\n\nWith the Iowa caucuses and the New Hampshire primary complete, Trump has 31 delegates and Haley has 16. "
    "Florida Gov. Ron DeSantis, who suspended his hard-luck campaign on Jan. 21, has nine while Vivek Ramaswamy, who "
    "dropped out on Jan. 15 after a fourth-place finish in Iowa, has three, according to the Associated Press.",
}


def test_when_an_event_happened_is_answered_by_the_report_that_gives_its_day(make_assistant):
    """An outside try: "When did DeSantis drop out?" (as of 2024-01-25) was answered "… shifted this week when DeSantis
    dropped out …", a week and no day, when the same article says he "suspended his hard-luck campaign on Jan. 21"."""
    bot = make_assistant()
    bot.add_records([NH_REPLAY])
    answer = bot.ask("When did DeSantis drop out?", as_of="2024-01-25")
    assert "on Jan. 21" in answer.text.split("[1]")[0], answer.text


SUPER_BOWL_57_REPORT = {  # news24-dev 26c4ce336e59 (USA TODAY, 2023-02-12), two paragraphs
    "id": "super-bowl-57",
    "title": "Super Bowl 2023 score: Chiefs top Eagles 38-35 with late Mahomes drive",
    "source": "usatoday.com",
    "published": "2023-02-12",
    "text": "The Philadelphia Eagles had a 10-point lead as Rihanna took center stage at halftime. In the second half, "
    "though, Philadelphia’s advantage evaporated in the desert air.\n\nThe Chiefs erased a 24-14 halftime deficit by "
    "scoring 24 points in the second half, including 17 in the fourth quarter to win 38-35 in a Super Bowl 57 thriller.",
}


def test_the_score_of_the_game_is_this_year_s_or_none(make_assistant):
    """An outside try: "What was the final score of the Super Bowl?", asked on 2024-02-15, four days after Super Bowl
    58, was answered with Super Bowl 57's 38-35 as if it were the answer. With no score of this year's game, the
    reply says no article gives it; asked a week after the 2023 game, that game's score answers, as does a question
    naming its edition."""
    bot = make_assistant()
    preview = next(a for a in SUPER_BOWL_WEEKS if a["id"] == "d05b77d6b4f4")  # "… the Super Bowl LVIII championship"
    bot.add_records([SUPER_BOWL_57_REPORT, preview])
    later = bot.ask("What was the final score of the Super Bowl?", as_of="2024-02-15")
    assert later.text.startswith("No article here gives that number"), later.text
    then = bot.ask("What was the final score of the Super Bowl?", as_of="2023-02-20")
    assert "38-35" in then.text.split("[1]")[0] and not then.text.startswith("No article"), then.text
    named = bot.ask("What was the score of Super Bowl 57?", as_of="2024-02-15")
    assert "38-35" in named.text.split("[1]")[0], named.text


def hartwell(published: str, title: str, text: str) -> dict:
    return {"id": f"hartwell-{published}", "title": title, "source": "Millbrook Ledger", "published": published, "text": text}


# An outside tester's own local story (a journalist's articles of a fictional town, written for the try): a factory
# fire whose injury count grows from article to article
HARTWELL_FIRE = [
    hartwell(
        "2024-09-18",
        "Injury count from Hartwell fire rises to seven",
        "Seven workers have now been treated for injuries from Monday night's fire at the Hartwell Plastics plant, Fire "
        "Chief Maria Santos said Wednesday.\n\nThree more workers went to urgent care on Tuesday complaining of breathing "
        "problems after inhaling smoke, Santos said.",
    ),
    hartwell(
        "2024-09-20",
        "Hartwell says plant was safe; workers dispute it",
        "A spokesperson for Hartwell Plastics, Dana Whitfield, said Thursday that the plant was safe and had passed a "
        "state inspection in March.\n\nNine workers have now been treated for injuries from the fire, according to "
        "Millbrook General Hospital. Two remain in serious condition.",
    ),
    hartwell(
        "2024-09-26",
        "Worker injured in Hartwell fire dies; injury count at 11",
        "A worker injured in last week's fire at the Hartwell Plastics plant died Wednesday at a Boston burn center, his "
        "family said.\n\nFire Chief Maria Santos said the total number of people injured in the fire had risen to 11, "
        "including two firefighters treated for heat exhaustion.",
    ),
    hartwell(
        "2024-10-04",
        "Fire chief: faulty dryer line caused Hartwell blaze",
        "A leaking dryer line in the resin-drying room caused last month's fire at the Hartwell Plastics plant, Fire Chief "
        "Maria Santos said Thursday.\n\nThe number of people injured in the fire now stands at 12, after a third "
        "firefighter reported a shoulder injury, Santos said. One worker, Luis Ortega, died of his burns last week.",
    ),
]


@pytest.mark.parametrize("as_of, count", [("2024-09-27", "risen to 11"), ("2024-10-10", "now stands at 12")])
def test_a_count_that_grows_is_answered_by_its_newest_telling(make_assistant, as_of, count):
    """An outside try with a journalist's own articles: "How many people have been injured in the Hartwell fire?" was
    answered with September 18's "Seven workers have now been treated …", weeks after the count had reached 11 and 12:
    the first telling held more of the question's words ("have now been")."""
    bot = make_assistant()
    bot.add_records(HARTWELL_FIRE)
    answer = bot.ask("How many people have been injured in the Hartwell fire?", as_of=as_of)
    assert count in answer.citations[0].quote, answer.text


BOIL_WATER = [  # an outside tester's own story (a journalist's articles of a fictional town, written for the try)
    {
        "id": "illness-2024-11-18",
        "title": "Eight sickened as council demands answers on water mains",
        "source": "Millbrook Ledger",
        "published": "2024-11-18",
        "text": "Eight people have now reported stomach illness since the boil-water advisory began, Health Director "
        "Naomi Feld said Monday. Two of them were treated at Millbrook General Hospital and released.",
    },
    {
        "id": "lifted-2024-11-25",
        "title": "Boil-water advisory lifted after two weeks",
        "source": "Millbrook Ledger",
        "published": "2024-11-25",
        "text": "Millbrook lifted its boil-water advisory on Sunday after two weeks, once tests at 30 sites came back clean, "
        "Health Director Naomi Feld said.\n\nFourteen people in all reported stomach illness during the advisory, Feld "
        "said. Health officials have not confirmed that the water caused them.",
    },
]


def test_a_count_written_in_words_past_ten_is_a_count(make_assistant):
    """An outside try: "How many people have reported stomach illness?" (as of 2024-11-26) gave November 18's eight:
    "Fourteen people in all reported stomach illness …" was no count, its number a word past "ten"."""
    bot = make_assistant()
    bot.add_records(BOIL_WATER)
    answer = bot.ask("How many people have reported stomach illness?", as_of="2024-11-26")
    assert "Fourteen people" in answer.citations[0].quote, answer.text


def test_the_latest_count_of_a_thing_is_its_newest_telling(make_assistant):
    """An outside try with a journalist's own articles: "What is the latest injury count from the Hartwell fire?" (as of
    2024-11-10) gave September 18's seven, though the newest count was 12: "latest" took the newest of the sentences
    that answered nearly as well as the best, and the count sentences of October were far below it."""
    bot = make_assistant()
    bot.add_records(HARTWELL_FIRE)
    answer = bot.ask("What is the latest injury count from the Hartwell fire?", as_of="2024-10-10")
    assert "now stands at 12" in answer.citations[0].quote, answer.text


def test_a_count_of_the_asked_place_s_event_named_as_an_organisation_is_its_count(make_assistant):
    """An outside try with a journalist's own articles: "How many people have been injured in the Hartwell fire?" asked
    the fire's first day got "No article here gives that number" beside "A fire broke out at the Hartwell Plastics plant
    on Route 9 …, injuring four workers": the question's "Hartwell" was read as a place, the sentence's as a company's
    name, and its places (Route 9, Millbrook) made it a count of another place's event."""
    from tests.assistant.test_verdicts import MILLBROOK

    bot = make_assistant()
    bot.add_records([MILLBROOK[0]])
    answer = bot.ask("How many people have been injured in the Hartwell fire?", as_of="2024-09-17")
    assert answer.text.startswith("As of 2024-09-17: A fire broke out"), answer.text
    assert "injuring four workers" in answer.citations[0].quote


def test_still_is_answered_by_what_remains(make_assistant):
    """A journalist's try (their own articles), as of 2025-10-16: "How many households are still under the advisory?"
    led with "The do-not-drink advisory was lifted Tuesday for about 2,650 households": the time reading takes "still"
    out, and both sentences held the rest alike. What remains answers "still"."""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "lifted",
                "title": "Filters online; advisory lifted for 2,650 Millrace households",
                "source": "Millrace Courier",
                "published": "2025-10-15",
                "text": "MILLRACE — The do-not-drink advisory was lifted Tuesday for about 2,650 households on the west "
                "side of Millrace, a day after new carbon filters went into service at the Cedar Run treatment plant.\n\n"
                "About 2,150 households, most of them on the east side, remain under the advisory while their pipes "
                "are flushed.",
            }
        ]
    )
    answer = bot.ask("How many households are still under the advisory?", as_of="2025-10-16")
    assert "2,150" in answer.citations[0].quote, answer.text


def test_a_newer_count_that_says_it_replaces_one_leads(make_assistant):
    """A journalist's try (their own articles): "How many workers will Calloway hire?" led with the 300 of the sale's
    story, then "… now expects to hire about 355 workers …, up from the 300 it announced last week", unmarked as the
    newer figure: a near tie on the words. A count that says it replaces one leads; the older is history."""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "sale",
                "title": "Calloway agrees to buy Hartwell plant for $22 million",
                "source": "Riverton Courier",
                "published": "2026-11-03",
                "text": "RIVERTON — Calloway Manufacturing has agreed to buy Hartwell Appliance Co.'s Riverton plant for "
                "$22 million and will hire about 300 workers when it begins production next spring.",
            },
            {
                "id": "contract",
                "title": "Union, Calloway reach tentative deal",
                "source": "Riverton Courier",
                "published": "2026-11-09",
                "text": "RIVERTON — The union and Calloway Manufacturing reached a tentative labor agreement Thursday.\n\n"
                "Separately, Calloway Manufacturing said Monday that it now expects to hire about 355 workers at the "
                "plant, up from the 300 it announced last week, after winning a contract to supply a restaurant chain.",
            },
        ]
    )
    answer = bot.ask("How many workers will Calloway hire?", as_of="2026-11-10")
    assert "355" in answer.citations[0].quote, answer.text
    assert "Earlier, on 2026-11-03" in answer.text or len(answer.citations) == 1, answer.text


def ridgeback_articles() -> list[dict]:
    """A journalist's own articles, written for an outside try (tests/assistant/ridgeback_articles.json)."""
    return json.loads((Path(__file__).parent / "ridgeback_articles.json").read_text(encoding="utf-8"))["articles"]


def test_when_did_a_fire_start_is_told_by_the_lead_under_its_headline(make_assistant):
    """An outside try on a journalist's own articles: "When did the Ridgeback Fire start?" (asked 2026-06-12) was
    hedged "No article here tells that it happened", over the cause and a lawsuit. The start is told "broke out" (a verb
    that tells a start as "began" does), of "a fast-moving wildfire" (a kind of fire), in the lead under the headline
    that names the Ridgeback Fire."""
    bot = make_assistant()
    bot.add_records(ridgeback_articles())
    answer = bot.ask("When did the Ridgeback Fire start?", as_of="2026-06-12")
    assert "tells that it happened" not in answer.text, answer.text
    assert "broke out Monday afternoon (2026-03-23)" in answer.text.split("[1]")[0]


def test_what_caused_is_the_cause_told_not_that_it_was_not_yet_known(make_assistant):
    """An outside try on a journalist's own articles: "What caused the Ridgeback Fire?" (asked 2026-06-12) led with
    "The cause of the fire was under investigation." (March 24), over the April 29 finding that a power line "sparked"
    it. A verb of causing tells the cause; "under investigation" answers only until a sentence tells one."""
    bot = make_assistant()
    bot.add_records(ridgeback_articles())
    answer = bot.ask("What caused the Ridgeback Fire?", as_of="2026-06-12")
    assert answer.text.startswith("As of 2026-04-29: A Carver Valley Power transmission line"), answer.text
    assert "under investigation" not in answer.text
    before = bot.ask("What caused the Ridgeback Fire?", as_of="2026-04-10")
    assert "under investigation" in before.text, before.text


def test_how_many_now_is_the_newest_count_of_the_things_asked(make_assistant):
    """An outside try on a journalist's own articles: "How many families are suing Carver Valley Power now?" (asked
    2026-06-12) gave "Six families … sued" (April 21), not "the number of families in the suit had grown to 19" (May 22):
    the newest count was looked for only of people harmed or of a "toll"; "families" is what is counted here. The
    suit holds the question's "suing" as well."""
    bot = make_assistant()
    bot.add_records(ridgeback_articles())
    answer = bot.ask("How many families are suing Carver Valley Power now?", as_of="2026-06-12")
    lead = answer.text.split("[1]")[0]
    assert lead.startswith("As of 2026-05-22:") and "grown to 19" in lead, answer.text
    assert "Earlier, on 2026-04-21: Six families" in answer.text


def test_what_happened_in_a_week_with_no_article_says_so_and_gives_the_newest_week(make_assistant):
    """An outside try on a journalist's own articles: "What happened this week?" asked 2026-05-30, a week with no
    article, got "The articles here don't say." (a question on a topic said which days the articles end on). It says
    the week holds none, the newest day, and offers the newest week's stories as from other days."""
    bot = make_assistant()
    later = {"id": "judge", "title": "Judge refuses to dismiss Ridgeback Fire lawsuit", "source": "Carver Courier"}
    later |= {"published": "2026-06-03", "text": "A Carver County judge on Tuesday refused to dismiss the lawsuit."}
    bot.add_records([*ridgeback_articles(), later])  # (an article after the asking day, as the tester's index had)
    answer = bot.ask("What happened this week?", as_of="2026-05-30")
    assert answer.text.startswith(
        "No indexed article is from this week (2026-05-24 to 2026-05-30); the newest is from 2026-05-22"
    ), answer.text
    assert "- 2026-05-22 · Carver Valley Power asks judge to dismiss Ridgeback Fire lawsuit" in answer.text
    assert answer.citations and all(c.published <= "2026-05-22" for c in answer.citations)


def test_still_in_a_post_is_no_after_its_holder_resigned(make_assistant):
    """An outside try on a journalist's own articles: "Is Martin Hale still the emergency director?" (asked 2026-06-12)
    got "The articles don't say so outright" while citing "Martin Hale, the director …, resigned on Monday". Still in a
    post is settled as "Did he resign?", turned over, as "still in the race" is as "Did she drop out?"."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # the tester's article of 2026-04-07, its lead
                "id": "hale-resigns",
                "title": "Carver County emergency director Martin Hale resigns over fire alerts",
                "source": "Carver Courier",
                "published": "2026-04-07",
                "text": "ALDER SPRINGS — Martin Hale, the director of the Carver County Office of Emergency Services, "
                "resigned on Monday after two weeks of criticism over late evacuation alerts during the Ridgeback Fire.",
            }
        ]
    )
    answer = bot.ask("Is Martin Hale still the emergency director?", as_of="2026-06-12")
    assert answer.text.startswith("No. "), answer.text
    assert "resigned on Monday (2026-04-06)" in answer.text


def test_a_corrected_report_is_not_cited_beside_the_correction_when_its_headline_names_the_story(make_assistant):
    """An outside try on a journalist's own articles: "Was Alder Springs Elementary School destroyed?" got "No." from the
    correction, then cited the report it retracts, "Alder Springs Elementary School was also destroyed, she said.":
    that sentence lacks "in the Ridgeback Fire", which its headline gives."""
    bot = make_assistant()
    bot.add_records(ridgeback_articles())
    answer = bot.ask("Was Alder Springs Elementary School destroyed?", as_of="2026-06-12")
    assert answer.text.startswith("No. "), answer.text
    assert "was also destroyed, she said" not in answer.text
    assert all(c.article_id != "ridgeback-toll-twelve" or "destroyed" not in c.quote for c in answer.citations)


def test_who_did_it_is_answered_by_the_sentence_that_has_someone_do_it(make_assistant):
    """An outside try on a journalist's own articles: "Who sued Carver Valley Power?" led with "Carver Valley Power chief
    executive Rachel Dunn said last month that the company would cooperate …" (a person, and both names), not with "Six
    families … sued Carver Valley Power on Monday": a sentence that has someone do the deed to what it was done to
    answers "Who did it?"."""
    bot = make_assistant()
    bot.add_records(ridgeback_articles())
    answer = bot.ask("Who sued Carver Valley Power?", as_of="2026-06-12")
    assert (
        "Six families who lost relatives or homes in the Ridgeback Fire sued Carver Valley Power" in answer.text.split("[1]")[0]
    )


def test_how_did_they_vote_is_the_vote_told_done_not_its_preview(make_assistant):
    """An outside try on a journalist's own articles: "How did the supervisors vote on the recovery fund?" (asked
    2026-05-14, two days after the vote) got the preview, "… will vote next Tuesday (2026-05-12) on an $18 million
    fund", over "… voted 4-1 on Tuesday to create an $18 million fund": "How did …?" asks after a thing done."""
    bot = make_assistant()
    bot.add_records(ridgeback_articles())
    answer = bot.ask("How did the supervisors vote on the recovery fund?", as_of="2026-05-14")
    assert "voted 4-1 on Tuesday (2026-05-12)" in answer.text.split("[1]")[0], answer.text


def test_a_summary_cut_to_its_newest_stories_says_so(make_assistant):
    """An outside try on a journalist's own articles: "Summarize the Ridgeback Fire" gave its five newest stories as if
    they were all of it, the outbreak and the cause left out unsaid. A digest that leaves stories out says how many it
    found, and where its course from the start is."""
    bot = make_assistant()
    bot.add_records(ridgeback_articles())
    answer = bot.ask("Summarize the Ridgeback Fire", as_of="2026-06-12")
    stories = len({c.article_id for c in answer.citations})
    assert stories == 5, answer.text
    assert answer.text.startswith("The 5 newest of the "), answer.text
    assert "ask for a timeline of the Ridgeback Fire" in answer.text.split("\n")[0]
    few = bot.ask("Summarize the Ridgeback Fire", as_of="2026-04-25")  # four stories by then: all of them, no cut told
    assert few.text.startswith("The stories about the Ridgeback Fire, newest first:"), few.text


def test_who_resigned_is_the_one_who_did_not_who_spoke_of_it(make_assistant):
    """Two outside tries on journalists' own articles: "Who resigned?" led with "Board Chair Linda Hale … said Monday
    that the board accepted the resignation" (and, on another's, with a council member's words on it): a sentence that
    has someone resign answers, over one that names the resignation."""
    bot = make_assistant()
    bot.add_records(
        [
            {  # the tester's article of 2026-04-07, its lead and third paragraph in the other order
                "id": "hale-resigns",
                "title": "Board accepts emergency director's resignation",
                "source": "Carver Courier",
                "published": "2026-04-07",
                "text": "Board Chair Linda Hale, who is not related to him, said Monday that the board accepted the "
                "resignation.\n\nMartin Hale, the director of the Carver County Office of Emergency Services, resigned on "
                "Monday after two weeks of criticism over late evacuation alerts.",
            }
        ]
    )
    answer = bot.ask("Who resigned?", as_of="2026-04-10")
    assert answer.text.removeprefix("As of 2026-04-07: ").startswith("Martin Hale"), answer.text


def test_how_many_in_the_present_is_the_count_as_it_stands(kingsbridge_assistant):
    """An outside try on a researcher's own articles: "How many ships are waiting at anchor off the port?" gave the 23
    of the strike's fourth day (2026-03-05, whose words "off the Port" it shares) asked on 03-21 and on 04-09, over the
    47 told 03-20 and the 62 told 04-08. A count asked in the present is the count as it stands: its newest telling."""
    bot = kingsbridge_assistant
    question = "How many ships are waiting at anchor off the port?"
    assert "47 ships" in bot.ask(question, as_of="2026-03-21").text.split("[1]")[0]
    assert "rose to 62" in bot.ask(question, as_of="2026-04-09").text.split("[1]")[0]
    # a count in the past tense is of what was: "How many ships were waiting …?" is not moved by this
    assert counts_as_of_now(question) and not counts_as_of_now("How many ships were waiting at anchor?")


def test_a_post_given_by_a_vote_to_name_someone_is_given(kingsbridge_assistant):
    """An outside try on a researcher's own articles: "Who was named executive director of the harbor authority?"
    (asked 2026-04-15) was hedged "No article here reports that outcome" over "The board … voted 6-1 on Monday to name
    Marcus Reyes executive director", and "Who is the executive director …?" led with the January report of him
    acting in the post: a "to name" done because the vote was is a naming, and tells the holder."""
    bot = kingsbridge_assistant
    named = bot.ask("Who was named executive director of the harbor authority?", as_of="2026-04-15")
    assert named.text.startswith("As of 2026-04-14: KINGSBRIDGE — The board of the Kingsbridge Harbor Authority voted"), (
        named.text
    )
    holder = bot.ask("Who is the executive director of the harbor authority?", as_of="2026-04-15")
    assert "to name Marcus Reyes executive director" in holder.text.split("[1]")[0], holder.text


def test_a_rate_asked_is_answered_by_a_figure_of_that_rate(kingsbridge_assistant):
    """An outside try on a researcher's own articles: "How much is the strike costing the regional economy each
    day?" led with "… has cost the regional economy about $1.9 billion so far, … who said the daily toll was lower",
    a total, over "… estimated the strike was costing about $75 million a day" in the same article."""
    bot = kingsbridge_assistant
    answer = bot.ask("How much is the strike costing the regional economy each day?", as_of="2026-03-28")
    assert "$75 million a day" in answer.text.split("[1]")[0], answer.text
    assert extractive.told_per("a daily toll of $2 million", "day")
    assert not extractive.told_per("has cost $1.9 billion so far, who said the daily toll was lower", "day")


def test_a_holder_named_as_another_s_holds_no_post_of_the_one_asked(kingsbridge_assistant):
    """An outside try on a researcher's own articles: "Who is the director of the Port of Halden?" (no article names
    one) was answered "… said Marcus Reyes, executive director of the Kingsbridge Harbor Authority", unhedged."""
    question = "Who is the director of the Port of Halden?"
    reyes = "“We will reopen,” said Marcus Reyes, executive director of the Kingsbridge Harbor Authority."
    assert extractive.of_another_owner(reyes, "director", question)
    assert not extractive.of_another_owner(reyes, "director", "Who is the director of the Kingsbridge Harbor Authority?")
    bot = kingsbridge_assistant
    answer = bot.ask(question, as_of="2026-05-14")
    assert "Marcus Reyes, executive director of the Kingsbridge" not in answer.text.split("[1]")[0], answer.text


def test_a_state_told_over_since_answers_still_no(kingsbridge_assistant):
    """An outside try on a researcher's own articles: "Are the dockworkers still on strike?", asked two days after
    "… as dockworkers returned to work, ending a 58-day strike", was hedged "The articles don't say so outright" with
    that very sentence. A state told over, as new as any telling of it or newer, answers a "still" "No."."""
    bot = kingsbridge_assistant
    answer = bot.ask("Are the dockworkers still on strike?", as_of="2026-05-02")
    assert answer.text.startswith("No. As of 2026-04-30:"), answer.text
    assert "ending a 58-day strike" in answer.text.split("[1]")[0]
    # told done only: foretold, hoped for or denied, a state is not over
    state = verdict.asked_state("Is the boil-water advisory still in effect?")
    assert verdict.ends_the_state("The city lifted the boil-water advisory on Tuesday for 2,650 households.", state)
    assert verdict.ends_the_state("Route 9 reopened to traffic Friday.", verdict.asked_state("Is Route 9 still closed?"))
    strike = verdict.asked_state("Are the dockworkers still on strike?")
    assert not verdict.ends_the_state("The union said the strike will end if the deal is ratified.", strike)
    assert not verdict.ends_the_state("The deal raised hopes of an end to a strike that has shut the port.", strike)
    assert not verdict.ends_the_state("The strike did not end on Tuesday.", strike)
    assert not verdict.ends_the_state("The day this strike ends, we need to be ready to win back every ship.", strike)
    # of what it is part of, and not while still to come (the suite's own "Was the boil-water order lifted?")
    order = verdict.asked_state("Is the boil-water order over?")
    assert verdict.ends_the_state("Brantley lifted the last of its boil-water order on Monday.", order)
    assert not verdict.ends_the_state("It needed two days of clean samples before lifting the order.", order)
    # a dateline made "FALLS" the subject of "HARLOW FALLS — River Road reopened …" (a reporter's own corpus)
    road = verdict.asked_state("Is River Road still closed?")
    assert verdict.ends_the_state("HARLOW FALLS — River Road reopened to traffic Monday morning, nine weeks after.", road)
    # ... and of the state asked: "a strike that was the longest at the port" ends nothing of "Is the port still closed?"
    assert not verdict.ends_the_state(
        "Cranes moved as dockworkers returned to work, ending a strike that was the longest at the port.",
        verdict.asked_state("Is the port still closed?"),
    )


def test_is_it_over_is_settled_only_by_its_end_told(kingsbridge_assistant):
    """An outside try: "Is the strike over?" got "Yes." from "The strike … is now in its fourth week", and "Has the port
    strike ended?" from "The day this strike ends, we need to be ready …": each holds the one key word, "strike". Only
    an end told done settles "Is X over?" "Yes."; without one, the closest sentences come hedged."""
    bot = kingsbridge_assistant
    for question in ("Is the strike over?", "Has the port strike ended?"):
        answer = bot.ask(question, as_of="2026-05-02")
        assert not answer.text.startswith("Yes."), (question, answer.text)
        assert answer.text.startswith("The articles don't say so outright"), (question, answer.text)
    assert extractive.OVER_ASKED.search("Is the bus strike over?") and not extractive.OVER_ASKED.search("Is it over there?")


def test_an_event_announced_by_its_noun_is_told_done(make_assistant):
    """A reporter's own corpus: "When did Thomas Brandt resign?" got "No article here tells that it happened; the closest
    they come:" above "City Manager Thomas Brandt announced his resignation on Thursday …". A resignation announced is
    the resigning told. (The tester's text.)"""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "brandt",
                "title": "City manager Brandt resigns",
                "source": "Harlow Falls Herald",
                "published": "2025-03-07",
                "text": "HARLOW FALLS — City Manager Thomas Brandt announced his resignation on Thursday, effective March "
                "14, ending a six-year tenure that had come under strain in recent weeks.",
            }
        ]
    )
    answer = bot.ask("When did Thomas Brandt resign?", as_of="2025-04-01")
    assert not answer.text.startswith("No article here tells that it happened"), answer.text
    assert "announced his resignation on Thursday (2025-03-06)" in answer.text, answer.text


def test_an_event_done_by_he_after_the_name_is_told_done(make_assistant):
    """A news reader's try (news24-dev's USA TODAY text): "When did LeBron James reach 40,000 points?" got "No article here
    tells that it happened", then the sentence that tells it: "… LeBron James’ unprecedented accomplishment of 40,000
    points, which he reached Saturday night …". "He" after the asked name in its sentence is the one asked about."""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "lebron",
                "title": "LeBron James' 40,000 points in perspective",
                "source": "usatoday.com",
                "published": "2024-03-04",
                "text": "There are multiple ways to put into perspective LeBron James’ unprecedented accomplishment of 40,000 "
                "points, which he reached Saturday night against the reigning NBA champion Denver Nuggets to extend his "
                "NBA record for all-time points.",
            },
            {
                "id": "curry",
                "title": "Curry nears a record",
                "source": "usatoday.com",
                "published": "2024-03-04",
                "text": "Stephen Curry needs 12 more threes for 3,600, a mark LeBron James' coach said he reached in practice.",
            },
        ]
    )
    answer = bot.ask("When did LeBron James reach 40,000 points?", as_of="2024-03-05")
    assert not answer.text.startswith("No article here tells that it happened"), answer.text
    assert "which he reached Saturday night (2024-03-02)" in answer.text, answer.text


def test_the_newest_news_of_a_month_asked_is_the_month_s_own(make_assistant):
    """A news reader's try: "What about in January?" after "What's new with Taylor Swift this week?" (asked 2024-02-12)
    was answered with the Super Bowl of Feb. 11: a window that ends shortly before the asking day runs on to it (a
    year's figures are reported after it), and "new" then took the newest of those days. Asked for its newest news,
    a month ends where it ends; a week still runs on."""
    from assistant.answering.scope import time_scope
    from assistant.search.types import Filters

    assert time_scope("What's new with Taylor Swift in January?", Filters(), "2024-02-12").window.until == "2024-01-31"
    assert time_scope("What was Taylor Swift's best-selling album in January?", Filters(), "2024-02-12").window.until == (
        "2024-02-12"
    )
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "globes",
                "title": "Taylor Swift reacts to Jo Koy's Golden Globes joke",
                "source": "usatoday.com",
                "published": "2024-01-07",
                "text": "Taylor Swift's reaction to Jo Koy's joke about her at the Golden Globes is getting a better reaction "
                "than the joke itself.",
            },
            {
                "id": "kiss",
                "title": "Taylor Swift at Super Bowl: Kiss seals celebration",
                "source": "usatoday.com",
                "published": "2024-02-11",
                "text": "Taylor Swift celebrated the Chiefs' Super Bowl win with a kiss for Travis Kelce on the field.",
            },
        ]
    )
    answer = bot.ask("What's new with Taylor Swift in January?", as_of="2024-02-12")
    assert answer.citations[0].article_id == "globes", answer.text


def test_the_latest_estimate_is_the_newest_figure_of_it(make_assistant):
    """A reporter's own corpus: "What is the latest cost estimate for repairing River Road?", asked in May, gave the
    $3.4 million of March over "The final cost of the repair came to about $4.1 million" (May 6), whose sentence holds
    fewer of the question's words. "the latest cost estimate" counts a cost, as "the latest death toll" counts deaths:
    the newest figure of it wins. (The tester's text.)"""
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "estimate",
                "title": "River Road repair to cost $3.4 million",
                "source": "Harlow Falls Herald",
                "published": "2025-03-14",
                "text": "HARLOW FALLS — Repairing River Road and stabilizing the hillside above the Cedar Creek Apartments "
                "will cost about $3.4 million, according to an estimate the city released Thursday.",
            },
            {
                "id": "reopens",
                "title": "River Road reopens nine weeks after landslide",
                "source": "Harlow Falls Herald",
                "published": "2025-05-06",
                "text": "HARLOW FALLS — River Road reopened to traffic Monday morning, nine weeks after a landslide buried "
                "it in mud.\n\nThe final cost of the repair came to about $4.1 million, including the bonus and added "
                "drainage work, above the $3.9 million contract.",
            },
        ]
    )
    answer = bot.ask("What is the latest cost estimate for repairing River Road?", as_of="2025-05-10")
    assert "$4.1 million" in answer.text.split("[1]")[0], answer.text


def test_when_a_yearly_event_was_is_not_its_first_edition_s_day(make_assistant):
    """A journalist's try (news24-dev, as of 2024-03-25): "When was the Super Bowl?" led with the logo history's "The
    first Super Bowl on Jan. 15, 1967 …", the newest sentence that gives a day. A sentence dating its event years
    before its article is no answer when another near as good tells this edition's day; "the first" is asked for."""
    by_id = {article["id"]: article for article in SUPER_BOWL_WEEKS}
    bot = make_assistant()
    bot.add_records([by_id["28b28e65a3b2"], by_id["1f22ca77dbcf"]])  # the logo history (02-08), the bracket (01-28)
    lead = bot.ask("When was the Super Bowl?", as_of="2024-03-25").text.split("[1]")[0]
    assert "1967" not in lead and "Feb. 11" in lead, lead
    first = bot.ask("When was the first Super Bowl?", as_of="2024-03-25").text.split("[1]")[0]
    assert "Jan. 15, 1967" in first, first


def test_which_states_someone_won_is_not_told_by_their_loss(super_bowl_weeks):
    """A journalist's try (news24-dev, as of 2024-03-06): "Which states did Haley win?" led with "Donald Trump has
    claimed victory in the Arkansas Republican primary, notching a quick win in the state over Nikki Haley", her
    loss; the recap's "Haley also won a race in the District of Columbia" came second. A report that has the one
    asked beaten ("a win … over", "defeated", "ahead of") tells nothing they won, first or second."""
    from assistant.answering.extractive import told_beaten, told_winning

    answer = super_bowl_weeks.ask("Which states did Haley win?", as_of="2024-03-06")  # its "later" holds the recap
    lead = answer.text.split("[1]")[0]
    # (these weeks' passages hold no sentence of a state she won: the nearest are told as what comes closest)
    assert answer.text.startswith("No article here reports that outcome") or not told_beaten(lead, "Haley"), answer.text
    assert told_beaten("Trump has claimed victory in the Arkansas primary, notching a quick win over Nikki Haley.", "Haley")
    assert told_beaten("How Nikki Haley was defeated by 'none of these candidates'", "Haley")
    assert told_winning("Haley also won a race in the District of Columbia election on Sunday.", "Haley")
    assert not told_winning("He also won Nevada's Republican race, though he and Haley dodged a fight.", "Haley")


NANTZ_2019 = {  # news24-dev (USA TODAY, 2019-09-27), one entry of the list
    "id": "nfl-voices-2019",
    "title": "NFL 100: All-time greatest television, radio voices of the league",
    "source": "usatoday.com",
    "published": "2019-09-27",
    "text": "12. Jim Nantz: Known as much for golf and college basketball, he also has called five Super Bowls for CBS and "
    "has been the mainstay of the network’s NFL coverage since becoming its lead play-by-play voice on Sundays since "
    "2004. He is a three-time Emmy winner and five-time National Sportscaster of the Year who has been with CBS since "
    "1985. His time of year is in the early months of the calendar, when he can be seen announcing the Super Bowl, the "
    "NCAA men's basketball tournament and The Masters. He won the Rozelle Award in 2011.",
}


def test_an_outcome_of_a_year_named_is_not_reported_by_an_older_article(make_assistant):
    """An analyst's try (news24-dev, as of 2024-03-22): "Who won the 2024 Masters golf tournament?" was answered "He is
    a three-time Emmy winner …", from a 2019 list of broadcasters. An article published before the year a past
    outcome is asked of cannot report it; with no other, the reply declines."""
    bot = make_assistant()
    bot.add_records([NANTZ_2019])
    answer = bot.ask("Who won the 2024 Masters golf tournament?", as_of="2024-03-22")
    assert not answer.answered and not answer.citations, answer.text
    # the year it was written in still answers what it tells of then
    assert bot.ask("Who won the 2011 Rozelle Award?", as_of="2024-03-22").citations


def test_a_month_gone_by_is_searched_with_its_name_for_the_reports_after_it(make_assistant):
    """Both testers of a round (news24-dev, as of 2024-02-14 and 2024-02-20): "What was the inflation rate in January?"
    was answered from the Fed's January 31 decision ("The Fed has set a target rate of 2% …", December's PCE): the
    "January CPI report" of February 13 lies in the window (a month runs on to the reports after it), but with
    "January" taken out of the search its passages ranked below the Fed's. The name of a whole month gone by stays
    in the searched words."""
    import json
    from pathlib import Path

    records = json.loads((Path(__file__).parent / "january_inflation.json").read_text(encoding="utf-8"))["articles"]
    bot = make_assistant()
    bot.add_records(records)
    answer = bot.ask("What was the inflation rate in January?", as_of="2024-02-20")
    assert answer.citations and answer.citations[0].article_id == "18e1eb6a9f0f", answer.text
    from assistant.answering.scope import time_scope
    from assistant.search.types import Filters

    assert (
        time_scope("What was the inflation rate in January?", Filters(), "2024-02-20").query
        == "What was the inflation rate January?"
    )
    assert "January" not in time_scope("What happened in January?", Filters(), "2024-01-20").query  # not gone by yet


def test_a_month_asked_after_with_nothing_else_is_its_days_not_its_name(make_assistant):
    """An analyst's try (news24-dev, as of 2024-03-22): "What happened in February?" answered "The stories about
    February, newest first:" with five leap-day explainers: the month's name, kept in the searched words for the
    reports of a month gone by, was all the question had left, and became its topic. With nothing else asked, the
    month is its days: the moon landing of February 22 is among them."""
    records = json.loads((Path(__file__).parent / "february_2024.json").read_text(encoding="utf-8"))["articles"]
    bot = make_assistant()
    bot.add_records(records)
    answer = bot.ask("What happened in February?", as_of="2024-03-22")
    assert "about February" not in answer.text, answer.text
    assert "48a3124e7cc1" in {c.article_id for c in answer.citations}, answer.text


def test_a_live_page_is_dated_the_day_its_note_says_it_reports(make_assistant):
    """A journalist's try (news24-dev, as of 2024-03-02): "Timeline of the Texas Panhandle wildfires" opened "2024-02-21 ·
    The second-largest wildfire in Texas history raged … Wednesday (2024-02-21)", five days before the fires began:
    the page is stamped Tuesday, Feb. 27, and its note says "This page is a summary of news on the Texas Panhandle
    wildfires for Wednesday, Feb. 28". The page is dated the day it reports, the report says so, and its Wednesday is
    the 28th."""
    records = json.loads((Path(__file__).parent / "texas_fires_page.json").read_text(encoding="utf-8"))["articles"]
    bot = make_assistant()
    report = bot.add_records(records)
    assert [w.reason for w in report.warnings] == ["dated 2024-02-28, the day its note says it reports (stamped 2024-02-27)"]
    answer = bot.ask("How contained is the Smokehouse Creek fire?", as_of="2024-03-02")
    assert answer.citations and "2024-02-21" not in answer.text, answer.text
    assert {c.published for c in answer.citations} == {"2024-02-28"}, answer.text
    # asked the day it was stamped, the page's news is not yet out
    assert not bot.ask("How contained is the Smokehouse Creek fire?", as_of="2024-02-27").citations


def test_a_digest_of_a_month_gone_by_is_about_its_topic_not_the_months_name(make_assistant):
    """A journalist's try (news24-dev, as of 2024-02-12): "What happened with Kate Middleton in January?" answered "No
    story here is about Kate Middleton? January": the month's name, kept in the searched words after the question mark,
    was read as part of the topic. The question is analysed without its time words; the month is searched with."""
    from assistant.answering.scope import time_scope
    from assistant.search.types import Filters

    scope = time_scope("What happened with Kate Middleton in January?", Filters(), "2024-02-12")
    assert scope.query == "What happened with Kate Middleton January?", scope.query
    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "kate-surgery",
                "title": "Kate Middleton surgery: Princess of Wales wants privacy amid rumors",
                "url": "https://www.usatoday.com/story/entertainment/celebrities/2024/01/17/kate-middleton-surgery/72257125007/",
                "source": "usatoday.com",
                "published": "2024-01-17",
                "text": 'Princess Kate will be shying away from public duties "until after Easter" following a "planned '
                'abdominal surgery," Kensington Palace announced Wednesday.\n\nThe Princess of Wales, 42, was admitted to '
                "the London Clinic on Tuesday, the palace said.",
            }
        ]
    )
    answer = bot.ask("What happened with Kate Middleton in January?", as_of="2024-02-12")
    assert answer.text.startswith("The stories about Kate Middleton, newest first:"), answer.text
