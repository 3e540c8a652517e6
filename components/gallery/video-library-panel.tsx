import { can } from "@/lib/teams/permissions";
import type { Role } from "@/lib/teams/roles";
import { listCollections, videoLibraryState } from "@/lib/library/collections";
import { VideoLibraryControls } from "./video-library-controls";

type Props = { actor: { teamId: string; userId: string }; role: Role; taskId: string };

/** The detail page's favourite star and collections (its own card; the page adds it in one line). */
export async function VideoLibraryPanel({ actor, role, taskId }: Props) {
  const [state, collections] = await Promise.all([videoLibraryState(actor, taskId), listCollections(actor)]);
  return (
    <VideoLibraryControls
      teamId={actor.teamId}
      taskId={taskId}
      initial={state}
      collections={collections}
      canCollect={can(role, "collections.edit")}
    />
  );
}
