/**
 * Starlight route middleware: a splash page's hero buttons take their links from frontmatter
 * (`hero.actions[].link: /zh/intro/`), which Starlight passes through as written. Under a sub-path
 * deploy those get the base in front, like every other site link (`sitePath`).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { sitePath } from '../../lib/i18n/localized-path';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const hero = route.entry.data.hero;
  if (!hero?.actions?.length) return;
  // The entry is shared between renders: replace the objects, never edit them in place.
  route.entry = {
    ...route.entry,
    data: { ...route.entry.data, hero: { ...hero, actions: hero.actions.map((a) => ({ ...a, link: sitePath(a.link) })) } },
  };
});
