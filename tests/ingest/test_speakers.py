"""Speakers are people or bodies that speak (issue 13), on sentences from the dev sets' articles.

Events, places and generic nouns are no speaker; the title and affiliation variants of one person
are one speaker in the list; the person a pronoun or a short name stands for is a person, not an
event or a son. `tests/ingest/speaker_sample.json` holds the speakers labelled by hand that
measured the share of non-speakers in `byline quotes` (15 of 100 before this change, 3 of
100 after on a sample drawn afterwards).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.search.quotes import QuoteIndex, variant_groups
from ingest.attribution import find_attributions, load_nlp, speaker_names
from ingest.store import QuoteRecord

SAMPLE = Path(__file__).parent / "speaker_sample.json"

# realtimeqa-dev, "Pelé, the Brazilian soccer legend, dies at 82 | CNN" (the user saw Pelé's words
# listed under "World Cup", and "What did World Cup say?" offered as an example question)
PELE = """Pelé’s cancer treatment continued over the past year. He was hospitalized in Sao Paulo in November as the 2022 World Cup was being played in Qatar, prompting an outpouring of support from the global soccer community and beyond.

Debate will inevitably rage about whether Pelé is the greatest player of all time – whether it is possible to compare Pelé’s achievements to those of Cristiano Ronaldo or Lionel Messi, who have rewritten soccer’s record books over the past 15 years, or to Diego Maradona, the late Argentinian star who captivated the footballing world in the 1980s and 90s.

In 2000, FIFA jointly named Maradona and Pelé as Player of the Century, but to some, the outright winner of the award should have been obvious.

“This debate about the player of the century is absurd,” said Zico, who represented Brazil in the decade after Pelé’s retirement. “There’s only one possible answer: Pelé. He’s the greatest player of all time, and by some distance, I might add.”

Before Christmas, Pele's daughter posted a moving photo with father in hospital. Kely Nascimento/Instagram

Exactly how many goals Pelé scored during his career is unclear, and his Guinness World Records tally has come under scrutiny with many scored in unofficial matches.

In March 2021, he congratulated Portugal’s Ronaldo for passing his “record of goals in official matches” – 767.

There is little doubt, however, that Pelé was, and always will be, football’s first global superstar.

“If I pass away one day, I am happy because I tried to do my best,” he told The Talks online magazine. “My sport allowed me to do so much because it’s the biggest sport in the world.”"""

# news24-dev, "Iowa Caucus replay: Catch up after Trump won, DeSantis followed" (USA TODAY)
IOWA = """Donald Trump 'honored' by the early call – and says nice things about opponents

The former president didn't mind the quick call of the Iowa caucuses.

"I feel great," Trump told Fox News Digital in a post-win interview. "I am greatly honored by such an early call."

–David Jackson

Donald Trump Jr. says ‘a win is a win is a win’ after his father declares victory in Iowa Caucus

