"""The command line. A bare `kbassist` opens the TUI; subcommands work without it.

Exit codes (also in the README):
  0 success · 1 lint or tree tests found problems · 2 usage or query error ·
  3 article, tree or session not found · 4 invalid input file (articles folder, settings,
  tree, answers, session) · 5 index busy or not writable · 6 cannot write the output file (or
  it is not a regular file) ·
  130 interrupted · 70 internal error (a bug: please report it)

Textual is imported only when the TUI opens, so `kbassist search` starts fast.

Where things are: `base` (the group, its options, error handling, settings and the
`Assistant` each command gets), `output` (every byte to the terminal, sanitized),
and one module per command family: `kb` (search, show, index, draft), `trees`, `walk`
(walk, sessions), `config` (config, completion, serve). A new command goes in one of
them (or a new module imported below) and calls `kbassist.assistant`.
"""

from kbassist.cli import config, kb, trees, walk  # each registers its commands on `main`
from kbassist.cli.base import GROUP_OPTIONS, main, run

__all__ = ["GROUP_OPTIONS", "config", "kb", "main", "run", "trees", "walk"]
