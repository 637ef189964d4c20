"""Wrong tokens sent from this machine must not lock the owner out, and must not buy more guesses (found by an
outside tester: with BYLINE_TOKEN set, ten wrong tokens from loopback locked out everyone on 127.0.0.1 for a
minute, the owner included). The real app on uvicorn with a token, httpx as attacker and owner."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.ui.conftest import running_app
from ui.web import WebSettings

TOKEN = "s3cret-token"
ATTEMPTS = 3
OWNER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def bot(embedding, tmp_path_factory):
    from assistant import Assistant
    from ingest.pipeline import Index
    from ingest.settings import IngestSettings

    return Assistant(Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("sign-in")), embedding=embedding))


@pytest.fixture
def url(bot) -> Iterator[str]:
    """A fresh server per test: the count of failed attempts starts at nothing."""
    with running_app(bot, token=TOKEN, settings=WebSettings(sign_in_attempts=ATTEMPTS)) as served:
        yield served


def guess(url: str, n: int, path: str = "/api/articles", source: str | None = None) -> int:
    transport = httpx.HTTPTransport(local_address=source) if source else None
    with httpx.Client(transport=transport, timeout=30) as client:
        return client.get(f"{url}{path}", headers={"Authorization": f"Bearer guess-{n}"}).status_code


def test_the_owner_signs_in_after_wrong_tokens_from_the_same_address(url):
    assert [guess(url, n) for n in range(ATTEMPTS)] == [401] * ATTEMPTS
    assert httpx.get(f"{url}/api/articles", headers=OWNER).status_code == 200, "the owner was locked out"
    assert httpx.post(f"{url}/login", data={"username": "me", "password": TOKEN}).status_code == 200
    assert guess(url, 99) == guess(url, 100) == 429, "past the limit a wrong token is refused, checked or not"


def test_a_wrong_token_in_its_turn_holds_it_and_a_right_one_frees_it(url):
    for n in range(ATTEMPTS):
        guess(url, n)
    assert httpx.get(f"{url}/api/articles", headers=OWNER).status_code == 200  # in the free turn, which it frees
    assert httpx.get(f"{url}/api/articles", headers=OWNER).status_code == 200  # so its next request passes too
    assert guess(url, 7) == 429  # checked in the turn, and wrong: the turn is held for 60 / ATTEMPTS s
    held = httpx.get(f"{url}/api/articles", headers=OWNER)
    assert held.status_code == 429 and 1 <= int(held.headers["retry-after"]) <= 60 / ATTEMPTS


def test_other_loopback_addresses_are_the_same_client(url):
    """Any process here can send from 127.0.0.2, 127.0.0.3, ...: each had a fresh count (16 million addresses)."""
    statuses = [guess(url, n, source=f"127.0.0.{n + 2}") for n in range(ATTEMPTS + 2)]
    assert statuses == [401] * ATTEMPTS + [429] * 2, statuses


def test_a_burst_of_guesses_is_checked_no_more_than_guesses_in_turn(url):
    """Guesses sent at once were all checked before the first failure was counted."""
    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(lambda n: guess(url, n), range(24)))
    assert statuses.count(401) <= ATTEMPTS, statuses
    assert statuses.count(401) + statuses.count(429) == 24


def test_healthz_tells_no_right_token_from_wrong_ones_for_free(url):
    """/healthz answered a right token with the article count and a wrong one with {"ok": true}, never counted:
    a guessing oracle without limit. A wrong token there now counts as a failed sign-in."""
    for n in range(ATTEMPTS):
        assert guess(url, n, path="/healthz") == 200
    assert guess(url, 50) == 429
