/**
 * Splits a byte stream into lines with a cap: a line longer than `maxBytes` is reported once and
 * ends the splitting (the conversation can no longer be trusted), so a driver that never writes a
 * newline cannot make the kit hold unbounded memory.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private overflowed = false;

  constructor(
    private readonly maxBytes: number,
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: () => void,
  ) {}

  push(chunk: Buffer): void {
    if (this.overflowed) return;
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      if (this.pendingBytes + piece.length > this.maxBytes) return this.overflow();
      const line = Buffer.concat([...this.pending, piece]).toString('utf8').replace(/\r$/, '');
      this.pending = [];
      this.pendingBytes = 0;
      start = newline + 1;
      if (line.trim() !== '') this.onLine(line);
      if (this.overflowed) return;
    }
    const rest = chunk.subarray(start);
    if (this.pendingBytes + rest.length > this.maxBytes) return this.overflow();
    if (rest.length > 0) {
      this.pending.push(Buffer.from(rest));
      this.pendingBytes += rest.length;
    }
  }

  private overflow(): void {
    this.overflowed = true;
    this.pending = [];
    this.pendingBytes = 0;
    this.onOverflow();
  }
}
