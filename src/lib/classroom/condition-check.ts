/**
 * Type-checks a condition against a widget's state schema before it is ever evaluated: every name
 * is a setting of the widget, enum and set values are ones the setting allows, arithmetic is on
 * numbers, `and`/`or`/`not` on truth values, and the whole condition is a truth value. Table
 * cells are dynamically typed (number or word), so they may stand where either is expected.
 */
import type { FieldSpec, WidgetSchema } from '../state/schema';
import type { Expr } from './condition';

type Ty = 'num' | 'str' | 'bool' | 'set' | 'list' | 'cell';

export interface TypeProblem {
  code: 'unknown-field' | 'unknown-value' | 'type' | 'not-condition';
  /** The setting name, the value, or the operator concerned. */
  near: string;
}

function fieldType(spec: FieldSpec): Ty {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return 'num';
    case 'bool':
      return 'bool';
    case 'enum':
    case 'text':
      return 'str';
    case 'set':
      return 'set';
    case 'list':
      // A list of numbers (e.g. kernel cells) is state, not something a condition compares.
      return 'list';
  }
}

const numeric = (t: Ty) => t === 'num' || t === 'cell';
const stringy = (t: Ty) => t === 'str' || t === 'cell';

/** All problems found (empty when the condition is well typed for this schema). */
export function checkCondition(expr: Expr, schema: WidgetSchema): TypeProblem[] {
  const problems: TypeProblem[] = [];
  const spec = (name: string) => (Object.prototype.hasOwnProperty.call(schema.fields, name) ? schema.fields[name] : undefined);

  /** An enum/set setting compared with a string literal: the literal must be one of its values. */
  const checkValue = (a: Expr, b: Expr) => {
    for (const [f, v] of [
      [a, b],
      [b, a],
    ] as const) {
      if (f.k !== 'field' || v.k !== 'str') continue;
      const s = spec(f.name);
      if (s && (s.kind === 'enum' || s.kind === 'set') && !s.values.includes(v.v)) problems.push({ code: 'unknown-value', near: `${f.name} ${JSON.stringify(v.v)}` });
    }
  };

  const ty = (e: Expr): Ty => {
    switch (e.k) {
      case 'num':
        return 'num';
      case 'str':
        return 'str';
      case 'bool':
        return 'bool';
      case 'col':
        return 'cell';
      case 'field': {
        const s = spec(e.name);
        if (!s) {
          problems.push({ code: 'unknown-field', near: e.name });
          return 'cell';
        }
        return fieldType(s);
      }
      case 'agg':
        if (e.where && ty(e.where) !== 'bool') problems.push({ code: 'type', near: 'where' });
        return e.fn === 'first' || e.fn === 'last' ? 'cell' : 'num';
      case 'arith': {
        const [a, b] = [ty(e.a), ty(e.b)];
        if (!numeric(a) || !numeric(b)) problems.push({ code: 'type', near: e.op });
        return 'num';
      }
      case 'cmp': {
        const [a, b] = [ty(e.a), ty(e.b)];
        const ok =
          e.op === 'has'
            ? a === 'set' && stringy(b)
            : e.op === '=' || e.op === '!='
              ? (numeric(a) && numeric(b)) || (stringy(a) && stringy(b)) || (a === 'bool' && b === 'bool')
              : numeric(a) && numeric(b);
        if (!ok) problems.push({ code: 'type', near: e.op });
        else checkValue(e.a, e.b);
        return 'bool';
      }
      case 'and':
      case 'or':
        for (const item of e.items) if (ty(item) !== 'bool') problems.push({ code: 'type', near: e.k });
        return 'bool';
      case 'not':
        if (ty(e.a) !== 'bool') problems.push({ code: 'type', near: 'not' });
        return 'bool';
    }
  };

  if (ty(expr) !== 'bool') problems.push({ code: 'not-condition', near: '' });
  return problems;
}
