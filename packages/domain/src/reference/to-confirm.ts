/**
 * Legal values Fayuan does not encode because no source could be found for them yet ("to
 * confirm"). docs/lifecycle.md lists them (scripts/generate-lifecycle-doc.ts); when a source is
 * found, the value enters the rule data with it and its entry here is removed.
 */
export interface ToConfirm {
  /** What is missing, in a sentence. */
  topic: string;
  /** What was looked at, and what would settle it. */
  searched: string;
  /** The issue section or area it belongs to. */
  area: string;
}

export const TO_CONFIRM: ToConfirm[] = [
  {
    area: 'eligibility',
    topic: 'Beijing minimum wage 2000 (2017) and 2120 (2018): start dates',
    searched: 'domain.md gives the amounts without start dates; needs the 北京市人力资源和社会保障局 notices',
  },
];
