#!/usr/bin/python3
"""Writes the synthetic fixtures under bench/stats/fixtures/ (seeded, so re-running reproduces them byte for byte).

The fold numbers imitate real runs: accuracies are counts over 200-row test folds (so equal folds happen), log
losses and RMSEs carry four decimals, and the models share a per-fold difficulty (paired designs).
Demšar's Table 6 is typed in from the paper, not generated.
"""
import json
import pathlib
import re

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent / "fixtures"


def kfold_run():
    rng = np.random.default_rng(20060101)
    folds, repeats, rows = 5, 2, 200
    runs = folds * repeats
    difficulty = rng.normal(0, 0.015, runs)
    models = [("lightgbm", "lightgbm", 0.885), ("fasttree", "fasttree", 0.878),
              ("mlp", "mlp", 0.884), ("linear", "sdca", 0.842)]
    out = []
    for name, trainer, skill in models:
        p = np.clip(skill + difficulty + rng.normal(0, 0.008, runs), 0, 1)
        acc = rng.binomial(rows, p) / rows
        loss = np.round(-np.log(np.clip(acc, 1e-3, 1)) * 1.6 + rng.normal(0, 0.01, runs), 4)
        out.append({"name": name, "trainer": trainer, "metrics": {
            "accuracy": {"folds": [float(x) for x in acc]},
            "log_loss": {"folds": [float(x) for x in loss]}}})
    return {"name": "synthetic-kfold", "task": "binary", "primary_metric": "accuracy",
            "evaluation": {"method": "kfold", "folds": folds, "repeats": repeats, "seed": 42},
            "report": {"baseline": "lightgbm"}, "models": out}


def holdout_run():
    rng = np.random.default_rng(42)
    repeats = 8
    noise = rng.normal(0, 0.05, repeats)
    models = [("lightgbm", "lightgbm", 0.52), ("mlp", "mlp", 0.55), ("linear", "sdca", 0.71)]
    out = []
    for name, trainer, level in models:
        rmse = np.round(level + noise + rng.normal(0, 0.015, repeats), 4)
        r2 = np.round(1 - (rmse / 1.1) ** 2, 4)
        out.append({"name": name, "trainer": trainer, "metrics": {
            "rmse": {"folds": [float(x) for x in rmse]}, "r2": {"folds": [float(x) for x in r2]}}})
    return {"name": "synthetic-holdout", "task": "regression", "primary_metric": "rmse",
            "evaluation": {"method": "holdout", "repeats": repeats, "test_fraction": 0.25, "seed": 7},
            "report": {"baseline": "lightgbm"}, "models": out}


def edge_run():
    base = [0.80, 0.82, 0.79, 0.85, 0.81]
    return {"name": "edge-cases", "task": "binary", "primary_metric": "accuracy",
            "evaluation": {"method": "kfold", "folds": 5, "repeats": 1, "seed": 1},
            "report": {"baseline": "base"}, "models": [
                {"name": "base", "trainer": "lightgbm", "metrics": {"accuracy": {"folds": base}}},
                {"name": "same", "trainer": "fasttree", "metrics": {"accuracy": {"folds": list(base)}}},
                {"name": "plus_two", "trainer": "mlp", "metrics": {"accuracy": {"folds": [round(x + 0.02, 10) for x in base]}}},
                {"name": "noisy", "trainer": "sdca", "metrics": {"accuracy": {"folds": [0.81, 0.80, 0.82, 0.83, 0.80]}}}]}


