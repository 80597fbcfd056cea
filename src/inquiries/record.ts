import { randomBytes } from 'node:crypto';
import { audited } from '../audit/service.js';
import { DESK_NETWORK_ID } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Queries } from '../db/database.js';
import type { Language } from '../messages/language.js';
import { InputProblems, present } from '../errors.js';
import { idOf, resolveSubjects, type PlaceRef } from '../names/service.js';
import { findNetworks, knownNetworks, unknownNetworkMessage } from '../networks/resolve.js';
import { rankExperts, type WhoKnowsResult } from '../whoknows/service.js';
import { checkedText, TEXT_LIMITS } from '../writes/checks.js';
import { notify, rememberPerson } from '../notifications/service.js';
import { followUpProblem } from './follow-up.js';
import { existingReferences, inquiriesByIds } from './repository.js';
import type { InquiryRecord } from './model.js';
import type { RecordInquiryInput } from './inputs.js';
import { rankSimilar, textQueryOf, type SimilarInquiry } from './search.js';
import { inferConcepts } from './tagging.js';
import { createInquiry, linkInferred } from './write-repository.js';
import { dueAt } from './working-days.js';

/** A clock may run a little ahead of ours: how far in the future a receipt time may lie. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface RecordedInquiry {
  inquiry: InquiryRecord;
  /**
   * Worked out only when asked for: a client that selects the inquiry alone is not made to wait for two
   * rankings (nor told its stored write failed when they run past the deadline on a cold or busy Neo4j).
   */
  suggestedExperts: (language: Language) => Promise<WhoKnowsResult>;
  similarInquiries: (language: Language) => Promise<SimilarInquiry[]>;
}

/**
 * Records a question and answers it at once with the experts who know (whoKnows over its themes and
 * countries) and the earlier inquiries like it. Every problem with the input is reported together, and
 * nothing is written while there is one.
 */
