"""The file `./dev new <아이디>` writes, and the example texts in it that must not be published.

Every section of a guide is there as a short example, so an editor sees the whole format at
once; ``check`` then flags each example text still left unchanged, so the placeholder
"안내서 제목을 적습니다" can never reach a reader.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import jinja2
import yaml

from .model import Guide
from .walk import text_fields

# Example texts that are also plausible real content ("비용: 무료"); leaving them is no mistake.
REALISTIC = frozenset({"비용", "무료", "신분증", "피싱 주의", "마무리", "시작 전 체크리스트", "신분증을 준비했습니다.", "인증번호는 누구에게도 알려 주지 않습니다."})


def new_guide_text(guide_id: str, modeline: str, today: dt.date, domain: str) -> str:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.content", "templates"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML, not HTML; every inserted value is an id, a date or a host name
    )
    return env.get_template("new-guide.yml.j2").render(modeline=modeline, id=guide_id, today=today.isoformat(), domain=domain)


@lru_cache(maxsize=1)
def placeholder_texts() -> frozenset[str]:
    """The template's example texts an editor is meant to replace."""
    guide = Guide.model_validate(yaml.safe_load(new_guide_text("example-guide", "", dt.date(2026, 1, 1), "www.example.com")))
    return frozenset(text for loc, text in text_fields(guide) if loc[-1] not in ("url",) and text not in REALISTIC)
