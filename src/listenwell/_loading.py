"""Loading and validating rule tables: the shipped ones through importlib.resources, a user's from files or folders.

Everything a rule can get wrong is found here, at load time, with the file, the line and the key: a row's own
shape (``_rules.build_row``), every phrase, ``unless`` and ``with`` (syntax and word classes), and every reference
from one table to another (families, cue kinds, review flag kinds, topics, needs, crisis signal groups), the review
tables included. Each kind of problem has its own code in ``_errors.Errors``.
"""

from __future__ import annotations

import difflib
import json
import marshal
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, overload

from . import _cache
from ._cache import code_fingerprint, fingerprint
from ._errors import Errors, ListenwellError, RuleError, RulePathError
from ._phrases import phrase_problem
from ._rules import (
    SCHEMAS,
    TABLES,
    TEMPLATE_CUE_EXTRAS,
    BoundaryTerm,
    CrisisTerm,
    CueKind,
    CueRule,
    EmotionRule,
    ExperiencerRule,
    Family,
    FlagKind,
    FlagRule,
    HelpOffer,
    Inflection,
    Modifier,
    Name,
    NeedRule,
    NormRule,
    Opener,
    PerspectiveRule,
    Ref,
    RegisterTerm,
    Resource,
    ReviewTerm,
    Row,
    SignalCombination,
    SignalRule,
    StrengthRule,
    Tables,
    Template,
    TopicRule,
    WordClass,
    build_row,
    row_key,
    stored_table,
)  # fmt: skip
from ._shipped import shipped_rules_root

__all__ = ["ENGINE_WORD_CLASSES", "RuleSet", "load_rules", "shipped_rules_root", "table_for", "check_rules"]

