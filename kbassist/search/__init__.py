"""Searching the knowledge base: kbassist's own query and result types, and an engine seam.

- `results`: Hit, SearchResult, UpdateReport: what the CLI and the TUI show.
- `query`: the query as kbassist understands it (words, filters, phrases, wildcards),
  checked and split before any engine sees it.
- `snippets`: the text a hit's snippet is cut from, and the cut.
- `budget`: what one search may spend (wildcards, seconds) and its cancellation.
- `folder`, `store`, `changes`: the index folder on disk (checked, locked, CURRENT and
  its generations, the manifest) and what changed since the last run (a change set).
- `backend`: the `SearchBackend` Protocol an engine implements.
- `whoosh_backend/`: the Whoosh engine: analyzer and schema, the multiprocess builder and
  the numpy BM25F scorer. The ONLY package that imports whoosh.

`kbassist.index.KBIndex` is the facade the CLI and the TUI use; it speaks these types.
"""
