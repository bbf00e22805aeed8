import { DEFAULT_LOCALE, DOCUMENT_KINDS, type Locale } from '@fayuan/domain';
import { missingGlyphs } from './fonts.ts';
import { BUILDERS } from './kinds.ts';
import { textsOf, type DocumentLayout } from './layout.ts';
import { layoutToPdf } from './pdf.ts';
import { wordingFor } from './templates.ts';
import type { DocumentDataByKind, RenderableKind } from './types.ts';

export type * from './types.ts';

/** The kinds that can be rendered now (those with a builder), in DOCUMENT_KINDS order. */
export const RENDERABLE_KINDS: readonly RenderableKind[] = DOCUMENT_KINDS.filter(
  (kind): kind is RenderableKind => kind in BUILDERS,
);

/** Thrown when the text holds characters the embedded font cannot draw; nothing is rendered. */
export class UnrenderableTextError extends Error {
  constructor(readonly characters: string[]) {
    super(`the document font has no glyph for: ${characters.join(' ')}`);
    this.name = 'UnrenderableTextError';
  }
}

/** The document laid out but not yet drawn: what the PDF will say, in order. */
export function layoutDocument<K extends RenderableKind>(
  kind: K,
  data: DocumentDataByKind[K],
  locale: Locale = DEFAULT_LOCALE,
): DocumentLayout {
  return BUILDERS[kind](data, wordingFor(locale), locale);
}

/**
 * A written document as PDF bytes: A4, Chinese text in the embedded Noto Sans SC subset. Pure in
 * its input: the PDF's creation date is the document's own date (Beijing midnight), so the same
 * data gives the same bytes, and a stored document can be rendered again to check it.
 */
export async function renderDocument<K extends RenderableKind>(
  kind: K,
  data: DocumentDataByKind[K],
  locale: Locale = DEFAULT_LOCALE,
): Promise<Buffer> {
  const layout = layoutDocument(kind, data, locale);
  const missing = missingGlyphs(textsOf(layout));
  if (missing.length) throw new UnrenderableTextError(missing);
  return layoutToPdf(layout, { createdAt: new Date(`${data.issuedOn}T00:00:00+08:00`) });
}
