"""The subcommands of `coherence`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def run(args: argparse.Namespace) -> int:
    """Dispatch a parsed command line."""
    handlers = {
        "validate": cmd_validate,
        "simulate": cmd_simulate,
        "info": cmd_info,
        "export": cmd_export,
        "report": cmd_report,
        "schema": cmd_schema,
    }
    return handlers[args.command](args)


def _error(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_BAD_INPUT


def cmd_validate(args: argparse.Namespace) -> int:
    """`coherence validate PATH...`"""
    from desktop.infra.paths import bundled_scenarios
    from desktop.scenario.diagnostics import Severity
    from desktop.services.validation import validate_path

    status = EXIT_OK
    for raw in args.paths:
        report = validate_path(Path(raw), bundled_scenarios())
        for diagnostic in report.diagnostics:
            if args.quiet and diagnostic.severity is Severity.WARNING:
                continue
            stream = sys.stderr if diagnostic.severity is Severity.ERROR else sys.stdout
            print(diagnostic, file=stream)
        if not report.valid:
            status = EXIT_BAD_INPUT
        elif not args.quiet:
            warnings = len(report.diagnostics)
            note = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
            print(f"{raw}: valid {report.kind}{note}")
    return status


def cmd_simulate(args: argparse.Namespace) -> int:
    """`coherence simulate PACK --play PLAY.yaml --out RUN.coherence`"""
    from desktop.scenario.diagnostics import InvalidFile
    from desktop.services.simulate import InvalidStep, StepFailed, simulate
    from desktop.store.errors import DocumentError

    try:
        result = simulate(Path(args.pack), Path(args.play), Path(args.out), overwrite=args.force)
    except InvalidFile as invalid:
        for diagnostic in invalid.diagnostics:
            print(diagnostic, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (StepFailed, InvalidStep) as failure:
        return _error(f"{failure}\nThe steps before it are saved in {args.out}.")
    except DocumentError as error:
        if error.problem == "exists":
            return _error(f"{error}; add --force to replace it")
        return _error(str(error))
    print(
        f"{result.path}: {result.steps} steps, {result.events} events, "
        f"scenario clock at {result.ended_at}"
    )
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    """`coherence info RUN.coherence`"""
    from desktop.cli.info_text import render_summary
    from desktop.scenario.diagnostics import InvalidFile
    from desktop.services.summary import summarize
    from desktop.store.errors import DocumentError

    try:
        summary = summarize(Path(args.document))
    except DocumentError as error:
        return _error(str(error))
    except InvalidFile as invalid:
        return _error(f"{args.document}: the stored scenario cannot be read:\n{invalid}")
    print(render_summary(summary))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """`coherence export RUN.coherence --format json`"""
    from desktop.scenario.diagnostics import InvalidFile
    from desktop.services.export import export_record
    from desktop.store.errors import DocumentError

    try:
        record = export_record(Path(args.document))
    except DocumentError as error:
        return _error(str(error))
    except InvalidFile as invalid:
        return _error(f"{args.document}: the stored scenario cannot be read:\n{invalid}")
    return _write_json(record, args.out)


def cmd_report(args: argparse.Namespace) -> int:
    """`coherence report RUN.coherence... --format json|html|pdf|xlsx [--compare]`"""
    from desktop.scenario.diagnostics import InvalidFile
    from desktop.services.reports import ReportRequest, ReportRequestError, make_report
    from desktop.store.errors import DocumentError

    request = ReportRequest(
        documents=tuple(Path(d) for d in args.documents),
        format=args.format,
        out=Path(args.out) if args.out else None,
        compare=args.compare,
        anonymize=args.anonymize,
    )
    try:
        text = make_report(request)
    except ReportRequestError as error:
        return _error(f"coherence report: {error}")
    except DocumentError as error:
        return _error(str(error))
    except InvalidFile as invalid:
        return _error(f"the stored scenario cannot be read:\n{invalid}")
    except ValueError as error:  # runs of different scenarios cannot be compared
        return _error(f"coherence report: {error}")
    except OSError as error:
        return _error(f"{args.out}: cannot write: {error.strerror}")
    if text is not None:
        sys.stdout.write(text)
    elif args.out:
        print(f"wrote {args.out}")
    return EXIT_OK


def _write_json(data: object, out: str | None) -> int:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out:
        try:
            Path(out).write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            return _error(f"{out}: cannot write: {error.strerror}")
    else:
        sys.stdout.write(text + "\n")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """`coherence schema [--write | --check]`"""
    from desktop.infra.paths import bundled_scenarios
    from desktop.scenario.schema_export import schema_files

    folder = bundled_scenarios()
    stale = []
    for name, text in schema_files().items():
        target = folder / name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if args.write:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
        else:
            stale.append(str(target))
    if stale and (args.check or not args.write):
        return _error("out of date (run `make schema`): " + ", ".join(stale))
    return EXIT_OK
