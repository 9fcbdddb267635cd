import { describe, expect, it } from 'vitest';
import { findCodes } from './find-codes';
import { decodeSubmission, encodeSubmission, type Submission } from './submission';

const base: Submission = {
  widget: 'degradation-lab',
  version: 1,
  state: 'depth=32&width=32&bn=1&optimizer=adam&lr=0.001&steps=400&seed=1&dataset=spiral&arch=plain%2Cresidual&mode=single',
  task: { id: 'dl-see-degradation' },
  metrics: [['', 0.8868], ['', 0.038]],
  name: '',
  at: 1767225600,
  lang: 'zh',
  backend: 'wasm',
};
const code = (name: string) => encodeSubmission({ ...base, name });
const a = code('张三');
const b = code('李四');
const c = code('Ada');
const found = (text: string) => findCodes(text).map((f) => ({ ok: decodeSubmission(f.code).ok, line: f.line, lines: f.lines, name: f.name, same: f.code === a ? 'a' : f.code === b ? 'b' : f.code === c ? 'c' : f.code }));

describe('findCodes(text): every submission code in what a teacher pastes', () => {
  it('one code per line, nothing else', () => {
    expect(found(`${a}\n${b}\n\n${c}\n`)).toEqual([
      { ok: true, line: 1, lines: 1, name: '', same: 'a' },
      { ok: true, line: 2, lines: 1, name: '', same: 'b' },
      { ok: true, line: 4, lines: 1, name: '', same: 'c' },
    ]);
  });

  it('a code wrapped over two or three lines is joined (LMS exports, narrow chat windows)', () => {
    const wrapped = `${a.slice(0, 60)}\n${a.slice(60, 120)}\n   ${a.slice(120)}`;
    expect(found(`作业提交\n${wrapped}\n${b}`)).toEqual([
      { ok: true, line: 2, lines: 3, name: '', same: 'a' },
      { ok: true, line: 5, lines: 1, name: '', same: 'b' },
    ]);
  });

  it('a trailing 。 or other punctuation is not part of the code', () => {
    expect(found(`${a}。\n(${b}).\n“${c}”，谢谢`).map((f) => [f.ok, f.same])).toEqual([
      [true, 'a'],
      [true, 'b'],
      [true, 'c'],
    ]);
    expect(found(`${a.slice(0, 70)}\n${a.slice(70)}。`)).toEqual([{ ok: true, line: 1, lines: 2, name: '', same: 'a' }]);
  });

  it('names written before a code: 张三的提交码：…, Name: …, a chat header above', () => {
    expect(found(`张三的提交码：${a}`)).toEqual([{ ok: true, line: 1, lines: 1, name: '张三', same: 'a' }]);
    expect(found(`李四：${b}`)[0]!.name).toBe('李四');
    expect(found(`Name: Ada, code: ${c}`)[0]!.name).toBe('Ada');
    expect(found(`Alan's code: ${c}.`)[0]!.name).toBe('Alan');
    expect(found(`1. 王五 - ${a}`)[0]!.name).toBe('王五');
    expect(found(`张三 10:02\n${a}`)[0]!.name).toBe('张三');
    expect(found(`Ada Lovelace 2025-03-01 10:02:33\n${c}`)[0]!.name).toBe('Ada Lovelace');
    expect(found(`李四：\n${b}`)[0]!.name).toBe('李四');
    expect(found(`这是我的提交码：${a}`)[0]!.name).toBe('');
    expect(found(`Here is my code: ${a}`)[0]!.name).toBe('');
  });

  it('full-width colons, letters and digits are read as their ASCII forms', () => {
    const fullWidth = a.replace(/^NB1-/, 'ＮＢ１－');
    expect(found(`张三：${fullWidth}`)).toEqual([{ ok: true, line: 1, lines: 1, name: '张三', same: 'a' }]);
  });

  it('several codes on one line, and the same code twice (each occurrence is reported)', () => {
    expect(found(`张三 ${a} 李四 ${b}\n${a}`)).toEqual([
      { ok: true, line: 1, lines: 1, name: '张三', same: 'a' },
      { ok: true, line: 1, lines: 1, name: '李四', same: 'b' },
      { ok: true, line: 2, lines: 1, name: '', same: 'a' },
    ]);
    expect(found(`${a}${b}`).map((f) => f.same)).toEqual(['a', 'b']);
  });

  it('damaged codes are found too (with their line and name), once, even when wrapped', () => {
    const cut = a.slice(0, a.length - 9);
    const tampered = a.slice(0, 30) + (a[30] === 'A' ? 'B' : 'A') + a.slice(31);
    const r = found(`张三：${cut}\n李四：${tampered.slice(0, 50)}\n${tampered.slice(50)}\nThanks\n王五 NB2-abc`);
    expect(r.map((f) => [f.ok, f.line, f.lines, f.name])).toEqual([
      [false, 1, 1, '张三'],
      [false, 2, 2, '李四'],
      [false, 5, 1, '王五'],
    ]);
    expect(decodeSubmission(findCodes(`${tampered.slice(0, 50)}\n${tampered.slice(50)}`)[0]!.code)).toEqual({ ok: false, error: 'checksum' });
  });

  it('emphasis marks around a code are dropped', () => {
    expect(found(`_${a}_`).map((f) => f.same)).toEqual(['a']);
  });

  it('text without codes gives nothing', () => {
    expect(findCodes('')).toEqual([]);
    expect(findCodes('老师好，我还没做完。\nNB1 is not a code')).toEqual([]);
  });
});
