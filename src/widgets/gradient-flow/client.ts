/**
 * `gradient-flow` in the browser: per-layer gradient norms over depth (a profile at init and at a
 * chosen step) and over training (one heatmap per net). The data come from this widget's own runs
 * (the degradation lab's worker and job, evaluated every few steps), from the lab's live runs on
 * the same page, or — before any click — from the lab's recorded default run.
 */
import { createLayerHeatmap } from '../../charts/layer-heatmap';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import { palette } from '../../charts/palette';
import { gradientFlowStrings } from '../../lib/i18n/widgets/gradient-flow';
import { fill } from '../../lib/i18n/translate';
import { firstToLastRatio, perLayerFactor } from '../../lib/ml/gradient-stats';
import { gradientFlowSchema } from '../../lib/state/schemas/gradient-flow';
import type { DegradationJob, DegradationProgress, DegradationResult } from '../../workers/degradation-job';
import { WorkerPool } from '../../workers/worker-pool';
import type { GradNormsEventDetail } from '../degradation-lab/client';
import { archs, jobFor, type Arch } from '../degradation-lab/jobs';
import { loadRecording } from '../degradation-lab/recording';
import { createRunBar } from '../shared/run-bar';
import { mountWidget } from '../shared/widget-runtime';

type History = Record<Arch, { step: number; norms: number[] }[]>;

