import type { Locale } from '@fayuan/domain';

/**
 * One shape for every written document, whatever its kind: the parts of a Chinese official
 * document (title, number, addressee, body, signature block) in reading order. Kind builders fill
 * it from data and wording; pdf.ts turns it into a page. Keeping the shape small is what gives
 * every document the same look.
 */
export interface DocumentLayout {
  /** e.g. 给予法律援助决定书; also the PDF's title. */
  title: string;
  /** The document number, printed under the title. */
  number: string;
  /** The salutation line, e.g. `张三：`. */
  addressee?: string;
  body: Block[];
  signature: Signature;
  /** Small print under the signature: contact lines, where to object. */
  footer?: string[];
  /** Printed in the PDF metadata (Subject), e.g. the application number. */
  subject?: string;
  /** The language of the fixed wording, for the PDF's /Lang (screen readers). */
  language: Locale;
}

export type Block =
  /** A body paragraph, first line indented by two characters. */
  | { type: 'paragraph'; text: string }
  /** A labelled value table, e.g. applicant, application number; `perRow: 2` pairs short fields. */
  | { type: 'fields'; rows: Array<[label: string, value: string]>; perRow?: 1 | 2 }
  /** A numbered list, each item on its own line: missing materials, refusal reasons. */
  | { type: 'list'; items: string[] }
  /** A ruled table with a header row: materials received. */
  | {
      type: 'table';
      header: string[];
      rows: string[][];
      widths: Array<number | '*' | 'auto'>;
      align?: Array<'left' | 'center'>;
    }
  /** A bold heading inside the body, e.g. 告知事项. */
  | { type: 'heading'; text: string };

export interface Signature {
  centre: string;
  /** Where the seal goes, e.g. （印章）. */
  seal: string;
  date: string;
}

/** Every string the page will print: the glyph check reads them all before rendering. */
export function textsOf(layout: DocumentLayout): string[] {
  const texts = [layout.title, layout.number, layout.addressee ?? ''];
  for (const block of layout.body) {
    if (block.type === 'paragraph' || block.type === 'heading') texts.push(block.text);
    if (block.type === 'list') texts.push(...block.items);
    if (block.type === 'fields') texts.push(...block.rows.flat());
    if (block.type === 'table') texts.push(...block.header, ...block.rows.flat());
  }
  texts.push(layout.signature.centre, layout.signature.seal, layout.signature.date);
  texts.push(...(layout.footer ?? []));
  return texts;
}
