import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

/**
 * Noto Sans SC (as "Noto Sans Hans", OFL-1.1) from the @embedpdf/fonts-sc package: read from
 * node_modules, never fetched at run time. pdfkit embeds only the glyphs a document uses, so a
 * one-page document stays near 100 KB although the font files are 8 MB each.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');

export const FONT_FAMILY = 'NotoSansSC';
export const FONT_FILES = {
  normal: path.join(FONT_DIR, 'NotoSansHans-Regular.otf'),
  bold: path.join(FONT_DIR, 'NotoSansHans-Bold.otf'),
} as const;

let coverage: fontkit.Font | undefined;

function coverageFont(): fontkit.Font {
  if (!coverage) {
    const font = fontkit.openSync(FONT_FILES.normal);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${FONT_FILES.normal} is a font collection`);
    coverage = font;
  }
  return coverage;
}

/**
 * The characters of `texts` the font cannot draw (rare name characters outside its set, such as
 * CJK Extension B). A document with one of them would print an empty box in a person's name, so
 * the renderer refuses it instead.
 */
export function missingGlyphs(texts: string[]): string[] {
  const font = coverageFont();
  const missing = new Set<string>();
  for (const text of texts) {
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (codePoint < 0x20) continue;
      if (!font.hasGlyphForCodePoint(codePoint)) missing.add(char);
    }
  }
  return [...missing];
}
