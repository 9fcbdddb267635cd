"""Checks that an exported notebook's Python port of the widgets' random numbers is bit-exact:
the same points, grids, batch order and initial weights as the TypeScript core, for the
reference values the e2e test computed with src/lib/ml (REFERENCE.json).

    /usr/bin/python3 tests/python/check_port.py REFERENCE.json OUT.json NOTEBOOK.ipynb…

Runs only each notebook's setup and definition cells (cells tagged 'setup' or 'definitions'),
each notebook in a fresh namespace of this process; OUT.json maps each notebook to its checks. Floats are compared as their 32-bit patterns, so -0.0 and 0.0 differ.
"""
import base64
import json
import sys

import nbformat
import numpy as np


def float32s(text):
    return np.frombuffer(base64.b64decode(text), dtype='<f4')


def same_bits(a, b):
    a = np.ascontiguousarray(a, dtype=np.float32).ravel()
    b = np.ascontiguousarray(b, dtype=np.float32).ravel()
    if a.shape != b.shape:
        return {'equal': False, 'why': f'shape {a.shape} vs {b.shape}'}
    diff = np.nonzero(a.view(np.uint32) != b.view(np.uint32))[0]
    return {'equal': len(diff) == 0, 'count': int(a.size), 'differ': int(len(diff)),
            'first': None if not len(diff) else [int(diff[0]), float(a[diff[0]]), float(b[diff[0]])]}


def variant_params(model):
    """A block-variant net's parameters in the widget's four banks (src/lib/ml/variant-net.ts): stem;
    kernels (W₁, W₂ of each block, then W_s or W_g of each); vectors (stem γ β, each block's two BNs,
    then γ_s β_s or b_g of each, then the final BN); head (kernel, then biases)."""
    def kernel(layer):
        return layer.weight.detach().numpy().T.ravel()

    def norm(bn):
        return [bn.weight.detach().numpy(), bn.bias.detach().numpy()]
    blocks = list(model.blocks)
    extra = [b.shortcut_linear if b.shortcut == 'projection' else b.gate_linear
             for b in blocks if b.shortcut in ('projection', 'gate')]
    vectors = norm(model.stem_norm) + [v for b in blocks for v in norm(b.norm_a) + norm(b.norm_b)]
    for b in blocks:
        if b.shortcut == 'projection':
            vectors += norm(b.shortcut_norm)
        elif b.shortcut == 'gate':
            vectors.append(b.gate_linear.bias.detach().numpy())
    if hasattr(model, 'final_norm'):
        vectors += norm(model.final_norm)
    parts = [kernel(model.stem)] + [kernel(layer) for b in blocks for layer in (b.linear1, b.linear2)]
    parts += [kernel(layer) for layer in extra] + vectors + [kernel(model.head), model.head.bias.detach().numpy()]
    return np.concatenate(parts)


