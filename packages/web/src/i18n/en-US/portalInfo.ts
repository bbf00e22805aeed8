import type { portalInfo as zh } from '../zh-CN/portalInfo';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const portalInfo: Shape<typeof zh> = {
  portalInfo: {
    nav: 'About legal aid',
    title: 'About legal aid',
    points: 'Where to go',
    district: 'By district',
    address: 'Address: {{address}}',
    hours: 'Hours: {{hours}}',
    call: 'Call {{phone}}',
    map: 'Map',
    matters: 'What is covered and the hardship line',
    line: 'Hardship line: household income per member at most {{amount}} yuan a month (from {{from}}, {{citation}}). You may apply for:',
    selfTest: 'Not sure? Try the self-test',
    commitments: 'What we promise, and by when',
    days: 'days',
    workingDays: 'working days',
    complain: 'How to complain',
    complainText:
      'If you are not satisfied with a legal aid centre, a lawyer or other legal aid staff, you may complain to the justice administration (Legal Aid Law art.55), or online.',
    complainOnline: 'Complain online',
  },
};
