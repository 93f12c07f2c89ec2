import { expect } from 'vitest';
import { MockControlError } from '../../server/index.js';

/** The error envelope a control call was refused with (it must have been refused). */
export async function refused(call: Promise<unknown>): Promise<MockControlError['envelope']> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MockControlError);
  return (error as MockControlError).envelope;
}
