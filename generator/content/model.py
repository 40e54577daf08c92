"""The content format: one YAML file per guide, validated by these pydantic models.

Every field carries a Korean ``title`` (what an editor calls it), a ``description``
(shown by editors' autocompletion through the JSON Schema) and a ``hint`` (how to fix
a mistake), so validation messages, the schema and the docs come from one place.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def field(title: str, description: str, hint: str, **kwargs: Any) -> Any:
    """A pydantic Field whose Korean title, description and fix hint travel together."""
    return Field(title=title, description=description, json_schema_extra={"hint": hint}, **kwargs)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""One piece of text: plain Korean with inline Markdown (**굵게**, *기울임*, [링크](https://…))."""

Ident = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=2, max_length=64)]

Channel = Literal["PC", "모바일"]

ChecklistWhen = Literal["before", "after"]


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Strict):
    title: Text = field("출처 이름", "출처를 사람이 읽을 수 있게 적은 이름입니다.", "출처의 이름을 적어 주세요. 예: KB국민은행 인증센터")
    url: Text = field("출처 주소", "공식 기관의 https:// 주소입니다.", "https://로 시작하는 공식 기관 주소를 적어 주세요")


class Fact(Strict):
    id: Ident = field("아이디", "이 항목의 고정 아이디입니다. 영문 소문자, 숫자, 하이픈만 씁니다.", "영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: valid-period")
    label: Text = field("항목 이름", "핵심 정보의 이름입니다. 예: 유효기간", "짧은 이름을 적어 주세요. 예: 유효기간")
    value: Text = field("내용", "핵심 정보의 값입니다. 예: 3년", "짧은 값을 적어 주세요. 예: 3년")


# A menu path is a list, one screen name an item; an arrow inside an item means the editor wrote
# the whole path on one line, which the page could not draw as separate steps.
_PATH_ARROWS = ("→", "->", ">", "›", "»", "▶", "⇒")


def _one_menu_name(name: str) -> str:
    if arrow := next((a for a in _PATH_ARROWS if a in name), None):
        raise ValueError(f"메뉴 이름 '{name}'에 화살표 '{arrow}'가 들어 있습니다. 메뉴 이름은 한 칸에 하나씩 적습니다")
    return name


MenuName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40), AfterValidator(_one_menu_name)]


class MenuPath(Strict):
    channel: Channel = field("채널", "이 경로를 쓰는 곳입니다. PC 또는 모바일입니다.", "PC 또는 모바일 중 하나를 적어 주세요")
    start: Text | None = field(
        "시작하는 곳", "경로가 시작되는 곳입니다. 예: KB국민은행 홈페이지(www.kbstar.com), KB스타뱅킹 앱. 없어도 됩니다.", "시작하는 곳을 짧게 적거나 이 줄을 지워 주세요", default=None
    )
    menus: list[MenuName] = field(
        "메뉴 이름",
        "화면에서 차례로 누를 메뉴의 이름입니다. 화면에 보이는 이름 그대로, 한 칸에 하나씩 적습니다.",
        "메뉴 이름을 '[인증센터, 개인, 금융인증서 발급/재발급]'처럼 한 칸에 하나씩 목록으로 적어 주세요 (40자 이내)",
        min_length=1,
    )


class Prerequisite(Strict):
    id: Ident = field("아이디", "이 준비물의 고정 아이디입니다.", "영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: user-id")
    text: Text = field("준비물", "준비할 것을 한 줄로 적습니다.", "준비할 것을 한 줄로 적어 주세요")
    detail: Text | None = field("설명", "준비물에 대한 짧은 설명입니다. 없어도 됩니다.", "짧은 설명을 적거나 이 줄을 지워 주세요", default=None)


