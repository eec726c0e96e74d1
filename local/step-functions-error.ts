/** An error the local Step Functions API answers with, as AWS names it (`__type`). */
export class StepFunctionsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}
