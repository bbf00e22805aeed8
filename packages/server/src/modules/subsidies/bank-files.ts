import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  bankFileRows,
  beijingDateOf,
  formatYuan,
  type BankAccount,
  type BankFileLayout,
  type Locale,
  type ReturnRow,
  type TransferLine,
} from '@fayuan/domain';
import { AppError } from '../../platform/errors.ts';
import type { DocumentLayout } from '../../platform/documents/pdf/layout.ts';
import { XLSX_TYPE } from '../../platform/http/xlsx.ts';

export const CSV_TYPE = 'text/csv';
/** What a bank's return file may arrive as. */
export const RETURN_FILE_TYPES = [XLSX_TYPE, CSV_TYPE, 'application/vnd.ms-excel'] as const;

/**
 * The bank transfer file of a batch in the organisation's layout: an .xlsx whose cells are all text
 * (an account number must never become 6.22E+18), or a UTF-8 CSV with a byte-order mark so Excel
 * and bank clients read the Chinese headers.
 */
export async function bankFileBody(
  layout: BankFileLayout,
  lines: readonly TransferLine[],
  accounts: ReadonlyMap<string, BankAccount>,
  purpose: string,
): Promise<{ body: Buffer; contentType: string; extension: string }> {
  const rows = bankFileRows(layout, lines, accounts, purpose);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fayuan';
  const sheet = workbook.addWorksheet('transfers');
  for (const row of rows) sheet.addRow(row);
  if (layout.format === 'csv') {
    const csv = Buffer.from(await workbook.csv.writeBuffer());
    return {
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]),
      contentType: CSV_TYPE,
      extension: 'csv',
    };
  }
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      cell.numFmt = '@';
    });
  });
  sheet.getRow(1).font = { bold: true };
  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), contentType: XLSX_TYPE, extension: 'xlsx' };
}

const invalid = (problemZh: string, problemEn: string) =>
  new AppError('SUBSIDY_RETURN_INVALID', { problem: problemEn }, { 'zh-CN': problemZh, 'en-US': problemEn });

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return beijingDateOf(value);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
}

/** `2026-12-01`, `2026/12/01` or `20261201` as a date; anything else is refused. */
function returnDate(text: string, rowNumber: number): string {
  const m = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/.exec(text.trim());
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (
    !m ||
    Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
    new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
  )
    throw invalid(
      `第 ${rowNumber} 行的交易日期“${text}”无法识别`,
      `row ${rowNumber}: the date “${text}” cannot be read`,
    );
  return date;
}

/**
 * The rows of the bank's return file (.xlsx or CSV), found by the headers the layout names; every
 * cell read as text. A missing column or an unreadable date refuses the whole file: nothing is
 * applied from a file that cannot be read whole.
 */
export async function parseReturnFile(body: Buffer, layout: BankFileLayout): Promise<ReturnRow[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    // An .xlsx is a zip (PK…); anything else is read as CSV, whatever type the browser guessed
    // (Windows calls a .csv application/vnd.ms-excel).
    const isZip = body.subarray(0, 2).toString('latin1') === 'PK';
    if (!isZip) {
      const text = body.toString('utf8').replace(/^\uFEFF/, '');
      sheet = await workbook.csv.read(Readable.from([text]), { map: (value: string) => value } as never);
    } else {
      await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
      sheet = workbook.worksheets[0];
    }
  } catch {
    throw invalid('文件不是可读的 Excel 或 CSV 文件', 'not a readable Excel or CSV file');
  }
  if (!sheet || sheet.rowCount < 1) throw invalid('文件是空的', 'the file is empty');
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v).trim());
  const col = (name: string, required: boolean) => {
    const at = header.indexOf(name.trim());
    if (at < 0 && required) throw invalid(`缺少“${name}”列`, `the column “${name}” is missing`);
    return at;
  };
  const c = layout.returnColumns;
  const at = {
    reference: col(c.reference, true),
    status: col(c.status, true),
    bankSerial: col(c.bankSerial, false),
    date: col(c.date, true),
    message: col(c.message, false),
  };
  const rows: ReturnRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    const get = (i: number) => (i < 0 ? '' : cellText(values[i]).trim());
    const reference = get(at.reference);
    if (!reference) return;
    rows.push({
      reference,
      status: get(at.status),
      bankSerial: get(at.bankSerial),
      date: returnDate(get(at.date), rowNumber),
      message: get(at.message),
    });
  });
  return rows;
}

/** The payment list (补贴发放明细表) a batch is filed and signed with. */
export function paymentListLayout(
  batch: { number: string; periodFrom: string; periodTo: string; totalFen: number },
  lines: readonly {
    reference: string;
    payeeName: string;
    bankName: string | null;
    tail: string | null;
    amountFen: number;
    cases: string[];
  }[],
  centre: string,
  locale: Locale,
  now: Date,
): DocumentLayout {
  const zh = locale !== 'en-US';
  return {
    title: zh ? '法律援助补贴发放明细表' : 'Legal aid subsidy payment list',
    number: batch.number,
    subject: batch.number,
    language: locale,
    body: [
      {
        type: 'fields',
        rows: [
          [zh ? '批次' : 'Batch', batch.number],
          [zh ? '期间' : 'Period', `${batch.periodFrom} – ${batch.periodTo}`],
          [zh ? '笔数' : 'Transfers', String(lines.length)],
          [zh ? '合计（元）' : 'Total (yuan)', formatYuan(batch.totalFen)],
        ],
        perRow: 2,
      },
      {
        type: 'table',
        header: zh
          ? ['参考号', '收款人', '开户银行', '账号尾号', '案件', '金额（元）']
          : ['Reference', 'Payee', 'Bank', 'Account', 'Cases', 'Amount (yuan)'],
        rows: lines.map((l) => [
          l.reference,
          l.payeeName,
          l.bankName ?? '',
          l.tail ? `…${l.tail}` : '',
          l.cases.join('\n'),
          formatYuan(l.amountFen),
        ]),
        widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto'],
        align: ['left', 'left', 'left', 'center', 'left', 'center'],
      },
      {
        type: 'paragraph',
        text: zh
          ? '制表：　　　　　　审核：　　　　　　审批：'
          : 'Prepared by:        Checked by:        Approved by:',
      },
    ],
    signature: { centre, seal: zh ? '（印章）' : '(seal)', date: beijingDateOf(now) },
  };
}
