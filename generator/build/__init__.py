"""A build's work: compile every guide (in worker processes, through the cache), render handouts, draw share images, index search.

Imports from ``content``, ``page``, ``search``, ``handout`` and ``share``; never from ``mkdocs_plugin`` or ``cli``.
"""
