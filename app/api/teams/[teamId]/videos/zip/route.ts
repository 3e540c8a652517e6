import type { NextRequest } from "next/server";
import { teamRoute } from "@/lib/http/route-handler";
import { HttpError, httpErrors } from "@/lib/http/errors";
import { parseIdList } from "@/lib/library/ids";
import { exportVideosZip } from "@/lib/library/zip-export";
import { isProgressToken, writeZipProgress } from "@/lib/library/zip-progress";
import { attachmentDisposition } from "@/lib/videos/download-file-name";

type ZipForm = { ids: string[]; token: string | null };

async function readForm(request: NextRequest): Promise<ZipForm> {
  const form = await request.formData().catch(() => {
    throw httpErrors.badRequest("bad_request", "Send the selection as a form.");
  });
  const raw = form.get("ids");
  const ids = typeof raw === "string" ? parseIdList(raw) : [];
  if (ids.length === 0) throw httpErrors.badRequest("bad_request", "Select at least one video.");
  const token = form.get("progress");
  return { ids, token: isProgressToken(token) ? token : null };
}

// POST /api/teams/<teamId>/videos/zip (a form: ids=a,b,c&progress=<token>) → the selected videos
// of this team that have a stored copy, as one zip streamed while it is built, plus
// manifest.csv and manifest.json (lib/library/zip-export.ts). A POST because a selection can hold
// 500 ids; the page posts it into a hidden frame, so the browser downloads it natively (to disk,
// flat memory) and the page follows the server's progress under `progress`
// (GET …/zip/progress?token=, decision 070).
export const POST = teamRoute({
  permission: "videos.read",
  parse: (request) => {
    const form = readForm(request);
    form.catch(() => undefined); // answered when `run` awaits it, after the team check
    return form;
  },
  run: async (actor, pending) => {
    const { ids, token } = await pending;
    const onProgress = token
      ? (progress: Parameters<typeof writeZipProgress>[2]) => writeZipProgress(actor.userId, token, progress)
      : undefined;
    const exported = await exportVideosZip(actor, ids, { onProgress });
    if (!exported) {
      if (token)
        writeZipProgress(actor.userId, token, { state: "empty", files: 0, filesDone: 0, totalBytes: 0, bytesSent: 0 });
      throw new HttpError(404, "not_stored", "None of the selected videos has a stored copy.");
    }
    return new Response(exported.body, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": attachmentDisposition(exported.fileName),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
