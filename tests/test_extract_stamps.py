"""Tests for declass.extract.stamps on verbatim snippets from corpus documents."""

from declass.document import Document
from declass.extract import stamps


def cands(text, field=None):
    out = list(stamps.extract(Document.from_text(text)))
    return [c for c in out if field is None or c.field == field]


def values(text, field):
    return [c.value for c in cands(text, field)]


def check_spans(text):
    for c in cands(text):
        assert 0 <= c.start < c.end <= len(text)


def test_seed_fadrc_stamp():
    # seed/seed_rostow_1962
    text = (
        "DECLASSIFICATION DATE 6/16/57\n\nPER Shickling OFFICE Fun\n\nFADRC FOI CASE NO. 620289 Bernbaum\n\n"
        "October 26, 1962\n\nDEPARTMENT OF STATE A/CDC/MR\n\nREVIEWED BY Sh DATE 8/19/8\n"
    )
    case = cands(text, "declassification.case_numbers")
    assert [c.value for c in case] == ["620289"]
    assert text[case[0].start : case[0].end] == "620289"
    dates = {c.value: text[c.start : c.end] for c in cands(text, "declassification.review_dates")}
    assert dates["198X-08-19"] == "8/19/8"
    # the form's declassification date is proposed low: the resolver drops it (before the document date)
    low = [c for c in cands(text, "declassification.review_dates") if c.value == "1957-06-16"]
    assert low and low[0].confidence < 0.7
    assert values(text, "declassification.reviewers") == ["Sh"]
    assert any(c.value is True for c in cands(text, "declassification.declassified"))


def test_seed_end_to_end_drops_early_declassification_date():
    import declass

    text = (
        "DECLASSIFICATION DATE 6/16/57\n\nFADRC FOI CASE NO. 620289 Bernbaum\n\nOctober 26, 1962\n\n"
        "REVIEWED BY Sh DATE 8/19/8\n"
    )
    rec = declass.extract_text(text).to_dict()["declassification"]
    assert [f["value"] for f in rec["review_dates"]] == ["198X-08-19"]


def test_jfk_release_stamp_and_footers_reconciled():
    # jfk-applevision/2021__docid-32343790 style stamp (OCR "55924" for 65924) + page footers
    text = (
        "Released under the John F. Kennedy\n\nAssassination Records Collection Act of\n\n"
        "1992 (44 USC 2107 Note). Case#:NW\n\n55924 Date: 10-21-2021\n\nbody\n\n"
        "NW 65924 DocId:32343790 Page 1\n\ntext\n\nNW 65924 Docld:32343790 Page 2\n"
    )
    case = cands(text, "declassification.case_numbers")
    assert [c.value for c in case] == ["NW 65924"]
    assert text[case[0].start : case[0].end] == "NW 65924"
    dates = cands(text, "declassification.review_dates")
    assert [(c.value, text[c.start : c.end]) for c in dates] == [("2021-10-21", "10-21-2021")]
    auth = cands(text, "declassification.authorities")
    assert [(c.value, text[c.start : c.end]) for c in auth] == [("44 USC 2107 Note", "44 USC 2107 Note")]
    assert any(c.value is True for c in cands(text, "declassification.declassified"))


def test_jfk_stamp_damaged_date_label():
    # jfk-applevision/2021__docid-32324523: only the stamp's tail survives; footer reads "AW"
    text = "TITLE:\n\n66000 Diate: 11-03-2021\n\nDATE: 01/20/1954\n\nAW 66000 Docld:32324523 Page 1\n"
    assert values(text, "declassification.case_numbers") == ["NW 66000"]
    dates = cands(text, "declassification.review_dates")
    assert [(c.value, text[c.start : c.end]) for c in dates] == [("2021-11-03", "11-03-2021")]


def test_footer_alone_gives_case_and_a_weak_declassified_vote():
    # jfk-applevision/2021__docid-32112895 and jfk-tesseract/2022__docid-32254170: only NARA footers,
    # which NARA prints on the pages it releases (the gold says released for nine of ten such files)
    for text in (
        "memo text\n\nNW 66000 Docld:32112895 Page 1\n\nmore\n\nNW 66000 Docld:32112835 Page 3\n",
        "report\n\nNW 68261 Docld:32254170 Page 1\n\n~NW_68261. Docld;32254179..Page.2.....\n",
    ):
        [case] = cands(text, "declassification.case_numbers")
        [vote] = cands(text, "declassification.declassified")
        assert vote.confidence < 0.7
        assert text[vote.start : vote.end].startswith(text[case.start : case.end])


