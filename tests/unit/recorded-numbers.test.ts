/**
 * Numbers quoted from the widgets' recorded runs come from the recording files, never from the
 * keyboard: chapters write `<Recorded k="…" />`, and this file fails if a chapter that draws on a
 * recording spells out one of its measured values by hand (in any common rounding). It also
 * checks that what the prose *says* about those numbers (“close to chance”, “about ten times”)
 * still holds for the recording on disk, so a re-recording that changes the story fails here.
 */
import { describe, expect, it } from 'vitest';
import { formatRecorded, recordedNumbers, type RecordedNumber } from '../../src/components/recorded-numbers';
import { body, languages, readPages } from './content-files';

const pages = { zh: readPages('zh'), en: readPages('en') };

/** Components whose figures or widgets show a recording, by the file they read. */
const componentFiles: Record<string, string> = {
  DegradationLab: 'src/widgets/degradation-lab/recorded.json',
  GradientFlow: 'src/widgets/degradation-lab/recorded.json',
  DepthSweepFigure: 'src/widgets/degradation-lab/recorded.json',
  BoundaryLab: 'src/widgets/boundary-lab/recorded.json',
  CnnTrainer: 'src/widgets/cnn-trainer/recorded.json',
};

const recordedKeys = (mdx: string) => [...body(mdx).matchAll(/<Recorded\b[^>]*\bk="([^"]+)"/g)].map((m) => m[1]!);

/** The recording files a chapter draws on: those of its `<Recorded>` keys and of its widgets. */
function filesOf(mdx: string): Set<string> {
  const files = new Set<string>();
  for (const k of recordedKeys(mdx)) if (recordedNumbers[k]) files.add(recordedNumbers[k]!.file);
  for (const [name, file] of Object.entries(componentFiles)) if (new RegExp(`<${name}\\b`).test(body(mdx))) files.add(file);
  return files;
}

/** The ways a person would type `n` by hand: the rendered text and the usual roundings. */
function handTypedForms(n: RecordedNumber): string[] {
  const v = n.value;
  const forms = new Set<string>([formatRecorded(n)]);
  const grouped = (x: number) => [String(x), x.toLocaleString('en-US')];
  switch (n.style) {
    case 'decimal':
      forms.add(v.toFixed(n.digits));
      if (n.digits >= 3) forms.add(v.toFixed(n.digits - 1));
      break;
    case 'percent':
      forms.add(`${(v * 100).toFixed(0)}%`);
      forms.add(`${(v * 100).toFixed(1)}%`);
      if (v < 1) forms.add(v.toFixed(3));
      break;
    case 'integer':
    case 'significant':
      // 789 → 789, 790 and (“about 800”) 800; one significant figure only from 100 up, below that it is too common a number.
      for (const digits of [3, 2, 1]) if (Math.abs(v) >= Math.max(10 ** (digits - 1), digits === 1 ? 100 : 0)) for (const f of grouped(Number(v.toPrecision(digits)))) forms.add(f);
      if (Math.abs(v) >= 10) for (const f of grouped(Math.round(v))) forms.add(f); // a bare 4 is too common a number to police
      if (n.style === 'significant') forms.add(String(Number(v.toPrecision(n.digits))));
      break;
  }
  return [...forms];
}

/** Matches `form` as a whole number: not inside a longer number, `%` allowing a space before it. */
function numberPattern(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%$/, '\\s?%');
  return new RegExp(`(?<![\\d.,])${escaped}(?![\\d]|[.,]\\d)`);
}

/** Prose and maths of a chapter with every tag (and its attributes) removed. */
const text = (mdx: string) => body(mdx).replace(/<[^>]+>/g, ' ');

