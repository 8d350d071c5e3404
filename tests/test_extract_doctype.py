"""Tests for declass.extract.doctype: snippets copied verbatim from corpus documents."""

from declass.document import Document
from declass.extract import doctype


def _type(text):
    doc = Document.from_text(text)
    cands = list(doctype.extract(doc))
    assert len(cands) <= 1
    if not cands:
        return None, None
    c = cands[0]
    assert c.field == "document_type"
    return c.value, doc.text[c.start : c.end]


def test_frus_telegram_and_despatch_and_letter():
    # frus/frus1927v01_d116
    assert _type("500.A15 a 1/457: Telegram\n\nThe Secretary of State to the Chairman\n") == (
        "telegram",
        "500.A15 a 1/457: Telegram",
    )
    # frus/frus1918Russiav03_d44
    text = (
        "File No. 861.51/264\n\nThe Consul General at Moscow (Simmers) to the Secretary of State\n\n"
        "Moscow, December 13, 1917. [Received January 30, 1918.]\n\nNo. 240\n\n"
        "Sir: The Maximalist newspaper\n"
    )
    assert _type(text) == ("dispatch", "Sir:")
    # frus/frus1934v04_d349
    text = "724.3415/39751\n\nThe Assistant Secretary of State (Welles) to the Minister\n\nMy Dear Osborne:\n"
    assert _type(text) == ("letter", "My Dear Osborne:")


def test_email_production_is_other():
    # state-foia-clinton/C05739545
    text = (
        "            From:                            Sullivan, Jacob J <Sullivan11@state.gov >\n"
        "            Sent:                            Wednesday, September 12, 2012 10:16 AM\n"
    )
    value, raw = _type(text)
    assert value == "other" and raw.startswith("From:")


def test_state_telegram_header():
    # state-telegrams/79TEHRAN8980
    assert _type("R 130458Z AUG 79\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 3182\n") == (
        "telegram",
        "FM AMEMBASSY",
    )
    # state-foia-talbott/C06815173
    assert _type("CO\nDomestic OutGoing Cable\n'tatus:Clearance\n") == ("telegram", "Domestic OutGoing Cable")


def test_cia_cable_header_beats_memorandum_words():
    # jfk-applevision/2021__docid-32347105 (body after the RIF)
    text = "i/37%\n\nSEEREI\n\nFRP:\n\nSTAFF\n\nCONF: C/LA-8\n\nINFO: FILE, VRA DDO-4,\n"
    assert _type(text) == ("telegram", "CONF:")


def test_memorandum_heads():
    # jfk-applevision/2021__docid-32324523 ('Memoravidum' OCR)
    text = "STANDARD FORM NO. 64\n\nOffice Memoravidum • UNITED STATES GOVERNMENT\n\nTO\n\n: DIRECTOR, EBI\n"
    assert _type(text) == ("memorandum", "STANDARD FORM NO. 64")
    # jfk-tesseract/2022__104-10111-10208 (OCR 'MEMORANIUM')
    text = "5 ‘ SECRET\n: ‘ (When filled in)\n\nMEMORANIUM FOR: Chief, Physical Security Division\n"
    assert _type(text) == ("memorandum", "MEMORANIUM FOR")
    # nixon-library/nixon-memo1_NSSM56
    text = "-GONFIDEN TAL\n\nMay 14, 1969\n\nNational Security Study Memorandum 56\n\n"
    assert _type(text) == ("memorandum", "Study Memorandum 56")


def test_from_subject_header_beats_attached_letter():
    # jfk-applevision/2023__104-10320-10086: forwarding memo with an attached letter ('Dear Walt:')
    text = (
        "FLiSSC/CI\n\nTO\n\nCIA Task Force\n\nFROM:\n\nThe Review Staff,\n\nWalter Elder\n\n"
        "SUBJECT : SSC/HSC Request\n\nThe attached SSC letter\n\nDear Walt:\n"
    )
    value, raw = _type(text)
    assert value == "memorandum" and raw.startswith("FROM:") and raw.endswith("SUBJECT :")