Donald Trump Jr. said “a win is a win is a win” for his father, regardless of the margin of victory Monday night."""

# realtimeqa-dev, CNN and USA TODAY
JEAN_PIERRE = (
    "“We are not overlooking any conduct that happened before the President took office,” White House press "
    "secretary Karine Jean-Pierre said on Tuesday in regard to Khashoggi’s death."
)
SEARS = (
    "Sears, which at the end of its fiscal year had about 140,000 employees, said that it expects to continue to try to "
    'generate cash from real estate sales and borrowing. The company said it is also exploring ways to "unlock value" '
    "through its Home Services and Sears Auto Center, Kenmore appliances and DieHard batteries and parts business by "
    "partnering with other companies, or other means."
)
# news24-dev, "Immigrant aid, lifeguard shortage: News from around our 50 states" (USA TODAY)
OFFICIALS = (
    "Federal officials acknowledge “COVID-19 fatigue” but say it’s too soon to stop being careful. Under Kemp’s new "
    "order, restaurant tables now must be only 3.5 feet apart without partitions."
)
# realtimeqa-dev: the same man under two titles, the same pope under two names, in four articles
ZUCKERBERG_META = (
    "Meta CEO Mark Zuckerberg told company executives that major layoffs at the tech giant will begin on Wednesday "
    "morning, the Wall Street Journal reported Tuesday afternoon."
)
ZUCKERBERG_CEO = (
    "“Today I’m sharing some of the most difficult changes we’ve made in Meta’s history,” CEO Mark Zuckerberg wrote "
    "in a blog post to employees."
)
BENEDICT_XVI = (
    "Former Pope Benedict XVI, who died Saturday in a monastery in the Vatican at the age of 95, asked for forgiveness "
    "for those he has “wronged” in the spiritual testament published following his death."
)
BENEDICT = "In all his writing, Benedict argued for keeping “feeling” and “reason” in balance."
# polnear-dev, politico_2016-09-01: someone the article describes but does not name
ADVISER = (
    "“We have a ton of work to do,” said a longtime adviser to both Clintons, who, like many of the two dozen other "
    "top Democrats interviewed by POLITICO requested anonymity to speak freely."
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def quotes_of(text: str, nlp, article_id: str) -> list[QuoteRecord]:
    return [
        QuoteRecord(
            article_id=article_id,
            kind=a.kind,
            speaker=a.speaker,
            speaker_name=a.speaker_name,
            cue=a.cue,
            text=a.text,
            start=a.span[0],
            end=a.span[1],
            published="2023-01-01",
            published_int=20230101,
        )
        for a in find_attributions(text, nlp)
    ]


def quote_index(folder: Path, articles: dict[str, list[QuoteRecord]]) -> QuoteIndex:
    index = QuoteIndex(folder)
    with index.writer() as writer:
        for quotes in articles.values():
            for document in index.documents(quotes):
                writer.add_document(document)
        writer.commit()
    index.reload()
    return index


def speaker_of(quotes: list[QuoteRecord], words: str) -> str:
    return next(q.speaker_name for q in quotes if words in q.text)


def test_an_event_is_not_who_a_pronoun_stands_for(nlp):
    quotes = quotes_of(PELE, nlp, "pele")
    assert "World Cup" not in speaker_of(quotes, "If I pass away one day")  # it was
    assert all("World Cup" not in q.speaker_name for q in quotes)


# speaker names as the parse stored them in the dev sets' indexes, and what the speaker list shows
@pytest.mark.parametrize(
    ("stored", "listed"),
    [
        ("World Cup", None),  # an event ("he" in a story about Qatar's workers)
        ("South America", None),  # a place ("she")
        ("Veterans Day", None),
        ("Tropical Storm Nicole", None),
        ("Trump Tower", None),
        ("The company", None),  # generic nouns, when coreference found no company
        ("Officials", None),
        ("The report", None),
        ("Some", None),
        ("Don’t Say Gay” bill", None),
        ("WINNER", None),  # "WINNER: Glenn Close" in an awards list
        ("Editor", None),  # "Editor's Note"
        ("Executive Vice President", None),
        ("Stefan Rousseau/PA Images/Getty Images", None),
        ("U.S. Department", None),  # "the U.S. Department of Agriculture", cut
        ("Meta CEO Mark Zuckerberg", "Mark Zuckerberg"),
        ("FIFA President Gianni Infantino", "Gianni Infantino"),
        ("Getty Images President Joe Biden", "Joe Biden"),
        ("Feedback Kevin McCarthy", "Kevin McCarthy"),
        ("Owusu Courtesy Mercy Owusu", "Mercy Owusu"),
        ("But Murphy", "Murphy"),
        ("Tonight Biden", "Biden"),
        ("Trump Wednesday", "Trump"),
        ("St. Benedict", "Benedict"),
        ("Alwaleed", "Alwaleed"),  # a name the model never met, tagged as a noun
        ("the National Weather Service", "National Weather Service"),
        ("The Biden administration", "Biden administration"),
        ("Grinnell police", "Grinnell police"),
        ("the Justice Department", "Justice Department"),
        ("Republicans", "Republicans"),
        ("Russia", "Russia"),
        ("a longtime adviser to both Clintons", ""),  # someone described: shown, not listed
        ("Hamlin’s uncle", ""),
        # hyphenated names as written, not "Kim Yeon - chul" (news24-dev)
        ("South Korean Unification Minister Kim Yeon-chul", "Kim Yeon-chul"),
        ("law professor Cho Hee-kyoung", "Cho Hee-kyoung"),
        ("The Casper Star-Tribune", None),  # a publication tells what others said: no speaker
        ("The Powell Tribune", None),  # news24-dev 06b8168f9541: "The Powell Tribune reports the U.S. Geological Survey says"
        ("Jessica Post", "Jessica Post"),  # a person named so
        ("CNN", None),
        ("the Tribune", None),  # the paper named again (news24-dev: 'Tribune', 5 quotes)
    ],
)
def test_what_a_stored_speaker_is_listed_as(stored, listed):
    read = speaker_names([stored])[stored]
    assert (read.listed if read else None) == listed


def test_a_generic_noun_gives_no_speaker_in_the_index(nlp, tmp_path):
    quotes = quotes_of(OFFICIALS, nlp, "officials")
    assert speaker_of(quotes, "COVID-19 fatigue") == "Federal officials"  # as the parse finds it
    index = quote_index(tmp_path, {"officials": quotes})
    assert index.speakers() == []
    assert index.search("COVID-19 fatigue") == []


def test_the_company_is_the_company_named_before(nlp):
    # the sentence before names Sears as the subject of "said"
    assert speaker_of(quotes_of(SEARS, nlp, "sears"), "unlock value") == "Sears"


def test_titles_and_affiliations_are_one_speaker(nlp, tmp_path):
    articles = {"meta": quotes_of(ZUCKERBERG_META, nlp, "meta"), "ceo": quotes_of(ZUCKERBERG_CEO, nlp, "ceo")}
    assert {speaker_of(articles["meta"], "major layoffs"), speaker_of(articles["ceo"], "Today I")} == {
        "Meta CEO Mark Zuckerberg",
        "CEO Mark Zuckerberg",
    }
    index = quote_index(tmp_path, articles)
    assert index.speakers() == [("Mark Zuckerberg", 2)]
    found = index.search(speaker="Mark Zuckerberg")
    assert len(found) == 2
    # an answer still says who he is, as the article does
    assert {q.speaker_name for q, _ in found} == {"Meta CEO Mark Zuckerberg", "CEO Mark Zuckerberg"}


def test_a_name_and_its_longer_form_are_one_speaker(nlp, tmp_path):
    articles = {"xvi": quotes_of(BENEDICT_XVI, nlp, "xvi"), "bene": quotes_of(BENEDICT, nlp, "bene")}
    assert speaker_of(articles["xvi"], "wronged") == "Benedict XVI"
    assert speaker_of(articles["bene"], "feeling") == "Benedict"
    index = quote_index(tmp_path, articles)
    quoted = len(articles["xvi"]) + len(articles["bene"])
    assert index.speakers() in ([("Benedict XVI", quoted)], [("Benedict", quoted)])
    assert len(index.search(speaker="Benedict XVI")) == quoted
    assert len(index.search(speaker="Benedict")) == quoted


def test_someone_described_is_shown_but_not_listed(nlp, tmp_path):
    quotes = quotes_of(ADVISER, nlp, "adviser")
    index = quote_index(tmp_path, {"adviser": quotes})
    (found, _), *_ = index.search("a ton of work to do")
    assert found.speaker_name == "a longtime adviser to both Clintons"
    assert index.speakers() == []


def test_a_short_name_is_the_father_not_the_son(nlp):
    quotes = quotes_of(IOWA, nlp, "iowa")
    assert speaker_of(quotes, "I feel great") == "Donald Trump"
    assert speaker_of(quotes, "a win is a win") == "Donald Trump Jr"


def test_a_hyphenated_name_is_whole(nlp):
    assert speaker_of(quotes_of(JEAN_PIERRE, nlp, "kjp"), "not overlooking") == "Karine Jean-Pierre"


def test_variants_merge_only_when_one_person_fits():
    groups = variant_groups(
        [("Donald Trump", 9), ("Donald J. Trump", 2), ("Donald Trump Jr", 3), ("Trump", 4), ("Eric Trump", 1), ("Zuckerberg", 1)]
        + [("Mark Zuckerberg", 5)]
    )
    assert sorted(groups["Donald Trump"]) == ["Donald J. Trump", "Donald Trump"]  # Jr is his son
    assert groups["Trump"] == ["Trump"]  # Donald, Eric: who, the index cannot tell
    assert sorted(groups["Mark Zuckerberg"]) == ["Mark Zuckerberg", "Zuckerberg"]


def test_the_labelled_samples_are_whole():
    sample = json.loads(SAMPLE.read_text())
    for part, figure in [("items", sample["before"]), ("held_out_index_items", sample["after"]["held_out_index"])]:
        items = sample[part]
        assert len(items) == 100
        assert {item["label"] for item in items} <= {"person", "organisation", "other"}
        assert figure["other"] == f"{sum(item['label'] == 'other' for item in items)}/100"


# news24-dev, USA TODAY: words a sentence sets before a name, taken into it ("Will Messi", "S.C. Haley",
# "D-N.Y" were the speakers of these quotes)
MESSI = """Messi was awarded the Golden Ball, given to the best player in the tournament, in what is considered the greatest World Cup final of all-time.

