"""Analysis after the workshops: a codebook of themes, and the themes an analyst puts on each
comment, proposed wording and answer of a merged consultation (book.py), kept in a sidecar file
beside the merged file (theme_file.py, docs/themes-format.md), merged across analysts
(book_merge.py), checked against the entries of a re-merged result (tag_check.py), and offline
suggestions of groups of untagged entries that say similar things (suggest.py).

The merged file stays a pure function of its sessions: nothing here writes to it. The report
model (consultation/report.py) reads a book to count themes per commitment and question.
Nothing here imports Textual."""
