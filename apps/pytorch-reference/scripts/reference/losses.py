"""Loss fixtures: value and input gradients for each loss and option combination."""

import torch
import torch.nn.functional as F

from .common import encode, encode_all, input_grads, randn, uniform

REDUCTIONS = ["mean", "sum", "none"]


def _labels(shape, classes, offset, ignored=()):
    labels = torch.randint(0, classes, shape, generator=torch.Generator().manual_seed(offset))
    for position in ignored:
        labels.view(-1)[position] = -100
    return labels


def _signs(n, offset):
    return torch.where(uniform([n], offset, 0, 1) > 0.5, 1.0, -1.0).to(torch.float64)


def _case(op, options, inputs, fn, option_tensors=None, offset=0):
    """Runs fn on inputs (dict, in call order) and records output and gradients with a random cotangent."""
    out = fn(**inputs)
    cotangent = randn(list(out.shape), 900 + offset) if out.dim() > 0 else torch.tensor(1.0, dtype=torch.float64)
    grads = input_grads(inputs, [out], [cotangent])
    return {
        "op": op,
        "options": options,
        "optionTensors": encode_all(option_tensors or {}),
        "inputs": [{"name": n, **encode(t)} for n, t in inputs.items()],
        "output": encode(out),
        "cotangent": encode(cotangent),
        "grads": encode_all(grads),
    }


def _x(shape, offset, scale=1.0):
    return randn(shape, offset, scale).requires_grad_()


