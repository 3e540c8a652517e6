/** What Prisma takes as `adapter`: a driver adapter factory (the part the studio's wrappers use). */
type Factory = { readonly provider: string; readonly adapterName: string; connect(): Promise<unknown> };
type Connection<F extends Factory> = Awaited<ReturnType<F["connect"]>>;

/** The same adapter factory, each of whose connections passes through `wrap` once made. */
export function wrapConnections<F extends Factory>(
  factory: F,
  wrap: (adapter: Connection<F>) => Connection<F>,
): Pick<F, "provider" | "adapterName" | "connect"> {
  const connect = async () => wrap((await factory.connect()) as Connection<F>);
  return { provider: factory.provider, adapterName: factory.adapterName, connect: connect as F["connect"] };
}
