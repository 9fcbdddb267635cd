/**
 * Submission codes: what a student pastes back to the teacher when a task is met — the widget, its
 * full state (as link parameters), the task, the key numbers and a checksum, in one copyable line:
 *
 *   NB1-<base64url( UTF-8 JSON array ‖ CRC-32 big-endian )>
 *
 * The checksum catches codes that were cut short, mistyped or edited by hand. It is NOT a security
 * feature: anyone who reads this file can make a valid code. Pure; never throws.
 */
import type { Locale } from '../i18n/locales';
import { crc32, fromBase64url, toBase64url, utf8 } from './encoding';
import type { Cell } from './metrics';
import type { Bilingual } from './task';

export const submissionPrefix = 'NB1-';

export interface Submission {
  widget: string;
  /** The widget's state format version (`v=`). */
  version: number;
  /** The state as link parameters without `w` and `v`: `depth=32&width=32&…`. */
  state: string;
  /** A catalogue id, or a teacher's own task (prompt and condition). */
  task: { id: string } | { prompt: Bilingual; check: string };
  /**
   * Key numbers: `[what, value]`, e.g. `['min(runs[3] where [0] = "plain")', 0.2134]`; `what` is ''
   * for a catalogue task's report numbers, labelled by position from the catalogue.
   */
  metrics: [string, Cell][];
  /** The student's name as typed (may be empty). */
  name: string;
  /** Unix time, seconds. */
  at: number;
  lang: Locale;
  /** The compute backend the numbers came from (`wasm`, `cpu`), '' if the widget does not say. */
  backend: string;
}

export type SubmissionError =
  /** Nothing pasted. */
  | 'empty'
  /** Not one of our codes at all. */
  | 'format'
  /** Made by a newer version of the notebook. */
  | 'version'
  /** The checksum does not match: cut short, mistyped or edited. */
  | 'checksum'
  /** The checksum matches but the content is not a submission (made by something else). */
  | 'content';

export type DecodeResult = { ok: true; submission: Submission } | { ok: false; error: SubmissionError };

const maxName = 60;

/** The code of a submission. */
export function encodeSubmission(s: Submission): string {
  const task = 'id' in s.task ? s.task.id : [s.task.prompt.zh, s.task.prompt.en, s.task.check];
  const json = JSON.stringify([1, s.widget, s.version, s.state, task, s.metrics, s.name.slice(0, maxName), s.at, s.lang, s.backend]);
  const body = utf8.encode(json);
  const bytes = new Uint8Array(body.length + 4);
  bytes.set(body);
  new DataView(bytes.buffer).setUint32(body.length, crc32(body));
  return submissionPrefix + toBase64url(bytes);
}

const isCell = (v: unknown): v is Cell => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** Reads a code (surrounding whitespace and line breaks inside it are ignored). */
export function decodeSubmission(input: string): DecodeResult {
  const code = input.replace(/\s+/g, '');
  if (!code) return { ok: false, error: 'empty' };
  const prefix = /^NB(\d+)-/i.exec(code);
  if (!prefix) return { ok: false, error: 'format' };
  if (Number(prefix[1]) > 1) return { ok: false, error: 'version' };
  if (Number(prefix[1]) !== 1) return { ok: false, error: 'format' };
  const bytes = fromBase64url(code.slice(prefix[0].length));
  if (!bytes || bytes.length < 5) return { ok: false, error: 'checksum' };
  const body = bytes.subarray(0, bytes.length - 4);
  const sum = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.length - 4);
  if (crc32(body) !== sum) return { ok: false, error: 'checksum' };
  try {
    const data = JSON.parse(utf8.decode(body)) as unknown;
    if (!Array.isArray(data) || data[0] !== 1) return { ok: false, error: 'content' };
    const [, widget, version, state, task, metrics, name, at, lang, backend] = data as unknown[];
    if (typeof widget !== 'string' || typeof state !== 'string' || typeof name !== 'string' || typeof backend !== 'string') return { ok: false, error: 'content' };
    if (typeof version !== 'number' || typeof at !== 'number' || (lang !== 'zh' && lang !== 'en')) return { ok: false, error: 'content' };
    if (!Array.isArray(metrics) || !metrics.every((m) => Array.isArray(m) && m.length === 2 && typeof m[0] === 'string' && isCell(m[1]))) return { ok: false, error: 'content' };
    let t: Submission['task'];
    if (typeof task === 'string') t = { id: task };
    else if (Array.isArray(task) && task.length === 3 && task.every((x) => typeof x === 'string')) {
      const [zh, en, check] = task as [string, string, string];
      t = { prompt: { zh, en }, check };
    }
    else return { ok: false, error: 'content' };
    return { ok: true, submission: { widget, version, state, task: t, metrics: metrics as [string, Cell][], name: name.slice(0, maxName), at, lang, backend } };
  } catch {
    return { ok: false, error: 'content' };
  }
}
