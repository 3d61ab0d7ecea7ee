"""Shared fixtures: one default Listener for the whole run (loading rules takes about half a second)."""

from __future__ import annotations

import pytest

import listenwell


@pytest.fixture(scope="session")
def lw() -> listenwell.Listener:
    return listenwell.default_listener()
