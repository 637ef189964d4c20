"""What search hands to the answerers: the filters a question carries and a scored chunk.

A leaf module (it imports nothing from the rest of assistant/), so the quote index, the retrieval
cache and the retriever can all name these types without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ingest.article import date_as_int, parse_iso_day
from ingest.errors import InvalidInput
from ingest.store import ChunkRecord

MAX_SOURCES = 200  # sources one question may be kept to: far more than an index's outlets, and bounded work
MAX_SOURCE_CHARS = 200


class Filters(BaseModel):
    """Which articles a question may be answered from."""

    model_config = ConfigDict(extra="forbid")  # a misspelt "source" must not silently filter nothing

    sources: list[str] = Field(
        default_factory=list,
        max_length=MAX_SOURCES,
        description=f"Keep only these sources (exact, case-insensitive); at most {MAX_SOURCES}, each a name of at most "
        f"{MAX_SOURCE_CHARS} characters.",
    )
    since: str | None = Field(default=None, description="Earliest published date, YYYY-MM-DD (inclusive).")
    until: str | None = Field(default=None, description="Latest published date, YYYY-MM-DD (inclusive).")

    @classmethod
    def of(cls, sources: list[str] | None = None, since: str | None = None, until: str | None = None) -> Filters:
        """Filters from a user's values; a bad date or an empty range is an `InvalidInput` saying which."""
        try:
            return cls(sources=sources or [], since=since, until=until)
        except ValidationError as error:
            raise InvalidInput("; ".join(short_reason(problem) for problem in error.errors())) from error

    @field_validator("sources")
    @classmethod
    def _named_once(cls, sources: list[str]) -> list[str]:
        # an outside try sent a million sources in a 10 MB body: 30 s of work and 19 MB of "No article from s0, s1, …"
        if too_long := next((source for source in sources if len(source) > MAX_SOURCE_CHARS), None):
            raise ValueError(f"a source name is at most {MAX_SOURCE_CHARS} characters: {too_long[:40]!r}…")
        return list(dict.fromkeys(sources))

    @field_validator("since", "until", mode="before")
    @classmethod
    def _iso(cls, value: object) -> str | None:
        if value in (None, ""):
            return None
        try:
            return parse_iso_day(value)
        except (ValueError, OverflowError) as error:
            raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)") from error

    @model_validator(mode="after")
    def _range_not_empty(self) -> Filters:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"the date range is empty: since {self.since} is after until {self.until}")
        return self

    def narrowed(self, since: date | None = None, until: date | None = None) -> Filters | None:
        """These filters with the date range cut to [since, until] as well; None when no day is left."""
        low = max(filter(None, [self.since, since.isoformat() if since else None]), default=None)
        high = min(filter(None, [self.until, until.isoformat() if until else None]), default=None)
        if low and high and low > high:
            return None
        return self.model_copy(update={"since": low, "until": high})

    def admits(self, source: str, published_int: int) -> bool:
        """Whether an article of this source and day passes (an undated one passes only open date bounds)."""
        low, high = self.bounds
        if self.sources and source.lower() not in {wanted.lower() for wanted in self.sources}:
            return False
        return (low is None or bool(published_int) and published_int >= low) and (
            high is None or bool(published_int) and published_int <= high
        )

    @property
    def bounds(self) -> tuple[int | None, int | None]:
        """The date range as int yyyymmdd (None: open on that side)."""
        return (date_as_int(self.since) if self.since else None, date_as_int(self.until) if self.until else None)

    @property
    def empty(self) -> bool:
        return not (self.sources or self.since or self.until)

    def chroma_where(self, source_names: dict[str, str]) -> dict | None:
        """The filters as Chroma's `where` clause (Byline filters on its own rows, which is many
        times faster; this states what that must agree with)."""
        clauses: list[dict] = []
        if self.sources:
            names = [source_names.get(s.lower(), s) for s in self.sources]
            clauses.append({"source": {"$in": names}})
        if self.since:
            clauses.append({"published_int": {"$gte": date_as_int(self.since)}})
        if self.until:
            clauses.append({"published_int": {"$lte": date_as_int(self.until)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@dataclass
class Hit:
    chunk: ChunkRecord
    score: float


def short_reason(problem: dict) -> str:
    """One pydantic error as a short sentence naming the field ("since: not a date: '2023-13-45' ...")."""
    message = str(problem.get("msg", "")).removeprefix("Value error, ")
    field = ".".join(str(part) for part in problem.get("loc", ()))
    return f"{field}: {message}" if field else message
