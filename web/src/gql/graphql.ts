/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The input of addInquiryNote. */
export type AddInquiryNoteInput = {
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
  /** The note: internal, for the handlers only. */
  text: string;
};

/** The input of answerInquiry. */
export type AnswerInquiryInput = {
  /** The substance of the answer. */
  answerSummary: string;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
  /** May later askers read it? Default INTERNAL. */
  visibility?: Visibility | null | undefined;
};

/** The input of askExpert. */
export type AskExpertInput = {
  /** When (default now; not in the future). */
  askedAt?: string | null | undefined;
  /** How the expert was asked. */
  channel: ConsultationChannel;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The expert asked (global id or slug). */
  expert: string;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
};

/** How a message reached the asker. */
export type AskerChannel =
  /** By e-mail. */
  | 'EMAIL'
  /** Through the web form the question came in by. */
  | 'FORM'
  /** By telephone. */
  | 'PHONE';

/** The input of assignInquiry. */
export type AssignInquiryInput = {
  /** The colleague’s token subject (see the handlers query). */
  assignee: string;
  /** The colleague’s display name. */
  assigneeName: string;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
};

/** The input of changeInquiryStatus. */
export type ChangeInquiryStatusInput = {
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** For COORDINATING: the ministries (ids or slugs, e.g. "min-ezk"). */
  ministries?: Array<string> | null | undefined;
  /** What was done, or why. */
  note?: string | null | undefined;
  /** The new status. */
  status: InquiryStatus;
};

/** The input of claimInquiry. */
export type ClaimInquiryInput = {
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
};

/** The input of closeInquiry. */
export type CloseInquiryInput = {
  /** For DUPLICATE (and only then): the inquiry it duplicates (global id or slug). */
  duplicateOf?: string | null | undefined;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
  /** Why it is closed. Default: ANSWERED when it has an answer; otherwise none is recorded and a note must say why. */
  reason?: ClosingReason | null | undefined;
};

/** Why an inquiry was closed. */
export type ClosingReason =
  /** It was answered (counts towards "answered within 3 working days"). */
  | 'ANSWERED'
  /** It duplicates another inquiry (duplicateOf links it). */
  | 'DUPLICATE'
  /** Not a question for this desk or network. */
  | 'OUT_OF_SCOPE'
  /** It should never have been recorded: it leaves every statistic, and stays in the audit trail. */
  | 'RECORDED_IN_ERROR'
  /** The asker withdrew the question. */
  | 'WITHDRAWN';

/** How an expert was asked. */
export type ConsultationChannel =
  /** By e-mail. */
  | 'EMAIL'
  /** In a meeting or in person. */
  | 'MEETING'
  /** By telephone. */
  | 'PHONE';

/** What came of asking an expert. */
export type ConsultationOutcome =
  /** The expert contributed to the answer. */
  | 'ANSWERED'
  /** The expert could not help. */
  | 'DECLINED'
  /** The expert referred to someone else. */
  | 'REFERRED';

/** Where asking an expert stands. */
export type ConsultationStatus =
  /** The expert contributed to the answer. */
  | 'ANSWERED'
  /** The expert could not help. */
  | 'DECLINED'
  /** The expert referred to someone else. */
  | 'REFERRED'
  /** Asked; no answer yet. */
  | 'WAITING';

/** The form of a contribution. */
export type ContributionKind =
  /** A briefing for government. */
  | 'BRIEFING'
  /** An article, report, paper or book. */
  | 'PUBLICATION'
  /** A lecture, panel or presentation. */
  | 'TALK';

/** Whether a coverage column is one country or a region (its countries together). */
export type CoverageColumnKind =
  /** One country. */
  | 'COUNTRY'
  /** A region: an expert or inquiry counts once if it concerns any of its countries. */
  | 'REGION';

/** A new FAQ article. */
export type CreateFaqArticleInput = {
  /** The answer in English, without confidential details. */
  answerEn: string;
  /** The answer in Dutch (het antwoord). */
  answerNl: string;
  /** Countries it concerns (ISO codes or names; a region adds its countries). */
  countries?: Array<string> | null | undefined;
  /** Free topic labels, in both languages. */
  labels?: Array<FaqLabelInput> | null | undefined;
  /** Why, for the history. */
  note?: string | null | undefined;
  /** The question in English, without personal details. */
  questionEn: string;
  /** The question in Dutch (de vraag). */
  questionNl: string;
  /** Review it by this day: after it, the article shows in the handlers’ queue as due for review. */
  reviewBy: string;
  /** The risks it speaks of. */
  riskCategories?: Array<RiskCategory> | null | undefined;
  /** The answered inquiries it was drawn from (slugs or global ids): seen by handlers only. */
  sources: Array<string>;
  /** Themes it is about (ids, names or aliases). */
  themes?: Array<string> | null | undefined;
};

/** The input of editInquiry. */
export type EditInquiryInput = {
  /** The asking institution (global id or slug; required: cannot be cleared). */
  askedBy?: string | null | undefined;
  /** Their e-mail; null clears it. */
  contactEmail?: string | null | undefined;
  /** Whom to answer; null clears it. */
  contactName?: string | null | undefined;
  /** Background; null clears it. */
  context?: string | null | undefined;
  /** The countries (ISO codes, names or regions), replacing the given ones; [] or null clears. */
  countries?: Array<string> | null | undefined;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** Expertise request or knowledge-security question (must suit the team it is routed to). */
  kind?: InquiryKind | null | undefined;
  /** What was done, or why. */
  note?: string | null | undefined;
  /** For knowledge-security questions: the foreign partner institution; null clears it. */
  partner?: string | null | undefined;
  /** The question (required: cannot be cleared). */
  question?: string | null | undefined;
  /** For knowledge-security questions: what the worry is, replacing the given ones. */
  riskCategories?: Array<RiskCategory> | null | undefined;
  /** The themes, replacing the given ones; [] or null clears. */
  themes?: Array<string> | null | undefined;
};

/** What sort of gathering a network organises. */
export type EventKind =
  /** A session where experts share knowledge on a subject with policy officers. */
  | 'KNOWLEDGE_SESSION'
  /** A meeting of the network’s members. */
  | 'NETWORK_MEETING';

/** How well the expert knows a theme. */
export type ExpertiseInput = {
  /** From 1 (working knowledge) to 5 (leading authority). */
  level: number;
  /** Where the level comes from (default DECLARED). VERIFIED records who verified it and when; EVIDENCED needs a contribution by the expert on it, or an inquiry on it they answered. */
  provenance?: Provenance | null | undefined;
  /** The theme: its id, or its English or Dutch name or alias. */
  theme: string;
};

/** A free topic label in both languages, e.g. "Cooperation with Russia and Belarus". */
export type FaqLabelInput = {
  /** In English. */
  en: string;
  /** In Dutch. */
  nl: string;
};

/** Which article, at which version, and a note for the history. */
export type FaqMoveInput = {
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The article (global id or slug). */
  id: string;
  /** Why, for the history (e.g. what the reviewer asks to change). */
  note?: string | null | undefined;
};

/** Where an FAQ article is in its life: draft, in review, published, retired. */
export type FaqStatus =
  /** Being written by a handler; seen by handlers only. */
  | 'DRAFT'
  /** Waiting for a second handler (not its author) to review and publish it; seen by handlers only. */
  | 'IN_REVIEW'
  /** Public: anyone, signed in or not, may read it at /faq. */
  | 'PUBLISHED'
  /** No longer published (outdated or withdrawn); seen by handlers only. */
  | 'RETIRED';

/** The input of handOverInquiry. */
export type HandOverInquiryInput = {
  /** The colleague’s token subject (see the handlers query). */
  assignee: string;
  /** The colleague’s display name. */
  assigneeName: string;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
};

