"""Run listenwell over a CSV file with a 'text' column and write one JSON line per row."""

import csv
import json
import sys
import tempfile
from pathlib import Path

from listenwell.batch import run_batch

rows = [
    {"id": "1", "text": "I can't believe you forgot our anniversary."},
    {"id": "2", "text": "I passed my driving test!"},
    {"id": "3", "text": "Honestly I'm fine. Whatever."},
]
folder = Path(tempfile.mkdtemp())
source, target = folder / "messages.csv", folder / "replies.jsonl"
with source.open("w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=["id", "text"])
    writer.writeheader()
    writer.writerows(rows)

stats = run_batch(str(source), str(target), mode="listen")
print(f"{stats.ok} ok, {stats.errors} errors", file=sys.stderr)
for line in target.read_text(encoding="utf-8").splitlines():
    record = json.loads(line)
    print(record["id"], record["listening"]["mode"], "|", record["listening"]["suggestions"][0]["text"])
