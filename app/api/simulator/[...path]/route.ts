import { getEmbeddedSimulator } from "@/lib/simulator/embedded";

// The built-in provider: /api/simulator/v1/* is the Videos API the studio talks to by default,
// /api/simulator/__simulator/* its test controls. All logic lives in lib/simulator.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function forward(request: Request): Promise<Response> {
  return getEmbeddedSimulator().handle(request);
}

export { forward as GET, forward as POST, forward as DELETE, forward as HEAD };
