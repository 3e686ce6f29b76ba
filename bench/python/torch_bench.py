"""The PyTorch side of nagare's bench: a child process that prepares and times cases on request.

The bench (bench/src/libs/pytorch.ts) starts `python3 torch_bench.py THREADS` and speaks JSON
lines: one request on stdin, one reply on stdout. Replies are {"ok": true, ...} or
{"ok": false, "error": "..."}.

  {"op": "hello"}                          -> torch version, threads, BLAS
  {"op": "prepare", "spec": {...}, "data": {"path": ..., "arrays": [...]}}
                                           -> {"case": id}
  {"op": "run", "case": id, "count": n}    -> {"seconds": s}, the time of n runs by this
                                              process's clock, so the round trip is not counted
  {"op": "dispose", "case": id}            -> {}

`spec` is the bench's CaseSpec. For the training suites the bench sends the mini-batches it trains
nagare and tfjs on: a file of raw native-endian arrays, one after another, described by `arrays`
({"name", "dtype": "float32" | "int32", "shape"}). Other cases make their own random inputs, whose
values do not matter to the timing.
"""

import itertools
import json
import re
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

LEARNING_RATE = 1e-3


def blas_library():
    """The BLAS shared library this process has mapped after a matmul, or None.

    torch's own BLAS_INFO says "generic" on Debian, where torch links the system libblas.so.3,
    whichever implementation the alternatives point it at; the mapped file says which one runs.
    """
    a = torch.ones(64, 64)
    torch.mm(a, a)
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "/" in line}
    except OSError:
        return None
    optimised = ("openblas", "mkl", "blis")

    def rank(path):
        # An optimised library named by its file first, then one named by its directory.
        name = path.rsplit("/", 1)[-1]
        return (not any(o in name for o in optimised), not any(o in path for o in optimised), path)

    candidates = [p for p in paths if "blas" in p.rsplit("/", 1)[-1] or "mkl" in p]
    return min(candidates, key=rank, default=None)


def blas_info():
    """The BLAS_INFO build setting from torch.__config__.show(), or None."""
    match = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    return match.group(1) if match else None


def read_arrays(data):
    """The arrays of a prepare request's data file, by name, as tensors of their shapes."""
    if not data:
        return {}
    dtypes = {"float32": torch.float32, "int32": torch.int32}
    with open(data["path"], "rb") as file:
        raw = bytearray(file.read())
    arrays = {}
    offset = 0
    for array in data["arrays"]:
        size = 1
        for extent in array["shape"]:
            size *= extent
        values = torch.frombuffer(raw, dtype=dtypes[array["dtype"]], count=size, offset=offset)
        arrays[array["name"]] = values.reshape(array["shape"]).clone()
        offset += size * 4
    return arrays


def mlp(*widths):
    """A ReLU MLP of Linear layers of these widths, as nagare's Sequential builds it."""
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def lenet5():
    """LeNet-5 with ReLU and max-pool, layer for layer as bench/src/libs/nagare-train.ts builds it."""
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120),
        nn.ReLU(),
        nn.Linear(120, 84),
        nn.ReLU(),
        nn.Linear(84, 10),
    )


def training_step(model, batches):
    """One Adam step per call (forward, cross-entropy, backward, step, zero grad), cycling the batches."""
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    state = {"step": 0}

    def run():
        x, y = batches[state["step"] % len(batches)]
        state["step"] += 1
        F.cross_entropy(model(x), y).backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)

    return run


def train_case(spec, arrays):
    """The `train` suite: MNIST batches the bench sent, on the MLP or LeNet-5."""
    batch = spec["batchSize"]
    shape = (batch, 784) if spec["model"] == "mlp" else (batch, 1, 28, 28)
    images, labels = arrays["images"], arrays["labels"].long()
    batches = [(images[k].reshape(shape), labels[k]) for k in range(images.shape[0])]
    model = mlp(784, 256, 128, 10) if spec["model"] == "mlp" else lenet5()
    return training_step(model, batches)


def small_case(spec, arrays):
    """The `small` suite's hand-written loop on the 2-64-64-2 MLP and the two-spiral batches sent."""
    if spec["loop"] != "loop":
        raise ValueError("PyTorch has no fit(): compare its hand-written loop")
    points, labels = arrays["points"], arrays["labels"].long()
    batches = [(points[k], labels[k]) for k in range(points.shape[0])]
    return training_step(mlp(2, 64, 64, 2), batches)


ELEMENTWISE = {
    "add": torch.add,
    "relu": lambda a, _b: torch.relu(a),
    "exp": lambda a, _b: torch.exp(a),
    "sum": lambda a, _b: torch.sum(a),
}


def make_case(spec, arrays):
    """A function doing one run of the case; each op's result is dropped, so it is freed each run."""
    torch.manual_seed(0)
    suite = spec["suite"]
    if suite == "matmul":
        a, b = torch.randn(spec["n"], spec["n"]), torch.randn(spec["n"], spec["n"])
        return lambda: torch.matmul(a, b)
    if suite == "conv":
        x = torch.randn(*spec["input"])
        w = torch.randn(spec["outChannels"], spec["input"][1], 3, 3)
        return lambda: F.conv2d(x, w, padding=1)
    if suite in ("elementwise", "dispatch"):
        a, b = torch.randn(spec["size"]), torch.randn(spec["size"])
        op = ELEMENTWISE[spec.get("op", "add")]
        return lambda: op(a, b)
    if suite == "train":
        return train_case(spec, arrays)
    if suite == "small":
        return small_case(spec, arrays)
    raise ValueError(f"unknown suite {suite!r}")


def time_runs(run, count):
    """Seconds that `count` back-to-back runs take."""
    start = time.perf_counter()
    for _ in range(count):
        run()
    return time.perf_counter() - start


def handle(request, cases, ids):
    op = request["op"]
    if op == "hello":
        return {
            "torch": torch.__version__,
            "python": sys.version.split()[0],
            "threads": torch.get_num_threads(),
            "blasInfo": blas_info(),
            "blasLibrary": blas_library(),
        }
    if op == "prepare":
        case = next(ids)
        cases[case] = make_case(request["spec"], read_arrays(request.get("data")))
        return {"case": case}
    if op == "run":
        return {"seconds": time_runs(cases[request["case"]], request["count"])}
    if op == "dispose":
        cases.pop(request["case"], None)
        return {}
    raise ValueError(f"unknown request {op!r}")


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    torch.set_num_threads(threads)
    cases = {}
    ids = itertools.count(1)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            reply = {"ok": True, **handle(json.loads(line), cases, ids)}
        except Exception as error:  # every failure goes back to the bench as that case's reason
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
