"""Agreement between the practice scorer and coaches' bands on the graded sets in tests/practice/.

Usage: python scripts/evaluate_practice.py [--verbose] [--no-fail] [--out reports/practice.json]
Exit 1 when agreement falls below the floor or any answer is more than one band off.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from actions import practice  # noqa: E402
from evaluation import baseline  # noqa: E402

ORDER = ["poor", "fair", "good", "excellent"]
TARGET = 0.85
FLOOR = 0.85


_LATER = ("fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twentyfirst", "twentysecond", "twentythird", "twentyfourth", "twentyfifth", "twentysixth", "twentyseventh", "twentyeighth", "twentyninth", "thirtieth")
SETS = {
    "graded": ROOT / "tests" / "practice" / "graded_answers.yml",
    "holdout": ROOT / "tests" / "practice" / "graded_holdout.yml",
    **{name: ROOT / "tests" / "practice" / f"graded_{name}.yml" for name in ("third", *_LATER)},
}


def evaluate(path: Path = SETS["graded"]) -> dict:
    """Band agreement, worst distance, per-band confusion and the misses."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    confusion = {g: {p: 0 for p in ORDER} for g in ORDER}
    misses, worst, hinted, base_hits = [], 0, [], 0
    for it in items:
        base_hits += baseline.practice_band(it["answer"]) == it["band"]
        drill = practice.Drill("graded", 1, "", "", "", it["drill"], (), ())
        hint = practice.hint_for(it["answer"], drill)
        if hint:
            hinted.append(it["answer"])
        r = practice.score(it["answer"], drill)
        gold, got = it["band"], r.band
        confusion[gold][got] += 1
        dist = abs(ORDER.index(gold) - ORDER.index(got))
        worst = max(worst, dist)
        if dist:
            misses.append(
                {"answer": it["answer"], "gold": gold, "got": got, "score": r.total, "parts": {p.name: p.points for p in r.parts}}
            )
    n = len(items)
    return {
        "n": n,
        "agreement": round((n - len(misses)) / n, 4),
        "baseline_agreement": round(base_hits / n, 4),
        "max_band_distance": worst,
        "confusion": confusion,
        "hinted_instead_of_scored": hinted,
        "misses": misses,
    }


def bench(repeats: int = 5) -> dict:
    """Median time to score one answer (hint check + score), over every graded answer, several rounds."""
    items = yaml.safe_load((ROOT / "tests" / "practice" / "graded_answers.yml").read_text(encoding="utf-8"))["items"]
    practice.score("warm up", None)
    times = []
    for _ in range(repeats):
        for it in items:
            t = time.perf_counter()
            practice.hint_for(it["answer"])
            practice.score(it["answer"])
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"n": len(times), "median_ms": round(statistics.median(times), 3), "p95_ms": round(times[int(0.95 * len(times)) - 1], 3)}


