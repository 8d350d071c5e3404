"""FRUS editorial heads: sender/addressees from the head, dateline date, type markers."""

from declass.document import Document
from declass.extract import frus


def _cands(text):
    return {(c.field, c.value): text[c.start : c.end] for c in frus.extract(Document.from_text(text))}


# frus1918Russiav03_d150
D150 = """File No. 861.00/1401

The Ambassador in Russia (Francis) to the Secretary of State

[Telegram—Extract]

Vologda, March 29, 1918, 9 p.m. [Received March 30, 7.50 p.m.]

Moscow press prints to-day: "American Consul informed Supreme Economic Council ..."
"""

# frus1927v01_d174
D174 = """500.A15/480: Telegram

The Secretary of State to the Chief of the American Representation on the Preparatory Commission (Gibson)

Washington, April 10, 1927—6 p.m.

113. Your 225, April 9, 10 a.m. The Navy Department feels that ...
"""

# frus1918Russiav03_d44
D44 = """File No. 861.51/264

The Consul General at Moscow (Simmers) to the Secretary of State

Moscow, December 13, 1917. [Received January 30, 1918.]

No. 240

Sir: I have the honor to report ...
"""

# frus1934v04_d240 (tail)
D240 = """724.3415/4056: Telegram

The Ambassador in Argentina (Weddell) to the Secretary of State

Buenos Aires, August 29, 1934—5 p.m. [Received 8:55 p.m.]

142. Referring to my telegram No. 139, August 27, 4 p.m., Brazilian Ambassador today told me ...

Repeated to Rio de Janeiro.

Weddell
"""


def test_head_sender_addressee_dateline_and_telegram_marker():
    c = _cands(D150)
    assert c[("sender", "The Ambassador in Russia (Francis)")] == "The Ambassador in Russia (Francis)"
    assert c[("addressees", "The Secretary of State")] == "the Secretary of State"
    assert c[("document_date", "1918-03-29")] == "March 29, 1918"
    assert c[("document_type", "telegram")] == "Telegram"
    # the received date is not the document date
    assert ("document_date", "1918-03-30") not in c


def test_secretary_as_sender_and_file_line_telegram():
    c = _cands(D174)
    assert c[("sender", "The Secretary of State")] == "The Secretary of State"
    key = ("addressees", "The Chief of the American Representation on the Preparatory Commission (Gibson)")
    assert c[key] == "the Chief of the American Representation on the Preparatory Commission (Gibson)"
    assert c[("document_date", "1927-04-10")] == "April 10, 1927"
    assert c[("document_type", "telegram")] == "Telegram"
    assert not [k for k in c if k[0] == "subject"]


def test_despatch_number_and_received_dateline():
    c = _cands(D44)
    assert c[("document_date", "1917-12-13")] == "December 13, 1917"
    assert c[("document_type", "dispatch")] == "No. 240"
    assert ("document_type", "telegram") not in c


def test_repeated_to_is_copies_to():
    c = _cands(D240)
    assert c[("copies_to", "Rio de Janeiro")] == "Rio de Janeiro"
    assert c[("sender", "The Ambassador in Argentina (Weddell)")]


def test_not_frus_without_dateline():
    text = "The Director to the Secretary of State\n\nSome body text without a dateline.\n"
    assert _cands(text) == {}
