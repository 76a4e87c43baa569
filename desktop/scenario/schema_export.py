"""The JSON Schemas of the formats, generated from the models, for authors' editors."""

from __future__ import annotations

import json

from desktop.scenario.pack_models import ScenarioModel
from desktop.scenario.play_models import PlayModel

SCENARIO_SCHEMA = "scenario.schema.json"
PLAY_SCHEMA = "play.schema.json"


def _render(model: type[ScenarioModel] | type[PlayModel], title: str, ident: str) -> str:
    schema = model.model_json_schema(by_alias=True)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": ident,
        "title": title,
        **schema,
    }
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def schema_files() -> dict[str, str]:
    """File name to schema text, for `scenarios/`."""
    return {
        SCENARIO_SCHEMA: _render(
            ScenarioModel, "Coherence scenario pack (coherence-scenario/1)", SCENARIO_SCHEMA
        ),
        PLAY_SCHEMA: _render(PlayModel, "Coherence play script (coherence-play/1)", PLAY_SCHEMA),
    }
