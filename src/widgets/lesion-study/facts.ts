/**
 * The numbers the chapter quotes from the lesion study's recording, formatted for the page at
 * build time (`content/{zh,en}/_why-lesion.mdx` import this), so no figure in the prose is typed
 * by hand: re-recording updates the text.
 */
import type { Locale } from '../../lib/i18n/locales';
import { choose } from '../../lib/ml/lesion';
import { loadRecording } from './recording';

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const number = (v: number, locale: Locale) => v.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US');

/** Slope of log(magnitude) over path length: the factor one more residual branch multiplies the gradient by (least squares). */
export function perBranchFactor(magnitudes: readonly number[]): number {
  const pts = magnitudes.map((m, k) => [k, Math.log(m)] as const).filter(([, y]) => Number.isFinite(y));
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  const slope = pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return Math.exp(slope);
}

export function lesionFacts(locale: Locale) {
  const rec = loadRecording();
  if (!rec) throw new Error('lesion-study: no recording (run npm run record:lesion)');
  const { plain, residual } = rec.nets;
  const depth = rec.state.depth as number;
  const n = depth / 2;
  const at = (net: typeof plain, k: number) => net.curve.find((p) => p.k === k)!;
  const worst = residual.single.reduce((a, b) => (b.accuracy < a.accuracy ? b : a));
  const bestPlain = plain.single.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  const magnitudes = residual.paths?.map((p) => p.magnitude) ?? [];
  const eff = residual.effective!;
  return {
    depth: String(depth),
    n: String(n),
    paths: number(2 ** n, locale),
    mode: String(Math.floor(n / 2)),
    modeCount: number(choose(n, Math.floor(n / 2)), locale),
    steps: String(rec.state.steps),
    subsets: String(rec.state.subsets),
    pathSamples: String(residual.pathSamples ?? 0),
    plainIntact: percent(plain.testAccuracy),
    residualIntact: percent(residual.testAccuracy),
    plainOne: percent(at(plain, 1).mean),
    residualOne: percent(at(residual, 1).mean),
    plainBestOne: percent(bestPlain.accuracy),
    plainBestBlock: String(bestPlain.block + 1),
    residualWorstOne: percent(worst.accuracy),
    residualWorstBlock: String(worst.block + 1),
    residualHalf: percent(at(residual, Math.floor(n / 2)).mean),
    plainAll: percent(at(plain, n).mean),
    residualAll: percent(at(residual, n).mean),
    chance: percent(1 / 3),
    effectiveFrom: String(eff.from),
    effectiveTo: String(eff.to),
    effectiveShare: percent(eff.share),
    factor: perBranchFactor(magnitudes).toFixed(2),
    magnitudeRatio: number(Math.round(magnitudes[0]! / magnitudes[magnitudes.length - 1]!), locale),
  };
}
