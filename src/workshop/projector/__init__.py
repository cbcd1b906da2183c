"""The projector view: a read-only, large-print view of a session the room can follow.

view.py is what a frame shows (the highlighted commitment and its counts, or nothing while
they are blanked), source.py follows a session file without ever writing it, server.py serves
the frame to a browser (`workshop serve`); tui/projector shows it in a terminal
(`workshop follow`). This package sits beside `export` in the layers: it reads the session and
protocol layers and imports no Textual.
"""
