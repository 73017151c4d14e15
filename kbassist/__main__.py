"""`python -m kbassist` is the same as the `kbassist` command."""

from kbassist.cli import run

run()
