/**
 * The explorer's data, pure (no DOM): a catalogue model analysed once, with everything the views
 * need. Used at build time by the Astro component and in the browser by the client, so the page
 * before and after JavaScript shows the same numbers.
 */
import { analyzeArchitecture, architectureCatalogue, summary, type ArchitectureReport, type Family, type SummaryRow } from '../../lib/architectures';
import { costShare, type CostShare } from '../../lib/explorer/share';
import { diagramStages, type DiagramStage } from '../../lib/architectures/diagram-stages';
import type { Locale } from '../../lib/i18n/locales';
import { architectureExplorerStrings, type ArchitectureExplorerKey } from '../../lib/i18n/widgets/architecture-explorer';

export interface ExplorerModelData {
  id: string;
  name: string;
  family: Family;
  report: ArchitectureReport;
  /** Whether the auxiliary heads are included (GoogLeNet only). */
  auxiliary: boolean;
  rows: SummaryRow[];
  stages: DiagramStage[];
  share: CostShare;
  totals: { params: number; bnStats: number; macs: number; convLayers: number; fcLayers: number; depth: number };
}

const cache = new Map<string, ExplorerModelData>();

/** True when the model has auxiliary heads to show. */
export function hasAuxiliary(id: string): boolean {
  return id === 'googlenet' || id === 'googlenet-torchvision';
}

/** The analysed model `id` (a catalogue id), with or without auxiliary heads. Throws for an unknown id. */
export function loadModel(id: string, auxiliary = false): ExplorerModelData {
  const aux = auxiliary && hasAuxiliary(id);
  const key = `${id}|${aux}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const entry = architectureCatalogue.find((e) => e.id === id);
  if (!entry) throw new RangeError(`unknown model ${id}`);
  const report = analyzeArchitecture(entry.build());
  const t = aux ? report.withAuxiliary : report.totals;
  const data: ExplorerModelData = {
    id,
    name: report.spec.name,
    family: entry.family,
    report,
    auxiliary: aux,
    rows: summary(report, { auxiliary: aux }),
    stages: diagramStages(report, aux),
    share: costShare(report, { auxiliary: aux }),
    totals: {
      params: t.params,
      bnStats: t.bnStats,
      macs: t.macs,
      convLayers: t.convLayers,
      fcLayers: t.fcLayers,
      depth: report.totals.depth,
    },
  };
  cache.set(key, data);
  return data;
}

/** Localised display name of a catalogue model. */
export function modelLabel(id: string, locale: Locale): string {
  const s = architectureExplorerStrings[locale];
  const key = `model.${id}` as ArchitectureExplorerKey;
  if (key in s) return s[key];
  const entry = architectureCatalogue.find((e) => e.id === id);
  return entry ? entry.build().name : id;
}

/** The model picker: families in catalogue order, each with its models. */
export function modelGroups(locale: Locale): { family: Family; label: string; models: { id: string; label: string }[] }[] {
  const s = architectureExplorerStrings[locale];
  const groups: { family: Family; label: string; models: { id: string; label: string }[] }[] = [];
  for (const entry of architectureCatalogue) {
    let group = groups.find((g) => g.family === entry.family);
    if (!group) {
      group = { family: entry.family, label: s[`family.${entry.family}` as ArchitectureExplorerKey], models: [] };
      groups.push(group);
    }
    group.models.push({ id: entry.id, label: modelLabel(entry.id, locale) });
  }
  return groups;
}

