"""`make bench`: speed, memory and accuracy of Reframe, side by side with the stock `rasa init` assistant.

Writes reports/bench.md, reports/bench.json and PNG plots. Both assistants run at the same time on this
machine and are measured in interleaved rounds, so machine noise hits both alike; every figure is quoted as a
median with its ratio to stock Rasa. Steps (progress bars on the long ones):

1. stock assistant: `rasa init --no-prompt` in a temporary folder (its training time is measured);
2. Reframe training time (a fresh `rasa train` into a temporary folder; the served model is the usual one);
3. start both servers, time start to ready;
4. end-to-end latency through the REST webhook, one user at a time and 8 users at once, for a blame message
   and a greeting, with messages per second;
5. the floor: NLU-only parse time in-process, and the action server's own time for the requests one reframe makes;
6. peak memory (VmHWM) of the Rasa server and the action server;
7. accuracy: 5-fold NLU cross-validation (rasa test nlu), held-out blame/safety/reframe figures and practice
   scorer agreement, each next to the keyword-rule baseline.

`--quick` skips training and cross-validation and takes fewer samples (a few minutes instead of ~30).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(os.environ.get("BIN", ROOT / ".venv" / "bin"))
MODEL = ROOT / "models" / "reframe.tar.gz"

BLAME = "You make me so angry when you ignore my texts"
GREET = "hello"
TARGETS = {
    "blame_vs_stock_greet_median": 1.3,
    "throughput_8_users_vs_stock": 0.9,
    "action_p95_ms": 15.0,
    "rasa_rss_gb": 1.5,
    "ready_s": 45.0,
}


# ---- statistics -------------------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summary(latencies_ms: list[float], wall_s: float | None = None) -> dict:
    """Median, p95, count and (with the wall time) messages per second."""
    out = {"n": len(latencies_ms), "median_ms": round(statistics.median(latencies_ms), 2) if latencies_ms else 0.0}
    out["p95_ms"] = round(pct(latencies_ms, 0.95), 2)
    if wall_s:
        out["msgs_per_s"] = round(len(latencies_ms) / wall_s, 2)
    return out


def users_key(latency: dict) -> str | None:
    """The "<n>_users" key of a latency result (n is a setting)."""
    return next((k for k in latency if k.endswith("_users")), None)


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


# ---- load ------------------------------------------------------------------------------------------


def post_json(session: requests.Session, url: str, payload: dict, timeout: float = 60) -> float:
    """One request; its latency in ms. A non-2xx answer is an error, not a fast sample."""
    t = time.perf_counter()
    r = session.post(url, json=payload, timeout=timeout)
    ms = (time.perf_counter() - t) * 1000
    r.raise_for_status()
    return ms


def load(url: str, text: str, users: int, per_user: int, tag: str = "bench") -> tuple[list[float], float]:
    """`users` conversations at once, each sending `per_user` messages one after another.

    Returns every latency (ms) and the wall time (s) from first send to last answer.
    """

    def one_user(i: int) -> list[float]:
        sender = f"{tag}-{uuid.uuid4().hex[:10]}-{i}"
        with requests.Session() as s:
            return [post_json(s, url, {"sender": sender, "message": text}) for _ in range(per_user)]

    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        results = list(pool.map(one_user, range(users)))
    wall = time.perf_counter() - t
    return [ms for r in results for ms in r], wall


# ---- servers --------------------------------------------------------------------------------------


def peak_rss_gb(pid: int) -> float:
    """Peak resident memory (VmHWM) of one process, in GB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024 / 1024, 3)
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
    except OSError:
        return ""


