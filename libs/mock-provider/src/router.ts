/**
 * Finds the route for a request: literal paths through one map lookup (the benchmark path), then
 * templated ones (`/v1beta/models/{model}:generateContent`) in registration order.
 */
import type { MockRoute } from './route';

export interface RouteMatch {
  route: MockRoute;
  params: Record<string, string>;
}

interface Template {
  method: string;
  pattern: RegExp;
  names: string[];
  route: MockRoute;
}

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>;

export class Router {
  private readonly literal = new Map<string, MockRoute>();
  private readonly templates: Template[] = [];

  constructor(routes: Iterable<MockRoute>) {
    for (const route of routes) {
      if (!route.path.includes('{')) {
        this.literal.set(`${route.method} ${route.path}`, route);
        continue;
      }
      const names: string[] = [];
      // A parameter is one path segment; clients escape `/` inside it (Bedrock ARNs) as %2F.
      const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      this.templates.push({ method: route.method, pattern: new RegExp(`^${source}$`), names, route });
    }
  }

  match(method: string, pathname: string): RouteMatch | undefined {
    const route = this.literal.get(`${method} ${pathname}`);
    if (route) return { route, params: NO_PARAMS };
    for (const template of this.templates) {
      if (template.method !== method) continue;
      const found = template.pattern.exec(pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      try {
        template.names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1])));
      } catch {
        return undefined; // malformed percent-encoding: no route can use it
      }
      return { route: template.route, params };
    }
    return undefined;
  }
}
