"""Writing a Whoosh segment faster: what stock whoosh3 writes, as whoosh3 reads it.

A full build spent over half its CPU in Whoosh's per-term writer (a postings writer, a
term info and a hash-table entry per term, a method call per posting) and a third in
`add_document` (a generator per field, a pool `add` per posting, then one sort of every
posting). Here the same files come out of one tight loop per field:

- `FastSegmentWriter` keeps a build's postings grouped by field and term as they are
  added (a document's postings arrive in document order, so nothing is sorted but the
  terms), and indexes the three formats our schema uses (Existence, Frequency,
  Positions) without the per-token generator stack. Any other field, format or value
  goes through Whoosh's own `field.index`.
- `FastFieldWriter` writes the posting blocks and the term table of a field in one
  pass, with the document lengths read once per field instead of once per posting.

Nothing a reader sees changes: every term, term statistic and posting reads back from
stock whoosh3 equal to what its own writer gives, the other segment files are
byte-identical (tests/test_fast_write.py), the segment still pickles a stock `W3Codec`,
and readers, the numpy scorer and old indexes are untouched. Two encodings differ, both
within whoosh3's format: posting blocks are pickled with protocol 3 (`_BLOCK_PROTOCOL`)
and the term table hashes keys with CRC32 (`_hash_with_crc32`), not MD5.

Whoosh private names used (pinned whoosh3 3.54; tests/test_fast_write.py catches a change):
`W3FieldWriter._codec/_fieldmap/_postfile/_tindex`, `W3Codec._blocklimit/_compression/
_inlinelimit`, `whoosh3.WHOOSH3_HEADER_MAGIC/COMPRESSION_MIN_SIZE/LENGTHS_COLUMN/
_lenfield`, `W3TermInfo._struct`, `W3PerDocReader._cached_reader`,
`NumericColumn.Reader._dbfile/_basepos/_count/_typecode/_default`, `filetables._lengths/
_pointer/md5_hash/crc_hash/_hash_functions`, `HashWriter.buckets/directory/startoffset/
hashtype/hashfn/_write_hashes` (replaced on the instance), `OrderedHashWriter.index/
lastkey`, `GrowableArray.array/_retype`, and
`SegmentWriter.pool/fieldwriter/perdocwriter/docnum/_added/_check_state/_check_fields/
_doc_boost/_field_boost/_flush_segment`.

Not handled here (Whoosh's own code runs instead): spelling fields and term vectors
(`FastSegmentWriter` then keeps Whoosh's pool and `add_document`); a codec with inlined
postings (refused: whoosh3 writes none).
"""

from __future__ import annotations

import struct
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, chain, groupby, repeat
from operator import floordiv, itemgetter, lt, sub
from pickle import dumps
from typing import Any
from zlib import crc32

from whoosh import fields as whoosh_fields
from whoosh import formats
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.analysis.filters import LowercaseFilter, StripFilter
from whoosh.analysis.tokenizers import IDTokenizer, RegexTokenizer
from whoosh.codec import whoosh3
from whoosh.codec.base import PerDocumentReader
from whoosh.filedb import filetables
from whoosh.system import pack_int, pack_uint, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

#: One posting of a term: (document number, weight, encoded value).
Posting = tuple[int, Any, bytes]
#: Field name -> term bytes -> its postings in document order.
#: A term's postings are kept flat, [doc, weight, value, doc, weight, value, ...]:
#: a tuple per posting cost 64 bytes more each, over a gigabyte in a full build's
#: worker, and the page faults and cache misses that come with it.
Terms = dict[bytes, list[Any]]

_MAGIC = whoosh3.WHOOSH3_HEADER_MAGIC
#: The pickle protocol of a block's postings. whoosh3 writes protocol 2, and readers
#: load any protocol alike; but protocol 2 has no bytes opcode: each value (a word's
#: encoded positions) went in as a call of codecs.encode on a latin-1 string, three
#: times its size, so the build pickled and compressed twice the bytes, and a search
#: decodes them the same slow way. Protocol 3 writes bytes as they are.
_BLOCK_PROTOCOL = 3
_MIN_COMPRESSED = whoosh3.COMPRESSION_MIN_SIZE
#: W3TermInfo.to_bytes of postings in the postings file: the info, offset and length.
_TERMINFO = struct.Struct(whoosh3.W3TermInfo._struct.format + "qi")
_KEY_VALUE_LENGTHS = filetables._lengths
_SLOT = filetables._pointer
#: Document length byte -> the length Whoosh's readers report (0 means "none": None).
_LENGTH_OF_BYTE: list[int | None] = [None] + [byte_to_length(b) for b in range(1, 256)]
#: length_to_byte of every length a length column can give (others are computed).
_BYTE_OF_LENGTH: dict[int | None, int] = {
    n: length_to_byte(n) for n in [None, 0, *_LENGTH_OF_BYTE[1:]]
}
#: weight -> its float32 value, as the block's array("f") keeps it.
_FLOAT32: dict[Any, float] = {}


def _byte_of_length(length: int | None) -> int:
    found = _BYTE_OF_LENGTH.get(length)
    return length_to_byte(length) if found is None else found


