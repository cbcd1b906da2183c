"""workshop: run consultation workshops on a protocol, record what the room says, merge, export.

`workshop.__version__` is looked up when first asked for: `importlib.metadata` (email, zipfile,
...) is slow to import, and no screen needs it (benchmarks/startup.py)."""


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module 'workshop' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("workshop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"
