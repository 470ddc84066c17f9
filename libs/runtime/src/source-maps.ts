/**
 * With source maps on (`node --enable-source-maps`, as the images run the bundles), Node parses a
 * file's map the first time a stack trace names that file, with the event loop held. Formatting
 * one stack here, at start-up, parses the bundle's map before the process serves anyone, not at
 * the first error it meets under load (docs/operations.md, "Build and images").
 */
export function loadSourceMaps(): void {
  if (process.sourceMapsEnabled) void new Error('loads the source maps of this stack').stack;
}
