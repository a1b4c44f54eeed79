/** `plantpilot opcua certs|trust|untrust`: commissioning a secured connection to the plant's OPC UA server. */
import type { Command } from 'commander';
import { listCertificates, opcuaCertificateDir, trustCertificate, untrustCertificate, type CertificateInfo } from '../../connectors/opcua/certificates';
import { cliContext } from '../context';

const LABEL: Record<CertificateInfo['status'], string> = { own: 'ours', trusted: 'trusted', rejected: 'REFUSED' };

function line(c: CertificateInfo): string {
  const validity = `${c.validFrom.slice(0, 10)} – ${c.validTo.slice(0, 10)}${c.expired ? ' EXPIRED' : ''}`;
  return `${LABEL[c.status].padEnd(8)} ${c.thumbprint}  ${validity}  ${c.applicationUri ?? c.subject}\n${''.padEnd(9)}${c.file}`;
}

export function register(program: Command): void {
  const opcua = program.command('opcua').description('OPC UA certificates for Sign / SignAndEncrypt connections to the plant');

  opcua
    .command('certs')
    .description('list our certificate and the trusted and refused server certificates')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const dir = opcuaCertificateDir(cliContext().config.dataDir);
      const certificates = await listCertificates(dir);
      if (options.json) {
        console.log(JSON.stringify({ dir, certificates }));
        return;
      }
      if (certificates.length === 0) {
        console.log(`No certificates in ${dir} yet: ours is made at the first connection to a plant with OPCUA_SECURITY_MODE set.`);
        return;
      }
      for (const certificate of certificates) console.log(line(certificate));
      if (certificates.some((c) => c.status === 'rejected')) {
        console.log('\nCompare a refused thumbprint with the one the server shows, then: plantpilot opcua trust <thumbprint>');
      }
    });

  opcua
    .command('trust <thumbprint>')
    .description('trust a refused server certificate (its thumbprint, or the first 8+ hex digits); the running app uses it at its next connection attempt')
    .action(async (thumbprint: string) => {
      const trusted = await trustCertificate(opcuaCertificateDir(cliContext().config.dataDir), thumbprint);
      console.log(`Trusted ${trusted.applicationUri ?? trusted.subject} (${trusted.thumbprint}).`);
    });

  opcua
    .command('untrust <thumbprint>')
    .description('withdraw trust from a server certificate (replaced or compromised); it moves back to the refused ones')
    .action(async (thumbprint: string) => {
      const refused = await untrustCertificate(opcuaCertificateDir(cliContext().config.dataDir), thumbprint);
      console.log(`No longer trusted: ${refused.applicationUri ?? refused.subject} (${refused.thumbprint}). Connections to that server will be refused.`);
    });
}