Will Messi play for Argentina again in the World Cup?

It’s unclear whether Messi, 36, will play for Argentina in the 2024 Copa America and the 2026 World Cup or will retire from national team competition before then.

“Even I don't know when. It’ll happen when it happens,” Messi said when asked about retiring during an interview broadcast on Argentine television in July."""
KIAWAH = """Nikki Haley speaks after voting

Outside her polling place on Kiawah Island, S.C. Haley told reporters she was laser focused on turning out the vote in South Carolina and Michigan, which holds its primary on Feb. 27 and making it through a weeklong push leading into Super Tuesday.

"That's as far as I've thought, in terms of going forward. We've placed ad buys, we've gone and put out the public schedule of where we're going to be, and so we're going to keep on going," Haley said."""
SCHUMER = """Senate Minority Leader Chuck Schumer said Thursday the Senate Sergeant at Arms had to resign or would be fired following rioters' storming of the U.S. Capitol Wednesday during the electoral vote count.

“If Senate Sergeant Arms Stenger hasn't vacated the position by then, I will fire him as soon as Democrats have a majority in the Senate," Schumer, D-N.Y., said in a statement."""
GOPAL = """The problem has led state Sen. Vin Gopal to propose legislation to increase the penalties for selling counterfeits during a state of emergency. Gopal, D-Monmouth, said a bill could be introduced within days.

"We have people taking advantage of the situation while others are suffering," he said."""


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (MESSI, "It’ll happen", "Messi"),  # a modal opening a question is no first name
        (KIAWAH, "as far as I've thought", "Nikki Haley"),  # a state after a place is no part of the name
        (SCHUMER, "I will fire him", "Chuck Schumer"),  # a party and state after a name are no one
        (GOPAL, "taking advantage", "Vin Gopal"),
    ],
)
def test_words_before_a_name_are_not_the_name(nlp, text, words, speaker):
    assert speaker_of(quotes_of(text, nlp, "x"), words) == speaker