class StepImage(Strict):
    file: Text = field(
        "파일 이름",
        "그림 파일의 이름입니다. 파일은 안내서 옆 폴더 content/guides/<아이디>/에 둡니다. PNG, JPEG, WebP, SVG를 쓸 수 있습니다.",
        "그림 파일 이름을 적어 주세요. 예: open-center.png",
    )
    alt: Text = field(
        "그림 설명", "그림을 볼 수 없는 독자에게 읽어 주는 한국어 설명입니다. 그림에 무엇이 보이는지 한 문장으로 적습니다.", "그림에 무엇이 보이는지 한국어 한 문장으로 적어 주세요"
    )
    caption: Text | None = field("그림 아래 글", "그림 바로 아래에 보이는 짧은 글입니다. 없어도 됩니다.", "짧은 글을 적거나 이 줄을 지워 주세요", default=None)


class Step(Strict):
    id: Ident = field("아이디", "이 단계의 고정 아이디입니다. 순서를 바꿔도 그대로 둡니다.", "영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: open-cert-center")
    title: Text = field("제목", "단계의 제목입니다. 무엇을 하는지 한 줄로 적습니다.", "단계 제목을 한 줄로 적어 주세요")
    body: Text = field("본문", "단계에서 할 일을 설명합니다. 빈 줄로 문단을 나눌 수 있습니다.", "이 단계에서 할 일을 문장으로 적어 주세요")
    channel: Channel | None = field(
        "채널", "이 단계가 PC나 모바일 한쪽에만 해당할 때 적습니다. 양쪽 모두 같으면 적지 않습니다.", "PC 또는 모바일 중 하나를 적거나 이 줄을 지워 주세요", default=None
    )
    optional: bool = field("선택 단계", "건너뛰어도 되는 단계면 true로 적습니다.", "true 또는 false로 적어 주세요", default=False)
    tips: list[Text] = field("도움말", "이 단계를 쉽게 하는 요령입니다.", "도움말을 '- '로 시작하는 목록으로 적어 주세요", default_factory=list)
    notes: list[Text] = field("주의", "이 단계에서 조심할 점입니다.", "주의할 점을 '- '로 시작하는 목록으로 적어 주세요", default_factory=list)
    images: list[StepImage] = field(
        "그림", "이 단계의 화면 캡처나 그림입니다. 본문 아래에 보이고 인쇄용 안내문에도 실립니다.", "'- file: …, alt: …' 형식으로 적어 주세요", default_factory=list
    )


class Failure(Strict):
    id: Ident = field("아이디", "이 행의 고정 아이디입니다.", "영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: wrong-input")
    situation: Text = field("유리한 상황", "발급이 잘 되는 조건입니다.", "발급이 잘 되는 조건을 짧게 적어 주세요")
    cause: Text = field("대표 실패 원인", "자주 생기는 실패의 원인입니다.", "실패 원인을 짧게 적어 주세요")
    watch: Text = field("주의점", "실패를 막으려면 무엇을 확인할지 적습니다.", "확인할 점을 짧게 적어 주세요")


class Tip(Strict):
    id: Ident = field("아이디", "이 행의 고정 아이디입니다.", "영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: mobile-wifi")
    situation: Text = field("추천 상황", "이 요령이 쓰이는 상황입니다.", "상황을 짧게 적어 주세요")
    blocker: Text = field("막히는 지점", "그 상황에서 흔히 막히는 곳입니다.", "막히는 곳을 짧게 적어 주세요")
    tip: Text = field("회피 팁", "막히지 않으려면 어떻게 할지 적습니다.", "피하는 방법을 짧게 적어 주세요")


class ChecklistItem(Strict):
    id: Ident = field("아이디", "체크 항목의 고정 아이디입니다. 독자의 체크 기록이 이 아이디에 저장되므로 바꾸지 않습니다.", "영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: id-card")
    text: Text = field("항목", "체크할 내용을 한 줄로 적습니다.", "체크할 내용을 한 줄로 적어 주세요")
    detail: Text | None = field("설명", "항목에 대한 짧은 설명입니다. 없어도 됩니다.", "짧은 설명을 적거나 이 줄을 지워 주세요", default=None)


