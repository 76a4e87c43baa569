"""Writing worksheets into an .xlsx file fast (the sheets come from `desktop.report.xlsx`).

openpyxl writes the workbook (styles, panes, filters, widths, header rows), but its
cell-by-cell writer costs some 20 microseconds a cell, over a minute for 100,000
decisions. So the data rows of plain sheets (text, numbers, booleans) are serialised
here as inline-string rows and streamed into the saved package, a worker thread
compressing while the next rows are built; only sheets holding dates (the improvement
plan) go through openpyxl cell by cell. Memory stays flat: rows are generated, written
and dropped.

Limits: a worksheet holds 1,048,575 data rows (a bigger sheet is refused with a
ValueError) and 32,767 characters a cell (longer text is cut).
"""

from __future__ import annotations

import io
import math
import os
import xml.etree.ElementTree as ET
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any

Value = str | int | float | bool | date | None
Row = Sequence[Value]

MAX_WIDTH = 60  # characters: longer text runs off screen rather than widening the column
SAMPLE_ROWS = 200  # rows looked at to size the columns
MAX_ROWS = 1_048_576  # a worksheet's rows, header included
MAX_CELL_TEXT = 32_767  # characters in a cell


@dataclass(frozen=True)
class Sheet:
    """A worksheet to write: title, header row and rows.

    `rows` may be a one-pass iterator (the big sheets) if `count` gives its length. A
    `styled` sheet holds dates and is written cell by cell by openpyxl.
    """

    title: str
    headers: tuple[str, ...]
    rows: Iterable[Row]
    count: int | None = None
    styled: bool = False

    def row_count(self) -> int:
        """How many data rows the sheet has."""
        if self.count is not None:
            return self.count
        if isinstance(self.rows, Sized):
            return len(self.rows)
        raise TypeError(f"sheet {self.title!r}: give `count` for rows without a length")


def save_sheets(sheets: Sequence[Sheet], path: Path) -> None:
    """Write `sheets` as a workbook at `path` (replaced whole, or left untouched)."""
    _save(sheets, path)


# --- writing ------------------------------------------------------------------------------


def _openpyxl() -> Any:
    """openpyxl, imported on first use: the other report formats do not need it."""
    import openpyxl  # type: ignore[import-untyped, unused-ignore]

    return openpyxl


