"""Smoke test for `make bench`: the load generator, statistics and report run on a tiny local server."""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import bench  # noqa: E402


class Echo(BaseHTTPRequestHandler):
    """Answers like Rasa's REST webhook; 'fail' gets a 500."""

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        status = 500 if body["message"] == "fail" else 200
        out = json.dumps([{"recipient_id": body["sender"], "text": "ok"}]).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def url():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/webhooks/rest/webhook"
    httpd.shutdown()


def test_percentiles_and_ratios():
    assert bench.pct([1, 2, 3, 4, 5], 0.5) == 3
    assert bench.pct([10, 20], 0.95) == pytest.approx(19.5)
    s = bench.summary([5.0, 1.0, 3.0], wall_s=2.0)
    assert s == {"n": 3, "median_ms": 3.0, "p95_ms": pytest.approx(4.8), "msgs_per_s": 1.5}
    assert bench.ratio(130, 100) == 1.3 and bench.ratio(1, 0) is None


def test_load_runs_users_in_parallel_and_counts_every_message(url):
    latencies, wall = bench.load(url, "hello", users=3, per_user=4)
    assert len(latencies) == 12 and all(ms > 0 for ms in latencies) and wall > 0


def test_a_failing_server_is_an_error_not_a_fast_sample(url):
    with pytest.raises(Exception, match="500"):
        bench.load(url, "fail", users=1, per_user=1)


def test_interleaved_rounds_and_the_report(url, tmp_path):
    targets = {"reframe_blame": (url, "You never listen"), "reframe_greet": (url, "hi"), "stock_greet": (url, "hi")}
    seen = []
    latency = bench.measure_latency(targets, rounds=2, seq_n=3, users=2, per_user=2, progress=seen.append)
    assert latency["one_user"]["reframe_blame"]["n"] == 6 and latency["2_users"]["stock_greet"]["n"] == 8
    assert sum(seen) == 2 * 3 * (3 + 4)
    results = {
        "date": "today",
        "machine": bench.machine(),
        "command": "test",
        "latency": latency,
        "memory_gb": {"reframe_rasa": 1.0, "reframe_actions": 0.2, "stock_rasa": 0.9},
        "ready_s": {"reframe": 20.0, "stock": 30.0},
        "action_server": {"per_reframe": {"n": 1, "median_ms": 9.0, "p95_ms": 12.0}, "actions": {}, "calls": 2},
    }
    bench.write_report(results, tmp_path)
    md = (tmp_path / "bench.md").read_text()
    assert "| Rasa server peak RSS | 1.0 GB | ≤ 1.5 GB | yes |" in md
    assert "| action server p95 for a reframe | 12.0 ms | ≤ 15 ms | yes |" in md
    assert "blame median / stock greeting median" in md
    assert json.loads((tmp_path / "bench.json").read_text())["ready_s"]["reframe"] == 20.0
    for png in ("latency_one_user.png", "latency_2_users.png", "throughput.png", "memory.png"):
        assert (tmp_path / png).stat().st_size > 1000
