#!/usr/bin/env python3
"""A mutation campaign through the accord command line (issue #15): mutated scenario, GENIUS, KTAB and tournament
files, each run by the command that reads it, in a fresh process with a time limit and 4 GiB of address space.

Usage: scripts/mutation-campaign.py ACCORD [--inputs N] [--seed S] [--timeout SECONDS] [--shared ../shared]

Mutation kinds, as in the issue: byte flips, truncation, extreme numbers (1e308, -1e308, 2^63, -2147483649, NaN,
inf, 1e8, 2^32, 2^64, .7e38, a 20,000-digit number), a 1 MB or 10 MB identifier, 100,000-deep nesting, YAML alias
and XML entity bombs, invalid UTF-8, and a block repeated thousands of times.

A run fails the campaign when the process ends by a signal (a crash, an allocation over the limit), exits with a
status other than 0, 1 or 2, runs past the time limit, or writes more than 16 KB to standard error (a flood: the
longest error, a sentence with 100 problems, is about 10 KB). A mutation can also make a valid input that asks for
long work (a tournament of 10^8-round negotiations): such a timeout is reported too, to be judged by reading it.
Each failure is printed with its kind and the input kept in the output folder. Exit status: 0 when none failed.
"""
import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

EXTREMES = [
    "1e308", "-1e308", "9223372036854775808", "-2147483649", "NaN", ".nan", "inf", "-.inf", "100000000",
    "4294967296", "18446744073709551616", ".7e38", "-1e6", "1e-320", "9" * 20000,
]
ADDRESS_SPACE = 4 * 1024**3  # a run that asks for more fails its allocation and ends by a signal
STDERR_LIMIT = 16384  # the longest error: a sentence and 100 problems, each line cut


