// The OpenAPI 3.1 registry: routers register their zod schemas here, so the spec is the code.
import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
export const registry = new OpenAPIRegistry();

export function openApiDocument() {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "County collusion-graph API",
      version: "1.0.0",
      description: "Risk scores, networks and saved queries over a county's cadre, kin, company, project and subsidy graph.",
    },
    servers: [{ url: "/" }],
  });
}