class FastFieldWriter:
    """Whoosh's `W3FieldWriter`, one loop per field: writes the same `.trm` and `.pst`.

    Wraps the stock writer the segment writer made (it created and names the files) and
    writes through its file handles and term table, so `close` is the stock one but
    for the term table's hash slots, written in one piece.
    """

    def __init__(self, inner: whoosh3.W3FieldWriter) -> None:
        codec = inner._codec
        if codec._inlinelimit > 1:  # whoosh3 cannot write inlined postings either
            raise ValueError("inlined postings are not supported")
        tindex = inner._tindex
        if tindex.hashfn is not filetables.md5_hash or tindex.buckets != [[]] * 256:
            raise ValueError("only a new MD5 term table is supported")
        _hash_with_crc32(tindex)
        #: The term table's (hash, position) of each key, kept flat here rather than
        #: as a tuple per key in the table's 256 buckets; split when it is written.
        self._hashes = array("L")
        self._positions = array("q")
        tindex._write_hashes = lambda: _write_hash_slots(  # type: ignore[method-assign]
            tindex, self._hashes, self._positions
        )
        self._inner = inner
        self._blocklimit: int = codec._blocklimit
        self._compression: int = codec._compression

    @property
    def is_closed(self) -> bool:
        return bool(self._inner.is_closed)

    def close(self) -> None:
        self._inner.close()

    def add_postings(
        self,
        schema: whoosh_fields.Schema,
        lengths: PerDocumentReader | None,
        items: Iterable[tuple[str, bytes, int, Any, bytes | None]],
    ) -> None:
        """Stock `FieldWriter.add_postings`: postings sorted by (field, term, docnum)."""
        for fieldname, rows in groupby(items, key=itemgetter(0)):
            terms: Terms = {}
            for btext, group in groupby(rows, key=itemgetter(1)):
                if btext in terms:
                    raise ValueError(f"postings of {fieldname}:{btext!r} out of order")
                terms[btext] = [x for _f, _t, d, w, v in group for x in (d, w, v or b"")]
            self.write_field(schema, lengths, fieldname, list(terms), list(terms.values()))

    def _one_block(
        self, posting: Posting, length: int | None, mini_values: Callable[[Iterable[bytes]], Any]
    ) -> _Written:
        """The posting block of a term with one posting, with the term's statistics
        (see `_Written`)."""
        docnum, weight, value = posting
        w32 = _FLOAT32.get(weight)
        if w32 is None:
            w32 = _FLOAT32[weight] = array("f", (weight,))[0]
        tmaxweight = weight if weight > 0 else 0
        if length:
            tminlen: int | None = length
        else:
            tminlen = None
        minbyte = _byte_of_length(tminlen)
        maxbyte = minbyte if tminlen is not None else 0
        data = dumps(
            ((docnum,), None if w32 == 1.0 else w32, mini_values((value,) if value else ())),
            _BLOCK_PROTOCOL,
        )
        comp = self._compression if len(data) >= _MIN_COMPRESSED else 0
        if comp:
            data = zlib.compress(data, comp)
        info = dumps((1, docnum, tmaxweight, comp, minbyte, maxbyte), 2)
        block = b"".join((_MAGIC, pack_int(-len(info) - len(data)), info, data))
        return (
            block,
            0 + w32,
            tmaxweight,
            0 if tminlen is None else minbyte,
            maxbyte,
            docnum,
            docnum,
        )

    def write_field(
        self,
        schema: whoosh_fields.Schema,
        lengths: PerDocumentReader | None,
        fieldname: str,
        keys: list[Any],
        postings_of: list[list[Any]],
    ) -> None:
        """Write one field: its terms `keys` in increasing order (the term table
        refuses any other), each with its postings in `postings_of` (the same order),
        in document order. The keys are bytes, or all str (encoded here as UTF-8).
        The postings come as a list, not looked up by term: a lookup in a dict of a
        million terms, in sorted order, was a cache miss per term."""
        inner = self._inner
        fieldmap = inner._fieldmap
        if fieldname in fieldmap:
            fieldid = fieldmap[fieldname]
        else:
            fieldid = fieldmap[fieldname] = len(fieldmap)
        fixedsize = schema[fieldname].format.fixed_value_size()  # type: ignore[union-attr]
        mini_values: Callable[[Iterable[bytes]], Any]
        if fixedsize is None or fixedsize < 0:
            mini_values = tuple
        elif fixedsize == 0:

            def mini_values(vals: Iterable[bytes]) -> Any:
                return None
        else:
            mini_values = b"".join
        length_of = _length_lookup(lengths, fieldname)
        blocklimit = self._blocklimit
        compression = self._compression
        compress = zlib.compress
        info_size = _TERMINFO.size
        prefix = pack_ushort(fieldid)

        postfile = inner._postfile
        tindex = inner._tindex
        tfile = tindex.dbfile
        posts_at = postfile.tell()
        terms_at = tfile.tell()
        #: Each term's postings and statistics, written a batch at a time (`_write_terms`):
        #: the term infos packed, the offsets summed and the table's entries joined in
        #: C-level maps, not a step of this loop per term.
        written_terms: list[_Written] = []
        done = 0  # terms written
        reuse: dict[Posting, _Written] | None = None if fixedsize is None or fixedsize < 0 else {}
        total: Any
        # The table's keys, checked in one pass: the term table refuses a key that
        # does not follow the one before it.
        btexts = list(map(str.encode, keys)) if keys and type(keys[0]) is str else keys
        table_keys = list(map(prefix.__add__, btexts))
        if table_keys and (
            table_keys[0] <= tindex.lastkey or not all(map(lt, table_keys, table_keys[1:]))
        ):
            for before, key in zip([tindex.lastkey, *table_keys], table_keys, strict=False):
                if key <= before:
                    raise ValueError(f"Keys must increase: {before!r}..{key!r}")

        if len(postings_of) != len(table_keys):
            raise ValueError(f"{len(table_keys)} terms, {len(postings_of)} posting lists")
        for postings in postings_of:
            if len(postings) == 3:
                # Most terms (word pairs above all) have one posting: one block, and
                # the term's statistics are the block's.
                posting = tuple(postings)
                weight = posting[1]
                # In a field of fixed-size values (counts), a document's one-posting
                # terms mostly share their weight and value, so their blocks are the
                # same bytes: made once per document, not once per term. (A float
                # weight above 0 only: 1 and 1.0, or 0.0 and -0.0, pickle differently.)
                cacheable = reuse is not None and type(weight) is float and weight > 0
                known = reuse.get(posting) if cacheable else None  # type: ignore[union-attr]
                if known is None:
                    known = self._one_block(posting, length_of(posting[0]), mini_values)
                    if cacheable:
                        if len(reuse) > 100_000:  # type: ignore[arg-type]
                            reuse.clear()  # type: ignore[union-attr]
                        reuse[posting] = known  # type: ignore[index]
                written_terms.append(known)
            else:
                count = len(postings) // 3
                chunks = [_MAGIC]
                # Term info, as W3TermInfo.add_block accumulates it block by block.
                total = 0
                tminlen = None
                tmaxlen = 0
                tmaxweight = 0
                minid = postings[0]
                for at in range(0, count, blocklimit):
                    block = (
                        postings
                        if count <= blocklimit
                        else postings[3 * at : 3 * (at + blocklimit)]
                    )
                    docnums = block[::3]
                    weighted = block[1::3]
                    values = block[2::3]
                    lastid = docnums[-1]
                    weights = array("f", weighted)
                    # Stock keeps the first weight above every one before it, from 0.
                    maxweight = max(weighted)
                    if not maxweight > 0:
                        maxweight = 0
                    lengths_known = list(filter(None, map(length_of, docnums)))
                    if lengths_known:
                        minlen: int | None = min(lengths_known)
                        maxlen = max(lengths_known)
                    else:
                        minlen, maxlen = None, 0
                    first = weights[0]
                    mini_weights: Any
                    if weights.count(first) == len(weights):
                        mini_weights = None if first == 1.0 else first
                    else:
                        mini_weights = tuple(weights)
                    data = dumps(
                        (
                            (docnums[0], *map(sub, docnums[1:], docnums)),
                            mini_weights,
                            mini_values(filter(None, values)),
                        ),
                        _BLOCK_PROTOCOL,
                    )
                    comp = compression if len(data) >= _MIN_COMPRESSED else 0
                    if comp:
                        data = compress(data, comp)
                    info = dumps(
                        (
                            len(docnums),
                            lastid,
                            maxweight,
                            comp,
                            _byte_of_length(minlen),
                            _byte_of_length(maxlen),
                        ),
                        2,
                    )
                    blocklength = len(info) + len(data)
                    chunks += (
                        pack_int(-blocklength if at + blocklimit >= count else blocklength),
                        info,
                        data,
                    )
                    total += sum(weights)
                    if tminlen is None or minlen is None:
                        tminlen = minlen if tminlen is None else tminlen
                    else:
                        tminlen = min(tminlen, minlen)
                    tmaxlen = max(tmaxlen, maxlen)
                    tmaxweight = max(tmaxweight, maxweight)
                written_terms.append(
                    (
                        b"".join(chunks),
                        total,
                        tmaxweight,
                        0 if tminlen is None else _byte_of_length(tminlen),
                        _byte_of_length(tmaxlen),
                        minid,
                        lastid,
                    )
                )
            if len(written_terms) >= _TERM_BATCH:
                upto = done + len(written_terms)
                posts_at = _write_terms(
                    postfile,
                    tfile,
                    posts_at,
                    table_keys[done:upto],
                    postings_of[done:upto],
                    written_terms,
                )
                written_terms.clear()
                done = upto
        _write_terms(
            postfile, tfile, posts_at, table_keys[done:], postings_of[done:], written_terms
        )
        # Where each key's entry starts: after the entries before it (length pair,
        # key, info), summed in C rather than a step of the loop per term.
        key_positions = list(
            accumulate(map((8 + info_size).__add__, map(len, table_keys)), initial=terms_at)
        )
        key_positions.pop()
        if table_keys:
            tindex.lastkey = table_keys[-1]
            self._hashes.extend(map(crc32, table_keys))
            self._positions.extend(key_positions)
        if key_positions:
            # What OrderedHashWriter.add does a key at a time: the array of key
            # positions widens its type when a position outgrows it.
            index = tindex.index
            try:
                array(index.array.typecode, key_positions[-1:])  # type: ignore[union-attr]
            except OverflowError:
                index._retype(key_positions[-1])
            index.array.extend(key_positions)


