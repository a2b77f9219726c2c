#!/usr/bin/env python3
"""The server under faults (issue #15): `accord serve` killed, stopped, starved of disk, its PostgreSQL restarted,
held by slow and by a thousand event-stream clients, and soaked under mixed load.

    scripts/ci/server_faults.py ACCORD TEST...     TEST: kill term int postgres disk-full slow-clients sse, or ci
                                                   (all of those), or soak (not in ci; --minutes, default 30)

Each test starts its own `accord serve` (port 0, a database in a temporary folder) and stops it by its PID. The
PostgreSQL test starts its own cluster with scripts/ci/postgres.sh (Debian's postgresql, installed when missing)
and restarts it with `postgres.sh restart`; the disk-full test mounts a small tmpfs, which needs root (as in CI;
elsewhere it is skipped with a sentence, and so is the PostgreSQL test when the cluster cannot start, unless
CI=true). Standard library only. Exit status 0 when every test chosen passed, 1 otherwise; each prints its numbers.
"""

import argparse
import asyncio
import http.client
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IN_CI = os.environ.get("CI") == "true"

SKELETON = {
    "accord": 1, "name": "Supply talks",
    "issues": [{"id": "price", "options": [{"id": "low"}, {"id": "mid"}, {"id": "high"}]},
               {"id": "term", "options": [{"id": "short"}, {"id": "long"}]}],
    "parties": [{"id": "a", "name": "Alpha"}, {"id": "b", "name": "Beta"}],
}
PREFERENCES = {
    "a": {"weights": {"price": 0.6, "term": 0.4}, "reservation": 0.3,
          "values": {"price": {"low": 0, "mid": 0.5, "high": 1}, "term": {"short": 1, "long": 0}}},
    "b": {"weights": {"price": 0.5, "term": 0.5}, "reservation": 0.3,
          "values": {"price": {"low": 1, "mid": 0.6, "high": 0}, "term": {"short": 0, "long": 1}}},
}


class Skip(Exception):
    """A test that cannot run here (outside CI only)."""


def say(*words):
    print(*words, flush=True)


