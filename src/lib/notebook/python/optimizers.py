# %%
# The optimisers, exactly as the widget's (src/lib/ml/optimizers.ts):
# - Adam (Kingma & Ba 2015), β1 = 0.9, β2 = 0.999, ε = 1e-7 (TensorFlow.js's ε; PyTorch's default
#   is 1e-8). The widget folds Adam's two bias corrections into the step size; that is the same
#   update as torch.optim.Adam's, written differently.
# - SGD with heavy-ball momentum 0.9: velocity ← 0.9·velocity + gradient, θ ← θ − lr·velocity,
#   which is torch.optim.SGD with momentum (no dampening, no Nesterov, no weight decay).

def make_optimizer(name, parameters, learning_rate):
    if name == 'adam':
        return torch.optim.Adam(parameters, lr=learning_rate, betas=(0.9, 0.999), eps=1e-7)
    return torch.optim.SGD(parameters, lr=learning_rate, momentum=0.9)


# One training step. The loss is the mean softmax cross-entropy of the mini-batch, in nats.

def train_step(model, optimizer, x, y, batch):
    """One update on the examples `batch`. Returns the mini-batch loss, measured before the update."""
    model.train()
    index = torch.tensor(batch)
    loss = F.cross_entropy(model(x[index]), y[index])
    optimizer.zero_grad()
    loss.backward()  # PyTorch's autograd; the widget has a hand-written backward pass
    optimizer.step()
    return loss.item()
