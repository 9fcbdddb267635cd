# %%
# What this notebook uses: Python's standard library, NumPy, PyTorch and Matplotlib (the
# scale-up section also uses torchvision). It runs on PyTorch 1.13 and 2.x, on a CPU.
import math
import time

import matplotlib
import matplotlib.colors
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

print('PyTorch', torch.__version__, '· NumPy', np.__version__)


def js_round(x):
    """JavaScript's Math.round, which the widget uses: halves round up (2.5 → 3).
    Python's round() would send them to the even neighbour (round(2.5) == 2)."""
    return math.floor(x + 0.5)
