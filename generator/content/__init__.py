"""The content format and reading it: the model, YAML with positions, problems, policy checks, schema.

Imports nothing from the rest of the package; every other layer builds on this one.
"""
