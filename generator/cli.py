"""`python -m generator check | new <id> | schema | reference`: the editors' commands.

Settings (link allow-list, review age, where content lives) are read from mkdocs.yml through MkDocs
itself, and `check` compiles the guides exactly as the site build does, through the same cache,
so the two can never disagree about what is allowed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .content import new_guide, reference
from .content.loader import display_path, guide_paths, read_guide
from .content.model import ID_PATTERN
from .content.policy import ContentPolicy
from .content.problems import ContentError, Problem, markdown_summary, summary
from .content.schema import modeline, schema_path, schema_text, write_schema
from .mkdocs_plugin.config import GiljabiConfig, content_policy
from .mkdocs_plugin.plugin import compile_site_guides

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called (not in the content): exit code 2."""


@dataclass(frozen=True)
class Project:
    root: Path
    content_dir: Path
    options: GiljabiConfig


def load_project(config_file: Path) -> Project:
    """The project's settings as MkDocs reads them, without building anything."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        raise UsageError(f"설정 파일 {config_file}을 찾지 못했습니다 — 저장소 맨 위 폴더에서 실행하거나 -f로 mkdocs.yml 위치를 알려 주세요")
    # MkDocs logs its own notes while loading; an editor running `check` only needs the verdict.
    mkdocs_log = logging.getLogger("mkdocs")
    level = mkdocs_log.level
    mkdocs_log.setLevel(logging.ERROR)
    try:
        config = load_config(config_file=str(config_file))
    except (ConfigurationError, Abort) as error:
        # MkDocs has already logged the detail (which key, what is wrong) as an error above.
        raise UsageError(f"{config_file}에 잘못된 설정이 있어 읽지 못했습니다 ({error}) — 위에 나온 설정 항목을 고쳐 주세요") from None
    finally:
        mkdocs_log.setLevel(level)
    plugin = config.plugins.get("giljabi")
    if plugin is None:
        raise UsageError(f"{config_file}의 plugins에 giljabi가 없습니다 — plugins 목록에 '- giljabi'를 넣어 주세요")
    return Project(root=config_file.resolve().parent, content_dir=Path(config.docs_dir), options=plugin.config)


def policy_for(project: Project) -> ContentPolicy:
    return content_policy(project.options, project.content_dir)


def run_check(project: Project) -> list[Problem]:
    """Every problem in every guide: schema, YAML, ids, markup, links, review dates."""
    try:
        _compiled, warnings, _stats = compile_site_guides(project.options, project.content_dir, project.root)
    except ContentError as error:
        return error.problems
    return warnings


def cmd_check(project: Project, output_format: str) -> int:
    problems = run_check(project)
    errors = sum(1 for p in problems if p.severity == "error")
    if output_format == "json":
        report = {
            "summary": summary(problems),
            "errors": errors,
            "warnings": len(problems) - errors,
            "problems": [p.as_dict() for p in problems],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif output_format == "github":
        for problem in problems:
            print(problem.as_github())
        print(summary(problems))
        # GitHub sets this to a file whose Markdown becomes the run's summary page.
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if step_summary:
            with open(step_summary, "a", encoding="utf-8") as out:
                out.write(markdown_summary(problems))
    else:
        for problem in problems:
            print(problem)
        print(summary(problems))
    return EXIT_PROBLEMS if errors else EXIT_OK


def new_guide_text(guide_id: str, path: Path, project: Project, policy: ContentPolicy) -> str:
    domain = policy.allowed_domains[0] if policy.allowed_domains else "www.example.com"
    return new_guide.new_guide_text(guide_id, modeline(path, project.content_dir), policy.today, domain)


def cmd_new(project: Project, guide_id: str) -> int:
    if not re.fullmatch(ID_PATTERN, guide_id) or not 2 <= len(guide_id) <= 64:
        raise UsageError(
            f"아이디 '{guide_id}'에 쓸 수 없는 글자가 있습니다 — 영문 소문자와 숫자, 하이픈(-)으로 2~64자를 적어 주세요. 예: kb-otp-reissue"
        )
    path = project.content_dir / "guides" / f"{guide_id}.yml"
    shown = display_path(path, project.root)
    if path.exists():
        raise UsageError(f"{shown} 파일이 이미 있습니다 — 다른 아이디를 고르거나 그 파일을 고쳐 주세요")
    policy = policy_for(project)
    taken = _ids_in_use(project)
    if guide_id in taken:
        raise UsageError(f"아이디 '{guide_id}'를 {taken[guide_id]}에서 이미 쓰고 있습니다 — 다른 아이디를 골라 주세요")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_guide_text(guide_id, path, project, policy), encoding="utf-8")
    print(f"{shown} 파일을 만들었습니다. 예시 글을 실제 내용으로 바꿔 쓰고, 쓰지 않는 부분은 지운 뒤 './dev check'로 확인해 주세요. 바꾸지 않은 예시 글은 검사에서 오류로 나옵니다.")
    return EXIT_OK


def _ids_in_use(project: Project) -> dict[str, str]:
    """Ids of the guides that load; a broken file elsewhere must not stop someone starting a new one."""
    taken: dict[str, str] = {}
    for path in guide_paths(project.content_dir):
        loaded = read_guide(path, display_path(path, project.root)).file
        if loaded:
            taken.setdefault(loaded.guide.id, loaded.display)
    return taken


def cmd_schema(project: Project, check_only: bool) -> int:
    path = schema_path(project.content_dir)
    shown = display_path(path, project.root)
    if check_only:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != schema_text():
            print(f"{shown}이 generator/content/model.py와 맞지 않습니다 — './dev schema'를 실행해 다시 만든 뒤 함께 커밋해 주세요")
            return EXIT_PROBLEMS
        print(f"{shown}이 최신입니다.")
        return EXIT_OK
    changed = write_schema(project.content_dir)
    print(f"{shown}을 {'새로 썼습니다' if changed else '확인했습니다 (바뀐 것이 없습니다)'}.")
    return EXIT_OK


def cmd_reference(project: Project) -> int:
    readme = project.root / "README.md"
    changed = reference.refresh(readme)
    print(f"{display_path(readme, project.root)}의 형식 설명을 {'새로 썼습니다' if changed else '확인했습니다 (바뀐 것이 없습니다)'}.")
    return EXIT_OK


class _KoreanParser(argparse.ArgumentParser):
    def error(self, message: str) -> typing.NoReturn:
        # argparse's own wording is English and about Python; an editor needs the next step.
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"명령을 이해하지 못했습니다 ({message}) — './dev'로 쓸 수 있는 명령을 확인해 주세요\n")


def parser() -> argparse.ArgumentParser:
    top = _KoreanParser(prog="python -m generator", description="길잡이 안내서 편집 도구입니다.")
    top.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="mkdocs.yml 위치 (기본: ./mkdocs.yml)")
    commands = top.add_subparsers(dest="command", required=True, metavar="명령")
    check = commands.add_parser("check", help="모든 안내서를 검사하고 문제를 한꺼번에 보여 줍니다.")
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text(사람용, 기본), json(PR 봇용) 또는 github(풀 리퀘스트의 바뀐 줄에 표시하고 $GITHUB_STEP_SUMMARY에 요약을 씀)",
    )
    new = commands.add_parser("new", help="검사를 통과하는 새 안내서 파일을 예시 내용으로 만듭니다.")
    new.add_argument("id", help="새 안내서의 아이디 (영문 소문자, 숫자, 하이픈). 주소 guides/<아이디>/가 됩니다.")
    schema = commands.add_parser("schema", help="편집기 자동 완성용 JSON Schema를 content/guide.schema.json에 씁니다.")
    schema.add_argument("--check", action="store_true", help="파일을 쓰지 않고, 최신이 아니면 1로 끝냅니다.")
    commands.add_parser("reference", help="README.md의 형식 설명(항목 표)을 content/의 모델에서 다시 만듭니다.")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        project = load_project(args.config_file)
        if args.command == "check":
            return cmd_check(project, args.format)
        if args.command == "new":
            return cmd_new(project, args.id)
        if args.command == "reference":
            return cmd_reference(project)
        return cmd_schema(project, args.check)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
