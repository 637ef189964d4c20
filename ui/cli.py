"""The `byline` command line (typer).

The options every command shares (`--data`, `--chroma-url`, `-v`, `--debug`) go before the command
or after it: `byline --data DIR ingest seeds/` and `byline ingest seeds/ --data DIR` are one command
(given in both places, the one after the command wins).

A user's mistake (a bad date, an empty question, an index built with another embedder: any
`BylineError`) is one line on stderr and exit code 2; the traceback only with `byline --debug …`.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

# Article text, titles, quotes and file names are printed as they are: no Rich markup or emoji codes read in them
# (a WordPress export's "[/caption]" ended `byline search` with a MarkupError, "[bold]for once[/bold]" lost its tags
# from a cited quote, ":x:" became an emoji: an outside try)
console = Console(markup=False, emoji=False)
errors = Console(stderr=True, soft_wrap=True, markup=False, emoji=False)  # an error line is one line, whole
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def report_error(*parts: object) -> None:
    """One "error: …" line on stderr; a control character in it (a file named with a newline) is shown escaped, so it
    cannot forge a second error line."""
    text = ": ".join(str(part) for part in parts)
    errors.print(Text.assemble(("error:", "red"), " ", CONTROL.sub(lambda m: repr(m[0])[1:-1], text)), highlight=False)


DataOption = Annotated[
    Path | None,
    typer.Option("--data", help="Folder holding the index (default: $BYLINE_DATA_DIR or ./data).", show_default=False),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Ask as of this day (YYYY-MM-DD; default today): later articles are left out, 'this week' is that day's week.",
        show_default=False,
    ),
]
ChromaOption = Annotated[
    str | None, typer.Option("--chroma-url", help="Use a Chroma server at this URL instead of the local folder.")
]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show the traceback of an error, not just its message.")]


P = ParamSpec("P")
R = TypeVar("R")
show_tracebacks = False  # set by --debug (before or after the command), once per run
OWN_DATA_COMMANDS = frozenset({"eval"})  # its --data is a scratch index of its own, never the user's index


def configure_logging(verbose: bool) -> None:
    from rich.logging import RichHandler

    level = logging.INFO if verbose else logging.WARNING
    # force: `-v` after the command configures again what the callback configured first
    # the handler's own level too: bm25s sets its logger to DEBUG
    handler = RichHandler(console=errors, show_path=False, level=level)
    logging.basicConfig(level=level, format="%(message)s", handlers=[handler], force=True)


app = typer.Typer(help="Byline: answers about your news articles, with the passages they came from.", no_args_is_help=True)


def user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Run a command so that a `BylineError` is one line and exit 2, unless --debug asks for the traceback.

    The command also takes `-v` and `--debug` after its name (they were only accepted before it).
    """

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        from assistant import BylineError

        global show_tracebacks
        if kwargs.pop("verbose", False):
            configure_logging(verbose=True)
        show_tracebacks = bool(kwargs.pop("debug", False)) or show_tracebacks  # never off when given before the command
        try:
            return command(*args, **kwargs)
        except BylineError as error:
            if show_tracebacks:
                raise
            report_error(error)
            raise typer.Exit(2) from error

    # typer reads the options from the signature: the command's own, then the shared two
    own = inspect.signature(command, eval_str=True)
    shared = [
        inspect.Parameter("verbose", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=VerboseOption),
        inspect.Parameter("debug", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=DebugOption),
    ]
    run.__signature__ = own.replace(parameters=[*own.parameters.values(), *shared])  # type: ignore[attr-defined]
    run.__annotations__ = {**command.__annotations__, "verbose": VerboseOption, "debug": DebugOption}
    return run


def open_assistant(data: Path | None, chroma_url: str | None = None):
    from assistant import Assistant

    return Assistant.open(data, chroma_url=chroma_url)


@app.callback()
def main(
    ctx: typer.Context,
    data: DataOption = None,
    chroma_url: ChromaOption = None,
    verbose: VerboseOption = False,
    debug: DebugOption = False,
) -> None:
    """Options given here apply to the command that follows; the command's own take precedence."""
    global show_tracebacks
    show_tracebacks = debug
    configure_logging(verbose)

    if ctx.invoked_subcommand in OWN_DATA_COMMANDS and (data or chroma_url):
        raise typer.BadParameter(
            f"`byline {ctx.invoked_subcommand}` keeps its own index (a temp folder): give --data after "
            f"`{ctx.invoked_subcommand}` to choose where, so it never adds its set to your index",
            param_hint="--data/--chroma-url",
        )
    # click's default_map: the command's own --data, when given, still wins over these
    shared = {name: value for name, value in (("data", data), ("chroma_url", chroma_url)) if value is not None}
    ctx.default_map = {name: shared for name in ctx.command.list_commands(ctx)} if shared else None  # type: ignore[attr-defined]