class Server:
    """One `accord serve` process on a free port, its PID and URL."""

    def __init__(self, accord, folder, database=None, env=None):
        self.folder = folder
        self.database = database or os.path.join(folder, "accord.sqlite")
        environment = dict(os.environ)
        environment.setdefault("ACCORD_ROOM_KEY_FILE", os.path.join(folder, "room.key"))
        environment.update(env or {})
        self.log = open(os.path.join(folder, "serve.log"), "ab")
        self.process = subprocess.Popen(
            [accord, "serve", "--port", "0", "--database", self.database], cwd=folder, env=environment,
            stdout=subprocess.PIPE, stderr=self.log)
        line = self.process.stdout.readline().decode()
        if "http://" not in line:
            self.process.kill()
            raise AssertionError(f"accord serve did not start: {line!r}; log in {self.log.name}")
        url = line[line.index("http://"):].split()[0].rstrip("/")
        self.host, self.port = url[len("http://"):].rsplit(":", 1)
        self.port = int(self.port)
        self.pid = self.process.pid
        # Drain stdout so that the server never blocks on a full pipe.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def request(self, method, path, body=None, token=None, content_type="application/json", timeout=30):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        headers = {}
        if token:
            headers["Authorization"] = "Bearer " + token
        if body is not None:
            headers["Content-Type"] = content_type
            if not isinstance(body, (str, bytes)):
                body = json.dumps(body)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace"), response.getheader("Content-Type")
        finally:
            connection.close()

    def json(self, method, path, body=None, token=None):
        status, text, _ = self.request(method, path, body, token)
        return status, (json.loads(text) if text.strip() else None)

    def rss_kb(self):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def open_files(self):
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def stop(self, sig=signal.SIGTERM, within=20):
        """Sends `sig` and waits; returns the exit status (SIGKILL after `within` seconds is a failure)."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(within)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"accord serve did not stop within {within} s of signal {sig}")
        self.log.close()
        return self.process.returncode


class Ledger:
    """What the server acknowledged (a 2xx answer received), by kind."""

    def __init__(self):
        self.lock = threading.Lock()
        self.runs, self.rooms, self.preferences, self.locks = [], {}, [], []
        self.refused = {}

    def refuse(self, status):
        with self.lock:
            self.refused[status] = self.refused.get(status, 0) + 1

    def count(self):
        return len(self.runs) + len(self.rooms) + len(self.preferences) + len(self.locks)


def write_once(server, ledger, rng):
    """One write, as a client would send it: a run, a room, a party's preferences or a lock."""
    choice = rng.random()
    kind = "run"
    try:
        if choice < 0.3:
            status, body = server.json("POST", "/api/v1/scenarios/job-offer/analyses", {})
            if status == 201:
                with ledger.lock:
                    ledger.runs.append(body["id"])
                return
        elif choice < 0.55 or not ledger.rooms:
            kind = "room"
            status, body = server.json("POST", "/api/v1/rooms", {"scenario": SKELETON})
            if status == 201:
                tokens = dict(body["tokens"]["parties"], mediator=body["tokens"]["mediator"])
                with ledger.lock:
                    ledger.rooms[body["id"]] = {"tokens": tokens, "entered": set(), "locked": False}
                return
        else:
            with ledger.lock:
                open_rooms = [(room_id, room) for room_id, room in ledger.rooms.items() if not room["locked"]]
                if not open_rooms:
                    return
                room_id, room = rng.choice(open_rooms)
                missing = [party for party in PREFERENCES if party not in room["entered"]]
            if missing:
                kind, party = "preferences", missing[0]
                status, _ = server.json(
                    "PUT", f"/api/v1/rooms/{room_id}/preferences", PREFERENCES[party], room["tokens"][party])
                if status == 204:
                    with ledger.lock:
                        room["entered"].add(party)
                        ledger.preferences.append((room_id, party))
                    return
            else:
                kind = "lock"
                status, _ = server.json("POST", f"/api/v1/rooms/{room_id}/lock", token=room["tokens"]["mediator"])
                if status == 200:
                    with ledger.lock:
                        room["locked"] = True
                        ledger.locks.append(room_id)
                    return
        ledger.refuse(status)
    except (OSError, http.client.HTTPException, ValueError):
        ledger.refuse(f"no answer ({kind})")
        time.sleep(0.05)


class Load:
    """Writers in threads until stopped."""

    def __init__(self, server, ledger, writers=4, pause=0.0):
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.loop, args=(server, ledger, n, pause), daemon=True)
                        for n in range(writers)]
        for thread in self.threads:
            thread.start()

    def loop(self, server, ledger, seed, pause):
        rng = random.Random(seed)
        while not self.stopping.is_set():
            write_once(server, ledger, rng)
            if pause:
                time.sleep(pause)

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(60)


def verify(server, ledger):
    """Every acknowledged write is there, whole; no run is left running. Returns a problem list."""
    problems = []
    for run_id in ledger.runs:
        status, body = server.json("GET", f"/api/v1/runs/{run_id}")
        if status != 200 or body.get("status") != "succeeded" or body.get("result") in (None, ""):
            problems.append(f"acknowledged run {run_id}: {status} {str(body)[:120]}")
    for room_id, room in ledger.rooms.items():
        status, body = server.json("GET", f"/api/v1/rooms/{room_id}", token=room["tokens"]["mediator"])
        if status != 200:
            problems.append(f"acknowledged room {room_id}: {status}")
            continue
        entered = {party["id"] for party in body["parties"] if party["preferencesEntered"]}
        if not room["entered"] <= entered:
            problems.append(f"room {room_id}: acknowledged preferences of {room['entered'] - entered} missing")
        if room["locked"] and body["state"] == "open":
            problems.append(f"room {room_id}: its acknowledged lock is missing")
    status, body = server.json("GET", "/api/v1/runs?limit=1000")
    if status != 200:
        problems.append(f"the run list answers {status}")
    else:
        runs = body["runs"] if isinstance(body, dict) else body
        stuck = [run["id"] for run in runs if run.get("status") in ("running", "queued")]
        if stuck:
            problems.append(f"{len(stuck)} runs still running after the restart: {stuck[:3]}")
    return problems


