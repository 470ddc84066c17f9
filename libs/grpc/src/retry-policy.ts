import { SERVICE_NAMES } from './proto-loader';

/**
 * A call answered UNAVAILABLE (its instance is gone, or its database cannot be reached) is tried
 * twice more by grpc-js with a short randomised backoff, within the call's deadline, on the next
 * instance of the round robin: a blip or a killed instance is invisible, an outage still ends in
 * a clear UNAVAILABLE within a second. Kept short because calls nest (gateway → message →
 * session), and each layer's tries multiply.
 */
export const RETRY_POLICY = {
  maxAttempts: 3,
  initialBackoff: '0.1s',
  maxBackoff: '0.5s',
  backoffMultiplier: 2,
  retryableStatusCodes: ['UNAVAILABLE'],
};

/**
 * The methods that may run twice with the effect of once, and so are retried after an
 * UNAVAILABLE even when the instance may have processed the first try: reads, and writes
 * idempotent by design (registering a socket again, claiming an upload again for the same
 * session, marking read what is read). The others (opening a chat, accepting it, rating it, an
 * upload) are tried again only when grpc-js knows the first try never reached a handler (its
 * transparent retry); sends are retried by the client when every item carries a `temp_id`
 * (`invoke`'s `retrySafe`), which makes them idempotent by key.
 */
export const SAFE_TO_RETRY: Record<string, readonly string[]> = {
  [SERVICE_NAMES.session]: ['GetSession', 'GetSessions', 'ListSessions', 'FindSessions'],
  [SERVICE_NAMES.cannedResponses]: ['ListCannedResponses', 'UpdateCannedResponse'],
  [SERVICE_NAMES.ratings]: ['GetRating'],
  [SERVICE_NAMES.sessionReports]: ['GetSessionReport', 'GetWorkload'],
  [SERVICE_NAMES.message]: ['ListMessages', 'ListMessagesMany', 'GetSessionSummaries', 'MarkAsRead', 'MarkManyAsRead', 'ListAnsweredSessions'],
  [SERVICE_NAMES.messageSearch]: ['SearchMessages'],
  [SERVICE_NAMES.messageReports]: ['GetFirstResponses'],
  [SERVICE_NAMES.presence]: [
    'Connect',
    'Disconnect',
    'Join',
    'Leave',
    'ConnectMany',
    'DisconnectMany',
    'JoinMany',
    'LeaveMany',
    'Typing',
    'StopTyping',
    'RenewLease',
    'ReleaseGateway',
    'ListOnlineAgents',
    'SetAvailability',
    'ListAgentStates',
  ],
  [SERVICE_NAMES.attachment]: ['ClaimAttachments', 'GetAttachment', 'CreateDownloadLink', 'Download'],
};

/**
 * The pauses between the tries of one call under RETRY_POLICY: random up to a backoff that starts
 * at `initialBackoff` and grows by `backoffMultiplier` up to `maxBackoff`, as grpc-js spaces them.
 */
export function retryPauses(): () => number {
  const seconds = (text: string) => parseFloat(text) * 1000;
  let backoffMs = seconds(RETRY_POLICY.initialBackoff);
  return () => {
    const pause = Math.random() * backoffMs;
    backoffMs = Math.min(backoffMs * RETRY_POLICY.backoffMultiplier, seconds(RETRY_POLICY.maxBackoff));
    return pause;
  };
}

/** Every channel balances over the instances it resolves, and retries the safe methods. */
export const SERVICE_CONFIG = {
  loadBalancingConfig: [{ round_robin: {} }],
  methodConfig: [
    {
      name: Object.entries(SAFE_TO_RETRY).flatMap(([service, methods]) => methods.map((method) => ({ service, method }))),
      retryPolicy: RETRY_POLICY,
    },
  ],
};
