# %%
# Hand-made features of a point (x, y) (src/lib/ml/features.ts): the "feature engineering" of a
# classical pipeline. The points lie roughly in [-1, 1]², so the periodic features use sin(πx)
# etc. (one period across the plane).

FEATURE_FUNCTIONS = {
    'x': lambda x, y: x,
    'y': lambda x, y: y,
    'x2': lambda x, y: x * x,
    'y2': lambda x, y: y * y,
    'xy': lambda x, y: x * y,
    'sinx': lambda x, y: math.sin(math.pi * x),
    'siny': lambda x, y: math.sin(math.pi * y),
    'cosx': lambda x, y: math.cos(math.pi * x),
    'cosy': lambda x, y: math.cos(math.pi * y),
}
FEATURE_FORMULAS = {'x': 'x', 'y': 'y', 'x2': 'x²', 'y2': 'y²', 'xy': 'xy',
                    'sinx': 'sin πx', 'siny': 'sin πy', 'cosx': 'cos πx', 'cosy': 'cos πy'}


def featurize(points, names):
    """The feature matrix [N, len(names)] (float32) of points [N, 2]."""
    out = np.zeros((len(points), len(names)), dtype=np.float32)
    for i, (px, py) in enumerate(points.astype(np.float64)):
        out[i] = [FEATURE_FUNCTIONS[name](px, py) for name in names]
    return out


def standardisation(phi):
    """Mean and standard deviation of each feature over the training set (a fixed part of the
    feature map: it only makes the optimisation easier)."""
    values = phi.astype(np.float64)
    mean = values.mean(axis=0)
    std = np.sqrt(((values - mean) ** 2).mean(axis=0))
    std[std == 0] = 1
    return mean.astype(np.float32), std.astype(np.float32)


def standardise(phi, mean, std):
    return ((phi.astype(np.float64) - mean) / std).astype(np.float32)


class LogisticRegression(nn.Module):
    """z = φ·W + b, class probabilities softmax(z). Weights and biases start at zero (the loss is
    convex, so there is no symmetry to break)."""

    def __init__(self, features, classes):
        super().__init__()
        self.linear = nn.Linear(features, classes)
        with torch.no_grad():
            self.linear.weight.zero_()
            self.linear.bias.zero_()

    def forward(self, phi):
        return self.linear(phi)


# %%
# One learner's run, in the order of the widget's worker (src/workers/boundary-job.ts): all
# three learners use the same loss, Adam with the same learning rate, and the same seeded
# mini-batches of 32; full-set loss and accuracy before training, every EVAL_EVERY steps and after
# the last step.

def train_learner(name, model, inputs, y, grid_inputs):
    optimizer = make_optimizer('adam', model.parameters(), LEARNING_RATE)
    stream = BatchStream(len(y), BATCH_SIZE, Rng(derive_seed(SEED, 'batches')))
    run = {'learner': name, 'losses': [], 'evals': [], 'final_loss': None, 'final_accuracy': None,
           'grid': None, 'diverged': None, 'parameters': sum(p.numel() for p in model.parameters())}
    loss, accuracy = evaluate(model, inputs, y)
    if loss_is_bad(loss):
        run['diverged'] = 0
        return run
    run['evals'].append((0, loss, accuracy))
    for step in range(1, STEPS + 1):
        loss = train_step(model, optimizer, inputs, y, stream.next())
        if loss_is_bad(loss):
            run['diverged'] = step
            return run
        run['losses'].append(loss)
        if step % EVAL_EVERY == 0 or step == STEPS:
            loss, accuracy = evaluate(model, inputs, y)
            if loss_is_bad(loss):
                run['diverged'] = step
                return run
            run['evals'].append((step, loss, accuracy))
    run['final_loss'], run['final_accuracy'] = run['evals'][-1][1:]
    run['grid'] = predict(model, inputs, grid_inputs)
    return run


# %%
# The points, the features, and the three learners.
x_np, y_np = make_points(DATASET, POINTS, SEED)
y = torch.from_numpy(y_np)
classes = CLASS_COUNT[DATASET]
extent = plane_extent(x_np)
grid = grid_points(extent, GRID_RESOLUTION)


def feature_inputs(names):
    """Standardised features of the training points and of the grid, as tensors."""
    mean, std = standardisation(featurize(x_np, names))
    train = standardise(featurize(x_np, names), mean, std)
    on_grid = standardise(featurize(grid, names), mean, std)
    return torch.from_numpy(train), torch.from_numpy(on_grid)


