/** One request the interpreter made to the kit's app, as received. */
export interface RecordedRequest {
  /** Position among the call's requests, from 0. */
  readonly index: number;
  readonly method: string;
  /** Absolute URL as requested: the app's origin, path and query. */
  readonly url: string;
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
  /** Parameters of an `application/x-www-form-urlencoded` body, in order. */
  readonly form: readonly (readonly [string, string])[];
  readonly contentType?: string;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** With a signing driver: whether X-Twilio-Signature is right for this request. */
  readonly signature?: 'valid' | 'invalid' | 'missing';
  /** What the app answered. */
  readonly answer: { readonly status: number; readonly body: string };
}