#: Terms written at a time (`_write_terms`): memory for the batch's blocks is bounded.
_TERM_BATCH = 16384
#: What a term's postings are written as: (its blocks, total weight, max weight, min
#: length byte, max length byte, first document, last document).
_Written = tuple[bytes, Any, Any, int, int, int, int]


def _write_terms(
    postfile: Any,
    tfile: Any,
    posts_at: int,
    keys: list[bytes],
    postings_of: list[list[Any]],
    written: list[_Written],
) -> int:
    """Write a batch of terms: their blocks to the postings file (from `posts_at`),
    their entries to the term table's file; where the postings file ends after."""
    blocks = list(map(itemgetter(0), written))
    sizes = list(map(len, blocks))
    starts = list(accumulate(sizes, initial=posts_at))
    end = starts.pop()
    infos = list(
        map(
            _TERMINFO.pack,
            repeat(False),
            map(itemgetter(1), written),
            map(floordiv, map(len, postings_of), repeat(3)),
            map(itemgetter(3), written),
            map(itemgetter(4), written),
            map(itemgetter(2), written),
            map(itemgetter(5), written),
            map(itemgetter(6), written),
            starts,
            sizes,
        )
    )
    postfile.write(b"".join(blocks))
    tfile.write(_table_entries(keys, infos, _TERMINFO.size))
    return end


