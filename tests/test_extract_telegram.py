"""Telegram headers: FM/TO/INFO, date-time groups, SUBJECT, cable forms, CIA CITE."""

from declass.document import Document
from declass.extract import telegram


def _cands(text):
    out = {}
    for c in telegram.extract(Document.from_text(text)):
        out.setdefault((c.field, c.value), text[c.start : c.end])
    return out


# state-telegrams/72TEHRAN1164
TEHRAN1164 = """R 250930Z FEB 72
FM AMEMBASSY TEHRAN
TO SECSTATE WASHDC 7561
INFO SECDEF
EUCOM
CSAF

UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164

E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006
TAGS: MASS MARR IR
SUBJECT: ACCELERATION OF F-4ES FOR IRAN

REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603
"""

# state-foia-talbott/C06771343
C06771343 = """DESIRED DISTRIBUTION:
NODIS - NOT FOR ADS
C5FAA6 081655Z /38
0 081654Z MAY 99 ZFF4
FM SECSTATE WASHDC
TO USMISSION USUN NEW YORK IMMEDIATE
AMEMBASSY HELSINKI IMMEDIATE
0 ECRETSTATE 085500
NODIS DECAPTIONED
E.O. 12958: DECL: 05/08/29
TAGS: PREL, PGOV
SUBJECT: -i7t!.t-THE ACTING SECRETARY'S MAY 6 CONVERSATION
WITH FINNISH PRESIDENT AHTISAARI
1. (U) NODIS MERCURY. CLASSIFIED BY: KRISTIE A. KENNEY,
"""

# state-foia-talbott/C06697823 (repeat printout)
C06697823 = """INFO LOG-00 ACDA-10 ACDE-00 'CIAE-00 OASY-00 DODE-00 FBIE-00
TEDE-00 INR-00 ADS-00 NRRC-00 NSAE-00 PM-00 SS-00
DRAFTED BY:EAP/ANZ:DLARSEN
R 150015Z MAY 96
FM SECSTATE WASHDC
INFO AMEMBASSY CANBERRA
STATE 099063
3926E2 150021Z /38
FOLLOWING STATE 099063 DATED 13 MAY 96, SENT ACTION
"""


def test_state_telegram_header():
    c = _cands(TEHRAN1164)
    assert c[("sender", "AMEMBASSY TEHRAN")] == "AMEMBASSY TEHRAN"
    assert c[("addressees", "SECSTATE WASHDC")] == "SECSTATE WASHDC"  # serial 7561 dropped
    # the corpus lines end with a space: same reading
    spaced = _cands(TEHRAN1164.replace("\n", " \n"))
    assert spaced[("addressees", "SECSTATE WASHDC")] == "SECSTATE WASHDC"
    for info in ("SECDEF", "EUCOM", "CSAF"):
        assert c[("copies_to", info)] == info
    assert c[("document_date", "1972-02-25")] == "250930Z FEB 72"
    assert c[("subject", "ACCELERATION OF F-4ES FOR IRAN")] == "ACCELERATION OF F-4ES FOR IRAN"
    assert not [k for k in c if k[0] == "copies_to" and "UNCLASSIFIED" in k[1]]


def test_precedence_words_dropped_and_subject_junk_stripped():
    c = _cands(C06771343)
    assert c[("addressees", "USMISSION USUN NEW YORK")] == "USMISSION USUN NEW YORK"
    assert c[("addressees", "AMEMBASSY HELSINKI")] == "AMEMBASSY HELSINKI"
    assert c[("document_date", "1999-05-08")] == "081654Z MAY 99"
    subj = "THE ACTING SECRETARY'S MAY 6 CONVERSATION WITH FINNISH PRESIDENT AHTISAARI"
    assert (
        c[("subject", subj)] == "THE ACTING SECRETARY'S MAY 6 CONVERSATION\nWITH FINNISH PRESIDENT AHTISAARI"
    )


