"""Tests for declass.extract.identifiers: snippets copied verbatim from corpus documents."""

from declass.document import Document
from declass.extract import identifiers


def _ids(text):
    doc = Document.from_text(text)
    out = {}
    for c in identifiers.extract(doc):
        assert c.field == "identifiers"
        assert "kind" in c.extra
        out.setdefault(c.value, (c, doc.text[c.start : c.end]))
    return out


def test_rif_record_and_agency_file_number_same_line():
    # jfk-applevision/2021__docid-32309610
    text = (
        "AGENCY\n\nFBI\n\nRECORD NUMBER: 124-10299-10021\n\nRECORD SERIES: HQ\n\n"
        "AGENCY FILE NUMBER: CR 65-68043-238\n\nDocument Information\n\nORIGINATOR: FBI\n"
    )
    ids = _ids(text)
    assert ids["124-10299-10021"][1] == "124-10299-10021"
    c, raw = ids["CR 65-68043-238"]
    assert raw == "CR 65-68043-238" and c.extra["kind"] == "agency_file_number"


def test_rif_agency_file_number_next_line_and_pages_tail():
    # jfk-applevision/2021__docid-32286465
    text = "RECORD SERIES:\n\nHQ\n\nAGENCY FILE NUMBER :\n\n92-3171-2135\n\nDocument Information\n"
    assert _ids(text)["92-3171-2135"][1] == "92-3171-2135"
    # jfk-tesseract/2022__docid-34517374
    text = "AGENCY FILE NUMBER : C6013559P - PAGES 215-222\n\nDOCUMENT INFORMATION\n"
    assert _ids(text)["C6013559P"][1] == "C6013559P"


def test_rif_labels_first_layout():
    # jfk-tesseract/2022__docid-32334746
    text = (
        "JFK Assassination System\nIdentification Form\n\nDate:\n\n6/17/201\n\nAGENCY :\nRECORD NUMBER :\n\n"
        "RECORD SERIES\n\nAGENCY FILE NUMBER :\n\nAgency Information\n\nFBI\n124-90118-10105\n\nHQ\n\n"
        "92-2897-30\n\nORIGINATOR :\nFROM:\n"
    )
    ids = _ids(text)
    assert ids["124-90118-10105"][1] == "124-90118-10105"
    assert ids["92-2897-30"][1] == "92-2897-30"


def test_rif_agency_file_number_that_is_release_stamp_is_skipped():
    # jfk-tesseract/2022__docid-32239476: the stamp text overprints the empty value
    text = "AGENCY FILE NUMBER : 992 (44 USC 2107 Note}\n\nDecember 8, 1995\n"
    assert not [v for v, (c, _) in _ids(text).items() if c.extra["kind"] == "agency_file_number"]


def test_release_header_record_number_with_stray_digit():
    # jfk-applevision/2023__104-10059-10206
    ids = _ids(
        "1104-10059-10206\n\n2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT"
    )
    assert ids["104-10059-10206"][1] == "104-10059-10206"
    # jfk-applevision/2023__104-10336-10011: damaged 104 prefix
    ids = _ids(
        "1704-10336-10011\n\n2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT"
    )
    assert "104-10336-10011" in ids


def test_release_stamp_below_the_top_framed_by_braces_or_a_stray_word():
    # a stamp further down (after a garbled first page) is read when the release phrase follows the
    # number, its frame read as braces or a short stray word: pdf/104-10290-10046 (fresh OCR of the scan)
    # and the catalogued jfk-tesseract-2022 104-10111-10076, 104-10096-10240, 124-10144-10472
    lead = "x" * 300 + "\n"
    for line, want in [
        ("{104-10290-10046}RF 2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY", "104-10290-10046"),
        ("104-10111-10076] al 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY", "104-10111-10076"),
        ("\u2018104-10096-10240] iz [ 2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY", "104-10096-10240"),
        ("124-10144-10472| t {2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY", "124-10144-10472"),
    ]:
        c, raw = _ids(lead + line)[want]
        assert raw == want and c.method == "rule:nara-release-header"
    # a number cited in prose is not a stamp: words between it and the release phrase
    assert _ids(lead + "see 104-10111-10076 and the 2022 RELEASE") == {}
    assert _ids(lead + "104-10111-10076 filed 2022 RELEASE") == {}
    assert _ids(lead + "Record 104-10111-10076 in 2017 released under the Act") == {}


