import { describe, expect, it } from 'vitest';
import {
  bool,
  int,
  list,
  obj,
  oneOf,
  optStr,
  orNull,
  parseRows,
  RowShapeError,
  str,
  strList,
} from '../../../src/db/rows.js';

describe('row parsers', () => {
  const expert = obj({
    id: str,
    name: optStr,
    version: int,
    retired: bool,
    networkIds: strList,
    affiliations: list(obj({ institution: str })),
  });

  it('keeps the fields asked for, with their values', () => {
    const row = {
      id: 'a',
      name: null,
      version: 3,
      retired: false,
      networkIds: ['n'],
      affiliations: [{ institution: 'i', role: 'x' }],
      extra: 1,
    };
    expect(parseRows([row], expert)).toEqual([
      { id: 'a', name: null, version: 3, retired: false, networkIds: ['n'], affiliations: [{ institution: 'i' }] },
    ]);
  });

  it('names the row and field whose value has the wrong shape', () => {
    const good = { id: 'a', version: 1, retired: false, networkIds: [], affiliations: [] };
    expect(() => parseRows([good, { ...good, networkIds: ['n', 7] }], expert)).toThrow(
      new RowShapeError('row 1.networkIds[1]: expected a string, got 7'),
    );
    expect(() => parseRows([{ ...good, version: 1.5 }], expert)).toThrow(RowShapeError);
    expect(() => parseRows([{ ...good, id: undefined }], expert)).toThrow('row 0.id: expected a string, got nothing');
    expect(() => parseRows([null], expert)).toThrow('row 0: expected an object, got null');
  });

  it('takes a value left unset as null, and only the values an enum has', () => {
    const level = obj({ provenance: orNull(oneOf(['DECLARED', 'VERIFIED'] as const)), verifiedAt: optStr });
    expect(
      parseRows([{ verifiedAt: '2025-03-04T10:00:00Z' }, { provenance: 'VERIFIED', verifiedAt: null }], level),
    ).toEqual([
      { provenance: null, verifiedAt: '2025-03-04T10:00:00Z' },
      { provenance: 'VERIFIED', verifiedAt: null },
    ]);
    expect(() => parseRows([{ provenance: 'GUESSED' }], level)).toThrow(
      'row 0.provenance: expected one of DECLARED, VERIFIED, got "GUESSED"',
    );
  });
});
