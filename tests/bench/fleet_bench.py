#!/usr/bin/env python3
"""Fleet benchmark: surfzoned (or Debian's prometheus-snmp-exporter) polling N simulated APs.

Starts surfzone-sim with a generated fleet (--generate N --addressing hosts: one 127.A.B.C address
per AP on one UDP port; vendors mixed as the generator does), then either

  --tool surfzoned       runs surfzoned on the simulator's --write-config output, or
  --tool snmp_exporter   runs prometheus-snmp-exporter with an snmp.yml asking for the same OIDs
                         (numeric; module generic or unifi, as the AP's profile) and scrapes
                         /snmp?target=...&module=... once per AP per
                         cycle, spread over the interval as Prometheus would,

for K poll cycles after the first (warm-up) one, and prints ONE JSON line with the figures.
CPU is utime+stime from /proc/PID/stat (all threads), peak RSS is VmHWM from /proc/PID/status.
Not part of the test suite; see tests/bench/README.md.

Examples:
  tests/bench/fleet_bench.py --build build --aps 20000 --cycles 3
  tests/bench/fleet_bench.py --build build --aps 2000 --tool snmp_exporter
  tests/bench/fleet_bench.py --build build --aps 20000 --outage 1000       # fault injection
  tests/bench/fleet_bench.py --build build --aps 20000 --soak      # 100 cycles at 5 s
"""
import argparse
import asyncio
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port(kind=socket.SOCK_STREAM):
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_cpu(pid, tid=None):
    """utime+stime in seconds of a process (all threads) or one thread."""
    path = f"/proc/{pid}/stat" if tid is None else f"/proc/{pid}/task/{tid}/stat"
    with open(path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def proc_status_kib(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def reset_peak_rss(pid):
    """Resets VmHWM to the current RSS (Linux >= 4.0: clear_refs "5"); False if not allowed."""
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def threads(pid):
    return sorted(int(t) for t in os.listdir(f"/proc/{pid}/task"))


def http_get(url, timeout=30):
    start = time.monotonic()
    with urllib.request.urlopen(url, timeout=timeout) as r:
        body = r.read()
    return body, time.monotonic() - start


def http_post(url, data, timeout=10):
    req = urllib.request.Request(url, data=data.encode(), method="POST")
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.read()


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse_metrics(text, wanted):
    """{(name, frozenset(labels)): value} for metric names in `wanted` (prefix match)."""
    out = {}
    for line in text.splitlines():
        if not line or line[0] == "#" or not line.startswith(wanted):
            continue
        m = SAMPLE.match(line)
        if not m:
            continue
        labels = frozenset(LABEL.findall(m.group(3) or ""))
        out[(m.group(1), labels)] = float(m.group(4))
    return out


def total(metrics, name, **match):
    s = 0.0
    for (n, labels), v in metrics.items():
        if n == name and all((k, val) in labels for k, val in match.items()):
            s += v
    return s


def parse_duration(text):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s|m)", text)
    if not m:
        raise SystemExit(f"bad duration {text!r}")
    return float(m.group(1)) * {"ms": 0.001, "s": 1, "m": 60}[m.group(2)]


def targets_from_config(path, with_profile=False):
    """(name, host:port[, profile]) of every direct AP in a config written by surfzone-sim."""
    aps = []
    with open(path) as f:
        for line in f:
            m = re.search(r'\{name: "([^"]+)", address: ([0-9.]+:\d+)(?:, profile: ([a-z-]+))?',
                          line)
            if m:
                aps.append((m.group(1), m.group(2), m.group(3) or "generic") if with_profile
                           else (m.group(1), m.group(2)))
    return aps


def locations_from_config(path):
    """[(location, [ap names])] in file order."""
    out = []
    with open(path) as f:
        for line in f:
            m = re.match(r'\s+- name: "([^"]+)"$', line)
            if m:
                out.append((m.group(1), []))
            m = re.search(r'\{name: "([^"]+)", address:', line)
            if m and out:
                out[-1][1].append(m.group(1))
    return out


# The objects surfzoned's generic profile reads (collectors/src/system_mib.cpp, if_mib.cpp):
# system scalars, 6 ifTable and 4 ifXTable columns.
SYSTEM_GET = ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.2.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.5.0"]
IF_COLUMNS = [("ifDescr", "1.3.6.1.2.1.2.2.1.2", "DisplayString"),
              ("ifType", "1.3.6.1.2.1.2.2.1.3", "gauge"),
              ("ifSpeed", "1.3.6.1.2.1.2.2.1.5", "gauge"),
              ("ifOperStatus", "1.3.6.1.2.1.2.2.1.8", "gauge"),
              ("ifInOctets", "1.3.6.1.2.1.2.2.1.10", "counter"),
              ("ifOutOctets", "1.3.6.1.2.1.2.2.1.16", "counter"),
              ("ifName", "1.3.6.1.2.1.31.1.1.1.1", "DisplayString"),
              ("ifHCInOctets", "1.3.6.1.2.1.31.1.1.1.6", "counter"),
              ("ifHCOutOctets", "1.3.6.1.2.1.31.1.1.1.10", "counter"),
              ("ifHighSpeed", "1.3.6.1.2.1.31.1.1.1.15", "gauge")]


# What the unifi profile adds (collectors/profiles/unifi.yaml): two scalars and 5 unifiVapTable
# columns (index unifiVapIndex).
UNIFI_GET = ["1.3.6.1.4.1.41112.1.6.3.3.0", "1.3.6.1.4.1.41112.1.6.3.6.0"]
UNIFI_SCALARS = [("unifiApSystemModel", "1.3.6.1.4.1.41112.1.6.3.3"),
                 ("unifiApSystemVersion", "1.3.6.1.4.1.41112.1.6.3.6")]
UNIFI_VAP_COLUMNS = [("unifiVapEssId", "1.3.6.1.4.1.41112.1.6.1.2.1.6", "DisplayString"),
                     ("unifiVapNumStations", "1.3.6.1.4.1.41112.1.6.1.2.1.8", "gauge"),
                     ("unifiVapRadio", "1.3.6.1.4.1.41112.1.6.1.2.1.9", "DisplayString"),
                     ("unifiVapRxBytes", "1.3.6.1.4.1.41112.1.6.1.2.1.10", "counter"),
                     ("unifiVapTxBytes", "1.3.6.1.4.1.41112.1.6.1.2.1.16", "counter")]


def snmp_yml_module(name, timeout, retries, unifi):
    """One snmp_exporter 0.21 module with numeric OIDs (no generator/MIBs needed)."""
    gets = SYSTEM_GET + (UNIFI_GET if unifi else [])
    walks = IF_COLUMNS + (UNIFI_VAP_COLUMNS if unifi else [])
    lines = [f"{name}:", "  get:"] + [f"  - {o}" for o in gets] + ["  walk:"]
    lines += [f"  - {oid}" for _, oid, _ in walks]
    lines += ["  metrics:",
              "  - {name: sysDescr, oid: 1.3.6.1.2.1.1.1, type: DisplayString}",
              "  - {name: sysUpTime, oid: 1.3.6.1.2.1.1.3, type: gauge}",
              "  - {name: sysName, oid: 1.3.6.1.2.1.1.5, type: DisplayString}"]
    if unifi:
        lines += [f"  - {{name: {n}, oid: {oid}, type: DisplayString}}"
                  for n, oid in UNIFI_SCALARS]
    for metric, oid, kind in IF_COLUMNS:
        lines.append(f"  - {{name: {metric}, oid: {oid}, type: {kind}, "
                     "indexes: [{labelname: ifIndex, type: gauge}]}")
    if unifi:
        for metric, oid, kind in UNIFI_VAP_COLUMNS:
            lines.append(f"  - {{name: {metric}, oid: {oid}, type: {kind}, "
                         "indexes: [{labelname: unifiVapIndex, type: gauge}]}")
    lines += ["  version: 2", "  max_repetitions: 25", f"  retries: {retries}",
              f"  timeout: {timeout}", "  auth:", "    community: public"]
    return lines


def write_snmp_yml(path, timeout, retries):
    """Modules `generic` and `unifi`: the objects surfzoned's profiles of the same names read."""
    lines = (snmp_yml_module("generic", timeout, retries, False) +
             snmp_yml_module("unifi", timeout, retries, True))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


class Proc:
    def __init__(self, argv, cpu, log_path):
        self.argv = argv
        cmd = (["taskset", "-c", str(cpu)] if cpu is not None else []) + argv
        self.log = open(log_path, "w")
        self.p = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT,
                                  preexec_fn=os.setsid)
        self.pid = self.p.pid

    def alive(self):
        return self.p.poll() is None

    def stop(self):
        if self.alive():
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(10)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        self.log.close()