def _table_entries(keys: list[bytes], infos: list[bytes], info_size: int) -> bytes:
    """The term table's entries of `keys` with their packed `infos`, as
    `HashWriter.add` writes each: the key's and the info's lengths, the key, the info."""
    lengths = map(_KEY_VALUE_LENGTHS.pack, map(len, keys), repeat(info_size))
    return b"".join(chain.from_iterable(zip(lengths, keys, infos, strict=True)))


def _hash_with_crc32(tindex: filetables.HashWriter) -> None:
    """Make a new term table hash its keys with CRC32, one of the hash types Whoosh's
    table format defines (0 MD5, 1 CRC32, 2 CDB) and every reader honours: the type is
    a byte of the table's header, rewritten here before any key is added. An MD5 per
    term was 1.5% of a build's CPU; CRC32 costs a tenth of that."""
    dbfile = tindex.dbfile
    end = dbfile.tell()
    dbfile.seek(tindex.startoffset + len(_TABLE_MAGIC))
    dbfile.write_byte(_CRC32_HASH)
    dbfile.seek(end)
    tindex.hashtype = _CRC32_HASH
    tindex.hashfn = filetables.crc_hash


_TABLE_MAGIC = b"HSH3"  # HashWriter's default, which whoosh3's term table keeps
_CRC32_HASH = filetables._hash_functions.index(filetables.crc_hash)


def _write_hash_slots(
    tindex: filetables.HashWriter, hashes: array[int], positions: array[int]
) -> None:
    """`HashWriter._write_hashes`: the 256 open-addressing tables, built with numpy.

    Key i goes to table `hashes[i] & 255`, which has twice as many slots as keys; a
    reader probes from slot `(hash >> 8) % slots` onwards, wrapping at the end, until
    it finds the key or an empty slot. Placing each table's keys in order of their first
    slot, each at the first free slot from there, keeps every probe run unbroken: the
    table linear probing gives for keys added in that order. Any keys added to the
    buckets the stock way are included.
    """
    extra = [entry for bucket in tindex.buckets for entry in bucket]
    if len(hashes) + len(extra) < _NUMPY_SLOTS_MIN:
        # A commit of a few changes: importing numpy would cost more than it saves.
        _write_small_slots(tindex, [*zip(hashes, positions, strict=True), *extra])
        return
    import numpy as np

    hashed = np.frombuffer(hashes, dtype=f"u{hashes.itemsize}").astype(np.int64)
    placed = np.frombuffer(positions, dtype=np.int64)
    if extra:
        more = np.array(extra, dtype=np.int64).reshape(-1, 2)
        hashed = np.concatenate([hashed, more[:, 0]])
        placed = np.concatenate([placed, more[:, 1]])
    table_of = hashed & 255
    counts = np.bincount(table_of, minlength=256)
    # By table, then by first slot (stable: the order keys came in breaks ties).
    first = (hashed >> 8) % np.maximum(2 * counts[table_of], 1)
    order = np.lexsort((first, table_of))
    slot_type = np.dtype([("hash", ">u4"), ("pos", ">i8")])
    assert slot_type.itemsize == _SLOT.size
    dbfile = tindex.dbfile
    pos = dbfile.tell()
    out = []
    begin = 0
    for count in counts.tolist():
        numslots = 2 * count
        tindex.directory.append((pos, numslots))
        pos += numslots * _SLOT.size
        if not count:
            continue
        mine = order[begin : begin + count]
        begin += count
        wanted = first[mine]
        steps = np.arange(count)
        slots = np.maximum.accumulate(wanted - steps) + steps
        over = slots >= numslots
        if over.any():  # runs off the end: the first free slots from the start
            taken = np.zeros(numslots, dtype=bool)
            taken[slots[~over]] = True
            slots[over] = np.flatnonzero(~taken)[: int(over.sum())]
        table = np.zeros(numslots, dtype=slot_type)
        table["hash"][slots] = hashed[mine]
        table["pos"][slots] = placed[mine]
        out.append(table.tobytes())
    dbfile.write(b"".join(out))


#: Keys from which `_write_hash_slots` places them with numpy.
_NUMPY_SLOTS_MIN = 20_000


