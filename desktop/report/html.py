"""The after-action report as one self-contained HTML file (Jinja2, autoescaped).

The same template renders the browser version and the simpler variant that the PDF
writer lays out with Qt's rich-text engine (`variant="pdf"`), so both carry the same
content. Scenario and play text is untrusted: autoescaping is on for every template and
nothing built from a record is ever marked safe.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from desktop.analysis.record import ExerciseRecord
from desktop.infra.collector import collector_paused
from desktop.infra.paths import project_root
from desktop.report.context import ReportContext, Variant, build_context
from desktop.report.palette import STATUS_COLOURS

TEMPLATE = "report.html.j2"
STYLESHEETS: dict[Variant, str] = {"html": "report.css", "pdf": "report-pdf.css"}


def resources() -> Path:
    """The folder holding the report templates and style sheets."""
    return project_root() / "resources" / "report"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment: templates from `resources/report`, autoescape always on."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resources()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["paragraphs"] = paragraphs
    env.globals["status_colours"] = STATUS_COLOURS
    return env


def stylesheet(variant: Variant) -> str:
    """The CSS of a variant (our own file, inlined into the page)."""
    return (resources() / STYLESHEETS[variant]).read_text(encoding="utf-8")


def render_context(context: ReportContext) -> str:
    """Render a computed report context with the report template."""
    template = environment().get_template(TEMPLATE)
    # The style sheet is our own file: inline it unescaped (CSS inside <style> is not HTML).
    css = Markup(stylesheet(context.variant))
    return template.render(r=context, css=css, pdf=context.variant == "pdf")


def render_html(record: ExerciseRecord, *, title: str | None = None) -> str:
    """The after-action report of `record` as one self-contained HTML document.

    CSS is inline, charts are embedded as `data:` URIs, and nothing is fetched from a
    network, so the file opens offline in any browser and prints on A4. `title` replaces
    the scenario title on the cover.
    """
    with collector_paused():
        return render_context(build_context(record, title=title, variant="html"))


_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")


def paragraphs(text: str) -> Markup:
    """Scenario text (a little Markdown) as escaped HTML paragraphs, headings and lists.

    Only the commonest marks are kept: `#` headings become bold paragraphs, `- ` lines a
    list, and bold, italics and code spans. The text is escaped first, so these marks are
    the only markup that can come out.
    """
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    html = []
    for block in blocks:
        lines = block.splitlines()
        if all(line.lstrip().startswith(("- ", "* ")) for line in lines):
            items = "".join(f"<li>{_inline(line.lstrip()[2:])}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        elif block.startswith("#"):
            html.append(f'<p class="md-heading"><strong>{_inline(block.lstrip("#"))}</strong></p>')
        else:
            html.append(f"<p>{_inline(block)}</p>")
    return Markup("\n".join(html))  # built from escaped text only


def _inline(text: str) -> str:
    escaped = str(escape(" ".join(text.split())))
    escaped = _STRONG.sub(r"<strong>\1</strong>", escaped)
    escaped = _EMPHASIS.sub(r"<em>\1</em>", escaped)
    return _CODE.sub(r"<code>\1</code>", escaped)
