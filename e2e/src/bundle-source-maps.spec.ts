import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from '@parley/testing';
import { FROM_SOURCES, STACK_PROJECTS } from './support/script-command';

interface MapPayload {
  sources: string[];
  mappings: string;
}

const bundleDir = (project: string) => path.join(REPO_ROOT, 'dist', 'services', project);
const readMap = (project: string): MapPayload => JSON.parse(fs.readFileSync(path.join(bundleDir(project), 'main.js.map'), 'utf8')) as MapPayload;

/** Where Node's source-mapped stack puts a frame at the first place `text` occurs in the bundle (what `--enable-source-maps` does). */
function frameAt(project: string, text: string): { source?: string; originalLine?: number } {
  const lines = fs.readFileSync(path.join(bundleDir(project), 'main.js'), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  if (line < 0) throw new Error(`${text} is not in ${project}'s bundle`);
  const entry = new SourceMap(readMap(project) as never).findEntry(line, lines[line].indexOf(text)) as { originalSource?: string; originalLine?: number };
  return { source: entry.originalSource, originalLine: entry.originalLine };
}

/**
 * The bundles' source maps (tools/build/own-source-map.plugin.js): a stack names the project's
 * TypeScript files and lines; a frame in an npm package keeps its place in main.js. The suite's
 * global setup builds the bundles; run from the sources (E2E_FROM_SOURCES=1) there are none to read.
 */
(FROM_SOURCES ? describe.skip : describe)("the bundles' source maps", () => {
  it.each([...STACK_PROJECTS, 'all-in-one'])("%s's map names its own sources and no npm package", (project) => {
    const { sources } = readMap(project);
    expect(sources).toContain(`../../../services/${project}/src/main.ts`);
    expect(sources.filter((source) => source.includes('node_modules'))).toEqual([]);
  });

  it("maps the gateway's own code to its TypeScript file and line", () => {
    const source = fs.readFileSync(path.join(REPO_ROOT, 'services/gateway/src/socket/websocket-flush.ts'), 'utf8').split('\n');
    const frame = frameAt('gateway', 'function batchWebSocketWrites(');
    expect(frame.source).toBe('../../../services/gateway/src/socket/websocket-flush.ts');
    expect(source[frame.originalLine as number]).toContain('function batchWebSocketWrites(');
  });

  it("leaves a frame in a package's code at its place in the bundle, not at the project's line before it", () => {
    // The `ws` package's error for a send on a closed WebSocket.
    expect(frameAt('gateway', 'WebSocket is not open: readyState').source).toBeUndefined();
  });
});
