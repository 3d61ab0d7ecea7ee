"""Reading rule tables: the shipped ones through importlib.resources, a user's from files or folders."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ._errors import E, ListenwellError, RuleError
from ._rules import FAMILIES, SCHEMAS, TABLES, build_row, row_key

__all__ = ["RuleSet", "load_rules", "shipped_rules_root", "table_for", "check_rules"]

_FOLDER_TABLES = {"lexicon": "lexicon", "situations": "situations", "templates": "templates", "cues": "cues"}


def shipped_rules_root() -> Traversable:
    """The rules/ folder inside the installed package."""
    return resources.files("listenwell").joinpath("rules")


def table_for(parts: tuple[str, ...]) -> str | None:
    """Which table a file belongs to, from its path relative to a rules root (or its bare name)."""
    name = parts[-1]
    if not name.endswith(".jsonl"):
        return None
    stem = name[: -len(".jsonl")]
    if len(parts) >= 2:
        folder = parts[-2]
        if folder in _FOLDER_TABLES:
            return _FOLDER_TABLES[folder]
        if folder == "review":
            stem = "review_" + stem
    for table in sorted(TABLES, key=len, reverse=True):
        if stem == table or stem.startswith((table + "-", table + "_", table + ".")):
            return table
    return None


@dataclass(frozen=True)
class RuleSet:
    """Every table, read-only: ``tables[name]`` maps a row key to its frozen row, in load order."""

    tables: Mapping[str, Mapping[str, Any]]
    sources: tuple[str, ...]
    origins: Mapping[str, str]  # "table|key" -> "file:line", for errors found after loading

    def rows(self, table: str) -> tuple[Any, ...]:
        return tuple(self.tables[table].values())

    def word_class(self, name: str) -> frozenset[str]:
        """The words of a word class, lower-cased with curly apostrophes made straight (empty if undefined)."""
        row = self.tables["wordclasses"].get(name)
        return frozenset(w.lower().replace("\u2019", "'") for w in row.words) if row else frozenset()

    def __len__(self) -> int:
        return sum(len(t) for t in self.tables.values())


def _iter_files(root: Traversable, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Traversable]]:
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            yield from _iter_files(entry, prefix + (entry.name,))
        elif entry.name.endswith(".jsonl"):
            yield prefix + (entry.name,), entry


def _parse_lines(table: str, label: str, text: str) -> Iterator[tuple[str, Any, str | None]]:
    """Yield (where, row, problem) for each rule line of a file; duplicates are problems too."""
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        where = f"{label}:{lineno}"
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield where, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
            continue
        row, problem = build_row(table, obj)
        if row is not None:
            key = row_key(table, row)
            if key in seen:
                row, problem = None, f"duplicate {SCHEMAS[table][1]} {key!r} (first on line {seen[key]})"
            else:
                seen[key] = lineno
        yield where, row, problem


def _read_file(table: str, label: str, text: str) -> list[tuple[str, Any, str]]:
    rows: list[tuple[str, Any, str]] = []
    for where, row, problem in _parse_lines(table, label, text):
        if problem:
            raise RuleError(where, problem)
        rows.append((row_key(table, row), row, where))
    return rows


# Files in a rules folder that look meant as rules but would not be read (they do not end .jsonl).
_NEAR_MISSES = (".json", ".ndjson", ".jsonlines", ".jl", ".jsonl.txt")


def _read_text(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ListenwellError(
            E.E015.format(path=file, reason=f"not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})")
        ) from None
    except OSError as exc:
        raise ListenwellError(E.E015.format(path=file, reason=exc.strerror or type(exc).__name__)) from None


def _sources_from(path: Path) -> list[tuple[str, str, str]]:
    """(table, label, text) for a user's file or folder."""
    if not path.exists():
        raise ListenwellError(E.E004.format(path=path))
    found: list[tuple[str, str, str]] = []
    if path.is_dir() and path.name.endswith(".jsonl"):
        raise ListenwellError(E.E011.format(path=path))
    if path.is_dir():
        pairs = []
        for p in sorted(path.rglob("*")):
            if p.name.endswith(".jsonl"):
                if p.is_dir():
                    raise ListenwellError(E.E011.format(path=p))
                pairs.append((p.relative_to(path).parts, p))
            elif p.is_file() and p.name.lower().endswith(_NEAR_MISSES):
                raise ListenwellError(E.E012.format(path=p, folder=path))
    else:
        pairs = [((path.name,), path)]
    for parts, file in pairs:
        table = table_for(parts)
        if table is None:
            raise ListenwellError(E.E005.format(path=file, tables=", ".join(TABLES), example="lexicon"))
        found.append((table, str(file), _read_text(file)))
    return found


