/** One entry of the registry in `bench/run.ts`. */
export interface Benchmark {
  /** Short name, also what `npm run bench -- <name>` selects. */
  name: string;
  summary: string;
  /** Wall-clock bound for the whole benchmark, setup included; past it the run is aborted. */
  timeLimitSeconds: () => number;
  /**
   * Runs the benchmark and prints its figures to stdout (progress goes to `log`, on stderr).
   * Throws when the run is not valid (errors, unexpected status codes). Whatever it starts is
   * registered with `onCleanup` and undone by the runner.
   */
  run: (log: (message: string) => void) => Promise<void>;
}