def test_no_footer_no_vote():
    assert not cands("NW 66000 is a case number in prose\n", "declassification.declassified")


def test_year_release_banner():
    # jfk-applevision/2023__104-10059-10206 and pdf/104-10075-10225 (banner split over lines)
    text = (
        "1104-10059-10206\n\n"
        "2023 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992\n"
    )
    dates = cands(text, "declassification.review_dates")
    assert [(c.value, text[c.start : c.end]) for c in dates] == [("2023", "2023")]
    auth = cands(text, "declassification.authorities")
    assert auth[0].value == "PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992"
    assert text[auth[0].start : auth[0].end].startswith("PRESIDENT JOHN F. KENNEDY")
    text2 = (
        "| 2025 RELEASE UNDER THE PRESIDENT \n \nJOHN F. KENNEDY ASSASSINATION \n \nRECORDS ACT OF 1992 | "
    )
    assert values(text2, "declassification.review_dates") == ["2025"]
    assert values(text2, "declassification.authorities") == [
        "PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992"
    ]


def test_cia_approved_for_release():
    # jfk-applevision/2023__104-10059-10206; "1903" (jfk-applevision, OCR of 1993) is not a review year
    text = "CONFIDENTIAL\n\nAPPROVED FOR RELEASE 1993\n\nCIA HISTORICAL REVIE# PROGRAM\n"
    dates = cands(text, "declassification.review_dates")
    assert [(c.value, text[c.start : c.end]) for c in dates] == [("1993", "1993")]
    assert not values("APPROVED FOR RELEASE 1903\n", "declassification.review_dates")
    # CIA CREST footer form
    text2 = "Approved For Release 2003/04/18 : CIA-RDP80B01676R000900030001-2"
    assert values(text2.upper(), "declassification.review_dates") == ["2003-04-18"]


def test_fbi_unclassified_stamp():
    # jfk-applevision/2021__docid-32324509
    text = "COUNTERINTELLIGENCE SUMMARY\n\nHEREIN IS UNCLASSIFIED\n\nDATE 5-7-95 BY56655L0\n"
    dates = cands(text, "declassification.review_dates")
    assert [(c.value, text[c.start : c.end]) for c in dates] == [("1995-05-07", "5-7-95")]
    assert values(text, "declassification.reviewers") == ["56655L0"]


def test_fbi_automatic_declassification_guide():
    # jfk-applevision/2023__124-90137-10324 (garbled "EBI AUTONATIC LEELASSIEICATION CUIDE")
    text = (
        "DECLASSITICATION AUTHCRITY DERIVED ERCU:\n\n"
        "EBI AUTONATIC LEELASSIEICATION CUIDE\n\nDATE 06-02-2023\n"
    )
    auth = cands(text, "declassification.authorities")
    assert [c.value for c in auth] == ["FBI AUTOMATIC DECLASSIFICATION GUIDE"]
    assert text[auth[0].start : auth[0].end] == "EBI AUTONATIC LEELASSIEICATION CUIDE"


def test_state_foia_banner_and_review_block():
    # state-foia-clinton/C05763745
    text = (
        "     UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 "
        "Doc No. C05763745 Date: 07/31/2015\n"
        "                                                                      RELEASE IN PART -\n"
        "Classified by DAS, A/GIS, DoS on 07/30/2015 \u2014 Class:                  B1,1.4(B),1.4(D),B6\n"
        "CONFIDENTIAL \u2014 Reason: 1.4(B), 1.4(D) \u2014 Declassify on:\n"
    )
    case = cands(text, "declassification.case_numbers")
    assert [(c.value, text[c.start : c.end]) for c in case] == [("F-2014-20439", "F-2014-20439")]
    dates = sorted((c.value, text[c.start : c.end]) for c in cands(text, "declassification.review_dates"))
    assert dates == [("2015-07-30", "07/30/2015"), ("2015-07-31", "07/31/2015")]
    ex = values(text, "declassification.exemptions")
    assert ex == ["B1", "1.4(B)", "1.4(D)", "B6"]
    assert values(text, "declassification.reviewers") == ["DAS, A/GIS, DoS"]


