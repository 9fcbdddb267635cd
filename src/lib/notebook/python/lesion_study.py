# %%
# Deleting blocks at test time (src/lib/ml/net-probe.ts and lesion.ts). A net of depth D has
# n = D/2 blocks of two body layers: in the residual net the residual blocks, in the plain net the
# same two layers without the shortcut. Deleting block b leaves both its layers out: the block's
# input goes on unchanged. For the residual net that is its identity path; for the plain net it
# removes two layers from the only path there is. Nothing is retrained.
#
# BN uses fixed statistics: the mean and variance of the intact net's units over the whole
# training set, as the widget does (Veit et al. do not re-normalise after a deletion either).

def freeze_batch_norm(model, x):
    """One pass over the training set x in training mode stores each BN's mean and variance
    (momentum 1); evaluation mode then uses them. PyTorch stores the variance divided by N − 1,
    the widget uses the plain variance (divided by N): the factor (N − 1)/N makes them equal."""
    model.train()
    with torch.no_grad():
        model(x)
    if model.batch_norm:
        n = len(x)
        for norm in [model.stem_norm, *model.body_norms]:
            norm.running_var.mul_((n - 1) / n)
    model.eval()


def lesioned_logits(model, x, deleted=()):
    """The model's logits with the blocks in `deleted` (0-based) left out: DenseNet.forward, block
    by block, skipping some."""
    a = model.stem(x)
    if model.batch_norm:
        a = model.stem_norm(a)
    a = F.relu(a)
    for b in range(len(model.body) // 2):
        if b in deleted:
            continue
        l = 2 * b
        if model.architecture == 'plain':
            a = F.relu(model.layer(l + 1, F.relu(model.layer(l, a))))
        elif model.batch_norm:
            a = F.relu(a + model.layer(l + 1, F.relu(model.layer(l, a))))
        else:
            a = a + model.layer(l + 1, F.relu(model.layer(l, F.relu(a))))
    if model.architecture == 'residual' and not model.batch_norm:
        a = F.relu(a)
    return model.head(a)


def lesioned_accuracy(model, x, y, deleted=()):
    """Fraction of (x, y) classified correctly with the blocks in `deleted` left out."""
    with torch.no_grad():
        return (lesioned_logits(model, x, set(deleted)).argmax(dim=1) == y).float().mean().item()


def lesioned_grid(model, extent, resolution, deleted=()):
    """Class probabilities over the map's grid with the blocks in `deleted` left out: [R·R, classes]."""
    with torch.no_grad():
        points = torch.from_numpy(grid_points(extent, resolution))
        return F.softmax(lesioned_logits(model, points, set(deleted)), dim=1).numpy()


# %%
# Which blocks to delete (src/lib/ml/lesion.ts): for "k blocks deleted", all C(n, k) subsets when
# there are at most SUBSETS of them, else SUBSETS different ones drawn at random (seeded).
import itertools


def all_subsets(n, k):
    """Every k-element subset of {0 … n−1}, in lexicographic order."""
    return [list(s) for s in itertools.combinations(range(n), k)]


def random_subset(n, k, rng):
    """One uniformly random k-element subset of {0 … n−1}, sorted (a partial Fisher–Yates shuffle)."""
    items = list(range(n))
    for i in range(k):
        j = i + rng.int(n - i)
        items[i], items[j] = items[j], items[i]
    return sorted(items[:k])


def lesion_subsets(n, k, count, rng):
    if math.comb(n, k) <= count:
        return all_subsets(n, k)
    seen, out = set(), []
    while len(out) < count:
        s = random_subset(n, k, rng)
        if tuple(s) not in seen:
            seen.add(tuple(s))
            out.append(s)
    return out


# %%
# The unraveled view (Veit et al. 2016, §4.2 and Fig. 6): with n blocks x_{b+1} = x_b + F_b(x_b),
# the net's output expands into 2ⁿ paths, each taking at every block either the residual branch
# F_b or the identity. The gradient at the input of the first block is the sum, over all paths, of
# the gradient flowing back through that path alone. To measure one path, the forward pass below
# computes the same values as the net, but cuts the gradient of the way the path does not take
# (`.detach()`): at a block on the path through F, the identity; elsewhere, the branch.

def path_gradient_norm(model, x, y, through):
    """L2 norm of ∂loss/∂(input of block 1) through one path; `through` holds the blocks whose
    branch it takes. Training mode on the mini-batch (x, y), as during training."""
    model.train()
    a = model.stem(x)
    if model.batch_norm:
        a = model.stem_norm(a)
    start = F.relu(a).detach().requires_grad_()
    a = start
    for b in range(len(model.body) // 2):
        l = 2 * b
        if model.batch_norm:
            branch = model.layer(l + 1, F.relu(model.layer(l, a)))
        else:
            branch = model.layer(l + 1, F.relu(model.layer(l, F.relu(a))))
        total = a.detach() + branch if b in through else a + branch.detach()
        a = F.relu(total) if model.batch_norm else total
    if not model.batch_norm:
        a = F.relu(a)
    loss = F.cross_entropy(model.head(a), y)
    (gradient,) = torch.autograd.grad(loss, start)
    return gradient.norm().item()


def effective_range(totals, share=0.9):
    """The shortest run of consecutive path lengths carrying at least `share` of the gradient
    (Veit et al.'s "effective paths"; 90 % is our reading of "almost all"). Ties: the shorter lengths."""
    whole = sum(totals)
    best = (0, len(totals) - 1, 1.0)
    for first in range(len(totals)):
        acc = 0.0
        for last in range(first, len(totals)):
            acc += totals[last]
            if acc / whole >= share:
                if last - first < best[1] - best[0]:
                    best = (first, last, acc / whole)
                break
    return best


# %%
# A whole lesion study of one net, in the order of the widget's worker (src/workers/lesion-job.ts):
# train it; its held-out accuracy intact; each block deleted alone; k random blocks deleted for
# k = 0 … n; for the residual net, the gradient through paths of each length.

PATHS_PER_BATCH = 8  # path samples per mini-batch and length, as in the widget
PATH_BATCH = 64      # examples per mini-batch for the path gradients


def lesion_study(architecture):
    started = time.time()
    run = train_net(architecture)
    if run['diverged']:
        return run
    model = run['model']
    n = DEPTH // 2
    freeze_batch_norm(model, x)
    run['test_accuracy'] = lesioned_accuracy(model, x_test, y_test)
    run['intact_grid'] = lesioned_grid(model, extent, GRID_RESOLUTION)
    run['single'] = [lesioned_accuracy(model, x_test, y_test, [b]) for b in range(n)]
    run['single_grids'] = {b: lesioned_grid(model, extent, GRID_RESOLUTION, [b]) for b in range(n)}

    rng = Rng(derive_seed(SEED, 'lesions'))
    run['curve'] = []
    for k in range(n + 1):
        subsets = lesion_subsets(n, k, SUBSETS, rng)
        accuracies = [run['test_accuracy'] if k == 0 else lesioned_accuracy(model, x_test, y_test, s)
                      for s in subsets]
        run['curve'].append({'k': k, 'count': len(subsets), 'mean': sum(accuracies) / len(accuracies),
                             'min': min(accuracies), 'max': max(accuracies)})

    if architecture == 'residual' and PATH_SAMPLES > 0:
        prng = Rng(derive_seed(SEED, 'paths'))
        sums = [0.0] * (n + 1)
        samples = 0
        for _ in range(math.ceil(PATH_SAMPLES / PATHS_PER_BATCH)):
            batch = torch.tensor([prng.int(len(x)) for _ in range(min(PATH_BATCH, len(x)))])
            paths = [(k, set(random_subset(n, k, prng)))
                     for k in range(n + 1) for _ in range(PATHS_PER_BATCH)]
            for k, through in paths:
                sums[k] += path_gradient_norm(model, x[batch], y[batch], through)
            samples += PATHS_PER_BATCH
        run['paths'] = [{'k': k, 'paths': math.comb(n, k), 'magnitude': s / samples,
                         'total': s / samples * math.comb(n, k)} for k, s in enumerate(sums)]
        run['effective'] = effective_range([p['total'] for p in run['paths']])
    print(f"{architecture:>8}, depth {DEPTH}: training accuracy {run['final_accuracy']:.4f}, "
          f"held-out {run['test_accuracy']:.4f} ({time.time() - started:.1f} s)")
    return run


x_np, y_np, x, y = point_tensors(DATASET, POINTS, SEED)
x_test_np, y_test_np, x_test, y_test = point_tensors(DATASET, TEST_POINTS, derive_seed(SEED, 'test points'))
classes = CLASS_COUNT[DATASET]
extent = plane_extent(x_np)
runs = {a: lesion_study(a) for a in ('plain', 'residual')}
done = {a: r for a, r in runs.items() if not r['diverged']}


# %%
# The widget's charts. The decision maps of both nets, intact and with block BLOCK deleted (set
# BLOCK above; 0 = none); held-out accuracy with each single block deleted; with k random blocks
# deleted (mean, and a band from the lowest to the highest).
n = DEPTH // 2
for what, grids in [('no block deleted', lambda r: r['intact_grid'])] + (
        [(f'block {BLOCK} deleted', lambda r: r['single_grids'][BLOCK - 1])] if BLOCK > 0 else []):
    if done:
        fig, axes = plt.subplots(1, len(done), figsize=(4 * len(done), 4), squeeze=False)
        for ax, (a, r) in zip(axes[0], done.items()):
            draw_boundary(ax, grids(r), GRID_RESOLUTION, classes, extent, x_test_np, y_test_np,
                          f'{a} net, {what}')
        plt.show()

if done:
    fig, (ax_single, ax_curve) = plt.subplots(1, 2, figsize=(11, 3.8))
    for a, r in done.items():
        style = dict(color=SERIES_COLOURS[a], linestyle='--' if a == 'plain' else '-', label=a)
        ax_single.plot(range(1, n + 1), r['single'], marker='o', markersize=3, **style)
        ks = [p['k'] for p in r['curve']]
        ax_curve.plot(ks, [p['mean'] for p in r['curve']], **style)
        ax_curve.fill_between(ks, [p['min'] for p in r['curve']], [p['max'] for p in r['curve']],
                              color=SERIES_COLOURS[a], alpha=0.2)
    for ax in (ax_single, ax_curve):
        ax.axhline(1 / classes, color='grey', linestyle=':', label=f'chance (1/{classes})')
        ax.set(ylim=(0, 1), ylabel='accuracy')
        ax.legend()
    ax_single.set(xlabel='deleted block', title='Held-out accuracy with one block deleted')
    ax_curve.set(xlabel='blocks deleted k', title='… with k random blocks deleted')
    plt.show()


# %%
# The residual net's paths: how many paths have each length (binomial: C(n, k) of the 2ⁿ), and
# how much of the gradient they carry together; the gradient through one path, by its length.
if 'paths' in done.get('residual', {}):
    paths = done['residual']['paths']
    first, last, share = done['residual']['effective']
    all_paths = sum(p['paths'] for p in paths)
    all_gradient = sum(p['total'] for p in paths)
    ks = [p['k'] for p in paths]
    fig, (ax_share, ax_one) = plt.subplots(1, 2, figsize=(11, 3.8))
    ax_share.bar([k - 0.2 for k in ks], [p['paths'] / all_paths for p in paths], width=0.4, color='#999999',
                 label='share of the 2ⁿ paths')
    ax_share.bar([k + 0.2 for k in ks], [p['total'] / all_gradient for p in paths], width=0.4,
                 color=RESIDUAL_COLOUR, label='share of the gradient')
    ax_share.axvspan(first - 0.5, last + 0.5, color=RESIDUAL_COLOUR, alpha=0.08)
    ax_share.set(xlabel='path length k (residual branches passed)', ylabel='share',
                 title=f'Effective paths: {first}–{last} ({share:.0%} of the gradient)')
    ax_share.legend()
    ax_one.plot(ks, [math.log10(p['magnitude']) for p in paths], marker='o', color=RESIDUAL_COLOUR)
    ax_one.set(xlabel='path length k (residual branches passed)', ylabel='log₁₀ of the gradient norm',
               title='Gradient through one path, by its length')
    plt.show()
elif done:
    print(f'A plain net has one path, through all {n} blocks: there is nothing to unravel.')


# %%
# The widget's tables: both nets; one block deleted; k blocks deleted; the residual net's paths.
show_table('The trained nets', ['architecture', 'depth', 'training accuracy', 'held-out accuracy'],
           [[a, DEPTH, r['final_accuracy'], r['test_accuracy']] for a, r in done.items()])
show_table('Held-out accuracy with one block deleted',
           ['deleted block', 'plain accuracy', 'residual accuracy'],
           [[b + 1, *[done[a]['single'][b] if a in done else None for a in ('plain', 'residual')]]
            for b in range(n)])
show_table('Held-out accuracy with k blocks deleted',
           ['architecture', 'blocks deleted k', 'mean accuracy', 'lowest', 'highest'],
           [[a, p['k'], p['mean'], p['min'], p['max']] for a, r in done.items() for p in r['curve']])
if 'paths' in done.get('residual', {}):
    show_table('The residual net\'s paths, by length',
               ['path length k', 'paths C(n, k)', 'share of paths', 'gradient norm of one path',
                'all paths of length k', 'share of the gradient', 'effective (1 = yes)'],
               [[p['k'], p['paths'], p['paths'] / all_paths, f"{p['magnitude']:.4g}", f"{p['total']:.4g}",
                 p['total'] / all_gradient, int(first <= p['k'] <= last)] for p in paths])
