"""Classification extractor: banners, RIF line, review blocks, release markings, controls.

Snippets are copied verbatim from corpus documents (named in comments).
"""

from __future__ import annotations

import pytest

from declass.document import Document
from declass.extract import classification

PAD = " " * 61  # the right-hand column of State's release layout


def _run(text: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in classification.extract(Document.from_text(text)):
        out.setdefault(c.field, []).append(c)
    return out


def _original(text: str):
    got = _run(text).get("classification.original", [])
    assert len(got) <= 1
    return got[0] if got else None


def _controls(text: str) -> dict[str, str]:
    return {c.value: text[c.start : c.end] for c in _run(text).get("classification.controls", [])}


@pytest.mark.parametrize(
    "text, level, raw",
    [
        # state-telegrams/79TEHRAN8980: spaced banner on the telegram classification line
        (
            "R 130458Z AUG 79\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 3182\n\n"
            "C O N F I D E N T I A L SECTION 01 OF 02 TEHRAN 08980 \n \n"
            "E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P \n",
            "CONFIDENTIAL",
            "C O N F I D E N T I A L",
        ),
        # jfk-applevision/2023__104-10181-10145: hyphenated banner
        ("\nS-E-C-R-E-T\n\nOELA-38, 639\n\nChief, WE\n", "SECRET", "S-E-C-R-E-T"),
        # jfk-applevision/2021__docid-32112895: banner with a control
        ("LIBPARY\n\nSECRET SENSITIVE\n\n2\n", "SECRET", "SECRET"),
    ],
)
def test_banners(text, level, raw):
    c = _original(text)
    assert c.value == level
    assert text[c.start : c.end] == raw


def test_overstamped_banner_keeps_original_level():
    # seed/seed_rostow_1962: SECRET banner overstamped UNCLASSIFIED / DECLASSIFIED
    text = "UNCLASSIFIED\n\n87- DOS 0317\n\nPB\n\nSECRET  \nUNCLASSIFIED  \n-2-  \nDECLASSIFIED\n"
    c = _original(text)
    assert c.value == "SECRET"
    assert text[c.start : c.end] == "SECRET"


def test_state_release_banner_is_not_original():
    # state-foia-clinton/C05739545: the page banner is the release marking
    text = (
        "            Subject: Wow\n\n\n\nUNCLASSIFIED\nU.S. Department of State\nCase No. F-2015-04841\n"
        "Doc No. C05739545                         STATE DEPT. - PRODUCED TO HOUSE SELECT BENGHAZI COMM.\n"
    )
    assert _original(text) is None


def test_state_review_block_sets_current_not_original():
    # state-foia-clinton/C05792626 (block printed in a right-hand column)
    text = (
        "       UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05792626"
        " Date: 01/29/2016\n"
        "Subject:                           Fw: This am Green on Blue\n"
        + PAD
        + "Classified by DAS, A/GIS, DoS on 01/29/2016 —\n"
        + PAD
        + "Class: SECRET — Reason: 1.4(C), 1.4(D) — Declassify\n"
        + PAD
        + "on: 10/12/2027\n"
    )
    got = _run(text)
    assert "classification.original" not in got
    (cur,) = got["classification.current"]
    assert cur.value == "SECRET" and text[cur.start : cur.end] == "SECRET"
    # state-foia-clinton/C05763745: level on the line after "Class:", exemptions in between
    text = (
        "Classified by DAS, A/GIS, DoS on 07/30/2015 — Class:                  B1,1.4(B),1.4(D),B6\n"
        "CONFIDENTIAL — Reason: 1.4(B), 1.4(D) — Declassify on:\n"
    )
    got = _run(text)
    assert "classification.original" not in got
    assert got["classification.current"][0].value == "CONFIDENTIAL"


def test_telegram_line_rewritten_at_declassification():
    # state-telegrams/72TEHRAN5055: UNCLASSIFIED next to the declassification line is not the original
    text = (
        "R 220927Z AUG 72 \nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 9461\n\nUNCLASSIFIED TEHRAN 5055 \n\n"
        "E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006 \nTAGS: IR PTER\n"
    )
    assert _original(text) is None


def test_form_checkbox_levels_are_not_markings():
    # jfk-applevision/2025__104-10105-10213: routing slip prints every level
    text = (
        "(A.F. AddonA\n\nC/DDO /PK/AR\n\nUNCLASSIFIED\n\nCONFIDENTIAL\n\n"
        "токм на. 237\n\nUse previous editions\n"
    )
    assert _original(text) is None


@pytest.mark.parametrize(
    "text, level, raw",
    [
        # jfk-tesseract/2022__157-10011-10010: RIF code
        (
            "JFK Assassination System\nIdentification Form\n\nDOCUMENT TYPE : PAPER\n"
            "CLASSIFICATION : T\n\nRESTRICTIONS : REFERRED\n",
            "TOP SECRET",
            "T",
        ),
        # jfk-applevision/2021__docid-32286465: Apple Vision prints the value after the label
        (
            "JFK Assassination System\n\nIdentification Form\n\nDOCUMENT TYPE :\n\n"
            "PAPER, TEXTUAL DOCUMENT\n\n"
            "CLASSIFICATION:\n\nUnclassified\n\nRESTRICTIONS :\n\n4\n",
            "UNCLASSIFIED",
            "Unclassified",
        ),
        # jfk-applevision/2021__docid-32271380: damaged label
        (
            "JFK Assassination System\n\nIdentification Form\n\nCLASSIPICATION : Unclassified\n",
            "UNCLASSIFIED",
            "Unclassified",
        ),
    ],
)
def test_rif_classification(text, level, raw):
    c = _original(text)
    assert c.value == level
    assert text[c.start : c.end] == raw
    assert c.confidence < 0.88  # the RIF yields to the document's own marking


def test_document_marking_outranks_rif():
    # jfk-tesseract-2025/176-10030-10422: RIF says Unclassified, the memo is marked SECRET
    text = (
        "JFK Assassination System\nIdentification Form\nCLASSIFICATION : Unclassified\nRESTRICTIONS : 1C\n"
        "NW 49061 DocId: 1 Page 1\n\nSECRET\n\nMEMORANDUM FOR THE PRESIDENT\n"
    )
    c = _original(text)
    assert c.value == "SECRET" and text[c.start : c.end] == "SECRET"
    assert c.confidence >= 0.88


@pytest.mark.parametrize(
    "text, level, raw",
    [
        # jfk-tesseract/2018__180-10143-10091: control number before the level
        ("0002458 SECRET\n", "SECRET", "SECRET"),
        # jfk-tesseract/2022__104-10123-10281: OCR debris before the level
        ("7 ~«e CONFIDENTIAL\n", "CONFIDENTIAL", "CONFIDENTIAL"),
        # state-foia-talbott/C06771343: damaged level glued to the cable number
        ("0 ECRETSTATE 085500 \n", "SECRET", "ECRET"),
    ],
)
def test_level_in_ocr_debris(text, level, raw):
    c = _original(text)
    assert c.value == level
    assert text[c.start : c.end] == raw


def test_prose_is_not_a_marking():
    # jfk-applevision/2021__docid-32271380: level words inside sentences
    text = (
        "secrecy Standards. Mr. Hidalgo further stated that he had heard of such\n"
        "the interview would be treated as confidential information. Nevertheless,\n"
    )
    assert _original(text) is None


def test_banner_controls():
    # odni/20131119-odni__nsa_guidance_memo_on_legal_standards_for_searching_bulk_metadata
    text = "Declassify On: 30320726\nTOP-SECRET//COMINT//NOFORN\n"
    assert _original(text).value == "TOP SECRET"
    assert _controls(text) == {"COMINT": "COMINT", "NOFORN": "NOFORN"}
    # jfk-tesseract/2022__104-10192-10254: labelled report class with controls
    text = "REPORT CLASS SECRET NOFORN CONTINUED CONTROL OEL-33392 CUBA SUBJ\n"
    assert _original(text).value == "SECRET"
    assert _controls(text) == {"NOFORN": "NOFORN", "CONTINUED CONTROL": "CONTINUED CONTROL"}


def test_portion_mark_controls():
    # odni/20131119-odni__nsa_guidance_memo_on_legal_standards_for_searching_bulk_metadata
    text = "SUBJECT: (TS//SI//NF) Assessments of Reasonable Articulable Suspicion\n"
    assert _controls(text) == {"SI": "SI", "NOFORN": "NF"}


def test_damaged_control_phrases():
    # jfk-applevision/2025__124-10296-10130
    text = "REICN DISSEM/NO DISSEM ABROAD\n"
    assert _controls(text) == {"NO FOREIGN DISSEM": "REICN DISSEM", "NO DISSEM ABROAD": "NO DISSEM ABROAD"}
    # jfk-applevision/2023__104-10063-10017: slug line under the cable's SECRET banner
    text = (
        "SECRET\n(CLASSIFICATION)\nTO\nATHENS/\n(EYES ONLY PLOTKA)\nRYBAT MHCHAOS\nCITE HEADQUARTERS. 056\n"
    )
    assert _controls(text) == {"EYES ONLY": "EYES ONLY", "RYBAT": "RYBAT"}


def test_slug_far_from_any_marking_is_content():
    # jfk-tesseract/2018__180-10143-10091: cryptonyms in handwritten notes, no marking nearby
    text = "GF Gastet mer\nCPTOZEAL\nRYBAT /KAPOK\nFEIMGLAsS\nRB. RIGGS\n"
    assert _controls(text) == {}


def test_slug_before_typic_read_anywhere_even_damaged():
    # a slug line "<control> TYPIC <crypt>" is a control with no marking near it, the control word
    # OCR-damaged: pdf/104-10290-10046 (fresh OCR of the scan, its SECRET pages away), catalogued
    # jfk-tesseract-2022 104-10217-10091 and 104-10217-10099
    assert _controls("td VheCs 725 \n7 cwewewe th . QI, \n\n\nR\u00a5fat TYP AMERD \nWe - 0. RE NAVA\n") == {
        "RYBAT": "R\u00a5fat"
    }
    assert _controls(
        "PRIORITY DIRECTOR INFO KADRID\n\n\u201cal\n\naan\nRYBaq TYPIG ALECRU iihr..CSEOs4\n"
    ) == {"RYBAT": "RYBaq"}
    assert _controls(": RYBAT TYPIC ANECRU\n") == {"RYBAT": "RYBAT"}
    # TYPIC in a dispatch subject, or a damaged word not right before it, is no slug
    assert _controls("SUBJECT: Operational/TYPIC/AMLEQ\nRYBaq is here TYPIC\nRABAT, TYPICALLY\n") == {}


def test_title_case_and_wrapped_control_markings():
    # jfk-tesseract-2025/177-10002-10096 (President's Intelligence Checklist): the cover sheet's
    # "COMINT / Channels" access block and the page footer "For The President Only - Top Secret"
    text = (
        "TOP SECRET\nmes a eR (Security Classification)\n\nCONTROL No, CSC4U3-023/73 B\n\ncopy Aor\n\n"
        "COMINT\n\nChannels\n\nAccess to this document will be restricted to\n"
    )
    assert _controls(text) == {"COMINT CHANNELS": "COMINT\n\nChannels"}
    text2 = (
        "cance in that it surrounds Saigon.\n\nFor The President Only - Top Secret\n"
        "INDIAN Re OGSS Cat eae * |\n"
    )
    assert _controls(text2) == {"FOR THE PRESIDENT ONLY": "For The President Only"}
    # prose is not a marking
    assert _controls("The report was prepared for the President only.\n") == {}
    assert _controls("TOP SECRET//COMINT//NOFORN\n").get("COMINT CHANNELS") is None


def test_committee_sensitive_ocr_damaged():
    # jfk-applevision/2021__docid-32270969 (HSCA letter): "COMMITTEE SENSITIVE" with an O for the I
    text = "July 13, 1978\n\nLions\n\n1/26\n\nGLC: 22637)\n\nCOMMOTTEE SENSITIVE\n\nMr. Scott Breckinridge\n"
    assert _controls(text) == {"COMMITTEE SENSITIVE": "COMMOTTEE SENSITIVE"}


def _speed_texts() -> list[str]:
    """Fixture texts, and the same with characters that upper-case oddly ("ß" -> "SS", "ı" -> "I",
    "İ" stays itself) or spell spaced levels inserted at random."""
    import random

    from conftest import FIXTURES

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.txt"))]
    texts += ["S E C R E T\nC-O-N-F-I-D-E-N-T-I-A-L\n5ECRET $EGRET C0NF\u0130DENT\u0131AL"]
    texts += ["ß" * 3 + "\nSECRET"]
    rng = random.Random(11)
    extra = ["\u0131", "\u017f", "\u0130", "ß", "\u212a", "ﬁ", "é", "“", "-", " ", "S E C", "T-I-A"]
    extra += ["\n", "\f"]
    for t in texts[:40]:
        for _ in range(4):
            chars = list(t)
            for _ in range(rng.randint(1, 40)):
                chars.insert(rng.randrange(len(chars) + 1), rng.choice(extra))
            texts.append("".join(chars))
    return texts


def test_hot_lines_as_upper_cased_text_finds_them():
    # the byte search (non-ASCII upper-cased run by run) finds the lines `doc.text.upper()` shows
    for text in _speed_texts():
        doc = Document.from_text(text)
        assert classification._hot_lines(doc) == classification._hot_lines_unicode(doc)


def test_ascii_upper_matches_upper():
    for text in ("plain", "ı é “x” ſ", "é" * 5 + " a" * 40 + " é" * 40, "straße"):
        got = classification._ascii_upper(text)
        if len(text.upper()) != len(text):
            assert got is None
            continue
        assert got == "".join(c if c.isascii() else "?" for c in text.upper()).encode("ascii")


def test_core_literals_spell_the_core_parts():
    import re

    scans = classification._BYTE_SCAN.literals
    literals = [(lit, k) for core, parts in scans for lit, k in (parts or [(core, 0)])]
    for core, parts in classification._BYTE_SCAN.literals:
        assert all(lit[k:].startswith(core) for lit, k in parts or [])
    expected = {
        w.encode()
        for p in classification._CORE_PARTS
        if "{" not in p.pattern
        for w in classification._expand(p.pattern)
    }
    assert {lit for lit, _ in literals} == expected
    for p in classification._CORE_PARTS:
        if "{" not in p.pattern:
            assert all(p.fullmatch(w) for w in classification._expand(p.pattern))
            n = 1
            for cls in re.findall(r"\[([^\]]+)\]", p.pattern):
                n *= len(cls)
            assert len(classification._expand(p.pattern)) == n


def test_rif_searches_from_their_words_find_what_search_finds():
    from declass.prefilter import fold

    texts = _speed_texts() + ["x IdentificatIon  form", "ASSASSINATION\tSYSTEM Doc Id Page 1", "Page 12 1"]
    for text in texts:
        folded = fold(text)
        for pattern, hay, leads in (
            (classification._RIF_HEAD, folded, ("identification", "assassination")),
            (classification._RIF_FOOTER, text, ("Doc", "Page")),
        ):
            for pos, endpos in ((0, 8000), (5, 60), (len(text) // 2, len(text))):
                want = pattern.search(text, pos, endpos)
                got = classification._search_at(pattern, text, hay, leads, pos, endpos)
                assert (want and want.span()) == (got and got.span())


def test_compact_level_compares_only_levels_it_could_read_as():
    import difflib
    import random

    v = classification._vocab()

    def every_level_compared(compact: str) -> str | None:
        fixed = compact.translate(classification._OCR_FIX)
        if compact in v.exact or fixed in v.exact:
            return v.exact.get(compact) or v.exact[fixed]
        if len(fixed) < 5 or len(fixed) > 22 or not fixed.isalpha() or not classification._CORE.search(fixed):
            return None
        best, best_ratio = None, 0.0
        for canon, level in v.compact_levels.items():
            if abs(len(canon) - len(fixed)) <= 2:
                r = difflib.SequenceMatcher(None, fixed, canon).ratio()
                if r > best_ratio:
                    best, best_ratio = level, r
        return best if best_ratio >= (0.9 if best in ("SECRET", "RESTRICTED") else 0.85) else None

    rng = random.Random(5)
    spellings = list(v.compact_levels) + list(v.exact) + ["SECRETARY", "SECRETS", "CONFIDENCE"]
    read = 0
    for _ in range(4000):
        chars = list(rng.choice(spellings))
        for _ in range(rng.randint(0, 4)):
            i = rng.randrange(len(chars) + 1)
            op, ch = rng.randrange(3), rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ5$01")
            if op == 0:
                chars.insert(i, ch)
            elif i < len(chars):
                chars[i : i + 1] = [ch] if op == 1 else []
        word = "".join(chars)
        assert classification._compact_level.__wrapped__(word) == every_level_compared(word), word
        read += every_level_compared(word) is not None
    assert read > 1000


def test_core_read_before_ocr_fixes_as_after():
    import random

    rng = random.Random(9)
    alphabet = "SECRTONFIDALUG5$01823"
    for _ in range(20000):
        head = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9)))
        fixed = head.translate(classification._OCR_FIX)
        assert bool(classification._CORE_OCR.search(head)) == bool(classification._CORE.search(fixed)), head


