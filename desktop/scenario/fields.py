"""Field types shared by the pack and play models: ids, scenario times, durations."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

from desktop.domain.times import parse_duration, parse_stamp

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"'{value}' is not an id: use letters, digits, '-', '_' or '.', no spaces")
    return value


def _check_stamp(value: str) -> str:
    parse_stamp(value)
    return value


def _check_stamp_or_manual(value: str) -> str:
    if value.strip() == "manual":
        return "manual"
    return _check_stamp(value)


def _check_duration(value: str) -> str:
    parse_duration(value)
    return value


def _one_or_many(value: Any) -> Any:
    """Let authors write `to: all` or `venue: hct` for a one-item list."""
    return [value] if isinstance(value, str) else value


Slug = Annotated[str, AfterValidator(_check_slug)]
Stamp = Annotated[
    str,
    AfterValidator(_check_stamp),
    Field(json_schema_extra={"pattern": r"^[DJ]\+\d+( \d{1,2}:\d{2})?$"}),
]
StampOrManual = Annotated[
    str,
    AfterValidator(_check_stamp_or_manual),
    Field(json_schema_extra={"pattern": r"^([DJ]\+\d+( \d{1,2}:\d{2})?|manual)$"}),
]
Duration = Annotated[
    str,
    AfterValidator(_check_duration),
    Field(json_schema_extra={"pattern": r"^(?=.*\d)\s*(\d+\s*d)?\s*(\d+\s*h)?\s*(\d+\s*m)?\s*$"}),
]
TextList = Annotated[list[str], BeforeValidator(_one_or_many)]
SlugList = Annotated[
    list[Slug],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}},
            ],
            "description": "One id, or a list of ids",
        }
    ),
]


class StrictModel(BaseModel):
    """Base of every format model: unknown keys are errors and numbers may stand for text."""

    model_config = ConfigDict(
        extra="forbid", coerce_numbers_to_str=True, populate_by_name=False, frozen=True
    )
