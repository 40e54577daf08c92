"""`./dev`, the command editors type first: its usage, its Korean last words, and the repairs it makes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT, copy_project

DEV = ROOT / "dev"


def dev(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(cwd / "dev"), *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=600)


def test_dev_alone_prints_its_usage_in_korean() -> None:
    result = dev()
    lines = result.stdout.splitlines()
    assert (result.returncode, lines[0]) == (0, "사용법: ./dev <명령> [옵션]")
    for command in ("check", "new <아이디>", "build", "serve [포트]", "test", "preview", "schema | reference"):
        assert any(line.lstrip().startswith(f"./dev {command}") for line in lines), command
    assert "set -euo pipefail" not in result.stdout


def test_an_unknown_command_says_so_and_shows_the_usage() -> None:
    result = dev("chek")
    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == ["알 수 없는 명령입니다: chek", "사용법: ./dev <명령> [옵션]"]


def test_new_is_a_dev_command(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy2(DEV, project / "dev")
    (project / ".venv").symlink_to(ROOT / ".venv")
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    # Dated before the shared venv's install stamps, so that ./dev in the copy never installs the
    # copy into the project's own venv (which would then import the package from a temp folder).
    stamps = list((ROOT / ".venv").glob(".installed-*"))
    if stamps:
        older = min(stamp.stat().st_mtime for stamp in stamps) - 1
        os.utime(project / "pyproject.toml", (older, older))
    result = dev("new", "kb-otp-reissue", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content/guides/kb-otp-reissue.yml 파일을 만들었습니다.")
    assert "'./dev check'로 확인해 주세요" in result.stdout


def test_a_busy_port_is_said_in_korean() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = dev("serve", str(port))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"포트 {port}을 이미 다른 프로그램이 쓰고 있습니다 — 켜 둔 ./dev serve가 있으면 그 창에서 Ctrl+C로 끄거나, "
        f"./dev serve {port + 1}처럼 다른 포트를 골라 주세요"
    )
    assert "Traceback" not in result.stderr


def test_a_failed_build_ends_with_a_korean_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    guide = project / "content" / "guides" / "kb-financial-certificate.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("\nreviewed: ", "\nreviewed: 2026-13-01\n# was: ", 1), encoding="utf-8")
    result = dev("build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "사이트를 만들지 못했습니다 — 위에 나온 문제를 고친 뒤 ./dev build를 다시 실행해 주세요 (이전에 만든 site/는 그대로 있습니다)"
    assert any("reviewed: '2026-13-01'은 달력에 없는 날짜입니다" in line for line in lines)
    assert "Traceback" not in result.stderr


def test_a_venv_without_pip_is_made_again(tmp_path: Path) -> None:
    """What Debian's python3 -m venv leaves when python3-venv is missing: ./dev starts over."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(DEV, project / "dev")
    # A project pip cannot install, so the run ends right after the repair, quickly and offline.
    (project / "pyproject.toml").write_text("[project]\nname = 'broken'\nversion = '0'\ndependencies = ['no-such-package-giljabi-test==0']\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(project / ".venv")], check=True)
    result = dev("check", cwd=project, env={"PIP_NO_INDEX": "1"})
    assert result.stdout.splitlines()[0] == ".venv에 pip이 없어 가상 환경을 새로 만듭니다"
    assert subprocess.run([str(project / ".venv" / "bin" / "python"), "-m", "pip", "--version"], capture_output=True).returncode == 0
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "Python 패키지를 설치하지 못했습니다 — 인터넷 연결을 확인하고, 계속 실패하면 .venv 폴더를 지운 뒤 다시 실행해 주세요"
