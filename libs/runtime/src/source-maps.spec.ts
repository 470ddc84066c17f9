import { loadSourceMaps } from './source-maps';

describe('loadSourceMaps', () => {
  const formatted = jest.fn((error: Error) => error.message);
  let original: typeof Error.prepareStackTrace;

  beforeEach(() => {
    original = Error.prepareStackTrace;
    // V8 calls it whenever a stack is formatted; Node's source-mapped stacks go the same way.
    Error.prepareStackTrace = formatted;
    formatted.mockClear();
  });
  afterEach(() => {
    Error.prepareStackTrace = original;
    jest.restoreAllMocks();
  });

  it('formats a stack trace at once when source maps are on', () => {
    jest.spyOn(process, 'sourceMapsEnabled', 'get').mockReturnValue(true);
    loadSourceMaps();
    expect(formatted).toHaveBeenCalledTimes(1);
  });

  it('does nothing when they are off', () => {
    jest.spyOn(process, 'sourceMapsEnabled', 'get').mockReturnValue(false);
    loadSourceMaps();
    expect(formatted).not.toHaveBeenCalled();
  });
});
