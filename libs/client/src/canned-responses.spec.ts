import type { CannedResponse } from '@parley/contracts';
import { cannedResponsesFor, fillCannedResponse } from './canned-responses';

const response = (shortcut: string, title: string): CannedResponse => ({ id: shortcut, shortcut, title, content: `${title} text`, shared: false, created_at: '', updated_at: '' });

describe('canned responses in a composer', () => {
  const responses = [response('refund', 'Refund on its way'), response('late', 'Order running late'), response('hello', 'Greeting'), response('re-order', 'Order again')];

  it('fills in the customer and the agent, braces with or without spaces, and leaves anything else', () => {
    expect(fillCannedResponse('Hi {{customer_name}}, {{ agent_name }} here. {{order_id}}', { customer_name: 'Cleo', agent_name: 'Ana' })).toBe('Hi Cleo, Ana here. {{order_id}}');
  });

  it('offers the responses whose shortcut starts with what follows /, then those whose title holds it', () => {
    expect(cannedResponsesFor('/re', responses)?.map((r) => r.shortcut)).toEqual(['refund', 're-order', 'hello']);
    expect(cannedResponsesFor('/LATE', responses)?.map((r) => r.shortcut)).toEqual(['late']);
    expect(cannedResponsesFor('/', responses)).toHaveLength(4);
    expect(cannedResponsesFor('/zzz', responses)).toEqual([]);
  });

  it('offers nothing for ordinary text, or once the shortcut is followed by more', () => {
    expect(cannedResponsesFor('hello', responses)).toBeNull();
    expect(cannedResponsesFor('/refund please', responses)).toBeNull();
    expect(cannedResponsesFor('a /re', responses)).toBeNull();
  });
});
