"""Name cleaning and merging for speaker resolution.

"Mr. Trump" / "Trump" / "Donald J. Trump" all refer to one person; an article
normally introduces a person once with the full name and then uses the surname.
`NameIndex` keeps the person names seen in an article (in order) and maps a
short or titled mention to the fullest compatible name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Honorifics and job titles that may precede a name ("Sen. Ted Cruz",
# "President Barack Obama"); they are not part of the name.
TITLES: frozenset[str] = frozenset(
    t.lower()
    for t in (
        "Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame Lord Lady Rev Rev. Fr Fr. "
        "Sen Sen. Senator Rep Rep. Representative Gov Gov. Governor Lt Lt. Gen Gen. General "
        "Col Col. Capt Capt. Maj Maj. Sgt Sgt. Adm Adm. Cmdr Cmdr. Pres Pres. President "
        "Vice Secretary Sec Sec. Minister Prime Chancellor Judge Justice Chief Speaker Mayor "
        "Ambassador Attorney Commissioner Congressman Congresswoman Councilman Councilwoman "
        "Pope King Queen Prince Princess Sheikh Rabbi Bishop Cardinal Father Sister Brother "
        "Former Ex Candidate Nominee Leader Chairman Chairwoman Chair Director Professor "
        "Officer Detective Sheriff Deputy State Assemblyman Assemblywoman Delegate Lawmaker "
        "Democrat Republican Democratic Sens. Reps. Gov.-elect Premier Foreign Defense Defence"
    ).split()
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def clean_name(name: str) -> str:
    """Strip possessive, titles and stray punctuation: "Sen. Ted Cruz's" -> "Ted Cruz"."""
    name = _POSSESSIVE.sub("", name.strip()).strip(" ,.;:-—–\"“”‘’'()")
    parts = name.split()
    while len(parts) > 1 and parts[0].lower() in TITLES:
        parts.pop(0)
    return " ".join(parts)


def name_key(name: str) -> str:
    """The surname used to merge mentions (last token, ignoring Jr./III)."""
    parts = [p for p in clean_name(name).split() if p.lower().strip(",") not in _SUFFIXES]
    return parts[-1].lower().strip(".,") if parts else ""


@dataclass
class NameIndex:
    """Person names of one article in text order, for "fullest name" lookup."""

    # (char offset, cleaned name, lowered token set, surname key, first token lower, n tokens)
    names: list[tuple[int, str, frozenset[str], str, str, int]] = field(default_factory=list)
    _by_key: dict[str, list[int]] = field(default_factory=dict)  # surname -> indexes into names
    _by_first: dict[str, list[int]] = field(default_factory=dict)  # first name -> indexes
    _cache: dict[str, str] = field(default_factory=dict)  # unambiguous resolutions

    def add(self, pos: int, name: str) -> None:
        cleaned = clean_name(name)
        if not cleaned or not cleaned[0].isupper():
            return
        toks = cleaned.split()
        entry = (pos, cleaned, frozenset(t.lower().strip(".") for t in toks), name_key(cleaned), toks[0].lower(), len(toks))
        self._by_key.setdefault(entry[3], []).append(len(self.names))
        self._by_first.setdefault(entry[4], []).append(len(self.names))
        self.names.append(entry)
        self._cache.clear()

    def resolve(self, name: str, pos: int | None = None) -> str:
        """Fullest name in the article compatible with `name`.

        Compatible = same surname and the mention's tokens are a subset of the
        candidate's (so "Bill Clinton" never becomes "Hillary Clinton"); a
        lone first name ("Hillary") matches a full name starting with it.
        When several people share the surname, the one mentioned most
        recently before `pos` wins (the article is talking about that one).
        """
        if name in self._cache:
            return self._cache[name]
        cleaned = clean_name(name)
        if not cleaned:
            return name
        toks = cleaned.split()
        key = name_key(cleaned)
        lowered = {t.lower().strip(".") for t in toks}
        cands: list[tuple[int, str]] = []
        for k in self._by_key.get(key, ()):
            p, cand, clow, _, _, n = self.names[k]
            if n >= len(toks) and lowered <= clow:
                cands.append((p, cand))
        if len(toks) == 1:
            for k in self._by_first.get(toks[0].lower(), ()):
                p, cand, _, ckey, _, n = self.names[k]
                if n > 1 and ckey != key:
                    cands.append((p, cand))
        if not cands:
            return cleaned
        distinct = {c for _, c in cands}
        firsts = {c.split()[0].lower() for c in distinct if len(c.split()) > 1}
        if len(firsts) <= 1 and len({name_key(c) for c in distinct}) <= 1:
            best = max(distinct, key=lambda c: (len(c.split()), len(c)))
            self._cache[name] = best
            return best
        if pos is not None:
            # several people share the surname: prefer the most recent before pos
            before = [(p, c) for p, c in sorted(cands) if p <= pos and len(c.split()) > 1]
            if before:
                first = before[-1][1].split()[0]
                same = [c for c in distinct if c.split()[0] == first]
                return max(same, key=lambda c: (len(c.split()), len(c)))
        return max(distinct, key=lambda c: (len(c.split()), len(c)))


def canonical_map(names: list[str]) -> dict[str, str]:
    """Map each name to the fullest compatible name in the list."""
    idx = NameIndex()
    for i, n in enumerate(names):
        idx.add(i, n)
    return {n: idx.resolve(n) for n in names}
