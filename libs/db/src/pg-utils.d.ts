/** node-postgres's own conversion of a parameter to the text it sends (pg exports `./lib/*`). */
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): unknown;
}

/** node-postgres's rows of one statement, parsed by the type parsers its queries use. */
declare module 'pg/lib/result' {
  export default class Result {
    rows: unknown[];
    addFields(fields: unknown[]): void;
    parseRow(values: unknown[]): unknown;
    addRow(row: unknown): void;
  }
}