def test_state_declassification_authority():
    # state-foia-talbott/C06771343 (wrapped) and C06815173 (spaces lost, "3/1?/2020")
    text = (
        "TIME: 1243 EDT \nDeclassification Authority: Geoffrey W. \n"
        "Chapman, Senior Reviewer, A/GIS/IPS 1/9/2020 \nPARTICIPANTS: THE ACTING SECRETARY\n"
    )
    auth = cands(text, "declassification.authorities")
    assert [c.value for c in auth] == ["Geoffrey W. Chapman, Senior Reviewer, A/GIS/IPS"]
    assert text[auth[0].start : auth[0].end] == "Geoffrey W. \nChapman, Senior Reviewer, A/GIS/IPS"
    assert values(text, "declassification.review_dates") == ["2020-01-09"]
    text2 = "CO\n1\nDeclassificationAuthority:GeoffreyW. Chapman, SeniorReviewer,A/GIS/IPS\n3/1?/2020\n"
    assert values(text2, "declassification.authorities") == [
        "Geoffrey W. Chapman, Senior Reviewer, A/GIS/IPS"
    ]
    assert values(text2, "declassification.review_dates") == ["2020-03-1X"]


def test_executive_order_lines():
    # state-telegrams/72TEHRAN1164, state-telegrams/79TEHRAN8980, nixon-library NSSM 56 (garbled)
    text = (
        "UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164 \n\nE.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006 \n"
    )
    assert values(text, "declassification.authorities") == ["E.O. 12958"]
    dates = cands(text, "declassification.review_dates")
    assert [(c.value, text[c.start : c.end]) for c in dates] == [("2006-06-21", "JUNE 21, 2006")]
    assert values("E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P \n", "declassification.authorities") == [
        "E.O. 12065"
    ]
    nixon = "DEC AS\n\u2018EB.O. 12956, as amended, Scet 3.5\nBy A\u00a2~ Date o NATIONAL SECURITY COUNCIL\n"
    assert values(nixon, "declassification.authorities") == ["E.O. 12958"]
    assert any(c.value is True for c in cands(nixon, "declassification.declassified"))
    # prose mentioning an order is not a marking (jfk-applevision/2023__docid-32404069)
    assert not values(
        "Under E.O. 12958,\n\ninformation that is over 25 years old", "declassification.authorities"
    )


def test_derived_from_authority():
    # odni nsa_course_materials and jfk-tesseract/2022__144-10001-10171
    text = "Derived From: NSA/CSSM 1-52\n\nDated: 20070108\n\nDeclassify On: 20350501\n"
    auth = cands(text, "declassification.authorities")
    assert [(c.value, text[c.start : c.end]) for c in auth] == [("NSA/CSSM 1-52", "NSA/CSSM 1-52")]
    assert not values(text, "declassification.review_dates")
    assert values(
        "Derived From: NSA/CSSM 123-2,\nDated 3 September 1991\n", "declassification.authorities"
    ) == ["NSA/CSSM 123-2"]


def test_rif_restrictions_are_not_authorities():
    # jfk-applevision/2023__124-10164-10277 RIF RESTRICTIONS block;
    # jfk-tesseract/2022__docid-32269615 redaction citation
    rif = "RESTRICTIONS:\n\nJFK Act (1)(B)\n\nJFK Act 6 (1)(C)\n\nJFK Act 6 (4)\n"
    assert not values(rif, "declassification.authorities")
    body = "390-44-4227\n\nJFK Act 5 (g) (2) (D)\n\nDATE 01/05/79\n"
    assert values(body, "declassification.authorities") == ["JFK Act 5 (g) (2) (D)"]


def test_spans_in_range_on_mixed_text():
    check_spans("NW 65924 DocId:32105898 Page 1\nRELEASE IN FULL\nE.O. 13526\n(b)(1) 25X1")


def _dates(text):
    return [(c.value, text[c.start : c.end]) for c in cands(text, "declassification.review_dates")]


def test_fbi_automatic_declassification_guide_date():
    # jfk-applevision/2023__124-90137-10324 and 2023__124-10369-10024; a garbled "00-15-2023" is no date
    # (jfk-applevision/2023__124-10226-10287)
    text = (
        "DECLASSITICATION AUTHCRITY DERIVED ERCU:\n\n"
        "EBI AUTONATIC LEELASSIEICATION CUIDE\n\nDATE 06-02-2023\n\nBY: E54393X42\n"
    )
    assert _dates(text) == [("2023-06-02", "06-02-2023")]
    text2 = (
        "DECLASSIEICATION AUTCOITY DERIVED ERDU:\n\nEBI AUTOMATIC DECLASSIZICATION CUIDE\n\n"
        "DATE 03-18-2023\n\nEX: 204338442\n"
    )
    assert _dates(text2) == [("2023-03-18", "03-18-2023")]
    text3 = "FBI AUTOMATIC DECLASSIEICATIEN CUIDE\n\nDATE 00-15-2023\n\nBY: F51493442\n"
    assert _dates(text3) == []


