// Every service of the registry with its definition (services/<service>/api/src/service.ts, exported by
// @hamgam/<service>-api/service). Services never import each other; infra may read them all, to write
// and check what must agree with them (the broker's bindings, the roles the shell shows them to).
import { SERVICES, type Service } from '@hamgam/registry';
import { SubscriptionRegistry, type ServiceDefinition } from '@hamgam/service-kit';

export interface DefinedService {
  entry: Service;
  definition: ServiceDefinition<unknown>;
  /** The routing keys it consumes, as the kit binds them to its queue at start-up. */
  bindingKeys: string[];
}

const isDefinition = (value: unknown): value is ServiceDefinition<unknown> =>
  typeof value === 'object' && value !== null && 'name' in value && 'routes' in value && 'models' in value;

export async function definedServices(): Promise<DefinedService[]> {
  return Promise.all(
    SERVICES.map(async (entry) => {
      const exported: Record<string, unknown> = await import(`@hamgam/${entry.service}-api/service`);
      const definition = Object.values(exported)
        .filter(isDefinition)
        .find((d) => d.name === entry.service);
      if (!definition) throw new Error(`@hamgam/${entry.service}-api/service exports no service definition named ${entry.service}`);
      // Handlers are only built, never called: no models, store or broker are needed.
      const bindingKeys = new SubscriptionRegistry(definition.subscriptions?.({} as never) ?? []).bindingKeys();
      return { entry, definition, bindingKeys };
    }),
  );
}
