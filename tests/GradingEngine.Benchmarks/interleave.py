#!/usr/bin/env python3
"""Times whole processes in interleaved rounds: every command once per round, in the same order, so that the
shared machine's noise hits all of them alike. One warm-up run per command first. Wall time from
time.perf_counter around the child; CPU time is the child's own user + system time from os.wait4 (getrusage,
microseconds; /usr/bin/time prints only hundredths). Standard output goes to /dev/null.

    interleave.py SPEC.json ROUNDS OUT.json

SPEC.json: [{"name": ..., "argv": [...], "cwd": ..., "ok": [0, 1]}, ...]. Stops at the first run whose exit code
is not in "ok" (default [0]), printing its standard error. OUT.json: the spec with "wall" and "cpu" lists (ms)
and the load average before and after; the medians are printed as they are computed.
"""
import json
import os
import statistics
import subprocess
import sys
import time


def run(command):
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        child = subprocess.Popen(command["argv"], cwd=command.get("cwd"), stdout=null, stderr=subprocess.PIPE)
        # Read standard error before waiting, so a chatty child never blocks on a full pipe.
        err = child.stderr.read()
        child.stderr.close()
        _, status, usage = os.wait4(child.pid, 0)
        wall = (time.perf_counter() - start) * 1000
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in command.get("ok", [0]):
        sys.exit(f"{command['name']}: exit {child.returncode}: {' '.join(command['argv'])}\n{err.decode(errors='replace')[:3000]}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    spec_path, rounds, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(spec_path) as f:
        commands = json.load(f)
    result = {"load_before": load(), "rounds": rounds, "commands": commands}
    for c in commands:
        run(c)
        c["wall"], c["cpu"] = [], []
    for r in range(rounds):
        for c in commands:
            wall, cpu = run(c)
            c["wall"].append(wall)
            c["cpu"].append(cpu)
        print(f"round {r + 1} of {rounds}, load average {load()}", file=sys.stderr)
    result["load_after"] = load()
    for c in commands:
        c["median_wall"] = statistics.median(c["wall"])
        c["median_cpu"] = statistics.median(c["cpu"])
    with open(out_path, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
