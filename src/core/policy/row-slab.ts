/**
 * Zeroed rows of W words carved from shared chunks. A layer at scale needs thousands of small
 * bitmaps (one per distinct egress policy list, per peer rule, per long column list); one
 * ArrayBuffer each made V8 spend more time on their bookkeeping and GC than on the bits.
 */
export class RowSlab {
  private readonly chunks: Uint32Array[] = [];
  private readonly perChunk: number;
  private used = 0;
  constructor(private readonly W: number) {
    this.perChunk = Math.max(16, Math.floor(65536 / Math.max(1, W)));
  }
  alloc(): Uint32Array {
    const c = Math.floor(this.used / this.perChunk);
    const at = (this.used % this.perChunk) * this.W;
    if (c === this.chunks.length) this.chunks.push(new Uint32Array(this.perChunk * this.W));
    this.used++;
    return this.chunks[c]!.subarray(at, at + this.W);
  }
  /** Hands the rows out again (zeroed); rows given before must no longer be used. */
  reset(): void {
    const full = Math.floor(this.used / this.perChunk);
    for (let c = 0; c < full; c++) this.chunks[c]!.fill(0);
    if (full < this.chunks.length) this.chunks[full]!.fill(0, 0, (this.used % this.perChunk) * this.W);
    this.used = 0;
  }
}
