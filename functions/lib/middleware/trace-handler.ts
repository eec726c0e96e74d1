import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import type { MiddlewareObj } from "@middy/core";
import { tracer } from "../tracer.ts";

/** The handler's X-Ray segment, without its response (reply frames carry chat text) or the error's body. */
export const traceHandler = <TEvent, TResult>(): MiddlewareObj<TEvent, TResult> =>
  captureLambdaHandler(tracer, { captureResponse: false }) as MiddlewareObj<TEvent, TResult>;
