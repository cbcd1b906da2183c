"""Modal dialogs: text entry, vote counts, confirmation, new session."""
