"""The NARA RIF cover sheet reader: snippets copied verbatim from corpus documents."""

from declass.document import Document
from declass.extract import rif


def cands(text):
    doc = Document.from_text(text)
    out = {}
    for c in rif.extract(doc):
        out.setdefault(c.field, []).append((c.value, doc.text[c.start : c.end], c.confidence))
    return out


# jfk-applevision/2021__docid-32202036.txt (inline layout, SSCIA codes)
SSCIA = """JFK ASSASSINATION SYSTEM

IDENTIFICATION FORM

AGENCY INFORMATION

RECORD

AGENCY : SSCIA

NUMBER: 157-10004-10147

RECORDS SERIES :

CHRONOLOGY

AGENCY FILE NUMBER :

DOCUMENT INFORMATION

ORIGINATOR : SSCIA

FROM :

TO :

TITLE :

CHRONOLOGY OF CASTRO ASSASSINATION PLANS

DATE : 00/00/76

PAGES : 24

SUBJECTS :

CASTRO ASSASSINATION PLANS

CUBA

DOCUMENT TYPE : PAPER, TEXTUAL DOCUMENT

CLASSIFICATION : U

RESTRICTIONS : 1A, 1B, DONOR REST.,

REFERRED

CURRENT STATUS : X

DATE OF LAST REVIEW : 07/19/94

OPENING CRITERIA :

COMMENTS :
\f
page two of the record
"""

# jfk-tesseract-2025/176-10030-10422.txt (inline layout, no page breaks)
NARA = """176-10030-10422) [2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992
JFK ASSASSINATION SYSTEM
IDENTIFICATION FORM
AGENCY : NARA .
RECORD NUMBER : 176-10030-10422
RECORD SERIES : Sorensen Papers
AGENCY FILE NUMBER :
ORIGINATOR : .
FROM : Schlesinger, Jr.
TO : President Kennedy
TITLE : Memo to President CIA Reorganization
DATE : 6/30/1961
PAGES : 15
SUBJECTS : CIA
DOCUMENT TYPE : Memoranda
CLASSIFICATION : Unclassified
RESTRICTIONS : 1C
CURRENT STATUS :
DATE OF LAST REVIEW : 8/21/1998
OPENING CRITERIA :
COMMENTS : Sorensen Papers: Classified Subject Files 1961-64 Box 47, CIA,
Document 1a.
WW 49061 Docld:32622644 Page 1
SECRET SEE SANrrr2eD
June 30, 1961
"| MEMORANDUM FC. THE PRESIDENT
| SUBJECT: CLA Raorgmaization
"""

# jfk-applevision/2021__docid-32309610.txt (labels first, values after them)
LEGAT = """JFK Assassination System

Identification Form

Date:

4/9/2018

Agency Intormation

AGENCY

FBI

RECORD NUMBER: 124-10299-10021

RECORD SERIES: HQ

AGENCY FILE NUMBER: CR 65-68043-238

Document Information

ORIGINATOR: FBI

FROM: LEG. LO

TO : DIRECTOR. FBI

TITLE:

Heleased under the John F.

Kennedy Assassination

Records Collection Act of

992 (44 USC 2107 Note].

Case#:Nw 65994 Date:

11-09-2021

DATE:

PAGES:

SUBJECTS

10/27/1967

22

DOCUMENT TYPE:

CLASSIFICATION:

RESTRICTIONS:

CURRENT STATUS:

DATE OF LAST REVIEW:

OPENING CRITERIA:

COMMENTS:

CS. ASSOC; LTR. CP. SOVIET UNION. ANTI-COMMUNIST

PAPER: TEXTUAL DOCUMENT

Secret

IC: 4

Redact

09/28/1996

INDEFINITE

INC 4 LTR. NOTE, ENV

NWV 65994

Docld:32309610 Page 1
\f"""