@dataclass
class Server:
    name: str
    cmd: list[str]
    cwd: Path
    env: dict
    health: list[str]
    log: Path
    proc: subprocess.Popen | None = None
    ready_s: float = 0.0
    pids: dict = field(default_factory=dict)

    def start(self, timeout: float = 300) -> None:
        t = time.perf_counter()
        self.proc = subprocess.Popen(
            self.cmd, cwd=self.cwd, env={**os.environ, **self.env}, stdout=open(self.log, "ab"), stderr=subprocess.STDOUT, start_new_session=True
        )
        while time.perf_counter() - t < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.log}")
            try:
                if all(requests.get(u, timeout=2).ok for u in self.health):
                    self.ready_s = round(time.perf_counter() - t, 1)
                    return
            except requests.RequestException:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"{self.name} not ready after {timeout} s; see {self.log}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def find_pids(server: Server) -> dict:
    """The Rasa server and (for Reframe) the action server among the launcher's processes."""
    assert server.proc is not None
    todo, found = [server.proc.pid], {}
    while todo:
        pid = todo.pop()
        cl = cmdline(pid)
        if " run actions" in cl:
            found["actions"] = pid
        elif " run " in f"{cl} ":
            found.setdefault("rasa", pid)
        todo += children(pid)
    return found


# ---- action server floor ------------------------------------------------------------------------------


def action_payloads(tracker_db: Path, sender: str) -> list[dict]:
    """The requests Rasa sent the action server for one message, rebuilt from the tracker store.

    Same shape as rasa.core.actions.action.RemoteAction: the tracker as it stood before each custom action.
    """
    import sqlite3

    import rasa
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, Event
    from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

    domain = Domain.load(str(ROOT / "domain.yml"))
    # Custom actions the action server runs (a form runs in Rasa; only its validate_ action is remote).
    remote = {a for a in domain.user_actions if not a.startswith("utter_")} - set(domain.form_names)
    with sqlite3.connect(tracker_db) as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
    events = [Event.from_parameters(json.loads(r[0])) for r in rows]
    payloads = []
    domain_dict = domain.as_dict()
    for i, e in enumerate(events):
        if isinstance(e, ActionExecuted) and e.action_name in remote:
            tracker = DialogueStateTracker.from_events(sender, events[:i], slots=domain.slots)
            payloads.append(
                {
                    "next_action": e.action_name,
                    "sender_id": sender,
                    "tracker": tracker.current_state(EventVerbosity.ALL),
                    "domain": domain_dict,
                    "version": rasa.__version__,
                }
            )
    return payloads


def action_floor(url: str, payloads: list[dict], rounds: int) -> dict:
    """Time the action server answering one reframe's requests, `rounds` times."""
    per_action: dict[str, list[float]] = {}
    totals = []
    with requests.Session() as s:
        for p in payloads:  # warm up
            post_json(s, url, p)
        for _ in range(rounds):
            total = 0.0
            for p in payloads:
                ms = post_json(s, url, p)
                per_action.setdefault(p["next_action"], []).append(ms)
                total += ms
            totals.append(total)
    return {"per_reframe": summary(totals), "actions": {k: summary(v) for k, v in per_action.items()}, "calls": len(payloads)}


def nlu_floor(model: Path, texts: dict[str, str], n: int) -> dict:
    """In-process parse time of the trained NLU pipeline (no HTTP, no dialogue, no actions)."""
    from rasa.core.agent import Agent

    async def run() -> dict:
        agent = Agent.load(str(model))
        out = {}
        for name, text in texts.items():
            for _ in range(5):
                await agent.parse_message(text)
            times = []
            for _ in range(n):
                t = time.perf_counter()
                await agent.parse_message(text)
                times.append((time.perf_counter() - t) * 1000)
            out[name] = summary(times)
        return out

    return asyncio.run(run())


# ---- steps ---------------------------------------------------------------------------------------------


def timed(cmd: list[str], cwd: Path, log: Path, env: dict | None = None) -> float:
    t = time.perf_counter()
    with open(log, "ab") as fh:
        subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})}, stdout=fh, stderr=subprocess.STDOUT, check=True)
    return round(time.perf_counter() - t, 1)


