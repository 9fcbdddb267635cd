# %%
# The variants (src/lib/ml/block-variants.ts): what sits on the shortcut, what multiplies the
# residual branch F, and where BN and ReLU go. With x the block input and W₁, W₂ its two layers:
#   placement 'post' (the original):   ReLU(s(x) + c·BN(W₂·ReLU(BN(W₁·x))))
#   'bn-after-add':                     ReLU(BN(x + W₂·ReLU(BN(W₁·x))))
#   'relu-before-add':                  x + ReLU(BN(W₂·ReLU(BN(W₁·x))))
#   'relu-preact':                      x + BN(W₂·ReLU(BN(W₁·ReLU(x))))
#   'full-preact':                      x + W₂·ReLU(BN(W₁·ReLU(BN(x))))
# Shortcut s(x): 'identity' x, 'zero' 0, 'scale' 0.5·x, 'gate' (1 − g(x))·x with
# g(x) = σ(x·W_g + b_g), 'projection' BN(x·W_s), 'dropout' m·x (m ~ Bernoulli(0.5) while training,
# its mean 0.5 otherwise). Branch factor c: 'one' 1, 'half' 0.5, 'gate' g(x).

VARIANTS = {
    # id:               (shortcut,     branch, placement)
    'original':         ('identity',   'one',  'post'),
    'zero-shortcut':    ('zero',       'one',  'post'),
    'scale-shortcut':   ('scale',      'one',  'post'),
    'scale-both':       ('scale',      'half', 'post'),
    'exclusive-gate':   ('gate',       'gate', 'post'),
    'shortcut-gate':    ('gate',       'one',  'post'),
    'projection':       ('projection', 'one',  'post'),
    'dropout-shortcut': ('dropout',    'one',  'post'),
    'bn-after-add':     ('identity',   'one',  'bn-after-add'),
    'relu-before-add':  ('identity',   'one',  'relu-before-add'),
    'relu-preact':      ('identity',   'one',  'relu-preact'),
    'full-preact':      ('identity',   'one',  'full-preact'),
}


# %%
# One block of a variant (src/lib/ml/variant-net.ts). Every variant has two W × W layers and two
# BNs; the projection adds W_s and its BN, the gates W_g and b_g. Layers followed by a BN have no
# bias (BN's shift does that job); neither has W₂ of 'full-preact' and 'bn-after-add'.

class VariantBlock(nn.Module):
    def __init__(self, variant, width):
        super().__init__()
        self.shortcut, self.branch, self.placement = VARIANTS[variant]
        self.linear1 = nn.Linear(width, width, bias=False)
        self.linear2 = nn.Linear(width, width, bias=False)
        self.norm_a = make_batch_norm(width)  # the block's first BN (before W₁ in 'full-preact')
        self.norm_b = make_batch_norm(width)  # its second BN (where depends on the placement)
        if self.shortcut == 'projection':
            self.shortcut_linear = nn.Linear(width, width, bias=False)
            self.shortcut_norm = make_batch_norm(width)
        if self.shortcut == 'gate':
            self.gate_linear = nn.Linear(width, width, bias=True)  # W_g and b_g

    def forward(self, x, mask=None):
        """One block. `mask` is the dropout shortcut's 0/1 mask while training (None: its mean 0.5)."""
        placement = self.placement
        if placement == 'full-preact':
            h = F.relu(self.norm_b(self.linear1(F.relu(self.norm_a(x)))))
            f = self.linear2(h)
        else:
            a_in = F.relu(x) if placement == 'relu-preact' else x
            h = F.relu(self.norm_a(self.linear1(a_in)))
            f = self.linear2(h)
            if placement != 'bn-after-add':
                f = self.norm_b(f)
                if placement == 'relu-before-add':
                    f = F.relu(f)
        gate = None
        if self.shortcut == 'identity':
            s = x
        elif self.shortcut == 'zero':
            s = None
        elif self.shortcut == 'scale':
            s = 0.5 * x
        elif self.shortcut == 'dropout':
            s = x * mask if mask is not None else 0.5 * x
        elif self.shortcut == 'projection':
            s = self.shortcut_norm(self.shortcut_linear(x))
        else:  # 'gate'
            gate = torch.sigmoid(self.gate_linear(x))
            s = (1 - gate) * x
        if self.branch == 'half':
            f = 0.5 * f
        elif self.branch == 'gate':
            f = gate * f
        total = f if s is None else s + f
        if placement == 'post':
            return F.relu(total)
        if placement == 'bn-after-add':
            return F.relu(self.norm_b(total))
        return total


