"""길잡이: Korean step-by-step guides from YAML, as a MkDocs site with handout PDFs.

Layers, each a folder that imports only from those before it:
content → page → search, handout → build → mkdocs_plugin → cli.
"""
