import type { Locale } from './locales';

/** Strings of the on-demand search loader (`src/components/overrides/pagefind-on-demand.ts`). */
export const searchStrings: Record<Locale, { failed: string }> = {
  zh: { failed: '搜索没能加载，可能是网络断了。请检查网络，关掉搜索框再打开试一次。' },
  en: { failed: 'Search could not load — perhaps the network dropped. Check the connection, then close and reopen search to try again.' },
};
