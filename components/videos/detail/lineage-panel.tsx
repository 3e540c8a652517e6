import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { MAX_COMPARED, type Lineage, type LineageKind } from "@/lib/videos/lineage";
import type { VideoDto } from "@/lib/videos/video-dto";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { VideoStatusBadge } from "@/components/videos/video-status-badge";
import { VideoCost } from "@/components/videos/video-cost";
import { VideoThumbnail } from "@/components/videos/video-thumbnail";

export function compareHref(teamId: string, ids: string[]): string {
  return `/t/${teamId}/compare?ids=${ids.slice(0, MAX_COMPARED).map(encodeURIComponent).join(",")}`;
}

/**
 * Where this video came from (remix, settings used again, retry, variation set), the other takes
 * of its set and what was made from it, each a link, with Compare links for each group.
 */
export async function LineagePanel({ video, lineage }: { video: VideoDto; lineage: Lineage }) {
  const t = await getTranslations("lineage");
  const { parent, siblings, children } = lineage;
  const teamId = video.teamId;
  const empty = !parent && siblings.length === 0 && children.length === 0;
  return (
    <Card className="flex flex-col gap-4">
      <section aria-labelledby="lineage-title" data-testid="lineage" className="flex flex-col gap-4">
        <h2 id="lineage-title" className="text-base font-semibold">
          {t("title")}
        </h2>
        {empty ? <p className="text-sm text-slate-600 dark:text-slate-400">{t("none")}</p> : null}
        {parent ? (
          <Group title={t(`parentKind.${parent.kind}`)} testId="lineage-parent">
            <Row video={parent.video} />
            <CompareLink href={compareHref(teamId, [video.id, parent.video.id])} label={t("compareParent")} />
          </Group>
        ) : null}
        {siblings.length > 0 ? (
          <Group title={t("siblingsTitle", { count: siblings.length })} testId="lineage-siblings">
            {siblings.map((s) => (
              <Row key={s.id} video={s} />
            ))}
            <CompareLink
              href={compareHref(teamId, [video.id, ...siblings.map((s) => s.id)])}
              label={t("compareSiblings")}
            />
          </Group>
        ) : null}
        {children.length > 0 ? (
          <Group title={t("childrenTitle", { count: children.length })} testId="lineage-children">
            {children.map((c) => (
              <Row key={c.video.id} video={c.video} kind={c.kind} />
            ))}
            <CompareLink
              href={compareHref(teamId, [video.id, ...children.map((c) => c.video.id)])}
              label={t("compareChildren")}
            />
            {children.length + 1 > MAX_COMPARED ? (
              <p className="text-xs text-slate-500 dark:text-slate-400">{t("more", { max: MAX_COMPARED })}</p>
            ) : null}
          </Group>
        ) : null}
      </section>
    </Card>
  );
}

function Group({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <div data-testid={testId} className="flex flex-col gap-2">
      <h3 className="text-sm font-medium text-slate-600 dark:text-slate-400">{title}</h3>
      <ul className="flex flex-col gap-2">{children}</ul>
    </div>
  );
}

async function Row({ video, kind }: { video: VideoDto; kind?: LineageKind }) {
  const t = await getTranslations("lineage");
  return (
    <li className="flex items-center gap-3">
      <div className="w-14 shrink-0 overflow-hidden rounded-md" aria-hidden>
        <VideoThumbnail video={video} />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <Link
          href={`/t/${video.teamId}/gallery/${video.id}`}
          className="line-clamp-2 text-sm break-words text-brand-600 underline-offset-2 hover:underline dark:text-brand-100"
        >
          {video.prompt}
        </Link>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
          {kind ? <span className="font-medium">{t(`childKind.${kind}`)}</span> : null}
          <VideoStatusBadge video={video} />
          <VideoCost video={video} />
        </div>
      </div>
    </li>
  );
}

function CompareLink({ href, label }: { href: string; label: string }) {
  return (
    <li>
      <Link href={href} className={buttonClass("secondary", "w-full sm:w-auto")}>
        {label}
      </Link>
    </li>
  );
}
