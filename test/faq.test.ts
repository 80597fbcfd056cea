/**
 * FAQ articles (issue 22): drafted by a handler from answered inquiries, reviewed by a second handler, published,
 * retired. Drafts and sources stay with handlers; published articles are anyone's, and found in Dutch or English.
 */
import { describe, expect, it } from 'vitest';
import { graphql, type Actor } from './helpers/api.js';

const AUTHOR: Actor = { subject: 'faq-test-author', name: 'FAQ author', roles: ['desk'] };
const REVIEWER: Actor = { subject: 'faq-test-reviewer', name: 'FAQ reviewer', roles: ['desk'] };

const ARTICLE = `slug status version questionEn questionNl reviewDue labels { en nl } themes { slug }
  countries { code }`;

const draft = (overrides: Record<string, unknown> = {}) =>
  graphql(
    `mutation ($input: CreateFaqArticleInput!) { createFaqArticle(input: $input) { ${ARTICLE} } }`,
    {
      input: {
        questionEn: 'May a university host a summer school with a Kazakh partner on drones?',
        answerEn: 'Check export controls for drone technology first; teaching general principles is usually fine.',
        questionNl: 'Mag een universiteit een zomerschool over drones houden met een Kazachse partner?',
        answerNl:
          'Controleer eerst de exportcontrole voor dronetechnologie; algemene principes onderwijzen mag meestal.',
        labels: [{ en: 'Summer schools', nl: 'Zomerscholen' }],
        themes: ['export-controls'],
        countries: ['KZ'],
        riskCategories: ['UNWANTED_TRANSFER'],
        reviewBy: '2027-12-31',
        sources: ['inq-2025-0045'],
        ...overrides,
      },
    },
    { as: AUTHOR },
  );

const move = (name: string, slug: string, version: number, as: Actor) =>
  graphql(
    `mutation ($input: FaqMoveInput!) { ${name}(input: $input) { slug status version reviewer } }`,
    {
      input: { id: slug, expectedVersion: version },
    },
    { as },
  );

