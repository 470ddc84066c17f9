import type { PoolClient } from 'pg';
import Result from 'pg/lib/result';
import { prepareValue } from 'pg/lib/utils';

/** A statement of a pipeline: its text with `$n` parameters, their values, and a name to prepare it under. */
export interface PipelinedStatement {
  text: string;
  values: readonly unknown[];
  /** Parsed and planned once per connection under this name (unique per text); none: parsed every time. */
  name?: string;
}

/** The parts of node-postgres's connection (`pg/lib/connection.js`) a pipeline writes to. */
interface WireConnection {
  stream: { cork?(): void; uncork?(): void };
  parsedStatements: Record<string, string>;
  parse(message: { text: string; name: string }): void;
  bind(message: { portal: string; statement: string; values: readonly unknown[] }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  close(message: { type: 'S'; name: string }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

interface Message {
  fields: unknown[];
}

/**
 * Statements sent to PostgreSQL over the extended protocol with one Sync after the last: one
 * write, one round trip, one flush of the answers, their parameters bound (never written into
 * the text). A named statement is parsed and planned the first time a connection runs it, then
 * only bound and executed. PostgreSQL runs them in order; the first that fails makes it skip the
 * rest up to the Sync, and the pipeline fails with that error. A value node-postgres cannot send
 * (a circular object) or a name reused for another text fails it before any of it leaves.
 *
 * A node-postgres query object of its own (a "submittable", as pg-cursor is one): node-postgres
 * sends one statement per Sync, and its client-wide pipeline mode a Sync after every statement
 * (an answer and a wake-up of this process each); see docs/architecture.md, Presence.
 */
export class StatementPipeline {
  /** Set by node-postgres's `client.query(pipeline, callback)`. */
  callback: ((error: Error | null, rows?: unknown[][]) => void) | undefined;
  private readonly rows: unknown[][] = [];
  private result = new Result();
  private failure: Error | null = null;
  private parsedHere: string[] = [];
  private answered = false;

  constructor(private readonly statements: PipelinedStatement[]) {}

  /** Runs on `connection`, answering each statement's rows in order. */
  static run(connection: PoolClient, statements: PipelinedStatement[]): Promise<unknown[][]> {
    const client = connection as unknown as { query(pipeline: StatementPipeline, callback: StatementPipeline['callback']): void };
    return new Promise((resolve, reject) => client.query(new StatementPipeline(statements), (error, rows) => (error ? reject(error) : resolve(rows ?? []))));
  }

  /** The statements' texts as one script: what tests record of a round trip (`recordRoundTrips`). */
  get text(): string {
    return this.statements.map((s) => s.text.trim()).join(';\n');
  }

  submit(connection: WireConnection): void {
    connection.stream.cork?.();
    try {
      const named = new Map<string, string>();
      const reused = this.statements.find(({ name, text }) => {
        if (!name) return false;
        const known = connection.parsedStatements[name] ?? named.get(name);
        named.set(name, text);
        return known !== undefined && known !== text;
      });
      // Bound to the other text, its values would run another statement: refused before anything leaves.
      if (reused) throw new Error(`Prepared statement names must be unique: '${reused.name}' was used for a different statement`);
      // Every value converted first: one node-postgres cannot send fails the pipeline before any of it leaves.
      const values = this.statements.map((s) => s.values.map((value) => prepareValue(value)));
      this.statements.forEach(({ text, name = '' }, i) => {
        if (!name || connection.parsedStatements[name] === undefined) {
          // A failed pipeline may have created it or not (forgetParses): closing a missing statement is no error.
          if (name) connection.close({ type: 'S', name });
          connection.parse({ text, name });
          if (name) {
            connection.parsedStatements[name] = text;
            this.parsedHere.push(name);
          }
        }
        connection.bind({ portal: '', statement: name, values: values[i] });
        connection.describe({ type: 'P', name: '' });
        connection.execute({ portal: '', rows: 0 });
      });
    } catch (error) {
      // Nothing of the pipeline left; the Sync still does, and its answer ends the pipeline.
      this.failure = error instanceof Error ? error : new Error(String(error));
    } finally {
      connection.sync();
      connection.stream.uncork?.();
    }
  }

  handleRowDescription(message: Message): void {
    this.result.addFields(message.fields);
  }

  handleDataRow(message: Message): void {
    if (this.failure) return;
    try {
      this.result.addRow(this.result.parseRow(message.fields));
    } catch (error) {
      this.failure = error as Error;
    }
  }

  handleCommandComplete(): void {
    this.rows.push(this.result.rows);
    this.result = new Result();
  }

  handleEmptyQuery(): void {
    this.handleCommandComplete();
  }

  handlePortalSuspended(): void {
    // Never: every statement is executed to its end (rows: 0).
  }

  handleCopyInResponse(connection: WireConnection): void {
    connection.sendCopyFail('COPY is not supported in a statement pipeline');
  }

  handleCopyData(): void {
    // Nothing: COPY is refused above.
  }

  handleError(error: Error, connection: WireConnection): void {
    this.forgetParses(connection);
    this.answer(error);
  }

  handleReadyForQuery(): void {
    this.answer(this.failure);
  }

  private answer(error: Error | null): void {
    if (this.answered) return;
    this.answered = true;
    this.callback?.(error, error ? undefined : this.rows);
  }

  /** After a failure the parses this pipeline sent may not have happened: the next pipeline parses them again. */
  private forgetParses(connection: WireConnection): void {
    for (const name of this.parsedHere) delete connection.parsedStatements[name];
    this.parsedHere = [];
  }
}
