/**
 * Widget id → its Astro component, for pages that render a widget by id (the embed route). Found
 * by convention, so a registered widget needs no entry here: the component of widget `<id>` is
 * `src/widgets/<id>/<Name>.astro` where `<Name>` is the id in PascalCase, optionally followed by
 * `Widget` (`degradation-lab` → `DegradationLab.astro`, `residual-block` →
 * `ResidualBlock.astro`, or `ResidualBlockWidget.astro`; letter case and hyphens are ignored, so `CNNTrainer` matches
 * `cnn-trainer`), or else the only `.astro` file in the folder. Build-time only (Astro); the
 * browser never imports this module.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AstroComponent = (...args: any[]) => unknown;

const modules = import.meta.glob<{ default: AstroComponent }>('./*/*.astro', { eager: true });

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The component that renders widget `id` with its defaults, or `undefined` if none is found. */
export function widgetComponent(id: string): AstroComponent | undefined {
  const inFolder = Object.entries(modules)
    .map(([path, mod]) => ({ name: /^\.\/([^/]+)\/([^/]+)\.astro$/.exec(path), mod }))
    .filter((f) => f.name?.[1] === id)
    .map((f) => ({ name: squash(f.name![2]!), component: f.mod.default }));
  const want = squash(id);
  const found = inFolder.find((f) => f.name === want) ?? inFolder.find((f) => f.name === `${want}widget`) ?? (inFolder.length === 1 ? inFolder[0] : undefined);
  return found?.component;
}
