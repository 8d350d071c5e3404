"""FRUS editorial heads: sender/addressees from the head, dateline date, type markers."""

from declass.document import Document
from declass.extract import doctype, frus


def _doctype(text):
    return [c.value for c in doctype.extract(Document.from_text(text)) if c.field == "document_type"][0]


def _cands(text):
    return {(c.field, c.value): text[c.start : c.end] for c in frus.extract(Document.from_text(text))}


# frus1918Russiav03_d150
D150 = """File No. 861.00/1401

The Ambassador in Russia (Francis) to the Secretary of State

[Telegram—Extract]

Vologda, March 29, 1918, 9 p.m. [Received March 30, 7.50 p.m.]

Moscow press prints to-day: "American Consul informed Supreme Economic Council ..."
"""

# frus1927v01_d174
D174 = """500.A15/480: Telegram

The Secretary of State to the Chief of the American Representation on the Preparatory Commission (Gibson)

Washington, April 10, 1927—6 p.m.

113. Your 225, April 9, 10 a.m. The Navy Department feels that ...
"""

# frus1918Russiav03_d44
D44 = """File No. 861.51/264

The Consul General at Moscow (Simmers) to the Secretary of State

Moscow, December 13, 1917. [Received January 30, 1918.]

No. 240

Sir: I have the honor to report ...
"""

# frus1934v04_d240 (tail)
D240 = """724.3415/4056: Telegram

The Ambassador in Argentina (Weddell) to the Secretary of State

Buenos Aires, August 29, 1934—5 p.m. [Received 8:55 p.m.]

142. Referring to my telegram No. 139, August 27, 4 p.m., Brazilian Ambassador today told me ...

Repeated to Rio de Janeiro.

Weddell
"""


def test_head_sender_addressee_dateline_and_telegram_marker():
    c = _cands(D150)
    assert c[("sender", "The Ambassador in Russia (Francis)")] == "The Ambassador in Russia (Francis)"
    assert c[("addressees", "The Secretary of State")] == "the Secretary of State"
    assert c[("document_date", "1918-03-29")] == "March 29, 1918"
    assert c[("document_type", "telegram")] == "Telegram"
    # the received date is not the document date
    assert ("document_date", "1918-03-30") not in c


def test_secretary_as_sender_and_file_line_telegram():
    c = _cands(D174)
    assert c[("sender", "The Secretary of State")] == "The Secretary of State"
    key = ("addressees", "The Chief of the American Representation on the Preparatory Commission (Gibson)")
    assert c[key] == "the Chief of the American Representation on the Preparatory Commission (Gibson)"
    assert c[("document_date", "1927-04-10")] == "April 10, 1927"
    assert c[("document_type", "telegram")] == "Telegram"
    assert not [k for k in c if k[0] == "subject"]


def test_despatch_number_and_received_dateline():
    c = _cands(D44)
    assert c[("document_date", "1917-12-13")] == "December 13, 1917"
    assert c[("document_type", "dispatch")] == "No. 240"
    assert ("document_type", "telegram") not in c


def test_repeated_to_is_copies_to():
    c = _cands(D240)
    assert c[("copies_to", "Rio de Janeiro")] == "Rio de Janeiro"
    assert c[("sender", "The Ambassador in Argentina (Weddell)")]


def test_not_frus_without_dateline():
    text = "The Director to the Secretary of State\n\nSome body text without a dateline.\n"
    assert _cands(text) == {}


# Snippets below are verbatim from FRUS documents outside the corpus (HistoryAtState/frus TEI, converted by
# benchmarks/frus_tei.py; the fragments are in benchmarks/frus/tei/).

# frus1930v01_d164 and frus1936v03_d407: memoranda, the editors bracket the place of the dateline
MEMO_1930_D164 = """500.A15a3/1269

Memorandum by the Secretary of State

[Washington,] November 13, 1930.

The Italian Ambassador had a long telegram which he did not read to me, nor give me the contents of.
"""
MEMO_1936_D407 = """124.84/129

Memorandum by the Assistant Chief of the Division of Near Eastern Affairs (Alling)

[Washington,] November 6, 1936.

The Secretary called me to his office this morning to discuss the question of our representation in
"""