@app.command()
@user_errors
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or http(s) URLs.")],
    data: DataOption = None,
    chroma_url: ChromaOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Add articles to the index. Unchanged articles are skipped; changed ones replaced."""
    bot = open_assistant(data, chroma_url)
    report = bot.add(paths, progress=not as_json)
    if as_json:
        console.print_json(report.model_dump_json())
    else:
        console.print(f"ingested: {report.summary()}")
        for problem in report.errors:
            report_error(problem.where, problem.reason)
        for note in report.warnings:
            errors.print(
                Text.assemble(
                    ("warning:", "yellow"), " ", CONTROL.sub(lambda m: repr(m[0])[1:-1], f"{note.where}: {note.reason}")
                )
            )
    if report.failed:
        raise typer.Exit(1)


@app.command()
@user_errors
def ask(
    question: Annotated[str, typer.Argument(help="Your question.")],
    data: DataOption = None,
    chroma_url: ChromaOption = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Only this source (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="Only articles published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only articles published on or before YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Answer object as JSON.")] = False,
    as_of: AsOfOption = None,
) -> None:
    """Answer a question from the articles, with numbered citations."""
    bot = open_assistant(data, chroma_url)
    answer = bot.ask(question, sources=source, since=since, until=until, as_of=as_of)
    if as_json:
        typer.echo(answer.model_dump_json(indent=2))
        return
    console.print(answer.text, highlight=False)
    if answer.notice:
        console.print(f"({answer.notice})", highlight=False, style="yellow")  # the language model unavailable, say
    for citation in answer.citations:
        console.print(
            Text.assemble(
                "\n",
                (f"[{citation.n}]", "bold"),
                f" {citation.title} — {citation.source or 'unknown source'}, {citation.published or 'undated'}  "
                f"(article {citation.article_id}, chars {citation.span[0]}–{citation.span[1]})",
            ),
            highlight=False,
        )
        if citation.url:
            console.print(f"    {citation.url}", highlight=False)
        console.print(f"    “{citation.quote}”", highlight=False, style="dim")


@app.command()
@user_errors
def search(
    query: Annotated[str, typer.Argument(help="Words or a question.")],
    data: DataOption = None,
    chroma_url: ChromaOption = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Only this source (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="Only articles published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only articles published on or before YYYY-MM-DD.")] = None,
    k: Annotated[int, typer.Option("-k", help="How many passages.")] = 5,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    as_of: AsOfOption = None,
) -> None:
    """Show the passages that best match, without answering."""
    bot = open_assistant(data, chroma_url)
    passages = bot.search(query, k=k, sources=source, since=since, until=until, as_of=as_of)
    if as_json:
        typer.echo(json.dumps([p.model_dump() for p in passages], indent=2))
        return
    if not passages:
        console.print("No passage matches.")
    for p in passages:
        console.print(
            Text.assemble(
                (f"{p.rank}.", "bold"), f" {p.title} — {p.source}, {p.published or 'undated'}  ", (f"({p.article_id})", "dim")
            ),
            highlight=False,
        )
        console.print(f"   {' '.join(p.text.split())[:400]}", highlight=False, style="dim")


@app.command()
@user_errors
def articles(
    data: DataOption = None,
    chroma_url: ChromaOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List what is indexed."""
    bot = open_assistant(data, chroma_url)
    records = bot.articles()
    if as_json:
        typer.echo(json.dumps([r.model_dump() for r in records], indent=2))
        return
    table = Table("id", "date", "source", "title", "chunks")
    for r in records:
        table.add_row(r.id, r.published or "—", r.source, r.title, str(r.chunks))
    console.print(table)
    console.print(f"{len(records)} articles")


