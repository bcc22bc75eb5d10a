/** Where the command line writes; injectable so tests run it in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): void };
  readonly stderr: { write(text: string): void; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT = {
  done: 0,
  couldNotComplete: 1,
  badUsage: 2,
  findingsAtOrAboveThreshold: 3,
} as const;

/** A problem with how the command was called or with a file it was given: exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
