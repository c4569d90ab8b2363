"""Stage 4: turn site collections into HTML with one Jinja environment and typed page contexts.

Import from the modules: ``env`` (the environment and the theme), ``context`` (page contexts),
``views`` (what templates see), ``files`` (feeds, sitemaps), ``feeds``, ``sitemaps``, ``deps``. The package
itself imports nothing, so a build that renders one page does not pay for the others.
"""
