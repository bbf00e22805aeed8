// en-US catalog: the bureau's evaluation of centres (issue 15).
export const kpis = {
  kpis: {
    nav: 'Centre evaluation',
    title: 'Evaluation of legal aid centres',
    intro:
      'Each centre’s on-time rate, quality scores, satisfaction, complaint rates and criminal defence coverage, computed from the records by the formulas in the rule data (Beijing opinions (十二)); “—” means nothing to compute in the period.',
    period: 'Period',
    centre: 'Centre',
    pdf: 'PDF report',
  },
};
