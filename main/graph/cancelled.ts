/** Raised when the caller cancelled; never turned into a verdict. */
export class CancelledError extends Error {
  constructor() {
    super('The scan was cancelled.');
    this.name = 'CancelledError';
  }
}
