"""`mkdocs serve` with a broken guide: errors in the terminal, last good pages still served, recovery."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup


GUIDE = Path("content/guides/kb-financial-certificate.yml")
STEP_TITLE = "인증센터에 들어갑니다"


class Server:
    """A real `mkdocs serve` subprocess whose terminal output is collected as it arrives."""

    def __init__(self, project: Path, port: int):
        self.base = f"http://127.0.0.1:{port}/giljabi/"  # site_url's path is the mount point
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def text(self) -> str:
        return "".join(self.output)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except OSError:
            return 0, ""

    def wait_for(self, what: str, condition: Callable[[], bool], timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve exited ({self.process.returncode}) while waiting for {what}:\n{self.text()}")
            time.sleep(0.5)
        pytest.fail(f"timed out waiting for {what}:\n{self.text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def server(project: Path) -> Iterator[Server]:
    running = Server(project, free_port())
    try:
        yield running
    finally:
        running.stop()


def first_step_title(html: str) -> str:
    title = BeautifulSoup(html, "html.parser").select_one(".gj-step .gj-step__text")
    return title.get_text(strip=True) if title else ""


def rewrite(project: Path, old: str, new: str) -> None:
    path = project / GUIDE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.timeout(600)
def test_serve_keeps_the_last_good_pages_while_a_guide_is_broken_and_recovers(project: Path, server: Server) -> None:
    page = "guides/kb-financial-certificate/"
    server.wait_for("the first build", lambda: server.get(page)[0] == 200)
    assert first_step_title(server.get(page)[1]) == STEP_TITLE

    # Break the guide: a raw tag and a link to a look-alike domain.
    rewrite(project, f"title: {STEP_TITLE}", "title: <b>인증센터</b> [여기](https://kbstar.co/login)")
    server.wait_for("the errors in the terminal", lambda: "마지막으로 성공한 사이트를 계속 보여 줍니다" in server.text())
    output = server.text()
    assert "내용 파일에 고칠 곳이 있어 사이트를 만들지 않았습니다." in output
    assert "content/guides/kb-financial-certificate.yml:" in output
    assert "steps[1].title: HTML 태그 '<b>'는 쓸 수 없습니다" in output
    assert "steps[1].title: 링크 'https://kbstar.co/login'의 도메인 'kbstar.co'는 허용 목록에 없습니다" in output
    assert "문제 2개: 오류 2, 경고 0" in output
    assert "Aborted with a BuildError! 마지막으로 성공한 사이트를 계속 보여 줍니다. 파일을 고쳐 저장하면 다시 만듭니다." in output
    assert "Traceback" not in output

    # The last good pages are still served, whole: the guide, the home page, the assets.
    status, html = server.get(page)
    assert status == 200 and first_step_title(html) == STEP_TITLE
    assert server.get("")[0] == 200
    assert server.get("assets/stylesheets/giljabi.css")[0] == 200

    # Fix it (with a new title) and the next build is served.
    built_before = server.text().count("Documentation built in")
    rewrite(project, "title: <b>인증센터</b> [여기](https://kbstar.co/login)", "title: 인증센터 화면을 엽니다")
    server.wait_for("the recovered page", lambda: first_step_title(server.get(page)[1]) == "인증센터 화면을 엽니다")
    assert server.text().count("Documentation built in") > built_before
