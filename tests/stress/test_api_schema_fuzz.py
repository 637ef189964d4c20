"""Schemathesis against the served OpenAPI schema of the real app (issue 11): every operation of
/openapi.json, fuzzed from its schema, must never answer 5xx (schemathesis's `not_a_server_error`).

The app is the real one (`build_app`: the HTTP API, the guard and the mounted Gradio chat) on
uvicorn on 127.0.0.1, token-less, on its own seeded index with `fetch_urls=False`: a fuzzed URL in
`POST /api/articles` is refused, never fetched, and Gradio's telemetry is off (GRADIO_ANALYTICS_ENABLED),
so no request leaves this machine.

Three passes, each up to EXAMPLES_PER_OPERATION examples per operation: schemathesis's positive
cases (valid by the schema), its negative cases (invalid by it), and "shaped" bodies: the schema says
only `list[dict]` for articles, history and messages, so schemathesis rarely sends a record with a
`text` or a message with `role: user`; the shaped pass builds those, with any JSON in their fields.

BYLINE_API_FUZZ_EXAMPLES sets the count (100 by default: under a minute on 2 cores). The operations,
the examples each got, the statuses they met and any 5xx (with a curl line to reproduce it) go to
tests/artifacts/api_schema_fuzz.json and the terminal (`-s`).

(schemathesis's own pytest loader, `schemathesis.pytest.from_fixture`, fails on pytest 9.2 with
"'Function' object has no attribute '_nodeid'" in schemathesis 4.32.5; so each operation's
strategy runs under its own Hypothesis `@given` here.)
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from assistant import Assistant
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.conftest import SEEDS
from tests.ui.conftest import ARTIFACTS, SEED_QUESTION, running_app

pytestmark = pytest.mark.stress

EXAMPLES_PER_OPERATION = int(os.environ.get("BYLINE_API_FUZZ_EXAMPLES", "100"))  # per operation and pass

examples: Counter[str] = Counter()
statuses: dict[str, Counter[int]] = defaultdict(Counter)
server_errors: list[dict] = []


@pytest.fixture(scope="module")
def fuzzed_url(embedding, tmp_path_factory) -> Iterator[str]:
    """The real app, no token, on loopback, over the seeds; URLs named in a request are never fetched."""
    data = tmp_path_factory.mktemp("schema-fuzz")
    bot = Assistant(Index.open(IngestSettings(data_dir=data, fetch_urls=False), embedding=embedding))
    assert bot.add([SEEDS]).added == 1
    started = time.monotonic()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("GRADIO_ANALYTICS_ENABLED", "False")  # Gradio's telemetry and version check: nothing leaves 127.0.0.1
        with running_app(bot) as url:
            yield url
    report = {
        "seconds": round(time.monotonic() - started, 1),
        "examples_per_operation_limit": EXAMPLES_PER_OPERATION,
        "operations": {
            label: {"examples": n, "statuses": dict(sorted(statuses[label].items()))} for label, n in examples.items()
        },
        "examples": sum(examples.values()),
        "server_errors": server_errors,
        "articles_after": len(bot.articles()),
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "api_schema_fuzz.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nschema fuzz: {len(examples)} operation runs, {report['examples']} examples in {report['seconds']} s")
    for label, figures in report["operations"].items():
        print(f"  {label}: {figures['examples']} examples, statuses {figures['statuses']}")
    print(f"  5xx: {len(server_errors)}")
    for error in server_errors[:10]:
        print(f"    {error['status']} {error['operation']}: {error['request'][:600]}")


@pytest.fixture(scope="module")
def served_schema(fuzzed_url):
    # the schema names no servers: its requests go where it was loaded from, the app on 127.0.0.1
    assert fuzzed_url.startswith("http://127.0.0.1:")
    return schemathesis.openapi.from_url(f"{fuzzed_url}/openapi.json", timeout=30)


def fuzz_operation(cases: st.SearchStrategy, label: str, base_url: str) -> str | None:
    """Send up to EXAMPLES_PER_OPERATION cases; the failure (after Hypothesis shrinks it), or None."""

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,  # the same examples every run: a 5xx found once is found again
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def fuzz(case):
        response = case.call(base_url=base_url, timeout=120)
        examples[label] += 1
        statuses[label][response.status_code] += 1
        if response.status_code >= 500:
            request = case.as_curl_command(base_url=base_url)
            server_errors.append(
                {"operation": label, "status": response.status_code, "request": request, "response": response.text[:2000]}
            )
        case.validate_response(response, checks=[not_a_server_error])

    try:
        fuzz()
    except Unsatisfiable:
        return None  # no case of this mode exists (a negative case of an operation without parameters)
    except Exception as error:  # noqa: BLE001 - one operation's failure is reported with the others'
        return f"{type(error).__name__}: {error}"
    return None


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_no_operation_answers_5xx(served_schema, fuzzed_url, mode):
    """Each operation gets its own Hypothesis run of schemathesis's strategy for it, in this mode:
    a 5xx fails that operation's run and the others still run."""
    operations = [result.ok() for result in served_schema.get_all_operations()]
    assert len(operations) >= 8, [operation.label for operation in operations]
    failed = {}
    for operation in operations:
        label = f"{operation.label} ({mode})"
        failure = fuzz_operation(operation.as_strategy(generation_mode=mode), label, fuzzed_url)
        if failure:
            failed[label] = failure
    assert not failed, "\n\n".join(f"{label}: {reason}" for label, reason in failed.items())


