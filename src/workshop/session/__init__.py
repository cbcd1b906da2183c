"""One workshop session: its model and operations (model.py), steps and entry kinds (kinds.py),
the file format (file_format.py), the sessions folder (store.py), saving off the UI thread
(autosave.py), unsaved dialog text (drafts.py) and one window per session (lock.py)."""
