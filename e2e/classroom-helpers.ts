/**
 * Helpers for the classroom specs, driven by the widget registry and the assignment catalogue so
 * that a widget registered later is covered with no change here.
 */
import type { Page } from '@playwright/test';
import { serializeState, normalizeState } from '../src/lib/state/codec';
import { widgets, type WidgetEntry } from '../src/lib/state/registry';
import { expect } from './site';

export { widgets };
export type { WidgetEntry };

/** `data-state` the runtime writes for a (partial) state: every setting, as a link carries it. */
export function stateString(entry: WidgetEntry, state: Record<string, unknown>): string {
  return serializeState(entry.schema, normalizeState(entry.schema, state as never)).toString();
}

/** Waits until the widget's runtime has mounted (it writes `data-state` on the root). */
export async function mounted(page: Page, id: string, timeout = 30_000) {
  await expect(page.locator(`#${id}[data-state]`)).toHaveCount(1, { timeout });
}

/** The widget's current state as link parameters (from the runtime's `data-state`). */
export async function widgetState(page: Page, id: string): Promise<Record<string, string>> {
  const s = await page.locator(`#${id}`).getAttribute('data-state');
  return Object.fromEntries(new URLSearchParams(s ?? ''));
}

/** Settings of a widget that have a control in the page, in schema order. */
export async function controlledFields(page: Page, entry: WidgetEntry): Promise<string[]> {
  const keys: string[] = [];
  for (const key of Object.keys(entry.schema.fields)) {
    if ((await page.locator(`#${entry.id} [data-field="${key}"]`).count()) > 0) keys.push(key);
  }
  return keys;
}

/** True when the widget has a Train button (it trains in a worker). */
export async function trains(page: Page, id: string): Promise<boolean> {
  return (await page.locator(`#${id} button[data-run="train"]`).count()) > 0;
}
