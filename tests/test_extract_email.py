"""E-mail header extractor: the newest message's From/Sent/To/Cc/Subject block, on real snippets."""

from declass.document import Document
from declass.extract import email


def _by_field(text):
    out = {}
    for c in email.extract(Document.from_text(text)):
        out.setdefault(c.field, []).append(c)
    return out


# state-foia-clinton/C05739682: quoted addresses, Cc with a stray period, an older message below
C05739682 = """Case No. F-2015-04841
Doc No. C05739682
Date: 05/13/2015
                                                                                          RELEASE IN PART
                                                                                          B5



           From:                              H <hrod17@clintonemail.com >
           Sent:                              Friday, October 12, 2012 6:10 AM
           To:                                'sullivanjj@state.gov'
           Cc:                                'SchwerinDB@state.gov.
           Subject:                           Re: Ending of speech


           Ok. I'll read the whole thing. Can you email it to me?

               Original Message
           From: Sullivan, Jacob J [mailto:Sullivanii@state.gov]
           Sent: Friday, October 12, 2012 12:56 AM
           To: H
           Subject: Ending of speech
"""


def test_newest_message_block():
    f = _by_field(C05739682)
    (s,) = f["sender"]
    assert s.value == "H" and C05739682[s.start : s.end] == "H"
    (to,) = f["addressees"]
    assert to.value == "sullivanjj@state.gov" and C05739682[to.start : to.end] == "sullivanjj@state.gov"
    assert [c.value for c in f["copies_to"]] == ["SchwerinDB@state.gov"]
    (subj,) = f["subject"]
    assert subj.value == "Re: Ending of speech" and C05739682[subj.start : subj.end] == "Re: Ending of speech"
    (d,) = f["document_date"]
    assert d.value == "2012-10-12"
    assert C05739682[d.start : d.end] == "Friday, October 12, 2012"


# state-foia-clinton/C05739545: empty To:, name with address tail
C05739545 = """            From:                            Sullivan, Jacob J <Sullivan11@state.gov >
            Sent:                            Wednesday, September 12, 2012 10:16 AM
            To:
            Subject:                         FW: Wow

            From: Brose, Christian (Armed Services) (mailto:Christian_Brose@armed-servic,essenate.govi
            Sent: Wednesday, September 12, 2012 10:09 AM
            To: Sullivan, Jacob J
"""


def test_empty_to_gives_no_addressee():
    f = _by_field(C05739545)
    assert "addressees" not in f
    assert f["sender"][0].value == "Sullivan, Jacob J"
    assert f["subject"][0].value == "FW: Wow"
    assert f["document_date"][0].value == "2012-09-12"


# state-foia-clinton/C05786550: time glued to the year; C05763745: exemption code column
def test_glued_year_and_exemption_column():
    text = (
        "From:                             H <hrod17@clintonemail.com>\n"
        "Sent:                             Friday, May 6, 201112:26 AM\n"
        "To:                               'sullivanjj@state.gov'\n"
    )
    f = _by_field(text)
    assert f["document_date"][0].value == "2011-05-06"
    text2 = (
        "From:                            jake.sullivan"
        "                                                            B6\n"
        "Sent:                            Sunday, August 16, 2009 7:02 AM\n"
        "To:                              H\n"
        "Subject:                         Re:"
        "                                                                   1.4(B)\n"
    )
    f2 = _by_field(text2)
    assert f2["sender"][0].value == "jake.sullivan"
    assert f2["subject"][0].value == "Re:"
    assert [c.value for c in f2["addressees"]] == ["H"]


def test_memo_without_email_block():
    # seed/seed_rostow_1962: a FROM: memo line is not an e-mail header
    assert not _by_field("TO: The Secretary\n\nFROM: S/P - W. W. Rostow\n\nSUBJECT: Alliance Missiles.\n")


# state-foia-clinton/C05768956: the subject runs on in the value column
C05768956 = """From:                             Mills, Cheryl D <MillsCD@state.gov>
Sent:                             Friday, March 26, 2010 6:39 AM
To:                               H
Subject                           FW: Memo for Secretary Gates that Secretary Clinton had intended to hand to him at
                                  yesterday's hearing
Attachments:                      2010-03-25 MEMORANDUM FOR THE SECRETARY.docx
"""  # noqa: E501
# state-foia-clinton/C05792626: a right-hand column under the subject is the review block, not subject
C05792626 = """From:                              Mills, Cheryl D <MillsCD@state.gov>
Sent:                              Saturday, October 13, 2012 10:11 AM
To:                                H
Subject:                           Fw: This am Green on Blue
                                                             Classified by DAS, A/GIS, DoS on 01/29/2016 —
                                                             Class: SECRET — Reason: 1.4(C), 1.4(D) — Declassify
"""  # noqa: E501


