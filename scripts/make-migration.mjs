// Writes a new migration for both databases, offline: `node scripts/make-migration.mjs <name>`.
// Prisma 7's CLI needs a native engine this machine cannot download, so the SQL comes from
// prisma 6.19.3's WASM schema engine (`migrate diff`) installed in .tools/prisma6 (its own
// package.json, so it does not take over node_modules/.bin/prisma). See docs/decisions/003.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: node scripts/make-migration.mjs <name>");
  process.exit(2);
}
const tool = path.join(root, ".tools/prisma6");
if (!existsSync(path.join(tool, "node_modules/prisma"))) {
  mkdirSync(tool, { recursive: true });
  writeFileSync(path.join(tool, "package.json"), '{"name":"prisma6-tool","private":true}\n');
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "prisma@6.19.3"], { cwd: tool, stdio: "inherit" });
  writeFileSync(path.join(tool, "libquery_engine-stub.so.node"), "");
}
execFileSync("node", [path.join(root, "scripts/prisma-generate.mjs"), "--write-schemas-only"], { stdio: "inherit" });

const stamp = new Date()
  .toISOString()
  .replace(/[-:TZ.]/g, "")
  .slice(0, 14);
for (const provider of ["sqlite", "postgresql"]) {
  const adapterProvider = provider === "postgresql" ? "postgres" : "sqlite";
  const config = path.join(tool, `prisma.config.${provider}.ts`);
  writeFileSync(
    config,
    `import { stubAdapterFactory } from ${JSON.stringify(path.join(root, "scripts/migration-tool/stub-adapter.mjs"))};
export default {
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => stubAdapterFactory(${JSON.stringify(adapterProvider)}),
};
`,
  );
  const migrationsDir = path.join(root, "prisma/migrations", provider);
  mkdirSync(migrationsDir, { recursive: true });
  const snapshot = path.join(migrationsDir, "schema.snapshot.prisma");
  const target = path.join(root, "prisma/schema", provider, "schema.prisma");
  // prisma 6 insists on a datasource url; prisma 7 forbids one. Diff temp copies that carry one.
  const withUrl = (file, label) => {
    const copy = path.join(tool, `${provider}.${label}.prisma`);
    const url = provider === "sqlite" ? "file:./unused.db" : "postgresql://unused@localhost/unused";
    writeFileSync(
      copy,
      readFileSync(file, "utf8").replace(
        /datasource db \{\n  provider = "[a-z]+"\n/,
        (m) => `${m}  url      = "${url}"\n`,
      ),
    );
    return copy;
  };
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", withUrl(snapshot, "from")] : ["--from-empty"];
  const sql = execFileSync(
    path.join(tool, "node_modules/.bin/prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", withUrl(target, "to"), "--script", "--config", config],
    {
      cwd: tool,
      encoding: "utf8",
      env: {
        ...process.env,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
        PRISMA_QUERY_ENGINE_LIBRARY: path.join(tool, "libquery_engine-stub.so.node"),
        PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts/prisma-engine-stub.sh"),
      },
    },
  );
  if (!sql.trim() || /This is an empty migration/.test(sql)) {
    console.log(`${provider}: no changes`);
    continue;
  }
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync(target, snapshot);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, `provider = "${provider}"\n`);
  console.log(
    `${provider}: wrote ${path.relative(root, dir)}/migration.sql (${readFileSync(path.join(dir, "migration.sql"), "utf8").split("\n").length} lines)`,
  );
}
