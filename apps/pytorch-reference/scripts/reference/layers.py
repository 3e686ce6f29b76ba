"""Layer fixtures: parameters and buffers by state-dict name, outputs, and gradients of the inputs
and of every parameter (for Σ⟨output, cotangent⟩), plus the buffers after the call (running stats)."""

import torch
from torch import nn

from .common import encode, encode_all, randn, uniform


def _randomize(module, offset):
    """Random parameters and running statistics, so no default init (ones, zeros) hides a bug."""
    with torch.no_grad():
        for index, (name, p) in enumerate(module.named_parameters()):
            p.copy_(randn(list(p.shape), offset + index, 0.5))
        for name, b in module.named_buffers():
            if name.endswith("running_mean"):
                b.copy_(randn(list(b.shape), offset + 50, 0.3))
            elif name.endswith("running_var"):
                b.copy_(uniform(list(b.shape), offset + 51, 0.5, 1.5))
            elif name.endswith("num_batches_tracked"):
                b.fill_(3)


def _flatten(result):
    if isinstance(result, torch.Tensor):
        return [result]
    out = []
    for item in result:
        out.extend(_flatten(item))
    return out


def _case(spec, module, inputs, offset, train=True, call=None):
    """spec: how nagare builds the layer ({layer, args, options}); inputs: list of (tensor, is_differentiable)."""
    module = module.double()
    _randomize(module, 1000 + offset * 20)
    module.train(train)
    state_before = {k: v.clone() for k, v in module.state_dict().items()}
    xs = [t.clone().requires_grad_(grad) for t, grad in inputs]
    outputs = _flatten(call(module, *xs) if call else module(*xs))
    cotangents = [randn(list(o.shape), 3000 + offset * 10 + i) for i, o in enumerate(outputs)]
    total = sum((o * c).sum() for o, c in zip(outputs, cotangents))
    params = dict(module.named_parameters())
    differentiable = [x for x in xs if x.requires_grad] + list(params.values())
    grads = torch.autograd.grad(total, differentiable, allow_unused=True)
    grads = [g if g is not None else torch.zeros_like(t) for g, t in zip(grads, differentiable)]
    input_count = sum(1 for x in xs if x.requires_grad)
    buffers_after = {k: v for k, v in module.state_dict().items() if k not in params}
    return {
        **spec,
        "train": train,
        "stateDict": encode_all(state_before),
        "inputs": [encode(x) for x in xs],
        "outputs": [encode(o) for o in outputs],
        "cotangents": [encode(c) for c in cotangents],
        "inputGrads": [encode(g) for g in grads[:input_count]],
        "paramGrads": {name: encode(g) for name, g in zip(params.keys(), grads[input_count:])},
        "buffersAfter": encode_all(buffers_after),
    }


def _x(shape, offset):
    return (randn(shape, 5000 + offset), True)


def _layer(name, args, options=None):
    return {"layer": name, "args": args, "options": options or {}}


