"""Synthetic but valid guides for benchmarks and scale tests.

The text is assembled from Korean phrase lists so pages, search indexes and PDFs see
realistic sizes and vocabulary; every choice comes from one seeded RNG, so the same
(n, seed) always writes byte-identical files.

    python -m tests.support.synthetic 100 /tmp/bench-content
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.content.terms import things_named

# Fixed, not today's date: output must not change from one day to the next.
REVIEWED_ANCHOR = dt.date(2026, 11, 20)


@dataclass(frozen=True)
class Institution:
    name: str
    slug: str
    site: str  # only the official domains a guide may link to
    site_title: str
    app: str


INSTITUTIONS = (
    Institution("KB국민은행", "kb", "https://www.kbstar.com", "KB국민은행 인증센터", "KB스타뱅킹 앱"),
    Institution("금융결제원", "kftc", "https://yeskey.or.kr", "금융결제원 금융인증서 안내", "금융인증서 앱"),
    Institution("금융결제원 yessign", "yessign", "https://www.yessign.or.kr", "금융결제원 인증서 서비스 (yessign)", "yessign 앱"),
    Institution("금융감독원", "fss", "https://www.fss.or.kr", "금융감독원", "금융감독원 누리집"),
    Institution("한국인터넷진흥원", "kisa", "https://www.boho.or.kr", "한국인터넷진흥원 보호나라", "보호나라 누리집"),
)

# (name, slug): what the guide walks the reader through.
PROCEDURES = (
    ("금융인증서 발급", "financial-certificate"),
    ("금융인증서 재발급", "financial-certificate-reissue"),
    ("금융인증서 유효기간 연장", "financial-certificate-renewal"),
    ("공동인증서 갱신", "joint-certificate-renewal"),
    ("공동인증서 PC 복사", "joint-certificate-copy"),
    ("OTP 재발급", "otp-reissue"),
    ("모바일 OTP 등록", "mobile-otp"),
    ("보안카드 교체", "security-card"),
    ("인터넷뱅킹 비밀번호 재설정", "password-reset"),
    ("휴대전화 번호 변경", "phone-change"),
    ("이체 한도 변경", "transfer-limit"),
    ("해외출국확인 등록", "overseas-check"),
    ("지급정지 신청", "payment-stop"),
    ("피싱 피해 신고", "phishing-report"),
    ("생체 인증 등록", "biometric"),
    ("클라우드 자동 연결 복구", "cloud-relink"),
)

OBJECTS = (
    "사용자 ID", "주민등록번호", "출금계좌번호", "계좌 비밀번호", "보안카드", "실물 OTP", "모바일 OTP",
    "본인 명의 휴대전화", "신분증", "6자리 인증서 비밀번호", "문자 인증번호", "ARS 인증번호", "공동인증서",
    "금융인증서", "등록된 이메일 주소", "생년월일", "영업점 방문 예약", "최신 버전의 앱",
)
PLACES = ("인증센터", "전체메뉴", "인증/보안", "고객정보 확인 화면", "약관 동의 화면", "본인 확인 화면", "설정 메뉴", "발급 완료 화면", "인증서 관리 화면")
ACTIONS = ("누릅니다", "고릅니다", "입력합니다", "확인합니다", "동의합니다", "선택합니다", "기다립니다", "다시 확인합니다")
TITLE_VERBS = ("들어갑니다", "확인합니다", "입력합니다", "인증을 받습니다", "동의합니다", "고릅니다", "설정합니다", "마칩니다", "등록합니다", "정리합니다")
REASONS = (
    "전자금융사기를 막기 위한 절차이므로 건너뛸 수 없습니다",
    "화면 이름은 은행 화면이 바뀌면 달라질 수 있습니다",
    "입력이 틀리면 다음 단계로 넘어가지 않습니다",
    "시간이 지나면 처음부터 다시 해야 할 수 있습니다",
    "같은 정보를 여러 번 틀리면 잠시 이용이 제한될 수 있습니다",
    "은행은 문자나 전화로 이 번호를 묻지 않습니다",
    "PC와 모바일의 메뉴 순서가 조금 다를 수 있습니다",
    "가까운 영업점에서도 같은 일을 도와 드립니다",
)
CONDITIONS = (
    "필요한 정보를 모두 미리 준비함", "안정적인 인터넷과 전화 환경", "인증 수단이 정상 작동함", "모바일에서 바로 접근할 수 있음",
    "고객센터의 도움을 받을 수 있음", "시간이 충분함", "최신 버전의 앱을 씀", "등록된 휴대전화를 가지고 있음",
)
CAUSES = (
    "입력값을 잘못 적음", "ARS 전화가 오지 않거나 끊김", "OTP 배터리 소진", "보안카드 분실", "앱 오류로 화면이 멈춤",
    "상담 대기 시간이 김", "휴대전화 번호가 바뀜", "브라우저 캐시를 지워 연결이 풀림", "비밀번호를 여러 번 틀림", "유효기간이 지남",
)
WATCHES = (
    "입력한 값을 한 번 더 확인한 뒤 다음으로 넘어가기", "은행에 등록된 휴대전화 번호와 통화 상태 점검", "시작하기 전에 인증 수단이 켜지는지 확인",
    "앱을 최신 버전으로 업데이트", "비교적 한산한 시간에 전화하기", "문자 속 링크 대신 주소를 직접 입력하기", "만료 안내가 오면 미리 연장하기",
)
CHECK_ITEMS = (
    "신분증을 준비했습니다.", "약관의 주요 내용을 미리 읽어 보았습니다.", "사용할 기기를 정하고 준비했습니다.",
    "인증 수단이 제대로 작동하는지 확인했습니다.", "나만 아는 비밀번호를 정했습니다.", "인터넷 연결이 안정적인지 확인했습니다.",
    "고객센터 전화번호를 공식 홈페이지에서 확인해 두었습니다.", "오류가 나면 어떻게 할지 알아 두었습니다.",
    "끝난 뒤 결과 화면을 바로 확인했습니다.", "비밀번호를 아무에게도 알려 주지 않았습니다.",
    "은행에 등록된 휴대전화 번호가 지금 번호와 같은지 확인했습니다.", "앱을 최신 버전으로 업데이트했습니다.",
    "문자로 받은 링크를 누르지 않고 주소를 직접 입력했습니다.", "보안카드 번호는 화면이 묻는 칸만 입력했습니다.",
)


def _sentence(rng: random.Random, inst: Institution, proc: str) -> str:
    """One realistic instruction sentence (roughly 40–90 characters)."""
    obj, place, action = rng.choice(OBJECTS), rng.choice(PLACES), rng.choice(ACTIONS)
    shapes = (
        f"{place}에서 {obj}{_eul(obj)} {action}.",
        f"{inst.app}이나 PC에서 **{place}**{_euro(place)} 들어가 {proc} 메뉴를 {action}.",
        f"{obj}{_eul(obj)} 준비한 뒤 화면의 안내에 따라 차례로 {action}. {rng.choice(REASONS)}.",
        f"{rng.choice(REASONS)}. 그래서 {obj}{_eul(obj)} 천천히 {action}.",
        f"주소창에 [{inst.site_title}]({inst.site})의 주소를 직접 입력해 {place}{_euro(place)} 이동합니다.",
        f"{obj}{_i(obj)} 없다면 먼저 가까운 영업점이나 {inst.app}에서 준비해 두세요.",
    )
    return rng.choice(shapes)


def _has_final(word: str) -> bool:
    last = word.rstrip(" )")[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28 != 0
    return last in "LMNR0136789"  # letters/digits read with a final consonant in Korean


def _eul(word: str) -> str:
    return "을" if _has_final(word) else "를"


def _i(word: str) -> str:
    return "이" if _has_final(word) else "가"


def _euro(word: str) -> str:
    last = word[-1]
    if "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 not in (0, 8):  # 8: ㄹ takes 로
        return "으로"
    return "로"


def _paragraphs(rng: random.Random, inst: Institution, proc: str, sentences: tuple[int, int], paragraphs: int = 1) -> str:
    return "\n\n".join(" ".join(_sentence(rng, inst, proc) for _ in range(rng.randint(*sentences))) for _ in range(paragraphs))


def _search_terms(title: str, terms: list[str]) -> dict[str, list[str]]:
    """Terms naming what the title names are aliases; those naming a different thing are related."""
    subject = things_named(title)
    related = [term for term in terms if subject and things_named(term) - subject]
    return {"aliases": [term for term in terms if term not in related], **({"related_terms": related} if related else {})}


def _guide(rng: random.Random, index: int) -> dict[str, Any]:
    inst = rng.choice(INSTITUTIONS)
    proc, proc_slug = rng.choice(PROCEDURES)
    channels = rng.choice((["PC", "모바일"], ["PC", "모바일"], ["PC"], ["모바일"]))
    # One namespace per guide for every item id (the loader enforces it), hence the prefixes.
    n_steps, n_failures, n_items = rng.randint(5, 15), rng.randint(3, 8), rng.randint(5, 12)

    steps = []
    for s in range(n_steps):
        obj = rng.choice(OBJECTS)
        step: dict[str, Any] = {
            "id": f"step-{s + 1}",
            "title": f"{rng.choice(PLACES)}에서 {obj}{_eul(obj)} {rng.choice(TITLE_VERBS)}",
            "body": _paragraphs(rng, inst, proc, (2, 4), rng.choice((1, 1, 2))),
        }
        if len(channels) == 2 and rng.random() < 0.15:
            step["channel"] = rng.choice(channels)
        if s == n_steps - 1 and rng.random() < 0.3:
            step["optional"] = True
        if rng.random() < 0.4:
            step["tips"] = [_sentence(rng, inst, proc) for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.35:
            step["notes"] = [f"{rng.choice(REASONS)}."]
        steps.append(step)

    items = [
        {"id": f"check-{i + 1}", "text": text, **({"detail": f"{rng.choice(REASONS)}."} if rng.random() < 0.3 else {})}
        for i, text in enumerate(rng.sample(CHECK_ITEMS, n_items))
    ]
    split = rng.randint(3, n_items - 2) if n_items >= 8 and rng.random() < 0.4 else n_items
    checklists = [{"id": "list-before", "title": f"{proc} 전 체크리스트", "items": items[:split]}]
    if split < n_items:
        checklists.append({"id": "list-after", "title": f"{proc} 뒤 체크리스트", "when": "after", "items": items[split:]})

    title = f"{inst.name} {proc} 방법과 절차 ({index}번째 예시)"  # 번째: a count, never a phone number (phones.py)
    guide: dict[str, Any] = {
        "id": f"{inst.slug}-{proc_slug}-{index:04d}",
        "title": title,
        "summary": f"{inst.name}에서 {proc}{_eul(proc)} 하는 방법을 처음부터 끝까지 정리했습니다. " + _paragraphs(rng, inst, proc, (1, 2)),
        "institution": inst.name,
        "channels": channels,
        "reviewed": REVIEWED_ANCHOR - dt.timedelta(days=rng.randint(0, 150)),
        **_search_terms(title, rng.sample([p for p, _ in PROCEDURES], rng.randint(0, 4))),
        "sources": [{"title": other.site_title, "url": other.site} for other in (inst, rng.choice([i for i in INSTITUTIONS if i is not inst]))],
        "intro": _paragraphs(rng, inst, proc, (2, 4), rng.randint(1, 3)),
        "facts": [
            {"id": f"fact-{f + 1}", "label": label, "value": value}
            for f, (label, value) in enumerate(
                rng.sample([("유효기간", "3년"), ("비용", "무료"), ("걸리는 시간", f"약 {rng.randint(5, 30)}분"), ("할 수 있는 곳", " 또는 ".join(channels)), ("문의", f"{inst.name} 고객센터"), ("준비물", f"{rng.randint(2, 6)}가지")], rng.randint(3, 5))
            )
        ],
        "prerequisites": [
            {"id": f"prep-{p + 1}", "text": obj, **({"detail": f"{rng.choice(REASONS)}."} if rng.random() < 0.4 else {})}
            for p, obj in enumerate(rng.sample(OBJECTS, rng.randint(3, 6)))
        ],
        "steps": steps,
        "failures": [
            {"id": f"fail-{f + 1}", "situation": rng.choice(CONDITIONS), "cause": rng.choice(CAUSES), "watch": rng.choice(WATCHES)} for f in range(n_failures)
        ],
        "tips": [
            {"id": f"tip-{t + 1}", "situation": f"{rng.choice(channels)}에서 {proc}{_eul(proc)} 할 때", "blocker": rng.choice(CAUSES), "tip": rng.choice(WATCHES)}
            for t in range(rng.randint(2, 6))
        ],
        "strategies": [_paragraphs(rng, inst, proc, (2, 4)) for _ in range(rng.randint(2, 4))],
        "checklists": checklists,
    }
    if rng.random() < 0.6:
        guide["warnings"] = [
            {
                "title": "피싱 주의",
                "body": "은행과 공공기관은 문자나 전화로 인증번호, 보안카드 번호, 비밀번호를 묻지 않습니다.",
                "points": [f"{rng.choice(REASONS)}." for _ in range(rng.randint(2, 4))],
            }
        ]
    guide["closing"] = {"title": "지금 바로 시작하기", "body": _paragraphs(rng, inst, proc, (2, 3), 2)}
    return guide


def write_guides(n: int, dest: Path, seed: int = 0) -> list[Path]:
    """Write n valid guide files into dest/guides/ and return their paths, in order."""
    rng = random.Random(seed)
    folder = dest / "guides"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(1, n + 1):
        guide = _guide(rng, index)
        path = folder / f"{guide['id']}.yml"
        path.write_text(yaml.safe_dump(guide, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    print(f"{len(write_guides(count, target))}개의 안내서를 {target / 'guides'}에 만들었습니다.")
