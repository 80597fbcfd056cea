/**
 * Compiled by `npm run typecheck`, never run: each `@ts-expect-error` marks a line that must not compile.
 * The services take the input shapes Pothos infers from the GraphQL input fields, so a field renamed or
 * removed in a GraphQL input is an error wherever it is still given or read; if one of these lines ever
 * compiled, the seam would have gone back to hand-written types (or `any`) and the typecheck fails here.
 */
import type { Viewer } from '../../src/auth/viewer.js';
import type { Queries } from '../../src/db/database.js';
import type { CreateExpertInput, UpdateExpertInput } from '../../src/experts/inputs.js';
import { createExpert } from '../../src/experts/service.js';
import type { RecordInquiryInput } from '../../src/inquiries/inputs.js';
import { createInstitution } from '../../src/institutions/service.js';

declare const queries: Queries;
declare const viewer: Viewer;
declare const update: UpdateExpertInput;
declare const inquiry: RecordInquiryInput;

export const checks = [
  // @ts-expect-error CreateExpertInput has headline, not tagline.
  () => createExpert(queries, viewer, { name: 'Jan de Vries', tagline: 'Chips' }),
  // @ts-expect-error A service reading a field the input no longer has.
  () => update.tagline,
  // @ts-expect-error A required field left out: a new institution needs its slug.
  () => createInstitution(queries, viewer, { name: 'X', nameNl: 'X', kind: 'THINK_TANK', country: 'NL' }),
  // @ts-expect-error The inquiry input's text is `question`.
  () => inquiry.text,
  // The right names compile.
  () => createExpert(queries, viewer, { name: 'Jan de Vries', headline: 'Chips' } satisfies CreateExpertInput),
  () => [update.headline, inquiry.question],
];
