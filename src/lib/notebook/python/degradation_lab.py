# %%
# The points, and a look at them.
x_np, y_np = make_points(DATASET, POINTS, SEED)
x, y = torch.from_numpy(x_np), torch.from_numpy(y_np)
classes = CLASS_COUNT[DATASET]

plt.figure(figsize=(4, 4))
for c in range(classes):
    plt.scatter(x_np[y_np == c, 0], x_np[y_np == c, 1], s=5, color=CLASS_COLOURS[c], label=f'class {c}')
plt.gca().set_aspect('equal')
plt.title(f'{DATASET}: {POINTS} points, seed {SEED}')
plt.legend(fontsize=8)
plt.show()


# %%
# The runs. MODE 'single': every chosen net at DEPTH, with 20 evaluations and a decision map.
# MODE 'sweep': every chosen net at each depth of SWEEP_DEPTHS, only the final loss (as the widget).

def run(architecture, depth, eval_every, grid_resolution):
    started = time.time()
    result = train_dense_run(architecture, depth, x, y, classes, WIDTH, BATCH_NORM, OPTIMIZER,
                             LEARNING_RATE, STEPS, SEED, BATCH_SIZE, eval_every, grid_resolution)
    if result['diverged']:
        step, reason = result['diverged']
        print(f'{architecture}-{depth} diverged at step {step}: {reason}. The run was stopped; '
              'lower the learning rate (try 1e-3) and run it again.')
    else:
        print(f"{architecture:>8}, depth {depth:>2}: final training loss {result['final_loss']:.4f}, "
              f"accuracy {result['final_accuracy']:.4f}  ({time.time() - started:.1f} s)")
    return result


if MODE == 'single':
    runs = {a: run(a, DEPTH, EVAL_EVERY, GRID_RESOLUTION) for a in ARCHITECTURES}
else:
    sweep = {(a, d): run(a, d, 0, 0) for d in SWEEP_DEPTHS for a in ARCHITECTURES}


# %%
# The widget's charts. Left: the mini-batch loss of every step, smoothed as in the widget (log
# scale; the dotted line is a random guess, ln(classes)). Right: the accuracy on the whole
# training set at each evaluation. In a sweep: the final training loss against depth.
if MODE == 'single' and any(r['losses'] for r in runs.values()):
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(11, 3.8))
    for a, r in runs.items():
        style = dict(color=SERIES_COLOURS[a], linestyle='--' if a == 'plain' else '-', label=a)
        ax_loss.plot(range(1, len(r['losses']) + 1), smooth(r['losses']), **style)
        ax_acc.plot([e[0] for e in r['evals']], [e[2] for e in r['evals']], marker='o', markersize=3, **style)
    ax_loss.axhline(math.log(classes), color='grey', linestyle=':', label=f'chance (ln {classes})')
    ax_loss.set(yscale='log', xlabel='step', ylabel='loss', title='Training loss (mini-batch, smoothed)')
    ax_acc.set(ylim=(0, 1), xlabel='step', ylabel='accuracy', title='Training accuracy on the full set')
    ax_loss.legend()
    ax_acc.legend()
    plt.show()
elif MODE == 'sweep' and any(r['final_loss'] is not None for r in sweep.values()):
    plt.figure(figsize=(6, 4))
    for a in ARCHITECTURES:
        done = [(d, sweep[a, d]['final_loss']) for d in SWEEP_DEPTHS if sweep[a, d]['final_loss'] is not None]
        plt.plot([d for d, _ in done], [v for _, v in done], marker='o', color=SERIES_COLOURS[a],
                 linestyle='--' if a == 'plain' else '-', label=a)
    plt.axhline(math.log(classes), color='grey', linestyle=':', label=f'chance (ln {classes})')
    plt.xscale('log', base=2)
    plt.xticks(SWEEP_DEPTHS, [str(d) for d in SWEEP_DEPTHS])
    plt.yscale('log')
    plt.xlabel('depth (hidden layers)')
    plt.ylabel('loss')
    plt.title('Final training loss vs depth')
    plt.legend()
    plt.show()
else:
    print('Nothing to draw: every run diverged (see above).')


# %%
# The decision regions of each net (single depth): every cell of a 48 × 48 grid coloured by the
# class the net predicts, paler where it is less sure; the training points on top.
if MODE == 'single':
    finished = {a: r for a, r in runs.items() if r['grid'] is not None}
    if finished:
        fig, axes = plt.subplots(1, len(finished), figsize=(4 * len(finished), 4), squeeze=False)
        for ax, (a, r) in zip(axes[0], finished.items()):
            draw_boundary(ax, r['grid'], GRID_RESOLUTION, classes, plane_extent(x_np), x_np, y_np,
                          f'Decision regions of the {a} net')
        plt.show()


# %%
# The widget's tables: the finished runs, and loss and accuracy on the full training set at
# each evaluation (single depth) or the final loss at each depth (sweep).
if MODE == 'single':
    finished_rows = [[a, DEPTH, STEPS, r['final_loss'], r['final_accuracy']]
                     for a, r in runs.items() if not r['diverged']]
    show_table('Finished runs', ['architecture', 'depth', 'steps', 'final training loss',
                                 'final training accuracy'], finished_rows)
    steps = sorted({e[0] for r in runs.values() for e in r['evals']})

    def at(a, step, i):
        found = [e[i] for e in runs[a]['evals'] if e[0] == step] if a in runs else []
        return found[0] if found else None

    show_table('Loss and accuracy on the full training set',
               ['step', 'plain loss', 'residual loss', 'plain accuracy', 'residual accuracy'],
               [[s, at('plain', s, 1), at('residual', s, 1), at('plain', s, 2), at('residual', s, 2)]
                for s in steps])
else:
    def final(a, d):
        return sweep[a, d]['final_loss'] if (a, d) in sweep else None

    show_table('Final training loss vs depth', ['depth', 'plain loss', 'residual loss'],
               [[d, final('plain', d), final('residual', d)] for d in SWEEP_DEPTHS])