/** Which inquiries to list; every condition given must hold. */
export type InquiryFilter = {
  /** Answered with the help of this expert (id or slug): one of its consultations of them came out ANSWERED. */
  answeredBy?: string | null | undefined;
  /** Asked by this institution (id or slug, e.g. "tu-delft"). */
  askedBy?: string | null | undefined;
  /** Concerning this country, or a country of this region. */
  country?: string | null | undefined;
  /** Due before this moment. */
  dueBefore?: string | null | undefined;
  /** Due at or after this moment. */
  dueFrom?: string | null | undefined;
  /** For the DUE_SOON queue: how many Dutch working days ahead, from 0 (today) to 20 (default 1). */
  dueWithinWorkingDays?: number | null | undefined;
  /** true: only the inquiries I filed. */
  filedByMe?: boolean | null | undefined;
  /** Handled by this person (their token subject, see handlers). */
  handler?: string | null | undefined;
  /** Of this kind. */
  kind?: InquiryKind | null | undefined;
  /** Routed to this network or desk (slug, acronym or name, e.g. "ckn", "LKV"). */
  network?: string | null | undefined;
  /** true: only open ones past due; false: only the others. */
  overdue?: boolean | null | undefined;
  /** Concerning this partner institution, given or recognised (id or slug). */
  partner?: string | null | undefined;
  /** true: only those about a partner on a screening list (a confirmed flag, not delisted); false: the others. */
  partnerFlagged?: boolean | null | undefined;
  /** Only the open inquiries of this work queue (see inquiryQueues for their counts). */
  queue?: InquiryQueue | null | undefined;
  /** Received before this moment. */
  receivedBefore?: string | null | undefined;
  /** Received at or after this moment. */
  receivedFrom?: string | null | undefined;
  /** Naming any of these risk categories, given or recognised. */
  riskCategories?: Array<RiskCategory> | null | undefined;
  /** Any of these statuses (at most 10). */
  status?: Array<InquiryStatus> | null | undefined;
  /** Every word of this text in the question or context (or answer), Dutch or English stemming; at most 300 characters. */
  text?: string | null | undefined;
  /** About this theme or a narrower one (id, name or alias). */
  theme?: string | null | undefined;
};

/** What sort of question an inquiry is, which decides where it goes. */
export type InquiryKind =
  /** A request for knowledge or experts, to a knowledge network (CKN or REKA). */
  | 'EXPERTISE_REQUEST'
  /** A question about the risks of international cooperation, to the knowledge security desk. */
  | 'KNOWLEDGE_SECURITY';

/** How a list of inquiries is ordered (then by slug). */
export type InquiryOrder =
  /** Soonest due first. */
  | 'DUE'
  /** First come, first served: by receipt, oldest first. */
  | 'RECEIVED';

/** A work queue of open inquiries (RECEIVED, IN_PROGRESS or COORDINATING), as the viewer sees them. */
export type InquiryQueue =
  /** Of my teams, not yet overdue and due by the end of the dueWithinWorkingDays-th Dutch working day from today (default 1: due by the end of the next working day). */
  | 'DUE_SOON'
  /** Filed by me (for officers: my questions still waiting for their answer). */
  | 'FILED_BY_ME'
  /** Handled by me. */
  | 'MINE'
  /** Routed to one of my teams (administrators: to any team). */
  | 'MY_TEAMS'
  /** Of my teams, past their due moment. */
  | 'OVERDUE'
  /** Routed to one of my teams, and nobody has taken them. */
  | 'UNASSIGNED'
  /** Of my teams, with an expert consultation asked and not yet answered. */
  | 'WAITING_ON_EXPERTS'
  /** Of my teams, COORDINATING with ministries. */
  | 'WAITING_ON_MINISTRIES';

/** Where an inquiry is in its life. */
export type InquiryStatus =
  /** A substantive answer was given. */
  | 'ANSWERED'
  /** Done: answered, or withdrawn (the history says why). */
  | 'CLOSED'
  /** Being coordinated with ministries before answering. */
  | 'COORDINATING'
  /** Being worked on. */
  | 'IN_PROGRESS'
  /** Came in; waiting its turn (first come, first served). */
  | 'RECEIVED';

/** What sort of organisation an institution is. */
export type InstitutionKind =
  /** A government agency. */
  | 'AGENCY'
  /** A company. */
  | 'COMPANY'
  /** A foreign government body: a ministry, an agency, a state commission. */
  | 'GOVERNMENT_BODY'
  /** A news or media organisation. */
  | 'MEDIA'
  /** A military body, or a defence research institute under one. */
  | 'MILITARY'
  /** A ministry of the Dutch central government. */
  | 'MINISTRY'
  /** A non-governmental organisation. */
  | 'NGO'
  /** A research institute outside a university (an academy of sciences, a laboratory). */
  | 'RESEARCH_INSTITUTE'
  /** An independent research and policy institute. */
  | 'THINK_TANK'
  /** A university or academic research institute. */
  | 'UNIVERSITY';

/** What a reason is about. */
export type MatchReasonKind =
  /** Contributions and answered inquiries concerning the country or region asked about. */
  | 'COUNTRY_EVIDENCE'
  /** Focus on the country or region asked about. */
  | 'COUNTRY_FOCUS'
  /** Contributions that show the knowledge. */
  | 'EVIDENCE'
  /** Earlier inquiries on the subject that the expert answered. */
  | 'INQUIRIES'
  /** The expert works at an institution with a confirmed screening flag (a list still holds it); no points. Staff only: others do not get it. */
  | 'SCREENING'
  /** Full-text match of the profile. */
  | 'TEXT'
  /** Declared expertise in the theme or a narrower one. */
  | 'THEME';

/** How whoKnows understood `about`. */
export type MatchedBy =
  /** `about` named no theme: profiles, contributions and answered inquiries were searched as text, and each expert found weighed by their standing in the theme those texts are about. */
  | 'FULL_TEXT'
  /** `about` named a theme (or themes); narrower themes were included. */
  | 'THEME'
  /** `about` named themes among other words: ranked as for the themes, the other words adding text evidence. */
  | 'THEME_AND_TEXT';

/** What a notification is about. */
export type NotificationKind =
  /** An inquiry was assigned to you. */
  | 'ASSIGNED'
  /** An inquiry of your team is due by the end of the next working day. */
  | 'DUE_TOMORROW'
  /** An expert consulted on an inquiry of your team answered. */
  | 'EXPERT_ANSWERED'
  /** An inquiry you filed was answered. */
  | 'FILED_INQUIRY_ANSWERED'
  /** A colleague handed an inquiry over to you. */
  | 'HANDED_OVER'
  /** A ministry coordinated with on an inquiry of your team answered. */
  | 'MINISTRY_ANSWERED'
  /** A new inquiry was routed to your team. */
  | 'NEW_INQUIRY'
  /** An inquiry of your team is past its due date. */
  | 'OVERDUE';

/** Where a level of expertise or country focus comes from. */
export type Provenance =
  /** Declared by the expert. */
  | 'DECLARED'
  /** Evidenced by contributions or answered inquiries. */
  | 'EVIDENCED'
  /** Verified by a network secretariat. */
  | 'VERIFIED';

/** The input of recordAskerMessage. */
export type RecordAskerMessageInput = {
  /** When (default now; not in the future). */
  at?: string | null | undefined;
  /** How the asker was told. */
  channel: AskerChannel;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
  /** What the asker was told, in short. */
  summary: string;
};

/** The input of recordConsultationOutcome. */
export type RecordConsultationOutcomeInput = {
  /** When (default now; not in the future). */
  answeredAt?: string | null | undefined;
  /** The consultation (its id, from Inquiry.consultations). */
  consultation: string;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
  /** What came of it: ANSWERED, DECLINED or REFERRED. */
  outcome: ConsultationOutcome;
  /** For REFERRED: the expert referred to. */
  referredTo?: string | null | undefined;
};

/** A new question. */
export type RecordInquiryInput = {
  /** The asking institution (global id or slug, e.g. "min-bz" or "tu-delft"). */
  askedBy: string;
  /** Their e-mail address. */
  contactEmail?: string | null | undefined;
  /** Whom to answer. */
  contactName?: string | null | undefined;
  /** Background. */
  context?: string | null | undefined;
  /** Countries (ISO codes or names; a region adds its countries). */
  countries?: Array<string> | null | undefined;
  /** An earlier inquiry this follows up. */
  followUpOf?: string | null | undefined;
  /** Expertise request (to CKN or REKA) or knowledge-security question (to the desk). */
  kind: InquiryKind;
  /** A note for the history. */
  note?: string | null | undefined;
  /** For knowledge-security questions: the foreign partner institution (id or slug). */
  partner?: string | null | undefined;
  /** The question, in Dutch or English. */
  question: string;
  /** When it came in, if earlier than now (by mail or phone). Default: now. */
  receivedAt?: string | null | undefined;
  /** For knowledge-security questions: what the worry is. */
  riskCategories?: Array<RiskCategory> | null | undefined;
  /** The network (slug, acronym or name: "ckn", "REKA"); knowledge-security questions go to the desk by default. */
  routedTo?: string | null | undefined;
  /** Themes (ids, names or aliases, English or Dutch). */
  themes?: Array<string> | null | undefined;
};

/** The input of recordMinistryAnswer. */
export type RecordMinistryAnswerInput = {
  /** When (default now; not in the future). */
  answeredAt?: string | null | undefined;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** The ministry (global id or slug) that answered. */
  ministry: string;
  /** What was done, or why. */
  note?: string | null | undefined;
  /** What the ministry said, in short. */
  outcome: string;
};

