"""Memo header extractor: labelled TO/FROM/THROUGH/SUBJECT/DATE lines and datelines, on real snippets."""

import pytest

import declass
from declass.document import Document
from declass.extract import header


def _cands(text):
    return list(header.extract(Document.from_text(text)))


def _by_field(text):
    out = {}
    for c in _cands(text):
        assert text[c.start : c.end]  # evidence is never empty
        out.setdefault(c.field, []).append(c)
    return out


# seed/seed_rostow_1962: same-line labels, addressee continuation lines, review stamps in between
SEED = """FADRC FOI CASE NO. 620289 Bernbaum

October 26, 1962

UNCLASSIFIED

TO: The Secretary
The Under Secretary ✓
C - The Deputy Under Secretary

DEPARTMENT OF STATE A/CDC/MR

REVIEWED BY Sh DATE 8/19/8

THROUGH: S/S

FROM: S/P - W. W. Rostow

SUBJECT: Alliance Missiles.

From all my diplomatic contacts, including, for example, a breakfast with Kim.
"""


def test_seed_memo_header():
    f = _by_field(SEED)
    assert [c.value for c in f["addressees"]] == [
        "The Secretary",
        "The Under Secretary",
        "C - The Deputy Under Secretary",
    ]
    assert [SEED[c.start : c.end] for c in f["addressees"]][1] == "The Under Secretary"
    (sender,) = f["sender"]
    assert sender.value == "S/P - W. W. Rostow" and SEED[sender.start : sender.end] == "S/P - W. W. Rostow"
    assert [c.value for c in f["through"]] == ["S/S"]
    (subject,) = f["subject"]
    assert subject.value == "Alliance Missiles"
    assert SEED[subject.start : subject.end] == "Alliance Missiles"
    (date,) = f["document_date"]
    assert date.value == "1962-10-26" and SEED[date.start : date.end] == "October 26, 1962"


# nixon-library/nixon-memo1_NSSM56: OCR-damaged "PO:" label, dateline after a banner, seven addressees
NSSM = """WASHINGTON, D.C. 20506

-GONFIDEN TAL May 14, 1969

National Security Study Memorandum 56

PO: The Secretary of State
The Secretary of Defense
The Director of Central Intelligence
The Director, Office of Science and Technology

SUBJECT: Uranium Enrichment Facilities

In connection with the Government's wider study of the
"""


def test_damaged_to_label_and_banner_dateline():
    f = _by_field(NSSM)
    assert [c.value for c in f["addressees"]] == [
        "The Secretary of State",
        "The Secretary of Defense",
        "The Director of Central Intelligence",
        "The Director, Office of Science and Technology",
    ]
    assert all(c.confidence < 0.9 for c in f["addressees"])  # damaged label: lower confidence
    assert f["subject"][0].value == "Uranium Enrichment Facilities"
    (date,) = f["document_date"]
    assert date.value == "1969-05-14" and NSSM[date.start : date.end] == "May 14, 1969"


# jfk-applevision/2021__docid-32286564: Apple Vision puts labels and values on separate lines
APPLE = """Memorandum

TO

Director, FBI (92-2781)

DATE:

February 18, 1960

FROM:

Legat, Havana (92-1)

SUBJECT:

SANTO TRAFFICANTE, JR., aka

ANTI-RACKETEERING

Re Havana letter to the Bureau dated 12/31/60.
"""


def test_label_alone_value_on_next_line():
    f = _by_field(APPLE)
    (to,) = f["addressees"]
    assert to.value == "Director, FBI" and APPLE[to.start : to.end] == "Director, FBI"
    assert f["sender"][0].value == "Legat, Havana"
    (subj,) = f["subject"]
    assert subj.value == "SANTO TRAFFICANTE, JR., aka ANTI-RACKETEERING"
    assert APPLE[subj.start : subj.end] == "SANTO TRAFFICANTE, JR., aka\n\nANTI-RACKETEERING"
    assert f["document_date"][0].value == "1960-02-18"


# state-foia-talbott/C06686763: labels stacked, values printed later as a column: not guessed
TALBOTT = """MEMORANDUM
TO:
FROM: D - Helen M. Elli
SUBJECT:
WASH I NGTON
March 11, 1998
S/S-EX - Toni Hawkins
Representational Dinner Reimbursement
"""


def test_stacked_labels_not_misread():
    f = _by_field(TALBOTT)
    assert "subject" not in f  # "WASH I NGTON" is not the subject
    assert "addressees" not in f
    assert f["sender"][0].value == "D - Helen M. Elli"


# jfk-tesseract/2022__104-10336-10034: day-month-year dateline, office line under a name
HARRELSON = """17 September 1998

MEMORANDUM FOR: Ms. Laura Denk
Executive Director, ARRB

FROM: J. Barry Harrelson
JFK Project Officer, HRP/OIM

SUBJECT: CIA-IR-35, Source Identified in RIF Number
104-10151-1-206

1. The following is in response to subject request.
"""


def test_title_lines_joined_and_day_month_dateline():
    f = _by_field(HARRELSON)
    (to,) = f["addressees"]
    assert to.value == "Ms. Laura Denk, Executive Director, ARRB"
    assert HARRELSON[to.start : to.end] == "Ms. Laura Denk\nExecutive Director, ARRB"
    assert f["sender"][0].value == "J. Barry Harrelson, JFK Project Officer, HRP/OIM"
    assert f["subject"][0].value == "CIA-IR-35, Source Identified in RIF Number 104-10151-1-206"
    assert f["document_date"][0].value == "1998-09-17"


# jfk-applevision/2021__docid-32271295: a RIF cover sheet's FROM/TO/SUBJECT(S) are not the memo header
RIF = """JEK RECORDS

AGENCY : HSCA

RECORD NUMBER : 180-10141-10491

DOCUMENT INFORMATION

ORIGINATOR : HSCA

FROM : CIA

TO :

TITLE

DATE: 03/15/78

SUBJECT (S) : PHILLIPS, DAVID ATLEE; VECIANA, ANTONIO; CIA, FILES;

DATE OF LAST REVIEW : 08/04/95
\fMEMORANDUM FOR: Director of Security

SUBJECT: HSCA Request
"""


