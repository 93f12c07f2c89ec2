import { expect, it } from 'vitest';
import { jsonDepthFault } from './json-depth.js';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

it('accepts values up to the limit and names the keys leading to a deeper one', () => {
  expect(jsonDepthFault({ a: nested(31) }, 'definition')).toBeNull();
  expect(jsonDepthFault({ a: nested(32) }, 'definition')).toEqual({
    path: 'definition.a',
    message: 'nested more than 32 levels of arrays and objects deep; flatten or remove it',
  });
  expect(jsonDepthFault({ format: { x: { y: { z: nested(40) } } } }, 'parameters')?.path).toBe(
    'parameters.format.x',
  );
  expect(jsonDepthFault([{ a: nested(40) }], 'body')?.path).toBe('body');
  expect(jsonDepthFault('text', 'body')).toBeNull();
});

it('walks values far deeper than the call stack', () => {
  expect(jsonDepthFault({ deep: nested(200_000) }, 'definition')?.path).toBe('definition.deep');
});
