import type { EventTrait } from '@parley/contracts';

/** An event's traits as AMQP headers a headers exchange matches (names starting `x-` would not be matched). */
export const traitHeaders = (traits: EventTrait[]): Record<string, string> => Object.fromEntries(traits.map((trait) => [`parley-${trait}`, 'true']));

/** The headers exchange in front of a queue that takes only events with some traits. */
export const traitFilterExchange = (queue: string) => `${queue}.filter`;
