#!/bin/sh
# Prisma 7's CLI wants to download a native schema engine even for `generate`; this machine is
# offline. Pointing PRISMA_SCHEMA_ENGINE_BINARY here lets generate/validate/format run, and makes
# anything that truly needs the engine fail with a reason. Migrations: see scripts/migrate.ts.
echo "The Prisma schema engine is not available offline; use 'npm run db:migrate' (scripts/migrate.ts)." >&2
exit 1
