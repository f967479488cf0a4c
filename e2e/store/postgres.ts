/** The native stack's store as the store tests see it: FerretDB's port and the PostgreSQL under it. */
import { execFileSync } from 'node:child_process';

export const ferretdbUrl = `mongodb://127.0.0.1:${process.env['FERRETDB_PORT'] ?? 27017}/?directConnection=true`;

/** Runs one SQL statement in FerretDB's database with psql and returns its rows, fields split on '|'. */
export function sql(statement: string): string[][] {
  const out = execFileSync(
    'psql',
    [
      '-X',
      '-At',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      '127.0.0.1',
      '-p',
      process.env['POSTGRES_PORT'] ?? '5432',
      '-U',
      'postgres',
      '-d',
      'ferretdb',
      '-c',
      statement,
    ],
    { encoding: 'utf8' },
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('|'));
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Every node of the PostgreSQL plan FerretDB's explain returns (its queryPlanner is PostgreSQL's EXPLAIN). */
export function planNodes(explain: any): PlanNode[] {
  const walk = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(walk)];
  return walk(explain.queryPlanner.Plan as PlanNode);
}
