/** Thrown by handlers and state operations; the router turns it into `{"error": message}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (message = 'Not found'): ApiError => new ApiError(404, message);
export const unprocessable = (message: string): ApiError => new ApiError(422, message);
