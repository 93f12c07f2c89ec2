import { describe, expect, it } from 'vitest';
import { ruleForSegmentation, ruleForSubscription } from './attribute-rule.js';
import { compileJsonValueChecker } from './check-json-value.js';
import { compileValueChecker } from './check-value.js';
import { compileValueMerge } from './value-merge.js';

const newsletter = ruleForSubscription({ name: 'Newsletter' });
const interests = ruleForSegmentation({
  name: 'Interests',
  type: 'SIMPLE',
  categories: ['Dogs', 'Cats', 'Birds'],
});
const tier = ruleForSegmentation({ name: 'Tier', type: 'EXCLUSIVE', categories: ['Gold', 'Silver'] });

describe('subscription and segmentation rules', () => {
  it('name their column as an import maps it', () => {
    expect([newsletter, interests, tier].map((rule) => [rule.name, rule.kind])).toEqual([
      ['subscriptions#Newsletter', 'SUBSCRIPTION'],
      ['segmentations#Interests', 'CATEGORY_SET'],
      ['segmentations#Tier', 'CATEGORY'],
    ]);
  });

  it('read a subscription as a boolean, and an empty cell as "leave it unchanged"', () => {
    const check = compileValueChecker(newsletter);
    expect(['1', 'y', 'True', '0', 'N', 'false'].map((raw) => check(raw))).toEqual(
      ['TRUE', 'TRUE', 'TRUE', 'FALSE', 'FALSE', 'FALSE'].map((value) => ({ ok: true, value })),
    );
    expect(check('')).toEqual({ ok: true, value: undefined });
    expect(check('yes')).toEqual({
      ok: false,
      code: 'INVALID_BOOLEAN',
      message:
        '"yes" is not a valid subscription value; expected TRUE, FALSE, 1, 0, Y or N (an empty value leaves the subscription unchanged)',
    });
  });

  it('take one category of the segmentation, as written', () => {
    expect(compileValueChecker(tier)('Gold')).toEqual({ ok: true, value: 'Gold' });
    expect(compileValueChecker(interests)('Cats')).toEqual({ ok: true, value: '["Cats"]' });
    expect(compileValueChecker(interests)('')).toEqual({ ok: true, value: undefined });
    expect(compileValueChecker(tier)('gold')).toEqual({
      ok: false,
      code: 'VALUE_NOT_ACCEPTED',
      message: '"gold" is not accepted; expected one of "Gold", "Silver"',
    });
  });

  it('add a SIMPLE category to what the profile has, in declared order; an EXCLUSIVE one replaces it', () => {
    const add = compileValueMerge(interests);
    expect(add?.('["Birds"]', '["Dogs"]')).toBe('["Dogs","Birds"]');
    expect(add?.('["Dogs","Birds"]', '["Dogs"]')).toBe('["Dogs","Birds"]');
    expect(compileValueMerge(tier)).toBeUndefined();
    expect(compileValueMerge(newsletter)).toBeUndefined();
  });

  it('check JSON values with the same rules, a SIMPLE segmentation taking a list', () => {
    expect(compileJsonValueChecker(newsletter)(true)).toEqual({ ok: true, value: 'TRUE' });
    expect(compileJsonValueChecker(newsletter)(null)).toEqual({ ok: true, value: undefined });
    expect(compileJsonValueChecker(interests)(['Birds', 'Dogs', 'Birds'])).toEqual({
      ok: true,
      value: '["Dogs","Birds"]',
    });
    expect(compileJsonValueChecker(interests)([])).toEqual({ ok: true, value: null });
    expect(compileJsonValueChecker(interests)(['Dogs', 'Fish'])).toMatchObject({
      ok: false,
      code: 'VALUE_NOT_ACCEPTED',
    });
    expect(compileJsonValueChecker(tier)(['Gold'])).toEqual({
      ok: false,
      code: 'VALUE_NOT_ACCEPTED',
      message:
        'a list of values is accepted only for a SIMPLE segmentation; segmentations#Tier takes one value',
    });
  });
});
