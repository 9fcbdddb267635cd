/**
 * `nb:grad-norms`: the degradation lab's per-layer gradient norms, recorded or live, as events on
 * the page; the gradient-flow widget follows them when its source is the lab.
 */
import type { Arch } from './jobs';

export interface GradNormsEventDetail {
  arch: Arch;
  depth: number;
  step: number;
  norms: number[];
  source: 'live' | 'recorded';
  /** True on the first report of a new run: listeners clear what they had. */
  reset?: boolean;
}

/** Dispatches one report from `root` (it bubbles to the document). */
export function emitGradNorms(root: HTMLElement, detail: GradNormsEventDetail): void {
  root.dispatchEvent(new CustomEvent<GradNormsEventDetail>('nb:grad-norms', { bubbles: true, detail }));
}
