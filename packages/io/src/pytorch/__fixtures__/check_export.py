"""Loads each exported model.py in PyTorch and compares it with nagare, in both directions.

Usage: python3 check_export.py CASE_DIR...  Each CASE_DIR holds model.py, model.safetensors (nagare's
state dict), input.safetensors ("input") and nagare.safetensors (nagare's outputs "0", "1", ...).
For each case: load_model() loads nagare's weights with strict=True and runs the input; a freshly
initialized Model (PyTorch's own init, seed 0) writes torch_state.safetensors and its outputs
torch_outputs.safetensors, which the test loads into nagare. Prints one JSON line per case.
"""
import importlib.util
import json
import os
import sys

import torch


def flatten(value):
    if isinstance(value, (tuple, list)):
        return [tensor for item in value for tensor in flatten(item)]
    return [value]


def load_module(directory, index):
    spec = importlib.util.spec_from_file_location(f"exported_{index}", os.path.join(directory, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(directory, index):
    exported = load_module(directory, index)
    inputs, _ = exported.load_safetensors(os.path.join(directory, "input.safetensors"))
    expected, _ = exported.load_safetensors(os.path.join(directory, "nagare.safetensors"))
    model = exported.load_model()
    with torch.no_grad():
        outputs = flatten(model(inputs["input"]))
    if len(outputs) != len(expected):
        raise AssertionError(f"{directory}: {len(outputs)} outputs, nagare gave {len(expected)}")
    difference = 0.0
    for i, output in enumerate(outputs):
        reference = expected[str(i)].to(output.dtype)
        if tuple(output.shape) != tuple(reference.shape):
            raise AssertionError(f"{directory}: output {i} is {tuple(output.shape)}, nagare's {tuple(reference.shape)}")
        difference = max(difference, (output - reference).abs().max().item() if output.numel() else 0.0)
    torch.manual_seed(0)
    fresh = exported.Model().to(exported.DTYPE).eval()
    with torch.no_grad():
        fresh_outputs = flatten(fresh(inputs["input"]))
    exported.save_safetensors(fresh.state_dict(), os.path.join(directory, "torch_state.safetensors"))
    exported.save_safetensors(
        {str(i): output for i, output in enumerate(fresh_outputs)},
        os.path.join(directory, "torch_outputs.safetensors"),
    )
    parameters = sum(parameter.numel() for parameter in model.parameters())
    return {"case": os.path.basename(directory), "max_abs_difference": difference, "parameters": parameters}


if __name__ == "__main__":
    torch.set_num_threads(1)
    for index, directory in enumerate(sys.argv[1:]):
        print(json.dumps(check(directory, index)), flush=True)