class Checklist(Strict):
    id: Ident = field("아이디", "체크리스트의 고정 아이디입니다.", "영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: before-start")
    title: Text = field("제목", "체크리스트의 제목입니다.", "체크리스트 제목을 한 줄로 적어 주세요")
    when: ChecklistWhen = field(
        "시점",
        "before는 시작하기 전에 확인할 목록으로 준비물 바로 뒤에, after는 마친 뒤에 확인할 목록으로 마지막 단계 바로 뒤에 보입니다. 적지 않으면 before입니다.",
        "before 또는 after를 적어 주세요",
        default="before",
    )
    items: list[ChecklistItem] = field("항목 목록", "체크할 항목들입니다. 한 개 이상 적습니다.", "'- id: …'로 시작하는 항목을 한 개 이상 적어 주세요", min_length=1)


class WarningBox(Strict):
    title: Text = field("제목", "경고 상자의 제목입니다. 예: 피싱 주의", "경고 제목을 적어 주세요. 예: 피싱 주의")
    body: Text = field("본문", "경고의 핵심을 한두 문장으로 적습니다.", "경고 내용을 문장으로 적어 주세요")
    points: list[Text] = field("지킬 점", "독자가 지켜야 할 점의 목록입니다.", "지킬 점을 '- '로 시작하는 목록으로 적어 주세요", default_factory=list)


class Closing(Strict):
    title: Text = field("제목", "마무리 절의 제목입니다.", "마무리 제목을 적어 주세요. 예: 지금 시작하기")
    body: Text = field("본문", "마무리 안내입니다. 빈 줄로 문단을 나눌 수 있습니다.", "마무리 안내를 문장으로 적어 주세요")