def test_rif_page_skipped():
    f = _by_field(RIF)
    assert [c.value for c in f["addressees"]] == ["Director of Security"]
    assert f["subject"][0].value == "HSCA Request"
    assert "sender" not in f and "document_date" not in f


# jfk-applevision/2021__docid-32412298: the JFK release stamp's "Date:" is not the document date
STAMP = """Heleased under the John F. Kennedy

Assassination Records Collection

Act of 1992 (44 USC 2107 Note).

Case#:NW 65994

Date: 10-28-2021
"""


def test_release_stamp_date_ignored():
    assert not _cands(STAMP)


def test_telegram_layout_left_alone():
    # state-telegrams/72TEHRAN1164
    text = (
        "R 250930Z FEB 72 \nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 7561 \nINFO SECDEF\n\n"
        "SUBJECT: ACCELERATION OF F-4ES FOR IRAN \n"
    )
    assert not _cands(text)


def test_big_input_is_fast():
    import time

    doc = Document.from_text((SEED + NSSM + APPLE + HARRELSON) * 600)  # ~0.7 MB
    t0 = time.perf_counter()
    assert list(header.extract(doc))
    assert time.perf_counter() - t0 < 0.5


# jfk-tesseract-2025/178-10003-10001 style and jfk-applevision/2021__docid-32112895:
# "MEMORANDUM FOR THE RECORD" without a colon, at a confidence below a RIF's TO entry
def test_memorandum_for_the_record():
    text = (
        "SECRET\n\nMEMORANDUM FOR THE RECORD\n\n"
        "SUBJECT: Examination of a Portion of the Records of Richard Helms\n"
    )
    f = _by_field(text)
    (to,) = f["addressees"]
    assert to.value == "THE RECORD" and text[to.start : to.end] == "THE RECORD"
    assert to.confidence < 0.83
    assert f["subject"][0].value == "Examination of a Portion of the Records of Richard Helms"


# jfk-applevision/2021__docid-32305111: FBI report form, "TITLE OF CASE" box, value wrapped after a comma
def test_fbi_report_title_of_case():
    text = (
        "REPORTING OFFICE\n\nPILISBURGH\n\nTITLE OF CASE\n\nLA COSA NOSTRA,\n\nPITTSBURGH DIVISION\n\n"
        "FEDERAL BUREAU OF INVESTIGATION\n\nOFFICE OF ORIGIN\n\nPIMSBURGH\n"
    )
    (subj,) = _by_field(text)["subject"]
    assert subj.value == "LA COSA NOSTRA, PITTSBURGH DIVISION"
    assert text[subj.start : subj.end] == "LA COSA NOSTRA,\n\nPITTSBURGH DIVISION"


# jfk-applevision/2021__docid-32286465: the box's value is a stacked label ("OFFICE OF ORIGINI"): no subject
def test_fbi_report_stacked_boxes():
    text = "REPORTING OFFICE\n\nCHICAGO\n\nTITLE OF CASE\n\nOFFICE OF ORIGINI\n\nCHICAGO\n\nDATE\n\n3/19/68\n"
    assert "subject" not in _by_field(text)


# nixon-library/nixon-memo1_NSSM56: no FROM line; the signature above "ce:" (OCR of "cc:") is the sender
NSSM_END = """PO: The Secretary of State
The Secretary of Defense

SUBJECT: Uranium Enrichment Facilities

The group's report should be submitted to the Assistant
to the President for National Security Affairs by May 19, 1969.

/

Henry A. Kissinger
ce: Chairman, Joint Chiefs of Staff
"""


def test_signature_block_sender_and_cc():
    f = _by_field(NSSM_END)
    (sender,) = f["sender"]
    assert (
        sender.value == "Henry A. Kissinger" and NSSM_END[sender.start : sender.end] == "Henry A. Kissinger"
    )
    assert sender.confidence < 0.8  # a heuristic, below labelled values
    (cc,) = f["copies_to"]
    assert cc.value == "Chairman, Joint Chiefs of Staff"
    assert NSSM_END[cc.start : cc.end] == "Chairman, Joint Chiefs of Staff"


def test_signature_not_taken_when_from_line_exists():
    # jfk-tesseract/2022__104-10336-10034: FROM: given, a later name line is not the sender
    text = HARRELSON + "\nLaura Denk\ncc: Bob Skwirot\n"
    assert [c.value for c in _by_field(text)["sender"]] == [
        "J. Barry Harrelson, JFK Project Officer, HRP/OIM"
    ]


# jfk-applevision/2023__104-10320-10086 and 2023__104-10096-10048: blank-separated layout, the
# sender's second line sits between the sender and the next label
def test_sender_second_line_before_next_label():
    text = "TO\n\nCIA Task Force\n\nFROM:\n\nThe Review Staff,\n\nWalter Elder\n\nSUBJECT : SSC/HSC Request\n"
    f = _by_field(text)
    (sender,) = f["sender"]
    assert sender.value == "The Review Staff, Walter Elder"
    assert text[sender.start : sender.end] == "The Review Staff,\n\nWalter Elder"
    assert f["addressees"][0].value == "CIA Task Force"
    text2 = "MEMORANDUM FOR: Director of Security\n\nFROM\n\nPhilip F. Fendig\n\nSA/ DO/0 •\n\nSUBJECT\n\n:\n"
    assert _by_field(text2)["sender"][0].value == "Philip F. Fendig, SA/ DO/0"


# jfk-applevision/2023__104-10059-10206: labels printed as a block, values after them as a column
BLOCK_SOVERN = """11 May 1978

MEMORANDUM FOR: Mr. Rodger Gabrielson•

Office of Legislative Counsel

Coordination and Review Staff

FROM

SUBJECT

REFERENCE

:

:

Maurice A. Sovern

Office of the Special Assistant

to the DDO for External Oversight

HSCA Depositions

OLC 78-0443/4, 26 April 1978

ence:

1. The following is responsive to paragraph 2 of refer-
"""

# jfk-applevision/2021__docid-32366105: same layout, an ATTENTION box takes the first value
BLOCK_GAMBINO = """21 JUL 1978

MEMORANDUM FOR: Legislative Counsel

ATTENTION:

FROM:

SUBJECT:

Mr. Scott Breckinridge

Principal Coordinator/HSCA Matters

Robert W. Gambino

Director of Security

HSCA Request

1. (U/AIUO) Reference is made to the 19 July 1978
"""