@pytest.mark.parametrize(
    ("stored", "shown", "listed"),
    [
        ("Will Nikki Haley", "Nikki Haley", "Nikki Haley"),  # as a tester saw it in /api/quotes
        ("Will Hurd", "Will Hurd", "Will Hurd"),  # "Will" may be a first name
        ("S.C. Governor Nikki Haley", "S.C. Governor Nikki Haley", "Nikki Haley"),  # NER: an ORG
        ("South Carolina Gov. Nikki Haley", "South Carolina Gov. Nikki Haley", "Nikki Haley"),
        ("N.C. Wyeth", "N.C. Wyeth", "N.C. Wyeth"),  # initials, not North Carolina
        ("Laura Sturgeon D-Brandywine West", "Laura Sturgeon", "Laura Sturgeon"),
        ("Aguilar, D-Calif.", "Aguilar", "Aguilar"),
        ("D-N.Y", None, None),
        ("D-Monmouth", None, None),
    ],
)
def test_a_name_without_the_words_set_before_or_after_it(stored, shown, listed):
    read = speaker_names([stored])[stored]
    assert (read.shown, read.listed) == (shown, listed) if shown else read is None


def test_a_publication_is_no_speaker_in_its_own_articles(make_assistant):
    """The second outside try: "USA TODAY" and "CNN" were listed as speakers; 75 of the 91 on news24-dev
    were the publisher naming itself ("USA TODAY reported that…", "according to USA TODAY"), which is the
    article's own reporting. Another outlet quoted by it still speaks."""
    from assistant.search.quotes import is_own_publication

    bot = make_assistant()
    bot.add_records(
        [
            {
                "id": "rent",
                "title": "Rents keep rising",
                "source": "usatoday.com",
                "published": "2024-02-10",
                "text": "USA TODAY reported that the average rent in Des Moines rose 4% in a year. The average rent in Ames "
                "rose 3%, according to USA TODAY.\n\n\u201cWe can\u2019t keep up,\u201d said Maria Lopez, a renter in Des Moines.",
            }
        ]
    )
    assert dict(bot.speakers()) == {"Maria Lopez": 1}
    assert is_own_publication("The Des Moines Register", "www.desmoinesregister.com")
    assert not is_own_publication("CNN", "usatoday.com")