def _write_small_slots(tindex: filetables.HashWriter, entries: list[tuple[int, int]]) -> None:
    """`_write_hash_slots` for a few keys, as stock `_write_hashes` places them."""
    buckets: list[list[tuple[int, int]]] = [[] for _ in range(256)]
    for entry in entries:
        buckets[entry[0] & 255].append(entry)
    dbfile = tindex.dbfile
    pos = dbfile.tell()
    pack = _SLOT.pack
    empty = pack(0, 0)
    out = []
    for bucket in buckets:
        numslots = 2 * len(bucket)
        tindex.directory.append((pos, numslots))
        table: list[bytes | None] = [None] * numslots
        for hashval, position in bucket:
            slot = (hashval >> 8) % numslots
            while table[slot] is not None:
                slot = (slot + 1) % numslots
            table[slot] = pack(hashval, position)
        out.append(b"".join([empty if e is None else e for e in table]))
        pos += numslots * _SLOT.size
    dbfile.write(b"".join(out))


def _length_lookup(lengths: PerDocumentReader | None, fieldname: str) -> Callable[[int], Any]:
    """docnum -> the field's length in that document, as `doc_field_length_reader`
    gives it (None when the length byte is 0), from one read of the length column."""
    if not lengths:
        return lambda docnum: 0
    reader = None
    if isinstance(lengths, whoosh3.W3PerDocReader):
        reader = lengths._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if reader is None:
            return lambda docnum: 0
    if (
        type(reader) is not whoosh3.columns.NumericColumn.Reader
        or reader._typecode != "B"
        or reader._default != 0
    ):
        return lengths.doc_field_length_reader(fieldname)
    raw = reader._dbfile.get(reader._basepos, reader._count)
    table = _LENGTH_OF_BYTE
    by_doc = [table[b] for b in raw]
    by_doc += [None] * max(0, lengths.doc_count_all() - len(by_doc))
    return by_doc.__getitem__


def _triples(postings: list[Any]) -> Iterator[tuple[int, Any, bytes]]:
    """A term's flat postings (see `Terms`) as (document, weight, value) tuples."""
    return zip(postings[::3], postings[1::3], postings[2::3], strict=True)


class _TermPool:
    """The postings of a build, grouped by field and term as they are added.

    Stands in for Whoosh's PostingPool, which keeps (field, term, doc, weight, value)
    tuples and sorts them all at the end: here only each field's terms are sorted.
    Everything stays in memory, as the stock pool does below its `limitmb` (2 GB for
    a build); the per-term lists hold less than its tuples did.
    """

    def __init__(self) -> None:
        self.fields: dict[str, Terms] = {}
        #: Field -> term (str) -> postings, for the fields an analyzer's one call fills
        #: (`_pool_positions`, `_pool_counts`). Keyed by the analyzer's own term strings,
        #: whose hashes are computed once: a new bytes key per posting was hashed and
        #: compared byte by byte in a dict of a million terms, a cache miss each time.
        #: Encoded once per term when written (str order is UTF-8's byte order).
        self.words: dict[str, dict[str, list[Any]]] = {}
        self._shuffled = False

    def add(self, item: tuple[str, bytes, int, Any, bytes]) -> None:
        """Stock `PostingPool.add` (merged segments come this way)."""
        fieldname, btext, docnum, weight, value = item
        terms = self.fields.setdefault(fieldname, {})
        postings = terms.get(btext)
        if postings is None:
            terms[btext] = [docnum, weight, value]
        else:
            if docnum <= postings[-3]:
                self._shuffled = True
            postings += (docnum, weight, value)

    def field_terms(self) -> Iterator[tuple[str, list[Any], list[list[Any]]]]:
        """(field, its terms in order, their postings in the same order) for each
        field, fields in order; a field's terms are all bytes or all str (see `words`)."""
        for fieldname in sorted(self.fields.keys() | self.words.keys()):
            terms: dict[Any, list[Any]] = self.fields.get(fieldname, {})
            shuffled = self._shuffled
            words = self.words.get(fieldname)
            if words and terms:  # the same field both ways (a value that was not a str)
                for word, postings in words.items():
                    key = word.encode("utf-8")
                    found = terms.get(key)
                    if found is None:
                        terms[key] = postings
                    else:
                        found += postings
                shuffled = True
            elif words:
                terms = words
            if terms:
                if shuffled:
                    for postings in terms.values():
                        ordered = sorted(_triples(postings))
                        postings[:] = [x for posting in ordered for x in posting]
                # The keys alone, then their postings: a list of one type is sorted
                # with that type's own compare, where (key, postings) pairs went
                # through a tuple compare per step (twice the time of the sort and
                # the lookups together, 2% of a build).
                keys = sorted(terms)
                yield fieldname, keys, list(map(terms.__getitem__, keys))

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, Any, bytes]]:
        for fieldname, keys, postings_of in self.field_terms():
            for key, postings in zip(keys, postings_of, strict=True):
                btext = key.encode("utf-8") if type(key) is str else key
                for docnum, weight, value in _triples(postings):
                    yield fieldname, btext, docnum, weight, value

    def cleanup(self) -> None:
        """Nothing on disk to remove (stock's pool removes its spilled runs)."""


