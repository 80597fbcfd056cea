/**
 * The refusals of assigning and rerouting inquiries (src/inquiries/assignment.ts, routing.ts), in English: what went
 * wrong and what to do.
 */
export const assignmentMessages = {
  notHandler: (action: string) =>
    `Only a member of the team the inquiry is routed to (the desk, or the network's secretariat) or an ` +
    `administrator may ${action} it.`,
  claimNotMember: (team: string) =>
    `You are not a member of ${team}, the team this inquiry is routed to: only its members can take it. ` +
    'Ask one of them to claim it, or reroute it to your team first.',
  closed: (status: string) =>
    `The inquiry is ${status}: only open inquiries (RECEIVED, IN_PROGRESS, COORDINATING) have a handler. ` +
    'Reopen it first (changeInquiryStatus to IN_PROGRESS, with a reason).',
  heldBy: (name: string) =>
    `${name} is already handling this inquiry: ask them to hand it over, or reassign it with assignInquiry.`,
  alreadyYours: 'You are already handling this inquiry: nothing to do.',
  lostRace: (version: number, expected: number, holder: string | null) =>
    `Someone else changed this inquiry since you read it (you had version ${expected}, it is now at ${version})` +
    `${holder ? `; ${holder} is handling it now` : '; nobody is handling it now'}: reload it and try again.`,
  unknownAssignee: (id: string) =>
    `No handler with id "${id}" is known: a handler becomes known when they first claim, assign, hand over, ` +
    'release or reroute an inquiry, or call registerHandler; see the handlers query for those who are.',
  notTeamWorker:
    'Only members of the desk (role desk) or of a network’s secretariat (role secretariat) are recorded as handlers.',
  assigneeNotMember: (name: string, team: string) =>
    `${name} is not a member of ${team}, the team this inquiry is routed to (as of their last sign-in): assign a ` +
    'member of that team (see the handlers query), or reroute the inquiry first.',
  handOverNotHolder: (holder: string | null) =>
    holder
      ? `Only ${holder}, who is handling this inquiry, can hand it over: use assignInquiry to reassign it instead.`
      : 'Nobody is handling this inquiry, so there is nothing to hand over: use assignInquiry.',
  handOverToSelf: 'You cannot hand an inquiry over to yourself: name a colleague.',
  releaseNotHolder: (holder: string | null) =>
    holder
      ? `Only ${holder}, who is handling this inquiry, or an administrator can release it.`
      : 'Nobody is handling this inquiry: there is nothing to release.',
  sameTeam: (team: string) => `The inquiry is already routed to ${team}: name another team to reroute it to.`,
  unknownTeam: (given: string, known: string[]) =>
    `No team is called "${given}": reroute to one of ${known.join(', ')}.`,
  rerouteClosed: (status: string) =>
    `The inquiry is ${status}: only open inquiries can be rerouted. Reopen it first (changeInquiryStatus to ` +
    'IN_PROGRESS, with a reason).',
  /** A team as messages name it: the desk, or a network's secretariat. */
  team: (teamId: string, deskId: string) =>
    teamId === deskId ? 'the knowledge security desk' : `the ${teamId.toUpperCase()} secretariat`,
};
