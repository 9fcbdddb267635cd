/**
 * `loss-landscape` in the browser: wiring of the shared runtime (state ↔ controls ↔ link) and a
 * training session of two workers (plain and residual at once) to two contour maps on one colour
 * scale, a movable 1-D cut through both, the line from the initial weights, and the tables. The
 * recorded depths are shown straight from the recording the page carries; a live run fills the
 * maps in row by row.
 */
import { fill } from '../../lib/i18n/translate';
import { lossLandscapeStrings } from '../../lib/i18n/widgets/loss-landscape';
import { lossLandscapeSchema, type LossLandscapeState } from '../../lib/state/schemas/loss-landscape';
import type { LandscapeJob, LandscapeProgress, LandscapeResult } from '../../workers/landscape-job';
import { chartEmptyText } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { archs, jobsFor, lanczosSteps, resultKeys, type Arch } from './jobs';
import { recordedEntry, replayNet, loadRecording } from './recording';
import { roughnessCells } from './rows';
import { createLandscapeView, emptyView, viewOf, type NetView } from './view';

export function start(root: HTMLElement) {
  const rt = mountWidget(root, lossLandscapeSchema, { format: (key, value) => (key === 'cut' ? Number(value).toFixed(2) : String(value)) });
  const s = lossLandscapeStrings[rt.locale];
  // Line charts lay themselves out for their box's width; while empty they say what to do.
  const view = createLandscapeView(root, { locale: rt.locale, empty: chartEmptyText(rt), dataset: () => rt.state.dataset });
  // The recording comes with this script's chunk (loaded when the widget mounts), not in the page's HTML.
  const rec = loadRecording();
  const recordedNote = root.querySelector<HTMLElement>('[data-recorded-note]')!;

  let views: Record<Arch, NetView> = { plain: emptyView(rt.state), residual: emptyView(rt.state) };
  let recorded = false;
  /** The roughness rows of every live run so far (run by run, plain first), so depths can be compared. */
  const history: { run: number; arch: Arch; cells: string[] }[] = [];
  let runs = 0;

  function draw() {
    const current = archs.filter((a) => views[a].roughness || views[a].curvature).map((a) => roughnessCells({ ...views[a], arch: a }));
    const past = [...history].sort((a, b) => a.run - b.run || archs.indexOf(a.arch) - archs.indexOf(b.arch)).map((h) => h.cells);
    view.draw(views, rt.state.cut, { recorded, running: session.running, roughness: recorded ? current : past });
  }

  /** The recorded depth shown (when the settings are recorded ones) or empty maps, and the note saying which. */
  function show(entry: ReturnType<typeof recordedEntry> | undefined) {
    recorded = !!entry;
    recordedNote.textContent = recorded ? s.recorded : s.notRecorded;
    recordedNote.hidden = false;
    views = entry ? { plain: viewOf(replayNet(rec!, entry, 'plain')), residual: viewOf(replayNet(rec!, entry, 'residual')) } : { plain: emptyView(rt.state), residual: emptyView(rt.state) };
    draw();
    return recorded;
  }
  const session = createTrainingSession<LandscapeJob, LandscapeProgress, LandscapeResult>(rt, {
    worker: () => new Worker(new URL('../../workers/landscape.worker.ts', import.meta.url), { type: 'module' }),
    draw,
    recorded: () => show(recordedEntry(rec, rt.state as unknown as Record<string, unknown>, resultKeys)),
    clear: () => show(undefined),
  });

  session.onTrain(async () => {
    const state: LossLandscapeState = { ...rt.state };
    const run = ++runs;
    recorded = false;
    recordedNote.hidden = true;
    views = { plain: emptyView(state), residual: emptyView(state) };
    draw();
    const phaseText = (p: LandscapeProgress) => {
      const phase =
        p.phase === 'row' ? fill(s['phase.row'], { row: p.row + 1, rows: state.resolution }) : p.phase === 'hessian' ? fill(s['phase.hessian'], { i: p.products, n: lanczosSteps }) : p.phase === 'train' ? s['phase.train'] : s['phase.line'];
      return fill(s.phase, { net: s[`net.${p.arch}`], phase });
    };
    await session.jobs(jobsFor(state), {
      progress: { kind: 'phases', position: (p) => (p.phase === 'curvature' ? undefined : p), text: (latest) => latest.map(phaseText).join(' · ') },
      onProgress: (p) => {
        const v = views[p.arch];
        if (p.phase === 'line') v.line.push(...p.points);
        else if (p.phase === 'row') {
          v.loss.set(p.losses, p.row * v.resolution);
          v.filled = p.row + 1;
        } else if (p.phase === 'curvature') v.curvature = p.curvature;
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { net: s[`net.${r.arch}`], step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        if (r.diverged) return;
        views[r.arch] = viewOf(r);
        history.push({ run, arch: r.arch, cells: roughnessCells(r) });
      },
    });
  });

  rt.onChange((_state, changed) => {
    if (session.running || !changed.some((k) => (resultKeys as readonly string[]).includes(k))) session.schedule();
    else session.show();
  });

  session.show();
  rt.setStatus('idle');
}
