"""Which exceptions of Whoosh's readers mean damaged index files, and which do not."""

from __future__ import annotations

import os
import pickle
import struct
import zlib

from whoosh import index
from whoosh.filedb.filetables import FileFormatError
from whoosh.reading import CorruptIndexError

from kbassist.search.errors import is_resource_error

#: What reading a Whoosh index may raise (a race with a commit, damage, or the query's).
READ_ERRORS = (
    OSError,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    AttributeError,
    TypeError,
    MemoryError,
    RecursionError,
    index.IndexError,
    OverflowError,
    pickle.UnpicklingError,
    struct.error,
    zlib.error,
    FileFormatError,
    CorruptIndexError,
)

#: What only unreadable index files raise (a bad header, a short read, a bad pickle).
_FILE_ERRORS = (
    EOFError,
    pickle.UnpicklingError,
    struct.error,
    zlib.error,
    FileFormatError,
    CorruptIndexError,
    index.IndexError,
)
#: Whoosh's modules that decode index files: a TypeError or a KeyError raised in one of
#: them comes from bytes that are not what they should be (a stored-fields column
#: deleted or overwritten raises exactly these).
_DECODING = tuple(
    os.path.join(os.path.dirname(index.__file__), name)
    for name in ("filedb", "codec", "columns.py", "index.py", "util/numlists.py", "util/varints.py")
)


def is_damage(exc: BaseException) -> bool:
    """True when `exc` says the index files are unreadable, False when it is the query's
    (or the machine's): MemoryError, RecursionError, a TypeError from query code.

    A search under `ulimit -v` ran out of memory, was taken for damage, wrote DAMAGED,
    and made the next search rebuild all 60,335 articles.
    """
    if is_resource_error(exc):
        return False
    if isinstance(exc, (OSError, *_FILE_ERRORS)):
        return True
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_code.co_filename.startswith(_DECODING)
