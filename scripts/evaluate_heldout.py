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

from actions import safety  # noqa: E402
from evaluation import baseline, quality  # noqa: E402
from evaluation.data import nlu_examples  # noqa: E402

# The product's targets (issue 2). Reported every run, met or not.
TARGETS = {"blame_precision": 0.95, "blame_recall": 0.95, "safety_recall": 1.0, "reframe_quality": 0.90}
# What `make test` enforces: no regression below the figures measured when the floors were last
# raised (see the issue notes). heldout and blind have been looked at while fixing the parser; "fresh"
# and then "final" were each measured blind once (figures in the issue 2 note) and then became dev sets.
# Safety recall is never allowed below 1.0 on a set whose misses have been fixed.
# The same commit, seeds and pinned packages train a different DIET on different machines (2026-11-22's
# machine vs the AMD EPYC of 2026-12-02: blame recall blind 0.945 vs 0.930, fresh 0.939 vs 0.921, final 0.934
# vs 0.898), so the blame floors sit just under the lower of the two. Safety recall holds at 1.0 on both
# because the deterministic screen, not DIET, carries it.
FLOORS = {
    # Reset 2026-12-02 evening, after four older blind sets (sixth to ninth), 320 crisis lines and 330 near misses joined the
    # training data: about three to four points under that day's figures on an Intel Xeon for the DIET-dependent blame
    # figures (the same seeds train a different DIET on another CPU: up to four points apart on one set), half a point
    # under for reframe quality, which is deterministic. Safety recall is 1.0 on every set whose misses have been read.
    "heldout": {"blame_precision": 0.95, "blame_recall": 0.94, "safety_recall": 1.0, "reframe_quality": 0.96},
    "blind": {"blame_precision": 0.94, "blame_recall": 0.94, "safety_recall": 1.0, "reframe_quality": 0.955},
    "fresh": {"blame_precision": 0.93, "blame_recall": 0.92, "safety_recall": 1.0, "reframe_quality": 0.90},
    "final": {"blame_precision": 0.94, "blame_recall": 0.93, "safety_recall": 1.0, "reframe_quality": 0.915},
    # In the training data now (TRAINED_ON): only the parser's reframe quality is a measurement.
    "sixth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.905},
    "seventh": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.895},
    "eighth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.90},
    "ninth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.955},
    # Tenth to nineteenth and twenty-first joined the training data on 2026-12-03 evening (lines also in an evaluation
    # set removed first): their NLU figures are training figures now; safety recall and reframe quality still bind.
    "tenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.905},
    "eleventh": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.905},
    "twelfth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.925},
    "thirteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.92},
    "fourteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.91},
    "fifteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.925},
    "sixteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.905},
    "seventeenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.91},
    "eighteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.925},
    "nineteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.92},
    "twentyfirst": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.0, "reframe_quality": 0.80},
    # Unseen by the model (never trained on); measured first in CI on 2026-12-04 and then used to fix the parser and rules.
    "twentieth": {"blame_precision": 0.92, "blame_recall": 0.84, "safety_recall": 1.0, "reframe_quality": 0.90},
    "twentysecond": {"blame_precision": 0.95, "blame_recall": 0.87, "safety_recall": 1.0, "reframe_quality": 0.865},
    "twentythird": {"blame_precision": 0.92, "blame_recall": 0.87, "safety_recall": 1.0, "reframe_quality": 0.77},
}
# First looks on 2026-12-02 (model of aeb0792), measured before any change was made for them; both sets were
# written by helpers who saw neither the training data nor the code, with overlaps removed and the
# "I feel that/like you…" lines relabelled blame as in the other sets:
#   sixth   P 0.980 R 0.866 safety 0.978 reframe 0.825   (sixth then became a dev set)
#   seventh P 0.962 R 0.895 safety 0.978 reframe 0.860   (only its safety misses were looked at)
# Second look at seventh, after the day's changes and before its safety misses were read (the honest unseen figure):
#   seventh P 0.958 R 0.924 safety 0.957 reframe 0.871; after fixing its seven rule misses: safety 1.000
# eighth (written after voices.yml, with no sight of it), first look with the model of c310694:
#   eighth  P 0.988 R 0.970 safety 1.000 reframe 0.858   (then a dev set)
# ninth (written last, by a helper who saw nothing else), first look with the model of c310694 and the code of 0470704:
#   ninth   P 0.975 R 0.945 safety 1.000 reframe 0.872   (then a dev set)
# tenth (written last), first look with the model of c310694 and the code of 707a93b:
#   tenth   P 0.968 R 0.916 safety 0.930 reframe 0.868   (only its safety misses were read since; safety now 1.000)
# eleventh and twelfth (2026-12-02 evening, two new helpers who saw only a one-page brief), first look with the code
# of 4400b69 and a model trained from it on an Intel Xeon (the tenth's figures on that model: P 0.944 R 0.916):
#   eleventh P 0.934 R 0.963 safety 0.814 reframe 0.865
#   twelfth  P 0.962 R 0.926 safety 0.907 reframe 0.871
# thirteenth (safety-heavy: 103 crisis lines, 85 dramatic-but-ordinary blame), first look with the code of 8cac5a9 plus the
# eleventh's and twelfth's safety ideas, and the same model as theirs:
#   thirteenth P 0.898 R 0.929 safety 0.767 (model alone 0.553, rules alone 0.544) reframe 0.871
# fourteenth (safety-heavy, written after everything above), first look with the retrained model (sixth to ninth, 320
# crisis lines and 330 near misses added to the training data) and that evening's code:
#   fourteenth P 0.954 R 0.976 safety 0.970 (model alone 0.950, rules alone 0.690) reframe 0.821
# fifteenth (ordinary mix, written last from a brief that now says, as the issue does, that blame for a concrete
# event is reframed), first look with the code of 6631c54 and the same retrained model:
#   fifteenth P 0.967 R 0.930 safety 1.000 (model alone 0.930, rules alone 0.907) reframe 0.834
# sixteenth (ordinary mix in many voices, written 2026-12-03 from a one-page brief by a helper who saw nothing of the
# project), first look with the model trained from 3236467's data and the code of 8c918f6 (reframe 0.899; 0.911 after
# 739c5d2's parser fixes, made from its misses):
#   sixteenth P 0.962 R 0.949 safety 1.000 (model alone 0.956, rules alone 0.933) reframe 0.899
# seventeenth (a month of users in many lives: older couples, carers, step-families, second-language English; written
# 2026-12-03 by another helper who saw nothing of the project), first look with the same model and the code of e8ab123
# (every change above made before it was opened):
#   seventeenth P 0.943 R 0.917 safety 1.000 (model alone 0.977, rules alone 0.864) reframe 0.903
#   nine of its twelve blame misses are everyday complaints the model alone called safety (safety precision 0.786)
# eighteenth (first-week users, a third of the blame told about the partner in the third person with everyday detail;
# written 2026-12-03 by a helper who saw nothing of the project), first look with the same model and the code of 03d7b4b:
#   eighteenth P 0.949 R 0.903 safety 1.000 (model alone 0.977, rules alone 0.955) reframe 0.868
#   eleven of its fourteen blame misses are ordinary complaints the model alone called safety (safety precision 0.786)
# nineteenth (everyone mixed: half to "you", a third in the third person, crisis lines in every person; written
# 2026-12-03 late morning), first look with the same model and the code of 3a016f8, after every change of that day:
#   nineteenth P 0.920 R 0.927 safety 1.000 (model alone 0.975, rules alone 0.925) reframe 0.867
# twentyfirst (older writers, long marriages and co-parenting after a separation: one evening's story, quoted rows,
# formal and passive-aggressive politeness, many near misses; written 2026-12-03 evening by a helper who saw nothing of
# the project), first look with the model trained from 1064f51's data on that day's machine and the code of 7f9a90c:
#   twentyfirst P 0.886 R 0.880 safety 0.975 (model alone 0.900, rules alone 0.775) reframe 0.813
#   the one crisis line missed: "you make me want to swallow everything in the medicine cabinet" (DIET: blame)
# twentieth (young couples texting: Indian, Australian and British slang, text speak, many third-person lines; written
# 2026-12-03 by a helper who saw nothing of the project; six lines already in the training data removed), first look
# with the model trained from bb9ae89's data (tenth to nineteenth and twenty-first now in it) and the code of bb9ae89,
# printed by CI and reproduced exactly on the development machine:
#   twentieth P 0.949 R 0.872 safety 1.000 (model alone 1.000, rules alone 0.850) reframe 0.737 (0.791 once the judge
#   read "told ur mum" and "rang his mum" as kept by "told your mum", "rang your mum")
#   safety precision 0.678: DIET alone called 19 ordinary lines crisis ("you read my diary", "man up and deal with it",
#   "that meant a lot"), at a median confidence of 1.0, so no threshold on its confidence would separate them
# twentysecond (couples in their thirties and forties: same-sex couples, new parents, in-laws, long distance, shift workers,
# Irish, South African and Indian English; written 2026-12-04 by a helper who saw nothing of the project; 15 lines already
# in the training data removed), first look with the same model as the twentieth's and the code of 61f2e88:
#   twentysecond P 0.977 R 0.890 safety 1.000 (model alone 1.000, rules alone 0.762) reframe 0.808
#   safety precision 0.778: DIET alone called 11 ordinary lines crisis, the rules 3 (a prank with the car keys, "I'll
#   murder you if you leave your gym bag…", "he took my phone charger")
# twentythird (couples in their twenties and in their sixties and seventies: students, newly-weds, retired couples,
# military and fly-in-fly-out families, farmers, carers, people in recovery, second marriages; written 2026-12-05 by a
# helper who saw nothing of the project; 13 lines already in the training data removed), first look with the model of
# bb9ae89's data and the code of b49b730:
#   twentythird P 0.944 R 0.906 safety 1.000 (model alone 1.000, rules alone 0.691) reframe 0.778
#   safety precision 0.737: DIET called 15 ordinary lines crisis ("I'll kill you if you wake me at 4am", "he skipped
#   his dialysis appointment", "he never touches me anymore unless he wants something")
FIRST_LOOK = {
    "sixth": {"blame_precision": 0.980, "blame_recall": 0.866, "safety_recall": 0.978, "reframe_quality": 0.825},
    "seventh": {"blame_precision": 0.962, "blame_recall": 0.895, "safety_recall": 0.978, "reframe_quality": 0.860},
    "eighth": {"blame_precision": 0.988, "blame_recall": 0.970, "safety_recall": 1.000, "reframe_quality": 0.858},
    "ninth": {"blame_precision": 0.975, "blame_recall": 0.945, "safety_recall": 1.000, "reframe_quality": 0.872},
    # Tenth to nineteenth and twenty-first joined the training data on 2026-12-03 evening (lines also in an evaluation
    # set removed first): their NLU figures are training figures now; safety recall and reframe quality still bind.
    "tenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 0.930, "reframe_quality": 0.868},
    "eleventh": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 0.814, "reframe_quality": 0.865},
    "twelfth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 0.907, "reframe_quality": 0.871},
    "thirteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 0.767, "reframe_quality": 0.871},
    "fourteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 0.970, "reframe_quality": 0.821},
    "fifteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.000, "reframe_quality": 0.834},
    "sixteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.000, "reframe_quality": 0.899},
    "seventeenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.000, "reframe_quality": 0.903},
    "eighteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.000, "reframe_quality": 0.868},
    "nineteenth": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 1.000, "reframe_quality": 0.867},
    "twentyfirst": {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 0.975, "reframe_quality": 0.813},
    "twentieth": {"blame_precision": 0.949, "blame_recall": 0.872, "safety_recall": 1.000, "reframe_quality": 0.737},
    "twentysecond": {"blame_precision": 0.977, "blame_recall": 0.890, "safety_recall": 1.000, "reframe_quality": 0.808},
    "twentythird": {"blame_precision": 0.944, "blame_recall": 0.906, "safety_recall": 1.000, "reframe_quality": 0.778},
}
DEFAULT_FLOORS = {"blame_precision": 0.0, "blame_recall": 0.0, "safety_recall": 0.0, "reframe_quality": 0.0}


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


