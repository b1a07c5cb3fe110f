"""Lexicons (trigger words, cues, titles, word classes) read from `data/lexicons/*.tsv`.

A pattern is a space-separated sequence of token tests matched against a word's folded form
or its lemma: `telefonat*` (prefix), `*abkommen` (suffix, for compounds), `a|b`
(alternatives), `auf$` (the word ends its clause, as a separable particle does),
`=werde` (that form only, not a word whose lemma it is: "wurde" is not "werden"), `..`
(a gap of up to MAX_GAP tokens), `...` (up to LONG_GAP, for a particle after a long
list) and `..N` (up to N tokens). Keeping them as data lets a linguist grow coverage without touching code.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from geokg.extract.model import EventType
from geokg.extract.text import Token, fold
from geokg.resources import LEXICON_DIR

MAX_GAP = 14  # tokens; German puts a verb's particle or participle far from its stem
LONG_GAP = 40  # `...`: a separable particle at the end of a long clause ("kamen … zusammen")


@dataclass(frozen=True)
class TokenTest:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    at_clause_end: bool = False  # `auf$`: a separable particle closes its clause
    form_only: bool = False  # `=werde|werden`: the word as written, not its lemma ("wurde")

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The same test over a newline-joined list of forms, to skip a pattern at once when
        no word of a sentence can start it (most patterns, for most sentences)."""
        parts = [re.escape(e) + "$" for e in self.exact] + [re.escape(p) for p in self.prefixes]
        parts += [r"[^\n]*" + re.escape(x) + "$" for x in self.suffixes]
        return re.compile("^(?:" + "|".join(parts) + ")", re.MULTILINE)

    def __call__(self, token: Token) -> bool:
        for form in (token.key,) if self.form_only else (token.key, token.lemma):
            if form in self.exact or form.startswith(self.prefixes) or (
                    self.suffixes and form.endswith(self.suffixes)):
                return True
        return False


@dataclass(frozen=True)
class Pattern:
    source: str
    steps: tuple[TokenTest | int | None, ...]  # None or an int = a gap of up to that many tokens

    @property
    def words(self) -> int:
        """How many words the pattern spells out (its gaps not counted)."""
        return sum(isinstance(step, TokenTest) for step in self.steps)

    def find(self, tokens: list[Token], forms: str | None = None) -> list[tuple[int, int]]:
        """Every (first, last) token index pair where the pattern matches, left to right.

        `forms` (see `sentence_forms`) lets the caller skip patterns that cannot start."""
        hits: list[tuple[int, int]] = []
        first_test = self.steps[0]
        assert isinstance(first_test, TokenTest)
        if forms is not None and not first_test.regex.search(forms):
            return hits
        for i, token in enumerate(tokens):
            if first_test(token):
                end = self._match_rest(tokens, i + 1, 1)
                if end is not None:
                    hits.append((i, end))
        return hits

    def find_at(self, tokens: list[Token], positions: list[int]) -> list[tuple[int, int]]:
        """`find`, trying only the given start positions (from `StartIndex.starts`)."""
        first_test = self.steps[0]
        assert isinstance(first_test, TokenTest)
        hits = []
        for i in positions:
            if first_test(tokens[i]):
                end = self._match_rest(tokens, i + 1, 1)
                if end is not None:
                    hits.append((i, end))
        return hits

    def _match_rest(self, tokens: list[Token], pos: int, step: int) -> int | None:
        if step == len(self.steps):
            return pos - 1
        test = self.steps[step]
        if test is None or isinstance(test, int):
            gap = MAX_GAP if test is None else test
            nxt = self.steps[step + 1]
            assert isinstance(nxt, TokenTest)
            for j in range(pos, min(len(tokens), pos + gap + 1)):
                if nxt(tokens[j]) and (not nxt.at_clause_end or _closes_clause(tokens, j)):
                    end = self._match_rest(tokens, j + 1, step + 2)
                    if end is not None:
                        return end
            return None
        if pos < len(tokens) and test(tokens[pos]) and (
                not test.at_clause_end or _closes_clause(tokens, pos)):
            return self._match_rest(tokens, pos + 1, step + 1)
        return None


#: Words after which a new clause begins when they follow a clause-final particle: "rief …
#: bei Erdoğan an und verurteilte …" (a particle is never joined to a noun by them).
_COORDINATORS = frozenset({"und", "oder", "sowie", "aber", "doch", "sondern", "and", "or", "but"})


def _closes_clause(tokens: list[Token], index: int) -> bool:
    """Whether the word at `index` ends its clause: last word, punctuation or a coordinator
    next."""
    return index + 1 == len(tokens) or not tokens[index + 1].is_word or \
        tokens[index + 1].key in _COORDINATORS