def test_a_listed_speaker_is_found_as_often_as_counted(nlp, tmp_path):
    # the Speakers tab said Donald Trump 497 and `byline quotes --speaker "Donald Trump"` 593 on
    # news24-dev: a name listed alone was looked up by its words, and found his son's quotes too
    index = quote_index(tmp_path, {"iowa": quotes_of(IOWA, nlp, "iowa")})
    assert dict(index.speakers()) == {"Donald Trump": 2, "Donald Trump Jr": 2}
    for name, count in index.speakers():
        assert index.matching_speaker(name) == count
        assert len(index.search(speaker=name)) == count
    assert {q.speaker_name for q, _ in index.search(speaker="Donald Trump")} == {"Donald Trump"}
    # a name not listed is found by its words, but not in a name that adds Jr.
    assert {q.speaker_name for q, _ in index.search(speaker="Trump")} == {"Donald Trump"}
    assert {q.speaker_name for q, _ in index.search(speaker="Trump Jr")} == {"Donald Trump Jr"}


# news24-dev 16fd6f814e9b, "GOP debate ..." (USA TODAY): the title's place ran into the name, and a
# title set behind a place read as a first name
HALEY_DEBATE = """Former South Carolina Gov. Nikki Haley said Trump is "the most disliked politician in America."

Sparks fly over Russia’s invasion of Ukraine

Former U.S. Ambassador to Ukraine Nikki Haley and former Vice President Mike Pence tore into entrepreneur Vivek Ramaswamy for saying he’d freeze the current lines of control in Ukraine in return for a promise from Russia that it would not form a military alliance with China.

Haley argued that a win for Russia is a win for China and said Ukraine is the first line of defense.

“You have no foreign policy experience, and it shows,” Haley told Ramaswamy."""
# news24-dev 58e68e22eb31 (Delaware News Journal)
STARKEY = (
    '"We were getting a lot of leakage through the old stone walls and the mortar joints," said Wilmington '
    "Commissioner of Public Works Jeff Starkey.\n\n"
    "\"Our biggest concern is upriver what's happening. We don't control what happens in Pennsylvania,\" Starkey said."
)


