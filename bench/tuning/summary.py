#!/usr/bin/python3
"""Markdown tables of the tuning benchmark (bench/tuning/run.sh OUT_DIR): per table, LightGBM, the MLP and the
XGBoost reference as defaults / tuned / tuned + ensembled (mean over the 5 outer folds), whether tuned + ensembled is
at least as good as the defaults, the optimism gap and the search's seconds per outer split; then the experiment's
aggregate views.

    /usr/bin/python3 bench/tuning/summary.py OUT_DIR
"""
import json
import os
import sys

TABLES = [("letter", "letter"), ("telco_churn", "experiment/runs/telco_churn"), ("credit", "experiment/runs/credit"),
          ("diamonds", "diamonds"), ("spam", "experiment/runs/spam"), ("satellite", "experiment/runs/satellite")]


def better(metric, a, b):
    return a < b if metric in ("rmse", "mae", "log_loss") else a > b


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "runs")
    print("| table | metric | family | default | tuned | tuned + ensembled | ensembled >= default | strictly better | optimism gap (tuned) | search s per split |")
    print("|---|---|---|---:|---:|---:|---|---|---:|---:|")
    holds, strict, rows = 0, 0, 0
    for table, folder in TABLES:
        path = os.path.join(out, folder, "results.json")
        if not os.path.exists(path):
            print(f"| {table} | (not run yet) | | | | | | | | |")
            continue
        results = json.load(open(path))
        metric = results["primary_metric"]
        models = {m["name"]: m for m in results["models"]}
        for family in ("lightgbm", "mlp"):
            d, t, e = (models[n]["metrics"][metric]["mean"] for n in (family, f"{family}:tuned", f"{family}:ensembled"))
            search = models[f"{family}:tuned"]["tuning"]["splits"]
            gap = sum(s["tuned_inner_score"] - s["tuned_outer_score"] for s in search) / len(search)
            seconds = sum(s["seconds"] for s in search) / len(search)
            ok = not better(metric, d, e)
            rows += 1
            holds += ok
            strict += better(metric, e, d)
            print(f"| {table} | {metric} | {family} | {d:.4f} | {t:.4f} | {e:.4f} | {'yes' if ok else 'NO'} | "
                  f"{'yes' if better(metric, e, d) else 'no'} | {gap:+.4f} | {seconds:.0f} |")
        reference = os.path.join(out, folder, "xgboost_reference.json")
        if os.path.exists(reference):
            x = json.load(open(reference))["variants"]
            d, t, e = (x[n]["mean"] for n in ("xgboost", "xgboost:tuned", "xgboost:ensembled"))
            print(f"| {table} | {metric} | xgboost (python, reference) | {d:.4f} | {t:.4f} | {e:.4f} | "
                  f"{'yes' if not better(metric, d, e) else 'NO'} | {'yes' if better(metric, e, d) else 'no'} | | |")
    print(f"\nLightGBM and MLP: tuned + ensembled >= defaults on {holds} of {rows} (table, family) pairs, strictly better on {strict}.")
    experiment = os.path.join(out, "experiment", "experiment.json")
    if os.path.exists(experiment):
        analysis = json.load(open(experiment))["analysis"]
        views = analysis.get("aggregates")
        ranks = dict(zip(analysis["models"], analysis["friedman"]["average_ranks"]))
        print(f"\nExperiment over {len(analysis['datasets'])} tables ({', '.join(analysis['datasets'])}), metric {analysis['metric']}:\n")
        print("| model | average rank | Elo | 95% interval | normalized score | win rate |")
        print("|---|---:|---:|---:|---:|---:|")
        if views:
            order = sorted(range(len(views["models"])), key=lambda i: -views["elo"][i]["elo"])
            for i in order:
                m, elo = views["models"][i], views["elo"][i]
                print(f"| {m} | {ranks[m]:.2f} | {elo['elo']:.0f} | [{elo['low']:.0f}, {elo['high']:.0f}] | "
                      f"{views['normalized_score'][i]:.3f} | {views['win_rate'][i]:.3f} |")
        friedman = analysis["friedman"]
        print(f"\nFriedman (Iman-Davenport) p = {friedman['iman_davenport_p_value']:.4g}; Nemenyi CD = {analysis['nemenyi']['critical_difference']:.3f}.")


if __name__ == "__main__":
    main()
