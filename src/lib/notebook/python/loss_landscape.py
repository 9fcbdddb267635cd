# %%
# All of a net's parameters as one flat vector θ, in the widget's order
# (src/lib/ml/param-vector.ts): the stem's kernel; the scale γ and shift β of the stem's BN and of
# each body layer's BN (without BN: their biases); the body kernels one after another; the head's
# kernel and its biases. Kernels are stored [fan_in, fan_out] there: the transpose of nn.Linear's
# weight. A direction in parameter space is a vector of this shape.

def widget_pieces(model):
    """The model's parameters in the widget's order, as (parameter, is_kernel) pairs."""
    units = [(model.stem, model.stem_norm if model.batch_norm else None)]
    for l, layer in enumerate(model.body):
        units.append((layer, model.body_norms[l] if model.batch_norm else None))
    pieces = [(model.stem.weight, True)]
    for layer, norm in units:
        pieces += [(norm.weight, False), (norm.bias, False)] if norm is not None else [(layer.bias, False)]
    pieces += [(layer.weight, True) for layer in model.body]
    pieces += [(model.head.weight, True), (model.head.bias, False)]
    return pieces


def flatten(tensors_and_kinds):
    """One flat float32 vector from (tensor, is_kernel) pairs; kernels as [fan_in, fan_out]."""
    return torch.cat([(t.T if kernel else t).reshape(-1) for t, kernel in tensors_and_kinds])


def get_flat(model):
    return flatten(widget_pieces(model)).detach().clone()


def set_flat(model, theta):
    """Writes the flat vector θ into the model's parameters."""
    offset = 0
    with torch.no_grad():
        for p, kernel in widget_pieces(model):
            shape = p.T.shape if kernel else p.shape
            piece = theta[offset:offset + p.numel()].reshape(shape)
            p.copy_(piece.T if kernel else piece)
            offset += p.numel()


def kernel_segments(model):
    """(offset, rows, cols) of every kernel in the flat vector: the stem, each body layer, the head."""
    segments, offset = [], 0
    for p, kernel in widget_pieces(model):
        if kernel:
            segments.append((offset, p.shape[1], p.shape[0]))
        offset += p.numel()
    return segments


# %%
# Filter-normalised random directions (Li et al. 2018, §4; src/lib/ml/landscape.ts). Gaussian
# entries for every kernel (stem, body layers, head, in that order, from the seeded generator),
# then each neuron's incoming weights (a column of the [fan_in, fan_out] kernel, the analogue of
# one convolution filter) rescaled to the length of the same neuron's weights in θ. BN scales and
# shifts and biases get 0. So α = 1 moves each neuron's weights by as much as their own length.

def filter_normalized_direction(theta, segments, rng):
    theta = theta.numpy()
    d = np.zeros(len(theta), dtype=np.float32)
    for offset, rows, cols in segments:
        size = rows * cols
        block = np.array([rng.normal() for _ in range(size)], dtype=np.float32).reshape(rows, cols)
        own = theta[offset:offset + size].reshape(rows, cols).astype(np.float64)
        block_norm2 = (block.astype(np.float64) ** 2).sum(axis=0)
        own_norm2 = (own ** 2).sum(axis=0)
        scale = np.sqrt(np.divide(own_norm2, block_norm2, out=np.zeros(cols), where=block_norm2 > 0))
        d[offset:offset + size] = (block * scale).astype(np.float32).reshape(-1)
    return torch.from_numpy(d)


def js_linspace(start, stop, n):
    """n evenly spaced values, computed as the widget does (start + (stop − start)·i/(n − 1))."""
    return [start + ((stop - start) * i) / (n - 1) for i in range(n)]


