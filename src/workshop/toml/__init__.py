"""TOML files: reading (io.py), typed reading with line numbers (reader.py, lines.py), and the
atomic writer every saved file goes through (atomic.py). The lowest layer: it imports nothing
else of workshop but `workshop.errors`."""
