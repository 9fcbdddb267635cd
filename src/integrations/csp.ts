/**
 * The site's Content-Security-Policy, written by Astro (`security.csp`) as a `<meta>` in every
 * page: scripts and styles only from the site itself or by hash, WebAssembly allowed
 * (`'wasm-unsafe-eval'`: tfjs's WASM backend and Pagefind), workers from the site, nothing from
 * other hosts, no `eval`.
 *
 * Astro hashes the scripts and styles it bundles, but not `is:inline` scripts. Starlight has
 * several (theme, search shortcut, sidebar state) and so do two of ours (the search button's
 * accessible name, the embed page's theme); their hashes are pinned below. `cspCheck()` fails the
 * build when a page has an inline script whose hash is not pinned (an upgrade or an edit changed
 * it — the message gives the new hash) or when a pinned hash is no longer used.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

type Hash = `sha256-${string}`;

/** Every `is:inline` script in the built pages, by who wrote it. */
export const inlineScriptHashes: Record<string, Hash> = {
  // @astrojs/starlight 0.42.4
  'starlight ThemeProvider: reads the stored theme before paint': 'sha256-VWo5Wp4aqSj6nSgMpeAp9cKieaoIfwFUAunAVugI5gA=',
  'starlight ThemeSelect: StarlightThemeProvider.updatePickers()': 'sha256-GkZBRnvSuhtx/cvzvukVkX2JJZW+DdPlVr7BX8Tefqo=',
  'starlight Search: shows the Ctrl/⌘ K shortcut': 'sha256-f/zAUE74ucc3JYp4r4QQvkJofoQdkOIhHYK+jeZ6eko=',
  'starlight SidebarPersister: restores the sidebar state': 'sha256-wX2yOADeV+NMngflD5uYi3vl50SHC4sfM1EmylVjlX4=',
  'starlight SidebarPersister: restores the sidebar scroll': 'sha256-7eCV4jtsr4t4knb3c4FCRPeu7GGZeOUGE3XvWix0XOQ=',
  // ours
  'src/components/overrides/Search.astro: search button accessible name': 'sha256-TMnDs6JW2Cd/bh0NM1owdgflVm7r2EOsy99fxa1cQJQ=',
  'src/pages/[lang]/embed/[widget].astro: theme before paint': 'sha256-n8bEyQzDnNt+OQIsCXuO8d7IojQp6g1IEdeINOs0+Zc=',
};

/** Directives besides script-src and style-src (which Astro writes). */
export const cspDirectives = [
  "default-src 'self'",
  // Charts draw maps as PNG data URLs; exports and QR codes make blobs.
  "img-src 'self' data: blob:",
  // Vite inlines KaTeX's smallest fonts into the stylesheet as data URLs.
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  // The classroom page previews an embed page in a frame.
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** The extra script sources: WebAssembly compilation (tfjs WASM, Pagefind), never `eval`. */
export const scriptResources = ["'self'", "'wasm-unsafe-eval'"] as const;

/** Astro's `security.csp` value. */
export function cspConfig() {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...cspDirectives],
    scriptDirective: { resources: [...scriptResources], hashes: Object.values(inlineScriptHashes) },
    // KaTeX lays formulas out with `style` attributes and charts set some; attributes cannot run
    // code, so they are allowed while `<style>` elements still need a hash.
    styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' as const }] },
  };
}

/** sha256 of a script's text as CSP writes it. */
export function scriptHash(text: string): Hash {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Inline scripts (no `src`) of an HTML page, with their text. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

/** The content of the page's CSP `<meta>`, or undefined. */
export function metaPolicy(html: string): string | undefined {
  const m = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
  return m?.[1]?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** Inline `<style>` elements of an HTML page, with their text. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
}

/** Problems with the built pages' policies: pages without one, inline scripts or styles it does not allow, pins no page uses. */
export async function checkBuiltPolicies(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  const pinned = new Set<string>(Object.values(inlineScriptHashes));
  const used = new Set<string>();
  for (const file of await htmlFiles(outDir)) {
    const html = await readFile(file, 'utf8');
    const policy = metaPolicy(html);
    const where = file.slice(outDir.length);
    if (!policy) {
      problems.push(`${where}: no Content-Security-Policy <meta>`);
      continue;
    }
    if (/\s'unsafe-eval'/.test(policy)) problems.push(`${where}: the policy allows 'unsafe-eval'`);
    for (const text of inlineScripts(html)) {
      const hash = scriptHash(text);
      if (pinned.has(hash)) used.add(hash);
      if (!policy.includes(`'${hash}'`)) {
        problems.push(`${where}: inline script not allowed by the policy — pin '${hash}' in src/integrations/csp.ts if it is expected: ${text.trim().slice(0, 80)}…`);
      }
    }
    for (const text of inlineStyles(html)) {
      if (!policy.includes(`'${scriptHash(text)}'`)) problems.push(`${where}: inline <style> not allowed by the policy: ${text.trim().slice(0, 80)}…`);
    }
  }
  for (const [name, hash] of Object.entries(inlineScriptHashes)) {
    if (!used.has(hash)) problems.push(`pinned inline-script hash no page uses any more (update or remove it in src/integrations/csp.ts): ${name} ${hash}`);
  }
  return problems;
}

/** Fails the build when the policies of the built pages do not match their inline scripts. */
export function cspCheck(): AstroIntegration {
  return {
    name: 'nb:csp-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const problems = await checkBuiltPolicies(fileURLToPath(dir));
        if (problems.length) throw new Error(`Content-Security-Policy check failed:\n- ${problems.join('\n- ')}`);
        logger.info('every page has a CSP <meta> that allows exactly its inline scripts');
      },
    },
  };
}
