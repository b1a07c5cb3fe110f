"""Docs that cannot drift: every setting and every CLI command is in the README, and the
README names no setting the code does not have."""

from __future__ import annotations

import re
from dataclasses import fields

from click.testing import CliRunner

from geokg import PROJECT_ROOT
from geokg.cli import main
from geokg.config import SETTINGS_DOC, Settings

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def _settings_table() -> set[str]:
    """The variables of the README's settings table (its rows start with `GEOKG_…`)."""
    section = README.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(GEOKG_[A-Z_]+)` \|", section, re.MULTILINE))


def test_every_setting_has_a_variable_and_documentation() -> None:
    assert {f.name for f in fields(Settings)} == set(SETTINGS_DOC)
    for name, (variable, doc) in SETTINGS_DOC.items():
        assert variable == f"GEOKG_{name.upper()}" and doc.strip(), name


def test_the_readme_settings_table_is_the_settings_of_the_code() -> None:
    in_code = {variable for variable, _ in SETTINGS_DOC.values()}
    in_readme = _settings_table()
    assert in_code - in_readme == set(), "settings missing from the README table"
    assert in_readme - in_code == set(), "README table rows without a setting"


def _cli_commands() -> list[str]:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    listing = result.output.split("Commands:", 1)[1]
    return re.findall(r"^  (\S+)", listing, re.MULTILINE)


def test_every_cli_command_is_documented_in_the_readme() -> None:
    commands = _cli_commands()
    assert {"serve", "ingest", "query", "dump", "load", "eval"} <= set(commands)
    missing = [c for c in commands if not re.search(rf"\bgeokg {re.escape(c)}\b", README)]
    assert missing == []
