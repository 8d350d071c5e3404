"""Rules revised on unseen text: snippets copied verbatim from the catalogued NARA JFK 2022 release
(../shared/catalogued/jfk-tesseract-2022: public records, Tesseract OCR) and from corpus documents.

benchmarks/catalogue_agreement.py compares declass with NARA's catalogue on those 500 records; the
systematic errors it showed are pinned here, each rule on snippets of at least two documents.
"""

import pytest
from conftest import CORPUS, needs_corpus

from declass.dates import cited
from declass.document import Document
from declass.extract import dates, header, identifiers, rif, stamps, telegram
from declass.pipeline import extract_document


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

# 104-10119-10317: routing and record sheet, "SUBJECT: (Optional)" then the subject
OPTIONAL_HUNT = (
    "104-10119-10317| “ {2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n"
    "a UCLRSSIED + MIRAE CO. DENTIAL i SEtRE\n"
    "\n"
    "4SE_ONLY\n"
    "\n"
    "ROUTING AND REGORD SHEET |\n"
    "\n"
    "SUBJECT: (Optional)\n"
    "\n"
    "Everette Howard Hunt, Jr.\n"
    "\n"
    "FROM:\n"
)

# 104-10132-10293: the same form
OPTIONAL_OSWALD = (
    '“"fo4-10132-10293] I 2022 RELEASE UNDER THE ERESIDENT JOHN F. '
    "KENNEDY ASSASSINATION RECORDS ACT Or 1902\n"
    "; Background Use Only\n"
    "Do Not Reproduce\n"
    "\n"
    "£] UNCtAssiFieD TERNAL CY CONF'“ENTIAL =» J\" SECRET\n"
    "bane KOUTING. AND RECORD SHEET\n"
    "\n"
    "SUBJECT: (Optional)\n"
    "Lee Harvey OSWALD\n"
    "\n"
    "EXTENSION | NO.\n"
    "\n"
)

# 104-10103-10142: routing slip, its printed FROM box misread
ADORESS_ROUTING = (
    "104-10103-10142 {2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 J\n"
    "\n"
    "sr] Cirssnr ani\n"
    "\n"
    "FOLD HERE TO RETURN TO SENDER\n"
    "FROM: NAME, ADORESS AND PHONE NO.\n"
    "\n"
    "= GRcLesivien CONFIDENTIAL\n"
    "\n"
    "237 Wie previous ditions y GPO: 1974 O-515-987\n"
)

# 180-10141-10238: the same box
ADORESS_RIF_SLIP = (
    "'130-10141-10238\n"
    "\n"
    "“RETURNTO cia\n"
    "ckground Us\n"
    "Ba Not Bi Reproduce\n"
    "\n"
    "e Only\n"
    "\n"
    "a\n"
    "ae\n"
    "a\n"
    "»\n"
    '"ee\n'
    "\n"
    "2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 3\n"
    "2 ae\n"
    "\n"
    "fide iy\n"
    "Hih\n"
    "\n"
    "TLL GHECK CLASSIFICATION TOP AND oT eee\n"
    "UNCLASSIFIED” I L. CONFIDENTIAL SECRET\n"
    "\n"
    "OFFICIAL ROUTING SLIP\n"
    "\n"
    "PREPARE REPLY\n"
    "RECOMMENDATION,\n"
    "RETURN\n"
    "\n"
    "SIGNATURE\n"
    "\n"
    "APPROYES FOR RELEASE 1863\n"
    "CIA HISTORICAL REVIEW PROGRAM\n"
    "\n"
    "eae\n"
    "\n"
    "FOLD HERE TO RETURN TO SENDER\n"
    "FROM: NAME, ADORESS AND PHONE NO.\n"
    "\n"
    "Le lov\n"
    "\n"
    "istic” [| CONFIDENTIAL\n"
)

# 104-10182-10108: cable form, "FROM." with debris after it
LOWER_CON = (
    "eer, . ~\n"
    "wer\n"
    "[z.rrostn a CLASSIFIED_MESSAGE sa\n"
    "/c- PNG ge\n"
    "edie Se (fe\n"
    "can. _—*17 August 1962 7 hs 36\n"
    "\n"
    "to.\n"
    "\n"
    "FROM.\n"
    "\n"
    "con.\n"
    "\n"
    "2fped\n"
    "\n"
    "ss o\n"
)

# 104-10106-10398: cable action-change slip
LOWER_DE = (
    "IF 1992\n"
    "“'404-10106-10398) {2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT O1 J\n"
    "\n"
    "are so “use previous cour\n"
    "\n"
    "a6 a) i jie |\n"
    "\\\n"
    "\n"
    "‘lo ED MESSAGE\n"
    "\n"
    "SECRET\n"
    "\n"
    "(When Filled In)\n"
    "\n"
    "¥N\\\n"
    "CABLE seep I a TOTAL\n"
    "\n"
    "' 5\n"
    "\n"
    "€\n"
    "7\n"
    "ry\n"
    "\n"
    "rovaneeicdat & Weel TE scorreo\n"
    "ACTION COPY\n"
    "\n"
    "cinpex: DJ ves [Jno\n"
    "\n"
    "classify To cs Fite wo. igre Kase\n"
    "\n"
    "XeREF TO cs FiLE wo.\n"
    "\n"
    "Cl rive aio Clrcrurw ro\n"
    "i fence. offen, for. ACTION CHANGE\n"
    "\n"
    "orancn\n"
    "\n"
    "LEIS IN\n"
    "\n"
    "(STATTON & NUMBER) — CIN” NUMBER)\n"
    "\n"
    "C/S COMMENT: THE ACTION RESPONSIBILITY FOR THIS CABLE HAS\n"
    "BEEN TRANSFERRED\n"
    "\n"
    ": va Le LO\n"
    "FROM : 4 de\n"
    "as\n"
    "TO i COD\n"
    "(DIVISION)\n"
    "BY : LK, LS fad Cpt fo)\n"
)

# 104-10414-10422: cable form, its FROM box misread
TOLER = (
    "2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n"
    "\n"
    "RECORDS orricna STAMP\n"
    "he ter: vi\n"
    "szelaSsHtessace C\n"
    "\n"
    "Fz uct\n"
    "\n"
    "TO + DIRECTOR R.0. $1 “aN fer A\n"
    "SERN\n"
    "\n"
    "FROM : toler Te Gestion ate —\n"
    "\n"
    "acon: C/EE 3 (een nor FED ‘AND coryestg een unio GAG Ag -\n"
    "\n"
    "INFO, DOP, ADpP, “chi, ¢/sR 5, D/os ce VR\n"
)

# 194-10001-10221: THRU box, the start of "Commanding General" cut
DING = (
    "leased under U\n"
    "\n"
    "je John F, kennedy\n"
    "fissassination Records Collection Act off\n"
    "992 (44 USC 2107 Note). Case: Nw\n"
    "\n"
    "RECORDS SERIES\n"
    "\n"
    "FROM\n"
    "\n"
    "PAGES\n"
    "SUBJECTS\n"
    "\n"
    "DOCUMENT TYPE\n"
    "CLASSIFICATION\n"
    "RESTRICTIONS\n"
    "OPENING CRITERIA\n"
    "\n"
    "COMMENTS\n"
    "\n"
    "AGENCY :\n"
    "RECORD NUMBER :\n"
    "\n"
    "AGENCY FILE NUMBER :\n"
    "\n"
    "CURRENT STATUS :\n"
    "DATE OF LAST REVIEW :\n"
    "\n"
    "05/20/98\n"
    "sc\n"
    "\n"
    "Date\n"
    "Page\n"
    "\n"
    "JFK ASSASSINATION SYSTEM\n"
    "IDENTIFICATION FORM\n"
    "\n"
    "AGENCY INFORMATION\n"
    "\n"
    "INSCOM/CSF\n"
    "\n"
    "194-10001-10221\n"
    "\n"
    ": DOD AFFILIATED PERSONNEL AND INCIDENT INVESTIGATIONS\n"
    "PAGES 74, 75 AND 87-90\n"
    "\n"
    "DOCUMENT INFORMATION\n"
    "\n"
    "ORIGINATOR :\n"
    "\n"
    "TO :\n"
    "TITLE :\n"
    "DATE :\n"
    "\n"
    "( RESTRICTED ]\n"
    "02/10/70\n"
    "\n"
    "1\n"
    "\n"
    '"SHOW CAUSE"\n'
    "\n"
    "LTC WILLIAM J. HERLIHY\n"
    "\n"
    ": PAPER, TEXTUAL DOCUMENT\n"
    "\n"
    "> “CONPIDENPIAL-\n"
    "\n"
    ": 1A, 1B, 3\n"
    "\n"
    "RELEASED WITH DELETIONS\n"
    "\n"
    "03/14/95\n"
    "\n"
    "COMPLETION OF REVIEW BY JAG FOR RELEASABILITY\n"
    "\n"
    "DETERMINATION :\n"
    "\n"
    ": COORDINATION WITH JAG HAS BEEN COMPLETED AND\n"
    "DETERMINED TO BE RELEASABLE WITH RESTRICTIONS, PER\n"
    "MEMO DTD 19 SEPT 95. ATTACHED ARE MEMOS DTD 2/3/70\n"
    "AND 12/16/69 ARE INCLS (PAGES 75 & 87-90).\n"
    "\n"
    "NW 64954 Docld:34517481 Page 1\n"
    "\n"
    "\n"
    "ICPSG-L\n"
    "SUBJECT: Release of Documents\n"
    "(re: HERLIHY, William J., LTC, SSAN:\n"
    "DPOB:\n"
    "THRU: ding General\n"
    "\n"
    "First\n"
    "ATTN:\n"
)

# 104-10126-10316: journal of the Office of Legislative Counsel, weekday before the date
JOURNAL_FRIDAY = (
    "es\n"
    "126. 10316) {2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 (acti\n"
    "\n"
    ". seat . WATER TIAL\n"
    "\n"
    ': * "INTERNAL USE ONLY\n'
    "i i JOURNAL |\n"
    "OFFICE OF LEGISLATIVE COUNSEL |\n"
    "\n"
    "Friday - 9 December 1977\n"
)

# 104-10143-10060: the same journal
JOURNAL_FRIDAY_1976 = (
    "*404-10143-10060|\n"
    "\n"
    "{2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 J\n"
    "\n"
    "yyrepna Use ees]\n"
    "\n"
    '" Journal - Office of Legislative Counsel\n'
    "\n"
    "3\n"
    "\n"
    "Friday - 17 December 1976\n"
)

# 104-10145-10119: the same journal, a later page
JOURNAL_TUESDAY = (
    "eee ae oe\n"
    "\n"
    "104-10146-10119\n"
    "\n"
    "[2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992)\n"
    "\n"
    "INTERNAL USE ONLY\n"
    "\n"
    "Journal - Office of Legislative Counsel Page ll\n"
    "\n"
    "Tuesday - 31 January 1978 Ls,\n"
)

# 104-10112-10378: Office Memorandum form, DATE on the TO line
OFFICE_MEMO_1962 = (
    "104-10112-\n"
    "i2-10378| i [ 2022 a UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n"
    "\n"
    "Zn\n"
    "\n"
    "“|. + RETURN To ClA-\n"
    "\n"
    "OPTIONAL FORM HO, 10 paziss Background Use Only\n"
    "UNITED STATES GOVERNMENT Do Not Reproduce\n"
    "\n"
    "Memorandum\n"
    "\n"
    "TO : Deputy Chief, Personnel Security Division DATE: 4 October 1962\n"
)

# 104-10130-10421: the same form
OFFICE_MEMO_1949 = (
    "“'404-10130-10421]- . _ (2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASS"
    "INATION RECORDS ACT OF 1992 J\n"
    "\n"
    "; stro romain 4\n"
    "cea Office Memorandum » UNITED Sin TES GOVERNMENT\n"
    "\n"
    "TO : Chief, Inspection and Security Staff : DATE: 17 October 1949\n"
)

# 104-10096-10240: memorandum, originator line under the signature
ORIGINATOR_IG = (
    "\n"
    "\n"
    ". - ‘Distribution:\n"
    "Orig - Addressee\n"
    "+ IG Subject\n"
    "1.- IG Chrono\n"
    "1 - SDB Chrono\n"
    "\n"
    "D/1G:SDBreckinridge:jw/5527 (30 September 1977)\n"
)

# 104-10331-10186: the same line on a 1998 memorandum
ORIGINATOR_IMS = (
    "B - Processing of Documents by the Analysis Unit in ‘CI Staff\n"
    "Cc - CI Staff Records Study\n"
    "\n"
    "\n"
    "SECRET\n"
    "\n"
    "SUBJECT: ‘(U) Status of Outstanding JFK Issues\n"
    "\n"
    "IMS/ESG Fredrick C. Wickham x44448:mjk (20 August 1998)\n"
)

# 104-10186-10054: information report, DATE DISTR misread
INFO_REPORT_OST = (
    "\n"
    "‘Tom manertal conteine laformauce efecung the Reuceal Defense of the Uafind Smre"
    "s wikia tne mwantag of ine Exptcoace Lave Tide\n"
    "18 CSC Gece THF and TH the treaentetca of rereietion of which in'aay Manns to en"
    ' Uneulboriend person le probibited "by: law.\n'
    "\n"
    ">-SECRET\n"
    "NO FOREIGN DISSEM\n"
    "\n"
    "5\n"
    "Fy\n"
    "q\n"
    "\n"
    "counter Cuba REPORT NO. CSCI-316/00801-65 +\n"
    "SuMECt “Beltran” (an alias) : Date ost, = 17 February 1965\n"
)

# 104-10186-10167: the same form
INFO_REPORT_DARE = (
    "a\n"
    "\n"
    "CENTRAL INTELLIGENCE AGENCY\n"
    "\n"
    "contains mirmatice affecting the Natloosl Dyfease of tbe Tuned fates wtthin the "
    "meaning of the Eiplocage Laws, Title\n"
    "\n"
    "smn\n"
    "URC Seen 3H aod THA the erenerulanion of rereintion of WRISR Un aay Mander to an"
    " Neutborined Perea te profited ty law.\n"
    "\n"
    "SECRET\n"
    "NO FOREIGN DISSEM\n"
    "‘countey Caba REPORT NO, = CSCI-316 /01256-65\n"
    "suMECT “MAYRA” (an alias) \\ Dare DISTR. ©=-18 March 1965 -\n"
)

