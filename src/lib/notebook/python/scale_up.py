# %%
# Scale it up: the CIFAR-10 experiment of He et al. (2016a), §4.2 and Fig. 6.
# Switch RUN_CIFAR on to train. It downloads CIFAR-10 (about 170 MB) through torchvision and
# uses a GPU when there is one; on a CPU one run takes days, on one modern GPU about an hour
# (ResNet-20) to several hours (ResNet-110).

RUN_CIFAR = False      # True: download CIFAR-10 and train the net below
CIFAR_DEPTH = 20       # 6n + 2 layers: 20, 32, 44, 56 or 110
CIFAR_SHORTCUTS = True  # False: the plain net of the same depth (Fig. 6, left)
CIFAR_ITERATIONS = 64000  # the paper stops at 64k iterations
CIFAR_MILESTONES = (32000, 48000)  # the learning rate is divided by 10 at these iterations
CIFAR_BATCH = 128

device = 'cuda' if torch.cuda.is_available() else 'cpu'
print('Device for the scale-up:', device)


# %%
# The CIFAR-10 nets (He et al. 2016a, §4.2): a 3×3 convolution to 16 channels, then three stages
# of n basic blocks on 32×32, 16×16 and 8×8 feature maps with 16, 32 and 64 filters (the first
# block of stages 2 and 3 has stride 2), global average pooling and a 10-way linear layer:
# 6n + 2 weighted layers. BN after every convolution, ReLU after BN (and after the addition).
# Shortcuts are identities. Option A: where a block halves the map and doubles the filters,
# the shortcut takes every second pixel and pads the new channels with zeros — no parameters.

class BasicBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride, shortcut):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.shortcut = shortcut
        self.stride = stride
        self.extra_channels = out_channels - in_channels

    def option_a(self, x):
        """The identity shortcut, subsampled and zero-padded where the shape changes."""
        if self.stride > 1:
            x = x[:, :, ::self.stride, ::self.stride]
        if self.extra_channels > 0:
            x = F.pad(x, (0, 0, 0, 0, 0, self.extra_channels))
        return x

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.shortcut:
            out = out + self.option_a(x)
        return F.relu(out)


class CifarNet(nn.Module):
    """ResNet-(6n+2) for CIFAR-10, or with shortcuts=False its plain counterpart."""

    def __init__(self, depth, shortcuts=True, classes=10):
        super().__init__()
        n = (depth - 2) // 6
        if 6 * n + 2 != depth:
            raise ValueError('the depth must be 6n + 2 (20, 32, 44, 56, 110, …)')
        self.conv = nn.Conv2d(3, 16, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(16)
        blocks = []
        channels = 16
        for stage, width in enumerate([16, 32, 64]):
            for j in range(n):
                stride = 2 if stage > 0 and j == 0 else 1
                blocks.append(BasicBlock(channels, width, stride, shortcuts))
                channels = width
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(64, classes)
        for module in self.modules():
            if isinstance(module, nn.Conv2d):
                # He et al. 2015b ("Delving deep into rectifiers") initialisation, as torchvision does it.
                nn.init.kaiming_normal_(module.weight, mode='fan_out', nonlinearity='relu')

    def forward(self, x):
        x = F.relu(self.bn(self.conv(x)))
        x = self.blocks(x)
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.fc(x)


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


# %%
# A check that runs without a GPU: the parameter counts of these nets, against the counts the
# site computes (src/lib/architectures) and the paper's Table 6. Option A adds no parameters,
# so each plain net has exactly as many as its ResNet.

print(f"{'net':>12}  {'PyTorch':>9}  {'site':>9}  paper (Table 6)")
for depth in CIFAR_DEPTHS:
    for shortcuts in (True, False):
        name = f"{'ResNet' if shortcuts else 'plain'}-{depth}"
        model = CifarNet(depth, shortcuts)
        count = parameter_count(model)
        print(f'{name:>12}  {count:>9,}  {SITE_CIFAR_COUNTS[name]:>9,}  {PAPER_CIFAR_PARAMS[depth]}')
        site = SITE_CIFAR_COUNTS[name]
        assert count == site, f'{name}: PyTorch counts {count} parameters, the site {site}'
with torch.no_grad():
    assert CifarNet(20).eval()(torch.zeros(2, 3, 32, 32)).shape == (2, 10)


# %%
# The data and the schedule of §4.2: 50k training and 10k test images; the per-pixel mean of the
# training set subtracted; for training, 4 pixels of zero padding on each side, a random 32×32
# crop and a random horizontal flip. SGD, mini-batch 128, learning rate 0.1 divided by 10 at 32k
# and 48k iterations, stop at 64k; weight decay 1e-4, momentum 0.9. (The paper chose the
# schedule on a 45k/5k split of the training set and reports test error after training on all
# 50k.) ResNet-110 starts with 0.01 for about 400 iterations, then goes back to 0.1.

class SubtractMean:
    """Subtracts the per-pixel mean image (a class, not a lambda, so data-loader workers can use it)."""

    def __init__(self, mean):
        self.mean = mean

    def __call__(self, image):
        return image - self.mean


def cifar10_loaders(root='data'):
    import torchvision
    import torchvision.transforms as T
    train_set = torchvision.datasets.CIFAR10(root, train=True, download=True)
    mean = torch.tensor(train_set.data.mean(axis=0) / 255, dtype=torch.float32).permute(2, 0, 1)
    train_set.transform = T.Compose([T.RandomCrop(32, padding=4), T.RandomHorizontalFlip(),
                                     T.ToTensor(), SubtractMean(mean)])
    test_set = torchvision.datasets.CIFAR10(root, train=False, download=True,
                                            transform=T.Compose([T.ToTensor(), SubtractMean(mean)]))
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=CIFAR_BATCH, shuffle=True,
                                               num_workers=2, drop_last=True)
    test_loader = torch.utils.data.DataLoader(test_set, batch_size=500, num_workers=2)
    return train_loader, test_loader