def wait_until(what, pred, timeout, every=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if pred():
                return
        except (OSError, ValueError):
            pass
        time.sleep(every)
    raise SystemExit(f"timed out waiting for {what}")


class Sampler:
    """Peak-RSS is VmHWM; this also records RSS every second (for the soak's flatness)."""

    def __init__(self, pid):
        self.pid, self.rss, self.stop_flag = pid, [], False
        self.t = threading.Thread(target=self.run, daemon=True)
        self.t.start()

    def run(self):
        while not self.stop_flag:
            try:
                self.rss.append((time.monotonic(), proc_status_kib(self.pid, "VmRSS")))
            except OSError:
                return
            time.sleep(1)


def inject_outage(sim_web, config, count, duration):
    """POSTs kind=down for the first `count` APs (names are ASCII slugs); returns their names."""
    down = [name for name, _ in targets_from_config(config)[:count]]
    for name in down:
        http_post(f"http://{sim_web}/faults", f"kind=down&duration={duration}&ap={name}")
    return set(down)


def start_simulator(build, tmp, aps, seed, cpu, extra):
    """surfzone-sim serving `aps` generated APs (one 127.A.B.C address each, one UDP port) and
    writing the matching surfzoned config; returns (proc, web address, config path, UDP port)
    once its web API answers and the config is written."""
    config = os.path.join(tmp, "surfzone.yaml")
    sim_web = f"127.0.0.1:{free_port()}"
    base = free_port(socket.SOCK_DGRAM)
    sim = Proc([os.path.join(build, "tests/simulator/app/surfzone-sim"), "--generate", str(aps),
                "--seed", str(seed), "--addressing", "hosts", "--speed", "1", "--base-port",
                str(base), "--web.listen-address", sim_web, "--write-config", config] + extra,
               cpu, os.path.join(tmp, "sim.log"))
    try:
        wait_until("the simulator", lambda: http_get(f"http://{sim_web}/clock") and
                   os.path.getsize(config) > 0, 120)
    except BaseException:
        sim.stop()
        raise
    return sim, sim_web, config, base


def run_surfzoned(a, sim, sim_web, config, tmp, base):
    port = free_port()
    daemon = Proc([os.path.join(a.build, "daemon/surfzoned"), "--config.file", config,
                   "--web.listen-address", f"127.0.0.1:{port}", "--log.level", "error"],
                  a.cpu, os.path.join(tmp, "surfzoned.log"))
    url = f"http://127.0.0.1:{port}/metrics"
    try:
        return measure_surfzoned(a, daemon, url, sim, sim_web, config, tmp)
    finally:
        daemon.stop()


def measure_surfzoned(a, daemon, url, sim, sim_web, config, tmp):
    self_names = ("surfzone_poll", "surfzone_polls", "surfzone_snmp", "surfzone_metrics")

    def scrape_self():
        body, _ = http_get(url)
        return parse_metrics(body.decode(), self_names)

    interval = parse_duration(a.interval)
    wait_until("surfzoned's first poll cycle", lambda: total(
        scrape_self(), "surfzone_poll_cycles_total") >= 1, a.warmup_timeout, every=2)
    main_tid = daemon.pid
    other_tids = [t for t in threads(daemon.pid) if t != main_tid]

    def http_cpu():
        s = 0.0
        for t in other_tids:
            try:
                s += proc_cpu(daemon.pid, t)
            except OSError:
                pass
        return s

    # Only the periodic scrapes (every --scrape-every s, like Prometheus) touch /metrics during
    # the window: they are part of the measured load and also carry the self metrics we read.
    # curl (C, like Prometheus' Go client) times the exchange when it is installed: Python's
    # chunked reading of a 40 MB body would be most of what is measured.
    curl = shutil.which("curl")
    body_path = os.path.join(tmp, "metrics.txt")

    def scrape():
        if not curl:
            body, took = http_get(url)
            scrapes.append((took, len(body), None))
            return body.decode()
        out = subprocess.run([curl, "-sS", "-o", body_path, "-w",
                              "%{time_total} %{time_starttransfer}", url] +
                             (["--compressed"] if a.gzip else []),
                             check=True, capture_output=True, text=True).stdout.split()
        with open(body_path, "rb") as f:
            body = f.read()
        scrapes.append((float(out[0]), len(body), float(out[1])))
        return body.decode()

    scrapes, staleness, down = [], [], set()  # scrapes: (seconds, bytes, first byte seconds)
    # The peak so far is the config load and the warm-up cycle; reset VmHWM so that the end of
    # the run also tells the peak of the measured window (polling and scraping) on its own.
    peak_before_kib = proc_status_kib(daemon.pid, "VmHWM")
    window_peak_known = reset_peak_rss(daemon.pid)
    # The window starts right after a scrape and ends right after the one every --scrape-every s
    # later: it holds one scrape per period (not one more), as Prometheus would make.
    m0 = parse_metrics(scrape(), self_names)
    t0, cpu0, sim0, http0 = time.monotonic(), proc_cpu(daemon.pid), proc_cpu(sim.pid), http_cpu()
    c0 = total(m0, "surfzone_poll_cycles_total")
    sampler = Sampler(daemon.pid)
    next_scrape = t0 + a.scrape_every
    outage_at = t0 + interval if a.outage else None
    late_before_outage = None
    m1 = m0
    while True:
        now = time.monotonic()
        if not daemon.alive():
            raise SystemExit("surfzoned exited; log: " + os.path.join(tmp, "surfzoned.log"))
        if outage_at is not None and now >= outage_at:
            late_before_outage = total(m1, "surfzone_polls_late_total")
            down = inject_outage(sim_web, config, a.outage, a.outage_duration)
            outage_at = None
        if now >= next_scrape:
            text = scrape()
            m1 = parse_metrics(text, self_names)
            if down:  # how stale are the live APs while the outage lasts?
                wall = time.time()
                full = parse_metrics(text, "surfzone_ap_last_poll_timestamp_seconds")
                ages = [wall - v for (n, labels), v in full.items()
                        if dict(labels).get("ap") not in down]
                staleness.append(max(ages) if ages else 0)
            next_scrape += a.scrape_every
            if total(m1, "surfzone_poll_cycles_total") >= c0 + a.cycles:
                break
            if now - t0 > a.cycles * interval * 3 + 120:
                break  # never finishing is a result too: `cycles` below will say so
        time.sleep(0.2)
    t1, cpu1, sim1, http1 = time.monotonic(), proc_cpu(daemon.pid), proc_cpu(sim.pid), http_cpu()
    sampler.stop_flag = True
    d = lambda name, **kw: total(m1, name, **kw) - total(m0, name, **kw)
    started = d("surfzone_polls_started_total")
    late = d("surfzone_polls_late_total")
    polls = d("surfzone_polls_started_total")
    cpu = cpu1 - cpu0
    rss = [r for _, r in sampler.rss]
    third = max(1, len(rss) // 3)
    result = dict(
        tool="surfzoned", aps=a.aps, interval_s=interval,
        cycles=int(total(m1, "surfzone_poll_cycles_total") - c0), window_s=round(t1 - t0, 1),
        polls=int(polls),
        polls_on_time_pct=round(100 * (started - late) / started, 3) if started else None,
        snmp_requests=int(d("surfzone_snmp_requests_total")),
        timeouts=int(d("surfzone_snmp_requests_total", result="timeout")),
        retries=int(d("surfzone_snmp_retries_total")),
        dropped=int(d("surfzone_snmp_dropped_packets_total")),
        cpu_s=round(cpu, 2), core_fraction=round(cpu / (t1 - t0), 4),
        cpu_s_per_1000_polls=round(1000 * cpu / polls, 4) if polls else None,
        peak_rss_mib=round(max(peak_before_kib, proc_status_kib(daemon.pid, "VmHWM")) / 1024, 1),
        rss_per_ap_kib=round(max(peak_before_kib, proc_status_kib(daemon.pid, "VmHWM")) / a.aps, 2),
        peak_rss_before_window_mib=round(peak_before_kib / 1024, 1),
        peak_rss_window_mib=(round(proc_status_kib(daemon.pid, "VmHWM") / 1024, 1)
                             if window_peak_known else None),
        rss_first_third_max_mib=round(max(rss[:third]) / 1024, 1) if rss else None,
        rss_last_third_max_mib=round(max(rss[-third:]) / 1024, 1) if rss else None,
        scrapes=len(scrapes) - 1,  # in the window; the timings below include the first one
        scrape_ms_median=round(1000 * sorted(s[0] for s in scrapes)[len(scrapes) // 2], 1),
        scrape_ms_max=round(1000 * max(s[0] for s in scrapes), 1),
        scrape_first_byte_ms_median=(
            round(1000 * sorted(s[2] for s in scrapes)[len(scrapes) // 2], 1)
            if scrapes[0][2] is not None else None),
        scrape_client="curl" if curl else "python", gzip=bool(a.gzip and curl),
        scrape_bytes=scrapes[-1][1],
        http_thread_cpu_s=round(http1 - http0, 3),
        # Rendering (HTTP thread) plus building the snapshot each scrape asks for (poll thread).
        snapshot_build_s=round(d("surfzone_metrics_snapshot_seconds_total"), 3),
        snapshots=int(d("surfzone_metrics_snapshots_total")),
        metrics_share_of_daemon_cpu_pct=(
            round(100 * (http1 - http0 + d("surfzone_metrics_snapshot_seconds_total")) / cpu, 2)
            if cpu else None),
        sim_cpu_s=round(sim1 - sim0, 2), sim_core_fraction=round((sim1 - sim0) / (t1 - t0), 4),
        threads=len(other_tids) + 1,
    )
    if a.outage:
        result.update(outage_aps=len(down),
                      late_polls_during_outage=int(total(m1, "surfzone_polls_late_total") -
                                                   (late_before_outage or 0)),
                      live_ap_max_staleness_s=round(max(staleness), 1) if staleness else None)
    return result


async def drive_exporter(port, targets, interval, cycles, allowed_late, concurrency):
    """Scrapes every target once per cycle at a fixed phase; returns per-scrape outcomes."""
    sem = asyncio.Semaphore(concurrency)
    outcomes = []  # (late_s, ok, seconds, bytes, SNMP packets sent or None)
    loop = asyncio.get_running_loop()
    start = loop.time() + 1
    n = len(targets)

    async def one(target, due):
        async with sem:
            began = loop.time()
            ok, size, packets = False, 0, None
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.write((f"GET /snmp?target={target[0]}&module={target[1]} HTTP/1.0\r\n"
                              "Host: x\r\n\r\n").encode())
                data = await asyncio.wait_for(reader.read(-1), timeout=60)
                writer.close()
                size = len(data)
                m = re.search(rb"\nsnmp_scrape_packets_sent (\d+)", data)
                packets = int(m.group(1)) if m else None
                ok = data.startswith(b"HTTP/1.0 200") or data.startswith(b"HTTP/1.1 200")
                ok = ok and b"\nsysUpTime " in data  # not every AP has ifHC* counters
            except (OSError, asyncio.TimeoutError):
                pass
            outcomes.append((began - due, ok, loop.time() - began, size, packets))

    tasks = []
    for c in range(cycles):
        for i, target in enumerate(targets):
            due = start + c * interval + interval * i / n
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(target, due)))
    await asyncio.gather(*tasks)
    return outcomes


def run_exporter(a, sim, config, tmp):
    exe = shutil.which("prometheus-snmp-exporter")
    if not exe:
        print("installing prometheus-snmp-exporter with apt-get", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends",
                        "prometheus-snmp-exporter"], check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        exe = shutil.which("prometheus-snmp-exporter")
    yml = os.path.join(tmp, "snmp.yml")
    write_snmp_yml(yml, a.timeout, a.retries)
    port = free_port()
    exporter = Proc([exe, f"--config.file={yml}", f"--web.listen-address=127.0.0.1:{port}",
                     "--log.level=error"], a.cpu, os.path.join(tmp, "exporter.log"))
    try:
        return measure_exporter(a, exporter, port, sim, config)
    finally:
        exporter.stop()


def measure_exporter(a, exporter, port, sim, config):
    wait_until("snmp_exporter", lambda: http_get(f"http://127.0.0.1:{port}/metrics"), 30)
    targets = [(addr, profile) for _, addr, profile in targets_from_config(config, True)]
    if any(p not in ("generic", "unifi") for _, p in targets):
        raise SystemExit("the exporter comparison has modules for generic and unifi APs only")
    interval = parse_duration(a.interval)
    allowed = max(1.0, interval / 10)
    # Warm-up cycle (like surfzoned's first cycle), then the measured cycles.
    asyncio.run(drive_exporter(port, targets, interval, 1, allowed, a.concurrency))
    t0, cpu0, sim0 = time.monotonic(), proc_cpu(exporter.pid), proc_cpu(sim.pid)
    outcomes = asyncio.run(drive_exporter(port, targets, interval, a.cycles, allowed,
                                          a.concurrency))
    t1, cpu1, sim1 = time.monotonic(), proc_cpu(exporter.pid), proc_cpu(sim.pid)
    body, took = http_get(f"http://127.0.0.1:{port}/metrics")
    polls = len(outcomes)
    ok = sum(1 for o in outcomes if o[1])
    on_time = sum(1 for o in outcomes if o[0] <= allowed and o[1])
    cpu = cpu1 - cpu0
    durations = sorted(o[2] for o in outcomes)
    result = dict(
        tool="snmp_exporter", aps=a.aps, interval_s=interval, cycles=a.cycles,
        window_s=round(t1 - t0, 1), polls=polls, polls_ok=ok,
        polls_on_time_pct=round(100 * on_time / polls, 3) if polls else None,
        snmp_requests=(sum(o[4] for o in outcomes)
                       if outcomes and all(o[4] is not None for o in outcomes) else None),
        timeouts=polls - ok,
        cpu_s=round(cpu, 2), core_fraction=round(cpu / (t1 - t0), 4),
        cpu_s_per_1000_polls=round(1000 * cpu / polls, 4) if polls else None,
        peak_rss_mib=round(proc_status_kib(exporter.pid, "VmHWM") / 1024, 1),
        rss_per_ap_kib=round(proc_status_kib(exporter.pid, "VmHWM") / a.aps, 2),
        scrape_ms_median=round(1000 * durations[len(durations) // 2], 1),
        scrape_ms_max=round(1000 * durations[-1], 1),
        scrape_bytes=sorted(o[3] for o in outcomes)[polls // 2],
        sim_cpu_s=round(sim1 - sim0, 2), sim_core_fraction=round((sim1 - sim0) / (t1 - t0), 4),
    )
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default="build", help="CMake build directory")
    p.add_argument("--aps", type=int, default=200)
    p.add_argument("--cycles", type=int, default=None,
                   help="measured cycles after the first (default 3; 100 with --soak)")
    p.add_argument("--interval", default=None, help="poll interval (default 30s; 5s with --soak)")
    p.add_argument("--timeout", default="2s")
    p.add_argument("--retries", type=int, default=1)
    p.add_argument("--tool", choices=["surfzoned", "snmp_exporter"], default="surfzoned")
    p.add_argument("--cpu", type=int, default=0, help="CPU for surfzoned/exporter (-1: none)")
    p.add_argument("--sim-cpu", type=int, default=1, help="CPU for the simulator (-1: none)")
    p.add_argument("--scrape-every", type=float, default=15.0, help="seconds between /metrics")
    p.add_argument("--outage", type=int, default=0, help="take this many APs down (POST /faults) "
                   "one interval into the run")
    p.add_argument("--outage-duration", type=float, default=120)
    p.add_argument("--soak", action="store_true",
                   help="memory soak: 100 cycles at a 5 s interval unless given; compare "
                   "rss_first_third_max_mib with rss_last_third_max_mib")
    p.add_argument("--concurrency", type=int, default=2000, help="exporter scrapes in flight")
    p.add_argument("--warmup-timeout", type=float, default=600)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--profiles", choices=["vendor", "generic"], default="vendor",
                   help="vendor: unifi profile for the generator's UniFi APs (85%%), generic for "
                        "the rest (the exporter gets matching modules); generic: all generic")
    p.add_argument("--controllers", type=int, default=0,
                   help="surfzoned only: N simulated wireless controllers managing about half "
                        "of the APs (no exporter equivalent)")
    p.add_argument("--gzip", action="store_true",
                   help="surfzoned only: scrape with Accept-Encoding: gzip (curl --compressed), "
                        "as Prometheus does")
    a = p.parse_args()
    if a.cycles is None:
        a.cycles = 100 if a.soak else 3
    if a.interval is None:
        a.interval = "5s" if a.soak else "30s"
    a.cpu = None if a.cpu < 0 else a.cpu
    a.sim_cpu = None if a.sim_cpu < 0 else a.sim_cpu
    command = " ".join(shlex.quote(x) for x in sys.argv)
    if a.controllers and a.tool != "surfzoned":
        p.error("--controllers has no snmp_exporter equivalent here")

    tmp = tempfile.mkdtemp(prefix="surfzone-fleet-bench-")
    sim, sim_web, config, base = start_simulator(
        a.build, tmp, a.aps, a.seed, a.sim_cpu,
        ["--interval", a.interval, "--timeout", a.timeout, "--retries", str(a.retries),
         "--profiles", "vendor" if a.profiles == "vendor" else "fleet"] +
        (["--controllers", str(a.controllers)] if a.controllers else []))
    try:
        if a.tool == "surfzoned":
            result = run_surfzoned(a, sim, sim_web, config, tmp, base)
        else:
            result = run_exporter(a, sim, config, tmp)
    finally:
        sim.stop()
    result.update(profiles=a.profiles, controllers=a.controllers, soak=a.soak,
                  date=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                  cores=os.cpu_count(), loadavg=os.getloadavg()[0], command=command)
    print(json.dumps(result), flush=True)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
