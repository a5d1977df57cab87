#!/usr/bin/env python3
"""Reload benchmark: how a config reload of a large fleet affects HTTP and polling.

Starts surfzone-sim with N generated APs and surfzoned on its config, waits until the daemon is
ready, then (optionally) pads the config file with YAML comment lines up to --pad-mib MiB and
reloads it --reloads times (POST /-/reload), while

  - a prober GETs /-/healthy every 5 ms on a kept-alive connection (latency of each),
  - a scraper GETs /metrics back to back (latency of each, whole body),

and prints ONE JSON line: healthy_ms_{median,p99,max} and scrape_ms_max during the reloads,
reload_s (each POST's answer time), swap_ms (the poll thread's part, from the daemon's log),
late polls and polls started during the run (surfzone_polls_late_total /
surfzone_polls_started_total deltas), config_mib. Not part of the test suite; see
tests/bench/README.md.

  tests/bench/reload_bench.py --build build --aps 20000
  tests/bench/reload_bench.py --build build --aps 20000 --pad-mib 50
"""
import argparse
import http.client
import json
import os
import re
import shlex
import statistics
import sys
import tempfile
import multiprocessing
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fleet_bench import (Proc, free_port, http_get, parse_metrics,  # noqa: E402
                         start_simulator, total, wait_until)


class Prober(multiprocessing.Process):
    """GETs `path` on a kept-alive connection every `every` s, recording (start, latency).

    A process of its own, so that one prober's latency never includes waiting for the GIL while
    the other reads a 38 MB /metrics body (time.monotonic is system-wide on Linux)."""

    def __init__(self, port, path, every):
        super().__init__(daemon=True)
        self.port, self.path, self.every = port, path, every
        self._stop_event, self._results = multiprocessing.Event(), multiprocessing.Queue()
        self.samples, self.errors = [], 0

    def run(self):
        samples, errors = [], 0
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while not self._stop_event.is_set():
            start = time.monotonic()
            try:
                conn.request("GET", self.path)
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    errors += 1
            except (OSError, http.client.HTTPException):
                errors += 1
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                continue
            samples.append((start, time.monotonic() - start))
            if self.every:
                time.sleep(self.every)
        self._results.put((samples, errors))

    def finish(self):
        """Stops the prober and collects what it measured."""
        self._stop_event.set()
        self.samples, self.errors = self._results.get(timeout=120)
        self.join()


def pct(values, q):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default="build")
    p.add_argument("--aps", type=int, default=20000)
    p.add_argument("--interval", default="30s")
    p.add_argument("--reloads", type=int, default=3)
    p.add_argument("--pad-mib", type=float, default=0, help="pad the config to this size")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    command = " ".join(shlex.quote(x) for x in sys.argv)

    tmp = tempfile.mkdtemp(prefix="surfzone-reload-bench-")
    sim, _, config, _ = start_simulator(a.build, tmp, a.aps, a.seed, 1,
                                        ["--interval", a.interval, "--profiles", "vendor"])
    daemon = None
    try:
        port = free_port()
        log_path = os.path.join(tmp, "surfzoned.log")
        daemon = Proc([os.path.join(a.build, "daemon/surfzoned"), "--config.file", config,
                       "--web.listen-address", f"127.0.0.1:{port}", "--log.level", "info"], 0,
                      log_path)
        wait_until("surfzoned ready", lambda: http_get(f"http://127.0.0.1:{port}/-/ready")[0],
                   600)
        if a.pad_mib:
            line = "# " + "padding " * 12 + "\n"
            with open(config, "a") as f:
                while f.tell() < a.pad_mib * 1024 * 1024:
                    f.write(line * 1000)
        config_mib = os.path.getsize(config) / 1024 / 1024
        names = ("surfzone_polls",)
        before = parse_metrics(http_get(f"http://127.0.0.1:{port}/metrics")[0].decode(), names)

        prober = Prober(port, "/-/healthy", 0.005)
        scraper = Prober(port, "/metrics", 0)
        prober.start()
        scraper.start()
        time.sleep(1)
        windows, reload_s = [], []
        for _ in range(a.reloads):
            start = time.monotonic()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.request("POST", "/-/reload")
            r = conn.getresponse()
            r.read()
            end = time.monotonic()
            if r.status != 200:
                raise SystemExit(f"reload failed: {r.status}")
            reload_s.append(end - start)
            windows.append((start, end + 0.5))
            time.sleep(2)
        prober.finish()
        scraper.finish()
        after = parse_metrics(http_get(f"http://127.0.0.1:{port}/metrics")[0].decode(), names)

        def during(samples):
            return [lat * 1000 for t, lat in samples if any(s <= t <= e for s, e in windows)]

        healthy = during(prober.samples)
        # The same probes outside the reload windows (scrapes still running): what a reload adds.
        baseline = [lat * 1000 for t, lat in prober.samples
                    if not any(s <= t <= e for s, e in windows)]
        scrapes = during(scraper.samples)
        swaps = [float(m) * 1000 for m in
                 re.findall(r'swap_seconds=([0-9.e-]+)', open(log_path).read())]
        result = dict(
            aps=a.aps, config_mib=round(config_mib, 1), reloads=a.reloads,
            reload_s=[round(x, 3) for x in reload_s], swap_ms=[round(x, 1) for x in swaps],
            healthy_probes=len(healthy), healthy_errors=prober.errors,
            healthy_ms_median=round(statistics.median(healthy), 2) if healthy else None,
            healthy_ms_p99=round(pct(healthy, 0.99), 2) if healthy else None,
            healthy_ms_max=round(max(healthy), 2) if healthy else None,
            healthy_baseline_ms_p99=round(pct(baseline, 0.99), 2) if baseline else None,
            healthy_baseline_ms_max=round(max(baseline), 2) if baseline else None,
            scrapes=len(scrapes), scrape_errors=scraper.errors,
            scrape_ms_max=round(max(scrapes), 1) if scrapes else None,
            polls_started=total(after, "surfzone_polls_started_total") -
            total(before, "surfzone_polls_started_total"),
            polls_late=total(after, "surfzone_polls_late_total") -
            total(before, "surfzone_polls_late_total"),
            date=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            loadavg=os.getloadavg()[0], command=command)
        print(json.dumps(result), flush=True)
    finally:
        if daemon:
            daemon.stop()
        sim.stop()


if __name__ == "__main__":
    main()
