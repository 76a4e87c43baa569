"""Messages about a scenario or play file: where (file, line, column, field path) and what."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import ValidationError

from desktop.scenario.yaml_source import YamlDocument


class Severity(StrEnum):
    """Errors stop a file from loading; warnings do not."""

    ERROR = "error"
    WARNING = "warning"


PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """`("injects", 3, "to", 1)` as `injects[3].to[1]`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class Diagnostic:
    """One message about one place in one file."""

    file: str
    line: int | None
    column: int | None
    path: tuple[PathPart, ...]
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        field = format_path(self.path)
        return (
            f"{where}: {prefix}{field}: {self.message}"
            if field
            else f"{where}: {prefix}{self.message}"
        )


class InvalidFile(Exception):
    """A file that has errors; `diagnostics` lists all of them (and any warnings)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """Only the errors."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """` (did you mean 'unct'?)` when a close match exists, else an empty string."""
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


class Reporter:
    """Collects diagnostics for one file, placing each at its line and column."""

    def __init__(self, file: str, document: YamlDocument | None) -> None:
        self.file = file
        self.document = document
        self.diagnostics: list[Diagnostic] = []

    def error(self, path: Sequence[PathPart], message: str, *, at_key: bool = False) -> None:
        """Report an error at `path` (at the key rather than the value if `at_key`)."""
        self._add(path, message, Severity.ERROR, at_key)

    def warning(self, path: Sequence[PathPart], message: str) -> None:
        """Report a warning at `path`."""
        self._add(path, message, Severity.WARNING, False)

    def _add(
        self, path: Sequence[PathPart], message: str, severity: Severity, at_key: bool
    ) -> None:
        line = column = None
        if self.document is not None:
            mark = self.document.key_mark_for(path) if at_key else self.document.mark_for(path)
            line, column = mark.line, mark.column
        self.diagnostics.append(Diagnostic(self.file, line, column, tuple(path), message, severity))

    @property
    def has_errors(self) -> bool:
        """Whether any error was reported."""
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def sorted(self) -> list[Diagnostic]:
        """Diagnostics in file order."""
        return sorted(self.diagnostics, key=lambda d: (d.line or 0, d.column or 0))

    def add_validation_error(self, error: ValidationError, model: Any, data: Any) -> None:
        """Translate pydantic's errors into located, plain messages."""
        for item in error.errors(include_url=False):
            path = _data_path(item["loc"], data)
            self._translate(item, path, model)

    def _translate(self, item: Any, path: tuple[PathPart, ...], model: Any) -> None:
        kind = item["type"]
        value = item.get("input")
        if kind == "missing":
            self.error(path[:-1], f"missing required field '{path[-1]}'")
        elif kind == "extra_forbidden":
            allowed = _allowed_keys(model, path[:-1])
            self.error(
                path, f"unknown key '{path[-1]}'{did_you_mean(str(path[-1]), allowed)}", at_key=True
            )
        elif kind == "enum":
            expected = item.get("ctx", {}).get("expected", "")
            self.error(path, f"'{value}' is not allowed here; expected {expected}")
        elif kind == "literal_error":
            expected = item.get("ctx", {}).get("expected", "")
            self.error(path, f"expected {expected}, found '{value}'")
        elif kind == "bool_type":
            hint = " (write it without quotes)" if value in ("true", "false") else ""
            self.error(path, f"expected true or false, found {_describe(value)}{hint}")
        elif kind in ("string_type", "str_type"):
            self.error(path, f"expected text, found {_describe(value)}")
        elif kind == "list_type":
            self.error(path, f"expected a list, found {_describe(value)}")
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            self.error(path, f"expected a mapping of fields, found {_describe(value)}")
        elif kind == "too_short":
            self.error(path, "must not be empty")
        elif kind == "value_error":
            self.error(path, str(item.get("ctx", {}).get("error", item["msg"])))
        elif kind.startswith(("date", "datetime")):
            self.error(path, f"expected a date like 2031-03-01, found {_describe(value)}")
        else:
            self.error(path, f"{item['msg'][0].lower()}{item['msg'][1:]}")


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _data_path(loc: Sequence[Any], data: Any) -> tuple[PathPart, ...]:
    """Keep the parts of pydantic's location that exist in the data (drops union labels)."""
    path: list[PathPart] = []
    node = data
    for part in loc:
        if _has_child(node, part):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict):
            # A missing key: the last part names it.
            path.append(part)
            node = None
    return tuple(path)


def _has_child(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return isinstance(part, str) and part in node
    if isinstance(node, list):
        return isinstance(part, int) and 0 <= part < len(node)
    return False


def _allowed_keys(model: Any, path: Sequence[PathPart]) -> list[str]:
    """The field names (aliases as written) of the model found at `path`."""
    from pydantic import BaseModel

    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = _field_by_key(current, part)
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _field_by_key(model: Any, key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside `X`, `X | None` or `list[X]`, if any."""
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
