/**
 * On AWS, TimeoutSecondsPath and HeartbeatSecondsPath read the state's input; aws-local-stepfunctions
 * reads them from the effective input (after Parameters). Copy each path into Parameters under a
 * hidden key so the local engine finds the value the same definition finds on AWS.
 */
export function adaptTimeoutPaths(definition: { States?: Record<string, Record<string, unknown>> }): unknown {
  for (const state of Object.values(definition.States ?? {})) {
    for (const field of ["TimeoutSecondsPath", "HeartbeatSecondsPath"] as const) {
      const path = state[field];
      if (typeof path !== "string" || typeof state.Parameters !== "object" || state.Parameters === null)
        continue;
      const hidden = `__local${field}`;
      state.Parameters = { ...(state.Parameters as object), [`${hidden}.$`]: path };
      state[field] = `$.${hidden}`;
    }
    for (const branch of (state.Branches as
      | { States: Record<string, Record<string, unknown>> }[]
      | undefined) ?? [])
      adaptTimeoutPaths(branch);
  }
  return definition;
}
