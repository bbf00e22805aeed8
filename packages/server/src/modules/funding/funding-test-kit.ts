import { expect } from 'vitest';
import type { Staff } from '../applications/application-test-kit.ts';

/** Test helpers shared by the funding test files (not a test file itself). */

let serial = 0;
/** Opens a budget line for the staff member's centre and returns its id. */
export async function openLine(
  finance: Staff,
  overrides: Record<string, unknown> = {},
  key?: string,
): Promise<string> {
  serial += 1;
  const response = await finance.session.post(
    '/api/v1/funding/budget-lines',
    {
      year: 2026,
      name: `测试预算${serial}`,
      sourceKind: 'government_allocation',
      purpose: 'other',
      amountFen: 100_000_00,
      ...overrides,
    },
    key ? { 'idempotency-key': key } : undefined,
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

export async function receiveDonation(finance: Staff, overrides: Record<string, unknown> = {}) {
  const response = await finance.session.post('/api/v1/funding/donations', {
    donorKind: 'organisation',
    donorName: '北京某某科技有限公司',
    purpose: '农民工讨薪案件',
    amountFen: 50_000_00,
    receivedOn: '2026-03-15',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; receiptNumber: string };
}

export async function lineOf(staff: Staff, id: string) {
  const response = await staff.session.get(`/api/v1/funding/budget-lines/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
