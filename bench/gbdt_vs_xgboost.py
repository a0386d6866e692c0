#!/usr/bin/python3
"""LightGBM (through `mlpipe run`) against XGBoost on the same CSV and the same folds.

Usage: bench/gbdt_vs_xgboost.py [--csv datasets/letter.csv --label lettr] [--folds 5] [--rounds 100] [--threads 2]

Runs a temporary pipeline with `mlpipe run` (LightGBM, `rounds` boosting rounds, learning rate 0.1, 31 leaves),
reads the fold of every row from the run's out-of-fold predictions, trains XGBoost (hist, `rounds` rounds, learning
rate 0.1 and XGBoost's default 0.3, max depth 6) on exactly those folds, and prints the accuracies (mean and per
fold) side by side with their ratio to LightGBM's.
Classification only. Numeric columns go to XGBoost as numbers (missing = NaN), text columns one-hot encoded.
Installs python3-xgboost with apt-get when it is missing.
"""
import argparse
import csv
import math
import os
import subprocess
import sys
import tempfile
import time

# OpenMP threads that spin while waiting collapse under load; mlpipe sets the same for LightGBM.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MISSING = {"", "NA", "?"}


def ensure_xgboost():
    try:
        import xgboost  # noqa: F401
    except ImportError:
        subprocess.run(["apt-get", "install", "-y", "-q", "python3-xgboost", "libopenblas0-pthread"], check=True)


def read_table(path, label):
    with open(path, newline="", encoding="utf-8-sig") as f:
        sample = f.readline()
        f.seek(0)
        sep = max([",", "\t", ";"], key=sample.count)
        rows = list(csv.reader(f, delimiter=sep))
    header, rows = rows[0], [r for r in rows[1:] if r]
    y_index = header.index(label)
    kept = [r for r in rows if r[y_index].strip() not in MISSING]
    columns = []
    for c, name in enumerate(header):
        if c == y_index:
            continue
        values = [r[c].strip() for r in kept]
        def number(v):
            try:
                return float(v)
            except ValueError:
                return None
        if all(v in MISSING or number(v) is not None for v in values):
            columns.append([math.nan if v in MISSING else float(v) for v in values])
        else:
            for category in sorted({v for v in values if v not in MISSING}):
                columns.append([1.0 if v == category else 0.0 for v in values])
    labels = [r[y_index].strip() for r in kept]
    return columns, labels


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", default=os.path.join(ROOT, "datasets", "letter.csv"))
    parser.add_argument("--label", default="lettr")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    ensure_xgboost()
    import numpy as np
    import xgboost as xgb

    work = tempfile.mkdtemp(prefix="gbdt-vs-xgb-")
    spec = os.path.join(work, "bench.yaml")
    with open(spec, "w") as f:
        f.write(f"""name: gbdt-vs-xgboost
data:
  path: {os.path.abspath(args.csv)}
  label: {args.label}
evaluation:
  method: kfold
  folds: {args.folds}
  seed: {args.seed}
preprocessing: []
models:
  - {{name: lightgbm, trainer: lightgbm, options: {{iterations: {args.rounds}, learning_rate: 0.1, num_leaves: 31, threads: {args.threads}}}}}
report:
  formats: [json]
""")
    out = os.path.join(work, "run")
    cli = ["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "src", "MLPipelines.Cli"), "--"]
    start = time.time()
    subprocess.run(cli + ["run", spec, "--out", out, "--quiet"], check=True)
    mlpipe_seconds = time.time() - start
    import json
    results = json.load(open(os.path.join(out, "results.json")))
    lgbm = results["models"][0]
    lgbm_folds = lgbm["metrics"]["accuracy"]["folds"]
    fold_of_row = {}
    with open(os.path.join(out, "predictions", "lightgbm.csv"), newline="") as f:
        for record in csv.DictReader(f):
            fold_of_row[int(record["row"])] = int(record["fold"])

    columns, labels = read_table(args.csv, args.label)
    X = np.array(columns, dtype=np.float32).T
    classes = sorted(set(labels))
    y = np.array([classes.index(v) for v in labels])
    # Rows with a label, in file order, numbered from 1 like mlpipe's "row" column (missing labels were dropped).
    with open(args.csv, newline="", encoding="utf-8-sig") as f:
        sample = f.readline(); f.seek(0)
        sep = max([",", "\t", ";"], key=sample.count)
        raw = [r for r in list(csv.reader(f, delimiter=sep))[1:] if r]
    header = next(csv.reader(open(args.csv, encoding="utf-8-sig"), delimiter=sep))
    y_index = header.index(args.label)
    file_rows = [i + 1 for i, r in enumerate(raw) if r[y_index].strip() not in MISSING]
    fold = np.array([fold_of_row[r] for r in file_rows])

    def xgboost_folds(eta):
        params = {"objective": "multi:softprob" if len(classes) > 2 else "binary:logistic", "eta": eta, "max_depth": 6,
                  "tree_method": "hist", "nthread": args.threads, "seed": args.seed}
        if len(classes) > 2:
            params["num_class"] = len(classes)
        scores, seconds = [], 0.0
        for k in range(args.folds):
            train, test = fold != k, fold == k
            start = time.time()
            booster = xgb.train(params, xgb.DMatrix(X[train], label=y[train]), num_boost_round=args.rounds)
            seconds += time.time() - start
            p = booster.predict(xgb.DMatrix(X[test]))
            predicted = p.argmax(axis=1) if p.ndim == 2 else (p > 0.5).astype(int)
            scores.append(float((predicted == y[test]).mean()))
        return scores, seconds

    lgbm_mean = sum(lgbm_folds) / len(lgbm_folds)
    print(f"data: {args.csv} ({len(y)} rows, {X.shape[1]} features, {len(classes)} classes), {args.folds} folds, {args.rounds} rounds, {args.threads} threads")
    print(f"{'model':<34} {'accuracy':>9} {'ratio':>7} {'fit s':>7}  per fold")
    print(f"{'LightGBM via mlpipe (lr 0.1)':<34} {lgbm_mean:9.4f} {1:7.4f} {sum(lgbm['fit_seconds']['folds']):7.1f}  {' '.join(f'{a:.4f}' for a in lgbm_folds)}")
    for eta in (0.1, 0.3):
        scores, seconds = xgboost_folds(eta)
        mean = sum(scores) / len(scores)
        name = f"XGBoost {xgb.__version__} (eta {eta}, depth 6)"
        print(f"{name:<34} {mean:9.4f} {mean / lgbm_mean:7.4f} {seconds:7.1f}  {' '.join(f'{a:.4f}' for a in scores)}")
    print(f"ratio = accuracy / LightGBM's; whole mlpipe run incl. build {mlpipe_seconds:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
