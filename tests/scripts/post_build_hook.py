"""A MkDocs hook (mkdocs.yml `hooks:`) standing in for any post_build work, such as the PDF
handouts or the search index: it writes into config.site_dir and fails when told to, the way a
PDF that cannot be rendered would. tests/test_atomic_build.py copies it into a project.

GILJABI_TEST_MARK: the text it writes; GILJABI_TEST_FAIL_POST_BUILD: fail after writing.
"""

import os

from mkdocs.exceptions import PluginError


def on_post_build(config, **kwargs):
    with open(os.path.join(config.site_dir, "written-at-post-build.txt"), "w", encoding="utf-8") as f:
        f.write(os.environ.get("GILJABI_TEST_MARK", "첫 빌드"))
    if os.environ.get("GILJABI_TEST_FAIL_POST_BUILD"):
        raise PluginError("인쇄용 PDF를 만들지 못했습니다 (테스트)")