describe('recorded numbers', () => {
  it('the recordings are on disk and give the numbers the chapters quote', () => {
    for (const key of ['dl.sweep.plain.16.loss', 'dl.sweep.plain.32.loss', 'dl.sweep.plain.64.loss', 'gf.plain.init.ratio', 'bl.circles.raw.accuracy', 'cnn.test', 'cnn.logisticTest', 'cnn.msPerEpoch']) {
      expect(recordedNumbers[key], key).toBeDefined();
      expect(Number.isFinite(recordedNumbers[key]!.value), key).toBe(true);
    }
  });

  it.each(languages)('every <Recorded k> in %s names a recorded number', (lang) => {
    for (const [slug, mdx] of pages[lang]) for (const k of recordedKeys(mdx)) expect(recordedNumbers[k], `${lang}/${slug}: ${k}`).toBeDefined();
  });

  it('zh and en quote the same recorded numbers, in the same order', () => {
    for (const [slug, zh] of pages.zh) expect(recordedKeys(zh), slug).toEqual(recordedKeys(pages.en.get(slug) ?? ''));
  });

  it.each(languages)('no %s chapter types a recorded result by hand', (lang) => {
    const found: string[] = [];
    for (const [slug, mdx] of pages[lang]) {
      const files = filesOf(mdx);
      if (files.size === 0) continue;
      const prose = text(mdx);
      for (const [key, n] of Object.entries(recordedNumbers)) {
        if (n.kind !== 'result' || !files.has(n.file)) continue;
        for (const form of handTypedForms(n)) if (numberPattern(form).test(prose)) found.push(`${lang}/${slug}: "${form}" is ${key}; write <Recorded k="${key}" />`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the hand-typing check would catch the old intro caption and an “about 97%”', () => {
    const files = new Set(['src/widgets/degradation-lab/recorded.json', 'src/widgets/cnn-trainer/recorded.json']);
    const typed = text('At 32 layers the plain net reaches 0.986, its gradients grow about 800 times. The CNN gets about 97% right, epochs take 1,739 ms.');
    const hits = Object.values(recordedNumbers).filter((n) => n.kind === 'result' && files.has(n.file) && handTypedForms(n).some((f) => numberPattern(f).test(typed)));
    expect(hits.length).toBeGreaterThanOrEqual(4);
  });
});

/** What the chapters say about the recorded runs, checked against the files on disk. */
describe('what the prose claims about the recordings still holds', () => {
  const v = (key: string) => {
    const n = recordedNumbers[key];
    if (!n) throw new Error(`no recorded number ${key}`);
    return n.value;
  };
  const chance = Math.log(3);

  it('degradation sweep: up to 16 layers both nets fit the spiral; at 32 the plain net is close to chance, at 64 it is at chance; the residual net stays low', () => {
    for (const d of [2, 4, 8, 16]) expect(v(`dl.sweep.plain.${d}.loss`), `plain ${d}`).toBeLessThan(0.1);
    for (const d of [2, 4, 8, 16, 32, 64]) expect(v(`dl.sweep.residual.${d}.loss`), `residual ${d}`).toBeLessThan(0.1);
    expect(v('dl.sweep.plain.32.loss')).toBeGreaterThan(0.8 * chance);
    expect(v('dl.sweep.plain.32.loss')).toBeLessThan(chance);
    expect(v('dl.sweep.plain.64.loss')).toBeGreaterThan(0.97 * chance);
    expect(v('dl.sweep.plain.32.loss')).toBeGreaterThan(10 * v('dl.sweep.residual.32.loss'));
  });

  it('gradient flow at initialisation: the plain net’s gradients grow toward the input by hundreds, the residual net’s by tens', () => {
    expect(v('gf.plain.init.ratio')).toBeGreaterThan(100);
    expect(v('gf.residual.init.ratio')).toBeGreaterThan(1);
    expect(v('gf.residual.init.ratio')).toBeLessThan(50);
    expect(v('gf.plain.init.factor')).toBeGreaterThan(v('gf.residual.init.factor'));
  });

  it('gradient flow after training: the plain net keeps large gradients upstream, the residual net’s profile is far flatter', () => {
    expect(v('gf.plain.last.ratio')).toBeGreaterThan(10 * v('gf.residual.last.ratio'));
    expect(v('gf.plain.last.ratio')).toBeGreaterThan(100);
  });

  it('boundary lab: raw coordinates guess on the circles, the squares solve them, the MLP solves both; the squares do not help on XOR', () => {
    expect(v('bl.circles.raw.accuracy')).toBeLessThan(0.6);
    expect(v('bl.circles.features.accuracy')).toBeGreaterThanOrEqual(0.95);
    expect(v('bl.circles.mlp.accuracy')).toBeGreaterThanOrEqual(0.95);
    expect(v('bl.xor.features.accuracy')).toBeLessThan(0.6);
    expect(v('bl.xor.mlp.accuracy')).toBeGreaterThanOrEqual(0.9);
  });

  it('cnn trainer: the CNN beats logistic regression on the test digits by several points', () => {
    expect(v('cnn.test')).toBeGreaterThan(v('cnn.logisticTest') + 0.03);
    expect(v('cnn.test')).toBeGreaterThan(0.95);
  });
});
