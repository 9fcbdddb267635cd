# %%
# The points (the widget always uses the three-arm spiral), then both nets, with the gradient
# norms of every body layer measured before training and every EVAL_EVERY steps.
x_np, y_np = make_points(DATASET, POINTS, SEED)
x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
classes = CLASS_COUNT[DATASET]

runs = {}
for architecture in ['plain', 'residual']:
    started = time.time()
    runs[architecture] = train_dense_run(architecture, DEPTH, x, y, classes, WIDTH, BATCH_NORM, OPTIMIZER,
                                         LEARNING_RATE, STEPS, SEED, BATCH_SIZE, EVAL_EVERY)
    if runs[architecture]['diverged']:
        step, reason = runs[architecture]['diverged']
        print(f'{architecture} diverged at step {step}: {reason}. Lower the learning rate (try 1e-3).')
    else:
        count = len(runs[architecture]['grad_norms'])
        print(f'{architecture:>8}: {count} measurements ({time.time() - started:.1f} s)')


# %%
# Two summaries of a profile (src/lib/ml/gradient-stats.ts): the ratio of the first layer's
# gradient norm to the last one's (above 1: gradients grow toward the input, below 1: they
# shrink), and the same as a factor per layer, ratio ** (1 / (D − 1)).

def first_to_last_ratio(norms):
    return norms[0] / norms[-1] if len(norms) > 1 else 1.0


def per_layer_factor(norms):
    return first_to_last_ratio(norms) ** (1 / (len(norms) - 1)) if len(norms) > 1 else 1.0


def sig(v):
    """Four significant digits, like the widget's tables."""
    return f'{v:.4g}'


# %%
# The widget's charts. Left: the gradient norm of each layer (layer 1 is nearest the input)
# before training (dotted) and at the last measurement (solid). Right: how the norms change
# during training, one map per net, on one shared colour scale.
measured = {a: r for a, r in runs.items() if r['grad_norms']}
if measured:
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for a, r in measured.items():
        layers = range(1, DEPTH + 1)
        ax.plot(layers, r['grad_norms'][0][1], ':', color=SERIES_COLOURS[a], label=f'{a} · before training')
        last_step, last = r['grad_norms'][-1]
        ax.plot(layers, last, '-', color=SERIES_COLOURS[a], marker='o' if DEPTH <= 16 else None,
                markersize=3, label=f'{a} · step {last_step}')
    ax.set(yscale='log', xlabel='layer', ylabel='‖∂loss/∂W‖', title='Gradient norm per layer')
    ax.legend(fontsize=8)
    plt.show()

    all_norms = np.array([v for r in measured.values() for _, n in r['grad_norms'] for v in n])
    positive = all_norms[np.isfinite(all_norms) & (all_norms > 0)]
    colour_scale = matplotlib.colors.LogNorm(vmin=positive.min(), vmax=positive.max())
    fig, axes = plt.subplots(1, len(measured), figsize=(5.5 * len(measured), 3.8), squeeze=False)
    for ax, (a, r) in zip(axes[0], measured.items()):
        steps = [s for s, _ in r['grad_norms']]
        image = np.array([n for _, n in r['grad_norms']]).T  # [layer, measurement]
        shown = ax.imshow(image, origin='lower', aspect='auto', norm=colour_scale, cmap='viridis',
                          extent=(steps[0], steps[-1], 0.5, DEPTH + 0.5))
        ax.set(xlabel='training step', ylabel='layer', title=f'{a} net')
    fig.colorbar(shown, ax=axes[0].tolist(), label='‖∂loss/∂W‖')
    plt.show()


# %%
# The widget's tables: the norms per layer (before training and at the last measurement), and
# their first-to-last ratio and factor per layer.
if measured:
    first_step = {a: r['grad_norms'][0] for a, r in measured.items()}
    last_step = {a: r['grad_norms'][-1] for a, r in measured.items()}

    def norm(which, a, layer):
        return sig(which[a][1][layer]) if a in which else ''

    show_table('Gradient norm per layer',
               ['layer', 'plain, before', 'residual, before', 'plain, last', 'residual, last'],
               [[l + 1, norm(first_step, 'plain', l), norm(first_step, 'residual', l),
                 norm(last_step, 'plain', l), norm(last_step, 'residual', l)] for l in range(DEPTH)])
    rows = []
    for a in measured:
        for step, norms in [first_step[a], last_step[a]]:
            if not rows or rows[-1][:2] != [a, step]:
                rows.append([a, step, sig(first_to_last_ratio(norms)), sig(per_layer_factor(norms))])
    show_table('Growth of the gradient toward the input',
               ['net', 'step', 'first / last', 'factor per layer'], rows)
    for a in measured:
        step, norms = last_step[a]
        print(f'{a} at step {step}: the first layer gets {first_to_last_ratio(norms):.3g} × the gradient '
              f'of the last one (× {per_layer_factor(norms):.3f} per layer).')
