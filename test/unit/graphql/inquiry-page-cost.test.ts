import { complexityFromQuery } from '@pothos/plugin-complexity';
import { describe, expect, it } from 'vitest';
import { limitsConfig } from '../../../src/config.js';
import { schema } from '../../../src/schema.js';
import { DESK_QUEUE } from '../../helpers/desk-queue.js';

/**
 * What a page of inquiries costs (issue 20: 50 inquiries with their history and consultations were over the budget):
 * the lists an inquiry's loader brings for the whole page in one query count at the sizes they have, the lists that
 * start work of their own keep their weights.
 */
const MAX_COST = limitsConfig({}).maxCost;
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  complexityFromQuery(query, { schema, variables, ctx: {} }).complexity;

describe('the cost of a page of inquiries', () => {
  it('lets the desk ask for 50 inquiries with their history, consultations and experts in one request', () => {
    expect(cost(DESK_QUEUE, { first: 50 })).toBeLessThanOrEqual(MAX_COST);
  });

  it('still counts what is below those lists once per item', () => {
    const withHistory = cost('{ inquiries(first: 50) { edges { node { history { status } } } } }');
    const withMore = cost('{ inquiries(first: 50) { edges { node { history { status at by note } } } } }');
    // Three more fields in each of the 5 status changes counted per inquiry, on 50 inquiries.
    expect(withMore - withHistory).toBe(50 * 5 * 3);
  });

  it('counts an inquiry’s own lists at their usual size, never more than `last` asks for', () => {
    const page = (lists: string) => cost(`{ inquiries(first: 50) { edges { node { ${lists} } } } }`);
    const none = page('slug');
    // notes { text at }: 1 for the list, 2 fields in each of its usual 2 notes.
    expect(page('slug notes { text at }') - none).toBe(50 * (1 + 2 * 2));
    expect(page('slug notes(last: 1) { text at }') - none).toBe(50 * (1 + 1 * 2));
    expect(page('slug notes(last: 0) { text at }') - none).toBe(50 * 1);
    expect(page('slug timeline(last: 200) { kind at }') - none).toBe(50 * (1 + 15 * 2));
    expect(page('slug timeline(last: 3) { kind at }') - none).toBe(50 * (1 + 3 * 2));
    expect(page('slug consultations(last: 1) { status }')).toBeLessThan(page('slug consultations { status }'));
  });

  it.each([
    [
      'similar inquiries of every inquiry on a page, with their histories',
      '{ inquiries(first: 50) { edges { node { slug ' +
        'similar(first: 20) { inquiry { slug history { status at } } } } } } }',
    ],
    [
      'the experts suggested for a recorded inquiry, with every inquiry they answered and its consultations',
      `{ inquiries(first: 100) { edges { node { slug consultations { expert { slug
          contributions(first: 100) { title } } } } } } }`,
    ],
    // Twice the desk's page: the budget bounds a response's size still.
    ['a page of 100 inquiries with everything', DESK_QUEUE],
  ])('refuses a truly costly request: %s', (_name, query) => {
    expect(cost(query, { first: 100 })).toBeGreaterThan(MAX_COST);
  });
});
