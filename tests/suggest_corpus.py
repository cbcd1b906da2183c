"""The corpus the suggested-themes tests share: four comments each on money, on training and on
the Welsh language, where the right grouping is plain to a reader (tests/unit/test_suggest.py,
tests/test_themes_suggest_cli.py, and the screens' tests through the latter)."""

MONEY = [
    "There is no funding for the extra staff time this protocol asks of partners.",
    "Who pays? The council's budget is already cut to the bone and partners have no money.",
    "Sharing resources sounds fine but small charities have no spare funding or budget for it.",
    "Pooled budgets need clear rules on who puts in how much money.",
]
TRAINING = [
    "Board members will need training to understand the behaviours expected of them.",
    "Offer joint training sessions so officers from every partner learn the same skills.",
    "New members should get induction training on the protocol and the skills it needs.",
    "Training for chairs on handling disagreement would help more than any document.",
]
WELSH = [
    "The protocol must be available in Welsh as well as English.",
    "Meetings in Wales should let people speak Welsh; the Welsh language standards apply.",
    "Bilingual documents please: Welsh speakers should not have to ask for a translation.",
    "Welsh language services need to be offered from the start, not as an afterthought.",
]
