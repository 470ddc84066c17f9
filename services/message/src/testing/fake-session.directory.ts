export { FakeSessionDirectory } from '@parley/testing';
