/**
 * The paragraphs of the fact sheet (shared/dial-facts.md) a citation such as `facts §2.2` may name: every heading,
 * and the numbered items of §8 (`facts §8.9` is item 9 of §8). Kept here so citations resolve, and
 * `dial-kit rules --sources` lists them, without the shared folder.
 */
export interface FactsParagraph {
  readonly id: string;
  readonly title: string;
}

export const FACTS_PARAGRAPHS: readonly FactsParagraph[] = [
  { id: 'sources', title: 'How to read the sources (the page tags)' },
  { id: '1', title: '<Dial> attributes' },
  { id: '1.1', title: 'Attribute table (current Twilio docs)' },
  { id: '1.2', title: 'What happens with invalid / out-of-range values' },
  { id: '1.3', title: 'Error/warning codes relevant to <Dial> and webhooks' },
  { id: '2', title: 'Nouns inside <Dial>' },
  { id: '2.1', title: 'Which nouns exist' },
  { id: '2.2', title: '<Number> attributes' },
  { id: '2.3', title: '<Client>' },
  { id: '2.4', title: '<Sip>' },
  { id: '2.5', title: '<Conference> attributes and defaults' },
  { id: '2.6', title: '<Queue>' },
  { id: '2.7', title: '<Application>' },
  { id: '2.8', title: '<WhatsApp>' },
  { id: '3', title: 'The action callback and the voice request' },
  { id: '3.1', title: 'Parameters added to the action request' },
  { id: '3.2', title: 'DialCallStatus values' },
  { id: '3.3', title: 'After <Dial> finishes' },
  { id: '3.4', title: 'hangupOnStar' },
  { id: '3.5', title: 'Standard voice webhook request parameters' },
  { id: '3.6', title: 'Caller hangs up during a <Dial> that has an action' },
  { id: '4', title: 'Recording and child-leg status callbacks' },
  { id: '4.1', title: 'recordingStatusCallback request' },
  { id: '4.2', title: 'statusCallback on the call-leg nouns' },
  { id: '5', title: 'Webhook HTTP behaviour' },
  { id: '5.1', title: 'X-Twilio-Signature: exact algorithm' },
  { id: '6', title: 'twilio-node TwiML serialisation' },
  { id: '6.1', title: "twilio-node's own TwiML tests" },
  { id: '7', title: 'Other TwiML-compatible platforms' },
  { id: '8', title: 'Gaps, contradictions and how other sources fill them' },
  { id: '8.1', title: 'Empty lists in the rendered HTML' },
  { id: '8.2', title: 'Out-of-range numbers' },
  { id: '8.3', title: 'The 5-second buffer' },
  { id: '8.4', title: 'Caller hangs up during Dial with action' },
  { id: '8.5', title: 'Mixing nouns' },
  { id: '8.6', title: 'Defaults that contradict' },
  { id: '8.7', title: 'Copy-paste slip (referMethod)' },
  { id: '8.8', title: 'Status list slip' },
  { id: '8.9', title: 'Queue name length' },
  { id: '8.10', title: 'record aliases' },
  { id: '8.11', title: 'Redirect method after 302/303; 204 for a TwiML fetch' },
  { id: '8.12', title: 'callReason missing from twilio-node' },
  { id: '8.13', title: 'Historical drift' },
  { id: '8.14', title: 'Endpoint caps below timeout' },
  { id: '8.15', title: 'Caller hangup + action' },
  { id: 'summary', title: 'Summary: the most surprising facts' },
];
