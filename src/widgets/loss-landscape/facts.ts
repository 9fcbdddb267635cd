/**
 * The numbers the chapter quotes from the loss-landscape recording, formatted at build time
 * (`content/{zh,en}/_why-landscape.mdx` import this), so no figure in the prose is typed by hand.
 */
import type { Locale } from '../../lib/i18n/locales';
import { lanczosSteps, lossPoints } from './jobs';
import { loadRecording, type RecordedLandscapeNet } from './recording';

const fixed = (v: number, d: number) => v.toFixed(d);
const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
/** λ to 3 significant digits, plain decimals below 10⁵ (7.85×10⁴ is written 78,500). */
const eigen = (v: number, locale: Locale) => Number(v.toPrecision(3)).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumSignificantDigits: 3 });

export function landscapeFacts(locale: Locale) {
  const rec = loadRecording();
  if (!rec) throw new Error('loss-landscape: no recording (run npm run record:landscape)');
  const at = (depth: number) => {
    const d = rec.depths.find((x) => x.depth === depth);
    if (!d) throw new Error(`loss-landscape: depth ${depth} is not recorded`);
    const net = (n: RecordedLandscapeNet) => ({
      accuracy: percent(n.trainAccuracy),
      loss: fixed(n.trainLoss, 3),
      lambdaMax: eigen(n.curvature.max, locale),
      lambdaMin: eigen(n.curvature.min, locale),
      ratio: fixed(n.curvature.ratio, 3),
      upDown: fixed(n.roughness.upDown, 2),
      minima: String(n.roughness.localMinima),
    });
    return { plain: net(d.nets.plain), residual: net(d.nets.residual) };
  };
  const depths = rec.depths.map((d) => d.depth);
  return {
    defaultDepth: String(rec.state.depth),
    resolution: String(rec.state.resolution),
    points: String(lossPoints),
    lanczos: String(lanczosSteps),
    depths: depths.join(locale === 'zh' ? '、' : ', '),
    d4: at(4),
    d8: at(8),
    d16: at(16),
    d32: at(32),
  };
}
