# %%
# Initial weights (src/lib/ml/init-weights.ts): He-normal, N(0, 2 / fan_in), drawn from the
# sub-stream derive_seed(seed, 'init') in a fixed order: stem, body layers 1 … D, head. So a
# plain and a residual net with the same seed, depth and width start from the same matrices.
# Matrices are [fan_in, fan_out] here, as in the widget; PyTorch's nn.Linear stores the
# transpose, [fan_out, fan_in].

def he_normal(rng, fan_in, fan_out):
    """A [fan_in, fan_out] float32 matrix of N(0, 2 / fan_in) samples, row by row."""
    std = math.sqrt(2 / fan_in)
    values = [rng.normal(0, std) for _ in range(fan_in * fan_out)]
    return np.array(values, dtype=np.float32).reshape(fan_in, fan_out)


def initial_weights(architecture, depth, width, batch_norm, input_dim, classes, seed):
    """The stem, body (a list of D matrices) and head kernels the widget starts from."""
    rng = Rng(derive_seed(seed, 'init'))
    stem = he_normal(rng, input_dim, width)
    body = [he_normal(rng, width, width) for _ in range(depth)]
    head = he_normal(rng, width, classes)
    blocks = depth // 2 if architecture == 'residual' else 0
    if blocks > 0 and not batch_norm:
        # Residual net without BN: the second layer of each block starts scaled by 1/sqrt(D/2),
        # so the sum of the D/2 branches stays at the scale of the input.
        scale = 1 / math.sqrt(blocks)
        for l in range(1, depth, 2):
            body[l] = (body[l].astype(np.float64) * scale).astype(np.float32)
    return stem, body, head


# %%
# The network (src/lib/ml/net-config.ts), for depth D and width W:
#   stem:  Linear(2 → W) → BN → ReLU
#   plain body:    D × [Linear(W → W) → BN → ReLU]
#   residual body with BN (He et al. 2016a): D/2 blocks  a ↦ ReLU(a + BN(Linear(ReLU(BN(Linear(a))))))
#   residual body without BN (He et al. 2016b, "pre-activation"): D/2 blocks
#                  a ↦ a + Linear(ReLU(Linear(ReLU(a)))), and one ReLU before the head
#   head:  Linear(W → classes), giving the logits
# With BN, the Linear layers have no bias (BN's shift β does that job); without BN they have one.

def make_batch_norm(width):
    # momentum=1.0: BN keeps the mean and variance of the last batch it saw in training mode.
    # The notebook uses that once, to draw the decision maps with the statistics of the whole
    # training set, as the widget does (see predict_grid). Training always uses the batch's own.
    return nn.BatchNorm1d(width, eps=1e-5, momentum=1.0)


class DenseNet(nn.Module):
    """A plain or residual fully connected classifier, as in the widget."""

    def __init__(self, architecture, depth, width, batch_norm, input_dim, classes):
        super().__init__()
        if architecture == 'residual' and depth % 2 != 0:
            raise ValueError('a residual net is built from blocks of two layers: the depth must be even')
        self.architecture = architecture
        self.batch_norm = batch_norm
        self.stem = nn.Linear(input_dim, width, bias=not batch_norm)
        self.body = nn.ModuleList([nn.Linear(width, width, bias=not batch_norm) for _ in range(depth)])
        if batch_norm:
            self.stem_norm = make_batch_norm(width)
            self.body_norms = nn.ModuleList([make_batch_norm(width) for _ in range(depth)])
        self.head = nn.Linear(width, classes)

    def layer(self, l, a):
        """Body layer l: Linear, then BN when the net has it."""
        z = self.body[l](a)
        return self.body_norms[l](z) if self.batch_norm else z

    def forward(self, x):
        a = self.stem(x)
        if self.batch_norm:
            a = self.stem_norm(a)
        a = F.relu(a)
        depth = len(self.body)
        if self.architecture == 'plain':
            for l in range(depth):
                a = F.relu(self.layer(l, a))
        elif self.batch_norm:
            for l in range(0, depth, 2):
                h = F.relu(self.layer(l, a))
                a = F.relu(a + self.layer(l + 1, h))
        else:
            for l in range(0, depth, 2):
                h = self.layer(l, F.relu(a))
                a = a + self.layer(l + 1, F.relu(h))
            a = F.relu(a)
        return self.head(a)


def make_dense_net(architecture, depth, width, batch_norm, input_dim, classes, seed):
    """A DenseNet holding the widget's initial weights: biases 0, BN scale 1 and shift 0."""
    model = DenseNet(architecture, depth, width, batch_norm, input_dim, classes)
    stem, body, head = initial_weights(architecture, depth, width, batch_norm, input_dim, classes, seed)
    with torch.no_grad():
        model.stem.weight.copy_(torch.from_numpy(stem.T.copy()))
        for layer, kernel in zip(model.body, body):
            layer.weight.copy_(torch.from_numpy(kernel.T.copy()))
        model.head.weight.copy_(torch.from_numpy(head.T.copy()))
        for layer in [model.stem, *model.body, model.head]:
            if layer.bias is not None:
                layer.bias.zero_()
    return model
