// docker-compose.yml's agency services and shell, from the registry. The rest of the file (the backing
// services, the anchors these entries merge, the volumes) is written by hand; this replaces only what
// stands between the two marker lines.
import { SERVICES, SHELL, type Service } from '@hamgam/registry';

const BEGIN = '  # >>> written by npm run generate from the registry (packages/registry): edit that, not these entries';
const END = '  # <<< end of what npm run generate writes';

/** A variable compose must have (from .env, which infra/compose/secrets.sh writes). */
const required = (name: string) => `\${${name}:?run npm run compose:secrets first}`;

function agency(s: Service): string[] {
  const lines = [
    `  ${s.service}:`,
    '    <<: *service',
    `    build: { <<: *build, args: { SERVICE: ${s.service} } }`,
    `    image: hamgam/${s.service}`,
    `    ports: ["${s.port}:${s.port}"]`,
    '    environment:',
    '      <<: *service-env',
    `      PORT: "${s.port}"`,
    `      MONGO_URL: mongodb://${required('MONGO_ROOT_USER')}:${required('MONGO_ROOT_PASSWORD')}@mongo:27017/${s.database}?replicaSet=rs0&authSource=admin`,
    `      UI_DIST: /app/services/${s.service}/ui/dist`,
  ];
  if (s.keys) {
    lines.push('      # Personal data is sealed with these: keep them (.env); what they sealed cannot be read without them.');
    for (const key of s.keys.current) lines.push(`      ${key}: ${required(key)}`);
  }
  return lines;
}

function shell(): string[] {
  return [
    `  ${SHELL.service}:`,
    `    build: { <<: *build, args: { SERVICE: ${SHELL.service} } }`,
    `    image: hamgam/${SHELL.service}`,
    '    init: true',
    '    restart: unless-stopped',
    `    ports: ["${SHELL.port}:${SHELL.port}"]`,
    '    environment:',
    `      PORT: "${SHELL.port}"`,
    ...SERVICES.map((s) => `      SERVICE_HOST_${s.env}: ${s.service}`),
    '    # The shell starts without the agencies (a missing remote shows a fallback card), but compose',
    '    # waits for them so a fresh `up` opens on a working page.',
    '    depends_on:',
    ...SERVICES.map((s) => `      ${s.service}: { condition: service_healthy }`),
    '    healthcheck:',
    `      test: ["CMD", "node", "-e", "fetch('http://127.0.0.1:${SHELL.port}/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]`,
    '      interval: 10s',
    '      timeout: 5s',
    '      start_period: 10s',
    '      retries: 6',
  ];
}

/** The compose file with its generated entries rewritten. */
export function composeFile(current: string): string {
  const lines = current.split('\n');
  const begin = lines.indexOf(BEGIN);
  const end = lines.indexOf(END);
  if (begin < 0 || end < begin)
    throw new Error(`docker-compose.yml: the lines\n${BEGIN}\n…\n${END}\nmust stand, in that order, where the agency services go`);
  const entries = [...SERVICES.map(agency), shell()].flatMap((block) => ['', ...block]).slice(1);
  return [...lines.slice(0, begin + 1), ...entries, ...lines.slice(end)].join('\n');
}
