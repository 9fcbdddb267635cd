import { palette } from './palette';

/** Fill and stroke per layer kind: colour-blind-safe, and the same meaning everywhere. */
export function kindColor(kind: string): string {
  switch (kind) {
    case 'conv':
      return palette.residual;
    case 'fc':
      return palette.purple;
    case 'maxpool':
    case 'avgpool':
    case 'gap':
      return palette.green;
    case 'bn':
      return palette.sky;
    case 'relu':
      return palette.plain;
    case 'residual':
    case 'concat':
      return palette.vermillion;
    default:
      return '#8a8a8a';
  }
}
