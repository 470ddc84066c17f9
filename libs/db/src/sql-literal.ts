import { prepareValue } from 'pg/lib/utils';

/**
 * A value as an SQL literal, for statements whose parameters are written into their text
 * (`pipelinedTransaction`): numbers and booleans as they are, null as NULL, everything else as a
 * quoted literal of the text node-postgres itself would send as the parameter (arrays as array
 * literals, dates in ISO form, objects as JSON), escaped by `escape` (node-postgres's
 * `escapeLiteral`). PostgreSQL reads a quoted literal as the type its place or cast asks for.
 */
export function sqlLiteral(value: unknown, escape: (text: string) => string): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Cannot write ${value} into a statement`);
    return value < 0 ? `(${String(value)})` : String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Buffer.isBuffer(value)) throw new Error('Cannot write binary data into a statement');
  return escape(String(prepareValue(value)));
}
