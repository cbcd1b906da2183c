"""Reusable widgets: the step bar, the entry list."""
