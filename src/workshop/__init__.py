"""workshop: run consultation workshops on a protocol, record what the room says, merge, export."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("workshop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
