import { describe, expect, it } from 'vitest';
import { MockCore } from './mock-core.js';

describe('MockCore progression option', () => {
  it('takes a policy as text, as an object, or one per kind in either form', () => {
    const of = (progression: ConstructorParameters<typeof MockCore>[0]) =>
      new MockCore(progression).tenant().progression;
    expect(of({ progression: 'immediate' })).toEqual({
      'v5.etlExecution': { type: 'immediate' },
      'v4.import': { type: 'immediate' },
    });
    expect(of({ progression: { type: 'afterMs', ms: 500 } })['v4.import']).toEqual({
      type: 'afterMs',
      ms: 500,
    });
    expect(of({ progression: { 'v4.import': 'afterPolls:3' } })).toEqual({
      'v5.etlExecution': { type: 'afterPolls', polls: 1, ms: 1000 },
      'v4.import': { type: 'afterPolls', polls: 3 },
    });
  });

  it('refuses text it cannot read, quoting it', () => {
    expect(() => new MockCore({ progression: 'soon' })).toThrow('invalid progression "soon"');
  });
});
