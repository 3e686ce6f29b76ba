"""Activation fixtures: values and derivatives on a grid through every kink, plus axis-wise ones."""

import torch
import torch.nn.functional as F

from .common import encode, randn

# A grid over [−7, 7] that contains every kink of every activation below: 0, ±0.5 (shrinks),
# ±1 (hardtanh), ±3 (hardsigmoid, hardswish), 6 (relu6), 0.25 (threshold), and the softplus
# switch βx = threshold (x = 1 for β = 2, threshold = 2).
KINKS = [0.0, 0.5, -0.5, 1.0, -1.0, 3.0, -3.0, 6.0, 0.25, 2.0, -2.0]
GRID = sorted(set([round(-7 + 0.5 * i, 10) for i in range(29)] + KINKS))

# (nagare op, options as nagare names them, the PyTorch function)
ELEMENTWISE = [
    ("relu", {}, F.relu),
    ("leakyRelu", {"negativeSlope": 0.01}, lambda x: F.leaky_relu(x, 0.01)),
    ("leakyRelu", {"negativeSlope": 0.2}, lambda x: F.leaky_relu(x, 0.2)),
    ("elu", {"alpha": 1.0}, lambda x: F.elu(x, 1.0)),
    ("elu", {"alpha": 2.5}, lambda x: F.elu(x, 2.5)),
    ("selu", {}, F.selu),
    ("celu", {"alpha": 1.0}, lambda x: F.celu(x, 1.0)),
    ("celu", {"alpha": 0.5}, lambda x: F.celu(x, 0.5)),
    ("sigmoid", {}, torch.sigmoid),
    ("tanh", {}, torch.tanh),
    ("logSigmoid", {}, F.logsigmoid),
    ("softplus", {}, F.softplus),
    ("softplus", {"beta": 2, "threshold": 2}, lambda x: F.softplus(x, beta=2, threshold=2)),
    ("softsign", {}, F.softsign),
    ("gelu", {}, F.gelu),
    ("gelu", {"approximate": "tanh"}, lambda x: F.gelu(x, approximate="tanh")),
    ("silu", {}, F.silu),
    ("mish", {}, F.mish),
    ("hardSigmoid", {}, F.hardsigmoid),
    ("hardSwish", {}, F.hardswish),
    ("hardtanh", {}, F.hardtanh),
    ("hardtanh", {"minVal": -2, "maxVal": 3}, lambda x: F.hardtanh(x, -2.0, 3.0)),
    ("relu6", {}, F.relu6),
    ("hardshrink", {}, F.hardshrink),
    ("hardshrink", {"lambd": 1}, lambda x: F.hardshrink(x, 1.0)),
    ("softshrink", {}, F.softshrink),
    ("softshrink", {"lambd": 1}, lambda x: F.softshrink(x, 1.0)),
    ("tanhshrink", {}, F.tanhshrink),
    ("threshold", {"threshold": 0.25, "value": -2}, lambda x: F.threshold(x, 0.25, -2.0)),
    ("rrelu", {}, lambda x: F.rrelu(x, training=False)),
    ("rrelu", {"lower": 0.1, "upper": 0.3}, lambda x: F.rrelu(x, 0.1, 0.3, training=False)),
    ("prelu", {"weight": [0.25]}, lambda x: F.prelu(x, torch.tensor([0.25], dtype=torch.float64))),
    ("cos", {}, torch.cos),
]

# Activations that mix values along an axis: a random input and a random cotangent.
AXISWISE = [
    ("softmax", {"axis": 1}, [3, 5], lambda x: F.softmax(x, 1)),
    ("softmax", {"axis": 0}, [3, 5], lambda x: F.softmax(x, 0)),
    ("logSoftmax", {"axis": 1}, [3, 5], lambda x: F.log_softmax(x, 1)),
    ("softmin", {"axis": 1}, [3, 5], lambda x: F.softmin(x, 1)),
    ("softmin", {"axis": -1}, [2, 3, 4], lambda x: F.softmin(x, -1)),
    ("glu", {"axis": -1}, [3, 6], lambda x: F.glu(x, -1)),
    ("glu", {"axis": 1}, [2, 4, 3], lambda x: F.glu(x, 1)),
    ("softmax2d", {}, [2, 3, 2, 2], lambda x: torch.nn.Softmax2d()(x)),
]


# Where nagare differs from PyTorch on purpose: the part of the case that differs and why.
DELIBERATE_DIFFERENCES = {
    "hardSigmoid": {
        "parts": ["derivative"],
        "reason": "PyTorch 1.13's hardsigmoid backward multiplies by a float32 1/6 even in float64 "
        "(0.1666666716337204); nagare uses 1/6 in the input's precision",
    },
}


def generate():
    cases = []
    grid = torch.tensor(GRID, dtype=torch.float64)
    for op, options, fn in ELEMENTWISE:
        x = grid.clone().requires_grad_()
        y = fn(x)
        (dx,) = torch.autograd.grad(y.sum(), x)
        case = {"op": op, "options": options, "x": encode(grid), "y": encode(y), "dx": encode(dx), "cotangent": None}
        if op in DELIBERATE_DIFFERENCES:
            case["deliberateDifference"] = DELIBERATE_DIFFERENCES[op]
        cases.append(case)
    for index, (op, options, shape, fn) in enumerate(AXISWISE):
        x = randn(shape, 100 + index, 2.0).requires_grad_()
        y = fn(x)
        cotangent = randn(list(y.shape), 200 + index)
        (dx,) = torch.autograd.grad((y * cotangent).sum(), x)
        cases.append(
            {"op": op, "options": options, "x": encode(x), "y": encode(y), "dx": encode(dx), "cotangent": encode(cotangent)}
        )
    return cases
