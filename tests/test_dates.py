"""declass.dates (the shared date reader) and declass.extract.dates (the fallback document date)."""

from declass.dates import earlier, find_dates, parse_date, resolve_year
from declass.document import Document
from declass.extract import dates as fallback


def _values(text):
    return [(d.value, text[d.start : d.end]) for d in find_dates(text)]


def test_forms():
    assert _values("Washington, October 26, 1962") == [("1962-10-26", "October 26, 1962")]
    assert _values("23 December 1966") == [("1966-12-23", "23 December 1966")]
    assert _values("DATE: 26OCT62") == [("1962-10-26", "26OCT62")]
    assert _values("Date: 10-21-2021") == [("2021-10-21", "10-21-2021")]
    # state-telegrams/72TEHRAN1164 date-time group
    assert _values("R 250930Z FEB 72 ") == [("1972-02-25", "250930Z FEB 72")]
    assert parse_date("1962-10-26") == "1962-10-26"


def test_ocr_digits_and_truncated_year():
    assert _values("October 26,l962") == [("1962-10-26", "October 26,l962")]
    assert _values("l0/26/62") == [("1962-10-26", "l0/26/62")]
    assert _values("REVIEWED BY Sh DATE 8/19/8") == [("198X-08-19", "8/19/8")]


def test_month_name_letters_are_not_a_day():
    # jfk-applevision/2023__docid-32404069: "April 1997" must not read as day "il" (11) of April
    assert _values("Washington a CDOSOS\n15 April 1997") == [("1997-04-15", "15 April 1997")]
    assert _values("April 1968") == [("1968-04", "April 1968")]
    assert find_dates("Apr il 1962") == []


def test_resolve_year_and_earlier():
    assert resolve_year("66") == "1966"
    assert resolve_year("62", era=1963) == "1962"
    assert resolve_year("8") == "198X"
    assert resolve_year("2999") is None
    assert earlier("1962-10-26", "1994-07-19")
    assert not earlier("198X-08-19", "1985-01-01")


def _fallback(text):
    return [(c.value, text[c.start : c.end], c.method) for c in fallback.extract(Document.from_text(text))]


# jfk-tesseract/2018__104-10007-10149 (memo with a dateline, OCR month slightly damaged in the original)
MEMO = """104-10007-10149)

A.

XAAZ.- 363 Sa

23 December 1966

MEMORANDUM TO: DC/SB/SOV
FROM :
"""

# jfk-applevision/2021__docid-32324509: RIF cover then the document; stamps below the heading
RIF_DOC = """JFK Assassination System

Identification Form

AGENCY: FBI

RECORD NUMBER :

124-90029-10001

Released under the John F. Kennedy

Assassination Flecords Collection Act of

1992 (44 USC 2107 Note). Case#:NW

56000 Date: 11-03-2021

DATE OF LAST REVIEW :

09/15/1998

NW 66000 Docld:32324509 Page 1
\fCONFIDENTIAL

MEADQUARTERS SIXTH ARMY

DECLASSIFICE: HAML

021 4-21-98

ALL FBI INFORMATION CONTAINED

DATE 5-7-95 BY56655L0

13 JAN 1954
"""


def test_fallback_dateline():
    assert _fallback(MEMO) == [("1966-12-23", "23 December 1966", "rule:dateline-fallback")]


def test_fallback_skips_rif_and_stamps():
    got = _fallback(RIF_DOC)
    assert got == [("1954-01-13", "13 JAN 1954", "rule:dateline-fallback")]


def test_fallback_skips_periods_and_late_dates():
    # jfk-applevision/2021__docid-32424944: a schedule period is not the date of writing
    text = "OPERATION MONGOOSE\n\nPRIORITY OPERATIONS SCHEDULE\n\n21 MAY - 30 JUNE 1962\n\nTASK\n"
    assert _fallback(text) == []
    # jfk-tesseract/2022__docid-32269615: "ACCOUNTING PERIOD 12/01/78 TO 12/31/78"
    assert _fallback("CERTIFICATION REPORT\n12/01/78 TO 12/31/78\n") == []
    # jfk-applevision/2023__124-90137-10324: FBI declassification guide date after the stamp line
    stamp = (
        "DECLASSIFICATION AUTHORITY DERIVED FROM:\nFBI AUTOMATIC DECLASSIFICATION GUIDE\nDATE 06-02-2023\n"
    )
    assert _fallback(stamp) == []