export async function recordInquiry(
  queries: Queries,
  viewer: Viewer,
  input: RecordInquiryInput,
  now = new Date(),
): Promise<RecordedInquiry> {
  const problems = new InputProblems();
  const question = checkedText(problems, 'question', input.question, { max: TEXT_LIMITS.text, required: true });
  const context = checkedText(problems, 'context', input.context, { max: TEXT_LIMITS.text });
  const note = checkedText(problems, 'note', input.note, { max: TEXT_LIMITS.text });
  const receivedAt = input.receivedAt ?? now;
  if (Number.isNaN(receivedAt.getTime())) problems.add('receivedAt', 'is not a valid date and time');
  else if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    problems.add('receivedAt', 'lies in the future: give the moment the question came in');

  const security = input.kind === 'KNOWLEDGE_SECURITY';
  if (!security && (input.riskCategories?.length ?? 0) > 0)
    problems.add('riskCategories', 'apply to KNOWLEDGE_SECURITY inquiries only');
  if (!security && input.partner) problems.add('partner', 'applies to KNOWLEDGE_SECURITY inquiries only');
  if (!security && !input.routedTo)
    problems.add('routedTo', 'an EXPERTISE_REQUEST needs a network to go to (e.g. "ckn" or "reka")');

  const askedBy = idOf(input.askedBy, 'Institution');
  const partner = input.partner ? idOf(input.partner, 'Institution') : null;
  const routedToName = input.routedTo ?? (security ? DESK_NETWORK_ID : null);
  const followUpOf = input.followUpOf ? idOf(input.followUpOf, 'Inquiry') : null;

  const [subjects, found, [network = null], networks] = await Promise.all([
    resolveSubjects(queries, problems, input.themes ?? [], input.countries ?? []),
    existingReferences(queries, {
      institutionIds: [askedBy, ...(partner ? [partner] : [])],
      inquiryIds: followUpOf ? [followUpOf] : [],
    }),
    findNetworks(queries, routedToName ? [routedToName] : []),
    knownNetworks(queries),
  ]);
  const routedTo = network?.id ?? null;
  if (!found.institutions.some((i) => i.id === askedBy))
    problems.add('askedBy', `no institution has id "${input.askedBy}": see the institutions query`);
  if (partner && !found.institutions.some((i) => i.id === partner))
    problems.add('partner', `no institution has id "${input.partner}": see the institutions query`);
  if (routedToName && !network) problems.add('routedTo', unknownNetworkMessage(routedToName, networks));
  else if (network && security && network.kind !== 'DESK')
    problems.add(
      'routedTo',
      `a KNOWLEDGE_SECURITY inquiry goes to the desk ("${DESK_NETWORK_ID}"), not to ${network.name}`,
    );
  else if (network && !security && network.kind === 'DESK')
    problems.add('routedTo', 'an EXPERTISE_REQUEST goes to a knowledge network such as CKN or REKA, not to the desk');
  const earlier = found.inquiries.find((i) => i.id === followUpOf);
  if (followUpOf && !earlier) problems.add('followUpOf', `no inquiry has id "${input.followUpOf}"`);
  else if (earlier) {
    const problem = followUpProblem({ id: null, receivedAt }, earlier);
    if (problem) problems.add('followUpOf', problem);
  }
  problems.throwIfAny('The inquiry was not recorded');
  // Both required: with no problem reported, both are there (the desk's id for knowledge security).
  const asked = present(question, 'the question');
  const routedToId = present(routedTo, 'the network it is routed to');

  // What the question names beyond what was given (in English or Dutch) is linked as inferred, apart from the given
  // concepts.
  const given = {
    themeIds: subjects.themes.map((t) => t.id),
    countryIds: subjects.countries.map((c) => c.id),
    partnerId: partner,
    riskCategories: input.riskCategories ?? [],
  };
  const inferred = await inferConcepts(queries, `${asked}\n${context ?? ''}`, given);

  // The id is made inside the audited work and returned by it: a retry of a commit whose acknowledgement was
  // lost answers with the id that was stored, instead of a new one (a duplicate) or a CONFLICT.
  const id = await audited(queries, viewer, 'recordInquiry', note, async (tx) => {
    const id = `inq-${receivedAt.getUTCFullYear()}-${randomBytes(4).toString('hex')}`;
    await tx.track('Inquiry', id);
    await createInquiry(tx, {
      id,
      kind: input.kind,
      question: asked,
      context,
      contactName: input.contactName?.trim() || null,
      contactEmail: input.contactEmail?.trim() || null,
      riskCategories: input.riskCategories ?? [],
      receivedAt: receivedAt.toISOString(),
      dueAt: dueAt(receivedAt).toISOString(),
      askedBy,
      routedTo: routedToId,
      partner,
      themeIds: subjects.themes.map((t) => t.id),
      countryIds: subjects.countries.map((c) => c.id),
      followUpOf,
      filedBy: viewer.id,
      by: viewer.name,
      note,
    });
    await linkInferred(tx.run, [{ id, ...inferred }]);
    // In the same transaction: the team hears of it exactly when it exists.
    await rememberPerson(tx.run, viewer, now);
    await notify(tx.run, { kind: 'NEW_INQUIRY', inquiryId: id, team: routedToId, actor: viewer, at: now });
    return id;
  });

  const place: PlaceRef | null = subjects.countries.length > 0 ? { countries: subjects.countries, region: null } : null;
  const [inquiry] = await inquiriesByIds(queries, [id]);
  return {
    inquiry: inquiry as InquiryRecord,
    suggestedExperts: (language) =>
      rankExperts(
        queries,
        { themes: subjects.themes, text: subjects.themes.length > 0 ? null : question, place },
        5,
        language,
      ),
    similarInquiries: (language) =>
      rankSimilar(
        queries,
        viewer,
        {
          luceneQuery: textQueryOf(question, context),
          themeIds: [...given.themeIds, ...inferred.themeIds],
          countryIds: [...given.countryIds, ...inferred.countryIds],
          partnerId: partner ?? inferred.partnerId,
          riskCategories: [...given.riskCategories, ...inferred.riskCategories],
          linkedIds: followUpOf ? [followUpOf] : [],
          excludeId: id,
          receivedBefore: null,
        },
        5,
        language,
      ),
  };
}
