"""Korean search: a sharded character-bigram index written at build time for a small worker.

Material's stock search splits Korean on spaces and matches word starts, so particles stay
glued to words ("인증서" misses "금융인증서는"). Here every section's text is reduced to
letters and digits without spaces ("compact" text) and indexed by character bigrams; the
browser strips particles and endings from the query, looks up only the shards its bigrams
hash to, and confirms each candidate by a substring test on the compact text. See
``analysis`` (shared normalisation), ``sections`` (what is indexed) and ``index`` (files).

Imports only from ``generator.content`` and ``generator.page``.
"""