# The word classes the engine reads, by the module that reads them: a rule set without one of them is an error
# (E031) when it is loaded, not an empty set found later. A module that reads a new class declares it here.
ENGINE_WORD_CLASSES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "gist": (
        "aux_openers", "clause_subjects", "contrast_words", "gist_breaks", "gist_dangling_ends", "laughter",
        "lead_ins", "situation_lead_in_ends", "situation_lead_ins", "subject_followers", "subject_openers",
        "time_ongoing", "time_past", "time_upcoming", "we_other_markers", "pet", "work_person", "boss",
        "person", "family_member", "partner", "kid", "sibling", "bodypart", "nerve_body", "np_modifiers",
        "we_group_words", "transparent_modifiers", "plural_verbs", "plural_subjects", "locative_preps",
        "hypothetical_marks", "said_told_me", "chat_spellings", "subject_adverbs",
        "situation_connectors", "copula_words", "not_past_ed", "shouted_short_words", "postposed_time", "time_spans",
    ),
    "matching": ("transparent_modifiers", "s_is_after"),
    "conversation": ("topic_name_determiners",),
    "analysis": ("situation_continuations", "report_lead_r12", "hearsay_r12", "target_prepositions", "writer_words",
                 "clause_joiners", "join_fillers", "object_markers", "writer_clause_openers", "first_person_subjects",
                 "subject_determiners", "state_verbs", "state_adverbs", "causing_feeling_verbs", "causer_subjects",
                 "caused_objects", "own_inner_life", "subject_adverbs", "said_formulas", "formula_speech_verbs",
                 "formula_said_to"),
    "suggest": (
        "plain_news", "proposal_tails", "check_verbs", "status_updates", "reassurances", "not_plain", "errand",
        "laughter",
                "missing_listener", "complaint_marks",
                "achievement", "event", "question_openers", "thanks_to_listener",
                "contrast_words", "felt_past_verbs", "felt_present_verbs", "transparent_modifiers",
                "love_to_listener", "household_things", "felt_subjects", "felt_hedges",
                "not_good_news", "self_mockery", "exasperation", "listener_words", "your_words", "listen_asks",
                "fond_of_listener", "warm_marks", "choice_verbs", "no_reason_marks", "flat_moods", "irony_tail_leads",
                "irony_tail_praise",
                "irony_tail_sure", "chat_laughs", "runarounds", "presence_asks", "shared_costs",
                "home_things", "home_failures", "cost_troubles",
                "comfort_asks",
                "later_marks", "alone_marks", "small_slips", "catch_turns", "concessions", "doubt_turns",
                "countdown_marks", "hype_asks", "entertain_asks", "deliberation_openers", "talk_asks",
                "kin_adjectives", "female_kin", "male_kin", "aux_openers",
                "clause_subjects", "teasing", "mock_charges", "joke_marks", "gossip_marks", "gossip_events",
                "check_in_asks", "plan_times", "past_marks", "own_plan_marks", "errand_asks", "proposal_openers",
                "decision_openers", "talk_verbs", "fresh_loss_marks", "hedged_amounts",
                "offers", "overflow_terms",
                "plan_words", "tears_terms", "bittersweet_marks", "reported_thanks", "compliment_marks",
                "joke_reversals", "health_worry_words", "reminder_openers", "lead_ins", "others_words",
                "jealousy_marks", "third_person_objects", "shared_win", "mishaps", "boredom_marks", "disbelief_marks",
                "opinion_asks", "carers", "extended_words", "picked_words", "story_actors", "story_determiners",
                "story_openers", "story_verbs", "tender_marks", "asked_after_marks", "judgement_asks",
                "attention_asks", "distant_past", "now_marks", "playful_marks", "playful_challenges",
                "hedged_starts", "strong_starts", "polite_marks", "question_tags", "story_states", "share_addenda",
                "well_wishes", "gift_marks", "listen_only_marks", "own_news_words"),
    "irony": (
        "irony_markers", "irony_openers", "irony_turns", "praise_tails", "irony_weak_turns", "praise_meant_heads",
        "turns_to_good", "good_results", "repeat_turns",
    ),
    "perspective": ("aux_openers", "subject_adverbs", "subject_followers", "subject_openers", "apostrophe_pieces"),
    "review": (
        "acknowledge_verbs", "advice_be_words", "advice_values", "advice_verbs", "aux_openers", "backchannels",
        "benefit_words", "brush_off_marks", "brush_off_words", "chat_marks", "checkin_words", "clause_breaks",
        "clause_openers", "clause_subjects", "command_kind_words", "complement_takers", "contrast_words",
        "emotion_behaviours", "family_member", "function_words", "habit_verbs", "invite_verbs", "kid",
        "knowing_words", "laughter", "lead_ins", "listening_words", "me_too_exceptions", "modal_adverbs",
        "narrow_how", "narrow_nouns", "offer_verbs", "open_inside", "opinion_words", "person", "question_words",
        "reflective_verbs", "report_subjects", "report_verbs", "roadblock_commands", "sarcasm_openers", "sibling",
        "speech_verbs", "subordinators", "summary_words", "thing_subjects", "undo_openers", "work_person",
        "account_verbs", "counter_verbs", "ownership_words", "writer_state_verbs", "neutral_after_you", "fault_words",
        "writer_act_verbs", "slight_feelings", "slight_acts", "remorse_words", "impact_verbs", "sneer_words",
        "trailing_words", "small_numbers", "small_units", "absolute_adverbs", "universal_words", "every_nouns",
        "ordeal_marks", "blame_outcomes", "remedy_verbs", "remedy_fillers", "remedy_subjects", "remedy_cancels",
        "third_objects", "warm_absolute_words", "praise_words", "one_up_words", "own_plan_words", "bare_labels",
        "intense_words", "offer_acts", "talk_times", "lapse_verbs", "errand_words",
        "person_pronouns", "subject_pronouns", "you_words", "recognition_words", "saying_habits", "strong_modals",
        "to_modals", "option_modals", "want_after_modals", "future_marks", "non_actions", "participles", "not_gerunds",
        "story_exceptions", "offer_heads", "joint_invite_verbs", "let_objects", "topic_shift_marks", "rest_commands",
        "departures", "trust_breaches", "lived_words", "lived_before_me", "bright_side_verdicts",
        "recovery_verbs", "short_times", "question_lead_chatter", "writer_words",
        "never_verbs", "wh_words", "report_aux_words", "condition_openers",
        "hear_more_words", "wish_verbs", "why_question_followers", "why_interjection_words", "admiration_words",
        "advice_verbs_not_options", "get_through_words", "quantifier_subjects", "see_someone_words",
        "obligation_words", "benefit_modals", "fix_verbs", "benefit_heads", "ongoing_states", "asked_states",
        "advice_asked_nouns", "meet_verbs", "help_verbs", "warm_caps_words", "comfort_words", "every_fillers",
        "often_words", "possibility_words", "common_feeling_marks", "every_bit_nouns", "outcome_verbs", "claim_verbs",
        "accuse_verbs", "tag_words", "defensive_marks", "promise_words", "agreement_openers", "agreement_hedges",
        "aside_marks", "verdict_hedges", "verdict_lead_ins", "not_verdict_words", "choice_nouns", "about_them_words",
        "care_words", "their_feeling_words", "feeling_fillers", "shared_words", "past_time_words",
        "listening_offer_words", "warm_verbs", "reflection_fillers",
        "imperative_question_words", "anyway_turns", "habit_end_verbs", "reflection_tags", "checkin_fillers",
        "checkin_ok_words", "open_what_nouns", "interjections", "sighs", "not_commands",
        "warm_before_anyway", "quick_praise_words", "as_usual_words", "answers_itself_fillers", "label_fillers",
        "crying_emoji", "habit_fillers", "sweep_hedges", "ack_adjs", "calming_commands", "calming_particles",
        "turn_phrases", "burden_verbs", "good_acks", "rash_words", "verdict_copulas", "pity_objects", "endearments",
        "house_objects", "slight_impacts", "command_time_leads", "valued_words",
        "support_after_but", "praise_fillers",
    ),
})  # fmt: skip
# Keys whose values are phrases (``~word``, ``{class}``, ``...``), compiled by the matcher.
PHRASE_KEYS = ("phrase", "unless", "with", "unless_near")
# The code for an unknown id, by the table a Ref names.
_REF_CODES = {
    "families": Errors.E027, "cue_kinds": Errors.E032, "template_cues": Errors.E032, "review_kinds": Errors.E033,
    "topics": Errors.E028, "needs": Errors.E029,
}  # fmt: skip

