"""The after-action report as a PDF, written by Qt's own PDF writer (no browser engine).

Qt's rich-text engine (`QTextDocument`) lays out a simpler variant of the HTML report (the
same template with `pdf` on: tables for layout, PNG charts) on A4 pages; each page gets a
footer with the report title and "page N of M". This is the only module of the report
layer that imports Qt. It works without a display: with no X11 or Wayland display on Linux
it selects Qt's offscreen platform before creating the application object.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from desktop.analysis.record import ExerciseRecord
from desktop.infra.collector import collector_paused
from desktop.report.context import ReportContext, build_context
from desktop.report.html import render_context, stylesheet

log = logging.getLogger(__name__)

MARGINS_MM = (16.0, 15.0, 15.0, 12.0)  # left, top, right, bottom (the footer sits above it)
FOOTER_PT = 22.0  # height kept at the bottom of each page for the footer
RESOLUTION = 300  # dots per inch of the PDF's coordinate system
FONT_FAMILIES = [
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Noto Sans",
    "DejaVu Sans",
    "Liberation Sans",
]

# A QGuiApplication created here is kept for the life of the process (Qt allows one).
_APPLICATION: Any = None


def write_pdf(record: ExerciseRecord, path: Path, *, title: str | None = None) -> None:
    """Write the after-action report of `record` to `path` as an A4 PDF.

    Major sections start on a new page; every page has a footer with the title and its
    page number. Works headless (offscreen Qt platform when there is no display). Raises
    `OSError` if the file cannot be written.
    """
    with collector_paused():
        context = build_context(record, title=title, variant="pdf")
        write_context_pdf(context, path)


def write_context_pdf(context: ReportContext, path: Path) -> None:
    """Lay out a computed report context (variant `pdf`) and write it to `path`."""
    _ensure_application()
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFont, QImage, QTextDocument

    path = Path(path)
    writer = a4_writer(
        path, f"After-action report: {context.cover.title}", f"Coherence {context.version}"
    )

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(9.0)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(stylesheet("pdf"))
    for chart in context.charts():
        image = QImage.fromData(chart.data)
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{chart.name}"), image
        )
    document.setHtml(render_context(context))

    pages = write_pages(document, writer, path, _footer_title(context))
    log.info("Wrote %s (%d pages)", path, pages)


def a4_writer(path: Path, title: str, creator: str) -> Any:
    """A `QPdfWriter` for `path` on A4 with the report's margins and resolution."""
    _ensure_application()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator(creator)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(*MARGINS_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def write_pages(document: Any, writer: Any, path: Path, footer_title: str) -> int:
    """Paint a laid-out `QTextDocument` onto `writer` page by page; the page count.

    Each page keeps room at the bottom for a footer: a rule, `footer_title` on the left
    and "Page N of M" on the right. Raises `OSError` if the file cannot be written.
    """
    from PySide6.QtCore import QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QFont, QPainter

    dots_per_point = RESOLUTION / 72.0
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = FOOTER_PT * dots_per_point
    body = QSizeF(page.width(), page.height() - footer)
    document.setPageSize(body)
    pages = int(document.pageCount())
    if len(footer_title) > 90:
        footer_title = footer_title[:89] + "\N{HORIZONTAL ELLIPSIS}"

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF file {path}")
    try:
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSizeF(7.5)
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * body.height())
            clip = QRectF(0, number * body.height(), body.width(), body.height())
            document.drawContents(painter, clip)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#6b7480"))
            line_y = body.height() + footer * 0.3
            painter.drawLine(0, int(line_y), int(body.width()), int(line_y))
            text_box = QRectF(0, line_y, body.width(), footer * 0.7)
            align = Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text_box, align | Qt.AlignmentFlag.AlignLeft, footer_title)
            painter.drawText(
                text_box, align | Qt.AlignmentFlag.AlignRight, f"Page {number + 1} of {pages}"
            )
    finally:
        painter.end()
    if not path.exists():
        raise OSError(f"cannot write the PDF file {path}")
    return pages


def _footer_title(context: ReportContext) -> str:
    title = context.cover.title
    if len(title) > 80:
        title = title[:79] + "\N{HORIZONTAL ELLIPSIS}"
    return f"After-action report · {title}"


def _ensure_application() -> None:
    """Make sure a Qt GUI application exists (fonts and painting need one).

    An existing QGuiApplication or QApplication (the desktop app's) is used as it is.
    Otherwise one is created, on the offscreen platform when Linux has no display.
    """
    global _APPLICATION
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    argv = [sys.argv[0] if sys.argv else "coherence"]
    if "PySide6.QtWidgets" in sys.modules:
        # Widgets may follow in this process (the app, the interface tests): they need a
        # QApplication, and Qt allows one application object per process.
        from PySide6.QtWidgets import QApplication

        _APPLICATION = QApplication(argv)
    else:
        _APPLICATION = QGuiApplication(argv)
