"""The HTML of a guide's page and of the home page, from validated guides.

Imports only from ``generator.content``.
"""
