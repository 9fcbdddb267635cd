/**
 * The widget's URL notice (`[data-notice="url"]`): every correction made to the link it was
 * opened with, in the reader's language, plus clauses added later (e.g. by a classroom task).
 */
import type { UrlCorrection } from '../../../lib/state/codec';
import type { Locale } from '../../../lib/i18n/locales';
import { urlNotice } from '../../../lib/i18n/url-notice';

export interface LinkNotice {
  /** Adds a clause and shows the notice. */
  addClause(clause: string): void;
  /** Hides the notice (after Reset). */
  hide(): void;
}

export function createLinkNotice(root: HTMLElement, corrections: readonly UrlCorrection[], locale: Locale, labelOf: (key: string) => string): LinkNotice {
  const notice = root.querySelector<HTMLElement>('[data-notice="url"]');
  const clauses: string[] = [];
  const show = () => {
    if (!notice || (!corrections.length && !clauses.length)) return;
    notice.textContent = urlNotice([...corrections], locale, labelOf, clauses);
    notice.hidden = false;
  };
  show();
  return {
    addClause(clause) {
      clauses.push(clause);
      show();
    },
    hide() {
      if (notice) notice.hidden = true;
    },
  };
}
