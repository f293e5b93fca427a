/**
 * Messages that carry a one-time code (the query-code recovery code). The outbox must hold the
 * text until it is sent, but no longer: once a message is done (sent, given up, not configured)
 * its code is blanked in the stored body, and a message not sent within the code's lifetime is
 * not sent at all — a code that arrives after it expired only confuses the applicant.
 */
export const ONE_TIME_CODE_KIND = 'query_code';
export const ONE_TIME_CODE_TTL_MS = 10 * 60_000;

/** Every one-time code is written after this label, so that it can be found and blanked. */
export const CODE_LABEL = '验证码：';

export function isOneTimeCodeMessage(kind: string): boolean {
  return kind === ONE_TIME_CODE_KIND;
}

export function redactOneTimeCode(body: string): string {
  return body.replaceAll(new RegExp(`${CODE_LABEL}\\d+`, 'g'), `${CODE_LABEL}******`);
}

/** Whether a one-time-code message created at `createdAt` is too old to be worth sending at `now`. */
export function oneTimeCodeStale(createdAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(createdAt) >= ONE_TIME_CODE_TTL_MS;
}
