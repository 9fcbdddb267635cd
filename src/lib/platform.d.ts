/**
 * The few web-platform globals that src/lib uses and that exist both in Node (≥ 18) and in Web
 * Workers — declared here because src/lib is compiled without the DOM and Node libraries, so that
 * `document`, `window` or `process` stay compile errors. Only what is used, typed as narrowly.
 */
declare class URLSearchParams implements Iterable<[string, string]> {
  constructor(init?: string | Record<string, string> | Iterable<[string, string]> | URLSearchParams);
  readonly size: number;
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
  sort(): void;
  toString(): string;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  entries(): IterableIterator<[string, string]>;
  forEach(fn: (value: string, key: string, parent: URLSearchParams) => void): void;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

declare var performance: { now(): number } | undefined;
declare function setTimeout(handler: () => void, ms?: number): unknown;