def demsar_table6():
    # Demšar (2006), Table 6: AUC of C4.5 with and without tuned m and cf on 14 UCI datasets.
    datasets = ["adult (sample)", "breast cancer", "breast cancer wisconsin", "cmc", "ionosphere", "iris",
                "liver disorders", "lung cancer", "lymphography", "mushroom", "primary tumor", "rheum",
                "voting", "wine"]
    values = [[0.763, 0.768, 0.771, 0.798], [0.599, 0.591, 0.590, 0.569], [0.954, 0.971, 0.968, 0.967],
              [0.628, 0.661, 0.654, 0.657], [0.882, 0.888, 0.886, 0.898], [0.936, 0.931, 0.916, 0.931],
              [0.661, 0.668, 0.609, 0.685], [0.583, 0.583, 0.563, 0.625], [0.775, 0.838, 0.866, 0.875],
              [1.000, 1.000, 1.000, 1.000], [0.940, 0.962, 0.965, 0.962], [0.619, 0.666, 0.614, 0.669],
              [0.972, 0.981, 0.975, 0.975], [0.957, 0.978, 0.946, 0.970]]
    return {"name": "demsar2006-table6", "metric": "auc", "direction": "higher",
            "models": ["C4.5", "C4.5+m", "C4.5+cf", "C4.5+m+cf"], "datasets": datasets, "values": values,
            "paper": {"note": "The paper's ranks (3.143, 2.000, 2.893, 1.964) break the voting tie 0.975/0.975 "
                              "as C4.5+cf 3rd, C4.5+m+cf 2nd; with that tie broken it reports chi2_F = 9.28, "
                              "F_F = 3.69, CD(0.05) = 1.25.",
                      "average_ranks": [3.143, 2.000, 2.893, 1.964], "chi_square": 9.28, "iman_davenport_f": 3.69,
                      "critical_difference": 1.25}}


def rmse_matrix():
    rng = np.random.default_rng(5)
    models = ["lightgbm", "fasttree", "fastforest", "mlp", "sdca", "lbfgs"]
    skill = np.array([0.0, 0.02, 0.05, 0.01, 0.15, 0.16])
    datasets = [f"dataset{i:02d}" for i in range(1, 13)]
    values = []
    for _ in datasets:
        level = rng.uniform(0.3, 3.0)
        row = np.round(level * (1 + skill + rng.normal(0, 0.03, len(models))), 2)
        values.append([float(x) for x in row])
    return {"name": "synthetic-rmse", "metric": "rmse", "direction": "lower",
            "models": models, "datasets": datasets, "values": values}


def experiment():
    """Four datasets x four models, 10-fold, accuracy: the Weka Experimenter's multi-dataset v/* table case."""
    rng = np.random.default_rng(2006)
    skills = {"iris-like": (0.95, 0.94, 0.96, 0.90), "letter-like": (0.93, 0.90, 0.94, 0.70),
              "credit-like": (0.76, 0.77, 0.74, 0.75), "telco-like": (0.80, 0.80, 0.79, 0.81)}
    names = [("lightgbm", "lightgbm"), ("fasttree", "fasttree"), ("mlp", "mlp"), ("linear", "sdca")]
    datasets = []
    for dataset, levels in skills.items():
        difficulty = rng.normal(0, 0.01, 10)
        models = []
        for (name, trainer), level in zip(names, levels):
            p = np.clip(level + difficulty + rng.normal(0, 0.006, 10), 0, 1)
            acc = rng.binomial(300, p) / 300
            models.append({"name": name, "trainer": trainer, "metrics": {"accuracy": {"folds": [round(float(x), 6) for x in acc]}}})
        datasets.append({"name": dataset, "evaluation": {"method": "kfold", "folds": 10, "repeats": 1, "seed": 1},
                         "models": models})
    return {"name": "synthetic-experiment", "metric": "accuracy", "baseline": "lightgbm", "datasets": datasets}


def compact(text):
    """Puts every list of plain numbers on one line, so a fold vector reads as one row."""
    return re.sub(r"\[\s*([-0-9.e,\s]+?)\s*\]", lambda m: "[" + ", ".join(m.group(1).split()).replace(",,", ",") + "]", text)


def main():
    OUT.mkdir(exist_ok=True)
    for file, content in [("run_kfold.json", kfold_run()), ("run_holdout.json", holdout_run()),
                          ("run_edge.json", edge_run()), ("matrix_demsar2006.json", demsar_table6()),
                          ("matrix_rmse.json", rmse_matrix()), ("experiment_four.json", experiment())]:
        (OUT / file).write_text(compact(json.dumps(content, indent=1)) + "\n")
        print("wrote", OUT / file)


if __name__ == "__main__":
    main()