def test_repeat_info_without_distribution_or_cable_number():
    c = _cands(C06697823)
    assert c[("sender", "SECSTATE WASHDC")] == "SECSTATE WASHDC"
    copies = [k[1] for k in c if k[0] == "copies_to"]
    assert copies == ["AMEMBASSY CANBERRA"]
    assert c[("document_date", "1996-05-15")] == "150015Z MAY 96"


def test_cable_forms_post_addresses_and_incoming_post():
    # state-foia-talbott/C06815173
    out = "ADDRESS INFORMATION\nDESIRED DISTRIBUTION:\nPOST ADDRESSES\nTOKYO\nCLEARANCE INFORMATION\n"
    assert _cands(out)[("addressees", "TOKYO")] == "TOKYO"
    # state-foia-talbott/C06771636
    inc = "INCOMING \nPOST: STATE DTG: 220929Z APR 99 MRN: 74454 \nDISTRIBUTION:-C D EUR P S\n"
    c = _cands(inc)
    assert c[("sender", "STATE")] == "STATE"
    assert c[("document_date", "1999-04-22")] == "220929Z APR 99"


def test_cia_cite_station_is_sender():
    # jfk-applevision/2023__104-10063-10017
    text = (
        "INFO:\nBEIRUT (EYES ONLY CROWEN)\n503\nRYBAT MHCHAOS\nCITE HEADQUARTERS. 056\n1. FYI LNERGO SOURCE\n"
    )
    assert _cands(text)[("sender", "HEADQUARTERS")] == "HEADQUARTERS"
    # pdf/104-10529-10329 style "CITE DIR 75338": the code is expanded from the vocabulary
    c = _cands("SECRET\nCITE DIR 75338\n")
    assert c[("sender", "DIRECTOR")] == "DIR"


def test_no_telegram_no_candidates():
    assert _cands("MEMORANDUM FOR: The Director\nSUBJECT: Something\n") == {}


def test_cia_staff_header_and_tot():
    # jfk-applevision/2021__docid-32347105 (verbatim, blank lines of the OCR kept)
    text = (
        "TOT:\n\nPAGE 001\n\n2621062 MAY 78\n\nDIRECTOR 229934\n\nSECRET\n\nSTAFF 262106Z DIRECTOR 229934\n\n"
    )
    text += "10: PRIORITY MEXICO CITY.\n\nWNINTEL RYBAT\n"
    c = _cands(text)
    assert c[("sender", "DIRECTOR")] == "DIRECTOR"
    assert c[("addressees", "MEXICO CITY")] == "MEXICO CITY"  # precedence dropped
    # jfk-tesseract/2018__104-10147-10329: STAFF line garbled ("DIRECTO!"), TOT line of page 2 read
    text = "SECRET\n\nSTAFF 1000142: DIRECTO! 2063\nTO: IMMEDIATE\n\nWNINTEL RNVIEW MHSPLASH\n\n"
    text += "S77 0115183 _ PAGE_002 4\nTOT: 1000147 DEC 77... DIRECTOR 137063.\n"
    c = _cands(text)
    assert c[("sender", "DIRECTOR")] == "DIRECTOR"
    assert c[("document_date", "1977-12-10")] == "1000147 DEC 77"
    assert not [k for k in c if k[0] == "addressees"]  # "TO: IMMEDIATE": addressee excised


def test_eyes_only_back_channel_head():
    # jfk-tesseract-2025/176-10036-10173
    text = "CO CAs 777\n\n\u2018October 30, 1963\n\nEOP-SECRET\n\nEYES ONLY FOR AMBASSADOR LODGE\n\n"
    text += "' FROM McG. Bundy, White House\n\n1. Our reading your thoughtful 2063 leads us\n"
    c = _cands(text)
    assert c[("addressees", "AMBASSADOR LODGE")] == "AMBASSADOR LODGE"
    assert c[("sender", "McG. Bundy, White House")] == "McG. Bundy, White House"
    assert c[("document_date", "1963-10-30")] == "October 30, 1963"
    # state-foia-talbott/C06771343: the same line inside a telegram with FM/TO: the FM header rules
    c = _cands(
        C06771343.replace(
            "NODIS DECAPTIONED\n",
            "NODIS DECAPTIONED\nMERCURY EYES ONLY FOR THE AMBASSADOR FROM THE EXEC SEC\n",
        )
    )
    assert ("sender", "THE EXEC SEC") not in c
    assert not [k for k in c if k[0] == "addressees" and k[1] == "THE AMBASSADOR"]


