"""Decision trees: the model, YAML loading and lint, the walk engine, sessions, tests,
and a finished walk's checklist and its exports.

Headless: nothing here imports Textual or click, so the CLI and the TUI share it.
"""