def _positions_values(
    value: str, analyzer: Any, field_boost: float
) -> list[tuple[bytes, int, float, bytes]] | None:
    """`formats.Positions.word_values`, or None when a token carries a boost (then the
    stock path sums them). An analyzer with `term_positions` (kbassist's) gives every
    term's positions in one call."""
    term_positions = getattr(analyzer, "term_positions", None)
    if term_positions is not None:
        poses: dict[str, list[int]] = term_positions(value)
    else:
        poses = {}
        for token in analyzer(value, positions=True, boosts=True, mode="index"):
            if token.stopped:
                continue
            if token.boost != 1.0:
                return None
            text = token.text
            found = poses.get(text)
            if found is None:
                poses[text] = [token.pos]
            else:
                found.append(token.pos)
    out = []
    for word, poslist in poses.items():
        count = len(poslist)
        if count == 1:
            pos = poslist[0]
            encoded = _one_position(pos)
        else:
            deltas = [poslist[0], *map(sub, poslist[1:], poslist)]
            encoded = pack_uint(count) + dumps(deltas, 2)
        out.append((word.encode("utf-8"), count, float(count) * field_boost, encoded))
    return out


def _pool_positions(poses: dict[str, list[int]], docnum: int, terms: dict[str, list[Any]]) -> int:
    """Add one document's postings of a Positions field (no boosts) to the pool's
    `terms`, straight from its term positions; the field's length. The postings are
    those `_positions_values` gives, without a list of items in between."""
    single = _ONE_POSITION
    known = len(single)
    get = terms.get
    for word, poslist in poses.items():
        if len(poslist) == 1:
            # One bytes object per position, shared: a block's pickle then writes a
            # value it already holds as a two-byte reference (see `_BLOCK_PROTOCOL`).
            pos = poslist[0]
            if pos < known:
                encoded = single[pos]
            else:
                encoded = _one_position(pos)
                known = len(single)
            postings = get(word)
            if postings is None:
                terms[word] = [docnum, 1.0, encoded]
            else:
                postings += (docnum, 1.0, encoded)
        else:
            count = len(poslist)
            deltas = [poslist[0], *map(sub, poslist[1:], poslist)]
            encoded = pack_uint(count) + dumps(deltas, 2)
            postings = get(word)
            if postings is None:
                terms[word] = [docnum, float(count), encoded]
            else:
                postings += (docnum, float(count), encoded)
    return sum(map(len, poses.values()))


def _one_position(pos: int) -> bytes:
    """The encoded value of a word at the one position `pos`, always the same object.

    Kept in a list up to `_LISTED_POSITIONS` (an index per posting, not a dict lookup),
    grown with every position before it; in a dict above (a long article's tail).
    """
    single = _ONE_POSITION
    if pos >= _LISTED_POSITIONS:
        encoded = _FAR_POSITIONS.get(pos)
        if encoded is None:
            encoded = _FAR_POSITIONS[pos] = _PACKED_ONE + dumps([pos], 2)
        return encoded
    while len(single) <= pos:
        single.append(_PACKED_ONE + dumps([len(single)], 2))
    return single[pos]


def _pool_counts(counts: dict[str, int], docnum: int, terms: dict[str, list[Any]]) -> int:
    """`_pool_positions` for a Frequency field: the postings `_frequency_values` gives."""
    packed = _PACKED_COUNTS
    for word, count in counts.items():
        if count == 1:  # most pairs: shared objects, as for one position
            weight: float = 1.0
            encoded = _PACKED_ONE
        else:
            weight = float(count)
            encoded = packed.get(count) or packed.setdefault(count, pack_uint(count))
        postings = terms.get(word)
        if postings is None:
            terms[word] = [docnum, weight, encoded]
        else:
            postings += (docnum, weight, encoded)
    return sum(counts.values())


#: Position -> the encoded value of a word at that one position (`formats.Positions`:
#: the count 1, then the pickle of [position]): most words occur once in a field.
_ONE_POSITION: list[bytes] = []
_LISTED_POSITIONS = 1 << 16
_FAR_POSITIONS: dict[int, bytes] = {}
_PACKED_ONE = pack_uint(1)
#: Count -> its encoded value in a Frequency field.
_PACKED_COUNTS: dict[int, bytes] = {}


def _frequency_values(
    value: str, analyzer: Any, field_boost: float
) -> list[tuple[bytes, int, float, bytes]] | None:
    """`formats.Frequency.word_values`, or None when a token carries a boost. An
    analyzer with `term_counts` (kbassist's word pairs) counts in one call."""
    term_counts = getattr(analyzer, "term_counts", None)
    simple = None if term_counts is not None else _simple_tokens(analyzer)
    if term_counts is not None:
        freqs: dict[str, int] = term_counts(value)
    elif simple is not None:
        freqs = Counter(simple(value))
    else:
        freqs = {}
        for token in analyzer(value, boosts=True, mode="index"):
            if token.stopped:
                continue
            if token.boost != 1.0:
                return None
            text = token.text
            freqs[text] = freqs.get(text, 0) + 1
    return [
        (word.encode("utf-8"), freq, float(freq) * field_boost, pack_uint(freq))
        for word, freq in freqs.items()
    ]


#: id(analyzer) -> (the analyzer, its `_simple_tokens` function or None).
_SIMPLE: dict[int, tuple[Any, Callable[[str], list[str]] | None]] = {}


