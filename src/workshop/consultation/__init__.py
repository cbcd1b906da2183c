"""The result of a consultation: session records (records.py), the merge rules (merge_rules.py),
the merged file format (merged_file.py), what a merge reads (inputs.py), and the one read model
every screen, summary and export draws from (report.py, with marks.py, figures.py,
progress.py and wording.py)."""
