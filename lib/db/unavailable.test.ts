import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { asDbUnavailable, isDbUnavailable } from './unavailable';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isDbUnavailable', () => {
  it('knows outages: refused, reset, shutdown, not accepting connections, connection exceptions', () => {
    for (const error of [
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      pgError('ECONNRESET', 'read ECONNRESET'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is starting up'),
      pgError('55000', 'database "x" is not currently accepting connections'),
      pgError('08006', 'connection failure'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new AppError('internal', 'wrapped', { cause: pgError('57P01', 'terminating connection') }),
    ])
      expect(isDbUnavailable(error), String(error)).toBe(true);
  });

  it('leaves wrong queries alone, 55000 included when it is not about connections', () => {
    for (const error of [
      pgError('42P01', 'relation "nope" does not exist'),
      pgError('55000', 'currval of sequence "s" is not yet defined in this session'),
      pgError('23505', 'duplicate key value violates unique constraint'),
      new Error('something else'),
    ])
      expect(isDbUnavailable(error), String(error)).toBe(false);
  });

  it('wraps an outage into db_unavailable with the words people read, and passes anything else through', () => {
    const wrapped = asDbUnavailable('PostgreSQL at db:5432', pgError('ECONNREFUSED', 'x')) as AppError;
    expect(wrapped.code).toBe('db_unavailable');
    expect(wrapped.message).toMatch(/^The database is unavailable, retrying: PostgreSQL at db:5432 \(connection refused\)/);
    const other = pgError('42P01', 'relation "nope" does not exist');
    expect(asDbUnavailable('x', other)).toBe(other);
  });
});