_FOLDER_TABLES = {"lexicon": "lexicon", "situations": "situations", "templates": "templates", "cues": "cues"}


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
    """Every table, read-only: ``tables[name]`` maps a row key to its frozen row, in load order. A literal table
    name gives the rows their own type (``rules.tables["families"]`` is a ``Mapping[str, Family]``)."""

    tables: Tables
    files: tuple[str, ...]  # the label of every file read, in load order
    origins: Mapping[str, str]  # "table|key" -> "file:line", for errors found after loading
    fingerprint: str | None = None  # a hash of every file read and the loader's code (None: made another way)

    @overload
    def rows(self, table: Literal["families"]) -> tuple[Family, ...]: ...
    @overload
    def rows(self, table: Literal["lexicon", "situations"]) -> tuple[EmotionRule, ...]: ...
    @overload
    def rows(self, table: Literal["modifiers"]) -> tuple[Modifier, ...]: ...
    @overload
    def rows(self, table: Literal["cues"]) -> tuple[CueRule, ...]: ...
    @overload
    def rows(self, table: Literal["crisis_signals"]) -> tuple[SignalRule, ...]: ...
    @overload
    def rows(self, table: Literal["crisis_combinations"]) -> tuple[SignalCombination, ...]: ...
    @overload
    def rows(self, table: Literal["cue_kinds"]) -> tuple[CueKind, ...]: ...
    @overload
    def rows(self, table: Literal["boundary_terms"]) -> tuple[BoundaryTerm, ...]: ...
    @overload
    def rows(self, table: Literal["crisis_terms"]) -> tuple[CrisisTerm, ...]: ...
    @overload
    def rows(self, table: Literal["register_terms"]) -> tuple[RegisterTerm, ...]: ...
    @overload
    def rows(self, table: Literal["review_terms"]) -> tuple[ReviewTerm, ...]: ...
    @overload
    def rows(self, table: Literal["topics"]) -> tuple[TopicRule, ...]: ...
    @overload
    def rows(self, table: Literal["needs"]) -> tuple[NeedRule, ...]: ...
    @overload
    def rows(self, table: Literal["names"]) -> tuple[Name, ...]: ...
    @overload
    def rows(self, table: Literal["wordclasses"]) -> tuple[WordClass, ...]: ...
    @overload
    def rows(self, table: Literal["inflections"]) -> tuple[Inflection, ...]: ...
    @overload
    def rows(self, table: Literal["norms"]) -> tuple[NormRule, ...]: ...
    @overload
    def rows(self, table: Literal["experiencers"]) -> tuple[ExperiencerRule, ...]: ...
    @overload
    def rows(self, table: Literal["templates"]) -> tuple[Template, ...]: ...
    @overload
    def rows(self, table: Literal["resources"]) -> tuple[Resource, ...]: ...
    @overload
    def rows(self, table: Literal["perspective"]) -> tuple[PerspectiveRule, ...]: ...
    @overload
    def rows(self, table: Literal["review_flags"]) -> tuple[FlagRule, ...]: ...
    @overload
    def rows(self, table: Literal["review_kinds"]) -> tuple[FlagKind, ...]: ...
    @overload
    def rows(self, table: Literal["review_strengths"]) -> tuple[StrengthRule, ...]: ...
    @overload
    def rows(self, table: Literal["invite"]) -> tuple[Opener, ...]: ...
    @overload
    def rows(self, table: Literal["help_offers"]) -> tuple[HelpOffer, ...]: ...
    @overload
    def rows(self, table: str) -> tuple[Row, ...]: ...
    def rows(self, table: str) -> tuple[Row, ...]:
        """The rows of one table, in load order (typed by the table's row class for a literal name)."""
        return tuple(self.tables[table].values())

    def columns(self, table: str, names: Sequence[str]) -> list[tuple[Any, ...]]:
        """Each row's values of the fields ``names``, in load order, without making the rows of a table read back
        from the start-up cache: ``rules.columns("crisis_terms", ("term", "none"))``."""
        return self.tables.columns(table, names)

    def ids(self, taxonomy: str) -> tuple[str, ...]:
        """The ids a taxonomy table defines, in load order: ``ids("families")``, ``ids("cue_kinds")``,
        ``ids("review_kinds")``. A user's rule pack that adds a family row adds its id here."""
        return tuple(self.tables[taxonomy])

    def word_class(self, name: str) -> frozenset[str]:
        """The words of a word class, lower-cased with curly apostrophes made straight and a written ellipsis ``…``
        read as the token norm ``...`` (a gap is no entry of a class: E068).

        A class the rules do not define is an error (E031), never an empty set.
        """
        row = self.tables["wordclasses"].get(name)
        if row is None:
            raise RuleError("wordclasses", Errors.E031.format(name=name, use="asked for by the engine"))
        return frozenset(w.lower().replace("\u2019", "'").replace("\u2026", "...") for w in row.words)

    def single_negators(self) -> frozenset[str]:
        """The single-word negators of ``modifiers`` ("not", "never", "no", ...) and the clitic "n't"."""
        return frozenset(
            r.phrase.lower() for r in self.rows("modifiers") if r.kind == "negator" and " " not in r.phrase
        ) | {"n't"}

    def __len__(self) -> int:
        return sum(self.tables.size(t) for t in self.tables)


