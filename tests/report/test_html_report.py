"""The HTML after-action report: sections, self-containment, escaping, figures."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.report import render_html
from desktop.report.html import paragraphs
from tests.report.records import HOSTILE, small_record

SECTIONS = (
    "Executive summary",
    "Exercise overview",
    "Objectives and ratings",
    "Injects and responses",
    "Coordination network",
    "Coherence indicators",
    "Humanitarian space",
    "Strengths and areas for improvement",
    "Improvement plan",
    "Decision log",
)


@pytest.fixture(scope="module")
def html() -> str:
    """The report of the small hand-made exercise (rendered once: charts take a moment)."""
    return render_html(small_record())


def _text(html: str) -> str:
    """The visible text, tags removed and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_every_section_has_its_title(html: str) -> None:
    for title in SECTIONS:
        assert f"<h1>{title}</h1>" in html


def test_self_contained(html: str) -> None:
    """Nothing is fetched: no URL, no script, no external style sheet or font."""
    assert "http" not in html
    assert 'src="//' not in html
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()
    assert "@import" not in html
    for match in re.finditer(r'(?:src|href)="([^"]*)"', html):
        assert match.group(1).startswith(("data:image/", "#")), match.group(1)
    assert html.count('src="data:image/svg+xml;base64,') >= 4  # timeline, network, phases


def test_hostile_text_is_escaped() -> None:
    report = render_html(small_record(decision_title=HOSTILE, title=f"Drill {HOSTILE}"))
    assert "<script" not in report
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in report


def test_scenario_summary_markdown_is_escaped() -> None:
    out = str(paragraphs(f"**Bold** and {HOSTILE}\n\n- one\n- two"))
    assert "<strong>Bold</strong>" in out
    assert "<script" not in out
    assert "<ul><li>one</li><li>two</li></ul>" in out


def test_cover(html: str) -> None:
    text = _text(html)
    assert "Testland drill" in text
    assert "UN Mission in Testland" in text
    assert "1 March 2031 to 2 March 2031" in text  # D+0 09:00 to D+1 02:00 from setting.start
    assert "7 in 3 teams" in text


def test_network_figures_with_raw_counts(html: str) -> None:
    text = _text(html)
    assert "Density 0.107 6 of 56 possible ties" in text
    assert "Reciprocity 0.000 0 of 6 ties answered by a tie back" in text
    assert "E\N{EN DASH}I index by category 1.00 6 ties across categories, 0 within" in text
    assert "1 actor took part in no decision: DPO (dpo)." in text
    assert "Stabilization · 2 decisions" in text


def test_coherence_figures_with_counts(html: str) -> None:
    text = _text(html)
    assert "1 of 3 decisions (0.333)" in text  # whole of UN
    assert "1 of 4 decisions (0.250)" in text  # harmonization
    assert "2 of 4 decisions (0.500)" in text  # alignment
    assert "Civil society and communities only 25% 1 4" in text
    assert "they are not grades" in text


def test_humanitarian_space(html: str) -> None:
    text = _text(html)
    assert "SRSG (srsg)" in text  # the breach names its actors
    assert "OCHA (ocha)" in text
    assert "srsg, a political or security actor outside the firewall, tasked ocha" in text
    assert "who has no humanitarian authority" in text
    assert "Not checked: an armed escort is armed by nature" in text
    assert "guidelines were written to protect humanitarian space" in text  # not applicable


def test_injects_reasons_and_evaluation(html: str) -> None:
    text = _text(html)
    assert "No decision was taken in Humanitarian Country Team, the expected forum." not in text
    assert "In decision d1, srsg tasked ocha, a contact the scenario asks teams to avoid." in text
    assert "Never released." in text
    assert "Write an HCT escort protocol" in text
    assert "2031-06-30" in text
    assert "The HC was asked before the escort." in text


def test_decision_log_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.report import context

    monkeypatch.setattr(context, "LOG_ROWS_MAX", 2)
    text = _text(render_html(small_record()))
    assert "The first 2 of 4 decisions are listed" in text


def test_many_decisions_are_aggregated_on_the_timeline(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.report import charts

    monkeypatch.setattr(charts, "TIMELINE_DOTS_MAX", 1)
    assert "dot area: count" in charts.timeline_chart(small_record(), "svg").data.decode()


def test_no_decisions_at_all() -> None:
    empty = replace(small_record(), decisions=(), ratings=(), observations=(), improvements=())
    text = _text(render_html(empty))
    assert "No decision was recorded." in text
    assert "No rating was recorded." in text


def test_renders_a_simulated_document(simulated_run: Path) -> None:
    from desktop.services.debrief import load_record

    report = render_html(load_record(simulated_run), title="Cohort 7 hotwash")
    text = _text(report)
    assert "Cohort 7 hotwash" in text
    for title in SECTIONS:
        assert f"<h1>{title}</h1>" in report
    assert "http" not in report