# 104-10186-10191: the same form
INFO_REPORT_PATE = (
    ". ee CENTRAL INTELLIGENCE AGENCY\n"
    "\n"
    "tre within the measing of the Expionage Lawa, Tite\n"
    "oF te Ae UnAULberteed perwon le prohibited br lew,\n"
    "\n"
    "of the Untied\n"
    "whieh tm any\n"
    "\n"
    ". SECRET\n"
    "NO FOREIGN DISSEM\n"
    "\n"
    "Country Cuba \\ : REPORT NO, CS CI-316/00628-65\n"
    'suuect Aldo RIVERE (Alias “Bromo Seltzer") pate oiste. 10 February 1965\n'
)

# 104-10095-10189: memorandum, SUBJECT's colon read as "3"
SUBJECT_3 = (
    '“"404-10095-10189) [ 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINAT'
    "ION RECORDS ACT OF 1992\n"
    "\n"
    "MEMORANDUA FOR: Deputy Director for Administration\n"
    "\n"
    "FROM 3: Robert W. Gambino\n"
    ". Birector of Security\n"
    "\n"
    "SUBJECT 3 Morrow, Robert Dietz\n"
    "\n"
    "1. Tnais. memorandum is for your information only.\n"
)

# 104-10418-10123: SUBJECT's colon read as "1:"
SUBJECT_2_COLON = (
    "Viodfeatai0123) [2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION "
    "RECORDS ACT OF 1992|\n"
    "\n"
    "SECRET\n"
    "\n"
    "29 June 1978\n"
    "\n"
    "MEMORANDUM FOR: Mr. peor Breckenridge\n"
    "Principal Coordinator, House Select\n"
    "Committee on Assassinations\n"
    "\n"
    "FROM : Norbert A. Shepanek\n"
    "Policy and Coordination Staff,\n"
    "Liaison and Oversight Control\n"
    "\n"
    "SUBJECT 1: House Select Committee on Assassinations\n"
    "Request\n"
    "REFERENCES : A, OLC\\Memorandum for the Record,\n"
)

# 104-10128-10367: SUBJECT's colon read as "'; "
SUBJECT_QUOTE = (
    "“4 cyt uid = ——\n"
    "[104-10128-10367| _ | 2022 RELEASE UNDER THE PRESIDENT JOHN E KENNEDY ASSASSINAT"
    "ION RECORDS ACT OF 1992\n"
    "\n"
    "17 January 1956\n"
    "\n"
    "MEMORANDUM FOR: Chief, Support Branch\n"
    "\n"
    "FROM : Chief, Cover Support Desk\n"
    "\n"
    "SUBJECT '; PHILLIPS, David A.\n"
    "#40696 C.S,\n"
    "\n"
)

# 104-10331-10320: a job number in the subject
SUBJECT_JOB_NO = (
    "‘Wod-40334-10320) {2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATIO"
    "N RECORDS ACT OF 1992 |\n"
    "\n"
    "9 November 1995\n"
    "MEMO FOR THE RECORD\n"
    "SUBJECT: OCA Job No.80T01614R\n"
    "\n"
    "Yesterday I had a call from Dee Werbrich(37762) of OCA\n"
)

# 104-10414-10110: a space lost before a parenthesis
SUBJECT_PAREN = (
    "‘Woa-to4 14-1010)\n"
    "\n"
    "he 7\n"
    "\n"
    "IpJ\n"
    "\n"
    "{2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1"
    "992 |\n"
    "\n"
    "ai easel ‘RET : QP\n"
    ": 9\n"
    "LZ apy: 2)\n"
    "\n"
    "MEMORANDUM FOR: Assistant Deputy Director for Plans\n"
    "\n"
    "of\n"
    "SUBJECT : FI Project(KDFACTOR, Security Review\n"
    "REFERENCE : ADDP Memo (DD/P 1-5899) to C/WHD dated\n"
    "\n"
)

# 104-10183-10437: a cryptonym whose hyphen was lost
SUBJECT_CRYPTONYM = (
    "104-10183-10437|\n"
    "~e\n"
    "\n"
    "{2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1"
    "992 J\n"
    "\n"
    "a\n"
    "\n"
    "Z . a\n"
    "\n"
    ': " “AETURN TO CIA\n'
    "Background Use Only\n"
    "Do Not Reproduce\n"
    "\n"
    "pruetl7\n"
    ": hile\n"
    "\n"
    "2 June 1965\n"
    "\n"
    "SECRET Ka\n"
    "1\n"
    "\n"
    "MEMORANDUM FOR THE RECORD\n"
    "\n"
    "SUBJECT: Meeting with AMBUNNY-1 (291-775391) and\n"
    "AMWHIP21 (201-267966)\n"
    "\n"
    "DATE: 25 May 1965, 1900-2039 hours\n"
)

# 124-10277-10443: RIF, labels first, SUBJECTS misread "SUBIECTS"
RIF_SUBIECTS = (
    "fi24-10277-10443, [2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATIO"
    "N RECORDS ACT OF 1992 |\n"
    "\n"
    "JFK. Assassination System\n"
    "Identification Form\n"
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
    "SUBIECTS :\n"
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
    "Agency Information\n"
    "\n"
    "FBI\n"
    "124-10277-10443\n"
    "\n"
    "HQ\n"
    "97-4474-126\n"
    "Document Information\n"
    "\n"
    "FBI\n"
    "SAC, MM\n"
    "DIRECTOR, FBI\n"
    "\n"
    "06/20/1964\n"
    "13\n"
    "\n"
    "MIRR, ASSOC, ACA, BOMB, SUGAR MILL, PLANE, SHOT\n"
    "\n"
    "DOWN, CUBAN, ARMED FORCES\n"
    "\n"
    "PAPER, TEXTUAL DOCUMENT\n"
    "Secret\n"
    "\n"
    "1A; 4\n"
    "\n"
    "Redact\n"
    "\n"
    "06/24/1998\n"
    "\n"
    "INDEFINITE, APPROVAL OF CIA\n"
    "\n"
    "INC NOTE\n"
    "\n"
    "Date:\n"
    "\n"
    "6/4/2015\n"
    "\n"
    "vol\n"
    "\n"
    "| HW 50953 DocId:32301108 Page 1\n"
)

# 124-10221-10328: RIF, margin debris before FROM ("Hy FROM: SAC, WMFO")
RIF_MARGIN_FROM = (
    "'424-10221-10328 [ 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATIO"
    "N RECORDS ACT OF 1992 |\n"
    "\n"
    "7 JFK Assassination System\n"
    "Identification Form\n"
    "\n"
    "4/29/201\n"
    "\n"
    "Agency Information\n"
    "\n"
    "AGENCY: FBI\n"
    "RECORD NUMBER: = 124-10221-10328\n"
    "RECORD SERIES: HQ\n"
    "AGENCY FILE NUMBER: = 2-1423-14\n"
    "Document Information\n"
    "ORIGINATOR: FBI\n"
    "Hy FROM: SAC, WMFO\n"
    "i TO: DIRECTOR, FBI\n"
    "TITLE:\n"
    "i DATE: 09/30/1958\n"
    "t PAGES: 7\n"
    "i SUBJECTS :\n"
    "| IID, INTV, B/F INT, TESUR, RCK, REPRESENTATIVE,\n"
    "\\ NICARAGUAN GOVERNMENT\n"
    "DOCUMENT TYPE: PAPER, TEXTUAL DOCUMENT\n"
    "CLASSIFICATION : Secret\n"
    "RESTRICTIONS: 1B; 1C\n"
    "CURRENT STATUS: Redact\n"
    "DATE OF LASTREVIEW: — 07/14/1998\n"
    "| OPENING CRITERIA: INDEFINITE, APPROVAL OF CIA\n"
    "COMMENTS: = INCLHM\n"
    "|\n"
    "\\\n"
    "t\n"
    "\n"
    "ene\n"
    "\n"
    "| HW 50953 DocId:32340935 Page 1\n"
)

# 104-10061-10320: memorandum, a reference's date on the line under REFERENCES
REF_NEXT_LINE = (
    "SUBJECT : House Select Committee on Assassinations\n"
    "CGISCA) Request\n"
    ": REFERENCES : A. Memo for SA/T0/O fr C/CCS/PRG, dud\n"
    "\n"
    "25 Jan 78, Same Subject\n"
)

# 104-10186-10122: information report, the same
REF_NEXT_LINE_REPORT = "NO. PAGES: 1\n\nREFERENCES CSCI-3{773 , 366\n17 October 1963\n"

# 124-90118-10197: RIF, labels first, a space in the record number
RIF_SPACED_RECNUM = (
    "the John FR\n"
    "fissassination Records Collection Act off\n"
    "\n"
    "JFK Assassination System\n"
    "Identification Form\n"
    "\n"
    "Date:\n"
    "\n"
    "6/17/201\n"
    "\n"
    "AGENCY\n"
    "\n"
    "RECORD NUMBER\n"
    "\n"
    "RECORD SERIES :\n"
    "\n"
    "AGENCY FILE NUMBER :\n"
    "\n"
    "Agency Information\n"
    "\n"
    "FBI\n"
    "124-901 18-10197\n"
    "\n"
    "HQ\n"
    "\n"
    "CR 92-3683-17\n"
)

# 124-90041-10098: the same
RIF_SPACED_RECNUM_2 = (
    "124-90041-10098| [ 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATIO"
    "N RECORDS ACT OF 1992 J\n"
    "\n"
    "JFK Assassination System\n"
    "Identification Form\n"
    "\n"
    "AGENCY :\n"
    "RECORD NUMBER :\n"
    "\n"
    "RECORD SERIES :\n"
    "\n"
    "AGENCY FILE NUMBER :\n"
    "\n"
    "Agency Information\n"
    "\n"
    "FBI\n"
    "124-9004 1-10098.\n"
    "\n"
    "HQ\n"
    "\n"
    "CR 109-584-1918\n"
)

# 124-90065-10032: RIF, debris after the agency file number
RIF_AFN_DEBRIS = (
    "JFK Assassination System\n"
    "Identification Form\n"
    "\n"
    "Date: 6/9/2015\n"
    "\n"
    "Agency Information\n"
    "\n"
    "Assassination Records Collection Act off\n"
    "\n"
    "992 (44 USC 2107 Note). Cass\n"
    "\n"
    "AGENCY: FBI\n"
    "RECORD NUMBER: — 124-90065-10032\n"
    "RECORD SERIES: HQ\n"
    "AGENCY FILENUMBER: — CR 174-689-52 é\n"
)

# 124-90137-10378: the same
RIF_AFN_DEBRIS_2 = (
    "JFK Assassination System Date: 4/17/201\n"
    "Identification Form\n"
    "\n"
    "Agency Information\n"
    "\n"
    "Cera peel eH tion Records Collecti ‘act of\n"
    ": fissassination Records Collection Act of\n"
    "RECORD NUMBER: = 124-90137-10378 992 [44 USC 2107 Note), Casett Nw\n"
    "g\n"
    "RECORD SERIES: HQ\n"
    "AGENCY FILENUMBER: — CR 105-20297-NR . 4\n"
)

# 104-10290-10068: cable form, "FROM, DIRECTOR"
FROM_COMMA = (
    "(104-10290-10068) {2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATIO"
    "N RECORDS ACT OF 1992 |\n"
    "\n"
    "Maal Avago:\n"
    "cases\n"
    "\n"
    "3. PERE ILS,\n"
    "\n"
    ") PaRis/ioprprr PG. MEeICO eTey\n"
    "\n"
    "DYDORIC HREPTTOME\n"
    "\n"
    "REF: MONT €437 (IN 72721} RELATSD vent\n"
    "\n"
    "1. (FOR MEXT: 6QS5 ANS°TO RLF GAID. A) AGRRE Misr TORT CASTiioim cu. cTHOLLED\n"
    "\n"
    ". PRAT UACCEP TA!\n"
    "\n"
    "* OPEN POSSIBILITY MOVING Erie vagaries es\n"
    "\n"
    "Was smear Dr sat SUPERVISION COMMICIZE (sup Som). x pated | sxaseco FEUU\n"
    "\n"
    "FOR FAILURE SOLD EVEHT Asb TULD codec\n"
    "\n"
    "2. FOR PALP: POLL SUBMARIZES QS, UNDERSTANDING LATUN AMERICAN: STUDY SENTTAR\n"
    "\n"
    "amp covane Sdennes VTE i FROM. 1 UNPRORNDLY SY. THIS sow palates IMPORTANT\n"
    "\n"
    "v 1 cd ‘nee: SE quest ost bake BOaeD eA ume E\n"
    "\n"
    "renner. Ts THIS, MREPHCT FOROS AM AYIA! Tnty\n"
    "\n"
    "ON TASTY. SPRASECT At\n"
    "\n"
    "- SaPORE separa ER. BRIEF: FTW\n"
    "CB. CORP IR. THYTIRETOR ACT AS’ #08\n"
    ": Sassen EXD IRVETE LAS6 CAN. ZE.UELD IF Po, om\n"
    "\n"
    "FIOM MNT\n"
    "\n"
    "erceesing “oretere\n"
    "\n"
    "\n"
    "FROM, DIRECTOR\n"
    "\n"
)

# 104-10256-10038: memorandum, "FROM, : Jerry G. Brown"
FROM_COMMA_COLON = (
    "104-10256-10038| 7 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATIO"
    "N RECORDS ACT OF 1992\n"
    "\n"
    "rfeavttiocnd jeentieer's :\n"
    "CO Ses See\n"
    "UNITED’ STATES GOVERNMENT\n"
    "Memorandum\n"
    "ao Chief, Security Analysis Group DATE: 10 April 1975\n"
    "FROM, : Jerry G. Brown\n"
    "\n"
)

