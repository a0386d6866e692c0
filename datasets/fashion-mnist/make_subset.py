#!/usr/bin/python3
"""Builds the committed Fashion-MNIST subset from the full files (run fetch.sh first).

The first 200 images of each class in the training file (2,000 in all) and the first 50 of each class in the test
file (500), kept in file order, written as IDX gzip files like the originals. The gzip header holds no time or
name, so the output is the same bytes on every run. Usage: datasets/fashion-mnist/make_subset.py [FULL_DIR [OUT_DIR]]
"""
import gzip
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FULL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "full")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "subset")
CLASSES = 10


def read_idx(path, dims):
    with gzip.open(path, "rb") as f:
        data = f.read()
    zero, kind, ndim = struct.unpack(">HBB", data[:4])
    assert zero == 0 and kind == 0x08 and ndim == dims, f"{path}: not an IDX file of {dims} dimension(s)"
    shape = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return shape, data[4 + 4 * ndim:]


def write_idx(path, dims, shape, payload):
    header = struct.pack(">HBB", 0, 0x08, dims) + struct.pack(">" + "I" * len(shape), *shape)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(header + payload)


def subset(prefix, per_class, out_prefix):
    (count, rows, cols), pixels = read_idx(os.path.join(FULL, f"{prefix}-images-idx3-ubyte.gz"), 3)
    (label_count,), labels = read_idx(os.path.join(FULL, f"{prefix}-labels-idx1-ubyte.gz"), 1)
    assert count == label_count
    taken = [0] * CLASSES
    keep = []
    for i, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            keep.append(i)
    assert taken == [per_class] * CLASSES, taken
    size = rows * cols
    write_idx(os.path.join(OUT, f"{out_prefix}-images-idx3-ubyte.gz"), 3, (len(keep), rows, cols),
              b"".join(pixels[i * size:(i + 1) * size] for i in keep))
    write_idx(os.path.join(OUT, f"{out_prefix}-labels-idx1-ubyte.gz"), 1, (len(keep),), bytes(labels[i] for i in keep))
    print(f"{out_prefix}: {len(keep)} images ({per_class} per class) of {rows}x{cols} from {count}")


os.makedirs(OUT, exist_ok=True)
subset("train", 200, "train")
subset("t10k", 50, "t10k")