/** The input of recordMinistryCoordination. */
export type RecordMinistryCoordinationInput = {
  /** When it was asked (default now). */
  askedAt?: string | null | undefined;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** The ministry (global id or slug, e.g. "min-ezk"). */
  ministry: string;
  /** What was done, or why. */
  note?: string | null | undefined;
};

/** The input of releaseInquiry. */
export type ReleaseInquiryInput = {
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
};

/** The input of rerouteInquiry. */
export type RerouteInquiryInput = {
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
  /** Why it goes there (kept in its history). */
  reason: string;
  /** The team: "knowledge-security-desk", "ckn" or "reka" (id or global id). */
  to: string;
};

/** What a knowledge-security question is worried about. */
export type RiskCategory =
  /** Covert influence or interference. */
  | 'COVERT_INFLUENCE'
  /** Ethical concerns: partners in countries that do not respect fundamental rights. */
  | 'ETHICAL'
  /** Something else. */
  | 'OTHER'
  /** Sanctions (e.g. against Russia or Belarus). */
  | 'SANCTIONS'
  /** Unwanted transfer of knowledge or technology. */
  | 'UNWANTED_TRANSFER';

/** What a person decided about a list entry found for an institution. */
export type ScreeningMatchStatus =
  /** A person confirmed the entry is this institution: a flag. */
  | 'CONFIRMED'
  /** Found by name; nobody has decided yet. Not a flag. */
  | 'PROPOSED'
  /** A person decided the entry is another organisation; it is not proposed again. */
  | 'REJECTED';

/** The input of setExpectedAnswer. */
export type SetExpectedAnswerInput = {
  /** When the ministries are expected to answer; null clears it. */
  expectedAnswerAt?: string | null | undefined;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The inquiry (global id or slug). */
  id: string;
  /** What was done, or why. */
  note?: string | null | undefined;
};

/** The length of one bucket of a time series: calendar weeks (from Monday), months or quarters, in Europe/Amsterdam time. */
export type StatisticsInterval =
  /** Calendar months. */
  | 'MONTH'
  /** Calendar quarters (January, April, July, October). */
  | 'QUARTER'
  /** Calendar weeks, Monday 00:00 to Monday 00:00. */
  | 'WEEK';

/** A change to a FAQ article: omitted fields stay as they are, a list given replaces the whole list, null clears an optional field. */
export type UpdateFaqArticleInput = {
  /** The answer in English, without confidential details. */
  answerEn?: string | null | undefined;
  /** The answer in Dutch (het antwoord). */
  answerNl?: string | null | undefined;
  /** Countries it concerns (ISO codes or names; a region adds its countries). */
  countries?: Array<string> | null | undefined;
  /** The version you read: if it changed meanwhile, you get CONFLICT instead of overwriting. */
  expectedVersion: number;
  /** The FAQ article (global id or slug). */
  id: string;
  /** Free topic labels, in both languages. */
  labels?: Array<FaqLabelInput> | null | undefined;
  /** Why, for the history. */
  note?: string | null | undefined;
  /** The question in English, without personal details. */
  questionEn?: string | null | undefined;
  /** The question in Dutch (de vraag). */
  questionNl?: string | null | undefined;
  /** Review it by this day: after it, the article shows in the handlers’ queue as due for review. */
  reviewBy?: string | null | undefined;
  /** The risks it speaks of. */
  riskCategories?: Array<RiskCategory> | null | undefined;
  /** The answered inquiries it was drawn from (slugs or global ids): seen by handlers only. */
  sources?: Array<string> | null | undefined;
  /** Themes it is about (ids, names or aliases). */
  themes?: Array<string> | null | undefined;
};

/** Who may see an inquiry’s answer when it is found again. */
export type Visibility =
  /** Only those handling it. */
  | 'INTERNAL'
  /** Anyone who later asks a similar question may read the answer and see who gave it. */
  | 'SHAREABLE';

export type AddInquiryNoteMutationVariables = Exact<{
  input: AddInquiryNoteInput;
}>;


export type AddInquiryNoteMutation = { addInquiryNote: { slug: string, version: number, notes: Array<{ at: string, by: string | null, text: string }> | null } };

export type AskExpertMutationVariables = Exact<{
  input: AskExpertInput;
}>;


export type AskExpertMutation = { askExpert: { slug: string, version: number, consultations: Array<{ id: string, status: ConsultationStatus, channel: ConsultationChannel | null, askedAt: string | null, expert: { slug: string, name: string } | null }> } };

export type ClaimInquiryMutationVariables = Exact<{
  input: ClaimInquiryInput;
}>;


export type ClaimInquiryMutation = { claimInquiry: { slug: string, version: number, assignedAt: string | null, handler: { id: string, name: string } | null } };

export type CloseInquiryMutationVariables = Exact<{
  input: CloseInquiryInput;
}>;


export type CloseInquiryMutation = { closeInquiry: { slug: string, version: number, status: InquiryStatus, closedAt: string | null, closingReason: ClosingReason | null, duplicateOf: { slug: string } | null } };

export type CoverageCellQueryVariables = Exact<{
  theme: string;
  column: string;
  network?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  minExperts?: number | null | undefined;
}>;


export type CoverageCellQuery = { coverageCell: { demand: number, expertCount: number, gap: boolean, theme: { slug: string, name: string, nameNl: string }, column: { id: string, country: { name: string, nameNl: string } | null, region: { name: string, nameNl: string } | null }, expertsByLevel: Array<{ level: number, count: number }>, expertsByProvenance: Array<{ provenance: Provenance, count: number }>, experts: { totalCount: number, edges: Array<{ level: number | null, provenance: Provenance, focusCountries: Array<{ code: string, name: string, nameNl: string }>, contributionCountries: Array<{ code: string, name: string, nameNl: string }>, node: { slug: string, name: string } }> }, inquiries: { totalCount: number, edges: Array<{ node: { slug: string, question: string, status: InquiryStatus, receivedAt: string } }> } } };

export type CoverageQueryVariables = Exact<{
  themes?: Array<string> | string | null | undefined;
  countries?: Array<string> | string | null | undefined;
  network?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  minExperts?: number | null | undefined;
}>;


export type CoverageQuery = { coverage: { minExperts: number, columns: Array<{ id: string, kind: CoverageColumnKind, country: { code: string, name: string, nameNl: string } | null, region: { slug: string, name: string, nameNl: string, countries: Array<{ code: string }> } | null }>, rows: Array<{ hasNarrower: boolean, theme: { slug: string, name: string, nameNl: string }, narrower: Array<{ slug: string }>, cells: Array<{ demand: number, expertCount: number, gap: boolean }> }>, gaps: Array<{ demand: number, expertCount: number, theme: { slug: string, name: string, nameNl: string }, column: { id: string, country: { code: string, name: string, nameNl: string } | null } }> } };

export type DashboardQueryVariables = Exact<{
  network?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  interval?: StatisticsInterval;
}>;


export type DashboardQuery = { inquiryStatistics: { received: number, answered: number, answeredOnTime: number, answeredOnTimeShare: number | null, open: number, overdue: number, medianWorkingDaysToAnswer: number | null, waitedOnMinistriesShare: number | null, series: Array<{ start: string, end: string, current: boolean, received: number, answered: number, answeredOnTime: number, answeredOnTimeShare: number | null, overdueAtEnd: number, byStatus: Array<{ status: string, count: number }> }> }, networkStatistics: Array<{ activeExperts: number, consentingExperts: number, eventsHeld: number, inquiriesRouted: number, inquiriesAnswered: number, network: { slug: string, acronym: string } }>, mostAsked: { themes: Array<{ count: number, theme: { slug: string, name: string, nameNl: string } }>, countries: Array<{ count: number, country: { code: string, name: string, nameNl: string } }> } };

export type AssignInquiryMutationVariables = Exact<{
  input: AssignInquiryInput;
}>;


export type AssignInquiryMutation = { assignInquiry: { slug: string, version: number } };

export type ReleaseInquiryMutationVariables = Exact<{
  input: ReleaseInquiryInput;
}>;


export type ReleaseInquiryMutation = { releaseInquiry: { slug: string, version: number } };

export type EditInquiryMutationVariables = Exact<{
  input: EditInquiryInput;
}>;


export type EditInquiryMutation = { editInquiry: { slug: string, version: number } };

export type RecordConsultationOutcomeMutationVariables = Exact<{
  input: RecordConsultationOutcomeInput;
}>;


export type RecordConsultationOutcomeMutation = { recordConsultationOutcome: { slug: string, version: number } };

export type RecordMinistryCoordinationMutationVariables = Exact<{
  input: RecordMinistryCoordinationInput;
}>;


