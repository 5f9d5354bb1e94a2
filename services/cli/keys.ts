// `npx tsx services/cli/keys.ts create --role R --name N | list | revoke ID`:
// manages API keys. A new key is printed once on stdout and stored only as its sha256 hash, in the
// service store under DATA_DIR (Neo4j is not needed).
import { ApiKeys } from "../api/auth/keys.ts";
import { ROLES, type Role } from "../api/auth/roles.ts";
import { config } from "../config/index.ts";
import { ServiceStore } from "../store/index.ts";

const USAGE = `usage: tsx services/cli/keys.ts create --role <${ROLES.join("|")}> --name <name>
       tsx services/cli/keys.ts list
       tsx services/cli/keys.ts revoke <key-id>`;

type Command = { kind: "create"; role: Role; name: string } | { kind: "list" } | { kind: "revoke"; id: string };

export function parseKeyArgs(argv: string[]): Command {
  const [command, ...rest] = argv;
  const option = (name: string): string | undefined => {
    const i = rest.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    const arg = rest[i] as string;
    return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : rest[i + 1];
  };
  switch (command) {
    case "create": {
      const role = option("role");
      const name = option("name")?.trim();
      if (!role || !(ROLES as readonly string[]).includes(role)) throw new Error(`--role must be one of ${ROLES.join(", ")}\n${USAGE}`);
      if (!name) throw new Error(`--name is required\n${USAGE}`);
      return { kind: "create", role: role as Role, name };
    }
    case "list":
      return { kind: "list" };
    case "revoke":
      if (!rest[0]) throw new Error(USAGE);
      return { kind: "revoke", id: rest[0] };
    default:
      throw new Error(USAGE);
  }
}

async function main(): Promise<number> {
  let command: Command;
  try {
    command = parseKeyArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const store = new ServiceStore(config().api.serviceDir);
  try {
    const keys = new ApiKeys(store, 0);
    switch (command.kind) {
      case "create": {
        const { key, record } = await keys.create(command.name, command.role);
        process.stderr.write(`created ${record.id} (${record.role}, ${record.name}); the key is shown once:\n`);
        process.stdout.write(`${key}\n`);
        return 0;
      }
      case "list": {
        const rows = await keys.list();
        for (const k of rows) process.stdout.write(`${k.id}\t${k.role}\t${k.name}\t${k.createdAt}\t${k.revokedAt ? `revoked ${k.revokedAt}` : "active"}\n`);
        if (rows.length === 0) process.stderr.write("no API keys\n");
        return 0;
      }
      case "revoke": {
        const record = await keys.revoke(command.id);
        if (!record) {
          process.stderr.write(`no API key ${command.id}\n`);
          return 1;
        }
        process.stdout.write(`revoked ${record.id} (${record.role}, ${record.name}) at ${record.revokedAt}\n`);
        process.stderr.write("a running server that verified it recently trusts it for at most API_KEY_CACHE_SECONDS more\n");
        return 0;
      }
      default:
        return 2;
    }
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
