#!/usr/bin/python3
"""External reference for the tuning benchmark: XGBoost (hist) tuned by nested random search in Python, on the
outer folds of an `mlpipe run` with tuned models, with the same number of configurations and the same protocol.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/tuning/xgboost_reference.py RUN_DIR [--configs 8] [--inner 3]

RUN_DIR is a finished run folder (results.json + predictions/); the outer fold of every row is read from its
out-of-fold predictions, the columns as the run inferred them (bench/mlp_vs_peers.py's reader: numeric as float
with NaN missing, categorical one-hot of the training fold's values). On each outer fold: a stratified inner k-fold
(k = --inner) of the outer training rows; the default configuration plus configs-1 random draws from TabArena's
XGBoost space (autogluon/tabarena models/xgboost/hpo.py; rounds searched in [50, 1000] and the learning rate in
[0.01, 0.3] because, like our LightGBM space, there is no early stopping) are each trained on every inner fold; the
configuration with the best out-of-fold primary metric gives `xgboost:tuned` (the inner models' averaged
predictions score the outer test rows, no refit), greedy ensemble selection (Caruana et al. 2004, 25 rounds with
replacement, best round kept) over every configuration's out-of-fold predictions gives `xgboost:ensembled`, and
the defaults' bag gives `xgboost`. Writes RUN_DIR/xgboost_reference.json and prints one line per variant.
Seeded (--seed, default the run's evaluation seed); threads with --threads (default 2).
"""
import argparse
import importlib.util
import json
import math
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def load_peers():
    spec = importlib.util.spec_from_file_location("mlp_vs_peers", os.path.join(ROOT, "bench", "mlp_vs_peers.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fold_plan(run_dir):
    """Outer folds as lists of 1-based data rows, from any predictions file of the run (all share the folds)."""
    import csv
    folder = os.path.join(run_dir, "predictions")
    name = sorted(os.listdir(folder))[0]
    folds = {}
    with open(os.path.join(folder, name), newline="") as f:
        for rec in csv.DictReader(f):
            folds.setdefault((int(rec["repeat"]), int(rec["fold"])), []).append(int(rec["row"]))
    return [folds[k] for k in sorted(folds)]


def draw(rng, index):
    """Configuration `index`: 0 = XGBoost's defaults (100 rounds, eta 0.3, depth 6), else a draw from the space."""
    if index == 0:
        return {}
    def log_uniform(low, high):
        return float(math.exp(rng.uniform(math.log(low), math.log(high))))
    def int_log(low, high):
        return int(min(high, max(low, round(math.exp(rng.uniform(math.log(low - 0.5), math.log(high + 0.5)))))))
    return {
        "n_estimators": int_log(50, 1000),
        "learning_rate": log_uniform(0.01, 0.3),
        "max_depth": int_log(4, 10),
        "min_child_weight": log_uniform(1e-3, 5.0),
        "subsample": float(rng.uniform(0.6, 1.0)),
        "colsample_bylevel": float(rng.uniform(0.6, 1.0)),
        "colsample_bynode": float(rng.uniform(0.6, 1.0)),
        "reg_alpha": float(rng.uniform(1e-4, 5.0)),
        "reg_lambda": float(rng.uniform(1e-4, 5.0)),
        "grow_policy": ["depthwise", "lossguide"][int(rng.integers(2))],
        "max_leaves": int_log(8, 1024),
    }


def fit_predict(np, xgb, task, k, config, x, y, xs, threads, seed):
    params = dict(tree_method="hist", n_jobs=threads, random_state=seed, **config)
    if task == "regression":
        model = xgb.XGBRegressor(**params)
        model.fit(x, y)
        return [model.predict(t).astype(np.float64) for t in xs]
    model = xgb.XGBClassifier(objective="multi:softprob" if k > 2 else "binary:logistic", **params)
    model.fit(x, y)
    return [model.predict_proba(t).astype(np.float64) for t in xs]


def score(np, task, y, p):
    """Primary metric as our runs use it: accuracy (higher better) or rmse (lower better, returned negated)."""
    if task == "regression":
        return -float(np.sqrt(np.mean((p - y) ** 2)))
    return float(np.mean(np.argmax(p, axis=1) == y))


def caruana(np, task, y, library, rounds=25):
    total = np.zeros_like(library[0])
    chosen, trajectory = [], []
    for r in range(rounds):
        scores = [score(np, task, y, (total + c) / (r + 1)) for c in library]
        best = int(np.argmax(scores))  # ties -> lower index (library is sorted best-first)
        total += library[best]
        chosen.append(best)
        trajectory.append(scores[best])
    keep = int(np.argmax(trajectory)) + 1
    counts = np.bincount(chosen[:keep], minlength=len(library))
    return counts / keep, trajectory[keep - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run_dir")
    parser.add_argument("--configs", type=int, default=8)
    parser.add_argument("--inner", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args()
    try:
        import numpy as np
        import xgboost as xgb
        from sklearn.model_selection import KFold, StratifiedKFold
    except ImportError:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-qq", "python3-xgboost", "python3-sklearn", "python3-numpy"], check=True, env=env)
        os.execv(sys.executable, [sys.executable, *sys.argv])

    peers = load_peers()
    results = json.load(open(os.path.join(args.run_dir, "results.json")))
    task = results["task"]
    classes = results["dataset"].get("classes", [])
    k = len(classes)
    seed = args.seed if args.seed is not None else results["evaluation"]["seed"]
    log_label = results["dataset"].get("label_transform") == "log"
    path = results["dataset"]["path"]
    if not os.path.isabs(path):
        path = os.path.join(ROOT, path)
    data = peers.read_table(path, results)
    folds = fold_plan(args.run_dir)
    every = sorted(r for fold in folds for r in fold)
    rng = np.random.default_rng(seed)
    configs = [draw(rng, i) for i in range(args.configs)]
    variants = {"xgboost": [], "xgboost:tuned": [], "xgboost:ensembled": []}
    started = time.perf_counter()
    for f, test_rows in enumerate(folds):
        test_set = set(test_rows)
        train_rows = [r for r in every if r not in test_set]
        (train_num, train_hot), ytr, (test_num, test_hot), yte = peers.matrices(np, data, train_rows, test_rows, task, classes, log_label)
        x, xt = np.hstack([train_num, train_hot]), np.hstack([test_num, test_hot])
        splitter = KFold(args.inner, shuffle=True, random_state=seed + f) if task == "regression" \
            else StratifiedKFold(args.inner, shuffle=True, random_state=seed + f)
        inner = list(splitter.split(x, ytr))
        oof, bags, inner_scores = [], [], []
        for config in configs:
            width = 1 if task == "regression" else k
            o = np.zeros((len(x), width)) if width > 1 else np.zeros(len(x))
            bag = np.zeros((len(xt), width)) if width > 1 else np.zeros(len(xt))
            for i, (tr, va) in enumerate(inner):
                pv, pt = fit_predict(np, xgb, task, k, config, x[tr], ytr[tr], [x[va], xt], args.threads, seed + i)
                o[va] = pv
                bag += pt / len(inner)
            oof.append(o)
            bags.append(bag)
            inner_scores.append(score(np, task, ytr, o))
        best = int(np.argmax(inner_scores))
        order = sorted(range(len(configs)), key=lambda c: (-inner_scores[c], c))
        weights, _ = caruana(np, task, ytr, [oof[c] for c in order])
        blend = sum(w * bags[c] for w, c in zip(weights, order))
        for name, p in (("xgboost", bags[0]), ("xgboost:tuned", bags[best]), ("xgboost:ensembled", blend)):
            value = score(np, task, yte, p)
            variants[name].append(-value if task == "regression" else value)
        print(f"# fold {f + 1}/{len(folds)}: chosen config {best}, inner {inner_scores[best]:.4f}, "
              f"{time.perf_counter() - started:.0f} s", flush=True)
    metric = "rmse" if task == "regression" else "accuracy"
    summary = {"metric": metric, "configs": args.configs, "inner_folds": args.inner, "seed": seed,
               "seconds": time.perf_counter() - started,
               "variants": {n: {"mean": float(np.mean(v)), "std": float(np.std(v, ddof=1)), "folds": v} for n, v in variants.items()}}
    with open(os.path.join(args.run_dir, "xgboost_reference.json"), "w") as out:
        json.dump(summary, out, indent=2)
    for name, v in summary["variants"].items():
        print(f"{results['name']}\t{metric}\t{name}\t{v['mean']:.4f}\t{v['std']:.4f}")


if __name__ == "__main__":
    main()
