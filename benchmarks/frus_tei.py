"""FRUS TEI -> corpus-style text + weak-label catalogue for the bulk FRUS check (frus_agreement.py).

The corpus's 28 FRUS documents (../shared/corpus/frus) were made from the HistoryAtState/frus TEI volumes
(public-domain US government records). Comparing their .txt with the TEI gives the conversion, which this
script repeats for TEI fragments saved under benchmarks/frus/tei/ (one file per fetched chunk of a volume,
`<chunk volume=... offset=...>` wrapping the complete `<div type="document">` elements of that chunk):

- one paragraph per block, paragraphs separated by a blank line; inside a block all whitespace (and
  `<lb/>`) becomes one space; page breaks (`<pb/>`) and XML comments vanish;
- footnotes (`<note>` other than the source note) are dropped, the text around them kept;
- blocks in document order: the source note (`<note type="source">`: "File No. 861.00/1401",
  "500.A15 a 1/457: Telegram"), the editorial head, each `<dateline>` then each `<seg>` of an `<opener>`
  as its own block ("[Telegram]", "Vologda, March 29, 1918, 9 p.m. [Received March 30, 7.50 p.m.]",
  "No. 240" - the corpus puts the dateline first even where the TEI has the seg first),
  each `<p>` (lists and block quotes inside it flattened into it), a `<list>` at div level as one block,
  the `<closer>` as one block ("For the Secretary of State: R. Walton Moore"), and each
  `<frus:attachment>` (enclosure) flattened into ONE block ("[Enclosure—Translation] Decree ... 1. ...").

The catalogue (`<id>.catalog.json`) has the corpus's FRUS fields and provenance: doc_date from the
document's own `<dateline>/<date @when>` (time zone cut, as in the corpus), subject = the head,
sender/addressees = the head's `persName|gloss type="from|to"` (only the tagged part, often a surname),
doc_ids.frus_document and doc_ids.state_decimal_file (the source note without "File No." and ": Telegram";
the corpus builder dropped file numbers containing spaces or letters, this one keeps them), and
extra.source_notes. It adds extra.document_type_hint, a weak label from TEI structure alone (see
`type_hint`), recorded in _provenance.

Some saved fragments are abridged (long middle paragraphs replaced by an XML comment saying so), which
only shortens bodies; heads, openers, first/last paragraphs and closers are as published.

    python benchmarks/frus_tei.py            # writes benchmarks/frus/<volume>_<dN>.txt + .catalog.json
    python benchmarks/frus_tei.py --check    # converts the saved corpus documents, diffs with the corpus

A saved fragment of a corpus document (frus1918Russiav03 d44) is never written out (the corpus ids are
skipped); `--check` converts it and compares text and catalogue with the corpus files.
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEI_DIR = ROOT / "benchmarks" / "frus" / "tei"
OUT_DIR = ROOT / "benchmarks" / "frus"
CORPUS_FRUS = ROOT.parent / "shared" / "corpus" / "frus"

TEI = "{http://www.tei-c.org/ns/1.0}"
FRUS = "{http://history.state.gov/frus/ns/1.0}"
PROVENANCE = {
    "doc_date": "TEI <dateline>/<date @when>",
    "sender/addressees": 'TEI <persName|gloss type="from|to"> inside <head> '
    "(only the tagged part, e.g. a surname)",
    "subject": "TEI <head> of the document "
    "(editorial title of the FRUS editors, not a SUBJECT line of the original)",
    "doc_ids": "xml:id of the document div; decimal file number from the inline source note",
    "extra.document_type_hint": "benchmarks/frus_tei.py type_hint(): weak label from TEI structure "
    "(source note ': Telegram' / [Telegram] / [Paraphrase]; 'Memorandum' head; salutation; embassy/ministry "
    "parties and 'Accept [etc.]' for notes; 'No. N' opener seg for despatches/instructions)",
}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def flat(el: ET.Element, keep_notes: bool = False) -> str:
    """Text of an element: footnotes dropped (their tail kept), lb as a space, pb and comments ignored."""
    out: list[str] = []

    def walk(e: ET.Element) -> None:
        tag = e.tag if isinstance(e.tag, str) else ""
        if tag == TEI + "note" and not keep_notes:
            return
        if tag == TEI + "lb":
            out.append(" ")
            return
        if tag and e.text:
            out.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if tag in (TEI + "p", TEI + "item", TEI + "label", TEI + "row", TEI + "cell"):
            out.append(" ")

    walk(el)
    return _norm("".join(out))


# elements that are one block each; an attachment (enclosure) is flattened into one block
BLOCKS = {TEI + t for t in ("head", "p", "closer", "list", "quote", "postscript")} | {FRUS + "attachment"}


def blocks(div: ET.Element) -> list[str]:
    """The text blocks (paragraphs) of one document div, in the corpus's order and form."""
    out: list[str] = []
    for child in div:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == TEI + "note":
            if child.get("type") == "source":
                out.append(flat(child, keep_notes=True))
        elif tag == TEI + "opener":
            # the dateline comes first even where the TEI puts a "No. 240" seg before it (corpus d44)
            parts = [c for c in child if c.tag == TEI + "dateline"]
            parts += [c for c in child if c.tag == TEI + "seg"]
            for c in parts or [child]:
                out.append(flat(c))
        elif tag in BLOCKS:
            out.append(flat(child))
    return [b for b in out if b]


def _head(div: ET.Element) -> ET.Element | None:
    return div.find(TEI + "head")


