"""Shared fixtures: one default Listener and one loaded rule set for the whole run.

The start-up cache (``listenwell._cache``) goes to a folder of its own under the system's temporary folder, so a
run never reads or writes the user's cache, and every ``listenwell`` command the tests start (they inherit the
environment) builds its Listener from the entries the first one wrote instead of compiling the rules again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

import listenwell

os.environ.setdefault("LISTENWELL_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"listenwell-tests-{os.getuid()}"))


@pytest.fixture(scope="session")
def lw() -> listenwell.Listener:
    return listenwell.default_listener()


@pytest.fixture(scope="session")
def rules(lw: listenwell.Listener) -> listenwell.RuleSet:
    """The shipped rules, loaded once per run (the default Listener's)."""
    return lw.rules


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first (a stable sort): on two workers the long ones start early and the quick golden rows fill in
    around them, instead of a wheel build or a browser starting last while the other worker sits idle."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
