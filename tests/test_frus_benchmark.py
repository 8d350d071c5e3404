"""The FRUS benchmark's converter (benchmarks/frus_tei.py): the committed texts are what it makes of the
saved TEI fragments, and a corpus document's TEI gives its corpus text."""

import importlib.util
import json

from conftest import ROOT, needs_corpus


def _frus_tei():
    spec = importlib.util.spec_from_file_location("frus_tei", ROOT / "benchmarks" / "frus_tei.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_committed_texts_are_the_conversion_of_the_saved_tei():
    mod = _frus_tei()
    seen = 0
    for chunk in sorted(mod.TEI_DIR.glob("*.xml")):
        for doc_id, text, catalog in mod.convert_chunk(chunk, skip={"frus1918Russiav03_d44"}):
            assert (mod.OUT_DIR / f"{doc_id}.txt").read_text(encoding="utf-8") == text, doc_id
            saved = json.loads((mod.OUT_DIR / f"{doc_id}.catalog.json").read_text(encoding="utf-8"))
            assert saved == catalog, doc_id
            seen += 1
    assert seen >= 60


def test_footnotes_dropped_dateline_before_number_enclosure_one_block():
    mod = _frus_tei()
    docs = {d: t for d, t, _ in mod.convert_chunk(mod.TEI_DIR / "frus1918Russiav03_o450000.xml")}
    text = docs["frus1918Russiav03_d49"]
    blocks = text.split("\n\n")
    assert blocks[:5] == [
        "File No. 861.51/295",
        "The Ambassador in Russia (Francis) to the Secretary of State",
        "Petrograd, February 12, 1918. [Received April 8.]",
        "No. 1027",
        blocks[4],
    ]
    assert blocks[-1].startswith("[Enclosure—Translation] Decree regarding Annulment of State Loans")
    assert "translation has been left" not in text  # the footnote on the enclosure's note


@needs_corpus
def test_conversion_reproduces_a_corpus_document():
    assert _frus_tei().check() == 0