def generate():
    cases = []
    n = 0

    def add(*args, **kwargs):
        nonlocal n
        n += 1
        cases.append(_case(*args, **kwargs, offset=n))

    for r in REDUCTIONS:
        add("mseLoss", {"reduction": r}, {"input": _x([3, 4], 1), "target": randn([3, 4], 2)}, lambda input, target: F.mse_loss(input, target, reduction=r))
        add("l1Loss", {"reduction": r}, {"input": _x([3, 4], 3), "target": randn([3, 4], 4)}, lambda input, target: F.l1_loss(input, target, reduction=r))
    for delta in [1.0, 0.4]:
        add("huberLoss", {"delta": delta}, {"input": _x([12], 5, 2), "target": randn([12], 6)}, lambda input, target: F.huber_loss(input, target, delta=delta))
    for beta in [1.0, 0.3, 0.0]:
        add("smoothL1Loss", {"beta": beta, "reduction": "sum"}, {"input": _x([12], 7, 2), "target": randn([12], 8)}, lambda input, target: F.smooth_l1_loss(input, target, beta=beta, reduction="sum"))

    weight = uniform([5], 10, 0.5, 2.0)
    for r in REDUCTIONS:
        for w in [None, weight]:
            for smoothing in [0.0, 0.1]:
                opts = {"reduction": r, "labelSmoothing": smoothing, "ignoreIndex": -100}
                tensors = {"weight": w} if w is not None else {}
                add("crossEntropy", opts, {"input": _x([6, 5], 11), "target": _labels([6], 5, 12, ignored=[2])},
                    lambda input, target: F.cross_entropy(input, target, weight=w, reduction=r, label_smoothing=smoothing),
                    option_tensors=tensors)
    probabilities = F.softmax(randn([4, 5], 13), 1)
    for smoothing in [0.0, 0.2]:
        add("crossEntropy", {"labelSmoothing": smoothing}, {"input": _x([4, 5], 14), "target": probabilities},
            lambda input, target: F.cross_entropy(input, target, label_smoothing=smoothing))
    add("crossEntropy", {"reduction": "mean"}, {"input": _x([2, 4, 3, 2], 15), "target": _labels([2, 3, 2], 4, 16)},
        lambda input, target: F.cross_entropy(input, target))
    add("crossEntropy", {"ignoreIndex": 1}, {"input": _x([5, 3], 17), "target": _labels([5], 3, 18)},
        lambda input, target: F.cross_entropy(input, target, ignore_index=1))
    for r in REDUCTIONS:
        add("nllLoss", {"reduction": r}, {"input": _x([6, 5], 19), "target": _labels([6], 5, 20, ignored=[4])},
            lambda input, target: F.nll_loss(input, target, weight=weight, reduction=r), option_tensors={"weight": weight})

    p = uniform([3, 4], 21, 0.05, 0.95).requires_grad_()
    t = uniform([3, 4], 22, 0, 1)
    element_weight = uniform([4], 23, 0.5, 2)
    add("binaryCrossEntropy", {}, {"input": p, "target": t}, lambda input, target: F.binary_cross_entropy(input, target))
    add("binaryCrossEntropy", {"reduction": "sum"}, {"input": p, "target": t},
        lambda input, target: F.binary_cross_entropy(input, target, weight=element_weight, reduction="sum"),
        option_tensors={"weight": element_weight})
    for r in REDUCTIONS:
        add("binaryCrossEntropyWithLogits", {"reduction": r}, {"input": _x([3, 4], 24, 3), "target": t},
            lambda input, target: F.binary_cross_entropy_with_logits(input, target, weight=element_weight, pos_weight=weight[:4], reduction=r),
            option_tensors={"weight": element_weight, "posWeight": weight[:4]})

    log_probs = F.log_softmax(randn([3, 4], 25), 1).detach().requires_grad_()
    target_probs = F.softmax(randn([3, 4], 26), 1)
    for r in ["mean", "batchmean", "sum", "none"]:
        add("klDiv", {"reduction": r}, {"input": log_probs, "target": target_probs},
            lambda input, target: F.kl_div(input, target, reduction=r))
    add("klDiv", {"reduction": "batchmean", "logTarget": True}, {"input": log_probs, "target": target_probs.log().requires_grad_()},
        lambda input, target: F.kl_div(input, target, reduction="batchmean", log_target=True))

    for margin, power in [(1.0, 1), (0.5, 2)]:
        add("multiMarginLoss", {"margin": margin, "p": power}, {"input": _x([4, 5], 27), "target": _labels([4], 5, 28)},
            lambda input, target: F.multi_margin_loss(input, target, p=power, margin=margin, weight=weight),
            option_tensors={"weight": weight})

    counts = torch.randint(0, 6, [8], generator=torch.Generator().manual_seed(29)).to(torch.float64)
    for log_input in [True, False]:
        for full in [False, True]:
            x = _x([8], 30, 0.5) if log_input else uniform([8], 31, 0.1, 4).requires_grad_()
            add("poissonNllLoss", {"logInput": log_input, "full": full}, {"input": x, "target": counts},
                lambda input, target: F.poisson_nll_loss(input, target, log_input=log_input, full=full))
    for var_shape in [[4, 3], [4, 1], [4]]:
        for full in [False, True]:
            add("gaussianNllLoss", {"full": full, "reduction": "sum" if full else "mean"},
                {"input": _x([4, 3], 32), "target": randn([4, 3], 33), "var": uniform(var_shape, 34, 0.2, 2).requires_grad_()},
                lambda input, target, var: F.gaussian_nll_loss(input, target, var, full=full, reduction="sum" if full else "mean"))
    add("gaussianNllLoss", {"eps": 0.5}, {"input": _x([6], 35), "target": randn([6], 36), "var": uniform([6], 37, 0.1, 1).requires_grad_()},
        lambda input, target, var: F.gaussian_nll_loss(input, target, var, eps=0.5))

    for margin in [0.0, 0.5]:
        for r in REDUCTIONS:
            add("marginRankingLoss", {"margin": margin, "reduction": r}, {"input1": _x([8], 38), "input2": _x([8], 39), "target": _signs(8, 40)},
                lambda input1, input2, target: F.margin_ranking_loss(input1, input2, target, margin=margin, reduction=r))
    for margin in [1.0, 2.0]:
        add("hingeEmbeddingLoss", {"margin": margin}, {"input": _x([8], 41), "target": _signs(8, 42)},
            lambda input, target: F.hinge_embedding_loss(input, target, margin=margin))
    for margin in [0.0, 0.3]:
        for r in REDUCTIONS:
            add("cosineEmbeddingLoss", {"margin": margin, "reduction": r}, {"input1": _x([5, 4], 43), "input2": _x([5, 4], 44), "target": _signs(5, 45)},
                lambda input1, input2, target: F.cosine_embedding_loss(input1, input2, target, margin=margin, reduction=r))
    for power, swap, margin in [(2, False, 1.0), (1, False, 0.5), (2, True, 1.0), (3, False, 2.0)]:
        add("tripletMarginLoss", {"p": power, "swap": swap, "margin": margin},
            {"anchor": _x([5, 4], 46), "positive": _x([5, 4], 47), "negative": _x([5, 4], 48)},
            lambda anchor, positive, negative: F.triplet_margin_loss(anchor, positive, negative, margin=margin, p=power, swap=swap))
    l1 = lambda a, b: (a - b).abs().sum(-1)  # noqa: E731
    for distance, swap in [(None, False), ("l1", False), ("l1", True)]:
        options = {"swap": swap, "margin": 0.7, **({"distance": distance} if distance else {})}
        add("tripletMarginWithDistanceLoss", options,
            {"anchor": _x([5, 4], 58), "positive": _x([5, 4], 59), "negative": _x([5, 4], 60)},
            lambda anchor, positive, negative: F.triplet_margin_with_distance_loss(
                anchor, positive, negative, distance_function=l1 if distance else None, margin=0.7, swap=swap))
    for r in REDUCTIONS:
        add("softMarginLoss", {"reduction": r}, {"input": _x([8], 49, 2), "target": _signs(8, 50)},
            lambda input, target: F.soft_margin_loss(input, target, reduction=r))
        add("multiLabelSoftMarginLoss", {"reduction": r}, {"input": _x([4, 5], 51, 2), "target": (uniform([4, 5], 52, 0, 1) > 0.5).to(torch.float64)},
            lambda input, target: F.multilabel_soft_margin_loss(input, target, weight=weight, reduction=r),
            option_tensors={"weight": weight})
    multilabel = torch.tensor([[3, 0, -1, 1, 2], [1, 1, 4, -1, 0], [0, 1, 2, 3, 4], [-1, 2, 0, 0, 0]])
    for r in REDUCTIONS:
        add("multilabelMarginLoss", {"reduction": r}, {"input": _x([4, 5], 57), "target": multilabel},
            lambda input, target: F.multilabel_margin_loss(input, target, reduction=r))

    # CTC: through log_softmax (the gradients then agree; see the README on the logProbs gradient).
    padded = torch.tensor([[1, 2, 2, 3], [4, 1, 0, 0], [2, 3, 1, 0]])
    lengths = {"inputLengths": [8, 7, 5], "targetLengths": [4, 2, 3]}
    for r in REDUCTIONS:
        add("ctcLossOfLogits", {**lengths, "reduction": r}, {"logits": _x([8, 3, 5], 53), "targets": padded},
            lambda logits, targets: F.ctc_loss(F.log_softmax(logits, 2), targets, lengths["inputLengths"], lengths["targetLengths"], reduction=r))
    concatenated = torch.tensor([1, 2, 2, 3, 0, 1, 2, 3, 1])
    add("ctcLossOfLogits", {**lengths, "blank": 4, "reduction": "sum"}, {"logits": _x([8, 3, 5], 54), "targets": concatenated[:9]},
        lambda logits, targets: F.ctc_loss(F.log_softmax(logits, 2), targets, [8, 7, 5], [4, 2, 3], blank=4, reduction="sum"))
    impossible = {"inputLengths": [3, 6], "targetLengths": [3, 2], "zeroInfinity": True, "reduction": "none"}
    add("ctcLossOfLogits", impossible, {"logits": _x([6, 2, 4], 55), "targets": torch.tensor([[1, 1, 2], [3, 1, 0]])},
        lambda logits, targets: F.ctc_loss(F.log_softmax(logits, 2), targets, [3, 6], [3, 2], reduction="none", zero_infinity=True))
    add("ctcLoss", {**lengths, "reduction": "sum"}, {"logProbs": F.log_softmax(randn([8, 3, 5], 56), 2).detach().requires_grad_(), "targets": padded},
        lambda logProbs, targets: F.ctc_loss(logProbs, targets, lengths["inputLengths"], lengths["targetLengths"], reduction="sum"))
    cases[-1]["deliberateDifference"] = {
        "parts": ["gradients"],
        "reason": "ctcLoss's gradient with respect to logProbs is the mathematical one (minus the alignment posteriors); "
        "PyTorch's CTC backward adds exp(logProbs), which assumes a log_softmax before it and cancels through one "
        "(the ctcLossOfLogits cases agree)",
    }
    return cases