# 104-10112-10242: memorandum, "FROM = TOBTASSEN :"
FROM_EQUALS = (
    "04 10112-10242). sig 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINAT"
    "ION RECORDS ACT OF 1992\n"
    "ye\n"
    "\n"
    "STANDARD FORM Wo. 64 7 r ) @\n"
    "\n"
    "Office Memorandum ¢ UNITED STATES GOVERNMENT\n"
    "\n"
    "audsed Of Og -. DATE:\n"
    "if) BUROByoDe : 2 February 1962\n"
    "VIS OLNunIe ” :\n"
    "\n"
    "FROM = TOBTASSEN :\n"
    "\n"
)

# 104-10171-10070: cable form, "TO + DIRECTOR"
TO_PLUS = (
    "UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 k\n"
    "\n"
    "° t . fear\n"
    "RETURN TO CiA\n"
    "Background Use 0;\n"
    "* Do Not Reproducs”\n"
    "‘502 _L, _GUASSIFIED MESSAGE :\n"
    "s\n"
    "\n"
    "DATE J 10-sun 62\n"
    "\n"
    "TO + DIRECTOR\n"
    "FROM: JMWAVE :\n"
)


def test_dates_in_references_and_sentences_are_cited():
    assert _cited_at(REF_DATED, "1 March 1978")  # "OLC 78-0070/29 dated 1 March 1978"
    assert _cited_at(REF_DATED, "24 April 1978")  # "SA/DO/O, dated 24 April 1978."
    assert _cited_at(FBI_ON, "February 25, 1969")  # "On February 25, 1969, source ..."
    assert _cited_at(REF_LIST, "13 May 1964", 1)  # "B. BARR-1607, dated 13 May 1964"
    assert _cited_at(MEMO_REFS, "19 July 1976")  # "REFERENCES : A. Initial Request Letter, 19 July 1976."
    assert _cited_at(MEMO_REFS, "17 September 1976")  # "B. Initial Response, 17 September 1976,"
    assert _cited_at(DISPATCH_DATELINE, "20 September 1968")  # "OTTAWA 5648, 20 September 1968"
    # the line under a REFERENCES line continues the reference
    assert _cited_at(REF_NEXT_LINE, "25 Jan 78")
    assert _cited_at(REF_NEXT_LINE_REPORT, "17 October 1963")


def test_datelines_are_not_cited():
    assert not _cited_at(DISPATCH_DATELINE, "27 September 1968")  # "OCOA-13493 27 September 1968"
    assert not _cited_at(FBI_ON, "March 5, 1969")  # "In Reply, Please: Refer to March 5, 1969"
    assert not _cited_at(MEMO_REFS, "1 March 1977")
    assert not _cited_at(TUESDAY, "13 June 1978")


def test_fallback_date_skips_cited_dates():
    assert _values(dates, REF_DATED, "document_date") == []
    assert _values(dates, REF_LIST, "document_date") == []
    assert "1969-02-25" not in _values(dates, FBI_ON, "document_date")
    # the fallback and the dispatch's foot box read the same date
    assert set(_values(dates, DISPATCH_DATELINE, "document_date")) == {"1968-09-27"}


def test_fallback_date_skips_the_subjects_second_line():
    assert "1965-03-08" not in _values(dates, SUBJ_CONT, "document_date")
    # 104-10059-10373 (its date is cited by "of" as well)
    text = "SUBJECT : House Select Committee on Assassinations\nRequest of 1 March 1978\n"
    assert _values(dates, text, "document_date") == []


def test_memo_dateline_skips_references_and_sentences():
    assert _values(header, MEMO_REFS, "document_date") == ["1977-03-01"]  # not 1976-07-19
    assert "1965-03-08" not in _values(header, SUBJ_CONT, "document_date")  # "in New York City, 8 March 1965"


def test_memo_dateline_with_margin_debris():
    # a quote mark before the date, a colon after it: 104-10061-10384, 104-10175-10071
    assert _values(header, MEMO_REFS, "document_date") == ["1977-03-01"]  # "‘1 March 1977 :"
    text = (
        "(104-10175-10074] . {2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS "
        'ACT OF 1992\n\n"23 March 1961\n\n'
    )
    assert _values(header, text, "document_date") == ["1961-03-23"]


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


def _parties(text):
    doc = Document.from_text(text)
    return [(c.field, c.value) for c in header.extract(doc) if c.field in ("sender", "addressees", "through")]


def test_routing_sheet_subject_caption_is_not_the_subject():
    assert _values(header, OPTIONAL_HUNT, "subject") == ["Everette Howard Hunt, Jr."]
    assert _values(header, OPTIONAL_OSWALD, "subject") == ["Lee Harvey OSWALD"]


def test_printed_form_box_misread_by_one_letter_is_no_party():
    assert _parties(ADORESS_ROUTING) == []
    for text in (ADORESS_ROUTING, ADORESS_RIF_SLIP):
        line = next(ln for ln in text.splitlines() if "ADORESS" in ln)
        assert header._bad_party(header._clean_party(line.split(":", 1)[1]))


def test_party_debris_in_small_letters_is_dropped():
    assert _parties(LOWER_CON) == []  # "FROM.\n\ncon."
    assert _parties(LOWER_DE) == []  # "FROM : 4 de\nas"
    assert _parties(TOLER) == []  # "FROM : toler Te Gestion ate —"
    assert ("through", "ding General") not in _parties(DING)
    # a user name in small letters is a party (state-foia-clinton/C05763745: "From: jake.sullivan")
    assert not header._bad_party("jake.sullivan")
    assert header._bad_party("con")


def _dates_by(module, text):
    doc = Document.from_text(text)
    return [(c.value, c.method) for c in module.extract(doc) if c.field == "document_date"]


def test_weekday_before_the_dateline():
    # "Friday - 9 December 1977": the dash after the weekday is no period's dash
    assert _values(header, JOURNAL_FRIDAY, "document_date") == ["1977-12-09"]
    assert _values(header, JOURNAL_FRIDAY_1976, "document_date") == ["1976-12-17"]
    assert _values(dates, JOURNAL_TUESDAY, "document_date") == ["1978-01-31"]
    assert _values(dates, JOURNAL_FRIDAY, "document_date") == ["1977-12-09"]


def test_date_box_on_the_to_line_of_an_office_memorandum():
    assert _values(header, OFFICE_MEMO_1962, "document_date") == ["1962-10-04"]
    assert _values(header, OFFICE_MEMO_1949, "document_date") == ["1949-10-17"]


def test_originator_line_gives_the_drafting_date():
    assert ("1977-09-30", "rule:originator-line") in _dates_by(dates, ORIGINATOR_IG)
    assert ("1998-08-20", "rule:originator-line") in _dates_by(dates, ORIGINATOR_IMS)
    # a date in parentheses after a sentence is none: "(see CSCI-316/01239-64, 12 October 1964)" etc.
    assert not any(m == "rule:originator-line" for _, m in _dates_by(dates, REF_LIST + DISPATCH_DATELINE))


def test_information_report_date_distr_misread():
    assert _dates_by(dates, INFO_REPORT_OST) == [("1965-02-17", "rule:date-distr")]
    assert _dates_by(dates, INFO_REPORT_DARE) == [("1965-03-18", "rule:date-distr")]
    assert _dates_by(dates, INFO_REPORT_PATE) == [("1965-02-10", "rule:date-distr")]


def test_subject_colon_misread_as_a_digit_or_quote():
    assert _values(header, SUBJECT_3, "subject") == ["Morrow, Robert Dietz"]
    assert _values(header, SUBJECT_2_COLON, "subject") == ["House Select Committee on Assassinations Request"]
    assert _values(header, SUBJECT_QUOTE, "subject") == ["PHILLIPS, David A."]


def test_subject_with_job_numbers_and_cryptonyms_is_not_noise():
    def confident(text):
        doc = Document.from_text(text)
        return [c.value for c in header.extract(doc) if c.field == "subject" and c.confidence >= 0.8]

    assert confident(SUBJECT_JOB_NO) == ["OCA Job No.80T01614R"]
    assert confident(SUBJECT_PAREN) == ["FI Project(KDFACTOR, Security Review"]
    assert confident(SUBJECT_CRYPTONYM)[0].startswith("Meeting with AMBUNNY-1 (291-775391) and AMWHIP21")


def test_rif_label_misreads_and_margin_debris():
    # "SUBIECTS :" (124-10277-10443, 124-90096-10152) was taken for a value and broke the label block
    assert rif._match_label("SUBIECTS :")[0] == "subjects"
    assert _values(rif, RIF_SUBIECTS, "sender") == ["SAC, MM"]
    assert _values(rif, RIF_SUBIECTS, "addressees") == ["DIRECTOR, FBI"]
    # "Hy FROM: SAC, WMFO" (124-10221-10328), "Hl RECORD NUMBER :" (124-10200-10172)
    assert _values(rif, RIF_MARGIN_FROM, "sender") == ["SAC, WMFO"]
    assert rif._match_label("Hl RECORD NUMBER :")[0] == "record_number"
    assert rif._match_label("Hy FROM: SAC, WMFO")[0] == "from"


def _ids(text):
    doc = Document.from_text(text)
    return {c.value for c in identifiers.extract(doc)}


def test_rif_record_number_with_an_ocr_space_and_the_file_number_after_it():
    assert {"124-90118-10197", "CR 92-3683-17"} <= _ids(RIF_SPACED_RECNUM)
    assert {"124-90041-10098", "CR 109-584-1918"} <= _ids(RIF_SPACED_RECNUM_2)


def test_rif_agency_file_number_without_trailing_debris():
    assert "CR 174-689-52" in _ids(RIF_AFN_DEBRIS)
    assert "CR 105-20297-NR" in _ids(RIF_AFN_DEBRIS_2)
    assert "CR 105-20297-NR . 4" not in _ids(RIF_AFN_DEBRIS_2)


# 180-10068-10318 and 180-10071-10000 (HSCA staff payroll records): the file number box is empty and the
# next line is the form's determination date; 2021__docid-32270969 (corpus): an HSCA file number that
# reads like a date
RIF_AFN_EMPTY_THEN_DATE = """RECORD NUMBER : 180-10068-10318
RECORD SERIES : STAFF PAYROLL RECORDS
AGENCY FILE NUMBER :

December 8, 1995
Status of Document: Postponed in Part
"""
RIF_AFN_EMPTY_THEN_DATE_2 = RIF_AFN_EMPTY_THEN_DATE.replace("180-10068-10318", "180-10071-10000")
RIF_AFN_DIGITS_LIKE_A_DATE = """RECORD SERIES: CIA SEGREGATED COLLECTION

AGENCY FILE NUMBER :

12-04-43

Document Information
"""


def test_a_written_out_date_under_an_empty_file_number_label_is_no_file_number():
    assert "December 8, 1995" not in _ids(RIF_AFN_EMPTY_THEN_DATE)
    assert "December 8, 1995" not in _ids(RIF_AFN_EMPTY_THEN_DATE_2)
    assert "180-10071-10000" in _ids(RIF_AFN_EMPTY_THEN_DATE_2)
    assert "12-04-43" in _ids(RIF_AFN_DIGITS_LIKE_A_DATE)


def test_from_and_to_whose_colon_was_misread():
    assert ("sender", "DIRECTOR") in _parties(FROM_COMMA)  # "FROM, DIRECTOR"
    assert ("sender", "Jerry G. Brown") in _parties(FROM_COMMA_COLON)  # "FROM, : Jerry G. Brown"
    assert ("sender", "TOBTASSEN") in _parties(FROM_EQUALS)  # "FROM = TOBTASSEN :"
    assert ("addressees", "DIRECTOR") in _parties(TO_PLUS)  # "TO + DIRECTOR"


def test_subject_comma_in_a_report_body_is_no_label():
    # 194-10005-10066: "SUBJECT, supplied the following information in substance:" is the person
    text = (
        "a\n16 (EMPLOYMENT) On 27 October 1958, Paul Wolfson, 2) Marlborough Road,\n"
        "Brooklyn, New York, former co-owner of Hilltop Lodge, a listed employment of\n\n"
        "SUBJECT, supplied the following information in substance:\n"
    )
    assert _values(header, text, "subject") == []


def test_token_shapes_that_are_not_ocr_noise():
    # verbatim tokens of other records: a job number (corpus jfk-applevision/2021__docid-32343790),
    # cryptonyms whose hyphen was lost (the same document, 104-10173-10170), a space lost before a
    # parenthesis (104-10179-10066)
    for tok in (
        "80T01357A",
        "80T01614R",
        "LIONION1",
        "AMRAZZ71",
        "AMWHIP21",
        "Five(FTALLO",
        "Project(KDFACTOR,",
    ):
        assert header._good_token(tok), tok
    # debris stays noise: "FROM = RE FBeag tack tor" (104-10533-10001), "FROM, (toPoLoriLE) 12 -11"
    # (corpus jfk-applevision/2021__docid-32412298)
    for tok in ("FBeag", "(toPoLoriLE)"):
        assert not header._good_token(tok), tok


# 104-10186-10063, 104-10186-10338, 104-10186-10192: information reports whose "DATE DISTR" label
# Tesseract read with a first letter O or b, a doubled T, or no "DI": the fallback took a later date
INFO_REPORT_OATE = (
    "COUNTRY Cuba - - a REPORT NO. CS CI-316/00709-65\n"
    'SUWECT Suat PEREZ (aiias "Raul") ~ OaTE OstTR, «12 February 1965\n'
    "\n"
    "NO. PAGES 1\n"
    "REFERENCES, eee ads .\n"
    "page\n"
    "8 July 1966 RETURNTO CIA\n"
)
INFO_REPORT_BATE = (
    "‘ Auapeeba Rerort NO. = CSC1-316/00559-65\n"
    "\n"
    "susect Fernando PASCUAL Perez bate oistR. «= 9 February 1965\n"
    '| (alias “Alejandro")\n'
    "NO. PAGES 1 “\n"
    "\n"
    "REFERENCES S-311/00115-64\n"
    "(page 7) 8 July 1964\n"
    "\n"
    "pag. 1964. CSCI-316/00270-64\n"
    "piacea Washington, D. C. 20 July 1964\n"
)
INFO_REPORT_STR = (
    "countayCuba - REPORT NO. = CLI-316/00627-65\n"
    "SUBJECT Raul GONZALEZ (alias 'Olexi\") DATE STR. = 10 February 1965\n"
    "(NO. PAGES 1 .\n"
    "is RETURN TO CIA | MFERENCES conti COLA seA\n"
    "ackground Use On teoraiy\n"
    "CATE OF sag - Do Not ered 8 July 1964)\n"
    "piace 4 Washington, D.C. ~ 5\n"
    "vate aca. January 1965 EIELD REPORT NOL\n"
)

