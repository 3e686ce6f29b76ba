"""Optimizer trajectories (parameters after every step of a small regression) and lr schedules."""

import math

import torch
import torch.nn.functional as F
from torch import optim
from torch.optim import lr_scheduler

from .common import encode, randn

STEPS = 8

# (nagare class, nagare options, torch factory)
OPTIMIZERS = [
    ("SGD", {"lr": 0.1}, lambda p: optim.SGD(p, lr=0.1)),
    ("SGD", {"lr": 0.05, "momentum": 0.9}, lambda p: optim.SGD(p, lr=0.05, momentum=0.9)),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.3}, lambda p: optim.SGD(p, lr=0.05, momentum=0.9, dampening=0.3)),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weightDecay": 0.01},
     lambda p: optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.01)),
    ("Adam", {"lr": 0.05}, lambda p: optim.Adam(p, lr=0.05)),
    ("Adam", {"lr": 0.05, "betas": [0.8, 0.99], "eps": 1e-6, "weightDecay": 0.1},
     lambda p: optim.Adam(p, lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    ("Adam", {"lr": 0.05, "amsgrad": True}, lambda p: optim.Adam(p, lr=0.05, amsgrad=True)),
    ("AdamW", {"lr": 0.05}, lambda p: optim.AdamW(p, lr=0.05)),
    ("AdamW", {"lr": 0.05, "decoupledWeightDecay": 0.2, "amsgrad": True},
     lambda p: optim.AdamW(p, lr=0.05, weight_decay=0.2, amsgrad=True)),
    ("RMSProp", {"lr": 0.01}, lambda p: optim.RMSprop(p, lr=0.01)),
    ("RMSProp", {"lr": 0.01, "centered": True, "momentum": 0.5}, lambda p: optim.RMSprop(p, lr=0.01, centered=True, momentum=0.5)),
    ("RMSProp", {"lr": 0.01, "alpha": 0.9, "eps": 1e-6, "weightDecay": 0.05},
     lambda p: optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-6, weight_decay=0.05)),
    ("Adagrad", {"lr": 0.1}, lambda p: optim.Adagrad(p, lr=0.1)),
    ("Adagrad", {"lr": 0.1, "lrDecay": 0.05, "initialAccumulatorValue": 0.1, "weightDecay": 0.01},
     lambda p: optim.Adagrad(p, lr=0.1, lr_decay=0.05, initial_accumulator_value=0.1, weight_decay=0.01)),
    ("Adadelta", {"lr": 1.0}, lambda p: optim.Adadelta(p, lr=1.0)),
    ("Adadelta", {"lr": 0.5, "rho": 0.8, "weightDecay": 0.1}, lambda p: optim.Adadelta(p, lr=0.5, rho=0.8, weight_decay=0.1)),
    ("Adamax", {"lr": 0.05}, lambda p: optim.Adamax(p, lr=0.05)),
    ("Adamax", {"lr": 0.05, "betas": [0.8, 0.9], "weightDecay": 0.1}, lambda p: optim.Adamax(p, lr=0.05, betas=(0.8, 0.9), weight_decay=0.1)),
    ("Momentum", {"lr": 0.05}, lambda p: optim.SGD(p, lr=0.05, momentum=0.9)),
    ("Nesterov", {"lr": 0.05}, lambda p: optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True)),
]

# Gradient clipping before each SGD step: (nagare clipping, its options, torch's in-place clip).
CLIPPING = [
    ("clipGradNorm", {"maxNorm": 0.5}, lambda ps: torch.nn.utils.clip_grad_norm_(ps, 0.5)),
    ("clipGradNorm", {"maxNorm": 0.3, "normType": 1}, lambda ps: torch.nn.utils.clip_grad_norm_(ps, 0.3, norm_type=1)),
    ("clipGradNorm", {"maxNorm": 0.2, "normType": "inf"}, lambda ps: torch.nn.utils.clip_grad_norm_(ps, 0.2, norm_type=math.inf)),
    ("clipGradValue", {"clipValue": 0.1}, lambda ps: torch.nn.utils.clip_grad_value_(ps, 0.1)),
]

