import { describe, expect, it } from 'vitest';
import { canonicalJson, requestFingerprint } from '../../../src/graphql/idempotency.js';

describe('request fingerprints', () => {
  it('do not depend on the order of an input object’s keys, at any depth', () => {
    const a = { input: { id: 'x', expectedVersion: 1, expertise: [{ theme: 't', level: 2 }] } };
    const b = { input: { expertise: [{ level: 2, theme: 't' }], expectedVersion: 1, id: 'x' } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(requestFingerprint('updateExpert', a)).toBe(requestFingerprint('updateExpert', b));
  });

  it('differ with the field, an argument, a list’s order or a date', () => {
    const base = requestFingerprint('updateExpert', { input: { id: 'x', languages: ['en', 'nl'] } });
    expect(requestFingerprint('retireExpert', { input: { id: 'x', languages: ['en', 'nl'] } })).not.toBe(base);
    expect(requestFingerprint('updateExpert', { input: { id: 'y', languages: ['en', 'nl'] } })).not.toBe(base);
    expect(requestFingerprint('updateExpert', { input: { id: 'x', languages: ['nl', 'en'] } })).not.toBe(base);
    expect(canonicalJson({ at: new Date('2025-01-01T00:00:00Z') })).toBe('{"at":"2025-01-01T00:00:00.000Z"}');
    expect(requestFingerprint('f', { at: new Date('2025-01-01T00:00:00Z') })).not.toBe(
      requestFingerprint('f', { at: new Date('2025-01-02T00:00:00Z') }),
    );
  });

  it('read arguments graphql-js made without a prototype, and leave out absent ones', () => {
    const args = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: undefined, c: null });
    expect(canonicalJson(args)).toBe('{"b":1,"c":null}');
  });
});
