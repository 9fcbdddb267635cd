"""Validates an exported notebook against the nbformat schema, executes it headless (nbconvert,
a time limit per cell) and reports what happened as JSON.

    /usr/bin/python3 tests/python/execute_notebook.py NOTEBOOK.ipynb OUT.json [--timeout 300]

The notebook runs in its own folder (it saves downloads there). After the last cell, one more
cell is appended that writes the numbers the tests compare (reports.py) to a JSON file; the
notebook itself is not changed on disk. OUT.json: {"seconds", "cpu_seconds", "errors", "report", "widget",
"outputs"} — errors lists every error output of any cell (an exception, or a figure that failed
to render), so a notebook that "finished" with a traceback in a cell still fails.
"""
import argparse
import json
import os
import resource
import sys
import tempfile
import time

import nbformat
from nbconvert.preprocessors import ExecutePreprocessor

sys.path.insert(0, os.path.dirname(__file__))
from reports import report_cell  # noqa: E402


def own_kernel():
    """A kernel spec that runs this very interpreter (Debian's /usr/bin/python3, where PyTorch is),
    whatever other 'python3' kernels a user's Jupyter set-up may list first."""
    folder = tempfile.mkdtemp(prefix='nb-kernel-')
    spec = os.path.join(folder, 'kernels', 'resnet-notebook-test')
    os.makedirs(spec)
    with open(os.path.join(spec, 'kernel.json'), 'w') as f:
        json.dump({'argv': [sys.executable, '-m', 'ipykernel_launcher', '-f', '{connection_file}'],
                   'display_name': 'Python 3 (tests)', 'language': 'python'}, f)
    os.environ['JUPYTER_PATH'] = folder + os.pathsep + os.environ.get('JUPYTER_PATH', '')
    return 'resnet-notebook-test'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('notebook')
    parser.add_argument('out')
    parser.add_argument('--timeout', type=int, default=300, help='seconds per cell')
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    nbformat.validate(nb)  # raises on any schema violation
    widget = nb.metadata['resnet_notebook']['widget']
    folder = os.path.dirname(os.path.abspath(args.notebook))
    report_path = os.path.join(folder, os.path.basename(args.notebook) + '.report.json')
    nb.cells.append(nbformat.v4.new_code_cell(report_cell(widget, report_path)))

    started = time.time()
    executor = ExecutePreprocessor(timeout=args.timeout, kernel_name=own_kernel())
    failure = None
    try:
        executor.preprocess(nb, {'metadata': {'path': folder}})
    except Exception as exc:  # CellExecutionError, a timeout or a dead kernel
        failure = f'{type(exc).__name__}: {exc}'[:4000]
    seconds = time.time() - started
    # CPU time of the kernel (a finished child process): what the run costs on an idle machine.
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = cpu.ru_utime + cpu.ru_stime

    errors = []
    outputs = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != 'code':
            continue
        for output in cell.get('outputs', []):
            if output.output_type == 'error':
                errors.append({'cell': index, 'ename': output.ename, 'evalue': output.evalue[:2000]})
            elif output.output_type == 'stream' and output.name == 'stdout':
                outputs.append(output.text)
    if failure and not errors:
        errors.append({'cell': -1, 'ename': 'failure', 'evalue': failure})
    report = None
    if os.path.exists(report_path):
        with open(report_path) as f:
            report = json.load(f)
    executed_path = args.notebook.replace('.ipynb', '.executed.ipynb')
    nbformat.write(nb, executed_path)
    with open(args.out, 'w') as f:
        json.dump({'widget': widget, 'seconds': seconds, 'cpu_seconds': cpu_seconds, 'errors': errors, 'report': report,
                   'outputs': ''.join(outputs)[-20000:]}, f)


if __name__ == '__main__':
    main()
