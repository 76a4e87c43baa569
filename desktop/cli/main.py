"""`coherence`: validate packs, simulate plays, inspect and export exercise documents.

Imports stay light here: each command loads what it needs when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import __version__

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="coherence",
        description="Tabletop exercises for UN integrated missions, with a coherence debrief.",
    )
    parser.add_argument("--version", action="version", version=f"coherence {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what is done")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check scenario packs and play scripts",
        description=(
            "Check scenario packs (folders or YAML files) and play scripts. Exit status 0 "
            "when all are valid (warnings allowed), 2 when any has an error."
        ),
    )
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument("-q", "--quiet", action="store_true", help="print errors only")

    simulate = commands.add_parser(
        "simulate",
        help="run a play script into an exercise document",
        description="Drive the exercise engine through a play script on a simulated clock.",
    )
    simulate.add_argument("pack", metavar="PACK", help="scenario pack folder or YAML file")
    simulate.add_argument("--play", required=True, metavar="PLAY.yaml")
    simulate.add_argument("--out", required=True, metavar="RUN.coherence")
    simulate.add_argument("--force", action="store_true", help="replace an existing document")

    info = commands.add_parser("info", help="summarise an exercise document")
    info.add_argument("document", metavar="RUN.coherence")

    export = commands.add_parser("export", help="export an exercise document's full record")
    export.add_argument("document", metavar="RUN.coherence")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")

    report = commands.add_parser(
        "report",
        help="the debrief of an exercise document, or several compared",
        description=(
            "Every debrief figure defined in docs/metrics.md: as JSON, as an after-action "
            "report (HTML or PDF), or as a workbook for analysts (XLSX). With --compare, "
            "runs of the same scenario side by side (JSON, HTML or XLSX)."
        ),
    )
    report.add_argument("documents", nargs="+", metavar="RUN.coherence")
    report.add_argument("--format", choices=["json", "html", "pdf", "xlsx"], default="json")
    report.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    report.add_argument("--compare", action="store_true", help="compare several runs")
    report.add_argument(
        "--anonymize",
        action="store_true",
        help="replace observers' names with stable pseudonyms",
    )

    schema = commands.add_parser(
        "schema", help="write or check the JSON Schemas of the scenario and play formats"
    )
    schema.add_argument("--write", action="store_true", help="rewrite the schema files")
    schema.add_argument("--check", action="store_true", help="fail if they are out of date")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    from desktop.cli.commands import run
    from desktop.infra.logs import configure_cli_logging

    configure_cli_logging(args.verbose)

    try:
        return run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: a message, never a traceback
        from desktop.infra.crash import write_crash_report

        report = write_crash_report(error)
        where = f"; details in {report}" if report else ""
        print(f"coherence: internal error: {error}{where}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
