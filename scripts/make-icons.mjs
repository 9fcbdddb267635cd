// Writes the app icons of the web app manifest (public/icons/*.png) from public/favicon.svg.
// Run once after changing the favicon: `npx node scripts/make-icons.mjs` (sharp comes with Astro).
import { mkdir, readFile } from 'node:fs/promises';
import sharp from 'sharp';

const svg = await readFile('public/favicon.svg');
await mkdir('public/icons', { recursive: true });
for (const size of [192, 512]) {
  await sharp(svg, { density: (72 * size) / 32 }).resize(size, size).png().toFile(`public/icons/icon-${size}.png`);
}
// Maskable: the mark inside the central 80 % safe zone, on the icon's own blue.
const inner = await sharp(svg, { density: (72 * 410) / 32 }).resize(410, 410).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#0072B2' } })
  .composite([{ input: inner, gravity: 'centre' }])
  .png()
  .toFile('public/icons/maskable-512.png');
console.log('wrote public/icons/icon-192.png, icon-512.png, maskable-512.png');
