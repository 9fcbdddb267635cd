# %%
# A full-set evaluation, per-layer gradient norms and the class probabilities over a grid,
# each as the widget's worker computes them (src/lib/ml/lockstep-trainer.ts).

def evaluate(model, x, y):
    """Loss and accuracy on the whole training set. Training mode: BN normalises with the
    statistics of all the points at once, as the widget does."""
    model.train()
    with torch.no_grad():
        logits = model(x)
        loss = F.cross_entropy(logits, y).item()
        accuracy = (logits.argmax(dim=1) == y).float().mean().item()
    return loss, accuracy


def gradient_norms(model, x, y, batch):
    """The length (L2 norm) of ∂loss/∂W for each body layer, on one mini-batch, without an update."""
    model.train()
    model.zero_grad()
    index = torch.tensor(batch)
    F.cross_entropy(model(x[index]), y[index]).backward()
    norms = [layer.weight.grad.norm().item() for layer in model.body]
    model.zero_grad()
    return norms


def predict(model, x, points):
    """Class probabilities at `points`: [len(points), classes]. BN uses the mean and variance of
    the whole training set x: one pass over it in training mode stores them (momentum 1), then
    evaluation mode uses them. (PyTorch stores the variance divided by N − 1 rather than N; for
    hundreds of points that changes the map by well under 1 %.)"""
    with torch.no_grad():
        model.train()
        model(x)
        model.eval()
        probabilities = F.softmax(model(points), dim=1)
    model.train()
    return probabilities.numpy()


def predict_grid(model, x, extent, resolution):
    """Class probabilities at the centres of a resolution × resolution grid: [R·R, classes]."""
    return predict(model, x, torch.from_numpy(grid_points(extent, resolution)))


# %%
# A whole run, in the order of the widget's worker (src/workers/degradation-job.ts): an
# evaluation and the gradient norms before training and every `eval_every` steps, the last
# evaluation after the last step, then the decision map. A loss that is not a finite number or
# above 100 nats stops the run, as in the widget.

MAX_LOSS = 100


def loss_is_bad(loss):
    return not math.isfinite(loss) or loss > MAX_LOSS


def train_dense_run(architecture, depth, x, y, classes, width, batch_norm, optimizer, learning_rate,
                    steps, seed, batch_size, eval_every, grid_resolution=0):
    """Trains one net. Returns a dict: losses (one per step), evals [(step, loss, accuracy)],
    grad_norms [(step, [norm of layer 1, …, layer D])], final_loss, final_accuracy, grid and
    diverged (None, or (step, reason))."""
    model = make_dense_net(architecture, depth, width, batch_norm, x.shape[1], classes, seed)
    opt = make_optimizer(optimizer, model.parameters(), learning_rate)
    stream = BatchStream(len(x), batch_size, Rng(derive_seed(seed, 'batches')))
    run = {'architecture': architecture, 'depth': depth, 'steps': steps, 'losses': [], 'evals': [],
           'grad_norms': [], 'final_loss': None, 'final_accuracy': None, 'grid': None, 'diverged': None}

    def measure(step):
        """Evaluation and gradient norms at `step`; False if the run diverged."""
        loss, accuracy = evaluate(model, x, y)
        norms = gradient_norms(model, x, y, stream.peek())
        if loss_is_bad(loss) or not all(math.isfinite(v) for v in norms):
            run['diverged'] = (step, 'the loss or a gradient is not a finite number')
            return False
        run['evals'].append((step, loss, accuracy))
        run['grad_norms'].append((step, norms))
        return True

    if eval_every > 0 and not measure(0):
        return run
    for step in range(1, steps + 1):
        loss = train_step(model, opt, x, y, stream.next())
        if loss_is_bad(loss):
            reason = 'the loss went above 100' if math.isfinite(loss) else 'the loss is not a finite number'
            run['diverged'] = (step, reason)
            return run
        run['losses'].append(loss)
        if eval_every > 0 and step % eval_every == 0 and step < steps and not measure(step):
            return run
    if eval_every > 0:
        if not measure(steps):
            return run
        run['final_loss'], run['final_accuracy'] = run['evals'][-1][1:]
    else:
        run['final_loss'], run['final_accuracy'] = evaluate(model, x, y)
        if loss_is_bad(run['final_loss']):
            run['diverged'] = (steps, 'the loss is not a finite number')
            return run
    if grid_resolution > 0:
        run['grid'] = predict_grid(model, x, plane_extent(x.numpy()), grid_resolution)
    run['model'] = model
    return run
