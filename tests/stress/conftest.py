"""Stress tests take minutes: they run only when asked for, with `make stress` (pytest -m stress)."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "stress" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="a stress test: run it with `make stress` (pytest -m stress)")
    for item in items:
        if item.get_closest_marker("stress"):
            item.add_marker(skip)
