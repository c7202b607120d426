// Upstream's post-restore step (cdtn-admin `.kontinuous/sql/post-restore.sql`), re-expressed:
// anonymise every user, add the drill admin, blank contribution comments, empty the audit log.
import { argon2Sync } from 'node:crypto';
import type pg from 'pg';
import { RestoreError } from './restore-error.ts';

export const DRILL_ADMIN = {
  id: '8babda41-6001-4665-96f5-c430fddb0c53',
  email: 'codedutravailnumerique@travail.gouv.fr',
  name: 'Administrateur',
  role: 'super',
  /** Upstream's README gives this password for the restored admin. */
  password: 'admin',
} as const;

export const ANONYMISED_EMAIL_DOMAIN = 'travail.gouv.fr';

export interface PostRestoreOptions {
  /** End the other sessions on the database, as upstream does to make services reconnect. */
  terminateOtherSessions?: boolean;
}

export async function runPostRestore(pool: pg.Pool, options: PostRestoreOptions = {}): Promise<void> {
  const hash = hashPassword(DRILL_ADMIN.password);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `UPDATE auth.users u SET password = $1, email = u.id || '@${ANONYMISED_EMAIL_DOMAIN}',
         name = upper(left(name, 1)) ||
                CASE WHEN position(' ' IN name) > 0 THEN upper(substring(name FROM position(' ' IN name) + 1 FOR 1)) ELSE '' END`,
      [hash],
    );
    // Upstream's plain INSERT fails on a dump that already holds the admin; the drill makes it so.
    await client.query(
      `INSERT INTO auth.users (email, password, name, role, is_active, id) VALUES ($1, $2, $3, $4, true, $5)
       ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, role = EXCLUDED.role, is_active = true`,
      [DRILL_ADMIN.email, hash, DRILL_ADMIN.name, DRILL_ADMIN.role, DRILL_ADMIN.id],
    );
    const { rows } = await client.query<{ present: boolean }>(
      "SELECT to_regclass('contribution.answer_comments') IS NOT NULL AS present",
    );
    if (rows[0]?.present) {
      await client.query("UPDATE contribution.answer_comments SET content = 'Lorem ipsum dolor sit amet.'");
    }
    await client.query('TRUNCATE audit.logged_actions');
    await client.query('COMMIT');
    if (options.terminateOtherSessions) {
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database()',
      );
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new RestoreError(`post-restore step failed: ${(error as Error).message}`, { cause: error });
  } finally {
    client.release();
  }
}

/** argon2id in PHC form with upstream's parameters; fixed salt so every drill stores the same hash. */
function hashPassword(password: string): string {
  const params = { memory: 65536, passes: 3, parallelism: 4 };
  const nonce = Buffer.from('cdtn-recovery-drill');
  const hash = argon2Sync('argon2id', { message: password, nonce, tagLength: 32, ...params });
  const b64 = (buffer: Buffer): string => buffer.toString('base64').replace(/=+$/, '');
  return `$argon2id$v=19$m=${params.memory},t=${params.passes},p=${params.parallelism}$${b64(nonce)}$${b64(hash)}`;
}
