from pathlib import Path


def test_site_builds_with_every_guide_page(built_site: Path, guide_files) -> None:
    assert (built_site / "index.html").is_file()
    for loaded in guide_files:
        assert (built_site / "guides" / loaded.guide.id / "index.html").is_file()
