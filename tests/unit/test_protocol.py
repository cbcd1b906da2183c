"""The shipped protocol: valid, complete, and word for word the published text."""

from __future__ import annotations

import re

from helpers import DATA, REPO
from workshop.protocol.load import bundled_protocol_path, default_protocol_path, load_protocol

SEED = (DATA / "seed_protocol.txt").read_text(encoding="utf-8")
REPORT = (DATA / "seed_committee_report.txt").read_text(encoding="utf-8")


def seed_lines(text: str) -> set[str]:
    """Each line of a seed with list markers ("- ", "Q ") removed."""
    return {re.sub(r"^\s*(- Q |- |Q )", "", line).strip() for line in text.splitlines()}


def test_shipped_protocol_counts(protocol):
    assert len(protocol.principles) == 6
    assert [len(p.commitments) for p in protocol.principles] == [7, 4, 3, 8, 10, 5]
    assert len(protocol.commitments) == 37
    assert len(protocol.questions) == 6


def test_every_word_the_room_votes_on_is_verbatim_from_the_seed(protocol):
    lines = seed_lines(SEED)
    for principle in protocol.principles:
        assert principle.title in lines
        assert principle.statement in lines
        for commitment in principle.commitments:
            assert commitment.text in lines, commitment.id
    for question in protocol.questions:
        assert question.text in lines, question.id


def test_principles_and_commitments_in_seed_order(protocol):
    positions = [SEED.index(f"- {c.text}\n") if f"- {c.text}\n" in SEED else SEED.index(f"- {c.text}")
                 for c in protocol.commitments]
    assert positions == sorted(positions)
    titles = [SEED.index(f"\n{p.title}\n") for p in protocol.principles]
    assert titles == sorted(titles)


def test_introduction_and_guidance_are_seed_paragraphs(protocol):
    for paragraph in protocol.introduction.split("\n\n"):
        assert paragraph in SEED
    q1 = protocol.question("put-into-practice")
    for line in q1.guidance.splitlines():
        assert line in SEED
    q3 = protocol.question("standards-committees-role")
    roles = [line for line in q3.guidance.splitlines() if line.startswith("- ")]
    assert len(roles) == 4
    for line in q3.guidance.splitlines():
        assert line.lstrip("- ") in REPORT
    assert protocol.recommendation_question in REPORT


def test_vote_scheme_defaults(protocol):
    assert [(o.id, o.label, o.key) for o in protocol.vote_options] == [
        ("agree", "Agree", "a"),
        ("amend", "Agree if amended", "m"),
        ("disagree", "Disagree", "d"),
    ]


def test_time_budgets(protocol):
    assert all(p.minutes and p.minutes > 0 for p in protocol.principles)
    assert protocol.questions_minutes == 30


def test_bundled_copy_is_identical_to_the_top_level_file():
    assert bundled_protocol_path().read_bytes() == (REPO / "protocol.toml").read_bytes()


def test_default_protocol_prefers_the_local_file(tmp_path):
    assert default_protocol_path(tmp_path) == bundled_protocol_path()
    (tmp_path / "protocol.toml").write_text("x")
    assert default_protocol_path(tmp_path) == tmp_path / "protocol.toml"


def test_digest_ignores_comments_and_layout_but_not_words(tmp_path, protocol):
    text = (REPO / "protocol.toml").read_text(encoding="utf-8")
    relaid = tmp_path / "relaid.toml"
    relaid_text = text.replace("\n[[principles]]", "\n\n# another comment\n[[principles]]")
    relaid.write_text("# a new comment\n\n" + relaid_text.replace('key = "a"', 'key   =   "a"'), encoding="utf-8")
    assert load_protocol(relaid).digest == protocol.digest
    retimed = tmp_path / "retimed.toml"
    retimed.write_text(text.replace("minutes = 10", "minutes = 15").replace('key = "m"', 'key = "x"'),
                       encoding="utf-8")
    assert load_protocol(retimed).digest == protocol.digest
    reworded = tmp_path / "reworded.toml"
    reworded.write_text(text.replace("Be honest and objective", "Be honest"), encoding="utf-8")
    assert load_protocol(reworded).digest != protocol.digest
    relabelled = tmp_path / "relabelled.toml"
    relabelled.write_text(text.replace('label = "Agree if amended"', 'label = "Maybe"'), encoding="utf-8")
    assert load_protocol(relabelled).digest != protocol.digest


def test_lookups(protocol):
    assert protocol.commitment("public-good").text.startswith("Act in the interests")
    assert protocol.principle_of("public-good").id == "public-interest"
    assert protocol.question("benefits").text.startswith("What benefits")
