# %%
# The widget's CNN (src/lib/ml/tiny-cnn.ts) for 28 × 28 grey digits:
#   conv 3×3 (FILTERS1 filters, zero padding) → max-pool 2×2 → ReLU
#   → conv 3×3 (FILTERS2 filters) → max-pool 2×2 → ReLU → linear (7·7·FILTERS2 → 10 classes)
# (Pooling then ReLU gives the same as ReLU then pooling: both only keep the larger values.)
# And for contrast, logistic regression on the raw pixels: logits = pixels · W + b.

class TinyCnn(nn.Module):
    def __init__(self, filters1, filters2):
        super().__init__()
        self.conv1 = nn.Conv2d(1, filters1, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(filters1, filters2, kernel_size=3, padding=1)
        self.dense = nn.Linear(7 * 7 * filters2, 10)

    def features(self, x):
        """The feature maps after each convolution and ReLU (before pooling), for display."""
        maps1 = F.relu(self.conv1(x))
        maps2 = F.relu(self.conv2(F.max_pool2d(maps1, 2)))
        return maps1, maps2

    def forward(self, x):
        a1 = F.relu(F.max_pool2d(self.conv1(x), 2))   # [B, filters1, 14, 14]
        a2 = F.relu(F.max_pool2d(self.conv2(a1), 2))  # [B, filters2, 7, 7]
        return self.dense(a2.flatten(1))


class PixelLogisticRegression(nn.Module):
    """Multinomial logistic regression on the 784 pixel values; weights start at zero."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(28 * 28, 10)
        with torch.no_grad():
            self.linear.weight.zero_()
            self.linear.bias.zero_()

    def forward(self, x):
        return self.linear(x.flatten(1))


# %%
# The CNN's initial weights, drawn as the widget draws them from derive_seed(seed, 'cnn-init'):
# He-normal kernels, N(0, 2 / fan_in) with fan_in = 9 · input channels, then the dense layer
# with N(0, 1 / fan_in); biases 0. The widget keeps images as [height, width, channels]
# (TensorFlow.js's order) and PyTorch as [channels, height, width], so the numbers are
# rearranged into PyTorch's layout — the same weights, stored differently.

def normal_samples(rng, count, std):
    return np.array([rng.normal(0, std) for _ in range(count)], dtype=np.float32)


def make_tiny_cnn(filters1, filters2, seed):
    rng = Rng(derive_seed(seed, 'cnn-init'))
    kernel1 = normal_samples(rng, 9 * filters1, math.sqrt(2 / 9))
    kernel2 = normal_samples(rng, 9 * filters1 * filters2, math.sqrt(2 / (9 * filters1)))
    dense = normal_samples(rng, 49 * filters2 * 10, math.sqrt(1 / (49 * filters2)))
    kernel1 = kernel1.reshape(3, 3, 1, filters1)
    kernel2 = kernel2.reshape(3, 3, filters1, filters2)
    dense = dense.reshape(7, 7, filters2, 10)
    model = TinyCnn(filters1, filters2)
    with torch.no_grad():
        # [kernel row, kernel column, in, out] → PyTorch's [out, in, kernel row, kernel column]
        model.conv1.weight.copy_(torch.from_numpy(kernel1.transpose(3, 2, 0, 1).copy()))
        model.conv2.weight.copy_(torch.from_numpy(kernel2.transpose(3, 2, 0, 1).copy()))
        # dense rows in (row, column, channel) order → PyTorch flattens (channel, row, column)
        model.dense.weight.copy_(torch.from_numpy(dense.transpose(3, 2, 0, 1).reshape(10, -1).copy()))
        for layer in (model.conv1, model.conv2, model.dense):
            layer.bias.zero_()
    return model


# %%
# Training as in the widget (src/lib/ml/digit-trainer.ts, src/workers/cnn-job.ts): Adam (ε = 1e-7),
# the learning rate decaying along a cosine from LEARNING_RATE to 5 % of it over the whole run,
# mini-batches from derive_seed(seed, 'batches') — the same batches for the CNN and for logistic
# regression. Accuracy is measured on the first 1,000 training digits and on the 1,000 test
# digits, before training and twice per epoch.

def cosine_factor(step, total, floor=0.05):
    """The learning-rate factor of step `step` (counted from 0) of `total`."""
    if step >= total:
        return floor
    return floor + (1 - floor) * (1 + math.cos(math.pi * step / total)) / 2


def accuracy(model, x, y):
    """Fraction of digits classified correctly (in chunks of 500, as the widget)."""
    model.eval()
    with torch.no_grad():
        predicted = torch.cat([model(x[i:i + 500]).argmax(dim=1) for i in range(0, len(x), 500)])
    model.train()
    return (predicted == y).float().mean().item(), predicted


def confusion_matrix(y, predicted):
    """counts[t][p]: test digits of class t classified as p."""
    counts = np.zeros((10, 10), dtype=np.int64)
    for t, p in zip(y.tolist(), predicted.tolist()):
        counts[t, p] += 1
    return counts


def train_digits(models):
    """Trains every model in `models` (a dict name → model) on the same mini-batches. Returns
    the mini-batch losses of each, and the accuracy curve."""
    steps_per_epoch = math.ceil(len(y_train) / BATCH)
    total = EPOCHS * steps_per_epoch
    evaluations = EPOCHS * EVALS_PER_EPOCH
    eval_steps = [js_round((i + 1) * steps_per_epoch / EVALS_PER_EPOCH) for i in range(evaluations)]
    optimizers = {n: make_optimizer('adam', m.parameters(), LEARNING_RATE) for n, m in models.items()}
    streams = {n: BatchStream(len(y_train), BATCH, Rng(derive_seed(SEED, 'batches'))) for n in models}
    losses = {n: [] for n in models}
    curve = []

    def measure(epoch, step):
        row = {'epoch': epoch, 'step': step}
        for n, m in models.items():
            row[n + ' train'] = accuracy(m, x_train[:TRAIN_SAMPLE], y_train[:TRAIN_SAMPLE])[0]
            row[n + ' test'] = accuracy(m, x_test, y_test)[0]
        curve.append(row)

    measure(0, 0)
    started = time.time()
    for step in range(total):
        for n, m in models.items():
            for group in optimizers[n].param_groups:
                group['lr'] = LEARNING_RATE * cosine_factor(step, total)
            loss = train_step(m, optimizers[n], x_train, y_train, streams[n].next())
            if not math.isfinite(loss):
                raise RuntimeError('the loss is not a finite number; lower the learning rate')
            losses[n].append(loss)
        if step + 1 in eval_steps:
            measure((eval_steps.index(step + 1) + 1) / EVALS_PER_EPOCH, step + 1)
            row = curve[-1]
            text = f"epoch {row['epoch']:>4}: CNN test accuracy {row['cnn test']:.4f}"
            if 'logistic' in models:
                text += f", logistic regression {row['logistic test']:.4f}"
            print(f'{text}  ({time.time() - started:.1f} s)')
    return losses, curve
