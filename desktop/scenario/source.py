"""Reading a scenario or play file into a located YAML document, with file-level errors."""

from __future__ import annotations

from pathlib import Path

from desktop.scenario.diagnostics import Diagnostic, InvalidFile
from desktop.scenario.yaml_source import YamlDocument, YamlSourceError, load_yaml


def display_name(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    try:
        return str(path.absolute().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml_file(path: Path) -> tuple[bytes, YamlDocument]:
    """The bytes of a file and its YAML document; raises `InvalidFile` with one message."""
    name = display_name(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidFile([Diagnostic(name, None, None, (), "no such file")]) from None
    except IsADirectoryError:
        raise InvalidFile([Diagnostic(name, None, None, (), "is a folder, not a file")]) from None
    except OSError as error:
        raise InvalidFile(
            [Diagnostic(name, None, None, (), f"cannot be read: {error.strerror}")]
        ) from None
    try:
        return data, load_yaml(data)
    except YamlSourceError as error:
        raise InvalidFile([Diagnostic(name, error.line, error.column, (), error.message)]) from None
