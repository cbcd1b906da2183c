"""The `workshop` command: main.py parses the command line; one module per sub-command."""