def _save(sheets: Sequence[Sheet], path: Path) -> None:
    """Write the workbook beside `path`, then move it into place.

    openpyxl saves the workbook with every plain sheet's header row only; the package
    is then copied with those sheets' data rows streamed in.
    """
    xl = _openpyxl()
    workbook = xl.Workbook(write_only=True)
    pending: dict[str, tuple[Sheet, Iterator[Row]]] = {}
    for sheet in sheets:
        rows = _write_sheet(xl, workbook, sheet)
        if rows is not None:
            pending[sheet.title] = (sheet, rows)
    package = io.BytesIO()
    workbook.save(package)
    partial = path.with_name(f".{path.name}.part")
    try:
        with (
            zipfile.ZipFile(package) as source,
            zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
        ):
            parts = _sheet_parts(source)
            for name in source.namelist():
                data = source.read(name)
                title = parts.get(name)
                if title in pending:
                    with target.open(name, "w", force_zip64=True) as stream:
                        _stream_rows(stream, data, *pending[title])
                else:
                    target.writestr(name, data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _width(value: Value) -> int:
    if value is None:
        return 0
    text = value if isinstance(value, str) else str(value)
    return len(text.split("\n", 1)[0])


def _write_sheet(xl: Any, workbook: Any, sheet: Sheet) -> Iterator[Row] | None:
    """Add the sheet with its header row (and, if styled, its rows) to the workbook.

    Returns the data rows still to write for a plain sheet, None for a styled one.
    """
    if sheet.row_count() >= MAX_ROWS:
        raise ValueError(
            f"sheet {sheet.title!r}: {sheet.row_count():,} rows, more than a worksheet holds"
            f" ({MAX_ROWS - 1:,} below the header)"
        )
    ws = workbook.create_sheet(sheet.title)
    safe = _guard(xl, ws)
    rows = iter(sheet.rows)
    sample = list(islice(rows, SAMPLE_ROWS))
    # A write-only sheet writes its column widths and panes before the first row.
    letters = [xl.utils.get_column_letter(i + 1) for i in range(len(sheet.headers))]
    for index, header in enumerate(sheet.headers):
        width = max([len(header), *(_width(row[index]) for row in sample if index < len(row))])
        ws.column_dimensions[letters[index]].width = min(width + 2, MAX_WIDTH)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{letters[-1]}{sheet.row_count() + 1}"
    bold = xl.styles.Font(bold=True)
    header_cells = []
    for title in sheet.headers:
        cell = xl.cell.WriteOnlyCell(ws, value=safe(title, text_cell=False))
        cell.font, cell.data_type = bold, "s"
        header_cells.append(cell)
    ws.append(header_cells)
    if not sheet.styled:
        return chain(sample, rows)
    for row in chain(sample, rows):
        ws.append([(safe(v) if v else None) if isinstance(v, str) else v for v in row])
    return None


def _guard(xl: Any, ws: Any) -> Callable[..., Any]:
    """For cells openpyxl writes: drop illegal characters, and keep text that Excel would
    take for a formula or an error code as text (a string cell, unless `text_cell` is
    false and the caller sets the type itself)."""
    illegal = xl.cell.cell.ILLEGAL_CHARACTERS_RE
    errors = frozenset(xl.cell.cell.ERROR_CODES)

    def safe(value: str, *, text_cell: bool = True) -> Any:
        value = illegal.sub("", value)
        if text_cell and ((len(value) > 1 and value.startswith("=")) or value in errors):
            cell = xl.cell.WriteOnlyCell(ws, value=value)
            cell.data_type = "s"
            return cell
        return value

    return safe


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Part name -> sheet title, from the workbook and its relationships."""
    targets = {
        r.get("Id"): str(r.get("Target"))
        for r in ET.fromstring(package.read("xl/_rels/workbook.xml.rels"))
        if r.tag == f"{_PACKAGE_REL}Relationship"
    }
    parts = {}
    for sheet in ET.fromstring(package.read("xl/workbook.xml")).iter(f"{_MAIN}sheet"):
        target = targets[sheet.get(f"{_REL}id")]
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        parts[part] = str(sheet.get("name"))
    return parts


# Characters XML escapes in text, and those a worksheet cannot hold (as openpyxl drops).
_XML_TEXT = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\ufffe": None, "\uffff": None}
    | dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32)])
)
_CHUNK = 4000  # rows per write
_QUEUED = 2  # chunks waiting for the writer thread, at most
_CACHED_TEXT = 40  # strings up to this length (ids, stamps, codes) are escaped once


def _stream_rows(stream: IO[bytes], xml: bytes, sheet: Sheet, rows: Iterator[Row]) -> None:
    """Write a saved sheet part with `rows` inserted after its header row.

    One worker thread compresses and writes while this one serialises the next rows
    (zlib releases the GIL); it takes the chunks in order, and its errors surface here.
    """
    head, tail = xml.decode("utf-8").split("</sheetData>", 1)
    letter = _openpyxl().utils.get_column_letter
    writer = _RowWriter([letter(i + 1) for i in range(len(sheet.headers))])
    number = 1
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="xlsx-deflate") as pool:
        pending = deque([pool.submit(stream.write, head.encode("utf-8"))])
        chunk: list[str] = []
        for number, row in enumerate(rows, start=2):
            chunk.append(writer.row(number, row))
            if len(chunk) == _CHUNK:
                data = "".join(chunk).encode("utf-8", "replace")
                pending.append(pool.submit(stream.write, data))
                chunk.clear()
                while len(pending) > _QUEUED:
                    pending.popleft().result()
        data = f"{''.join(chunk)}</sheetData>{tail}".encode("utf-8", "replace")
        pending.append(pool.submit(stream.write, data))
        for done in pending:
            done.result()
    if number - 1 != sheet.row_count():
        announced = sheet.row_count()
        raise RuntimeError(f"sheet {sheet.title!r}: {number - 1} rows, {announced} announced")


class _RowWriter:
    """Serialises rows as `<row>` elements of inline-string, number and boolean cells.

    The hot loop of a big export: each cell is a column prefix, the row number and a
    value fragment; fragments of repeated values (ids, stamps, codes, minutes) are
    built once.
    """

    def __init__(self, letters: Sequence[str]) -> None:
        self._prefixes = [f'<c r="{letter}' for letter in letters]
        self._text: dict[str, str] = {}
        self._numbers: dict[int, str] = {}

    def row(self, number: int, row: Row) -> str:
        """One `<row>`; None and empty strings leave their cell empty."""
        r = str(number)
        out = ['<row r="', r, '">']
        append = out.append
        for prefix, value in zip(self._prefixes, row, strict=False):
            if value is None:
                continue
            if type(value) is str:
                fragment = self._text.get(value)
                if fragment is None:
                    fragment = _text_fragment(value)
                    if len(value) <= _CACHED_TEXT:
                        self._text[value] = fragment
            elif type(value) is int:
                fragment = self._numbers.get(value)
                if fragment is None:
                    fragment = self._numbers[value] = f'"><v>{value}</v></c>'
            else:
                fragment = _other_fragment(value)
            if fragment:
                append(prefix)
                append(r)
                append(fragment)
        append("</row>")
        return "".join(out)


def _text_fragment(value: str) -> str:
    """The end of an inline-string cell holding `value`, or "" for no text (cut to the
    32,767 characters a cell holds, as openpyxl does)."""
    value = value[:MAX_CELL_TEXT]
    if "&" in value or "<" in value or ">" in value or not value.isprintable():
        value = value.translate(_XML_TEXT)
    if not value:
        return ""
    space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
    return f'" t="inlineStr"><is><t{space}>{value}</t></is></c>'


def _other_fragment(value: Value) -> str:
    """Cell endings for booleans, floats and subclasses of str and int (enums)."""
    if isinstance(value, bool):
        return f'" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, float):
        return f'"><v>{value!r}</v></c>' if math.isfinite(value) else ""
    if isinstance(value, str):
        return _text_fragment(str(value))
    if isinstance(value, int):
        return f'"><v>{int(value)}</v></c>'
    raise TypeError(f"{value!r} needs a styled sheet")
