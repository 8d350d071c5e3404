"""`python -m declass.train`: retrain the header tagger (see `declass.ner.train`)."""

from __future__ import annotations

import sys

from .ner.train import main

if __name__ == "__main__":
    sys.exit(main())