def test_record_numbers_listed_in_body_are_not_identifiers():
    # jfk-applevision/2021__docid-32112895 page 2 lists other record numbers
    text = "x" * 400 + "\nCOMMISSION ON CIA ACTIVITIES WITHIN THE UNITED STATES\n\n178-10002-10089\n\n"
    assert _ids(text) == {}


def test_docid_majority_reading():
    # jfk-tesseract/2022__docid-32254170 (one footer misread 32254179)
    text = (
        "NW 68261 Docld:32254170 Page 1\n\nocld;32254179..Page.2.....\n\nNW 68261 Docld:32254170 Page 3 :\n"
    )
    ids = _ids(text)
    assert list(ids) == ["32254170"]
    assert ids["32254170"][1] == "32254170"
    # jfk-applevision/2023__124-10164-10277: "DoeId"
    assert "32168300" in _ids("NH 50953 DoeId: 32168300\n\nPage 1\n")


def test_frus_file_numbers():
    # frus/frus1918Russiav03_d150
    ids = _ids("File No. 861.00/1401\n\nThe Ambassador in Russia (Francis) to the Secretary of State\n")
    assert ids["861.00/1401"][1] == "861.00/1401"
    # frus/frus1936v03_d189
    ids = _ids("711.00111 Armament Control/777a: Telegram\n\nThe Secretary of State to the Ambassador\n")
    c, raw = ids["711.00111 Armament Control/777a"]
    assert raw == "711.00111 Armament Control/777a" and c.extra["kind"] == "state_decimal_file"
    # frus1936v03_d538 and d540 (outside the corpus): a letter after the class number
    ids = _ids("690D.11241/28\n\nThe American Embassy in France to the French Ministry for Foreign Affairs\n")
    assert ids["690D.11241/28"][1] == "690D.11241/28"
    ids = _ids("690D.11241/29\n\nThe Ambassador in France (Stratus) to the Secretary of State\n")
    assert ids["690D.11241/29"][1] == "690D.11241/29"


def test_state_doc_number_and_bates():
    # state-foia-clinton/C05739545 (Bates OCR '5CB')
    text = (
        "Case No. F-2015-04841\nDoc No. C05739545\nDate: 05/13/2015               SUBJECT TO AGREEMENT ON "
        "SENSITIVE INFORMATION & REDACTIONS. NO FOIA WAIVER.                 STATE-5CB0045247\n"
    )
    ids = _ids(text)
    assert ids["C05739545"][1] == "C05739545"
    assert ids["STATE-SCB0045247"][1] == "STATE-5CB0045247"


def test_state_cable_numbers():
    # state-telegrams/79TEHRAN8980
    ids = _ids(
        "TO SECSTATE WASHDC 3182\n\nC O N F I D E N T I A L SECTION 01 OF 02 TEHRAN 08980 \n \nE.O. 12065"
    )
    assert ids["TEHRAN 08980"][1] == "TEHRAN 08980"
    # state-foia-talbott/C06771343
    ids = _ids("SSO(O1) \nSTATE 085500 081655Z \n@INFO")
    assert ids["STATE 085500"][1] == "STATE 085500"
    # state-foia-clinton/C05775812: SMART cable heading
    ids = _ids("\n              10 BERLIN 1052\n\n\n\n    Date/DTG:")
    assert ids["10 BERLIN 1052"][1] == "10 BERLIN 1052"


def test_cia_cable_numbers():
    # jfk-applevision/2021__docid-32347105: the REF line is a cited cable, not this one
    ids = _ids(
        "SECRET\n\nSTAFF 262106Z DIRECTOR 229934\n\n10: PRIORITY MEXICO CITY.\n\nREF: DIRECTOR 229921\n"
    )
    assert ids["DIRECTOR 229934"][1] == "DIRECTOR 229934"
    assert "DIRECTOR 229921" not in ids
    # pdf/104-10076-10371
    ids = _ids("“RACY. BARR CITE WAVE 8923 2. \n")
    assert ids["WAVE 8923"][1] == "WAVE 8923"


def test_control_numbers_alone_on_a_line():
    # jfk-tesseract/2022__104-10217-10209
    ids = _ids("Chief of Station, Paris; Chief of Station, Rome, | ;1\n\nESBA-12659 L\nEADOUARTR Ta\n")
    assert ids["ESBA-12659"][1] == "ESBA-12659"
    # jfk-applevision/2021__docid-32372638
    assert _ids("David A. Phillips\n\nCIRA-0432-74\n\nSECRET/SENSITIVE")["CIRA-0432-74"][1] == "CIRA-0432-74"
    # jfk-applevision/2025__124-10296-10130: FBI 'REC-35' stamp is not a control number
    assert _ids("\nREC-35\n") == {}
    # jfk-applevision/2021__docid-32343790: a cited reference inside a sentence is not recorded
    assert _ids("Reference: HMMW-13207, 14 December 1964\n") == {}


