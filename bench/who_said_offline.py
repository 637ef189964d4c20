"""Offline who-said accuracy of ingest.attribution on an eval set (no LLM).

For each "who_said" question: run find_attributions over the evidence article,
pick the attribution whose text best matches the question's quoted words, and
count it right if the answer (a surname) appears in the resolved speaker_name
(or the speaker as written).

    python bench/who_said_offline.py [--data DIR] [--limit N] [--show-failures K]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.attribution import Attribution, find_attributions, load_nlp  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data/eval/polnear-dev")
_QMARKS = str.maketrans({c: '"' for c in "“”„‟«»"} | {c: "'" for c in "‘’‚‛`"})


def norm_words(s: str) -> list[str]:
    s = s.translate(_QMARKS).lower()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", s)


def question_words(q: str) -> list[str]:
    m = re.match(r"\s*Who said\s*[“\"](.*)[”\"]\s*\?\s*$", q, re.S)
    return norm_words(m.group(1) if m else q)


def prefix_len(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def match_score(qw: list[str], aw: list[str], following: list[str]) -> float:
    """How well an attribution matches the question's quoted words `qw`.

    `aw` are the attribution's words, `following` the article's words from the
    attribution start (the question may run past a closing quote mark).
    Score = matched prefix / question length; a fully matched short
    attribution text (the question joins several quoted pieces) scores at
    least 0.6; otherwise question words found contiguously inside 0.5."""
    if not qw or not aw:
        return 0.0
    l1 = prefix_len(qw, aw)
    l2 = prefix_len(qw, following)
    score = max(l1, l2) / len(qw)
    if l1 == len(aw) and l1 >= 2:
        score = max(score, 0.6)
    if score < 0.5:
        # the question may join pieces ("Judge," "I have never ..."): look for
        # a 6-word window from the first few question words inside the text
        k = min(len(qw), 6)
        for off in range(0, max(1, min(4, len(qw) - k + 1))):
            probe = qw[off : off + k]
            if any(aw[i : i + k] == probe for i in range(len(aw) - k + 1)):
                score = max(score, 0.5)
                break
    return score


def best_attribution(qw: list[str], attrs: list[Attribution], text: str) -> tuple[Attribution | None, float]:
    """Best-matching attribution; ties go to body text over the title line
    (headlines echo body quotes) and to direct quotes."""
    title_end = text.find("\n")
    best, score, key = None, 0.0, (0.0, 0)
    for a in attrs:
        s = match_score(qw, norm_words(a.text), norm_words(text[a.span[0] : a.span[0] + 12 * len(qw) + 40]))
        if a.kind != "direct":
            s *= 0.95
        k = (s, 0 if 0 <= title_end < a.span[0] else -1)
        if s > 0 and k > key:
            best, score, key = a, s, k
    return best, score


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="only the first N questions")
    ap.add_argument("--show-failures", type=int, default=0)
    ap.add_argument("--kinds", default="", help="only show failures of these kinds (comma list)")
    args = ap.parse_args()

    arts = {a["id"]: a for a in map(json.loads, open(args.data / "articles.jsonl"))}
    qs = [q for q in map(json.loads, open(args.data / "questions.jsonl")) if q.get("kind") == "who_said"]
    if args.limit:
        qs = qs[: args.limit]
    need = sorted({e for q in qs for e in q["evidence"]})

    nlp = load_nlp()
    find_attributions("Warm up, he said.", nlp)
    results: dict[str, list[Attribution]] = {}
    t0 = time.perf_counter()
    chars = 0
    for aid in need:
        text = arts[aid]["text"]
        chars += len(text)
        results[aid] = find_attributions(text, nlp)
    dt = time.perf_counter() - t0

    right = 0
    kinds: collections.Counter[str] = collections.Counter()
    failures: list[tuple[str, dict, Attribution | None, float]] = []
    for q in qs:
        qw = question_words(q["question"])
        attrs = results[q["evidence"][0]]
        a, score = best_attribution(qw, attrs, arts[q["evidence"][0]]["text"])
        ans = q["answers"][0].lower()
        if a is None or score < 0.5:
            kind = "no_match"
        elif ans in a.speaker_name.lower() or ans in a.speaker.lower():
            right += 1
            continue
        elif a.speaker_name.lower() in ("he", "she", "they", "it", "i", "we", "you"):
            kind = "unresolved_pronoun"
        elif a.speaker.lower() in ("he", "she", "they", "it", "i", "we", "you"):
            kind = "wrong_pronoun_resolution"
        elif a.method == "context":
            kind = "wrong_context_inherit"
        elif a.kind == "according_to":
            kind = "wrong_according_to"
        elif a.kind == "indirect":
            kind = "matched_indirect"
        else:
            kind = "wrong_frame_speaker"
        kinds[kind] += 1
        failures.append((kind, q, a, score))

    n = len(qs)
    print(f"questions: {n}  articles: {len(need)}  chars: {chars}")
    print(f"accuracy: {right / n:.3f}  ({right}/{n})")
    print(f"no matching attribution: {kinds['no_match']}")
    print("failure kinds:")
    for k, c in kinds.most_common():
        print(f"  {k:28s} {c}")
    print(
        f"time: {dt:.2f}s  per article: {1000 * dt / len(need):.1f} ms  "
        f"throughput: {len(need) / dt:.1f} articles/s  {1000 * dt / (chars / 1000):.2f} ms per 1,000 chars"
    )

    show_kinds = set(filter(None, args.kinds.split(",")))
    shown = 0
    for kind, q, a, score in failures:
        if shown >= args.show_failures:
            break
        if show_kinds and kind not in show_kinds:
            continue
        shown += 1
        print("-" * 80)
        print(f"[{kind}] gold={q['answers'][0]} ({q['speaker'][:60]}) | {q['evidence'][0]}")
        print(f"  Q: {q['quote'][:150]}")
        if a is not None:
            print(
                f"  got: speaker={a.speaker!r} name={a.speaker_name!r} cue={a.cue!r} kind={a.kind} "
                f"method={a.method} score={score:.2f}"
            )
            text = arts[q["evidence"][0]]["text"]
            ctx = text[max(0, a.span[0] - 250) : a.span[1] + 150].replace("\n", " ¶ ")
            print(f"  ctx: {ctx}")


if __name__ == "__main__":
    main()
