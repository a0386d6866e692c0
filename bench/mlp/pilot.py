#!/usr/bin/python3
"""One MLP fit on one 80/20 holdout split (seed 7), the protocol used to choose the MLP defaults.

Usage: bench/mlp/pilot.py NAME 'OPTIONS' [--gbdt]   e.g.  bench/mlp/pilot.py diamonds 'dropout: 0, numeric_embedding: none'

Takes the data and preprocessing sections of pipelines/NAME-mlp.yaml, replaces the evaluation with a single 80/20
holdout split with seed 7 (the 5-fold comparison runs use seed 42, so the pilot split is not one of their folds),
keeps only `{name: mlp, trainer: mlp, options: {OPTIONS}}`, runs it with the Release `mlpipe` (build it first:
`dotnet build -c Release src/MLPipelines.Cli`) and prints the primary metric, the fit time, the kept epoch and
the training loop's samples/s. With --gbdt the pipeline's LightGBM and FastTree lines run on the same pilot split
too and their metric is printed after the MLP's (the reference a default is chosen against, still never the
evaluation folds). Run folders land in bench/mlp/pilot/ (ignored by git).
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, "src", "MLPipelines.Cli", "bin", "Release", "net10.0", "mlpipe")


def main():
    gbdt = "--gbdt" in sys.argv[3:]
    if len(sys.argv) not in (3, 4) or (len(sys.argv) == 4 and not gbdt):
        sys.exit(__doc__)
    name, opts = sys.argv[1], sys.argv[2]
    src = open(os.path.join(ROOT, "pipelines", f"{name}-mlp.yaml")).read()
    head = src.split("evaluation:")[0]
    pre = re.search(r"^preprocessing:.*?(?=^models:)", src, re.S | re.M)
    spec = os.path.join(ROOT, "pipelines", f".pilot-{name}.yaml")  # same folder, so ../datasets resolves
    with open(spec, "w") as f:
        f.write(head + "evaluation: {method: holdout, test_fraction: 0.2, seed: 7}\n" + (pre.group(0) if pre else "")
                + f"models:\n  - {{name: mlp, trainer: mlp, options: {{{opts}}}}}\n"
                + "".join(re.findall(r"^  - \{name: (?:lightgbm|fasttree),.*\n", src, re.M) if gbdt else [])
                + "report: {formats: [json], feature_importance: false}\n")
    tag = (re.sub(r"[^a-z0-9]+", "_", opts.lower()).strip("_")[:60] or "defaults") + ("-gbdt" if gbdt else "")
    out = os.path.join(ROOT, "bench", "mlp", "pilot", f"{name}-{tag}")
    try:
        subprocess.run([CLI, "run", spec, "--out", out, "--force", "--quiet"], check=True, stdout=subprocess.DEVNULL)
    finally:
        os.remove(spec)
    res = json.load(open(os.path.join(out, "results.json")))
    m, pm = res["models"][0], res["primary_metric"]
    t = m["folds"][0]["training_log"]["values"]
    print(f"{name:12} {opts or '(defaults)':60} {pm} {m['metrics'][pm]['folds'][0]:.4f}  fit {m['fit_seconds']['folds'][0]:.1f} s"
          f"  kept epoch {t['best_epoch']}/{t['epochs_run']}  {t['samples_per_second']:.0f} samples/s"
          + "".join(f"  {o['name']} {o['metrics'][pm]['folds'][0]:.4f}" for o in res["models"][1:]))


if __name__ == "__main__":
    main()
