/**
 * Colour-blind-safe series colours (Okabe & Ito 2008), the same in light and dark mode: each has
 * enough contrast on both Starlight backgrounds. Plain nets are orange, residual nets blue
 * everywhere on the site.
 */
export const palette = {
  plain: '#E69F00',
  residual: '#0072B2',
  green: '#009E73',
  purple: '#CC79A7',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  yellow: '#F0E442',
} as const;

/** Dash patterns that tell series apart without colour. */
export const dashes = { plain: '6 3', residual: '' } as const;
