import { Logger } from "@aws-lambda-powertools/logger";

/**
 * One structured JSON logger for every function and the local runtime. Keys such as connectionId
 * and chatId are appended per request; message text is never logged.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "carechat" });
