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
from tests.support import CONTENT, ROOT, copy_project

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


# YAML 1.2 (what editors' language servers use) has no timestamp type: dates stay text.
_Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_a_new_guide_has_no_squiggles_in_the_editor(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert main(["-f", str(project / "mkdocs.yml"), "new", "fresh-guide"]) == 0
    text = (project / "content" / "guides" / "fresh-guide.yml").read_text(encoding="utf-8")
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(yaml.load(text, Loader=_Yaml12Loader))) == []
