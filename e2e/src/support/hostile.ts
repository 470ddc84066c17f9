import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { TestDatabase } from '@parley/db';

/**
 * What the hostile-input property tests throw at the gateway, and how they judge the answers.
 * Every payload is built to be refused: it is not an object, or it has a key no schema knows
 * (every schema is strict), or it names a session the attacker has no part in.
 */

// Strings that have broken parsers, databases, logs and terminals before.
const NASTY = [
  '\u202Egnp.exe', '\u0000', 'a\u0000b', '\uD800', '\uDFFF\uD800', 'a\u200Bb\uFEFF', '👩‍👩‍👧‍👦', 'e\u0301\u0301\u0301', 'İıß', '\u0085\u2028\u2029',
  "'; DROP TABLE chat_messages; --", '" OR 1=1 --', '${jndi:ldap://x/a}', '<script>alert(1)</script>', '{{7*7}}', '../../etc/passwd', '%00%2e%2e%2f',
  '__proto__', 'constructor', 'prototype', 'null', 'undefined', 'NaN', '-1', '1e309', '0x7fffffff', ' ', '\t\n\r',
];

/** Short tricky strings: fit in a URL (Node refuses request heads over 16 KB with a bare 431 first). */
export const shortTrickyString = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

export const trickyString = fc.oneof(
  shortTrickyString,
  // Over every text limit, well under the Socket.io frame cap.
  fc.integer({ min: 5001, max: 12_000 }).map((n) => '𝔁'.repeat(Math.ceil(n / 2))),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  trickyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(trickyString, { maxLength: 3 }),
  fc.dictionary(trickyString, trickyString, { maxKeys: 3 }),
  fc.anything({ maxDepth: 2, maxKeys: 3 }),
);

const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A payload for an event or a body whose known fields are `fields`; `sessionIds` are not the attacker's. */
export function hostilePayload(fields: string[], sessionIds: fc.Arbitrary<string>, allowKnownOnly: boolean): fc.Arbitrary<unknown> {
  const known = fc.record(Object.fromEntries(fields.map((f) => [f, f === 'session_id' ? sessionIds : hostileValue])), { requiredKeys: [] });
  const unknownKey = fc.oneof(trickyString, fc.constantFrom('admin', 'sender_id', 'role', 'status', '__proto__')).filter((k) => !fields.includes(k));
  const withUnknown = fc.tuple(known, unknownKey, hostileValue).map(([object, key, value]) => ({ ...object, [key]: value }));
  const notAnObject = fc.anything({ maxDepth: 2, maxKeys: 3 }).filter((v) => !isPlainObject(v));
  return allowKnownOnly ? fc.oneof(notAnObject, withUnknown, known) : fc.oneof(notAnObject, withUnknown);
}

/** Session ids the attacker may not touch: another user's, an unknown one, or no UUID at all. */
export const foreignSessionId = (othersSessionId: string) => fc.oneof(fc.constant(othersSessionId), fc.constant(randomUUID()), fc.uuid(), trickyString);

export const CLEAN_CODES = ['INVALID_ARGUMENT', 'NOT_FOUND', 'PERMISSION_DENIED', 'FAILED_PRECONDITION', 'UNAUTHENTICATED', 'RESOURCE_EXHAUSTED', 'ABORTED', 'ALREADY_EXISTS', 'OUT_OF_RANGE'];

/** A clean error: a known code (never INTERNAL) and a message without stack frames, SQL or paths. */
export function isCleanError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    typeof e?.code === 'string' &&
    CLEAN_CODES.includes(e.code) &&
    typeof e.message === 'string' &&
    e.message.length > 0 &&
    !/\n\s+at |\bselect\b|\binsert\b|\bupdate\b.*\bset\b|node_modules|\.ts:\d+/i.test(e.message)
  );
}

/** Row counts of every table a request could change, and every session's state. */
export async function databaseState(db: TestDatabase): Promise<Record<string, unknown>> {
  const tables = (await db.knex.raw(`select tablename from pg_tables where schemaname = 'public' and tablename not like 'presence_%' and tablename not like 'knex_%' order by tablename`)).rows as Array<{ tablename: string }>;
  const state: Record<string, unknown> = {};
  for (const { tablename } of tables) state[tablename] = Number((await db.knex(tablename).count({ n: '*' }))[0].n);
  state.sessions = await db.knex('chat_sessions').select('id', 'status', 'agent_id').orderBy('id');
  return state;
}