def load_rules(extra: Iterable[str | Path] | str | Path | None = None, *, shipped: bool = True) -> RuleSet:
    """Load the shipped tables, then ``extra`` files or folders on top (a row with a known key replaces it).

    Everything is read and checked before anything is returned, so a bad file leaves nothing half-loaded.
    """
    merged: dict[str, dict[str, Any]] = {t: {} for t in TABLES}
    sources: list[str] = []
    origins: dict[str, str] = {}
    if shipped:
        for parts, entry in _iter_files(shipped_rules_root()):
            table = table_for(parts)
            if table is None:
                continue
            label = "rules/" + "/".join(parts)
            for key, row, where in _read_file(table, label, entry.read_text(encoding="utf-8")):
                if key in merged[table]:
                    first = origins[f"{table}|{key}"]
                    raise RuleError(where, f"{SCHEMAS[table][1]} {key!r} is already defined at {first}")
                merged[table][key] = row
                origins[f"{table}|{key}"] = where
            sources.append(label)
    if extra is not None:
        paths = [extra] if isinstance(extra, str | Path) else list(extra)
        mine: dict[str, str] = {}  # "table|key" -> where a user's file defined it
        for p in paths:
            for table, label, text in _sources_from(Path(p)):
                for key, row, where in _read_file(table, label, text):
                    earlier = mine.get(f"{table}|{key}")
                    if earlier is not None:  # two of the user's files: which one should win is anybody's guess
                        raise ListenwellError(
                            E.E013.format(where=where, key_name=SCHEMAS[table][1], key=key, first=earlier)
                        )
                    mine[f"{table}|{key}"] = where
                    merged[table][key] = row
                    origins[f"{table}|{key}"] = where
                sources.append(label)
    _check_references(merged, origins)
    frozen = {t: MappingProxyType(dict(rows)) for t, rows in merged.items()}
    return RuleSet(tables=MappingProxyType(frozen), sources=tuple(sources), origins=MappingProxyType(origins))


def _check_references(merged: dict[str, dict[str, Any]], origins: Mapping[str, str]) -> None:
    """Cross-table checks: every family present, topic/need/class ids known."""
    missing = [f for f in FAMILIES if f not in merged["families"]]
    if missing and merged["families"]:
        raise RuleError("families", f"family {missing[0]!r} has no row; every family id needs one")
    topics = {r.topic for r in merged["topics"].values()} | {
        r.id for r in merged["names"].values() if r.kind == "topic"
    }
    for table in ("lexicon", "situations"):
        for key, row in merged[table].items():
            if row.topic is not None and topics and row.topic not in topics:
                raise RuleError(origins[f"{table}|{key}"], f"key 'topic': unknown topic {row.topic!r}")
    groups = {r.group for r in merged["crisis_signals"].values()}
    for key, row in merged["crisis_combinations"].items():
        unknown = [g for g in row.groups if g not in groups]
        if unknown:
            raise RuleError(
                origins[f"crisis_combinations|{key}"],
                f"key 'groups': no crisis signal has group {unknown[0]!r}; known: {', '.join(sorted(groups))}",
            )


def check_rules(path: str | Path) -> list[str]:
    """Every problem in a user's rule file or folder, as 'file:line: problem' strings (empty when all is well)."""
    problems: list[str] = []
    try:
        sources = _sources_from(Path(path))
    except ListenwellError as exc:
        return [str(exc)]
    for table, label, text in sources:
        problems += [f"{where}: {problem}" for where, _row, problem in _parse_lines(table, label, text) if problem]
    if not problems:
        try:
            load_rules(path)
        except ListenwellError as exc:
            problems.append(str(exc))
    return problems
