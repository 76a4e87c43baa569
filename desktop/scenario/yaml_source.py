"""Read scenario packs and play scripts as YAML, safely and with positions.

PyYAML's constructor follows YAML 1.1 (``NO`` becomes ``False``, ``1:30`` becomes 90,
``2031-03-01`` becomes a date) and expands aliases, so this module never uses it. It pulls
events from PyYAML's parser and builds plain Python values itself, resolving unquoted scalars
with the YAML 1.2 core schema, and records where every value and every key starts so that
validation errors can name a line and column. Anything that could make a file mean more than
it shows (anchors, aliases, tags other than the standard ones) is refused.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Protocol

import yaml
from yaml.events import (
    AliasEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

Path = tuple[str | int, ...]
"""Where a value sits in a document, e.g. ``("injects", 3, "to", 1)``; the root is ``()``."""

_MAX_BYTES: Final = 8 * 1024 * 1024
_MAX_DEPTH: Final = 64

_STANDARD_TAG: Final = "tag:yaml.org,2002:"
_SCALAR_TAGS: Final = frozenset({"str", "int", "float", "bool", "null"})

_NULL: Final = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE: Final = frozenset({"true", "True", "TRUE"})
_FALSE: Final = frozenset({"false", "False", "FALSE"})
# Only these can start a core-schema number; checking first saves the regexes for most text.
_NUMBER_START: Final = frozenset("0123456789+-.")
_INT_DECIMAL: Final = re.compile(r"[-+]?[0-9]+")
_INT_OCTAL: Final = re.compile(r"0o[0-7]+")
_INT_HEX: Final = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT: Final = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INFINITY: Final = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN: Final = re.compile(r"\.(?:nan|NaN|NAN)")

# The characters YAML allows in a stream. Checked up front so both parsers report them the
# same way and with a line and column (their own reader errors only give an offset).
_FORBIDDEN_CHARACTER: Final = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# PyYAML and libyaml count all of these as line breaks, so positions computed here must too.
_LINE_BREAK: Final = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class Mark:
    """A position in a file, as editors show it: both numbers start at 1."""

    line: int
    column: int


class YamlSourceError(Exception):
    """A file that cannot be read as YAML; carries where and what, for a person."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message, line, column)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        if self.column is None:
            return f"{self.line}: {self.message}"
        return f"{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: plain Python data plus where each value and mapping key starts."""

    data: object
    values: Mapping[Path, Mark]
    keys: Mapping[Path, Mark]

    def mark_for(self, path: Sequence[str | int]) -> Mark:
        """The position of `path`, or of its nearest ancestor that has one (root: 1:1)."""
        full = tuple(path)
        for end in range(len(full), -1, -1):
            mark = self.values.get(full[:end])
            if mark is not None:
                return mark
        return Mark(1, 1)

    def key_mark_for(self, path: Sequence[str | int]) -> Mark:
        """Position of the key of `path` if it is a mapping entry, else mark_for."""
        mark = self.keys.get(tuple(path))
        return mark if mark is not None else self.mark_for(path)


def load_yaml(data: bytes) -> YamlDocument:
    """Parse one YAML document whose top level is a mapping; raise YamlSourceError if not."""
    if len(data) > _MAX_BYTES:
        raise YamlSourceError(
            f"the file is too large ({len(data) / (1024 * 1024):.1f} MiB; the limit is "
            f"{_MAX_BYTES // (1024 * 1024)} MiB)"
        )
    text = _decode(data)
    forbidden = _FORBIDDEN_CHARACTER.search(text)
    if forbidden is not None:
        line, column = _position(text, forbidden.start())
        raise YamlSourceError(
            f"character U+{ord(forbidden.group()):04X} is not allowed in a YAML file",
            line,
            column,
        )
    if not text.strip(" \t\r\n"):
        raise YamlSourceError("the file is empty")
    parser: _EventParser | None = None
    try:
        parser = _parser_factory(text)
        return _build(parser)
    except yaml.MarkedYAMLError as error:
        raise _from_parser_error(error, text) from None
    except yaml.YAMLError as error:
        # Only reader errors get here and the character check above should prevent those;
        # keep the first line of PyYAML's text rather than fail without a message.
        first_line = (str(error).splitlines() or ["unknown error"])[0]
        raise YamlSourceError(f"cannot read the file as YAML: {first_line}") from None
    finally:
        if parser is not None:
            parser.dispose()


class _EventParser(Protocol):
    """The part of PyYAML's loaders (C and pure Python) that this module uses."""

    def check_event(self, *choices: type[Event]) -> bool: ...
    def peek_event(self) -> Event | None: ...
    def get_event(self) -> Event | None: ...
    def dispose(self) -> None: ...


# libyaml is over ten times faster here; the pure-Python parser is the fallback for a PyYAML
# built without it.
_parser_factory: Callable[[str], _EventParser] = (
    yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
)