def test_label_block_values_as_column():
    f = _by_field(BLOCK_SOVERN)
    (sender,) = f["sender"]
    assert (
        sender.value == "Maurice A. Sovern, Office of the Special Assistant to the DDO for External Oversight"
    )
    assert BLOCK_SOVERN[sender.start : sender.end].startswith("Maurice A. Sovern\n\nOffice")
    assert [c.value for c in f["subject"]] == ["HSCA Depositions"]
    (to,) = f["addressees"]  # blank-separated office lines under the name
    assert to.value == "Mr. Rodger Gabrielson, Office of Legislative Counsel, Coordination and Review Staff"
    assert BLOCK_SOVERN[to.start : to.end].endswith("Coordination and Review Staff")
    f = _by_field(BLOCK_GAMBINO)
    (sender,) = f["sender"]
    assert sender.value == "Robert W. Gambino, Director of Security"
    assert BLOCK_GAMBINO[sender.start : sender.end] == "Robert W. Gambino\n\nDirector of Security"
    (subject,) = f["subject"]
    assert subject.value == "HSCA Request" and BLOCK_GAMBINO[subject.start : subject.end] == "HSCA Request"
    assert [c.value for c in f["addressees"]] == ["Legislative Counsel"]


def test_label_block_not_read_when_column_does_not_fit():
    # jfk-applevision/2023__124-10226-10287: the DATE box's value is not a date
    text = "FROM\n\nDATE:\n\nSAC, MIAMI (2-192): (C)\n\nAPPRO\n\nPRIATE ACENCIES\n\n10/13/67\n"
    assert not [c for c in _cands(text) if c.field in ("sender", "subject")]
    # jfk-applevision/2025__104-10105-10213: an unknown label inside the column
    text = "DATE\n\nSUBJECT:\n\nBUREAU FILE:\n\nFIELD FILE:\n\nAtlanta, Geogia\n\n8 July 1975\n"
    assert not [c for c in _cands(text) if c.field == "subject"]


# jfk-applevision/2023__104-10216-10034: DISPATCH form, TO / INFO / FROM / SUBJECT values as a column
DISPATCH_PARIS = """DISPATCH

Chief, WBr

AIN: Ch1es, IPH

Chios of Station, Madrd

FROM

ChloS Of Station, Parlo

SUFVECT

O KEYWAY/PERUMEN/ OperatIonal - AMIASE/2

ACTION REQUIRED-ALTERENCES

•POSED

7393 276

PROCESSING

ACTION

RATTED FOR INORKING

NO INDEXING REQUIRED
"""

# jfk-tesseract/2022__104-10217-10209: the same form without any box label; INFO lines name several
DISPATCH_BERN = """DISPATC

H |

Chief, FE

SEGRET
pe

Chief, EE; Chief, WE; Chief of Base, Geneva;
Chief of Station, Paris; Chief of Station, Rome, | ;1

ESBA-12659 L
EADOUARTR Ta
Unknown

Chief of Station, Bern

8 August 1963

INANITION/LCHARVEST/Operational
Richard Thomas GIBSON, Trace Request

BEF — (CHECK “ OND)
MARKED FOR INDEXING
NO RIDEXING REQUIRED

ATION REGU
See para 1
"""


def test_dispatch_form_column():
    f = _by_field(DISPATCH_PARIS)
    (to,) = f["addressees"]
    assert to.value == "Chief, WBr" and DISPATCH_PARIS[to.start : to.end] == "Chief, WBr"
    (sender,) = f["sender"]
    assert sender.value == "Chief of Station, Parlo"
    assert DISPATCH_PARIS[sender.start : sender.end] == "ChloS Of Station, Parlo"
    assert sender.method == "rule:dispatch-form" and sender.confidence >= 0.85
    (subject,) = f["subject"]
    assert subject.value == "O KEYWAY/PERUMEN/ OperatIonal - AMIASE/2"
    f = _by_field(DISPATCH_BERN)
    assert [c.value for c in f["addressees"]] == ["Chief, FE"]
    (sender,) = f["sender"]
    assert sender.value == "Chief of Station, Bern" and sender.confidence < 0.8  # no FROM label
    (subject,) = f["subject"]
    assert subject.value == "INANITION/LCHARVEST/Operational Richard Thomas GIBSON, Trace Request"
    assert DISPATCH_BERN[subject.start : subject.end].endswith("GIBSON, Trace Request")


# The same form where OCR ran its boxes together: the title lost or out of place, so the form's
# "ACTION REQUIRED - REFERENCES" box marks it; a party read with the rest of its line.
# pdf/104-10073-10074 (text layer of the scan): the sender inside a line of box debris
DISPATCH_RUN_TOGETHER = (
    "% Chief, Task Force W . \n \n \n \n \n oro. ~~ Oma? Guage tesa AY CAR OGL MmMOLTING . —_—___—__ ~ 7 ~ . "
    '" . mos Chief of Station, JMWAVE. WE: “a aasteact joe \n7 ASS] AHOROE TUE \n'
    "4° raeaOpe rational /CVROST 7ANCUTLER ] oe . \nx g-AMCUTLER~-1 Fropress Feport for November _ and "
    "Pecember 1967, Loe mm, i: ACTION REQUED REFERENCES - SA \nAétion Required: Ter vour information. . \n"
)
# catalogued 104-10069-10185 (From COS, JMWAVE; To CHIEF, TASK FORCE W): the title "| DISPAYCH [Fen" above
DISPATCH_NO_TITLE = (
    "\nChief, Task Force W\n\nTee curete\nC) =\nChief of Station, JMWAVE a\ni Uperationa 1/GYROSE r ae\n"
    "ia) Agreed Activities ieeseetenom\nETON REQUAED REFERENCES\n\n"
)
# catalogued 104-10086-10316 (From CHIEF, WHD; To COS, MEXICO CITY): headquarters writes to a station
DISPATCH_TO_STATION = (
    "D1 g P AT C H ery Trocrsane\nSECRET | new Baa\nw Tats for eae\n"
    "z Chief of Station, Mexico City [NO INDEXING REQUIRED\n3 ony a,\nene oes\na ene etn\nTi zs\n"
    ': Chief, WHD ‘werorion 1\nSURE\n__RYBAR/s :\n\n"RGTION REQUIRED - REFERENCES\n\n'
)
# catalogued 104-10418-10265 (To CHIEF, EUROPEAN DIVISION): the title with a box after it, the boxes'
# capitals after the party
DISPATCH_BOX_CAPITALS = (
    "DISPATCH : |\n. 7 Dee day EN MARKED FOR INDEXING _|\n\\ 7 =\n"
    "Chief, European Division NO INDEXING REQUIRED\nINFO. . JONLY QUALIFIED DESK\nCAN JUDGE INDEXING\nFROM\n"
    "Chief of Station, The Hague  MICROFIM\nsuuET RYBAT/SYMPATHIZER/MHCOLOR { A\n\ngs = Willem OLTMANS\n\n"
    "ACTION REQUIRED - REFERENCES\n\nReferences: A. DIRECTOR 224537\n"
)
# catalogued 104-10246-10041 (From COS, MEXICO CITY; To CHIEF, KURIOT, info CHIEF, WHD): 'Attn' ends the
# addressee, the INFO box's party is neither addressee nor sender
DISPATCH_ATTN = (
    "lets\n\nChief, KURIOT Attn: Peter T. SWINEHART,\n\nMARKED FOR INDEXING\n\nNO INDEXING REQUIRED\n\n"
    "IFO, ONLY QUALIFIED DESK\n\nCAN JUDGE INDEXING\n\nChief, WH Division\n\nFROM\n\n"
    "Chief of Station, Mexico City,\n\nsusect AQUATIC/Operational\n"
    "Monthly Operational Report for the Period 1 - 30 November 1964\nACTION REQUIRED - REFERENCES\n\n"
)