def test_arrb_final_determination_notification():
    # jfk-tesseract/2022__docid-32239476 and 2022__docid-32239491; "Date of Next Review: 2017" is not a review
    text = (
        "Assassination Records Review Board\nFinal Determination Notification\n\nAGENCY : HSCA\n\n"
        "RECORD NUMBER : 180-10060-10483 ened eee f\n\n: ecords Collection Act of\n\n"
        "AGENCE Sone SERTES ; STAFF PAYROLL RECORDS 982 (44 USC 2107 Note}\n7 asett:NW 68261 Date:\n\n"
        "December 8, 1995\n\n| Status of Document: Postponed in Part\n\nDate of Next Review: 2017\n\n"
        "Board Review Completed: 10/24/95\n\n| NW 68261\n| Docld:32239491 Page 1\n"
    )
    assert sorted(_dates(text)) == [("1995-10-24", "10/24/95"), ("1995-12-08", "December 8, 1995")]


def test_cia_release_stamp_year():
    # jfk-applevision/2023__104-10320-10086 and 2023__104-10336-10011; "1093" (2023__104-10180-10171) is OCR
    text = "CIA HISTORICAL REVIEW PROGRAM\n\nRELEASE AS SANITIZED\n\n1999\n"
    assert _dates(text) == [("1999", "1999")]
    text2 = "CLA SPECIAL, COLLECTIONS\n\nRELEASE IN FULL\n\n2000\n"
    assert _dates(text2) == [("2000", "2000")]
    assert _dates("CIA HISTORICAL REVIEW PROGRAM\n\nRELEASE AS SANITIZED\n\n1093\n") == []


def test_cia_no_objection_to_release_of_cia_information():
    # jfk-applevision/2023__124-10164-10277 and 2025__124-10296-10130: reviewer initials and date
    text = (
        "RELEASE OF CIA INFORMATION\n\nMA. ROSEN\n\nIN THIS DOCUMENT\n\nME. SULLIVAN EXUPT FoR Brakket\n\n"
        "EmineN 4-18-97\n\n9803 280/9ck 25:\n"
    )
    assert _dates(text) == [("1997-04-18", "4-18-97")]
    text2 = (
        "RELEASE OF CIA INFORMATION\n\nsubject: George Hoover PRAIt,\n\nIN THIS DOCUMENT. ExCEPT FOR\n\n"
        "Internal Security - Laos, Racial\n\nMatters:\n\nBRACIUTS\n\nKP 10-10-97 520/45R 1-17-98 (JFK)\n"
    )
    assert _dates(text2) == [("1997-10-10", "10-10-97")]


def test_release_banner_damaged_or_cut():
    # jfk-tesseract/2022__104-10192-10254: "R" split from "ELEASE"
    text = (
        "[104-10192-10254)\n\nSi | es\n2022 Rl\n; ELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION\n"
    )
    assert _dates(text) == [("2022", "2022")]
    # pdf/104-10093-10109: banner cut after PRESIDENT: the year, no authority
    text2 = "yuyu. \n104-10093-10109 2025 RELEASE UNDER THE PRESIDENT \nom. MEXICO CITY a we \n"
    assert _dates(text2) == [("2025", "2025")]
    assert values(text2, "declassification.authorities") == []


def test_jfk_stamp_date_without_case_label():
    # jfk-applevision/2021__docid-32412298: the "Case#:" label is unreadable
    text = (
        "Released under\n\nthe John F.\n\nassassination\n\nRecords Collection\n\nAct of 1992|44\n\n"
        "ISC 2107 Note].\n\nLaset: Nur basaf\n\nDate: 10-28-2021\n\nDEC 3 20362 60\n"
    )
    assert _dates(text) == [("2021-10-28", "10-28-2021")]


def test_cia_declassified_and_approved_for_release_year():
    # jfk-tesseract-2025/jfk_doc_885 ("Date: 2003" garbled); jfk-tesseract/2022__104-10307-10032 ("Date: OOS")
    text = (
        ". Declassified and Approved for Release\nby the Central intelligence Agency\n\nce E2003\n\n"
        "DOHB 70-1-1\n"
    )
    assert _dates(text) == [("2003", "2003")]
    text2 = "Declassified and Approved for Release\nby the Central intelligence Agency\n\nDate: OOS\n\nFR\n"
    assert _dates(text2) == []
