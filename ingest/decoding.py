"""Bytes → text for the readers: byte-order marks, then strict UTF-8, then a detected legacy encoding.

Binary input (NUL bytes without a UTF-16/32 byte-order mark, or a PDF) is refused with a reason.
"""

from __future__ import annotations

import codecs

import charset_normalizer

# UTF-32 LE's mark starts with UTF-16 LE's, so UTF-32 is tried first.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Undeclared 8-bit text is most often Windows-1252 (a superset of Latin-1's printable characters,
# and what browsers assume). charset_normalizer judges short Western text poorly (it reads
# "Café à la crème" as cp1250, "naïve" as cp1006), so among the encodings it finds equally clean,
# this one wins.
WESTERN_DEFAULT = "cp1252"
WESTERN_MARGIN = 0.02  # how much more "chaos" (charset_normalizer's mess ratio) cp1252 may have and still win


class NotText(ValueError):
    """Bytes that are not text the readers can take, with the reason."""


def bytes_to_text(raw: bytes) -> str:
    """Decode `raw`, or raise NotText saying why it is not text."""
    if raw.startswith(b"%PDF-"):
        raise NotText("PDF is not supported")
    for mark, codec, name in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as error:
                raise NotText(f"not valid {name} text, although it starts with a {name} byte-order mark") from error
    if b"\x00" in raw:
        raise NotText("binary file, not text (found NUL bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return decode_legacy(raw)


def decode_legacy(raw: bytes) -> str:
    """Text in a single-byte or East Asian legacy encoding, as charset_normalizer detects it."""
    matches = charset_normalizer.from_bytes(raw)
    best = matches.best()
    if best is None:
        raise NotText("not text in any known encoding (is this a binary file?)")
    # "Renée Côté" in Latin-1, one sentence of a short article, read as Baltic DOS (cp775, chaos 0.0) over cp1252
    # (0.015), and was ingested as "Renķe C¶tķ" (an outside try): cp1252 wins when it is nearly as clean
    cleanest = [match for match in matches if match.chaos <= best.chaos + WESTERN_MARGIN]
    if any(WESTERN_DEFAULT in match.could_be_from_charset for match in cleanest):
        encoding = WESTERN_DEFAULT
    else:
        encoding = best.encoding
    return raw.decode(encoding, errors="replace")