def test_state_fadrc_number():
    # seed/seed_rostow_1962
    ids = _ids("\n\nF780011-0573\n\nCOPY NO. 2 1763\n\nDECLASSIFICATION DATE 6/16/57\n")
    assert list(ids) == ["F780011-0573"]
    assert ids["F780011-0573"][1] == "F780011-0573"


def test_tdcs_number():
    # jfk-tesseract-2025/176-10036-10094
    ids = _ids('GET | argh i ieoitl "| TDCS -3/544,531\n')
    assert ids["TDCS-3/544,531"][1] == "TDCS -3/544,531"


def test_incoming_cable_number_under_precedence():
    # jfk-applevision/2021__docid-32412298
    ids = _ids("DEC 3 20362 60\n\nPRIORITY\n\nIN 14274\n\nCHIWE:\n")
    assert ids["IN 14274"][1] == "IN 14274"
    # jfk-applevision/2023__104-10162-10019: an IN number on a trace sheet is a cited cable
    assert _ids("SEGRET\n\nRIS (Chock on\n\nIN 29890\n\nQUIT 4361\n") == {}


def test_state_mrn_and_nsc_series():
    # state-foia-talbott/C06771636
    ids = _ids("POST: STATE DTG: 220929Z APR 99 MRN: 74454 \nDISTRIBUTION:")
    assert ids["74454"][1] == "74454"
    # nixon-library/nixon-memo1_NSSM56
    ids = _ids("May 14, 1969\n\nNational Security Study Memorandum 56\n\nPO: The Secretary of State\n")
    assert ids["NSSM 56"][1] == "National Security Study Memorandum 56"


def test_running_header_number():
    # jfk-tesseract-2025/jfk_doc_885: the handbook number heads every page
    text = "DOHB 70-1-1\nCHAPTER III\n\n" + "text\n\nDOHB 70-1-1\nCHAPTER Ill, A\n" + "more\n_ DOHB 70-1-1\n"
    ids = _ids(text)
    assert ids["DOHB 70-1-1"][1] == "DOHB 70-1-1"
    # printed once, it is not taken (jfk-applevision/2023__104-10336-10011: 'HUM 2-82' style lines)
    assert _ids("DOHB 70-1-1\nCHAPTER III\n") == {}


def test_release_header_with_ocr_gaps_and_short_dispatch_number():
    # pdf/104-10073-10074
    ids = _ids("A ARAAN \n104- -10073- 10074 4 2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY\n")
    assert ids["104-10073-10074"][1] == "104- -10073- 10074"
    ids = _ids(" \nUFGA-7171 \n \n")
    assert ids["UFGA-7171"][1] == "UFGA-7171"


def test_release_header_od_prefix_and_dash_read_as_one():
    # pdf/104-10075-10225 and jfk-tesseract-2025/jfk_doc_885: "[104-" read as "‘oa. " / "‘\od“t"
    ids = _ids(
        "‘oa. 10075- 10225 \n4 \n| 2025 RELEASE UNDER THE PRESIDENT \n \nJOHN F. KENNEDY ASSASSINATION \n"
    )
    assert ids["104-10075-10225"][1] == "oa. 10075- 10225"
    ids = _ids("‘\\od“t0408-10316 | 2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS\n")
    assert ids["104-10408-10316"][1] == "od“t0408-10316"
    # pdf/104-10167-10083: the second dash read as "1"
    ids = _ids("104- 10167 1 10083): | 2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION\n")
    assert ids["104-10167-10083"][1] == "104- 10167 1 10083"
    # not without the release banner
    assert not _ids("‘oa. 10075- 10225 \nSECRET\n")


def test_fbi_office_file_running_header():
    # jfk-tesseract/2022__docid-34517374 ("SF 105-3689") and 2022__docid-32334746 ("DL 92-34"), each on
    # several report pages; one occurrence is not a running header
    text = "report page\n\nSF 105-3689\n\nmore text\n\nSF 105-3689\n"
    c, raw = _ids(text)["105-3689"]
    assert raw == "105-3689" and c.extra["kind"] == "agency_file_number"
    text2 = "DL 92-34\n\n\nJOHN DOE\n\nDL 92-34\n"
    assert "92-34" in _ids(text2)
    assert "92-34" not in _ids("DL 92-34\n\nbody\n")
    # the RIF's "CR 92-2781-54" is the agency file number itself, not an office header
    assert "92-2781-54" not in _ids("CR 92-2781-54\n\nx\n\nCR 92-2781-54\n")


