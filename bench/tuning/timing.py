#!/usr/bin/python3
"""Where a tuning run's time went (issue 11), from its results.json and the wall time measured around the process:

1. Budgets: per tuned model and outer split, the search's wall seconds against the bound "budget + 10% + one trial"
   (one trial = the longest trial of that split: trials are never cut, and none starts once the time is up).
2. Overhead: the run's wall time split into the trainers' own fits (every trial's inner fits, plus the final fits on
   all rows) and everything else (process start, data load, feature preparation, predicting and scoring the inner
   validation and outer test rows, ensemble selection, trial store, reports).

    /usr/bin/python3 bench/tuning/timing.py RUN_DIR --wall SECONDS [--max-overhead 0.10] [--max-wall 900]

Exits 1 when a split breaks its budget bound, or the overhead or the whole run's wall time is above the limit given.
"""
import argparse
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("run")
    parser.add_argument("--wall", type=float, required=True, help="wall seconds of the whole mlpipe process")
    parser.add_argument("--max-overhead", type=float, default=None, help="fraction of the run outside fits allowed")
    parser.add_argument("--max-wall", type=float, default=None, help="seconds the whole run may take")
    args = parser.parse_args()
    results = json.load(open(os.path.join(args.run, "results.json")))
    tuned = [m for m in results["models"] if m.get("variant") == "tuned"]
    if not tuned:
        sys.exit(f"{args.run}: no tuned model in results.json")
    ok = budgets(tuned)
    ok &= overhead(results, tuned, args.wall, args.max_overhead)
    if args.max_wall is not None:
        fits = args.wall <= args.max_wall
        print(f"whole run within {args.max_wall:.0f} s: {'yes' if fits else 'NO'} ({args.wall:.0f} s)")
        ok &= fits
    sys.exit(0 if ok else 1)


def budgets(tuned):
    print("| model | budget | outer split | search s | trials | longest trial s | bound s | holds |")
    print("|---|---|---|---:|---:|---:|---:|---|")
    ok = True
    for model in tuned:
        search = model["tuning"]
        limit = search.get("budget_seconds")
        for split in search["splits"]:
            longest = max(t["seconds"] for t in split["trial_log"])
            bound = limit * 1.1 + longest if limit else None
            holds = bound is None or split["seconds"] <= bound
            ok &= holds
            print(f"| {model['base']} | {search['budget']} | {split['repeat']}/{split['fold']} | {split['seconds']:.1f} | "
                  f"{split['trials']} | {longest:.1f} | {'' if bound is None else f'{bound:.1f}'} | "
                  f"{'(no time limit)' if bound is None else 'yes' if holds else 'NO'} |")
    print()
    return ok


def overhead(results, tuned, wall, maximum):
    searches = [s for m in tuned for s in m["tuning"]["splits"]]
    trials = [t for s in searches for t in s["trial_log"]]
    trial_fits = sum(t["fit_seconds"] for t in trials)
    predict = sum(t["seconds"] - t["fit_seconds"] for t in trials)
    prepare = sum(s["prepare_seconds"] for s in searches)
    search_wall = sum(s["seconds"] for s in searches)
    bookkeeping = search_wall - prepare - sum(t["seconds"] for t in trials)
    final_fits = sum(m["final_fit_seconds"] for m in results["models"] if m.get("variant") in ("default", "tuned"))
    fits = trial_fits + final_fits
    outside = wall - fits
    parallel = max(m["tuning"]["parallel_trials"] for m in tuned)
    print(f"run wall time                        {wall:9.1f} s")
    print(f"trainers' own fits                   {fits:9.1f} s  {fits / wall:6.1%}  "
          f"(trials {trial_fits:.1f} s in {len(trials)} trials, final fits on all rows {final_fits:.1f} s)")
    print(f"everything else                      {outside:9.1f} s  {outside / wall:6.1%}")
    print(f"  feature preparation (inner splits) {prepare:9.1f} s")
    print(f"  predicting + scoring in trials     {predict:9.1f} s")
    print(f"  search bookkeeping                 {bookkeeping:9.1f} s  (ensemble selection, trial store, strategy)")
    print(f"  outside the searches               {wall - search_wall - final_fits:9.1f} s  "
          f"(process start, data load, folds, saving models, reports)")
    machinery = outside - predict
    print(f"everything but fits and predicting   {machinery:9.1f} s  {machinery / wall:6.1%}  (the tuning machinery itself)")
    if parallel > 1:
        print(f"note: {parallel} trials ran at once, so fit seconds overlap and the split above is not a wall-time split")
    if maximum is not None:
        holds = outside / wall < maximum
        print(f"overhead below {maximum:.0%}: {'yes' if holds else 'NO'}")
        return holds
    return True


if __name__ == "__main__":
    main()
