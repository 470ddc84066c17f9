import type { Profile } from '../args';
import type { ProcessMonitor } from '../measure/process-monitor';
import type { Target } from '../targets/target';

/** What a scenario gets: the system under test, the sizes, the process monitor and a way to say what it does. */
export interface ScenarioContext {
  target: Target;
  profile: Profile;
  monitor: ProcessMonitor;
  /** Names the step now running (shown next to the progress bar). */
  step(what: string): void;
}
