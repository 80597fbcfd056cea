// GraphiQL's ready examples: operation files of web/operations (checked against the schema by codegen and
// against the request limits by test/unit/limits-rules.test.ts), in the order and with the variables of
// web/operations/examples.json.
import addInquiryNote from '../operations/add-inquiry-note.graphql';
import askExpert from '../operations/ask-expert.graphql';
import claimInquiry from '../operations/claim-inquiry.graphql';
import closeInquiry from '../operations/close-inquiry.graphql';
import deskQueue from '../operations/desk-queue.graphql';
import handOverInquiry from '../operations/hand-over-inquiry.graphql';
import recordAskerMessage from '../operations/record-asker-message.graphql';
import rerouteInquiry from '../operations/reroute-inquiry.graphql';
import coverageCell from '../operations/coverage-cell.graphql';
import coverage from '../operations/coverage.graphql';
import dashboard from '../operations/dashboard.graphql';
import examples from '../operations/examples.json';
import inquiryStatus from '../operations/inquiry-status.graphql';
import recordInquiry from '../operations/record-inquiry.graphql';
import similarInquiries from '../operations/similar-inquiries.graphql';
import updateExpertise from '../operations/update-expertise.graphql';
import whoKnows from '../operations/who-knows.graphql';

const TEXTS: Record<string, string> = {
  'who-knows.graphql': whoKnows,
  'similar-inquiries.graphql': similarInquiries,
  'record-inquiry.graphql': recordInquiry,
  'inquiry-status.graphql': inquiryStatus,
  'update-expertise.graphql': updateExpertise,
  'coverage.graphql': coverage,
  'coverage-cell.graphql': coverageCell,
  'dashboard.graphql': dashboard,
  'add-inquiry-note.graphql': addInquiryNote,
  'ask-expert.graphql': askExpert,
  'claim-inquiry.graphql': claimInquiry,
  'close-inquiry.graphql': closeInquiry,
  'desk-queue.graphql': deskQueue,
  'hand-over-inquiry.graphql': handOverInquiry,
  'record-asker-message.graphql': recordAskerMessage,
  'reroute-inquiry.graphql': rerouteInquiry,
};

export interface Example {
  name: string;
  title: string;
  description: string;
  query: string;
  variables: string;
}

export const EXAMPLES: Example[] = examples.map((example) => {
  const query = TEXTS[example.file];
  if (query === undefined) throw new Error(`examples.json names ${example.file}, which examples.ts does not import`);
  return {
    name: example.file.replace(/\.graphql$/, ''),
    title: example.title,
    description: example.description,
    query,
    variables: JSON.stringify(example.variables, null, 2),
  };
});
