"""Docs cannot drift: the CLI reference is generated from --help, every command has help and docs."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from cogapp import Cog

from kg.cli import main
from kg.config import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_reference_is_current() -> None:
    status = Cog().main(["cog", "--check", str(PROJECT_ROOT / "docs" / "cli.md")])
    assert status == 0, "docs/cli.md is stale: run `.venv/bin/cog -r docs/cli.md`"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    command = main.commands[name]
    assert command.help and len(command.help.strip()) > 20, name
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert f"kg {name}" in README, f"README does not mention `kg {name}`"
    for param in command.params:
        if param.param_type_name == "option" and not param.hidden:
            assert param.help, f"kg {name} {param.opts[0]} has no help"
