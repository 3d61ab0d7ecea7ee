"""Reply quality of listen() over EmpatheticDialogues (dev) messages.

Run: python benchmarks/eval_suggestions.py [--samples 10]
Figures (targets): outputs naming the detected feeling (>= 90%), first suggestions specific to the
message (share a content word with it or name its topic; >= 80%), distinct first suggestions (>= 80%),
reflections and validations per question (>= 2), and counts of closed/why questions, grammar errors and
roadblock phrases (0), checked by listenwell._reply_checks, the same checks the property tests use.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from _evaldata import empathetic_dialogues  # noqa: E402

import listenwell  # noqa: E402
from listenwell._reply_checks import problems_in  # noqa: E402

STOP = set(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "about",
        "from",
        "by",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "you",
        "your",
        "yours",
        "we",
        "our",
        "us",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "they",
        "them",
        "their",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "what",
        "which",
        "who",
        "when",
        "where",
        "why",
        "how",
        "not",
        "no",
        "yes",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "just",
        "very",
        "really",
        "too",
        "also",
        "then",
        "than",
        "now",
        "some",
        "any",
        "all",
        "one",
        "out",
        "up",
        "down",
        "over",
        "again",
        "still",
        "even",
        "get",
        "got",
        "like",
        "feel",
        "felt",
        "feeling",
        "make",
        "made",
        "want",
        "went",
        "go",
        "going",
        "know",
        "think",
        "thought",
        "time",
        "day",
        "today",
    ]
)


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z']+", text.lower()) if len(w) > 2 and w not in STOP}


def names_feeling(r: listenwell.Listening, families: dict[str, object]) -> bool:
    a = r.analysis
    fam = families[a.dominant]  # type: ignore[index]
    terms = {e.term.lower() for e in a.emotions if e.family == a.dominant}
    terms |= {fam.phrase, fam.mild, fam.strong}  # type: ignore[attr-defined]
    text = " ".join(s.text.lower() for s in r.suggestions)
    return any(t.lower() in text for t in terms)


NAMES_A_FEELING = re.compile(r"\b(?:you're feeling|you've been feeling|you sound|you must be|left you feeling)\b", re.I)


def reply_figures(results: list[listenwell.Listening]) -> None:
    """Figures of the composed reply (issue 11): echo, feelings named without grounds, length."""
    from listenwell._reply import ECHO_LIMIT, echo_run

    replies = [r for r in results if r.mode != "safety"]
    echoes = [echo_run(r.reply, r.analysis.text) for r in replies]
    ungrounded = 0
    for r in replies:
        grounded = any(
            e.experiencer == "speaker" and not e.negated
            and (e.source == "lexicon" or (e.source == "situation" and e.confidence >= 0.6))
            for e in r.analysis.emotions
        )  # fmt: skip
        ungrounded += bool(NAMES_A_FEELING.search(r.reply)) and not grounded
    lengths = sorted(len(r.reply.split()) for r in replies)
    n = len(replies)

    def pct(q: float) -> int:
        return lengths[min(n - 1, int(q * n))]

    print(f"\n{'composed reply (Listening.reply), non-safety':<58}{'value':>10}{'target':>10}")
    echoing = sum(e >= ECHO_LIMIT for e in echoes) / n
    print(f"{'replies echoing 6+ of the writer words in a row':<58}{echoing:>10.1%}{'0%':>10}")
    print(f"{'mean longest echo (words)':<58}{sum(echoes) / n:>10.2f}{'':>10}")
    print(f"{'feelings named without grounds':<58}{ungrounded / n:>10.1%}{'0%':>10}")
    print(f"{'replies with a question':<58}{sum('?' in r.reply for r in replies) / n:>10.1%}{'':>10}")
    spread = f"{lengths[0]}/{pct(0.5)}/{pct(0.9)}/{lengths[-1]}"
    print(f"{'reply length, words: min / median / p90 / max':<58}{spread:>10}{'<= ~35':>10}")
    print(f"{'replies within 35 words':<58}{sum(x <= 35 for x in lengths) / n:>10.1%}{'':>10}")
    specific = sum(bool(words(r.reply) & words(r.analysis.text)) for r in replies)
    print(f"{'replies sharing a content word with the message':<58}{specific / n:>10.1%}{'':>10}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=0, help="print this many sample outputs")
    args = parser.parse_args()
    lw = listenwell.default_listener()
    families = dict(lw.rules.tables["families"])
    texts = [t for t, _ in empathetic_dialogues()]
    results = lw.listen_many(texts)
    names = lw.rules.tables["names"]
    # a feeling is certain when the writer named it or a confident situation implies it (tone alone is no grounds,
    # and the reply then names none on purpose)
    with_feeling = [
        r for r in results
        if r.analysis.dominant and r.mode != "safety" and any(
            e.family == r.analysis.dominant and e.experiencer == "speaker" and not e.negated
            and (e.source == "lexicon" or (e.source == "situation" and e.confidence >= 0.6))
            for e in r.analysis.emotions
        )
    ]  # fmt: skip
    named = sum(names_feeling(r, families) for r in with_feeling)
    specific = 0
    for r in results:
        first = r.suggestions[0].text
        topic_names = {names[f"topic:{t}"].name.lower() for t in r.analysis.topics if f"topic:{t}" in names}
        if words(first) & words(r.analysis.text) or any(n in first.lower() for n in topic_names):
            specific += 1
    firsts = [r.suggestions[0].text for r in results]
    questions = sum(1 for r in results for s in r.suggestions if s.kind == "question")
    others = sum(1 for r in results for s in r.suggestions if s.kind != "question")
    problems = [(r, p) for r in results for p in problems_in(r)]
    kinds = {"closed question": 0, "why": 0, "grammar": 0, "roadblock": 0}
    for _r, p in problems:
        for k in kinds:
            if p.startswith(k):
                kinds[k] += 1
    n = len(results)
    print(f"{n} messages (EmpatheticDialogues dev)")
    print(f"{'figure':<58}{'value':>10}{'target':>10}")
    print(f"{'outputs naming the feeling, when it is certain':<58}{named / len(with_feeling):>10.1%}{'>= 90%':>10}")
    print(f"{'first suggestion specific to the message':<58}{specific / n:>10.1%}{'>= 80%':>10}")
    print(f"{'distinct first suggestions':<58}{len(set(firsts)) / n:>10.1%}{'>= 80%':>10}")
    print(f"{'reflections and validations per question':<58}{others / max(questions, 1):>10.2f}{'>= 2':>10}")
    for k, v in kinds.items():
        print(f"{k + 's':<58}{v:>10}{'0':>10}")
    print(f"{'all checks (listenwell._reply_checks)':<58}{len(problems):>10}{'0':>10}")
    for r, p in problems[:10]:
        print("  problem:", p, "| message:", r.analysis.text[:80])
    reply_figures(results)
    for r in results[: args.samples]:
        print(f"\n> {r.analysis.text}\n  mode {r.mode}, dominant {r.analysis.dominant}")
        for s in r.suggestions:
            print(f"  - [{s.kind}] {s.text}")


if __name__ == "__main__":
    main()
