import { describe, expect, it } from 'vitest';
import { parseState } from '../state/codec';
import { degradationLabSchema } from '../state/schemas/degradation-lab';
import { chapterLink, embedLink, embedSnippet, linkQuery } from './links';

describe('classroom links', () => {
  it('chapterLink writes the page, every setting, the teacher options, the task and the hash', () => {
    const link = chapterLink({ widget: 'degradation-lab', state: { depth: 8 }, lock: ['depth'], hide: ['lr'], run: true, task: 'dl-see-degradation' }, 'en', 'https://nb.example');
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://nb.example/en/resnet-principles/');
    expect(url.hash).toBe('#degradation-lab');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ w: 'degradation-lab', v: '1', depth: '8', run: '1', lock: 'depth', hide: 'lr', task: 'dl-see-degradation' });
    expect(parseState(degradationLabSchema, url.searchParams).state.depth).toBe(8);
  });

  it('clamps a state given in code like a link would', () => {
    expect(linkQuery({ widget: 'degradation-lab', state: { depth: 1000 } }).get('depth')).toBe('64');
    expect(() => linkQuery({ widget: 'no-such-widget' })).toThrow(/unknown widget/);
  });

  it('embedLink uses the embed route with the same query', () => {
    expect(embedLink({ widget: 'gradient-flow', state: { depth: 16 } }, 'zh')).toMatch(/^\/zh\/embed\/gradient-flow\/\?w=gradient-flow&v=1&depth=16&/);
  });

  it('embedSnippet escapes the attributes and resizes on nb:height messages', () => {
    const html = embedSnippet('https://nb.example/en/embed/x/?a=1&b="2"', 'A <b> "title"');
    expect(html).toContain('src="https://nb.example/en/embed/x/?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('title="A &lt;b> &quot;title&quot;"');
    expect(html).toContain("d.type!=='nb:height'");
  });
});