export type RecordMinistryCoordinationMutation = { recordMinistryCoordination: { slug: string, version: number } };

export type RecordMinistryAnswerMutationVariables = Exact<{
  input: RecordMinistryAnswerInput;
}>;


export type RecordMinistryAnswerMutation = { recordMinistryAnswer: { slug: string, version: number } };

export type SetExpectedAnswerMutationVariables = Exact<{
  input: SetExpectedAnswerInput;
}>;


export type SetExpectedAnswerMutation = { setExpectedAnswer: { slug: string, version: number } };

export type ChangeInquiryStatusMutationVariables = Exact<{
  input: ChangeInquiryStatusInput;
}>;


export type ChangeInquiryStatusMutation = { changeInquiryStatus: { slug: string, version: number } };

export type AnswerInquiryMutationVariables = Exact<{
  input: AnswerInquiryInput;
}>;


export type AnswerInquiryMutation = { answerInquiry: { slug: string, version: number } };

export type DeskFaqArticlesQueryVariables = Exact<{ [key: string]: never; }>;


export type DeskFaqArticlesQuery = { faqArticles: { articles: Array<{ slug: string, status: FaqStatus, version: number, question: string, questionEn: string, answerEn: string, questionNl: string, answerNl: string, riskCategories: Array<RiskCategory>, reviewBy: string, reviewDue: boolean, author: string, labels: Array<{ en: string, nl: string }>, themes: Array<{ slug: string }>, countries: Array<{ code: string }>, sources: Array<{ slug: string }>, findings: { findings: Array<{ field: string, found: string, kind: string }> } }> } };

export type DeskFaqItemFragment = { slug: string, status: FaqStatus, version: number, question: string, questionEn: string, answerEn: string, questionNl: string, answerNl: string, riskCategories: Array<RiskCategory>, reviewBy: string, reviewDue: boolean, author: string, labels: Array<{ en: string, nl: string }>, themes: Array<{ slug: string }>, countries: Array<{ code: string }>, sources: Array<{ slug: string }>, findings: { findings: Array<{ field: string, found: string, kind: string }> } };

export type CreateFaqArticleMutationVariables = Exact<{
  input: CreateFaqArticleInput;
}>;


export type CreateFaqArticleMutation = { createFaqArticle: { slug: string, version: number } };

export type UpdateFaqArticleMutationVariables = Exact<{
  input: UpdateFaqArticleInput;
}>;


export type UpdateFaqArticleMutation = { updateFaqArticle: { slug: string, version: number } };

export type SubmitFaqArticleMutationVariables = Exact<{
  input: FaqMoveInput;
}>;


export type SubmitFaqArticleMutation = { submitFaqArticle: { slug: string, status: FaqStatus } };

export type PublishFaqArticleMutationVariables = Exact<{
  input: FaqMoveInput;
}>;


export type PublishFaqArticleMutation = { publishFaqArticle: { slug: string, status: FaqStatus } };

export type SendBackFaqArticleMutationVariables = Exact<{
  input: FaqMoveInput;
}>;


export type SendBackFaqArticleMutation = { sendBackFaqArticle: { slug: string, status: FaqStatus } };

export type DeskQueueQueryVariables = Exact<{
  filter?: InquiryFilter | null | undefined;
  orderBy?: InquiryOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  dueWithin?: number | null | undefined;
}>;


export type DeskQueueQuery = { inquiryQueues: Array<{ queue: InquiryQueue, count: number }>, inquiries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, slug: string, question: string, kind: InquiryKind, status: InquiryStatus, receivedAt: string, dueAt: string, overdue: boolean, version: number, routedTo: { slug: string, acronym: string } | null, handler: { id: string, name: string } | null } }> } };

export type DeskInquiryQueryVariables = Exact<{
  slug: string;
}>;


export type DeskInquiryQuery = { inquiry: { id: string, slug: string, version: number, question: string, context: string | null, kind: InquiryKind, status: InquiryStatus, receivedAt: string, dueAt: string, overdue: boolean, answeredAt: string | null, answerSummary: string | null, visibility: Visibility, closedAt: string | null, closingReason: ClosingReason | null, expectedAnswerAt: string | null, lastAskerMessageAt: string | null, assignedAt: string | null, riskCategories: Array<RiskCategory>, duplicateOf: { slug: string } | null, handler: { id: string, name: string } | null, routedTo: { slug: string, acronym: string, name: string } | null, routedFrom: Array<{ slug: string, acronym: string }>, askedBy: { slug: string, name: string, nameNl: string } | null, partner: { slug: string, name: string } | null, contact: { name: string | null, email: string | null } | null, themes: Array<{ slug: string, name: string, nameNl: string }>, countries: Array<{ code: string, name: string, nameNl: string }>, history: Array<{ at: string, by: string | null, status: InquiryStatus, note: string | null, ministries: Array<{ slug: string, name: string, nameNl: string }> }>, notes: Array<{ at: string, by: string | null, text: string }> | null, askerMessages: Array<{ at: string, by: string | null, channel: AskerChannel, summary: string }> | null, edits: Array<{ at: string, by: string | null, fields: Array<string>, note: string | null }> | null, consultations: Array<{ id: string, status: ConsultationStatus, outcome: ConsultationOutcome | null, channel: ConsultationChannel | null, askedAt: string | null, answeredAt: string | null, at: string | null, by: string | null, note: string | null, expert: { slug: string, name: string } | null, referredTo: { slug: string, name: string } | null }>, ministryCoordinations: Array<{ askedAt: string | null, answeredAt: string | null, by: string | null, outcome: string | null, ministry: { slug: string, name: string, nameNl: string } }> | null, reroutes: Array<{ at: string, by: string, reason: string, from: { acronym: string }, to: { acronym: string } }> } | null, history: { edges: Array<{ node: { at: string, action: string, actorName: string, note: string | null, after: Record<string, unknown> | null } }> } };

export type DeskAsideQueryVariables = Exact<{
  slug: string;
  about: string;
  country?: string | null | undefined;
}>;


export type DeskAsideQuery = { inquiry: { similar: Array<{ score: number, sharedAnswer: string | null, inquiry: { slug: string, question: string, status: InquiryStatus, receivedAt: string } }> } | null, whoKnows: { edges: Array<{ node: { id: string, slug: string, name: string }, reasons: Array<{ text: string, kind: MatchReasonKind, points: number }> }> } };

export type DeskHandlersQueryVariables = Exact<{
  team: string;
}>;


export type DeskHandlersQuery = { handlers: Array<{ id: string, name: string }> };

export type RegisterHandlerMutationVariables = Exact<{ [key: string]: never; }>;


export type RegisterHandlerMutation = { registerHandler: { id: string, teams: Array<string> } };

export type DeskInquiryReadQueryVariables = Exact<{
  slug: string;
}>;


export type DeskInquiryReadQuery = { inquiry: { id: string, slug: string, version: number, question: string, kind: InquiryKind, status: InquiryStatus, receivedAt: string, dueAt: string, overdue: boolean, answeredAt: string | null, closedAt: string | null, closingReason: ClosingReason | null, assignedAt: string | null, riskCategories: Array<RiskCategory>, handler: { id: string, name: string } | null, routedTo: { slug: string, acronym: string, name: string } | null, routedFrom: Array<{ slug: string, acronym: string }>, themes: Array<{ slug: string, name: string, nameNl: string }>, countries: Array<{ code: string, name: string, nameNl: string }>, reroutes: Array<{ at: string, by: string, reason: string, from: { acronym: string }, to: { acronym: string } }> } | null };

export type ExpertProfileQueryVariables = Exact<{
  slug: string;
  contacts?: boolean | null | undefined;
}>;


export type ExpertProfileQuery = { expert: { id: string, slug: string, name: string, academicTitle: string | null, headline: string | null, headlineNl: string | null, bio: string | null, bioNl: string | null, languages: Array<string>, contactConsent: boolean, email?: string | null, phone?: string | null, retired: boolean, retiredAt: string | null, expertise: Array<{ level: number, provenance: Provenance, provenanceText: string, theme: { slug: string, name: string, nameNl: string } }>, countryFocus: Array<{ level: number, provenance: Provenance, provenanceText: string, country: { code: string, name: string, nameNl: string } }>, affiliations: Array<{ role: string | null, current: boolean, since: string | null, until: string | null, institution: { slug: string, name: string, nameNl: string } }>, networks: Array<{ slug: string, acronym: string, name: string, nameNl: string }>, contributions: Array<{ slug: string, kind: ContributionKind, title: string, date: string, url: string | null, summary: string | null }>, events: Array<{ slug: string, kind: EventKind, title: string, startsAt: string, location: string | null, online: boolean, network: { acronym: string } | null }> } | null };

