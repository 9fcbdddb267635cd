import { describe, expect, it } from 'vitest';
import { checkCodes, checkSummary, csvText, overviewCsv } from './checking';
import { encodeSubmission, type Submission } from './submission';

const base: Submission = {
  widget: 'degradation-lab',
  version: 1,
  state: 'depth=32&width=32&bn=1&optimizer=adam&lr=0.001&steps=400&seed=1&dataset=spiral&arch=plain%2Cresidual&mode=single',
  task: { id: 'dl-see-degradation' },
  metrics: [['', 0.8868], ['', 0.038]],
  name: '张三',
  at: 1767225600,
  lang: 'zh',
  backend: 'wasm',
};
const zhang = encodeSubmission(base);
const li = encodeSubmission({ ...base, name: '=HYPERLINK("x")', metrics: [['', 0.5], ['', null]] });
const cut = zhang.slice(0, -9);

describe('checkCodes(text, locale): the checking box, as data', () => {
  const text = `张三的提交码：${zhang}。\n${li}\n王五：${cut}\n${zhang}`;

  it('reads, rejects and flags repeats, with lines and names', () => {
    const r = checkCodes(text, 'zh');
    expect(r.map((c) => [c.status, c.found.line, c.name, c.duplicateOf])).toEqual([
      ['read', 1, '张三', undefined],
      ['read', 2, '=HYPERLINK("x")', undefined],
      ['rejected', 3, '王五', undefined],
      ['duplicate', 4, '张三', 1],
    ]);
    expect(r[2]!.problem).toContain('提交码已损坏');
    expect(checkSummary(r, 'zh')).toBe('共找到 4 个提交码：已读取 2 个，拒绝 1 个，重复 1 个。');
    expect(checkSummary(r, 'en')).toBe('4 codes found: 2 read, 1 rejected, 1 repeated.');
    expect(checkSummary([], 'en')).toBe('No submission code (starting with NB1-) was found in the text.');
  });

  it('says the settings and the key numbers in the teacher’s language', () => {
    const [zh] = checkCodes(zhang, 'zh');
    const settings = Object.fromEntries(zh!.settings.map(([k, , v]) => [k, v]));
    expect(settings).toMatchObject({ optimizer: 'Adam', dataset: '三臂螺旋', arch: '普通网络、残差网络', mode: '单一深度', bn: '开', depth: '32' });
    expect(zh!.settings.find(([k]) => k === 'depth')![1]).toBe('深度（隐藏层数）');
    expect(zh!.numbers).toEqual([
      ['普通网络最终训练损失', 0.8868],
      ['残差网络最终训练损失', 0.038],
    ]);
    expect(zh!.taskTitle).toBe('亲眼看到退化');
    const [en] = checkCodes(zhang, 'en', 'https://example.org');
    expect(Object.fromEntries(en!.settings.map(([k, , v]) => [k, v]))).toMatchObject({ dataset: '3-arm spiral', arch: 'plain, residual', mode: 'One depth', bn: 'on' });
    const link = new URL(en!.link);
    expect(link.origin).toBe('https://example.org');
    expect(link.searchParams.get('run')).toBe('1');
    expect(link.searchParams.get('arch')).toBe('plain,residual');
  });
});

describe('overviewCsv: the class as a gradebook file', () => {
  it('UTF-8 with a byte-order mark, CRLF, one row per code, quoted where needed, formulas defused', () => {
    const csv = overviewCsv(checkCodes(`张三的提交码：${zhang}\n${li}\n王五：${cut}\n${zhang}`, 'zh'), 'zh', { 'degradation-lab': '退化实验' });
    expect(csv.startsWith('\uFEFF学生,行号,状态,说明,作业,作业编号,组件,关键数值,数值 1,数值 2,提交时间,计算后端,重新运行链接,提交码\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatch(/^张三,1,已读取,,亲眼看到退化,dl-see-degradation,退化实验,普通网络最终训练损失：0\.8868；残差网络最终训练损失：0\.038,0\.8868,0\.038,\d{4}-\d\d-\d\d \d\d:\d\d,wasm,\/zh\/resnet-principles\/\?/);
    expect(rows[2]).toMatch(/^"'=HYPERLINK\(""x""\)",2,已读取,/);
    expect(rows[2]).toContain(',0.5,,');
    expect(rows[3]).toMatch(/^王五,3,已拒绝,提交码已损坏/);
    expect(rows[4]).toMatch(/^张三,4,重复,与第 1 行的提交码相同，只计一次,/);
    expect(overviewCsv([], 'en')).toBe('\uFEFFstudent,line,status,problem,task,task id,widget,key numbers,submitted,backend,reopen link,code\r\n');
  });

  it('csvText quotes commas, quotes and line breaks', () => {
    expect(csvText([['a,b', 'say "hi"', 'two\nlines', 3, null, '-1', '@x']])).toBe('\uFEFF"a,b","say ""hi""","two\nlines",3,,\'-1,\'@x\r\n');
  });
});