# Sets reported but not yet enforced: written on 2026-12-02 from the rubric now kept in tests/practice/RUBRIC.md,
# first looks 0.690, 0.650 and 0.630 with the scorer of aeb0792 (see the issue 3 note).
# Seventeenth and eighteenth: first looks with the scorer of 8f89621 (already changed for the fourteenth).
# Nineteenth and twentieth (written 2026-12-02 evening by two new coaches from RUBRIC.md and the drill lines only):
# first looks with the scorer of 4400b69, 0.865 and 0.880, each with answers two bands off.
# Twenty-second (a mixed group of users' voices): first look 0.805, two bands off at worst, with the scorer of 6631c54.
# Twenty-first (regional English, moments named without "when"; delivered last): first look 0.850, three bands off
# at worst (one answer), with the scorer of 1eea942.
# Since 2026-12-02 evening the fourteenth, eighteenth, nineteenth and twenty-second (each at 0.85 or more and within one
# band after their misses were read) are enforced too, and since 2026-12-02 late the twenty-first (0.870, within one band);
# Twenty-third (written 2026-12-03 by a new coach from RUBRIC.md and 40 drill lines only): first look 0.850, one band
# off at worst, with the scorer of 8c918f6; enforced from the start.
# Twenty-fourth (written 2026-12-03 by another new coach: older and younger voices, second-language English, needs
# without feelings, pseudo-feelings next to real ones): first look 0.825, two bands off at worst, with the scorer of a372d1b;
# enforced since its misses were read (0.867, within one band).
# Twenty-fifth (written 2026-12-03 late morning by a third new coach: first tries, second tries after a hint, a few
# polished ones): first look 0.883, one answer two bands off ("Is it really that hard to…?" scored good), with the
# scorer of 9c6a5b3; enforced since.
# Twenty-sixth (a fourth new coach, drills from the whole bank): first look 0.833, within one band, with the scorer of 048bf08;
# enforced since its misses were read.
# Since 2026-12-03 the twentieth too (0.925, within one band, once "unimportant" became a pseudo-feeling);
# the rest stay reported only.
# Twenty-seventh (a strict counsellor) and twenty-eighth (a peer-support volunteer; short, messy answers), written
# 2026-12-03 evening by two helpers who saw only the rubric and the drill lines: first looks 0.842 and 0.883 with the
# scorer of 8c9bf7a, both with answers two bands off (sarcasm, guilt trips and a dig the scorer did not know, a feeling
# idiom and an owned need it missed).
# Twenty-ninth (nurses, teachers and shift workers, some second-language English; 104 answers over 26 drills), written
# 2026-12-04 by a helper who saw only the rubric and the drill lines: first look 0.875 with the scorer of 580562e, one
# answer two bands off ("Your mother treats this place like a hotel and you're too scared to tell her" scored good:
# "scared" was read as my feeling); 0.942 and within one band after its misses were fixed as ideas.
# Thirtieth (retired couples, students, tradespeople, carers and small farmers, some second-language English; 104
# answers over 26 drills), written 2026-12-05 by a helper who saw only the rubric and the drill lines: first look 0.885
# with the scorer of b49b730, but one answer three bands off (an excellent offer, "…shall I grab a pizza and we just sit
# down together?", read as sarcasm) and one two bands off ("Don't worry about my birthday, I'm sure you've got more
# important things on." scored good: "worry" was read as my feeling); 0.952 and within one band after its misses were
# fixed as ideas.
MEASURED_ONLY = {"fifteenth", "sixteenth", "seventeenth"}
FLOORS = {name: FLOOR for name in SETS}
"""Enforced in `make test`: 0.85 and at most one band off on every set. Each set after the first was written
by a new coach who saw neither the scorer nor the other sets, measured once as it came (FIRST_LOOK), and then
used to find the scorer's mistakes, so only the newest set's first look estimates unseen answers."""

FIRST_LOOK = {
    "holdout": 0.714, "third": 0.689, "fourth": 0.640, "fifth": 0.730, "sixth": 0.700,
    "seventh": 0.767, "eighth": 0.813, "ninth": 0.807, "tenth": 0.835, "eleventh": 0.820, "twelfth": 0.890, "thirteenth": 0.805,
    "fourteenth": 0.690, "fifteenth": 0.650, "sixteenth": 0.630, "seventeenth": 0.770, "eighteenth": 0.855,
    "nineteenth": 0.865, "twentieth": 0.880, "twentyfirst": 0.850, "twentysecond": 0.805, "twentythird": 0.850, "twentyfourth": 0.825, "twentyfifth": 0.883, "twentysixth": 0.833,
    "twentyseventh": 0.842, "twentyeighth": 0.883, "twentyninth": 0.875, "thirtieth": 0.885,
}  # fmt: skip
"""Agreement on each set the first time the scorer saw it (see the issue 3 note for the commands and commits)."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--no-fail", action="store_true")
    ap.add_argument("--bench", action="store_true", help="also time the scorer")
    ap.add_argument("--out", default=str(ROOT / "reports" / "practice.json"))
    args = ap.parse_args(argv)
    reports, bad = {}, []
    for name, path in SETS.items():
        rep = reports[name] = evaluate(path)
        print(
            f"{name}: {rep['n']} answers, band agreement {rep['agreement']:.3f} (keyword baseline {rep['baseline_agreement']:.3f}) "
            f"(target {TARGET}, floor {FLOORS[name]}), max distance {rep['max_band_distance']} band(s)"
            + (f"; first look {FIRST_LOOK[name]:.3f}" if name in FIRST_LOOK else "")
        )
        print("  confusion (rows coach, columns scorer): " + json.dumps(rep["confusion"]))
        if rep["hinted_instead_of_scored"]:
            print(f"  would get a hint instead of a score: {rep['hinted_instead_of_scored']}")
        if args.verbose:
            for m in rep["misses"]:
                print(f"  {m['gold']:>9} -> {m['got']:<9} {m['score']:3d} {m['parts']} {m['answer']!r}")
        if name not in MEASURED_ONLY and (rep["agreement"] < FLOORS[name] or rep["max_band_distance"] > 1):
            bad.append(name)
    if args.bench:
        reports["timing"] = bench()
        t = reports["timing"]
        print(f"scoring time: median {t['median_ms']} ms, p95 {t['p95_ms']} ms over {t['n']} scorings")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(reports, indent=2, ensure_ascii=False), encoding="utf-8")
    if bad:
        print(f"BELOW THE FLOOR or more than one band off: {bad}")
    return 1 if bad and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
