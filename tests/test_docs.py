"""The documentation names what exists: every path the README and CONTRIBUTING name is in the
repository, every stage folder and top-level module of the generator is in the README's table, and
every command is documented."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, run_cli

DOCS = ("README.md", "CONTRIBUTING.md")
NAMED = re.compile(r"`((?:generator|scripts|benchmarks|tests|schemas|datasets)/[^`\s*<>]*)`")


def named_paths(doc: str) -> set[str]:
    return set(NAMED.findall((REPO / doc).read_text(encoding="utf-8")))


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_the_docs_name_exists(doc: str) -> None:
    missing = sorted(p for p in named_paths(doc) if not (REPO / p).exists())
    assert not missing, f"{doc} names paths that do not exist: {missing}"


def test_readme_names_every_stage_folder_and_top_level_module() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    package = REPO / "generator"
    parts = [p for p in package.iterdir() if (p.is_dir() and (p / "__init__.py").exists())]
    parts += [p for p in package.glob("*.py") if p.name not in {"__init__.py", "__main__.py"}]
    missing = sorted(p.name for p in parts if f"`generator/{p.name}{'/' if p.is_dir() else ''}`" not in readme)
    assert not missing, f"the README's table of the code misses: {missing}"


def test_readme_names_every_module_of_every_stage() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = []
    for stage in ("model", "load", "validate", "export", "render", "site"):
        for module in sorted((REPO / "generator" / stage).glob("*.py")):
            if module.name != "__init__.py" and f"`{module.name}`" not in readme:
                missing.append(f"{stage}/{module.name}")
    assert not missing, f"the README's table of the code misses: {missing}"


COMMANDS = ("validate", "build", "pack", "template", "import", "synth", "release")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_and_has_chinese_help(command: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"python -m generator {command}" in readme
    code, out = run_cli(command, "--help")
    assert code == 0
    assert re.search(r"[\u4e00-\u9fff]", out), out


def command_line_block() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme.split("## The command line", 1)[1].split("```text", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_of_a_command_is_in_the_readmes_command_list(command: str) -> None:
    code, out = run_cli(command, "--help")
    assert code == 0
    options = set(re.findall(r"^\s+(--[a-z][a-z-]*)", out, flags=re.M)) - {"--help"}
    lines = [line for line in command_line_block().splitlines() if f"python -m generator {command} " in line]
    missing = sorted(o for o in options if not any(o in line for line in lines))
    assert not missing, f"README's command list misses options of {command}: {missing}"


def test_readme_names_the_settings_file_and_its_keys() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    keys = re.findall(r"^([a-z_]+) = ", (REPO / "site.toml").read_text(encoding="utf-8"), flags=re.M)
    assert keys, "site.toml has no keys"
    assert "`site.toml`" in readme
    missing = [k for k in keys if k not in readme]
    assert not missing, f"README does not explain these site.toml keys: {missing}"
