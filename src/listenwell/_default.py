"""The default Listener behind the module-level functions (and a Conversation made without one), made on first use."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._listener import Listener

__all__ = ["default_listener"]

_default: Listener | None = None
_lock = threading.Lock()


def default_listener() -> Listener:
    """The Listener behind the module-level functions, created on first use."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                from ._listener import Listener

                _default = Listener()
    return _default
