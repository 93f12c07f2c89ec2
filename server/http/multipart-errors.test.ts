import { expect, it } from 'vitest';
import { BodyWatch, boundaryOf } from './multipart-errors.js';

it('reads the boundary parameter, quoted or not', () => {
  expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
  expect(boundaryOf('multipart/form-data; charset=utf-8; BOUNDARY="a b"')).toBe('a b');
  expect(boundaryOf('multipart/form-data')).toBeNull();
});

it('finds the boundary split across chunks, and counts the bytes', () => {
  const watch = new BodyWatch('xyz');
  for (const chunk of ['pre', 'amble -', '-x', 'yz\r\n']) {
    expect(watch.boundarySeen).toBe(false);
    watch.see(new TextEncoder().encode(chunk));
  }
  expect({ seen: watch.boundarySeen, bytes: watch.bytes }).toEqual({ seen: true, bytes: 16 });
  const never = new BodyWatch('xyz');
  never.see(new TextEncoder().encode('--xy--z'));
  expect(never.boundarySeen).toBe(false);
});