def integrity(database):
    connection = sqlite3.connect(database)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def interrupted_writes(accord, folder, sig, seconds=4):
    """Writes under load, `sig` to the server, a restart: every acknowledged write is there."""
    server = Server(accord, folder)
    ledger = Ledger()
    load = Load(server, ledger)
    time.sleep(seconds)
    wal = os.path.exists(server.database + "-wal")
    started = time.monotonic()
    code = server.stop(sig)
    stopped = time.monotonic() - started
    load.stop()
    acknowledged = ledger.count()
    if sig != signal.SIGKILL and code != 0:
        raise AssertionError(f"accord serve exited with {code} on signal {sig}")
    restarted = Server(accord, folder)
    try:
        problems = verify(restarted, ledger)
    finally:
        restarted.stop()
    check = integrity(server.database)
    say(f"  {acknowledged} acknowledged writes ({len(ledger.runs)} runs, {len(ledger.rooms)} rooms, "
        f"{len(ledger.preferences)} preferences, {len(ledger.locks)} locks), WAL present at the signal: {wal}, "
        f"stopped in {stopped:.2f} s (exit {code}), integrity_check: {check}, refused: {ledger.refused}")
    if acknowledged < 5:
        problems.append(f"only {acknowledged} writes were acknowledged before the signal")
    if check != "ok":
        problems.append(f"PRAGMA integrity_check: {check}")
    if problems:
        raise AssertionError("; ".join(problems[:5]))


def test_kill(accord, folder):
    interrupted_writes(accord, folder, signal.SIGKILL)


def test_term(accord, folder):
    interrupted_writes(accord, folder, signal.SIGTERM)


def test_int(accord, folder):
    interrupted_writes(accord, folder, signal.SIGINT)


