/** Runs one pending task per key, after a delay that restarts whenever the key is scheduled again. */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  schedule(key: string, delayMs: number, task: () => void): void {
    this.cancel(key);
    if (delayMs <= 0) {
      task();
      return;
    }
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      task();
    }, delayMs));
  }

  cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }
}