def _iter_files(root: Traversable, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Traversable]]:
    """Every ``.jsonl`` file under ``root``, in name order, with its path inside ``root`` as a tuple of names."""
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            yield from _iter_files(entry, prefix + (entry.name,))
        elif entry.name.endswith(".jsonl"):
            yield prefix + (entry.name,), entry


def _parse_lines(table: str, label: str, text: str) -> Iterator[tuple[str, Row | None, str | None]]:
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
            yield where, None, Errors.E003.format(msg=exc.msg, column=exc.colno)
            continue
        row: Row | None
        row, problem = build_row(table, obj)
        if row is not None:
            key = row_key(table, row)
            if key in seen:
                row, problem = None, Errors.E023.format(key_name=SCHEMAS[table][1], key=key, first=seen[key])
            else:
                seen[key] = lineno
        yield where, row, problem


def _read_file(table: str, label: str, text: str) -> list[tuple[str, Row, str]]:
    """(row key, row, file:line) for each rule line of one file; the first problem raises a RuleError."""
    rows: list[tuple[str, Row, str]] = []
    for where, row, problem in _parse_lines(table, label, text):
        if problem or row is None:
            raise RuleError(where, problem or "")
        rows.append((row_key(table, row), row, where))
    return rows


# Files in a rules folder that look meant as rules but would not be read (they do not end .jsonl).
_NEAR_MISSES = (".json", ".ndjson", ".jsonlines", ".jl", ".jsonl.txt")


