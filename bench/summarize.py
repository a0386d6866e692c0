#!/usr/bin/python3
"""Turns the figures bench/measure.sh wrote (DIR/*.json, one per script, via bench/peers.py `record`) into the
Markdown tables of docs/benchmarks.md, each with its command, date, machine, load, peer environment and kernel.

Usage: bench/summarize.py DIR      (e.g. bench/results/20261202-031500)
Paste the sections over the matching ones in docs/benchmarks.md.
"""
import glob
import json
import os
import sys


def load(folder, name):
    path = os.path.join(folder, f"{name}.json")
    return json.load(open(path)) if os.path.exists(path) else None


def when(r):
    m = r["machine"]
    return (f"Measured {m['date']} on {m['cpu']} ({m['cores']} cores, {m['isa']}), commit {m['commit']}; load average "
            f"{m['load']} at the start, {r['load_at_end']} at the end (1/5/15 min).")


def peer_lines(r):
    env, kernel = r.get("peer_env"), r.get("peer_kernel")
    if isinstance(env, dict):  # one per OpenBLAS thread count
        return " ".join(peer_lines({"peer_env": env[k], "peer_kernel": kernel[k]}) for k in sorted(env))
    return f"Peer environment: `{env.replace('env: ', '')}`; kernels: `{(kernel or '').replace('# kernel: ', '')}`."


def frac(gflops, peak):
    return f"{gflops / peak:.2f}"


def peak_section(r):
    m = r["machine"].get("peak_measured", {})
    per_core = m.get("per_core", r["peak"]["1"])
    two = m.get("threads2")
    print(f"FMA peak (`dotnet run -c Release --project bench/MLPipelines.Bench -- peak`): **{per_core:.1f} GFLOP/s per core**"
          + (f"; 2 threads measured {two:.1f} GFLOP/s" if two else "") + f" (2 x per core = {2 * per_core:.1f} is the bound used "
          "for 2-thread fractions). " + when(r))
    print()


def gemm_section(r):
    peak = r["peak"]
    print("| size | threads | ours GFLOP/s | of peak | OpenBLAS GFLOP/s (its threads) | of peak | ours / OpenBLAS | same, per CPU-second |")
    print("|---|---|---|---|---|---|---|---|")
    for row in r["rows"]:
        p = peak[str(row["threads"])]
        oc, pc = row.get("ours_per_cpu_second"), row.get("peer_per_cpu_second")
        cpu = f"{oc:.1f} / {pc:.1f} = {oc / pc:.2f}" if oc and pc else ""
        print(f"| {row['shape']} | {row['threads']} | {row['ours']:.1f} | {frac(row['ours'], p)} | {row['peer']:.1f} "
              f"({row['peer_threads']}) | {frac(row['peer'], p)} | **{row['ours'] / row['peer']:.2f}** | {cpu} |")
    print()
    print(f"`/usr/bin/python3 bench/gemm_vs_numpy.py --rounds {r['rounds']}` (numpy + OpenBLAS: each call timed, fastest "
          f"call of 1-3 s after 0.5 s warm-up, best of {r['rounds']} alternating rounds). {when(r)} {peer_lines(r)}")
    print()


def throughput_section(r, unit, flops_key, command):
    peak, flops = r["peak"], r[flops_key]
    torch = r["torch"]
    best = torch[r["torch_best"]]
    tp = peak[str(r["torch_threads"])]
    print(f"| runner | {unit}/s | GFLOP/s | of peak | vs PyTorch's best |")
    print("|---|---|---|---|---|")
    print(f"| PyTorch, best setting ({r['torch_best']}) | {best:,.0f} | {best * flops / 1e9:.1f} | "
          f"{frac(best * flops / 1e9, tp)} | 1.00 |")
    for t in ("1", "2"):
        v = r["ours"][t]
        print(f"| ours, {t} thread{'s' if t == '2' else ''} | {v:,.0f} | {v * flops / 1e9:.1f} | "
              f"{frac(v * flops / 1e9, peak[t])} | **{v / best:.2f}** |")
    print()
    others = ", ".join(f"{k} {v:,.0f}" for k, v in torch.items() if k != r["torch_best"])
    cpu = r.get("cpu_1thread")
    print(f"`{command}`. {when(r)} PyTorch's other settings ({unit}/s): {others}."
          + (f" Single thread, {unit} per CPU-second of the main thread (load cannot depress it): ours {cpu['ours']:,.0f}, "
             f"PyTorch {cpu['torch']:,.0f} ({cpu['ours'] / cpu['torch']:.2f}x)." if cpu else "") + f" {peer_lines(r)}")
    print()


def cold_section(r):
    peak, flops = r["peak"], r["flops_per_sample"]
    best = r["torch"][r["torch_best"]]
    tp = peak[str(r["torch_threads"])]
    g = lambda v: v * flops / 1e9  # noqa: E731
    print("| figure | ours | PyTorch's best loop | ratio | ours of peak | PyTorch of peak |")
    print("|---|---|---|---|---|---|")
    print(f"| training loop, cold `mlpipe run` (one holdout fit), samples/s | {r['cold_loop']:,.0f} | {best:,.0f} | "
          f"**{r['cold_loop'] / best:.2f}** | {frac(g(r['cold_loop']), peak['2'])} | {frac(g(best), tp)} |")
    print(f"| whole ML.NET fit, cold, seconds | {r['cold_fit_s']:.2f} | {r['torch_loop_s']:.2f} (loop) | "
          f"**{r['cold_fit_s'] / r['torch_loop_s']:.2f}x its time** | | |")
    print(f"| training loop, warm (k-fold, folds 2-5), samples/s | {r['warm_loop']:,.0f} | {best:,.0f} | "
          f"{r['warm_loop'] / best:.2f} | {frac(g(r['warm_loop']), peak['2'])} | |")
    print(f"| whole fit, warm, samples/s | {r['warm_fit_rate']:,.0f} | {best:,.0f} | {r['warm_fit_rate'] / best:.2f} | | |")
    print()
    print(f"`/usr/bin/python3 bench/mlp/speed_vs_torch.py --rounds {r['rounds']}` ({r['rows']:,} training rows of letter, "
          f"{r['epochs']} epochs; PyTorch's best setting {r['torch_best']}). {when(r)} {peer_lines(r)}")
    print()