# 124-10205-10110: FBI letterhead memorandum (FD-923), the date beside "In Reply, Please Refer to"
FBI_REPLY_CHICAGO = (
    "FD=923 (Rev. 11-29-61)\n"
    "\n"
    "FEDERAL pungadlor: INVESTIGATION\n"
    "\n"
    "Chicago, Illinois\n"
    "\n"
    "In Reply, Please Refer to January 20, 1969\n"
    "\n"
    "| the reliability is not possib\n"
)


def test_information_report_date_distr_misread_first_letter():
    assert _dates_by(dates, INFO_REPORT_OATE) == [("1965-02-12", "rule:date-distr")]
    assert _dates_by(dates, INFO_REPORT_BATE) == [("1965-02-09", "rule:date-distr")]
    assert _dates_by(dates, INFO_REPORT_STR) == [("1965-02-10", "rule:date-distr")]
    # a word of the same shape is no label ("Barest outline of a highly", 104-10118-10001)
    assert dates._DATE_DISTR_OCR.search("Barest outline of a highly 12 February 1965") is None


def test_fbi_letterhead_memo_date_beside_the_reply_box():
    assert ("1969-03-05", "rule:fbi-reply-line") in _dates_by(dates, FBI_ON)
    assert ("1969-01-20", "rule:fbi-reply-line") in _dates_by(dates, FBI_REPLY_CHICAGO)
    # the box followed by a place, not a date (194-10002-10213), gives none
    text = "In Reply, Please Refer to San Francisco, California\n\nFile No,\nSeptember 10,.1970\n"
    assert not any(m == "rule:fbi-reply-line" for _, m in _dates_by(dates, text))


# FBI airtels, teletypes and memoranda: the office's case file number after it, with the case status
# or debris, is no part of the party
AIRTEL_KANSAS_CITY = (  # 124-10338-10037
    "6/7/62\n\nAIRTEL AX MAIL\nWO: DIRECTOR, PBI (62-9-23)\nFROM: SAC, KANSAS CITY (82-659) (Pp)\n\n"
    "CRIMINAL INTELLIGENCE PROGRAY\n"
)
AIRTEL_BERN = (  # 124-10237-10009
    "AIRTEL Foe\né\n\nPO : Director, FBI (62-108060)\ni FROM: Legat, Bern (62-43) (RUC)\n\n"
    "ASSASSINATION OF PRESIDENT\n"
)
MEMO_AMPERSAND = (  # 124-90106-10197
    "= Memorandum\nTO: DIRECTOR, FBI &105-117222) DATE: September 30, 1965\n\nFROM: SAC, New Orleans\n"
)
TELETYPE_ATLANTA = (  # 124-10271-10035
    "13243 PM URGENT JULY 15, 1974 JXy\n“TO DIRECTOR\n\nWFO\n\nFROM = ATLANTA 139-NEW P\n\nLea (hie\n"
)


def test_fbi_file_number_after_the_office_is_no_part_of_the_party():
    assert _values(header, AIRTEL_KANSAS_CITY, "sender") == ["SAC, KANSAS CITY"]
    assert _values(header, AIRTEL_BERN, "sender") == ["Legat, Bern"]
    assert _values(header, MEMO_AMPERSAND, "addressees") == ["DIRECTOR, FBI"]
    assert _values(header, TELETYPE_ATLANTA, "sender") == ["ATLANTA"]
    # hyphens and numbers of other shapes stay
    assert header._clean_party("S/P - W. W. Rostow") == "S/P - W. W. Rostow"
    assert header._clean_party("Chief, WH/4-B") == "Chief, WH/4-B"


# 1990s CIA cables: the "FROM:" line is the dissemination list; the sender stands after TOT / STAFF
CABLE_1995_LIMIT = (  # 104-10326-10073
    "STAFF saaee\n\n"
    "TONF: BUR/PLANS INFO: EUDORECORD, EUR/CA, EUR/CGT, EUR/RIB, EUR/TECH,\n"
    "IMITO, MDSX, NR/OPSB, NR/ORG, OCC/CRG, OCC/RB, ODPD, FILE, DC/EURTNO (2/P)}\n\n"
    "ASR PAGE 001 y\nTOT: 2217362 AUG 95 DIRECTOR 415240 f\n\n——| 2217362 DIRECTOR 415240\n\n"
    "FROM: LIMIT EBUR/PLANS INFO EUR/CGT, EUR/CA, EUR/TECH, OCC/CRG,\nWR/OPSB, NR/ORG\n\n"
    "SLUGS: WNINTEL RYBAT FASTTRACK LPAVERT\n"
)
CABLE_1997_LIMITED_DISSEM = (  # 104-10326-10022
    "PAGE 001\nTOT: 3016102 SEP 97\n\nSTAFF 301610Z DIRECTOR 522218\nTO: PRIORITY\n\n"
    "FROM: LIMITED DISSEM CE/BOGYA INFO CE/BOGIS, CE/BOG, CED/CIC,\nDCCE/BA.\n\nSLUGS: WNINTEL RYBAT\n"
)


def test_cable_dissemination_line_is_no_sender():
    from declass.pipeline import extract_document

    for text in (CABLE_1995_LIMIT, CABLE_1997_LIMITED_DISSEM):
        assert _values(header, text, "sender") == []
        assert extract_document(Document.from_text(text)).sender.value == "DIRECTOR"
    # "FROM: LIMIT LA/MCGMXB" (104-10326-10086)
    assert header._bad_party("LIMIT LA/MCGMXB")
    assert not header._bad_party("Chief, LA Division")


# CIA information reports: the DATE DISTR box right of the subject's first line, the form's boxes and
# the "RETURN TO CIA" stamp below it
INFO_REPORT_CHAIN = (  # 104-10186-10303
    "SECRET\nNO _FORKIGN DISSEM\nCOUNTRY, Cuba, c REPORT NO. CS CI-3/781, 989\n"
    'SUBJECT. (fnu) CHAIN, pseudonym "Agusto"™ — DATE DISTR 26 June 1964 .\n'
    "NO, PAGES 4 .\nRETURN TO CIA\ner REFERENCES Background Use Only\npare oF ©1964 : Do Not Reproduce\n"
    "INFO, :\npiace & Washington, D.C.\nFIELD REPORT NO.\n"
)
INFO_REPORT_KHANH_HOA = (  # 176-10036-10078
    "COUNTRY = soUTH VIETNAM REPORT NO. TDCS=3/522, 229\n\n"
    "SUBJECT 1. OPPOSITION IN KHANH HOA PROVINCE TO ARMING DATE DISTR, 13 va\n\n"
    "MOUNTAIN. TRIBESMEN AND TO THE STRATEGIC\n\ni STATE/OIR|\n\nTELEGRAM\n"
)
# the stamp read into the line it overprints
MEMO_FOR_RETURN_STAMP = (  # 104-10096-10240
    ". hd |\nMEMORANDUM FOR: Acting Deputy Director for Operations RETURN TO CIA\n"
    "Pil : John H. Waller a Ome\n\nInspector General\n"
)
MFR_RETURN_STAMP = (  # 104-10308-10163
    "‘ ( SECRET . €\nRETURN TO CIA\nMEMORANDUM FOR THE RECORD Background Use Only\n\n: Do Not Reproduce\n"
    "SUBJECT: AMSANTA Project\n"
)


def test_information_report_subject_ends_before_the_date_distr_box():
    assert _values(header, INFO_REPORT_CHAIN, "subject") == ['(fnu) CHAIN, pseudonym "Agusto"™']
    assert not any("DISTR" in v for v in _values(header, INFO_REPORT_KHANH_HOA, "subject"))
    # "™" is a closing quote as Tesseract reads it, no noise ("M/V LEDA™" in 104-10104-10024)
    assert header._good_token('"Agusto"™')


def test_cia_return_stamp_is_no_part_of_the_party():
    assert _values(header, MEMO_FOR_RETURN_STAMP, "addressees") == ["Acting Deputy Director for Operations"]
    assert header._clean_party("THE RECORD Background Use Only") == "THE RECORD"
    assert _values(header, MFR_RETURN_STAMP, "addressees") == ["THE RECORD"]


# 1970s-90s CIA cables: the TOT (time of transmission) label as Tesseract reads it
CABLE_TOT_MIXED_CASE = (  # 104-10066-10260
    "i a ca te tg ede een itn cc\n78 0e2ago4 PAGE 001\nToT: 271847Z APR 78 WASHINGT 213077\n\nSECRET\n"
    "DEFERRED TELEPOUCH 2718467 WASHINGTON 213077\nTO:\n"
)
CABLE_TOT_MARGIN = (  # 104-10326-10086
    "ODPD, FILE, C/LA, (DC/LA (3/P)\n94 8655988 ASR : PAGE 001\nie TOT: 300324Z NOV 94 DIRECTOR 932873\n"
    "SECRET\nSTAFF 3003212 DIRECTOR 932873\nTo fa\n\nFROM: LIMIT LA/MCGMXB\n"
)


def test_cable_tot_label_misread():
    assert ("1978-04-27", "rule:cia-staff") in _dates_by(telegram, CABLE_TOT_MIXED_CASE)
    assert ("1994-11-30", "rule:cia-staff") in _dates_by(telegram, CABLE_TOT_MARGIN)
    # a word ending in "tot" in a sentence is no label
    assert _dates_by(telegram, "the total: 271847Z APR 78\n") == []


# incoming CIA cables of the 1970s-90s: classification, date-time group and STAFF on one line (the TOR
# line above is the time of receipt)
CABLE_INCOMING_MADRID = (  # 104-10127-10037
    "78 1077733 PAGE 001 IN 1077733\nTOR: 0314572 AUG 78 [MADR 40791\n"
    "POR RENE ORE REE ORE E EEE R RENE SRE EE EEO ENN EN MATTER TEEN mm\n"
    "SE CRE T 0313182 AUG 78 STAFF\nCITE (MADRID) 40791 2\nTO: IMMEDIATE DIRECTOR, MEXICO CITY.\n"
)
CABLE_INCOMING_MEXICO = (  # 104-10143-10098
    "78 0714681 PAGE 001 IN 0718681\nTOR: 181546Z MAY 78 NEXT 45116\n"
    "watt atten cern een tenn ne nenem meee nnn nnn cemememen eee SET\n"
    "SEC RE T 1814502 MAY 78 STAFF\n_ CLT€ MEXICO CITY 45116 (CHATDEZ acTING)\n"
)
CABLE_INCOMING_1998 = (  # 104-10326-10014
    "98 0651289 PAGE 001 IN 0651289\n251439Z FEB 98 22385\n“SE-E-R-E-£-251436Z FEB 98 STAFF\n"
    "CITE |22385\nTO: DIRECTOR, J\n"
)


def test_incoming_cable_date_time_group_before_staff():
    assert ("1978-08-03", "rule:cia-staff") in _dates_by(telegram, CABLE_INCOMING_MADRID)
    assert ("1978-05-18", "rule:cia-staff") in _dates_by(telegram, CABLE_INCOMING_MEXICO)
    assert ("1998-02-25", "rule:cia-staff") in _dates_by(telegram, CABLE_INCOMING_1998)
    # deep in a record (a later cable's head, 104-10273-10137 line 279) it is no document date
    far = "x\n" * 200 + "SECRET 2322202 JUN 76 STAFF\n"
    assert _dates_by(telegram, far) == []


# an information report's REFERENCES box holds a date alone on its line: the DATE DISTR box (its label
# misread or not) outranks that "dateline"
INFO_REPORT_REFERENCE_DATE = (  # 104-10186-10206
    "countay Cuba ReronT NO, CSCI-416/00596-65\n\n"
    "‘SUBJECT Paulino LNU, alias “Mauricio” Date OistR, | «5 February 1965\n"
    "ann Wy NO. PAGES 1\nsoe <0 REFERENCES = CS-311/00115-64 ~\n\n(page 7)\n8 July 1964\n\n"
    "pce & Washington, D.C.\n| DATE ACQ. January 1965 — FIELD REPORT NO.\n"
)


def test_date_distr_outranks_a_reference_date_alone_on_its_line():
    from declass.pipeline import extract_document

    record = extract_document(Document.from_text(INFO_REPORT_REFERENCE_DATE))
    assert record.document_date.value == "1965-02-05"
    # 104-10186-10338 (above): a place and a date on the line below its boxes, "20 July 1964"
    assert extract_document(Document.from_text(INFO_REPORT_BATE)).document_date.value == "1965-02-09"


# CIA cables: the citing station written "<NAME> CITY", or in the parentheses of a released withholding
CITE_PANAMA_CITY = (  # 104-10216-10012
    "TORS1515392 JAN 74 P .\nfe i a vy\nSECRET {515062 JAN 74 STAFF 9° »* mee f\n. - o\n"
    "CITE PANAMA CITY 27332 WA 9? ee\nv sy MN me.\n"
)
CITE_MADRID_PARENS = (  # 104-10127-10037
    "SE CRE T 0313182 AUG 78 STAFF\nCITE (MADRID) 40791 2\nTO: IMMEDIATE DIRECTOR, MEXICO CITY.\n"
)