class Spinner:
    """A one-line progress note for steps that have no natural count (training, cross-validation)."""

    def __init__(self, label: str) -> None:
        self.label, self.stop_evt = label, threading.Event()

    def __enter__(self) -> Spinner:
        self.t = time.perf_counter()
        self.th = threading.Thread(target=self._run, daemon=True)
        self.th.start()
        return self

    def _run(self) -> None:
        while not self.stop_evt.wait(1.0):
            print(f"\r  {self.label}: {time.perf_counter() - self.t:5.0f} s", end="", file=sys.stderr, flush=True)

    def __exit__(self, *exc: object) -> None:
        self.stop_evt.set()
        self.th.join()
        print(f"\r  {self.label}: done in {time.perf_counter() - self.t:.0f} s", file=sys.stderr, flush=True)


def measure_latency(
    targets: dict[str, tuple[str, str]], rounds: int, seq_n: int, users: int, per_user: int, progress: Callable, conversation: int = 5
) -> dict:
    """Interleaved rounds: every target gets its share of each round, so drift hits all alike.

    One user at a time sends `seq_n` messages per round in conversations of `conversation` messages
    (a Reframe exchange is short; the cost of very long conversations is measured separately).
    """
    seq: dict[str, list[float]] = {k: [] for k in targets}
    conc: dict[str, list[float]] = {k: [] for k in targets}
    walls: dict[str, float] = {k: 0.0 for k in targets}
    for url, text in targets.values():  # warm-up
        load(url, text, 1, 3, tag="warm")
    for _ in range(rounds):
        for name, (url, text) in targets.items():
            for start in range(0, seq_n, conversation):
                lat, _ = load(url, text, 1, min(conversation, seq_n - start), tag=f"seq-{name}")
                seq[name] += lat
                progress(len(lat))
        for name, (url, text) in targets.items():
            lat, wall = load(url, text, users, per_user, tag=f"conc-{name}")
            conc[name] += lat
            walls[name] += wall
            progress(users * per_user)
    return {
        "one_user": {k: summary(v) for k, v in seq.items()},
        f"{users}_users": {k: summary(v, walls[k]) for k, v in conc.items()},
    }


def growth(url: str, text: str, conversations: int, length: int) -> dict:
    """Median latency of the 1st, 5th, 10th … message of one long conversation: Rasa reloads and
    re-reads the whole session on every message, so this shows what a long session costs."""
    by_position: list[list[float]] = [[] for _ in range(length)]
    for _ in range(conversations):
        lat, _ = load(url, text, 1, length, tag="growth")
        for i, ms in enumerate(lat):
            by_position[i].append(ms)
    return {str(i + 1): round(statistics.median(by_position[i]), 1) for i in sorted({0, 4, 9, length - 1}) if i < length}


def cross_validation(out: Path, folds: int, log: Path) -> dict:
    """`rasa test nlu --cross-validation`: per-intent F1 and Rasa's confusion-matrix and histogram plots."""
    seconds = timed(
        [str(BIN / "rasa"), "test", "nlu", "--nlu", "data/nlu", "--config", "config.yml", "--cross-validation", "--folds", str(folds), "--out", str(out)],
        ROOT,
        log,
        {"PYTHONPATH": str(ROOT)},
    )
    report = json.loads((out / "intent_report.json").read_text())
    per_intent = {k: round(v["f1-score"], 3) for k, v in report.items() if isinstance(v, dict) and "f1-score" in v and k not in ("micro avg", "macro avg", "weighted avg")}
    return {
        "folds": folds,
        "seconds": seconds,
        "weighted_f1": round(report.get("weighted avg", {}).get("f1-score", 0.0), 3),
        "macro_f1": round(report.get("macro avg", {}).get("f1-score", 0.0), 3),
        "accuracy": round(report.get("accuracy", 0.0), 3),
        "per_intent_f1": per_intent,
        "plots": sorted(p.name for p in out.glob("*.png")),
    }


