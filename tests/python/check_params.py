"""Counts the parameters of torchvision's ImageNet models (built with weights=None, nothing is
downloaded) and writes them next to the counts the site computes (SITE.json, from
src/lib/architectures), for the e2e test to compare.

    /usr/bin/python3 tests/python/check_params.py SITE.json OUT.json

Counted like torchvision's documentation: sum(p.numel() for p in model.parameters()) —
trainable weights, biases and BN's γ and β; BN's running statistics are buffers, not parameters.
GoogLeNet: torchvision builds the two auxiliary classifiers when weights=None (aux_logits=True);
the site's total is the inference network without them (its `withAuxiliary` adds them), so both
are counted: aux_logits=False against the total, aux_logits=True against the total with them.
"""
import json
import sys
import warnings

import torch
import torchvision

MODELS = {
    'resnet18': lambda: torchvision.models.resnet18(weights=None),
    'resnet34': lambda: torchvision.models.resnet34(weights=None),
    'resnet50': lambda: torchvision.models.resnet50(weights=None),
    'resnet101': lambda: torchvision.models.resnet101(weights=None),
    'resnet152': lambda: torchvision.models.resnet152(weights=None),
    'vgg16': lambda: torchvision.models.vgg16(weights=None),
    'vgg19': lambda: torchvision.models.vgg19(weights=None),
    'googlenet': lambda: torchvision.models.googlenet(weights=None, aux_logits=False, init_weights=False),
    'googlenet+aux': lambda: torchvision.models.googlenet(weights=None, aux_logits=True, init_weights=False),
}


def main():
    site_path, out_path = sys.argv[1:3]
    with open(site_path) as f:
        site = json.load(f)
    torch.set_num_threads(1)
    results = {'torch': torch.__version__, 'torchvision': torchvision.__version__, 'models': {}}
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for name, build in MODELS.items():
            model = build()
            count = sum(p.numel() for p in model.parameters())
            results['models'][name] = {'torchvision': count, 'site': site[name]}
            del model
    with open(out_path, 'w') as f:
        json.dump(results, f, indent=1)


if __name__ == '__main__':
    main()
