/**
 * Everything a benchmark starts (database servers, listening apps, client processes) registers
 * how to undo it here. `bench/run.ts` runs the stack after each benchmark, and also on Ctrl-C
 * and when a benchmark overruns its time limit, so nothing is left behind.
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

/** Undoes everything registered, newest first; each step gets `stepMs` before it is abandoned. */
export async function cleanup(stepMs = 20_000): Promise<void> {
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

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
