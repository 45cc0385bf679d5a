/** A set of samples: x row-major (n x inputs), y of length n. */
export interface Dataset {
  readonly inputs: 1 | 2;
  readonly n: number;
  readonly x: Float64Array<ArrayBuffer>;
  readonly y: Float64Array<ArrayBuffer>;
}
