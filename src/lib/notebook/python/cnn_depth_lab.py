# %%
# The digits as the nets' inputs (src/lib/ml/digit-inputs.ts): grey levels scaled to [0, 1],
# at SIZE 14 each pixel the mean of a 2 × 2 block of the original 28 × 28, then standardised with
# the mean and standard deviation of all training pixels. The widget computes in 64-bit floats
# and stores 32-bit floats; so does this cell.

def digit_inputs(images, size):
    """float32 [N, 1, size, size]."""
    pixels = images.astype(np.float64)
    if size == 14:
        pixels = pixels.reshape(-1, 14, 2, 14, 2).sum(axis=(2, 4)) / (4 * 255)
    else:
        pixels = pixels / 255
    return pixels.astype(np.float32)


def standardised(pixels, mean, std):
    return torch.from_numpy(((pixels.astype(np.float64) - mean) / std).astype(np.float32)).unsqueeze(1)


train_pixels = digit_inputs(train_images, SIZE)
test_pixels = digit_inputs(test_images, SIZE)
pixel_mean = float(train_pixels.astype(np.float64).mean())
pixel_std = float(np.sqrt(((train_pixels.astype(np.float64) - pixel_mean) ** 2).mean()))
x_train = standardised(train_pixels, pixel_mean, pixel_std)
x_test = standardised(test_pixels, pixel_mean, pixel_std)
print(f'inputs {SIZE} × {SIZE}; training pixels: mean {pixel_mean:.4f}, standard deviation {pixel_std:.4f}')


# %%
# He et al.'s CIFAR nets (2016a, §4.2), on digits: a 3 × 3 convolution with WIDTH channels, then
# three stages of n basic blocks with WIDTH, 2·WIDTH and 4·WIDTH channels (the first block of
# stages 2 and 3 halves the map with a stride-2 convolution), global average pooling and a
# 10-way linear layer: 6n + 2 weighted layers. Batch normalization after every convolution.
# The residual net adds a shortcut around every block: the identity, or where the shape changes
# option A (every second pixel, the new channels zero) or option B (a 1 × 1 projection + BN).
# The plain net is the same net without shortcuts.

