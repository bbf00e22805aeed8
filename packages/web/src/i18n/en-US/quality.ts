import type { Catalog } from '../zh-CN';

// en-US catalog, after the closing: quality evaluation and the case subsidy.
export const quality: Pick<Catalog, 'quality' | 'subsidies'> = {
  quality: {
    tab: 'Quality evaluation',
    evaluate: 'Evaluate quality',
    evaluateTitle: 'Quality evaluation of the case',
    evaluateIntro:
      'Judge the quality of the work by file inspection, hearing observation, the judicial authority’s opinion and a follow-up visit to the recipient (Legal Aid Law arts. 57 and 59). The score must lie in the band of the chosen grade.',
    evaluated: 'Quality evaluation recorded',
    methods: 'Methods',
    methodsRequired: 'Choose at least one method',
    grade: 'Grade',
    gradeRequired: 'Choose a grade',
    gradeOption: '{{name}} ({{min}}–{{max}} points)',
    score: 'Score',
    scoreRequired: 'Enter a whole number from 0 to 100',
    scoreOutsideGrade: 'The score must lie between {{min}} and {{max}} ({{grade}})',
    satisfaction: 'Recipient’s satisfaction',
    satisfactionRequired: 'A follow-up visit records the recipient’s satisfaction',
    satisfactionLevels: {
      satisfied: 'Satisfied',
      basically_satisfied: 'Mostly satisfied',
      dissatisfied: 'Dissatisfied',
    },
    findings: 'Findings',
    findingsRequired: 'Enter the findings',
    empty: 'Not evaluated yet',
    scoreShown: '{{score}} points',
    band: 'Band {{min}}–{{max}} points',
    by: 'Evaluated by {{name}} on {{date}} {{time}}',
  },
  subsidies: {
    tab: 'Subsidy',
    pay: 'Record a voucher payment',
    payTitle: 'Record a subsidy paid outside a batch',
    payIntro:
      'A subsidy is normally approved under Subsidy review, put in a payment batch and marked paid from the bank’s return. Use this only for a payment made by voucher outside a batch before approval; an approved or batched subsidy cannot be recorded here (Legal Aid Law art. 52).',
    paid: 'Subsidy payment recorded',
    payee: 'Payee',
    payeeKinds: { law_firm: 'Law firm', handler: 'Handler' },
    handler: 'Handler',
    amount: 'Amount (yuan)',
    amountRequired: 'Enter an amount above 0',
    paidOn: 'Paid on',
    paidOnRequired: 'Choose the payment date',
    reference: 'Payment reference',
    referenceRequired: 'Enter the payment reference',
    empty: 'No subsidy paid yet',
    by: 'Recorded by {{name}} on {{date}} {{time}}',
  },
};
