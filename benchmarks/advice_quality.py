"""How often the advice checks are right, on real published templates judged by hand.

Not a test (``tests/test_advice_quality.py`` holds the targets): run it by hand::

    .venv/bin/python benchmarks/advice_quality.py

The corpus, ``tests/corpus/templates.yaml``, holds published networking templates as their
repositories store them, each pasted into a ``message`` fence with only its channel,
relationship, kind (and subject and language where it has them), and a human judgment of
which checks should fire on it as written and with realistic values typed in. Every check
runs on both, exactly as the browser runs them (``messages.advise``); this prints, per
check, how often it fired, how often it fired rightly (precision) and how many of the real
mistakes it caught (recall). A check with no real mistake in the corpus has no recall.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playbook_plugin.rules.advice import DEFAULT_CHECKS  # noqa: E402
from playbook_plugin.sources.messages import (  # noqa: E402
    MessageTemplate,
    advise,
    build_settings,
    parse_message,
)
from playbook_plugin.sources.template_subset import slug_name  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "templates.yaml"
STATES = ("as_written", "filled")
JUDGED = tuple(check.id for check in DEFAULT_CHECKS if check.rule != "follow-up-gap")
"""The follow-up check reads dates, not words: the corpus does not judge it."""


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def fired(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def mistakes(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.fired if self.fired else None

    @property
    def recall(self) -> float | None:
        return self.true_positives / self.mistakes if self.mistakes else None


def load_corpus(path: Path = CORPUS) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


def as_template(entry: dict[str, Any]) -> MessageTemplate:
    """The entry pasted into a ``message`` fence, its text unchanged."""
    header = {"id": entry["id"], **entry["header"]}
    source = yaml.safe_dump(header, allow_unicode=True, sort_keys=False) + "---\n" + entry["text"]
    return parse_message(source, path=f"{CORPUS.name}#{entry['id']}", line=1, settings=SETTINGS)


def typed_values(template: MessageTemplate, entry: dict[str, Any]) -> dict[str, str]:
    """The entry's values, given by label, as the reader types them into the fields."""
    by_label = {str(label): str(value) for label, value in (entry.get("values") or {}).items()}
    values = {slug_name(label) or label: value for label, value in by_label.items()}
    unknown = [name for name in values if name not in {f.name for f in template.fields}]
    if unknown:
        raise ValueError(f"{entry['id']}: values for blanks the template lacks: {unknown}")
    return values


def judge(entry: dict[str, Any]) -> dict[str, tuple[set[str], set[str]]]:
    """For each state: the checks that fired and the checks a person says should fire."""
    template = as_template(entry)
    values = {"as_written": {}, "filled": typed_values(template, entry)}
    results = {}
    for state in STATES:
        fired = {check_id for check_id, _ in advise(template, values[state])}
        results[state] = (fired & set(JUDGED), set(entry["fire"][state]))
    return results


def measure(corpus: list[dict[str, Any]]) -> tuple[dict[str, Score], list[str]]:
    """Scores per check, and one line per wrong answer."""
    scores = {check_id: Score() for check_id in JUDGED}
    wrong: list[str] = []
    for entry in corpus:
        for state, (fired, expected) in judge(entry).items():
            for check_id in JUDGED:
                score = scores[check_id]
                if check_id in fired and check_id in expected:
                    score.true_positives += 1
                elif check_id in fired:
                    score.false_positives += 1
                    wrong.append(f"{entry['id']} ({state}): {check_id} fired, should not")
                elif check_id in expected:
                    score.false_negatives += 1
                    wrong.append(f"{entry['id']} ({state}): {check_id} missed")
    return scores, wrong


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def main() -> None:
    corpus = load_corpus()
    scores, wrong = measure(corpus)
    languages = sorted({entry["header"].get("lang", "en") for entry in corpus})
    print(
        f"{len(corpus)} published templates ({', '.join(languages)}), "
        f"judged as written and filled in: {2 * len(corpus)} messages"
    )
    print(f"{'check':<22}{'fired':>7}{'right':>7}{'mistakes':>10}{'precision':>11}{'recall':>8}")
    for check_id, score in scores.items():
        print(
            f"{check_id:<22}{score.fired:>7}{score.true_positives:>7}{score.mistakes:>10}"
            f"{_percent(score.precision):>11}{_percent(score.recall):>8}"
        )
    for line in wrong:
        print("  wrong:", line)


SETTINGS = build_settings()

if __name__ == "__main__":
    main()
