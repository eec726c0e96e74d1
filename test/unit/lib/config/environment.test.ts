import { describe, expect, it } from "vitest";
import { MissingEnvironmentError, readEnvironment } from "../../../../functions/lib/config/environment.ts";

const chatEnvironment = {
  TABLE_NAME: "carechat",
  WS_MANAGEMENT_ENDPOINT: "https://abc.execute-api.eu-west-1.amazonaws.com/prod",
  HANDOFF_STATE_MACHINE_ARN: "arn:aws:states:eu-west-1:1:stateMachine:handoff",
  CLOSURE_STATE_MACHINE_ARN: "arn:aws:states:eu-west-1:1:stateMachine:closure",
  ROUTING_CONFIG_FILE: "routing.json",
};

describe("readEnvironment", () => {
  it("names every missing required variable, and none that is present", () => {
    // Prepare
    const env = { TABLE_NAME: "carechat", ROUTING_CONFIG_FILE: "routing.json" };

    // Act
    const error = (() => {
      try {
        readEnvironment("actions", env);
      } catch (thrown) {
        return thrown;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(MissingEnvironmentError);
    const message = (error as Error).message;
    for (const name of ["WS_MANAGEMENT_ENDPOINT", "HANDOFF_STATE_MACHINE_ARN", "CLOSURE_STATE_MACHINE_ARN"])
      expect(message).toContain(name);
    expect(message).not.toContain("TABLE_NAME");
    expect(message).toContain("actions");
  });

  it("treats an empty value as missing", () => {
    // Prepare
    const env = { TABLE_NAME: "" };

    // Act
    const read = () => readEnvironment("connect", env);

    // Assess
    expect(read).toThrow(/TABLE_NAME/);
  });

  it("returns only the variables the function declares", () => {
    // Prepare
    const env = {
      ...chatEnvironment,
      PATH: "/usr/bin",
      JWT_ISSUER: "https://issuer.example",
      AWS_REGION: "eu-west-1",
    };

    // Act
    const connect = readEnvironment("connect", env);
    const ticker = readEnvironment("queue-ticker", env);

    // Assess
    expect(connect).toEqual({ TABLE_NAME: "carechat" });
    expect(ticker).toEqual({
      TABLE_NAME: "carechat",
      WS_MANAGEMENT_ENDPOINT: chatEnvironment.WS_MANAGEMENT_ENDPOINT,
      ROUTING_CONFIG_FILE: "routing.json",
    });
  });

  it("includes an optional variable when it is set and leaves it out when it is not", () => {
    // Prepare
    const { CLOSURE_STATE_MACHINE_ARN: _closure, ...withoutClosure } = chatEnvironment;

    // Act
    const withIt = readEnvironment("chat-handoff", chatEnvironment);
    const without = readEnvironment("chat-handoff", withoutClosure);

    // Assess
    expect(withIt.CLOSURE_STATE_MACHINE_ARN).toBe(chatEnvironment.CLOSURE_STATE_MACHINE_ARN);
    expect(Object.keys(without)).not.toContain("CLOSURE_STATE_MACHINE_ARN");
  });

  it("needs only the table for the authorizer (each identity provider is optional)", () => {
    // Act
    const read = readEnvironment("authorizer", { TABLE_NAME: "carechat" });

    // Assess
    expect(read).toEqual({ TABLE_NAME: "carechat" });
    expect(() => readEnvironment("authorizer", {})).toThrow(/TABLE_NAME/);
  });
});
