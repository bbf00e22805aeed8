/**
 * Payment batches (补贴发放批次): approved subsidies gathered by payee into transfer lines, the bank
 * file written from a configurable column layout, and the bank's return file matched back. Pure:
 * the server stores and moves rows, these functions say what the numbers are.
 */

/** An approved subsidy as a batch sees it. */
export interface BatchSubsidy {
  id: string;
  payeeKey: string;
  payeeName: string;
  amountFen: number;
}

/** One transfer to one payee: every subsidy of that payee in the batch. */
export interface TransferLine {
  seq: number;
  reference: string;
  payeeKey: string;
  payeeName: string;
  subsidyIds: string[];
  amountFen: number;
}

/**
 * The transfer lines of a batch: one per payee, in payee-name order then key, each line's amount
 * the sum of its subsidies; references `{batchNumber}-{seq:3}`. A subsidy listed twice is refused:
 * nothing is paid twice.
 */
export function transferLines(batchNumber: string, subsidies: readonly BatchSubsidy[]): TransferLine[] {
  const seen = new Set<string>();
  const byPayee = new Map<string, TransferLine>();
  for (const s of subsidies) {
    if (seen.has(s.id)) throw new Error(`subsidy ${s.id} listed twice`);
    seen.add(s.id);
    if (!Number.isInteger(s.amountFen) || s.amountFen <= 0)
      throw new Error(`subsidy ${s.id} has no positive amount`);
    const line = byPayee.get(s.payeeKey) ?? {
      seq: 0,
      reference: '',
      payeeKey: s.payeeKey,
      payeeName: s.payeeName,
      subsidyIds: [],
      amountFen: 0,
    };
    line.subsidyIds.push(s.id);
    line.amountFen += s.amountFen;
    byPayee.set(s.payeeKey, line);
  }
  const lines = [...byPayee.values()].sort(
    (a, b) => a.payeeName.localeCompare(b.payeeName, 'zh-CN') || a.payeeKey.localeCompare(b.payeeKey),
  );
  return lines.map((l, i) => ({
    ...l,
    seq: i + 1,
    reference: `${batchNumber}-${String(i + 1).padStart(3, '0')}`,
    subsidyIds: [...l.subsidyIds].sort(),
  }));
}

export const batchTotalFen = (lines: readonly { amountFen: number }[]): number =>
  lines.reduce((s, l) => s + l.amountFen, 0);

/** The fields a bank file column can carry. */
export const BANK_FILE_FIELDS = [
  'reference',
  'payeeName',
  'accountName',
  'accountNumber',
  'bankName',
  'amountYuan',
  'amountFen',
  'purpose',
  'subsidyCount',
] as const;
export type BankFileField = (typeof BANK_FILE_FIELDS)[number];

/** A bank's file layout: the columns in order, with the header the bank expects for each. */
export interface BankFileLayout {
  format: 'csv' | 'xlsx';
  columns: { header: string; field: BankFileField }[];
  /** The return file's headers for each thing read back, and the words that mean success. */
  returnColumns: { reference: string; status: string; bankSerial: string; date: string; message: string };
  successValues: string[];
}

export interface BankAccount {
  accountName: string;
  accountNumber: string;
  bankName: string;
}

/** `1200.00`: the amount a bank file carries, two decimals, no separators. */
export const yuanPlain = (fen: number): string =>
  `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The rows of the bank file: the headers, then one row per line in the layout's column order. */
export function bankFileRows(
  layout: BankFileLayout,
  lines: readonly TransferLine[],
  accounts: ReadonlyMap<string, BankAccount>,
  purpose: string,
): string[][] {
  const rows = lines.map((l) => {
    const account = accounts.get(l.payeeKey);
    const value: Record<BankFileField, string> = {
      reference: l.reference,
      payeeName: l.payeeName,
      accountName: account?.accountName ?? '',
      accountNumber: account?.accountNumber ?? '',
      bankName: account?.bankName ?? '',
      amountYuan: yuanPlain(l.amountFen),
      amountFen: String(l.amountFen),
      purpose,
      subsidyCount: String(l.subsidyIds.length),
    };
    return layout.columns.map((c) => value[c.field]);
  });
  return [layout.columns.map((c) => c.header), ...rows];
}

/** What a return row says about one transfer line. */
export type ReturnOutcome =
  | { reference: string; kind: 'paid'; bankSerial: string; paidOn: string }
  | { reference: string; kind: 'failed'; message: string }
  | { reference: string; kind: 'unknown_reference' }
  | { reference: string; kind: 'already_settled' };

export interface ReturnRow {
  reference: string;
  status: string;
  bankSerial: string;
  date: string;
  message: string;
}

/**
 * Matches the bank's return rows to the batch's open lines: success values mark a line paid (with
 * the bank's serial and date), anything else failed; a reference not in the batch, or a line
 * already paid or failed (a second return file, or the same row twice), changes nothing.
 */
export function matchBankReturn(
  openReferences: ReadonlySet<string>,
  rows: readonly ReturnRow[],
  successValues: readonly string[],
): ReturnOutcome[] {
  const success = new Set(successValues.map((v) => v.trim().toLowerCase()));
  const settled = new Set<string>();
  return rows.map((row): ReturnOutcome => {
    const reference = row.reference.trim();
    if (!openReferences.has(reference)) return { reference, kind: 'unknown_reference' };
    if (settled.has(reference)) return { reference, kind: 'already_settled' };
    settled.add(reference);
    return success.has(row.status.trim().toLowerCase())
      ? { reference, kind: 'paid', bankSerial: row.bankSerial.trim(), paidOn: row.date.trim() }
      : { reference, kind: 'failed', message: row.message.trim() || row.status.trim() };
  });
}

/** The layout used until an organisation saves its own (a common 代发 file shape). */
export const DEFAULT_BANK_FILE_LAYOUT: BankFileLayout = {
  format: 'xlsx',
  columns: [
    { header: '业务参考号', field: 'reference' },
    { header: '收款户名', field: 'accountName' },
    { header: '收款账号', field: 'accountNumber' },
    { header: '开户银行', field: 'bankName' },
    { header: '金额（元）', field: 'amountYuan' },
    { header: '用途', field: 'purpose' },
  ],
  returnColumns: {
    reference: '业务参考号',
    status: '交易状态',
    bankSerial: '银行流水号',
    date: '交易日期',
    message: '备注',
  },
  successValues: ['成功', '交易成功', 'success'],
};
