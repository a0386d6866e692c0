#!/usr/bin/env python3
"""Bounded load test of `mlpipe serve` on loopback: p50/p99 latency, requests/s and rows/s at a few concurrency levels.

Trains two small runs (telco churn LightGBM on all 7,043 rows; the Fashion-MNIST subset MLP), serves each with
`mlpipe serve --port 0` on 127.0.0.1, then for each case sends a fixed number of requests (each level also stops
after --max-seconds) from N client threads, each with its own keep-alive connection. Exits 1 if any request
failed or answered anything but 200. Prints a Markdown table plus the command, date, machine, load and commit.

    python3 bench/serve/serve_load.py                         # builds the CLI (Release) and runs every case
    python3 bench/serve/serve_load.py --requests 200 --levels 1,4
"""
import argparse
import base64
import csv
import datetime
import http.client
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def mlpipe_command(args):
    if args.mlpipe:
        return args.mlpipe.split()
    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "--nologo", os.path.join(ROOT, "src", "MLPipelines.Cli")],
                   check=True, stdout=subprocess.DEVNULL)
    return ["dotnet", os.path.join(ROOT, "src", "MLPipelines.Cli", "bin", "Release", "net10.0", "mlpipe.dll")]


def train(mlpipe, folder, name, body):
    spec = os.path.join(folder, name + ".yaml")
    with open(spec, "w") as f:
        f.write(f"name: serve-bench-{name}\n{body}report: {{formats: [json], feature_importance: false}}\n")
    out = os.path.join(folder, name)
    subprocess.run(mlpipe + ["run", spec, "--out", out, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    return out


class Server:
    """`mlpipe serve RUN --port 0`, its address read from the line it prints."""

    def __init__(self, mlpipe, run):
        self.process = subprocess.Popen(mlpipe + ["serve", run, "--port", "0"], stdout=subprocess.PIPE, text=True)
        deadline = time.time() + 300
        for line in self.process.stdout:
            found = re.search(r"on (http://127\.0\.0\.1:(\d+)/)", line)
            if found:
                self.port = int(found.group(2))
                break
            if time.time() > deadline:
                raise RuntimeError("mlpipe serve did not start")
        else:
            raise RuntimeError("mlpipe serve exited before listening")
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def stop(self):
        self.process.terminate()  # SIGTERM: the host stops Kestrel cleanly
        self.process.wait(timeout=30)


def telco_rows():
    with open(os.path.join(ROOT, "datasets", "telco_churn.csv"), newline="") as f:
        rows = []
        for record in csv.DictReader(f):
            row = {}
            for key, value in record.items():
                if value == "":
                    row[key] = None
                else:
                    try:
                        row[key] = float(value) if re.fullmatch(r"-?[0-9.eE+-]+", value) else value
                    except ValueError:
                        row[key] = value
            rows.append(row)
    return rows


def png_bytes(pixels, width, height):
    """A grayscale PNG (stdlib only: zlib + crc32)."""
    import struct
    import zlib
    raw = b"".join(b"\x00" + bytes(pixels[y * width:(y + 1) * width]) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def fashion_images(count):
    import gzip
    path = os.path.join(ROOT, "datasets", "fashion-mnist", "subset", "t10k-images-idx3-ubyte.gz")
    data = gzip.open(path).read()
    return [data[16 + i * 784:16 + (i + 1) * 784] for i in range(count)]


def run_case(port, path, bodies, content_type, rows_per_request, concurrency, requests, max_seconds):
    latencies, errors = [], []
    lock = threading.Lock()
    counter = iter(range(requests))
    deadline = time.time() + max_seconds

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.time() < deadline:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            body = bodies[i % len(bodies)]
            start = time.perf_counter()
            try:
                connection.request("POST", path, body=body, headers={"Content-Type": content_type})
                response = connection.getresponse()
                answer = response.read()
                elapsed = time.perf_counter() - start
                if response.status != 200 or len(json.loads(answer)["predictions"]) != rows_per_request:
                    with lock:
                        errors.append(f"{response.status}: {answer[:200]!r}")
                    continue
                with lock:
                    latencies.append(elapsed)
            except Exception as e:  # a failed request is an error of the run, counted and reported
                with lock:
                    errors.append(repr(e))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.close()

    wall = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    wall = time.perf_counter() - wall
    latencies.sort()
    done = len(latencies)
    p = lambda q: latencies[min(done - 1, int(q * done))] * 1000 if done else float("nan")
    return {"requests": done, "errors": errors, "p50_ms": p(0.50), "p99_ms": p(0.99),
            "req_s": done / wall, "rows_s": done * rows_per_request / wall}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mlpipe", help="command that runs mlpipe (default: build src/MLPipelines.Cli in Release and run its dll)")
    parser.add_argument("--levels", default="1,4,16", help="client concurrency levels (default 1,4,16)")
    parser.add_argument("--requests", type=int, default=400, help="requests per case (default 400)")
    parser.add_argument("--max-seconds", type=float, default=60, help="time cap per case (default 60)")
    parser.add_argument("--keep", help="folder to keep the runs in (default: a temporary folder, removed)")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    mlpipe = mlpipe_command(args)
    folder = args.keep or tempfile.mkdtemp(prefix="mlpipe-serve-bench-")
    os.makedirs(folder, exist_ok=True)
    subset = os.path.join(ROOT, "datasets", "fashion-mnist", "subset")
    telco = train(mlpipe, folder, "telco", f"data: {{path: '{ROOT}/datasets/telco_churn.csv', label: churn}}\n"
                  "evaluation: {method: holdout, test_fraction: 0.2, seed: 1}\n"
                  "models:\n  - {name: lightgbm, trainer: lightgbm, options: {iterations: 200, learning_rate: 0.05}}\n")
    fashion = train(mlpipe, folder, "fashion", "data:\n  kind: images\n  format: idx\n"
                    f"  train: {{images: '{subset}/train-images-idx3-ubyte.gz', labels: '{subset}/train-labels-idx1-ubyte.gz'}}\n"
                    f"  test: {{images: '{subset}/t10k-images-idx3-ubyte.gz', labels: '{subset}/t10k-labels-idx1-ubyte.gz'}}\n"
                    "evaluation: {method: test_set, seed: 1}\n"
                    "models:\n  - {name: mlp, trainer: mlp, options: {epochs: 5}}\n")
    rows = telco_rows()
    for row in rows:
        row.pop("churn")
    single = [json.dumps({"rows": [row]}).encode() for row in rows[:200]]
    batch = [json.dumps({"rows": rows[i:i + 100]}).encode() for i in range(0, 2000, 100)]
    images = [png_bytes(pixels, 28, 28) for pixels in fashion_images(200)]
    image_batch = [json.dumps({"rows": [{"image": base64.b64encode(png).decode()} for png in images[i:i + 32]]}).encode()
                   for i in range(0, 192, 32)]
    cases = [("telco lightgbm (JSON rows)", telco, "/predict", single, "application/json", 1),
             ("telco lightgbm (JSON rows)", telco, "/predict", batch, "application/json", 100),
             ("fashion mlp (PNG body)", fashion, "/predict", images, "image/png", 1),
             ("fashion mlp (base64 PNGs in JSON)", fashion, "/predict", image_batch, "application/json", 32)]
    results, failed = [], False
    servers = {}
    try:
        for name, run, path, bodies, content_type, per_request in cases:
            server = servers.get(run) or servers.setdefault(run, Server(mlpipe, run))
            run_case(server.port, path, bodies, content_type, per_request, 1, 20, 30)  # warm-up: JIT, first-request paths
            for concurrency in levels:
                r = run_case(server.port, path, bodies, content_type, per_request, concurrency, args.requests, args.max_seconds)
                results.append((name, per_request, concurrency, r))
                failed |= bool(r["errors"])
                print(f"{name}, {per_request} row(s)/request, {concurrency} client(s): {r['requests']} ok, "
                      f"{len(r['errors'])} errors, p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms, "
                      f"{r['req_s']:.0f} req/s, {r['rows_s']:.0f} rows/s", file=sys.stderr)
                for e in r["errors"][:3]:
                    print("   error:", e, file=sys.stderr)
    finally:
        for server in servers.values():
            server.stop()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    print(f"Command: python3 bench/serve/serve_load.py --levels {args.levels} --requests {args.requests}; "
          f"{datetime.date.today().isoformat()}, commit {commit}, {os.cpu_count()} cores ({cpu}), "
          f"load average {os.getloadavg()[0]:.1f} at the end")
    print()
    print("| model | rows/request | clients | requests | errors | p50 ms | p99 ms | requests/s | rows/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, per_request, concurrency, r in results:
        print(f"| {name} | {per_request} | {concurrency} | {r['requests']} | {len(r['errors'])} | {r['p50_ms']:.2f} | "
              f"{r['p99_ms']:.2f} | {r['req_s']:.0f} | {r['rows_s']:.0f} |")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
