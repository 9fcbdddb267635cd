/**
 * Rehype plugin: makes every content table keyboard-focusable. Starlight lets wide tables scroll
 * sideways inside their own box (so a phone page never scrolls horizontally); a scrollable region
 * must be reachable by keyboard to be scrollable without a mouse (WCAG 2.1.1; axe rule
 * scrollable-region-focusable).
 */
export default function rehypeFocusableTables() {
  const visit = (node) => {
    if (node.type === 'element' && node.tagName === 'table') {
      node.properties = { ...node.properties, tabIndex: 0 };
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}