def gbdt_section(r):
    l = r["lightgbm"]
    print("| model | accuracy | ratio to LightGBM | fit s (5 folds) | per fold |")
    print("|---|---|---|---|---|")
    print(f"| LightGBM via mlpipe (learning rate 0.1, 31 leaves, {r['threads']} threads) | {l['accuracy']:.4f} | 1.0000 | "
          f"{l['fit_s']:.1f} | {' '.join(f'{a:.4f}' for a in l['folds'])} |")
    for x in r["xgboost"]:
        wait = f", {x['omp_wait']}" if x["omp_wait"] != "default" else ""
        print(f"| XGBoost {r['xgboost_version']} (eta {x['eta']}, depth 6, hist; best: nthread {x['nthread']}{wait}) | "
              f"{x['accuracy']:.4f} | {x['accuracy'] / l['accuracy']:.4f} | {x['fit_s']:.1f} | {' '.join(f'{a:.4f}' for a in x['folds'])} |")
    print()
    print(f"`/usr/bin/python3 bench/gbdt_vs_xgboost.py --repeats {r['repeats']}` ({r['csv']}, {r['folds']} folds, "
          f"{r['rounds']} rounds). {when(r)} {peer_lines(r)}")
    print()


def xgboost_section(r):
    print("| table | nthread | largest OOF difference (not bit-identical) | python s/fold | mlpipe booster | mlpipe trainer Fit | mlpipe fit | "
          "python CPU s/fold | mlpipe trainer Fit CPU | OMP_WAIT_POLICY (both sides, per round) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for x in r["rows"]:
        def ratio(key, reference="python_s"):
            ratios = sorted(a / b for a, b in zip(x[key], x[reference]))
            return f"{ratios[len(ratios) // 2]:.2f}x"
        median = sorted(x["python_s"])[len(x["python_s"]) // 2]
        median_cpu = sorted(x["python_cpu_s"])[len(x["python_cpu_s"]) // 2]
        print(f"| {x['table']} ({x['task']}) | {x['nthread']} | {x['largest_difference']:.2g} ({x['not_identical']}) | {median:.2f} | {ratio('booster')} | "
              f"{ratio('trainer')} | {ratio('fit')} | {median_cpu:.2f} | {ratio('trainer_cpu', 'python_cpu_s')} | "
              f"{' '.join(x.get('omp_wait', ['PASSIVE (forced by the script then)']))} |")
    print()
    print(f"`/usr/bin/python3 bench/xgboost_vs_python.py --repeats {r['repeats']}` (python3-xgboost {r['xgboost_version']}, "
          f"{r['folds']} folds, {r['rounds']} rounds; ratios are medians over folds of mlpipe / python). {when(r)}")
    print()


def accuracy_section(folder):
    files = sorted(glob.glob(os.path.join(folder, "accuracy_*.json")))
    if not files:
        return
    print("| dataset | metric | model | mean | std | vs best GBDT | fit s/fold | thread setting | measured (load at start) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for path in files:
        r = json.load(open(path))
        for row in r["rows"]:
            print(f"| {r['dataset']} | {r['metric']} | {row['model']} | {row['mean']:.4f} | {row['std']:.4f} | "
                  f"{row['vs_best_gbdt']} | {row['fit_s']:.1f} | {row['setting']} | {r['machine']['date']} ({r['machine']['load']}) |")
    print()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    gemm = load(folder, "gemm")
    if gemm:
        print("### Machine peak\n")
        peak_section(gemm)
        print("### SGEMM against numpy + OpenBLAS\n")
        gemm_section(gemm)
    mlp = load(folder, "mlp")
    if mlp:
        print("### MLP training against PyTorch\n")
        throughput_section(mlp, "samples", "flops_per_sample", f"/usr/bin/python3 bench/mlp_vs_torch.py --rounds {mlp['rounds']}")
    cold = load(folder, "mlp_cold")
    if cold:
        print("### `mlpipe run` training against PyTorch\n")
        cold_section(cold)
    for arch in ("default", "reference"):
        cnn = load(folder, f"cnn_{arch}")
        if cnn:
            print(f"### CNN training ({arch} network) against PyTorch\n")
            throughput_section(cnn, "images", "flops_per_image",
                               f"/usr/bin/python3 bench/cnn_vs_torch.py --arch {arch} --rounds {cnn['rounds']}")
    gbdt = load(folder, "gbdt")
    if gbdt:
        print("### LightGBM against XGBoost on the same folds\n")
        gbdt_section(gbdt)
    xgboost = load(folder, "xgboost")
    if xgboost:
        print("### `trainer: xgboost` against python3-xgboost on the same folds\n")
        xgboost_section(xgboost)
    accuracy_section(folder)


if __name__ == "__main__":
    main()
