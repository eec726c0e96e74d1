/** An SDK package (or several) and a client of it, loaded together on first use. */
export interface LoadedSdk<Sdk, Client> {
  readonly sdk: Sdk;
  readonly client: Client;
}

/** A client that is not loaded until the first request that needs it. */
export interface LazySdk<Sdk, Client> {
  load(): Promise<LoadedSdk<Sdk, Client>>;
}

/**
 * A factory of lazily loaded clients. Most requests never reach S3, EventBridge or Step Functions, so a
 * cold start should not pay for loading their SDK packages (tens of milliseconds each): `load` imports
 * them with `import()` (which the bundler leaves dynamic, the SDK being external) on first use and
 * builds one client. The result is kept while the service's endpoint variable is unchanged (the local
 * runtime's tests change it); a failed import is not kept, so the next request tries again.
 */
export function lazySdkLoader<Sdk, Client>(
  endpointVariable: string,
  load: (env: NodeJS.ProcessEnv) => Promise<LoadedSdk<Sdk, Client>>,
): (env?: NodeJS.ProcessEnv) => LazySdk<Sdk, Client> {
  let cached: { endpoint: string | undefined; loading: Promise<LoadedSdk<Sdk, Client>> } | undefined;
  return (env = process.env) => {
    const endpoint = env[endpointVariable];
    return {
      load() {
        if (cached && cached.endpoint === endpoint) return cached.loading;
        const loading = load(env);
        loading.catch(() => {
          if (cached?.loading === loading) cached = undefined;
        });
        cached = { endpoint, loading };
        return loading;
      },
    };
  };
}