def check(notebook_path, reference):
    nb = nbformat.read(notebook_path, as_version=4)
    namespace = {}
    for cell in nb.cells:
        tags = cell.get('metadata', {}).get('tags', [])
        if cell.cell_type == 'code' and ('setup' in tags or 'definitions' in tags):
            exec(compile(cell.source, f'<cell {cell.get("id")}>', 'exec'), namespace)
    ns = namespace
    results = {}
    if 'Rng' in ns:
        rng = ns['Rng'](reference['rng']['seed'])
        results['rng.uint32'] = {'equal': [rng.next_uint32() for _ in range(len(reference['rng']['uint32']))] == reference['rng']['uint32']}
        # Normal samples come from log, sin and cos, which the browser's JavaScript engine and the C
        # library may round differently in the last bit of a double; after the products of Box–Muller
        # that is at most a few ulps (measured: 2, i.e. 4e-16 relative; allowed: 4). The
        # widgets store every value in float32, where they must agree exactly.
        got = np.array([rng.normal() for _ in range(len(reference['rng']['normal']))])
        want = np.array(reference['rng']['normal'])
        ulps = np.abs(got.view(np.int64) - want.view(np.int64))
        results['rng.normal'] = dict(same_bits(got.astype(np.float32), want.astype(np.float32)),
                                     double_exact=int((ulps == 0).sum()), double_max_ulps=int(ulps.max()))
        results['rng.normal']['equal'] = results['rng.normal']['equal'] and int(ulps.max()) <= 4
        results['derive_seed'] = {'equal': all(ns['derive_seed'](s, label) == v for s, label, v in reference['deriveSeed'])}
    if 'BatchStream' in ns:
        for case in reference['batches']:
            stream = ns['BatchStream'](case['n'], case['batchSize'], ns['Rng'](ns['derive_seed'](case['seed'], 'batches')))
            got = [stream.next() for _ in range(len(case['batches']))]
            results[f"batches n={case['n']} b={case['batchSize']} seed={case['seed']}"] = {'equal': got == case['batches']}
    if 'make_points' in ns:
        for case in reference['points']:
            x, y = ns['make_points'](case['name'], case['n'], case['seed'])
            key = f"points {case['name']} n={case['n']} seed={case['seed']}"
            results[key] = same_bits(x, float32s(case['x']))
            results[key]['equal'] = results[key]['equal'] and y.tolist() == case['y']
            extent = ns['plane_extent'](x)
            results[key + ' grid'] = same_bits(ns['grid_points'](extent, case['resolution']), float32s(case['grid']))
    if 'initial_weights' in ns:
        for case in reference['weights']:
            stem, body, head = ns['initial_weights'](case['architecture'], case['depth'], case['width'], case['batchNorm'],
                                                     case['inputDim'], case['classes'], case['seed'])
            got = np.concatenate([stem.ravel(), *[k.ravel() for k in body], head.ravel()])
            results[f"weights {case['architecture']} D={case['depth']} W={case['width']} bn={case['batchNorm']} seed={case['seed']}"] = \
                same_bits(got, float32s(case['values']))
    if 'make_dense_net' in ns and reference['weights']:
        # The model holds exactly those matrices (transposed into nn.Linear's layout).
        case = reference['weights'][0]
        model = ns['make_dense_net'](case['architecture'], case['depth'], case['width'], case['batchNorm'],
                                     case['inputDim'], case['classes'], case['seed'])
        layers = [model.stem, *model.body, model.head]
        got = np.concatenate([layer.weight.detach().numpy().T.ravel() for layer in layers])
        results['dense net holds the initial weights'] = same_bits(got, float32s(case['values']))
    if 'make_tiny_cnn' in ns:
        for case in reference['cnn']:
            model = ns['make_tiny_cnn'](case['filters1'], case['filters2'], case['seed'])
            c2 = case['filters2']
            # Back into the widget's parameter bank: kernel1, bias1, kernel2, bias2, dense, dense bias.
            got = np.concatenate([
                model.conv1.weight.detach().numpy().transpose(2, 3, 1, 0).ravel(),
                model.conv1.bias.detach().numpy(),
                model.conv2.weight.detach().numpy().transpose(2, 3, 1, 0).ravel(),
                model.conv2.bias.detach().numpy(),
                model.dense.weight.detach().numpy().reshape(10, c2, 7, 7).transpose(2, 3, 1, 0).ravel(),
                model.dense.bias.detach().numpy(),
            ])
            results[f"cnn weights c1={case['filters1']} c2={c2} seed={case['seed']}"] = same_bits(got, float32s(case['bank']))
    if 'make_variant_net' in ns:
        for case in reference['variants']:
            model = ns['make_variant_net'](case['variant'], case['depth'], case['width'], case['classes'], case['seed'],
                                           case.get('gateBias', -6))
            results[f"block variant {case['variant']} D={case['depth']} seed={case['seed']}"] = \
                same_bits(variant_params(model), float32s(case['values']))
    if 'featurize' in ns:
        for case in reference['features']:
            x = float32s(case['points']).reshape(-1, 2)
            results[f"features {','.join(case['names'])}"] = same_bits(ns['featurize'](x, case['names']), float32s(case['values']))
    return results


def main():
    reference_path, out_path, *notebooks = sys.argv[1:]
    with open(reference_path) as f:
        reference = json.load(f)
    results = {path: check(path, reference) for path in notebooks}
    with open(out_path, 'w') as f:
        json.dump(results, f, indent=1)


if __name__ == '__main__':
    main()