def _read_text(file: Path) -> str:
    """A rule file's text; a file that is not UTF-8 or cannot be read is E015."""
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RulePathError(
            Errors.E015.format(
                path=file, reason=f"not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
            )
        ) from None
    except OSError as exc:
        raise RulePathError(Errors.E015.format(path=file, reason=exc.strerror or type(exc).__name__)) from None


def _user_files(path: Path) -> list[tuple[str, str, str]]:
    """(table, label, text) for a user's file or folder."""
    if not path.exists():
        raise RulePathError(Errors.E004.format(path=path))
    found: list[tuple[str, str, str]] = []
    if path.is_dir() and path.name.endswith(".jsonl"):
        raise RulePathError(Errors.E011.format(path=path))
    if path.is_dir():
        pairs = []
        for p in sorted(path.rglob("*")):
            if p.name.endswith(".jsonl"):
                if p.is_dir():
                    raise RulePathError(Errors.E011.format(path=p))
                pairs.append((p.relative_to(path).parts, p))
            elif p.is_file() and p.name.lower().endswith(_NEAR_MISSES):
                raise RulePathError(Errors.E012.format(path=p, folder=path))
    else:
        pairs = [((path.name,), path)]
    for parts, file in pairs:
        table = table_for(parts)
        if table is None:
            raise RulePathError(Errors.E005.format(path=file, tables=", ".join(TABLES), example="lexicon"))
        found.append((table, str(file), _read_text(file)))
    return found


