"""What the concurrency and crash tests check, read straight from Chroma (not through Index.check,
which is itself under test): every listed article has exactly its chunks, nothing else is stored,
and each article is found by a sentence of its own text."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.article import Article
from ingest.store import Store, chunk_id

REPO = Path(__file__).resolve().parents[2]
BYLINE = Path(sys.executable).parent / "byline"

PLACES = "Harwick Ostrava Kelmscott Tindall Varenna Quillan Brodsworth Elmira Fenwick Galloway Hexham Ilkley".split()
THINGS = "ferry bridge orchard foundry library reservoir tramline lighthouse brewery granary observatory quarry".split()
ACTS = "reopened repaired sold flooded audited expanded closed renamed inspected rebuilt insured surveyed".split()
PEOPLE = "mayor harbourmaster treasurer archivist engineer curator warden surveyor auditor chemist".split()


def make_articles(count: int, seed: int, prefix: str = "a") -> list[Article]:
    """Short, distinct articles (every fifth long enough for two chunks), each with a sentence
    naming its own number, so a search for that sentence can only mean this article."""
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        place, thing, act, person = rng.choice(PLACES), rng.choice(THINGS), rng.choice(ACTS), rng.choice(PEOPLE)
        sentences = [
            f"The {thing} of {place} was {act} on day {number} of the {prefix} series.",
            f"The {person} of {place} said the work on the {thing} cost {rng.randint(2, 900)} thousand pounds.",
        ]
        filler = 30 if number % 5 == 0 else 2
        sentences += [
            f"Residents of {rng.choice(PLACES)} watched as the {rng.choice(THINGS)} was {rng.choice(ACTS)} again."
            for _ in range(filler)
        ]
        articles.append(
            Article(
                id=f"{prefix}{number:03d}",
                title=f"{place} {thing} {act} ({prefix} {number})",
                text=" ".join(sentences),
                source=f"{prefix}-desk",
            )
        )
    return articles


def write_article_files(folder: Path, articles: list[Article]) -> list[Path]:
    """One JSON file per article, as a user's folder might hold; the file gives the article's id,
    so the index keeps the ids the test knows."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / f"{article.id}.json"
        path.write_text(json.dumps(article.model_dump(include={"id", "title", "text", "source"})))
        paths.append(path)
    return paths


def key_sentence(text: str) -> str:
    """The sentence that names the article's own number (see make_articles)."""
    return text.split(". ", 1)[0] + "."


@dataclass
class IndexContents:
    articles: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (content hash, chunks)
    missing_chunks: dict[str, int] = field(default_factory=dict)  # id -> chunks its record names but Chroma lacks
    orphan_chunks: list[str] = field(default_factory=list)  # stored chunks no article record names
    duplicated_chunks: int = 0  # the same (article, index) stored more than once

    @property
    def whole(self) -> bool:
        return not self.missing_chunks and not self.orphan_chunks and not self.duplicated_chunks


def read_contents(store: Store) -> IndexContents:
    contents = IndexContents()
    records = store.article_records()
    expected: set[str] = set()
    for article_id, record in records.items():
        contents.articles[article_id] = (record.content_hash, record.chunks)
        expected.update(chunk_id(article_id, record.content_hash, i) for i in range(record.chunks))
    stored = store.chunks.get(include=["metadatas"])
    stored_ids = set(stored["ids"])
    for article_id, record in records.items():
        lacking = sum(chunk_id(article_id, record.content_hash, i) not in stored_ids for i in range(record.chunks))
        if lacking:
            contents.missing_chunks[article_id] = lacking
    contents.orphan_chunks = sorted(stored_ids - expected)
    positions = Counter((m["article_id"], m["index"]) for m in stored["metadatas"])
    contents.duplicated_chunks = sum(n - 1 for n in positions.values() if n > 1)
    return contents


def byline(*args: str, data: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BYLINE), *args, "--data", str(data)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        env={**clean_env(), "TQDM_DISABLE": "1"},
    )


def start_ingest(paths: list[Path], data: Path) -> subprocess.Popen:
    """`byline ingest PATHS --data DATA --json` as a process of its own, started and left running."""
    return subprocess.Popen(
        [str(BYLINE), "ingest", *map(str, paths), "--data", str(data), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=clean_env(),
    )


def clean_env() -> dict[str, str]:
    """The environment without a developer's BYLINE_/OPENAI_ settings (as tests/conftest.py does)."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("BYLINE_", "OPENAI_"))}


def inspect_in_subprocess(data: Path, k: int = 3) -> tuple[IndexContents, list[str]]:
    """What a fresh process opening `data` sees: the index contents (read_contents), and the
    articles that `Assistant.search` (what `byline search` runs) does not rank in the top k for
    their key sentence. One process for all the searches: one `byline search` each would take
    minutes a round."""
    script = (
        "import dataclasses, json, sys\n"
        "from assistant import Assistant\n"
        "from tests.stress.index_checks import key_sentence, read_contents\n"
        "bot = Assistant.open(sys.argv[1])\n"
        "contents = read_contents(bot.index.store)\n"
        "texts = bot.index.store.article_texts(contents.articles)\n"
        "lost = [a for a, t in texts.items() if a not in [p.article_id for p in bot.search(key_sentence(t), k=int(sys.argv[2]))]]\n"
        "print(json.dumps({'contents': dataclasses.asdict(contents), 'unfindable': lost}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(data), str(k)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env=clean_env(),
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    contents = found["contents"]
    contents["articles"] = {a: tuple(value) for a, value in contents["articles"].items()}
    return IndexContents(**contents), found["unfindable"]


def found_by_byline_search(data: Path, article_id: str, text: str, k: int = 3) -> bool:
    """The real command: `byline search <key sentence> --json` lists the article in its top k."""
    done = byline("search", key_sentence(text), "--json", "-k", str(k), data=data)
    assert done.returncode == 0, done.stderr
    return article_id in [passage["article_id"] for passage in json.loads(done.stdout)]