def _decode(data: bytes) -> str:
    # The BOM is removed before decoding so columns on line 1 match what an editor shows.
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        before = body[: error.start].decode("utf-8")
        line, column = _position(before, len(before))
        raise YamlSourceError(
            f"not UTF-8 text: invalid byte 0x{body[error.start]:02x}", line, column
        ) from None


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `text[index]`, counting line breaks as YAML does."""
    line = 1
    line_start = 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line += 1
        line_start = match.end()
    return line, len(text[line_start:index]) + 1


class _Frame:
    """An open mapping or sequence while its events are being read."""

    __slots__ = ("container", "first_lines", "key", "path")

    def __init__(self, container: dict[str, object] | list[object], path: Path) -> None:
        self.container = container
        self.path = path
        # The key whose value comes next; None while a mapping waits for its next key.
        self.key: str | None = None
        self.first_lines: dict[str, int] = {}


def _build(parser: _EventParser) -> YamlDocument:
    _next_event(parser)  # StreamStartEvent
    if parser.check_event(StreamEndEvent):
        raise YamlSourceError("the file is empty")
    _next_event(parser)  # DocumentStartEvent
    values: dict[Path, Mark] = {}
    keys: dict[Path, Mark] = {}
    root: dict[str, object] = {}
    stack: list[_Frame] = []
    while True:
        event = _next_event(parser)
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            if not stack:
                break
            continue
        mark = _mark_of(event)
        _refuse_anchor(event, mark)
        if not stack:
            root = _start_root(event, mark)
            values[()] = mark
            stack.append(_Frame(root, ()))
            continue
        frame = stack[-1]
        container = frame.container
        path: Path
        value: object
        if isinstance(container, dict):
            key = frame.key
            if key is None:
                frame.key = _read_key(event, mark, frame)
                keys[(*frame.path, frame.key)] = mark
                continue
            path = (*frame.path, key)
            value = _new_node(event, mark)
            container[key] = value
            frame.key = None
        else:
            path = (*frame.path, len(container))
            value = _new_node(event, mark)
            container.append(value)
        values[path] = mark
        if isinstance(value, dict | list):
            if len(stack) >= _MAX_DEPTH:
                raise YamlSourceError(
                    f"the data is nested too deeply (more than {_MAX_DEPTH} levels)",
                    mark.line,
                    mark.column,
                )
            stack.append(_Frame(value, path))
    _next_event(parser)  # DocumentEndEvent
    if not parser.check_event(StreamEndEvent):
        second = _mark_of(_peek_event(parser))
        raise YamlSourceError(
            f"the file holds more than one YAML document; the second starts at line "
            f"{second.line} (remove the '---' line or split the file)",
            second.line,
            second.column,
        )
    return YamlDocument(data=root, values=MappingProxyType(values), keys=MappingProxyType(keys))


def _new_node(event: Event, mark: Mark) -> object:
    """The value of a scalar, or a new empty container for a collection's start."""
    if isinstance(event, ScalarEvent):
        return _scalar_value(event, mark)
    if isinstance(event, MappingStartEvent):
        _check_collection_tag(event.tag, "map", mark)
        return {}
    if isinstance(event, SequenceStartEvent):
        _check_collection_tag(event.tag, "seq", mark)
        return []
    raise YamlSourceError(f"unexpected {type(event).__name__}", mark.line, mark.column)


def _next_event(parser: _EventParser) -> Event:
    event = parser.get_event()
    if event is None:
        raise YamlSourceError("the file ends unexpectedly")
    return event


def _peek_event(parser: _EventParser) -> Event:
    event = parser.peek_event()
    if event is None:
        raise YamlSourceError("the file ends unexpectedly")
    return event


def _mark_of(event: Event) -> Mark:
    start = event.start_mark
    if start is None:
        return Mark(1, 1)
    return Mark(start.line + 1, start.column + 1)


def _refuse_anchor(event: Event, mark: Mark) -> None:
    # Refusing the anchor itself (not only the alias) means an alias bomb fails on its first
    # line, before anything could be expanded.
    if isinstance(event, AliasEvent):
        raise YamlSourceError(
            f"anchors and aliases are not allowed (*{event.anchor})", mark.line, mark.column
        )
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        raise YamlSourceError(
            f"anchors and aliases are not allowed (&{anchor})", mark.line, mark.column
        )


def _start_root(event: Event, mark: Mark) -> dict[str, object]:
    if isinstance(event, MappingStartEvent):
        _check_collection_tag(event.tag, "map", mark)
        return {}
    if isinstance(event, SequenceStartEvent):
        _check_collection_tag(event.tag, "seq", mark)
        found = "a list"
    elif isinstance(event, ScalarEvent):
        value = _scalar_value(event, mark)
        if value is None and event.value == "" and event.tag is None:
            # A document with only "---" and comments.
            raise YamlSourceError("the file is empty")
        found = _describe(value)
    else:
        found = type(event).__name__
    raise YamlSourceError(
        f"expected a mapping at the top level, found {found}", mark.line, mark.column
    )


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "text"