def test_cia_information_report_subject():
    # pdf/176-10036-10149 (form box)
    text = "COUNTRY SOUTH VIETNAM REPORT NO. - TOSS pe- -3/657 031\n"
    text += "SUBJECT FURTHER PLANNING OF LANG COUP GROUP DATE DISTR. 2 o\u00a2toser 1963 -\n"
    c = _cands(text)
    subj = "FURTHER PLANNING OF LANG COUP GROUP"
    assert c[("subject", subj)] == subj
    # jfk-tesseract/2022__104-10192-10254 (TDCS cable text: SUBJ ... DOI)
    text = "TIME FILED: 13302 __\nREPORT CLASS SECRET NOFORN CONTINUED CONTROL OEL-33392 CUBA SUBJ\n"
    text += "ACTIVITIES OF ANTICASTRO RESISTANCE GROUPS IN CUBA DO! SECOND\nHALF JULY 62 PADA ENGLAND\n"
    subj = "ACTIVITIES OF ANTICASTRO RESISTANCE GROUPS IN CUBA"
    assert _cands(text)[("subject", subj)] == subj


def test_cia_cable_form_boxes_with_cut_labels():
    # jfk-tesseract/2022__104-10192-10254 (verbatim): TO label lost, "FROM" read "mom", ACTION box below
    text = "CLASSIFIED. MESSAGE, a\n\nDIRECTOR\nmom: LONDON\n\nAUG 17 13282 62\n\nACTION, = tre 10\n"
    c = _cands(text)
    assert c[("sender", "LONDON")] == "LONDON"
    assert c[("addressees", "DIRECTOR")] == "DIRECTOR"
    assert not [k for k in c if k[0] == "document_date"]  # the receipt time box is not the date
    # pdf/104-10093-10109 (its fresh OCR): "FROM" cut to "om.", "ACTION" to "TON:", the TO box lost
    text = "104-10093-10109 2025 RELEASE UNDER THE PRESIDENT \nom. MEXICO CITY a we \n"
    text += "TON: WH 8 oe 7a - vee j \nro, cor, ci/oa, sag 8, PF, VRS \n"
    c = _cands(text)
    assert c[("sender", "MEXICO CITY")] == "MEXICO CITY"
    assert not [k for k in c if k[0] in ("addressees", "document_date")]
    # without the ACTION box under it, a "FROM"-like line is not read
    assert _cands("DIRECTOR\nmom: LONDON\n\nAUG 17 13282 62\n\n1. TEXT\n") == {}


def test_tdcs_report_subject_box_beside_doi():
    # pdf/124-10279-10020 (fresh OCR of the scan, verbatim). Specific to the TDCS information report
    # form, whose COUNTRY / DOI / SUBJECT boxes OCR reads side by side; one corpus document shows it.
    text = "COUNTRY: MEXICO \u2018 \n \n"
    text += "DOL: AUGUST 1967 y f SUBJECT: \u201cARREST OF FEDERAL DEPUTY CESAR DEL ANG! \n"
    text += "FOR AGITATIONAL \nACTIVITIES \nIN GUERRERO ex SE \n \n \nsienna DROSS nee on cesenennnrecg . \n"
    subj = "ARREST OF FEDERAL DEPUTY CESAR DEL ANG FOR AGITATIONAL ACTIVITIES IN GUERRERO"
    c = _cands(text)
    assert c[("subject", subj)].startswith("ARREST OF") and c[("subject", subj)].endswith("IN GUERRERO")
    # without the COUNTRY box above, a DOI line is not read as the form
    assert _cands(text.replace("COUNTRY: MEXICO", "MEXICO")) == {}
