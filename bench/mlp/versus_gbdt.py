#!/usr/bin/python3
"""Issue 12's accuracy check in one command: the default MLP against LightGBM and FastTree, 5-fold, seed 42.

Usage: bench/mlp/versus_gbdt.py [--tables NAME,...] [--runs DIR] [--reuse] [--lock]

For each pipelines/NAME-mlp.yaml (MLP with its defaults, LightGBM and FastTree on the same folds) it runs the Release
`mlpipe run` (build it first: `dotnet build -c Release src/MLPipelines.Cli`) into DIR/NAME (default
bench/mlp/runs/NAME, ignored by git), or reads a finished run with --reuse, and prints one row per table: the
primary metric of each model (mean over the folds), the MLP's difference to the better boosted-tree model
(percentage points of accuracy, or % of RMSE: negative = MLP better), whether that is within issue 12's target
(0.5 pp / 1% RMSE), whether the MLP beats both, and the MLP's fit seconds per fold (mean, max). --lock runs each
`mlpipe run` under `flock /tmp/mlpipe-measure.lock` (fit times are only comparable then); the load average before
each run is printed. The last lines count the tables within target and those where the MLP beats both.

The default table list is issue 12's: the seven named tables (letter, telco_churn, credit, diamonds, spam, satellite,
mlc_churn), the six unseen tables added before any TabM default was chosen (hpc_data, ames, chicago, cells,
psid7682, dna) and the earlier fresh ones never used for choices (cps1988, health_insurance, shuttle).
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, "src", "MLPipelines.Cli", "bin", "Release", "net10.0", "mlpipe")
TABLES = ("letter,telco_churn,credit,diamonds,spam,satellite,mlc_churn,"
          "hpc_data,ames,chicago,cells,psid7682,dna,cps1988,health_insurance,shuttle")


def run(name, out, reuse, lock):
    if reuse and os.path.exists(os.path.join(out, "results.json")):
        return
    load = open("/proc/loadavg").read().split()[0]
    print(f"# mlpipe run pipelines/{name}-mlp.yaml (load {load})", flush=True)
    cmd = [CLI, "run", os.path.join(ROOT, "pipelines", f"{name}-mlp.yaml"), "--out", out, "--force", "--quiet"]
    if lock:
        cmd = ["flock", "/tmp/mlpipe-measure.lock"] + cmd
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def row(name, results):
    metric = results["primary_metric"]
    models = {m["name"]: m for m in results["models"]}
    score = {n: models[n]["metrics"][metric]["mean"] for n in ("mlp", "lightgbm", "fasttree")}
    lower_better = metric in ("rmse", "mae", "log_loss")
    if lower_better:
        best = min(score["lightgbm"], score["fasttree"])
        diff = 100 * (score["mlp"] - best) / best
        within, beats = diff <= 1.0, score["mlp"] < min(score["lightgbm"], score["fasttree"])
        shown = f"{diff:+.2f}% rmse"
    else:
        best = max(score["lightgbm"], score["fasttree"])
        diff = 100 * (score["mlp"] - best)
        within, beats = diff >= -0.5, score["mlp"] > best
        shown = f"{diff:+.2f} pp"
    fit = models["mlp"]["fit_seconds"]["folds"]
    return (f"| {name} | {metric} | {score['mlp']:.4f} | {score['lightgbm']:.4f} | {score['fasttree']:.4f} | {shown} | "
            f"{'yes' if within else 'NO'} | {'yes' if beats else 'no'} | {sum(fit) / len(fit):.1f}, {max(fit):.1f} |",
            within, beats)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tables", default=TABLES)
    p.add_argument("--runs", default=os.path.join(ROOT, "bench", "mlp", "runs"))
    p.add_argument("--reuse", action="store_true")
    p.add_argument("--lock", action="store_true")
    a = p.parse_args()
    lines, within, beats = [], 0, 0
    names = [t for t in a.tables.split(",") if t]
    for name in names:
        out = os.path.join(a.runs, name)
        run(name, out, a.reuse, a.lock)
        text, w, b = row(name, json.load(open(os.path.join(out, "results.json"))))
        lines.append(text)
        within += w
        beats += b
    print("| table | metric | MLP | LightGBM | FastTree | MLP vs better GBDT | within target | beats both | MLP fit s/fold (mean, max) |")
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(lines))
    print(f"within target: {within}/{len(names)}; MLP better than both: {beats}/{len(names)} (needs >= {-(-2 * len(names) // 3)})")
    return 0 if within == len(names) and 3 * beats >= 2 * len(names) else 1


if __name__ == "__main__":
    sys.exit(main())
