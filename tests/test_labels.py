"""overrides/partials/language.html answers from generator/mkdocs_plugin/labels.py's table exactly as Material would."""

from __future__ import annotations

import re

from mkdocs.config import load_config

from generator.mkdocs_plugin.labels import label_lookup
from tests.support import ROOT


def theme_env():
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config, config.theme.get_env()


def test_every_label_is_what_materials_own_lookup_gives() -> None:
    config, env = theme_env()
    language = config.theme["language"]
    english = env.loader.get_source(env, "partials/languages/en.html")[0]
    keys = re.findall(r'^\s*"([a-z0-9.\-_]+)":', english, flags=re.MULTILINE)
    assert len(keys) > 50
    material = env.from_string(
        f'{{% import "partials/languages/{language}.html" as lang %}}{{% import "partials/languages/en.html" as fallback %}}'
        "{{ lang.t(key) or fallback.t(key) or key }}"
    )
    label = label_lookup(env, language)
    for key in [*keys, "no.such.label"]:
        assert label(key) == material.render(key=key), key
    assert label("action.edit") == "이 페이지 수정하기"  # ours (ko-giljabi), not Material's Korean


def test_the_override_asks_the_table_when_the_plugin_has_set_it() -> None:
    config, env = theme_env()
    page = env.from_string('{% import "partials/language.html" as lang with context %}{{ lang.t("action.edit") }}')
    assert page.render(config=config) == "이 페이지 수정하기"  # Material's way, before the plugin runs
    env.globals["giljabi_label"] = lambda key: f"table:{key}"
    assert page.render(config=config) == "table:action.edit"