def generate():
    cases = []

    def add(spec, module, inputs, **kwargs):
        cases.append(_case(spec, module, inputs, len(cases), **kwargs))

    add(_layer("Linear", [4, 3]), nn.Linear(4, 3), [_x([2, 4], 1)])
    add(_layer("Linear", [4, 3], {"bias": False}), nn.Linear(4, 3, bias=False), [_x([2, 5, 4], 2)])
    for options, kwargs in [
        ({}, {}),
        ({"stride": 2, "padding": 1}, {"stride": 2, "padding": 1}),
        ({"dilation": 2, "padding": 2}, {"dilation": 2, "padding": 2}),
        ({"groups": 2, "bias": False}, {"groups": 2, "bias": False}),
        ({"padding": "same"}, {"padding": "same"}),
    ]:
        add(_layer("Conv1d", [4, 6, 3], options), nn.Conv1d(4, 6, 3, **kwargs), [_x([2, 4, 9], 3)])
    for options, kwargs in [
        ({}, {}),
        ({"stride": 2, "padding": 1}, {"stride": 2, "padding": 1}),
        ({"stride": [2, 1], "padding": [1, 2], "dilation": [1, 2]}, {"stride": (2, 1), "padding": (1, 2), "dilation": (1, 2)}),
        ({"groups": 2}, {"groups": 2}),
        ({"groups": 4, "bias": False, "padding": 1}, {"groups": 4, "bias": False, "padding": 1}),
        ({"padding": 1, "paddingMode": "reflect"}, {"padding": 1, "padding_mode": "reflect"}),
        ({"padding": 1, "paddingMode": "replicate"}, {"padding": 1, "padding_mode": "replicate"}),
        ({"padding": 1, "paddingMode": "circular"}, {"padding": 1, "padding_mode": "circular"}),
    ]:
        add(_layer("Conv2d", [4, 8, 3], options), nn.Conv2d(4, 8, 3, **kwargs), [_x([2, 4, 7, 6], 4)])

    for train in [True, False]:
        add(_layer("BatchNorm1d", [4]), nn.BatchNorm1d(4), [_x([6, 4], 5)], train=train)
        add(_layer("BatchNorm1d", [4]), nn.BatchNorm1d(4), [_x([5, 4, 3], 6)], train=train)
        add(_layer("BatchNorm2d", [3]), nn.BatchNorm2d(3), [_x([4, 3, 3, 2], 7)], train=train)
    add(_layer("BatchNorm2d", [3], {"momentum": 0.3, "eps": 1e-3}), nn.BatchNorm2d(3, momentum=0.3, eps=1e-3), [_x([4, 3, 2, 2], 8)])
    add(_layer("BatchNorm2d", [3], {"momentum": None}), nn.BatchNorm2d(3, momentum=None), [_x([4, 3, 2, 2], 9)])
    add(_layer("BatchNorm1d", [4], {"affine": False}), nn.BatchNorm1d(4, affine=False), [_x([6, 4], 10)])
    add(_layer("LayerNorm", [[4]]), nn.LayerNorm([4]), [_x([3, 4], 11)])
    add(_layer("LayerNorm", [[3, 4]], {"eps": 1e-3}), nn.LayerNorm([3, 4], eps=1e-3), [_x([2, 3, 4], 12)])
    add(_layer("LayerNorm", [[4]], {"elementwiseAffine": False}), nn.LayerNorm([4], elementwise_affine=False), [_x([3, 4], 13)])
    indices = torch.tensor([[1, 0, 3], [9, 3, 2]])
    add(_layer("Embedding", [10, 4]), nn.Embedding(10, 4), [(indices, False)])
    add(_layer("Embedding", [10, 4], {"paddingIdx": 3}), nn.Embedding(10, 4, padding_idx=3), [(indices, False)])

    pools = [
        ("MaxPool2d", [2], {}, nn.MaxPool2d(2)),
        ("MaxPool2d", [3], {"stride": 2, "padding": 1}, nn.MaxPool2d(3, stride=2, padding=1)),
        ("MaxPool2d", [2], {"dilation": 2, "ceilMode": True}, nn.MaxPool2d(2, dilation=2, ceil_mode=True)),
        ("AvgPool2d", [2], {}, nn.AvgPool2d(2)),
        ("AvgPool2d", [3], {"stride": 1, "padding": 1}, nn.AvgPool2d(3, stride=1, padding=1)),
        ("AvgPool2d", [3], {"stride": 2, "padding": 1, "countIncludePad": False}, nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False)),
        ("AvgPool2d", [2], {"ceilMode": True}, nn.AvgPool2d(2, ceil_mode=True)),
        ("AdaptiveAvgPool2d", [[2, 3]], {}, nn.AdaptiveAvgPool2d((2, 3))),
        ("AdaptiveMaxPool2d", [[3, 2]], {}, nn.AdaptiveMaxPool2d((3, 2))),
        ("Flatten", [], {}, nn.Flatten()),
    ]
    for name, args, options, module in pools:
        add(_layer(name, args, options), module, [_x([2, 3, 7, 5], 14)])
    add(_layer("PReLU", []), nn.PReLU(), [_x([3, 4], 15)])
    add(_layer("PReLU", [3]), nn.PReLU(3), [_x([2, 3, 4], 16)])

    for name, torch_class, extra in [("RNN", nn.RNN, {}), ("GRU", nn.GRU, {}), ("LSTM", nn.LSTM, {})]:
        add(_layer(name, [3, 4]), torch_class(3, 4), [_x([5, 2, 3], 17)])
        add(_layer(name, [3, 4], {"numLayers": 2, "bidirectional": True}), torch_class(3, 4, num_layers=2, bidirectional=True), [_x([4, 2, 3], 18)])
        add(_layer(name, [3, 4], {"batchFirst": True, "bias": False}), torch_class(3, 4, batch_first=True, bias=False), [_x([2, 4, 3], 19)])
    add(_layer("RNN", [3, 4], {"nonlinearity": "relu", "numLayers": 2}), nn.RNN(3, 4, num_layers=2, nonlinearity="relu"), [_x([4, 2, 3], 20)])
    add(_layer("LSTM", [3, 4], {"projSize": 2, "numLayers": 2}), nn.LSTM(3, 4, proj_size=2, num_layers=2), [_x([4, 2, 3], 21)])
    add(_layer("RNN", [3, 4], {"numLayers": 2}), nn.RNN(3, 4, num_layers=2), [_x([4, 2, 3], 22), _x([2, 2, 4], 23)])
    add(_layer("LSTM", [3, 4]), nn.LSTM(3, 4), [_x([4, 2, 3], 24), _x([1, 2, 4], 25), _x([1, 2, 4], 26)],
        call=lambda m, x, h, c: m(x, (h, c)))
    add(_layer("RNNCell", [3, 4]), nn.RNNCell(3, 4), [_x([2, 3], 27), _x([2, 4], 28)])
    add(_layer("GRUCell", [3, 4]), nn.GRUCell(3, 4), [_x([2, 3], 29), _x([2, 4], 30)])
    add(_layer("LSTMCell", [3, 4]), nn.LSTMCell(3, 4), [_x([2, 3], 31), _x([2, 4], 32), _x([2, 4], 33)],
        call=lambda m, x, h, c: m(x, (h, c)))
    for name, module in [("Dropout", nn.Dropout(0.5)), ("Dropout2d", nn.Dropout2d(0.5)), ("AlphaDropout", nn.AlphaDropout(0.5))]:
        add(_layer(name, [0.5]), module, [_x([2, 3, 4, 4], 34)], train=False)
    add(_layer("Identity", []), nn.Identity(), [_x([2, 3], 35)])
    mlp = nn.Sequential(nn.Linear(4, 5), nn.Tanh(), nn.Linear(5, 3))
    add(_layer("LinearTanhLinear", [4, 5, 3]), mlp, [_x([3, 4], 36)])
    return cases
