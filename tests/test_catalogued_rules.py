"""Rules revised on unseen text: snippets copied verbatim from the catalogued NARA JFK 2022 release
(../shared/catalogued/jfk-tesseract-2022: public records, Tesseract OCR) and from corpus documents.

benchmarks/catalogue_agreement.py compares declass with NARA's catalogue on those 500 records; the
systematic errors it showed are pinned here, each rule on snippets of at least two documents.
"""

from declass.dates import cited
from declass.document import Document
from declass.extract import dates, header, rif


def _values(module, text, field):
    doc = Document.from_text(text)
    return [c.value for c in module.extract(doc) if c.field == field]


def _cited_at(text, raw, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(raw, start + 1)
    return cited(text, start, start + len(raw))


# 104-10059-10363: memorandum, dates in its REFERENCE block
REF_DATED = (
    "MEMORANDUM FOR:. Donald P. Gregg\n"
    "\n"
    "SA/DO/0.\n"
    "ATTENTION: Norbert. A. Shepanek\n"
    "FROM: Robert A. Barteaux\n"
    "\n"
    "Chief, Operations Group\n"
    "\n"
    "SUBJECT: House Select Committee on Assassinations\n"
    "(HSCA) Request\n"
    "\n"
    "REFERENCE : A. OLC 78-0070/29 dated 1 March 1978\n"
    "B. Speed letter from Norbert Shepanek,\n"
    "SA/DO/O, dated 24 April 1978."
)

# 104-10062-10058: FBI letterhead memorandum, an event date in the first sentence
FBI_ON = (
    "UNITED STATES DEPARTMENT OF JUSTICE\n"
    "\n"
    "FEDERAL BUREAU OF INVESTIGATION\n"
    "\n"
    "Miami, Florida\n"
    "\n"
    "In Reply, Please: Refer to March 5, 1969\n"
    "\n"
    "File No,\n"
    "\n"
    "— SECRET -\n"
    "\n"
    "RE: CUBAN INTELLIGENCE ACTIVITIES\n"
    "IN THE UNITED STATES\n"
    "INTERNAL SECURITY - CUBA\n"
    "\n"
    "On February 25, 1969, source, a Cuban exile\n"
    "residing in Miami, Florida, furnished the following"
)

# 104-10308-10062: dispatch, a list of references
REF_LIST = (
    "Operational/TYPIC/AMLEQ oe. tN\n"
    "Z thsuccesstut Exfiltration Attempt by M/V ADA{ 9-12 May 1964\n"
    "c\n"
    "\n"
    "i QUIRED - REFERENCES\n"
    "| ‘Action Required: None, FYI\n"
    "\n"
    "| References: A. BARR-1606, dated 13 May 1964\n"
    "\n"
    "B. BARR-1607, dated 13 May 1964\n"
    "C. WAVE-6458, dated 13 May 1964\n"
    "D. WAVE-6433, dated 13 May 1964\n"
    "E, WAVE-6463, dated 13 May 1964\n"
    "F. BARR-1612, dated 14 May 1964\n"
    "i G. BARR-1614, dated 14 May 1964\n"
    "H. BARR-1619, dated 15 May 1964\n"
    "I. UFGA-15986, dated 20 May 1964\n"
    "J. WAVE-6844, dated 21 May 1964\n"
    "K. UFKA- 130, dated 14 May 1964"
)

# 104-10061-10384: memorandum, dateline with margin debris, then references
MEMO_REFS = (
    "_--7~ CONFIDENTIAL\n"
    "\n"
    "‘1 March 1977 :\n"
    "\n"
    "MEMORANDUM FOR: Appeals Coordinator, Information\n"
    ": Processing Staff/DDA\n"
    "\n"
    "THROUGH - : DDO/Information Review Officer\n"
    "SUBJECT : FOIA Appeal--Robert Sibley (F 76-455)\n"
    "\n"
    "REFERENCES : A. Initial Request Letter, 19 July 1976.\n"
    "B. Initial Response, 17 September 1976,\n"
    "C. Appeal Letter, 21 September 1976."
)

# 104-10216-10348: a date in the subject's second line
SUBJ_CONT = (
    "h 10 March 1965 : Koy\n"
    "\n"
    "SUBJECT : Meetings with Emilio Gabriel Collado and AMWHIP-1\n"
    "in New York City, 8 March 1965\n"
    "\n"
    "REFERENCE: AMWHIP-1 Memorandum dated 4 March 1965"
)

# 104-10071-10101: dispatch, its date beside its number; a reference date above
DISPATCH_DATELINE = (
    "Congress of Black Writers Conference in Montreal\n"
    "\n"
    "[ACTION REQUIRED - REFERENCES\n"
    "\n"
    "Action; FYI\n"
    "\n"
    "Reference: OTTAWA 5648, 20 September 1968\n"
    "\n"
    "Attached is a SMABOVE report which is further to Reference,\n"
    "Reference was based on SMABOVE's letter of 18 September which is\n"
    "mentioned in paragraph 2 of the attached report, The attached\n"
    "report is for WOFIRM only, SMABOVE has given the report to LNERGO\n"
    "also, and asks that we not. take any action which might jeopardize\n"
    "\n"
    "“\n"
    "their. source,\n"
    "\n"
    "Attachment: H/W\n"
    "As Stated\n"
    "\n"
    "Lane paa .\n"
    "2 - Chief, womsk w/att h/w\n"
    "1- Gaier! EUR w/att h/w\n"
    "\n"
    "{CROSS REFERENCE TO DISPATCH SYMBOL AND NUMBER DATE\n"
    "\n"
    "OCOA-13493 27 September 1968"
)

# corpus jfk-applevision/2023__180-10143-10114: a weekday before the dateline
TUESDAY = (
    "180-10143-10114\n"
    "\n"
    "2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n"
    "\n"
    "000103\n"
    "\n"
    "SECRET:\n"
    "\n"
    "Hardway\n"
    "\n"
    "Tuesday, 13 June 1978"
)

# 124-10197-10184: RIF, labels first, then the form header "Date:" and the values
RIF_FBI_AIRTEL = (
    "AGENCY :\n"
    "RECORD NUMBER :\n"
    "\n"
    "RECORD SERIES :\n"
    "\n"
    "AGENCY FILE NUMBER :\n"
    "\n"
    "ORIGINATOR :\n"
    "FROM:\n"
    "TO:\n"
    "\n"
    "TITLE:\n"
    "\n"
    "DATE:\n"
    "PAGES:\n"
    "\n"
    "SUBJECTS :\n"
    "\n"
    "DOCUMENT TYPE :\n"
    "CLASSIFICATION :\n"
    "RESTRICTIONS :\n"
    "CURRENT STATUS :\n"
    "DATE OF LAST REVIEW :\n"
    "\n"
    "OPENING CRITERIA :\n"
    "\n"
    "COMMENTS :\n"
    "\n"
    "JFK Assassination System\n"
    "Identification Form\n"
    "\n"
    "Date:\n"
    "\n"
    "4/28/201\n"
    "\n"
    "Agency Information\n"
    "\n"
    "FBI\n"
    "124-10197-10184\n"
    "\n"
    "HQ\n"
    "\n"
    "62-9-29-509\n"
    "\n"
    "Document Information\n"
    "\n"
    "FBI\n"
    "\n"
    "SAC, MM. ¥\n"
    "\n"
    "DIRECTOR, FBI\n"
    "\n"
    "04/06/1962\n"
    "2\n"
    "\n"
    "CIP, RANDAZZO, ANTHONY STEFANO, ASSOC,\n"
    "\n"
    "INFORMANTS\n"
    "\n"
    "PAPER, TEXTUAL DOCUMENT\n"
    "Unclassified\n"
    "\n"
    "4\n"
    "\n"
    "Redact\n"
    "\n"
    "10/05/1998\n"
    "\n"
    "INDEFINITE,\n"
    "\n"
    "992 (44 USC 2107 Note), Caset:NwW\n"
    "\n"
    "v9.\n"
    "\n"
    "21\n"
    "\n"
    "NW 68262 Docld:32287408 Page 1"
)

# 124-90138-10020: the same layout, TITLE blank
RIF_FBI_CIA = (
    "AGENCY :\n"
    "RECORD NUMBER :\n"
    "\n"
    "RECORD SERIES :\n"
    "\n"
    "AGENCY FILE NUMBER :\n"
    "\n"
    "ORIGINATOR :\n"
    "FROM:\n"
    "TO:\n"
    "\n"
    "TITLE:\n"
    "\n"
    "DATE:\n"
    "PAGES:\n"
    "\n"
    "SUBJECTS :\n"
    "\n"
    "DOCUMENT TYPE :\n"
    "CLASSIFICATION :\n"
    "RESTRICTIONS :\n"
    "CURRENT STATUS :\n"
    "DATE OF LAST REVIEW :\n"
    "\n"
    "OPENING CRITERIA :\n"
    "\n"
    "COMMENTS :\n"
    "\n"
    "JFK Assassination System\n"
    "Identification Form\n"
    "\n"
    "Date:\n"
    "\n"
    "4/17/201\n"
    "\n"
    "Agency Information\n"
    "\n"
    "FBI\n"
    "124-90138-10020\n"
    "\n"
    "HQ\n"
    "\n"
    "CR 64-45716-356\n"
    "\n"
    "Document Information\n"
    "\n"
    "CENTRAL INTELLIGENCE AGENCY\n"
    "CIA\n"
    "HQ\n"
    "\n"
    "08/30/1962\n"
    "2\n"
    "\n"
    "CIA LIAISION MATERIAL\n"
    "JESUS DE IRAGUEN OWNER OF THE MOTOR LAUNCH DON\n"
    "AQUILINO\n"
    "\n"
    "PAPER, TEXTUAL DOCUMENT\n"
    "Secret\n"
    "\n"
    "1B\n"
    "\n"
    "Redact\n"
    "\n"
    "09/28/1998\n"
    "\n"
    "APPROVAL OF CIA\n"
    "\n"
    "MEMO\n"
    "\n"
    "v9.1\n"
    "\n"
    "HW 50953 DocId:32337751 Page 1"
)

# 124-10205-10110: RIF, header "Date:" first, labels, values; TITLE blank
RIF_FBI_REPORT = (
    "JFK Assassination System\n"
    "Identification Form\n"
    "\n"
    "Date:\n"
    "\n"
    "5/7/2015\n"
    "\n"
    "AGENCY :\n"
    "RECORD NUMBER :\n"
    "\n"
    "RECORD SERIES :\n"
    "\n"
    "AGENCY FILE NUMBER :\n"
    "\n"
    "ORIGINATOR :\n"
    "FROM:\n"
    "TO:\n"
    "\n"
    "TITLE:\n"
    "\n"
    "DATE:\n"
    "‘PAGES:\n"
    "\n"
    "SUBJECTS :\n"
    "\n"
    "DOCUMENT TYPE :\n"
    "CLASSIFICATION :\n"
    "RESTRICTIONS :\n"
    "CURRENT STATUS :\n"
    "DATE OF LAST REVIEW:\n"
    "\n"
    "OPENING CRITERIA :\n"
    "\n"
    "+ COMMENTS :\n"
    "\n"
    "Agency Information\n"
    "\n"
    "FBI\n"
    "124-10205-10110\n"
    "\n"
    "HQ\n"
    "\n"
    "92-3171-2240\n"
    "\n"
    "Document Information\n"
    "\n"
    "FBI\n"
    "ROEMER, WILLIAM F. JR.\n"
    "DIRECTOR, FBI\n"
    "\n"
    "01/20/1969\n"
    "11\n"
    "\n"
    "SGI, BKG INVEST, ASSOC.\n"
    "\n"
    "PAPER, TEXTUAL DOCUMENT\n"
    "Unclassified\n"
    "\n"
    "4\n"
    "\n"
    "Redact\n"
    "\n"
    "04/14/1998\n"
    "\n"
    "INDEFINITE\n"
    "\n"
    "v9.1\n"
    "\n"
    "NW 68262 Docid:32290334 Page 1"
)


def test_dates_in_references_and_sentences_are_cited():
    assert _cited_at(REF_DATED, "1 March 1978")  # "OLC 78-0070/29 dated 1 March 1978"
    assert _cited_at(REF_DATED, "24 April 1978")  # "SA/DO/O, dated 24 April 1978."
    assert _cited_at(FBI_ON, "February 25, 1969")  # "On February 25, 1969, source ..."
    assert _cited_at(REF_LIST, "13 May 1964", 1)  # "B. BARR-1607, dated 13 May 1964"
    assert _cited_at(MEMO_REFS, "19 July 1976")  # "REFERENCES : A. Initial Request Letter, 19 July 1976."
    assert _cited_at(MEMO_REFS, "17 September 1976")  # "B. Initial Response, 17 September 1976,"
    assert _cited_at(DISPATCH_DATELINE, "20 September 1968")  # "OTTAWA 5648, 20 September 1968"


def test_datelines_are_not_cited():
    assert not _cited_at(DISPATCH_DATELINE, "27 September 1968")  # "OCOA-13493 27 September 1968"
    assert not _cited_at(FBI_ON, "March 5, 1969")  # "In Reply, Please: Refer to March 5, 1969"
    assert not _cited_at(MEMO_REFS, "1 March 1977")
    assert not _cited_at(TUESDAY, "13 June 1978")


def test_fallback_date_skips_cited_dates():
    assert _values(dates, REF_DATED, "document_date") == []
    assert _values(dates, REF_LIST, "document_date") == []
    assert "1969-02-25" not in _values(dates, FBI_ON, "document_date")
    assert _values(dates, DISPATCH_DATELINE, "document_date") == ["1968-09-27"]


def test_fallback_date_skips_the_subjects_second_line():
    assert "1965-03-08" not in _values(dates, SUBJ_CONT, "document_date")


def test_memo_dateline_skips_references_and_sentences():
    assert _values(header, MEMO_REFS, "document_date") == ["1977-03-01"]  # not 1976-07-19
    assert "1965-03-08" not in _values(header, SUBJ_CONT, "document_date")  # "in New York City, 8 March 1965"


def test_memo_dateline_after_a_weekday_still_read():
    assert _values(header, TUESDAY, "document_date") == ["1978-06-13"]


def test_rif_print_date_after_the_labels_is_not_the_document_date():
    # "Date:\n4/28/201" (the form's print date) used to fill DATE, pushing every date one label down
    assert _values(rif, RIF_FBI_AIRTEL, "document_date") == ["1962-04-06"]
    assert _values(rif, RIF_FBI_AIRTEL, "declassification.review_dates") == ["1998-10-05"]
    assert _values(rif, RIF_FBI_CIA, "document_date") == ["1962-08-30"]
    assert _values(rif, RIF_FBI_CIA, "declassification.review_dates") == ["1998-09-28"]


def test_rif_blank_title_of_fbi_forms_in_a_labels_first_block():
    assert _values(rif, RIF_FBI_AIRTEL, "addressees") == ["DIRECTOR, FBI"]
    assert _values(rif, RIF_FBI_CIA, "sender") == ["CIA"]
    assert _values(rif, RIF_FBI_CIA, "addressees") == ["HQ"]
    assert _values(rif, RIF_FBI_REPORT, "sender") == ["ROEMER, WILLIAM F. JR."]
    assert _values(rif, RIF_FBI_REPORT, "addressees") == ["DIRECTOR, FBI"]
