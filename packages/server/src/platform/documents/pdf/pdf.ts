import { createRequire } from 'node:module';
import type * as PdfMake from 'pdfmake';
import type { Content, Table, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_FAMILY, FONT_FILES } from './fonts.ts';
import type { Block, DocumentLayout } from './layout.ts';

/**
 * DocumentLayout → PDF bytes with pdfmake (pdfkit underneath). The page follows GB/T 9704-2012
 * in spirit: A4, its margins, the title centred in 二号 (22 pt), the number under it, body in
 * 四号 (14 pt) with a two-character first-line indent, the issuing centre and date at the right.
 */
const require = createRequire(import.meta.url);
// pdfmake's server entry is a CommonJS singleton; it is configured once, here, and used nowhere else.
const pdfmake = require('pdfmake') as typeof PdfMake;
pdfmake.setFonts({ [FONT_FAMILY]: { normal: FONT_FILES.normal, bold: FONT_FILES.bold } });
// Documents carry no images or links to fetch: only the two font files may be read.
const allowedFiles = new Set<string>(Object.values(FONT_FILES));
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => allowedFiles.has(file));

const MM = 72 / 25.4;
const BODY_SIZE = 14;
const PRODUCER = 'Fayuan';
const LIST_MARKER_WIDTH = 1.5 * BODY_SIZE;

export interface PdfOptions {
  /** Written as the PDF's CreationDate; also seeds the file ID, so equal input gives equal bytes. */
  createdAt: Date;
}

export async function layoutToPdf(layout: DocumentLayout, options: PdfOptions): Promise<Buffer> {
  return pdfmake.createPdf(definition(layout, options)).getBuffer();
}

function definition(layout: DocumentLayout, options: PdfOptions): TDocumentDefinitions {
  const content: Content[] = [
    { text: layout.title, style: 'title' },
    { text: layout.number, style: 'number' },
  ];
  if (layout.addressee) content.push({ text: layout.addressee, style: 'addressee' });
  content.push(...layout.body.map(block));
  content.push(signature(layout));
  if (layout.footer?.length) {
    content.push({
      stack: layout.footer.map((line) => ({ text: line })),
      style: 'footer',
    });
  }
  return {
    pageSize: 'A4',
    pageMargins: [28 * MM, 25 * MM, 26 * MM, 22 * MM],
    info: {
      title: `${layout.title} ${layout.number}`,
      subject: layout.subject,
      creator: PRODUCER,
      producer: PRODUCER,
      creationDate: options.createdAt,
    },
    language: layout.language,
    content,
    footer: (page, pages) =>
      pages > 1
        ? { text: `— ${page} —`, alignment: 'center', fontSize: 11, margin: [0, 10 * MM, 0, 0] }
        : null,
    defaultStyle: { font: FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.4 },
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center', characterSpacing: 1, margin: [0, 0, 0, 10] },
      number: { fontSize: BODY_SIZE, alignment: 'right', margin: [0, 0, 0, 14] },
      addressee: { margin: [0, 0, 0, 4] },
      paragraph: { leadingIndent: 2 * BODY_SIZE, margin: [0, 0, 0, 4] },
      heading: { bold: true, margin: [0, 10, 0, 4] },
      list: { margin: [2 * BODY_SIZE - LIST_MARKER_WIDTH / 2, 0, 0, 6] },
      table: { fontSize: 12, lineHeight: 1.25, margin: [0, 6, 0, 10] },
      label: { bold: true },
      signature: { alignment: 'center', margin: [0, 28, 0, 0] },
      footer: { fontSize: 11, lineHeight: 1.3, margin: [0, 24, 0, 0], color: '#333333' },
    },
  };
}

function block(b: Block): Content {
  switch (b.type) {
    case 'paragraph':
      return { text: b.text, style: 'paragraph' };
    case 'heading':
      return { text: b.text, style: 'heading' };
    case 'list':
      // Drawn as marker and text columns rather than pdfmake's `ol`, which draws the marker after
      // the first line and so splits the item's text for anyone reading or searching the PDF.
      return {
        stack: b.items.map((item, i) => ({
          columns: [
            { text: `${i + 1}.`, width: LIST_MARKER_WIDTH },
            { text: item, width: '*' },
          ],
          columnGap: 0,
          margin: [0, 0, 0, 2],
        })),
        style: 'list',
      };
    case 'fields':
      return { table: fieldsTable(b.rows, b.perRow ?? 1), layout: ruled, style: 'table' };
    case 'table':
      return {
        table: {
          headerRows: 1,
          widths: b.widths,
          body: [
            b.header.map((text) => ({
              text,
              style: 'label',
              fillColor: '#f2f2f2',
              alignment: 'center' as const,
            })),
            ...b.rows.map((row) => row.map((text, i) => ({ text, alignment: b.align?.[i] ?? 'left' }))),
          ],
        },
        layout: ruled,
        style: 'table',
      };
  }
}

/** Label and value cells, one or two pairs a row; a last odd pair spans the row. */
function fieldsTable(rows: Array<[string, string]>, perRow: 1 | 2): Table {
  const label = (text: string): TableCell => ({ text, style: 'label', fillColor: '#f2f2f2' });
  if (perRow === 1) return { widths: ['auto', '*'], body: rows.map(([l, v]) => [label(l), { text: v }]) };
  const body: TableCell[][] = [];
  for (let i = 0; i < rows.length; i += 2) {
    const [first, second] = [rows[i]!, rows[i + 1]];
    body.push(
      second
        ? [label(first[0]), { text: first[1] }, label(second[0]), { text: second[1] }]
        : [label(first[0]), { text: first[1], colSpan: 3 }, {}, {}],
    );
  }
  return { widths: ['auto', '*', 'auto', '*'], body };
}

/** Thin grey rules with room around the text, as on printed forms. */
const ruled = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#555555',
  vLineColor: () => '#555555',
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

/** The centre's name, the seal placeholder and the date, centred in a column at the right. */
function signature(layout: DocumentLayout): Content {
  const { centre, seal, date } = layout.signature;
  return {
    columns: [
      { width: '*', text: '' },
      { width: 'auto', stack: [{ text: centre }, { text: seal, margin: [0, 4, 0, 4] }, { text: date }] },
    ],
    style: 'signature',
    unbreakable: true,
  };
}
