/**
 * Classroom tasks, pure (no DOM): the condition language (parse, print, type-check, evaluate over a
 * widget's state and metrics tables), tasks in links, submission codes, classroom links and the
 * catalogue of ready assignments.
 */
export { parseCondition, aggFns, maxConditionLength, type Expr, type AggFn, type CmpOp, type ArithOp, type ParseOutcome, type SyntaxProblem } from './condition';
export { printCondition, aggregatesOf } from './condition-print';
export { checkCondition, type TypeProblem } from './condition-check';
export { evaluateCondition, evaluateExpr, keyNumbers, type EvalEnv, type Value } from './condition-eval';
export { parseCell, type Cell, type MetricTable, type Metrics } from './metrics';
export { encodeCustomTask, decodeCustomTask, loadTask, parseTaskParam, taskNumbers, type Bilingual, type Task, type LoadedTask, type TaskProblem } from './task';
export { encodeSubmission, decodeSubmission, submissionPrefix, type Submission, type SubmissionError } from './submission';
export { findCodes, type FoundCode } from './find-codes';
export { checkCodes, checkSummary, overviewCsv, csvText, type CheckedCode } from './checking';
export { checkReach } from './condition-reach';
export { widgetTables, tablesOf, columnOf, maxColumns, type TableSpec, type ColumnSpec } from './widget-tables';
export { settingName, settingValue, valueName, listNames } from './setting-labels';
export { linkQuery, chapterLink, chapterPath, embedLink, embedPath, embedSnippet, type LinkSpec } from './links';
export { syntaxMessage, typeMessage, taskProblemMessage, submissionErrorMessage } from './messages';
export { crc32, toBase64url, fromBase64url } from './encoding';
