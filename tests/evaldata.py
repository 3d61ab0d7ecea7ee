"""Where the shared evaluation data is, for the equality tests that read it: ``LISTENWELL_EVALDATA``, else the
``shared/evaldata`` folder beside the checkout; None when neither is there (those tests then skip)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def evaldata() -> Path | None:
    env = os.environ.get("LISTENWELL_EVALDATA")
    for folder in ([Path(env)] if env else []) + [ROOT.parent / "shared" / "evaldata"]:
        if folder.is_dir():
            return folder
    return None
