/**
 * A teacher's link options on the page: controls of `hide` keys are hidden (their `[data-control]`
 * wrapper, marked `data-hidden-by-link`), controls of `lock` keys are disabled and badged
 * “locked” in the reader's language.
 */
import type { LinkOptions } from '../../../lib/state/link-options';
import { controlsFor } from '../controls';

export function applyTeacherOptions(root: HTMLElement, options: LinkOptions, lockedText: string) {
  for (const key of options.hide) {
    for (const el of controlsFor(root, key)) {
      const wrap = el.closest<HTMLElement>('[data-control]') ?? el;
      wrap.hidden = true;
      wrap.dataset.hiddenByLink = '';
    }
  }
  for (const key of options.lock) {
    for (const el of controlsFor(root, key)) {
      el.disabled = true;
      const wrap = el.closest<HTMLElement>('[data-control]');
      if (wrap && !wrap.querySelector('.nb-locked')) {
        wrap.dataset.locked = '';
        const badge = document.createElement('span');
        badge.className = 'nb-locked';
        badge.textContent = lockedText;
        wrap.append(badge);
      }
    }
  }
}
