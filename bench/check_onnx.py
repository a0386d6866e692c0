#!/usr/bin/env bash
""":"
# Runs onnx.checker on ONNX files (default: the trained benchmark MLP and a network using every exportable layer,
# both written by the mlp-train bench verb). Installs python3-onnx if missing.
# Usage: bench/check_onnx.py [model.onnx]
exec /usr/bin/python3 "$0" "$@"
":"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ensure_onnx():
    try:
        import onnx  # noqa: F401
    except ImportError:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-q", "python3-onnx"], check=True, env=env)


def main():
    ensure_onnx()
    import onnx

    if len(sys.argv) > 1:
        paths = sys.argv[1:]
    else:
        paths = ["/tmp/mlpipelines_mlp.onnx", "/tmp/mlpipelines_all_layers.onnx"]
        subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "bench/MLPipelines.Bench"), "--",
                        "mlp-train", "--data", os.path.join(ROOT, "datasets/letter.csv"), "--epochs", "1", "--repeats", "1",
                        "--onnx-out", paths[0], "--onnx-all-layers", paths[1]], check=True, stdout=subprocess.DEVNULL)
    for path in paths:
        model = onnx.load(path)
        onnx.checker.check_model(model, full_check=True)
        outs = [(o.name, [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim]) for o in model.graph.output]
        ops = sorted({n.op_type for n in model.graph.node})
        print(f"onnx.checker: OK {path} ir_version={model.ir_version} opset={model.opset_import[0].version} ops={ops} outputs={outs}")


if __name__ == "__main__":
    main()
