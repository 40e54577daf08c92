"""The plugin's options in mkdocs.yml (``plugins: - giljabi: …``), declared once with defaults."""

from __future__ import annotations

from mkdocs.config import base


class GiljabiConfig(base.Config):
    """Options of the giljabi plugin. Add an option here, with a comment saying why it exists."""
