/**
 * The connector's OPC UA certificate store (the standard PKI layout node-opcua keeps under
 * `<data dir>/opcua-pki`): our own application certificate, the plant servers we trust, and the
 * ones we refused. Commissioning a secured plant connection is: look at the refused server
 * certificate, compare its thumbprint with the one shown on the server, trust it; and give the
 * server our certificate for its own trust list. Certificates are read with Node's X509Certificate;
 * trust changes go through node-opcua's certificate manager, so its indexes stay right.
 */
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OPCUACertificateManager } from 'node-opcua';
import { AppError } from '../../lib/errors';

export const opcuaCertificateDir = (dataDir: string) => path.join(dataDir, 'opcua-pki');

export type CertificateStatus = 'own' | 'trusted' | 'rejected';

export type CertificateInfo = {
  status: CertificateStatus;
  file: string;
  /** SHA-1 of the DER bytes, lower-case hex: what OPC UA servers show as the thumbprint. */
  thumbprint: string;
  subject: string;
  applicationUri?: string;
  validFrom: string;
  validTo: string;
  expired: boolean;
};

const FOLDERS: Record<CertificateStatus, string> = { own: path.join('own', 'certs'), trusted: path.join('trusted', 'certs'), rejected: 'rejected' };

async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.(pem|der|crt|cer)$/i.test(entry.name))
      .map((entry) => path.join(dir, entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function describe(status: CertificateStatus, file: string, bytes: Buffer, now: Date): CertificateInfo | undefined {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(bytes);
  } catch {
    return undefined; // not a certificate (a key, or a damaged file): listing skips it
  }
  const applicationUri = /URI:([^,\s]+)/.exec(certificate.subjectAltName ?? '')?.[1];
  return {
    status,
    file,
    thumbprint: certificate.fingerprint.replace(/:/g, '').toLowerCase(),
    subject: certificate.subject.replace(/\n/g, ', '),
    applicationUri,
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    expired: new Date(certificate.validTo).getTime() < now.getTime(),
  };
}

/** Every certificate in the store: own first, then trusted, then rejected. */
export async function listCertificates(certificateDir: string, now: Date = new Date()): Promise<CertificateInfo[]> {
  const found: CertificateInfo[] = [];
  for (const status of ['own', 'trusted', 'rejected'] as const) {
    for (const file of await filesIn(path.join(certificateDir, FOLDERS[status]))) {
      const info = describe(status, file, await fs.readFile(file), now);
      if (info) found.push(info);
    }
  }
  return found;
}

/** Finds one certificate by thumbprint or a unique prefix of it (8 hex digits or more; colons allowed). */
function pick(certificates: CertificateInfo[], thumbprint: string, among: CertificateStatus[]): CertificateInfo {
  const wanted = thumbprint.replace(/[:\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]{8,40}$/.test(wanted)) {
    throw new AppError('invalid_argument', `"${thumbprint}" is not a thumbprint: give its hex digits (at least 8), as \`plantpilot opcua certs\` lists them.`);
  }
  const matches = certificates.filter((c) => among.includes(c.status) && c.thumbprint.startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new AppError('not_found', `No ${among.join(' or ')} certificate has the thumbprint ${wanted}. List them with \`plantpilot opcua certs\`.`);
  }
  throw new AppError('invalid_argument', `${matches.length} certificates start with ${wanted}; give more digits.`);
}

async function withManager<T>(certificateDir: string, fn: (manager: OPCUACertificateManager) => Promise<T>): Promise<T> {
  // Loaded only to change trust: listing stays fast and free of node-opcua's start-up notices.
  const { OPCUACertificateManager } = await import('node-opcua');
  const manager = new OPCUACertificateManager({ rootFolder: certificateDir, automaticallyAcceptUnknownCertificate: false });
  try {
    await manager.initialize();
    return await fn(manager);
  } finally {
    await manager.dispose().catch(() => undefined);
  }
}

/** Moves a server certificate to `to` (a no-op when it is there already) through node-opcua's manager. */
async function moveCertificate(certificateDir: string, thumbprint: string, to: 'trusted' | 'rejected'): Promise<CertificateInfo> {
  const chosen = pick(await listCertificates(certificateDir), thumbprint, to === 'trusted' ? ['rejected', 'trusted'] : ['trusted', 'rejected']);
  if (chosen.status === to) return chosen;
  const der = new X509Certificate(await fs.readFile(chosen.file)).raw;
  await withManager(certificateDir, (manager) => (to === 'trusted' ? manager.trustCertificate(der) : manager.rejectCertificate(der)));
  return pick(await listCertificates(certificateDir), chosen.thumbprint, [to]);
}

/** Trusts a refused (or already trusted) server certificate; a running connector uses it at its next connection attempt. */
export function trustCertificate(certificateDir: string, thumbprint: string): Promise<CertificateInfo> {
  return moveCertificate(certificateDir, thumbprint, 'trusted');
}

/** Withdraws trust (a replaced or compromised server certificate): it moves back to rejected. */
export function untrustCertificate(certificateDir: string, thumbprint: string): Promise<CertificateInfo> {
  return moveCertificate(certificateDir, thumbprint, 'rejected');
}
