/** The flag of Pennant's logo (24 × 24 units): drawn by <Logo>, and by scripts/app-icons.ts into the app's icons. */
export const FLAG_PATH = "M5 2h2v20H5zM8 3l12 5-12 5z";
/** The logo's colour, accent-600 in app/globals.css. */
export const FLAG_COLOR = "#4f46e5";