@pytest.mark.parametrize(
    "text, to, sender",
    [
        (DISPATCH_RUN_TOGETHER, "Chief, Task Force W", "Chief of Station, JMWAVE"),
        (DISPATCH_NO_TITLE, "Chief, Task Force W", "Chief of Station, JMWAVE"),
        (DISPATCH_TO_STATION, "Chief of Station, Mexico City", "Chief, WHD"),
        (DISPATCH_BOX_CAPITALS, "Chief, European Division", "Chief of Station, The Hague"),
        (DISPATCH_ATTN, "Chief, KURIOT", "Chief of Station, Mexico City"),
    ],
)
def test_dispatch_form_boxes_run_together(text, to, sender):
    cands = [c for c in header._dispatch(header._Header(Document.from_text(text), 0, len(text)))]
    got = {c.field: c for c in cands}
    assert got["addressees"].value == to and got["sender"].value == sender
    for c in cands:
        assert c.method == "rule:dispatch-form" and c.confidence < 0.8
        # the evidence is the party as printed, without the debris after it
        assert text[c.start : c.end].endswith(c.value.rsplit(", ", 1)[1])
    assert "subject" not in got  # the subject lines are debris too: not read


def test_dispatch_run_together_needs_the_form():
    # the same party lines without the ACTION REQUIRED - REFERENCES box (a memo's distribution) are no form
    text = DISPATCH_NO_TITLE.replace("ETON REQUAED REFERENCES", "Distribution:")
    assert list(header._dispatch(header._Header(Document.from_text(text), 0, len(text)))) == []
    # an INFO list ("Chief, EE; Chief, WE") is neither addressee nor sender
    text = "Chief, EE; Chief, WE\nz Chief of Station, Bern a\nACTION REQUIRED - REFERENCES\n"
    assert list(header._dispatch(header._Header(Document.from_text(text), 0, len(text)))) == []
    # through the whole pipeline, the run-together form gives its parties
    rec = declass.extract_text(DISPATCH_RUN_TOGETHER)
    assert rec.sender.value == "Chief of Station, JMWAVE"
    assert [a.value for a in rec.addressees] == ["Chief, Task Force W"]


def test_subject_continues_when_visibly_unfinished():
    # jfk-applevision/2025__124-90137-10053: all-caps FBI subject over five lines, one in quotes
    text = (
        'SUBJECT:\n\nGEORGE\n\nSPELLMEYER;\n\nFISHING BOAT\n\n"TERESAY JULIA"\n\nIS - CUBA\n\n'
        "Intelligence Agency\n\non June 14 (CIA)\n"
    )
    (s,) = _by_field(text)["subject"]
    assert s.value == 'GEORGE SPELLMEYER; FISHING BOAT "TERESAY JULIA" IS - CUBA'
    assert text[s.start : s.end].endswith("IS - CUBA")
    # jfk-applevision/2023__104-10336-10011: a line ending in "for" continues after a blank line
    text = (
        "Re:\n\nStatus of CIA Responses to Assassination Records Review Board's Requests for\n\n"
        "Additional Information and Records\n\nDear John:\n"
    )
    (s,) = _by_field(text)["subject"]
    assert s.value.endswith("Requests for Additional Information and Records")
    # jfk-applevision/2023__124-10164-10277: bullets between the FBI character parts are not noise
    text = "SUBJECT: LEE HARVEY OSWALD\n\nINTERNAL SECURITY • RUSSIA • CUBA\n\nI. Sore\n"
    (s,) = _by_field(text)["subject"]
    assert s.value == "LEE HARVEY OSWALD INTERNAL SECURITY • RUSSIA • CUBA" and s.confidence >= 0.9


# Markdown OCR of ODNI releases: the first-line heading is the document's title
# (odni/20131119-odni__verification_slide,
#  odni/20131119-odni__interim_competency_test_for_access_to_fisa_data)
@pytest.mark.parametrize(
    "snippet, title",
    [
        (
            "# Verification Requirement \n\n> Verify that the data is of the type authorized by the order",
            "Verification Requirement",
        ),
        (
            "# Interim Competency Test for Access to BR FISA Data \n\n1. Who can make a RAS determination?\n",
            "Interim Competency Test for Access to BR FISA Data",
        ),
    ],
)
def test_markdown_title_is_the_subject(snippet, title):
    rec = declass.extract_text(snippet)
    assert rec.subject.value == title
    assert snippet[rec.subject.start : rec.subject.end] == title


