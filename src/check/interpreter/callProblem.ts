/** One way a call differs from the reference, named by the property it breaks. */
export interface CallProblem {
  /** The property id (`INTERP-DIALCALLSTATUS`). */
  readonly property: string;
  /** A short stable key of the kind of difference (no values), for fingerprints: `DialCallStatus:changed`. */
  readonly kind: string;
  /** One sentence. */
  readonly summary: string;
  readonly expected?: string;
  readonly actual?: string;
}
