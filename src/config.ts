import { z } from 'zod';
import { ConfigError } from './errors';

/**
 * Every setting the app reads, with the names Azure app settings use. Locally the emulators are reached with
 * keys/connection strings; in Azure the same clients authenticate with the app's managed identity
 * (DefaultAzureCredential), so the key settings are simply absent there.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const url = z.url({ protocol: /^https?$/ });

export const configSchema = z
  .object({
    COSMOS_ENDPOINT: url,
    COSMOS_KEY: optionalString,
    COSMOS_CA_CERT_PATH: optionalString,
    COSMOS_DATABASE: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,255}$/)
      .default('primero'),
    AzureWebJobsStorage: optionalString,
    AzureWebJobsStorage__blobServiceUri: url.optional(),
    AzureWebJobsStorage__queueServiceUri: url.optional(),
    ATTACHMENTS_CONTAINER: z
      .string()
      .regex(/^[a-z0-9-]{3,63}$/)
      .default('attachments'),
    KEY_VAULT_URL: url.optional(),
    LOCAL_KEY_STORE_PATH: optionalString,
    /** The built web app the function app serves; default dist/web beside host.json. */
    WEB_APP_DIR: optionalString,
    AUTH_MODE: z.enum(['embedded', 'entra']).default('embedded'),
    ENTRA_TENANT_ID: z.uuid().optional(),
    /** The API's application ID URI or client id, as in the tokens' `aud`. */
    ENTRA_AUDIENCE: optionalString,
    /** Defaults from the tenant: the v2.0 issuer and its signing keys. */
    ENTRA_ISSUER: url.optional(),
    ENTRA_JWKS_URL: url.optional(),
    /** The web app's own (SPA) app registration: the client id MSAL signs in with. */
    ENTRA_CLIENT_ID: optionalString,
    /** The scope the web app asks for; default the audience's `/.default`. */
    ENTRA_SCOPE: optionalString,
    /** Where users sign in (MSAL's authority); default the tenant's at login.microsoftonline.com. */
    ENTRA_AUTHORITY: z.url({ protocol: /^https$/ }).optional(),
    /** The `amr` value that proves multi-factor sign-in, required for roles with require_2fa. */
    ENTRA_MFA_AMR: z.string().default('mfa'),
    TOKEN_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    /** Renewals keep a session going this long after its sign-in at most; then the user signs in again. */
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(168).default(12),
    /**
     * How long an instance trusts what it read for authentication (account, role, revocation): the bound
     * within which a sign-out, disabling or role change made through another instance takes effect. 0: never.
     */
    AUTH_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    /** Failures per (user name, client address) answered at once; each further one doubles a wait. */
    LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
    LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** An account locks only after this many failures within an hour from at least LOGIN_LOCKOUT_SOURCES addresses. */
    LOGIN_LOCKOUT_FAILURES: z.coerce.number().int().min(2).max(200).default(30),
    LOGIN_LOCKOUT_SOURCES: z.coerce.number().int().min(2).max(1000).default(5),
    LOGIN_LOCKOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** Most cases one bulk assign by filters may select (a background job above 100); at most 5000. */
    BULK_ASSIGN_JOB_MAX: z.coerce.number().int().min(101).max(5000).default(5000),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    /** NCRONTAB of the reminders job (read by the Functions host through %REMINDERS_SCHEDULE%). */
    REMINDERS_SCHEDULE: z
      .string()
      .regex(/^\S+( \S+){5}$/, 'must be a six-field NCRONTAB expression')
      .default('0 */15 * * * *'),
    /** How notifications leave: e-mail through Azure Communication Services, a webhook, or (locally) an outbox file. */
    NOTIFY_CHANNEL: z.enum(['outbox', 'webhook', 'email']).default('outbox'),
    NOTIFY_OUTBOX: z.string().default('.data/outbox.jsonl'),
    NOTIFY_WEBHOOK_URL: optionalString.pipe(url.optional()),
    /** ACS endpoint, reached with the app's managed identity (in Azure). */
    ACS_ENDPOINT: optionalString.pipe(url.optional()),
    /** ACS connection string with an access key: local tests against a fake only (Azure disables keys). */
    ACS_CONNECTION_STRING: optionalString,
    /** Extra CA the ACS client trusts (a local fake's self-signed certificate); never process-wide. */
    ACS_CA_CERT_PATH: optionalString,
    NOTIFY_EMAIL_SENDER: optionalString.pipe(z.email({ error: 'must be an e-mail address' }).optional()),
    /** NCRONTAB of the re-encryption timer (read by the Functions host through %REENCRYPT_SCHEDULE%). */
    REENCRYPT_SCHEDULE: z
      .string()
      .regex(/^\S+( \S+){5}$/, 'must be a six-field NCRONTAB expression')
      .default('0 */10 * * * *'),
    /**
     * The longest one call to Cosmos, Blob, Queue or Key Vault may take (SDK retries included, roughly),
     * well under the host's function timeout: a stuck dependency is then a 503, not a hung request.
     */
    DEPENDENCY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((c, ctx) => {
    if (!c.AzureWebJobsStorage && !c.AzureWebJobsStorage__blobServiceUri) {
      ctx.addIssue({
        code: 'custom',
        path: ['AzureWebJobsStorage__blobServiceUri'],
        message: 'set it (identity-based, in Azure) or AzureWebJobsStorage (a connection string, locally)',
      });
    }
    if (c.NOTIFY_CHANNEL === 'webhook' && !c.NOTIFY_WEBHOOK_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['NOTIFY_WEBHOOK_URL'],
        message: 'is required when NOTIFY_CHANNEL is webhook',
      });
    }
    if (c.NOTIFY_CHANNEL === 'email') {
      if (!c.ACS_ENDPOINT && !c.ACS_CONNECTION_STRING)
        ctx.addIssue({
          code: 'custom',
          path: ['ACS_ENDPOINT'],
          message: 'is required when NOTIFY_CHANNEL is email',
        });
      if (!c.NOTIFY_EMAIL_SENDER)
        ctx.addIssue({
          code: 'custom',
          path: ['NOTIFY_EMAIL_SENDER'],
          message: 'is required when NOTIFY_CHANNEL is email',
        });
    }
    if (c.AUTH_MODE === 'entra') {
      for (const name of ['ENTRA_TENANT_ID', 'ENTRA_AUDIENCE'] as const) {
        if (!c[name])
          ctx.addIssue({ code: 'custom', path: [name], message: 'is required when AUTH_MODE is entra' });
      }
    }
    if (!c.KEY_VAULT_URL && !c.LOCAL_KEY_STORE_PATH) {
      ctx.addIssue({
        code: 'custom',
        path: ['KEY_VAULT_URL'],
        message: 'set it (in Azure) or LOCAL_KEY_STORE_PATH (a file, locally)',
      });
    }
  });

export type Config = z.output<typeof configSchema>;

/** Settings only a developer machine uses (emulator keys, the local key file); in Azure, identities do. */
export const localOnlySettings = [
  'WEB_APP_DIR',
  'COSMOS_KEY',
  'COSMOS_CA_CERT_PATH',
  'AzureWebJobsStorage',
  'LOCAL_KEY_STORE_PATH',
  'ACS_CONNECTION_STRING',
  'ACS_CA_CERT_PATH',
];

/** Reads and validates the settings once; a missing or bad one fails naming the setting, not its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `- ${i.path.join('.') || '(settings)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
