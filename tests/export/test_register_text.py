"""The sign-up register in Markdown and HTML, from session files merged by `workshop merge`: one
entry per organisation, its latest kept (an organisation that signed again in a later session,
its name spelt differently) and the earlier one listed as superseded; people's words inert in
Markdown and escaped in HTML; `anonymise` leaves out every signatory's and facilitator's name
and says so once; a consultation ends with the register only when someone signed."""

from __future__ import annotations

from datetime import date

import pytest
from export_helpers import council_sessions
from test_assessment_md_html import merged_result
from test_export_html import parse as parse_html
from test_export_html import section
from test_export_markdown import parse as parse_md
from test_export_markdown import tables, walk

from modes_helpers import SIGNATORIES, assessment, sign_up
from workshop.consultation.report import ANONYMISED_NOTE
from workshop.export import export_bytes

AGAIN = {"organisation": "manchester  city council", "name": "Alex Chief", "role": "Leader",
         "signed": date(2027, 1, 5), "reservations": ""}
"""Manchester City Council signing again, its name in other case and spacing."""
HEAD = ["Organisation", "Name", "Role", "Signed", "Reservations"]
PARTNERS = "Greater Manchester partners, 22 November 2026"
BOLTON = "Bolton | partners, 5 January 2027"


@pytest.fixture
def merged(tmp_path, protocol):
    return merged_result(tmp_path, protocol, [
        sign_up(protocol, facilitator="Fay Facilitator"),
        sign_up(protocol, "Bolton | partners", [AGAIN], on=date(2027, 1, 5),
                facilitator="Bo Other")])


def test_markdown_register_keeps_the_latest_entry_and_lists_the_superseded(merged, protocol):
    data = export_bytes(merged, protocol, "md")
    found = tables(parse_md(data))
    current = next(t for t in found if t[0] == [*HEAD, "Workshop"])
    reservations = SIGNATORIES[1]["reservations"]
    assert current[1:] == [
        ["Greater Manchester Police", "Jo Officer", "Superintendent", "20 November 2026", "None",
         PARTNERS],
        ["manchester  city council", "Alex Chief", "Leader", "5 January 2027", "None", BOLTON],
        ["NHS Manchester", "Sam <b>Lead</b>", "Director", "22 November 2026", reservations,
         PARTNERS]]
    superseded = next(t for t in found if t[0] == [*HEAD, "Status", "Workshop"])
    assert superseded[1:] == [["Manchester City Council", "Alex Chief", "Chief Executive",
                               "22 November 2026", "None",
                               "Superseded by the entry of 5 January 2027", PARTNERS]]
    assert {t.type for t in walk(parse_md(data))}.isdisjoint({"html_inline", "html_block",
                                                               "link_open"})
    text = data.decode()
    assert "3 organisations signed up, 1 with reservation; 1 earlier entry superseded." in text
    assert text.count("organisations signed up") == 1  # the summary says it, the register not


def test_html_register_and_its_escaping(merged, protocol):
    data = export_bytes(merged, protocol, "html")
    page = section(data, "register")
    current, superseded = page.tables
    assert current[0] == [*HEAD, "Workshop"] and superseded[0] == [*HEAD, "Status", "Workshop"]
    assert [row[:4] for row in current[1:]] == [
        ["Greater Manchester Police", "Jo Officer", "Superintendent", "20 November 2026"],
        ["manchester  city council", "Alex Chief", "Leader", "5 January 2027"],
        ["NHS Manchester", "Sam <b>Lead</b>", "Director", "22 November 2026"]]
    assert superseded[1][0] == "Manchester City Council"
    assert superseded[1][5] == "Superseded by the entry of 5 January 2027"
    assert SIGNATORIES[1]["reservations"] in page.user
    html = data.decode()
    assert "<b>Lead" not in html and "Sam &lt;b&gt;Lead&lt;/b&gt;" in html
    assert "b" not in [t for t, _ in parse_html(data).tags]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_anonymised_register_withholds_every_name(merged, protocol, fmt):
    plain = export_bytes(merged, protocol, fmt).decode()
    names = ("Alex Chief", "Jo Officer", "Sam ", "Fay Facilitator", "Bo Other")
    assert all(name in plain for name in names)
    data = export_bytes(merged, protocol, fmt, anonymise=True).decode()
    assert not [name for name in names if name in data]
    assert data.count(ANONYMISED_NOTE) == 1
    assert "Withheld" in data and "Chief Executive" in data and "NHS Manchester" in data


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_consultation_ends_with_the_register_only_when_someone_signed(tmp_path, protocol,
                                                                         fmt):
    sessions = council_sessions(protocol)
    before = export_bytes(merged_result(tmp_path, protocol, sessions, "a.toml"), protocol, fmt)
    assert b"Sign-up register" not in before and b"anonymised" not in before
    sessions[1].add_signatory(**SIGNATORIES[0])
    after = export_bytes(merged_result(tmp_path, protocol, sessions, "b.toml"), protocol, fmt)
    text = after.decode()
    if fmt == "md":
        assert text.index("## Sign-up register") > text.index("## Recommendations")
        assert text.rstrip().endswith("| Bristol Forum, 3 November 2026 |")
    else:
        assert text.index('<section id="register"') > text.index('<section id="recommendation"')
        assert '<a href="#register">Sign-up register</a>' in text
        assert "1 organisation signed up, 0 with reservations." in text


def test_a_sign_up_nobody_signed_yet_says_so(tmp_path, protocol):
    merged = merged_result(tmp_path, protocol, [sign_up(protocol, signatories=[])])
    text = export_bytes(merged, protocol, "md").decode()
    assert "Nobody has signed up yet." in text and "## Sign-up register" not in text
    html = export_bytes(merged, protocol, "html").decode()
    assert "Nobody has signed up yet." in html and 'id="register"' not in html
    assert "#register" not in html  # no link to a section that is not there


def test_an_assessment_in_which_someone_signed_ends_with_the_register(tmp_path, protocol):
    rated = assessment(protocol, principles=1)
    rated.add_signatory(**SIGNATORIES[1])
    merged = merged_result(tmp_path, protocol, [rated])
    text = export_bytes(merged, protocol, "md").decode()
    assert text.index("## Sign-up register") > text.index("## 6. ")
    assert "1 organisation signed up, 1 with reservation." in text
    html = export_bytes(merged, protocol, "html").decode()
    assert html.index('<section id="register"') > html.index('<section id="p-')
    assert '<a href="#register">Sign-up register</a>' in html
