import { buildServices, STACK_PROJECTS } from './script-command';

/** Jest's globalSetup of the e2e and fault suites: the bundles their stacks (and the all-in-one spec) run, built once per run. */
export default function globalSetup(): void {
  buildServices([...STACK_PROJECTS, 'all-in-one']);
}
