/**
 * Type parsing for pgvector columns, per pool. pgvector's `registerTypes` runs a query on every
 * new connection, racing the connection's first real query; looking the type ids up once and
 * handing the pool its own parser table avoids that, and keeps the ids of one database (they
 * differ between PGlite and each server) from leaking into another pool through pg's globals.
 */
import pg from 'pg';
import pgvector from 'pgvector';

export type PoolTypes = { getTypeParser: typeof pg.types.getTypeParser };

type RowSource = { query(text: string): Promise<{ rows: unknown[] }> };

export async function vectorTypes(db: RowSource): Promise<PoolTypes> {
  const { rows } = (await db.query("SELECT typname, oid::int AS oid FROM pg_type WHERE typname IN ('vector', 'halfvec')")) as {
    rows: { typname: string; oid: number }[];
  };
  const parsers = new Map<number, (text: string) => unknown>(rows.map((row) => [row.oid, (text: string) => pgvector.fromSql(text)]));
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      const parser = format !== 'binary' ? parsers.get(oid) : undefined;
      return parser ?? pg.types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
}