learner_features = {'raw': ['x', 'y'], 'features': FEATURES, 'mlp': ['x', 'y']}
runs = {}
for name in ['mlp', 'raw', 'features']:  # the widget's order (the MLP first: it takes longest)
    if name not in LEARNERS:
        continue
    started = time.time()
    if name == 'mlp':
        # The degradation lab's plain net with BN: a stem layer and LAYERS − 1 body layers.
        model = make_dense_net('plain', max(1, LAYERS - 1), WIDTH, True, 2, classes, SEED)
        inputs, grid_inputs = torch.from_numpy(x_np), torch.from_numpy(grid)
    else:
        inputs, grid_inputs = feature_inputs(learner_features[name])
        model = LogisticRegression(len(learner_features[name]), classes)
    runs[name] = train_learner(name, model, inputs, y, grid_inputs)
    r = runs[name]
    if r['diverged'] is not None:
        print(f"{name}: diverged at step {r['diverged']}; lower the learning rate.")
    else:
        print(f"{name:>8}: final loss {r['final_loss']:.4f}, accuracy {r['final_accuracy']:.4f}"
              f"  ({time.time() - started:.1f} s)")


# %%
# The widget's charts: mini-batch loss (smoothed, log scale), accuracy on the full set, and the
# decision regions of each learner.
COLOURS = {'raw': '#D55E00', 'features': '#009E73', 'mlp': '#0072B2'}
DASHES = {'raw': '--', 'features': ':', 'mlp': '-'}
SHORT = {'raw': 'logistic, x and y', 'features': 'logistic, features', 'mlp': 'MLP'}
TITLES = {'raw': 'Logistic regression on x, y',
          'features': 'Logistic regression on ' + ', '.join(FEATURE_FORMULAS[f] for f in FEATURES),
          'mlp': f'MLP: {LAYERS} hidden layers × {WIDTH} units'}
shown = [name for name in ['raw', 'features', 'mlp'] if name in runs]
if any(runs[name]['losses'] for name in shown):
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(11, 3.8))
    for name in shown:
        r = runs[name]
        style = dict(color=COLOURS[name], linestyle=DASHES[name], label=SHORT[name])
        ax_loss.plot(range(1, len(r['losses']) + 1), smooth(r['losses']), **style)
        ax_acc.plot([e[0] for e in r['evals']], [e[2] for e in r['evals']], marker='o', markersize=3, **style)
    ax_loss.axhline(math.log(classes), color='grey', linestyle=':', label=f'chance (ln {classes})')
    ax_loss.set(yscale='log', xlabel='step', ylabel='loss', title='Training loss (mini-batch, smoothed)')
    ax_acc.set(ylim=(0, 1), xlabel='step', ylabel='accuracy', title='Training accuracy on the full set')
    ax_loss.legend(fontsize=8)
    ax_acc.legend(fontsize=8)
    plt.show()

finished = [name for name in shown if runs[name]['grid'] is not None]
if finished:
    fig, axes = plt.subplots(1, len(finished), figsize=(4 * len(finished), 4), squeeze=False)
    for ax, name in zip(axes[0], finished):
        draw_boundary(ax, runs[name]['grid'], GRID_RESOLUTION, classes, extent, x_np, y_np, TITLES[name])
    plt.show()


# %%
# The widget's tables: each learner's features, parameter count and final numbers; and the
# full-set loss and accuracy at every evaluation.
rows = []
for name in shown:
    r = runs[name]
    if r['diverged'] is None:
        formulas = ', '.join(FEATURE_FORMULAS[f] for f in learner_features[name])
        rows.append([name, formulas, r['parameters'], r['final_loss'], r['final_accuracy']])
show_table('Learners',
           ['learner', 'features', 'parameters', 'final training loss', 'final training accuracy'], rows)


def at(name, step, i):
    found = [e[i] for e in runs[name]['evals'] if e[0] == step] if name in runs else []
    return found[0] if found else None


names = ['raw', 'features', 'mlp']
steps = sorted({e[0] for r in runs.values() for e in r['evals']})
show_table('Loss and accuracy on the full training set',
           ['step'] + [f'{n} loss' for n in names] + [f'{n} accuracy' for n in names],
           [[s] + [at(n, s, 1) for n in names] + [at(n, s, 2) for n in names] for s in steps])
