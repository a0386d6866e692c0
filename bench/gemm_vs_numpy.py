#!/usr/bin/python3
"""SGEMM GFLOP/s: our Gemm.Multiply (bench verb `gemm`, Release) beside numpy + OpenBLAS, same shapes, same run.

Usage: bench/gemm_vs_numpy.py [--rounds R] [--sizes 256,512,1024,2048] [--mlp-shapes] [--threads 1,2]

Both sides are timed the same way: half a second of warm-up, then every call timed separately for about a second
(3 s for shapes of a GFLOP or more) and the fastest call counts; ours and numpy alternate for R rounds (default 3)
and each keeps its best reading. numpy runs with the OpenBLAS kernel it auto-detects (bench/peers.py removes
OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE), prints it, and checks its product against float64 (relative error < 1e-5).
At T threads ours runs with `--threads T`; numpy runs with OPENBLAS_NUM_THREADS = every count up to T and the
fastest is the peer (so a 2-thread row never holds the peer to a thread count it is slower at). Every figure is
also a fraction of the machine's FMA peak at T threads (bench verb `peak`). At 1 thread the last column compares
flops per CPU-second of the calling thread on both sides, a figure other processes on the machine cannot depress. --mlp-shapes adds the MLP's GEMMs
(batch 256, 256 wide: forward, dY W^T, X^T dY, the 26-class output layer).
Installs python3-numpy, python3-threadpoolctl and libopenblas0-pthread with apt-get when missing (without
OpenBLAS numpy falls back to the reference BLAS, ~15x slower, which would make the comparison meaningless).
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402

# (label, m, n, k, transA, transB); the label's first word is its key on the last line
MLP_SHAPES = [
    ("mlp_fwd 256x256x256", 256, 256, 256, False, False),
    ("mlp_dx 256x256x256 B^T", 256, 256, 256, False, True),
    ("mlp_dw 256x256x256 A^T", 256, 256, 256, True, False),
    ("mlp_out 256x26x256", 256, 26, 256, False, False),
]


def window(m, n, k):
    """Seconds of timed calls per reading: longer for big shapes, whose calls are rarely left undisturbed."""
    return 3.0 if 2.0 * m * n * k >= 1e9 else 1.0


def numpy_worker(argv):
    """Child process, so OPENBLAS_NUM_THREADS is set before numpy loads OpenBLAS."""
    import numpy as np
    m, n, k, ta, tb = int(argv[0]), int(argv[1]), int(argv[2]), argv[3] == "1", argv[4] == "1"
    seconds = float(argv[5])
    rng = np.random.default_rng(42)
    a = rng.uniform(-1, 1, (k, m) if ta else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if tb else (k, n)).astype(np.float32)
    a = a.T if ta else a
    b = b.T if tb else b
    c = np.empty((m, n), dtype=np.float32)
    np.matmul(a, b, out=c)
    exact = a.astype(np.float64) @ b.astype(np.float64)
    error = float(np.max(np.abs(c - exact)) / np.max(np.abs(exact)))
    if error > 1e-5:
        sys.exit(f"OpenBLAS sgemm is wrong: relative error {error:.3g}")
    flops = 2.0 * m * n * k
    start = time.perf_counter()
    while time.perf_counter() - start < 0.5:  # warm-up, as on our side
        np.matmul(a, b, out=c)
    times = []
    start, cpu0 = time.perf_counter(), time.thread_time()
    while len(times) < 20 or time.perf_counter() - start < seconds:
        t0 = time.perf_counter()
        np.matmul(a, b, out=c)
        times.append(time.perf_counter() - t0)
    # With one OpenBLAS thread all work runs on this thread: flops per CPU-second of it ignores time the thread
    # was descheduled by other load (as the `gemm` verb's per-cpu-second figure does for ours).
    cpu_rate = flops * len(times) / (time.thread_time() - cpu0) / 1e9
    print(peers.kernel_report() + f"; max relative error vs float64 {error:.1e}")
    print(f"{flops / min(times) / 1e9:.1f} {cpu_rate:.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="256,512,1024,2048")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--mlp-shapes", action="store_true")
    args = parser.parse_args()
    peers.ensure_packages(["python3-numpy", "python3-threadpoolctl", "libopenblas0-pthread"])
    shapes = [(s, int(s), int(s), int(s), False, False) for s in args.sizes.split(",") if s]
    shapes += MLP_SHAPES if args.mlp_shapes else []
    thread_counts = [int(t) for t in args.threads.split(",")]
    with peers.measure_lock():
        peers.header("SGEMM, ours (bench verb gemm) vs numpy + OpenBLAS")
        peers.build(peers.BENCH)
        peak = peers.peak()
        print(f"# best of {args.rounds} alternating rounds; each reading = fastest call of ~1 s (3 s from 1 GFLOP) after 0.5 s warm-up")
        shown = {}
        results = []
        for label, m, n, k, ta, tb in shapes:
            for threads in thread_counts:
                def ours():
                    cmd = ["gemm", "--m", str(m), "--n", str(n), "--k", str(k), "--threads", str(threads),
                           "--seconds", str(window(m, n, k))] + (["--transA"] if ta else []) + (["--transB"] if tb else [])
                    fields, lines = peers.bench_verb(cmd)
                    cpu = next((float(f.split("=")[1]) for f in lines[-2].split() if f.startswith("per-cpu-second=")), float("nan"))
                    return float(fields["gflops"]), cpu

                def numpy(blas):
                    env = peers.peer_env(blas_threads=blas, omp_threads=blas)
                    line, kernel = peers.run_worker([os.path.abspath(__file__), "--numpy-worker", str(m), str(n), str(k),
                                                     "1" if ta else "0", "1" if tb else "0", str(window(m, n, k))], env)
                    if blas not in shown:
                        shown[blas] = (peers.describe_env(env), kernel)
                        print(f"# numpy OPENBLAS_NUM_THREADS={blas}: {peers.describe_env(env)}")
                        print(f"#   {kernel}", flush=True)
                    wall, cpu = line.split()
                    return float(wall), float(cpu)

                sides = [("ours", ours)] + [(b, (lambda b=b: numpy(b))) for b in range(1, threads + 1)]
                best = peers.alternate(sides, args.rounds)
                blas = max(range(1, threads + 1), key=lambda b: best[b][0])
                (o, o_cpu), (p, p_cpu) = best["ours"], best[blas]
                cpu_ratio = o_cpu / p_cpu if threads == 1 else float("nan")
                results.append((label, threads, o, p, blas, o_cpu if threads == 1 else None, p_cpu if threads == 1 else None))
                if len(results) == 1:
                    print(f"{'shape':<24} {'threads':>7} {'ours GFLOP/s':>13} {'of peak':>8} {'numpy GFLOP/s':>14} "
                          f"{'(blas threads)':>14} {'of peak':>8} {'ratio':>6} {'ratio per CPU-s':>16}")
                    print("-" * 121, flush=True)
                print(f"{label:<24} {threads:>7} {o:>13.1f} {peers.of_peak(o, peak[threads]):>8} {p:>14.1f} {blas:>14} "
                      f"{peers.of_peak(p, peak[threads]):>8} {o / p:>6.2f} {cpu_ratio:>16.2f}", flush=True)
        peers.footer()
        peers.record("gemm", {"peak": peak, "rounds": args.rounds, "peer_env": {b: v[0] for b, v in shown.items()},
                              "peer_kernel": {b: v[1] for b, v in shown.items()},
                              "rows": [{"shape": label, "threads": t, "ours": o, "peer": p, "peer_threads": b,
                                        "ours_per_cpu_second": oc, "peer_per_cpu_second": pc}
                                       for label, t, o, p, b, oc, pc in results]})
        print("gemm-vs-numpy " + " ".join(f"r{label.split()[0]}_t{t}={o / p:.2f}" for label, t, o, p, *_ in results)
              + " " + " ".join(f"peak_t{t}={g:.1f}" for t, g in sorted(peak.items())))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--numpy-worker":
        numpy_worker(sys.argv[2:])
    else:
        main()
