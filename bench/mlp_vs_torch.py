#!/usr/bin/python3
"""MLP training throughput: our engine (bench verb `mlp-train`, Release) beside PyTorch, same network, same run.

Network: 16 inputs -> 3 x 256 ReLU -> 26 outputs, batch 256, AdamW (lr 1e-3, weight decay 0.01), softmax
cross-entropy, on datasets/letter.csv (20,000 rows, standardized), shuffled mini-batches.
Both sides: 3 warm-up epochs (JIT tiering on ours; allocator and thread pools on PyTorch's), then 3 timed runs of
`--epochs` epochs on a fresh network, the best run counts; timing covers the epochs' loop only (shuffle, batch
gather, forward, loss, backward, optimizer step). PyTorch runs in every setting of bench/peers.py (set_num_threads
1/2 x OPENBLAS_NUM_THREADS 1/2 x ATen CPU capability default/avx512 x OpenMP wait policy at 2 threads, OpenBLAS with its auto-detected kernel) and its
best setting is the peer; ours runs with 1 and 2 threads. The sides alternate for `--rounds` rounds (default 3)
and each keeps its best reading. GFLOP/s counts the GEMM work of a training step (bench/peers.py
dense_training_flops) and is stated as a fraction of the FMA peak at the same thread count (bench verb `peak`).

Usage: bench/mlp_vs_torch.py [--rounds R] [--epochs E] [--aten default,avx512]
Last line: mlp-vs-torch ours=... torch_best=... ratio=... (key=value pairs).
Installs python3-torch, python3-threadpoolctl and libopenblas0-pthread with apt-get when missing.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402

# The whole script, and every peer worker it starts, runs without OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (AVX2 kernels
# forced on this AVX-512 CPU); its workers also get peers.peer_env / peers.torch_env.
peers.reexec_without_handicaps()

DATA = os.path.join(peers.REPO, "datasets", "letter.csv")
SIZES = [16, 256, 256, 256, 26]
BUDGET = 8.0  # seconds per timed run, checked between epochs: oversubscribed settings are ~10x slower


def load_letter():
    import numpy as np
    rows = [line.strip().split(",") for line in open(DATA).read().splitlines()[1:]]
    y = np.array([ord(r[0].strip('"')[0]) - ord("A") for r in rows], dtype=np.int64)
    x = np.array([[float(v) for v in r[1:]] for r in rows], dtype=np.float32)
    std = x.std(axis=0)
    x = (x - x.mean(axis=0)) / np.where(std > 0, std, 1)
    return x.astype(np.float32), y


def torch_worker(argv):
    """Child process: the thread and kernel variables are in its environment before torch loads."""
    import torch
    threads, epochs = int(argv[0]), int(argv[1])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x_np, y_np = load_letter()
    x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
    n, batch = x.shape[0], 256

    def train(num_epochs):
        model = torch.nn.Sequential(
            torch.nn.Linear(16, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 26))
        opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
        loss_fn = torch.nn.CrossEntropyLoss()
        start, cpu0, seen = time.perf_counter(), time.thread_time(), 0
        for epoch in range(num_epochs):
            if epoch > 0 and time.perf_counter() - start > BUDGET:
                break
            perm = torch.randperm(n)
            for i in range(0, n, batch):
                idx = perm[i:i + batch]
                opt.zero_grad(set_to_none=True)
                loss_fn(model(x[idx]), y[idx]).backward()
                opt.step()
                seen += len(idx)
        return seen / (time.perf_counter() - start), seen / (time.thread_time() - cpu0)

    train(3)  # warm-up, as ours
    runs = [train(epochs) for _ in range(3)]
    print(peers.kernel_report())
    print(f"{max(r[0] for r in runs):.0f} {max(r[1] for r in runs):.0f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--aten", default=",".join(peers.ATEN_CAPABILITIES), help="ATen capabilities to try")
    args = parser.parse_args()
    peers.ensure_packages(["python3-torch", "python3-numpy", "python3-threadpoolctl", "libopenblas0-pthread"])
    settings = peers.torch_settings(args.aten.split(","))
    with peers.measure_lock():
        peers.header("MLP training, ours (mlp-train) vs PyTorch: 16 -> 3x256 ReLU -> 26, batch 256, AdamW, softmax CE, letter.csv")
        peers.build(peers.BENCH)
        peak = peers.peak()
        flops = peers.dense_training_flops(SIZES)
        print(f"# {flops / 1e6:.3f} MFLOP of GEMM work per training sample; best of {args.rounds} alternating rounds", flush=True)
        kernels = {}

        def ours(threads):
            fields, _ = peers.bench_verb(["mlp-train", "--data", DATA, "--epochs", str(args.epochs),
                                          "--threads", str(threads), "--repeats", "3"])
            return float(fields["samples_per_sec"]), float(fields["cpu_samples_per_sec"])

        def torch_side(setting):
            env = peers.torch_env(setting)
            line, kernel = peers.run_worker([os.path.abspath(__file__), "--torch-worker", str(setting[0]), str(args.epochs)], env)
            kernels[setting] = (kernel, peers.describe_env(env))
            wall, cpu = line.split()
            return float(wall), float(cpu)

        sides = [(("ours", t), (lambda t=t: ours(t))) for t in (1, 2)]
        sides += [(s, (lambda s=s: torch_side(s))) for s in settings]

        def report(r, best):
            print(f"# round {r}: " + ", ".join(f"{k[0]} {k[1]}t {v[0]:.0f}" if k[0] == "ours" else f"{peers.setting_key(k)} {v[0]:.0f}"
                                             for k, v in best.items()), flush=True)

        best = peers.alternate(sides, args.rounds, report)
        torch_best = {s: best[s] for s in settings}
        top = max(torch_best, key=lambda s: torch_best[s][0])
        print(f"# peer best: {peers.setting_name(top)}")
        print(f"#   {kernels[top][1]}")
        print(f"#   {kernels[top][0]}")
        header = f"{'runner':<44} {'samples/s':>10} {'GFLOP/s':>8} {'of peak':>8} {'vs torch best':>14}"
        print(header)
        print("-" * len(header))
        ref = torch_best[top][0]

        def row(name, rate, threads):
            gflops = rate * flops / 1e9
            print(f"{name:<44} {rate:>10.0f} {gflops:>8.1f} {peers.of_peak(gflops, peak[threads]):>8} {rate / ref:>14.2f}")

        for s in settings:
            row(peers.setting_name(s), torch_best[s][0], max(s[0], s[1]))
        for t in (1, 2):
            row(f"ours (MLPipelines.Neural) threads={t}", best[("ours", t)][0], t)
        ours_cpu, torch_cpu = best[("ours", 1)][1], max(torch_best[s][1] for s in settings if s[:2] == (1, 1))
        print(f"single thread, samples per CPU-second: ours {ours_cpu:.0f}, pytorch {torch_cpu:.0f}, ratio {ours_cpu / torch_cpu:.2f}")
        t_ours = max((1, 2), key=lambda t: best[("ours", t)][0])
        o = best[("ours", t_ours)][0]
        peers.footer()
        peers.record("mlp", {"peak": peak, "flops_per_sample": flops, "rounds": args.rounds,
                             "ours": {t: best[("ours", t)][0] for t in (1, 2)},
                             "torch": {peers.setting_key(s): torch_best[s][0] for s in settings},
                             "torch_best": peers.setting_key(top), "torch_threads": max(top[0], top[1]),
                             "peer_env": kernels[top][1], "peer_kernel": kernels[top][0],
                             "cpu_1thread": {"ours": ours_cpu, "torch": torch_cpu}})
        print(f"mlp-vs-torch ours={o:.0f} ours_threads={t_ours} ours_2threads={best[('ours', 2)][0]:.0f} "
              f"torch_best={ref:.0f} torch_best_setting={peers.setting_key(top)} "
              f"ratio={o / ref:.2f} ratio_2threads={best[('ours', 2)][0] / ref:.2f} "
              f"ours_of_peak={peers.of_peak(o * flops / 1e9, peak[t_ours])} "
              f"torch_of_peak={peers.of_peak(ref * flops / 1e9, peak[max(top[0], top[1])])} "
              f"cpu_ratio_1thread={ours_cpu / torch_cpu:.2f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--torch-worker":
        torch_worker(sys.argv[2:])
    else:
        main()
