"""The record's JSON Schema, shipped with the package (`declass schema` prints it)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


def schema_text() -> str:
    return resources.files(__package__).joinpath("record.schema.json").read_text(encoding="utf-8")


@cache
def record_schema() -> dict:
    return json.loads(schema_text())