export type ExpertAnswersQueryVariables = Exact<{
  expert: string;
}>;


export type ExpertAnswersQuery = { inquiries: { totalCount: number, edges: Array<{ node: { slug: string, question: string, answeredAt: string | null, answerSummary: string | null } }> } };

export type FaqArticleQueryVariables = Exact<{
  slug: string;
}>;


export type FaqArticleQuery = { faqArticle: { slug: string, status: FaqStatus, question: string, answer: string, publishedAt: string | null, labels: Array<{ en: string, nl: string }>, themes: Array<{ name: string, nameNl: string }>, countries: Array<{ code: string, name: string, nameNl: string }> } | null };

export type FaqDemandQueryVariables = Exact<{
  network?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type FaqDemandQuery = { faqDemand: { articles: Array<{ reads: number, article: { slug: string, question: string } }>, themesWithoutArticle: Array<{ count: number, theme: { name: string, nameNl: string } }>, countriesWithoutArticle: Array<{ count: number, country: { name: string, nameNl: string } }> } };

export type FaqArticlesQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type FaqArticlesQuery = { faqArticles: { topics: Array<{ topic: string, articles: Array<{ slug: string, question: string }> }>, recognised: Array<{ text: string, name: string }> } };

export type HandOverInquiryMutationVariables = Exact<{
  input: HandOverInquiryInput;
}>;


export type HandOverInquiryMutation = { handOverInquiry: { slug: string, version: number, handler: { id: string, name: string } | null } };

export type UnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadCountQuery = { unreadNotificationCount: number };

export type MyNotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type MyNotificationsQuery = { myNotifications: { totalCount: number, edges: Array<{ node: { id: string, kind: NotificationKind, text: string, textNl: string, inquirySlug: string, question: string, actorName: string | null, createdAt: string, read: boolean } }> } };

export type MarkNotificationReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNotificationReadMutation = { markNotificationRead: { id: string, read: boolean } };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead: number };

export type InquiryStatusQueryVariables = Exact<{
  id: string | number;
  slug: string;
}>;


export type InquiryStatusQuery = { node:
    | { slug: string, question: string, status: InquiryStatus, receivedAt: string, dueAt: string, overdue: boolean, answeredAt: string | null, answeredOnTime: boolean | null, workingDaysTaken: number | null, routedTo: { acronym: string } | null, history: Array<{ at: string, status: InquiryStatus, by: string | null, note: string | null }> }
    | Record<PropertyKey, never>
   | null, history: { edges: Array<{ node: { at: string, action: string, actorName: string } }> } };

export type InstitutionsQueryVariables = Exact<{
  search: string;
  first?: number | null | undefined;
}>;


export type InstitutionsQuery = { institutions: { edges: Array<{ node: { slug: string, name: string, nameNl: string } }> } };

export type MatchingFaqArticlesQueryVariables = Exact<{
  search: string;
}>;


export type MatchingFaqArticlesQuery = { faqArticles: { articles: Array<{ slug: string, question: string }> } };

export type MyInquiriesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type MyInquiriesQuery = { inquiries: { totalCount: number, edges: Array<{ node: { slug: string, question: string, status: InquiryStatus, receivedAt: string, dueAt: string, overdue: boolean, routedTo: { acronym: string } | null } }> } };

export type NetworksQueryVariables = Exact<{ [key: string]: never; }>;


export type NetworksQuery = { networks: { edges: Array<{ node: { slug: string, acronym: string, name: string, nameNl: string } }> } };

export type PartnerFileFieldsFragment = { id: string, slug: string, name: string, nameNl: string, originalName: string | null, transliterations: Array<string>, kind: InstitutionKind, country: { code: string, name: string, nameNl: string } | null, screening: Array<{ entryId: string, status: ScreeningMatchStatus, list: string, programme: string | null, listedSince: string | null, delistedOn: string | null, sourceVersion: string, sourceDate: string, decidedBy: string | null }>, partnerFile: { inquiries: Array<{ slug: string, status: InquiryStatus, question: string, receivedAt: string, answeredAt: string | null, answerSummary: string | null, handler: { name: string } | null }>, riskCategories: Array<{ category: RiskCategory, count: number }> } };

export type PartnerFileQueryVariables = Exact<{
  slug: string;
}>;


export type PartnerFileQuery = { institution: { id: string, slug: string, name: string, nameNl: string, originalName: string | null, transliterations: Array<string>, kind: InstitutionKind, country: { code: string, name: string, nameNl: string } | null, screening: Array<{ entryId: string, status: ScreeningMatchStatus, list: string, programme: string | null, listedSince: string | null, delistedOn: string | null, sourceVersion: string, sourceDate: string, decidedBy: string | null }>, partnerFile: { inquiries: Array<{ slug: string, status: InquiryStatus, question: string, receivedAt: string, answeredAt: string | null, answerSummary: string | null, handler: { name: string } | null }>, riskCategories: Array<{ category: RiskCategory, count: number }> } } | null };

export type DeskPartnerFileQueryVariables = Exact<{
  slug: string;
}>;


export type DeskPartnerFileQuery = { inquiry: { partner: { id: string, slug: string, name: string, nameNl: string, originalName: string | null, transliterations: Array<string>, kind: InstitutionKind, country: { code: string, name: string, nameNl: string } | null, screening: Array<{ entryId: string, status: ScreeningMatchStatus, list: string, programme: string | null, listedSince: string | null, delistedOn: string | null, sourceVersion: string, sourceDate: string, decidedBy: string | null }>, partnerFile: { inquiries: Array<{ slug: string, status: InquiryStatus, question: string, receivedAt: string, answeredAt: string | null, answerSummary: string | null, handler: { name: string } | null }>, riskCategories: Array<{ category: RiskCategory, count: number }> } } | null, inferredPartner: { id: string, slug: string, name: string, nameNl: string, originalName: string | null, transliterations: Array<string>, kind: InstitutionKind, country: { code: string, name: string, nameNl: string } | null, screening: Array<{ entryId: string, status: ScreeningMatchStatus, list: string, programme: string | null, listedSince: string | null, delistedOn: string | null, sourceVersion: string, sourceDate: string, decidedBy: string | null }>, partnerFile: { inquiries: Array<{ slug: string, status: InquiryStatus, question: string, receivedAt: string, answeredAt: string | null, answerSummary: string | null, handler: { name: string } | null }>, riskCategories: Array<{ category: RiskCategory, count: number }> } } | null, alsoOpen: Array<{ slug: string, receivedAt: string, handler: { name: string } | null }> } | null };

export type RecordAskerMessageMutationVariables = Exact<{
  input: RecordAskerMessageInput;
}>;


export type RecordAskerMessageMutation = { recordAskerMessage: { slug: string, version: number, lastAskerMessageAt: string | null, askerMessages: Array<{ at: string, by: string | null, channel: AskerChannel, summary: string }> | null } };

export type RecordFaqReadMutationVariables = Exact<{
  slug: string;
}>;


export type RecordFaqReadMutation = { recordFaqRead: boolean };

export type RecordInquiryMutationVariables = Exact<{
  input: RecordInquiryInput;
}>;


export type RecordInquiryMutation = { recordInquiry: { inquiry: { id: string, slug: string, status: InquiryStatus, question: string, receivedAt: string, dueAt: string, routedTo: { acronym: string } | null }, suggestedExperts: { totalCount: number, edges: Array<{ node: { slug: string, name: string } }> }, similarInquiries: Array<{ score: number, inquiry: { slug: string, question: string } }> } };

export type RerouteInquiryMutationVariables = Exact<{
  input: RerouteInquiryInput;
}>;


export type RerouteInquiryMutation = { rerouteInquiry: { slug: string, version: number, kind: InquiryKind, routedTo: { slug: string, acronym: string } | null, reroutes: Array<{ at: string, by: string, reason: string, from: { acronym: string }, to: { acronym: string } }> } };

