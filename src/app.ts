import { readFileSync } from 'node:fs';
import type { TokenCredential } from '@azure/identity';
import type { BlobServiceClient } from '@azure/storage-blob';
import type { CosmosClient, Database } from '@azure/cosmos';
import type { AttachmentDeps } from './attachments/attachmentDeps';
import { AttachmentStore } from './attachments/attachmentStore';
import { AuditLog } from './audit/auditLog';
import { Directory } from './admin/directory';
import { directoryKind } from './admin/directoryKinds';
import { ConfigDocs } from './forms/configDocs';
import { FieldAccess } from './forms/fieldAccess';
import { FormStore } from './forms/formStore';
import { FormRoles } from './forms/formRoles';
import { FormValidation } from './forms/formValidation';
import { RecordHistory } from './history/recordHistory';
import { EntraTokens } from './auth/entraTokens';
import { AuthCache } from './auth/authCache';
import { LoginGuard } from './auth/loginGuard';
import { Revocations } from './auth/revocations';
import { SessionTokens } from './auth/sessionTokens';
import { SigningKeys } from './auth/signingKeys';
import type { RecordDeps } from './records/recordDeps';
import { IdReservations } from './records/idReservations';
import { RecordRepository } from './records/recordRepository';
import type { CaseDocument } from './records/recordDocument';
import { kindOf, recordKinds } from './records/recordKinds';
import { Tombstones } from './records/tombstones';
import { BulkAssignJobs } from './transitions/bulkAssignJobs';
import { CosmosClock } from './sync/cosmosClock';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { CountrySettingsRepository } from './countries/countrySettingsRepository';
import { DataKeys } from './crypto/dataKeys';
import type { KeyStore } from './keys/keyStore';
import { KeyVaultKeyStore } from './keys/keyVaultKeyStore';
import { LocalKeyStore } from './keys/localKeyStore';
import { createLogger, type Logger } from './logger';
import { createCosmosClient, openContainers, type Containers } from './platform/cosmos';
import { containerDefinitions } from './platform/containers';
import { CosmosRequests } from './platform/cosmosRequests';
import { defaultCredential } from './platform/defaultCredential';
import { RecordCipher } from './records/recordCipher';
import { FieldProtections } from './records/fieldProtections';
import { plainFieldsOf } from './records/protection';
import { Receipts } from './sync/receipts';
import { AlertStore } from './reminders/alertStore';
import { OutboxChannel, WebhookChannel, type NotificationChannel } from './notifications/channels';
import { NotificationQueue } from './notifications/notificationQueue';
import { EmailChannel } from './notifications/emailChannel';
import { NotificationStats } from './notifications/notificationStats';
import type { QueueServiceClient } from '@azure/storage-queue';
import { createBlobServiceClient, createQueueServiceClient } from './platform/storage';
import { UserRepository } from './users/userRepository';

/** Every service the endpoints and jobs use, built once from the configuration. */
export interface App {
  config: Config;
  clock: Clock;
  logger: Logger;
  cosmos: CosmosClient;
  /** Round trips to Cosmos so far (the benchmark's and tests' count per API call). */
  cosmosRequests: CosmosRequests;
  database: Database;
  containers: Containers;
  blob: BlobServiceClient;
  keyStore: KeyStore;
  dataKeys: DataKeys;
  users: UserRepository;
  settings: CountrySettingsRepository;
  /** Each country's published forms, versioned. */
  forms: FormStore;
  loginGuard: LoginGuard;
  tokens: SessionTokens;
  revocations: Revocations;
  authCache: AuthCache;
  /** Present when AUTH_MODE is entra. */
  entra?: EntraTokens;
  records: RecordDeps;
  /** Roles, user groups, agencies: who works in each country. */
  directory: Directory;
  /** Each country's lookups and locations, which its forms point to. */
  configDocs: ConfigDocs;
  /** What hard-deleted records leave for offline devices. */
  tombstones: Tombstones;
  /** Cosmos's time, for the sync pull's settle window. */
  cosmosClock: CosmosClock;
  audit: AuditLog;
  attachments: AttachmentDeps;
  receipts: Receipts;
  bulkAssignJobs: BulkAssignJobs;
  alerts: AlertStore;
  notifications: { queue: NotificationQueue; channel: NotificationChannel };
  notificationStats: NotificationStats;
  queues(): QueueServiceClient;
}

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  keyStore?: KeyStore;
  /** The identity Azure clients use (DefaultAzureCredential, the managed identity in Azure, by default). */
  credential?: TokenCredential;
}

function notificationChannel(
  config: Config,
  clock: Clock,
  credential: () => TokenCredential,
): NotificationChannel {
  if (config.NOTIFY_CHANNEL === 'webhook') return new WebhookChannel(config.NOTIFY_WEBHOOK_URL as string);
  if (config.NOTIFY_CHANNEL === 'email')
    return EmailChannel.create(
      {
        endpoint: config.ACS_ENDPOINT,
        connectionString: config.ACS_CONNECTION_STRING,
        ca: config.ACS_CA_CERT_PATH ? readFileSync(config.ACS_CA_CERT_PATH, 'utf8') : undefined,
        credential,
      },
      { sender: config.NOTIFY_EMAIL_SENDER as string },
    );
  return new OutboxChannel(config.NOTIFY_OUTBOX, () => clock.now());
}

// A form may call plain only what the server keeps in clear anyway (records/protection.ts).
const plainFields = (recordType: string) => plainFieldsOf(kindOf(recordType));
// ...and may offer for input only what a client may write.
const serverOwned = (recordType: string) => kindOf(recordType).serverOwned;

