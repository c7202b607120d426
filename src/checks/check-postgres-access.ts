// gt4, PostgreSQL: the drill's credentials log in, the server's version, and the privileges
// `pg_restore --clean --if-exists --no-owner --no-acl` needs (superuser, or CREATE on the
// database for the schemas and on schema public for its tables).
import type pg from 'pg';
import { CheckError } from './check-error.ts';

export interface PostgresAccess {
  user: string;
  database: string;
  serverVersion: string;
  /** `server_version_num`, e.g. 150012. */
  serverVersionNum: number;
  superuser: boolean;
  canCreateSchemas: boolean;
  canCreateInPublic: boolean;
}

export interface CheckPostgresAccessOptions {
  /** Where the pool points, for messages: `host:port/database` (never the password). */
  endpoint: string;
  task?: string;
  /** The backup's server version ("15.8"): the server must be at least that major version. */
  dumpServerVersion?: string;
}

const ACCESS_SQL = `
  SELECT current_user AS user, current_database() AS database,
         current_setting('server_version') AS server_version,
         current_setting('server_version_num')::int AS server_version_num,
         r.rolsuper AS superuser,
         has_database_privilege(current_database(), 'CREATE') AS can_create_schemas,
         has_schema_privilege('public', 'CREATE') AS can_create_in_public
  FROM pg_roles r WHERE r.rolname = current_user`;

export async function checkPostgresAccess(
  pool: pg.Pool | pg.ClientBase,
  options: CheckPostgresAccessOptions,
): Promise<PostgresAccess> {
  const task = options.task ?? 'gt4';
  const object = `PostgreSQL ${options.endpoint}`;
  let row: Record<string, unknown>;
  try {
    row = (await pool.query(ACCESS_SQL)).rows[0] as Record<string, unknown>;
  } catch (error) {
    throw new CheckError(
      { task, object, expected: 'a login with the drill credentials', found: (error as Error).message },
      { cause: error },
    );
  }
  const access: PostgresAccess = {
    user: String(row.user),
    database: String(row.database),
    serverVersion: String(row.server_version),
    serverVersionNum: Number(row.server_version_num),
    superuser: row.superuser === true,
    canCreateSchemas: row.can_create_schemas === true,
    canCreateInPublic: row.can_create_in_public === true,
  };
  if (!access.superuser && !(access.canCreateSchemas && access.canCreateInPublic)) {
    const yesNo = (value: boolean) => (value ? 'yes' : 'no');
    throw new CheckError({
      task,
      object: `${object} as ${access.user}`,
      expected: `superuser, or CREATE on database ${access.database} and on schema public (pg_restore creates schemas and tables)`,
      found: `superuser: no, CREATE on database: ${yesNo(access.canCreateSchemas)}, CREATE on schema public: ${yesNo(access.canCreateInPublic)}`,
    });
  }
  const dumpMajor = options.dumpServerVersion ? Number.parseInt(options.dumpServerVersion, 10) : undefined;
  const serverMajor = Math.floor(access.serverVersionNum / 10_000);
  if (dumpMajor !== undefined && serverMajor < dumpMajor) {
    throw new CheckError({
      task,
      object,
      expected: `PostgreSQL ${dumpMajor} or later (the backup was dumped from ${options.dumpServerVersion})`,
      found: `PostgreSQL ${access.serverVersion}`,
    });
  }
  return access;
}
