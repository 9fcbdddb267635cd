/**
 * Every correction of the source article, one per flagged item of the fact-check
 * (`shared/reference/factcheck.md`, section A; items marked [OK] need none, except 1.2 which the
 * article states without its numbers). The id encodes the item: `fc-2-1-5` = item 2.1.5.
 * Each id must appear exactly once in each language, on the page named here (unit-tested).
 */
export type CorrectionKind = 'false' | 'misleading' | 'imprecise' | 'incomplete';

export interface CorrectionEntry {
  id: string;
  /** Chapter slug where the claim stands (same in both languages). */
  page: string;
  kind: CorrectionKind;
}

const c = (id: string, page: string, kind: CorrectionKind): CorrectionEntry => ({ id, page, kind });

export const corrections: readonly CorrectionEntry[] = [
  c('fc-1-1', 'intro', 'false'),
  c('fc-1-2', 'intro', 'incomplete'),
  c('fc-1-3', 'intro', 'misleading'),
  c('fc-1-4', 'intro', 'misleading'),
  c('fc-1-5', 'intro', 'misleading'),
  c('fc-2-1-1', 'ml-vs-dl', 'misleading'),
  c('fc-2-1-2', 'ml-vs-dl', 'imprecise'),
  c('fc-2-1-3', 'ml-vs-dl', 'imprecise'),
  c('fc-2-1-4', 'ml-vs-dl', 'false'),
  c('fc-2-1-5', 'ml-vs-dl', 'false'),
  c('fc-2-1-6', 'ml-vs-dl', 'false'),
  c('fc-2-1-7', 'ml-vs-dl', 'imprecise'),
  c('fc-2-1-8', 'ml-vs-dl', 'false'),
  c('fc-2-1-9', 'ml-vs-dl', 'false'),
  c('fc-2-1-10', 'ml-vs-dl', 'false'),
  c('fc-2-2-1', 'cnn-anatomy', 'imprecise'),
  c('fc-2-2-2', 'cnn-anatomy', 'false'),
  c('fc-2-2-3', 'cnn-anatomy', 'imprecise'),
  c('fc-2-3-1', 'resnet-principles', 'imprecise'),
  c('fc-2-3-2', 'resnet-principles', 'false'),
  c('fc-2-3-3', 'resnet-principles', 'misleading'),
  c('fc-2-3-4', 'resnet-principles', 'imprecise'),
  c('fc-2-3-5', 'resnet-principles', 'false'),
  c('fc-2-3-6', 'resnet-principles', 'false'),
  c('fc-2-3-7', 'resnet-principles', 'imprecise'),
  c('fc-2-3-8', 'resnet-principles', 'false'),
  c('fc-3-1-2', 'case-studies/vgg', 'false'),
  c('fc-3-1-3', 'case-studies/vgg', 'false'),
  c('fc-3-1-6', 'case-studies/vgg', 'false'),
  c('fc-3-1-7', 'case-studies/vgg', 'false'),
  c('fc-3-1-8', 'case-studies/vgg', 'false'),
  c('fc-3-1-9', 'case-studies/vgg', 'false'),
  c('fc-3-1-10', 'case-studies/vgg', 'false'),
  c('fc-3-2-3', 'case-studies/googlenet', 'imprecise'),
  c('fc-3-2-4', 'case-studies/googlenet', 'false'),
  c('fc-3-2-5', 'case-studies/googlenet', 'false'),
  c('fc-3-2-6', 'case-studies/googlenet', 'false'),
  c('fc-3-2-7', 'case-studies/googlenet', 'false'),
  c('fc-3-2-8', 'case-studies/googlenet', 'false'),
  c('fc-3-3-2', 'case-studies/resnet', 'imprecise'),
  c('fc-3-3-3', 'case-studies/resnet', 'imprecise'),
  c('fc-3-3-4', 'case-studies/resnet', 'misleading'),
  c('fc-3-3-5', 'case-studies/resnet', 'false'),
  c('fc-3-3-6', 'case-studies/resnet', 'imprecise'),
  c('fc-4-1', 'summary', 'false'),
  c('fc-4-2', 'summary', 'misleading'),
  c('fc-4-3', 'summary', 'false'),
];
