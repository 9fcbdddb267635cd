/**
 * Rehype plugin: chapters link to each other with site paths (`[next chapter](/zh/resnet-principles/)`);
 * under a sub-path deploy (`BASE_PATH`) those need the base in front. Rewrites `href` of `<a>` and
 * `src` of `<img>` through `sitePath`, so writers keep writing plain `/zh/…` links.
 */
import { sitePath } from '../i18n/localized-path';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export default function rehypeBaseLinks(options: { base?: string } = {}) {
  const base = options.base ?? '/';
  const visit = (node: HastNode) => {
    if (node.type === 'element' && node.properties) {
      const key = node.tagName === 'a' ? 'href' : node.tagName === 'img' ? 'src' : undefined;
      const value = key ? node.properties[key] : undefined;
      if (key && typeof value === 'string') node.properties[key] = sitePath(value, base);
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree: HastNode) => visit(tree);
}
