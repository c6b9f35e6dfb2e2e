#!/usr/bin/env python3
"""Top frames of a dotnet-trace speedscope file (evented profiles): exclusive and inclusive share of the
busiest thread's sampled time.

usage: speedscope-top.py trace.speedscope.json [N] [UNDER]
  UNDER: only count time whose stack has a frame containing this text (e.g. InspectionEvaluator.Evaluate)
"""
import json, sys
from collections import Counter

doc = json.load(open(sys.argv[1]))
n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
under = sys.argv[3] if len(sys.argv) > 3 else None
PSEUDO = {"CPU_TIME", "UNMANAGED_CODE_TIME"}
frames = [f["name"] for f in doc["shared"]["frames"]]

def account(profile):
    excl, incl = Counter(), Counter()
    stack, last, total = [], None, 0.0
    for e in profile["events"]:
        t = e["at"]
        if stack and last is not None:
            names = [frames[i] for i in stack]
            if under is None or any(under in x for x in names):
                dt = t - last
                total += dt
                real = [x for x in names if x not in PSEUDO]
                excl[real[-1] if real else names[-1]] += dt
                for name in set(real):
                    incl[name] += dt
        if e["type"] == "O":
            stack.append(e["frame"])
        elif stack:
            stack.pop()
        last = t
    return excl, incl, total

profiles = [p for p in doc["profiles"] if p.get("type") == "evented"]
profile = max(profiles, key=lambda p: len(p["events"]))
excl, incl, total = account(profile)

def show(title, counter):
    print(f"{title} ({total:.0f} ms on {profile['name']})")
    shown = 0
    for name, w in counter.most_common():
        print(f"  {100 * w / total:5.1f}%  {name[:160]}")
        shown += 1
        if shown == n:
            break

show("exclusive", excl)
show("inclusive", incl)
