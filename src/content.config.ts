import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

/**
 * Chapters live in the top-level `content/` folder (`content/zh/…`, `content/en/…`), not under
 * `src/`, so writers never wade through code. Starlight's own loader only reads
 * `src/content/docs`, so the docs collection uses Astro's glob loader with a custom base; entry
 * ids come out as `zh/intro`, `en/case-studies/vgg`, which is exactly Starlight's locale layout.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: './content' }),
    schema: docsSchema(),
  }),
};