@app.command()
@user_errors
def check(
    data: DataOption = None,
    chroma_url: ChromaOption = None,
    repair: Annotated[
        bool,
        typer.Option(
            "--repair",
            help="Embed again the articles missing chunks (from their stored text); delete orphan chunks; find again the "
            "quotes older attribution rules found; index the twins an interrupted ingest left waiting.",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check that every listed article has all its chunks and no chunk is left over; exit 1 if not (with --repair: if any remain)."""
    bot = open_assistant(data, chroma_url)
    result = bot.check(repair=repair)
    if as_json:
        console.print_json(result.model_dump_json())
    else:
        typer.echo(f"check: {result.summary()}")  # one line, never wrapped: scripts grep it
    if result.older_quotes and not repair and not as_json:
        # not damage: the index answers; its speakers are what older rules found (a re-ingest of an unchanged article
        # does nothing, so only this finds them again)
        errors.print("`byline check --repair` finds their quotes again by this version's rules", highlight=False)
    if not result.whole:
        if not repair and not as_json:
            errors.print("`byline check --repair` mends this", highlight=False)
        raise typer.Exit(1)


@app.command()
@user_errors
def quotes(
    data: DataOption = None,
    chroma_url: ChromaOption = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes of this speaker ('Aliyev' matches 'Ilham Aliyev').")] = None,
    search: Annotated[str | None, typer.Option(help="Only quotes with these words.")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Only this source (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="Only articles published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only articles published on or before YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many quotes.")] = 50,
    as_of: AsOfOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List who said what: quotes with speaker, date and article."""
    bot = open_assistant(data, chroma_url)
    found = bot.quotes(speaker=speaker, search=search, sources=source, since=since, until=until, limit=limit, as_of=as_of)
    if as_json:
        typer.echo(json.dumps([q.model_dump() for q in found], indent=2, ensure_ascii=False))
        return
    if not found:
        console.print("No quote matches.")
        if not speaker and not search:
            console.print(f"{len(bot.speakers())} speakers are indexed.")
        return
    table = Table("speaker", "date", "quote", "article")
    for q in found:
        words = " ".join(q.text.split())
        table.add_row(
            q.speaker_name, q.published or "—", f"“{words}”" if q.kind == "direct" else words, f"{q.title} ({q.source})"
        )
    console.print(table)
    if len(found) == limit:
        # an outside try read 50 rows as all there were (61): the list stops at the limit, and says so
        errors.print(f"(the first {limit}: --limit N shows more)", highlight=False)


@app.command()
@user_errors
def serve(
    data: DataOption = None,
    chroma_url: ChromaOption = None,
    host: Annotated[str, typer.Option(help="Interface to bind; beyond 127.0.0.1 a token is required.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 7860,
    ingest_path: Annotated[list[str] | None, typer.Option("--ingest", help="Ingest these first (files, folders, URLs).")] = None,
) -> None:
    """Serve the web chat (and the HTTP API)."""
    from ui.web import serve as serve_web

    bot = open_assistant(data, chroma_url)
    if ingest_path:
        report = bot.add(ingest_path, progress=True)
        console.print(f"ingested: {report.summary()}")
        for problem in report.errors:
            report_error(problem.where, problem.reason)
    # The token, if any, comes from WebSettings (BYLINE_TOKEN); X-Forwarded-For is trusted only from the proxies
    # named in FORWARDED_ALLOW_IPS, none by default (serve_web sees to both).
    serve_web(bot, host=host, port=port)


@app.command("eval")
@user_errors
def evaluate(
    set_dir: Annotated[Path, typer.Argument(help="An eval set folder: articles.jsonl + questions.jsonl.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    limit: Annotated[int | None, typer.Option(help="Ask only N questions, evenly spread over the set.")] = None,
    llm: Annotated[bool, typer.Option("--llm/--no-llm", help="Answer with the configured LLM, or extractively.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write per-question results here (JSON Lines).")] = None,
    data: Annotated[
        Path | None, typer.Option("--data", help="Keep the index here (re-runs skip the ingest); default: a temp folder.")
    ] = None,
    as_of: Annotated[
        bool, typer.Option("--as-of/--no-as-of", help="Ask each question as of its asked_on day, or as of today.")
    ] = True,
    weeks: Annotated[
        str | None,
        typer.Option(help="Only the questions of these asking weeks, e.g. '1-6' or '2,4,6' (1 = the set's first week)."),
    ] = None,
) -> None:
    """Ask every question of an eval set and score the answers (accuracy, evidence, citations, speed)."""
    import tempfile

    from assistant import Assistant
    from assistant.evaluation import LLMNotConfigured, eval_settings, run_eval

    try:
        settings = eval_settings(llm)
    except LLMNotConfigured as error:
        report_error(error)
        raise typer.Exit(2) from error
    with tempfile.TemporaryDirectory(prefix="byline-eval-") as scratch:
        bot = Assistant.open(data or Path(scratch), settings=settings)
        try:
            report = run_eval(
                bot, set_dir, limit=limit, out=out, llm=llm, progress=not as_json, use_as_of=as_of, weeks=week_numbers(weeks)
            )
        except (FileNotFoundError, ValueError) as error:
            report_error(error)
            raise typer.Exit(2) from error
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    table = Table("metric", "value", title=f"byline eval {report.set}")
    for metric, value in report.rows():
        table.add_row(metric, value)
    console.print(table)
    if out:
        console.print(f"per-question results: {out}")


def week_numbers(text: str | None) -> list[int] | None:
    """'1-6' or '2,4,6' (or a mix) as week numbers; None for all weeks."""
    from assistant import InvalidInput

    if not text:
        return None
    numbers: list[int] = []
    try:
        for part in text.split(","):
            first, _, last = part.strip().partition("-")
            numbers.extend(range(int(first), int(last or first) + 1))
    except ValueError as error:
        raise InvalidInput(f"--weeks: {text!r} is not like '1-6' or '2,4,6'") from error
    return numbers


if __name__ == "__main__":
    app()