# %%
# The whole net: stem Linear(2 → W) → BN → ReLU, n = D/2 blocks of the variant, then (for the
# pre-activation variants) the activation their last block lacks — BN → ReLU for 'full-preact',
# ReLU for 'relu-preact' — and the head Linear(W → classes).
#
# Initial weights: the stem, the 2n block layers and the head are exactly the residual BN net's
# (initial_weights, same seed), so every variant starts from the same matrices and 'original' is
# the degradation lab's residual net; W_s and W_g are He-normal draws from their own stream
# (derive_seed(seed, 'shortcut-weights')), block by block; BN scales 1, shifts 0, b_g = GATE_BIAS.

class VariantNet(nn.Module):
    def __init__(self, variant, depth, width, classes):
        super().__init__()
        if depth % 2 != 0:
            raise ValueError('a residual net is built from blocks of two layers: the depth must be even')
        self.variant = variant
        self.stem = nn.Linear(2, width, bias=False)
        self.stem_norm = make_batch_norm(width)
        self.blocks = nn.ModuleList([VariantBlock(variant, width) for _ in range(depth // 2)])
        if VARIANTS[variant][2] == 'full-preact':
            self.final_norm = make_batch_norm(width)
        self.head = nn.Linear(width, classes)

    def forward(self, x, masks=None):
        """Logits [B, classes]; `masks` [n, B, W]: the dropout shortcut's masks while training."""
        a = F.relu(self.stem_norm(self.stem(x)))
        for b, block in enumerate(self.blocks):
            a = block(a, None if masks is None else masks[b])
        placement = VARIANTS[self.variant][2]
        if placement == 'full-preact':
            a = F.relu(self.final_norm(a))
        elif placement == 'relu-preact':
            a = F.relu(a)
        return self.head(a)


def as_weight(kernel):
    """A [fan_in, fan_out] kernel as nn.Linear stores it, [fan_out, fan_in]."""
    return torch.from_numpy(kernel.T.copy())


def make_variant_net(variant, depth, width, classes, seed, gate_bias):
    model = VariantNet(variant, depth, width, classes)
    stem, body, head = initial_weights('residual', depth, width, True, 2, classes, seed)
    rng = Rng(derive_seed(seed, 'shortcut-weights'))
    with torch.no_grad():
        model.stem.weight.copy_(as_weight(stem))
        for b, block in enumerate(model.blocks):
            block.linear1.weight.copy_(as_weight(body[2 * b]))
            block.linear2.weight.copy_(as_weight(body[2 * b + 1]))
        for block in model.blocks:  # W_s or W_g, drawn block by block
            if block.shortcut == 'projection':
                block.shortcut_linear.weight.copy_(as_weight(he_normal(rng, width, width)))
            elif block.shortcut == 'gate':
                block.gate_linear.weight.copy_(as_weight(he_normal(rng, width, width)))
                block.gate_linear.bias.fill_(gate_bias)
        model.head.weight.copy_(as_weight(head))
        model.head.bias.zero_()
    return model


# %%
# Training, as the widget's worker does it (src/lib/ml/variant-learner.ts): every variant on the
# same mini-batches, from the same seed. The dropout shortcut draws a fresh 0/1 mask for every
# block, example and unit at every step, from its own seeded stream. Evaluations: loss and
# accuracy on the whole training set (BN with that set's statistics, dropout at its mean) and on
# 1,000 held-out test points with those same statistics, before training, every EVAL_EVERY
# steps and after the last step.

def dropout_masks(rng, blocks, batch_size, width):
    values = [1.0 if rng.uniform() < 0.5 else 0.0 for _ in range(blocks * batch_size * width)]
    return torch.tensor(values, dtype=torch.float32).reshape(blocks, batch_size, width)


def evaluate_variant(model, x, y, x_test, y_test):
    """(training loss, training accuracy, test loss, test accuracy)."""
    model.train()
    with torch.no_grad():
        logits = model(x)  # training mode: BN uses (and stores) the training set's statistics
        for m in model.modules():
            if isinstance(m, nn.BatchNorm1d):
                m.running_var.mul_((len(x) - 1) / len(x))  # the variance over N, as the widget's
        model.eval()
        test_logits = model(x_test)
    model.train()

    def score(z, t):
        return F.cross_entropy(z, t).item(), (z.argmax(dim=1) == t).float().mean().item()
    return (*score(logits, y), *score(test_logits, y_test))


def train_variant(variant):
    """Trains one variant. Returns a dict: losses (one per step), evals [(step, train loss, train
    accuracy, test loss, test accuracy)], final (the last evaluation), parameters, diverged."""
    model = make_variant_net(variant, DEPTH, WIDTH, classes, SEED, GATE_BIAS)
    opt = make_optimizer(OPTIMIZER, model.parameters(), LEARNING_RATE)
    stream = BatchStream(len(x), BATCH_SIZE, Rng(derive_seed(SEED, 'batches')))
    mask_rng = Rng(derive_seed(SEED, 'dropout')) if VARIANTS[variant][0] == 'dropout' else None
    run = {'variant': variant, 'losses': [], 'evals': [], 'final': None, 'diverged': None,
           'parameters': sum(p.numel() for p in model.parameters())}

    def measure(step):
        scores = evaluate_variant(model, x, y, x_test, y_test)
        if loss_is_bad(scores[0]) or not math.isfinite(scores[2]):
            run['diverged'] = (step, 'the loss is not a finite number or above 100')
            return False
        run['evals'].append((step, *scores))
        return True

    if not measure(0):
        return run
    for step in range(1, STEPS + 1):
        index = torch.tensor(stream.next())
        masks = dropout_masks(mask_rng, len(model.blocks), BATCH_SIZE, WIDTH) if mask_rng else None
        loss = F.cross_entropy(model(x[index], masks), y[index])
        opt.zero_grad()
        loss.backward()
        opt.step()
        if loss_is_bad(loss.item()):
            run['diverged'] = (step, 'the loss is not a finite number or above 100')
            return run
        run['losses'].append(loss.item())
        if (step % EVAL_EVERY == 0 or step == STEPS) and not measure(step):
            return run
    run['final'] = run['evals'][-1]
    return run


# %%
# The runs: the training points and an independent draw of test points from the same
# distribution, then every chosen variant.
x_np, y_np, x, y = point_tensors(DATASET, POINTS, SEED)
x_test_np, y_test_np, x_test, y_test = point_tensors(DATASET, POINTS, derive_seed(SEED, 'test'))
classes = CLASS_COUNT[DATASET]

runs = {}
for variant in VARIANT_IDS:
    started = time.time()
    runs[variant] = r = train_variant(variant)
    if r['diverged']:
        print(f"{variant} diverged at step {r['diverged'][0]}: {r['diverged'][1]}. "
              'The run was stopped; lower the learning rate and run it again.')
    else:
        print(f"{variant:>16}: training loss {r['final'][1]:.4f}, test accuracy {r['final'][4]:.4f} "
              f"({time.time() - started:.1f} s)")


# %%
# The widget's charts: the mini-batch loss of every step, smoothed (log scale), and the test
# accuracy at each evaluation, one line per variant.
LINE_STYLES = ['-', '--', '-.', ':']
VARIANT_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7']
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(11, 3.8))
for i, (variant, r) in enumerate(runs.items()):
    style = dict(color=VARIANT_COLOURS[i % 4], linestyle=LINE_STYLES[i % 4], label=variant)
    if r['losses']:
        ax_loss.plot(range(1, len(r['losses']) + 1), smooth(r['losses']), **style)
    ax_acc.plot([e[0] for e in r['evals']], [e[4] for e in r['evals']], marker='o', markersize=3, **style)
ax_loss.set(yscale='log', xlabel='step', ylabel='loss', title='Training loss (mini-batch, smoothed) per step')
ax_acc.set(ylim=(0, 1), xlabel='step', ylabel='accuracy', title='Test accuracy (held-out points) per step')
ax_loss.legend()
ax_acc.legend()
plt.show()


# %%
# The widget's tables: the finished runs, every evaluation, and what He et al. (2016b) measured
# for these variants (ResNet-110 on CIFAR-10, test error %, median of 5 runs).
show_table('Finished runs',
           ['variant', 'b_g', 'depth', 'steps', 'seed', 'training loss', 'training accuracy',
            'test accuracy'],
           [[v, GATE_BIAS if VARIANTS[v][0] == 'gate' else '', DEPTH, STEPS, SEED,
             r['final'][1], r['final'][2], r['final'][4]] for v, r in runs.items() if r['final']])
show_table('Training and test scores at each evaluation',
           ['step', 'variant', 'training loss', 'training accuracy', 'test loss', 'test accuracy'],
           [[e[0], v, *e[1:]] for v, r in runs.items() for e in r['evals']])
show_table('He et al. 2016b: ResNet-110 on CIFAR-10, test error (%)', ['variant', 'paper'],
           [[v, PAPER_ERRORS.get(v, '')] for v in VARIANT_IDS])
