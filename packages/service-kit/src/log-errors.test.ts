import { mongo } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

const nationalId = '2980011223';
const logged = (err: unknown) => {
  const lines: string[] = [];
  createLogger('test', 'info', { write: (line: string) => void lines.push(line) }).error({ err }, 'request failed');
  return { text: lines.join(''), err: (JSON.parse(lines[0] ?? '{}') as { err: Record<string, unknown> }).err };
};

describe("an error's log line", () => {
  it("keeps a duplicate key's code and index but not the value the store quoted", () => {
    const duplicate = new mongo.MongoServerError({
      message: `E11000 duplicate key error collection: hamgam_clinics.residents index: nationalIdIndex_1 dup key: { nationalIdIndex: "${nationalId}" }`,
      code: 11000,
      keyValue: { nationalIdIndex: nationalId },
    });
    const { text, err } = logged(duplicate);
    expect(text).not.toContain(nationalId);
    expect(err).toMatchObject({
      type: 'MongoServerError',
      code: 11000,
      message: expect.stringContaining('index: nationalIdIndex_1 dup key: [redacted]'),
    });
    expect(err['stack']).toEqual(expect.stringContaining('log-errors.test.ts'));
  });

  it('masks quoted values in messages, stacks and causes, and keeps unquoted words', () => {
    const cast = new Error(`Cast to ObjectId failed for value "${nationalId}" (type string) at path "_id"`, {
      cause: new Error(`Validator failed for path \`name\` with value \`Zahra ${nationalId}\``),
    });
    const { text, err } = logged(cast);
    expect(text).not.toContain(nationalId);
    expect(err).toMatchObject({
      type: 'Error',
      message: 'Cast to ObjectId failed for value "[redacted]" (type string) at path "[redacted]"',
    });
    expect(err['cause']).toMatchObject({ message: 'Validator failed for path `name` with value `[redacted]`' });
  });

  it('drops fields outside the known set (a driver copies the offending document into errInfo)', () => {
    const { text, err } = logged(
      Object.assign(new Error('Document failed validation'), { errInfo: { phone: '09121234567' }, status: 500 }),
    );
    expect(text).not.toContain('09121234567');
    expect(err).toMatchObject({ status: 500, message: 'Document failed validation' });
  });
});