def baseline_on_training_data() -> dict:
    """Keyword rules' F1 for blame and safety on the NLU training examples (what CV's F1 sits next to)."""
    from evaluation import baseline
    from evaluation.data import nlu_examples

    examples = [ex for f in sorted((ROOT / "data" / "nlu").glob("*.yml")) for ex in nlu_examples(f)]
    gold_b = [intent == "blame" for intent, _ in examples]
    pred_b = [baseline.is_blame(text) for _, text in examples]
    gold_s = [intent == "safety" for intent, _ in examples]
    pred_s = [baseline.is_safety(text) for _, text in examples]

    def f1(gold: list[bool], pred: list[bool]) -> float:
        tp = sum(g and p for g, p in zip(gold, pred))
        fp = sum(p and not g for g, p in zip(gold, pred))
        fn = sum(g and not p for g, p in zip(gold, pred))
        return round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0

    return {"blame_f1": f1(gold_b, pred_b), "safety_f1": f1(gold_s, pred_s), "n": len(gold_b)}


# ---- report -----------------------------------------------------------------------------------------------


def plots(results: dict, out: Path) -> list[str]:
    """Latency (one user, 8 users), throughput and memory, ours next to stock."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    made = []
    lat = results.get("latency", {})
    for key in ("one_user", users_key(lat)):
        data = lat.get(key) if key else None
        if not data:
            continue
        names = list(data)
        med = [data[n]["median_ms"] for n in names]
        p95 = [data[n]["p95_ms"] for n in names]
        fig, ax = plt.subplots(figsize=(7, 3.6))
        xs = range(len(names))
        ax.bar([x - 0.2 for x in xs], med, 0.4, label="median")
        ax.bar([x + 0.2 for x in xs], p95, 0.4, label="p95")
        ax.set_xticks(list(xs), [n.replace("_", "\n") for n in names])
        ax.set_ylabel("ms (REST, end to end)")
        ax.set_title(f"Latency, {key.replace('_', ' ')}")
        ax.legend()
        fig.tight_layout()
        name = f"latency_{key}.png"
        fig.savefig(out / name, dpi=110)
        plt.close(fig)
        made.append(name)
        if "msgs_per_s" in next(iter(data.values()), {}):
            fig, ax = plt.subplots(figsize=(7, 3.2))
            ax.bar(names, [data[n]["msgs_per_s"] for n in names], color="#36597a")
            ax.set_ylabel("messages / s")
            ax.set_title(f"Throughput, {key.replace('_', ' ')}")
            fig.tight_layout()
            fig.savefig(out / "throughput.png", dpi=110)
            plt.close(fig)
            made.append("throughput.png")
    mem = results.get("memory_gb")
    if mem:
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.bar(list(mem), list(mem.values()), color="#7a3659")
        ax.axhline(TARGETS["rasa_rss_gb"], color="grey", linestyle="--", label="target for the Rasa server")
        ax.set_ylabel("peak RSS, GB")
        ax.legend()
        fig.tight_layout()
        fig.savefig(out / "memory.png", dpi=110)
        plt.close(fig)
        made.append("memory.png")
    return made


def verdicts(r: dict) -> list[tuple[str, str, str, bool | None]]:
    """(figure, value, target, met) for every target the issue names."""
    rows = []
    lat = r.get("latency", {})
    one = lat.get("one_user", {})
    many = lat.get(users_key(lat) or "", {})
    if one.get("reframe_blame") and one.get("stock_greet"):
        x = ratio(one["reframe_blame"]["median_ms"], one["stock_greet"]["median_ms"])
        rows.append(("blame median / stock greeting median", f"{x}×", f"≤ {TARGETS['blame_vs_stock_greet_median']}×", x <= TARGETS["blame_vs_stock_greet_median"]))
    if many.get("reframe_blame") and many.get("stock_greet"):
        x = ratio(many["reframe_blame"]["msgs_per_s"], many["stock_greet"]["msgs_per_s"])
        rows.append(("blame throughput, 8 users / stock greeting", f"{x}×", f"≥ {TARGETS['throughput_8_users_vs_stock']}×", x >= TARGETS["throughput_8_users_vs_stock"]))
    af = r.get("action_server", {}).get("per_reframe")
    if af:
        rows.append(("action server p95 for a reframe", f"{af['p95_ms']} ms", f"≤ {TARGETS['action_p95_ms']:.0f} ms", af["p95_ms"] <= TARGETS["action_p95_ms"]))
    mem = r.get("memory_gb", {})
    if mem.get("reframe_rasa"):
        rows.append(("Rasa server peak RSS", f"{mem['reframe_rasa']} GB", f"≤ {TARGETS['rasa_rss_gb']} GB", mem["reframe_rasa"] <= TARGETS["rasa_rss_gb"]))
    ready = r.get("ready_s", {})
    if ready.get("reframe"):
        rows.append(("start to ready", f"{ready['reframe']} s", f"≤ {TARGETS['ready_s']:.0f} s", ready["reframe"] <= TARGETS["ready_s"]))
    return rows


def markdown(r: dict) -> str:
    lines = [f"# Reframe benchmark, {r['date']}", "", f"Machine: {r['machine']}. Command: `{r['command']}`.", ""]
    lines += ["## Targets", "", "| figure | measured | target | met |", "|---|---|---|---|"]
    for name, value, target, ok in verdicts(r):
        lines.append(f"| {name} | {value} | {target} | {'yes' if ok else 'no'} |")
    for key in ("one_user", users_key(r.get("latency", {}))):
        data = r.get("latency", {}).get(key) if key else None
        if not data:
            continue
        stock = data.get("stock_greet", {}).get("median_ms", 0)
        lines += ["", f"## Latency through the REST webhook, {key.replace('_', ' ')}", "", "| message | median ms | p95 ms | msgs/s | median vs stock greeting |", "|---|---|---|---|---|"]
        for name, s in data.items():
            lines.append(f"| {name} | {s['median_ms']} | {s['p95_ms']} | {s.get('msgs_per_s', '')} | {ratio(s['median_ms'], stock)}× |")
    if r.get("conversation_growth"):
        g = r["conversation_growth"]
        positions = list(next(iter(g.values())))
        lines += ["", "## Long conversations: median ms of the n-th message", "", "| message | " + " | ".join(f"#{p}" for p in positions) + " |"]
        lines.append("|---|" + "---|" * len(positions))
        for name, row in g.items():
            lines.append(f"| {name} | " + " | ".join(str(row[p]) for p in positions) + " |")
    if r.get("nlu_floor"):
        lines += ["", "## The floor", "", "| what | median ms | p95 ms |", "|---|---|---|"]
        for who, d in r["nlu_floor"].items():
            for name, s in d.items():
                lines.append(f"| NLU parse only, {who}, {name} | {s['median_ms']} | {s['p95_ms']} |")
    if r.get("action_server"):
        a = r["action_server"]
        calls = f"{a['calls']} call" + ("s" if a["calls"] != 1 else "")
        lines.append(f"| action server, one reframe ({calls}) | {a['per_reframe']['median_ms']} | {a['per_reframe']['p95_ms']} |")
        for name, s in a["actions"].items():
            lines.append(f"| action server, {name} | {s['median_ms']} | {s['p95_ms']} |")
    lines += ["", "## Memory, start and training", "", "| figure | Reframe | stock Rasa |", "|---|---|---|"]
    mem, ready, train = r.get("memory_gb", {}), r.get("ready_s", {}), r.get("training_s", {})
    lines.append(f"| Rasa server peak RSS (GB) | {mem.get('reframe_rasa', '')} | {mem.get('stock_rasa', '')} |")
    lines.append(f"| action server peak RSS (GB) | {mem.get('reframe_actions', '')} | – |")
    lines.append(f"| start to ready (s) | {ready.get('reframe', '')} | {ready.get('stock', '')} |")
    lines.append(f"| training (s) | {train.get('reframe', 'not measured (--quick)')} | {train.get('stock', '')} |")
    acc = r.get("accuracy", {})
    if acc:
        lines += ["", "## Accuracy, next to the keyword-rule baseline", "", "| figure | Reframe | keyword baseline |", "|---|---|---|"]
        cv, base = acc.get("cross_validation"), acc.get("baseline_on_training_data", {})
        if cv:
            lines.append(f"| NLU {cv['folds']}-fold CV, weighted F1 (all intents) | {cv['weighted_f1']} | – |")
            lines.append(f"| NLU CV F1, blame | {cv['per_intent_f1'].get('blame')} | {base.get('blame_f1')} |")
            lines.append(f"| NLU CV F1, safety (model only; the guard adds rules) | {cv['per_intent_f1'].get('safety')} | {base.get('safety_f1')} |")
        for set_name, h in acc.get("heldout", {}).items():
            lines.append(
                f"| {set_name}: blame P / R | {h['blame']['precision']} / {h['blame']['recall']} | {h['blame_baseline']['precision']} / {h['blame_baseline']['recall']} |"
            )
            lines.append(f"| {set_name}: safety recall | {h['safety_system']['recall']} | {h['safety_baseline']['recall']} |")
            lines.append(f"| {set_name}: reframe quality | {h['reframe']['rate']} | {h['reframe']['baseline_rate']} |")
        for set_name, p in acc.get("practice", {}).items():
            if isinstance(p, dict) and "agreement" in p:
                lines.append(f"| practice scorer vs coach, {set_name} (n={p['n']}) | {p['agreement']} | {p['baseline_agreement']} |")
        if cv:
            lines += ["", "Per-intent F1 (cross-validation): " + ", ".join(f"{k} {v}" for k, v in sorted(cv["per_intent_f1"].items()))]
    if r.get("plots"):
        lines += ["", "## Plots", ""] + [f"![{p}]({p})" for p in r["plots"]]
    return "\n".join(lines) + "\n"


def machine() -> str:
    cpus = os.cpu_count()
    try:
        mem = int(next(ln for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal")).split()[1]) / 1024 / 1024
    except (OSError, StopIteration):
        mem = 0
    return f"{platform.machine()}, {cpus} cores, {mem:.0f} GB RAM, Python {platform.python_version()}"


def write_report(results: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    results["plots"] = sorted(set(results.get("plots", []) + plots(results, out)))
    (out / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    (out / "bench.md").write_text(markdown(results), encoding="utf-8")


# ---- main -------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "reports"))
    ap.add_argument("--quick", action="store_true", help="no training, no cross-validation, fewer samples")
    ap.add_argument("--rounds", type=int, default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--port-base", type=int, default=5200)
    args = ap.parse_args(argv)
    from tqdm import tqdm

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rounds = args.rounds or (2 if args.quick else 5)
    seq_n, users, per_user = (10, 8, 3) if args.quick else (20, 8, 5)
    work = Path(tempfile.mkdtemp(prefix="reframe-bench-"))
    log = work / "bench.log"
    results: dict = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "command": "make bench" + (" (--quick)" if args.quick else ""),
        "messages": {"blame": BLAME, "greet": GREET},
        "training_s": {},
    }
    print(f"reframe bench: working in {work}; log {log}", file=sys.stderr)
    rasa = str(BIN / "rasa")
    env = {"TF_CPP_MIN_LOG_LEVEL": "3", "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    os.environ.update(env)

    stock_dir = work / "stock"
    stock_dir.mkdir()
    with Spinner("stock assistant: rasa init (scaffold + train)"):
        results["training_s"]["stock"] = timed([rasa, "init", "--no-prompt", "--init-dir", str(stock_dir)], work, log)
    if not args.quick:
        with Spinner("Reframe: rasa train (fresh, into a temporary folder)"):
            results["training_s"]["reframe"] = timed(
                [rasa, "train", "--out", str(work / "models"), "--fixed-model-name", "bench", "--force", "--quiet"], ROOT, log, {"PYTHONPATH": str(ROOT)}
            )

    p = args.port_base
    rasa_port, actions_port, stock_port = p + 5, p + 55, p + 105
    endpoints = work / "endpoints.yml"
    tracker_db = work / "tracker.db"
    endpoints.write_text(f'action_endpoint:\n  url: "http://localhost:{actions_port}/webhook"\ntracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{tracker_db}"\n')
    ours = Server(
        "reframe",
        [str(ROOT / "scripts" / "run.sh")],
        ROOT,
        {"RASA_PORT": str(rasa_port), "ACTIONS_PORT": str(actions_port), "WEB_PORT": "off", "REFRAME_ENDPOINTS": str(endpoints), "BIN": str(BIN)},
        [f"http://localhost:{rasa_port}/", f"http://localhost:{actions_port}/health"],
        work / "reframe.log",
    )
    stock_model = next((stock_dir / "models").glob("*.tar.gz"))
    stock = Server("stock", [rasa, "run", "--model", str(stock_model), "--port", str(stock_port)], stock_dir, {}, [f"http://localhost:{stock_port}/"], work / "stock.log")
    try:
        with Spinner("starting both servers, one after the other"):
            ours.start()
            stock.start()
        results["ready_s"] = {"reframe": ours.ready_s, "stock": stock.ready_s}
        ours_url = f"http://localhost:{rasa_port}/webhooks/rest/webhook"
        stock_url = f"http://localhost:{stock_port}/webhooks/rest/webhook"
        targets = {
            "reframe_blame": (ours_url, BLAME),
            "reframe_greet": (ours_url, GREET),
            "stock_greet": (stock_url, GREET),
            "stock_blame": (stock_url, BLAME),
        }
        total = rounds * len(targets) * (seq_n + users * per_user)
        with tqdm(total=total, desc="latency (REST, interleaved rounds)", unit="msg", file=sys.stderr) as bar:
            results["latency"] = measure_latency(targets, rounds, seq_n, users, per_user, bar.update)

        with Spinner("long conversations (20 messages)"):
            results["conversation_growth"] = {
                name: growth(targets[name][0], targets[name][1], 2 if args.quick else 4, 20) for name in ("reframe_blame", "reframe_greet", "stock_greet")
            }

        probe = f"probe-{uuid.uuid4().hex[:8]}"
        requests.post(ours_url, json={"sender": probe, "message": BLAME}, timeout=60).raise_for_status()
        payloads = action_payloads(tracker_db, probe)
        results["action_server"] = action_floor(f"http://localhost:{actions_port}/webhook", payloads, 40 if args.quick else 200)

        pids_ours, pids_stock = find_pids(ours), find_pids(stock)
        results["memory_gb"] = {
            "reframe_rasa": peak_rss_gb(pids_ours.get("rasa", 0)),
            "reframe_actions": peak_rss_gb(pids_ours.get("actions", 0)),
            "stock_rasa": peak_rss_gb(pids_stock.get("rasa", stock.proc.pid if stock.proc else 0)),
        }
    finally:
        ours.stop()
        stock.stop()

    with Spinner("NLU-only parse time, in-process"):
        n = 30 if args.quick else 100
        results["nlu_floor"] = {
            "reframe": nlu_floor(MODEL, {"blame": BLAME, "greet": GREET}, n),
            "stock": nlu_floor(stock_model, {"blame": BLAME, "greet": GREET}, n),
        }

    acc: dict = {"baseline_on_training_data": baseline_on_training_data()}
    if not args.quick:
        with Spinner(f"NLU {args.folds}-fold cross-validation"):
            acc["cross_validation"] = cross_validation(out / "cv", args.folds, log)
        results["plots"] = [f"cv/{p}" for p in acc["cross_validation"]["plots"]]
    with Spinner("held-out evaluation and practice scorer"):
        subprocess.run(
            [str(BIN / "python"), "scripts/evaluate_heldout.py", "--model", str(MODEL), "--out", str(out / "heldout.json"), "--no-fail"],
            cwd=ROOT, stdout=open(log, "ab"), stderr=subprocess.STDOUT, check=True,
        )
        subprocess.run(
            [str(BIN / "python"), "scripts/evaluate_practice.py", "--no-fail", "--out", str(out / "practice.json")],
            cwd=ROOT, stdout=open(log, "ab"), stderr=subprocess.STDOUT, check=True,
        )
    acc["heldout"] = json.loads((out / "heldout.json").read_text())
    acc["practice"] = json.loads((out / "practice.json").read_text())
    results["accuracy"] = acc

    write_report(results, out)
    print((out / "bench.md").read_text())
    shutil.rmtree(stock_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