/** The composition root: config in, services out. Tests call it against the emulators. */
export function createApp(config: Config, overrides: AppOverrides = {}): App {
  let credential = overrides.credential;
  const lazyCredential = () => (credential ??= defaultCredential());
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const cosmosRequests = new CosmosRequests();
  const cosmos = createCosmosClient(config, lazyCredential, [cosmosRequests.plugin()]);
  const authCache = new AuthCache(clock, config.AUTH_CACHE_SECONDS * 1000);
  // Accounts, roles and revocations live in `users`: what this instance writes there, it sees at once.
  cosmosRequests.onWrite((container) => {
    if (container === containerDefinitions.users.id) authCache.clear();
  });
  const database = cosmos.database(config.COSMOS_DATABASE);
  const containers = openContainers(database);
  const keyStore =
    overrides.keyStore ??
    (config.KEY_VAULT_URL
      ? new KeyVaultKeyStore(config.KEY_VAULT_URL, lazyCredential(), {}, config.DEPENDENCY_TIMEOUT_MS)
      : new LocalKeyStore(config.LOCAL_KEY_STORE_PATH as string));

  const settings = new CountrySettingsRepository(containers.config, clock);
  const dataKeys = new DataKeys(keyStore, clock);
  const users = new UserRepository(containers.users, dataKeys);
  const forms = new FormStore(containers.config, clock, { plainFields, serverOwned });
  const cipher = new RecordCipher(dataKeys, new FieldProtections(forms));
  // A record left out of a list, task list or sync pull for failing its integrity check: tampering or a lost
  // key, which operators must hear of (its id only: nothing it holds).
  const unreadable = (countryCode: string, id: string) =>
    logger.error({ country_code: countryCode, record_id: id }, 'record failed its integrity check; left out');
  const repos = {
    case: new RecordRepository<CaseDocument>(containers.records, cipher, recordKinds.case, unreadable),
    incident: new RecordRepository(containers.records, cipher, recordKinds.incident, unreadable),
    tracing_request: new RecordRepository(
      containers.records,
      cipher,
      recordKinds.tracing_request,
      unreadable,
    ),
  };
  // Made on first use, with the blob SDK: most requests never touch an attachment (cold start, issue 18).
  let blob: BlobServiceClient | undefined;
  const blobClient = () => (blob ??= createBlobServiceClient(config, lazyCredential));
  const directory = new Directory({ users: containers.users });
  const configDocs = new ConfigDocs(containers.config);
  const validation = new FormValidation({
    forms,
    configDocs,
    agencies: (countryCode) => directory.all(countryCode, directoryKind('agencies')),
    users: containers.users,
    clock,
  });
  // Lookups, locations, agencies and accounts this instance changes apply to its next record write.
  cosmosRequests.onWrite((container) => {
    if (container === containerDefinitions.config.id || container === containerDefinitions.users.id)
      validation.clear();
  });
  const records: RecordDeps = {
    repos,
    fieldAccess: new FieldAccess(forms, settings),
    cases: repos.case,
    settings,
    validation,
    roles: new FormRoles(forms),
    clock,
    history: new RecordHistory(containers.audit, dataKeys),
    ids: new IdReservations(containers.records, clock),
  };
  const audit = new AuditLog(containers.audit, clock);
  return {
    config,
    clock,
    logger,
    cosmos,
    cosmosRequests,
    database,
    containers,
    get blob() {
      return blobClient();
    },
    set blob(client: BlobServiceClient) {
      blob = client;
    },
    keyStore,
    dataKeys,
    users,
    settings,
    loginGuard: new LoginGuard(
      containers.users,
      clock,
      {
        freeFailures: config.LOGIN_FREE_FAILURES,
        maxDelaySeconds: config.LOGIN_MAX_DELAY_SECONDS,
        lockoutFailures: config.LOGIN_LOCKOUT_FAILURES,
        lockoutSources: config.LOGIN_LOCKOUT_SOURCES,
        lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
      },
      dataKeys,
    ),
    tokens: new SessionTokens(
      new SigningKeys(dataKeys),
      clock,
      config.TOKEN_TTL_MINUTES,
      config.SESSION_MAX_HOURS * 60,
    ),
    revocations: new Revocations(containers.users, clock),
    authCache,
    ...(config.AUTH_MODE === 'entra' ? { entra: new EntraTokens(config, clock) } : {}),
    records,
    directory,
    configDocs,
    forms,
    tombstones: new Tombstones(containers.records),
    cosmosClock: new CosmosClock(containers.sync),
    audit,
    receipts: new Receipts(containers.sync, clock, config.DEPENDENCY_TIMEOUT_MS),
    bulkAssignJobs: new BulkAssignJobs(containers.sync, clock),
    alerts: new AlertStore(containers.alerts),
    notificationStats: new NotificationStats(containers.config),
    queues: () => createQueueServiceClient(config, lazyCredential),
    notifications: {
      // Queue clients are only created when a job needs them: HTTP-only hosts need no queue endpoint.
      get queue() {
        return new NotificationQueue(
          createQueueServiceClient(config, lazyCredential).getQueueClient('notifications'),
          config.DEPENDENCY_TIMEOUT_MS,
        );
      },
      channel: notificationChannel(config, clock, lazyCredential),
    },
    attachments: {
      records,
      dataKeys,
      store: new AttachmentStore(
        () => blobClient().getContainerClient(config.ATTACHMENTS_CONTAINER),
        config.DEPENDENCY_TIMEOUT_MS,
      ),
      audit,
    },
  };
}
