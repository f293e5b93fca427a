/**
 * The one error type usecases throw. `code` is stable for programs (dotted: feature.reason),
 * `message` is Simplified Chinese for people, `status` is the HTTP status the API answers with.
 * The HTTP error handler and the CLI both turn it into their own output; nothing else leaks.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (code: string, message: string) => new AppError(code, message, 404);
export const forbidden = (code: string, message: string) => new AppError(code, message, 403);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(code, message, 409, details);
export const badRequest = (code: string, message: string, details?: unknown) => new AppError(code, message, 400, details);
