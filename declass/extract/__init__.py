"""Extractors: one module per field family, each with `extract(doc) -> Iterable[Candidate]`."""
