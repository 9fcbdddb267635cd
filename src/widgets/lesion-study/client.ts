/**
 * `lesion-study` in the browser: wiring of the shared runtime (state ↔ controls ↔ link) and a
 * training session of two workers (plain and residual at once) to the strips, maps, charts and
 * tables. Before any click — and whenever the settings are the recorded ones — it shows the
 * recording the page carries; a live run shows each phase as it arrives.
 */
import { lesionStudyStrings } from '../../lib/i18n/widgets/lesion-study';
import { fill } from '../../lib/i18n/translate';
import { lesionStudySchema, type LesionStudyState } from '../../lib/state/schemas/lesion-study';
import type { LesionJob, LesionProgress, LesionResult } from '../../workers/lesion-job';
import { chartEmptyText } from '../shared/run-bar';
import { createTrainingSession } from '../shared/training-session';
import { mountWidget } from '../shared/widget-runtime';
import { jobsFor, resultKeys, type Arch } from './jobs';
import { replayNet, loadRecording } from './recording';
import { createLesionView, emptyView, type NetView } from './view';

export function start(root: HTMLElement) {
  const rt = mountWidget(root, lesionStudySchema);
  const s = lesionStudyStrings[rt.locale];
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  // The recording comes with this script's chunk (loaded when the widget mounts), not in the page's HTML.
  const rec = loadRecording();
  const n = () => rt.state.depth / 2;
  // Line charts lay themselves out for their box's width; while empty they say what to do.
  const view = createLesionView(root, { locale: rt.locale, empty: chartEmptyText(rt), onPick: (b) => rt.set({ block: rt.state.block === b ? 0 : b }) });
  const blockInput = q<HTMLInputElement>('input[data-field="block"]');
  const recordedNote = q<HTMLElement>('[data-recorded-note]');

  let views: Record<Arch, NetView> = { plain: emptyView(rt.state.depth), residual: emptyView(rt.state.depth) };
  let recorded = false;
  const draw = () => view.draw(views, rt.state, recorded);

  const matchesRecording = () => !!rec && resultKeys.every((k) => JSON.stringify(rec.state[k]) === JSON.stringify(rt.state[k]));
  /** The recording (when `match`) or empty views, and the note saying which. */
  function show(match: boolean) {
    recorded = match;
    recordedNote.textContent = recorded ? s.recorded : s.notRecorded;
    recordedNote.hidden = false;
    views = recorded ? { plain: replayNet(rec!, 'plain'), residual: replayNet(rec!, 'residual') } : { plain: emptyView(rt.state.depth), residual: emptyView(rt.state.depth) };
    draw();
    return match;
  }
  const session = createTrainingSession<LesionJob, LesionProgress, LesionResult>(rt, {
    worker: () => new Worker(new URL('../../workers/lesion.worker.ts', import.meta.url), { type: 'module' }),
    draw,
    recorded: () => show(matchesRecording()),
    clear: () => show(false),
  });

  session.onTrain(async () => {
    const state: LesionStudyState = { ...rt.state };
    recorded = false;
    recordedNote.hidden = true;
    views = { plain: emptyView(state.depth), residual: emptyView(state.depth) };
    draw();
    await session.jobs(jobsFor(state), {
      progress: { kind: 'phases', position: (p) => p, text: (latest) => latest.map((p) => fill(s.phase, { net: s[`net.${p.arch}`], phase: s[`phase.${p.phase}`] })).join(' · ') },
      onProgress: (p) => {
        const v = views[p.arch];
        if (p.phase === 'intact') Object.assign(v, { trainAccuracy: p.trainAccuracy, testAccuracy: p.testAccuracy, intactGrid: p.grid });
        else if (p.phase === 'single') v.single.push(p.lesion);
        else if (p.phase === 'subsets') v.curve.push(p.point);
        else if (p.phase === 'paths') v.paths = p.lengths;
      },
      diverged: (r) => (r.diverged ? fill(s.diverged, { net: s[`net.${r.arch}`], step: r.diverged.atStep }) : undefined),
      onResult: (r) => {
        if (!r.diverged) views[r.arch] = r;
      },
    });
  });

  /** Keeps `block` within the net's n blocks (the link may ask for more); says so when it was the link. */
  function clampBlock(fromLink: boolean) {
    blockInput.max = String(n());
    if (rt.state.block <= n()) return;
    if (fromLink) {
      const notice = q<HTMLElement>('[data-notice="url"]');
      notice.textContent = [notice.hidden ? '' : notice.textContent, fill(s.blockClamped, { asked: rt.state.block, depth: rt.state.depth, n: n() })].filter(Boolean).join(' ');
      notice.hidden = false;
    }
    rt.set({ block: n() });
  }

  rt.onChange((_state, changed) => {
    if (changed.includes('depth')) clampBlock(false);
    if (session.running) {
      if (changed.includes('block')) session.schedule();
      return;
    }
    if (changed.some((k) => (resultKeys as readonly string[]).includes(k))) session.show();
    else session.schedule();
  });

  clampBlock(true);
  session.show();
  rt.setStatus('idle');
}
