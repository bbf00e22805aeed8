import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { disposition } from './files.ts';

/**
 * The most rows one export carries. A list past it is refused (EXPORT_TOO_LARGE) rather than cut
 * short, so a printed or filed export is never silently incomplete.
 */
export const EXPORT_LIMIT = 5000;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportColumn<T> {
  header: string;
  /** In characters. */
  width: number;
  value: (row: T) => string | number | null;
}

/**
 * One worksheet of the given rows under a bold header row, frozen so it stays in view, as an .xlsx
 * attachment named `filename` (UTF-8, RFC 6266/5987, so a Chinese name survives).
 */
export async function sendXlsx<T>(
  reply: FastifyReply,
  filename: string,
  sheetName: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): Promise<FastifyReply> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fayuan';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? ''));
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', disposition('attachment', filename))
    .header('cache-control', 'no-store')
    .send(body);
}