def discover_sets() -> dict[str, tuple[Path, Path]]:
    """Every evaluation set: tests/<name>/reframe_gold.yml with its NLU file beside it, or in data/nlu/ once trained on.

    Found on disk, so a new blind set is measured as soon as its folder exists. Chronological order for the sets named
    in FIRST_LOOK (and the first four), then any newer ones by name.
    """
    found = {}
    for gold in (ROOT / "tests").glob("*/reframe_gold.yml"):
        name = gold.parent.name
        for nlu in (gold.parent / f"nlu_{name}.yml", ROOT / "data" / "nlu" / f"writers_{name}.yml"):
            if nlu.exists():
                found[name] = (nlu, gold)
                break
    order = ["heldout", "blind", "fresh", "final", *FIRST_LOOK]
    return {n: found[n] for n in sorted(found, key=lambda n: (order.index(n) if n in order else len(order), n))}


SETS = discover_sets()
# Sets written blind (each NLU file moved to data/nlu/writers_<name>.yml), measured (FIRST_LOOK), used as dev sets, and since 2026-12-02 evening part of the training data
# (data/nlu/writers_*.yml): four more writers' voices lifted every unseen set (see the issue 2 note). Their NLU
# figures are now training figures and are neither targets nor floors; their reframe gold still measures the parser.
TRAINED_ON = frozenset(n for n, (nlu, _) in SETS.items() if nlu.parent == ROOT / "data" / "nlu")