def test_date_distr_label():
    # pdf/176-10036-10149 style CIA information report header (readable form)
    text = "COUNTRY SOUTH VIETNAM\nSUBJECT FURTHER PLANNING OF LANG COUP GROUP DATE DISTR. 2 October 1963\n"
    assert _fallback(text) == [("1963-10-02", "2 October 1963", "rule:date-distr")]


def test_ocr_damaged_month_capital():
    # jfk-tesseract/2018__104-10007-10149 "23 Necember 1966"
    # jfk-applevision/2021__docid-32324509 "6 lovember 1$53" (here with its year readable)
    assert _values("23 Necember 1966") == [("1966-12-23", "23 Necember 1966")]
    assert _values("6 lovember 1953") == [("1953-11-06", "6 lovember 1953")]
    assert find_dates("Remember 1966") == []


def test_date_dispatched_form_field():
    # jfk-applevision/2023__104-10216-10034: CIA dispatch form, value two lines below the label
    text = "SECRET -HYBAT\n\n001-252231\n\nCATE TIPTO\n\nDATE DISPATCHED\n\n5 Oct 62\n\nOCT 11 1962\n"
    assert _fallback(text) == [("1962-10-05", "5 Oct 62", "rule:date-dispatched")]


def test_time_glued_to_four_digit_year():
    # state-foia-clinton/C05783188 and C05786550: the text layer lost the space before the time
    assert _values("Sent: Tuesday, September 20, 201112:07 AM") == [("2011-09-20", "September 20, 2011")]
    assert _values("Sent: Friday, May 6, 201112:26 AM") == [("2011-05-06", "May 6, 2011")]
    assert parse_date("Tuesday, September 20, 201112:07 AM") == "2011-09-20"
    # a longer number is still not a year
    assert find_dates("Oct 26, 196212") == []


def test_fallback_bare_date_line_bounds_only_in_review_era():
    # jfk-tesseract/2022__docid-32269615: the HSCA report's own "DATE 01/05/79" line is no review stamp
    text = (
        "HOUSE OF REPRESENTATIVES\n\nDATE 01/05/79\nREPORT ID 0014.00.00\n\nu.\n\n"
        "HOUSE OF REPRESENTATIVES\nCERTIFICATION REPORT\nACCOUNTING PERIOD 12/01/78 TO 12/31/78\n"
    )
    assert _fallback(text) == [("1979-01-05", "01/05/79", "rule:dateline-fallback")]
    # jfk-applevision/2021__docid-32324509: an FBI stamp "DATE 5-7-95" still bounds the document date
    stamp = "HEREIN IS UNCLASSIFIED\n\nDATE 5-7-95\n\nPRECAP-I PHASE II\n\n6 November 1997\n"
    assert _fallback(stamp) == []


def _every_form_everywhere(text, era=None):
    """find_dates as it read before it matched only where a date can start: every form tried at every
    position of the text."""
    from declass import dates

    found, taken = [], bytearray(len(text))
    for form, pattern in dates.FORMS:
        for m in pattern.finditer(text):
            if 1 in taken[m.start() : m.end()]:
                continue
            dm = dates._from_match(m, form, era)
            if dm is not None:
                found.append(dm)
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return sorted(found, key=lambda d: d.start)


def test_dates_found_where_they_start_as_everywhere():
    # the month-name forms are matched only where a month name can start (an OCR-damaged capital one
    # character before its tail, at the text's start too), the numeric ones before a separator
    assert _values("Necember 23, 1966") == [("1966-12-23", "Necember 23, 1966")]
    assert _values("6 lovember 1953; 281848Z DEC 66") == [
        ("1953-11-06", "6 lovember 1953"),
        ("1966-12-28", "281848Z DEC 66"),
    ]
    want = [("1962-10-26", "1962-10-26"), ("1962-10-26", "10.26.1962")]
    assert _values("1962-10-26 and 10.26.1962") == want
    import random

    rnd = random.Random(6)
    pieces = [
        "23", "1", "l", "I", "O", "1O", "Dec", "DEC", "december", "Necember", "ecember", "lovember", "Oct.",
        "Sept", "Febr", "ebruary", "Jan", "anuary", "May", "june", "1962", "62", "l962", "2011", "12:07",
        " ", "  ", ",", ".", "/", "-", "Z", "281848", "\n", "th", "ſep", "x", "٢٣", "23  Dec 62",
        "l9  lovember 1953",
        "281848 Z  DEC 66", "10/26/62", "1962/1O/26", "Sept. 26 1962", "Oct. 1962",
    ]  # fmt: skip
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10)))
        era = rnd.choice([None, 1965, 2010])
        assert find_dates(text, era) == _every_form_everywhere(text, era), text
