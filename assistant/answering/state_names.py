"""US states named in full in an answer to "which state …?".

News writes a state by its AP abbreviation after a city or in a lawmaker's party tag: "former Rep. George
Santos, R-N.Y.", "Albany, N.Y.", "Sen. Alex Padilla, D-Calif.", and party tags also take the postal code
("R-NY"). Asked "Which state held a special election to replace George Santos?", the answer sentence held the
state only as "R-N.Y.": a reader from elsewhere, or one who skims for the answer, does not see "New York" in it.

`with_state_names` writes the name after the first abbreviation the sentence uses in one of those two places
("R-N.Y. (New York)"), unless the sentence names the state already. The citation's quote and span stay as the
article has them: only the answer's text changes (as `full_names` does for people).
"""

from __future__ import annotations

import re

# AP style's state abbreviations (the eight states AP never abbreviates are written out in news text already)
AP_STATES = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}
POSTAL_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
_AP = "|".join(re.escape(abbreviation) for abbreviation in sorted(AP_STATES, key=len, reverse=True))
# a party tag ("R-N.Y.", "D-Calif.", "R-NY", "I-Vt.") or a city's state ("Albany, N.Y."); a postal code only in a
# party tag, where "IN" or "OR" can be nothing else
STATE_ABBREVIATION = re.compile(
    rf"\b[RDI]-(?P<tagged>{_AP}|[A-Z]{{2}}\b)|(?<=[a-z], )(?P<placed>{_AP})",
)


def with_state_names(sentence: str) -> str:
    """The sentence with the full name after its first state abbreviation: "Santos, R-N.Y. (New York)"."""
    for match in STATE_ABBREVIATION.finditer(sentence):
        abbreviation = match.group("tagged") or match.group("placed")
        name = AP_STATES.get(abbreviation) or POSTAL_STATES.get(abbreviation)
        if name is None:
            continue
        if name in sentence:
            return sentence
        rest = sentence[match.end() :]
        # "… Santos, R-N.Y." ends the sentence with the abbreviation's own dot: the sentence still ends with one
        return f"{sentence[: match.end()]} ({name}){rest if rest.strip() else '.'}"
    return sentence
