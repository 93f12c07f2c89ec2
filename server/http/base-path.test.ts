import { expect, it } from 'vitest';
import { clientPathOf } from './base-path.js';

it('removes the client’s own path of a base URL and keeps a path of Actito’s', () => {
  expect(clientPathOf('/')).toBe('/');
  expect(clientPathOf('/actito/')).toBe('/actito');
  expect(clientPathOf('/ActitoWebServices/ws/v4')).toBe('/');
  expect(clientPathOf('/mock/ActitoWebServices/ws/v4')).toBe('/mock');
  expect(clientPathOf('/proxy/actito/v4')).toBe('/proxy/actito');
});