def test_a_heading_further_down_is_not_a_title():
    # odni/20131119-odni__nsa_course_materials_intro_v_13: a table comes first, the heading is a module name
    snippet = (
        "| COURSE: OVSC1205 Special Training on FISA |  |\n| :--: | :--: |\n\n"
        "# Module 0: Welcome to OVSC1205 \n"
    )
    # the module heading is not the title; the course line above it is (test_course_storyboard_heading)
    assert declass.extract_text(snippet).subject.value == "OVSC1205 Special Training on FISA"


# jfk-tesseract/2022__104-10111-10208 and 2018__104-10113-10258: labels one OCR error off
DAMAGED_MEMO_FOR = """5 ‘ SECRET
: ‘ (When filled in)

MEMORANIUM FOR: Chief, Physical Security Division

ATTENTION: Chief, Building Security Branch
FROM: Chief, Security Support Division
SURJECT: Cob, Bune

# 2G aby

1. It is requested that Washington, D, C, telephone number(s)
"""
DAMAGED_FROM = """Memorandum. Stilt

Date: 5 April 1968 .

“10 : File .
yrom : Chief, Alien Affairs Staff faeces : iret
suBject: Miguel Angel DIAZ Isalgué as
DPOB: 14 February 1937, Matanzas, Cuba
"""


def test_labels_one_edit_off_are_read_as_damaged_labels():
    f = _by_field(DAMAGED_MEMO_FOR)
    assert [c.value for c in f["addressees"]] == ["Chief, Physical Security Division"]
    assert [c.value for c in f["sender"]] == ["Chief, Security Support Division"]
    assert [c.value for c in f["subject"]] == ["Cob, Bune"]
    # a damaged label is read with less confidence than a clean one
    assert f["addressees"][0].confidence < f["sender"][0].confidence
    f = _by_field(DAMAGED_FROM)
    assert [c.value for c in f["sender"]] == ["Chief, Alien Affairs Staff"]


def test_at_sign_for_o_in_a_damaged_from_label():
    # jfk-tesseract-2025/104-10120-10373
    text = "MEMORANDUM FOR THE RECORD\nFR@! :. Chief, 53/2 Desk : *.\n\n: Zz .\nSUBJECT: COVER\n"
    (c,) = _by_field(text)["sender"]
    assert c.value.startswith("Chief, 53/2") and c.confidence < 0.9


def test_fuzzy_labels_need_their_colon_and_a_close_spelling():
    # "yrom" without a colon is a word; "FORM:" and "ROOM:" are two edits from FROM
    text = "yrom Chief, Alien Affairs Staff\nFORM: 693\nROOM: 4E-22\nPROJECT: KUBARK\n"
    assert "sender" not in _by_field(text) and "subject" not in _by_field(text)


# jfk-applevision/2023__104-10119-10182: Apple Vision's accented capitals and a stacked label block
# whose subject runs over three lines, the first ending in a colon, the second in an initial
STACKED_ACCENTED = """2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992

Blare.

16 February 1970

MEMORÄNDUM FOR®

SUBJECT

:

Director of Security

Comments on Manuscript Give Us This Day:

CIA and the Bay of Pigs Invasion by Edward I.

Hamilton

This manuscript has evidently been kicking around in publishing

circles since at least mid-1968, presumably without ClA clearance.
"""


def test_accented_label_and_unfinished_subject_lines_in_a_label_block():
    f = _by_field(STACKED_ACCENTED)
    assert [c.value for c in f["addressees"]] == ["Director of Security"]
    (subject,) = f["subject"]
    assert subject.value == (
        "Comments on Manuscript Give Us This Day: CIA and the Bay of Pigs Invasion by Edward I. Hamilton"
    )
    assert STACKED_ACCENTED[subject.start : subject.end].endswith("Hamilton")


# FBI Office Memorandum forms whose TO / FROM labels OCR lost: the offices with their file numbers
FBI_APPLEVISION = """Best avas-able image

UNI

To

"Ro

TATE.

_KNMENT

Memorandum

Director, FBI (65-68043)

Legat, London (65-745) (P)

.. BJECT:

HAROLD ADRIAN RUSSELL PHILBY
"""  # jfk-applevision/2021__docid-32309610
FBI_TESSERACT = """» * UNITED STATES GO\\\\,.ANMENT i Net

Va. emorandum —— vaveinentiay

DIRECTOR, FBI (163-39547) pate: 8/4/75 Boe
a?
ce tb
S& SAC, MIAMI (105-22604) (c) i
zz, :
"""  # jfk-tesseract/2022__124-10281-10062


def test_fbi_memo_offices_with_file_numbers():
    for text, to, frm in (
        (FBI_APPLEVISION, "Director, FBI", "Legat, London"),
        (FBI_TESSERACT, "DIRECTOR, FBI", "SAC, MIAMI"),
    ):
        f = _by_field(text)
        assert [c.value for c in f["addressees"]] == [to]
        (sender,) = f["sender"]
        assert sender.value == frm and text[sender.start : sender.end] == frm
        assert sender.method == "rule:fbi-memo"


def test_fbi_offices_need_the_bureau_and_each_other():
    # two field offices (a list of recipients), or one office alone, are not a TO / FROM pair
    assert "sender" not in _by_field("SAC, Miami (105-1598)\nSAC, Tampa (105-226)\n")
    assert "sender" not in _by_field("Director, FBI (65-68043)\n\nRe Havana letter dated 12/31/60.\n")
    # a labelled FROM line wins: the positional rule is not used
    f = _by_field("TO: Director, FBI (92-2781)\nFROM: Legat, Havana (92-1)\nSAC, Miami (105-1598)\n")
    assert [c.method for c in f["sender"]] == ["rule:memo-header"]


# FROM without its colon: read only before an FBI office or an initialled name
BARE_FROM_TELETYPE = """URGENT 10-27-62 - 5-55
: CIA HAS NO oBsee! ON
DIRECTOR /105-72630/ DECLASS

FROM SAC, MIAMI /105-1598/ Meats SOCUMEIE exetpt

* AKH
"""  # jfk-tesseract/2018__124-10224-10189
BARE_FROM_MEMO = """Memorandum

TO

: MR. D. J. BRENNANOR

FROM S. J. PAPICH TOP

DATE: June 15, 1962
"""  # jfk-applevision/2025__124-90137-10053


