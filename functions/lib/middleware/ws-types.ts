import type { APIGatewayProxyResult, APIGatewayProxyWebsocketEventV2, Context } from "aws-lambda";
import type { Caller } from "../kernel/caller.ts";
import type { ClientAction, ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

/** An API Gateway WebSocket event as delivered to a route integration, with the authorizer's context. */
export type WsEvent = APIGatewayProxyWebsocketEventV2 & {
  requestContext: APIGatewayProxyWebsocketEventV2["requestContext"] & {
    authorizer?: Record<string, unknown>;
  };
};

export type WsResult = APIGatewayProxyResult;

/** What the request middleware adds to the Lambda context for the route functions. */
export interface WsRequest<A extends ClientAction = ClientAction> {
  readonly caller: Caller;
  readonly action: A;
  readonly frame: ClientFrame<A>;
}

export type WsContext = Context & { carechat?: WsRequest };

export type RouteFunction<A extends ClientAction> = (
  caller: Caller,
  frame: ClientFrame<A>,
) => Promise<ServerFrame | undefined>;