def _read_key(event: Event, mark: Mark, frame: _Frame) -> str:
    if not isinstance(event, ScalarEvent):
        found = "a mapping" if isinstance(event, MappingStartEvent) else "a list"
        raise YamlSourceError(
            f"a mapping key must be a single value, found {found}", mark.line, mark.column
        )
    if event.tag is not None:
        _scalar_value(event, mark)  # only to refuse a foreign or mismatched tag
    # Keys stay as written (`1:` is "1", `NO:` is "NO"): every key in our formats is a name.
    key = event.value
    first_line = frame.first_lines.get(key)
    if first_line is not None:
        raise YamlSourceError(
            f"duplicate key {key!r} (first at line {first_line})", mark.line, mark.column
        )
    frame.first_lines[key] = mark.line
    return key


def _scalar_value(event: ScalarEvent, mark: Mark) -> object:
    tag = event.tag
    if tag is None:
        # libyaml reports plain style as "" and the Python parser as None.
        if event.style:
            return event.value
        return _resolve_plain(event.value, mark)
    name = _standard_tag_name(tag, mark)
    if name not in _SCALAR_TAGS:
        raise YamlSourceError(
            f"the tag {_show_tag(tag)} cannot be used on a single value", mark.line, mark.column
        )
    if name == "str":
        return event.value
    value = _resolve_plain(event.value, mark)
    if name == "null" and value is None:
        return None
    if name == "bool" and isinstance(value, bool):
        return value
    if name == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if name == "float" and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise YamlSourceError(
        f"{event.value!r} is not a valid {name} ({_show_tag(tag)})", mark.line, mark.column
    )


def _check_collection_tag(tag: str | None, expected: str, mark: Mark) -> None:
    if tag is None:
        return
    if _standard_tag_name(tag, mark) != expected:
        what = "a mapping" if expected == "map" else "a list"
        raise YamlSourceError(
            f"the tag {_show_tag(tag)} cannot be used on {what}", mark.line, mark.column
        )


def _standard_tag_name(tag: str, mark: Mark) -> str:
    """The name of a standard tag (`!!int` -> "int"); any other tag is refused."""
    if tag.startswith(_STANDARD_TAG):
        name = tag[len(_STANDARD_TAG) :]
        if name in _SCALAR_TAGS or name in ("map", "seq"):
            return name
    raise YamlSourceError(f"tags are not allowed ({_show_tag(tag)})", mark.line, mark.column)


def _show_tag(tag: str) -> str:
    if tag.startswith(_STANDARD_TAG):
        return "!!" + tag[len(_STANDARD_TAG) :]
    return tag


class WrittenInt(int):
    """An integer that remembers how it was written, so `title: 007` stays "007" as text."""

    text: str

    def __new__(cls, value: int, text: str) -> WrittenInt:
        number = super().__new__(cls, value)
        number.text = text
        return number

    def __str__(self) -> str:
        return self.text


class WrittenFloat(float):
    """A number that remembers how it was written, so `title: 1.10` stays "1.10" as text."""

    text: str

    def __new__(cls, value: float, text: str) -> WrittenFloat:
        number = super().__new__(cls, value)
        number.text = text
        return number

    def __str__(self) -> str:
        return self.text


def _resolve_plain(text: str, mark: Mark) -> object:
    """The YAML 1.2 core-schema value of an unquoted scalar."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[0] not in _NUMBER_START:
        return text
    try:
        if _INT_DECIMAL.fullmatch(text):
            return WrittenInt(int(text), text)
        if _INT_OCTAL.fullmatch(text):
            return WrittenInt(int(text[2:], 8), text)
        if _INT_HEX.fullmatch(text):
            return WrittenInt(int(text[2:], 16), text)
    except ValueError:
        # Python refuses to convert decimal strings of more than 4300 digits.
        raise YamlSourceError(
            f"the number is too long ({len(text)} digits)", mark.line, mark.column
        ) from None
    if _FLOAT.fullmatch(text):
        return WrittenFloat(float(text), text)
    if _INFINITY.fullmatch(text):
        return float("-inf") if text[0] == "-" else float("inf")
    if _NAN.fullmatch(text):
        return float("nan")
    return text


def _from_parser_error(error: yaml.MarkedYAMLError, text: str) -> YamlSourceError:
    problem = error.problem or error.context or "this is not valid YAML"
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return YamlSourceError(problem)
    line_text = _line_text(text, mark.line)
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    # Both parsers describe a tab in the indentation in terms of tokens; say what to change.
    if "\t" in indent:
        return YamlSourceError(
            "a tab is used for indentation; indent with spaces",
            mark.line + 1,
            indent.index("\t") + 1,
        )
    if line_text[mark.column : mark.column + 1] == "\t":
        return YamlSourceError(
            "a tab is not allowed here; use spaces", mark.line + 1, mark.column + 1
        )
    context_mark = error.context_mark
    if error.context and context_mark is not None and context_mark.line != mark.line:
        problem = f"{problem} ({error.context} that starts at line {context_mark.line + 1})"
    return YamlSourceError(problem, mark.line + 1, mark.column + 1)


def _line_text(text: str, line: int) -> str:
    """The text of 0-based `line`, without its line break."""
    start = 0
    for number, match in enumerate(_LINE_BREAK.finditer(text)):
        if number == line:
            return text[start : match.start()]
        start = match.end()
    return text[start:]