def test_from_without_colon_before_an_office_or_initialled_name():
    (c,) = _by_field(BARE_FROM_TELETYPE)["sender"]
    assert c.value == "SAC, MIAMI" and BARE_FROM_TELETYPE[c.start : c.end] == "SAC, MIAMI"
    (c,) = _by_field(BARE_FROM_MEMO)["sender"]
    assert c.value == "S. J. PAPICH"
    # prose "FROM ..." is not a sender line (jfk-applevision/2021__docid-32112895, state-foia-talbott)
    prose_lines = ("FROM THE GERALD R.\n", "FROM KEEPING HIS APPOINTMENT WITH MCKINNON.\n", "FROM Aza 44\n")
    for prose in prose_lines:
        assert "sender" not in _by_field("MEMORANDUM FOR: Director\n" + prose)


# CIA cable forms (catalogued/jfk-tesseract-2022/104-10234-10022, 104-10179-10066): below an
# OCR-damaged FROM label come the form's routing boxes, not the sender's title
CABLE_FAOM = """yo“, SMWAVE MADRID PARIS

Faom: DIRECTOR
coos eo: va, puc (1) RID COPY zg

to WAVE . R PARI : : -
"""
CABLE_FAOM_2 = """To + BAVAHA JHASH

faom: DIPECTOR pd .
con 9, [ele]
: oF
"""


def test_no_title_line_joined_below_a_damaged_from_label():
    (c,) = _by_field(CABLE_FAOM)["sender"]
    assert c.value == "DIRECTOR"
    (c,) = _by_field(CABLE_FAOM_2)["sender"]
    assert "con 9" not in c.value


# signatures with title / office lines before the memo's end, no FROM line: the sender is the name
# with its titles, as a FROM line would give it (OCR damage kept: the reading is the text's)
SIG_DROLLER = """MEMORANDUM FOR THE RECORD

SUBJECT: Plana for tho Establiabrent of a Provisional Coveresent

1. On 20 March the Council met.

da nttached).

RETARD DROLLER

C/H/3/PA

•Attnahments: (8)
"""  # jfk-applevision/2021__docid-32383580
SIG_PFORZHEIMER = """MEMORANDUM FOR: Director of Security

SUBJECT: Comments on Manuscript

ally added commants of my own, they are in brackere I).

Walter Plorzheimer 1

Carator=.

Motorical Intelligence Collection

stachment

An norad above
"""  # jfk-applevision/2023__104-10119-10182
SIG_ADAMS = """MEMORANDUM FOR: Chief, EE

SUBJECT: Cover

j5{ PAUL P. STEWART

JOSEPH M. ADAMS
Chief, Official Cover & Liaison, CCD

cc: Personnel Security Division,
"""  # catalogued/jfk-tesseract-2022/104-10256-10428


def test_signature_with_title_lines():
    for text, want in (
        (SIG_DROLLER, "RETARD DROLLER, C/H/3/PA"),
        (SIG_PFORZHEIMER, "Walter Plorzheimer, Carator, Motorical Intelligence Collection"),
        (SIG_ADAMS, "JOSEPH M. ADAMS, Chief, Official Cover & Liaison, CCD"),
    ):
        (c,) = _by_field(text)["sender"]
        assert c.value == want and c.method == "rule:signature"
        assert text[c.start : c.end].startswith(want.split(",")[0])


def test_signature_needs_the_end_of_the_memo():
    # a name and an office line in the body, no cc / attachment / distribution line after them
    text = SIG_DROLLER.replace("•Attnahments: (8)", "2. The Council will meet again.")
    assert "sender" not in _by_field(text)
    # three lines between name and the end are not titles
    text = SIG_ADAMS.replace("CCD\n", "CCD\nRoom 4E22\nExtension 6161\n")
    assert "sender" not in _by_field(text)


# a subject line opening with a parenthesis continues the subject; a trailing portion mark is not
# part of it (catalogued/jfk-tesseract-2022/104-10061-10122; jfk-tesseract-2025/104-10120-10373)
PAREN_SUBJECT = """MEMORANDUM FOR: Chief, DDO/IMS
SUBJECT. : House Select Committee on Assassinations
(HSCA) Request (U)

REFERENCE : Letter for OLC fr Chief Counsel/Director
"""
PAREN_SUBJECT_2 = """MEMORANDUM FOR THE RECORD
FR@! :. Chief, 53/2 Desk : *.

: Zz .
SUBJECT: COVER, ONOFFICIAL) ~ GENERAL an
(Proposal for A&E ‘Assessment of Potential .
REDSKIN Agent Candidates)
#90682
"""


def test_subject_continues_on_a_parenthesised_line():
    (c,) = _by_field(PAREN_SUBJECT)["subject"]
    assert c.value == "House Select Committee on Assassinations (HSCA) Request"
    (c,) = _by_field(PAREN_SUBJECT_2)["subject"]
    assert "(Proposal for A&E" in c.value
    # a portion-marked paragraph is the body, not the subject
    text = "MEMORANDUM FOR: Chief, EE\nSUBJECT: Soviet Hunting Societies\n(S) The Station reports that\n"
    (c,) = _by_field(text)["subject"]
    assert c.value == "Soviet Hunting Societies"


# an addressee's title broken after "for" continues on the next line
# (catalogued/jfk-tesseract-2022/104-10219-10176 and 104-10059-10373)
BROKEN_TITLE = """8 April 1977 i

MEMORANDUM FOR: Special Assistant to DDO for
External Oversight

FROM : Jackson R. Horton :
Chief, Domestic Collection Division H
SUBJECT : Joseph Raymond Merola
"""


def test_addressee_title_broken_after_an_unfinished_word():
    f = _by_field(BROKEN_TITLE)
    assert [c.value for c in f["addressees"]] == ["Special Assistant to DDO for External Oversight"]
    c = f["addressees"][0]
    assert BROKEN_TITLE[c.start : c.end] == "Special Assistant to DDO for\nExternal Oversight"


# a routing sheet in front of the memo, no page breaks: the CIA scans' page stamp "14-00000" ends it
# (catalogued/jfk-tesseract-2022/104-10059-10363 and 104-10059-10373)
ROUTED = """ROUTING AND RECORD SHEET
[] CONFIDENTIAL (SECRET
FROM: DDO/IMS
TO: (Officer designation, room number, and
14-00000
MEMORANDUM FOR:. Donald P. Gregg
SA/DO/0.
ATTENTION: Norbert. A. Shepanek
FROM: Robert A. Barteaux
Chief, Operations Group
SUBJECT: House Select Committee on Assassinations
(HSCA) Request
"""