def test_subject_continuation_in_the_value_column():
    (s,) = _by_field(C05768956)["subject"]
    assert s.value.endswith("had intended to hand to him at yesterday's hearing")
    raw = C05768956[s.start : s.end]
    assert raw.endswith("him at\n" + " " * 34 + "yesterday's hearing")
    (s,) = _by_field(C05792626)["subject"]
    assert s.value == "Fw: This am Green on Blue"
    (s,) = _by_field(C05739682)["subject"]
    assert s.value == "Re: Ending of speech"


# benchmarks/state_foia/C05772538: an OCR bullet between the Subject label and its value
C05772538 = """From:                                 H <hrod17@clintonemail.com >
Sent:                                 Sunday, January 10, 2010 5:58 PM
To:                                   'verveerms@state.gov'
Subject:              •               Re: Thank you!
"""
# datahoarder/secretary-clinton-email-dump HRCEmail_SeptemberWeb/C05772908 (public release): an OCR
# bullet before the To: label of the newest block; before it, the block ended at that line and no
# header was read at all
C05772908 = """  From:                            H <hrod17@clintonemail.com >
  Sent:                            Tuesday, January 19, 2010 7:20 AM
• To:                              'mchaleja@state.gov.
  Cc:                              'crowleypj@state.gov'; 'cheryl.mills
  Subject:                         Re: Al Jazeera English/follow-up
"""


def test_ocr_bullet_before_label_or_value():
    (s,) = _by_field(C05772538)["subject"]
    assert s.value == "Re: Thank you!" and C05772538[s.start : s.end] == "Re: Thank you!"
    f = _by_field(C05772908)
    assert [c.value for c in f["addressees"]] == ["mchaleja@state.gov"]
    assert [c.value for c in f["copies_to"]] == ["crowleypj@state.gov", "cheryl.mills"]
    assert f["subject"][0].value == "Re: Al Jazeera English/follow-up"
    assert f["document_date"][0].value == "2010-01-19"
    # HRCEmail_Feb13thWeb/C05760773 (public release), an older message of the chain: "•From: Lew, Jacob 3"
    m = email.FIELD_LINE.match("•From: Lew, Jacob 3")
    assert m and m["label"] == "From" and m["value"] == "Lew, Jacob 3"
    # a bullet alone is no value
    assert email._first_column("•") == ""


# benchmarks/state_foia/C05772126 (sender) and C05763792 (Cc): the middle initial J read as "1"
C05772126 = """From:                             Sullivan, Jacob 1 <SullivanJ1@state.gov>
Sent:                             Saturday, December 18, 2010 2:40 PM
To:
Subject:                          RE: Emergency session of UNSC
"""
C05763792 = """From:                              Mills, Cheryl D <MillsCD©state.gov>
Sent:                              Thursday, July 16, 2009 6:03 PM
To:
Cc:                                Abedin, Huma; Sullivan, Jacob 1
Subject:                           FW: Africa
"""


def test_digit_read_for_middle_initial():
    (s,) = _by_field(C05772126)["sender"]
    assert s.value == "Sullivan, Jacob J" and C05772126[s.start : s.end] == "Sullivan, Jacob 1"
    cc = _by_field(C05763792)["copies_to"]
    assert [c.value for c in cc] == ["Abedin, Huma", "Sullivan, Jacob J"]
    assert C05763792[cc[1].start : cc[1].end] == "Sullivan, Jacob 1"
    # older messages of benchmarks/state_foia C05761458, C05758932 and HRCEmail_Feb13thWeb/C05760773
    assert email._initial_letter("Tauscher, Ellen 0") == "Tauscher, Ellen O"
    assert email._initial_letter("Blake, Robert 0") == "Blake, Robert O"
    assert email._initial_letter("Lew, Jacob 3") == "Lew, Jacob J"
    # not the directory's "Last, First M" shape, or not a digit: unchanged
    for name in ("H2", "Valmoro, Lona i", "Room 1", "Smith, Daniel B", "Barks-Ruggles, Erica 7"):
        assert email._initial_letter(name) == name