# jfk-tesseract/2018__124-90138-10030.txt (every label, then every value; no page breaks)
PAPICH = """124-90138-10030)

AGENCY :
RECORD NUMBER :
RECORD SERIES :
AGENCY FILE NUMBER :

JFK Assassination System
Identification Form

Date:

4/21/201

Agency Information

FBI
124-90138-10030
HQ
CR 62-106214-485

| ORIGINATOR :
FROM:
TO:
TITLE:

DATE:
PAGES:

SUBJECTS :
DOCUMENT TYPE :

CLASSIFICATION :
RESTRICTIONS :
CURRENT STATUS :
DATE OF LAST REVIEW :
OPENING CRITERIA :

COMMENTS :

Document Information

FBI
PAPICH
BRENNAN

11/05/1962
1

WILLIAM HAMILTON MARTIN
CIA LIAISON MATERIAL,

PAPER, TEXTUAL DOCUMENT
Secret

1A
Redact
09/28/1998

APPROVAL OF CIA

MEMO

v9

HW 50953 DocId:32337761 Page 1

re

Memorandum

TO : Mr. D. J. Bremnay9y74, pate: November 5, 1962
"""

# jfk-applevision/2021__docid-32286465.txt (each value on the line under its label)
ROEMER = """JFK Assassination System

Identification Form

Agency Information

AGENCY :

FBI

RECORD NUMBER :

124-10195-10241

RECORD SERIES:

HQ

AGENCY FILE NUMBER :

92-3171-2135

Document Information

ORIGINATOR: FBI

FROM:

ROEMER, WILLIAM F. JR.

TO: DIRECTOR, FBI

TITLE :
"""

# jfk-applevision/2021__docid-32345613.txt (five labels, two free-text values: which is which is unknown)
WIROGUE = """JEK ASSASSINATION SYSTEM

IDENTIFICATION FORM

AGENCY INFORMATION

AGENCY : CIA

RECORD NUMBER

: 104-10059-10238

RECORD SERIES : JFK

AGENCY FILE NUMBER

80T01357A

DOCUMENT INFORMATION

AGENCY ORIGINATOR : CIA

FROM

TO

TITLE

DATE

PAGES

MER

WIROGUE/1 MISSION TO KINSHASA, DECEMBER 1960

12/01/1960

4

SUBJECTS : CONGO
"""


def test_inline_form_with_codes_and_partial_date():
    c = cands(SSCIA)
    assert c["document_date"] == [("1976", "00/00/76", 0.85)]
    assert c["classification.original"][0][:2] == ("UNCLASSIFIED", "U")
    assert c["declassification.review_dates"][0][:2] == ("1994-07-19", "07/19/94")
    # the title sits alone under its label
    assert c["subject"][0][:2] == ("CHRONOLOGY OF CASTRO ASSASSINATION PLANS",) * 2
    assert "sender" not in c and "addressees" not in c


def test_inline_form_without_page_breaks_stops_at_footer():
    c = cands(NARA)
    assert c["sender"][0][:2] == ("Schlesinger, Jr.", "Schlesinger, Jr.")
    assert c["addressees"][0][:2] == ("President Kennedy", "President Kennedy")
    assert c["subject"][0][:2] == ("Memo to President CIA Reorganization",) * 2
    assert c["document_date"][0][:2] == ("1961-06-30", "6/30/1961")
    assert c["declassification.review_dates"][0][:2] == ("1998-08-21", "8/21/1998")
    # RIF values rank below the document's own header
    assert all(0.8 <= v[2] <= 0.88 for vs in c.values() for v in vs if v[0] != "memorandum")


def test_labels_then_values_apple_vision():
    c = cands(LEGAT)
    assert c["sender"][0][:2] == ("LEG. LO", "LEG. LO")
    assert c["addressees"][0][:2] == ("DIRECTOR. FBI", "DIRECTOR. FBI")
    assert c["document_date"][0][:2] == ("1967-10-27", "10/27/1967")
    assert c["classification.original"][0][:2] == ("SECRET", "Secret")
    assert c["declassification.review_dates"][0][:2] == ("1996-09-28", "09/28/1996")
    # the release stamp printed in the TITLE box is not a title; the 4/9/2018 print date is no date
    assert "subject" not in c
    assert len(c["document_date"]) == 1


