"""Stress tests take minutes: they run only when asked for, with `make stress` (pytest -m stress); the hook that
skips them otherwise is in tests/conftest.py, since long checks elsewhere in the suite carry the same mark."""
