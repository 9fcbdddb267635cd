/**
 * Widget id → its Astro component, for pages that render a widget by id (the embed route). Found
 * by convention, so a registered widget needs no entry here: the component of widget `<id>` is
 * `src/widgets/<id>/<Name>.astro` where `<Name>` is the id in PascalCase (`degradation-lab` →
 * `DegradationLab.astro`; letter case and hyphens are ignored when matching, so `CNNTrainer`
 * matches `cnn-trainer`). Build-time only (Astro); the browser never imports this module.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AstroComponent = (...args: any[]) => unknown;

const modules = import.meta.glob<{ default: AstroComponent }>('./*/*.astro', { eager: true });

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The component that renders widget `id` with its defaults, or `undefined` if none is found. */
export function widgetComponent(id: string): AstroComponent | undefined {
  for (const [path, mod] of Object.entries(modules)) {
    const m = /^\.\/([^/]+)\/([^/]+)\.astro$/.exec(path);
    if (m && m[1] === id && squash(m[2]!) === squash(id)) return mod.default;
  }
  return undefined;
}