export function start(root: HTMLElement) {
  const rt = mountWidget(root, gradientFlowSchema);
  const s = gradientFlowStrings[rt.locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const rec = loadRecording();

  const profile = createLineChart(q('[data-chart="profile"]'), { title: s.profileChart, xLabel: s.layer, yLabel: s.norm, yScale: 'log', height: 280 });
  const heat: Record<Arch, ReturnType<typeof createLayerHeatmap>> = {
    plain: createLayerHeatmap(q('[data-chart="heat-plain"]'), { title: s.heatPlain, xLabel: s.trainingStep, yLabel: s.layer }),
    residual: createLayerHeatmap(q('[data-chart="heat-residual"]'), { title: s.heatResidual, xLabel: s.trainingStep, yLabel: s.layer }),
  };
  profile.svg.dataset.chart = 'profile';
  heat.plain.svg.dataset.chart = 'heat-plain';
  heat.residual.svg.dataset.chart = 'heat-residual';

  const scrub = q<HTMLInputElement>('[data-step-scrub]');
  const stepOut = q<HTMLElement>('[data-step-output]');
  const summary = q<HTMLElement>('[data-summary]');
  const body = q<HTMLTableSectionElement>('table[data-metrics="gradients"] tbody');
  const growthBody = q<HTMLTableSectionElement>('table[data-metrics="gradient-growth"] tbody');
  const recordedNote = q<HTMLElement>('[data-recorded-note]');

  let history: History = { plain: [], residual: [] };
  let following = false; // true when the scrubber is at the newest step

  const steps = () => [...new Set(archs.flatMap((a) => history[a].map((h) => h.step)))].sort((x, y) => x - y);
  const at = (a: Arch, step: number) => history[a].find((h) => h.step === step)?.norms;

  function row(cells: string[]) {
    const tr = document.createElement('tr');
    for (const c of cells) {
      const td = document.createElement('td');
      td.textContent = c;
      tr.append(td);
    }
    return tr;
  }

  function draw() {
    const all = steps();
    scrub.max = String(Math.max(0, all.length - 1));
    if (following) scrub.value = scrub.max;
    const step = all[Number(scrub.value)] ?? all.at(-1) ?? 0;
    stepOut.textContent = String(step);
    const first = all[0];
    const series: LineSeries[] = [];
    for (const a of archs) {
      const init = first !== undefined ? at(a, first) : undefined;
      const now = at(a, step);
      if (init) series.push({ id: `${a}-init`, label: `${s[a]} · ${s.atInit}`, color: palette[a], dash: '2 3', points: init.map((v, i) => [i + 1, v] as [number, number]) });
      if (now && step !== first) series.push({ id: `${a}-now`, label: `${s[a]} · ${fill(s.atStep, { step })}`, color: palette[a], points: now.map((v, i) => [i + 1, v] as [number, number]), markers: now.length <= 16 });
    }
    profile.update(series);
    // One colour scale for both heatmaps, so the two nets can be compared cell by cell.
    const values = archs.flatMap((a) => history[a].flatMap((h) => h.norms)).filter((v) => Number.isFinite(v) && v > 0);
    const domain: [number, number] | undefined = values.length ? [Math.min(...values), Math.max(...values)] : undefined;
    for (const a of archs) heat[a].update({ steps: history[a].map((h) => h.step), norms: history[a].map((h) => h.norms), domain });

    const depth = Math.max(at('plain', step)?.length ?? 0, at('residual', step)?.length ?? 0);
    const fmt = (v: number | undefined) => (v === undefined ? '' : v.toPrecision(4));
    body.replaceChildren(
      ...Array.from({ length: depth }, (_, i) =>
        row([String(i + 1), fmt(first !== undefined ? at('plain', first)?.[i] : undefined), fmt(first !== undefined ? at('residual', first)?.[i] : undefined), fmt(at('plain', step)?.[i]), fmt(at('residual', step)?.[i])]),
      ),
    );
    growthBody.replaceChildren(
      ...archs.flatMap((a) =>
        [first, step]
          .filter((st, i, arr) => st !== undefined && arr.indexOf(st) === i)
          .flatMap((st) => {
            const n = at(a, st!);
            return n ? [row([a, String(st), firstToLastRatio(n).toPrecision(4), perLayerFactor(n).toPrecision(4)])] : [];
          }),
      ),
    );
    const p = at('plain', step);
    const r = at('residual', step);
    summary.textContent =
      p && r
        ? fill(s.summary, { step, pr: firstToLastRatio(p).toPrecision(3), pf: perLayerFactor(p).toFixed(3), rr: firstToLastRatio(r).toPrecision(3), rf: perLayerFactor(r).toFixed(3) })
        : rt.state.source === 'lab' && !p && !r
          ? s.waiting
          : '';
  }

  function showRecording() {
    if (rt.state.source === 'lab') {
      recordedNote.hidden = true;
      history = { plain: [], residual: [] };
      draw();
      return;
    }
    const matches = rec && rec.state.depth === rt.state.depth && rec.state.bn === rt.state.bn && rec.state.seed === rt.state.seed && rec.state.steps === rt.state.steps && rec.state.lr === rt.state.lr && rec.state.width === rt.state.width && rec.state.optimizer === rt.state.optimizer;
    recordedNote.hidden = !matches;
    history = matches ? { plain: [...rec!.gradNorms.plain], residual: [...rec!.gradNorms.residual] } : { plain: [], residual: [] };
    following = true;
    draw();
  }

  scrub.addEventListener('input', () => {
    following = scrub.value === scrub.max;
    draw();
  });

  // The lab's live runs, when this widget follows the lab.
  document.addEventListener('nb:grad-norms', (event) => {
    const d = (event as CustomEvent<GradNormsEventDetail>).detail;
    if (rt.state.source !== 'lab' || d.source !== 'live') return;
    if (d.reset) history[d.arch] = [];
    recordedNote.hidden = true;
    history[d.arch].push({ step: d.step, norms: d.norms });
    draw();
  });

  const pool = new WorkerPool<DegradationJob, DegradationProgress, DegradationResult>(
    () => new Worker(new URL('../../workers/degradation.worker.ts', import.meta.url), { type: 'module' }),
    2,
  );
  const bar = createRunBar(rt, pool, () => void train());
  const train = () =>
    bar.run(async () => {
      rt.set({ source: 'own' });
      recordedNote.hidden = true;
      history = { plain: [], residual: [] };
      following = true;
      draw();
      const jobs = archs.map((a) => jobFor(rt.state, a, rt.state.depth, { evaluations: 40, gridResolution: 0 }));
      const done = new Map<number, number>();
      const total = jobs.reduce((n, j) => n + j.steps, 0);
      let frame = 0;
      try {
        const outcomes = await Promise.all(
          jobs.map((job, i) =>
            pool.run(job, {
              onReady: (backend, reason) => {
                bar.ready(backend, reason);
                bar.started();
              },
              onProgress: (p) => {
                done.set(i, p.step);
                if (p.gradNorms) history[p.arch].push(p.gradNorms);
                const sum = [...done.values()].reduce((a, b) => a + b, 0);
                bar.progress(sum / total, `${sum} / ${total}`);
                if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
              },
            }),
          ),
        );
        const diverged = outcomes.find((o) => o.kind === 'done' && o.result.diverged);
        if (diverged && diverged.kind === 'done') bar.message(fill(s.diverged, { arch: s[diverged.result.arch], step: diverged.result.diverged!.atStep }));
      } finally {
        draw();
      }
    });

  rt.onChange((_, changed) => {
    if (bar.running) return;
    if (changed.includes('source') && rt.state.source === 'lab') {
      history = { plain: [], residual: [] };
      recordedNote.hidden = true;
      draw();
      return;
    }
    showRecording();
  });

  showRecording();
  rt.setStatus('idle');
}