def test_letters():
    # jfk-applevision/2023__104-10336-10011
    text = "December 18, 1997\n\nMr. John Pereira\n\nChief\n\nHistorical Review Group\n\nDear John:\n\nThis"
    assert _type(text) == ("letter", "Dear John:")
    # jfk-applevision/2025__124-10296-10130 (FBI Date/To/From/Subject letter format)
    text = (
        "1 - Mr. Michela\n\nDate:\n\nMarch 20, 1970\n\nTo:\n\nDirector\n\nCentral Intelligence Agency\n\n"
        "Attention: Deputy Director for Plans\n\nCIA HAS NO OBJECTION TO DECLASSIFICATION AND/OR\n\n"
        "From:\n\nSubject:\n\nJohn Edgar Hoover, Director\n"
    )
    value, raw = _type(text)
    assert value == "letter" and raw.startswith("Date:") and raw.endswith("From:")


def test_forms_and_teletype_dtg():
    # jfk-tesseract/2022__docid-34431972
    assert _type(" Bach\n\nDISPOSITION FORM\n(AR 340-15)\n") == ("form", "DISPOSITION FORM")
    # jfk-tesseract/2022__124-10218-10067: FBI teletype, DTG 'Z' read as '2'
    assert _type("DECLASSIFIED BY\nP 2217502 OCT 76\nFM LEGAT CARACAS\n") == ("telegram", "P 2217502 OCT 76")


def test_note_for_before_memorandum():
    # jfk-applevision/2021__docid-32424016: a note forwarding memoranda
    text = (
        "NOTE FOR MR. VANCE\n\nAttached is the second progress report.\n\nMEMORANDUM FOR THE SPECIAL GROUP\n"
    )
    assert _type(text) == ("note", "NOTE FOR")


def test_routing_slip_not_dispatch():
    # jfk-applevision/2025__104-10105-10213: the slip's action list includes the word DISPATCH
    text = "OFFICIAL ROUTING SLIP\n\nNAME AND ADDRESS\n\nDATE\n\nDIRECT REPLY\n\nDISPATCH\n\nFILE\n"
    assert _type(text) == ("routing_slip", "OFFICIAL ROUTING SLIP")


def test_dispatch_form_ocr_split():
    # jfk-tesseract/2022__104-10217-10209
    text = "eee icaatent Cant tees - 1\n\nDISPATC\n\nH |\n\nChief, FE\n\nSEGRET\n"
    value, raw = _type(text)
    assert value == "dispatch" and raw.startswith("DISPATC")


def test_rif_cover_sheet_is_skipped():
    # jfk-applevision/2021__docid-32309610: RIF says MEMORANDUM-ish things; the memo starts after the footer
    text = (
        "JFK Assassination System\n\nIdentification Form\n\nTITLE:\n\nDOCUMENT TYPE:\n\nNWV 65994\n\n"
        "Docld:32309610 Page 1\n\nBest avas-able image\n\n_KNMENT\n\nMemorandum\n\nDirector, FBI (65-68043)\n"
    )
    assert _type(text) == ("memorandum", "Memorandum")


def test_no_cue_no_type():
    # odni/20131119-odni__verification_slide style: nothing typed
    assert _type("Verification of RAS\n\nWhat must be checked before querying\n") == (None, None)


def test_email_production_with_colonless_labels():
    # benchmarks/state_foia/C05739559 and C05762319: "Sent" (and "From") printed without a colon
    text = (
        "               From:                          H < hrod17@clintonernailcom>\n"
        "               Sent                           Wednesday, September 12, 2012 2:11 PM\n"
    )
    value, raw = _type(text)
    assert value == "other" and raw.startswith("From:") and raw.endswith("Sent")
    text = (
        "From:                              Abedin, Huma <AbedinH@state.gov>\n"
        "Sent                               Sunday, June 14, 2009 6:03 PM\n"
    )
    assert _type(text)[0] == "other"
    # benchmarks/state_foia/C05739609: "From   Name" / "Sent   date", neither with a colon
    text = (
        "             From                             Marshall, Capricia P <MarshalICP@stategov>\n"
        "             Sent                             Friday, September 14, 2012 5:18 PM\n"
    )
    assert _type(text)[0] == "other"
    # a "From" sentence of a letter and a "Sent" word below it are no e-mail header
    assert _type("From the Director\nSent to the field offices\n") == (None, None)


