import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * What the page walk looks for on a page: text a person should never read (an internal code) and
 * accessibility violations found by axe-core. axe is read from node_modules and evaluated in the
 * page through the browser's debugging protocol (not a script tag, which the app's Content
 * Security Policy refuses): nothing is fetched at run time.
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Shapes of internal codes: snake_case values (`objection_corrected`), review ids (`rv-820aeab9`),
 * UUIDs, short English citations (`LAL art.41`) and dotted codes (`auth.login`,
 * `bj.threshold.2025-09-01`).
 */
const CODE_SHAPES: readonly RegExp[] = [
  /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g,
  /\brv-[0-9a-f]{4,}\b/g,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\bart\.\s?\d+/g,
  /\b[a-z]+(?:\.[a-z0-9_-]+)+\b/g,
];
/** A file's name as uploaded (`送达回证.pdf`, `aid_agreement.pdf`): the uploader's words, not ours. */
const FILE_NAME = /[^\s/]+\.(?:pdf|docx?|xlsx?|png|jpe?g|zip|txt)\b/g;

/** The code-like words in a text, each once. */
export function codesIn(text: string): string[] {
  const words = text.replace(FILE_NAME, ' ');
  const found = CODE_SHAPES.flatMap((shape) => [...words.matchAll(shape)].map((m) => m[0]));
  return [...new Set(found)];
}

/** The code-like words in what the page shows (its visible text and its inputs' placeholders). */
export async function visibleCodes(page: Page): Promise<string[]> {
  const text = await page.evaluate(() =>
    [
      document.body.innerText,
      ...Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]')).map(
        (input) => input.getAttribute('placeholder') ?? '',
      ),
    ].join('\n'),
  );
  return codesIn(text);
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page, one line each
 * (rule, what it asks, the first elements concerned).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })) as { violations: unknown[] };
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.help}): ${v.nodes
          .slice(0, 3)
          .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' '))
          .join(' | ')}`,
    );
}

/**
 * Waits until the page has settled: no spinner or skeleton showing, and the same text on two reads
 * in a row. A wait, not a measurement.
 */
export async function settled(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 300; i += 1) {
    const busy = await page.locator('.ant-spin-spinning, .ant-skeleton-active').count();
    const text = await page.evaluate(() => document.body.innerText);
    if (busy === 0 && text === last && text.length > 0) return;
    last = text;
    await page.waitForTimeout(150);
  }
}
