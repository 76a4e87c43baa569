"""The debrief rendered for people: the after-action report as HTML (`html.render_html`)
and as PDF (`pdf.write_pdf`, the one module of this layer that uses Qt).

Import `desktop.report.pdf` only where a PDF is wanted: it loads PySide6.
"""

from __future__ import annotations

from desktop.report.html import render_html

__all__ = ["render_html"]
