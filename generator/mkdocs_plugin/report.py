"""The address behind "잘못된 내용 알리기", made from the plugin's report_url option for one page."""

from __future__ import annotations

from urllib.parse import quote

SCHEMES = ("https://", "mailto:")
BAD_REPORT_URL = (
    "mkdocs.yml의 giljabi 플러그인 설정 report_url은 https:// 또는 mailto:로 시작해야 합니다: {value} — "
    "예: report_url: https://github.com/giljabi/giljabi/issues/new?title={{title}}&body={{url}}"
)


def report_href(template: str, page_url: str, title: str) -> str:
    """template with {url} and {title} replaced by the page's, each URL-encoded."""
    return template.replace("{url}", quote(page_url, safe="")).replace("{title}", quote(title, safe=""))
