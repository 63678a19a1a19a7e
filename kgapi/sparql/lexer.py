"""A SPARQL 1.1 tokenizer that knows strings, IRIs and comments, for checks that run before any parser.

Why our own: the safety checks and the nesting bound must see every query
before an engine does, including queries only one engine accepts (RDF-star,
SPARQL 1.2 syntax), and rdflib's parser recurses (RecursionError at ~300
levels) while Oxigraph's overflows the Rust stack at a few thousand and slows
down super-linearly on nested ``[ ]``. A tokenizer is linear, cannot recurse,
and is all the checks need: in SPARQL a bare word that is not followed by ':'
is a keyword, so ``SERVICE`` can be found without parsing, and never inside a
string, an IRI, a comment, a variable or a prefixed name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import QuerySyntaxError

#: Deepest nesting of ( [ { << accepted; realistic queries stay under 15.
MAX_NESTING = 48
#: Longest run of unary ! / - / + operators (Oxigraph recurses on each).
MAX_UNARY_RUN = 32

_PN_CHARS_BASE = (r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
                  r"\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
                  r"\U00010000-\U000EFFFF")
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_PREFIX = rf"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL = (rf"(?:[{_PN_CHARS_U}:0-9]|{_PLX})"
             rf"(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?")

_TOKEN = re.compile(
    r"""
    (?P<ws>[ \t\r\n]+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      | '(?:[^'\\\r\n]|\\.)*'
      | "(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][""" + _PN_CHARS_U + r"""0-9][""" + _PN_CHARS_U + r"""0-9\u00B7\u0300-\u036F\u203F-\u2040]*)
  | (?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
  | (?P<bnode>_:[""" + _PN_CHARS_U + r"""0-9](?:[""" + _PN_CHARS + r""".]*[""" + _PN_CHARS + r"""])?)
  | (?P<pname>(?:""" + _PN_PREFIX + r""")?:(?:""" + _PN_LOCAL + r""")?)
  | (?P<number>(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct><<\(|\)>>|<<|>>|\{\||\|\}|\^\^|\|\||&&|!=|<=|>=|[{}()\[\];,.*/+\-=<>!|^?~])
    """,
    re.VERBOSE,
)

_OPEN = {"{": "}", "(": ")", "[": "]", "<<": ">>", "<<(": ")>>", "{|": "|}"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_UNARY = {"!", "-", "+"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # string, iri, var, lang, bnode, pname, number, word, punct
    text: str
    pos: int
    depth: int  # nesting depth before this token (brackets of any kind)

    @property
    def keyword(self) -> str | None:
        """The upper-cased keyword for a bare word, else None."""
        return self.text.upper() if self.kind == "word" else None


def line_col(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of offset ``pos``."""
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def _error(text: str, pos: int, message: str) -> QuerySyntaxError:
    line, col = line_col(text, pos)
    return QuerySyntaxError(f"SPARQL syntax error at line {line}, column {col}: {message}",
                            details={"line": line, "column": col})


def tokenize(text: str, *, max_nesting: int = MAX_NESTING) -> list[Token]:
    """Tokens without whitespace and comments; bounds nesting and unary runs as it goes.

    Raises :class:`QuerySyntaxError` (with line and column) for text that
    cannot be SPARQL: unterminated strings or IRIs, stray characters,
    unbalanced or too deeply nested brackets.
    """
    tokens: list[Token] = []
    stack: list[tuple[str, int]] = []
    unary_run = 0
    pos, end = 0, len(text)
    match = _TOKEN.match
    while pos < end:
        m = match(text, pos)
        if m is None:
            ch = text[pos]
            if ch in "'\"":
                raise _error(text, pos, "unterminated string")
            if ch == "<":
                raise _error(text, pos, "malformed IRI")
            raise _error(text, pos, f"unexpected character {ch!r}")
        kind = m.lastgroup
        value = m.group()
        if kind not in ("ws", "comment"):
            if kind == "punct" and value in _OPEN:
                if len(stack) >= max_nesting:
                    raise _error(text, pos, f"brackets nested deeper than {max_nesting} levels; "
                                            f"this endpoint does not run such queries")
                tokens.append(Token(kind, value, pos, len(stack)))
                stack.append((value, pos))
            elif kind == "punct" and value in _CLOSE:
                if not stack or stack[-1][0] != _CLOSE[value]:
                    raise _error(text, pos, f"unbalanced {value!r}")
                stack.pop()
                tokens.append(Token(kind, value, pos, len(stack)))
            else:
                tokens.append(Token(kind, value, pos, len(stack)))
            if kind == "punct" and value in _UNARY:
                unary_run += 1
                if unary_run > MAX_UNARY_RUN:
                    raise _error(text, pos, f"more than {MAX_UNARY_RUN} unary operators in a row")
            else:
                unary_run = 0
        pos = m.end()
    if stack:
        opener, at = stack[-1]
        raise _error(text, at, f"{opener!r} is never closed")
    return tokens
