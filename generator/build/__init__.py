"""A build's work: compile every guide (in worker processes, through the cache), render handouts, index search.

Imports from ``content``, ``page``, ``search`` and ``handout``; never from ``mkdocs_plugin`` or ``cli``.
"""
