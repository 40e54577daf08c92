"""The MkDocs glue: the plugins, their options, and the few places that touch MkDocs or Material.

May import every layer below it (``build`` and down); nothing in the package imports it but ``cli``.
"""