def postgres(command, folder):
    script = os.path.join(ROOT, "scripts", "ci", "postgres.sh")
    result = subprocess.run([script, command, folder], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise (AssertionError if IN_CI else Skip)(f"postgres.sh {command} failed: {result.stderr.strip()[-400:]}")
    return result.stdout.strip()


def test_postgres(accord, folder):
    cluster = os.path.join(folder, "postgres")
    os.chmod(folder, 0o755)  # the cluster's owner (postgres, when we are root) must reach its folder
    url = postgres("start", cluster)
    try:
        server = Server(accord, folder, database=url)
        ledger = Ledger()
        load = Load(server, ledger)
        time.sleep(3)
        before = ledger.count()
        started = time.monotonic()
        postgres("restart", cluster)
        restarted = time.monotonic() - started
        # The server reconnects: writes are acknowledged again within 30 s of PostgreSQL being back.
        deadline, recovered = time.monotonic() + 30, None
        while time.monotonic() < deadline:
            status, _ = server.json("GET", "/health")
            if status == 200 and server.json("POST", "/api/v1/rooms", {"scenario": SKELETON})[0] == 201:
                recovered = time.monotonic() - started
                break
            time.sleep(0.2)
        time.sleep(2)
        load.stop()
        problems = [] if recovered is not None else ["the server did not write again within 30 s of the restart"]
        say(f"  {ledger.count()} acknowledged writes ({before} before the restart), PostgreSQL restarted in "
            f"{restarted:.2f} s, writes acknowledged again {recovered if recovered is None else round(recovered, 2)}"
            f" s after the restart began; answers refused meanwhile: {ledger.refused}")
        problems += verify(server, ledger)
        server.stop()
        if problems:
            raise AssertionError("; ".join(problems[:5]))
    finally:
        postgres("stop", cluster)


def test_disk_full(accord, folder):
    disk = os.path.join(folder, "disk")
    os.makedirs(disk)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk]).returncode:
        raise (AssertionError if IN_CI else Skip)("mounting a 3 MB tmpfs needs root")
    try:
        server = Server(accord, disk, env={"ACCORD_ROOM_KEY_FILE": os.path.join(folder, "room.key")})
        ledger = Ledger()
        statuses, problem_types, sentences = {}, set(), set()
        # Fill the disk beside the database, leaving a little room, then write until refused.
        with open(os.path.join(disk, "filler"), "wb") as filler:
            try:
                filler.write(b"\0" * (2600 << 10))
            except OSError:
                pass
        rng = random.Random(1)
        for _ in range(400):
            before = ledger.count()
            status, text, content_type = server.request("POST", "/api/v1/rooms", {"scenario": SKELETON})
            statuses[status] = statuses.get(status, 0) + 1
            if status == 201:
                body = json.loads(text)
                ledger.rooms[body["id"]] = {"tokens": dict(body["tokens"]["parties"],
                                                           mediator=body["tokens"]["mediator"]),
                                            "entered": set(), "locked": False}
            else:
                problem_types.add(content_type)
                sentences.add(json.loads(text).get("detail", "")[:160])
            write_once(server, ledger, rng)
            if status != 201 and ledger.count() == before and statuses.get(503, 0) >= 20:
                break
        health = server.json("GET", "/health")[0]
        os.remove(os.path.join(disk, "filler"))
        after = server.json("POST", "/api/v1/rooms", {"scenario": SKELETON})[0]
        problems = verify(server, ledger)
        server.stop()
        check = integrity(server.database)
        say(f"  answers while the disk filled: {statuses}; refusals: {sorted(sentences)}; /health while full: "
            f"{health}; a write after space was freed: {after}; integrity_check: {check}; "
            f"{ledger.count()} acknowledged writes all present: {not problems}; other writes refused: "
            f"{ledger.refused}")
        if set(statuses) - {201, 503} or set(ledger.refused) - {503}:
            problems.append(f"answers other than 2xx and 503: {statuses}, {ledger.refused}")
        if statuses.get(503, 0) == 0:
            problems.append("the disk never filled")
        if problem_types - {"application/problem+json"}:
            problems.append(f"refusals not as problem+json: {problem_types}")
        if after != 201:
            problems.append(f"a write after space was freed answered {after}")
        if check != "ok":
            problems.append(f"integrity_check: {check}")
        if problems:
            raise AssertionError("; ".join(problems[:5]))
    finally:
        subprocess.run(["umount", "-l", disk])


async def slow_client(host, port, partial):
    """A connection that sends part of a request head and then nothing; the seconds until the server closes it."""
    reader, writer = await asyncio.open_connection(host, port)
    started = time.monotonic()
    writer.write(partial)
    await writer.drain()
    try:
        await asyncio.wait_for(reader.read(), 20)
        return time.monotonic() - started
    except asyncio.TimeoutError:
        return None
    finally:
        writer.close()