def test_all_labels_then_all_values_tesseract():
    c = cands(PAPICH)
    assert c["sender"][0][:2] == ("PAPICH", "PAPICH")
    assert c["addressees"] == [("BRENNAN", "BRENNAN", c["addressees"][0][2])]
    assert c["document_date"][0][:2] == ("1962-11-05", "11/05/1962")
    assert c["classification.original"][0][:2] == ("SECRET", "Secret")
    assert c["declassification.review_dates"][0][:2] == ("1998-09-28", "09/28/1998")
    # aligned by position: less sure than an inline value
    assert c["sender"][0][2] < 0.85


def test_value_on_next_line():
    c = cands(ROEMER)
    assert c["sender"][0][:2] == ("ROEMER, WILLIAM F. JR.", "ROEMER, WILLIAM F. JR.")
    assert c["addressees"][0][:2] == ("DIRECTOR, FBI", "DIRECTOR, FBI")


def test_fewer_values_than_labels_is_not_guessed():
    c = cands(WIROGUE)
    assert "sender" not in c and "addressees" not in c and "subject" not in c
    assert c["document_date"][0][:2] == ("1960-12-01", "12/01/1960")


def test_no_form_no_candidates():
    # seed-like memo header: FROM/TO lines of a document are not a RIF
    text = "MEMORANDUM FOR THE SECRETARY\nFROM: S/P - W. W. Rostow\nSUBJECT: Cuba\nDATE: 10/26/62\n"
    assert cands(text) == {}


# jfk-applevision/2023__124-10164-10277.txt
NEWCLASS = """I ASSASSINATION SYSTEM

IPENTIICATION FORM

AGENCY INFORMATION

AGENCY: FBI

RECORD NUMBER:

124-10164-10277

RECORD SERIES:

HO

AGENCY FILE NUMBER:

62-109060-8307X

DOCUMENT INFORMATION

ORIGINATOR: FBI

FROM:

TO:

TITLE:

DATE: 12/26/1991

PAGES:

3622

SUBJECT: JFK, ASSA, EVID, MAINTAINED, FBI, LAB

DOCUMENT TYPE: PAPER. TEXTUAL DOCUMENT. PHOTOGRAPH

ORIGINAL

CLASSIFICATION:

Secret

NEW

CLASSIFICATION:

REVIEW DATE:

STATUS

02/24/1999

Redact

UPDATE DATE:

02/12/2001

COMMENTS:
"""


# jfk-tesseract/2022__124-10218-10067.txt (labels then values; "ORIGINAL" and "NEW" split from their
# CLASSIFICATION labels; a second CLASSIFICATION label is the NEW one, not the form out of order)
LEGCAR = """AGENCY:
RECORD_NUMBER:

AGENCY INFORMATION =

FBI
:  124-10218-10067

RECORD SERIES: HO \\
AGENCY FILE NUMBER: 2-2173-137

ORIGINATOR:
FROM:
TO:
TITLE:

DATE:
PAGES:
SUBJECT:

DOCUMENT_TYPE:

ORIGINAL
CLASSIFICATION:

REVIEW_DATE:
STATUS

COMMENTS:

HW 50953 Docld:322967

DOCUMENT INFORMATION

FBI
LEG. CAR
DIRECTOR. FBI

10/22/1976

3

CUBANA AIRLINER, BOMBING, SUSPECTS, OBA, LPO, ARRESTED

PAPER. TEXTUAL DOCUMENT

Secret NEW
CLASSIFICATION:
05/12/1998 UPDATE DATE:
Redact .
RESTRICTIONS:
JFK Act 6 (1)(B)
JFK Act 6 (1)(C)
JFK Act 6 (4)
91 Page 1
"""