def test_a_title_ending_in_a_place_is_no_part_of_the_name(nlp):
    quotes = quotes_of(HALEY_DEBATE, nlp, "debate")
    assert not [q.speaker_name for q in quotes if "Ukraine" in q.speaker_name]  # "Ukraine Nikki Haley" was one
    assert speaker_of(quotes, "foreign policy experience").endswith("Nikki Haley")
    assert speaker_of(quotes_of(STARKEY, nlp, "s"), "upriver") == "Jeff Starkey"  # was "Public Works Jeff Starkey"


def test_a_title_behind_a_place_is_one_person_with_the_name(nlp):
    # "Haley" was "South Carolina Gov. Nikki Haley" or "Nikki Haley" by which was named last: "south" and
    # "nikki" read as two first names, two people
    quotes = quotes_of(HALEY_DEBATE, nlp, "debate")
    haley = {q.speaker_name for q in quotes if "Haley" in q.speaker_name}
    assert len(haley) == 1, haley


# news24-dev 187ea8c2b10a, "Fed decision: Interest rates unchanged, March cut unlikely" (USA TODAY, 2024-01-31)
FED_DECISION = (
    "At a news conference, Federal Chair Jerome Powell said the language was intended to convey that a March rate "
    "cut hasn't been ruled out but is unlikely.\n\n"
    '"The timing of (the first rate decrease) is linked to our gaining confidence that inflation is on a sustainable '
    'path down to 2%," Powell said. "I don\'t think it is likely (Fed officials) will reach that level of confidence '
    "by the time of the March meeting. It's probably not the most likely case.\""
)
# news24-dev daf91aa9a1af, "Secret plan to fight inflation: Biden says made in America products" (USA TODAY,
# 2022-03-03): its last paragraphs, two links to other stories
FED_WATCH = (
    "Among the main remedies he proposed: making more goods, from cars to semiconductors, in the United States in "
    "order to lower their production costs, which are then passed on to American shoppers. Doing so would also make "
    "U.S. consumers less vulnerable to supply chain bottlenecks abroad, Biden said in his speech Tuesday.\n\n"
    "FED WATCH:Powell says Fed is poised to hike interest rates to fight inflation despite Ukraine war, market "
    "sell-off\n\nProtect your assets: Best high-yield savings accounts of 2023"
)


def test_a_headline_is_no_quote(nlp, tmp_path):
    """A tester on news24: `byline quotes --speaker Powell` gave one 2022 quote, a link to another story's
    headline ("Powell says Fed is poised to hike …"), listed under "Powell" alone; it was all "Powell" found,
    as a listed name finds its own quotes. A line that ends without a sentence's stop is a title: its "says"
    reports nobody's words here."""
    headline = quotes_of(FED_WATCH, nlp, "watch")
    assert not [q for q in headline if "poised" in q.text], headline
    index = quote_index(tmp_path, {"watch": headline, "fed": quotes_of(FED_DECISION, nlp, "fed")})
    found = [q.text for q, _ in index.search(speaker="Powell")]
    assert any("by the time of the March meeting" in text for text in found), found