class Block(nn.Module):
    def __init__(self, cin, cout, stride, residual, shortcut):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.residual = residual
        self.down = stride != 1
        self.cout = cout
        self.projection = None
        if residual and self.down and shortcut == 'B':
            self.projection = nn.Sequential(nn.Conv2d(cin, cout, 1, 2, 0, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        if self.residual:
            if not self.down:
                out = out + x
            elif self.projection is not None:
                out = out + self.projection(x)
            else:
                sub = x[:, :, ::2, ::2]
                out = out + F.pad(sub, (0, 0, 0, 0, 0, self.cout - sub.shape[1]))
        return F.relu(out)


class DigitCifarNet(nn.Module):
    def __init__(self, layers, width, residual, shortcut):
        super().__init__()
        n = (layers - 2) // 6
        self.stem = nn.Conv2d(1, width, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(width)
        blocks = []
        for stage in range(3):
            c = width << stage
            for b in range(n):
                down = stage > 0 and b == 0
                blocks.append(Block(c // 2 if down else c, c, 2 if down else 1, residual, shortcut))
        self.blocks = nn.ModuleList(blocks)
        self.n = n
        self.fc = nn.Linear(4 * width, 10)

    def stages(self, x):
        """The stem's output, then the output of each stage (the widget's feature maps)."""
        out = [F.relu(self.bn(self.stem(x)))]
        h = out[0]
        for i, block in enumerate(self.blocks):
            h = block(h)
            if (i + 1) % self.n == 0:
                out.append(h)
        return out

    def forward(self, x):
        return self.fc(self.stages(x)[-1].mean((2, 3)))


# %%
# The initial weights, drawn as the widget draws them (src/lib/ml/cifar-net.ts): every
# convolution of the main path He-normal with fan-out, N(0, 2 / (k² · out channels)), in order
# stem, block 1 conv 1, block 1 conv 2, … from derive_seed(seed, 'cifar-net'); the linear layer
# uniform in ±1/√(4·WIDTH) from derive_seed(seed, 'cifar-head'); option B's projections from
# derive_seed(seed, 'cifar-projections'); BN γ = 1, β = 0. The widget stores a kernel as
# [row, column, in, out], PyTorch as [out, in, row, column]: the same numbers, rearranged.

def he_normal_(conv, rng):
    k, cin, cout = conv.kernel_size[0], conv.in_channels, conv.out_channels
    std = math.sqrt(2 / (k * k * cout))
    values = np.array([rng.normal(0, std) for _ in range(k * k * cin * cout)], dtype=np.float32)
    conv.weight.copy_(torch.from_numpy(values.reshape(k, k, cin, cout).transpose(3, 2, 0, 1).copy()))


def make_net(arch, layers, width, shortcut, seed):
    net = DigitCifarNet(layers, width, arch == 'residual', shortcut)
    with torch.no_grad():
        rng = Rng(derive_seed(seed, 'cifar-net'))
        he_normal_(net.stem, rng)
        for block in net.blocks:
            he_normal_(block.conv1, rng)
            he_normal_(block.conv2, rng)
        head = Rng(derive_seed(seed, 'cifar-head'))
        bound = 1 / math.sqrt(4 * width)
        dense = np.array([head.uniform_range(-bound, bound) for _ in range(4 * width * 10)], dtype=np.float32)
        net.fc.weight.copy_(torch.from_numpy(dense.reshape(4 * width, 10).T.copy()))
        bias = [head.uniform_range(-bound, bound) for _ in range(10)]
        net.fc.bias.copy_(torch.tensor(bias, dtype=torch.float32))
        projections = Rng(derive_seed(seed, 'cifar-projections'))
        for block in net.blocks:
            if block.projection is not None:
                he_normal_(block.projection[0], projections)
    return net


# %%
# Training as in the widget (src/lib/ml/cifar-learner.ts): mini-batches of 128 from
# derive_seed(seed, 'cifar-batches') — the same for the plain and the residual net; SGD with
# momentum 0.9 (or Adam) and weight decay 1e-4 on every parameter; the learning rate divided by
# 10 at 50 % and 75 % of the run. Errors are measured in evaluation mode (BN with its running
# averages): before training; after the iterations of evaluation_steps() — the i-th of 8 at
# (i/8)² of the run, so the points crowd early, where the error falls fastest — on the first
# 1,000 training digits and all test digits; and at the end on all 5,000 training digits. A
# mini-batch loss above 50 nats, or not a number, stops the run as diverged.

BATCH = 128
WEIGHT_DECAY = 1e-4
EVALUATIONS = 8
TRAIN_SAMPLE = 1000


def evaluation_steps(steps, evaluations=EVALUATIONS):
    """Iterations after which the errors are measured, as the widget computes them:
    the i-th at (i / n)² of the run, rounded half up, repeats dropped; the last is the end."""
    out = []
    for i in range(1, evaluations + 1):
        step = min(steps, max(1, js_round(steps * i * i / (evaluations * evaluations))))
        if not out or out[-1] != step:
            out.append(step)
    return out


def errors(net, x, y):
    """Fraction of digits misclassified, in chunks of 250."""
    net.eval()
    with torch.no_grad():
        wrong = sum((net(x[i:i + 250]).argmax(1) != y[i:i + 250]).sum().item() for i in range(0, len(x), 250))
    net.train()
    return wrong / len(x)


def learning_rate(step, steps):
    rate = LEARNING_RATE
    for milestone in (0.5, 0.75):
        if step >= js_round(milestone * steps):
            rate *= 0.1
    return rate


def train_net(arch, layers):
    net = make_net(arch, layers, WIDTH, SHORTCUT, SEED)
    if OPTIMIZER == 'sgd':
        optimizer = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE, momentum=0.9,
                                    weight_decay=WEIGHT_DECAY)
    else:
        optimizer = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-7,
                                     weight_decay=WEIGHT_DECAY)
    stream = BatchStream(len(y_train), BATCH, Rng(derive_seed(SEED, 'cifar-batches')))
    measure_at = set(evaluation_steps(STEPS))
    def measure(step):
        train_error = errors(net, x_train[:TRAIN_SAMPLE], y_train[:TRAIN_SAMPLE])
        return [step, train_error, errors(net, x_test, y_test)]

    curve = [measure(0)]
    losses = []
    started = time.time()
    for step in range(STEPS):
        for group in optimizer.param_groups:
            group['lr'] = learning_rate(step, STEPS)
        loss = train_step(net, optimizer, x_train, y_train, stream.next())
        losses.append(loss)
        if not loss <= 50:
            print(f'{arch}-{layers} diverged at iteration {step + 1}: lower the learning rate')
            return {'net': net, 'losses': losses, 'curve': curve, 'diverged': step + 1,
                    'train_error': None, 'test_error': None}
        done = step + 1
        if done in measure_at and done < STEPS:
            curve.append(measure(done))
    train_error, test_error = errors(net, x_train, y_train), errors(net, x_test, y_test)
    curve.append([STEPS, train_error, test_error])
    print(f'{arch:>8}-{layers}: training error {train_error:.4f}, test error {test_error:.4f} '
          f'({time.time() - started:.0f} s)')
    return {'net': net, 'losses': losses, 'curve': curve, 'diverged': None,
            'train_error': train_error, 'test_error': test_error}


# %%
# The experiment: plain and residual nets at every depth in DEPTHS.
runs = {}
for layers in DEPTHS:
    for arch in ('plain', 'residual'):
        runs[arch, layers] = train_net(arch, layers)


# %%
# The widget's charts, laid out as He et al.'s Fig. 6: plain nets left, residual nets right;
# thin lines training error, bold lines test error; then the final errors against depth.
depth_colours = {8: '#56B4E9', 14: '#009E73', 20: '#E69F00', 32: '#CC79A7', 44: '#D55E00', 56: '#0072B2'}
fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
for ax, arch in zip(axes, ('plain', 'residual')):
    for layers in DEPTHS:
        curve = np.array(runs[arch, layers]['curve'])
        colour = depth_colours.get(layers, 'black')
        ax.plot(curve[:, 0], 100 * curve[:, 1], color=colour, linewidth=1, label=f'{layers} layers, training')
        ax.plot(curve[:, 0], 100 * curve[:, 2], color=colour, linewidth=3, label=f'{layers} layers, test')
    ax.set(title=f'{arch} nets', xlabel='iterations', ylim=(0, 100))
    ax.legend(fontsize=7)
axes[0].set_ylabel('error (%)')
plt.show()

finished = [(a, l) for (a, l), r in runs.items() if r['diverged'] is None]
if finished:
    fig, ax = plt.subplots(figsize=(6, 4))
    for arch in ('plain', 'residual'):
        layers = [l for a, l in finished if a == arch]
        style = '--o' if arch == 'plain' else '-o'
        colour = SERIES_COLOURS[arch]
        ax.plot(layers, [100 * runs[arch, l]['train_error'] for l in layers], style, color=colour,
                linewidth=1, label=f'{arch}, training error')
        ax.plot(layers, [100 * runs[arch, l]['test_error'] for l in layers], style, color=colour,
                linewidth=3, label=f'{arch}, test error')
    ax.set(xlabel='weighted layers', ylabel='error (%)', ylim=(0, 100), title='Final error against depth')
    ax.legend(fontsize=8)
    plt.show()


# %%
# Feature maps of the first test digit of class DIGIT through the deepest pair: the first 8
# channels after the stem and after each stage.
deepest = max(DEPTHS)
sample = int(np.where(test_labels == DIGIT)[0][0])
for arch in ('plain', 'residual'):
    net = runs[arch, deepest]['net']
    net.eval()
    with torch.no_grad():
        maps = net.stages(x_test[sample:sample + 1])
        probabilities = F.softmax(net(x_test[sample:sample + 1]), dim=1)[0]
    fig, axes = plt.subplots(4, 8, figsize=(9, 4.8))
    for row, stack in enumerate(maps):
        for c in range(8):
            ax = axes[row, c]
            ax.axis('off')
            if c < stack.shape[1]:
                ax.imshow(stack[0, c].numpy(), cmap='gray', vmin=0)
    fig.suptitle(f'{arch}-{deepest}, digit {DIGIT}: predicts {int(probabilities.argmax())} '
                 f'({float(probabilities.max()):.1%})', fontsize=10)
    plt.show()


# %%
# The widget's tables (errors as fractions).
show_table('Finished runs',
           ['architecture', 'weighted layers', 'iterations', 'final training error', 'final test error'],
           [[a, l, STEPS, runs[a, l]['train_error'], runs[a, l]['test_error']] for a, l in finished])
show_table('Error during training',
           ['architecture', 'weighted layers', 'iteration', 'training error', 'test error'],
           [[a, l, int(s), float(tr), float(te)] for (a, l), r in runs.items() for s, tr, te in r['curve']])
