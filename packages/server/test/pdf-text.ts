import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

export interface PdfText {
  /** Every page's text in drawing order, without whitespace (lines break anywhere in Chinese). */
  text: string;
  pages: number;
  /** Each text run with its position: x from the left edge, y from the bottom, in points. */
  items: Array<{ str: string; x: number; y: number; width: number; page: number }>;
  pageWidth: number;
  info: Record<string, unknown>;
}

/** Reads a PDF back with pdf.js, an independent parser, so a test sees what a reader would see. */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const items: PdfText['items'] = [];
    let pageWidth = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pageWidth = page.view[2]!;
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const run = item as TextItem;
        items.push({ str: run.str, x: run.transform[4], y: run.transform[5], width: run.width, page: n });
      }
    }
    const { info } = await doc.getMetadata();
    return {
      text: items
        .map((i) => i.str)
        .join('')
        .replace(/\s+/g, ''),
      pages: doc.numPages,
      items,
      pageWidth,
      info: info as Record<string, unknown>,
    };
  } finally {
    await doc.destroy();
  }
}

export const withoutSpace = (text: string) => text.replace(/\s+/g, '');