def test_cable_cite_of_a_two_word_or_bracketed_station():
    assert _values(telegram, CITE_PANAMA_CITY, "sender") == ["PANAMA CITY"]
    assert _values(telegram, CITE_MADRID_PARENS, "sender") == ["MADRID"]
    # an index form's instruction is no cable cite (104-10079-10012)
    index_form = "A GREEN D. AND CITE THE REASON.\n2. TO MAKE CORRECT IONS/ADDITIONS:\n"
    assert _values(telegram, index_form, "sender") == []


# CIA dispatches: the date in the box block at the foot, beside the DISPATCH SYMBOL AND NUMBER label
DISPATCH_BOX_ABOVE = (  # 104-10021-10019
    "Jol 257 24S\n\n24 Jan 64\nONSPATCH SYMBOL AND NUMBER\nUFGA~13737\n\nHEADQUARI TERS FILE"
)
DISPATCH_BOX_CROSS_REF = (  # 104-10246-10041
    "2- Files\n\nee\n\nGROUP T\n\n‘CROSS REFERENCE TO DISPATCH SYMBOL AND NUMBER DATE\n\n"
    "HMMA-24922 10 December 1964\n\nCLASSIFICATION\n\nS BUR 2\n\nHOS FILE NUMBER"
)
DISPATCH_BOX_CROSS_REF_2 = (  # 104-10071-10101
    "1- Gaier! EUR w/att h/w\n\n{CROSS REFERENCE TO DISPATCH SYMBOL AND NUMBER DATE\n\n"
    "OCOA-13493 27 September 1968\n\nHOS FILE RUMBER"
)

DISPATCH_BOX_LABEL_LOST = (  # 104-10247-10070: the label lost, the symbol alone on its line
    "Distribution:\n\n3 - C/SaS w/atts.\nMOCs = H/W\nIDEN Sheet = usc\n\n& 15 Apr 64\n"
    "Femina AR Sint a CA\n: UFGA-15.436\n' (Tie Nie ggg TO oe\nierreeasie 201-307337"
)


def _dispatch_box_dates(text):
    doc = Document.from_text(text)
    return [c.value for c in dates.extract(doc) if c.method == "rule:dispatch-box"]


def test_dispatch_foot_box_date():
    assert _dispatch_box_dates(DISPATCH_BOX_ABOVE) == ["1964-01-24"]
    assert _dispatch_box_dates(DISPATCH_BOX_CROSS_REF) == ["1964-12-10"]
    assert _dispatch_box_dates(DISPATCH_BOX_CROSS_REF_2) == ["1968-09-27"]
    assert _dispatch_box_dates(DISPATCH_BOX_LABEL_LOST) == ["1964-04-15"]
    # a sentence's symbol and number is no box (104-10320-10058)
    sentence = (
        "document with the’ source symbol and number, XAAZ-17618,\n"
        "dated 19 May 1964, is also Warren Commission Document No.\n943"
    )
    assert _dispatch_box_dates(sentence) == []
    # the DATE TYPED box beyond the distribution (104-10229-10412: typed 15 Feb, dispatched 20 Feb)
    typed = (
        "19-124-25\n\n‘are TrPED.\n\n15 Feb 67\n\nDistribution:\n3 - WiI/COG\n\n"
        "ROSS REFERENCE 1 “OSPATCH SYMBOL AND HUMBER\n\nUFGA-26980"
    )
    assert _dispatch_box_dates(typed) == []


# the 2022 release banner as Tesseract cut or misread it right after RELEASE (verbatim first lines of
# 104-10019-10022, 104-10061-10207, 104-10166-10113, 104-10247-10089, 104-10180-10064, 104-10132-10293)
DAMAGED_BANNERS = [
    "\u2018Viod\u201cto048-10022, {2022 RELEASE UNI PRESIDENT dom F. KENNEDY ASSASSIN.\n",
    "\u2018od-tooei-10207, \u00a9 (2022 RELEASE UNDI\n",
    "104-10166-10113] [2022 RELEASE UI\n",
    "\u201804-10247-10088| | [2022 RELEASE UNDE EI\n",
    "(104-10180-10064|\n\n2022 RELEASE ENDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS"
    " oe OF 1992\n",
    '\u201c"fo4-10132-10293] I 2022 RELEASE UNDER THE ERESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS'
    " ACT Or 1902\n",
]


@pytest.mark.parametrize("banner", DAMAGED_BANNERS)
def test_a_damaged_release_banner_still_marks_the_release_and_its_year(banner):
    found = list(stamps.extract(Document.from_text(banner + "\nMEMORANDUM FOR THE RECORD\n")))
    assert any(c.field == "declassification.declassified" and c.value is True for c in found)
    assert [c.value for c in found if c.field == "declassification.review_dates"] == ["2022"]


def test_a_year_before_release_in_running_text_is_no_banner():
    text = "The 1998 release under the Act covered it.\nIn 1978 Release UNDER review.\n"
    found = list(stamps.extract(Document.from_text(text)))
    assert not [c for c in found if c.field == "declassification.review_dates"]


# NSA's release line, verbatim from 144-10001-10143 (twice, once broken over lines) and 144-10001-10303
NSA_RELEASE_LINES = [
    ("Released on 03-25-2022 under the John F. Kennedy Assassination Records Act of 1992\n", "2022-03-25"),
    ("Released on 03-25-2022 under\nthe John F. Kennedy\n", "2022-03-25"),
    ("Released on 08-12-2022 under the John F. Kenned\n", "2022-08-12"),
]


@pytest.mark.parametrize(("line", "date"), NSA_RELEASE_LINES)
def test_nsa_released_on_line_marks_the_release_and_its_date(line, date):
    found = list(stamps.extract(Document.from_text("DOCID: 4229487\n" + line)))
    assert any(c.field == "declassification.declassified" and c.value is True for c in found)
    assert [c.value for c in found if c.field == "declassification.review_dates"] == [date]


# the RIF's FROM label damaged by the scan: "FRO! TAYLOR, GARY." (180-10096-10399), "FRO! DEPUTY DIRECTOR
# FOR PLANS" (124-10282-10362), "FROH : LAO" (144-10001-10229); the catalogue has the same From Name
RIF_FRO_BANG = """JFK Assassination System Date: 10/14/20

Identification Form
Ageney Information
AGENCY: HSCA
RECORD NUMBER: — 180-10096-10399 us
kscassination Records Collection Act of
RECORD SERIES: NUMBERED FILES. 962 (44 USC 2107 Note], Cavett Nw

AGENCY FILENUMBER: 009532

Document Information

ORIGINATOR: HSCA
FRO! TAYLOR, GARY.
TO:

TITLE:

DATE: 06/11/1978
PAGES: 9
"""
RIF_FRO_BANG_2 = """JFK Assassination System
Identification Form

Date:

5/4/2015

Agency Information

AGENCY: FBI
RECORD NUMBER: — 124-10282-10362
RECORD SERIES: HQ
AGENCY FILENUMBER: — 100-339235-242
Document Information
ORIGINATOR: CIA
FRO! DEPUTY DIRECTOR FOR PLANS
TO: DIRECTOR, FBI
TITLE:
DATE: 03/08/1966
"""
RIF_FROH = """AGENCY : NSA
RECORD NUMBER : 144-10001-10229
RECORDS SERIES :

AGENCY FILE NUMBER :

DOCUMENT INFORMATION

ORIGINATOR : NSA
FROH : LAO

TITLE :
MTG W/CONGRESSIONAL COMMITTEE ON DISCLOSURE OF JFK RECORDS
DATE : 04/27/92
PAGES : 1
"""


def test_rif_from_label_damaged():
    assert _values(rif, RIF_FRO_BANG, "sender") == ["TAYLOR, GARY."]
    assert _values(rif, RIF_FRO_BANG_2, "sender") == ["DEPUTY DIRECTOR FOR PLANS"]
    assert _values(rif, RIF_FRO_BANG_2, "addressees") == ["DIRECTOR, FBI"]
    assert _values(rif, RIF_FROH, "sender") == ["LAO"]
    # "FROM" followed by a word and no separator stays no label ("FROM Aza 44 USC 2107(5)(g)(2)(D)(i)")
    assert rif._match_label("FROM Aza 44 USC 2107(5)(g)(2)(D)(i)") is None
    assert rif._match_label("FRONT PAGE: X") is None


# CIA cable address line: the action addressee first, after the precedence or before INFO / CITE
# (104-10097-10302, 104-10217-10091, 104-10408-10381: the catalogue's To Name is DIRECTOR)
CABLE_DIR_CITE = (
    "AcnGHs gag & .(SAS NOTIFIED AND COPY sLonrep ATs 1215 19 NOV Lea)\n"
    "770 + ppp, aor, Cl, C1/ors, FI, EEL4, WHT, WR\n"
    "\n"
    "IMMEDIATE DIR CITE HEXI 6948\n"
    "be\n"
    "TYPIC/ BEDOK\n"
)
CABLE_DIR_INFO = "\n000000\n\nSECRET 2121212\nPRIORITY DIRECTOR INFO KADRID\n\n“al\n"
CABLE_DIR_NO_PREC = (
    "SECRET 1329372\n\nDIR INFO LOND CITE (SToc asec ag sroPcip i 631N77644\n\nRYBAT GPFLOOR\n"
)
# a margin letter before it (104-10227-10054), CITE misread (104-10418-10338)
CABLE_DIR_MARGIN = "ELLE)\n\nY  PRITY, DIR CITE WAVE 7162\nINTEL TYPIC .\n"
CABLE_DIR_GETE = "\nS-HuGoRE-T 28/12322\nPRIORITY DIR GETE-STOC-4314\n\n"
# 104-10226-10057 (BELL to JMWAVE): a bare DIRECTOR box is no address line
CABLE_BARE_DIRECTOR = '\ney = aa\n\n\nDIRECTOR\n\n: os : "NFO. oe “ere om ~~ 0562\n'


def _cable_address(text):
    doc = Document.from_text(text)
    return [c.value for c in telegram.extract(doc) if c.method == "rule:cia-address"]


def test_cia_cable_address_line_names_headquarters():
    assert _cable_address(CABLE_DIR_CITE) == ["DIRECTOR"]
    assert _cable_address(CABLE_DIR_INFO) == ["DIRECTOR"]
    assert _cable_address(CABLE_DIR_NO_PREC) == ["DIRECTOR"]
    assert _cable_address(CABLE_DIR_MARGIN) == ["DIRECTOR"]
    assert _cable_address(CABLE_DIR_GETE) == ["DIRECTOR"]
    assert _cable_address(CABLE_BARE_DIRECTOR) == []
    # a sentence that mentions the director is no address line
    assert _cable_address("THE DIRECTOR INFORMED THE STATION\nPRIORITY DIRECTORATE MATTERS\n") == []


# DIR with one letter misread on the address line, right before INFO / CITE: pdf/104-10075-10225 (a line
# OCR added to the scan's text layer), catalogued 104-10276-10244 (To Name DIRECTOR),
# jfk-tesseract/2022__104-10192-10254 (gold addressee DIRECTOR)
CABLE_DIP_CITE = (
    "| 2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 |\n"
    "bi secrer TT] 38\nDIP. cms. WAVE 8295 aoe : 7 bj | Ll i\na aN SECRET ac ae\n"
    "DIP. CITE WAVE 8295) 2 0 Te . & gy. | Ll :\n"
)
CABLE_CIR_INFO = "\n. CIR INFO WAVE CITE MEXI.2994 COUSLER ACTIN@\n\nPBRUMEN\n"
CABLE_OIR_INFO = "\nOIR INFO LANT WAVE ‘CARA cite u\n"


def test_cia_cable_address_line_dir_misread():
    for text in (CABLE_DIP_CITE, CABLE_CIR_INFO, CABLE_OIR_INFO):
        doc = Document.from_text(text)
        (c,) = [c for c in telegram.extract(doc) if c.method == "rule:cia-address"]
        assert c.value == "DIRECTOR" and c.confidence < 0.8, text
        assert text[c.start : c.end] in ("DIP", "CIR", "OIR")
    # the misreading alone, or before other words, is no address line
    assert _cable_address("\nDIP. 8295\nOIR WAVE CITE\nTHE CIR INFO\n") == []


# "CITE DIR" read "CITE OR" / "CTE OR" on an outgoing cable's later page (104-10100-10225, 104-10234-10012,
# 104-10290-10090: the catalogue's From Name is DIRECTOR)
CITE_OR_INFO = "CONF:\n\nINFO : -2-\n\n1 : INFO CITE OR Ts of 3\n\neS\n"
CITE_OR_FO = (
    '\nSECOND PAGE\n\nFO CITE OR SLIY?7 “come\nB, POSTERS REFERRED TO IN REF B WITH SLOGANS "OUT WITH F Ag\n'
)
CITE_OR_CTE = "\n+ GLINDEC\n\nCTE OR\n\n: =peon FOUR\n"


def test_cable_cite_dir_misread_as_or():
    for text in (CITE_OR_INFO, CITE_OR_FO, CITE_OR_CTE):
        assert _values(telegram, text, "sender") == ["DIRECTOR"], text
    # "cite or quote" in a sentence is no cite line
    assert _values(telegram, "THE STATION MAY CITE OR QUOTE THE REPORT\n", "sender") == []
    # a cite line read whole still gives its station
    assert _values(telegram, "PRIORITY DIR INFO WAVE CITE HELS 1463\n", "sender") == ["HELS"]