class Guide(Strict):
    """One step-by-step guide: the whole content of one YAML file."""

    id: Ident = field(
        "아이디", "안내서의 고정 아이디이자 주소(guides/<아이디>/)입니다. 한 번 공개하면 바꾸지 않습니다.", "영문 소문자와 숫자, 하이픈(-)으로 적어 주세요. 예: kb-financial-certificate"
    )
    title: Text = field("제목", "안내서의 제목입니다.", "안내서 제목을 한 줄로 적어 주세요")
    summary: Text = field("요약", "안내서를 한 문단으로 소개합니다.", "안내서를 소개하는 한 문단을 적어 주세요")
    institution: Text = field("기관", "안내하는 기관의 이름입니다. 예: KB국민은행", "기관 이름을 적어 주세요. 예: KB국민은행")
    task: Text | None = field(
        "하려는 일",
        "독자가 이 안내서로 하려는 일입니다. 홈 페이지가 안내서를 이 이름으로 묶습니다. 예: 금융인증서 발급. "
        "적지 않으면 제목에서 기관 이름과 끝의 '방법과 절차' 같은 말, 괄호를 뺀 것으로 묶습니다.",
        "하려는 일을 짧게 적거나 이 줄을 지워 주세요. 예: 금융인증서 발급",
        default=None,
    )
    channels: list[Channel] = field("채널", "이 절차를 할 수 있는 곳입니다. PC, 모바일 중 하나 이상입니다.", "PC, 모바일 중 하나 이상을 목록으로 적어 주세요", min_length=1)
    reviewed: dt.date = field("최종 확인일", "내용을 공식 자료와 마지막으로 대조한 날짜입니다.", "날짜를 2026-11-28처럼 적어 주세요")
    sources: list[Source] = field("출처", "내용을 확인한 공식 자료입니다.", "'- title: …, url: https://…' 형식으로 한 개 이상 적어 주세요", min_length=1)
    aliases: list[Text] = field(
        "검색 별칭",
        "이 안내서가 다루는 것을 독자가 달리 부르는 이름입니다. 같은 것을 가리키는 말만 적습니다. 예: 금융인증서 갱신",
        "같은 것을 부르는 다른 이름을 '- '로 시작하는 목록으로 적어 주세요. 관련은 있지만 다른 것이면 related_terms(함께 찾는 말)에 적어 주세요",
        default_factory=list,
    )
    related_terms: list[Text] = field(
        "함께 찾는 말",
        "독자가 이 안내서를 찾으며 함께 검색하는, 관련은 있지만 같은 것이 아닌 말입니다. 페이지와 검색 결과에 '함께 찾는 말'로 보이고 다른 이름이라고 하지 않습니다. 예: 공동인증서",
        "관련 있는 말을 '- '로 시작하는 목록으로 적어 주세요",
        default_factory=list,
    )
    intro: Text | None = field("들어가며", "이 절차가 왜 필요한지 설명하는 문단입니다.", "왜 필요한지 문장으로 적거나 이 줄을 지워 주세요", default=None)
    facts: list[Fact] = field("핵심 정보", "요약 상자에 보일 짧은 사실들입니다.", "'- id: …, label: …, value: …' 형식으로 한 개 이상 적어 주세요", min_length=1)
    menu_paths: list[MenuPath] = field(
        "메뉴 경로",
        "채널마다 가장 빨리 가는 메뉴 경로입니다. 페이지 위쪽과 인쇄용 안내문에 '화면 이름은 바뀔 수 있습니다'라는 안내와 함께 보입니다.",
        "'- channel: PC, menus: [인증센터, 개인, …]' 형식으로 적거나 이 부분을 지워 주세요",
        default_factory=list,
    )
    prerequisites: list[Prerequisite] = field("준비물", "시작하기 전에 준비할 것들입니다.", "'- id: …, text: …' 형식으로 한 개 이상 적어 주세요", min_length=1)
    steps: list[Step] = field("단계", "순서대로 따라 할 단계들입니다.", "'- id: …, title: …, body: …' 형식으로 한 개 이상 적어 주세요", min_length=1)
    failures: list[Failure] = field("실패 원인", "유리한 상황 / 대표 실패 원인 / 주의점 표의 행들입니다.", "'- id: …, situation: …, cause: …, watch: …' 형식으로 적어 주세요", default_factory=list)
    tips: list[Tip] = field("상황별 요령", "추천 상황 / 막히는 지점 / 회피 팁 표의 행들입니다.", "'- id: …, situation: …, blocker: …, tip: …' 형식으로 적어 주세요", default_factory=list)
    strategies: list[Text] = field("대처 전략", "상황에 따른 대처 방법을 설명하는 문단들입니다.", "문단을 '- '로 시작하는 목록으로 적어 주세요", default_factory=list)
    checklists: list[Checklist] = field("체크리스트", "독자가 체크하며 확인할 목록들입니다.", "'- id: …, title: …, items: …' 형식으로 적어 주세요", default_factory=list)
    warnings: list[WarningBox] = field("경고", "피싱 주의처럼 눈에 띄게 보일 경고 상자들입니다.", "'- title: …, body: …' 형식으로 적어 주세요", default_factory=list)
    closing: Closing | None = field("마무리", "안내서 끝의 마무리 절입니다.", "title과 body를 적거나 이 부분을 지워 주세요", default=None)

    def checklists_at(self, when: ChecklistWhen) -> list[Checklist]:
        """The checklists shown at one place of the page and handout, in file order."""
        return [checklist for checklist in self.checklists if checklist.when == when]

    @property
    def url(self) -> str:
        """The page's path below the site root; also the address readers bookmark."""
        return f"guides/{self.id}/"

    @property
    def page_src(self) -> str:
        """The page's source path in MkDocs' terms (below docs_dir); no such file exists."""
        return f"guides/{self.id}.md"


def models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The content models an annotation names, through list[...], X | None and Annotated[...]."""
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            yield current
        else:
            stack.extend(typing.get_args(current))
