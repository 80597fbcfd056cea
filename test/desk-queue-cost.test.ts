import { describe, expect, it } from 'vitest';
import { graphql } from './helpers/api.js';
import { DESK_QUEUE } from './helpers/desk-queue.js';

/** The desk's queue fits in one request (issue 20: 50 inquiries with history and consultations cost 12,951). */
describe('a page of 50 inquiries with their history, consultations and experts', () => {
  it('is answered in one request, within the cost budget', async () => {
    const response = await graphql(DESK_QUEUE, { first: 50 }, { as: 'desk' });
    expect(response.errors).toBeUndefined();
    const page = response.data.inquiries;
    expect(page.edges.length).toBe(Math.min(50, page.totalCount as number));
    expect(page.edges.length).toBeGreaterThan(0);
    expect(page.edges.some((e: { node: { history: unknown[] } }) => e.node.history.length > 0)).toBe(true);
  });

  it('twice as large is refused before it runs, saying what to do', async () => {
    const response = await graphql(DESK_QUEUE, { first: 100 }, { as: 'desk' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.limit).toMatchObject({ name: 'cost' });
    expect(response.errors?.[0]?.message).toMatch(/ask for smaller pages/);
  });
});