# the information report form's SUBJECT box without a colon, its DATE DISTR box misread to its right,
# under the form's COUNTRY / REPORT NO. line: 104-10186-10192 ("DATE STR."), 104-10186-10254
# ("SUBJECT." after margin debris), 177-10001-10061 (an all-caps subject continued on two lines)
FORM_DATE_STR = (
    "NO FOREIGN DISSEM :\n"
    "countayCuba - REPORT NO. = CLI-316/00627-65\n"
    "SUBJECT Raul GONZALEZ (alias 'Olexi\") DATE STR. = 10 February 1965\n"
    "(NO. PAGES 1 .\n"
)
FORM_SUBJECT_DOT = (
    "NO FOREIGN DISSEM J 1\n"
    "\n"
    'COUNTRY Cuba *" RePORTNO. = CSCI. 3316/01203-64\n'
    "£ - SUBJECT. Ovidio SAMA Viamonte DATE DISTR.’ 15 September 1964\n"
    "NO. PAGES 2 xe\n"
)
FORM_CONTINUED = (
    "COUNTRY CUBA\n"
    "\n"
    "SUBJECT ALERT STATUS OF CUBAN DIPLOMATIC Date Dist, 13 DECEMBER 1963\n"
    "MISSIONS, AS RESULT OF THE ASSAS-\n"
    "SINATION OF PRESIDENT KENNEDY Precepence ROUTINE\n"
    "\n"
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (FORM_DATE_STR, "Raul GONZALEZ (alias 'Olexi\")"),
        (FORM_SUBJECT_DOT, "Ovidio SAMA Viamonte"),
        (
            FORM_CONTINUED,
            "ALERT STATUS OF CUBAN DIPLOMATIC MISSIONS, AS RESULT OF THE ASSASSINATION OF PRESIDENT KENNEDY",
        ),
    ],
)
def test_info_report_form_subject_box(text, want):
    assert _values(telegram, text, "subject") == [want]


def test_info_report_form_subject_needs_the_country_line():
    # the same line without the form's COUNTRY / REPORT NO. line above it is not read
    text = FORM_DATE_STR.replace("countayCuba - REPORT NO. = CLI-316/00627-65\n", "Some other line\n")
    assert _values(telegram, text, "subject") == []


# the CIA's later cable form: its SUBJECT line a few lines under the FROM or SLUGS line (104-10066-10260,
# a 1978 telepouch; 104-10326-10013, a 1990s cable whose subject continues on the next line)
CABLE_FORM_FROM = (
    "FROM: E/BNL INFO EUR/A, SA/DO/0, DC/E/NW\n"
    "\n"
    "SUBJECT: WNINTEL NIFLAIR NIGALE © FLEMISH ORDER OF MILITANTS\n"
    "\n"
    "1. THE HOUSE ‘SELECT COMMITTEE ON ASSASSINATIONS, IN CONNECTION\n"
)
CABLE_FORM_SLUGS = (
    "SLUGS: WNINTEL JYVAPOROUS ZI é\n"
    "\n"
    "et ee ee\n"
    "\n"
    "*SUBJECT: BKGB ACCESS SUPPORT TO USG<ASSASSINATION>RECORD REVIEW\n"
    "BOARD\n"
    "\n"
    "REF: NONE.\n"
    "\n"
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (CABLE_FORM_FROM, "WNINTEL NIFLAIR NIGALE © FLEMISH ORDER OF MILITANTS"),
        (CABLE_FORM_SLUGS, "BKGB ACCESS SUPPORT TO USG ASSASSINATION RECORD REVIEW BOARD"),
    ],
)
def test_cable_form_subject_line(text, want):
    assert _values(telegram, text, "subject") == [want]


def test_cable_form_subject_needs_the_from_or_slugs_line():
    text = CABLE_FORM_FROM.replace("FROM: E/BNL INFO EUR/A, SA/DO/0, DC/E/NW\n", "Some other line\n")
    assert _values(telegram, text, "subject") == []


# a memorandum under a form the header reader does not read past: its MEMORANDUM FOR line and the SUBJECT
# line below it (the heads of 104-10306-10027, a cover sheet then a memorandum for the record, and of
# 104-10175-10164, a document transfer form then a memorandum; 104-10534-10098 below a routing sheet)
MEMO_BELOW_MFR = (
    "W04~ 10306- 1007 e}2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n"
    "\n"
    ": SECRET\n"
    "‘QEICLASSIFIED FACSIMILE TRANSMITTAL FORM\n"
    "\n"
    "SENDING TELEPHONE NUMBER: te DATE: 7 17 Z G, P\n"
    "\n"
    "RECEIVING TELEPHONE\n"
    "NUMBER as PAGES:\n"
    "\n"
    "SUBJECT:\n"
    "\n"
    "TO: (ADDRESSEE / ORG. Semi Hai / OFFICE / EXTENSION )\n"
    "\n"
    "SPECIAL INSTRUCTIONS: fee le CL\n"
    "RELEASING OFFICIAL: We id TTT th\n"
    "\n"
    "(PRINTED y NAM a oh (SIGNATURE)\n"
    "\n"
    "evweneesnacanananccncoweresanann: monane\n"
    "\n"
    "newersennnannneenyessansarnneenvsssencnsessoenema>\n"
    "\n"
    "Please enter time of receipt/signature and transmit back to sending station.\n"
    "\n"
    "DATE / TIME: SIGNATURE:\n"
    "\n"
    "eaeceessdanansnenerevssnnannasees\n"
    "\n"
    "FORM\n"
    "10-93 4383\n"
    "\n"
    "\n"
    "13-00000 :\n"
    "|.) SEP 17 198 28:13AM ; P.2\n"
    "\n"
    "SECRET NOFORN SENSITIVE\n"
    "\n"
    "11 May 1992\n"
    "\n"
    "MEMORANDUM FOR RECORD\n"
    "\n"
    "SUBJECT: DCI Staff Meeting, 11 May 1992 (U)\n"
    "t\n"
    "\n"
)
MEMO_BELOW_TRANSFER = (
    "(104-10175-10164) . [2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY "
    "ASSASSINATION RECORDS ACT OF 1992\n"
    "\n"
    "Ot ont CO CONFIPSHTIAL\n"
    "ROUTING AND RECORD SHEET\n"
    "\n"
    "2] SNCLASSIFIED\n"
    "\n"
    "Chief, WH/PO/A at\n"
    "ey 30 January 1962\n"
    "fA ef eater bai onpetes | comnts (ber sah commen! te sw tram wom\n"
    "waeee [rome] AH | Bem On ete et sear str Com\n"
    '" ae & ro\n'
    "WH/h, bad ) 2.\n"
    "{Gack valien| ‘O03 Bi , SS\n"
    "—}+— : Ds\n"
    "2 be S\n"
    "Ye doy\n"
    "ca\n"
    "\n"
    "Ghiet, Whe Poy: pon fC ivy 1 Srp ey\n"
    "\n"
    '"ch, FE\n'
    "\n"
    "N\n"
    "<\n"
    "\\\n"
    "KR\n"
    "&\n"
    "wi\n"
    "\n"
    "por- 27 eR\n"
    "{e. 610 “iSS* EZ secReT ©) CONFIDENTIAL «= [[){iATERNAL C1 UNCLASSIFIED\n"
    "u USE ONLY .\n"
    "\n"
    "21K\n"
    "\n"
    "\n"
    "\n"
    "a ARIA Abe CENA ELIE LODE TUE\n"
    "\n"
    "MEMORANDUM FOR THE RECORD\n"
    "SUBJECT: AMUPAS-1\n"
    "\n"
    "1. Qn Friday, 26 January 1962, Jane Roman (CI Staff Liaison\n"
)
MEMO_BELOW_ROUTING = (
    "‘Vfoa- 10634-10098) 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY "
    "ASSASSINATION RECORDS ACT OF 1992)\n"
    "\n"
    "Hat (1 CONFIDENTIAL C1 secret\n"
    "\n"
    "ROUTING AND RECORD SHEET\n"
    "\n"
    "SUBJECT: (Optional)\n"
    "TRANSMITTAL OF OTS FILES TO OLC\n"
    "\n"
    "FROM: OFFICE OF TECHNICAL SERVICE Gaeta\n"
    "OTS/MPS\n"
    "222 South Building DATE\n"
    "\n"
    "26 June. 1978\n"
    "\n"
    ")s i gnatic rand\n"
    "rug bs ted et nie OFFICER'S | COMMENTS (Number ecch comment to show from whom\n"
    "INITIALS | to whom. Drow a fine across coluinn after each comment.)\n"
    "\n"
    "1. MR. HAROLD P, CLARK\n"
    "SA/DDS&T\n"
    "6-E-46 HOS\n"
    "\n"
    "2. Declassified and\n"
    "byt the Cental nt Approved for Release\n"
    "\n"
    "elligence Agency\n"
    "> iiR,_S_A, DIMASSINO/ 7\n"
    "\n"
    "DDS&T/RMO\n"
    "\n"
    "6-E-45 HQS\n"
    "\n"
    "4\n"
    "\n"
    "MR. RODGER GABRIELSONW\n"
    "OLC\n"
    "6-D-5317 HQS\n"
    "\n"
    "610 “irene (J secreT [] CONFIDENTIAL JS INTERNAL «= ]_UNCLASSIFIED\n"
    "\n"
    "\n"
    "ADMINISTRATIVE - INTERNAL USE ONLY\n"
    "\n"
    "26 June 1978\n"
    "\n"
    "MEMORANDUM FOR: Office of Legislative Counsel\n"
    "ATTENTION : Rodger S. Gabrielson\n"
    "\n"
    "SUBJECT : Transmittal of OTS Files for Permanent\n"
    "Retention by OLC\n"
    "\n"
    "During the recent records review conducted by the\n"
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (MEMO_BELOW_MFR, "DCI Staff Meeting, 11 May 1992"),
        (MEMO_BELOW_TRANSFER, "AMUPAS-1"),
        (MEMO_BELOW_ROUTING, "Transmittal of OTS Files for Permanent Retention by OLC"),
    ],
)
def test_memo_subject_below_a_form(text, want):
    assert _values(header, text, "subject") == [want]


def test_memo_subject_below_needs_the_memorandum_line():
    text = MEMO_BELOW_MFR.replace("MEMORANDUM FOR RECORD", "Some other line")
    assert _values(header, text, "subject") == []


# -- round 6 of the catalogue comparison

# 180-10068-10318: an ARRB Final Determination Notification above the RIF, its agency labels only
ARRB_NOTICE_PAYROLL = (
    "ao ennedy Assassination\n"
    "| o 7 ecards Collection Act of\n"
    "| == 992 [44 USC 2107 Note).\n"
    "\n"
    "Assassination Records Review Board\n"
    "Final Determination Notification\n"
    "\n"
    "AGENCY : HSCA\n"
    "RECORD NUMBER : 180-10068-10318\n"
    "RECORD SERIES : STAFF PAYROLL RECORDS\n"
    "AGENCY FILE NUMBER :\n"
    "\n"
    "December 8, 1995\n"
    "Status of Document: Postponed in Part\n"
    "\n"
    "Number of releases of previously postponed information: 5\n"
    "\n"
    "Reason for Board Action: The Review Board's decision was premised on several factors\n"
    "including: (a) the significant historical interest in the document in question; (b) the\n"
    "absence of evidence that the release of the information would cause harm to the United\n"
    "States or to any individual.\n"
    "\n"
    "Number of Postponements: 2\n"
    "\n"
    "Postponements: All the postponements in this document represent Social Security numbers.\n"
    "\n"
    "| Reason for Board Action: The text is redacted because the public disclosure of the redaction could\n"
    "reasonably be expected to constitute an unwarranted invasion of personal privacy"
    ", and that invasion of\n"
    "privacy would be so substantial that it outweighs the public interest.\n"
    "\n"
    "Substitute Language: SSN\n"
    "\n"
    "Date of Next Review: 2017\n"
    "\n"
    "Board Review Completed: 10/24/95\n"
    "\n"
    "| ‘Nw 68261\n"
    "| Docld:32243284 Page 1\n"
    "\n"
    "\n"
    "OG Date: 08/20/93\n"
    "~ Page:1\n"
    "JFK ASSASSINATION SYSTEM\n"
    "\n"
    "IDENTIFICATION FORM\n"
    "\n"
    "AGENCY INFORMATION\n"
    "\n"
    "HSCA\n"
    "180-10068-10318\n"
    "\n"
    "AGENCY\n"
    "RECORD NUMBER\n"
    "\n"
    "RECORDS SERIES :\n"
    "STAFF PAYROLL RECORDS\n"
    "\n"
    "AGENCY FILE NUMBER :\n"
    "\n"
    "DOCUMENT INFORMATION\n"
    "ORIGINATOR HSCA\n"
    "FROM\n"
    "TO\n"
    "\n"
    "TITLE\n"
    "\n"
    "DATE : 08/15/77\n"
    "PAGES : 5\n"
    "\n"
    "SUBJECTS :\n"
    "HSCA, ADMINISTRATION\n"
    "BROWN, WILLIAM\n"
    "\n"
    "DOCUMENT TYPE : PRINTED FORM\n"
    "CLASSIFICATION : U\n"
    "RESTRICTIONS : 3\n"
    "CURRENT STATUS : P\n"
    "DATE OF LAST REVIEW : 07/07/93\n"
    "\n"
    "OPENING CRITERIA :\n"
)

# 180-10070-10153: the same notification, the RIF labels then values
ARRB_NOTICE_PAYROLL_2 = (
    "Assassination Records Review Board\n"
    "Final Determination Notification\n"
    "\n"
    "AGENCY : HSCA\n"
    "\n"
    "RECORD NUMBER : 180-10070-10153 ennedy Assassination\n"
    "RECORD SERIES : STAFF PAYROLL RECORDS ecards Collection Act of\n"
    "AGENCY FILE NUMBER : 992 (44 USC 2107 Note]\n"
    "\n"
    "December 8, 1995\n"
    "Status of Document: Postponed in Part\n"
    "\n"
    "Number of releases of previously postponed information: 7\n"
    "\n"
    "Reason for Board Action: The Review Board's decision was premised on several factors\n"
    "including: (a) the significant historical interest in the document in question; (b) the\n"
    "absence of evidence that the release of the information would cause harm to the United\n"
    "States or to any individual.\n"
    "\n"
    "Number of Postponements: 5\n"
    "\n"
    "Postponements: All the postponements in this document represent Social Security numbers.\n"
    "\n"
    "Reason for Board Action: The text is redacted because the public disclosure of the redaction could\n"
    "reasonably be expected to constitute an unwarranted invasion of personal privacy"
    ", and that invasion of\n"
    "privacy would be so substantial that it outweighs the public interest.\n"
    "\n"
    "Substitute Language: SSN\n"
    "\n"
    "Date of Next Review: 2017\n"
    "\n"
    "|\n"
    "|\n"
    "\n"
    "Board Review Completed: 10/24/95\n"
    "\n"
    "NW 68261\n"
    "Docld:32244095 Page 1\n"
    "\n"
    "\n"
    "c : Date: 08/20/93\n"
    "Page:1\n"
    "\n"
    "JFK ASSASSINATION SYSTEM\n"
    "\n"
    "IDENTIFICATION FORM\n"
    "\n"
    "AGENCY INFORMATION\n"
    "\n"
    "AGENCY\n"
    "RECORD NUMBER\n"
    "\n"
    "HSCA\n"
    "180-10070-10153\n"
    "\n"
    "RECORDS SERIES :\n"
    "STAFF PAYROLL RECORDS\n"
    "\n"
    "AGENCY FILE NUMBER :\n"
    "\n"
    "ORIGINATOR :\n"
    "FROM :\n"
    "TO :\n"
    "\n"
    "TITLE :\n"
    "\n"
    "DATE : 05/23/77\n"
    "\n"
    "PAGES : 7\n"
    "SUBJECTS :\n"
    "\n"
    "HSCA; ADMINISTRATION\n"
    "\n"
    "SCHULTZ, NANCY P.\n"
    "\n"
    "DOCUMENT TYPE PRINTED FORM\n"
    "\n"
    "| CLASSIFICATION : U\n"
    "RESTRICTIONS : 3\n"
    "CURRENT STATUS : P\n"
    "\n"
    "DATE OF LAST REVIEW : 07/16/93\n"
)

