import { UnknownActionError } from "../errors.ts";
import type { ClientAction } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import type { RouteFunction, WsContext, WsEvent } from "./ws-types.ts";

export type Routes = { [A in ClientAction]?: RouteFunction<A> };

/**
 * In the spirit of middy's ws-router (not published for middy 6): an action maps to a plain
 * function of the caller and the validated frame. An action with no route here is unknown to this
 * deployment.
 */
export function wsRouter(routes: Routes) {
  return async (_event: WsEvent, context: WsContext): Promise<ServerFrame | undefined> => {
    const request = context.carechat;
    if (!request) throw new Error("wsRequest middleware must run before the router.");
    const route = routes[request.action] as RouteFunction<ClientAction> | undefined;
    if (!route) throw new UnknownActionError(request.action);
    return route(request.caller, request.frame);
  };
}
