"""The Whoosh engine: the ONLY package that imports whoosh (or reads its private names).

- `analysis`: the analyzer (stems, versions, error codes, CamelCase, shorthand) and schema.
- `build`: one-process and multiprocess builds, applying a change set, tidying.
- `fastwrite`: Whoosh's segment writer, the same postings (as whoosh3 reads them) for less CPU.
- `scorer`: BM25F with numpy over Whoosh's posting blocks.
- `expand`: wildcards bounded to their most used words; a collector that keeps time.
- `words`: near words for "did you mean".
- `damage`: which read errors mean damaged files.
- `backend`: `WhooshBackend`, the `SearchBackend` the facade uses.
"""

from kbassist.search.whoosh_backend.backend import WhooshBackend

__all__ = ["WhooshBackend"]
