"""The protocol a workshop steps through: its model (model.py), the rules its file must follow
(schema.py), loading it (load.py), and the bundled copy (protocol.toml)."""