# 104-10172-10333: routing and record sheet, the microfilm stamp its only date (catalogued 1957-04-12)
MICROFILM_ROUTING = (
    "e ROUTING AND RECORD SHEET /1221 02419 B71\n"
    'INSTHUCTIONS: Te siovt deutetsan tite "TO" even Meade owh commen! t comerant wit'
    " Oe gimbal om the “TO stone\n"
    "| i nceets GaP Tears howe Snake De ouceed ovo ontace ATCOED actgt TS “ah Sewer tee init\n"
    "pa [FROM: Gacouent =r aLonng,\n"
    "AN cocuwent bare =\n"
    "at FOF\n"
    "oy 7 ROOM DATE ormreny on\n"
    "f NO. [arceven jronweseee! ITS COMMENTS\n"
    "\n"
    "WEP T0561 Yan. {>\n"
    "\n"
    "|\n"
    "\n"
    "NYA He\n"
    "\n"
    "NOTE: It 0 copy ce amectmests ate tomored from the oh\n"
    "tached document, neve the Jocatioa of the copy and/ot attache\n"
    "ment hereoa. It this RECOSD COPY ts to be retatned ta\n"
    "the Mes at the Deak, call the Coated Ue Section, for pet\n"
    "eusont Joan,\n"
    "\n"
    "OY:\n"
    "\n"
    "ty\n"
    "\n"
    "Oat Le CE. He\n"
    "\n"
    "Fee\n"
    "\n"
    "6 ; -f- ii b MICROFILMED\n"
    "7 BV i fy de i AUG 27 1959\n"
    "| | DOC. MICRO. SER.\n"
    'Or "\n'
    "[SR Rep! S| yea] ps\n"
    "= GOLUD Gargery Ye.\n"
)

# 104-10169-10332: record sheet, the stamp misread "MCROFLEED" (catalogued 1961-04-01)
MICROFILM_RECORD_SHEET = (
    "RECCRD SHEET.\n"
    "\n"
    ".~)\n"
    ": Peon to Fite ae Wer sétion saanen_—___—]\n"
    "oo “ 7 —- .\n"
    "ii Detaca back | Te eit no. and title shown are not\n"
    "i 7 froper, insert proper file no. below\n"
    "ee moserocticatrsuators and forward document to RID/AN. a\n"
    "ing preservatzoa.\n"
    "FRGFER TENS i\n"
    ". a\n"
    "‘TO: ALL _ADDRESSEES © Pi,\n"
    "a x apeasPayte Cd\n"
    "Se Sol Ry\n"
    "Pal Uae 4\n"
    ". Proce Oy,\n"
    "MCROFLEED Lica V :\n"
    "pal .\n"
    "\n"
    "JUN 19 1961 |\n"
    "te MENT BiCRGFiLRY SERVICE onto\n"
    "ane TEM a) LZ a _\n"
    "pet | tas he Z calle 8%\n"
    "\n"
)


@pytest.mark.parametrize(
    "text, want",
    [(ARRB_NOTICE_PAYROLL, "1977-08-15"), (ARRB_NOTICE_PAYROLL_2, "1977-05-23")],
)
def test_rif_below_an_arrb_notification(text, want):
    # the notification's AGENCY / RECORD NUMBER / RECORD SERIES labels are no form: the RIF below is read
    assert _values(rif, text, "document_date") == [want]
    assert _values(rif, text, "declassification.review_dates") in (["1993-07-07"], ["1993-07-16"])


def test_rif_notification_alone_is_still_read_as_before():
    # without the form below, the notification's labels are all there is (no date: none is labelled)
    notice = ARRB_NOTICE_PAYROLL[: ARRB_NOTICE_PAYROLL.index("OG Date")]
    assert _values(rif, notice, "document_date") == []


@pytest.mark.parametrize("text", [MICROFILM_ROUTING, MICROFILM_RECORD_SHEET])
def test_microfilm_stamp_date_is_no_dateline(text):
    assert _values(dates, text, "document_date") == []


@pytest.mark.parametrize(
    "text, stamp, want",
    [
        (MICROFILM_ROUTING, "MICROFILMED", "1959-08-27"),
        (MICROFILM_RECORD_SHEET, "MCROFLEED", "1961-06-19"),
    ],
)
def test_microfilm_stamp_words_are_what_skip_the_date(text, stamp, want):
    # the stamp's words gone (and the MICRO. SER. / FILM SERVICE line), its date reads as a dateline again
    bare = text.replace(stamp, "").replace("DOC. MICRO. SER.", "").replace("BiCRGFiLRY SERVICE", "")
    assert _values(dates, bare, "document_date") == [want]


# 104-10219-10176: the dateline right below the JFK Act release banner
BANNER_DATELINE = (
    "104-10219-10176 [2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n"
    "\n"
    "8 April 1977 i\n"
    "\n"
    "MEMORANDUM FOR: Special Assistant to DDO for\n"
    "External Oversight\n"
    "\n"
    "FROM : Jackson R. Horton :\n"
    "Chief, Domestic Collection Division H\n"
    "SUBJECT : Joseph Raymond Merola\n"
)

# 104-10239-10031: the same, "February" misread "vebruary"
BANNER_DATELINE_2 = (
    "10239-10034\n"
    "\n"
    "2lpy\n"
    "\n"
    "{2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992 |\n"
    "\n"
    "26 vebruary 1965\n"
    "\n"
    "WH/C £65-84\n"
    "\n"
    "UN=2476 : :\n"
    "MEMOFANDUM FOR: Chief, EE/M :\n"
)


@pytest.mark.parametrize("text, want", [(BANNER_DATELINE, "1977-04-08"), (BANNER_DATELINE_2, "1965-02-26")])
def test_dateline_below_the_jfk_release_banner(text, want):
    # the banner holds no date that could run on to the next line: the dateline below it is read
    assert _values(dates, text, "document_date") == [want]


def test_a_review_stamp_date_on_the_next_line_is_still_skipped():
    text = "RELEASED BY CIA\n12 March 2018\n\nno dateline here\n"
    assert _values(dates, text, "document_date") == []


# 180-10141-10238: the routing slip above (ADORESS_RIF_SLIP), then the memorandum, its reference number
# above its date
ROUTING_THEN_MEMO = ADORESS_RIF_SLIP + (
    "Foam, 0. 237 Use previous editions\n"
    "\n"
    "(40)\n"
    "\n"
    ", 14-0 23&\n"
    "\n"
    "\n"
    "As PER ade cobleesa Ton),\n"
    "\n"
    "241\n"
    "\n"
    "REPLACES FORM 36-8\n"
    "WHICH MAY BE USED.\n"
    "\n"
    "\n"
    "\n"
    "Bovs,\n"
    "\n"
    ";  badaw\n"
    "\n"
    "‘ : X 1239\n"
    "2d 39\n"
    "Ci [exo\n"
    "\n"
    "OLC 78-1065/42\n"
    "12 June 1978\n"
    "\n"
    "MEMORANDUM FOR: Mr. Shepanek\n"
    "\n"
    "O/SA/DO/O\n"
    "FROM : Mr. Rodger S. Gabrielson\n"
    "OLC/C&R\n"
    "SUBJECT :. Sanitization of HSCA Researcher Notes\n"
    "\n"
)

# 104-10096-10115: a routing and record sheet (its DATE box the day it was routed), then the memo
RECORD_SHEET_THEN_MEMO = (
    '*"104-10096-10118) ‘7 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINA'
    "TION RECORDS ACT OF 1992 }\n"
    "Sree INTERNAL : :\n"
    "LS CUNCLASSIFIED —— [[] ANTERNAL C1_conpnentiat i] SECRET\n"
    ": : ROUTING, AND RECORD SHEET :\n"
    "\n"
    "‘SUBJECT: Oriol\n"
    "‘oldow-up to SLHORIZON-1 Report Mentioning Cuban Minister-Counselor Statement\n"
    "on the Assassination of President Kennedy\n"
    "EXTENSION | NO.\n"
    "Raymond A, Warren LA/COG/257-77\n"
    "Chief, Latin America Division 1431 DATE\n"
    "3C2019 Has. 1 November 1977\n"
    "\n"
    "TO: (Officer designation, room number, and\n"
    "\n"
    "COMMENTS (Number each comment to, show from whom\n"
    "Draw a line across column after each comment.)\n"
    "\n"
    ". ol\n"
    "& The Inspector General\n"
    "2E24\n"
    "\n"
    'fom 610 "ERE" Gx] SECRET [] CONFIDENTIAL [7] INTERNAL =~] UNCLASSIFIED\n'
    "\n"
    "\n"
    "\n"
    "LA/COG/257-77\n"
    "3 NOV 1977\n"
    "\n"
    "MEMORANDUM FOR: The Inspector General\n"
    "\n"
    "ATTENT TON : Scott Breckinridge\n"
    "VIA : SA/ADDO\n"
    "FROM : Raymond A, Warren\n"
)


def _memo_for(text):
    doc = Document.from_text(text)
    return [c.value for c in dates.extract(doc) if c.method == "rule:memo-for-dateline"]


@pytest.mark.parametrize(
    "text, want", [(ROUTING_THEN_MEMO, "1978-06-12"), (RECORD_SHEET_THEN_MEMO, "1977-11-03")]
)
def test_dateline_above_memorandum_for_below_a_routing_sheet(text, want):
    assert _memo_for(text) == [want]
    # through the pipeline too: above the routing sheet's DATE box read as a fallback dateline
    assert extract_document(Document.from_text(text)).document_date.value == want


def test_dateline_above_memorandum_for_needs_the_date_alone_on_its_line():
    text = RECORD_SHEET_THEN_MEMO.replace("3 NOV 1977\n", "3 NOV 1977 sent to IG\n")
    assert _memo_for(text) == []


@needs_corpus
def test_memorandum_for_far_below_the_body_start_heads_an_attachment():
    # jfk-applevision/2023__104-10336-10011: a letter's text, then (4,500 characters down) a later memo
    # of 24 August 1998; the document's own date is 18 December 1997
    path = CORPUS / "jfk-applevision" / "2023__104-10336-10011.txt"
    assert "24 August 1998\n\nMEMORANDUM FOR" in path.read_text()
    assert _memo_for(path.read_text()) == []


# a header label whose colon OCR lost opens the next header line: it is no second addressee
# 104-10123-10312, 104-10061-10122, 104-10112-10378 (CIA memoranda), 124-90106-10197 (FBI memorandum)
UNPUNCTUATED_LABELS = [
    (
        "MEMORANDUM FOR: Director, Security Office\n"
        "SUBJECT Commendation of Mr. James O'Connell\n"
        "\n"
        "1. I would like to take this opportunity to commend\n",
        ["Director, Security Office"],
    ),
    (
        "04 DECIS78\nMEMORANDUM FOR: DDO/IMS/IG/EIR\nFROM (Ms Li Latta)\n‘lans and Review Group\n\n",
        ["DDO/IMS/IG/EIR"],
    ),
    (
        "Memorandum\n\n"
        "TO : Deputy Chief, Personnel Security Division DATE: 4 October 1962\n"
        "FROM 1 H. Pme )\n\nsupyect: CONEIN, Tacien Emile\n",
        ["Deputy Chief, Personnel Security Division"],
    ),
    (
        "= Memorandum\n"
        "TO: DIRECTOR, FBI &105-117222) DATE: September 30, 1965\n"
        'FROM” i 2" JUAN (105-6323) (P)\n'
        "; wool E axes L\n",
        ["DIRECTOR, FBI"],
    ),
]


@pytest.mark.parametrize("text,expected", UNPUNCTUATED_LABELS)
def test_label_without_colon_below_the_addressee_is_no_party(text, expected):
    assert _values(header, text, "addressees") == expected


def test_party_continuation_still_read():
    # the same continuation path keeps a second addressee line that is no label
    text = "MEMORANDUM FOR: Director, Security Office\nDeputy Director for Plans\n\n1. The following\n"
    assert _values(header, text, "addressees") == ["Director, Security Office", "Deputy Director for Plans"]


# a date box or stamp (a day and a month in capitals) is no party: 194-10006-10197 (an Army form: "DATE;"
# after a semicolon, so split as a second addressee), 104-10103-10348 (a cable's time stamp under FROM)
def test_date_box_is_no_addressee():
    text = (
        "SUBJECT: SCHEER, Robert, SSN YE pee tart\n"
        "DPOB: 4 April 1936, Bronx, New York\n"
        "\n"
        "TO: Chief, OPO FROM: ACSI DATE; 28 JUL 196? CMT 3\n"
        "\n"
        ": ~E a\n"
    )
    assert _values(header, text, "addressees") == ["Chief, OPO"]


