"""Continue training a nagare model in PyTorch with DistributedDataParallel (gloo, on this machine).

    python3 train_ddp.py EXPORT_DIR [--processes 2] [--steps 300] [--out EXPORT_DIR/trained.safetensors]

EXPORT_DIR is what `nagare export RUN --format pytorch --with-data --out EXPORT_DIR` wrote: model.py
(the model as a torch.nn.Module), model.safetensors (its weights), loader.json (batch size, seed,
optimizer and learning rate of the nagare run) and train.safetensors / test.safetensors (the data).
Each of the --processes workers (torch.multiprocessing, gloo backend on 127.0.0.1) trains on its
own shard of the training set (DistributedSampler) with a batch of loader.json's batch size;
DDP averages the gradients, so every step sees processes x batch size samples. Rank 0 writes
the weights with the original metadata, so `nagare eval OUT` and `nagare train --init-from OUT`
read them, and prints one JSON line: steps/s, samples/s, loss and test accuracy before and after.
"""
import argparse
import importlib.util
import json
import os
import socket
import sys
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler


def load_export(directory):
    """The exported model.py as a module."""
    spec = importlib.util.spec_from_file_location("exported_model", os.path.join(directory, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_optimizer(settings, parameters):
    """The nagare run's optimizer in PyTorch (the ones without a torch.optim twin fall back to Adam)."""
    name, lr, decay = settings["optimizer"], settings["lr"], settings["weightDecay"]
    if name == "sgd":
        return torch.optim.SGD(parameters, lr=lr, weight_decay=decay)
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(
            parameters, lr=lr, momentum=settings["momentum"], nesterov=name == "nesterov", weight_decay=decay
        )
    if name == "adamw":
        return torch.optim.AdamW(parameters, lr=lr, weight_decay=decay)
    if name == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=lr, weight_decay=decay)
    if name == "adagrad":
        return torch.optim.Adagrad(parameters, lr=lr, weight_decay=decay)
    return torch.optim.Adam(parameters, lr=lr, weight_decay=decay)


def accuracy(model, inputs, labels):
    model.eval()
    with torch.no_grad():
        correct = (model(inputs).argmax(dim=1) == labels).sum().item()
    model.train()
    return correct / len(labels)


def worker(rank, world_size, port, arguments, result_file):
    # One thread per process: two processes on two cores, and no OpenMP oversubscription.
    torch.set_num_threads(1)
    dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=world_size)
    exported = load_export(arguments.export_dir)
    with open(os.path.join(arguments.export_dir, "loader.json"), encoding="utf-8") as file:
        settings = json.load(file)
    splits = settings["splits"]
    if splits is None:
        raise SystemExit("loader.json lists no data: export with --with-data")
    train, _ = exported.load_safetensors(os.path.join(arguments.export_dir, splits["train"]))
    test, _ = exported.load_safetensors(os.path.join(arguments.export_dir, splits["test"]))
    test_labels = test["labels"].long()
    dataset = TensorDataset(train["inputs"].to(exported.DTYPE), train["labels"].long())
    sampler = DistributedSampler(dataset, num_replicas=world_size, rank=rank, shuffle=True, seed=settings["seed"])
    loader = DataLoader(dataset, batch_size=settings["batchSize"], sampler=sampler, drop_last=True)

    model = exported.load_model(os.path.join(arguments.export_dir, "model.safetensors")).train()
    before = accuracy(model, test["inputs"].to(exported.DTYPE), test_labels)
    ddp = DistributedDataParallel(model)
    optimizer = make_optimizer(settings, ddp.parameters())
    loss_function = torch.nn.CrossEntropyLoss()
    step, epoch, loss = 0, 0, float("nan")
    dist.barrier()
    started = time.perf_counter()
    while step < arguments.steps:
        sampler.set_epoch(epoch)  # a new shuffle, the same on every rank
        for inputs, labels in loader:
            optimizer.zero_grad()
            batch_loss = loss_function(ddp(inputs), labels)
            batch_loss.backward()  # DDP all-reduces (averages) the gradients here
            optimizer.step()
            loss = batch_loss.item()
            step += 1
            if step == arguments.steps:
                break
        epoch += 1
    dist.barrier()
    seconds = time.perf_counter() - started
    if rank == 0:
        _, metadata = exported.load_safetensors(os.path.join(arguments.export_dir, "model.safetensors"))
        exported.save_safetensors(model.state_dict(), arguments.out, metadata)
        result = {
            "processes": world_size,
            "steps": step,
            "seconds": seconds,
            "steps_per_second": step / seconds,
            "samples_per_second": step * settings["batchSize"] * world_size / seconds,
            "final_loss": loss,
            "test_accuracy_before": before,
            "test_accuracy_after": accuracy(model, test["inputs"].to(exported.DTYPE), test_labels),
            "out": arguments.out,
        }
        with open(result_file, "w", encoding="utf-8") as file:
            json.dump(result, file)
    dist.destroy_process_group()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("export_dir")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--out", default=None)
    arguments = parser.parse_args()
    if arguments.processes < 1 or arguments.steps < 1:
        parser.error("--processes and --steps must be positive")
    arguments.out = arguments.out or os.path.join(arguments.export_dir, "trained.safetensors")
    result_file = os.path.join(arguments.export_dir, f"ddp-result-{os.getpid()}.json")
    mp.spawn(worker, args=(arguments.processes, free_port(), arguments, result_file), nprocs=arguments.processes)
    with open(result_file, encoding="utf-8") as file:
        result = json.load(file)
    os.remove(result_file)
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