def mutate(data: bytes, kind: str, rng: random.Random, suffix: str) -> bytes:
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            if out:
                out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if kind == "truncate":
        return data[: rng.randrange(max(1, len(data)))]
    if kind == "number":
        text = data.decode("utf-8", "replace")
        spots = [i for i in range(1, len(text)) if text[i].isdigit() and not text[i - 1].isalnum()]
        for _ in range(rng.randint(1, 3)):
            if not spots:
                break
            start = rng.choice(spots)
            end = start
            while end < len(text) and (text[end].isdigit() or text[end] in ".eE-"):
                end += 1
            text = text[:start] + rng.choice(EXTREMES) + text[end:]
            spots = [i for i in range(1, len(text)) if text[i].isdigit() and not text[i - 1].isalnum()]
        return text.encode()
    if kind == "long-string":
        size = rng.choice([1_000_000, 1_000_000, 10_000_000])
        text = data.decode("utf-8", "replace")
        words = [i for i in range(len(text) - 1) if text[i].isalpha() and not text[i - 1].isalnum()]
        at = rng.choice(words) if words else 0
        return (text[:at] + "A" * size + text[at:]).encode()
    if kind == "nesting":
        depth = 100_000
        if suffix == ".xml":
            return data + b"<a>" * depth
        if suffix == ".csv":
            return data + b'"' * depth
        return data.replace(b"\n", b"\nx: " + b"[" * depth + b"\n", 1)
    if kind == "bomb":
        if suffix == ".xml":
            lol = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
                b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
            ) + b"]><utility_space>&lol9;</utility_space>"
            return lol
        lines = [b"a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [b"a%d: &a%d [%s]" % (i, i, b", ".join([b"*a%d" % (i - 1)] * 10)) for i in range(1, 9)]
        return b"\n".join(lines) + b"\n" + data
    if kind == "utf8":
        at = rng.randrange(max(1, len(data)))
        return data[:at] + rng.choice([b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x00"]) + data[at:]
    if kind == "repeat":
        lines = data.split(b"\n")
        if len(lines) < 3:
            return data * 1000
        start = rng.randrange(1, len(lines) - 1)
        block = lines[start : start + rng.randint(1, 4)]
        return b"\n".join(lines[:start] + block * rng.choice([1000, 20000]) + lines[start:])
    raise ValueError(kind)


KINDS = ["flip", "truncate", "number", "number", "long-string", "nesting", "bomb", "utf8", "repeat"]


def limits():
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    os.setsid()


def seeds(repo: str, shared: str):
    """(kind, path, command builder): the files mutated and how each is read."""
    out = []
    scenarios = os.path.join(repo, "Sources/AccordFormats/Resources/Scenarios")
    for name in ["berlin-2025.yaml", "job-offer.yaml"]:
        out.append(("scenario", os.path.join(scenarios, name)))
    genius = os.path.join(shared, "conformance/genius/templates/anac/y2011")
    for folder in ["Energy", "Laptop", "Amsterdam"]:
        if os.path.isdir(os.path.join(genius, folder)):
            out.append(("genius", os.path.join(genius, folder)))
    ktab = os.path.join(shared, "conformance/ktab")
    for name in ["dummyData_3Dim.csv", "SOE-Pol-Comp.csv"]:
        if os.path.exists(os.path.join(ktab, name)):
            out.append(("ktab", os.path.join(ktab, name)))
    out.append(("tournament", None))
    return out


TOURNAMENT = b"""accord_tournament: 1
name: campaign
agents: [boulware, conceder, {id: tft, agent: tit-for-tat}]
scenarios: [job-offer]
deadline: {rounds: 40}
repetitions: 2
seed: 3
"""


def prepare(kind, path, rng, work, index):
    """Writes one mutated input; returns the command's arguments after `accord` and the input's path."""
    mutation = rng.choice(KINDS)
    case = os.path.join(work, f"case-{index:05d}")
    os.makedirs(case)
    if kind == "scenario":
        target = os.path.join(case, os.path.basename(path))
        data = open(path, "rb").read()
        open(target, "wb").write(mutate(data, mutation, rng, ".yaml"))
        command = rng.choice([["analyze", target, "--samples", "200"], ["validate", target]])
    elif kind == "genius":
        target = os.path.join(case, os.path.basename(path))
        shutil.copytree(path, target)
        victim = os.path.join(target, rng.choice(sorted(os.listdir(target))))
        data = open(victim, "rb").read()
        open(victim, "wb").write(mutate(data, mutation, rng, ".xml"))
        command = ["analyze", target]
    elif kind == "ktab":
        target = os.path.join(case, os.path.basename(path))
        open(target, "wb").write(mutate(open(path, "rb").read(), mutation, rng, ".csv"))
        command = ["forecast", target]
    else:
        target = os.path.join(case, "spec.yaml")
        open(target, "wb").write(mutate(TOURNAMENT, mutation, rng, ".yaml"))
        command = ["tournament", target, "--out", os.path.join(case, "out"), "--progress", "none"]
    return mutation, command, case


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("accord")
    parser.add_argument("--inputs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--shared", default=None)
    parser.add_argument("--keep", default=None, help="folder for failing inputs (default: a temporary one)")
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = args.shared or os.path.join(os.path.dirname(repo), "shared")
    rng = random.Random(args.seed)
    accord = os.path.abspath(args.accord)
    sources = seeds(repo, shared)
    keep = args.keep or tempfile.mkdtemp(prefix="accord-campaign-failures-")
    counts, failures, slowest = {}, [], (0.0, "")
    started = time.time()
    for index in range(args.inputs):
        kind, path = rng.choice(sources)
        work = tempfile.mkdtemp(prefix="accord-campaign-")
        try:
            mutation, command, case = prepare(kind, path, rng, work, index)
            t0 = time.time()
            try:
                run = subprocess.run(
                    [accord] + command, capture_output=True, timeout=args.timeout, preexec_fn=limits,
                    env=dict(os.environ, ACCORD_PROGRESS_DELAY="86400"))
                elapsed = time.time() - t0
                problem = None
                if run.returncode < 0:
                    problem = f"ended by signal {-run.returncode}"
                elif run.returncode not in (0, 1, 2):
                    problem = f"exit status {run.returncode}"
                elif len(run.stderr) > STDERR_LIMIT:
                    problem = f"{len(run.stderr)} bytes on standard error"
            except subprocess.TimeoutExpired:
                elapsed = args.timeout
                problem = f"still running after {args.timeout:.0f} s"
                run = None
            if elapsed > slowest[0]:
                slowest = (elapsed, f"{kind}/{mutation}: accord {' '.join(command[:1])}")
            key = (kind, mutation, f"exit {run.returncode}" if problem is None else "FAIL")
            counts[key] = counts.get(key, 0) + 1
            if problem:
                kept = os.path.join(keep, f"case-{index:05d}")
                shutil.copytree(case, kept, dirs_exist_ok=True)
                first = (run.stderr[:300].decode("utf-8", "replace") if run else "").strip()
                failures.append(f"{kind}/{mutation}: accord {' '.join(command)}: {problem} ({kept}) {first}")
                print("FAIL", failures[-1], flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    total = time.time() - started
    print(f"{args.inputs} inputs in {total:.0f} s (seed {args.seed}); slowest {slowest[0]:.1f} s ({slowest[1]})")
    for (kind, mutation, outcome), n in sorted(counts.items()):
        print(f"  {kind:10s} {mutation:12s} {outcome:7s} {n}")
    print(f"failures: {len(failures)}" + (f" (inputs kept in {keep})" if failures else ""))
    if not failures and not args.keep:
        shutil.rmtree(keep, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
