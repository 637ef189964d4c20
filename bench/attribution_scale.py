"""What finding who-said-what costs on one very large, quote-heavy article body (the denial of service a 1 MB
body was: minutes and gigabytes).

    python bench/attribution_scale.py [--sizes 100000,1000000] [--kinds realistic,long_paragraphs,...]

Each case runs `find_attributions` in a fresh process (its peak memory is the process's, the loaded spaCy
model included: ~150 MB) and prints CPU seconds, peak resident memory and the attributions found. Figures only;
nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from common import int_list, write_results  # noqa: E402  (bench/common.py puts the repo on sys.path)

PARAGRAPHS = (
    '"We will rebuild," said Mayor Jane Smith. "This city has seen worse, and we came back every time."',
    "Smith, a Democrat first elected in 2019, told reporters on Tuesday that the council would meet again next week.",
    '"I don\'t think anyone expected the water to rise that fast," said Tom Becker, a firefighter with the county. '
    'He added: "We did what we could."',
    "According to the National Weather Service, more rain is expected through Friday.",
    '"It was terrifying," she said. "The whole street was under water in ten minutes."',
    'Gov. Robert Allen said the state would ask for federal aid. "We need help, and we need it now," Allen said.',
    "Council member Tom Smith disagreed with Jane Smith on the budget. The senator said the plan was late.",
)


def realistic(size: int) -> str:
    """News paragraphs with quotes, repeated."""
    out, n, i = [], 0, 0
    while n < size:
        out.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        n += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)[:size]


def long_paragraphs(size: int) -> str:
    """Paragraphs of 45,000 characters (just parsed) without a full stop, a quote every 50 characters."""
    unit = '"we will rebuild" said Mayor Jane Smith and "this city has seen worse, much worse" she said, '
    para = (unit * (45_000 // len(unit) + 1))[:45_000]
    return "\n\n".join([para] * max(1, size // 45_002))


def unbalanced(size: int) -> str:
    """Thousands of quote marks that never close, in paragraphs of ordinary length."""
    unit = 'He said "yes and then " she said no, " and then \'they said\' it again. ' * 6
    return "\n\n".join([unit] * (size // (len(unit) + 2) + 1))[:size]


def one_paragraph(size: int) -> str:
    """One paragraph of the whole size, no full stop (too long to parse: only scanned)."""
    unit = '"we will rebuild" said Mayor Jane Smith and \'this city has seen worse\' she said, "and '
    return (unit * (size // len(unit) + 1))[:size]


def short_paragraphs(size: int) -> str:
    """A quote per line: as many paragraphs to parse as there can be."""
    return "\n".join(['"Yes," he said.'] * (size // 16))


KINDS = {f.__name__: f for f in (realistic, long_paragraphs, unbalanced, one_paragraph, short_paragraphs)}


def run_one(kind: str, size: int) -> dict:
    from ingest.attribution import find_attributions, load_nlp

    nlp = load_nlp()
    find_attributions('"Warm up," he said.', nlp)
    text = KINDS[kind](size)
    cpu, wall = time.process_time(), time.perf_counter()
    found = find_attributions(text, nlp, article=f"{kind}-{size}")
    return {
        "kind": kind,
        "chars": len(text),
        "cpu_s": round(time.process_time() - cpu, 1),
        "wall_s": round(time.perf_counter() - wall, 1),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "attributions": len(found),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int_list, default=[100_000, 1_000_000])
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # kind size: run in this process, print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    rows = []
    for size in args.sizes:
        for kind in args.kinds.split(","):
            done = subprocess.run(
                [sys.executable, __file__, "--one", kind, str(size)], capture_output=True, text=True, check=True
            )
            row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(
                f"{row['kind']:>17} {row['chars']:>9,} chars  {row['cpu_s']:>6.1f} s CPU  {row['wall_s']:>6.1f} s  "
                f"{row['peak_rss_mb']:>5} MB peak  {row['attributions']:>6} attributions",
                flush=True,
            )
    write_results("attribution_scale", {"cases": rows})


if __name__ == "__main__":
    main()
