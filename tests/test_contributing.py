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


def test_contributing_names_every_editor_option_and_copies_no_allow_list() -> None:
    """Adding an official site or phone number is a change to mkdocs.yml alone: CONTRIBUTING says
    where the lists are and holds no copy of them that a second edit would have to keep true."""
    for name, _option in GiljabiConfig._schema:
        if name.startswith(("links_", "review_", "phone_")):  # the options editors meet, in their guide
            assert f"`{name}`" in CONTRIBUTING, name
        else:  # the others, for developers
            assert re.search(rf"`[^`]*\b{name}\b[^`]*`", README), name
    options = load_project(ROOT / "mkdocs.yml").options
    for allow_list in (options.links_allowed_domains, [str(n) for n in options.phone_numbers_allowed]):
        for line in CONTRIBUTING.splitlines():  # an example may name one; a copy of the list names several
            named = [item for item in allow_list if re.search(rf"(?<![\w.]){re.escape(item)}(?![\w])", line)]
            assert len(named) < 2, f"CONTRIBUTING.md copies part of an allow-list from mkdocs.yml: {line}"


def test_contributing_covers_every_command() -> None:
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) == {"check", "new", "schema", "reference"}
    for command in commands:
        assert f"python -m generator {command}" in CONTRIBUTING or f"./dev {command}" in CONTRIBUTING, command
    for command in ("./dev check", "./dev new", "./dev build", "./dev serve", "./dev test", "./dev preview", "--format json", "--format github"):
        assert command in CONTRIBUTING, command


def test_pull_requests_run_check_build_preview_and_tests_as_the_readme_says() -> None:
    runs = workflow_commands("pr.yml")
    assert runs[0].startswith("apt-get update")
    assert runs[1] == "./dev check --format github"
    assert runs[2] == "./dev build"
    assert "./dev preview --base FETCH_HEAD" in runs[3] and runs[-1] == "bash .ci/run"
    for command in ("./dev check", "./dev build", "./dev preview", "bash .ci/run"):
        assert command in README, command
    assert "./dev test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_deploy_checks_and_builds_main_every_push_and_every_week_then_publishes_site() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True] == {"push": {"branches": ["main"]}, "schedule": [{"cron": "0 21 * * 0"}], "workflow_dispatch": None}  # YAML 1.1 reads `on` as true
    assert workflow_commands("deploy.yml")[-2:] == ["./dev check", "./dev build"]
    upload = [s for s in workflow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload and upload[0]["with"]["path"] == "site/"
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_every_job_asks_only_for_the_permissions_it_needs() -> None:
    needs = {
        ("pr.yml", "check-build-test"): {"contents": "read"},
        ("deploy.yml", "build"): {"contents": "read"},
        ("deploy.yml", "deploy"): {"pages": "write", "id-token": "write"},
    }
    for name in ("pr.yml", "deploy.yml"):
        workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
        assert workflow["permissions"] == {}, name
        for job_name, job in workflow["jobs"].items():
            assert job["permissions"] == needs[(name, job_name)], (name, job_name)
