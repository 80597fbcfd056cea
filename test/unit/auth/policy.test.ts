import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canCurateContribution,
  canCurateExpert,
  canCurateInstitutions,
  canCurateShared,
  canOrganise,
  canReadContacts,
  canReadHistory,
  canReadInquiryContact,
  belongsToTeam,
  canSeeInquiry,
  curatedNetworks,
  DESK_NETWORK_ID,
  handlesInquiry,
  type InquiryFacts,
} from '../../../src/auth/policy.js';
import { ROLES, type Role, type Viewer } from '../../../src/auth/viewer.js';

// The same rules against the API, role by role: test/access.test.ts.

const NETWORKS = ['ckn', 'reka', DESK_NETWORK_ID];
const network = fc.constantFrom(...NETWORKS);
const networks = fc.subarray(NETWORKS);
const viewer: fc.Arbitrary<Viewer> = fc
  .record({ id: fc.constantFrom('u1', 'u2'), roles: fc.subarray([...ROLES]), networks })
  .map(({ id, roles, networks }) => ({ id, name: id, roles: new Set(roles), networks }));
const inquiry: fc.Arbitrary<InquiryFacts> = fc.record({
  filedBy: fc.constantFrom('u1', 'u2', null),
  visibility: fc.constantFrom('INTERNAL' as const, 'SHAREABLE' as const),
  routedTo: fc.option(network, { nil: null }),
});
const person = (roles: Role[], networks: string[] = []): Viewer => ({
  id: 'u1',
  name: 'u1',
  roles: new Set(roles),
  networks,
});
const RUNS = { numRuns: 300 };

