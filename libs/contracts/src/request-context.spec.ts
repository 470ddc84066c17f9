import { createEvent, routingKeys } from './events';
import { requestContext } from './request-context';
import type { ChatMessage } from './message';

describe('request context', () => {
  const message = { id: 'm1' } as ChatMessage;
  it('stamps events created inside a request with its id, through async work', async () => {
    const event = await requestContext.run('req-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return createEvent('message.created', routingKeys.session('s1', 'message.created'), { message });
    });
    expect(event.request_id).toBe('req-1');
  });

  it('leaves events made outside any request without one', () => {
    expect(createEvent('message.created', routingKeys.session('s1', 'message.created'), { message })).not.toHaveProperty('request_id');
  });
});