export type SimilarInquiriesQueryVariables = Exact<{
  question: string;
  about?: string | null | undefined;
  country?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type SimilarInquiriesQuery = { similarInquiries: Array<{ score: number, sharedAnswer: string | null, reasons: Array<{ text: string }>, answeredBy: Array<{ slug: string, name: string }>, inquiry: { slug: string, question: string, status: InquiryStatus, receivedAt: string, answeredAt: string | null, themes: Array<{ name: string, nameNl: string }>, countries: Array<{ code: string, name: string, nameNl: string }> } }> };

export type UpdateExpertiseMutationVariables = Exact<{
  id: string;
  expectedVersion: number;
  expertise: Array<ExpertiseInput> | ExpertiseInput;
  note?: string | null | undefined;
}>;


export type UpdateExpertiseMutation = { updateExpert: { slug: string, version: number, expertise: Array<{ level: number, provenance: Provenance, theme: { name: string } }> } };

export type WhoKnowsQueryVariables = Exact<{
  about: string;
  country?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  contacts?: boolean | null | undefined;
}>;


export type WhoKnowsQuery = { whoKnows: { totalCount: number, matchedBy: MatchedBy, theme: { slug: string, name: string, nameNl: string } | null, region: { slug: string, name: string, nameNl: string } | null, countries: Array<{ code: string, name: string, nameNl: string }>, edges: Array<{ score: number, reasons: Array<{ kind: MatchReasonKind, text: string, points: number }>, node: { id: string, slug: string, name: string, headline: string | null, headlineNl: string | null, contactConsent: boolean, email?: string | null, phone?: string | null, affiliations: Array<{ role: string | null, current: boolean, institution: { name: string, nameNl: string } }>, networks: Array<{ acronym: string }> } }>, partners: Array<{ slug: string, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DeskFaqItemFragmentDoc = new TypedDocumentString(`
    fragment DeskFaqItem on FaqArticle {
  slug
  status
  version
  question
  questionEn
  answerEn
  questionNl
  answerNl
  labels {
    en
    nl
  }
  themes {
    slug
  }
  countries {
    code
  }
  riskCategories
  reviewBy
  reviewDue
  author
  sources {
    slug
  }
  findings: preview {
    findings {
      field
      found
      kind
    }
  }
}
    `, {"fragmentName":"DeskFaqItem"}) as unknown as TypedDocumentString<DeskFaqItemFragment, unknown>;
export const PartnerFileFieldsFragmentDoc = new TypedDocumentString(`
    fragment PartnerFileFields on Institution {
  id
  slug
  name
  nameNl
  originalName
  transliterations
  kind
  country {
    code
    name
    nameNl
  }
  screening {
    entryId
    status
    list
    programme
    listedSince
    delistedOn
    sourceVersion
    sourceDate
    decidedBy
  }
  partnerFile {
    inquiries {
      slug
      status
      question
      receivedAt
      answeredAt
      answerSummary
      handler {
        name
      }
    }
    riskCategories {
      category
      count
    }
  }
}
    `, {"fragmentName":"PartnerFileFields"}) as unknown as TypedDocumentString<PartnerFileFieldsFragment, unknown>;
export const AddInquiryNoteDocument = new TypedDocumentString(`
    mutation AddInquiryNote($input: AddInquiryNoteInput!) {
  addInquiryNote(input: $input) {
    slug
    version
    notes {
      at
      by
      text
    }
  }
}
    `) as unknown as TypedDocumentString<AddInquiryNoteMutation, AddInquiryNoteMutationVariables>;
export const AskExpertDocument = new TypedDocumentString(`
    mutation AskExpert($input: AskExpertInput!) {
  askExpert(input: $input) {
    slug
    version
    consultations {
      id
      status
      channel
      askedAt
      expert {
        slug
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AskExpertMutation, AskExpertMutationVariables>;
export const ClaimInquiryDocument = new TypedDocumentString(`
    mutation ClaimInquiry($input: ClaimInquiryInput!) {
  claimInquiry(input: $input) {
    slug
    version
    handler {
      id
      name
    }
    assignedAt
  }
}
    `) as unknown as TypedDocumentString<ClaimInquiryMutation, ClaimInquiryMutationVariables>;
export const CloseInquiryDocument = new TypedDocumentString(`
    mutation CloseInquiry($input: CloseInquiryInput!) {
  closeInquiry(input: $input) {
    slug
    version
    status
    closedAt
    closingReason
    duplicateOf {
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<CloseInquiryMutation, CloseInquiryMutationVariables>;
export const CoverageCellDocument = new TypedDocumentString(`
    query CoverageCell($theme: String!, $column: String!, $network: String, $from: DateTime, $to: DateTime, $minExperts: Int = 2) {
  coverageCell(
    theme: $theme
    country: $column
    network: $network
    from: $from
    to: $to
    minExperts: $minExperts
  ) {
    theme {
      slug
      name
      nameNl
    }
    column {
      id
      country {
        name
        nameNl
      }
      region {
        name
        nameNl
      }
    }
    demand
    expertCount
    gap
    expertsByLevel {
      level
      count
    }
    expertsByProvenance {
      provenance
      count
    }
    experts(first: 10) {
      totalCount
      edges {
        level
        provenance
        focusCountries {
          code
          name
          nameNl
        }
        contributionCountries {
          code
          name
          nameNl
        }
        node {
          slug
          name
        }
      }
    }
    inquiries(first: 10) {
      totalCount
      edges {
        node {
          slug
          question
          status
          receivedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageCellQuery, CoverageCellQueryVariables>;
export const CoverageDocument = new TypedDocumentString(`
    query Coverage($themes: [String!], $countries: [String!], $network: String, $from: DateTime, $to: DateTime, $minExperts: Int = 2) {
  coverage(
    themes: $themes
    countries: $countries
    network: $network
    from: $from
    to: $to
    minExperts: $minExperts
  ) {
    minExperts
    columns {
      id
      kind
      country {
        code
        name
        nameNl
      }
      region {
        slug
        name
        nameNl
        countries {
          code
        }
      }
    }
    rows {
      theme {
        slug
        name
        nameNl
      }
      hasNarrower
      narrower {
        slug
      }
      cells {
        demand
        expertCount
        gap
      }
    }
    gaps {
      theme {
        slug
        name
        nameNl
      }
      column {
        id
        country {
          code
          name
          nameNl
        }
      }
      demand
      expertCount
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageQuery, CoverageQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($network: String, $from: DateTime, $to: DateTime, $interval: StatisticsInterval! = MONTH) {
  inquiryStatistics(network: $network, from: $from, to: $to) {
    received
    answered
    answeredOnTime
    answeredOnTimeShare
    open
    overdue
    medianWorkingDaysToAnswer
    waitedOnMinistriesShare
    series(interval: $interval) {
      start
      end
      current
      received
      answered
      answeredOnTime
      answeredOnTimeShare
      overdueAtEnd
      byStatus {
        status
        count
      }
    }
  }
  networkStatistics(network: $network, from: $from, to: $to) {
    network {
      slug
      acronym
    }
    activeExperts
    consentingExperts
    eventsHeld
    inquiriesRouted
    inquiriesAnswered
  }
  mostAsked(network: $network, from: $from, to: $to, first: 10) {
    themes {
      count
      theme {
        slug
        name
        nameNl
      }
    }
    countries {
      count
      country {
        code
        name
        nameNl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const AssignInquiryDocument = new TypedDocumentString(`
    mutation AssignInquiry($input: AssignInquiryInput!) {
  assignInquiry(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<AssignInquiryMutation, AssignInquiryMutationVariables>;
export const ReleaseInquiryDocument = new TypedDocumentString(`
    mutation ReleaseInquiry($input: ReleaseInquiryInput!) {
  releaseInquiry(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<ReleaseInquiryMutation, ReleaseInquiryMutationVariables>;
export const EditInquiryDocument = new TypedDocumentString(`
    mutation EditInquiry($input: EditInquiryInput!) {
  editInquiry(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<EditInquiryMutation, EditInquiryMutationVariables>;
export const RecordConsultationOutcomeDocument = new TypedDocumentString(`
    mutation RecordConsultationOutcome($input: RecordConsultationOutcomeInput!) {
  recordConsultationOutcome(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<RecordConsultationOutcomeMutation, RecordConsultationOutcomeMutationVariables>;
export const RecordMinistryCoordinationDocument = new TypedDocumentString(`
    mutation RecordMinistryCoordination($input: RecordMinistryCoordinationInput!) {
  recordMinistryCoordination(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<RecordMinistryCoordinationMutation, RecordMinistryCoordinationMutationVariables>;
export const RecordMinistryAnswerDocument = new TypedDocumentString(`
    mutation RecordMinistryAnswer($input: RecordMinistryAnswerInput!) {
  recordMinistryAnswer(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<RecordMinistryAnswerMutation, RecordMinistryAnswerMutationVariables>;
export const SetExpectedAnswerDocument = new TypedDocumentString(`
    mutation SetExpectedAnswer($input: SetExpectedAnswerInput!) {
  setExpectedAnswer(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<SetExpectedAnswerMutation, SetExpectedAnswerMutationVariables>;
export const ChangeInquiryStatusDocument = new TypedDocumentString(`
    mutation ChangeInquiryStatus($input: ChangeInquiryStatusInput!) {
  changeInquiryStatus(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<ChangeInquiryStatusMutation, ChangeInquiryStatusMutationVariables>;
export const AnswerInquiryDocument = new TypedDocumentString(`
    mutation AnswerInquiry($input: AnswerInquiryInput!) {
  answerInquiry(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<AnswerInquiryMutation, AnswerInquiryMutationVariables>;
export const DeskFaqArticlesDocument = new TypedDocumentString(`
    query DeskFaqArticles {
  faqArticles(statuses: [DRAFT, IN_REVIEW, PUBLISHED]) {
    articles {
      ...DeskFaqItem
    }
  }
}
    fragment DeskFaqItem on FaqArticle {
  slug
  status
  version
  question
  questionEn
  answerEn
  questionNl
  answerNl
  labels {
    en
    nl
  }
  themes {
    slug
  }
  countries {
    code
  }
  riskCategories
  reviewBy
  reviewDue
  author
  sources {
    slug
  }
  findings: preview {
    findings {
      field
      found
      kind
    }
  }
}`) as unknown as TypedDocumentString<DeskFaqArticlesQuery, DeskFaqArticlesQueryVariables>;
export const CreateFaqArticleDocument = new TypedDocumentString(`
    mutation CreateFaqArticle($input: CreateFaqArticleInput!) {
  createFaqArticle(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<CreateFaqArticleMutation, CreateFaqArticleMutationVariables>;
export const UpdateFaqArticleDocument = new TypedDocumentString(`
    mutation UpdateFaqArticle($input: UpdateFaqArticleInput!) {
  updateFaqArticle(input: $input) {
    slug
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateFaqArticleMutation, UpdateFaqArticleMutationVariables>;
export const SubmitFaqArticleDocument = new TypedDocumentString(`
    mutation SubmitFaqArticle($input: FaqMoveInput!) {
  submitFaqArticle(input: $input) {
    slug
    status
  }
}
    `) as unknown as TypedDocumentString<SubmitFaqArticleMutation, SubmitFaqArticleMutationVariables>;
export const PublishFaqArticleDocument = new TypedDocumentString(`
    mutation PublishFaqArticle($input: FaqMoveInput!) {
  publishFaqArticle(input: $input) {
    slug
    status
  }
}
    `) as unknown as TypedDocumentString<PublishFaqArticleMutation, PublishFaqArticleMutationVariables>;
export const SendBackFaqArticleDocument = new TypedDocumentString(`
    mutation SendBackFaqArticle($input: FaqMoveInput!) {
  sendBackFaqArticle(input: $input) {
    slug
    status
  }
}
    `) as unknown as TypedDocumentString<SendBackFaqArticleMutation, SendBackFaqArticleMutationVariables>;
export const DeskQueueDocument = new TypedDocumentString(`
    query DeskQueue($filter: InquiryFilter, $orderBy: InquiryOrder, $first: Int, $after: String, $dueWithin: Int) {
  inquiryQueues(dueWithinWorkingDays: $dueWithin) {
    queue
    count
  }
  inquiries(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        slug
        question
        kind
        status
        receivedAt
        dueAt
        overdue
        version
        routedTo {
          slug
          acronym
        }
        handler {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskQueueQuery, DeskQueueQueryVariables>;
export const DeskInquiryDocument = new TypedDocumentString(`
    query DeskInquiry($slug: String!) {
  inquiry(slug: $slug) {
    id
    slug
    version
    question
    context
    kind
    status
    receivedAt
    dueAt
    overdue
    answeredAt
    answerSummary
    visibility
    closedAt
    closingReason
    duplicateOf {
      slug
    }
    expectedAnswerAt
    lastAskerMessageAt
    assignedAt
    handler {
      id
      name
    }
    routedTo {
      slug
      acronym
      name
    }
    routedFrom {
      slug
      acronym
    }
    askedBy {
      slug
      name
      nameNl
    }
    partner {
      slug
      name
    }
    contact {
      name
      email
    }
    themes {
      slug
      name
      nameNl
    }
    countries {
      code
      name
      nameNl
    }
    riskCategories
    history {
      at
      by
      status
      note
      ministries {
        slug
        name
        nameNl
      }
    }
    notes {
      at
      by
      text
    }
    askerMessages {
      at
      by
      channel
      summary
    }
    edits {
      at
      by
      fields
      note
    }
    consultations {
      id
      status
      outcome
      channel
      askedAt
      answeredAt
      at
      by
      note
      expert {
        slug
        name
      }
      referredTo {
        slug
        name
      }
    }
    ministryCoordinations {
      askedAt
      answeredAt
      by
      outcome
      ministry {
        slug
        name
        nameNl
      }
    }
    reroutes {
      at
      by
      reason
      from {
        acronym
      }
      to {
        acronym
      }
    }
  }
  history(id: $slug, first: 100) {
    edges {
      node {
        at
        action
        actorName
        note
        after
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskInquiryQuery, DeskInquiryQueryVariables>;
export const DeskAsideDocument = new TypedDocumentString(`
    query DeskAside($slug: String!, $about: String!, $country: String) {
  inquiry(slug: $slug) {
    similar(first: 5) {
      score
      sharedAnswer
      inquiry {
        slug
        question
        status
        receivedAt
      }
    }
  }
  whoKnows(about: $about, country: $country, first: 5) {
    edges {
      node {
        id
        slug
        name
      }
      reasons {
        text
        kind
        points
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskAsideQuery, DeskAsideQueryVariables>;
export const DeskHandlersDocument = new TypedDocumentString(`
    query DeskHandlers($team: String!) {
  handlers(team: $team) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<DeskHandlersQuery, DeskHandlersQueryVariables>;
export const RegisterHandlerDocument = new TypedDocumentString(`
    mutation RegisterHandler {
  registerHandler {
    id
    teams
  }
}
    `) as unknown as TypedDocumentString<RegisterHandlerMutation, RegisterHandlerMutationVariables>;
export const DeskInquiryReadDocument = new TypedDocumentString(`
    query DeskInquiryRead($slug: String!) {
  inquiry(slug: $slug) {
    id
    slug
    version
    question
    kind
    status
    receivedAt
    dueAt
    overdue
    answeredAt
    closedAt
    closingReason
    assignedAt
    handler {
      id
      name
    }
    routedTo {
      slug
      acronym
      name
    }
    routedFrom {
      slug
      acronym
    }
    themes {
      slug
      name
      nameNl
    }
    countries {
      code
      name
      nameNl
    }
    riskCategories
    reroutes {
      at
      by
      reason
      from {
        acronym
      }
      to {
        acronym
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeskInquiryReadQuery, DeskInquiryReadQueryVariables>;
export const ExpertProfileDocument = new TypedDocumentString(`
    query ExpertProfile($slug: String!, $contacts: Boolean = false) {
  expert(slug: $slug) {
    id
    slug
    name
    academicTitle
    headline
    headlineNl
    bio
    bioNl
    languages
    contactConsent
    email @include(if: $contacts)
    phone @include(if: $contacts)
    retired
    retiredAt
    expertise {
      level
      provenance
      provenanceText
      theme {
        slug
        name
        nameNl
      }
    }
    countryFocus {
      level
      provenance
      provenanceText
      country {
        code
        name
        nameNl
      }
    }
    affiliations {
      role
      current
      since
      until
      institution {
        slug
        name
        nameNl
      }
    }
    networks {
      slug
      acronym
      name
      nameNl
    }
    contributions(first: 20) {
      slug
      kind
      title
      date
      url
      summary
    }
    events(first: 20) {
      slug
      kind
      title
      startsAt
      location
      online
      network {
        acronym
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExpertProfileQuery, ExpertProfileQueryVariables>;
export const ExpertAnswersDocument = new TypedDocumentString(`
    query ExpertAnswers($expert: String!) {
  inquiries(filter: {answeredBy: $expert}, first: 20) {
    totalCount
    edges {
      node {
        slug
        question
        answeredAt
        answerSummary
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExpertAnswersQuery, ExpertAnswersQueryVariables>;
export const FaqArticleDocument = new TypedDocumentString(`
    query FaqArticle($slug: String!) {
  faqArticle(slug: $slug) {
    slug
    status
    question
    answer
    labels {
      en
      nl
    }
    themes {
      name
      nameNl
    }
    countries {
      code
      name
      nameNl
    }
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<FaqArticleQuery, FaqArticleQueryVariables>;
export const FaqDemandDocument = new TypedDocumentString(`
    query FaqDemand($network: String, $from: DateTime, $to: DateTime) {
  faqDemand(network: $network, from: $from, to: $to) {
    articles {
      reads
      article {
        slug
        question
      }
    }
    themesWithoutArticle {
      count
      theme {
        name
        nameNl
      }
    }
    countriesWithoutArticle {
      count
      country {
        name
        nameNl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FaqDemandQuery, FaqDemandQueryVariables>;
export const FaqArticlesDocument = new TypedDocumentString(`
    query FaqArticles($search: String) {
  faqArticles(search: $search) {
    topics {
      topic
      articles {
        slug
        question
      }
    }
    recognised {
      text
      name
    }
  }
}
    `) as unknown as TypedDocumentString<FaqArticlesQuery, FaqArticlesQueryVariables>;
export const HandOverInquiryDocument = new TypedDocumentString(`
    mutation HandOverInquiry($input: HandOverInquiryInput!) {
  handOverInquiry(input: $input) {
    slug
    version
    handler {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<HandOverInquiryMutation, HandOverInquiryMutationVariables>;
export const UnreadCountDocument = new TypedDocumentString(`
    query UnreadCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadCountQuery, UnreadCountQueryVariables>;
export const MyNotificationsDocument = new TypedDocumentString(`
    query MyNotifications($first: Int) {
  myNotifications(first: $first) {
    totalCount
    edges {
      node {
        id
        kind
        text
        textNl
        inquirySlug
        question
        actorName
        createdAt
        read
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyNotificationsQuery, MyNotificationsQueryVariables>;
export const MarkNotificationReadDocument = new TypedDocumentString(`
    mutation MarkNotificationRead($id: ID!) {
  markNotificationRead(id: $id) {
    id
    read
  }
}
    `) as unknown as TypedDocumentString<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MarkAllNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkAllNotificationsRead {
  markAllNotificationsRead
}
    `) as unknown as TypedDocumentString<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const InquiryStatusDocument = new TypedDocumentString(`
    query InquiryStatus($id: ID!, $slug: String!) {
  node(id: $id) {
    ... on Inquiry {
      slug
      question
      status
      receivedAt
      dueAt
      overdue
      answeredAt
      answeredOnTime
      workingDaysTaken
      routedTo {
        acronym
      }
      history {
        at
        status
        by
        note
      }
    }
  }
  history(id: $slug, first: 20) {
    edges {
      node {
        at
        action
        actorName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InquiryStatusQuery, InquiryStatusQueryVariables>;
export const InstitutionsDocument = new TypedDocumentString(`
    query Institutions($search: String!, $first: Int = 20) {
  institutions(search: $search, first: $first) {
    edges {
      node {
        slug
        name
        nameNl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InstitutionsQuery, InstitutionsQueryVariables>;
export const MatchingFaqArticlesDocument = new TypedDocumentString(`
    query MatchingFaqArticles($search: String!) {
  faqArticles(search: $search, limit: 3) {
    articles {
      slug
      question
    }
  }
}
    `) as unknown as TypedDocumentString<MatchingFaqArticlesQuery, MatchingFaqArticlesQueryVariables>;
export const MyInquiriesDocument = new TypedDocumentString(`
    query MyInquiries($first: Int) {
  inquiries(filter: {filedByMe: true}, orderBy: RECEIVED, first: $first) {
    totalCount
    edges {
      node {
        slug
        question
        status
        receivedAt
        dueAt
        overdue
        routedTo {
          acronym
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyInquiriesQuery, MyInquiriesQueryVariables>;
export const NetworksDocument = new TypedDocumentString(`
    query Networks {
  networks(first: 20) {
    edges {
      node {
        slug
        acronym
        name
        nameNl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NetworksQuery, NetworksQueryVariables>;
export const PartnerFileDocument = new TypedDocumentString(`
    query PartnerFile($slug: String!) {
  institution(slug: $slug) {
    ...PartnerFileFields
  }
}
    fragment PartnerFileFields on Institution {
  id
  slug
  name
  nameNl
  originalName
  transliterations
  kind
  country {
    code
    name
    nameNl
  }
  screening {
    entryId
    status
    list
    programme
    listedSince
    delistedOn
    sourceVersion
    sourceDate
    decidedBy
  }
  partnerFile {
    inquiries {
      slug
      status
      question
      receivedAt
      answeredAt
      answerSummary
      handler {
        name
      }
    }
    riskCategories {
      category
      count
    }
  }
}`) as unknown as TypedDocumentString<PartnerFileQuery, PartnerFileQueryVariables>;
export const DeskPartnerFileDocument = new TypedDocumentString(`
    query DeskPartnerFile($slug: String!) {
  inquiry(slug: $slug) {
    partner {
      ...PartnerFileFields
    }
    inferredPartner {
      ...PartnerFileFields
    }
    alsoOpen {
      slug
      receivedAt
      handler {
        name
      }
    }
  }
}
    fragment PartnerFileFields on Institution {
  id
  slug
  name
  nameNl
  originalName
  transliterations
  kind
  country {
    code
    name
    nameNl
  }
  screening {
    entryId
    status
    list
    programme
    listedSince
    delistedOn
    sourceVersion
    sourceDate
    decidedBy
  }
  partnerFile {
    inquiries {
      slug
      status
      question
      receivedAt
      answeredAt
      answerSummary
      handler {
        name
      }
    }
    riskCategories {
      category
      count
    }
  }
}`) as unknown as TypedDocumentString<DeskPartnerFileQuery, DeskPartnerFileQueryVariables>;
export const RecordAskerMessageDocument = new TypedDocumentString(`
    mutation RecordAskerMessage($input: RecordAskerMessageInput!) {
  recordAskerMessage(input: $input) {
    slug
    version
    lastAskerMessageAt
    askerMessages {
      at
      by
      channel
      summary
    }
  }
}
    `) as unknown as TypedDocumentString<RecordAskerMessageMutation, RecordAskerMessageMutationVariables>;
export const RecordFaqReadDocument = new TypedDocumentString(`
    mutation RecordFaqRead($slug: String!) {
  recordFaqRead(slug: $slug)
}
    `) as unknown as TypedDocumentString<RecordFaqReadMutation, RecordFaqReadMutationVariables>;
export const RecordInquiryDocument = new TypedDocumentString(`
    mutation RecordInquiry($input: RecordInquiryInput!) {
  recordInquiry(input: $input) {
    inquiry {
      id
      slug
      status
      question
      receivedAt
      dueAt
      routedTo {
        acronym
      }
    }
    suggestedExperts {
      totalCount
      edges {
        node {
          slug
          name
        }
      }
    }
    similarInquiries {
      score
      inquiry {
        slug
        question
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RecordInquiryMutation, RecordInquiryMutationVariables>;
export const RerouteInquiryDocument = new TypedDocumentString(`
    mutation RerouteInquiry($input: RerouteInquiryInput!) {
  rerouteInquiry(input: $input) {
    slug
    version
    kind
    routedTo {
      slug
      acronym
    }
    reroutes {
      at
      by
      reason
      from {
        acronym
      }
      to {
        acronym
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RerouteInquiryMutation, RerouteInquiryMutationVariables>;
export const SimilarInquiriesDocument = new TypedDocumentString(`
    query SimilarInquiries($question: String!, $about: String, $country: String, $first: Int = 5) {
  similarInquiries(
    question: $question
    about: $about
    country: $country
    first: $first
  ) {
    score
    reasons {
      text
    }
    sharedAnswer
    answeredBy {
      slug
      name
    }
    inquiry {
      slug
      question
      status
      receivedAt
      answeredAt
      themes {
        name
        nameNl
      }
      countries {
        code
        name
        nameNl
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarInquiriesQuery, SimilarInquiriesQueryVariables>;
export const UpdateExpertiseDocument = new TypedDocumentString(`
    mutation UpdateExpertise($id: String!, $expectedVersion: Int!, $expertise: [ExpertiseInput!]!, $note: String) {
  updateExpert(
    input: {id: $id, expectedVersion: $expectedVersion, expertise: $expertise, note: $note}
  ) {
    slug
    version
    expertise {
      level
      provenance
      theme {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateExpertiseMutation, UpdateExpertiseMutationVariables>;
export const WhoKnowsDocument = new TypedDocumentString(`
    query WhoKnows($about: String!, $country: String, $first: Int = 10, $after: String, $contacts: Boolean = false) {
  whoKnows(about: $about, country: $country, first: $first, after: $after) {
    totalCount
    matchedBy
    theme {
      slug
      name
      nameNl
    }
    region {
      slug
      name
      nameNl
    }
    countries {
      code
      name
      nameNl
    }
    edges {
      score
      reasons {
        kind
        text
        points
      }
      node {
        id
        slug
        name
        headline
        headlineNl
        contactConsent
        email @include(if: $contacts)
        phone @include(if: $contacts)
        affiliations {
          role
          current
          institution {
            name
            nameNl
          }
        }
        networks {
          acronym
        }
      }
    }
    partners {
      slug
      name
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<WhoKnowsQuery, WhoKnowsQueryVariables>;