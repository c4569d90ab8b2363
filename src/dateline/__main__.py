"""Run the CLI as ``python -m dateline``."""

from .cli import main

main()
