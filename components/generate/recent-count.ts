/** How many of the person's videos Generate lists beside the form (read by the page, shown by RecentVideos). */
export const RECENT_COUNT = 6;