class StartIndex:
    """Which patterns of a list can start at some word of a sentence, by dictionary lookups.

    Why: trying each of ~50 trigger patterns on each sentence was the largest part of
    reading events; a sentence's distinct words rule most of them out at once.
    """

    def __init__(self, patterns: list[Pattern]):
        self.exact: dict[str, set[int]] = defaultdict(set)
        self.prefixes: dict[str, set[int]] = defaultdict(set)
        self.suffixes: dict[str, set[int]] = defaultdict(set)
        for n, pattern in enumerate(patterns):
            first = pattern.steps[0]
            assert isinstance(first, TokenTest)
            for word in first.exact:
                self.exact[word].add(n)
            for prefix in first.prefixes:
                self.prefixes[prefix].add(n)
            for suffix in first.suffixes:
                self.suffixes[suffix].add(n)
        self.prefix_sizes = sorted({len(p) for p in self.prefixes})
        self.suffix_sizes = sorted({len(x) for x in self.suffixes})

    def starts(self, tokens: list[Token]) -> dict[int, list[int]]:
        """For each pattern (by index, in list order) that can start in the sentence, the
        token positions where its first word test may pass (checked again by `find_at`):
        scanning every token with every pattern was most of the time spent on triggers."""
        found: dict[int, list[int]] = defaultdict(list)
        for i, token in enumerate(tokens):
            here: set[int] = set()
            for form in {token.key, token.lemma}:
                here.update(self.exact.get(form, ()))
                for size in self.prefix_sizes:
                    if size > len(form):
                        break
                    here.update(self.prefixes.get(form[:size], ()))
                for size in self.suffix_sizes:
                    if size > len(form):
                        break
                    here.update(self.suffixes.get(form[-size:], ()))
            for n in here:
                found[n].append(i)
        return dict(sorted(found.items()))


def sentence_forms(tokens: list[Token]) -> str:
    """Every folded form and lemma of a sentence, one per line, for `Pattern.find`."""
    return "\n".join({form for t in tokens for form in (t.key, t.lemma)})


def compile_pattern(source: str) -> Pattern:
    steps: list[TokenTest | int | None] = []
    for part in source.split():
        if part in ("..", "..."):
            steps.append(None if part == ".." else LONG_GAP)
            continue
        if part.startswith("..") and part[2:].isdigit():  # `..3`: a gap of up to 3 tokens
            steps.append(int(part[2:]))
            continue
        at_end = part.endswith("$")
        form_only = part.startswith("=")
        options = [fold(o) for o in part.lstrip("=").rstrip("$").split("|") if o]
        steps.append(TokenTest(
            exact=frozenset(o for o in options if "*" not in o),
            prefixes=tuple(o[:-1] for o in options if o.endswith("*") and len(o) > 1),
            suffixes=tuple(o[1:] for o in options if o.startswith("*") and len(o) > 1),
            at_clause_end=at_end,
            form_only=form_only,
        ))
    if not steps or not isinstance(steps[0], TokenTest) or not isinstance(steps[-1], TokenTest):
        raise ValueError(f"pattern must start and end with a word: {source!r}")
    return Pattern(source, tuple(steps))


@dataclass(frozen=True)
class Trigger:
    type: EventType
    pattern: Pattern
    flags: frozenset[str]


@dataclass
class Lexicon:
    lang: str
    triggers: list[Trigger] = field(default_factory=list)
    cues: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    support_kinds: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    titles: dict[tuple[str, ...], tuple[tuple[str, ...], str | None]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    _word_tests: dict[str, TokenTest] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def trigger_starts(self) -> StartIndex:
        return StartIndex([t.pattern for t in self.triggers])

    def word_class(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def word_test(self, name: str) -> TokenTest:
        """A word class whose members may be `x*` prefixes or `*x` suffixes ("*lieferungen"
        for German compounds), read as one token test of the pattern language."""
        if name not in self._word_tests:
            test = compile_pattern("|".join(sorted(self.word_class(name))) or "-").steps[0]
            assert isinstance(test, TokenTest)
            self._word_tests[name] = test
        return self._word_tests[name]

    @cached_property
    def title_starts(self) -> frozenset[str]:
        """First words of every title, so most tokens are ruled out with one lookup."""
        return frozenset(key[0] for key in self.titles)


@lru_cache(maxsize=4)
def load_lexicon(lang: str, folder: Path = LEXICON_DIR) -> Lexicon:
    lex = Lexicon(lang)
    for row in _rows(folder / "triggers.tsv", lang):
        lex.triggers.append(Trigger(EventType(row["type"]), compile_pattern(row["pattern"]),
                                    frozenset(_split(row.get("flags") or "", ","))))
    for row in _rows(folder / "cues.tsv", lang):
        for source in _split(row["patterns"], ";"):
            lex.cues[row["kind"]].append(compile_pattern(source))
    for row in _rows(folder / "support_kinds.tsv", lang):
        for source in _split(row["patterns"], ";"):
            lex.support_kinds[row["kind"]].append(compile_pattern(source))
    for row in _rows(folder / "titles.tsv", lang):
        key = tuple(fold(w) for w in row["title"].replace("-", " - ").split())
        lex.titles[key] = (tuple(_split(row["roles"], "|")), row.get("state") or None)
    for row in _rows(folder / "words.tsv", lang):
        lex.words[row["class"]] = frozenset(fold(w) for w in _split(row["words"], "|"))
    # a sum in any currency is money supplied ("70 million yuan"): the currencies are listed
    # once, in words.tsv, where the value of other goods is also read from them
    if lex.word_class("currency"):
        lex.support_kinds["money"].append(compile_pattern("|".join(sorted(lex.word_class("currency")))))
    return lex


def _rows(path: Path, lang: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [row for row in reader if row["lang"] == lang]


def _split(cell: str, sep: str) -> list[str]:
    return [p.strip() for p in cell.split(sep) if p.strip()]
