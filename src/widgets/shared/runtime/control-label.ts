/**
 * The visible name of a setting, for the URL notice and the print view: a group's legend
 * (`data-label-for="<key>"`), else the label of its control (its `[data-label]` part if it has
 * one), else the key. `task` is named in the page's language.
 */
import type { Locale } from '../../../lib/i18n/locales';
import { controlsFor } from '../controls';

/** The name of the `task=` parameter in notices (the rest of the classroom strings load with the task panel). */
const taskLabel = { zh: '作业', en: 'task' } as const;

export function controlLabeller(root: HTMLElement, locale: Locale): (key: string) => string {
  return (key) => {
    if (key === 'task') return taskLabel[locale];
    const el = controlsFor(root, key)[0];
    const group = root.querySelector(`[data-label-for="${CSS.escape(key)}"]`)?.textContent;
    const text = group ?? el?.labels?.[0]?.querySelector('[data-label]')?.textContent ?? el?.labels?.[0]?.textContent;
    return (text ?? key).trim().replace(/\s+/g, ' ');
  };
}
