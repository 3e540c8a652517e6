// For benches that load the engine outside Next without the react-server condition (which would
// break next-intl's client entry): `import "server-only"` resolves to an empty module, as in the
// vitest config. Use: npx tsx --import ./bench/support/server-only-off.mjs bench/<file>.ts
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return next(specifier, context);
}`),
);
