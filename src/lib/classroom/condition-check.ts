/**
 * Type-checks a condition against a widget's state schema before it is ever evaluated: every name
 * is a setting of the widget, enum and set values are ones the setting allows, arithmetic is on
 * numbers, `and`/`or`/`not` on truth values, and the whole condition is a truth value. Table
 * cells are dynamically typed (number or word), so they may stand where either is expected.
 */
import type { FieldSpec, WidgetSchema } from '../state/schema';
import type { Expr } from './condition';
import { checkReach } from './condition-reach';
import { widgetTables, type TableSpec } from './widget-tables';

type Ty = 'num' | 'str' | 'bool' | 'set' | 'list' | 'cell';

export interface TypeProblem {
  code:
    | 'unknown-field'
    | 'unknown-value'
    | 'type'
    | 'not-condition'
    /** The rest come from `condition-reach.ts`: the condition is well typed but can never hold. */
    | 'unknown-table'
    | 'no-column'
    | 'text-column'
    | 'cell-value'
    | 'never';
  /** The setting name, the value, the operator or the piece of the condition concerned. */
  near: string;
  /** The widget the condition was checked against (for setting names in messages). */
  widget?: string;
  /** Facts for the message: the setting, the value, the allowed values, the table and column. */
  info?: ProblemInfo;
}

export interface ProblemInfo {
  key?: string;
  value?: string;
  values?: readonly string[];
  table?: string;
  col?: number;
  /** Columns of the table (for `no-column`), tables of the widget (for `unknown-table`). */
  count?: number;
  tables?: readonly string[];
  /** What a `never` comparison's bounded side can be. */
  bound?: { field?: string; table?: string; col?: number; lo: number; hi: number; allowed?: readonly number[]; int?: boolean; reason?: 'range' | 'allowed' | 'int' };
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

/**
 * All problems found: empty when the condition is well typed for this schema and can hold. With
 * the widget's declared tables (`widget-tables.ts`, looked up by the schema's id unless given),
 * a well-typed condition is also checked against them and against the settings' ranges
 * (`condition-reach.ts`).
 */
export function checkCondition(expr: Expr, schema: WidgetSchema, tables: Readonly<Record<string, TableSpec>> | undefined = declaredTables(schema.id)): TypeProblem[] {
  const problems = checkTypes(expr, schema);
  return problems.length ? problems : checkReach(expr, schema, tables);
}

const declaredTables = (widget: string) => (Object.prototype.hasOwnProperty.call(widgetTables, widget) ? widgetTables[widget] : undefined);

/** Type problems only. */
function checkTypes(expr: Expr, schema: WidgetSchema): TypeProblem[] {
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
      if (s && (s.kind === 'enum' || s.kind === 'set') && !s.values.includes(v.v))
        problems.push({ code: 'unknown-value', near: `${f.name} ${JSON.stringify(v.v)}`, widget: schema.id, info: { key: f.name, value: v.v, values: s.values } });
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
