"""Bytes to text: UTF-8 first, Windows-1252 as a warned fallback, clear errors for everything else."""

from __future__ import annotations

import re

from ..errors import ContentError
from ..model import Diagnostic, Level

# Signatures of common binary formats that end up in content folders by mistake.
BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
)
UTF16_BOMS: tuple[bytes, ...] = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = b"\xef\xbb\xbf"


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def decode_bytes(data: bytes, path: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """Decode a content file, normalising line endings to ``\\n`` and dropping a UTF-8 BOM.

    Raises :class:`ContentError` for empty, binary, UTF-16 or NUL-containing input.
    """
    if not data.strip():
        raise ContentError("empty file", path, 1, 1, "empty-file")
    if data.startswith(UTF16_BOMS):
        raise ContentError("file is UTF-16; re-save it as UTF-8", path, 1, 1, "utf16")
    if data.startswith(BINARY_SIGNATURES):
        raise ContentError("binary file, not text", path, 1, 1, "binary")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(data, nul)
        if data.count(b"\x00") > 8:
            raise ContentError("binary file, not text", path, line, col, "binary")
        raise ContentError(f"NUL byte at {line}:{col}", path, line, col, "nul-byte")
    warnings: tuple[Diagnostic, ...] = ()
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            name = "Windows-1252"
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; Latin-1 maps every byte, so this cannot fail.
            text = data.decode("latin-1")
            name = "Latin-1"
        warnings = (Diagnostic(path, 0, Level.WARNING, f"not UTF-8, decoded as {name}", code="encoding"),)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    m = FORBIDDEN_CHARS.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        warnings += (
            Diagnostic(
                path,
                line,
                Level.WARNING,
                f"control character U+{ord(m.group()):04X} removed (first at {line}:{col})",
                col,
                "control-char",
            ),
        )
        text = clean_text(text)
    return text, warnings


FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
"""Characters that HTML forbids and XML 1.0 cannot carry: C0/C1 controls (bar tab and newline), noncharacters."""
_AS_SPACE = str.maketrans({"\x0b": " ", "\x0c": " "})


def clean_text(text: str) -> str:
    """``text`` without forbidden characters; vertical tab and form feed (Word's breaks) become spaces."""
    return FORBIDDEN_CHARS.sub("", text.translate(_AS_SPACE))