def test_routing_sheet_ended_by_the_page_stamp():
    f = _by_field(ROUTED)
    assert [c.value for c in f["sender"]] == ["Robert A. Barteaux, Chief, Operations Group"]
    assert f["addressees"][0].value.startswith("Donald P. Gregg")
    # no page stamp: the routing sheet cannot be delimited, its boxes are not read; only the memo's
    # SUBJECT line under its MEMORANDUM FOR line is (rule:memo-below), no party
    unstamped = _by_field(ROUTED.replace("14-00000\n", ""))
    assert set(unstamped) == {"subject"}
    assert [(c.value, c.method) for c in unstamped["subject"]] == [
        ("House Select Committee on Assassinations", "rule:memo-below")
    ]


# catalogued/jfk-tesseract-2022/104-10096-10240: "SUBJECT - :", a subject over several lines (one
# ending in "the", one in lower case), and a typed name under the signed one before "Attachment:"
WALLER = """MEMORANDUM FOR: Acting Deputy Director for Operations RETURN TO CIA
Pil : John H. Waller a Ome

Inspector General

SUBJECT - : Book V, SSC Final Report, The Investigation of the
Assassination of President Kennedy: Performance
of the Intelligence Agencies -- Commendation

1. Forwarded herewith is a copy of a memorandum from the Acting—

(signed)
Jolin H. Waller
John H. Waller
Attachment:
"""
# catalogued/jfk-tesseract-2022/104-10192-10019: "1," (OCR of "1.") starts the body
DEVINE = """KERORANDOM FOR THE RECORD
SUBJECT: Meeting vith Hr. Devine (Department of State) Novexber 1960,
in wy Office,

1, ROE: This morning Col. Mallard requected advice co vbat to tell
"""
# catalogued/jfk-tesseract-2022/157-10011-10090: a lower-case line continues an open line
HUNT = """MEMORANDUM FOR: File
SUBJECT: Interview of March 4, 1975, with E. Howard Hunt
and his Daughter, Lisa Hunt

1. The interview took place at the Commission's offices.
"""


def test_subject_lines_and_typed_signature():
    f = _by_field(WALLER)
    (subject,) = f["subject"]
    assert subject.value == (
        "Book V, SSC Final Report, The Investigation of the Assassination of President Kennedy: "
        "Performance of the Intelligence Agencies -- Commendation"
    )
    assert [c.value for c in f["sender"]] == ["John H. Waller"]
    (subject,) = _by_field(DEVINE)["subject"]
    assert subject.value.endswith("Novexber 1960, in wy Office")
    (subject,) = _by_field(HUNT)["subject"]
    assert subject.value == "Interview of March 4, 1975, with E. Howard Hunt and his Daughter, Lisa Hunt"


# catalogued/jfk-tesseract-2022/104-10273-10316: the memo begins after a cover sheet, on the page the
# scans' stamp ("1300000") starts; "SF#429" is a file number, not OCR noise
HEMMING = (
    "DOCUMENT DESCRIPTION (Circle Hf oppropriate) (30 CHARACTERS)\n\n"
    + "cence rom junk line of the cover sheet\n\n" * 60
    + "1300000\n\n7\n\n11 June 197\n\nMEMORANDUM FOR: Chief, Security Analysis Group\n"
    "SUBJECT : HEMMING, Gerald Patrick\nSF#429 229\n1. On 9 June 1969 os) :\n"
)


def test_header_on_the_page_a_scan_stamp_begins():
    assert HEMMING.index("MEMORANDUM FOR") > header.FIRST_LABEL_CHARS
    f = _by_field(HEMMING)
    assert [c.value for c in f["addressees"]] == ["Chief, Security Analysis Group"]
    assert [c.value for c in f["subject"]] == ["HEMMING, Gerald Patrick SF#429 229"]
    # without the stamp the label is too far from the top to be the header's
    assert "addressees" not in _by_field(HEMMING.replace("1300000\n", ""))


def test_cyrillic_look_alike_label():
    # jfk-applevision/2023__157-10011-10015: Apple Vision's "то :" (Cyrillic) for "TO :"
    text = "FROM\n\nто :\n\nTITLE :\n"
    hdr = header._Header(Document.from_text(text), 0, len(text))
    got = hdr.label_at(2)
    assert got is not None and got[0] == "to" and got[1].group("label") == "то"


# FBI letters to the CIA (jfk-applevision/2023__124-90137-10324 and 2023__124-90137-10445): the inside
# address without a TO label
INSIDE_10324 = """BY: E54393X42

•

Bali

* SECRET®

Director

dentral Intelligence Agency

NOTE. TOR. SAC

WEN VORK:

For doto regarding subject's wife you are referredad
"""
INSIDE_10445 = """DATE 03-26-2023

EX: 204338442

(U)

Director

Central Intelligence Agency

GRET

Our files indicate that subject organized and
"""


def test_inside_address_of_a_letter():
    for text, want in (
        (INSIDE_10324, "Director, dentral Intelligence Agency"),
        (INSIDE_10445, "Director, Central Intelligence Agency"),
    ):
        (c,) = _by_field(text)["addressees"]
        assert c.value == want and c.method == "rule:inside-address"
        assert text[c.start : c.end].startswith("Director\n") and text[c.start : c.end].endswith("Agency")
    # "Director" over something that is not an agency is not an address
    assert "addressees" not in _by_field("Director\n\nof the Review Staff\n")


def test_label_behind_a_margin_mark():
    # pdf/104-10167-10083 (fresh OCR of the scan): a margin digit before a damaged SUBJECT label
    text = "| MEMORANDUM FOR TSE EECOND : - \n3 SUBJZCT: Conversations with REICHHAROT, 8, 9, 16, 17 "
    text += "Septaaber 1959 q - \n\n1. On 8 Sentenber Reichhardt phoned to report tha followings 1 : \n"
    subj = _by_field(text)["subject"][0]
    assert subj.value.startswith("Conversations with REICHHAROT, 8, 9, 16, 17 Septaaber 1959")
    # catalogued jfk-tesseract-2022/104-10331-10093 (unseen release, same scan damage): "l FROM:"
    text = "| MEMORANDUM FOR: Special Assistant to the Associate\n\n\nl FROM: Frank Most\n\n"
    text += ", SUBJECT: Organization Crypts in the JFK File\n"
    got = _by_field(text)
    assert [c.value for c in got["sender"]] == ["Frank Most"]
    # a stray letter before a short label, or the RIF's SUBJECTS box, is not read
    assert "addressees" not in _by_field("a TO: the people\n")
    assert "subject" not in _by_field("i SUBJECTS : 44 USC 2107(5)(g)(2)(D)\n")


