/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The page language on the notebook's own pages outside Starlight (embeds): see `components/locale.ts`. */
    nbLocale?: 'zh' | 'en';
  }
}

declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
  }
}
