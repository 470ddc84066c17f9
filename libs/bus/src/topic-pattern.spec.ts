import { topicMatches } from './topic-pattern';

describe('topicMatches', () => {
  it.each([
    ['session.s1.#', 'session.s1.message.created', true],
    ['session.s1.#', 'session.s2.message.created', false],
    ['session.*.message.created', 'session.s1.message.created', true],
    ['session.*.message.created', 'session.s1.session.created', false],
    ['agents.#', 'agents.session.created', true],
    ['agents.#', 'agents', true],
    ['#', 'anything.at.all', true],
    ['user.u1.*', 'user.u1.message.created', false],
    ['a.b', 'a.b.c', false],
  ])('%s against %s is %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });
});