def test_shortcuts_skip_only_what_finds_nothing():
    import re

    v = classification._vocab()
    lines = [ln for t in _speed_texts()[:80] for ln in t.splitlines()]
    lines += ["NOFORN", "x // SI", "SECRET NOFORN WNINTEL", "a\x1cb\u2003c\x85d e f g", "ORCON/ NF"]
    for line in lines:
        # one search for every control finds a line some control is found in
        assert bool(v.any_control.search(line)) == any(p.search(line) for _, p in v.controls), line
        # words as `split()` cuts them are the \S+ runs (`_damaged_slug` counts them so)
        assert len(line.split()) == len(re.findall(r"\S+", line))
        # a short line with no level core has no level at any token
        compact = classification._NOT_WORD.sub("", line.upper())
        if len(line) <= 64 and not classification._CORE_OCR.search(compact):
            assert not any(classification._read_level_at(line, m.start()) for m in re.finditer(r"\S", line))


def test_prose_found_from_its_word_as_finditer_finds_it():
    texts = _speed_texts() + [
        "This LHM is classified secret. It IS  CLASSIFIED \u201cTop  Secret\u201d; this classified secret",
        "is classified is classified secret \u0130S\u00a0CLASSIFIED CONFIDENTIAL",
    ]
    assert sum(len(classification._PROSE.findall(t)) for t in texts[-2:]) == 4
    for text in texts:
        want = [m.span() for m in classification._PROSE.finditer(text)]
        assert [m.span() for m in classification._prose_matches(Document.from_text(text))] == want