def test_split_original_and_new_classification_labels():
    c = cands(LEGCAR)
    assert c["sender"] == [("LEG. CAR", "LEG. CAR", 0.7)]
    assert c["addressees"] == [("DIRECTOR. FBI", "DIRECTOR. FBI", 0.7)]
    assert c["document_date"][0][:2] == ("1976-10-22", "10/22/1976")
    assert c["classification.original"][0][:2] == ("SECRET", "Secret NEW")
    # jfk-applevision/2023__124-10164-10277.txt: "ORIGINAL" on its own line is not a value either
    c = cands(NEWCLASS)
    assert c["classification.original"][0][:2] == ("SECRET", "Secret")


# Apple Vision prints a label's colon with its value, a line below and out of the form's order:
# jfk-applevision/2021__docid-32424944.txt (scrambled labels) and 2021__docid-32347105.txt
MONGOOSE = """JEK ASSASSINATION SYSTEM

IDENTIFICATION FORM

AGENCY INFORMATION

AGENCY

RECORD NUMBER

RECORDS SERIES

AGENCY FILE NUMBER

JCS

202-10001-10213

FOIA SERIES

DOC 214

DOCUMENT INFORMATION

ORIGINATOR

OSD

FROM

TO

TITLE

MONGOOSE SCHEDULE

DATE

:05/17/62

PAGES

: 12

SUBJECTS : MONGOOSE

DOCUMENT TYPE: MEMORANDUM

CLASSIFICATION : TOP SECRET

RESTRICTIONS : 1B, 1C

CURRENT STATUS : RELEASED WITH DELETIONS

DATE OF LAST REVIEW

: 07/30/98

OPENING CRITERIA
"""

REVIEW_BELOW = """JEK ASSASSINATION SYSTEM

IDENTIFICATION

FORM

AGENCY INFORMATION

AGENCY : CIA

RECORD NUMBER : 104-10065-10104

RECORD SERIES

: JEK

AGENCY FILE NUMBER

80T01357A

DOCUMENT

INFORMATION

AGENCY ORIGINATOR : CIA

FROM : DIRECTOR

TO

: MEXICO CITY

TITLE

: IDENTITIES TO DIR 229921. HSCA INTERVIEWS.

DATE

:

05/26/1978

PAGES

1

SUBJECTS

: IDENTITIES

HSCA INTERVIEWS

DOCUMENT TYPE

CLASSIFICATION

CELEST RETEN HELLO EN PART JULIC - ERUPASED WITH ONE ZONE

DATE OF LAST REVIEW

: 07/13/93
"""

# jfk-tesseract/2022__docid-32239476.txt: "DATE OF LAST REVIEW 06/04/93", no colon
LAST_REVIEW_NO_COLON = """JFK ASSASSINATION SYSTEM

IDENTIFICATION FORM

AGENCY INFORMATION

AGENCY : HSCA
RECORD NUMBER : 180-10060-10468

RECORDS SERIES :
STAFF PAYROLL RECORDS

AGENCY FILE NUMBER :

ORIGINATOR : HSCA
FROM :
TO :

TITLE :
| DATE : 12/06/76
PAGES : 16
SUBJECTS :
HSCA, ADMINISTRATION
LEHNER, ROBERT
DOCUMENT TYPE

CLASSIFICATION

: PRINTED FORM
2 U
RESTRICTIONS : 3

CURRENT STATUS P
DATE OF LAST REVIEW 06/04/93
"""


def test_colon_value_on_the_line_below_its_label():
    c = cands(MONGOOSE)
    assert c["document_date"][0][:2] == ("1962-05-17", "05/17/62")
    assert c["declassification.review_dates"][0][:2] == ("1998-07-30", "07/30/98")
    assert cands(REVIEW_BELOW)["declassification.review_dates"][0][:2] == ("1993-07-13", "07/13/93")


def test_number_after_a_label_without_colon():
    c = cands(LAST_REVIEW_NO_COLON)
    assert c["declassification.review_dates"][0][:2] == ("1993-06-04", "06/04/93")
