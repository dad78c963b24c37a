import type { Bucket } from "@/lib/analytics/get-analytics";

// Okabe-Ito blue and vermilion: told apart with any colour-vision deficiency;
// uniques are also dashed, so the two lines differ without colour.
export const CLICKS_COLOUR = "#0072B2";
export const UNIQUES_COLOUR = "#D55E00";

/** One bucket of the time series with its label, as the chart and the table show it. */
export type TimeseriesRow = Bucket & { label: string };
