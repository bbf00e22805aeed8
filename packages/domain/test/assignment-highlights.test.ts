import { describe, expect, it } from 'vitest';
import { highlightsOf, rankCandidates } from '../src/index.ts';
import { buildCase, buildHandler, NOW, RULES } from './assignment-factories.ts';

/** A recommendation in words: what speaks for a handler, from the evaluation alone. */

const ranked = (...handlers: ReturnType<typeof buildHandler>[]) =>
  rankCandidates(buildCase(), handlers, RULES, NOW);
const codesOf = (r: ReturnType<typeof ranked>, id: string) => {
  const eligible = r.candidates.filter((c) => c.eligible);
  const candidate = r.candidates.find((c) => c.handlerId === id);
  if (!candidate) throw new Error(`no candidate ${id}`);
  return highlightsOf(candidate, eligible).map((h) => h.code);
};

describe('highlightsOf', () => {
  it('says lightest load, specialty, district and rotation for the handler they are true of', () => {
    const r = ranked(
      buildHandler({ id: 'light', openCases: 0, lastAssignedAt: null }),
      buildHandler({ id: 'busy', openCases: 4, specialties: ['divorce'], districts: ['110105'] }),
    );
    expect(codesOf(r, 'light')).toEqual([
      'LIGHTEST_LOAD',
      'SPECIALTY',
      'SAME_DISTRICT',
      'NOT_RECENTLY_ASSIGNED',
    ]);
    expect(codesOf(r, 'busy')).toEqual(['NOT_RECENTLY_ASSIGNED']);
  });

  it('names the matter the handler is good at', () => {
    const r = ranked(buildHandler({ id: 'a' }));
    const candidate = r.candidates[0]!;
    expect(highlightsOf(candidate, [candidate]).find((h) => h.code === 'SPECIALTY')?.params).toMatchObject({
      matter: 'labour_remuneration',
    });
  });

  it('does not call the only eligible handler the least loaded (there was no choice)', () => {
    const r = ranked(buildHandler({ id: 'only', openCases: 0 }));
    expect(codesOf(r, 'only')).not.toContain('LIGHTEST_LOAD');
  });

  it('says nothing for an ineligible handler', () => {
    const r = ranked(buildHandler({ id: 'full', openCases: 5 }), buildHandler({ id: 'ok' }));
    expect(codesOf(r, 'full')).toEqual([]);
  });

  it('says the client’s language when the handler speaks it', () => {
    const r = rankCandidates(
      buildCase({ language: 'ug' }),
      [buildHandler({ id: 'ug', languages: ['ug'] })],
      RULES,
      NOW,
    );
    const c = r.candidates[0]!;
    expect(highlightsOf(c, [c])).toContainEqual({ code: 'LANGUAGE', params: { language: 'ug' } });
  });
});
