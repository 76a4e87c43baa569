"""Validating scenario packs and play scripts (`coherence validate`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.scenario.diagnostics import Diagnostic, InvalidFile, Severity
from desktop.scenario.pack import SCENARIO_FILE, load_scenario, parse_scenario, scenario_file
from desktop.scenario.play import load_play, read_play_model
from desktop.scenario.play_models import PLAY_FORMAT
from desktop.scenario.source import display_name, read_yaml_file


@dataclass(frozen=True)
class ValidationReport:
    """The messages about one path; valid when none is an error."""

    path: str
    kind: str
    diagnostics: tuple[Diagnostic, ...]

    @property
    def valid(self) -> bool:
        """No errors (warnings allowed)."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def validate_path(path: Path, bundled: Path | None = None) -> ValidationReport:
    """Validate a pack folder, a scenario file or a play script (told apart by `format`)."""
    file = scenario_file(path)
    try:
        raw, document = read_yaml_file(file)
    except InvalidFile as invalid:
        return ValidationReport(str(path), "file", invalid.diagnostics)
    data: Any = document.data
    kind = data.get("format") if isinstance(data, dict) else None
    if isinstance(kind, str) and kind.startswith(PLAY_FORMAT.split("/")[0]):
        return _validate_play(file, bundled)
    try:
        # The file is read once: the document read to tell the format apart is checked.
        loaded = parse_scenario(raw, document, file)
    except InvalidFile as invalid:
        return ValidationReport(str(path), "scenario", invalid.diagnostics)
    return ValidationReport(str(path), "scenario", loaded.warnings)


def _validate_play(file: Path, bundled: Path | None) -> ValidationReport:
    try:
        document, model, _ = read_play_model(file)
    except InvalidFile as invalid:
        return ValidationReport(str(file), "play", invalid.diagnostics)
    pack = resolve_pack(file, model.scenario, bundled)
    if pack is None:
        mark = document.mark_for(("scenario",))
        return ValidationReport(
            str(file),
            "play",
            (
                Diagnostic(
                    display_name(file),
                    mark.line,
                    mark.column,
                    ("scenario",),
                    f"cannot find the scenario pack '{model.scenario}' "
                    "(looked beside the play and among the bundled packs)",
                ),
            ),
        )
    try:
        loaded = load_scenario(pack)
        load_play(file, loaded.scenario)
    except InvalidFile as invalid:
        return ValidationReport(str(file), "play", invalid.diagnostics)
    return ValidationReport(str(file), "play", ())


def resolve_pack(play: Path, reference: str, bundled: Path | None) -> Path | None:
    """Find the pack a play names: a path relative to the play, or a pack id."""
    candidates = [play.parent / reference, play.parent]
    if bundled is not None:
        candidates.append(bundled / reference)
    candidates.append(play.parent.parent / reference)
    for candidate in candidates:
        file = scenario_file(candidate)
        if file.is_file() and (candidate.is_dir() or candidate.suffix in (".yaml", ".yml")):
            if candidate == play.parent and not _pack_id_matches(file, reference):
                continue
            return candidate
    return None


def _pack_id_matches(file: Path, reference: str) -> bool:
    try:
        _, document = read_yaml_file(file)
    except InvalidFile:
        return False
    data: Any = document.data
    return isinstance(data, dict) and data.get("id") == reference


__all__ = ["SCENARIO_FILE", "ValidationReport", "resolve_pack", "validate_path"]