def evaluate(agent_parses: list[dict], examples: list[tuple[str, str]], gold_items: list[dict]) -> dict:
    """All figures for one evaluation set."""
    texts = [t for _, t in examples]
    gold_intents = [i for i, _ in examples]
    final = [p["intent"]["name"] for p in agent_parses]
    # After a guard override the ranking starts with the override; the model's own top intent is kept aside.
    model_only = [
        (p.get("reframe_guard") or {}).get("model_intent") or (p.get("intent_ranking") or [{}])[0].get("name") for p in agent_parses
    ]
    gold_blame = [is_blame(i) for i in gold_intents]
    gold_safety = [is_safety(i) for i in gold_intents]
    return {
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
        "reframe": reframe_quality(gold_items),
    }


def print_report(name: str, report: dict, verbose: bool) -> None:
    b, bb, s, r = report["blame"], report["blame_baseline"], report["safety_system"], report["reframe"]
    print(f"\n== {name}: {report['n_examples']} examples {report['counts']}")
    if name in TRAINED_ON:
        print("   (now training data: the NLU figures below are training figures; only reframe quality is a measurement)")
    print(f"{'metric':36} {'Reframe':>8} {'keyword baseline':>17}")
    print(f"{'blame precision':36} {b['precision']:8.3f} {bb['precision']:17.3f}")
    print(f"{'blame recall':36} {b['recall']:8.3f} {bb['recall']:17.3f}")
    print(f"{'blame F1':36} {b['f1']:8.3f} {bb['f1']:17.3f}")
    print(f"{'safety recall (model + guard)':36} {s['recall']:8.3f} {report['safety_baseline']['recall']:17.3f}")
    print(f"{'safety recall (model alone)':36} {report['safety_model_only']['recall']:8.3f}")
    print(f"{'safety recall (rules alone)':36} {report['safety_rules_only']['recall']:8.3f}")
    print(f"{'safety precision (model + guard)':36} {s['precision']:8.3f} {report['safety_baseline']['precision']:17.3f}")
    print(f"{'reframe quality (n=' + str(r['n']) + ')':36} {r['rate']:8.3f} {r['baseline_rate']:17.3f}")
    print(f"{'intent accuracy (all intents)':36} {report['intent_accuracy']:8.3f}")
    if verbose:
        for e in report["errors"]:
            print(f"  NLU miss: gold={e['gold']:12} predicted={e['predicted']:14} {e['text']}")
        for f in r["failures"]:
            print(f"  reframe miss: {f['text']!r} -> {f['output']!r} {f['problems']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=str(ROOT / "models" / "reframe.tar.gz"))
    ap.add_argument("--out", default=str(ROOT / "reports" / "heldout.json"))
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS))
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    ap.add_argument("--no-fail", action="store_true", help="report only; never exit 1")
    args = ap.parse_args(argv)
    quiet()

    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    loaded = {n: (nlu_examples(SETS[n][0]), yaml.safe_load(SETS[n][1].read_text(encoding="utf-8"))["items"]) for n in names}
    all_texts = [t for n in names for _, t in loaded[n][0]]
    parses = asyncio.run(parse_all(args.model, all_texts))
    reports, i = {}, 0
    for n in names:
        examples, gold = loaded[n]
        reports[n] = evaluate(parses[i : i + len(examples)], examples, gold)
        i += len(examples)
        print_report(n, reports[n], args.verbose)

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(reports, indent=2, ensure_ascii=False), encoding="utf-8")

    missed, failed = {}, {}
    for n, rep in reports.items():
        figures = {
            "blame_precision": rep["blame"]["precision"],
            "blame_recall": rep["blame"]["recall"],
            "safety_recall": rep["safety_system"]["recall"],
            "reframe_quality": rep["reframe"]["rate"],
        }
        floors = FLOORS.get(n, DEFAULT_FLOORS)
        if n in TRAINED_ON:
            figures = {"reframe_quality": figures["reframe_quality"]}
        missed.update({f"{n}.{k}": v for k, v in figures.items() if v < TARGETS[k]})
        failed.update({f"{n}.{k}": (v, floors[k]) for k, v in figures.items() if v < floors[k]})
    print(f"\ntargets {TARGETS}: " + ("all met" if not missed else f"NOT MET {missed}"))
    if failed:
        print(f"REGRESSION below the enforced floors (figure, floor): {failed}")
        return 0 if args.no_fail else 1
    print("enforced floors: all met")
    return 0


def quiet() -> None:
    """Rasa logs every parse at debug level through structlog; keep the report readable."""
    logging.disable(logging.WARNING)
    try:
        import structlog

        structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    except ImportError:
        pass


if __name__ == "__main__":
    sys.exit(main())
