#!/usr/bin/python3
"""The cnn-depth-lab experiment in PyTorch, as an independent check of the site's own code.

Same data (the shipped MNIST subset, the first TRAIN / TEST digits, optionally 2x2-averaged to
14x14, standardised with the training pixels' mean and std), same nets (He et al.'s 6n+2 CIFAR
family: 3x3 stem, three stages of n basic blocks at widths w/2w/4w, stride-2 first convs with
padding 1, BN after every conv, option A or B shortcuts, global average pooling, linear 10), same
initialisation rules (He-normal fan-out convs, BN 1/0, linear uniform +-1/sqrt(fan-in)), same
training (SGD momentum 0.9 + L2 weight decay on every parameter, or Adam; the rate times 0.1 at
50 % and 75 % of the run; batch 128; BN momentum 0.1), errors measured in eval mode.

    /usr/bin/python3 scripts/cnn-depth-torch.py --size 14 --width 8 --steps 160 --depths 20,56
    /usr/bin/python3 scripts/cnn-depth-torch.py --replay tmp/replay.json   # start from the site's
        initial weights and batch order (written by scripts/cnn-depth-sweep.ts --replay-out) and
        print the per-step losses, to compare with the site's step for step

Prints one JSON line per run.
"""
import argparse
import gzip
import json
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument('--size', type=int, default=14)
p.add_argument('--width', type=int, default=8)
p.add_argument('--steps', type=int, default=160)
p.add_argument('--batch', type=int, default=128)
p.add_argument('--lr', type=float, default=0.1)
p.add_argument('--wd', type=float, default=1e-4)
p.add_argument('--optimizer', default='sgd')
p.add_argument('--depths', default='20,32,44,56')
p.add_argument('--archs', default='plain,residual')
p.add_argument('--shortcut', default='A')
p.add_argument('--seeds', default='1')
p.add_argument('--train', type=int, default=5000)
p.add_argument('--test', type=int, default=1000)
p.add_argument('--threads', type=int, default=1)
p.add_argument('--evals', type=int, default=8, help='evaluations during the run (besides the end)')
p.add_argument('--replay', default=None)
args = p.parse_args()
torch.set_num_threads(args.threads)


def load_subset(path='src/data/mnist/mnist-subset.bin'):
    raw = gzip.open(path).read()
    assert raw[:4] == b'NBDG'
    rows, cols = raw[5], raw[6]
    n, m = struct.unpack('<II', raw[8:16])
    at = 16
    tl = torch.tensor(list(raw[at:at + n]), dtype=torch.long); at += n
    vl = torch.tensor(list(raw[at:at + m]), dtype=torch.long); at += m
    px = rows * cols
    ti = torch.frombuffer(bytearray(raw[at:at + n * px]), dtype=torch.uint8).reshape(n, 1, rows, cols); at += n * px
    vi = torch.frombuffer(bytearray(raw[at:at + m * px]), dtype=torch.uint8).reshape(m, 1, rows, cols)
    return ti, tl, vi, vl


def prepare(size, ntrain, ntest):
    ti, tl, vi, vl = load_subset()
    ti, tl, vi, vl = ti[:ntrain], tl[:ntrain], vi[:ntest], vl[:ntest]
    ti = ti.float() / 255
    vi = vi.float() / 255
    if size == 14:
        ti = F.avg_pool2d(ti, 2)
        vi = F.avg_pool2d(vi, 2)
    mean, std = ti.mean().item(), ti.std(unbiased=False).item()
    return (ti - mean) / std, tl, (vi - mean) / std, vl


