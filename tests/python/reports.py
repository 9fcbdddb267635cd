"""The cell the tests append to an exported notebook: it writes the numbers the e2e tests
compare with the browser (reports.py is not part of any notebook a reader gets)."""

# Python run in the notebook's kernel after its last cell; `REPORT` is written as JSON.
_REPORTS = {
    'degradation-lab': """
if MODE == 'single':
    REPORT = {'mode': MODE, 'runs': {a: {'losses': r['losses'][:40], 'final_loss': r['final_loss'],
              'final_accuracy': r['final_accuracy'], 'diverged': r['diverged'], 'evals': r['evals']}
              for a, r in runs.items()}}
else:
    REPORT = {'mode': MODE, 'sweep': [{'arch': a, 'depth': d, 'final_loss': r['final_loss'], 'diverged': r['diverged']}
              for (a, d), r in sweep.items()]}
""",
    'gradient-flow': """
REPORT = {'runs': {a: {'losses': r['losses'][:40], 'grad_norms': r['grad_norms'], 'final_loss': r['final_loss'],
          'diverged': r['diverged']} for a, r in runs.items()}}
""",
    'boundary-lab': """
REPORT = {'runs': {n: {'losses': r['losses'][:40], 'final_loss': r['final_loss'], 'final_accuracy': r['final_accuracy'],
          'parameters': r['parameters'], 'diverged': r['diverged'], 'eval_steps': [e[0] for e in r['evals']]}
          for n, r in runs.items()}}
""",
    'cnn-trainer': """
REPORT = {'losses': {n: v[:40] for n, v in losses.items()}, 'curve': curve,
          'confusion': counts.tolist(), 'parameters': {n: sum(p.numel() for p in m.parameters()) for n, m in models.items()}}
""",
    'cnn-depth-lab': """
REPORT = {'runs': {f'{a}-{l}': {'losses': r['losses'][:40], 'curve': r['curve'], 'train_error': r['train_error'],
          'test_error': r['test_error'], 'diverged': r['diverged']} for (a, l), r in runs.items()}}
""",
    'loss-landscape': """
def _centre_check(r):
    # The slice's centre is θ* itself: recompute the loss there, independently of the slice loop.
    model, x_loss, y_loss = r['model'], *spread_subset(x, y, LOSS_POINTS)
    set_flat(model, get_flat(model))
    return evaluate(model, x_loss, y_loss)[0]

REPORT = {'runs': {a: {'losses': r['losses'][:40], 'final_loss': r['final_loss'], 'diverged': r['diverged'],
          'line': r.get('line'), 'grid': r.get('grid'), 'roughness': r.get('roughness'), 'curvature': r.get('curvature'),
          'centre_loss': _centre_check(r) if not r['diverged'] else None} for a, r in runs.items()}}
""",
    'lesion-study': """
REPORT = {'runs': {a: {'losses': r['losses'][:40], 'final_loss': r['final_loss'], 'final_accuracy': r['final_accuracy'],
          'diverged': r['diverged'], 'test_accuracy': r.get('test_accuracy'), 'single': r.get('single'),
          'curve': r.get('curve'), 'paths': r.get('paths'), 'effective': r.get('effective')} for a, r in runs.items()}}
""",
    'block-variants': """
REPORT = {'runs': {v: {'losses': r['losses'][:40], 'evals': r['evals'], 'final': r['final'], 'diverged': r['diverged'],
          'parameters': r['parameters']} for v, r in runs.items()}}
""",
}


def report_cell(widget, path):
    return _REPORTS[widget] + f"\nimport json\nwith open({path!r}, 'w') as _f:\n    json.dump(REPORT, _f)\n"
