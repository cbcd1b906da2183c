"""Fixtures for the reliability suite (tests/reliability/): what survives a crash, a full disk,
a signal or a bad file. Each test is bounded in time so the suite fits CI; longer runs are
switched on with environment variables (docs/reliability.md)."""
