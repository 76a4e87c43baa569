"""Run every benchmark and print its figures: `python -m bench`."""

from __future__ import annotations

import sys

from bench import (
    debrief,
    record_decision,
    replay,
    startup,
    ui_decision_log,
    validation,
    window_startup,
)


def main() -> int:
    """Run the benchmarks in turn; each prints its own lines."""
    print("Coherence benchmarks (ratios against baselines measured in this run)\n")
    for module in (
        record_decision,
        validation,
        replay,
        startup,
        window_startup,
        ui_decision_log,
        debrief,
    ):
        module.run()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