def spread_subset(x, y, points):
    """`points` of the training points, evenly spread (indices ⌊i·N/points⌋): the widget measures
    every landscape value on these, half the set, to keep a slice fast."""
    index = torch.tensor([(i * len(x)) // points for i in range(points)])
    return x[index], y[index]


def loss_at(model, theta, x, y):
    """Loss and accuracy on (x, y) of the net with parameters θ. BN in training mode: it normalises
    with the statistics of these points at this θ, as the widget does."""
    set_flat(model, theta)
    return evaluate(model, x, y)


def point(base, directions, coefficients):
    """base + c₁·d₁ + c₂·d₂ …, in float32, in the widget's order (a zero coefficient adds nothing)."""
    theta = base
    for c, d in zip(coefficients, directions):
        if c != 0:
            theta = theta + d * c
    return theta


# %%
# How rough is a slice (src/lib/ml/slice-roughness.ts)? Along every row and column of the grid,
# the total variation Σ|f(j+1) − f(j)| divided by the least a line with a single valley could have:
# 1 for a bowl, well above 1 for a bumpy surface. And the local minima: interior points lower than
# all eight neighbours.

def line_ratio(line):
    total = sum(abs(b - a) for a, b in zip(line, line[1:]))
    low = min(line)
    single = (line[0] - low) + (line[-1] - low)
    return total / single if single > 0 else 1.0


def slice_roughness(grid):
    R = len(grid)
    lines = [list(row) for row in grid] + [[grid[i][j] for i in range(R)] for j in range(R)]
    up_down = sum(line_ratio(l) for l in lines) / len(lines)
    minima = 0
    for i in range(1, R - 1):
        for j in range(1, R - 1):
            neighbours = [grid[i + di][j + dj] for di in (-1, 0, 1) for dj in (-1, 0, 1) if di or dj]
            if all(v > grid[i][j] for v in neighbours):
                minima += 1
    return {'up_down': up_down, 'local_minima': minima}


# %%
# The curvature at the trained weights (Li et al. Fig. 7): the largest and the most negative
# eigenvalue of the Hessian H of the loss. H has P² entries, far too many to form; Lanczos
# iteration (src/lib/ml/hessian.ts) needs only products Hv, which autograd gives exactly: the
# gradient of (∇L · v). Same random start vector as the widget, 20 products.

def hessian_vector(model, x, y, v):
    """H·v at the model's current parameters, v a flat vector in the widget's order."""
    model.train()
    pieces = widget_pieces(model)
    loss = F.cross_entropy(model(x), y)
    grads = torch.autograd.grad(loss, [p for p, _ in pieces], create_graph=True)
    g = flatten(list(zip(grads, [kernel for _, kernel in pieces])))
    hv = torch.autograd.grad(torch.dot(g, v), [p for p, _ in pieces])
    return flatten(list(zip(hv, [kernel for _, kernel in pieces]))).detach()


def lanczos_extremes(hvp, size, steps, rng):
    """Lanczos with full reorthogonalisation: the extreme Ritz values after `steps` products."""
    v = np.array([rng.normal() for _ in range(size)])
    v = v / math.sqrt(v @ v)
    q, alpha, beta = [], [], []
    for j in range(min(steps, size)):
        q.append(v)
        w = hvp(v)
        alpha.append(w @ v)
        for _ in range(2):  # twice is enough to keep the vectors orthogonal
            for qi in q:
                w = w - (w @ qi) * qi
        norm = math.sqrt(w @ w)
        if norm < 1e-10 or j == min(steps, size) - 1:
            break
        beta.append(norm)
        v = w / norm
    tridiagonal = np.diag(alpha) + np.diag(beta, 1) + np.diag(beta, -1)
    ritz = np.linalg.eigvalsh(tridiagonal)
    return {'min': float(ritz[0]), 'max': float(ritz[-1]), 'ratio': float(abs(ritz[0] / ritz[-1])),
            'products': len(alpha)}


# %%
# A whole landscape, in the order of the widget's worker (src/workers/landscape-job.ts): train the
# net, the line from θ₀ to θ*, the R × R slice through θ* (row i is β = axis[i], column j is
# α = axis[j]), its roughness, the curvature.

def landscape(architecture):
    started = time.time()
    run = train_net(architecture)
    if run['diverged']:
        return run
    model = run['model']
    initial = get_flat(make_dense_net(architecture, DEPTH, WIDTH, BATCH_NORM, 2, classes, SEED))
    final = get_flat(model)
    x_loss, y_loss = spread_subset(x, y, LOSS_POINTS)

    to_final = final - initial
    run['line'] = [(t, *loss_at(model, point(initial, [to_final], [t]), x_loss, y_loss))
                   for t in js_linspace(-0.5, 1.5, LINE_POINTS)]

    rng = Rng(derive_seed(SEED, 'directions'))
    segments = kernel_segments(model)
    directions = [filter_normalized_direction(final, segments, rng) for _ in range(2)]
    axis = js_linspace(-SPAN, SPAN, RESOLUTION)
    run['grid'] = [[loss_at(model, point(final, directions, [alpha, beta]), x_loss, y_loss)[0]
                    for alpha in axis] for beta in axis]
    run['roughness'] = slice_roughness(run['grid'])

    set_flat(model, final)
    if LANCZOS_STEPS > 0:
        def hvp(v):
            vector = torch.from_numpy(v.astype(np.float32))
            return hessian_vector(model, x_loss, y_loss, vector).numpy().astype(np.float64)
        run['curvature'] = lanczos_extremes(hvp, len(final), LANCZOS_STEPS, Rng(derive_seed(SEED, 'lanczos')))
    run['loss_points'] = LOSS_POINTS
    print(f"{architecture:>8}, depth {DEPTH}: training loss {run['final_loss']:.4f}, "
          f"slice {RESOLUTION}×{RESOLUTION} ({time.time() - started:.1f} s)")
    return run


x_np, y_np, x, y = point_tensors(DATASET, POINTS, SEED)
classes = CLASS_COUNT[DATASET]
runs = {a: landscape(a) for a in ('plain', 'residual')}
done = {a: r for a, r in runs.items() if not r['diverged']}


# %%
# The widget's charts: each slice as a map of log-loss (the trained weights θ* at the centre), the
# loss along the cut at β = CUT·SPAN, and along the line from the initial weights (t = 0) to the
# trained ones (t = 1). Dotted: a random guess, ln(classes).
axis = js_linspace(-SPAN, SPAN, RESOLUTION)
cut_row = js_round((CUT + 1) / 2 * (RESOLUTION - 1))
if done:
    fig, axes = plt.subplots(1, len(done), figsize=(5 * len(done), 4.2), squeeze=False)
    for ax, (a, r) in zip(axes[0], done.items()):
        image = ax.contourf(axis, axis, np.log10(np.array(r['grid'])), levels=20, cmap='viridis')
        ax.axhline(axis[cut_row], color='white', linestyle='--', linewidth=1)
        ax.plot([0], [0], marker='+', color='white', markersize=10)
        ax.set(xlabel='α', ylabel='β', title=f'{a} net, depth {DEPTH}: log₁₀ loss', aspect='equal')
        fig.colorbar(image, ax=ax)
    fig.tight_layout()  # keeps each colour bar clear of the next map's axis label
    plt.show()

    fig, (ax_cut, ax_line) = plt.subplots(1, 2, figsize=(11, 3.8))
    for a, r in done.items():
        style = dict(color=SERIES_COLOURS[a], linestyle='--' if a == 'plain' else '-', label=a)
        ax_cut.plot(axis, r['grid'][cut_row], **style)
        ax_line.plot([p[0] for p in r['line']], [p[1] for p in r['line']], **style)
    for ax in (ax_cut, ax_line):
        ax.axhline(math.log(classes), color='grey', linestyle=':', label=f'chance (ln {classes})')
        ax.set(yscale='log', ylabel='loss')
        ax.legend()
    ax_cut.set(xlabel='α', title=f'Loss along the cut β = {axis[cut_row]:.3g}')
    ax_line.set(xlabel='t', title='Loss on the line θ₀ + t·(θ* − θ₀)')
    plt.show()
else:
    print('Nothing to draw: both runs diverged (see above).')


# %%
# The widget's tables: curvature and roughness, the line, the cut, and each slice (top row =
# largest β, as drawn).
show_table('How rough is it? Curvature at the trained weights and shape of the slice',
           ['architecture', 'depth', 'loss at θ*', 'λmax', 'λmin', '|λmin/λmax|', 'up-and-down ratio',
            'local minima'],
           [[a, DEPTH, r['final_loss'], *[r.get('curvature', {}).get(k) for k in ('max', 'min', 'ratio')],
             r['roughness']['up_down'], r['roughness']['local_minima']] for a, r in done.items()])


def from_run(a, pick):
    return pick(done[a]) if a in done else None


show_table('Loss along the line from the initial to the trained weights',
           ['t', 'plain loss', 'residual loss', 'plain accuracy', 'residual accuracy'],
           [[t, *[from_run(a, lambda r: r['line'][i][k]) for k in (1, 2) for a in ('plain', 'residual')]]
            for i, t in enumerate(js_linspace(-0.5, 1.5, LINE_POINTS))])
show_table('Loss along the cut', ['α', 'plain loss', 'residual loss'],
           [[alpha, *[from_run(a, lambda r: r['grid'][cut_row][j]) for a in ('plain', 'residual')]]
            for j, alpha in enumerate(axis)])
for a, r in done.items():
    show_table(f'The slice of the {a} net: training loss at each (α, β)',
               ['β \\ α', *[f'{v:.4g}' for v in axis]],
               [[axis[i], *r['grid'][i]] for i in reversed(range(RESOLUTION))])
