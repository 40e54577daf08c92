"""The editors' JSON Schema: generated from the model, committed, fresh, and pointed at by every guide."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.cli import main
from generator.content.loader import guide_paths
from generator.content.model import Guide
from generator.content.schema import modeline, schema_path, schema_text
from generator.content.problems import has_errors
from tests.support import CONTENT, ROOT, compile_content, copy_project, edited_example, settings_for, write_content

COMMITTED = schema_path(CONTENT)


def test_the_committed_schema_matches_the_model() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), "stale: run `python -m generator schema` and commit content/guide.schema.json"


def test_schema_check_command_reports_fresh_and_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-f", str(ROOT / "mkdocs.yml"), "schema", "--check"]) == 0
    assert capsys.readouterr().out == "content/guide.schema.json이 최신입니다.\n"

    project = copy_project(tmp_path / "project")
    (project / "content" / "guide.schema.json").write_text("{}\n", encoding="utf-8")
    assert main(["-f", str(project / "mkdocs.yml"), "schema", "--check"]) == 1
    assert "content/guide.schema.json이 generator/content/model.py와 맞지 않습니다" in capsys.readouterr().out
    assert main(["-f", str(project / "mkdocs.yml"), "schema"]) == 0
    assert capsys.readouterr().out == "content/guide.schema.json을 새로 썼습니다.\n"
    assert (project / "content" / "guide.schema.json").read_text(encoding="utf-8") == schema_text()


def test_every_guide_starts_with_the_schema_comment() -> None:
    paths = guide_paths(CONTENT)
    assert paths
    for path in paths:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(path, CONTENT) == "# yaml-language-server: $schema=../guide.schema.json"
        assert (path.parent / first.split("$schema=", 1)[1]).resolve() == COMMITTED.resolve()


def test_the_schema_describes_every_field_in_korean() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["additionalProperties"] is False, "unknown keys are flagged while typing"
    assert set(schema["required"]) == {name for name, info in Guide.model_fields.items() if info.is_required()}
    objects = [schema, *schema["definitions"].values()]
    for obj in objects:
        for name, prop in obj["properties"].items():
            assert prop.get("title") and prop.get("description"), name
            assert any("가" <= ch <= "힣" for ch in prop["description"]), name
    references = re.findall(r'"\$ref": "([^"]*)"', json.dumps(schema))
    assert references, "the models nest, so the schema refers to its definitions"
    assert {ref.removeprefix("#/definitions/") for ref in references} <= set(schema["definitions"]), references
    assert all(ref.startswith("#/definitions/") for ref in references), references


def test_the_real_guide_is_valid_against_the_schema_as_an_editor_would_see_it() -> None:
    """yaml-language-server reads YAML 1.2, where a date is text; mirror that and validate."""
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    for path in guide_paths(CONTENT):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
        jsonschema.Draft7Validator(schema).validate(data)


def test_the_schema_catches_a_typo_an_editor_makes() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    data = yaml.load((CONTENT / "guides" / "kb-financial-certificate.yml").read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    data["sumary"] = data.pop("summary")
    errors = sorted(e.message for e in jsonschema.Draft7Validator(schema).iter_errors(data))
    assert any("'summary' is a required property" in e for e in errors)
    assert any("'sumary' was unexpected" in e for e in errors)


class _Yaml12Loader(yaml.SafeLoader):
    pass


# YAML 1.2 (what editors' language servers use) has no timestamp type, so dates stay text, and
# its only booleans are true and false: yes, no, on and off are text too.
_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_Yaml12Loader.yaml_implicit_resolvers = {
    key: [
        (tag, _YAML12_BOOL if tag == "tag:yaml.org,2002:bool" else regexp)
        for tag, regexp in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
    ]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_a_new_guide_has_no_squiggles_in_the_editor(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert main(["-f", str(project / "mkdocs.yml"), "new", "fresh-guide"]) == 0
    text = (project / "content" / "guides" / "fresh-guide.yml").read_text(encoding="utf-8")
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(yaml.load(text, Loader=_Yaml12Loader))) == []


# The schema and `check` on the same mistakes: what the schema can say, it says as check does.
# Each case edits the sample guide once: (old, new, whether check and the schema accept it).
AGREEMENT = {
    "the sample as it is": ("title: 예시 안내서", "title: 예시 안내서", True),
    "a title of spaces only": ("title: 예시 안내서", 'title: "   "', False),
    "an empty title": ("title: 예시 안내서", 'title: ""', False),
    "a source over http": ("url: https://www.fss.or.kr", "url: http://www.fss.or.kr", False),
    "a source without a scheme": ("url: https://www.fss.or.kr", "url: www.fss.or.kr", False),
    "optional: yes": ("    body: 첫 단계에서 할 일을 적습니다.", "    body: 첫 단계에서 할 일을 적습니다.\n    optional: yes", True),
    "optional: Off": ("    body: 첫 단계에서 할 일을 적습니다.", "    body: 첫 단계에서 할 일을 적습니다.\n    optional: Off", True),
    "optional: 'true' quoted": ("    body: 첫 단계에서 할 일을 적습니다.", "    body: 첫 단계에서 할 일을 적습니다.\n    optional: 'true'", True),
    "optional: 1": ("    body: 첫 단계에서 할 일을 적습니다.", "    body: 첫 단계에서 할 일을 적습니다.\n    optional: 1", True),
    "optional: 2": ("    body: 첫 단계에서 할 일을 적습니다.", "    body: 첫 단계에서 할 일을 적습니다.\n    optional: 2", False),
    "optional: maybe": ("    body: 첫 단계에서 할 일을 적습니다.", "    body: 첫 단계에서 할 일을 적습니다.\n    optional: maybe", False),
    "an unknown channel": ("channels: [PC]", "channels: [TV]", False),
    "no channel": ("channels: [PC]", "channels: []", False),
    "a capital in an id": ("  - id: step-one", "  - id: Step-One", False),
    "a one-letter id": ("  - id: step-one", "  - id: s", False),
    "a number for a text": ("    value: 무료", "    value: 0", False),
    "a misspelt key": ("summary: ", "sumary: ", False),
    "one step fewer": ("  - id: step-two\n    title: 두 번째 단계입니다\n    body: 두 번째 단계에서 할 일을 적습니다.\n", "", True),
}


def check_accepts(tmp_path: Path, text: str) -> bool:
    content = write_content(tmp_path / "content", {"guides/sample-guide.yml": text})
    _compiled, problems = compile_content(content, settings_for(content))
    return not has_errors(problems)


def schema_accepts(text: str) -> bool:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    return not list(jsonschema.Draft7Validator(schema).iter_errors(yaml.load(text, Loader=_Yaml12Loader)))


@pytest.mark.parametrize("case", list(AGREEMENT), ids=list(AGREEMENT))
def test_the_schema_and_check_agree(tmp_path: Path, case: str) -> None:
    old, new, accepted = AGREEMENT[case]
    text = edited_example(old, new)
    assert (check_accepts(tmp_path, text), schema_accepts(text)) == (accepted, accepted)