def load_rules(extra: Iterable[str | Path] | str | Path | None = None, *, shipped: bool = True) -> RuleSet:
    """Load the shipped tables, then ``extra`` files or folders on top (a row with a known key replaces it).

    Everything is read and checked before anything is returned, so a bad file leaves nothing half-loaded: each
    row's shape, every phrase, ``unless`` and ``with``, and every reference between tables (see the module
    docstring). A set that passed is kept in the start-up cache (``_cache``) under a hash of every file's bytes
    and of the loader's code, so the next process with the same files skips the reading and the checks; its rows
    are made table by table as they are first asked for (``Tables``).
    """
    files: list[tuple[str, str, str | bytes, bool]] = []  # (table, label, text or raw bytes, the user's)
    if shipped:
        for parts, entry in _iter_files(shipped_rules_root()):
            table = table_for(parts)
            if table is not None:  # hashed as bytes: decoded only when the cache misses
                files.append((table, "rules/" + "/".join(parts), entry.read_bytes(), False))
    if extra is not None:
        paths = [extra] if isinstance(extra, str | Path) else list(extra)
        for p in paths:
            files += [(table, label, text, True) for table, label, text in _user_files(Path(p))]
    key = fingerprint(
        code_fingerprint("_rules", "_loading", "_phrases", "_errors", "_shipped"),
        *(part for table, label, data, mine in files for part in (f"{table}\0{label}\0{mine}", data)),
    )
    cached = _cache.read("rules", key)
    if cached is not None:
        try:
            from_cache = _from_payload(cached, key)
        except (TypeError, ValueError, KeyError, IndexError):
            from_cache = None
        if from_cache is not None:
            return from_cache  # else not the shape this code writes: load from the files
    merged: dict[str, dict[str, Row]] = {t: {} for t in TABLES}
    labels: list[str] = []
    origins: dict[str, str] = {}
    if shipped and extra is not None:  # the shipped set comes checked (and usually cached): read only the user's
        base = load_rules()
        merged = {t: dict(rows) for t, rows in base.tables.items()}
        labels, origins = list(base.files), dict(base.origins)
        files = [f for f in files if f[3]]
    mine_at: dict[str, str] = {}  # "table|key" -> where a user's file defined it
    for table, label, data, mine in files:
        text = data if isinstance(data, str) else _decode(data, label)
        for key_, row, where in _read_file(table, label, text):
            earlier = mine_at.get(f"{table}|{key_}") if mine else origins.get(f"{table}|{key_}")
            if earlier is not None:  # two shipped files, or two of the user's: which should win is anybody's guess
                raise RuleError(where, Errors.E013.format(key_name=SCHEMAS[table][1], key=key_, first=earlier))
            if mine:
                mine_at[f"{table}|{key_}"] = where
            merged[table][key_] = row
            origins[f"{table}|{key_}"] = where
        labels.append(label)
    _check_references(merged, origins)
    result = RuleSet(
        tables=Tables(merged),
        files=tuple(labels),
        origins=MappingProxyType(origins),
        fingerprint=key,
    )
    _cache.write("rules", key, _to_payload(result))
    return result


