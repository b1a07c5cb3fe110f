"""What a client's SPARQL text may ask of the server, decided before any engine sees it.

Two questions are answered here, each with the tool that can answer it:

* **How deep and how long is it?** Oxigraph's parser and evaluator recurse once per
  nesting level and per chained operator; a query of 3,000 nested groups or 20,000 `!`
  overflows a thread's stack and kills the process. `measure` reads the tokens of the text
  (strings, IRIs and comments skipped) and `check_limits` refuses what passes
  GEOKG_MAX_QUERY_DEPTH or GEOKG_MAX_QUERY_OPERATORS with a 400 that names the setting.
  The store engine runs queries on very large thread stacks as well, so a text that fooled
  this count still cannot crash it (`geokg.store.engine_process`).
* **Does it call the store's own extensions?** A Virtuoso store (GEOKG_REMOTE_DIALECT)
  runs `bif:` and `sql:` functions (its anonymous SPARQL user may call `bif:http_get`,
  which fetches any URL) and DEFINE/OPTION pragmas (which make it fetch FROM graphs):
  `check_extensions` refuses every text that names them, in an IRI, a prefixed name or a
  prefix declaration, with its escapes read either way.
* **Does it make the server fetch a URL?** (`SERVICE`, `LOAD`). Answered by a real SPARQL
  parser (rdflib's), whose tree names each SERVICE with its endpoint resolved against BASE
  and the prefixes. A text the parser cannot read is refused (fail closed), and so is one
  where the parser's count disagrees with `fetch_keywords`, which counts the keyword's
  letters everywhere but inside strings, IRIs, variables, blank node labels, language tags
  and the local part of prefixed names: Oxigraph matches keywords letter by letter with no
  word boundary (`1SERVICE`, `SERVICESILENT<…>` and `LOADSILENT<…>` are SERVICE and LOAD to
  it), and a comment is counted too, since where a comment starts is what a reader can be
  fooled about (`ex:a\\#b`). rdflib's parser is slow (10-40 ms for a short query), so it
  runs only when `may_fetch` finds the letters s-e-r-v-i-c-e or l-o-a-d in a row, in any
  case, in the text as written or with its `\\u` escapes expanded. That test is a proof,
  not a guess: Oxigraph reads SERVICE and LOAD only as those seven or four letters in a row
  (ASCII case-insensitive, escapes read either way), and nothing else in SPARQL makes it
  fetch. The engine process has no network either (`geokg.store.sandbox`): a text that
  fooled every view still fetches nothing there; the `memory` store runs in such an
  engine as well when served.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from geokg.config import Settings
from geokg.errors import ExtensionRefused, QueryTooComplex, RefusedUpdate, ServiceRefused

#: SPARQL's code point escapes. The grammar's note (§19.2) says they apply to the whole text;
#: Oxigraph, like Turtle, reads them only inside strings and IRIs, and rdflib everywhere.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_UCHAR = r"(?:\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_NAME_START = r"[^\W\d_]"
#: The terminals of the SPARQL 1.1 grammar (§19.8) that can hide brackets, operators or
#: keywords; whatever else is read one punctuation mark or one word at a time.
_TOKEN = re.compile(rf"""
    (?P<space>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)
  | (?P<var>[?$]\w+)
  | (?P<bnode>_:\w(?:[\w.\-]*[\w\-])?)
  | (?P<pname>(?:{_NAME_START}(?:[\w.\-]*[\w\-])?)?:
               (?:(?:[\w:]|{_PLX})(?:(?:[\w.:\-]|{_PLX})*(?:[\w:\-]|{_PLX}))?)?)
  | (?P<word>{_NAME_START}\w*)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<datatype>\^\^)
  | (?P<operator>&&|\|\||!=|<=|>=|[!^/|+\-*=<>?])
  | (?P<open>[{{(\[]) | (?P<close>[}})\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
#: Separators of object lists (`,`) and predicate lists (`;`): Oxigraph's parser recurses
#: once per item (12,000 commas crashed a web worker), so each counts as an operator.
_LIST_SEPARATORS = frozenset({",", ";"})
#: Keywords that each add one level to the algebra Oxigraph builds and walks recursively.
_GROUP_KEYWORDS = frozenset({"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "SERVICE", "GRAPH"})
#: The letters of the keywords that make an engine fetch a URL, with no word boundary:
#: Oxigraph's parser matches a keyword as so many letters in a row, whatever precedes or
#: follows them (`1SERVICE`, `SERVICESILENT`, `LOADSILENT<…>`). IGNORECASE also matches a
#: few non-ASCII look-alikes (`ſ`, the Kelvin sign): more texts parsed, never fewer.
_FETCH_LETTERS = re.compile(r"service|load", re.IGNORECASE)
#: Tokens whose letters Oxigraph never reads as a keyword: each is one greedy terminal of
#: the grammar. A prefixed name's prefix is not among them (`SERVICE:x {` is read as
#: `SERVICE :x {` when that is the only way to parse it).
_OPAQUE = frozenset({"space", "string", "iri", "var", "bnode", "langtag"})


@dataclass(frozen=True)
class Measure:
    """How deeply a SPARQL text nests and how many operators it chains."""

    depth: int  # deepest nesting of { ( [
    operators: int  # operators, path steps, group keywords, list separators (, ;)


@dataclass(frozen=True)
class Service:
    """One SERVICE clause as the parser read it: the endpoint IRI (None for a variable)."""

    endpoint: str | None
    silent: bool


def expand_escapes(text: str) -> str:
    """The text with `\\uXXXX` / `\\UXXXXXXXX` replaced, as every SPARQL parser reads it."""
    def expand(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _ESCAPE.sub(expand, text) if "\\u" in text or "\\U" in text else text


@dataclass(frozen=True)
class Token:
    kind: str  # a group name of _TOKEN: iri, string, var, pname, word, open, close, ...
    text: str
    start: int
    end: int


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens of a SPARQL text as Oxigraph reads it (escapes only inside
    strings and IRIs); comments and white space are skipped."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group(), match.start(), match.end())


def measure(text: str) -> Measure:
    """Depth and operator count of a SPARQL text (query or update)."""
    depth = deepest = operators = 0
    for token in tokens(text):
        kind = token.kind
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "operator" or token.text in _LIST_SEPARATORS:
            operators += 1
        elif kind == "word":
            operators += token.text.upper() in _GROUP_KEYWORDS
    return Measure(deepest, operators)


def fetch_keywords(text: str) -> dict[str, int]:
    """How often SERVICE and LOAD may stand in the text as a keyword, counted generously:
    their letters anywhere outside strings, IRIs, variables, blank node labels, language
    tags and the local part of prefixed names (comments included; see the module doc)."""
    found = {"SERVICE": 0, "LOAD": 0}
    for match in _TOKEN.finditer(text):
        kind, part = match.lastgroup or "other", match.group()
        if kind in _OPAQUE:
            continue
        if kind == "pname":
            part = part.partition(":")[0]
        for letters in _FETCH_LETTERS.findall(part):
            found["SERVICE" if len(letters) == 7 else "LOAD"] += 1
    return found


def _readings(text: str) -> list[str]:
    """The text as Oxigraph may read it (escapes in strings and IRIs only) and as rdflib
    does (escapes expanded everywhere)."""
    expanded = expand_escapes(text)
    return [text] if expanded == text else [text, expanded]


def check_limits(text: str, settings: Settings, what: str = "query") -> None:
    """Refuse a text that nests or chains more than the settings allow (QueryTooComplex),
    or that calls the store's own extensions (`check_extensions`).

    Most texts are decided by counting characters, which bounds both figures from above at
    a few microseconds; only a text over a bound is read token by token (about 0.2 ms a KB).
    """
    if len(text) > settings.max_query_length:
        raise QueryTooComplex(f"the {what} has {len(text)} characters, more than "
                              f"GEOKG_MAX_QUERY_LENGTH={settings.max_query_length}")
    if settings.store.startswith("sparql:") and settings.remote_dialect == "virtuoso":
        check_extensions(text, what)
    upper = text.upper()
    depth_bound = text.count("{") + text.count("(") + text.count("[")
    operator_bound = (sum(map(text.count, "!^/|+-*=<>?&,;"))
                      + sum(map(upper.count, _GROUP_KEYWORDS)))
    if depth_bound <= settings.max_query_depth and operator_bound <= settings.max_query_operators:
        return
    found = measure(text)
    if found.depth > settings.max_query_depth:
        raise QueryTooComplex(
            f"the {what} nests groups and brackets {found.depth} deep, more than "
            f"GEOKG_MAX_QUERY_DEPTH={settings.max_query_depth}; write it flatter")
    if found.operators > settings.max_query_operators:
        raise QueryTooComplex(
            f"the {what} chains {found.operators} operators, property-path steps, group "
            f"keywords and list separators (, ;), more than "
            f"GEOKG_MAX_QUERY_OPERATORS={settings.max_query_operators}; "
            "split it into smaller queries")


#: Virtuoso's namespaces of built-in SQL functions and its pragma keywords.
_EXTENSION_SCHEMES = ("bif:", "sql:")
_EXTENSION_WORDS = frozenset({"DEFINE", "OPTION"})


def check_extensions(text: str, what: str = "query") -> None:
    """Refuse a text that names a Virtuoso extension (ExtensionRefused): an IRI or prefixed
    name in `bif:` or `sql:` (`<bif:http_get>`, `PREFIX b: <bif:>`, `sql:x`), or the pragma
    keywords DEFINE and OPTION. Strings and comments are not looked at."""
    for view in {text, expand_escapes(text)}:
        for token in tokens(view):
            found = ""
            if token.kind == "iri":
                iri = expand_escapes(token.text[1:-1]).strip().lower()
                found = token.text if iri.startswith(_EXTENSION_SCHEMES) else ""
            elif token.kind == "pname":
                found = token.text if token.text.lower().startswith(_EXTENSION_SCHEMES) else ""
            elif token.kind == "word" and token.text.upper() in _EXTENSION_WORDS:
                found = token.text
            if found:
                raise ExtensionRefused(
                    f"the {what} uses {found}, an extension of the Virtuoso store (its bif:/sql: "
                    "functions and DEFINE/OPTION pragmas can read files and fetch URLs); geokg "
                    "passes on SPARQL 1.1 only")


def may_fetch(text: str) -> bool:
    """False only when the text cannot hold a SERVICE or LOAD keyword at all: the letters
    of neither stand in a row, in any case, whether its escapes are read where Oxigraph
    reads them or everywhere (as rdflib does)."""
    return any(_FETCH_LETTERS.search(view) for view in _readings(text))


def services_in(query: str, *, base: str | None = None) -> list[Service]:
    """The outermost SERVICE clauses of a query, in text order, as the parser reads them.

    Raises ServiceRefused when the text holds the letters of SERVICE or LOAD but cannot be
    checked: the parser rejects it, or its tree and `fetch_keywords` (of either reading of
    the escapes) disagree; a text read one way by us and another way by an engine is the
    trick of a request forgery.
    """
    if not may_fetch(query):
        return []
    tree = _parse(query, update=False)
    parsed = len(_nodes(tree, "ServiceGraphPattern"))
    for view in _readings(query):
        if (written := fetch_keywords(view)["SERVICE"]) != parsed:
            raise ServiceRefused(
                f"the letters SERVICE stand {written} time(s) outside strings, IRIs and "
                f"variables but the parser reads {parsed} SERVICE clause(s); a text that can "
                "be read two ways is not run (keep the word out of comments, prefix names "
                "and other words)")
    prologue, body = tree[0], tree[1]
    names = _Names(prologue, base)
    return [Service(names.iri(node["term"]), "silent" in node)
            for node in _nodes(body, "ServiceGraphPattern", outermost=True)]


def check_update(update: str, settings: Settings) -> None:
    """Refuse an update over the limits, or one that could make the server fetch a URL."""
    check_limits(update, settings, "update")
    if not may_fetch(update):
        return
    counts = [fetch_keywords(view) for view in _readings(update)]
    named = [word for word in ("LOAD", "SERVICE") if any(count[word] for count in counts)]
    if not named:
        try:
            tree = _parse(update, update=True)
        except ServiceRefused as exc:
            raise RefusedUpdate(str(exc)) from None
        named = [word for word, node in (("LOAD", "Load"), ("SERVICE", "ServiceGraphPattern"))
                 if _nodes(tree, node)]
    if named:
        raise RefusedUpdate(f"{' and '.join(named)} is not allowed in updates: it makes the "
                            "server fetch a URL; send the data itself (INSERT DATA, or PUT/POST "
                            "to /store)")


# --- the parser's view ---------------------------------------------------------------

#: rdflib's parser runs on a thread of its own. Why: pyparsing keeps exceptions whose frames
#: link back (f_back) to the caller's frames; on a request thread those frames would later
#: hold the request's pyoxigraph result in a reference cycle, and the collector could drop
#: it on another thread, which pyoxigraph forbids. One thread also bounds the CPU it takes.
_CHECKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="geokg-sparql-check")


def _parse(text: str, *, update: bool) -> Any:
    tree, failure, message = _CHECKER.submit(_parse_on_checker, text, update).result()
    if failure == "recursion":
        raise QueryTooComplex("the text uses the word SERVICE or LOAD, and the server's SPARQL "
                              "checker recursed too deeply reading it (nested SERVICE clauses "
                              "or more than about 30 levels of nesting); write it flatter")
    if failure:
        raise ServiceRefused("the text uses the word SERVICE or LOAD and the server's SPARQL "
                             f"checker could not read it, so it is not run ({message})")
    return tree


def _parse_on_checker(text: str, update: bool) -> tuple[Any, str, str]:
    """(tree, "", "") or (None, failure kind, message); no exception leaves this thread."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return (parseUpdate(text) if update else parseQuery(text)), "", ""
    except RecursionError:
        return None, "recursion", ""
    except Exception as exc:  # noqa: BLE001 - pyparsing's errors share no useful base
        return None, "unreadable", f"{type(exc).__name__}: {str(exc)[:200]}"


def _nodes(tree: Any, name: str, *, outermost: bool = False) -> list[Any]:
    """Every node called `name` in a parse tree, in text order (iterative: trees are deep)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    found: list[Any] = []
    pending: list[Any] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, CompValue):
            if node.name == name:
                found.append(node)
                if outermost:
                    continue
            pending.extend(reversed(list(node.values())))
        elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            pending.extend(reversed(list(node)))
    return found


class _Names:
    r"""IRIs as the query's prologue makes them: BASE and PREFIX applied, `\` escapes of
    local names removed (§4.1.1), relative IRIs resolved (RFC 3986)."""

    def __init__(self, prologue: Any, base: str | None):
        self.base = base or ""
        self.prefixes: dict[str, str] = {}
        for decl in prologue:
            if decl.name == "Base":
                self.base = self.iri(decl["iri"]) or ""
            elif decl.name == "PrefixDecl":
                self.prefixes[_field(decl, "prefix")] = self.iri(decl["iri"]) or ""

    def iri(self, term: Any) -> str | None:
        from rdflib.term import URIRef, Variable

        if isinstance(term, Variable):
            return None
        if isinstance(term, URIRef):
            return urljoin(self.base, str(term)) if self.base else str(term)
        prefix = _field(term, "prefix")
        if prefix not in self.prefixes:
            raise ServiceRefused(f"the prefix {prefix!r} of a SERVICE endpoint is not declared")
        local = re.sub(r"\\(.)", r"\1", _field(term, "localname"))
        return self.prefixes[prefix] + local


def _field(node: Any, name: str) -> str:
    """A parse tree node's text field, "" when absent (CompValue.get answers the key's own
    name for a missing key)."""
    return str(node[name]) if name in node else ""