def test_memorandum_with_bracketed_dateline_place():
    c = _cands(MEMO_1930_D164)
    assert c[("sender", "The Secretary of State")] == "the Secretary of State"
    assert c[("document_date", "1930-11-13")] == "November 13, 1930"
    assert _doctype(MEMO_1930_D164) == "memorandum"  # typed by the doctype extractor, from the head
    assert not [k for k in c if k[0] == "addressees"]
    c = _cands(MEMO_1936_D407)
    key = ("sender", "The Assistant Chief of the Division of Near Eastern Affairs (Alling)")
    assert c[key] == "the Assistant Chief of the Division of Near Eastern Affairs (Alling)"
    assert c[("document_date", "1936-11-06")] == "November 6, 1936"


# frus1936v03_d540: a file number with a letter after the class number ("690D.")
D540_1936 = """690D.11241/29

The Ambassador in France (Stratus) to the Secretary of State

Paris, November 9, 1935. [Received November 20.]

No. 2301

Sir: In continuation of the Embassy’s despatch No. 2261 of October 26, 1935, with respect to customs
"""
# frus1936v03_d539 (same file class, another document)
D539_1936_FILE = "690D.11241/28\n\nMemorandum by the Second Secretary of Embassy in France (Werlich)\n"


def test_file_number_with_lettered_class():
    c = _cands(D540_1936)
    assert c[("sender", "The Ambassador in France (Stratus)")] == "The Ambassador in France (Stratus)"
    assert c[("addressees", "The Secretary of State")] == "the Secretary of State"
    assert c[("document_date", "1935-11-09")] == "November 9, 1935"
    assert c[("document_type", "dispatch")] == "No. 2301"


# frus1941v06_d540 and frus1927v01_d375: source notes in forms the file-number pattern does not know
D540_1941 = """832.796/658 Suppl.: Telegram

The Secretary of State to the Ambassador in Brazil (Caffery)

Washington, December 12, 1941—10 p.m.

1347. Dept’s 1336 of December 11, 10 p.m. By the time this telegram reaches you it is expected that Lati
"""
D375_1927 = """711.252/–

The Secretary of State to the Ambassador in Chile (Collier)

Washington, August 19, 1927.

No. 765

Sir: This Government has, as you are aware, entered upon the policy of negotiating with other countries
"""


def test_unknown_source_note_form_before_a_frus_head():
    c = _cands(D540_1941)
    assert c[("sender", "The Secretary of State")] == "The Secretary of State"
    assert c[("addressees", "The Ambassador in Brazil (Caffery)")] == "the Ambassador in Brazil (Caffery)"
    assert c[("document_date", "1941-12-12")] == "December 12, 1941"
    assert c[("document_type", "telegram")] == "Telegram"
    c = _cands(D375_1927)
    assert c[("addressees", "The Ambassador in Chile (Collier)")] == "the Ambassador in Chile (Collier)"
    assert c[("document_date", "1927-08-19")] == "August 19, 1927"
    assert ("document_type", "telegram") not in c


def test_source_line_needs_a_head_and_dateline():
    # the same first line without the FRUS head/dateline shape gives nothing
    assert _cands("832.796/658 Suppl.: Telegram\n\nSome body text.\n\nMore text.\n") == {}


# frus1941v06_d262: a memorandum of conversation names its author after "by"
MEMO_1941_D262 = """722.2315/1491

Memorandum of Conversation, by the Under Secretary of State (Welles)

[Washington,] May 20, 1941.

The Ambassador of Brazil left with me the attached memorandum which he had just received from Foreign Minister
"""


def test_memorandum_of_conversation_author():
    c = _cands(MEMO_1941_D262)
    key = ("sender", "The Under Secretary of State (Welles)")
    assert c[key] == "the Under Secretary of State (Welles)"
    assert _doctype(MEMO_1941_D262) == "memorandum"
    assert c[("document_date", "1941-05-20")] == "May 20, 1941"
    # heads of frus1938v02_d356 and frus1944v02_d275 (as history.state.gov titles them)
    for head, author in (
        (
            "Memorandum of Conversation, by the Ambassador in Germany (Wilson)",
            "the Ambassador in Germany (Wilson)",
        ),
        (
            "Memorandum of Conversation, by the Acting Chief of the Aviation Division (Walstrom)",
            "the Acting Chief of the Aviation Division (Walstrom)",
        ),
    ):
        c = _cands(f"711.62/145\n\n{head}\n\n[Washington,] March 22, 1938.\n\nText.\n")
        assert c[("sender", "T" + author[1:])] == author
