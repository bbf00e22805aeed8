import { describe, expect, it } from 'vitest';
import {
  checkOpinionRatings,
  LIST_ITEMS,
  nextOpinionStatus,
  opinionItems,
  poorOpinionItems,
  summariseHandlerQuality,
  type HandlerQualityFacts,
} from '../src/index.ts';

const ITEMS = LIST_ITEMS.filter((i) => i.list === 'organ_opinion_item');
const allFour = { punctuality: 4, opinion_quality: 4, communication: 5, overall: 4 };

describe('the organs’ opinions (征询办案机关意见)', () => {
  it('ships four SAMPLE items, in order, each citing LAL art.59, OPN (六) and SF/T 0032-2023 11.5', () => {
    expect(opinionItems(ITEMS).map((i) => i.code)).toEqual([
      'punctuality',
      'opinion_quality',
      'communication',
      'overall',
    ]);
    for (const i of ITEMS) expect(i.citation).toBe('LAL art.59; OPN (六); SF/T 0032-2023 11.5');
  });

  it('goes out by the partner API or on paper, and a partner answers only what it was sent', () => {
    expect(nextOpinionStatus('drafted', 'send', 'partner')).toBe('sent');
    expect(nextOpinionStatus('drafted', 'send', 'print')).toBe('printed');
    expect(nextOpinionStatus('sent', 'send', 'partner')).toBeNull();
    expect(nextOpinionStatus('drafted', 'answer', 'print', 'paper')).toBeNull();
    expect(nextOpinionStatus('printed', 'answer', 'print', 'paper')).toBe('answered');
    expect(nextOpinionStatus('printed', 'answer', 'print', 'partner_api')).toBeNull();
    expect(nextOpinionStatus('sent', 'answer', 'partner', 'partner_api')).toBe('answered');
    // An organ that is a partner may still reply on paper.
    expect(nextOpinionStatus('sent', 'answer', 'partner', 'paper')).toBe('answered');
    expect(nextOpinionStatus('answered', 'answer', 'partner', 'partner_api')).toBeNull();
    expect(nextOpinionStatus('answered', 'cancel', 'partner')).toBeNull();
    expect(nextOpinionStatus('printed', 'cancel', 'print')).toBe('cancelled');
  });

  it('wants every item rated 1–5 and nothing else', () => {
    expect(checkOpinionRatings(allFour, ITEMS)).toBeNull();
    expect(checkOpinionRatings({ punctuality: 4 }, ITEMS)).toEqual({
      code: 'OPINION_RATING_MISSING',
      item: 'opinion_quality',
    });
    expect(checkOpinionRatings({ ...allFour, overall: 6 }, ITEMS)).toEqual({
      code: 'OPINION_RATING_INVALID',
      item: 'overall',
    });
    expect(checkOpinionRatings({ ...allFour, overall: 2.5 }, ITEMS)?.code).toBe('OPINION_RATING_INVALID');
    expect(checkOpinionRatings({ ...allFour, tidy: 3 }, ITEMS)).toEqual({
      code: 'OPINION_ITEM_UNKNOWN',
      item: 'tidy',
    });
  });

  it('names the items rated poor, the overall one first', () => {
    expect(poorOpinionItems(allFour, ITEMS)).toEqual([]);
    expect(poorOpinionItems({ ...allFour, communication: 2, overall: 1 }, ITEMS)).toEqual([
      'overall',
      'communication',
    ]);
    expect(poorOpinionItems({ ...allFour, punctuality: 3 }, ITEMS)).toEqual([]);
  });

  it('two poor answers in a year are a concern on the handler’s record; one is not', () => {
    const thresholds = LIST_ITEMS.filter((i) => i.list === 'quality_threshold');
    const facts: HandlerQualityFacts = {
      evaluations: [],
      inspections: [],
      complaints: [],
      ratings: [],
      organOpinions: [
        { poor: true, at: '2026-06-01T02:00:00Z' },
        { poor: false, at: '2026-07-01T02:00:00Z' },
      ],
    };
    const now = '2026-12-05T02:00:00.000Z';
    const once = summariseHandlerQuality(facts, thresholds, now);
    expect(once).toMatchObject({ poorOrganOpinions: 1, organOpinions: 2, concerns: [] });
    const twice = summariseHandlerQuality(
      { ...facts, organOpinions: [...facts.organOpinions!, { poor: true, at: '2026-11-01T02:00:00Z' }] },
      thresholds,
      now,
    );
    expect(twice.concerns.map((c) => c.code)).toEqual(['poor_organ_opinions']);
  });
});