def _simple_tokens(analyzer: Any) -> Callable[[str], list[str]] | None:
    """The token texts of an analyzer that is only a RegexTokenizer (matches, not gaps)
    then Strip and Lowercase filters (Whoosh's KEYWORD fields), in one call: the same
    texts as its stream, without a Token and three generator hops per word. None for
    any other analyzer."""
    known = _SIMPLE.get(id(analyzer))
    if known is not None and known[0] is analyzer:
        return known[1]
    items = analyzer.items if type(analyzer) is CompositeAnalyzer else [analyzer]
    first, *rest = items
    found: Callable[[str], list[str]] | None = None
    if (
        type(first) is RegexTokenizer
        and not first.gaps
        and first.expression.groups == 0
        and all(type(item) in (StripFilter, LowercaseFilter) for item in rest)
    ):
        findall = first.expression.findall
        ops = [str.strip if type(item) is StripFilter else str.lower for item in rest]

        def found(value: str) -> list[str]:
            words = findall(value)
            for op in ops:
                words = list(map(op, words))
            return words

    _SIMPLE[id(analyzer)] = (analyzer, found)
    return found


def _existence_values(
    value: str, analyzer: Any, field_boost: float
) -> list[tuple[bytes, int, float, bytes]]:
    """`formats.Existence.word_values`."""
    if type(analyzer) is IDTokenizer:  # the value is the one term (ID fields)
        return [(value.encode("utf-8"), 1, field_boost, b"")]
    words = {t.text for t in analyzer(value, mode="index") if not t.stopped}
    return [(word.encode("utf-8"), 1, field_boost, b"") for word in words]


_FAST_FORMATS: dict[type, Callable[[str, Any, float], Any]] = {
    formats.Positions: _positions_values,
    formats.Frequency: _frequency_values,
    formats.Existence: _existence_values,
}


#: How `FastSegmentWriter` adds one field of a document: (name, field, one-call pool
#: and analysis or None, indexer or None, indexed, scorable, stored, column or None).
_FieldPlan = tuple[str, Any, Any, Any, bool, bool, bool, Any]


