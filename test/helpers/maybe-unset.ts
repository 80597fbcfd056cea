/**
 * A variable a beforeAll sets, as an afterAll sees it: unset when the beforeAll threw before setting it. afterAll
 * runs anyway, and a TypeError from it would hide the beforeAll's own error.
 */
export function maybeUnset<T>(value: T): T | undefined {
  return value;
}
