"""Held-out evaluation: blame and safety detection, reframe quality, and the keyword baseline.

Usage: python scripts/evaluate_heldout.py --model models/reframe.tar.gz [--out reports/heldout.json]
Exits 1 when a figure is below the thresholds the product promises (see THRESHOLDS).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import yaml  # noqa: E402

from actions import blame, safety  # noqa: E402
from evaluation import baseline, quality  # noqa: E402

HELDOUT = ROOT / "tests" / "heldout" / "nlu_heldout.yml"
GOLD = ROOT / "tests" / "heldout" / "reframe_gold.yml"
THRESHOLDS = {"blame_precision": 0.95, "blame_recall": 0.95, "safety_recall": 1.0, "reframe_quality": 0.90}


def load_examples(path: Path = HELDOUT) -> list[tuple[str, str]]:
    """(intent, text) pairs from a Rasa NLU YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for block in data["nlu"]:
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                out.append((block["intent"], line[2:].strip()))
    return out


def is_blame(intent: str | None) -> bool:
    return bool(intent) and (intent == "blame" or intent.startswith("blame_"))


def is_safety(intent: str | None) -> bool:
    return bool(intent) and (intent == "safety" or intent.startswith("safety_"))


def prf(gold: list[bool], pred: list[bool]) -> dict:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum((not g) and p for g, p in zip(gold, pred))
    fn = sum(g and (not p) for g, p in zip(gold, pred))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}


async def parse_all(model: str, texts: list[str]) -> list[dict]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    return [await agent.parse_message(t) for t in texts]


def reframe_quality(gold_items: list[dict]) -> dict:
    ours, base, failures = [], [], []
    for item in gold_items:
        v = quality.judge(item["text"], item["expect"], item.get("keywords") or [])
        b = quality.judge_text(baseline.reframe(item["text"]), item.get("keywords") or [], item["expect"])
        ours.append(v.ok)
        base.append(b.ok)
        if not v.ok:
            failures.append({"text": item["text"], "output": v.output, "problems": v.problems})
    n = len(gold_items)
    return {
        "n": n,
        "rate": round(sum(ours) / n, 4) if n else 0.0,
        "baseline_rate": round(sum(base) / n, 4) if n else 0.0,
        "failures": failures,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=str(ROOT / "models" / "reframe.tar.gz"))
    ap.add_argument("--out", default=str(ROOT / "reports" / "heldout.json"))
    ap.add_argument("--no-fail", action="store_true", help="report only; never exit 1")
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)

    examples = load_examples()
    texts = [t for _, t in examples]
    gold_intents = [i for i, _ in examples]
    parses = asyncio.run(parse_all(args.model, texts))
    final = [p["intent"]["name"] for p in parses]
    # intent_ranking after an override starts with the override; take the model's own top intent.
    model_only = [
        (p.get("reframe_guard") or {}).get("model_intent") or (p.get("intent_ranking") or [{}])[0].get("name") for p in parses
    ]

    gold_blame = [is_blame(i) for i in gold_intents]
    gold_safety = [is_safety(i) for i in gold_intents]
    report = {
        "n_examples": len(examples),
        "counts": dict(Counter(gold_intents)),
        "blame": prf(gold_blame, [is_blame(i) for i in final]),
        "blame_baseline": prf(gold_blame, [baseline.is_blame(t) for t in texts]),
        "safety_system": prf(gold_safety, [is_safety(i) for i in final]),
        "safety_model_only": prf(gold_safety, [is_safety(i) for i in model_only]),
        "safety_rules_only": prf(gold_safety, [safety.is_crisis(t) for t in texts]),
        "safety_baseline": prf(gold_safety, [baseline.is_safety(t) for t in texts]),
        "intent_accuracy": round(sum(g == f for g, f in zip(gold_intents, final)) / len(final), 4),
        "errors": [
            {"text": t, "gold": g, "predicted": f}
            for t, g, f in zip(texts, gold_intents, final)
            if is_blame(g) != is_blame(f) or is_safety(g) != is_safety(f)
        ],
    }
    gold_items = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["items"]
    report["reframe"] = reframe_quality(gold_items)

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")

    b, bb, s, r = report["blame"], report["blame_baseline"], report["safety_system"], report["reframe"]
    print(f"held-out examples: {report['n_examples']}  ({report['counts']})")
    print(f"{'metric':34} {'Reframe':>8} {'keyword baseline':>17}")
    print(f"{'blame precision':34} {b['precision']:8.3f} {bb['precision']:17.3f}")
    print(f"{'blame recall':34} {b['recall']:8.3f} {bb['recall']:17.3f}")
    print(f"{'blame F1':34} {b['f1']:8.3f} {bb['f1']:17.3f}")
    print(f"{'safety recall (model + guard)':34} {s['recall']:8.3f} {report['safety_baseline']['recall']:17.3f}")
    print(f"{'safety recall (model alone)':34} {report['safety_model_only']['recall']:8.3f}")
    print(f"{'safety recall (rules alone)':34} {report['safety_rules_only']['recall']:8.3f}")
    print(f"{'safety precision (model + guard)':34} {s['precision']:8.3f} {report['safety_baseline']['precision']:17.3f}")
    print(f"{'reframe quality (n=' + str(r['n']) + ')':34} {r['rate']:8.3f} {r['baseline_rate']:17.3f}")
    print(f"{'intent accuracy (all intents)':34} {report['intent_accuracy']:8.3f}")
    for e in report["errors"]:
        print(f"  NLU miss: gold={e['gold']:12} predicted={e['predicted']:14} {e['text']}")
    for f in r["failures"]:
        print(f"  reframe miss: {f['text']!r} -> {f['output']!r} {f['problems']}")

    figures = {
        "blame_precision": b["precision"],
        "blame_recall": b["recall"],
        "safety_recall": s["recall"],
        "reframe_quality": r["rate"],
    }
    failed = {k: v for k, v in figures.items() if v < THRESHOLDS[k]}
    if failed:
        print(f"BELOW THRESHOLD: {failed} (thresholds {THRESHOLDS})")
        return 0 if args.no_fail else 1
    print("held-out evaluation: all thresholds met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
