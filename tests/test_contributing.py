"""CONTRIBUTING.md and the CI workflows stay true to the code they describe."""

from __future__ import annotations

import re

import yaml

from generator.cli import load_project, parser
from generator.mkdocs_plugin.config import GiljabiConfig
from tests.support import ROOT

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def workflow_commands(name: str) -> list[str]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return [step["run"].strip() for job in workflow["jobs"].values() for step in job.get("steps", []) if "run" in step]


def test_contributing_covers_every_option_and_allowed_domain() -> None:
    for name, _option in GiljabiConfig._schema:
        if name.startswith(("links_", "review_", "phone_")):  # the options editors meet, in their guide
            assert f"`{name}`" in CONTRIBUTING, name
        else:  # the others, for developers
            assert re.search(rf"`[^`]*\b{name}\b[^`]*`", README), name
    for domain in load_project(ROOT / "mkdocs.yml").options.links_allowed_domains:
        assert domain in CONTRIBUTING, domain


def test_contributing_covers_every_command() -> None:
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) == {"check", "new", "schema", "reference"}
    for command in commands:
        assert f"python -m generator {command}" in CONTRIBUTING, command
    for command in ("./dev check", "./dev build", "./dev serve", "./dev test", "--format json", "generator new", "generator schema"):
        assert command in CONTRIBUTING, command


def test_pull_requests_run_check_build_and_tests_as_the_readme_says() -> None:
    runs = workflow_commands("pr.yml")
    assert runs[-3:] == ["./dev check", "./dev build", "bash .ci/run"]
    for command in ("./dev check", "./dev build", "bash .ci/run"):
        assert command in README, command
    assert "./dev test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_deploy_checks_and_builds_main_then_publishes_site() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}  # YAML 1.1 reads `on` as true
    assert workflow_commands("deploy.yml")[-2:] == ["./dev check", "./dev build"]
    upload = [s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload and upload[0]["with"]["path"] == "site/"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
