import { z } from 'zod';

/** Amounts are integer fen (1/100 yuan), at most 100 billion yuan. */
export const fen = z.number().int().min(0).max(10_000_000_000_000);
export const positiveFen = fen.min(1);
export const text = (max: number) => z.string().trim().min(1).max(max);
export const version = z.number().int().min(1).optional();
export const idParams = z.strictObject({ id: z.string().uuid() });
export const created = z.object({ id: z.string().uuid() });
export const versioned = z.object({ version: z.number().int() });