# Schedules driving an SGD run: (nagare schedule, its options, torch scheduler factory).
SCHEDULES = [
    ("stepLr", {"lr": 0.1, "stepSize": 3, "gamma": 0.5}, lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
    ("multiStepLr", {"lr": 0.1, "milestones": [2, 5], "gamma": 0.3}, lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5], gamma=0.3)),
    ("exponentialLr", {"lr": 0.1, "gamma": 0.8}, lambda o: lr_scheduler.ExponentialLR(o, gamma=0.8)),
    ("cosineAnnealingLr", {"lr": 0.1, "totalSteps": STEPS, "minLr": 0.01}, lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=STEPS, eta_min=0.01)),
    ("linearWarmupLr", {"lr": 0.1, "warmupSteps": 4}, lambda o: lr_scheduler.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=3)),
    ("oneCycleLr", {"maxLr": 0.1, "totalSteps": STEPS}, lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=STEPS, cycle_momentum=False)),
    ("oneCycleLr", {"maxLr": 0.1, "totalSteps": STEPS, "annealStrategy": "linear", "threePhase": True, "pctStart": 0.25},
     lambda o: lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=STEPS, anneal_strategy="linear", three_phase=True, pct_start=0.25, cycle_momentum=False)),
]

# A schedule whose nagare and PyTorch forms differ on purpose past the end (see the README).
BEYOND_THE_END = ("cosineAnnealingLr", {"lr": 0.1, "totalSteps": 4, "minLr": 0.0}, lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=4))


def _problem():
    """A least-squares problem mse(x·wᵀ + b, y) and its starting parameters."""
    x = randn([6, 3], 7000)
    y = randn([6, 2], 7001)
    return x, y, {"weight": randn([2, 3], 7002, 0.5), "bias": randn([2], 7003, 0.5)}


def _loss(params, x, y):
    return F.mse_loss(x @ params["weight"].T + params["bias"], y)


def _trajectory(make_optimizer, make_scheduler=None, steps=STEPS, clip=None):
    x, y, start = _problem()
    params = {k: v.clone().requires_grad_() for k, v in start.items()}
    optimizer = make_optimizer(list(params.values()))
    scheduler = make_scheduler(optimizer) if make_scheduler else None
    trajectory, losses, lrs = [], [], []
    for _ in range(steps):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.zero_grad()
        loss = _loss(params, x, y)
        loss.backward()
        if clip:
            clip(list(params.values()))
        optimizer.step()
        if scheduler:
            scheduler.step()
        losses.append(loss.item())
        trajectory.append({k: encode(v) for k, v in params.items()})
    return {"x": encode(x), "y": encode(y), "start": {k: encode(v) for k, v in start.items()},
            "losses": losses, "lrs": lrs, "trajectory": trajectory}


def generate():
    cases = [{"optimizer": name, "options": options, **_trajectory(factory)} for name, options, factory in OPTIMIZERS]
    for schedule, options, factory in SCHEDULES:
        cases.append({"optimizer": "SGD", "options": {}, "schedule": schedule, "scheduleOptions": options,
                      **_trajectory(lambda p: optim.SGD(p, lr=options.get("lr", options.get("maxLr"))), factory)})
    for clipping, options, clip in CLIPPING:
        cases.append({"optimizer": "SGD", "options": {"lr": 0.1}, "clipping": clipping, "clippingOptions": options,
                      **_trajectory(lambda p: optim.SGD(p, lr=0.1), clip=clip)})
    schedule, options, factory = BEYOND_THE_END
    cases.append({"optimizer": "SGD", "options": {}, "schedule": schedule, "scheduleOptions": options,
                  "deliberateDifference": {"parts": ["trajectory"], "reason": "cosineAnnealingLr holds minLr after totalSteps; "
                                           "PyTorch's CosineAnnealingLR follows the cosine back up past T_max"},
                  **_trajectory(lambda p: optim.SGD(p, lr=0.1), factory, steps=7)})
    return cases
