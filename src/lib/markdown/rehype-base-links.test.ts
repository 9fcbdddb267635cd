import { describe, expect, it } from 'vitest';
import rehypeBaseLinks from './rehype-base-links';

const link = (href: string) => ({ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text' }] });

describe('rehypeBaseLinks({ base })', () => {
  it('puts the base in front of links to site pages, in any depth of the tree', () => {
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [link('/zh/intro/'), link('/en/glossary/#term-stride')] }] };
    rehypeBaseLinks({ base: '/courses/resnet/' })(tree);
    const hrefs = tree.children[0]!.children.map((c) => c.properties.href);
    expect(hrefs).toEqual(['/courses/resnet/zh/intro/', '/courses/resnet/en/glossary/#term-stride']);
  });

  it('leaves other sites and anchors alone, and changes nothing at the root base', () => {
    const tree = { type: 'root', children: [link('https://arxiv.org/abs/1512.03385'), link('#degradation-lab'), link('/zh/intro/')] };
    rehypeBaseLinks({ base: '/' })(tree);
    expect(tree.children.map((c) => c.properties.href)).toEqual(['https://arxiv.org/abs/1512.03385', '#degradation-lab', '/zh/intro/']);
  });
});
