"""The vocabularies declass reads: classification levels and caveats, header and form labels, stamp
phrasings, office symbols, document-type cues, catalogue templates. They are JSON files in this
package, so a new spelling or office is a data edit, not a code change."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed `declass/data/<name>.json`, read once per process (shared: do not modify it)."""
    return json.loads(resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8"))
