import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataFiles } from './data-files';

describe('data files the notebooks download', () => {
  it.each(Object.entries(dataFiles))('%s: size and checksums are those of the file in the repository', (_, file) => {
    const bytes = readFileSync(file.source);
    expect(bytes.length).toBe(file.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    expect(createHash('sha256').update(gunzipSync(bytes)).digest('hex')).toBe(file.sha256Inflated);
  });
});
