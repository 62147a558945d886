/** The one error shape every HTTP error has (STYLE §11). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}
