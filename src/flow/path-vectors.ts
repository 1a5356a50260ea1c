/**
 * Path flows mirroring Frank–Wolfe's arc vectors (current flows, all-or-nothing target, previous
 * targets), so that each pair's path flows stay exact.
 */
export class PathVectors {
  x = new Float64Array(64);
  y = new Float64Array(64);
  s1 = new Float64Array(64);
  s2 = new Float64Array(64);
  sNew = new Float64Array(64);
  private n = 0;

  grow(n: number): void {
    this.n = n;
    if (n <= this.x.length) return;
    let cap = this.x.length;
    while (cap < n) cap *= 2;
    const g = (v: Float64Array) => {
      const w = new Float64Array(cap);
      w.set(v);
      return w;
    };
    this.x = g(this.x);
    this.y = g(this.y);
    this.s1 = g(this.s1);
    this.s2 = g(this.s2);
    this.sNew = g(this.sNew);
  }

  combine(w0: number, w1: number, w2: number): void {
    for (let i = 0; i < this.n; i++) this.sNew[i] = w0 * this.y[i]! + w1 * this.s1[i]! + w2 * this.s2[i]!;
  }

  /** x += τ (new − x), then rotate the targets. */
  step(tau: number): void {
    for (let i = 0; i < this.n; i++) this.x[i]! += tau * (this.sNew[i]! - this.x[i]!);
    const t = this.s2;
    this.s2 = this.s1;
    this.s1 = this.sNew;
    this.sNew = t;
  }
}