def test_time_stamp_below_the_sender_is_not_its_title():
    text = (
        "DATE 19 FEB 63 |\n\n. a 5\nTO :.. DIRECTOR 3 . 6\nFROM; UMWAVE\n4 : FEB 20 ookoz 65\n"
        "ACTION: c/SAS 3 i nS\n\nINFO; oP, S/C 2 ROUT INE\n"
    )
    assert _values(header, text, "sender") == ["UMWAVE"]


# the CIA cable form's FROM box with its separator lost or a speck before the station, above the ACTION
# box (incoming: 104-10192-10266, 104-10048-10251) or the CONF box (outgoing: 104-10227-10089,
# 104-10234-10069); the outgoing form's TO box names stations, so DIRECTOR there is the sender only
CIA_FORM_LOOSE = [
    (
        "CLASSIFIED MESSAGE. <) LN. iG\n\nto 4%  DIAECTOR\nFROM i, UMAVE\n\n"
        "ACTION: TFW 10(MR CHARLES MATT, TrW, NOTIFIED AND COPY suorte\n",
        "JMWAVE",
    ),
    ('i" CLASSIFIED MESSAGE\n\n7 DIRECTOR\nROM 4 LONDON\ncTION: C/AWH 4\n', "LONDON"),
    ("“os : CLASSIFIED MESSAGE\n\nuni d B-2-C-R-R-T\n\nFrom, DIRECTOR\n\nCONF,\n\n", "DIRECTOR"),
    (
        "tate: eee EU/ LOR Dre my cs mur tio.\n10 \\|PARIS ROME\n\nFROM DIRECTOR”\n\n"
        "CONE, “By, DEO RDP, ve, Fle\n\n1O IMMEDIATE PART BF ROME (PRI\n",
        "DIRECTOR",
    ),
]


@pytest.mark.parametrize("text,sender", CIA_FORM_LOOSE)
def test_cia_form_from_box_without_its_separator(text, sender):
    doc = Document.from_text(text)
    got = [(c.field, c.value) for c in telegram._cia_form(doc)]
    assert got[0] == ("sender", sender)
    if "CONF" in text or "CONE" in text:
        assert all(f == "sender" for f, _ in got)  # no DIRECTOR addressee on the outgoing form


def test_cia_form_from_box_loose_reading_needs_the_form():
    # body text starting with FROM above a numbered line is no FROM box (104-10048-10251's body)
    text = "FROM USSR TO U. S. HE PASSED THROUGH U. Ke HOWEVER, IF MOVING\nTHRU IN TRANSIT ONLY\n"
    assert list(telegram._cia_form(Document.from_text(text))) == []


# the outgoing form's CONF box is no title line of "FROM: DIRECTOR" (104-10192-10166, 104-10227-10180)
@pytest.mark.parametrize(
    "text",
    [
        "DATE\n\nto\n\nFROM: DIRECTOR\nCONF,\n\nINFO\n",
        "to JIMWA VE\nFROM. DIRECTOR\n\nCONF BELL 10\n| INO.\n",
    ],
)
def test_cable_conf_box_is_not_the_senders_title(text):
    doc = Document.from_text(text)
    assert "CONF" not in " ".join(_values(header, text, "sender"))
    assert [c.value for c in telegram._cia_form(doc) if c.field == "sender"] == ["DIRECTOR"]


# a RIF box cut to one letter names no party; an FBI office code of two letters does
# (144-10001-10365, 124-90006-10135)
def test_rif_one_letter_from_box_is_no_sender():
    head = "JFK ASSASSINATION SYSTEM\nIDENTIFICATION FORM\n\nAGENCY INFORMATION\n\n"
    nsa = (
        head + "AGENCY : NSA\nRECORD NUMBER : 144-10001-10365\nRECORDS SERIES :\n\nAGENCY FILE NUMBER :\n\n"
        "ORIGINATOR : NSA\nFROM : N\n\nTITLE :\n\nNSA SIGINT COMMAND CENTER OPSUM #2039\nDATE : 12/13/63\n"
    )
    fbi = (
        "JFK Assassination System\nIdentification Form\n\nDate:\n\n5/29/201\n\nAgency Information\n\n"
        "AGENCY: FBI\nRECORD NUMBER: — 124-90006-10135\nRECORD SERIES: HQ\n"
        "AGENCY FILENUMBER: — CR 100-420590-50\nDocument Information\nORIGINATOR: FBI\nFROM: MM\nTO: HQ\n"
        "TITLE :\nDATE: — 03/12/1964\nPAGES: 12\nSUBJECTS :\nPAULINO SIERRA MARTINEZ\n"
        "DOCUMENT TYPE: PAPER, TEXTUAL DOCUMENT\nCLASSIFICATION: Secret\n"
    )
    assert _values(rif, nsa, "sender") == []
    assert _values(rif, fbi, "sender") == ["MM"]
    assert _values(rif, fbi, "addressees") == ["HQ"]


# speckle read as a lone lower-case letter (or a doubled one) after a subject is not part of it
# (104-10056-10096, 104-10103-10043, 124-90100-10183; corpus pdf/104-10167-10083 "... 1959 q")
SPECKLE_SUBJECTS = [
    (
        "NEMORANDUN FOR: ADDP .\n\nC/CI/R & A (Mr. Rocca) a\n"
        "SUBJECT : Garrison and The Kennedy Assassinati q\n"
        "REFERENCE : CI/R & A Memorandum Dated .26 Apr 1967 1\n",
        "Garrison and The Kennedy Assassinati",
    ),
    (
        "6-21 February 1974 Dee,\n\nMEMORANDUM FOR THE RECORD \u00a9 : _ c\n"
        "SUBJECT: Office.of Finance Records - 8.-Howard Hunt e\n\n"
        "\u201c- 41. On the instruction of Mr. Steven L. Kuhn, Chief _.\n",
        "Office.of Finance Records - 8.-Howard Hunt",
    ),
    (
        'TO: DIRECTOR, FBI (87-41245)\nFROM: "SAC PITTSBURGH (87-5446)\n'
        "SUBJECT: BERNARD 3, EZHAYA, et al t\n\n",
        "BERNARD 3, EZHAYA, et al",
    ),
]


@pytest.mark.parametrize("text,subject", SPECKLE_SUBJECTS)
def test_speckle_after_a_subject_is_dropped(text, subject):
    doc = Document.from_text(text)
    got = [c for c in header.extract(doc) if c.field == "subject"]
    assert got and got[0].value == subject
    assert doc.text[got[0].start : got[0].end].startswith(subject)  # the evidence still covers it


def test_a_subject_ending_in_a_real_short_word_keeps_it():
    text = "TO: Director\nFROM: Chief, WH\nSUBJECT: Request for Review of Project AMWORLD as\n\n"
    got = [c.value for c in header.extract(Document.from_text(text)) if c.field == "subject"]
    assert got == ["Request for Review of Project AMWORLD as"]


# the information report form's SUBJECT box with its label damaged by OCR ("SuBECT", "SuMECt", "SUWECT",
# "SURECT"), read only on the DATE DISTR box's line under the form's COUNTRY / REPORT NO. line:
# 104-10186-10196, 104-10186-10054 ("Date ost,"), 104-10186-10218, 104-10179-10121 ("Dare piste."),
# 124-10217-10494 (a clean label, "pate piste,")
FORM_DAMAGED_LABELS = [
    (
        "COUNTRY Cuba REPORTNO. = CS C1=316/00617-65\n"
        "SuBECT Toman OOIRAC Ortiz DATE DISTR. 10 February 1965\n"
        ": fiat :\n",
        "Toman OOIRAC Ortiz",
        0.8,
    ),
    (
        "counter Cuba REPORT NO. CSCI-316/00801-65 +\n"
        "SuMECt “Beltran” (an alias) : Date ost, = 17 February 1965\n"
        "NOracs& 1 !\n",
        "“Beltran” (an alias)",
        0.8,
    ),
    (
        "COUNTRY Cuba/Haiti ‘REPORT NO. CSCI-316/02627-64\n"
        "SUWECT . Rone DEPESTRE, Haitian DATE DISTR §=—«17 Decesiber”' 1964\n"
        "Communist Leader -\n",
        "Rone DEPESTRE, Haitian",
        0.8,
    ),
    (
        "County cuna foeett ate HT tocs -3/490,978.\n"
        "\n"
        "SURECT STATEMENTS OF MANOLA’RAY, EXILE LEADER Dare piste. , 24 ocroper 1961\n"
        "\n",
        "STATEMENTS OF MANOLA’RAY, EXILE LEADER",
        0.8,
    ),
    (
        "COUNTRY: -cuBA REPORT NO. TDCS-3/546,099 :\n"
        "\n"
        "SUBJECT THE STANDPOINT OF. CUBAN RESISTANCE pate piste, 4 May 1963 i\n"
        "\n",
        "THE STANDPOINT OF. CUBAN RESISTANCE",
        0.84,
    ),
]


@pytest.mark.parametrize(("text", "want", "conf"), FORM_DAMAGED_LABELS)
def test_info_report_form_damaged_subject_label(text, want, conf):
    doc = Document.from_text(text)
    got = [c for c in telegram.extract(doc) if c.field == "subject"]
    assert [c.value for c in got] == [want]
    assert got[0].confidence == conf
    assert doc.text[got[0].start : got[0].end] == want  # the evidence is the value


def test_info_report_form_damaged_label_needs_the_form():
    # without the COUNTRY / REPORT NO. line above, a damaged label is not read
    text = FORM_DAMAGED_LABELS[0][0].replace("COUNTRY Cuba REPORTNO. = CS C1=316/00617-65\n", "Fy\n")
    assert _values(telegram, text, "subject") == []
    # nor a body sentence that starts with a word like the label
    text = FORM_DAMAGED_LABELS[0][0].replace("SuBECT Toman OOIRAC Ortiz", "Subject Toman OOIRAC Ortiz")
    assert _values(telegram, text.replace("DATE DISTR.", "and his"), "subject") == []


# an empty SUBJECT box with the body's numbered paragraph below is no subject, and a "Subject:" the body
# cites further down is not the document's (104-10519-10059, a 1970s memo whose subject OCR lost)
EMPTY_SUBJECT_BOX = (
    "is of DCH Relation\n"
    "hd Ai + Tes Sa\n"
    "\n"
    "SUBJECT:\n"
    "\n"
    "4. UCM requests for and the proviston of “other\n"
    '" (og., permission for ths viedtn of CIA a:alyaty\n'
    "wrete production factllttcn dor purpores of\n"
    "\n"
    "he Attached for your Information are doc ts which we believe\n"
    "\n"
    "cgory IN, They cover\n"
    "\n"
    "an\n"
    "ubject: Report of Alleged Contacts of\n"
    "7 ame a this report and have\n"
    "8 copy for your review since the\n"
    "considerable intercat.\n"
)


def test_empty_subject_box_above_the_body_is_no_subject():
    assert _values(header, EMPTY_SUBJECT_BOX, "subject") == []


def test_subject_on_the_line_below_its_label_still_read():
    # 104-10188-10048: the label alone, its value a few lines below (not a numbered paragraph)
    text = "MEMORANDUM FOR: Director\nSUBJECT:\n\nProject LIENVOY Renewal\n\n1. The project is renewed.\n"
    assert _values(header, text, "subject") == ["Project LIENVOY Renewal"]


# a RIF TITLE box read as a mark names no subject (124-10217-10494 "TITLE: ‘", 124-90065-10032
# "TITLE: * 5"); a mark before a title continued on the next line keeps the title (157-10011-10124
# "TITLE : @." / "INTERVIEW WITH HARVEY, WILLIAM")
RIF_TITLE_MARK = (
    "JFK Assassination System \u2018 Date: 5/21/201\nIdentification Form\n\nAgency Information\n\n"
    "AGENCY: FBI\nRECORD NUMBER: = 124-10217-10494\n\nRECORD SERIES: HQ\n\n"
    "AGENCY FILENUMBER: \u2014 105-114543-18\n\nDocument Information\n\nORIGINATOR: CIA\n\n"
    "FROM: CIA\nTO: HQ\nTITLE: \u2018\n\nDATE: \u2014 05/04/1963\nPAGES : 2\n"
)
RIF_TITLE_SPECK = (
    "JFK Assassination System\nIdentification Form\n\nDate: 6/9/2015\n\nAgency Information\n\n"
    "AGENCY: FBI\nRECORD NUMBER: \u2014 124-90065-10032\nRECORD SERIES: HQ\n"
    "AGENCY FILENUMBER: \u2014 CR 174-689-52 \u00e9\nDocument Information\nORIGINATOR: FBI\nFROM: NY\n"
    "TO: - HQ\nTITLE: * 5\nDATE: 05/21/1968\n\u201cPAGES: 9\nSUBJECTS : ;\n"
)
RIF_TITLE_MARK_CONTINUED = (
    "He JFK ASSASSINATION SYSTEM\n\n\u00a9 IDENTIFICATION FORM\n\nAGENCY INFORMATION\n\n"
    "AGENCY : SSCIA- .\nRECORD NUMBER : 157-10011-10124\n\nRECORDS SERIES :\n\nAGENCY FILE NUMBER :\n\n"
    "DOCUMENT INFORMATION\n\nORIGINATOR : UNKNOWN\nFROM : BARON, FREDERICK D.\nTO : FILE\n\n"
    "TITLE : @.\nINTERVIEW WITH HARVEY, WILLIAM\n\nDATE : 09/14/75\nPAGES : 13\n"
)


def test_rif_title_of_a_mark_is_no_subject():
    assert _values(rif, RIF_TITLE_MARK, "subject") == []
    assert _values(rif, RIF_TITLE_MARK, "sender") == ["CIA"]  # the form itself is still read
    assert _values(rif, RIF_TITLE_SPECK, "subject") == []  # 124-90065-10032 "TITLE: * 5"
    assert _values(rif, RIF_TITLE_SPECK, "sender") == ["NY"]
    assert _values(rif, RIF_TITLE_MARK_CONTINUED, "subject") == ["@. INTERVIEW WITH HARVEY, WILLIAM"]