def _decode(data: bytes, label: str) -> str:
    """A shipped file's text (a file that is not UTF-8 is an error naming it, as for a user's file)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
        raise RulePathError(Errors.E015.format(path=label, reason=reason)) from None


def _to_payload(rules: RuleSet) -> tuple[Any, ...]:
    """A loaded set as plain data for the cache: each table as its number of rows and the ``marshal`` bytes of its
    keys and columns (``_rules.stored_table``), so that a table is read back only when it is used; and where each
    row was read as two numbers (the file's index in ``files``, the line), so that no "table|key" string is stored,
    marshalled too (only an error found after loading reads it)."""
    tables: dict[str, tuple[int, bytes]] = {}
    where: dict[str, list[int]] = {}
    odd: dict[str, str] = {}  # an origin that is not "file:line" of a file read (kept as it is)
    index = {label: i for i, label in enumerate(rules.files)}
    for table, rows in rules.tables.items():
        tables[table] = stored_table(SCHEMAS[table][0], rows)
        flat = where[table] = []
        for key in rows:
            origin = rules.origins.get(f"{table}|{key}")
            label, _sep, line = (origin or "").rpartition(":")
            if origin is not None and label in index and line.isdigit() and f"{label}:{int(line)}" == origin:
                flat += (index[label], int(line))
            else:
                flat += (-1, 0)
                if origin is not None:
                    odd[f"{table}|{key}"] = origin
    return (list(rules.files), marshal.dumps((where, odd)), tables)


class _Origins(Mapping[str, str]):
    """``RuleSet.origins`` of a set read back from the cache: "table|key" -> "file:line", made on first use (only
    errors found after loading read it)."""

    __slots__ = ("_labels", "_where", "_tables", "_made")

    def __init__(self, labels: Sequence[str], where: bytes, tables: Tables) -> None:
        """``where``: the marshalled (where, odd) of ``_to_payload``; ``tables``: the set's tables, for the keys."""
        self._labels = labels
        self._where = where
        self._tables = tables
        self._made: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        """Every row's ``file:line``, unpacked from the cached form the first time one is asked for."""
        made = self._made
        if made is None:  # threads that race make equal dicts
            labels = self._labels
            where, odd = marshal.loads(self._where)
            made = {}
            for table in self._tables:
                flat = where[table]
                for i, key in enumerate(self._tables.keys_of(table)):
                    label_index, line = flat[2 * i], flat[2 * i + 1]
                    if label_index >= 0:
                        made[f"{table}|{key}"] = f"{labels[label_index]}:{line}"
            made.update(odd)
            self._made = made
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (self._all(),)

    def __getitem__(self, key: str) -> str:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _from_payload(payload: Any, key: str) -> RuleSet | None:
    """The set a cache entry holds, each table read and its rows made on first use; None when the entry is not the
    shape written here."""
    labels, where, tables = payload
    if not (isinstance(labels, list) and isinstance(where, bytes) and isinstance(tables, dict)):
        return None
    stored: dict[str, tuple[type[Row], bytes, int]] = {}
    for table in TABLES:
        count, raw = tables[table]
        if not (isinstance(count, int) and isinstance(raw, bytes)):
            return None
        stored[table] = (SCHEMAS[table][0], raw, count)
    made = Tables({}, stored)
    return RuleSet(tables=made, files=tuple(labels), origins=_Origins(labels, where, made), fingerprint=key)


def _where(origins: Mapping[str, str], table: str, key: str) -> str:
    return origins.get(f"{table}|{key}", f"{table} row {key!r}")


def _check_references(merged: Mapping[str, Mapping[str, Row]], origins: Mapping[str, str]) -> None:
    """Raise the first problem ``_reference_problems`` finds."""
    for problem in _reference_problems(merged, origins):
        raise problem


def _reference_problems(
    merged: Mapping[str, Mapping[str, Row]], origins: Mapping[str, str]
) -> Iterator[RuleError]:
    """Cross-table checks, once every table is read: every Ref names a known id, every phrase compiles (its
    syntax and its word classes), crisis combinations name known signal groups, at most one family stands for
    each tone (``from_tone``), the engine's word classes exist.

    A table with no rows at all (a partial set loaded with ``shipped=False``) is not checked against.
    """
    tables = Tables(merged)  # typed by table name
    known: dict[str, set[str]] = {
        "families": set(tables["families"]),
        "cue_kinds": set(tables["cue_kinds"]),
        "review_kinds": set(tables["review_kinds"]),
        "topics": {r.topic for r in tables["topics"].values()}
        | {r.id for r in tables["names"].values() if r.kind == "topic"},
        "needs": {r.need for r in tables["needs"].values()}
        | {r.id for r in tables["names"].values() if r.kind == "need"},
    }
    known["template_cues"] = known["cue_kinds"] | set(TEMPLATE_CUE_EXTRAS) if known["cue_kinds"] else set()
    classes = set(tables["wordclasses"])
    for table, (_cls, _key, spec) in SCHEMAS.items():
        refs = [(k, extra) for k, (_kind, _req, extra) in spec.items() if isinstance(extra, Ref)]
        phrase_keys = [k for k in PHRASE_KEYS if k in spec]
        if not refs and not phrase_keys:
            continue
        for key, row in merged[table].items():
            for field_name, ref in refs:
                value = getattr(row, field_name)
                ids = known[ref]
                for v in value if isinstance(value, tuple) else (value,):
                    if v is not None and ids and v not in ids:
                        problem = _REF_CODES[ref].format(key=field_name, value=v, known=", ".join(sorted(ids)))
                        yield RuleError(_where(origins, table, key), problem)
            for field_name in phrase_keys:
                value = getattr(row, "with_" if field_name == "with" else field_name)
                for phrase in value if isinstance(value, tuple) else (value,):
                    found = phrase_problem(phrase, classes, field_name)
                    if found:
                        yield RuleError(_where(origins, table, key), found)
    for key, word_class in tables["wordclasses"].items():  # a class named inside an entry ("{abuser} ~hit me")
        for entry in word_class.words:
            braced = [w[1:-1] for w in entry.split() if w[:1] == "{" and w[-1:] == "}"]
            missing = next((n for n in braced if n not in classes), None)
            if missing is not None:
                near = difflib.get_close_matches(missing, list(classes), n=3)
                hint = "did you mean " + ", ".join("{" + n + "}" for n in near) if near else "no class is close"
                problem = Errors.E026.format(key="words", name=missing, known=f"{hint} (in {key!r}: {entry!r})")
                yield RuleError(_where(origins, "wordclasses", key), problem)
    for key, kind in tables["cue_kinds"].items():  # the exceptions every cue of a kind shares
        for field, phrases in (("unless", kind.unless), ("learned_unless", kind.learned_unless)):
            for phrase in phrases:
                shared = phrase_problem(phrase, classes, field)
                if shared:
                    yield RuleError(_where(origins, "cue_kinds", key), shared)
    toned: dict[str, str] = {}  # a clear tone alone names one family per sign
    for key, family in tables["families"].items():
        if family.from_tone is None:
            continue
        first = toned.setdefault(family.from_tone, key)
        if first != key:
            problem = Errors.E067.format(first=first, second=key, value=family.from_tone)
            yield RuleError(_where(origins, "families", key), problem)
    groups = {r.group for r in tables["crisis_signals"].values()}
    named = [("crisis_combinations", key, "groups", c.groups) for key, c in tables["crisis_combinations"].items()]
    named += [("cue_kinds", key, "learned_needs", k.learned_needs) for key, k in tables["cue_kinds"].items()]
    named += [("cue_kinds", key, "learned_concepts", k.learned_concepts) for key, k in tables["cue_kinds"].items()]
    for table, key, field, wanted in named:  # every signal group a row names must be one some signal has
        unknown = [g for g in wanted if g not in groups]
        if unknown:
            yield RuleError(
                _where(origins, table, key),
                Errors.E030.format(key=field, value=unknown[0], known=", ".join(sorted(groups))),
            )
    if classes:
        for module, names in ENGINE_WORD_CLASSES.items():
            for name in names:
                if name not in classes:
                    yield RuleError("wordclasses", Errors.E031.format(name=name, use=f"listenwell._{module}"))


def check_rules(path: str | Path) -> list[str]:
    """Every problem in a user's rule file or folder, as 'Ennn file:line: problem' strings (empty when all is well).

    Each line's own problems come first; then the rows that are well formed are put on top of the shipped
    tables and every phrase and reference is checked, as ``load_rules`` would (``listenwell rules check``).
    """
    try:
        found = _user_files(Path(path))
    except ListenwellError as exc:
        return [str(exc)]
    problems: list[str] = []
    good: list[tuple[str, str, Row, str]] = []
    for table, label, text in found:
        for where, row, problem in _parse_lines(table, label, text):
            if problem or row is None:
                problems.append(str(RuleError(where, problem or "")))
            else:
                good.append((table, row_key(table, row), row, where))
    base = load_rules()
    merged = {t: dict(rows) for t, rows in base.tables.items()}
    origins = dict(base.origins)
    mine: dict[str, str] = {}
    for table, key, row, where in good:
        earlier = mine.get(f"{table}|{key}")
        if earlier is not None:
            problems.append(
                str(RuleError(where, Errors.E013.format(key_name=SCHEMAS[table][1], key=key, first=earlier)))
            )
            continue
        mine[f"{table}|{key}"] = where
        merged[table][key] = row
        origins[f"{table}|{key}"] = where
    problems += [str(p) for p in _reference_problems(merged, origins)]
    return problems