def _ids_at(text, path):
    doc = Document.from_text(text, path=path)
    return {c.value: (c, text[c.start : c.end]) for c in identifiers.extract(doc)}


# the release stamp's number damaged by OCR, read as the record number NARA gave the file as its name
STAMP_APPLEVISION = (
    "104-10063-1001\n\n2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n"
)
STAMP_TESSERACT = (
    "Tod 0077 0437] {2022 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992]\n\n"
    "g = CLASSIFIED MESSAGE\n"
)


def test_damaged_stamp_number_confirmed_by_the_file_name():
    # jfk-applevision/2023__104-10063-10017 and jfk-tesseract/2022__104-10077-10437
    ids = _ids_at(STAMP_APPLEVISION, "corpus/jfk-applevision/2023__104-10063-10017.txt")
    c, raw = ids["104-10063-10017"]
    assert raw == "104-10063-1001" and c.extra["kind"] == "nara_record_number" and c.confidence < 0.8
    c, raw = _ids_at(STAMP_TESSERACT, "/x/2022__104-10077-10437.txt")["104-10077-10437"]
    assert raw == "0077 0437"


def test_file_name_alone_gives_no_record_number():
    # a file named by another record's number, or not by one: the damaged stamp is not read
    assert "104-10063-10017" not in _ids_at(STAMP_APPLEVISION, "2023__104-10999-10555.txt")
    assert not any(v.startswith("104-") for v in _ids_at(STAMP_APPLEVISION, "memo.txt"))
    assert not _ids_at("Memorandum for the record\n\n1. Met 12 May 1962.\n", "2023__104-10063-10017.txt")
    # the stamp reads cleanly: the usual rule gives it, no second reading
    clean = STAMP_APPLEVISION.replace("1001\n", "10017\n", 1)
    c, raw = _ids_at(clean, "2023__104-10063-10017.txt")["104-10063-10017"]
    assert raw == "104-10063-10017" and c.method == "rule:nara-release-header"


def test_cia_information_report_form_numbers():
    # pdf/176-10036-10149 (fresh OCR of the scan): the form's FIELD REPORT NO. box
    text = "DATEOF 26-30 sepTemBeR 1963 nae! REFERENCES: . IN - 31379 INFO. . \u2014 a } \n"
    text += "PLACES VIETNAM, SAIGON (30 SEPTEMBER 1963) : DATE ACQ. oO : . ; \n"
    text += "APPRAISAL SEE BELOW _ FIELD REPORT NO. Fvs 9725 { \n"
    ids = _ids(text)
    assert ids["FVS 9725"][1] == "Fvs 9725"
    assert "IN 31379" not in ids  # the REFERENCES box: the gold is not consistent on it
    # catalogued jfk-tesseract-2022 (unseen releases): "UFG 7675" read; an empty box's next words are not
    assert "UFG 7675" in _ids("FIELD REPORT NO. UFG 7675\n")
    assert not [v for v in _ids("FIELD REPORT NO. Do Not\nFIELD REPORT NO. et 35279\n") if "35279" in v]
    # the label's dot read between its words, a mark before the value: 176-10036-10095 (catalogued)
    assert ids_of("APPRAISAL FIELD. REPORT NO. _FVS-8806\n") == {"FVS-8806": "FVS-8806"}
    # five digits without a thousands comma are a misreading: 176-10036-10078 (catalogued, a 1962
    # Saigon report among FVS 8604 / 8806 / 9725 of 1963)
    assert ids_of("APPRAISAL 3 . FIELD'REPORT NO. _Fvs 79237;\n") == {}
    # pdf/124-10279-10020 (fresh OCR of the scan): "NO." read onto the next line, a thousands comma
    text = "| TPES S - ACQ? _MEXICO, MEXICO CITY (29 AUGUST 1967) FIELD REPORT BRSS \n"
    text += "{ eg fe Day NO. HMM-11,295 . = B55 8 oO souRcE: [MEXICAN SECURITY OFFICER WITH. ACCESS\n"
    assert ids_of(text) == {"HMM-11,295": "HMM-11,295"}
    # an empty box: a number two lines down is not the box's
    assert ids_of("DATE ACQ. May 1964 FIELD REPORT NO.\n\nSOURCE NO. UFG 1234\n") == {}


def ids_of(text):
    return {v: raw for v, (c, raw) in _ids(text).items() if c.method == "rule:field-report-number"}
