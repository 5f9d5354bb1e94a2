// `npm run ui:types`: writes ui/shared/api-types.ts, the browser pages' types of every API route,
// from the OpenAPI document the routers register (run it after changing a route's schemas).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import "../api/app.ts";
import { openApiDocument } from "../api/openapi.ts";
import { type OpenApiDoc, typesFromOpenApi } from "../api/openapi-types.ts";

export const UI_API_TYPES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../ui/shared/api-types.ts");

writeFileSync(UI_API_TYPES, typesFromOpenApi(openApiDocument() as unknown as OpenApiDoc));
console.log(`wrote ${path.relative(process.cwd(), UI_API_TYPES)}`);
