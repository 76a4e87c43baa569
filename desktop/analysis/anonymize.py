"""Pseudonyms for the people an exercise record names, for reports shared beyond the room.

An `ExerciseRecord` names people in one place only: the `observer` of observations and
ratings. Participants are a count (their names never reach the record); team and actor
ids are roles, not people; the improvement plan's `responsible` is an organisation. So
`anonymize` replaces observer names with "Observer A", "Observer B", ... and keeps
everything else.

Limitation: free text is not rewritten. Decision titles and rationales, observation
texts, rating notes, void reasons and the improvement plan's wording may still name
people ("A. Mensah phoned the Minister"); recognising names in free text cannot be done
reliably offline, and a half-done attempt would give false confidence. Whoever shares an
anonymized report should read those texts first.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.analysis.record import ExerciseRecord

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, 27 -> AB, ... (spreadsheet column style)."""
    text = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        text = _LETTERS[rest] + text
    return text


def _normalized(name: str) -> str:
    """The key a name is recognised by: case and runs of white space do not matter."""
    return " ".join(name.split()).casefold()


class Pseudonyms:
    """Stable pseudonyms, assigned in order of first request.

    The same real name (ignoring case and extra white space) always gets the same
    pseudonym from one instance, so pass one instance to `anonymize` for every run of
    a comparison and "Observer A" is the same person in all of them. An empty name
    stays empty: it names nobody.
    """

    def __init__(self, prefix: str = "Observer") -> None:
        self._prefix = prefix
        self._by_key: dict[str, str] = {}
        self._first_spelling: dict[str, str] = {}

    def name_for(self, real: str) -> str:
        """The pseudonym of `real`, assigning the next letter on first sight."""
        key = _normalized(real)
        if not key:
            return ""
        pseudonym = self._by_key.get(key)
        if pseudonym is None:
            pseudonym = f"{self._prefix} {_letters(len(self._by_key))}"
            self._by_key[key] = pseudonym
            self._first_spelling[key] = real.strip()
        return pseudonym

    def key(self) -> dict[str, str]:
        """Real name (as first seen) -> pseudonym: for the analyst's own files only.

        Never put this into a shared report: it undoes the anonymization.
        """
        return {self._first_spelling[k]: p for k, p in self._by_key.items()}

    def __len__(self) -> int:
        return len(self._by_key)


def anonymize(record: ExerciseRecord, pseudonyms: Pseudonyms | None = None) -> ExerciseRecord:
    """A copy of `record` with every observer name replaced by a pseudonym.

    Pseudonyms are assigned in order of first appearance: observations and ratings
    together by scenario time of entry (observations first at the same minute, then in
    entry order), voided entries included. Pass a shared `Pseudonyms` to keep the same
    pseudonyms across several records; without one, a fresh instance is used. The
    figures do not change: nothing they compute depends on observer names.

    Free text (rationales, observation texts, notes) is left as it is; see the module
    docstring.
    """
    names = pseudonyms if pseudonyms is not None else Pseudonyms()
    entries = sorted(
        [(o.recorded_at, 0, i, o.observer) for i, o in enumerate(record.observations)]
        + [(r.recorded_at, 1, i, r.observer) for i, r in enumerate(record.ratings)]
    )
    for *_, observer in entries:
        names.name_for(observer)
    return replace(
        record,
        observations=tuple(
            replace(o, observer=names.name_for(o.observer)) for o in record.observations
        ),
        ratings=tuple(replace(r, observer=names.name_for(r.observer)) for r in record.ratings),
    )