class Block(nn.Module):
    def __init__(self, cin, cout, stride, residual, shortcut):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.residual = residual
        self.down = stride != 1
        self.proj = None
        self.cout = cout
        if residual and self.down and shortcut == 'B':
            self.proj = nn.Sequential(nn.Conv2d(cin, cout, 1, 2, 0, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        if self.residual:
            if not self.down:
                out = out + x
            elif self.proj is not None:
                out = out + self.proj(x)
            else:
                s = x[:, :, ::2, ::2]
                out = out + F.pad(s, (0, 0, 0, 0, 0, self.cout - s.shape[1]))
        return F.relu(out)


class Net(nn.Module):
    def __init__(self, n, w, residual, shortcut):
        super().__init__()
        self.stem = nn.Conv2d(1, w, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(w)
        blocks = []
        for s in range(3):
            c = w << s
            for b in range(n):
                down = s > 0 and b == 0
                blocks.append(Block(c // 2 if down else c, c, 2 if down else 1, residual, shortcut))
        self.blocks = nn.Sequential(*blocks)
        self.fc = nn.Linear(4 * w, 10)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')

    def forward(self, x):
        x = self.blocks(F.relu(self.bn(self.stem(x))))
        return self.fc(x.mean((2, 3)))

    def units(self):
        """(conv, bn) pairs in the site's bank order: stem, then conv1/conv2 of every block."""
        out = [(self.stem, self.bn)]
        for b in self.blocks:
            out += [(b.conv1, b.bn1), (b.conv2, b.bn2)]
        return out


def load_bank(net, bank):
    """Copies the site's flat parameter bank (kernels [k,k,Cin,Cout], gamma, beta per unit; dense [4w,10], bias; projections) into the net."""
    at = 0

    def take(shape):
        nonlocal at
        size = 1
        for d in shape:
            size *= d
        t = torch.tensor(bank[at:at + size], dtype=torch.float32).reshape(shape)
        at += size
        return t

    def unit(conv, bn):
        k, _, cin, cout = conv.kernel_size[0], 0, conv.in_channels, conv.out_channels
        conv.weight.data = take([k, k, cin, cout]).permute(3, 2, 0, 1).contiguous()
        bn.weight.data = take([cout])
        bn.bias.data = take([cout])

    for conv, bn in net.units():
        unit(conv, bn)
    net.fc.weight.data = take([net.fc.in_features, 10]).t().contiguous()
    net.fc.bias.data = take([10])
    for b in net.blocks:
        if b.proj is not None:
            unit(b.proj[0], b.proj[1])
    assert at == len(bank), (at, len(bank))


def evaluate(net, x, y):
    net.eval()
    wrong, loss = 0, 0.0
    with torch.no_grad():
        for i in range(0, len(x), 250):
            logits = net(x[i:i + 250])
            loss += F.cross_entropy(logits, y[i:i + 250], reduction='sum').item()
            wrong += (logits.argmax(1) != y[i:i + 250]).sum().item()
    net.train()
    return wrong / len(x), loss / len(x)


def run(arch, depth, seed, data, replay=None):
    xt, yt, xv, yv = data
    n = (depth - 2) // 6
    torch.manual_seed(seed)
    net = Net(n, args.width, arch == 'residual', args.shortcut)
    if replay:
        load_bank(net, replay['bank'])
    if args.optimizer == 'sgd':
        opt = torch.optim.SGD(net.parameters(), lr=args.lr, momentum=0.9, weight_decay=args.wd)
    else:
        opt = torch.optim.Adam(net.parameters(), lr=args.lr, weight_decay=args.wd, eps=1e-7)
    steps = len(replay['batches']) if replay else args.steps
    milestones = [round(0.5 * steps), round(0.75 * steps)]
    g = torch.Generator().manual_seed(seed)
    order, pos = None, len(xt)
    losses, curve = [], []
    every = max(1, steps // max(1, args.evals))
    t0 = time.time()
    for t in range(steps):
        for group in opt.param_groups:
            group['lr'] = args.lr * (0.1 ** sum(t >= m for m in milestones))
        if replay:
            idx = torch.tensor(replay['batches'][t], dtype=torch.long)
        else:
            idx = []
            while len(idx) < args.batch:
                if pos == len(xt):
                    order, pos = torch.randperm(len(xt), generator=g), 0
                take = min(args.batch - len(idx), len(xt) - pos)
                idx += order[pos:pos + take].tolist()
                pos += take
            idx = torch.tensor(idx)
        loss = F.cross_entropy(net(xt[idx]), yt[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if not (loss.item() < 50):
            return {'arch': arch, 'layers': depth, 'seed': seed, 'diverged': t + 1}
        if (t + 1) % every == 0 and t + 1 < steps:
            tr, _ = evaluate(net, xt, yt)
            te, _ = evaluate(net, xv, yv)
            curve.append([t + 1, round(tr, 4), round(te, 4)])
    train_s = time.time() - t0
    tr, trl = evaluate(net, xt, yt)
    te, tel = evaluate(net, xv, yv)
    curve.append([steps, round(tr, 4), round(te, 4)])
    out = {'arch': arch, 'layers': depth, 'seed': seed, 'steps': steps, 'trainError': round(tr, 4), 'testError': round(te, 4),
           'trainLoss': round(trl, 4), 'testLoss': round(tel, 4), 'seconds': round(train_s, 1), 'curve': curve}
    if replay:
        out['losses'] = [round(v, 5) for v in losses]
    return out


if args.replay:
    replay = json.load(open(args.replay))
    cfg = replay['config']
    args.size, args.width, args.lr, args.wd, args.optimizer, args.shortcut = cfg['size'], cfg['width'], cfg['lr'], cfg['wd'], cfg['optimizer'], cfg['shortcut']
    args.train, args.test = cfg['train'], cfg['test']
    data = prepare(args.size, args.train, args.test)
    print(json.dumps(run(cfg['arch'], cfg['layers'], cfg['seed'], data, replay)))
    sys.exit(0)

data = prepare(args.size, args.train, args.test)
for seed in [int(s) for s in args.seeds.split(',')]:
    for depth in [int(d) for d in args.depths.split(',')]:
        for arch in args.archs.split(','):
            print(json.dumps(run(arch, depth, seed, data)), flush=True)
