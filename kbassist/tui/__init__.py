"""The terminal UI: the ONLY package that imports textual.

`app.make_app()` builds the App for the CLI (`run_app`) and for the tests alike.
"""
