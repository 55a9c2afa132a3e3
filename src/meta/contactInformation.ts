import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import packageJson from '../../package.json';
import { DEPLOYMENT_WIDE } from '../platform/containers';

const DOC_ID = 'contact_information';

/** Who users call for help: Primero's ContactInformation, one per deployment (shown before signing in). */
export const contactInformationSchema = z
  .object({
    name: z.string().max(200).nullable(),
    organization: z.string().max(200).nullable(),
    phone: z.string().max(50).nullable(),
    email: z.string().max(200).nullable(),
    location: z.string().max(200).nullable(),
    position: z.string().max(200).nullable(),
    support_forum: z.string().max(500).nullable(),
    other_information: z.string().max(2000).nullable(),
  })
  .partial()
  .strict();
export type ContactInformation = z.infer<typeof contactInformationSchema>;

const keys = Object.keys(contactInformationSchema.shape) as (keyof ContactInformation)[];

/** Public, as in Primero: the deployment-wide document of the config container (every key null until set). */
export async function readContactInformation(config: Container) {
  const { resource } = await config.item(DOC_ID, [DEPLOYMENT_WIDE, DOC_ID]).read<Record<string, unknown>>();
  const stored = contactInformationSchema.safeParse(
    Object.fromEntries(keys.map((k) => [k, resource?.[k] ?? null])),
  );
  const values = stored.success ? stored.data : {};
  return {
    ...Object.fromEntries(keys.map((k) => [k, values[k] ?? null])),
    system_version: packageJson.version,
    // Primero adds the agencies that have logos; none has one here.
    agencies: [],
  };
}

/** Sets it (seeding, an operator's script): the admin API for it is not built. */
export async function writeContactInformation(config: Container, info: ContactInformation) {
  await config.items.upsert({
    id: DOC_ID,
    type: 'contact_information',
    country_code: DEPLOYMENT_WIDE,
    ...contactInformationSchema.parse(info),
  });
}