def test_damaged_memorandum_for_after_scan_noise():
    # pdf/104-10183-10346 (fresh OCR of the scan): "MEMOWANDI FOR:" behind noise on its line
    text = "- rr\u2019 fe \\. ns Oe wae _\u00b0 MEMOWANDI FOR: Director of Tratning : tee > \n"
    got = _by_field(text)
    assert [c.value for c in got["addressees"]] == ["Director of Tratning"]
    # body prose "a memorandum for ..." and an undamaged spelling mid-line are not read
    assert "addressees" not in _by_field("He wrote a MEMORANDUM FOR: the Director yesterday\n")


def test_margin_label_needs_a_readable_value_on_its_line():
    # catalogued jfk-tesseract-2022/104-10144-10022: a request form's SUBJECT box, "NOTES" below it
    assert "subject" not in _by_field("FROM: pey\n\n, SUBJECT:\n\nNOTES\n\nThis is the Scott Breckinridge\n")
    # catalogued jfk-tesseract-2022/124-10200-10172: a damaged FROM whose value runs into scan noise
    assert "sender" not in _by_field(": PROM: Deputy Director, Plans (ht KS StuiTILEd. ne\n")


# odni/20131119-odni__nsa_guidance_memo_on_legal_standards_for_searching_bulk_metadata (verbatim head).
# Specific to the ODNI's OCR-to-Markdown releases: the office letterhead is the first heading, and the
# memo names no sender (its signature block is an image); one corpus document shows the layout.
ODNI_MEMO = (
    "# OFFICE OF DEPUTY GENERAL COUNSEL (OPERATIONS) \n\nAGC(IL)-213-08\nAugust 29, 2008\n\n"
    "## MEMORANDUM FOR THE DEPUTY PROGRAM MANAGER FOR COUNTERTERRORISM SPECIAL PROJECTS, ANALYSIS AND "
    "PRODUCTION\n\nSUBJECT: (TS//SI//NF) Assessments of Reasonable Articulable Suspicion Pursuant to Orders "
    "of the Foreign Intelligence Surveillance Court - INFORMATION MEMORANDUM\n\n"
    "1. (TS//SI//NF) This memorandum reissues OGC guidance to aid in the determinations SID personnel are\n"
)


def test_letterhead_office_is_the_sender_of_a_memo_without_one():
    got = _by_field(ODNI_MEMO)
    assert [(c.value, c.method) for c in got["sender"]] == [
        ("OFFICE OF DEPUTY GENERAL COUNSEL (OPERATIONS)", "rule:letterhead")
    ]
    # without a memo header under it, a letterhead names no sender
    assert "sender" not in _by_field("# OFFICE OF DEPUTY GENERAL COUNSEL (OPERATIONS)\n\nSome text.\n")
    # a FROM line wins: the letterhead is not offered
    text = ODNI_MEMO.replace("SUBJECT:", "FROM: Chief, SID Oversight\n\nSUBJECT:")
    assert [c.value for c in _by_field(text)["sender"]] == ["Chief, SID Oversight"]


def test_course_storyboard_heading():
    # odni/20131119-odni__nsa_course_materials_intro_v_13 (verbatim head); specific to the NSA course
    # materials of the ODNI releases: the course line is the title, "Last Updated" the date
    text = "| COURSE: (TSI/SI/INF) OVSC1205 Special Training on FISA (Analytical) |  |  | "
    text += "Version 13 (Final) |\n| :--: | :--: | :--: | :--: |\n"
    text += "| COURSE: (TS/ISI/INF) OVSC1206 Special Training on FISA (Technical) |  |  | "
    text += "Last Updated 09/07/11 |\n"
    got = _by_field(text)
    assert [c.value for c in got["subject"]] == ["OVSC1205 Special Training on FISA (Analytical)"]
    assert [(c.value, text[c.start : c.end]) for c in got["document_date"]] == [("2011-09-07", "09/07/11")]
    from declass.extract import identifiers

    ids = [c.value for c in identifiers.extract(Document.from_text(text))]
    assert "OVSC1205" in ids and "OVSC1206" in ids
    # a course named in a body sentence is not a heading
    assert "subject" not in _by_field("He attended the COURSE: OVSC1205 Special Training last year\n")


def test_zone_lines_are_the_document_lines_of_the_zone():
    text = "MEMORANDUM\fTO: A\nFROM: B\n\nSUBJECT: C\fpage three\nend\n\n"
    for built in (False, True):  # built here, or sliced from the document's lines
        doc = Document.from_text(text)
        doc.first_page = 4  # a document split from a bound file: pages counted in the file
        theirs = Document.from_text(text)
        theirs.first_page = 4
        if built:
            assert doc.lines
        spans = [(s, e) for s in range(len(text)) for e in range(s, len(text) + 1)]
        for start, end in spans:
            zone = header._zone_lines(doc, start, end)
            first, last = zone[0].start, zone[-1].end
            assert zone == [ln for ln in theirs.lines if first <= ln.start <= last]
            assert first <= start and end <= last
            assert ("lines" in doc.__dict__) == built
    # lines longer than the reach are cut at it, whether the document's lines are built or not
    text = "A" * 5000 + "\nTO: x\n" + "B" * 9000 + "\fC\n"
    fresh, built_doc = Document.from_text(text), Document.from_text(text)
    assert built_doc.lines
    for start, end in ((0, 10), (4990, 5010), (4000, 4500), (6000, 6001), (14000, len(text))):
        zone = header._zone_lines(fresh, start, end)
        assert zone == header._zone_lines(built_doc, start, end)
        assert all(text[ln.start : ln.end] == ln.text for ln in zone)
        assert [ln.number for ln in zone] == [built_doc.line_at(ln.start).number for ln in zone]
