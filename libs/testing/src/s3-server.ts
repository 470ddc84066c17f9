import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** s3rver's fixed credentials: it checks request signatures against them. */
export const S3_TEST_CREDENTIALS = { accessKey: 'S3RVER', secretKey: 'S3RVER' } as const;

export interface TestS3Server {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  directory: string;
  stop(): Promise<void>;
}

/** How long a stopped server's cut-off uploads get to finish writing before its folder goes. */
const WRITES_SETTLE_MS = 500;

/** A real S3 API server (s3rver) on a free port with a folder of its own; MinIO cannot run here. */
export async function startS3Server(): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  // `silent` quiets the console transport, which close() removes: a request still running then (an
  // upload cut off by the stop) would log to a logger without transports, and winston says so on
  // the console, after the test that started the server has ended. The logger itself is quiet too.
  server.logger.silent = true;
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    ...S3_TEST_CREDENTIALS,
    directory,
    async stop() {
      await server.close();
      // An upload cut off by its client (a file refused past its size limit) is still written part
      // by part after the close, and a part written into a removed folder fails the test file that
      // started the server: its writes settle first.
      await new Promise((resolve) => setTimeout(resolve, WRITES_SETTLE_MS));
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