# --- shaped bodies: what a careless client sends inside the schema's `list[dict]` -----------------------

ANY_CHAR = st.one_of(st.characters(), st.characters(categories=["Cs"]))  # lone surrogates too (JSON-escaped)
TEXTS = st.one_of(
    st.text(ANY_CHAR, max_size=60),
    st.sampled_from(["", " ", SEED_QUESTION, "Who said it?", "What did he say?", "2023-09-20", "Aliyev", "\u0000"]),
    st.sampled_from(["What did Aliyev say last week?", "Who spoke on Tuesday?", "What is the latest on Karabakh?"]),
    st.sampled_from(["What happened between March and 2023-09-19?", "since Jan. 6 and before 1999", "this year so far"]),
    st.text(st.sampled_from("ab .?\n"), min_size=1000, max_size=3000),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXTS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
DATES = st.one_of(
    st.sampled_from(
        ["2023-09-01", "2023-09-20", "0001-01-01", "2023-09-30", "2023-02-30", "20230901", "1900-01-01", "9999-12-31"]
    ),
    JSON,
)
FILTERS = st.one_of(
    st.none(),
    st.fixed_dictionaries({}, optional={"sources": st.one_of(st.lists(TEXTS, max_size=3), JSON), "since": DATES, "until": DATES}),
)
ROLES = st.one_of(st.sampled_from(["user", "assistant", "system", "tool", "developer"]), JSON)
CONTENT = st.one_of(
    TEXTS,
    st.lists(st.fixed_dictionaries({"type": st.sampled_from(["text", "image_url"]), "text": st.one_of(TEXTS, JSON)}), max_size=3),
    JSON,
)
MESSAGE = st.fixed_dictionaries({"role": ROLES, "content": CONTENT})
USER_MESSAGE = st.fixed_dictionaries({"role": st.just("user"), "content": CONTENT})
RECORD_FIELDS = [
    "id",
    "title",
    "text",
    "body",
    "content",
    "paragraphs",
    "published",
    "date",
    "source",
    "url",
    "author",
    "metadata",
]
RECORD = st.dictionaries(st.sampled_from(RECORD_FIELDS), st.one_of(TEXTS, DATES, st.lists(TEXTS, max_size=3), JSON), max_size=8)

SHAPED_BODIES = {
    ("POST", "/api/ask"): st.fixed_dictionaries(
        {"question": TEXTS},
        optional={"filters": FILTERS, "history": st.one_of(st.none(), st.lists(MESSAGE, max_size=4)), "as_of": DATES},
    ),
    ("POST", "/v1/chat/completions"): st.fixed_dictionaries(
        {"messages": st.builds(lambda before, last: [*before, last], st.lists(MESSAGE, max_size=3), USER_MESSAGE)},
        optional={
            "stream": st.booleans(),
            "filters": st.one_of(FILTERS, JSON),
            "as_of": DATES,
            "model": TEXTS,
            "temperature": JSON,
        },
    ),
    ("POST", "/api/articles"): st.fixed_dictionaries(
        {}, optional={"articles": st.lists(RECORD, max_size=3), "urls": st.lists(st.one_of(TEXTS, JSON), max_size=2)}
    ).filter(bool),
}


def test_shaped_bodies_never_answer_5xx(served_schema, fuzzed_url):
    failed = {}
    for (method, path), bodies in SHAPED_BODIES.items():
        operation = served_schema[path][method]
        cases = bodies.map(lambda body, operation=operation: operation.Case(body=body, media_type="application/json"))
        label = f"{operation.label} (shaped)"
        failure = fuzz_operation(cases, label, fuzzed_url)
        if failure:
            failed[label] = failure
    assert not failed, "\n\n".join(f"{label}: {reason}" for label, reason in failed.items())


# --- what the fuzz found, kept as fixed cases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "request_options"),
    [
        pytest.param(
            "POST",
            "/api/ask",
            {"json": {"question": "Who spoke on Tuesday?", "as_of": "0001-01-01"}},
            id="as-of-in-year-1-ask",  # fixed: an as_of out of range is a 422 (was an OverflowError)
        ),
        pytest.param(
            "GET",
            "/api/search",
            {"params": {"q": "What happened last week?", "as_of": "0001-01-03"}},
            id="as-of-in-year-1-search",  # fixed: as above
        ),
        pytest.param(
            "POST",
            "/v1/chat/completions",
            {"json": {"messages": [{"role": "user", "content": [{"type": "text", "text": {"not": "text"}}]}]}},
            id="text-part-not-text",  # fixed: a 422 since b92e619
        ),
    ],
)
def test_requests_the_fuzz_found_are_not_5xx(fuzzed_url, method, path, request_options):
    response = httpx.request(method, f"{fuzzed_url}{path}", timeout=120, **request_options)
    assert response.status_code < 500, response.text[:500]