def test_slow_clients(accord, folder):
    server = Server(accord, folder, env={"ACCORD_IDLE_TIMEOUT": "2"})
    try:
        async def scenario():
            partials = [b"", b"GET /health HTTP/1.1\r\n", b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: 1"]
            clients = [asyncio.create_task(slow_client(server.host, server.port, partials[n % 3]))
                       for n in range(300)]
            await asyncio.sleep(0.5)
            started = time.monotonic()
            status = await asyncio.to_thread(lambda: server.json("GET", "/health")[0])
            latency = time.monotonic() - started
            return await asyncio.gather(*clients), status, latency
        closed, status, latency = asyncio.run(scenario())
        files = server.open_files()
        held = [seconds for seconds in closed if seconds is not None]
        say(f"  300 slow clients (idle timeout 2 s): {len(held)} closed by the server after "
            f"{min(held):.2f}-{max(held):.2f} s; /health answered {status} in {latency * 1000:.0f} ms meanwhile; "
            f"open files afterwards: {files}")
        if len(held) != 300 or max(held) > 6 or status != 200:
            raise AssertionError(f"{300 - len(held)} slow clients still held after 20 s, or /health {status}")
    finally:
        server.stop()


async def sse_client(host, port, path, token, events, ready):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    ready.append(head.startswith(b"HTTP/1.1 200"))
    return reader, writer


def test_sse(accord, folder, clients=1000):
    server = Server(accord, folder, env={"ACCORD_HEARTBEAT_SECONDS": "1"})
    try:
        status, room = server.json("POST", "/api/v1/rooms", {"scenario": SKELETON})
        assert status == 201, room
        observer, token_a = room["tokens"]["observer"], room["tokens"]["parties"]["a"]
        path = f"/api/v1/rooms/{room['id']}/events"
        base_rss, base_files = server.rss_kb(), server.open_files()

        async def scenario():
            ready = []
            started = time.monotonic()
            connections = await asyncio.gather(*[
                sse_client(server.host, server.port, path, observer, None, ready) for _ in range(clients)])
            connected = time.monotonic() - started
            rss = server.rss_kb()
            latencies = []
            for _ in range(20):
                began = time.monotonic()
                code = await asyncio.to_thread(lambda: server.json("GET", "/health")[0])
                latencies.append((time.monotonic() - began, code))
            began = time.monotonic()
            code = await asyncio.to_thread(lambda: server.json(
                "PUT", f"/api/v1/rooms/{room['id']}/preferences", PREFERENCES["a"], token_a)[0])

            async def receives(reader):
                while True:
                    line = await reader.readline()
                    if line.startswith(b"event: preferences") or not line:
                        return bool(line)
            delivered = await asyncio.wait_for(asyncio.gather(*[receives(r) for r, _ in connections]), 60)
            fan_out = time.monotonic() - began
            for _, writer in connections:
                writer.close()
            return ready, connected, rss, latencies, code, delivered, fan_out
        ready, connected, rss, latencies, code, delivered, fan_out = asyncio.run(scenario())
        time.sleep(4)  # heartbeats (every 1 s here) find the closed streams
        files_after, rss_after = server.open_files(), server.rss_kb()
        worst = max(seconds for seconds, _ in latencies)
        status_after = server.json("GET", "/health")[0]
        say(f"  {sum(ready)}/{clients} event streams open in {connected:.2f} s; resident memory {base_rss // 1024} "
            f"MB before, {rss // 1024} MB with them open ({(rss - base_rss) / clients:.0f} KB each), "
            f"{rss_after // 1024} MB after they closed; /health slowest of 20: {worst * 1000:.0f} ms; a room action "
            f"({code}) reached {sum(delivered)} streams in {fan_out:.2f} s; open files {base_files} before, "
            f"{files_after} after")
        problems = []
        if sum(ready) != clients:
            problems.append(f"only {sum(ready)} of {clients} streams opened")
        if worst > 2 or any(code != 200 for _, code in latencies) or status_after != 200:
            problems.append(f"/health slowest {worst:.2f} s")
        if sum(delivered) != clients:
            problems.append(f"the event reached {sum(delivered)} of {clients} streams")
        if files_after > base_files + 20:
            problems.append(f"{files_after - base_files} files still open after the clients left")
        if problems:
            raise AssertionError("; ".join(problems))
    finally:
        server.stop()


def test_soak(accord, folder, minutes=30.0, writers=2, pause=0.05):
    """Mixed load for `minutes`: writes, reads, event streams opened and dropped; resident memory sampled."""
    server = Server(accord, folder, env={"ACCORD_HEARTBEAT_SECONDS": "5"})
    ledger = Ledger()
    load = Load(server, ledger, writers=writers, pause=pause)
    stopping = threading.Event()
    reads = [0]

    def reader():
        rng = random.Random(7)
        while not stopping.is_set():
            try:
                choice = rng.random()
                if choice < 0.4:
                    server.request("GET", "/api/v1/runs?limit=50")
                elif choice < 0.7 and ledger.runs:
                    server.request("GET", f"/api/v1/runs/{rng.choice(ledger.runs)}?format=markdown")
                elif choice < 0.85:
                    server.request("POST", "/api/v1/scenarios/job-offer/what-if",
                                   {"reservations": {"candidate": rng.random() * 0.5}})
                else:
                    server.request("GET", "/")
                reads[0] += 1
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(pause)

    def streams():
        while not stopping.is_set():
            rooms = list(ledger.rooms.items())[-5:]
            sockets = []
            for room_id, room in rooms:
                try:
                    connection = http.client.HTTPConnection(server.host, server.port, timeout=10)
                    connection.request("GET", f"/api/v1/rooms/{room_id}/events",
                                       headers={"Authorization": "Bearer " + room["tokens"]["mediator"]})
                    connection.getresponse()
                    sockets.append(connection)
                except (OSError, http.client.HTTPException):
                    pass
            time.sleep(3)
            for connection in sockets:
                connection.close()

    threads = [threading.Thread(target=reader, daemon=True), threading.Thread(target=streams, daemon=True)]
    for thread in threads:
        thread.start()
    samples = []
    started = time.monotonic()
    end = started + minutes * 60
    try:
        while time.monotonic() < end:
            samples.append((time.monotonic() - started, server.rss_kb(), ledger.count(), reads[0]))
            say(f"    {samples[-1][0]:7.0f} s  {samples[-1][1] // 1024:5d} MB  {samples[-1][2]:7d} writes  "
                f"{samples[-1][3]:7d} reads")
            time.sleep(min(30, max(1, minutes * 60 / 60)))
        samples.append((time.monotonic() - started, server.rss_kb(), ledger.count(), reads[0]))
    finally:
        stopping.set()
        load.stop()
        for thread in threads:
            thread.join(30)
    problems = verify(server, ledger)
    server.stop()
    # Growth is measured from the sample at a tenth of the run (after the caches and pools have filled).
    warm = samples[max(1, len(samples) // 10)]
    peak = max(rss for _, rss, _, _ in samples[samples.index(warm):])
    final = samples[-1]
    growth = (final[1] - warm[1]) / warm[1] * 100
    say(f"  {minutes:g} min: {final[2]} acknowledged writes, {final[3]} reads; resident memory {samples[0][1] // 1024}"
        f" MB at start, {warm[1] // 1024} MB at {warm[0]:.0f} s, {final[1] // 1024} MB at the end (peak "
        f"{peak // 1024} MB): growth {growth:+.1f} % after warm-up; refused: {ledger.refused}")
    if problems:
        raise AssertionError("; ".join(problems[:5]))
    if growth >= 10:
        raise AssertionError(f"resident memory grew {growth:.1f} % (target under 10 %)")


TESTS = {"kill": test_kill, "term": test_term, "int": test_int, "postgres": test_postgres,
         "disk-full": test_disk_full, "slow-clients": test_slow_clients, "sse": test_sse}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("accord")
    parser.add_argument("tests", nargs="+")
    parser.add_argument("--minutes", type=float, default=30.0, help="the soak's duration (default 30)")
    parser.add_argument("--clients", type=int, default=1000, help="event-stream clients of the sse test")
    arguments = parser.parse_args()
    accord = os.path.abspath(arguments.accord)
    chosen = list(TESTS) if arguments.tests == ["ci"] else arguments.tests
    failed = 0
    for name in chosen:
        if name not in TESTS and name != "soak":
            parser.error(f"unknown test {name!r}; known: {', '.join(TESTS)}, ci, soak")
        with tempfile.TemporaryDirectory(prefix=f"accord-fault-{name}-") as folder:
            say(f"== {name}")
            started = time.monotonic()
            try:
                if name == "soak":
                    test_soak(accord, folder, arguments.minutes)
                elif name == "sse":
                    test_sse(accord, folder, arguments.clients)
                else:
                    TESTS[name](accord, folder)
                say(f"  passed in {time.monotonic() - started:.1f} s")
            except Skip as reason:
                say(f"  skipped: {reason}")
            except AssertionError as error:
                failed += 1
                say(f"  FAILED in {time.monotonic() - started:.1f} s: {error}")
                log = os.path.join(folder, "serve.log")
                if os.path.exists(log):
                    say("  the server's log (last lines):\n" + open(log, errors="replace").read()[-2000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
