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
from markdown_it import MarkdownIt
from markupsafe import Markup

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


# CommonMark, with raw HTML escaped and nothing that would fetch or link out: scenario
# text is written by training staff, and a report must open offline.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable(
    ["image", "link", "autolink", "html_inline", "html_block"], ignoreInvalid=True
)
_HEADING = re.compile(r"<h[1-6]>(.*?)</h[1-6]>", re.DOTALL)


def paragraphs(text: str) -> Markup:
    """Scenario text (Markdown) as HTML: paragraphs, lists, emphasis and code.

    Raw HTML in the text is escaped, images and links are left as text, and headings
    become bold paragraphs, which fit inside a report section or a handout.
    """
    html = _MARKDOWN.render(text or "")
    html = _HEADING.sub(r'<p class="md-heading"><strong>\1</strong></p>', html)
    return Markup(html.replace(">\n<", "><").strip())  # rendered from escaped text