def cifar_learning_rate(iteration, depth):
    if depth >= 110 and iteration < 400:
        return 0.01  # warm-up of ResNet-110 (§4.2)
    return 0.1 * 0.1 ** sum(iteration >= m for m in CIFAR_MILESTONES)


def error_rate(model, loader):
    """Top-1 error in %, with BN's running statistics (evaluation mode)."""
    model.eval()
    wrong = total = 0
    with torch.no_grad():
        for images, labels in loader:
            predicted = model(images.to(device)).argmax(dim=1).cpu()
            wrong += (predicted != labels).sum().item()
            total += len(labels)
    model.train()
    return 100 * wrong / total


def train_cifar(depth, shortcuts, iterations=CIFAR_ITERATIONS, report_every=2000):
    torch.manual_seed(0)
    train_loader, test_loader = cifar10_loaders()
    model = CifarNet(depth, shortcuts).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    history = []  # (iteration, training error % over the last report_every batches, test error %)
    iteration, wrong, seen = 0, 0, 0
    started = time.time()
    while iteration < iterations:
        for images, labels in train_loader:
            for group in optimizer.param_groups:
                group['lr'] = cifar_learning_rate(iteration, depth)
            images, labels = images.to(device), labels.to(device)
            logits = model(images)
            loss = F.cross_entropy(logits, labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            wrong += (logits.argmax(dim=1) != labels).sum().item()
            seen += len(labels)
            iteration += 1
            if iteration % report_every == 0 or iteration == iterations:
                history.append((iteration, 100 * wrong / seen, error_rate(model, test_loader)))
                wrong, seen = 0, 0
                print(f'iteration {iteration:>6}: training error {history[-1][1]:5.2f} %, '
                      f'test error {history[-1][2]:5.2f} %  ({time.time() - started:.0f} s)')
            if iteration == iterations:
                break
    return model, history


# %%
# Train, and draw the curves as in Fig. 6 (dashed: training error, solid: test error).
if RUN_CIFAR:
    name = f"{'ResNet' if CIFAR_SHORTCUTS else 'plain'}-{CIFAR_DEPTH}"
    cifar_model, cifar_history = train_cifar(CIFAR_DEPTH, CIFAR_SHORTCUTS)
    steps_k = [h[0] / 1000 for h in cifar_history]
    plt.figure(figsize=(6, 4))
    plt.plot(steps_k, [h[1] for h in cifar_history], '--', label=f'{name} training')
    plt.plot(steps_k, [h[2] for h in cifar_history], label=f'{name} test')
    plt.xlabel('iterations (thousands)')
    plt.ylabel('error (%)')
    plt.ylim(0, 20)
    plt.legend()
    plt.show()
else:
    print('RUN_CIFAR is False: nothing trained. Set it to True (ideally on a machine with a GPU).')
