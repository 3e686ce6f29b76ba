"""Shared helpers of the fixture generator: seeded float64 tensors and their JSON encoding."""

import torch

SEED = 20261207


def generator(offset=0):
    """A torch.Generator seeded from the suite's seed, so every fixture is reproducible."""
    return torch.Generator().manual_seed(SEED + offset)


def randn(shape, offset, scale=1.0):
    return torch.randn(shape, generator=generator(offset), dtype=torch.float64) * scale


def uniform(shape, offset, low, high):
    return low + (high - low) * torch.rand(shape, generator=generator(offset), dtype=torch.float64)


def encode(tensor):
    """A tensor as {shape, data} (flat, row-major); int tensors get dtype int32, bools float 0/1."""
    t = tensor.detach()
    if t.dtype == torch.bool:
        t = t.to(torch.float64)
    entry = {"shape": list(t.shape), "data": t.reshape(-1).tolist()}
    if not t.is_floating_point():
        entry["dtype"] = "int32"
    return entry


def encode_all(tensors):
    return {name: encode(t) for name, t in tensors.items()}


def input_grads(inputs, outputs, cotangents):
    """Gradients of Σ⟨output, cotangent⟩ with respect to every float input that requires grad."""
    total = sum((o * c).sum() for o, c in zip(outputs, cotangents))
    differentiable = {n: t for n, t in inputs.items() if t.requires_grad}
    grads = torch.autograd.grad(total, list(differentiable.values()), allow_unused=True)
    return {n: (g if g is not None else torch.zeros_like(t)) for (n, t), g in zip(differentiable.items(), grads)}
