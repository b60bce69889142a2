// Test certificates made at test time with the openssl CLI (OpenSSL 3): a CA and a leaf it signed, an
// expired leaf signed by the same CA, and a self-signed leaf. Trust the CA through `ca` options.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type KeyPair = { key: string; cert: string };

export type TestCertificates = {
  /** PEM of the test CA. */
  ca: string;
  /** Valid for two days, signed by the CA. */
  leaf: KeyPair;
  /** Signed by the CA, valid only on 2020-01-01. */
  expired: KeyPair;
  /** Valid, but signed by its own key. */
  selfSigned: KeyPair;
};

export type CertificateNames = { dns: string[]; ips: string[] };

const DEFAULT_NAMES: CertificateNames = { dns: ['app.example.test', 'localhost'], ips: ['127.0.0.1', '::1'] };
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** Every certificate carries the given names as subjectAltName; the common name is the first DNS name. */
export function makeTestCertificates(names: CertificateNames = DEFAULT_NAMES): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'hopwatch-certs-'));
  try {
    const san = [...names.dns.map((name) => `DNS:${name}`), ...names.ips.map((ip) => `IP:${ip}`)].join(',');
    const subject = `/CN=${names.dns[0] ?? names.ips[0]}`;
    const run = (args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
    run(['req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/O=hopwatch tests/CN=hopwatch test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    writeCaConfig(dir, san);
    const signed = (name: string, validity: string[]): KeyPair => {
      run(['req', '-new', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
      run(['ca', '-batch', '-config', 'ca.cnf', '-notext', '-in', `${name}.csr`, '-out', `${name}.pem`, ...validity]);
      return { key: read(`${name}.key`), cert: read(`${name}.pem`) };
    };
    const leaf = signed('leaf', ['-days', '2']);
    const expired = signed('expired', ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z']);
    run(['req', '-x509', ...EC_KEY, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', subject, '-addext', `subjectAltName=${san}`]);
    return { ca: read('ca.pem'), leaf, expired, selfSigned: { key: read('self.key'), cert: read('self.pem') } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeCaConfig(dir: string, san: string): void {
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      'database = index.txt',
      'serial = serial',
      'new_certs_dir = .',
      'certificate = ca.pem',
      'private_key = ca.key',
      'default_md = sha256',
      'policy = any_name',
      'unique_subject = no',
      'x509_extensions = leaf_ext',
      '[any_name]',
      'commonName = supplied',
      '[leaf_ext]',
      'basicConstraints = CA:FALSE',
      'keyUsage = critical,digitalSignature',
      'extendedKeyUsage = serverAuth',
      `subjectAltName = ${san}`,
      '',
    ].join('\n'),
  );
}
