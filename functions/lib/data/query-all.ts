import { type DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";

/** Every item a query matches, following LastEvaluatedKey with the SDK's own paginator. */
export async function queryAll<T>(documents: DynamoDBDocumentClient, input: QueryCommandInput): Promise<T[]> {
  const items: T[] = [];
  for await (const page of paginateQuery({ client: documents }, input))
    items.push(...((page.Items ?? []) as T[]));
  return items;
}
