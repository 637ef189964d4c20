"""The one shape of every error the HTTP API answers, so a client can rely on it.

    /api/*   {"detail": "<one line a person can act on, naming the field>",
              "errors": [{"loc": ["body", "filters", "since"], "msg": "...", "type": "..."}, ...]}
    /v1/*    {"error": {"message": "<the same line>", "type": "invalid_request_error", "param": "as_of", "code": null}}

`errors` keeps pydantic's per-field details, or one entry naming the body (`["body"]`) when the body as a
whole is at fault (over the size limit, unreadable); it is empty only when no part of the request is; /v1 uses
OpenAI's error object because OpenAI clients read the message from there (`openai.BadRequestError`…).
The request guard (ui/guards.py) answers its refusals in the same shapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, Field

__all__ = ["ApiError", "FieldError", "OpenAIError", "error_body", "field_errors", "one_line"]

OPENAI_PREFIX = "/v1"
# OpenAI's error types by status; anything else 4xx is a request the client should change
OPENAI_TYPES = {401: "authentication_error", 403: "permission_error", 404: "not_found_error", 429: "rate_limit_error"}
OPENAI_CODES = {401: "invalid_api_key", 413: "request_too_large", 429: "rate_limit_exceeded", 503: "server_busy"}


class FieldError(BaseModel):
    loc: list[str | int] = Field(description='Where the problem is: ["body", "filters", "since"], ["query", "k"].')
    msg: str = Field(description="What is wrong there.")
    type: str = Field(description="pydantic's error type (missing, extra_forbidden, json_invalid…) or Byline's (invalid).")


class ApiError(BaseModel):
    """Every error of /api/*."""

    detail: str = Field(description="One line saying what is wrong, naming the field when one is.")
    errors: list[FieldError] = Field(default_factory=list, description="Per-field details (empty when no one field is at fault).")


class OpenAIErrorObject(BaseModel):
    message: str = Field(description="One line saying what is wrong, naming the field when one is.")
    type: str = Field(description="invalid_request_error, authentication_error, rate_limit_error, server_error…")
    param: str | None = Field(default=None, description="The request field at fault, if one is.")
    code: str | None = Field(default=None, description="A machine-readable code, if any (pydantic's error type for a bad field).")


class OpenAIError(BaseModel):
    """Every error of /v1/*, in OpenAI's shape."""

    error: OpenAIErrorObject


def field_name(loc: Sequence[str | int]) -> str:
    """`["body", "filters", "since"]` → "filters.since"; `["body", "messages", 0, "role"]` → "messages[0].role"."""
    parts = list(loc[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc)
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "body"


def field_errors(raw: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """pydantic's errors as loc/msg/type only: its `input` would echo a (possibly megabytes long) value back."""
    shaped = []
    for error in raw:
        msg = str(error.get("msg", "")).removeprefix("Value error, ")  # pydantic's wording for a validator's ValueError
        reason = (error.get("ctx") or {}).get("error")
        if error.get("type") == "json_invalid" and reason:
            msg = f"{msg} ({reason})"  # where the JSON broke is the useful part
        shaped.append({"loc": list(error.get("loc", ())), "msg": msg, "type": str(error.get("type", "invalid"))})
    return shaped


def one_line(errors: Sequence[dict[str, Any]]) -> str:
    """A person's summary of field errors: 'question: Field required; filters.source: Extra inputs are not permitted'."""
    return "; ".join(describe(error) for error in errors) or "invalid request"


def describe(error: dict[str, Any]) -> str:
    loc = error["loc"]
    if error["type"] == "json_invalid" and loc and isinstance(loc[-1], int):
        return f"body: not valid JSON at character {loc[-1]}: {error['msg']}"  # pydantic's loc is the position, not a field
    return f"{field_name(loc)}: {error['msg']}"


def error_body(path: str, status: int, detail: str, errors: Sequence[dict[str, Any]] = (), param: str | None = None) -> dict:
    """The error body for a request to `path`: OpenAI's shape under /v1, ours everywhere else."""
    detail = " ".join(detail.split())  # one line, whatever the message was
    if path == OPENAI_PREFIX or path.startswith(OPENAI_PREFIX + "/"):
        if param is None and errors and len(errors[0]["loc"]) > 1:  # ["body"] alone is no field
            param = field_name(errors[0]["loc"])
        kind = OPENAI_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
        code = OPENAI_CODES.get(status) or (str(errors[0]["type"]) if errors else None)
        return {"error": {"message": detail, "type": kind, "param": param, "code": code}}
    if param is not None and not errors:
        errors = [{"loc": [param], "msg": detail, "type": "invalid"}]
    return {"detail": detail, "errors": list(errors)}
