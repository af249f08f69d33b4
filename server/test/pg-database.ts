/** A new, empty PostgreSQL database on a server, for one test run or one bench run. */
import pg from 'pg';

export interface ThrowawayDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** Creates database `name` on the server at `server`; throws when the role may not create one. */
export async function createDatabase(server: string, name: string): Promise<ThrowawayDatabase> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
    },
  };
}