# FRUS documents outside the corpus (HistoryAtState/frus TEI; fragments in benchmarks/frus/tei/)


def test_frus_diplomatic_notes():
    # frus1927v01_d41: "Excellency:"
    text = (
        "500.A15 a 1/244a\n\nThe Secretary of State to the British Ambassador (Howard)\n\n"
        "Washington, May 23, 1927.\n\nExcellency: In accordance with informal conversations on this "
        "subject,\n"
    )
    assert _type(text) == ("note", "Excellency:")
    # frus1918Russiav03_d45: a numbered note is a note, not a despatch
    text = (
        "File No. 861.51/255\n\nThe Secretary of State to the French Ambassador (Jusserand)\n\n"
        "Washington, January 7, 1918.\n\nNo. 2030\n\nExcellency: In reply to your excellency’s note of\n"
    )
    assert _type(text) == ("note", "Excellency:")
    # frus1934v04_d281: "Mr. Minister:"
    text = (
        "724.3415/4303\n\nThe Salvadoran Minister for Foreign Affairs (Araujo) to the Secretary of State\n\n"
        "[Translation]\n\nSan Salvador, October 25, 1934. [Received November 3.]\n\n"
        "No. A. 715 L. D. No. 1.792\n\n"
        "Mr. Minister: In relation to the Note which I had the honor to address to Your Excellency,\n"
    )
    assert _type(text) == ("note", "Mr. Minister:")
    # frus1927v01_d374: "Sir:" to a foreign envoy
    text = (
        "711.428/1089\n\nThe Secretary of State to the Canadian Minister (Massey)\n\n"
        "Washington, March 30, 1927.\n\n"
        "Sir: I have the honor to acknowledge the receipt of your note No. 53 of March 22, 1927,\n"
    )
    assert _type(text) == ("note", "the Canadian Minister")
    # frus1936v03_d538: an embassy's note to a foreign ministry
    text = (
        "690D.11241/28\n\nThe American Embassy in France to the French Ministry for Foreign Affairs\n\n"
        "No. 1414\n\nThe Embassy of the United States of America has the honor to refer to the\n"
    )
    assert _type(text) == ("note", "the French Ministry")


def test_frus_sir_to_own_envoy_stays_despatch():
    # frus1930v01_d329: an instruction to the American Minister is a despatch, not a note
    text = (
        "715.1715/366a\n\nThe Secretary of State to the Minister in Honduras (Lay)\n\n"
        "Washington, May 21, 1930.\n\nNo. 1\n\nSir: The Department understands that the\n"
    )
    assert _type(text) == ("dispatch", "Sir:")


def test_frus_memorandum_head():
    # frus1936v03_d539 (undated) and frus1934v04_d640
    text = (
        "690D.11241/28\n\nMemorandum by the Second Secretary of Embassy in France (Werlich)\n\n"
        "Paris [undated.]\n\nI called today upon M. Chauvel,\n"
    )
    assert _type(text) == ("memorandum", "Memorandum by")
    text = (
        "611.3231/701\n\nMemorandum by the Economic Adviser (Feis)\n\n[Washington,] December 6, 1934.\n\n"
        "Mr. Muniz, who is serving as special assistant to the Brazilian Ambassador\n"
    )
    assert _type(text) == ("memorandum", "Memorandum by")


def test_frus_personal_letter_to_foreign_envoy_is_a_letter():
    # frus/frus1934v04_d349 and frus/frus1918Russiav03_d462 (corpus): "My Dear ...:" wins over the parties
    text = (
        "724.3415/39751\n\nThe Assistant Secretary of State (Welles) to the British Chargé (Osborne)\n\n"
        "Washington, July 27, 1934.\n\nMy Dear Osborne: Thank you very much for your letter of July 23,\n"
    )
    assert _type(text)[0] != "note"
    text = (
        "File No. 661.119Vessels/12\n\nThe Russian Ambassador (Bakhmeteff) to the Counselor for the "
        "Department of State (Polk)\n\nWashington, March 16, 1918.\n\n"
        "My Dear Mr. Polk: Referring to the question of\n"
    )
    assert _type(text)[0] != "note"