describe('FAQ articles', () => {
  it('are drafted, reviewed by a second handler (never their author) and published for anyone', async () => {
    const created = await draft();
    expect(created.errors).toBeUndefined();
    const article = created.data!.createFaqArticle;
    expect(article).toMatchObject({ status: 'DRAFT', version: 1, themes: [{ slug: 'export-controls' }] });

    // A draft is the handlers' only: an officer and an anonymous visitor do not see it, in any way.
    for (const as of ['officer', null] as Actor[]) {
      const read = await graphql(
        `
          query ($slug: String!) {
            faqArticle(slug: $slug) {
              slug
            }
          }
        `,
        { slug: article.slug },
        { as },
      );
      expect(read.data!.faqArticle).toBeNull();
      const list = await graphql(
        `
          {
            faqArticles {
              articles {
                slug
              }
            }
          }
        `,
        {},
        { as },
      );
      expect(list.data!.faqArticles.articles.map((a: { slug: string }) => a.slug)).not.toContain(article.slug);
      const drafts = await graphql(
        `
          {
            faqArticles(statuses: [DRAFT]) {
              articles {
                slug
              }
            }
          }
        `,
        {},
        { as },
      );
      expect(drafts.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }

    const submitted = await move('submitFaqArticle', article.slug, 1, AUTHOR);
    expect(submitted.data!.submitFaqArticle).toMatchObject({ status: 'IN_REVIEW', version: 2 });

    const selfReview = await move('publishFaqArticle', article.slug, 2, AUTHOR);
    expect(selfReview.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(selfReview.errors![0]!.message).toMatch(/second handler/);

    const published = await move('publishFaqArticle', article.slug, 2, REVIEWER);
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishFaqArticle).toMatchObject({
      status: 'PUBLISHED',
      version: 3,
      reviewer: 'FAQ reviewer',
    });

    const anonymous = await graphql(
      `
        query ($slug: String!) {
          faqArticle(slug: $slug) {
            slug
            status
            question(language: NL)
          }
        }
      `,
      { slug: article.slug },
      { as: null },
    );
    expect(anonymous.data!.faqArticle).toMatchObject({
      status: 'PUBLISHED',
      question: expect.stringContaining('zomerschool'),
    });

    // Stale versions conflict; retiring takes it out of the public's sight.
    const stale = await graphql(
      `
        mutation ($input: RetireFaqArticleInput!) {
          retireFaqArticle(input: $input) {
            status
          }
        }
      `,
      { input: { id: article.slug, expectedVersion: 2, reason: 'Outdated' } },
      { as: REVIEWER },
    );
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    const retired = await graphql(
      `
        mutation ($input: RetireFaqArticleInput!) {
          retireFaqArticle(input: $input) {
            status
            retired
            retiredReason
          }
        }
      `,
      { input: { id: article.slug, expectedVersion: 3, reason: 'Outdated' } },
      { as: REVIEWER },
    );
    expect(retired.data!.retireFaqArticle).toEqual({ status: 'RETIRED', retired: true, retiredReason: 'Outdated' });
    const gone = await graphql(
      `
        query ($slug: String!) {
          faqArticle(slug: $slug) {
            slug
          }
        }
      `,
      { slug: article.slug },
      { as: null },
    );
    expect(gone.data!.faqArticle).toBeNull();

    const history = await graphql(
      `
        query ($id: String!) {
          history(id: $id) {
            edges {
              node {
                action
              }
            }
          }
        }
      `,
      {
        id: article.slug,
      },
    );
    expect(history.errors).toBeUndefined();
  });

  it('refuses what does not fit, saying what to do, and writes nothing', async () => {
    const unanswered = await draft({ sources: ['inq-2026-0001', 'no-such-inquiry'], questionNl: ' ' });
    expect(unanswered.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const problems = unanswered.errors![0]!.extensions!.fields as Array<{ field: string }>;
    const fields = problems.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['questionNl', 'sources[1]']));

    const officer = await graphql(
      `
        mutation ($input: CreateFaqArticleInput!) {
          createFaqArticle(input: $input) {
            slug
          }
        }
      `,
      {
        input: {
          questionEn: 'q',
          answerEn: 'a',
          questionNl: 'v',
          answerNl: 'a',
          reviewBy: '2027-01-01',
          sources: ['inq-2025-0045'],
        },
      },
      { as: 'officer' },
    );
    expect(officer.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    // Personal details of the source block publishing; the preview shows them.
    const leaky = await draft({ answerEn: 'Ask Wei-Lin Tan (wei-lin.tan@example.org, +31 6 1234 5678) at TU Delft.' });
    const slug = leaky.data!.createFaqArticle.slug;
    await move('submitFaqArticle', slug, 1, AUTHOR);
    const preview = await graphql(
      `
        query ($slug: String!) {
          faqArticle(slug: $slug) {
            preview(language: EN) {
              answer
              findings {
                kind
                found
              }
            }
          }
        }
      `,
      { slug },
      { as: REVIEWER },
    );
    const kinds = preview.data!.faqArticle.preview.findings.map((f: { kind: string }) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['EMAIL', 'PHONE', 'SOURCE_NAME']));
    const refused = await move('publishFaqArticle', slug, 2, REVIEWER);
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.message).toMatch(/personal or confidential/);
    const again = await move('submitFaqArticle', slug, 2, AUTHOR);
    expect(again.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('shows sources to handlers only', async () => {
    const query = `{ faqArticle(slug: "faq-cooperation-russian-belarusian-institutions") { slug sources { slug } } }`;
    const desk = await graphql(query, {}, { as: 'desk' });
    expect(desk.data!.faqArticle.sources.map((s: { slug: string }) => s.slug)).toEqual([
      'inq-2025-0016',
      'inq-2025-0044',
    ]);
    for (const as of ['officer', null] as Actor[]) {
      const other = await graphql(query, {}, { as });
      expect(other.errors![0]!.extensions!.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });

  it('finds published articles in Dutch and English, grouped by topic, and counts reads', async () => {
    const dutch = await graphql(
      `
        {
          faqArticles(search: "samenwerking met Russische universiteiten", language: NL) {
            articles {
              slug
            }
            topics {
              topic
              articles {
                slug
              }
            }
            recognised {
              text
              name
            }
          }
        }
      `,
      {},
      { as: null },
    );
    expect(dutch.errors).toBeUndefined();
    expect(dutch.data!.faqArticles.articles[0].slug).toBe('faq-cooperation-russian-belarusian-institutions');
    expect(dutch.data!.faqArticles.topics.map((t: { topic: string }) => t.topic)).toContain(
      'Samenwerking met Rusland en Belarus',
    );
    const compound = await graphql(
      `
        {
          faqArticles(search: "halfgeleidermeetlab") {
            articles {
              slug
            }
          }
        }
      `,
      {},
      { as: null },
    );
    expect(compound.data!.faqArticles.articles[0].slug).toBe('faq-measuring-semiconductor-wafers-abroad');

    const read = await graphql(
      `
        mutation {
          recordFaqRead(slug: "faq-laptops-and-phones-on-fieldwork-in-china")
        }
      `,
      {},
      { as: null },
    );
    expect(read.data!.recordFaqRead).toBe(true);
    const draftRead = await graphql(
      `
        mutation {
          recordFaqRead(slug: "faq-language-teachers-paid-by-the-cief")
        }
      `,
      {},
      { as: null },
    );
    expect(draftRead.data!.recordFaqRead).toBe(false);
  });

  it('puts published articles past their review date in the handlers’ queue', async () => {
    const due = await graphql(
      `
        {
          faqArticles(reviewDue: true) {
            articles {
              slug
              reviewDue
            }
          }
        }
      `,
      {},
      { as: 'desk' },
    );
    expect(due.data!.faqArticles.articles).toEqual([
      { slug: 'faq-hiring-researchers-from-russian-institutes', reviewDue: true },
    ]);
    const officer = await graphql(
      `
        {
          faqArticles(reviewDue: true) {
            articles {
              slug
            }
          }
        }
      `,
      {},
      { as: 'officer' },
    );
    expect(officer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