class FastSegmentWriter(SegmentWriter):
    """Whoosh's SegmentWriter, writing the same segment with less CPU (module docstring).

    `pooled=False` keeps Whoosh's own posting pool (which spills to disk above
    `limitmb`): for a commit of a few changes, where merging old segments may move far
    more postings than the build's memory budget. Each document is still analysed here
    and its postings handed to that pool; the fields are still written by
    `FastFieldWriter`.
    """

    def __init__(self, ix: Any, *, pooled: bool = True, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.fieldwriter = FastFieldWriter(self.fieldwriter)
        schema = self.schema
        # Spelling words and term vectors take Whoosh's own path (our schema has none).
        self._fast_docs = not any(
            field.separate_spelling() or field.vector for _name, field in schema.items()
        )
        self._pooled = pooled and self._fast_docs
        self._terms = _TermPool()
        if self._pooled:
            self.pool = self._terms  # type: ignore[assignment]  # the same interface
        self._indexers: dict[str, Callable[[str, Any, float], Any] | None] = {
            name: _FAST_FORMATS.get(type(field.format))
            if field.indexed and type(field).index is whoosh_fields.FieldType.index
            else None
            for name, field in schema.items()
        }

        #: Field names of a document -> its `_FieldPlan`s (see `_plan`).
        self._plans: dict[tuple[str, ...], list[_FieldPlan] | None] = {}
        #: Field -> the `add` of its length column (see `_add_planned`).
        self._length_adds: dict[str, Callable[[int, int], None]] = {}
        #: Field -> (pool function, analyzer method) for fields whose analyzer gives a
        #: value's terms in one call (kbassist's) and whose format adds no boost.
        self._one_calls: dict[str, tuple[Callable[..., int], Callable[[str], Any]]] = {}
        for name, field in schema.items():
            indexer = self._indexers[name]
            analyzer = getattr(field, "analyzer", None)
            if analyzer is None or field.format is None or field.format.field_boost != 1.0:
                continue
            if indexer is _positions_values and hasattr(analyzer, "term_positions"):
                self._one_calls[name] = (_pool_positions, analyzer.term_positions)
            elif indexer is _frequency_values and hasattr(analyzer, "term_counts"):
                self._one_calls[name] = (_pool_counts, analyzer.term_counts)

    def _plan(self, fields: dict[str, Any]) -> list[_FieldPlan] | None:
        """What `add_document` does with each field of a document with these names
        (sorted), worked out once per set of names; None when the document needs the
        general path (boosts, `_stored_` values, a name the schema lacks)."""
        names = tuple(fields)
        plan = self._plans.get(names)
        if plan is not None or names in self._plans:
            return plan
        schema = self.schema
        if any(name.startswith("_") or name not in schema for name in names):
            self._plans[names] = None
            return None
        plan = []
        for name in sorted(names):
            field = schema[name]
            indexed = bool(field.indexed)
            plan.append(
                (
                    name,
                    field,
                    self._one_calls.get(name) if indexed else None,
                    self._indexers.get(name) if indexed else None,
                    indexed,
                    bool(field.scorable),
                    bool(field.stored),
                    field.column_type or None,
                )
            )
        self._plans[names] = plan
        return plan

    def add_document(self, **fields: Any) -> None:
        """Stock `SegmentWriter.add_document`, filling the term pool directly."""
        if not self._fast_docs:
            super().add_document(**fields)
            return
        plan = self._plan(fields)
        if plan is not None:
            self._add_planned(fields, plan)
            return
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool_fields = self._terms.fields
        pool_words = self._terms.words
        indexers = self._indexers

        docboost = self._doc_boost(fields)
        fieldnames = sorted([name for name in fields if not name.startswith("_")])
        self._check_fields(schema, fieldnames)
        extras = len(fieldnames) != len(fields)  # boosts or stored values of their own
        one_calls = self._one_calls

        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = (
                        self._field_boost(fields, fieldname, docboost) if extras else docboost
                    )
                    indexer = indexers.get(fieldname)
                    items = None
                    one_call = one_calls.get(fieldname)
                    if one_call is not None and fieldboost == 1.0 and type(value) is str:
                        words = pool_words.get(fieldname)
                        if words is None:
                            words = pool_words[fieldname] = {}
                        pool, analyze = one_call
                        length = pool(analyze(value), docnum, words)
                        if not field.scorable:
                            length = 0
                        items = ()
                    elif indexer is not None and isinstance(value, str):
                        items = indexer(value, field.analyzer, field.format.field_boost)
                    if items is None:
                        items = field.index(value)
                    terms = pool_fields.get(fieldname)
                    if terms is None:
                        terms = pool_fields[fieldname] = {}
                    scorable = field.scorable
                    for tbytes, freq, weight, vbytes in items:
                        if scorable:
                            length += freq
                        weight *= fieldboost
                        postings = terms.get(tbytes)
                        if postings is None:
                            terms[tbytes] = [docnum, weight, vbytes]
                        else:
                            postings += (docnum, weight, vbytes)
                customval = fields.get(f"_stored_{fieldname}", value) if extras else value
                stored = customval if field.stored else None
                perdocwriter.add_field(fieldname, field, stored, length)
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(
                        fieldname, column, field.to_column_value(customval)
                    )
        except ValueError:
            self._cancel_document()
            raise
        self._finish_document()

    def _add_planned(self, fields: dict[str, Any], plan: list[_FieldPlan]) -> None:
        """`add_document` for a document of plain values (no boosts, no `_stored_`
        values), by its plan: the same pool, stored fields and columns as the general
        loop below, with the per-document writer's length bookkeeping done here (a
        chain of four method calls per field and document was 5% of a build)."""
        self._check_state()
        perdocwriter = self.perdocwriter
        docnum = self.docnum
        pool_fields = self._terms.fields
        pool_words = self._terms.words
        lengths_of = self._length_adds
        perdocwriter.start_doc(docnum)
        stored_fields = perdocwriter._storedfields
        field_lengths = perdocwriter._fieldlengths
        try:
            for fieldname, field, one_call, indexer, indexed, scorable, stored, column in plan:
                value = fields[fieldname]
                if value is None:
                    continue
                length = 0
                if indexed:
                    if one_call is not None and type(value) is str:
                        words = pool_words.get(fieldname)
                        if words is None:
                            words = pool_words[fieldname] = {}
                        pool, analyze = one_call
                        length = pool(analyze(value), docnum, words)
                        if not scorable:
                            length = 0
                    else:
                        items = None
                        if indexer is not None and isinstance(value, str):
                            items = indexer(value, field.analyzer, field.format.field_boost)
                        if items is None:
                            items = field.index(value)
                        terms = pool_fields.get(fieldname)
                        if terms is None:
                            terms = pool_fields[fieldname] = {}
                        for tbytes, freq, weight, vbytes in items:
                            if scorable:
                                length += freq
                            weight *= 1.0  # the document's boost: a float, as stock
                            postings = terms.get(tbytes)
                            if postings is None:
                                terms[tbytes] = [docnum, weight, vbytes]
                            else:
                                postings += (docnum, weight, vbytes)
                if stored:
                    stored_fields[fieldname] = value
                if length:
                    add_length = lengths_of.get(fieldname)
                    if add_length is None:  # the column's first value: created the stock way
                        perdocwriter.add_field(fieldname, field, None, length)
                        lengths_of[fieldname] = perdocwriter._colwriters[
                            whoosh3._lenfield(fieldname)
                        ].add
                    else:
                        add_length(docnum, _byte_of_length(length))
                        field_lengths[fieldname] += length
                if column is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        except ValueError:
            self._cancel_document()
            raise
        self._finish_document()

    def _cancel_document(self) -> None:
        """A value the schema refused: nothing of the document is kept."""
        self.perdocwriter.cancel_doc()
        if not self._pooled:
            self._terms = _TermPool()

    def _finish_document(self) -> None:
        """The document's stored values closed, its postings handed on, the next number."""
        self.perdocwriter.finish_doc()
        if not self._pooled:
            # Whoosh's pool: the document's postings, in the order it sorts them in.
            # The build's analysis, not stock `add_document`'s token and generator hop
            # per word: about half a millisecond less per changed article.
            add = self.pool.add
            for item in self._terms.iter_postings():
                add(item)
            self._terms = _TermPool()
        self._added = True
        self.docnum += 1

    def drop_postings(self) -> None:
        """Free the pooled postings of a committed segment (they are on disk)."""
        self._terms.fields = {}
        self._terms.words = {}

    def _flush_segment(self) -> None:
        if not self._pooled:
            super()._flush_segment()
            return
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        fieldwriter = self.fieldwriter
        for fieldname, keys, postings_of in self._terms.field_terms():
            fieldwriter.write_field(self.schema, lengths, fieldname, keys, postings_of)
        fieldwriter.close()
        if lengths:
            lengths.close()
