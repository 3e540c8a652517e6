// An in-memory driver adapter for prisma 6's WASM schema engine. `migrate diff` between two
// datamodels needs no database, but the engine still calls connect(); this satisfies it and
// refuses any real query, so a mistake cannot touch a database.
export function stubAdapterFactory(provider) {
  const refuse = async (...args) => {
    if (process.env.STUB_ADAPTER_DEBUG) console.error("stub adapter call", JSON.stringify(args));
    throw new Error("stub adapter: no database behind this connection (migrate diff only)");
  };
  // The postgres engine probes the server version before diffing: answer like a PostgreSQL 15.
  const queryRaw = async (query) => {
    if (provider === "postgres" && /FROM pg_namespace/.test(query.sql)) {
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [5, 7, 0], // Boolean, Text, Int32 (driver-adapter-utils ColumnTypeEnum)
        rows: [[true, "PostgreSQL 15.0 (stub)", 150000]],
      };
    }
    return refuse(query);
  };
  const connection = {
    provider,
    adapterName: `stub-${provider}`,
    queryRaw,
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    getConnectionInfo: () => ({
      supportsRelationJoins: false,
      schemaName: provider === "postgres" ? "public" : undefined,
    }),
    dispose: async () => {},
  };
  return {
    provider,
    adapterName: `stub-${provider}`,
    connect: async () => connection,
    connectToShadowDb: async () => connection,
  };
}