def parties(head: ET.Element | None, kind: str) -> list[str]:
    if head is None:
        return []
    vals = []
    for e in head.iter():
        if e.tag in (TEI + "persName", TEI + "gloss") and e.get("type") == kind:
            vals.append(flat(e))
    return vals


def doc_date(div: ET.Element) -> str | None:
    for opener in div.findall(TEI + "opener"):
        for date in opener.iter(TEI + "date"):
            when = date.get("when")
            if when:
                return when[:19]
    return None


def file_number(source_note: str) -> str | None:
    s = re.sub(r"^File No\.\s*", "", source_note)
    s = re.sub(r":\s*Telegram.*$", "", s).strip()
    return s if re.match(r"^\d{3}[\w.]*(?:[ .][\w.–-]+)*/\S+$", s) else None


def type_hint(div: ET.Element, text_blocks: list[str]) -> str | None:
    """A weak document-type label from TEI structure only (not from declass's rules)."""
    source = next((flat(n, True) for n in div.findall(TEI + "note") if n.get("type") == "source"), "")
    segs = [flat(s) for o in div.findall(TEI + "opener") for s in o.findall(TEI + "seg")]
    head = _head(div)
    head_text = flat(head) if head is not None else ""
    if re.search(r":\s*Telegram", source) or any(re.match(r"\[(Telegram|Paraphrase)", s) for s in segs):
        return "telegram"
    if head_text.startswith("Memorandum"):
        return "memorandum"
    paras = [flat(p) for p in div.findall(TEI + "p")]
    first_p = paras[0] if paras else ""
    if re.match(r"(My )?Dear\b", first_p):
        return "letter"
    # diplomatic notes: embassy/ministry parties, or "Excellency:"/"Mr. Minister:" and "Accept [etc.]"
    envoy = re.search(r"\b(Embassy|Legation|Ministry)\b", head_text)
    if envoy or re.match(r"(Excellency|Mr\. Minister|Mr\. Ambassador):", first_p):
        return "note"
    if any(re.match(r"No\. \d+$", s) for s in segs):
        return "dispatch"
    if any(re.match(r"Accept \[etc\.\]", p) for p in paras):
        return "note"
    return None


def corpus_ids() -> set[str]:
    return {p.name.split(".")[0] for p in CORPUS_FRUS.glob("*.txt")} if CORPUS_FRUS.is_dir() else set()


def convert_chunk(
    path: Path, skip: set[str] = frozenset(), only: set[str] | None = None
) -> list[tuple[str, str, dict]]:
    root = ET.parse(path).getroot()
    volume = root.get("volume")
    out = []
    for div in root.iter(TEI + "div"):
        if div.get("type") != "document":
            continue
        did = div.get("{http://www.w3.org/XML/1998/namespace}id")
        doc_id = f"{volume}_{did}"
        if doc_id in skip or (only is not None and doc_id not in only):
            continue
        text_blocks = blocks(div)
        source_notes = [flat(n, True) for n in div.findall(TEI + "note") if n.get("type") == "source"]
        segs = [flat(s) for o in div.findall(TEI + "opener") for s in o.findall(TEI + "seg")]
        source_notes += [s for s in segs if s.startswith("[")]
        head = _head(div)
        ids = {"frus_document": f"{volume}/{did}"}
        fn = file_number(source_notes[0]) if source_notes else None
        if fn:
            ids["state_decimal_file"] = fn
        catalog = {
            "doc_date": doc_date(div),
            "subject": flat(head) if head is not None else None,
            "doc_ids": ids,
            "sender": (parties(head, "from") or [None])[0],
            "addressees": parties(head, "to"),
            "extra": {"source_notes": source_notes, "document_type_hint": type_hint(div, text_blocks)},
            "_provenance": PROVENANCE,
        }
        out.append((doc_id, "\n\n".join(text_blocks) + "\n", catalog))
    return out


def check() -> int:
    """Convert the corpus documents found in the saved fragments and compare with the corpus files."""
    bad = n = 0
    ids = corpus_ids()
    for chunk in sorted(TEI_DIR.glob("*.xml")):
        for doc_id, text, catalog in convert_chunk(chunk, only=ids):
            n += 1
            want = (CORPUS_FRUS / f"{doc_id}.txt").read_text(encoding="utf-8")
            cat = json.loads((CORPUS_FRUS / f"{doc_id}.catalog.json").read_text(encoding="utf-8"))
            same_text = text.strip() == want.strip()
            fields = ("doc_date", "subject", "sender", "addressees")
            diff = [f for f in fields if cat.get(f) != catalog.get(f)]
            verdict = "identical" if same_text else "DIFFERS"
            print(f"{doc_id}: text {verdict}; catalogue fields differing: {diff}")
            if not same_text:
                import difflib

                for line in difflib.unified_diff(want.splitlines(), text.splitlines(), lineterm="", n=0):
                    print("   ", line[:200])
            bad += (not same_text) + bool(diff)
    print(f"{n} corpus documents checked, {bad} problems")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    argv = argv or []
    if "--check" in argv:
        return check()
    n = 0
    skip = corpus_ids()
    for chunk in sorted(TEI_DIR.glob("*.xml")):
        for doc_id, text, catalog in convert_chunk(chunk, skip=skip):
            (OUT_DIR / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            (OUT_DIR / f"{doc_id}.catalog.json").write_text(
                json.dumps(catalog, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            n += 1
    print(f"{n} documents written to {OUT_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
