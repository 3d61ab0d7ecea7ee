"""listenwell over a pandas DataFrame column: one row per message, new columns beside it.

    python examples/pandas_column.py                  # a small built-in sample
    python examples/pandas_column.py messages.csv     # a CSV with a 'text' column

listen_many runs the whole column in batches (same results as one by one); the new columns are the reply,
the mode, the dominant feeling and the feelings found. A listening aid, not a diagnosis.
"""

from __future__ import annotations

import sys

import pandas as pd

import listenwell

SAMPLE = [
    "I've been so stressed at work and it feels like you don't even notice",
    "We got the apartment!!!",
    "I'm not angry, just really tired",
    "I need some space tonight, can we talk tomorrow?",
]


def add_listening(df: pd.DataFrame, column: str = "text") -> pd.DataFrame:
    """A copy of ``df`` with reply, mode, dominant and feelings columns for the messages in ``column``."""
    results = listenwell.listen_many(df[column].astype(str).tolist())
    out = df.copy()
    out["reply"] = [r.reply for r in results]
    out["mode"] = [r.mode for r in results]
    out["dominant"] = [r.analysis.dominant for r in results]
    out["feelings"] = [sorted({e.family for e in r.analysis.emotions if not e.negated}) for r in results]
    return out


if __name__ == "__main__":
    frame = pd.read_csv(sys.argv[1]) if len(sys.argv) > 1 else pd.DataFrame({"text": SAMPLE})
    done = add_listening(frame)
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        print(done[["text", "mode", "dominant", "feelings", "reply"]].to_string(index=False))
