"use client";

import { useCallback } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { setFavouritesAction } from "@/lib/actions/library";
import { videoKeys } from "@/components/videos/video-api";
import { fetchLibrary, libraryForm, libraryKeys, type LibraryState } from "./library-api";

/**
 * The viewer's favourites and the team's collections (one small query), and the star toggle:
 * the star changes at once, the server is told, and the state is read again either way.
 */
export function useLibrary(teamId: string, initial?: LibraryState) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: libraryKeys.state(teamId),
    queryFn: ({ signal }) => fetchLibrary(teamId, signal),
    initialData: initial,
    staleTime: 30_000,
  });
  const favourites = new Set(query.data?.favourites ?? []);

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: libraryKeys.state(teamId) });
    await queryClient.invalidateQueries({ queryKey: videoKeys.lists(teamId) });
  }, [queryClient, teamId]);

  const setFavourite = useCallback(
    async (ids: string[], on: boolean) => {
      queryClient.setQueryData<LibraryState>(libraryKeys.state(teamId), (old) => {
        if (!old) return old;
        const next = new Set(old.favourites);
        for (const id of ids)
          if (on) next.add(id);
          else next.delete(id);
        return { ...old, favourites: [...next] };
      });
      const result = await setFavouritesAction(libraryForm(teamId, { on: on ? "1" : "0" }, ids));
      await refresh();
      return result;
    },
    [queryClient, teamId, refresh],
  );

  return { query, favourites, collections: query.data?.collections ?? [], setFavourite, refresh };
}
