import pino, { type DestinationStream, type Logger } from 'pino';
import { traceFields } from './telemetry/requestSpan';

export type { Logger };

/**
 * JSON logs. Request data is never logged wholesale; the redaction list is a second line of defence for
 * anything that slips into a log call (credentials, tokens, the sensitive fields of a record).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'primero-serverless' },
      // trace_id is the Application Insights operation id: a log line finds its request and exceptions.
      mixin: traceFields,
      redact: {
        paths: [
          'password',
          '*.password',
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'totp_code',
          '*.totp_code',
          'name',
          '*.name',
          'name_first',
          '*.name_first',
          'name_last',
          '*.name_last',
          'date_of_birth',
          '*.date_of_birth',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
