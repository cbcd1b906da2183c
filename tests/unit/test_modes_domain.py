"""Assessment and sign-up in the domain: the scale in protocol.toml, the session's mode, ratings,
actions and signatories, their files, merging them, and the read model's profile and register."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date

import pytest

from helpers import REPO
from modes_helpers import SIGNATORIES, assessment, merged_of, sign_up, write
from workshop.consultation.merge_rules import Found, mode_problems
from workshop.consultation.merged_file import dumps_merged, merged_from_dict
from workshop.consultation.records import SessionRecord
from workshop.consultation.report_build import build_report
from workshop.errors import ProtocolError, SessionError, SessionFileError
from workshop.protocol.load import load_protocol
from workshop.protocol.model import DEFAULT_SCALE
from workshop.session.file_format import dumps_session, read_session
from workshop.session.kinds import SIGN_UP, Mode
from workshop.session.model import Session

# -- the scale in protocol.toml ------------------------------------------------------------------


def test_the_bundled_protocol_rates_on_the_default_scale(protocol):
    scale = protocol.rating_scale
    assert scale == DEFAULT_SCALE
    assert [(p.value, p.label) for p in scale.points] == [
        (1, "Not at all"), (2, "Rarely"), (3, "Sometimes"), (4, "Mostly"), (5, "Consistently")]
    assert scale.low == 2
    # Red, purple, amber, blue, green: low to high, amber in the middle.
    assert scale.tones == {"1": "oppose", "2": "neutral", "3": "qualified", "4": "alternative",
                           "5": "support"}


def test_the_scale_is_not_part_of_the_digest(tmp_path, protocol):
    """Sessions recorded before the scale was in protocol.toml still match it."""
    text = (REPO / "protocol.toml").read_text(encoding="utf-8")
    relabelled = tmp_path / "p.toml"
    relabelled.write_text(text.replace('label = "Rarely"', 'label = "Seldom"'), encoding="utf-8")
    other = load_protocol(relabelled)
    assert other.rating_scale.label(2) == "Seldom"
    assert other.digest == protocol.digest


@pytest.mark.parametrize("change, message", [
    (('value = 3\nlabel = "Sometimes"', 'value = 7\nlabel = "Sometimes"'),
     "rating_scale[3].value: the points must rise by one from the lowest (after 2 comes 3), not 7"),
    (('value = 1\nlabel = "Not at all"', 'value = 10\nlabel = "Not at all"'),
     "rating_scale[1].value: must be a whole number from 0 to 9"),
    (('label = "Mostly"', 'label = ""'), "rating_scale[4].label: must not be empty"),
    (("rating_low = 2", "rating_low = 5"),
     "rating_low: must be a point of the scale below its highest (1 to 4), not 5"),
    (("rating_low = 2", 'rating_low = "2"'), "rating_low: must be a whole number from 0 to 9"),
])
def test_a_bad_scale_is_named_with_its_line(tmp_path, change, message):
    text = (REPO / "protocol.toml").read_text(encoding="utf-8")
    assert change[0] in text
    path = tmp_path / "protocol.toml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(ProtocolError) as caught:
        load_protocol(path)
    problem = caught.value.problems[0]
    assert f"{problem.path}: {problem.message}".startswith(message)
    assert problem.line is not None


# -- the session ---------------------------------------------------------------------------------


def test_an_assessment_counts_ratings_per_point_of_its_scale(protocol):
    session = Session.new(protocol, "Board", mode="assess")
    cid = protocol.commitments[0].id
    assert session.scale == protocol.rating_scale
    assert [o.key for o in session.options] == ["1", "2", "3", "4", "5"]
    session.add_vote(cid, "3")
    session.add_vote(cid, "3")
    session.remove_vote(cid, "3")
    session.add_vote(cid, "5")
    assert session.counts(cid) == {"1": 0, "2": 0, "3": 1, "4": 0, "5": 1}
    with pytest.raises(SessionError, match="unknown rating 'agree'"):
        session.add_vote(cid, "agree")
    assert session.steps()[-1] == "review" and "questions" not in session.steps()


def test_actions_are_for_assessments_and_need_words(protocol):
    cid = protocol.commitments[0].id
    with pytest.raises(SessionError, match="assessment"):
        Session.new(protocol, "Board").add_action(cid, "Do it")
    session = Session.new(protocol, "Board", mode=Mode.ASSESS)
    with pytest.raises(SessionError, match="empty action"):
        session.add_action(cid, "  ")
    with pytest.raises(SessionError, match="due date"):
        session.add_action(cid, "Do it", due="next week")
    action = session.add_action(cid, "Do it", " Manager ", date(2027, 1, 31))
    assert (action.owner, action.due) == ("Manager", date(2027, 1, 31))
    session.edit_action(action.id, owner="Clerk", due=None)
    assert session.actions[cid][0].owner == "Clerk" and session.actions[cid][0].due is None
    with pytest.raises(SessionError, match="unknown action detail"):
        session.edit_action(action.id, colour="red")
    session.delete_action(action.id)
    assert session.actions == {}


def test_signatories_need_an_organisation_and_share_the_entry_numbers(protocol):
    session = Session.new(protocol, "Partners", mode="sign-up")
    assert session.steps() == ["introduction", SIGN_UP, "review"]
    with pytest.raises(SessionError, match="organisation"):
        session.add_signatory("  ")
    first = session.add_signatory("Council", "Ann", "Leader", date(2026, 11, 1))
    comment = session.add_comment(protocol.commitments[0].id, "a note")
    assert (first.id, comment.id) == ("e1", "e2")
    session.edit_signatory(first.id, reservations="Not 5.3")
    assert session.find_signatory("e1").reservations == "Not 5.3"
    session.delete_signatory("e1")
    assert session.signatories == []


def test_an_unknown_mode_is_refused(protocol):
    with pytest.raises(SessionError, match="unknown mode 'vote'"):
        Session.new(protocol, "Board", mode="vote")


# -- files ---------------------------------------------------------------------------------------


def test_assessment_and_sign_up_files_keep_every_part_byte_for_byte(tmp_path, protocol):
    for session in (assessment(protocol), sign_up(protocol)):
        path = write(tmp_path, session)
        again = read_session(path, protocol)
        assert again == session
        assert dumps_session(again) == path.read_bytes()
    text = write(tmp_path, assessment(protocol), "a.toml").read_text(encoding="utf-8")
    assert 'mode = "assess"' in text and "[ratings." in text and "[votes" not in text
    assert "[[actions." in text and "[scale]" in text


def test_a_consultation_file_has_none_of_the_new_keys(tmp_path, protocol):
    text = dumps_session(Session.new(protocol, "Board")).decode()
    for key in ("mode", "scale", "ratings", "actions", "signatories"):
        assert f"\n{key} =" not in text and f"[{key}" not in text


@pytest.mark.parametrize("edit, message", [
    (('mode = "assess"', 'mode = "poll"'), "mode: unknown mode 'poll'"),
    (("[ratings.", "[votes."), "an assessment session records [ratings], not [votes]"),
    (("low = 2", "low = 5"), "scale.low: must be a point of the scale below its highest"),
    (('owner = "Partnership manager"', "owner = 3"), "owner: must be text"),
    (("due = 2027-03-31", "due = 2027-03-31T10:00:00Z"), "due: must be a date (YYYY-MM-DD)"),
])
def test_a_damaged_assessment_file_names_the_key(tmp_path, protocol, edit, message):
    path = write(tmp_path, assessment(protocol))
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(SessionFileError) as caught:
        read_session(path, protocol)
    shown = [f"{p.path}: {p.message}" for p in caught.value.problems]
    assert any(message in line for line in shown), shown
    assert all(p.line is not None for p in caught.value.problems)


def test_a_signatory_without_an_organisation_is_named(tmp_path, protocol):
    path = write(tmp_path, sign_up(protocol))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('organisation = "NHS Manchester"', 'organisation = ""'),
                    encoding="utf-8")
    with pytest.raises(SessionFileError, match=r"signatories\[2\]\.organisation: must not be"):
        read_session(path, protocol)


# -- merging -------------------------------------------------------------------------------------


def test_the_merged_file_of_assessments_reads_back_the_same(protocol):
    merged = merged_of(assessment(protocol), assessment(protocol, "Second board", shift=1))
    data = dumps_merged(merged, protocol)
    text = data.decode()
    again = merged_from_dict(tomllib.loads(text), text, "m.toml", protocol)
    assert again.records == merged.records and again.mode is Mode.ASSESS
    assert dumps_merged(again, protocol) == data
    assert "[[actions]]" in text and "[ratings." in text


def test_a_merge_refuses_to_mix_modes_or_scales(protocol):
    consult = Session.new(protocol, "Room")
    assess = assessment(protocol)
    found = [Found(SessionRecord.from_session(s, n), n)
             for s, n in ((consult, "c.toml"), (assess, "a.toml"))]
    [problem] = mode_problems(found)
    assert "mix sessions of different kinds" in problem.message
    assert "assessment: a.toml" in problem.message and "consultation: c.toml" in problem.message
    other = replace(assess.scale, low=1)
    odd = replace(SessionRecord.from_session(assess, "b.toml"), id="other", scale=other)
    [problem] = mode_problems([found[1], Found(odd, "b.toml")])
    assert "different scales" in problem.message
    assert mode_problems([found[1]]) == []


# -- the read model ------------------------------------------------------------------------------


def test_the_profile_means_spreads_and_weakest_follow_the_counts(protocol):
    report = build_report(merged_of(assessment(protocol)), protocol)
    a = report.assessment
    first = a.ratings[0]
    # ratings_for(0): four 1s, five 2s, one 3 → mean 1.7, all low.
    assert first.spread.counts == {1: 4, 2: 5, 3: 1, 4: 0, 5: 0}
    assert first.spread.mean_text == "1.7" and first.spread.range_text == "1–3"
    assert first.low and not first.needs_action  # it has an action
    assert a.weakest[0].spread.mean == pytest.approx(1.7)
    assert all(r.low for r in a.low) and len(a.low) == 13
    means = [r.mean for r in a.weakest_first()]
    assert means == sorted(means)
    principle = a.principles[0]
    every = [v for r in principle.ratings for v, n in r.spread.counts.items() for _ in range(n)]
    assert principle.spread.mean == pytest.approx(sum(every) / len(every))
    assert [x.due for x in a.actions] == [date(2027, 3, 31), None]
    assert report.options == protocol.rating_scale.options
    assert report.tones == protocol.rating_scale.tones


def test_the_register_keeps_each_organisations_latest_signature(protocol):
    earlier = sign_up(protocol, "First", on=date(2026, 11, 1))
    later = sign_up(protocol, "Second", signatories=[
        {"organisation": "manchester  city council", "name": "Bo New", "role": "Leader",
         "signed": date(2026, 12, 1)}], on=date(2026, 12, 1))
    report = build_report(merged_of(earlier, later), protocol)
    register = report.register
    assert [e.organisation for e in register.current] == [
        "Greater Manchester Police", "manchester  city council", "NHS Manchester"]
    [old] = register.superseded
    assert old.organisation == "Manchester City Council"
    assert old.status == "Superseded by the entry of 1 December 2026"
    assert register.summary_line() == ("3 organisations signed up, 1 with reservation; "
                                       "1 earlier entry superseded.")


def test_anonymising_leaves_out_facilitators_and_signatories_names(protocol):
    report = build_report(merged_of(sign_up(protocol)), protocol, anonymise=True)
    assert report.anonymised
    assert {w.record.facilitator for w in report.workshops} == {""}
    assert {report.register.name_text(e) for e in report.register.current} == {"Withheld"}
    assert {e.name for e in report.register.current} == {""}
    assert {e.role for e in report.register.current} == {s["role"] for s in SIGNATORIES}


def test_progress_says_what_each_mode_asks(protocol):
    from workshop.consultation.report_build import progress_figures, progress_text

    rated = assessment(protocol, principles=1)
    assert progress_figures(rated, protocol) == ("7/37", "–")
    assert progress_text(rated, protocol) == "7/37 commitments rated, 2 actions"
    signed = sign_up(protocol)
    assert progress_figures(signed, protocol) == ("–", "–")
    assert progress_text(signed, protocol) == "3 organisations signed"
    assert progress_text(Session.new(protocol, "Room"), protocol) == (
        "0/37 commitments voted, 0/6 questions")


@pytest.mark.parametrize("edit, message", [
    (('mode = "assess"', 'mode = "sign-up"'),
     "only an assessment session has a scale"),
    (("actions = 2", "actions = 5"), "summary.actions: says 5 but the file's sessions give 2"),
    (('commitment = "share-resources"\nid = "e3"', 'commitment = "share-resources"\nid = 7'),
     "id: must be text"),
])
def test_a_damaged_merged_assessment_is_named_and_refused(protocol, edit, message):
    text = dumps_merged(merged_of(assessment(protocol)), protocol).decode()
    assert edit[0] in text
    broken = text.replace(edit[0], edit[1], 1)
    with pytest.raises(SessionFileError) as caught:
        merged_from_dict(tomllib.loads(broken), broken, "m.toml", protocol)
    shown = [f"{p.path}: {p.message}" for p in caught.value.problems]
    assert any(message in line for line in shown), shown


def test_a_merged_signatory_of_an_unknown_session_is_named(protocol):
    merged = merged_of(sign_up(protocol))
    text = dumps_merged(merged, protocol).decode()
    sid = merged.sessions()[0].id
    broken = text.replace(f'[[signatories]]\nsession = "{sid}"',
                          '[[signatories]]\nsession = "nobody"', 1)
    with pytest.raises(SessionFileError, match="session 'nobody' is not in"):
        merged_from_dict(tomllib.loads(broken), broken, "m.toml", protocol)


def test_validate_shows_the_rating_scale(capsys):
    from workshop.cli.main import main

    assert main(["validate", str(REPO / "protocol.toml")]) == 0
    assert ("Rating scale (assessments): 1 Not at all · 2 Rarely · 3 Sometimes · 4 Mostly · "
            "5 Consistently; rated low at 2 or below") in capsys.readouterr().out