@pytest.mark.parametrize(
    "asked", ["Jerome Powell", "Federal Chair Jerome Powell", "Fed Chair Jerome Powell", "Federal Reserve Chair Jerome Powell"]
)
def test_a_speaker_asked_with_a_title_is_found_by_the_name(nlp, tmp_path, asked):
    """`byline quotes` shows Powell's words of 2024-01-31 under "Federal Chair Jerome Powell", as the article
    names him, and lists them under "Jerome Powell"; asked for by the name it showed, or with another title,
    it found nothing (the asked title's words were looked for in the listed name)."""
    quotes = quotes_of(FED_DECISION, nlp, "fed")
    assert speaker_of(quotes, "March meeting") == "Federal Chair Jerome Powell"
    index = quote_index(tmp_path, {"fed": quotes})
    assert index.speakers() == [("Jerome Powell", 3)]  # "the language" said the fourth: no speaker
    found = [q.text for q, _ in index.search(speaker=asked)]
    assert len(found) == 3 and any("March meeting" in text for text in found), found


# news24-dev ef7767243720, "NH primary: Donald Trump wins; Nikki Haley vows to stay in race" (USA TODAY,
# 2024-01-23): a live blog's post, its reporter's sign-off and the next post's heading
DOVER = """Though discourse in American politics tends to take a sour turn in the Biden-Trump debate, the two neighbors don’t plan on letting their political preferences come between them.

“People have been very friendly,” Hebbard said. “We’re all Americans. That’s what’s most important.”

— Ian Lenahan

Write-in Biden supporter makes point in Portsmouth

PORTSMOUTH — A team of 16 people will be hand-counting New Hampshire primary ballots after the polls close at Little Harbour School, according to Ward 5 moderator Brian Wazlaw."""


def test_a_reporters_sign_off_and_the_next_heading_are_no_speaker(nlp, tmp_path):
    """A tester on news24: "Ian Lenahan Write-in Biden" (the reporter signing off, run into the next post's
    heading) was credited with Hebbard's "We're all Americans" and listed as "Biden". Extraction gives the
    words to Hebbard; an index made by the older code keeps the fused name, which runs over a line end: no
    one's name, and no speaker in the index."""
    quotes = quotes_of(DOVER, nlp, "dover")
    assert speaker_of(quotes, "all Americans") == "Hebbard"
    assert not [q for q in quotes if "\n" in q.speaker or "Lenahan" in q.speaker_name], quotes
    stored = QuoteRecord(
        article_id="old",
        kind="direct",
        speaker="Ian Lenahan\n\nWrite-in Biden",
        speaker_name="Ian Lenahan Write-in Biden",
        cue="”",
        text="We’re all Americans. That’s what’s most important.",
        start=0,
        end=51,
        published="2024-01-23",
        published_int=20240123,
    )
    assert speaker_names([stored.speaker])[stored.speaker] is None
    index = quote_index(tmp_path, {"old": [stored]})
    assert index.speakers() == []
    assert index.search(speaker="Biden") == []


RESOLVE_TOM = """
import json
from ingest.attribution import NameIndex
index = NameIndex()
# news24-dev da8aa5031b10 names Tom Capano, then-Gov. Tom Carper, and Tom Capano again before "Tom" alone
for position, name in enumerate(["Tom Capano", "Tom Carper", "Tom Capano"]):
    index.add(position * 100, name)
print(json.dumps([index.resolve("Tom", 250), index.resolve("Tom", 150), index.resolve("Tom")]))
"""


def test_a_first_name_two_people_share_is_read_the_same_whatever_the_hash_seed():
    """ "This Tom, Tom Capano" (news24-dev da8aa5031b10) was credited to "Tom Carper" in one run and "Tom Capano" in the
    next: the two names tied and the answer was taken from a set, whose order changes with PYTHONHASHSEED (the eval's
    figures moved between runs). The nearer one before the mention wins; with no position, the first named."""
    import os
    import subprocess
    import sys

    from tests.stress.index_checks import REPO

    seen = set()
    for seed in ("1", "2", "3", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", RESOLVE_TOM], capture_output=True, text=True, env=env, cwd=REPO, check=True)
        seen.add(run.stdout.strip().splitlines()[-1])
    assert [json.loads(s) for s in seen] == [["Tom Capano", "Tom Carper", "Tom Capano"]], seen
