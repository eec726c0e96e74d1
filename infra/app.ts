/**
 * The carechat CDK app (`cdk.json`: `npx tsx infra/app.ts`).
 *
 *   npx cdk synth --quiet                                  # us-east-1
 *   npx cdk deploy --all -c regions=us-east-1,eu-west-1 \
 *     -c jwtIssuer=https://login.issuer.example/ -c jwtJwksUri=https://login.issuer.example/jwks.json
 *
 * The CDK CLI synthesizes the app when this process exits.
 */
import { createCarechatApp } from "./carechat-app.ts";

createCarechatApp();
