"""`coherence report`: the debrief of one document, or several compared, in every format."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.analysis.record import ExerciseRecord

FORMATS = ("json", "html", "pdf", "xlsx")
COMPARE_FORMATS = ("json", "xlsx")
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
                f"a comparison is made as {' or '.join(COMPARE_FORMATS)}, not {self.format}"
            )
        if self.format in BINARY_FORMATS and self.out is None:
            raise ReportRequestError(f"a {self.format} report needs --out FILE")


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
    from desktop.analysis.report_json import debrief_json

    request.check()
    records = _records(request)
    out = request.out
    if request.compare:
        from desktop.analysis.compare import compare_json

        labels = [path.name for path in request.documents]
        comparison = compare_json(
            [(label, debrief_json(record)) for label, record in zip(labels, records, strict=True)]
        )
        if request.format == "xlsx":
            from desktop.report.xlsx import write_comparison_xlsx

            assert out is not None
            write_comparison_xlsx(comparison, out)
            return None
        return _emit(json.dumps(comparison, ensure_ascii=False, indent=2) + "\n", out)
    (record,) = records
    if request.format == "json":
        return _emit(json.dumps(debrief_json(record), ensure_ascii=False, indent=2) + "\n", out)
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