describe('the access rules', () => {
  it('let an administrator do everything', () => {
    fc.assert(
      fc.property(viewer, networks, inquiry, fc.boolean(), (someone, nets, asked, consent) => {
        const admin = { ...someone, roles: new Set<Role>([...someone.roles, 'admin']) };
        expect(canReadContacts(admin, { networkIds: nets, contactConsent: consent })).toBe(true);
        expect(canCurateExpert(admin, nets)).toBe(true);
        expect(curatedNetworks(admin)).toBeNull();
        expect(canCurateShared(admin)).toBe(true);
        expect(handlesInquiry(admin, asked) && canSeeInquiry(admin, asked)).toBe(true);
        for (const label of ['Expert', 'Contribution', 'Inquiry', 'Event', 'Theme'])
          expect(canReadHistory(admin, { label, networkIds: nets })).toBe(true);
      }),
      RUNS,
    );
  });

  it('let a plain viewer see only an inquiry it filed, and curate nothing', () => {
    fc.assert(
      fc.property(networks, inquiry, fc.boolean(), (nets, asked, consent) => {
        const reader = person(['viewer'], nets);
        expect(canReadContacts(reader, { networkIds: nets, contactConsent: consent })).toBe(false);
        expect(canCurateExpert(reader, nets)).toBe(false);
        expect(curatedNetworks(reader)).toEqual([]);
        expect(canCurateShared(reader)).toBe(false);
        expect(handlesInquiry(reader, asked)).toBe(false);
        expect(canSeeInquiry(reader, asked)).toBe(asked.filedBy === 'u1');
      }),
      RUNS,
    );
  });

  it('give a secretariat its own networks only, the desk its own inquiries, and officers contacts with consent', () => {
    const ckn = person(['secretariat'], ['ckn']);
    expect(canCurateExpert(ckn, ['reka', 'ckn'])).toBe(true);
    expect(canCurateExpert(ckn, ['reka'])).toBe(false);
    expect(canOrganise(ckn, 'ckn')).toBe(true);
    expect(canOrganise(ckn, 'reka')).toBe(false);
    expect(canCurateContribution(ckn, [['reka'], ['ckn']])).toBe(true);
    expect(canCurateContribution(ckn, [['reka'], []])).toBe(false);
    expect(handlesInquiry(ckn, { routedTo: 'ckn' })).toBe(true);
    expect(handlesInquiry(ckn, { routedTo: DESK_NETWORK_ID })).toBe(false);
    expect(handlesInquiry(ckn, { routedTo: null })).toBe(false);
    expect(handlesInquiry(person(['desk']), { routedTo: DESK_NETWORK_ID })).toBe(true);
    expect(handlesInquiry(person(['desk']), { routedTo: 'ckn' })).toBe(false);
    // Belonging to a network without the secretariat role gives nothing.
    expect(canCurateExpert(person(['officer'], ['ckn']), ['ckn'])).toBe(false);
    const officer = person(['officer']);
    expect(canReadContacts(officer, { networkIds: [], contactConsent: true })).toBe(true);
    expect(canReadContacts(officer, { networkIds: [], contactConsent: false })).toBe(false);
    expect(canSeeInquiry(officer, { filedBy: 'u2', visibility: 'SHAREABLE', routedTo: null })).toBe(true);
    expect(canSeeInquiry(officer, { filedBy: 'u2', visibility: 'INTERNAL', routedTo: null })).toBe(false);
    expect(canReadInquiryContact(officer, { filedBy: 'u2', visibility: 'SHAREABLE', routedTo: null })).toBe(false);
  });

  it('filter lists as they decide one by one: the curated networks are those whose experts may be curated', () => {
    fc.assert(
      fc.property(viewer, networks, (someone, nets) => {
        const curated = curatedNetworks(someone);
        expect(canCurateExpert(someone, nets)).toBe(curated === null || nets.some((n) => curated.includes(n)));
      }),
      RUNS,
    );
  });

  it('nest: whoever handles an inquiry may read its contact, and whoever may read that may see it', () => {
    fc.assert(
      fc.property(viewer, inquiry, (someone, asked) => {
        if (handlesInquiry(someone, asked)) expect(canReadInquiryContact(someone, asked)).toBe(true);
        if (canReadInquiryContact(someone, asked)) expect(canSeeInquiry(someone, asked)).toBe(true);
      }),
      RUNS,
    );
  });

  it('let whoever may curate or handle an object read its history, and no one else', () => {
    fc.assert(
      fc.property(
        viewer,
        networks,
        network,
        fc.array(networks, { maxLength: 3 }),
        (someone, nets, routedTo, authors) => {
          // Administrators read every history (above).
          if (someone.roles.has('admin')) return;
          expect(canReadHistory(someone, { label: 'Expert', networkIds: nets })).toBe(canCurateExpert(someone, nets));
          expect(canReadHistory(someone, { label: 'Contribution', authorNetworkIds: authors })).toBe(
            canCurateContribution(someone, authors),
          );
          expect(canReadHistory(someone, { label: 'Inquiry', routedTo })).toBe(handlesInquiry(someone, { routedTo }));
          expect(canReadHistory(someone, { label: 'Event', networkIds: nets })).toBe(
            nets.some((n) => canOrganise(someone, n)),
          );
          // Institutions: the desk curates foreign partners beside the secretariats.
          expect(canReadHistory(someone, { label: 'Institution' })).toBe(canCurateInstitutions(someone));
          expect(canReadHistory(someone, { label: 'Theme' })).toBe(canCurateShared(someone));
        },
      ),
      RUNS,
    );
  });
});

describe('teams and reroutes', () => {
  it('a member of a team handles its inquiries; an administrator handles all but belongs to no team by that', () => {
    fc.assert(
      fc.property(viewer, network, (v, team) => {
        if (belongsToTeam(v, team)) expect(handlesInquiry(v, { routedTo: team })).toBe(true);
        if (v.roles.has('admin') && v.roles.size === 1) expect(belongsToTeam(v, team)).toBe(false);
      }),
    );
  });

  it('the teams an inquiry left may still see it, but not handle it', () => {
    fc.assert(
      fc.property(viewer, inquiry, network, (v, facts, left) => {
        const rerouted = { ...facts, routedFrom: [left] };
        if (belongsToTeam(v, left)) expect(canSeeInquiry(v, rerouted)).toBe(true);
        expect(handlesInquiry(v, rerouted)).toBe(handlesInquiry(v, facts));
        if (belongsToTeam(v, left))
          expect(canReadHistory(v, { label: 'Inquiry', routedTo: facts.routedTo, routedFrom: [left] })).toBe(true);
      }),
    );
  });
});
