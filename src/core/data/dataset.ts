/** A set of samples: x row-major (n x inputs), y of length n. */
export interface Dataset {
  readonly inputs: number;
  readonly n: number;
  readonly x: Float64Array<ArrayBuffer>;
  readonly y: Float64Array<ArrayBuffer>;
  /**
   * Set instead of samples (n = 0) for the population loss over x ~ N(0, I): the teacher's weights
   * [inputs x k] row-major (data/teacher.ts).
   */
  readonly population?: { readonly k: number; readonly teacher: Float64Array<ArrayBuffer> };
}
