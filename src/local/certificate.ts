import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface CertificatePaths {
  certPath: string;
  keyPath: string;
}

/**
 * A self-signed certificate for the Cosmos emulator's HTTPS endpoint, made on this machine on first use
 * (never committed). Only our Cosmos client trusts it, through COSMOS_CA_CERT_PATH.
 */
export async function ensureCertificate(dir: string): Promise<CertificatePaths> {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = new X509Certificate(readFileSync(certPath));
    if (Date.parse(cert.validTo) > Date.now() + 7 * 86_400_000) return { certPath, keyPath };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    days: 365,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  } as never);
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return { certPath, keyPath };
}
