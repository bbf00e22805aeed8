/**
 * The columns every newly received application starts with, whichever door it came through (the
 * window, the portal, an organ's notice, a forwarded application): nobody reviewing, nothing
 * decided, no pledge (the portal records its own), no clock due yet, version 0.
 */
export function undecidedApplication(now: Date) {
  return {
    reviewerId: null,
    pendingDecision: null,
    decision: null,
    decisionReasons: null,
    decidedAt: null,
    decidedBy: null,
    approvedBy: null,
    provisional: null,
    pledge: null,
    nextDueAt: null,
    version: 0,
    createdAt: now,
    updatedAt: now,
  } as const;
}
