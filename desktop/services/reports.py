"""`coherence report`: the debrief of one document, or several compared, in every format."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.analysis.record import ExerciseRecord

FORMATS = ("json", "html", "pdf", "xlsx")
COMPARE_FORMATS = ("json", "html", "xlsx")
BINARY_FORMATS = ("pdf", "xlsx")


class ReportRequestError(ValueError):
    """A report that cannot be made as asked (wrong format for a comparison, say)."""


@dataclass(frozen=True)
class ReportRequest:
    """What to report on and how."""

    documents: tuple[Path, ...]
    format: str = "json"
    out: Path | None = None
    compare: bool = False
    anonymize: bool = False

    def check(self) -> None:
        """Raise `ReportRequestError` for a request that cannot be met."""
        if self.format not in FORMATS:
            raise ReportRequestError(f"unknown format '{self.format}'")
        if self.compare and len(self.documents) < 2:
            raise ReportRequestError("--compare needs two or more exercise documents")
        if not self.compare and len(self.documents) != 1:
            raise ReportRequestError("give one exercise document, or several with --compare")
        if self.compare and self.format not in COMPARE_FORMATS:
            raise ReportRequestError(
                f"a comparison is made as {', '.join(COMPARE_FORMATS[:-1])} or "
                f"{COMPARE_FORMATS[-1]}, not {self.format}"
            )
        if self.compare:
            run_labels(self.documents)  # the same document twice is refused here
        if self.format in BINARY_FORMATS and self.out is None:
            raise ReportRequestError(f"a {self.format} report needs --out FILE")


def run_labels(documents: Sequence[Path]) -> list[str]:
    """What each compared document is called: its file name, with as many parent folders
    as it takes to tell apart documents that share a name (`a/run.coherence`).

    Raises `ReportRequestError` when the same document is given twice.
    """
    resolved = [path.resolve() for path in documents]
    seen: dict[Path, Path] = {}
    for path, real in zip(documents, resolved, strict=True):
        if real in seen:
            twice = (
                f"{path} is given more than once"
                if seen[real] == path
                else f"{seen[real]} and {path} are the same document"
            )
            raise ReportRequestError(f"{twice}; a run cannot be compared with itself")
        seen[real] = path
    # Labels come from the paths as given (not through symlinks): what the user typed.
    given = [path.absolute().parts for path in documents]
    labels = [parts[-1] for parts in given]
    depth = 1
    while len(set(labels)) < len(labels) and depth < max(len(parts) for parts in given):
        depth += 1
        repeated = {label for label in labels if labels.count(label) > 1}
        labels = [
            "/".join(parts[-depth:]) if label in repeated else label
            for label, parts in zip(labels, given, strict=True)
        ]
    return labels


def _records(request: ReportRequest) -> list[ExerciseRecord]:
    from desktop.analysis.anonymize import Pseudonyms, anonymize
    from desktop.services.debrief import load_record

    records = [load_record(path) for path in request.documents]
    if request.anonymize:
        # One table of pseudonyms for every run, so a person keeps one name across them.
        pseudonyms = Pseudonyms()
        records = [anonymize(record, pseudonyms) for record in records]
    return records


def make_report(request: ReportRequest) -> str | None:
    """Make the report; returns its text when it goes to the screen (no `out`).

    Raises `ReportRequestError`, `DocumentError` or `InvalidFile` for bad input.
    """
    from desktop.services.debrief import figures_of

    request.check()
    records = _records(request)
    out = request.out
    if request.compare:
        from desktop.analysis.compare import compare_json

        labels = run_labels(request.documents)
        comparison = compare_json(
            [(label, figures_of(record)) for label, record in zip(labels, records, strict=True)]
        )
        if request.format == "xlsx":
            from desktop.report.xlsx import write_comparison_xlsx

            assert out is not None
            write_comparison_xlsx(comparison, out)
            return None
        if request.format == "html":
            from desktop.report.compare_html import render_comparison_html

            return _emit(render_comparison_html(comparison, records[0]), out)
        return _emit(json.dumps(comparison, ensure_ascii=False, indent=2) + "\n", out)
    (record,) = records
    if request.format == "json":
        return _emit(json.dumps(figures_of(record), ensure_ascii=False, indent=2) + "\n", out)
    if request.format == "html":
        from desktop.report.html import render_html

        return _emit(render_html(record), out)
    assert out is not None
    if request.format == "pdf":
        from desktop.report.pdf import write_pdf

        write_pdf(record, out)
    else:
        from desktop.report.xlsx import write_xlsx

        write_xlsx(record, out)
    return None


def _emit(text: str, out: Path | None) -> str | None:
    if out is None:
        return text
    out.write_text(text, encoding="utf-8")
    return None
