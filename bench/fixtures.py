"""Inputs the benchmarks share: the mini pack and a large generated pack."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "packs" / "mini"


def large_pack(folder: Path, injects: int = 500) -> Path:
    """The mini pack with `injects` extra scheduled injects, written into `folder`."""
    text = (MINI / "scenario.yaml").read_text(encoding="utf-8")
    lines = [text.rstrip(), ""]
    for n in range(injects):
        minutes = 8 * 60 + 7 * n
        at = f"D+{minutes // 1440} {minutes % 1440 // 60:02d}:{minutes % 60:02d}"
        lines += [
            f"  - id: bench-{n:04d}",
            f"    title: Generated inject {n}",
            f"    at: {at}",
            "    from: nec",
            "    to: [leadership, unct]",
            "    channel: email",
            "    dimensions: [political, humanitarian]",
            "    objectives: [principled-humanitarian]",
            "    body: |",
            "      The electoral commission writes again about polling in the camps.",
            "    expects:",
            "      respond_within: 4h",
            "      consult: [ocha, unhcr]",
            "      consult_any: [idp-leaders]",
            "      venue: [hct]",
            "      avoid:",
            "        - {by_dimension: security, to: [ocha, unhcr, wfp], mode: task}",
            "      notes: Look for a phased, voluntary approach.",
        ]
    pack = folder / "large"
    pack.mkdir(parents=True, exist_ok=True)
    (pack / "scenario.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    media = MINI / "media"
    target = pack / "media"
    target.mkdir(exist_ok=True)
    for item in media.iterdir():
        (target / item.name).write_bytes(item.read_bytes())
    return pack
