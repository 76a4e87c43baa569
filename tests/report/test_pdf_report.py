"""The PDF after-action report, written by Qt's PDF writer (offscreen in tests)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.report.pdf import write_pdf
from tests.report.records import HOSTILE, small_record

# pytest-qt's application (a QApplication) serves the PDF writer too, so interface tests
# that run later in the same process can still create widgets.
pytestmark = pytest.mark.usefixtures("qapp")

PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _pages(data: bytes) -> int:
    return len(PAGE.findall(data))


def _pdf_text(path: Path) -> str | None:
    """The text of a PDF through poppler's pdftotext, or None where it is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    result = subprocess.run(
        [tool, "-layout", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return " ".join(result.stdout.decode("utf-8", "replace").split())


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF of the small hand-made exercise, with hostile text in a decision title."""
    path = tmp_path_factory.mktemp("pdf") / "nested" / "report.pdf"
    write_pdf(small_record(decision_title=f"Escort {HOSTILE}"), path)
    return path


def test_is_a_multi_page_pdf(small_pdf: Path) -> None:
    data = small_pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # Cover, nine sections and two appendices each start a page.
    assert _pages(data) >= 12


def test_contains_the_sections_and_page_numbers(small_pdf: Path) -> None:
    text = _pdf_text(small_pdf)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for title in (
        "Executive summary",
        "Coordination network",
        "Humanitarian space",
        "Improvement plan",
        "Decision log",
    ):
        assert title in text
    assert "Page 1 of" in text
    assert "6 of 56 possible ties" in text
    assert "1 of 3 decisions (0.333)" in text
    assert "<script>alert('x')</script>" in text  # shown as text, not interpreted


def test_simulated_document(simulated_run: Path, tmp_path: Path) -> None:
    from desktop.services.debrief import load_record

    path = tmp_path / "run.pdf"
    write_pdf(load_record(simulated_run), path, title="Mini run")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert _pages(data) > 12
    text = _pdf_text(path)
    if text is not None:
        assert "Mini run" in text
        assert "Lomara" in text
