"""Loading a scenario pack (a folder with `scenario.yaml`, or a single YAML file)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.domain.scenario import Scenario
from desktop.scenario.convert import scenario_from_model
from desktop.scenario.diagnostics import Diagnostic, InvalidFile, Reporter
from desktop.scenario.pack_checks import check_pack, is_inside
from desktop.scenario.pack_models import SCENARIO_FORMAT, ScenarioModel
from desktop.scenario.source import display_name, read_yaml_file
from desktop.scenario.yaml_source import YamlDocument

SCENARIO_FILE = "scenario.yaml"
MEDIA_FOLDER = "media"


@dataclass(frozen=True)
class LoadedScenario:
    """A valid pack with what the exercise document keeps of it."""

    scenario: Scenario
    path: Path
    yaml_text: bytes
    sha256: str
    media: dict[str, bytes]
    warnings: tuple[Diagnostic, ...]


def scenario_file(path: Path) -> Path:
    """The YAML file of a pack given as a folder or as the file itself."""
    return path / SCENARIO_FILE if path.is_dir() else path


def load_scenario(path: Path) -> LoadedScenario:
    """Load and validate a pack; raises `InvalidFile` listing every error."""
    file = scenario_file(path)
    data, document = read_yaml_file(file)
    return parse_scenario(data, document, file)


def parse_scenario(
    data: bytes,
    document: YamlDocument,
    file: Path,
    *,
    check_media: bool = True,
    cross_check: bool = True,
) -> LoadedScenario:
    """Validate a pack already read as YAML.

    A pack stored in an exercise document was checked when the exercise was created:
    it is read again with `cross_check=False` and `check_media=False`, so that a later,
    stricter version still opens old documents.
    """
    report = Reporter(display_name(file), document)
    model = validate_scenario_document(
        document, report, file.parent if check_media else None, cross_check=cross_check
    )
    if model is None or report.has_errors:
        raise InvalidFile(report.sorted())
    if check_media:
        outside = media_outside_pack(file.parent)
        if outside:
            raise InvalidFile(outside)
    media = collect_media(file.parent, model) if check_media else {}
    scenario = scenario_from_model(model, tuple(sorted(media)))
    return LoadedScenario(
        scenario=scenario,
        path=file,
        yaml_text=data,
        sha256=hashlib.sha256(data).hexdigest(),
        media=media,
        warnings=tuple(report.sorted()),
    )


def validate_scenario_document(
    document: YamlDocument, report: Reporter, root: Path | None, *, cross_check: bool = True
) -> ScenarioModel | None:
    """Check a YAML document as a pack, reporting into `report`; the model if it has a shape."""
    raw: Any = document.data
    if isinstance(raw, dict) and raw.get("format") != SCENARIO_FORMAT:
        found = raw.get("format")
        report.error(
            ("format",) if "format" in raw else (),
            f"expected format: {SCENARIO_FORMAT}"
            + (f", found '{found}'" if found is not None else " (the key is missing)"),
        )
        return None
    try:
        model = ScenarioModel.model_validate(raw)
    except ValidationError as error:
        report.add_validation_error(error, ScenarioModel, raw)
        return None
    if cross_check:
        check_pack(model, report, root)
    return model


def _media_entries(root: Path) -> list[Path]:
    """Everything under `media/`, without following symbolic links to folders."""
    media_dir = root / MEDIA_FOLDER
    if not media_dir.is_dir():
        return []
    entries: list[Path] = []
    for folder, subfolders, names in os.walk(media_dir, followlinks=False):
        entries.extend(Path(folder) / name for name in (*subfolders, *names))
    return sorted(entries)


def media_outside_pack(root: Path) -> list[Diagnostic]:
    """Entries of `media/` that lead outside the pack or nowhere (symbolic links)."""
    return [
        Diagnostic(
            display_name(item),
            None,
            None,
            (),
            "a link that leads outside the pack folder or in a loop; copy the file in",
        )
        for item in _media_entries(root)
        if item.is_symlink() and not is_inside(root, item)
    ]


def collect_media(root: Path, model: ScenarioModel) -> dict[str, bytes]:
    """The pack's media files (the `media/` folder and every attachment) by relative path.

    Raises `InvalidFile` if one cannot be read.
    """
    files: dict[str, bytes] = {}
    wanted = [item for item in _media_entries(root) if item.is_file()]
    wanted += [root / a for i in model.injects for a in i.attachments]
    readme = root / "README.md"
    if readme.is_file() and root.joinpath(SCENARIO_FILE).is_file():
        wanted.append(readme)
    for item in wanted:
        name = item.relative_to(root).as_posix()
        if name in files:
            continue
        try:
            files[name] = item.read_bytes()
        except OSError as error:
            raise InvalidFile(
                [
                    Diagnostic(
                        display_name(item), None, None, (), f"cannot be read: {error.strerror}"
                    )
                ]
            ) from None
    return files
